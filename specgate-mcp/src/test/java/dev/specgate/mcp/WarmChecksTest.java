package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.RunOptions;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm server's memory of check results gives what a fresh run gives, and forgets in time. */
class WarmChecksTest {

    static final CheckOptions TODAY = CheckOptions.asOf(LocalDate.of(2026, 12, 1));

    @TempDir Path dir;

    Path spec(String name, String body) throws Exception {
        Path specs = Files.createDirectories(dir.resolve("directives/spec"));
        return Files.writeString(specs.resolve(name), body);
    }

    static String text(String title, String link) {
        return "# Technical Specification: "
                + title
                + "\n\n**Created:** 2026-11-30\n\n## Executive Summary\n\nSee [the runbook]("
                + link
                + ") and `code [with] brackets`.\n\n| a | b |\n|---|---|\n| ü | ß |\n";
    }

    List<CheckResult> fresh(SpecProject project, List<Path> files) throws Exception {
        return project.run(files, RunOptions.of(TODAY)).checkRun().results();
    }

    List<CheckResult> warm(WarmChecks warm, SpecProject project, List<Path> files) {
        return warm.check(project, files, TODAY).stream().map(WarmChecks.Checked::result).toList();
    }

    @Test
    void remembersOnlyWhileTheTextTheConfigurationAndTheLinkTargetsStay() throws Exception {
        Path a = spec("2026-11-30_spec_a.md", text("A", "../../docs/runbook.md"));
        Path b =
                spec(
                        "2026-11-30_spec_b.md",
                        "\uFEFF" + text("B", "#nowhere").replace("\n", "\r\n"));
        List<Path> files = List.of(a, b);
        WarmChecks warm = new WarmChecks();
        SpecProject project = SpecProject.open(dir, ConfigChoice.nearest());

        assertThat(warm(warm, project, files)).isEqualTo(fresh(project, files));
        assertThat(warm(warm, project, files).get(0).diagnostics())
                .anyMatch(d -> d.ruleId().equals("link-broken"));
        assertThat(warm.size()).isEqualTo(2);

        // the link target appears: the broken link is no longer reported
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/runbook.md"), "# Runbook\n");
        assertThat(warm(warm, project, files).get(0).diagnostics())
                .noneMatch(d -> d.ruleId().equals("link-broken"));
        assertThat(warm(warm, project, files)).isEqualTo(fresh(project, files));

        // the text changes
        Files.writeString(a, text("A", "../../docs/gone.md"));
        assertThat(warm(warm, project, files)).isEqualTo(fresh(project, files));
        assertThat(warm(warm, project, files).get(0).diagnostics())
                .anyMatch(d -> d.ruleId().equals("link-broken"));

        // the configuration changes
        Files.writeString(dir.resolve(".specgate.yml"), "rules:\n  link-broken: off\n");
        SpecProject configured = SpecProject.open(dir, ConfigChoice.nearest());
        assertThat(warm(warm, configured, files)).isEqualTo(fresh(configured, files));
        assertThat(warm(warm, configured, files).get(0).diagnostics())
                .noneMatch(d -> d.ruleId().equals("link-broken"));

        // a spec goes away: it is forgotten
        warm.retainOnly(dir, java.util.Set.of(b));
        assertThat(warm.size()).isEqualTo(1);
    }

    @Test
    void metadataBesideTheSpecIsReadAndFollowedAsARunReadsIt() throws Exception {
        Files.writeString(dir.resolve(".specgate.yml"), "metadata:\n  sidecar: meta.yaml\n");
        Path a = spec("2026-11-30_spec_a.md", text("A", "#nowhere"));
        Path meta = dir.resolve("directives/spec/meta.yaml");
        Files.writeString(meta, "Document Status: Draft\nCreated: 2026-11-30\n");
        List<Path> files = List.of(a);
        WarmChecks warm = new WarmChecks();
        SpecProject project = SpecProject.open(dir, ConfigChoice.nearest());

        assertThat(warm(warm, project, files)).isEqualTo(fresh(project, files));
        assertThat(warm.check(project, files, TODAY).get(0).summary().status()).isEqualTo("Draft");

        // only the file beside the spec changes
        Files.writeString(meta, "Document Status: Review\nCreated: 2026-11-30\n");
        assertThat(warm(warm, project, files)).isEqualTo(fresh(project, files));
        assertThat(warm.check(project, files, TODAY).get(0).summary().status()).isEqualTo("Review");

        // and goes away: metadata-invalid, as check says
        Files.delete(meta);
        assertThat(warm(warm, project, files)).isEqualTo(fresh(project, files));
        assertThat(warm(warm, project, files).get(0).diagnostics())
                .anyMatch(d -> d.ruleId().equals("metadata-invalid"));
    }
}
