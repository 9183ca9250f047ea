package dev.specgate.core.suppress;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.model.HtmlComment;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.RuleIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The findings a spec silences with HTML comments, which Markdown does not render:
 *
 * <ul>
 *   <li>{@code <!-- specgate-disable-next-line RULE, RULE -->} silences the line after the comment;
 *   <li>{@code <!-- specgate-disable RULE -->} silences every line from the comment on, until
 *       {@code <!-- specgate-enable RULE -->} (or the end of the file).
 * </ul>
 *
 * Without rule ids a directive covers every rule; text after {@code --} is a reason and ignored. A
 * {@code specgate-disable} placed before the first section heading covers the file from its first
 * line, so that whole-file findings (a file name, a missing field) can be silenced too. An enable
 * ends only a disable written above it, so an enable written above such a disable does not end it
 * (and ends nothing: {@link #unusedEnables}). Comments inside code are not directives. The approval
 * rules ({@link #NOT_SILENCED_BY_THE_SPEC}) are never silenced by a spec's own comments, nor are
 * the findings about the comments themselves ({@link #ABOUT_THE_COMMENTS}: {@code
 * suppression-blanket}, {@code suppression-refused}, {@code suppression-enable-unused}). Immutable.
 */
public final class Suppressions {

    /** The directive that silences the next line. */
    public static final String DISABLE_NEXT_LINE = "specgate-disable-next-line";

    /** The directive that starts a silenced block. */
    public static final String DISABLE = "specgate-disable";

    /** The directive that ends a silenced block. */
    public static final String ENABLE = "specgate-enable";

    /**
     * The rules a spec's own comments do not silence, named or not: {@code approval-stale} and
     * {@code approval-missing} hold an approval to the text it approved, and a comment an author
     * adds to that text cannot vouch for it. A project turns them off in {@code .specgate.yml},
     * which is reviewed as the project's, not as one spec's.
     */
    public static final Set<String> NOT_SILENCED_BY_THE_SPEC =
            Set.of(RuleIds.APPROVAL_STALE, RuleIds.APPROVAL_MISSING);

    /**
     * The rules whose findings are about the suppression comments themselves: a comment cannot
     * vouch for itself, so no comment silences them (a blanket {@value #DISABLE} would otherwise
     * hide the finding at itself). A project turns them off in {@code .specgate.yml}.
     */
    public static final Set<String> ABOUT_THE_COMMENTS =
            Set.of(
                    RuleIds.SUPPRESSION_BLANKET,
                    RuleIds.SUPPRESSION_REFUSED,
                    RuleIds.SUPPRESSION_ENABLE_UNUSED);

    private static final Suppressions NONE = new Suppressions(List.of(), List.of());

    private enum Kind {
        NEXT_LINE,
        DISABLE,
        ENABLE
    }

    /**
     * One directive: its kind, the line it takes effect from, its rules (empty: all), and the line
     * of its comment.
     */
    private record Directive(Kind kind, int line, Set<String> rules, int commentLine) {
        boolean covers(String ruleId) {
            return rules.isEmpty() || rules.contains(ruleId);
        }
    }

    private final List<Directive> directives;

    /** The rule ids the directives name, in the order the comments are written. */
    private final List<RuleName> names;

    private Suppressions(List<Directive> directives, List<RuleName> names) {
        this.directives = List.copyOf(directives);
        this.names = List.copyOf(names);
    }

    /**
     * The directives a document's comments hold. A check reads them once ({@code
     * RuleContext.derived}): the rules about the comments and the checker's filter share them.
     */
    public static Suppressions of(SpecDocument doc) {
        requireNonNull(doc, "doc must not be null");
        List<HtmlComment> comments = doc.comments();
        List<Directive> found = null;
        List<RuleName> names = null;
        int firstSection = -1; // looked for at the first directive: most specs have none
        for (int i = 0; i < comments.size(); i++) { // by index: no iterator per spec under C1
            HtmlComment c = comments.get(i);
            if (!directiveLike(c)) {
                continue;
            }
            if (firstSection < 0) {
                firstSection = firstSection(doc);
            }
            String[] words = words(c);
            Directive d = parse(c, words, firstSection);
            if (d != null) {
                if (found == null) {
                    found = new ArrayList<>();
                    names = new ArrayList<>();
                }
                found.add(d);
                for (int w = 1; w < words.length; w++) {
                    if (!words[w].isBlank()) {
                        names.add(
                                new RuleName(
                                        words[0].toLowerCase(Locale.ROOT), words[w], c.line()));
                    }
                }
            }
        }
        if (found == null) {
            return NONE;
        }
        // in the order the comments are written, not by the line each takes effect from: an enable
        // ends only a disable written above it, even one before the first section heading, whose
        // reach starts at the file's first line (a plain lambda, not Comparator.comparingInt: see
        // Diagnostic.compareTo)
        found.sort((a, b) -> Integer.compare(a.commentLine(), b.commentLine()));
        return new Suppressions(found, names);
    }

    /** The line of the document's first section heading below the title, or MAX_VALUE. */
    private static int firstSection(SpecDocument doc) {
        for (Section s : doc.sections()) {
            if (s.level() > 1) {
                return s.line();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The directive a comment that is {@link #directiveLike} holds, or null. */
    private static Directive parse(HtmlComment comment, String[] words, int firstSection) {
        Kind kind = words.length == 0 ? null : kind(words[0]);
        if (kind == null) {
            return null;
        }
        int line = comment.line();
        if (kind == Kind.NEXT_LINE) {
            line = comment.line() + 1;
        } else if (kind == Kind.DISABLE && comment.line() < firstSection) {
            line = 0;
        }
        List<String> rules = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isBlank()) {
                rules.add(words[i].trim());
            }
        }
        return new Directive(kind, line, Set.copyOf(rules), comment.line());
    }

    /**
     * A rule id as a directive names it.
     *
     * @param directive the directive's keyword, such as {@value #DISABLE}
     * @param ruleId the id as written
     * @param line the 0-based line of the comment
     */
    public record RuleName(String directive, String ruleId, int line) {}

    /**
     * A {@value #DISABLE} that names no rule, so it silences every rule.
     *
     * @param line the 0-based line of the comment
     * @param wholeFile whether it stands before the first section heading, so it covers the file
     *     from its first line
     * @param ended whether a later {@value #ENABLE} without rule ids ends it
     */
    public record Blanket(int line, boolean wholeFile, boolean ended) {}

    /**
     * Every {@value #DISABLE} of the document that names no rule, in document order. A {@value
     * #DISABLE_NEXT_LINE} without rule ids is not one: it covers the one line under it, where a
     * reader sees both.
     */
    public List<Blanket> blankets() {
        if (directives.isEmpty()) {
            return List.of();
        }
        List<Blanket> found = new ArrayList<>();
        List<Directive> ds = directives;
        for (int i = 0; i < ds.size(); i++) {
            Directive d = ds.get(i);
            if (d.kind != Kind.DISABLE || !d.rules.isEmpty()) {
                continue;
            }
            boolean ended = false;
            for (int j = i + 1; j < ds.size() && !ended; j++) {
                ended = ds.get(j).kind == Kind.ENABLE && ds.get(j).rules.isEmpty();
            }
            found.add(new Blanket(d.commentLine, d.line == 0, ended));
        }
        return found;
    }

    /**
     * A {@value #ENABLE} that ends no {@value #DISABLE} written above it, so it does nothing: an
     * enable with no disable before it, or one placed above the disable it was meant to end.
     *
     * @param line the 0-based line of the comment
     * @param rules the rule ids it names, sorted (empty: it names none)
     */
    public record UnusedEnable(int line, List<String> rules) {}

    /**
     * Every {@value #ENABLE} of the document that ends nothing, in document order. One that names
     * no rule ends every disable open above it; one that names rules ends a disable of any of them,
     * or re-enables them under a disable that names no rule.
     */
    public List<UnusedEnable> unusedEnables() {
        if (directives.isEmpty()) {
            return List.of();
        }
        List<UnusedEnable> found = new ArrayList<>();
        boolean allOpen = false;
        Set<String> open = new java.util.HashSet<>();
        for (Directive d : directives) {
            switch (d.kind) {
                case NEXT_LINE -> {}
                case DISABLE -> {
                    if (d.rules.isEmpty()) {
                        allOpen = true;
                    } else {
                        open.addAll(d.rules);
                    }
                }
                case ENABLE -> {
                    boolean ends;
                    if (d.rules.isEmpty()) {
                        ends = allOpen || !open.isEmpty();
                        allOpen = false;
                        open.clear();
                    } else {
                        ends = allOpen || d.rules.stream().anyMatch(open::contains);
                        open.removeAll(d.rules);
                    }
                    if (!ends) {
                        found.add(
                                new UnusedEnable(
                                        d.commentLine, d.rules.stream().sorted().toList()));
                    }
                }
            }
        }
        return found;
    }

    /** Every rule id the document's directives name, in document order. */
    public List<RuleName> ruleNames() {
        return names;
    }

    /**
     * Whether the comment's first word can be a directive: it starts with {@code specgate-} (any
     * case). Most comments are a template's instructions; they are not split into words.
     */
    private static boolean directiveLike(HtmlComment comment) {
        String text = comment.text();
        int i = 0;
        while (i < text.length() && text.charAt(i) <= ' ') {
            i++;
        }
        return text.regionMatches(true, i, "specgate-", 0, 9);
    }

    /** A comment's words up to a {@code --} reason, split at spaces and commas. */
    private static String[] words(HtmlComment comment) {
        String text = comment.text().trim();
        int reason = text.indexOf(" --");
        if (reason >= 0) {
            text = text.substring(0, reason).trim();
        }
        return text.isEmpty() ? new String[0] : text.split("[\\s,]+");
    }

    private static Kind kind(String keyword) {
        return switch (keyword.toLowerCase(Locale.ROOT)) {
            case DISABLE_NEXT_LINE -> Kind.NEXT_LINE;
            case DISABLE -> Kind.DISABLE;
            case ENABLE -> Kind.ENABLE;
            default -> null;
        };
    }

    /** Whether the spec silences this finding. */
    public boolean silences(Diagnostic d) {
        if (NOT_SILENCED_BY_THE_SPEC.contains(d.ruleId())
                || ABOUT_THE_COMMENTS.contains(d.ruleId())) {
            return false;
        }
        int line = d.range().startLine();
        boolean disabled = false;
        for (Directive directive : directives) {
            if (!directive.covers(d.ruleId())) {
                continue;
            }
            switch (directive.kind) {
                case NEXT_LINE -> {
                    if (directive.line == line) {
                        return true;
                    }
                }
                case DISABLE -> {
                    if (directive.line <= line) {
                        disabled = true;
                    }
                }
                case ENABLE -> {
                    if (directive.line <= line) {
                        disabled = false;
                    }
                }
            }
        }
        return disabled;
    }

    /** The findings the spec does not silence, in their order. */
    public List<Diagnostic> filter(List<Diagnostic> diagnostics) {
        if (directives.isEmpty()) {
            return diagnostics;
        }
        return diagnostics.stream().filter(d -> !silences(d)).toList();
    }

    /** Whether the spec holds no directive. */
    public boolean isEmpty() {
        return directives.isEmpty();
    }
}
