package dev.specgate.core.project;

import static dev.specgate.core.TestSpecs.OPTIONS;
import static dev.specgate.core.TestSpecs.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.config.ConfigException;
import dev.specgate.core.config.SpecgateConfig;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecEdit;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.lifecycle.Board;
import dev.specgate.core.lifecycle.Lifecycle;
import dev.specgate.core.lifecycle.SpecStatus;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.Strictness;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs whose metadata is front matter, a leading list or a sidecar file, checked through the
 * façade with a {@code .specgate.yml} as a team would write it.
 */
class MetadataProjectTest {

    /** The rules this feature answers for; others' findings are not asserted here. */
    private static final List<String> METADATA_RULES =
            List.of(
                    RuleIds.METADATA_INVALID,
                    RuleIds.FIELD_MISSING,
                    RuleIds.FIELD_VALUE,
                    RuleIds.FIELD_DATE,
                    RuleIds.FIELD_DUPLICATE,
                    RuleIds.SECTION_EMPTY,
                    RuleIds.SECTION_MISSING,
                    RuleIds.SECTION_ORDER,
                    RuleIds.SECTION_LEVEL);

    @TempDir Path dir;

    private Path copy(String family) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource("/metadata/" + family).toURI());
        Path to = dir.resolve(family);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private SpecProject project(Path root, String yaml) throws IOException, ConfigException {
        Path config = Files.writeString(root.resolve(SpecgateConfig.FILE_NAME), yaml);
        return SpecProject.open(root, ConfigChoice.file(config));
    }

    private static List<Diagnostic> metadataFindings(CheckedSpec spec) {
        return spec.result().diagnostics().stream()
                .filter(d -> METADATA_RULES.contains(d.ruleId()))
                .toList();
    }

    @Test
    void madrAdrsReadTheirFrontMatter() throws Exception {
        Path adr = copy("madr");
        SpecProject p = project(adr, "template: adr-template.md\n");

        CheckedSpec proposed = p.inspect(adr.resolve("0007-ledger-close-lock.md"), OPTIONS);
        assertThat(metadataFindings(proposed))
                .as(describe(proposed.result().diagnostics()))
                .isEmpty();
        assertThat(proposed.status()).contains("proposed");
        assertThat(proposed.strictness()).isEqualTo(Strictness.DRAFT);
        assertThat(proposed.summary().created()).isEqualTo("2025-02-11");

        CheckedSpec superseded = p.inspect(adr.resolve("0008-superseded-cache.md"), OPTIONS);
        assertThat(metadataFindings(superseded))
                .as(describe(superseded.result().diagnostics()))
                .isEmpty();
        assertThat(superseded.strictness()).isEqualTo(Strictness.REVIEW);
        assertThat(p.board().column(p.schema(), superseded.summary().status(), null))
                .isEqualTo("superseded by ADR-0123");
    }

    @Test
    void aFrontMatterPlaceholderLeftInIsReported() throws Exception {
        Path adr = copy("madr");
        String text =
                Files.readString(adr.resolve("0007-ledger-close-lock.md"))
                        .replace("status: proposed", "status: accepted")
                        .replace(
                                "decision-makers: Ana Souza, Piotr Nowak",
                                "decision-makers: {list everyone involved in the decision}");
        Files.writeString(adr.resolve("0011-left-in.md"), text);
        SpecProject p = project(adr, "template: adr-template.md\n");
        CheckedSpec spec = p.inspect(adr.resolve("0011-left-in.md"), OPTIONS);
        assertThat(spec.result().diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.PLACEHOLDER_TEMPLATE))
                .singleElement()
                .satisfies(d -> assertThat(d.range().startLine()).isEqualTo(3))
                .satisfies(d -> assertThat(d.range().startColumn()).isEqualTo(17))
                .satisfies(d -> assertThat(d.severity().label()).isEqualTo("error"))
                .satisfies(d -> assertThat(d.message()).endsWith("left in 'decision-makers:'"));
    }

    @Test
    void brokenFrontMatterIsReportedWithItsCause() throws Exception {
        Path adr = copy("madr");
        SpecProject p = project(adr, "template: adr-template.md\n");

        CheckedSpec bad = p.inspect(adr.resolve("0009-bad-yaml.md"), OPTIONS);
        List<Diagnostic> invalid =
                bad.result().diagnostics().stream()
                        .filter(d -> d.ruleId().equals(RuleIds.METADATA_INVALID))
                        .toList();
        assertThat(invalid).hasSize(1);
        assertThat(invalid.get(0).message()).startsWith("the front matter is not valid YAML");
        // the closing '---' is where the unclosed flow list is noticed
        assertThat(invalid.get(0).range().startLine()).isBetween(3, 4);
        // the front matter is still not Markdown: no section made of it
        assertThat(bad.document().sections().get(0).title())
                .isEqualTo("Retire the v1 export endpoint");

        CheckedSpec open = p.inspect(adr.resolve("0010-never-closed.md"), OPTIONS);
        assertThat(open.result().diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.METADATA_INVALID))
                .singleElement()
                .satisfies(d -> assertThat(d.range().startLine()).isZero())
                .satisfies(d -> assertThat(d.message()).contains("never closed"));
    }

    @Test
    void aSpecFromAFrontMatterTemplateWithoutItsRequiredKeys() throws Exception {
        Files.writeString(
                dir.resolve("t.md"),
                "---\nstatus: [draft, accepted]\nowner: {who}\n---\n# {title}\n\n## Context\n{why}\n");
        Files.writeString(
                dir.resolve("a.md"),
                "---\nstatus: acepted\n---\n# Ship it\n\n## Context\nWe ship on Fridays.\n");
        SpecProject p = project(dir, "template: t.md\nignore: [t.md]\n");
        CheckedSpec a = p.inspect(dir.resolve("a.md"), OPTIONS);
        assertThat(a.result().diagnostics())
                .extracting(d -> d.range().startLine() + " " + d.ruleId() + " " + d.message())
                .containsExactlyInAnyOrder(
                        "1 field-value 'status' is 'acepted' but must be one of draft, accepted",
                        "1 field-missing missing metadata field 'owner:'");
    }

    @Test
    void rustRfcsReadTheLeadingList() throws Exception {
        Path rfc = copy("rfc");
        SpecProject p = project(rfc, "template: 0000-template.md\nignore: [0000-template.md]\n");

        CheckedSpec good = p.inspect(rfc.resolve("3412-slice-chunk-exact.md"), OPTIONS);
        assertThat(metadataFindings(good)).as(describe(good.result().diagnostics())).isEmpty();

        CheckedSpec bad = p.inspect(rfc.resolve("3413-bad-date.md"), OPTIONS);
        assertThat(metadataFindings(bad))
                .extracting(d -> (d.range().startLine() + 1) + " " + d.ruleId())
                .containsExactlyInAnyOrder("2 field-date", "3 field-missing");
        assertThat(metadataFindings(bad))
                .filteredOn(d -> d.ruleId().equals(RuleIds.FIELD_MISSING))
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("missing metadata field '- Rust Issue:'");
    }

    @Test
    void swiftProposalsFollowAConfiguredLifecycle() throws Exception {
        Path se = copy("evolution");
        SpecProject p =
                project(
                        se,
                        """
                        template: 0000-template.md
                        ignore: [0000-template.md]
                        lifecycle:
                          order: [Awaiting review, Active review, Accepted, Implemented, Returned for revision, Rejected]
                          draft: [Awaiting review, Returned for revision]
                        """);
        CheckedSpec spec = p.inspect(se.resolve("0412-strict-concurrency.md"), OPTIONS);
        assertThat(metadataFindings(spec)).as(describe(spec.result().diagnostics())).isEmpty();
        assertThat(spec.status()).contains("**Implemented (Swift 5.10)**");
        assertThat(p.board().columns()).hasSize(6).startsWith("Awaiting review");
        assertThat(p.board().column(p.schema(), spec.summary().status(), null))
                .isEqualTo("Implemented");
        // past Accepted, the process's approval point (layout-early's too): held as an Approved
        // spec is, no longer as Review for want of a status named Approved
        assertThat(spec.strictness()).isEqualTo(Strictness.APPROVED);
    }

    @Test
    void kepsReadTheirStatusFromTheSidecar() throws Exception {
        Path kep = copy("kep");
        SpecProject p =
                project(
                        kep,
                        """
                        template: README-template.md
                        specs: ['*/README.md']
                        metadata:
                          sidecar: kep.yaml
                        lifecycle:
                          status-field: status
                          order: [provisional, implementable, implemented, deferred, rejected, withdrawn, replaced]
                          draft: [provisional]
                        """);
        CheckedSpec good = p.inspect(kep.resolve("0042-graceful-drain/README.md"), OPTIONS);
        assertThat(metadataFindings(good)).as(describe(good.result().diagnostics())).isEmpty();
        assertThat(good.status()).contains("implementable");
        // implementable is where a KEP's implementation may begin: held as Approved
        assertThat(good.strictness()).isEqualTo(Strictness.APPROVED);
        assertThat(p.board().column(p.schema(), good.summary().status(), null))
                .isEqualTo("implementable");
        assertThat(p.schema().metadataForm().label()).isEqualTo("sidecar");

        CheckedSpec missing = p.inspect(kep.resolve("0043-no-sidecar/README.md"), OPTIONS);
        assertThat(missing.result().diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.METADATA_INVALID))
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo(
                        "no kep.yaml beside this spec: its metadata (the status among it) cannot"
                                + " be read");

        CheckedSpec broken = p.inspect(kep.resolve("0044-bad-sidecar/README.md"), OPTIONS);
        assertThat(broken.result().diagnostics())
                .filteredOn(d -> d.ruleId().equals(RuleIds.METADATA_INVALID))
                .singleElement()
                .extracting(Diagnostic::message)
                .asString()
                .startsWith("kep.yaml is not valid YAML")
                .contains("(kep.yaml line ");
    }

    @Test
    void aCachedRunReadsTheSidecarAndFollowsItsChanges() throws Exception {
        Path kep = copy("kep");
        String yaml =
                """
                template: README-template.md
                specs: ['*/README.md']
                cache: true
                metadata:
                  sidecar: kep.yaml
                lifecycle:
                  status-field: status
                  order: [provisional, implementable, implemented]
                """;
        SpecProject p = project(kep, yaml);
        List<String> first = cachedRun(p, kep);
        List<String> alone = new ArrayList<>();
        for (String spec : List.of("0042-graceful-drain", "0043-no-sidecar", "0044-bad-sidecar")) {
            Path file = kep.resolve(spec).resolve("README.md");
            alone.add(line(file, p.inspect(file, OPTIONS).result()));
        }
        assertThat(first).as("a cached run gives each file's own verdict").isEqualTo(alone);
        assertThat(first).anyMatch(l -> l.contains("status=implementable"));

        Path sidecar = kep.resolve("0042-graceful-drain/kep.yaml");
        Files.writeString(
                sidecar,
                Files.readString(sidecar).replace("status: implementable", "status: implemented"));
        List<String> second = cachedRun(project(kep, yaml), kep);
        assertThat(second)
                .as("the sidecar changed, not the spec: no stale result")
                .anyMatch(l -> l.contains("status=implemented"))
                .noneMatch(l -> l.contains("status=implementable"));
    }

    private static List<String> cachedRun(SpecProject p, Path root) throws Exception {
        ProjectRun run = p.run(p.find(List.of(root)), RunOptions.of(OPTIONS).withCache(true));
        return run.files().stream().map(f -> line(f.result().path(), f.result())).toList();
    }

    private static String line(Path file, CheckResult r) {
        return file
                + " status="
                + r.status()
                + " "
                + r.diagnostics().stream()
                        .filter(d -> METADATA_RULES.contains(d.ruleId()))
                        .map(d -> d.ruleId() + ":" + d.message())
                        .toList();
    }

    @Test
    void aTemplateWithoutStatusesGroupsTheBoardByTypeOrInOneColumn() throws Exception {
        Path rfc = copy("rfc");
        SpecProject p = project(rfc, "template: 0000-template.md\n");
        assertThat(p.board().columns()).containsExactly(Board.ALL);
        assertThat(p.board().column(p.schema(), null, null)).isEqualTo(Board.ALL);

        Files.writeString(
                dir.resolve("typed.md"),
                "# {title}\n\n**Type:** [Bug | Feature]\n\n## Context\n[why]\n");
        SpecProject typed = project(dir, "template: typed.md\n");
        assertThat(typed.board().columns()).containsExactly("Bug", "Feature");
        assertThat(typed.board().column(typed.schema(), null, "*feature*")).isEqualTo("Feature");
        assertThat(typed.board().column(typed.schema(), null, "Chore")).isEqualTo(Board.OTHER);

        SpecProject builtin = SpecProject.open(dir, ConfigChoice.none());
        assertThat(builtin.board().columns())
                .containsExactly("Draft", "Review", "Approved", "Implementation");
        assertThat(builtin.board().column(builtin.schema(), "_review_", null)).isEqualTo("Review");
        assertThat(builtin.board().column(builtin.schema(), "Reviewed", null))
                .isEqualTo(Board.OTHER);
    }

    @Test
    void aStatusMoveEditsTheFrontMatterByteExactly() throws Exception {
        // a built-in spec whose Document Status lives in front matter, with CRLF and a BOM
        String body =
                new String(
                        Files.readAllBytes(
                                Path.of(
                                        getClass()
                                                .getResource(
                                                        "/rules/metadata-invalid/2026-03-02_spec_front-matter-read.md")
                                                .toURI())),
                        StandardCharsets.UTF_8);
        String front = "---\r\nDocument Status: 'Draft'   # moved by specgate status\r\n---\r\n";
        byte[] bytes =
                ("\uFEFF"
                                + front
                                + body.replace("**Document Status:** _review_\n", "")
                                        .replace("\n", "\r\n"))
                        .getBytes(StandardCharsets.UTF_8);
        SpecSource source = SpecSource.of(bytes);
        SpecDocument doc = new dev.specgate.core.parse.SpecParser().parse(source.text());
        Field status = doc.metadata("Document Status").orElseThrow();
        assertThat(status.value()).isEqualTo("Draft");

        SpecEdit edit =
                Lifecycle.standard()
                        .moveEdit(source, doc, SpecStatus.REVIEW, LocalDate.of(2026, 3, 10));
        byte[] after = edit.bytes();
        String expectedText =
                new String(bytes, StandardCharsets.UTF_8)
                        .replace("Document Status: 'Draft'", "Document Status: 'Review'")
                        .replace("**Last Updated:** 2026-11-20", "**Last Updated:** 2026-03-10");
        assertThat(new String(after, StandardCharsets.UTF_8)).isEqualTo(expectedText);
        assertThat(after[0]).isEqualTo((byte) 0xEF);

        // the same spec without Last Updated gets one in the front matter, in its form
        String noUpdated =
                new String(bytes, StandardCharsets.UTF_8)
                        .replace("**Last Updated:** 2026-11-20\r\n", "");
        SpecSource source2 = SpecSource.of(noUpdated.getBytes(StandardCharsets.UTF_8));
        SpecDocument doc2 = new dev.specgate.core.parse.SpecParser().parse(source2.text());
        String moved =
                new String(
                        Lifecycle.standard()
                                .moveEdit(
                                        source2, doc2, SpecStatus.REVIEW, LocalDate.of(2026, 3, 10))
                                .bytes(),
                        StandardCharsets.UTF_8);
        assertThat(moved)
                .startsWith(
                        "\uFEFF---\r\nDocument Status: 'Review'   # moved by specgate status\r\n"
                                + "Last Updated: 2026-03-10\r\n---\r\n");
    }

    @Test
    void fixWritesALooseFrontMatterDateByteExactly() throws Exception {
        Path adr = copy("madr");
        Path file = adr.resolve("0007-ledger-close-lock.md");
        byte[] before = Files.readAllBytes(file);
        String loose =
                new String(before, StandardCharsets.UTF_8)
                        .replace("date: 2025-02-11", "date: 2025/2/11");
        Files.write(file, loose.getBytes(StandardCharsets.UTF_8));
        SpecProject p = project(adr, "template: adr-template.md\n");
        p.run(List.of(file), RunOptions.of(OPTIONS).withFix(true));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aStatusKeptInASidecarIsNotMovedInTheSpec() throws Exception {
        Path kep = copy("kep");
        Path spec = kep.resolve("0042-graceful-drain/README.md");
        Files.writeString(
                kep.resolve("0042-graceful-drain/meta.yaml"), "Document Status: Review\n");
        SpecProject p = project(kep, "metadata: {sidecar: meta.yaml}\n");
        SpecSource source = SpecSource.read(spec);
        SpecDocument doc = p.parse(spec, source.text());
        assertThat(doc.metadata("Document Status").orElseThrow().value()).isEqualTo("Review");
        assertThat(
                        p.lifecycle()
                                .evaluate(
                                        spec,
                                        source,
                                        doc,
                                        SpecStatus.APPROVED,
                                        LocalDate.of(2026, 3, 10))
                                .reasons())
                .extracting(r -> r.message())
                .containsExactly(
                        "the spec's status is kept in the metadata file beside it: change it there");
    }

    @Test
    void aFieldEditOfAListItemKeepsItsEmphasis() throws Exception {
        String text =
                "# T\r\n\r\n* Proposal: [SE-0412](x.md)\r\n* Status: **Active review**\r\n\r\n## Introduction\r\nx\r\n";
        SpecSource source = SpecSource.of(text.getBytes(StandardCharsets.UTF_8));
        SpecDocument doc = new dev.specgate.core.parse.SpecParser(true).parse(source.text());
        SpecEdit edit = source.edit().fieldValue(doc.metadata("Status").orElseThrow(), "Accepted");
        assertThat(edit.text()).isEqualTo(text.replace("**Active review**", "**Accepted**"));
    }

    @Test
    void configErrorsNameTheKeyAndWhatIsAllowed() throws Exception {
        Path adr = copy("madr");
        for (String[] bad :
                new String[][] {
                    {
                        "lifecycle: [proposed]",
                        "'lifecycle' must be a mapping of status-field, order, draft"
                    },
                    {
                        "lifecycle:\n  orders: [a]",
                        "unknown key 'lifecycle.orders'; did you mean 'order'?"
                    },
                    {
                        "lifecycle:\n  draft: [drafted]",
                        "'lifecycle.draft' names 'drafted', which is not a status (allowed: proposed, rejected, accepted, deprecated, superseded by ADR-0123)"
                    },
                    {"lifecycle:\n  order: []", "'lifecycle.order' must be a list of statuses"},
                    {"lifecycle:\n  order: [a, A]", "'lifecycle.order' names 'A' twice"},
                    {
                        "lifecycle:\n  status-field: Stage",
                        "'lifecycle.status-field' names 'Stage', which the template does not define"
                    },
                    {"metadata: kep.yaml", "'metadata' must be a mapping of sidecar"},
                    {
                        "metadata:\n  sidecar: /etc/kep.yaml",
                        "'metadata.sidecar' must be the name of a YAML file beside each spec"
                    },
                    {"metadata:\n  sidecar: ../kep.yaml", "inside it"},
                    {"metadata:\n  sidecar:", "'metadata.sidecar' must be the name of a YAML file"},
                }) {
            Path config =
                    Files.writeString(
                            adr.resolve(SpecgateConfig.FILE_NAME),
                            "template: adr-template.md\n" + bad[0] + "\n");
            assertThatThrownBy(() -> SpecProject.open(adr, ConfigChoice.file(config)))
                    .as(bad[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(bad[1])
                    .hasMessageContaining(".specgate.yml:");
        }
        // the order of keys does not matter: lifecycle before template
        Path config =
                Files.writeString(
                        adr.resolve(SpecgateConfig.FILE_NAME),
                        "lifecycle:\n  draft: [proposed, rejected]\ntemplate: adr-template.md\n");
        SpecProject p = SpecProject.open(adr, ConfigChoice.file(config));
        assertThat(p.schema().draftStatuses()).containsExactly("proposed", "rejected");
        assertThat(p.schema().lifecycle().statusField()).isEqualTo(Optional.empty());
    }

    @Test
    void theBuiltInTemplateWithALifecycleIsStillTheBuiltInOne() throws Exception {
        SpecProject p = project(dir, "lifecycle:\n  draft: [Draft, Review]\n");
        assertThat(p.templateFile()).isEmpty();
        assertThat(p.templateOrigin()).isEqualTo("built-in");
        assertThat(Strictness.forStatus("Review", p.schema())).isEqualTo(Strictness.DRAFT);
        assertThat(Strictness.forStatus("Approved", p.schema())).isEqualTo(Strictness.APPROVED);
        assertThat(Lifecycle.notApplicable(p.schema())).isEmpty();
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
