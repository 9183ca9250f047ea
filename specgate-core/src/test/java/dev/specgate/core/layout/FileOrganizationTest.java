package dev.specgate.core.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.layout.LayoutEntry.Kind;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileOrganizationTest {

    private static final Path SPEC =
            Path.of("/srv/payments/directives/spec/2026-10-14_spec_webhook-retry-backoff.md");

    private static List<LayoutEntry> read(String markdown, String slug) {
        return FileOrganization.read(markdown, new SpecParser().parse(markdown), slug, SPEC);
    }

    @Test
    void aLinksPercentEncodedPathIsReadAsLinkBrokenReadsIt() {
        String spec =
                "# Technical Specification: Webhook Retries\n\n"
                        + "### File Organization\n\n"
                        + "**Documentation:**\n"
                        + "- Design notes: [design notes](../../docs/dev/design%20notes%C3%BC.md)\n"
                        + "- Plus: [a+b](../../docs/dev/a+b.md#top)\n";

        List<LayoutEntry> entries = read(spec, "webhook-retry-backoff");

        // the file link-broken finds (LinkTarget.path decodes %20), not a name with '%20' in it
        assertThat(entries)
                .extracting(LayoutEntry::path)
                .containsExactly("docs/dev/design notes\u00fc.md", "docs/dev/a+b.md");
        assertThat(entries.get(0).written()).isEqualTo("../../docs/dev/design%20notes%C3%BC.md");
    }

    /**
     * A path written with backslashes, as a Windows author writes it, is the folder meant: read
     * with slashes, a directory when it ends in one (was a file named {@code src\core\...\}), and
     * the trace's refusal of an absolute or climbing path still holds.
     */
    @Test
    void aPathWrittenWithBackslashesIsReadWithSlashes() {
        String spec =
                "\uFEFF# Technical Specification: Webhook Retries f\u00fcr Z\u00fcrich\r\n\r\n"
                        + "### File Organization (Rigour Vibe Structure)\r\n\r\n"
                        + "**Implementation Files:**\r\n"
                        + "- Core logic: `src\\core\\[feature-name]\\`\r\n"
                        + "- Configuration: `src\\config\\[feature-name].ts` (if applicable)\r\n"
                        + "- Vendored: `..\\vendor\\retry\\`\r\n"
                        + "- Absolute: `\\srv\\shared\\retry\\`\r\n";

        List<LayoutEntry> entries = read(spec, "webhook-retry-backoff");

        assertThat(entries)
                .extracting(LayoutEntry::path)
                .containsExactly(
                        "src/core/webhook-retry-backoff/",
                        "src/config/webhook-retry-backoff.ts",
                        "../vendor/retry/",
                        "/srv/shared/retry/");
        assertThat(entries)
                .extracting(LayoutEntry::kind)
                .containsExactly(Kind.DIRECTORY, Kind.FILE, Kind.DIRECTORY, Kind.DIRECTORY);
        assertThat(entries.get(0).written()).isEqualTo("src\\core\\[feature-name]\\");
        assertThat(
                        entries.get(0)
                                .namesFeature(
                                        "webhook-retry-backoff", java.util.Set.of("src/core")))
                .isTrue();
    }

    @Test
    void aMarkdownLinkIsReadAsThePathItLinksToFromTheProjectRoot() {
        String spec =
                "\uFEFF# Technical Specification: Webhook Retries für Zürich\r\n\r\n"
                        + "### File Organization (Rigour Vibe Structure)\r\n\r\n"
                        + "**Documentation:**\r\n"
                        + "- Technical docs: [docs/dev/webhook-dispatcher.md]"
                        + "(../../docs/dev/webhook-dispatcher.md)\r\n"
                        + "- API docs: [Webhooks API](<../../docs/api/web hooks.md#retries>)"
                        + " (if changed)\r\n"
                        + "- Runbooks: [`docs/dev/[feature-name]-runbook.md`]"
                        + "(../../docs/dev/[feature-name]-runbook.md \"Runbook\")\r\n"
                        + "- Diagrams: [diagrams](../../docs/diagrams/), also `docs/old/`\r\n"
                        + "- Wiki: [Payments wiki](https://wiki.example.com/payments/retries)\r\n"
                        + "- Beside the spec: [notes](notes.md)\r\n"
                        + "- Outside: [elsewhere](../../../vendor-docs/x.md)\r\n";

        List<LayoutEntry> entries = read(spec, "webhook-retry-backoff");

        assertThat(entries)
                .extracting(LayoutEntry::path)
                .containsExactly(
                        "docs/dev/webhook-dispatcher.md",
                        "docs/api/web hooks.md",
                        "docs/dev/webhook-retry-backoff-runbook.md",
                        "docs/diagrams/",
                        "directives/spec/notes.md",
                        "../vendor-docs/x.md");
        assertThat(entries.get(0).label()).isEqualTo("Technical docs");
        assertThat(entries.get(0).group()).isEqualTo("Documentation");
        assertThat(entries.get(0).written()).isEqualTo("../../docs/dev/webhook-dispatcher.md");
        assertThat(entries.get(0).isDocumentation()).isTrue();
        assertThat(entries.get(1).conditional()).isTrue();
        assertThat(entries.get(3).kind()).isEqualTo(Kind.DIRECTORY);
        // the URL is no entry; the second path after a link is said, as after a backticked one
        assertThat(FileOrganization.unread(spec, new SpecParser().parse(spec)))
                .extracting(UnreadEntry::text)
                .containsExactly("`docs/old/`");
    }

    @Test
    void readsEveryEntryOfTheTemplateWithGroupsKindsAndConditions() {
        List<LayoutEntry> entries = read(TemplateSchema.builtinTemplateText(), "retry-queue");

        assertThat(entries).hasSize(15);
        LayoutEntry core = entries.get(0);
        assertThat(core.group()).isEqualTo("Implementation Files");
        assertThat(core.label()).isEqualTo("Core logic");
        assertThat(core.written()).isEqualTo("src/core/[feature-name]/");
        assertThat(core.path()).isEqualTo("src/core/retry-queue/");
        assertThat(core.kind()).isEqualTo(Kind.DIRECTORY);
        assertThat(core.conditional()).isFalse();
        assertThat(core.isImplementation()).isTrue();
        LayoutEntry config = entries.get(2);
        assertThat(config.path()).isEqualTo("src/config/retry-queue.ts");
        assertThat(config.kind()).isEqualTo(Kind.FILE);
        assertThat(config.conditional()).isTrue();
        assertThat(entries)
                .filteredOn(e -> e.group().equals("Test Files"))
                .extracting(LayoutEntry::path)
                .containsExactly(
                        "tests/unit/retry-queue/",
                        "tests/integration/retry-queue/",
                        "tests/performance/retry-queue/",
                        "tests/fixtures/retry-queue/");
        assertThat(entries)
                .filteredOn(e -> e.path().equals("scripts/build/"))
                .singleElement()
                .satisfies(e -> assertThat(e.conditional()).isTrue());
        assertThat(entries)
                .filteredOn(LayoutEntry::isDocumentation)
                .extracting(LayoutEntry::path)
                .containsExactly(
                        "docs/dev/retry-queue.md",
                        "docs/api/retry-queue.md",
                        "docs/dev/retry-queue-runbook.md");
    }

    @Test
    void positionsPointAtThePathOnItsLine() {
        String md = "# T\n\n## File Organization\n**Code:**\n- Core: `src/x/[feature-name]/`\n";

        LayoutEntry e = read(md, "s").get(0);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.group()).isEqualTo("Code");
    }

    @Test
    void skipsFencedCodeAndStopsAtTheNextSection() {
        String md =
                "# T\n\n### File Organization (Rigour Vibe Structure)\n"
                        + "```\n- Fake: `src/fake/`\n```\n"
                        + "- `src/real/`\n"
                        + "* Item with label: `lib/[feature-name].rs` (if changed)\n"
                        + "## Implementation Plan\n- Later: `src/later/`\n";

        List<LayoutEntry> entries = read(md, "slug");

        assertThat(entries)
                .extracting(LayoutEntry::path)
                .containsExactly("src/real/", "lib/slug.rs");
        assertThat(entries.get(0).label()).isEmpty();
        assertThat(entries.get(1).conditional()).isTrue();
    }

    @Test
    void aSpecWithoutTheSectionHasNoEntries() {
        assertThat(read("# T\n\n## Summary\n- `src/x/`\n", "s")).isEmpty();
    }

    @Test
    void crlfTextGivesTheSameEntries() {
        String lf = TemplateSchema.builtinTemplateText();
        String crlf = lf.replace("\n", "\r\n");

        assertThat(read(crlf, "a")).isEqualTo(read(lf, "a"));
    }

    private static List<UnreadEntry> unread(String markdown) {
        return FileOrganization.unread(markdown, new SpecParser().parse(markdown));
    }

    @Test
    void itemsThatNameAPathWithoutBackticksAfterTheLabelAreUnreadNotSkipped() {
        String spec =
                "# Technical Specification: R\u00e9conciliation des paiements\r\n\r\n"
                        + "### File Organization (Rigour Vibe Structure)\r\n"
                        + "**Implementation Files:**\r\n"
                        + "- Core logic: `src/core/[feature-name]/`\r\n"
                        + "- API changes: src/api/reconciliation/ (if applicable)\r\n"
                        + "- Utilities: N/A\r\n"
                        + "- Configuration: see `src/config/reconciliation.ts` <!-- owner: ops/sre -->\r\n"
                        + "* CI/CD updates: unchanged, and/or reviewed later\r\n"
                        + "1. Runbook: reconciliation.md, to be written\r\n"
                        + "- Dashboard: https://grafana.example.com/d/recon\r\n"
                        + "\r\n"
                        + "```text\r\n- Sketch: src/sketch/\r\n```\r\n"
                        + "## Implementation Plan\r\n"
                        + "- Later: src/later/\r\n";

        List<UnreadEntry> unread = unread(spec);

        assertThat(unread)
                .containsExactly(
                        new UnreadEntry(
                                5, 2, "API changes: src/api/reconciliation/ (if applicable)"),
                        new UnreadEntry(7, 2, "Configuration: see `src/config/reconciliation.ts`"),
                        new UnreadEntry(9, 3, "Runbook: reconciliation.md, to be written"));
        assertThat(read(spec, "r")).extracting(LayoutEntry::path).containsExactly("src/core/r/");
    }

    @Test
    void aSecondPathInBackticksOnAnEntryIsUnreadNotDropped() {
        String spec =
                "# Technical Specification: Limiteur \u00e0 jetons\r\n\r\n"
                        + "### File Organization (Rigour Vibe Structure)\r\n"
                        + "**Test Files:**\r\n"
                        + "- Unit tests: `tests/unit/limiter/`, `tests/unit/bucket/`\r\n"
                        + "- Config: `src/config/l.ts` (if needed) and `limits.yml` <!-- `x/y/` -->\r\n"
                        + "- Deployment scripts: `scripts/deploy/` adds the `refund_keys`"
                        + " migration for `refund-db`\r\n"
                        + "## Implementation Plan\r\n";

        assertThat(unread(spec))
                .containsExactly(
                        new UnreadEntry(4, 37, "`tests/unit/bucket/`"),
                        new UnreadEntry(5, 44, "`limits.yml`"));
        assertThat(read(spec, "l"))
                .extracting(LayoutEntry::path)
                .containsExactly("tests/unit/limiter/", "src/config/l.ts", "scripts/deploy/");
    }

    @Test
    void theTemplateItselfHasNoUnreadItem() {
        assertThat(unread(TemplateSchema.builtinTemplateText())).isEmpty();
    }
}
