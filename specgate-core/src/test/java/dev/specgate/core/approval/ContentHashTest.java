package dev.specgate.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.input.UnreadableSpecException;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Approvals#hash} (one buffer, one SHA-256, what a check of a valid approval computes) gives
 * exactly the hash of {@link Approvals#fingerprint} (the line-by-line pass that also digests each
 * section), on every spec of the test resources and on generated ones: the approvals stored in
 * specs keep verifying.
 */
class ContentHashTest {

    private static final SpecParser PARSER = new SpecParser();
    private static final List<String> EXCLUDED = Approvals.standard().excludedFields();

    private static void sameHash(String text) {
        String bare = text.startsWith("\uFEFF") ? text.substring(1) : text;
        var doc = PARSER.parse(bare);
        String expected = Approvals.standard().fingerprint(text, doc).hash();
        assertThat(Approvals.standard().hash(text, doc)).isEqualTo(expected);
        // as a check of the file computes it: from the bytes read, with no hand-over to the text
        String fromBytes =
                NormalisedHash.ofBytes(
                        ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
                        doc,
                        EXCLUDED,
                        ApprovalBoxes.AFTER_APPROVAL);
        assertThat(fromBytes).isNotNull().isEqualTo(expected);
        // with the headings' keys a check's section match computed (as a check of a project
        // passes them), and with keys that are wrong for every heading: the boxes read as [ ]
        // then differ wherever a working checklist holds a ticked one
        SectionMatch match = SectionMatch.of(doc, TemplateSchema.builtin());
        assertThat(
                        NormalisedHash.of(
                                text,
                                ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
                                doc,
                                EXCLUDED,
                                ApprovalBoxes.AFTER_APPROVAL,
                                match::key))
                .isEqualTo(expected);
        for (var s : doc.sections()) {
            assertThat(match.key(s)).isEqualTo(HeadingKey.of(s.title()));
        }
        boolean tickedLeftOut =
                doc.checklist().stream()
                        .anyMatch(
                                i ->
                                        i.checked()
                                                && i.sectionIndex() >= 0
                                                && ApprovalBoxes.AFTER_APPROVAL
                                                        .leftOut(doc)[i.sectionIndex()]);
        String wrongKeys =
                NormalisedHash.of(
                        text,
                        null,
                        doc,
                        EXCLUDED,
                        ApprovalBoxes.AFTER_APPROVAL,
                        section -> "no such heading");
        if (!tickedLeftOut) {
            assertThat(wrongKeys).isEqualTo(expected);
        }
    }

    @Example
    void everyTestSpecHashesAsBefore() throws IOException {
        List<Path> specs;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            specs = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(specs).hasSizeGreaterThan(100);
        int approved = 0;
        for (Path p : specs) {
            byte[] bytes = Files.readAllBytes(p);
            String text = new String(bytes, StandardCharsets.UTF_8);
            sameHash(text);
            sameHash(text.replace("\r\n", "\n").replace("\n", "\r\n"));
            sameHash("\uFEFF" + text);
            if (text.contains("**Approval:** ")) {
                approved++;
            }
        }
        assertThat(approved).isGreaterThanOrEqualTo(5);
    }

