package dev.specgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CliRun;
import dev.specgate.cli.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monorepo whose team folder keeps its own {@code .specgate.yml} (an ADR template with front
 * matter) below a root that follows the built-in template: each spec is checked under the
 * configuration nearest above it, whichever folder the command starts from, as {@code check FILE}
 * and {@code status} see it. Before, {@code check .} held the team's ADR to the root's template (22
 * errors) while {@code check team} and {@code status} passed it.
 */
class NestedConfigTest {

    private static final String TODAY = "2026-12-01";
    private static final String SPEC = "2026-10-02_spec_webhook-retry-queue.md";
    private static final String ADR_TEMPLATE =
            """
            ---
            status: proposed | accepted | rejected | deprecated
            date: YYYY-MM-DD
            ---

            # ADR-{{number}}: [short title of solved problem]

            ## Context and Problem Statement

            [Describe the context and problem statement.]

            ## Decision Outcome

            Chosen option: "[option 1]", because [justification].
            """;
    private static final String ADR =
            """
            ---
            status: proposed
            date: 2026-12-01
            ---

            # ADR-0001: Use Postgres for the ledger

            ## Context and Problem Statement

            We need a ledger store that keeps every posting — café receipts included — exactly once.

            ## Decision Outcome

            Chosen option: "Postgres", because ACID transactions and `SELECT … FOR UPDATE [NOWAIT]`.
            """;

    @TempDir Path root;
    Path adr;

    private void monorepo(String rootConfig) throws Exception {
        if (rootConfig != null) {
            Files.writeString(root.resolve(".specgate.yml"), rootConfig);
        }
        // the root's own spec links to a file that does not exist: link-broken at the root
        SpecFixtures.writeSpec(
                root,
                SPEC,
                SpecFixtures.cleanSpec() + "\nSee [the runbook](../../docs/no-such-runbook.md).\n");
        Path team = Files.createDirectories(root.resolve("team"));
        Files.writeString(team.resolve("adr-template.md"), ADR_TEMPLATE);
        Files.writeString(team.resolve(".specgate.yml"), "template: adr-template.md\n");
        adr =
                Files.writeString(
                        Files.createDirectories(team.resolve("directives/spec"))
                                .resolve("0001-use-postgres.md"),
                        ADR);
    }

    @Test
    void eachSpecFollowsTheConfigurationNearestAboveItFromWhereverTheCheckStarts()
            throws Exception {
        monorepo(null);

        CliRun fromRoot = CliRun.of("check", root.toString(), "--today", TODAY);
        CliRun fromTeam = CliRun.of("check", root.resolve("team").toString(), "--today", TODAY);
        CliRun status = CliRun.of("status", adr.toString(), "--today", TODAY);

        assertThat(fromRoot.out())
                .as(fromRoot.err())
                .contains(SPEC + ":")
                .contains("[link-broken]")
                .doesNotContain("0001-use-postgres.md")
                .contains("Checked 2 specs: 1 error");
        assertThat(fromRoot.exitCode()).isEqualTo(1);
        assertThat(fromTeam.out()).contains("No problems found in 1 spec");
        assertThat(fromTeam.exitCode()).isZero();
        assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
    }

