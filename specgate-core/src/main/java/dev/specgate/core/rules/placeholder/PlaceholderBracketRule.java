package dev.specgate.core.rules.placeholder;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.BracketText;
import dev.specgate.core.model.PlaceholderStyle;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.BracketContext;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Placeholder-like bracketed prose that is not the template's, such as {@code [to be filled in]}:
 * not a link (nor a reference without a definition, nor a link written the wrong way round, which
 * {@code link-reference-undefined} reports), task box, footnote, or anything inside code; nor what
 * reads as code, a tag or a citation in prose: a single letter glued to a word or a sigil ({@code
 * [B]ecause}, {@code &[T]}; {@code Option [B]} is reported), brackets glued to a word or a code
 * sigil ({@code items[0]}, {@code #[inline]}), a list of numbers, quoted values or short
 * identifiers ({@code [1, 2, 3]}, {@code [min, max]}), a type with a length ({@code [u32; N]}), an
 * identifier ({@code [config.timeout]}, {@code [Self::Item]}), a character class ({@code
 * [a-z0-9]}), a tag with a colon ({@code [Feature:Storage]}) or in a run of tags ({@code
 * [sig-storage] [Serial]}), a citation ({@code [[P0020]]}, {@code [RFC 2119]}, {@code [Smith
 * 2020]}), an editorial mark ({@code [sic]}, {@code [...]}, a word inserted into a quotation; but
 * {@code [citation needed]} is a gap left in and is reported), a dictionary type ({@code [String:
 * Int]}), a test's owner tag beside other test tags ({@code [sig-apps] Job [Conformance]}), a tag
 * of a stage or a test ({@code [Beta]}, {@code [Flaky]}), a key ({@code [Ctrl]+[C]}, {@code
 * [Esc]}), a URL, {@code [TOC]}, and a list label of the template ({@code - [Optional] Method:});
 * nor, in their context, a level or a tag alone in a table cell ({@code | Risk | [low] |}: a short
 * lowercase word that names no gap, see {@link #levelInTableCell}), a user interface's label
 * ({@code click [Save]}), a TOML table ({@code [dependencies]} on its line above a {@code key =
 * value} line), a citation key ({@code [Lamport78]}), a tuple ({@code [X, Y]}), a unit of measure
 * ({@code Latency [ms]}, {@code [EUR/month]}, see {@link #unitOfMeasure}), or brackets spanning
 * lines. A lone {@code [label]} without a definition is text, judged as any other bracket here:
 * {@code link-reference-undefined} reports only the reference forms that are links ({@code
 * [text][label]}, {@code [label][]}).
 */
public final class PlaceholderBracketRule extends BaseRule {

    public static final String ID = RuleIds.PLACEHOLDER_BRACKET;

    public PlaceholderBracketRule() {
        super(
                ID,
                RuleCategory.PLACEHOLDER,
                Severity.ERROR,
                "Bracketed placeholder-like text is left in.");
    }

    @Override
    public void check(RuleContext ctx) {
        BracketContext around = BracketContext.of(ctx);
        PlaceholderRuleSupport.forEach(
                ctx,
                PlaceholderKind.GENERIC,
                b -> {
                    if (codeOrCitation(b, around)
                            || labelOrTable(b, around)
                            || levelInTableCell(b)
                            || unitOfMeasure(b, around)
                            || ctx.schema().isListLabel(b.text())
                            || (b.headingLevel() > 0
                                    && dev.specgate.core.schema.HeadingKey.isOptionalMark(
                                            b.inner()))
                            || around.reversedLinkText(b) != null) {
                        return;
                    }
                    ctx.report(
                            ctx.draftLenient(),
                            b.range(),
                            "placeholder-like text '"
                                    + PlaceholderRuleSupport.shorten(b.text())
                                    + "' left in ("
                                    + PlaceholderRuleSupport.escapeHint(b)
                                    + " if it is meant literally)");
                });
    }

    /**
     * A short lowercase word, or words joined by hyphens or underscores: what a team writes in a
     * table cell as a level or a tag ({@code [low]}, {@code [p1]}, {@code [needs-review]}).
     */
    private static final Pattern CELL_TAG = Pattern.compile("[a-z][a-z0-9]*(?:[-_][a-z0-9]+){0,2}");

    /** The longest {@link #CELL_TAG}: a level or a tag is a word or two. */
    static final int CELL_TAG_MAX_LENGTH = 20;

    /**
     * Words that, alone in brackets, are a gap to fill rather than a level or a tag: markers of
     * unfinished work and the names of what a cell is waiting for ({@code [tbd]}, {@code [owner]}).
     */
    private static final Set<String> GAP_WORDS =
            Set.of(
                    "todo",
                    "tbd",
                    "tba",
                    "tbc",
                    "fixme",
                    "xxx",
                    "placeholder",
                    "fill-in",
                    "name",
                    "owner",
                    "reviewer",
                    "team",
                    "person",
                    "email",
                    "link",
                    "url",
                    "value",
                    "amount",
                    "number",
                    "percentage",
                    "estimate",
                    "version",
                    "description",
                    "details");

    /**
     * Whether the bracket is all a table cell holds and reads as a level or a tag ({@code | Risk |
     * [low] |}): a short lowercase word that names no gap. The template's own placeholders never
     * get here ({@code placeholder-template} reports them, in tables too), and a capitalised or
     * longer text in a cell ({@code [Team name]}, {@code [to be filled in]}) is still reported.
     */
    static boolean levelInTableCell(BracketText b) {
        String inner = b.inner();
        return b.wholeCell()
                && b.style() == PlaceholderStyle.SQUARE
                && inner.length() <= CELL_TAG_MAX_LENGTH
                && CELL_TAG.matcher(inner).matches()
                && !GAP_WORDS.contains(inner);
    }

    /**
     * Units a quantity is measured in, as a metrics table or a capacity plan writes them after the
     * quantity's name ({@code Latency [ms]}): time, data, rates, money, power and a few physical
     * units. Case counts: {@code [MB]} is a unit, {@code [Days]} is not one here.
     */
    private static final Set<String> UNITS =
            Set.of(
                    "ns", "\u00b5s", "\u03bcs", "us", "ms", "s", "sec", "min", "h", "hr", "d", "B",
                    "kB", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB", "bit",
                    "kbit", "Mbit", "Gbit", "bps", "kbps", "Kbps", "Mbps", "Gbps", "rps", "qps",
                    "tps", "ops", "iops", "IOPS", "RPS", "QPS", "TPS", "vCPU", "CPU", "mCPU", "m",
                    "km", "cm", "mm", "g", "kg", "Hz", "kHz", "MHz", "GHz", "W", "kW", "kWh", "MWh",
                    "V", "\u00b0C", "\u00b0F", "EUR", "USD", "GBP", "CHF", "JPY", "CNY", "INR",
                    "CAD", "AUD", "PLN", "SEK", "\u20ac", "$", "\u00a3");

    /** What a rate counts per unit of time or money: {@code req/s}, {@code events/day}. */
    private static final Set<String> COUNTED =
            Set.of(
                    "req",
                    "reqs",
                    "requests",
                    "msg",
                    "msgs",
                    "messages",
                    "events",
                    "rows",
                    "records",
                    "calls",
                    "ops",
                    "txn",
                    "txns",
                    "transactions",
                    "jobs",
                    "files",
                    "users",
                    "accounts",
                    "pods",
                    "nodes",
                    "hosts",
                    "queries",
                    "writes",
                    "reads");

    /** The periods and amounts a rate is per: {@code [EUR/month]}, {@code [USD per month]}. */
    private static final Set<String> PER =
            Set.of(
                    "second", "minute", "hour", "day", "week", "month", "year", "mo", "yr",
                    "account", "user", "pod", "node", "host", "core", "request", "export");

    /** How far back a one-letter unit looks for the name of its quantity. */
    private static final int QUANTITY_REACH = 40;

    private static final Set<String> TIME_QUANTITIES =
            Set.of(
                    "time",
                    "duration",
                    "latency",
                    "timeout",
                    "delay",
                    "interval",
                    "period",
                    "age",
                    "uptime",
                    "downtime",
                    "retention",
                    "ttl",
                    "lag",
                    "wait",
                    "elapsed",
                    "backoff",
                    "lifetime",
                    "runtime",
                    "expiry");
    private static final Set<String> DATA_QUANTITIES =
            Set.of(
                    "size",
                    "memory",
                    "heap",
                    "storage",
                    "disk",
                    "payload",
                    "buffer",
                    "capacity",
                    "footprint",
                    "cache",
                    "quota",
                    "rss",
                    "ram",
                    "allocation");
    private static final Set<String> LENGTH_QUANTITIES =
            Set.of("length", "distance", "height", "width", "depth", "altitude", "radius");

    /**
     * The quantities a one-letter unit measures, by unit: a letter alone in brackets is a unit only
     * after the name of its quantity ({@code Size [B]}, {@code Time to first byte [s]}); after any
     * other word it is a placeholder letter ({@code Option [B]}).
     */
    private static final Map<String, Set<String>> ONE_LETTER_UNITS =
            Map.ofEntries(
                    Map.entry("s", TIME_QUANTITIES),
                    Map.entry("h", TIME_QUANTITIES),
                    Map.entry("d", TIME_QUANTITIES),
                    Map.entry("B", DATA_QUANTITIES),
                    Map.entry("m", LENGTH_QUANTITIES),
                    Map.entry("g", Set.of("weight", "mass")),
                    Map.entry("V", Set.of("voltage")),
                    Map.entry("W", Set.of("power", "consumption", "draw")));

    /** What ends the name of a quantity, looking back from its unit: a cell, a clause, a label. */
    private static final Pattern QUANTITY_NAME_END = Pattern.compile("[|.;:,!?()\\[\\]]");

    /**
     * Whether the words right before a one-letter unit, back to the start of their cell or clause,
     * name a quantity it measures ({@code Response size}, {@code Time to first byte}).
     */
    private static boolean namesQuantityOf(String unit, String before) {
        Set<String> quantities = ONE_LETTER_UNITS.get(unit);
        if (quantities == null) {
            return false;
        }
        java.util.regex.Matcher end = QUANTITY_NAME_END.matcher(before);
        int from = 0;
        while (end.find()) {
            from = end.end();
        }
        for (String word : before.substring(from).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (quantities.contains(word)
                    || word.endsWith("s")
                            && quantities.contains(word.substring(0, word.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** A unit, possibly a product or a quotient of units: {@code GB/day}, {@code vCPU·s}. */
    private static final Pattern UNIT_PARTS =
            Pattern.compile("\\s*(?:/|\u00b7|\u22c5|\\*| per )\\s*");

    /**
     * Whether the bracket holds a unit of measure written after a quantity's name: {@code Latency
     * [ms]}, {@code Budget [EUR/month]}, {@code Throughput [req/s]}, {@code band [USD per month]}.
     * After a label's colon it is a value still to write ({@code Budget: [EUR]}); a count alone
     * ({@code [requests]}) or words around a unit ({@code [unit to be agreed]}, {@code [Amount in
     * EUR]}) are reported too.
     */
    static boolean unitOfMeasure(BracketText b, BracketContext around) {
        if (b.style() != PlaceholderStyle.SQUARE || b.inner().length() > 24) {
            return false;
        }
        String before = around.textBefore(b, 2);
        if (before.length() < 2
                || before.charAt(1) != ' '
                || !(Character.isLetterOrDigit(before.charAt(0)) || before.charAt(0) == ')')) {
            return false;
        }
        String[] parts = UNIT_PARTS.split(b.inner().strip(), -1);
        if (parts.length == 1 && parts[0].length() == 1) {
            return namesQuantityOf(parts[0], around.textBefore(b, QUANTITY_REACH));
        }
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean unit = UNITS.contains(part);
            boolean counted = i == 0 && parts.length > 1 && COUNTED.contains(part);
            boolean per = i > 0 && PER.contains(part);
            if (!unit && !counted && !per) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern VALUE =
            Pattern.compile("-?[0-9][0-9_.]*|'[^']*'|\"[^\"]*\"|true|false|null");
    private static final Pattern VALUE_LIST =
            Pattern.compile("\\s*(" + VALUE + ")(\\s*,\\s*(" + VALUE + "))*\\s*,?\\s*");

    /** Short lowercase identifiers separated by commas: {@code [min, max]}, {@code [i, j, k]}. */
    private static final Pattern IDENTIFIER_LIST =
            Pattern.compile("\\s*[a-z_][a-z0-9_]{0,11}(\\s*,\\s*[a-z_][a-z0-9_]{0,11})+\\s*");

    private static final Pattern COLON_TAG = Pattern.compile("[A-Za-z][\\w.-]*:[^\\s\\]]+");

    /** One token that only code writes: dots, underscores, {@code ::}, generics, calls. */
    private static final Pattern CODE_TOKEN =
            Pattern.compile(
                    "[A-Za-z_$][\\w$]*(?:(?:\\.|::|->)[A-Za-z_$][\\w$]*)+(?:\\(\\))?"
                            + "|[A-Za-z$]*_[\\w$]*|[A-Za-z_][\\w]*\\(\\)|[A-Za-z_][\\w]*<[^<>\\s]+>");

    /** A regular expression's character class: {@code a-z}, {@code A-Za-z0-9_}. */
    private static final Pattern CHARACTER_CLASS =
            Pattern.compile("(?:[A-Za-z0-9]-[A-Za-z0-9]|\\\\[a-zA-Z]|[_.+*-])+");

    /** An identifier with a number: {@code RFC 2119}, {@code KEP-1287}, {@code P0020R1}. */
    private static final Pattern DOCUMENT_ID =
            Pattern.compile("[A-Z][A-Z0-9]*(?:[- ]?[A-Z]*[0-9][\\w.-]*)");

    /** An author-year citation: {@code Smith 2020}, {@code Lamport et al. 1982}. */
    private static final Pattern AUTHOR_YEAR =
            Pattern.compile(
                    "[A-Z][\\p{L}'-]+(?: (?:et al\\.?|and [A-Z][\\p{L}'-]+|& [A-Z][\\p{L}'-]+))?,?"
                            + " (?:19|20)[0-9]{2}[a-z]?");

    private static final Set<String> EDITORIAL =
            Set.of("sic", "sic!", "...", "\u2026", "emphasis added", "emphasis mine", "toc");

    /**
     * A dictionary type ({@code [String: Int]}, {@code [UUID: [Date]]}): two type names, one of
     * them a standard one, so that {@code [Owner: Name]} stays a placeholder.
     */
    private static final Pattern DICTIONARY_TYPE =
            Pattern.compile("([A-Z][\\w.]*[?]?): (\\[?[A-Z][\\w.]*[?]?\\]?[?]?)");

    private static final Set<String> STANDARD_TYPES =
            Set.of(
                    "String",
                    "Substring",
                    "Character",
                    "Int",
                    "Int8",
                    "Int16",
                    "Int32",
                    "Int64",
                    "UInt",
                    "UInt8",
                    "UInt16",
                    "UInt32",
                    "UInt64",
                    "Double",
                    "Float",
                    "Bool",
                    "Any",
                    "AnyHashable",
                    "AnyObject",
                    "Data",
                    "Date",
                    "URL",
                    "UUID");

    /**
     * A test's owner tag in lowercase words joined by hyphens ({@code [sig-apps]}), when the same
     * line holds another test tag ({@code [Conformance]}, {@code [Feature:Foo]}), as Kubernetes
     * test names do.
     */
    private static final Pattern OWNER_TAG = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)+");

    private static final int TAG_REACH = 200;

    private static final Pattern BRACKETED_WORD = Pattern.compile("\\[([^\\[\\]\\s]+)\\]");

    static boolean isDictionaryType(String inner) {
        java.util.regex.Matcher m = DICTIONARY_TYPE.matcher(inner);
        return m.matches()
                && (STANDARD_TYPES.contains(typeName(m.group(1)))
                        || STANDARD_TYPES.contains(typeName(m.group(2))));
    }

    private static String typeName(String t) {
        return t.replace("[", "").replace("]", "").replace("?", "");
    }

    private static boolean ownerTagAmongTestTags(BracketText b, BracketContext around) {
        if (!OWNER_TAG.matcher(b.inner()).matches()
                || b.range().startLine() != b.range().endLine()) {
            return false;
        }
        String line = around.line(b.range().startLine());
        // look at most TAG_REACH characters either side, so a long line of tags stays linear
        int from = Math.max(0, b.range().startColumn() - TAG_REACH);
        int to = Math.min(line.length(), b.range().endColumn() + TAG_REACH);
        if (from >= to) {
            return false;
        }
        java.util.regex.Matcher m = BRACKETED_WORD.matcher(line).region(from, to);
        while (m.find()) {
            if (m.start() == b.range().startColumn()) {
                continue;
            }
            String tag = m.group(1);
            if (TAGS.contains(tag.toLowerCase(Locale.ROOT)) || COLON_TAG.matcher(tag).matches()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern EDITED_WORD = Pattern.compile("[a-z]+");

    /** Bracketed words that tag a test, a release stage or a change, never a gap to fill. */
    private static final Set<String> TAGS =
            Set.of(
                    "alpha",
                    "beta",
                    "ga",
                    "stable",
                    "deprecated",
                    "experimental",
                    "preview",
                    "wip",
                    "breaking",
                    "serial",
                    "slow",
                    "flaky",
                    "disruptive",
                    "conformance",
                    "nodeconformance",
                    "linuxonly",
                    "nightly");

    /** Key names, written {@code [Ctrl]+[C]} or {@code press [Esc]}. */
    private static final Set<String> KEYS =
            Set.of(
                    "ctrl",
                    "alt",
                    "shift",
                    "cmd",
                    "command",
                    "option",
                    "meta",
                    "win",
                    "super",
                    "esc",
                    "escape",
                    "enter",
                    "return",
                    "tab",
                    "space",
                    "backspace",
                    "delete",
                    "del",
                    "insert",
                    "home",
                    "end",
                    "pgup",
                    "pgdn",
                    "pageup",
                    "pagedown",
                    "up",
                    "down",
                    "left",
                    "right",
                    "f1",
                    "f2",
                    "f3",
                    "f4",
                    "f5",
                    "f6",
                    "f7",
                    "f8",
                    "f9",
                    "f10",
                    "f11",
                    "f12");

    /**
     * Short items of a tuple or coordinates: numbers, single letters ({@code X}, {@code x'}, {@code
     * T2}) and short lowercase identifiers, two or more: {@code [X, Y]}, {@code [0, N]}.
     */
    private static final Pattern TUPLE =
            Pattern.compile(
                    "\\s*(?:-?[0-9][0-9_.]*|[A-Za-z][0-9']*|[a-z_][a-z0-9_]{0,11})"
                            + "(?:\\s*,\\s*(?:-?[0-9][0-9_.]*|[A-Za-z][0-9']*|[a-z_][a-z0-9_]{0,11}))+"
                            + "\\s*");

    /**
     * A citation key, alone or in a list: a name and a two- or four-digit year ({@code
     * [Lamport78]}, {@code [Knuth1984a]}, {@code [Lamport78, Fischer85]}).
     */
    private static final Pattern CITATION_KEY =
            Pattern.compile(
                    "[A-Z][A-Za-z]*\\+?[0-9]{2}(?:[0-9]{2})?[a-z]?"
                            + "(?:\\s*[,;]\\s*[A-Z][A-Za-z]*\\+?[0-9]{2}(?:[0-9]{2})?[a-z]?)*");

    /** A TOML or INI table name: {@code [dependencies]}, {@code [dev-dependencies]}. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    /** A TOML or INI key line: {@code name = "invoice-export"}. */
    private static final Pattern TOML_KEY = Pattern.compile("^\\s*[A-Za-z0-9_.\"-]+\\s*=\\s*\\S");

    /** Words after a table name that say it is one: {@code the [dependencies] table}. */
    private static final Set<String> TABLE_WORDS =
            Set.of("table", "tables", "section", "sections", "header", "stanza", "block");

    /**
     * A label of a user interface: one to three capitalised words ({@code Save}, {@code Add
     * Member}).
     */
    private static final Pattern UI_LABEL =
            Pattern.compile("[A-Z][\\p{L}'&.-]*(?: [A-Z\\p{Ll}][\\p{L}'&.-]*){0,2}");

    /** Verbs before a user interface's label: {@code click [Save]}. */
    private static final Set<String> UI_VERBS =
            Set.of(
                    "click",
                    "clicks",
                    "clicking",
                    "tap",
                    "taps",
                    "tapping",
                    "hit",
                    "select",
                    "selects",
                    "choose",
                    "chooses",
                    "press",
                    "presses",
                    "pressing");

    /** Verbs before a key written as one letter: {@code press [Q]}. */
    private static final Set<String> KEY_VERBS = Set.of("press", "presses", "pressing", "hit");

    /** A verb and a label earlier in the same clause, up to a bracket: {@code click [A] and }. */
    private static final Pattern UI_CLAUSE =
            Pattern.compile(
                    "(?i)\\b(?:click|tap|select|choose|press)\\s+\\[[A-Z][^\\]]*\\][^.;:!?\\[]*$");

    /** Words after a user interface's label: {@code the [Save] button}. */
    private static final Set<String> UI_NOUNS =
            Set.of(
                    "button",
                    "buttons",
                    "tab",
                    "tabs",
                    "menu",
                    "link",
                    "dialog",
                    "icon",
                    "checkbox",
                    "toggle",
                    "pane",
                    "panel",
                    "screen",
                    "page",
                    "view");

    /**
     * Whether a bracketed text reads as a user interface's label ({@code click [Save]}, {@code the
     * [Add Member] button}, {@code [File] > [Export]}), a TOML or INI table ({@code [dependencies]}
     * on its own line above a {@code key = value} line, or followed by "table" or "section"), or
     * spans lines (a bracketed aside wrapped by the editor; the template's own placeholders are
     * {@code placeholder-template}'s).
     */
    static boolean labelOrTable(BracketText b, BracketContext around) {
        if (b.style() != PlaceholderStyle.SQUARE) {
            return false;
        }
        if (b.range().startLine() != b.range().endLine()) {
            return true;
        }
        String inner = b.inner();
        if (TABLE_NAME.matcher(inner).matches()
                && (around.aloneOnLine(b)
                                && TOML_KEY.matcher(
                                                around.lineStart(b.range().startLine() + 1, 200))
                                        .find()
                        || TABLE_WORDS.contains(around.wordAfter(b))
                        || around.wordBefore(b).equals("under"))) {
            return true;
        }
        if (!UI_LABEL.matcher(inner).matches()) {
            return false;
        }
        if (inner.length() == 1) {
            // a letter alone is a key pressed (press [Q]), never a label chosen (Choose [A])
            return KEY_VERBS.contains(around.wordBefore(b));
        }
        if (UI_VERBS.contains(around.wordBefore(b)) || UI_NOUNS.contains(around.wordAfter(b))) {
            return true;
        }
        // the next label in the same clause: click [Export] and then [Download CSV]
        String clause = around.textBefore(b, 80);
        if (clause.indexOf(']') >= 0 && UI_CLAUSE.matcher(clause).find()) {
            return true;
        }
        // a menu path: [File] > [Export]
        String before = around.textBefore(b, 4);
        String after = around.textAfter(b, 4);
        return before.matches(".*\\][ ]?(?:>|\u2192|->) ?")
                || after.matches(" ?(?:>|\u2192|->) ?\\[.*");
    }

    /** Whether a bracketed text reads as code, a value list, a tag or a citation, not a gap. */
    static boolean codeOrCitation(BracketText b, BracketContext around) {
        String text = b.text();
        if (b.style() != PlaceholderStyle.SQUARE) {
            return false;
        }
        String inner = b.inner();
        if (inner.length() <= 1) {
            // no list, identifier, citation, tag or edited word is one character: a letter is
            // code only glued to a word or a sigil ([B]ecause, &[T])
            return inner.isEmpty()
                    || !Character.isLetter(inner.charAt(0))
                    || gluedToCode(b, around);
        }
        String lower = inner.toLowerCase(Locale.ROOT);
        if (EDITORIAL.contains(lower)
                || TAGS.contains(lower)
                || KEYS.contains(lower)
                || text.startsWith("[[") && text.endsWith("]]")
                || inner.contains(";")
                || VALUE_LIST.matcher(inner).matches()
                || IDENTIFIER_LIST.matcher(inner).matches()
                || COLON_TAG.matcher(inner).matches()
                || CODE_TOKEN.matcher(inner).matches() && !inner.contains(" ")
                || CHARACTER_CLASS.matcher(inner).matches() && inner.contains("-")
                || DOCUMENT_ID.matcher(inner).matches()
                || AUTHOR_YEAR.matcher(inner).matches()
                || CITATION_KEY.matcher(inner).matches()
                || TUPLE.matcher(inner).matches()
                || isDictionaryType(inner)
                || ownerTagAmongTestTags(b, around)
                || BracketContext.looksLikeTarget(inner)) {
            return true;
        }
        // an editor's word inserted into a quotation: "the node [was] not ready"
        return gluedToCode(b, around)
                || around.inTagRun(b)
                || EDITED_WORD.matcher(inner).matches() && around.insideQuotation(b);
    }

    /** Whether the bracket is glued to a word or a code sigil: {@code rows[i]}, {@code &[u8]}. */
    private static boolean gluedToCode(BracketText b, BracketContext around) {
        char before = around.before(b);
        char after = around.after(b);
        return Character.isLetterOrDigit(before)
                || before == '#'
                || before == '&'
                || before == '_'
                || before == '!'
                || before == '+'
                || after == '+'
                || Character.isLetter(after);
    }
}
