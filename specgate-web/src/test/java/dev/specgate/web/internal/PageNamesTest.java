package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageNamesTest {

    private final Path root = Path.of("/p");

    @Test
    void slugIsThePathUnderTheSpecFolder() {
        assertThat(PageNames.slug("directives/spec/2026-01-02_spec_a.md"))
                .isEqualTo("2026-01-02_spec_a");
        assertThat(PageNames.slug("directives/spec/payments/2026-01-02_spec_a.md"))
                .isEqualTo("payments--2026-01-02_spec_a");
        assertThat(PageNames.slug("team/directives/spec/x.md")).isEqualTo("team--x");
        assertThat(PageNames.slug("notes/a b&c\"<x>.md")).isEqualTo("notes--a-b-c--x-");
        assertThat(PageNames.slug("../.md")).isEqualTo("--");
        assertThat(PageNames.slug(".hidden.md")).isEqualTo("hidden");
        assertThat(PageNames.slug(".md")).isEqualTo("spec");
    }

    @Test
    void clashingSlugsGetAHashAndKeepNoOrderDependence() {
        Path a = root.resolve("directives/spec/A.md");
        Path b = root.resolve("directives/spec/a.md");
        Path c = root.resolve("directives/spec/c.md");
        PageNames one = PageNames.of(root, List.of(a, b, c));
        PageNames two = PageNames.of(root, List.of(c, b, a));
        assertThat(one.page(a)).isNotEqualTo(one.page(b)).startsWith("specs/A-");
        assertThat(one.page(c)).isEqualTo("specs/c.html");
        assertThat(List.of(one.page(a), one.page(b), one.page(c)))
                .isEqualTo(List.of(two.page(a), two.page(b), two.page(c)));
        assertThat(one.spec(one.slug(b))).contains(b);
    }

    @Test
    void relativeLinksToOtherSpecsGoToTheirPages() {
        Path a = root.resolve("directives/spec/a.md");
        Path b = root.resolve("directives/spec/sub/b c.md");
        PageNames names = PageNames.of(root, List.of(a, b));
        LinkResolver links = names.linksFrom(a);
        assertThat(links.resolve("sub/b%20c.md#risks")).contains("sub--b-c.html#risks");
        assertThat(links.resolve("./a.md")).contains("a.html");
        assertThat(links.resolve("../../docs/x.md")).isEmpty();
        assertThat(links.resolve("missing.md")).isEmpty();
        assertThat(names.linksFrom(b).resolve("../a.md?x=1")).contains("a.html");
    }

    @Test
    void aSiblingNameResolvesAsThroughItsPath() {
        Path dir = root.resolve("directives/spec");
        List<Path> files =
                List.of(
                        dir.resolve("a.md"),
                        dir.resolve("x+y.md"),
                        dir.resolve("é.md"),
                        dir.resolve("...md"),
                        dir.resolve("b c.md"),
                        dir.resolve("sub/b.md"),
                        root.resolve("other/a.md"));
        PageNames names = PageNames.of(root, files);
        String[] destinations = {
            "a.md",
            "a.md#risks",
            "a.md?x=1#y",
            "A.md",
            "x+y.md",
            "x%2By.md",
            "é.md",
            "%C3%A9.md",
            "...md",
            "b c.md",
            "b%20c.md",
            "b",
            "sub",
            "sub/b.md",
            "./a.md",
            "../spec/a.md",
            "../other/a.md",
            "../../other/a.md",
            ".",
            "..",
            "",
            "#a",
            "?q",
            "a.md/",
            "a.md\\",
            "missing.md",
            "%zz.md",
            "a%.md",
            "b.md"
        };
        int siblings = 0;
        for (Path from : files) {
            Path folder = from.toAbsolutePath().normalize().getParent();
            LinkResolver links = names.linksFrom(from);
            for (String d : destinations) {
                assertThat(links.resolve(d))
                        .as("%s from %s", d, from)
                        .isEqualTo(names.resolve(folder, d));
                if (PageNames.isSiblingName(d.replaceAll("[#?].*", ""))) {
                    siblings++;
                }
            }
        }
        assertThat(siblings).isGreaterThan(50);
        assertThat(names.linksFrom(files.get(0)).resolve("a.md#r")).contains("a.html#r");
    }
}
