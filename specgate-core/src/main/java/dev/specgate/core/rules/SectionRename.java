package dev.specgate.core.rules;

import dev.specgate.core.model.Section;
import dev.specgate.core.schema.SectionSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A heading of a spec that is probably a template section under another name ({@code ## Overview}
 * where the template says {@code ## Executive Summary}), and the words {@code section-missing} adds
 * to its message: the heading and the {@code aliases:} line of {@code .specgate.yml} that would
 * accept it. The words are a hint only: a baseline matches the message without them ({@link
 * #withoutHint}), so a finding recorded before the hint existed is still known.
 *
 * <p>A heading is taken for a missing section when it is the one unmatched heading of the section's
 * level between the section's neighbours that the spec has, where that section is the one missing
 * between them (a top-level section missing after the last one present has no neighbour after it:
 * an appendix there is not taken for it); or, anywhere at that level, when it is the one unmatched
 * heading that is a known other name of the section ({@code Overview}, {@code Summary}, {@code
 * Introduction} for an {@code Executive Summary}) or shares a telling word with it ({@code Risks
 * and Mitigations} for {@code Risk Assessment}; words such as {@code plan} or {@code strategy} tell
 * nothing). Nothing else is suggested.
 */
public final class SectionRename {

    /** What begins the hint in a message; a baseline drops it and what follows. */
    public static final String HINT = "; the heading '";

    /** Groups of headings that name the same section, as {@link #words} reads them. */
    private static final List<Set<String>> SYNONYMS =
            List.of(
                    Set.of(
                            "executive summary",
                            "summary",
                            "overview",
                            "abstract",
                            "introduction",
                            "tl dr",
                            "tldr"),
                    Set.of("goals", "objectives", "aims"),
                    Set.of("non goals", "out of scope", "nongoals"),
                    Set.of("problem analysis", "problem", "motivation", "background", "context"),
                    Set.of("proposed solution", "solution", "proposal", "design", "approach"),
                    Set.of(
                            "testing strategy",
                            "testing",
                            "test plan",
                            "tests",
                            "validation",
                            "verification"),
                    Set.of(
                            "implementation plan",
                            "implementation",
                            "plan",
                            "rollout",
                            "rollout plan",
                            "deployment plan"),
                    Set.of(
                            "open questions",
                            "open questions decisions",
                            "questions",
                            "unresolved questions"),
                    Set.of("success criteria", "acceptance criteria", "definition of done"),
                    Set.of("timeline milestones", "timeline", "milestones", "schedule"),
                    Set.of("alternatives", "alternatives considered", "options considered"));

    /** Words that say what kind of text a section holds, not what it is about. */
    private static final Set<String> GENERIC =
            Set.of(
                    "a",
                    "an",
                    "and",
                    "the",
                    "of",
                    "for",
                    "to",
                    "in",
                    "on",
                    "plan",
                    "strategy",
                    "criteria",
                    "considerations",
                    "changes",
                    "details",
                    "analysis",
                    "requirements",
                    "overview",
                    "notes",
                    "section",
                    "summary",
                    "required",
                    "needed",
                    "other",
                    "technical",
                    "implementation",
                    "proposed",
                    "open",
                    "phase");

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Pattern PLAIN_YAML =
            Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ()./_-]*");

    private SectionRename() {}

    /**
     * Whether {@code heading} names {@code missing} by its words: a known other name of it, or a
     * telling word in common (a plural {@code s} aside).
     */
    public static boolean namesIt(SectionSpec missing, Section heading) {
        String a = words(ReadableHeading.of(missing));
        String b = words(ReadableHeading.of(heading));
        if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return false;
        }
        for (Set<String> group : SYNONYMS) {
            if (group.contains(a) && group.contains(b)) {
                return true;
            }
        }
        for (String w : a.split(" ")) {
            String stem = stem(w);
            if (GENERIC.contains(w) || stem.length() < 4) {
                continue;
            }
            for (String v : b.split(" ")) {
                if (!GENERIC.contains(v) && stem(v).equals(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The hint {@code section-missing} adds: {@code ; the heading 'Overview' may be it, renamed: if
     * so, add to .specgate.yml: sections: {Executive Summary: {aliases: [Overview]}}}.
     */
    public static String hint(SectionSpec missing, Section heading) {
        String alias = ReadableHeading.of(heading);
        return HINT
                + alias
                + "' may be it, renamed: if so, add to .specgate.yml: sections: {"
                + yaml(ReadableHeading.of(missing))
                + ": {aliases: ["
                + yaml(alias)
                + "]}}";
    }

    /** A {@code section-missing} message without its hint, as a baseline matches it. */
    public static String withoutHint(String message) {
        int at = message.indexOf(HINT);
        return at < 0 ? message : message.substring(0, at);
    }

    /**
     * A heading as a YAML flow scalar: plain where the configuration's reader (SnakeYAML, YAML 1.1)
     * reads it as the text written, else quoted: {@code No}, {@code On}, {@code null}, {@code 1.0},
     * {@code 2026-01-01} or {@code 0x1F} plain would be a boolean, nothing, a number or a date,
     * which {@code aliases:} refuses.
     */
    static String yaml(String text) {
        if (PLAIN_YAML.matcher(text).matches()
                && !text.endsWith(" ")
                && Tag.STR.equals(YamlTypes.RESOLVER.resolve(NodeId.scalar, text, true))) {
            return text;
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * How the configuration's reader types a plain scalar (its default resolver), made when a hint
     * is first written, not when {@code section-missing} first asks {@link #namesIt}: making it
     * loads SnakeYAML's resolver, tags and URI escaper and {@code java.sql}'s and {@code
     * BigDecimal}'s classes and compiles its nine patterns, which a check of specs without front
     * matter or {@code .specgate.yml} never needs otherwise (about 0.4 % of a cold check of 1,000
     * specs by instructions, performance-log.md s25-count).
     */
    private static final class YamlTypes {
        static final Resolver RESOLVER = new Resolver();

        private YamlTypes() {}
    }

    /** Lower case words, one space between them. */
    private static String words(String heading) {
        return NOT_A_WORD.matcher(heading.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String stem(String word) {
        return word.length() > 4 && word.endsWith("s")
                ? word.substring(0, word.length() - 1)
                : word;
    }
}
