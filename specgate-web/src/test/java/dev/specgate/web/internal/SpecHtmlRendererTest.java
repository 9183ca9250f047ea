package dev.specgate.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.web.view.DiagnosticView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SpecHtmlRendererTest {

    private final SpecHtmlRenderer renderer = new SpecHtmlRenderer();

    private Document render(String markdown, List<DiagnosticView> diagnostics) {
        String html = renderer.render(markdown, diagnostics, Map.of(), LinkResolver.none());
        return Jsoup.parseBodyFragment(html);
    }

    private Document render(String markdown) {
        return render(markdown, List.of());
    }

    /** No element can run script: no script tags, no event handlers, no script URLs. */
    private static void assertInert(Document doc) {
        assertThat(doc.select("script, iframe, object, embed, style, link, meta, base, form"))
                .isEmpty();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute of <%s>", e.tagName()).doesNotStartWith("on");
                assertThat(a.getKey()).isNotEqualTo("style");
                String v = a.getValue().strip().toLowerCase();
                if (a.getKey().equals("href") || a.getKey().equals("src")) {
                    assertThat(v)
                            .doesNotStartWith("javascript:")
                            .doesNotStartWith("vbscript:")
                            .doesNotStartWith("data:");
                }
            }
        }
        assertThat(doc.select("img")).as("images are not loaded").isEmpty();
    }

    @Test
    void rawHtmlBlocksAndInlineHtmlAreShownAsText() {
        Document doc =
                render(
                        "# Title\n\n<script>window.pwned = 1</script>\n\n"
                                + "Text <img src=x onerror=\"window.pwned=2\"> and"
                                + " <b onclick=\"x()\">bold</b>.\n\n"
                                + "<div onmouseover='alert(1)'>hover</div>\n");
        assertInert(doc);
        assertThat(doc.text()).contains("<script>window.pwned = 1</script>");
        assertThat(doc.text()).contains("<img src=x onerror=\"window.pwned=2\">");
        assertThat(doc.text()).contains("<div onmouseover='alert(1)'>hover</div>");
    }

    @Test
    void unsafeLinkSchemesAreDropped() {
        Document doc =
                render(
                        "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](vbscript:x)"
                                + " [d](data:text/html;base64,PHNjcmlwdD4=)"
                                + " [e](<java\tscript:alert(1)>) [e2](java&#9;script:alert(1)) [f](https://example.com/ok)"
                                + " [g](mailto:a@example.com)\n\n"
                                + "[ref]: javascript:alert(2)\n\n[h][ref]\n");
        assertInert(doc);
        assertThat(doc.select("a").eachAttr("href"))
                .containsExactly("https://example.com/ok", "mailto:a@example.com");
        assertThat(doc.select("span.unsafe").eachText())
                .containsExactly("a", "b", "c", "d", "e", "e2", "h");
        assertThat(doc.select("a[href^=https]").attr("rel")).contains("noopener");
    }

    @Test
    void quotesCannotBreakOutOfAttributes() {
        Document doc =
                render(
                        "[x](https://example.com/\"onmouseover=\"alert(1) \"t\\\"onclick=\\\"y\")"
                                + " [y](<https://example.com/'onfocus='a'>)"
                                + " ![alt\" onerror=\"z](x.png \"t\\\" onload=\\\"q\")\n\n"
                                + "## Heading \" onclick=\"x\n");
        assertInert(doc);
        for (Element a : doc.select("a")) {
            assertThat(a.attributes().asList())
                    .extracting(Attribute::getKey)
                    .isSubsetOf("href", "rel", "title");
        }
    }

    @Test
    void imagesAreNotLoadedButTheirAltTextIsShown() {
        Document doc = render("![diagram of the flow](https://example.com/d.png)\n");
        assertInert(doc);
        Element ref = doc.selectFirst(".offsite-image");
        assertThat(ref).isNotNull();
        assertThat(ref.text()).contains("diagram of the flow");
        assertThat(ref.attr("title")).contains("https://example.com/d.png");
    }

    @Test
    void htmlCommentsAreDropped() {
        Document doc = render("Before\n\n<!-- internal note -->\n\nAfter <!-- inline --> end\n");
        assertThat(doc.text()).doesNotContain("internal note").doesNotContain("inline");
        assertThat(doc.text()).contains("Before").contains("After").contains("end");
    }

    @Test
    void codeKeepsItsTextEscaped() {
        Document doc = render("```html\n<script>alert(1)</script>\n```\n\n`<b onclick=x>`\n");
        assertInert(doc);
        assertThat(doc.select("pre code").text()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void tablesAndTaskListsRender() {
        Document doc = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n");
        assertThat(doc.select("table td")).hasSize(2);
        assertThat(doc.select("input[type=checkbox]")).hasSize(2);
        assertThat(doc.select("input[type=checkbox][checked]")).hasSize(1);
        assertThat(doc.select("input[type=checkbox]").eachAttr("disabled")).hasSize(2);
    }

    @Test
    void diagnosticsFollowTheBlockHoldingTheirLineAndFlagTheInnermostBlock() {
        String md = "# T\n\nFirst paragraph.\n\n- one\n- two\n- three\n\nLast paragraph.\n";
        DiagnosticView onTwo = new DiagnosticView("task-box", "error", 6, 3, "bad box");
        DiagnosticView onLast = new DiagnosticView("placeholder", "warning", 9, 1, "fill me");
        Document doc = render(md, List.of(onTwo, onLast));
        Element list = doc.selectFirst("ul");
        Element afterList = list.nextElementSibling();
        assertThat(afterList.tagName()).isEqualTo("aside");
        assertThat(afterList.text()).contains("line 6:3").contains("bad box");
        assertThat(afterList.selectFirst("li").id()).isEqualTo(onTwo.anchor());
        Element flagged = doc.selectFirst(".flag-error");
        assertThat(flagged.tagName()).isEqualTo("li");
        assertThat(flagged.text()).isEqualTo("two");
        assertThat(flagged.attr("data-line")).isEqualTo("6");
        Element last = doc.select("p").last();
        assertThat(last.hasClass("flag-warning")).isTrue();
        assertThat(last.nextElementSibling().text()).contains("fill me");
    }

    @Test
    void diagnosticMessagesAreEscaped() {
        DiagnosticView d =
                new DiagnosticView(
                        "field-value", "error", 1, 1, "value '<script>x</script>\" onclick=\"y'");
        Document doc = render("Text\n", List.of(d));
        assertInert(doc);
        assertThat(doc.selectFirst("aside").text()).contains("<script>x</script>");
    }

    @Test
    void headingsGetTheGivenIds() {
        String html =
                renderer.render(
                        "# T\n\n## Rollback Procedure\n",
                        List.of(),
                        Map.of(2, "rollback-procedure"),
                        LinkResolver.none());
        assertThat(Jsoup.parseBodyFragment(html).selectFirst("h2").id())
                .isEqualTo("rollback-procedure");
    }

    @Test
    void relativeLinksGoToSpecPagesOrBecomeText() {
        LinkResolver links =
                dest ->
                        dest.startsWith("other.md")
                                ? Optional.of("other.html" + dest.substring(8))
                                : Optional.empty();
        String html =
                renderer.render(
                        "[spec](other.md#risks) [doc](../../docs/dev/x.md) [here](#local)\n",
                        List.of(),
                        Map.of(),
                        links);
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("a").eachAttr("href")).containsExactly("other.html#risks", "#local");
        Element offsite = doc.selectFirst("span.offsite");
        assertThat(offsite.text()).isEqualTo("doc");
        assertThat(offsite.attr("title")).contains("../../docs/dev/x.md");
    }
}