    @Example
    void aValidApprovalIsCheckedWithTheHashAloneAndAStaleOneNamesItsSections()
            throws IOException, UnreadableSpecException {
        Path spec =
                Path.of(
                        "src/test/resources/clean/directives/spec/"
                                + "2026-07-20_spec_search-index-rebuild.md");
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        ApprovalCheck valid = Approvals.standard().check(text, PARSER.parse(text));
        assertThat(valid.valid()).isTrue();
        // the same from the file's bytes, as a check of the project computes it
        ApprovalCheck read = Approvals.standard().check(SpecSource.read(spec), PARSER.parse(text));
        assertThat(read.record()).isEqualTo(valid.record());
        assertThat(read.current()).isEqualTo(valid.current());
        assertThat(read.valid()).isTrue();
        // the headings' keys a check passes are the ones the boxes are read with: keys that name
        // no working checklist count the ticked rollback boxes, and the approval no longer holds
        ApprovalCheck keyed =
                Approvals.standard()
                        .check(
                                SpecSource.read(spec),
                                PARSER.parse(text),
                                SectionMatch.of(PARSER.parse(text), TemplateSchema.builtin())::key);
        assertThat(keyed.valid()).isTrue();
        assertThat(
                        NormalisedHash.of(
                                text,
                                null,
                                PARSER.parse(text),
                                EXCLUDED,
                                ApprovalBoxes.AFTER_APPROVAL,
                                section -> "no such heading"))
                .isNotEqualTo(valid.current().hash());
        // recorded before Rollback Testing and Success Criteria boxes were left out, with some of
        // them ticked: it holds as read then, and the check says the hash it holds with
        assertThat(valid.current().hash()).isEqualTo(valid.record().orElseThrow().hash());
        String reread =
                text.replaceAll(
                        "(?m)^- \\[x\\] (Rollback procedure tested in staging|Data rollback"
                                + " verified|Rollback time measured and acceptable|Communication"
                                + " plan tested)",
                        "- [ ] $1");
        assertThat(reread).isNotEqualTo(text);
        ApprovalCheck now = Approvals.standard().check(reread, PARSER.parse(reread));
        assertThat(now.current().hash())
                .isEqualTo(Approvals.standard().fingerprint(reread, PARSER.parse(reread)).hash());
        int at = text.indexOf("\n## ", text.indexOf("**Approval:**"));
        int lineEnd = text.indexOf('\n', at + 1);
        String heading = text.substring(at + 4, lineEnd).trim();
        String edited =
                text.substring(0, lineEnd)
                        + "\n\nA sentence added after approval."
                        + text.substring(lineEnd);
        ApprovalCheck stale = Approvals.standard().check(edited, PARSER.parse(edited));
        assertThat(stale.stale()).isTrue();
        // the heading's section, or the fields in it (a title's File, Created, Type)
        assertThat(stale.changed()).anySatisfy(c -> assertThat(c).startsWith(heading));
        assertThat(stale.current().sections()).isNotEmpty();
    }

    @Property(tries = 400)
    void generatedSpecsHashAsTheLineByLinePass(@ForAll("specs") String text) {
        sameHash(text);
    }

    @Provide
    Arbitrary<String> specs() {
        Arbitrary<String> lines =
                Arbitraries.of(
                        "# Technical Specification: Café export 📦",
                        "## Implementation Checklist",
                        "### Prerequisites",
                        "### Implementation Steps",
                        "### Rollback Testing",
                        "## Success Criteria",
                        "### Functional Success",
                        "### Outstanding Questions",
                        "## Technical Approach",
                        "#### Export",
                        "**Document Status:** Approved",
                        "**Last Updated:** 2026-11-20",
                        "**Next Review:** 2027-01-20",
                        "**Approval:** 2026-11-20 by Ana Lima, sha256:000000000000",
                        "**Author:** Zoë Ångström",
                        "- [x] Staging copy loaded",
                        "- [ ] Decision: gzip the export",
                        "1. [X] Write the writer",
                        "   - [ ] Nested step: flush",
                        "- Status: done",
                        "> Quoted note",
                        "```",
                        "code with [brackets] and ∑",
                        "| a | b |",
                        "|---|---|",
                        "Plain prose with trailing spaces   ",
                        "Tab at the end\t",
                        "Lone surrogate \uD800 here",
                        "",
                        "   ",
                        "---",
                        "owner: platform");
        Arbitrary<String> breaks = Arbitraries.of("\n", "\r\n", "\r");
        Arbitrary<Boolean> finalBreak = Arbitraries.of(true, false);
        return Combinators.combine(lines.list().ofMaxSize(40), breaks.list().ofSize(40), finalBreak)
                .as(
                        (ls, bs, last) -> {
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < ls.size(); i++) {
                                sb.append(ls.get(i));
                                if (last || i + 1 < ls.size()) {
                                    sb.append(bs.get(i));
                                }
                            }
                            return sb.toString();
                        });
    }
}