    @Test
    void aRootConfigurationAppliesToTheRootsSpecsOnlyAndJsonListsBoth() throws Exception {
        monorepo("rules:\n  link-broken: off\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> files = new ArrayList<>();
        for (JsonNode f : report.get("files")) {
            files.add(f.get("path").asText().replace('\\', '/'));
            assertThat(f.get("diagnostics")).as(f.toString()).isEmpty();
        }
        assertThat(files)
                .hasSize(2)
                .anyMatch(p -> p.endsWith("team/directives/spec/0001-use-postgres.md"))
                .anyMatch(p -> p.endsWith("directives/spec/" + SPEC));
    }

    @Test
    void aNamedConfigurationOrNoneAppliesToEverySpec() throws Exception {
        monorepo("rules:\n  link-broken: off\n");

        CliRun named =
                CliRun.of(
                        "check",
                        root.toString(),
                        "--today",
                        TODAY,
                        "--config",
                        root.resolve(".specgate.yml").toString());
        CliRun none = CliRun.of("check", root.toString(), "--today", TODAY, "--no-config");

        // the ADR held to the built-in template: its sections and fields are missing
        assertThat(named.out()).contains("0001-use-postgres.md").contains("[section-missing]");
        assertThat(named.exitCode()).isEqualTo(1);
        assertThat(none.out()).contains("0001-use-postgres.md").contains("[link-broken]");
    }

    @Test
    void listShowsEachSpecWithItsOwnTemplatesStatus() throws Exception {
        monorepo(null);

        CliRun run = CliRun.of("list", root.toString(), "--today", TODAY, "--status", "proposed");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0001-use-postgres.md").doesNotContain(SPEC);
    }

    @Test
    void aConfigurationTwoLevelsDownSplitsAgainAndEachSpecIsCheckedOnce() throws Exception {
        monorepo(null);
        // team/legacy keeps the built-in template, with link-broken off
        Path legacy = Files.createDirectories(root.resolve("team/legacy"));
        Files.writeString(legacy.resolve(".specgate.yml"), "rules:\n  link-broken: off\n");
        SpecFixtures.writeSpec(
                legacy,
                SPEC,
                SpecFixtures.cleanSpec() + "\nSee [the runbook](../../docs/no-such-runbook.md).\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY, "--format", "json");

        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> files = new ArrayList<>();
        for (JsonNode f : report.get("files")) {
            files.add(f.get("path").asText().replace('\\', '/'));
        }
        assertThat(files).as(run.err()).hasSize(3).doesNotHaveDuplicates();
        // the root spec's broken link is reported, the legacy copy's is not (its own rules)
        assertThat(report.get("summary").get("errors").asInt()).isEqualTo(1);
    }

    @Test
    void aFolderTheOuterConfigurationIgnoresIsNotAProjectOfItsOwn() throws Exception {
        monorepo("ignore:\n  - team/**\n");

        CliRun run = CliRun.of("check", root.toString(), "--today", TODAY);

        assertThat(run.out())
                .as(run.err())
                .doesNotContain("0001-use-postgres.md")
                .contains("Checked 1 spec");
    }

    @Test
    void aSpecInAFolderTheOuterConfigurationIgnoresIsLeftOutWhenNamedToo() throws Exception {
        monorepo("ignore:\n  - team/\n");
        byte[] before = Files.readAllBytes(adr);

        CliRun named = CliRun.of("check", adr.toString(), "--today", TODAY);
        CliRun move = CliRun.of("status", adr.toString(), "accepted", "--today", TODAY);
        CliRun folder = CliRun.of("check", root.resolve("team").toString(), "--today", TODAY);

        // as check of the root leaves it out, so does check of the file or its folder
        assertThat(named.err()).contains("0001-use-postgres.md is not checked");
        assertThat(move.exitCode()).as(move.out() + move.err()).isEqualTo(2);
        assertThat(move.err()).contains("is not checked");
        assertThat(Files.readAllBytes(adr)).isEqualTo(before);
        assertThat(folder.exitCode()).as(folder.out() + folder.err()).isEqualTo(2);
    }

    @Test
    void aSpecNamedInANestedProjectTheOuterOneDoesNotIgnoreFollowsItsOwnConfiguration()
            throws Exception {
        monorepo("ignore:\n  - legacy/\n");

        CliRun named = CliRun.of("check", adr.toString(), "--today", TODAY);

        assertThat(named.err()).doesNotContain("is not checked");
        assertThat(named.out()).as(named.err()).contains("No problems found in 1 spec");
    }

    @Test
    void aBrokenOuterConfigurationIsAOneLineErrorNamingItWhereverTheCommandStarts()
            throws Exception {
        // the outer file decides whether the nested one governs: it is never passed over
        monorepo("ignore:\n  - team/\nrules:\n  bogus-rule: off\n");
        byte[] before = Files.readAllBytes(adr);
        String error =
                "specgate: " + root.resolve(".specgate.yml") + ":4: unknown rule 'bogus-rule'";

        CliRun named = CliRun.of("check", adr.toString(), "--today", TODAY);
        CliRun folder = CliRun.of("check", root.resolve("team").toString(), "--today", TODAY);
        CliRun move = CliRun.of("status", adr.toString(), "accepted", "--today", TODAY);

        for (CliRun run : List.of(named, folder, move)) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith(error).doesNotContain("\tat ");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        assertThat(Files.readAllBytes(adr)).isEqualTo(before);
    }

    @Test
    void theDashboardLeavesANestedProjectOutAndSaysSo() throws Exception {
        monorepo(null);
        Path out = root.resolve("site-out");

        CliRun run = CliRun.of("site", root.toString(), "--out", out.toString(), "--today", TODAY);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err())
                .contains(".specgate.yml keeps its own configuration")
                .contains("run specgate site");
        assertThat(Files.readString(out.resolve("index.json")))
                .contains(SPEC)
                .doesNotContain("0001-use-postgres");
        // said once, from the site's own look at the specs
        assertThat(run.err().split("keeps its own configuration", -1)).hasSize(2);
    }

    @Test
    void aDashboardOfOnlyANestedProjectSaysWhereItsSpecsAre() throws Exception {
        monorepo(null);
        Files.delete(root.resolve("directives/spec").resolve(SPEC));
        Path out = root.resolve("site-out");

        CliRun run = CliRun.of("site", root.toString(), "--out", out.toString(), "--today", TODAY);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("no specs found under " + root)
                .contains("the specs under " + root.resolve("team"))
                .contains(".specgate.yml: show them from there")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
