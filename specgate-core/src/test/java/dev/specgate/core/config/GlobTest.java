package dev.specgate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "directives/spec/**/*.md, directives/spec/a.md, true",
        "directives/spec/**/*.md, directives/spec/x/y/a.md, true",
        "directives/spec/**/*.md, directives/specs/a.md, false",
        "directives/spec/**/*.md, directives/spec/a.txt, false",
        "**/*.md, a.md, true",
        "**/*.md, x/y/a.md, true",
        "*.md, x/a.md, false",
        "docs/adr/*.md, docs/adr/0001-use-postgres.md, true",
        "docs/adr/*.md, docs/adr/old/0001.md, false",
        "archive/, archive/2020/a.md, true",
        "archive/, archived/a.md, false",
        "./docs/*.md, docs/a.md, true",
        "docs/*.md, ./docs/a.md, true",
        "'{adr,rfc}/*.md', rfc/a.md, true",
        "'{adr,rfc}/*.md', design/a.md, false",
        "[0-9]*.md, 0001.md, true",
        "[!0-9]*.md, 0001.md, false",
        "[^0-9]*.md, a001.md, true",
        "docs/[a&&b].md, docs/&.md, true",
        "'docs/[[]x.md', 'docs/[x.md', true",
        "docs/[ü-ž].md, docs/ž.md, true",
        "docs/[a-].md, docs/-.md, true",
        "a?.md, ab.md, true",
        "a?.md, a/.md, false",
        "docs/a+b (1).md, docs/a+b (1).md, true",
        "**/drafts/**, specs/drafts/x.md, true",
        "**/drafts/**, drafts/x.md, true"
    })
    void matchesWholeRelativePaths(String glob, String path, boolean expected) {
        assertThat(Glob.of(glob).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: a new file goes in ''{1}'', selected: {2}")
    @CsvSource({
        "directives/spec/**/*.md, directives/spec/, true",
        "docs/adr/*.md, docs/adr/, true",
        "'docs/{specs,rfcs}/*.md', docs/specs/, true",
        "'docs/{specs,rfcs}/team/*.md', docs/specs/team/, true",
        "'docs/{specs,rfc*}/*.md', docs/specs/, true",
        "'docs/{*spec,rfcs}/*.md', docs/, false",
        "'docs/{specs}/*.md', docs/specs/, true",
        "**/*.md, '', true",
        "'{adr,rfc}/*.md', adr/, true"
    })
    void aNewFileGoesWhereTheGlobSelectsIt(String glob, String folder, boolean selected) {
        Glob g = Glob.of(glob);
        String expected = folder == null ? "" : folder;
        assertThat(g.folderForNew()).isEqualTo(expected);
        assertThat(g.matches(expected + "2026-12-06_spec_x.md")).as(glob).isEqualTo(selected);
    }

    /**
     * A {@code ,} or {@code }} outside braces is a plain character to the matcher, so the folder
     * {@code new} writes in and the folder a search starts from read it so too: {@code new} wrote
     * into {@code docs/}, which the glob does not select, and {@code check} never saw the spec.
     */
    @ParameterizedTest(name = "{0}: one folder, ''{1}''")
    @CsvSource({
        "'docs/a,b/*.md', 'docs/a,b/'",
        "'docs/v1}/*.md', 'docs/v1}/'",
        "'specs,old/**/*.md', 'specs,old/'",
        "'docs/a}b,c/team/*.md', 'docs/a}b,c/team/'"
    })
    void aCommaOrBraceOutsideBracesIsAPlainCharacterToEveryReading(String glob, String folder) {
        Glob g = Glob.of(glob);
        assertThat(g.matches(folder + "2026-12-06_spec_x.md")).as("matches").isTrue();
        assertThat(g.literalPrefix()).as("literalPrefix").isEqualTo(folder);
        assertThat(g.folderForNew()).as("folderForNew").isEqualTo(folder);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|must not be empty",
                "/abs/*.md|must be relative",
                "docs/[ab.md|'[' without its ']'",
                "'{a,b.md'|'{' without its '}'",
                "**/[z-a].md|glob '**/[z-a].md' has the range 'z-a' in '[z-a]', which runs backwards: write 'a-z'",
                "docs/[].md|glob 'docs/[].md' has an empty set '[]'",
                "docs/[!].md|glob 'docs/[!].md' has an empty set '[!]'"
            })
    void badGlobsNameTheProblem(String glob, String message) {
        assertThatThrownBy(() -> Glob.of(glob))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
