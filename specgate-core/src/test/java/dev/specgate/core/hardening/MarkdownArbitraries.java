package dev.specgate.core.hardening;

import dev.specgate.core.schema.TemplateSchema;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile Markdown for the fuzz tests: token soups built from the syntax the parser
 * and rules care about, and random edits of the bundled template.
 */
public final class MarkdownArbitraries {

    private MarkdownArbitraries() {}

    /** Fragments that drive the block parser, the inline scanner and every rule. */
    static final List<String> TOKENS =
            List.of(
                    "\n",
                    "\n",
                    "\n",
                    "\r\n",
                    "\r",
                    " ",
                    "  ",
                    "    ",
                    "\t",
                    "#",
                    "# ",
                    "## ",
                    "### ",
                    "###### ",
                    "####### ",
                    "# Technical Specification: X",
                    "## Executive Summary",
                    "## Problem Analysis",
                    "### Current State",
                    "### File Organization (Rigour Vibe Structure)",
                    "## Open Questions & Decisions",
                    "- ",
                    "* ",
                    "+ ",
                    "1. ",
                    "2) ",
                    "123456789. ",
                    "> ",
                    ">",
                    "- [ ] ",
                    "- [x] ",
                    "- [X] ",
                    "-[ ]",
                    "- []",
                    "- [ x]",
                    "[ ]",
                    "[x]",
                    "```",
                    "~~~",
                    "```java\n",
                    "<!--",
                    "-->",
                    "<!-- expect: error -->",
                    "**",
                    "*",
                    "_",
                    "__",
                    "**Type:** ",
                    "**Type:** Integration",
                    "**Document Status:** Approved",
                    "**Document Status:** Draft",
                    "**Created:** 2026-02-30",
                    "**Created:** 2026-01-01",
                    "**Last Updated:** [Date]",
                    "**Next Review:** 2020-01-01",
                    "**Reviewer:** TBD",
                    "**File:** `x.md`",
                    "**File:** [s](2026-01-01_spec_fuzz.md)",
                    "**Label**: v",
                    "[",
                    "]",
                    "(",
                    ")",
                    "[a](#b)",
                    "[a](#executive-summary)",
                    "[x](../missing.md)",
                    "[x](/abs/path.md)",
                    "[x](%zz)",
                    "[x](<a b>)",
                    "[x](a \"t\")",
                    "](",
                    "![i](img.png)",
                    "[ref]: /url",
                    "[ref]: <x y> \"t\"",
                    "[ref]",
                    "[ref][]",
                    "[t][ref]",
                    "[^1]",
                    "[!NOTE]",
                    "<https://x.y>",
                    "<a id=\"z\">",
                    "<a name='q'>",
                    "<div>",
                    "</div>",
                    "`",
                    "``",
                    "`code`",
                    "\\",
                    "\\[",
                    "\\*",
                    "|",
                    "| a | b |",
                    "|---|---|",
                    "|:-:|",
                    ":",
                    "!",
                    "[Date]",
                    "YYYY-MM-DD",
                    "[Time estimate]",
                    "[Feature/Problem Name]",
                    "2026-10-02",
                    " - **Decision by:** 2020-01-01",
                    " - **Answer needed by:** x",
                    "===",
                    "---",
                    "***",
                    "___",
                    "\u2028",
                    "\u2029",
                    "\u0085",
                    "\u000B",
                    "\f",
                    "\0",
                    "\uFEFF",
                    "é",
                    "\uD834\uDD1E",
                    "\uD800",
                    "\uDC00",
                    "&amp;",
                    "&#0;",
                    "word",
                    "Lorem ipsum dolor sit amet",
                    "(if applicable)",
                    "N/A");

    /** A soup of tokens and, now and then, arbitrary characters. */
    public static Arbitrary<String> markdown() {
        Arbitrary<String> token = Arbitraries.of(TOKENS);
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(8);
        Arbitrary<String> piece =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(12, token), net.jqwik.api.Tuple.of(1, noise));
        return piece.list().ofMaxSize(400).map(parts -> String.join("", parts));
    }

    /** The bundled template after a few random edits. */
    public static Arbitrary<String> editedTemplate() {
        String template = TemplateSchema.builtinTemplateText();
        Arbitrary<Edit> edit =
                Combinators.combine(
                                Arbitraries.integers().between(0, 4),
                                Arbitraries.doubles().between(0, 1),
                                Arbitraries.doubles().between(0, 1),
                                Arbitraries.of(TOKENS))
                        .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(12).map(edits -> apply(template, edits));
    }

    /** One edit: insert a token, delete, duplicate or move a span, or cut the text short. */
    record Edit(int kind, double at, double length, String token) {}

    static String apply(String text, List<Edit> edits) {
        String s = text;
        for (Edit e : edits) {
            int n = s.length();
            int at = (int) (e.at() * n);
            int len = Math.min(n - at, (int) (e.length() * 400));
            s =
                    switch (e.kind()) {
                        case 0 -> s.substring(0, at) + e.token() + s.substring(at);
                        case 1 -> s.substring(0, at) + s.substring(at + len);
                        case 2 ->
                                s.substring(0, at + len)
                                        + s.substring(at, at + len)
                                        + s.substring(at + len);
                        case 3 -> {
                            String cut = s.substring(at, at + len);
                            String rest = s.substring(0, at) + s.substring(at + len);
                            int to = (int) (e.length() * rest.length());
                            yield rest.substring(0, to) + cut + rest.substring(to);
                        }
                        default -> s.substring(0, at);
                    };
        }
        return s;
    }

    static List<String> lines(String s) {
        return new ArrayList<>(List.of(s.split("\n", -1)));
    }
}
