package dev.specgate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.diagnostic.EditDistance;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.registry.RuleRegistry;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir Path dir;

    private SpecgateConfig load(String yaml) throws Exception {
        Path file = dir.resolve(SpecgateConfig.FILE_NAME);
        Files.writeString(file, yaml);
        return new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);
    }

    private ConfigException failure(String yaml) {
        Path file = dir.resolve(SpecgateConfig.FILE_NAME);
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try {
            new ConfigLoader(RuleRegistry.builtin().stream().map(Rule::id).toList()).load(file);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for:\n" + yaml);
    }

    @Test
    void readsEveryKey() throws Exception {
        Files.writeString(
                dir.resolve("adr.md"),
                "# ADR {{n}}\n\n**Status:** Proposed | Accepted\n\n## Context\n{{why}}\n");
        SpecgateConfig c =
                load(
                        """
                        # comment
                        version: 1
                        template: adr.md
                        specs:
                          - docs/adr/*.md
                        ignore: [docs/adr/template.md, "archive/"]
                        rules:
                          section-empty: warning
                          link-broken: off
                          created-date: INFO
                        strict: true
                        baseline: .specgate-baseline.json
                        """);

        assertThat(c.file()).isEqualTo(dir.resolve(".specgate.yml").toAbsolutePath().normalize());
        assertThat(c.schema().name()).isEqualTo("adr.md");
        assertThat(c.schema().sections()).extracting(s -> s.title()).containsExactly("Context");
        assertThat(c.specs()).extracting(Glob::toString).containsExactly("docs/adr/*.md");
        assertThat(c.ignore()).hasSize(2);
        assertThat(c.rules())
                .containsEntry("section-empty", RuleLevel.WARNING)
                .containsEntry("link-broken", RuleLevel.OFF)
                .containsEntry("created-date", RuleLevel.INFO);
        assertThat(c.strict()).contains(true);
        assertThat(c.baseline()).contains(c.baseDir().resolve(".specgate-baseline.json"));
        assertThat(c.selects(dir.resolve("docs/adr/0001-x.md"))).isTrue();
        assertThat(c.selects(dir.resolve("docs/adr/template.md"))).isFalse();
        assertThat(c.selects(dir.resolve("archive/docs/adr/x.md"))).isFalse();
        assertThat(c.selects(dir.resolve("README.md"))).isFalse();
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        SpecgateConfig c = load("# nothing set\n");

        assertThat(c.schema()).isSameAs(TemplateSchema.builtin());
        assertThat(c.specs()).isEmpty();
        assertThat(c.rules()).isEmpty();
        assertThat(c.strict()).isEmpty();
        assertThat(c.selects(dir.resolve("anything.md"))).isTrue();
    }

    @Test
    void ruleLevelsReachTheChecker() throws Exception {
        SpecgateConfig c = load("rules:\n  field-value: off\n  section-missing: warning\n");
        SpecChecker checker = SpecProject.of(c).checker();

        var result =
                checker.check(
                        null,
                        "# Title\n\n**Type:** Nonsense\n",
                        CheckOptions.asOf(LocalDate.of(2026, 11, 25)));

        assertThat(result.diagnostics()).noneMatch(d -> d.ruleId().equals("field-value"));
        assertThat(result.diagnostics())
                .filteredOn(d -> d.ruleId().equals("section-missing"))
                .isNotEmpty()
                .allMatch(d -> d.severity() == dev.specgate.core.diagnostic.Severity.WARNING);
        assertThat(checker.activeRules()).noneMatch(r -> r.id().equals("field-value"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'template: rigour-vibe\\nrulez:\\n  a: b\\n'|2|unknown key 'rulez'; did you mean 'rules'? (allowed: version, template, specs, ignore, new-file-name, rules, strict, baseline, max-file-size, cache, metadata, lifecycle, approval-field, working-checklists, gates, sections, placeholders, mcp)",
                "'rules:\\n  section-empty: warning\\n  section-mising: off\\n'|3|unknown rule 'section-mising'; did you mean 'section-missing'? (allowed: section-missing, section-level,",
                "'rules:\\n  section-empty: fatal\\n'|2|rule 'section-empty' must be one of off, info, warning, error, found 'fatal'",
                "'rules:\\n  section-empty: [warning]\\n'|2|rule 'section-empty' must be one of off, info, warning, error, found a list",
                "'rules: warning\\n'|1|'rules' must map rule ids to one of off, info, warning, error, such as 'section-empty: warning', found 'warning'",
                "'specs:\\n  key: value\\n'|2|'specs' must be a list of globs, such as ['directives/spec/**/*.md'], found a mapping",
                "'specs:\\n  - docs/*.md\\n  - docs/[x.md\\n'|3|glob 'docs/[x.md' has a '[' without its ']'",
                "'ignore:\\n  - \"**/[z-a].md\"\\n'|2|glob '**/[z-a].md' has the range 'z-a' in '[z-a]', which runs backwards: write 'a-z'",
                "'ignore:\\n  - /etc/*.md\\n'|2|must be relative to the configuration's folder",
                "'strict: maybe\\n'|1|'strict' must be true or false, found 'maybe'",
                "'version: 2\\n'|1|'version' must be 1, found a number (2)",
                "'template: templates/nope.md\\n'|1|template 'templates/nope.md' not found (allowed: rigour-vibe, or the path of a Markdown template relative to .specgate.yml)",
                "'template:\\n'|1|'template' must not be empty",
                "'strict: true\\nstrict: false\\n'|2|key 'strict' is given twice (first on line 1)",
                "'- a\\n- b\\n'|1|the configuration must be a mapping of keys",
                "'mcp: true\\n'|1|'mcp' must be a mapping of allow-approve, such as 'mcp: {allow-approve: false}', found a boolean (true)",
                "'mcp:\\n  allow-aprove: true\\n'|2|unknown key 'mcp.allow-aprove'; did you mean 'allow-approve'? (allowed: allow-approve)",
                "'mcp:\\n  allow-approve: yes please\\n'|2|'mcp.allow-approve' must be true or false, found 'yes please'",
                "'rules:\\n  section-empty: warning\\n   bad: indent\\n'|3|not valid YAML: a ': ' where no key can start: check this line's indentation, or put a value that holds ': ' in quotes",
                "'specs: [docs/*.md\\n'|1|not valid YAML: a '[' list is never closed with ']'",
                "'lifecycle: {order: [Draft, Done]\\n'|1|not valid YAML: a '{' mapping is never closed with '}'",
                "'ignore: [[\\n'|1|not valid YAML: a '[' list is never closed with ']'",
                "'strict: true\\nspecs: [\\n'|2|not valid YAML: a '[' list is never closed with ']'",
                "'rules:\\n  section-empty: warning\\nmcp: {\\n'|3|not valid YAML: a '{' mapping is never closed with '}'",
                "'specs: [''a[1].md'', # [x\\n'|1|not valid YAML: a '[' list is never closed with ']'",
                "'placeholders: [it''s, TBD, {\\n'|1|not valid YAML: a '{' mapping is never closed with '}'",
                "'strict: true\\n---\\nstrict: false\\n'|2|not valid YAML: a second YAML document starts here ('---'): the file must hold one document",
                "'  - a\\nb: c\\n'|2|not valid YAML: this line is outside the block above it: the top level is either a list or 'key: value' lines, not both",
                "'template: rigour-vibe: v2\\n'|1|not valid YAML: a ': ' where no key can start: check this line's indentation, or put a value that holds ': ' in quotes",
                "'rules:\\n\\tsection-empty: warning\\n'|2|not valid YAML: a tab in the indentation: YAML indents with spaces only",
                "'strict: false\\ntemplate: \"docs/t.md\\nspecs: [a.md]\\n'|2|not valid YAML: a quoted value is never closed",
                "'template: *tpl\\n'|1|not valid YAML: '*tpl' refers to an anchor '&tpl' that is not defined",
                "'template: @team/t.md\\n'|1|not valid YAML: a value cannot start with '@': put the value in quotes",
                "'strict: yes\\n'|1|'strict' must be true or false, found 'yes' (YAML 1.1 reads it as true, YAML 1.2 as text): write true",
                "'cache: off\\n'|1|'cache' must be true or false, found 'off' (YAML 1.1 reads it as false, YAML 1.2 as text): write false",
                "'new-file-name: ''{nummer}-{slug}.md''\\n'|1|new-file-name '{nummer}-{slug}.md' holds '{nummer}'; did you mean '{number}'? (allowed: {date}, {slug}, {number})",
                "'strict: true\\nnew-file-name: {number}-{slug}.md\\n'|2|not valid YAML: a value that starts with '{' is read as a mapping, which ends at its '}': put the value in quotes",
                "'new-file-name: [a.md]\\n'|1|'new-file-name' must be a file name in quotes, such as '{number}-{slug}.md', found a list",
                "'new-file-name: ''{number}-{slug}.md''\\n'|1|'new-file-name' names new specs, but the template's File field already does (YYYY-MM-DD_spec_<slug>.md), and file-name holds every spec to it"
            })
    void problemsNameFileLineAndWhatIsAllowed(String yaml, int line, String message) {
        ConfigException e = failure(yaml.replace("\\n", "\n").replace("\\t", "\t"));

        assertThat(e.line()).isEqualTo(line);
        assertThat(e.problem()).contains(message);
        assertThat(e.getMessage()).startsWith(dir.resolve(".specgate.yml") + ":" + line + ": ");
    }

    /**
     * A key, rule or section heading near one allowed is suggested as every "did you mean" in
     * Specgate is ({@code EditDistance.didYouMeanValue}): a key it begins, a typo in a heading of
     * any case, and no key far from every one ({@code files} is not {@code rules}).
     */
    @Test
    void aNearMissIsSuggestedAsCoresEditDistanceSuggestsIt() {
        ConfigException begun = failure("approval: Sign-off\n");
        ConfigException far = failure("files:\n  - docs/*.md\n");
        ConfigException heading =
                failure("sections:\n  Executve Sumary:\n    aliases: [Summary]\n");
        ConfigException joined = failure("rules:\n  section_missing: warning\n");

        assertThat(begun.problem())
                .startsWith("unknown key 'approval'; did you mean 'approval-field'? (allowed: ")
                .contains(EditDistance.didYouMeanValue("approval", ConfigLoader.KEYS));
        assertThat(far.problem()).startsWith("unknown key 'files' (allowed: ");
        assertThat(heading.line()).isEqualTo(2);
        assertThat(heading.problem())
                .startsWith(
                        "'Executve Sumary' in 'sections' is not a section of template"
                                + " 'rigour-vibe'; did you mean 'Executive Summary'? (its"
                                + " sections: ");
        assertThat(joined.problem())
                .startsWith("unknown rule 'section_missing'; did you mean 'section-missing'?");
    }

    @Test
    void anApprovalFieldALifecycleCanNeverRecordIsRefused() throws Exception {
        // a team's template: front matter, its own stage lifecycle, no Document Status
        Files.writeString(
                dir.resolve("design.md"),
                "---\r\ntitle: \"[Feature name]\"\r\nreviewer: \"[Reviewer]\"\r\n"
                        + "stage: Idea\r\n---\r\n\r\n# [Feature name]\r\n\r\n"
                        + "## 1. Summary\r\n[One paragraph.]\r\n\r\n"
                        + "## 7. Open Questions\r\n- [Question]\r\n");
        String lifecycle =
                "template: design.md\n"
                        + "lifecycle:\n"
                        + "  status-field: stage\n"
                        + "  order: [Idea, Proposed, Accepted, Shipped, Dropped]\n";

        ConfigException e = failure(lifecycle + "approval-field: Sign-off\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.problem())
                .isEqualTo(
                        "'approval-field' names the field approvals are recorded in, but this"
                                + " project's lifecycle records no approval:"
                                + " 'lifecycle.status-field' keeps the status in the 'stage'"
                                + " field, not in Document Status (approvals need a Document Status field with an Approved"
                                + " status); leave 'approval-field' out");
        // without the key the same lifecycle loads; and a template that keeps approvals takes it
        assertThat(load(lifecycle).approvalField()).isEqualTo("Approval");
        assertThat(load("approval-field: Sign-off\n").approvalField()).isEqualTo("Sign-off");
    }

    @Test
    void anApprovalFieldIsRefusedWhereApprovedIsAnExit() throws Exception {
        // Approved a way out, not a step forward: no move records an approval, as approve says;
        // the key was taken since the template has an Approved status in Document Status
        Files.writeString(
                dir.resolve("design.md"),
                "\uFEFF# Design: [Feature name]\r\n\r\n"
                        + "**Document Status:** [Proposed | Reviewed | Shipped | Approved]\r\n"
                        + "**Reviewer:** [Reviewer]\r\n\r\n"
                        + "## Summary\r\n[One paragraph.]\r\n\r\n"
                        + "## Open Questions\r\n- [ ] [Question]\r\n");
        String lifecycle = "template: design.md\n" + "lifecycle:\n" + "  exits: [Approved]\n";

        ConfigException e = failure(lifecycle + "approval-field: Sign-off\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem())
                .isEqualTo(
                        "'approval-field' names the field approvals are recorded in, but this"
                                + " project's lifecycle records no approval: the template has"
                                + " Document Status values Proposed, Reviewed, Shipped, Approved,"
                                + " where Approved is an exit (approvals need a Document Status"
                                + " field with an Approved status); leave 'approval-field' out");
        assertThat(load(lifecycle).schema().recordsApprovals()).isFalse();
        // Approved a step forward: the key is taken
        assertThat(
                        load("template: design.md\napproval-field: Sign-off\n")
                                .schema()
                                .recordsApprovals())
                .isTrue();
    }

    @Test
    void gatesAreRefusedForATemplateWithoutStatusesHoweverEmptyTheKeyIs() throws Exception {
        // a template without a status field: 'gates' could never gate a move
        Files.writeString(
                dir.resolve("notes.md"),
                "# [Title]\r\n\r\n**Owner:** [Name]\r\n\r\n" + "## Rollout\r\n- [ ] [Step]\r\n");
        String template = "template: notes.md\n";
        String refusal =
                "'gates' needs a status field with alternatives in template 'notes.md' (it has"
                        + " none)";

        ConfigException empty = failure(template + "gates: {}\n");
        ConfigException comments = failure(template + "gates:\n  # Shipped: [Rollout]\n");
        ConfigException named = failure(template + "gates:\n  Shipped: [Rollout]\n");

        assertThat(empty.problem()).isEqualTo(refusal);
        assertThat(empty.line()).isEqualTo(2);
        assertThat(comments.problem()).isEqualTo(refusal);
        assertThat(named.problem()).isEqualTo(refusal);
        assertThat(named.line()).isEqualTo(3);
        // with statuses, an empty map says nothing and is taken
        assertThat(load("gates: {}\n").schema().checklistGates()).isEmpty();
    }

    @Test
    void workingChecklistsAreTakenWhereNoApprovalIsRecordedForTheyNameTheTasks() throws Exception {
        // the same team template with a checklist of its own: no approval is recorded, but the
        // key names the checklists 'specgate tasks' makes the tasks of (before: refused)
        Files.writeString(
                dir.resolve("design.md"),
                "---\r\ntitle: \"[Feature name]\"\r\nstage: Idea\r\n---\r\n\r\n"
                        + "# [Feature name]\r\n\r\n## Summary\r\n[One paragraph.]\r\n\r\n"
                        + "## Rollout\r\n- [ ] [Step: ship behind a flag]\r\n");
        String lifecycle =
                "template: design.md\n"
                        + "lifecycle:\n"
                        + "  status-field: stage\n"
                        + "  order: [Idea, Proposed, Accepted, Shipped]\n";

        assertThat(load(lifecycle + "working-checklists: [rollout]\n").schema().workingChecklists())
                .contains(List.of("rollout"));
        // a heading the template does not write is still refused
        assertThat(failure(lifecycle + "working-checklists: [Rolout]\n").problem())
                .startsWith("'Rolout' in 'working-checklists' is not a heading of template");
    }

    @Test
    void aTemplateWithoutSectionsOrFieldsIsRefused() throws IOException {
        Files.writeString(dir.resolve("empty.md"), "just prose\n");

        ConfigException e = failure("template: empty.md\n");

        assertThat(e.problem()).contains("defines no sections (headings) and no fields");
    }

    @Test
    void aTemplateWithOneSectionTwiceUnderOneParentIsRefused() throws IOException {
        // no spec can pass it: one '## Risks' is section-missing, two are section-duplicate
        Files.write(
                dir.resolve("adr.md"),
                ("\uFEFF# ADR: [Titel der Entscheidung]\r\n\r\n"
                                + "**Status:** [proposed | accepted]\r\n\r\n"
                                + "## Kontext\r\n[Warum?]\r\n\r\n"
                                + "## Risks\r\n| Risiko | Maßnahme |\r\n|---|---|\r\n| [a] | [b] |\r\n\r\n"
                                + "```sh\r\n## Risks\r\nif [ -n \"$X\" ]; then echo; fi\r\n```\r\n\r\n"
                                + "## Risks\r\n[Risiken]\r\n")
                        .getBytes(StandardCharsets.UTF_8));

        ConfigException e = failure("template: adr.md\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem())
                .isEqualTo(
                        "template 'adr.md' has the section '## Risks' twice: a spec can have it neither once"
                                + " (section-missing) nor twice (section-duplicate); rename or"
                                + " remove one");
    }

    @Test
    void anOptionalOrPlaceholderSectionMayStandTwice() throws Exception {
        Files.writeString(
                dir.resolve("madr.md"),
                "# {short title}\n\n## Considered Options\n\n### {title of option}\n* Good\n\n"
                        + "### {title of option}\n* Bad\n\n## Notes (optional)\n[n]\n\n"
                        + "## Notes (optional)\n[m]\n");

        SpecgateConfig c = load("template: madr.md\n");

        assertThat(c.schema().sections()).hasSize(5);
    }

    @Test
    void theSameSectionUnderTwoParentsIsTwoSections() throws Exception {
        Files.writeString(
                dir.resolve("design.md"),
                "# Design: [Title]\n\n## Backend\n### Risks\n[r]\n\n## Frontend\n### Risks\n[r]\n");

        SpecgateConfig c = load("template: design.md\n");

        assertThat(c.schema().sections())
                .extracting(s -> s.heading())
                .containsExactly("## Backend", "### Risks", "## Frontend", "### Risks");
    }

    @Test
    void missingFileIsAProblemOfTheWholeFile() {
        Path nope = dir.resolve("nope.yml");

        assertThatThrownBy(
                        () ->
                                new ConfigLoader(
                                                RuleRegistry.builtin().stream()
                                                        .map(Rule::id)
                                                        .toList())
                                        .load(nope))
                .isInstanceOf(ConfigException.class)
                .hasMessage(nope + ": configuration file not found");
    }

    @Test
    void findsTheNearestConfigInTheFolderOrAParent() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project/docs/adr"));
        Path config = Files.writeString(dir.resolve("project/.specgate.yml"), "");
        Path spec = Files.writeString(project.resolve("0001.md"), "# x\n");

        assertThat(ConfigLoader.find(project)).contains(config.toAbsolutePath().normalize());
        assertThat(ConfigLoader.find(spec)).contains(config.toAbsolutePath().normalize());
        assertThat(ConfigLoader.find(dir)).isEqualTo(Optional.empty());
    }

    @Test
    void findsTheConfigInTheFormTheStartWasGiven() throws IOException {
        Path project = Files.createDirectories(dir.resolve("given/docs"));
        Path config = Files.writeString(dir.resolve("given/.specgate.yml"), "");
        Path cwd = Path.of("").toAbsolutePath();
        Path relativeStart = cwd.relativize(project.toAbsolutePath());

        assertThat(ConfigLoader.find(relativeStart))
                .contains(cwd.relativize(config.toAbsolutePath().normalize()));
        assertThat(ConfigLoader.find(relativeStart).orElseThrow().isAbsolute()).isFalse();
        assertThat(ConfigLoader.find(project.toAbsolutePath()).orElseThrow().isAbsolute()).isTrue();
    }

    @Test
    void aNearerConfigThatCannotBeUsedStopsTheSearchAndLoadingItSaysWhy() throws IOException {
        Files.writeString(dir.resolve(".specgate.yml"), "strict: true\n");
        Path folder = Files.createDirectories(dir.resolve("a/.specgate.yml"));
        Path broken =
                Files.createSymbolicLink(
                        Files.createDirectories(dir.resolve("b")).resolve(".specgate.yml"),
                        dir.resolve("b/missing.yml"));

        assertThat(ConfigLoader.find(dir.resolve("a"))).contains(folder);
        assertThat(ConfigLoader.find(dir.resolve("b"))).contains(broken);
        ConfigLoader loader = new ConfigLoader(List.of());
        assertThatThrownBy(() -> loader.load(folder))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a folder");
        assertThatThrownBy(() -> loader.load(broken))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken symbolic link");
    }
}
