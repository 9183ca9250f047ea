package dev.specgate.bench.corpus;

import dev.specgate.core.schema.DecisionChecklists;
import dev.specgate.core.schema.FieldSpec;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.Strictness;
import dev.specgate.core.schema.TemplateSchema;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates realistic, fully filled specs from the template, plus defective ones, deterministically
 * for a seed: spec {@code i} of a corpus is the same bytes whatever else is generated. Every
 * placeholder of the template is filled, and each spec grows with varied prose, lists, tables, code
 * blocks, quotes and links (external, to its own headings, and to earlier clean specs of the same
 * corpus) until it reaches its size; some specs get extra sections, some use CRLF line endings or
 * start with a byte order mark.
 *
 * <p>Dates are chosen relative to {@link #REFERENCE_DATE}: check a corpus "as of" that date for
 * clean specs to check clean.
 */
public final class SpecCorpusGenerator {

    /** The date a corpus is meant to be checked at ({@code --today}). */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 25);

    /** The mean size of a generated spec: 169 MB for 10,000 specs, as in the issue. */
    public static final int DEFAULT_SPEC_BYTES = 16_900;

    /** Share of files written with CRLF line endings. */
    public static final double CRLF_SHARE = 0.10;

    /** Share of files that start with a UTF-8 byte order mark. */
    public static final double BOM_SHARE = 0.05;

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern FIELD_LINE = Pattern.compile("^\\*\\*([^*]+):\\*\\*\\s*(.*)$");
    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]]*)\\]");
    private static final String[] EXTRA_SECTIONS = {
        "Alternatives Considered",
        "Glossary",
        "Prior Art",
        "Operational Notes",
        "Cost Estimate",
        "Open Risks Log",
        "References",
        "Stakeholder Notes",
        "Capacity Plan"
    };
    private static final int SIBLING_WINDOW = 40;

    private final long seed;
    private final int cleanCount;
    private final int defectiveCount;
    private final int specBytes;
    private final TemplateSchema schema;
    private final List<Part> template;

    /** A heading and the lines under it, up to the next heading. */
    private static final class Part {
        int level;
        String title;
        final List<String> body;

        Part(int level, String title, List<String> body) {
            this.level = level;
            this.title = title;
            this.body = body;
        }

        Part copy() {
            return new Part(level, title, new ArrayList<>(body));
        }
    }

    /** What the name, title and dates of spec {@code i} are. */
    private record Identity(String fileName, String title, LocalDate created) {}

    private SpecCorpusGenerator(long seed, int cleanCount, int defectiveCount, int specBytes) {
        if (cleanCount < 0 || defectiveCount < 0) {
            throw new IllegalArgumentException(
                    "counts must be >= 0, got " + cleanCount + " and " + defectiveCount);
        }
        if (specBytes < 1_000) {
            throw new IllegalArgumentException("specBytes " + specBytes + " must be >= 1000");
        }
        this.seed = seed;
        this.cleanCount = cleanCount;
        this.defectiveCount = defectiveCount;
        this.specBytes = specBytes;
        this.schema = TemplateSchema.builtin();
        this.template = parseTemplate(TemplateSchema.builtinTemplateText());
    }

    /**
     * A corpus of {@code clean} clean and {@code defective} defective specs of the default size.
     */
    public static SpecCorpusGenerator of(long seed, int clean, int defective) {
        return new SpecCorpusGenerator(seed, clean, defective, DEFAULT_SPEC_BYTES);
    }

    /** The same corpus with another mean spec size in bytes. */
    public SpecCorpusGenerator withSpecBytes(int bytes) {
        return new SpecCorpusGenerator(seed, cleanCount, defectiveCount, bytes);
    }

    public int size() {
        return cleanCount + defectiveCount;
    }

    /** Every spec, in index order; generated lazily, so a large corpus can stream to disk. */
    public Stream<GeneratedSpec> specs() {
        return IntStream.range(0, size()).mapToObj(this::spec);
    }

    /** Spec {@code i} of the corpus. Defective specs are spread evenly among the clean ones. */
    public GeneratedSpec spec(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("spec " + i + " of a corpus of " + size());
        }
        Optional<Defect> defect = defectOf(i);
        SplittableRandom rnd = new SplittableRandom(mix(seed, i, 0x5bd1e995L));
        Identity id = identity(i);
        List<String> siblings = new ArrayList<>();
        for (int j = Math.max(0, i - SIBLING_WINDOW); j < i; j++) {
            if (defectOf(j).isEmpty()) {
                siblings.add(identity(j).fileName());
            }
        }
        Prose prose = new Prose(rnd, siblings);
        SpecDraft draft = fill(id, prose);
        grow(draft, prose);
        if (Strictness.forStatus(draft.status, schema).atLeast(Strictness.APPROVED)) {
            draft.settleDecisions();
        }
        defect.ifPresent(d -> plant(d, draft, prose));
        String text = approved(draft.render());
        boolean crlf = rnd.nextDouble() < CRLF_SHARE;
        boolean bom = rnd.nextDouble() < BOM_SHARE;
        if (crlf) {
            text = text.replace("\n", "\r\n");
        }
        byte[] bytes = ((bom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
        if (defect.isPresent() && defect.get() == Defect.NOT_UTF8) {
            bytes = corrupt(bytes, rnd, new byte[] {(byte) 0xC3, (byte) 0x28});
        } else if (defect.isPresent() && defect.get() == Defect.BINARY) {
            bytes = corrupt(bytes, rnd, new byte[] {0});
        }
        return new GeneratedSpec(i, draft.fileName, bytes, defect);
    }

    /**
     * {@code text} with its approval recorded for its content, as {@code specgate approve} writes
     * it, when it says Approved or Implementation (by its Reviewer when that names a person); other
     * specs unchanged. Approved specs without a record get approval-missing.
     */
    private static String approved(String text) {
        dev.specgate.core.model.SpecDocument doc =
                new dev.specgate.core.parse.SpecParser().parse(text);
        boolean approvedOrLater =
                doc.metadata(TemplateSchema.STATUS_FIELD)
                        .flatMap(f -> dev.specgate.core.lifecycle.SpecStatus.of(f.value()))
                        .filter(
                                st ->
                                        st == dev.specgate.core.lifecycle.SpecStatus.APPROVED
                                                || st
                                                        == dev.specgate.core.lifecycle.SpecStatus
                                                                .IMPLEMENTATION)
                        .isPresent();
        if (!approvedOrLater) {
            return text;
        }
        String by =
                dev.specgate.core.lifecycle.Lifecycle.standard()
                        .reviewer(doc)
                        .orElse("Priya Raman");
        return dev.specgate.core.approval.Approvals.standard()
                .approve(dev.specgate.core.edit.SpecSource.of(text).edit(), doc, by, REFERENCE_DATE)
                .text();
    }

    /** The defect planted in spec {@code i}, if it is one of the defective ones. */
    public Optional<Defect> defectOf(int i) {
        long total = size();
        long before = (long) i * defectiveCount / total;
        long after = (long) (i + 1) * defectiveCount / total;
        if (after == before) {
            return Optional.empty();
        }
        Defect[] all = Defect.values();
        return Optional.of(all[(int) (before % all.length)]);
    }

    private Identity identity(int i) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, i, 0x9e3779b97f4a7c15L));
        Prose p = new Prose(rnd, List.of());
        String title = p.title();
        LocalDate created = REFERENCE_DATE.minusDays(30 + rnd.nextInt(700));
        String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + i;
        return new Identity(created + "_spec_" + slug + ".md", title, created);
    }

    private static long mix(long seed, long i, long salt) {
        long z = seed * 0x9e3779b97f4a7c15L + i * 0xbf58476d1ce4e5b9L + salt;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static List<Part> parseTemplate(String text) {
        List<Part> parts = new ArrayList<>();
        Part current = null;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                current = new Part(h.group(1).length(), h.group(2).trim(), new ArrayList<>());
                parts.add(current);
            } else if (current != null) {
                current.body.add(line);
            }
        }
        for (Part p : parts) {
            while (!p.body.isEmpty() && p.body.get(p.body.size() - 1).isBlank()) {
                p.body.remove(p.body.size() - 1);
            }
        }
        return parts;
    }

    /** A spec being built: its file name, status and parts. */
    private final class SpecDraft {
        String fileName;
        String status;
        final List<Part> parts = new ArrayList<>();

        /**
         * Ticks every box under the decision checklists, as an approval leaves them (an Approved
         * spec with an open decision is a decision-open error): consumes no randomness, so the rest
         * of the spec is the same bytes.
         */
        void settleDecisions() {
            List<String> keys = DecisionChecklists.of(schema).stream().map(HeadingKey::of).toList();
            for (Part p : parts) {
                if (keys.contains(HeadingKey.of(p.title))) {
                    p.body.replaceAll(l -> l.startsWith("- [ ] ") ? "- [x] " + l.substring(6) : l);
                }
            }
        }

        int find(String title) {
            for (int k = 0; k < parts.size(); k++) {
                if (parts.get(k).title.equals(title)) {
                    return k;
                }
            }
            throw new IllegalStateException("template has no section '" + title + "'");
        }

        /** Sets the value of a metadata field line; returns false when there is none. */
        boolean setField(String label, String value) {
            for (Part p : parts) {
                for (int k = 0; k < p.body.size(); k++) {
                    Matcher m = FIELD_LINE.matcher(p.body.get(k));
                    if (m.matches() && m.group(1).equalsIgnoreCase(label)) {
                        p.body.set(k, value == null ? null : "**" + m.group(1) + ":** " + value);
                        p.body.removeIf(l -> l == null);
                        return true;
                    }
                }
            }
            return false;
        }

        int bytes() {
            int n = 0;
            for (Part p : parts) {
                n += p.title.length() + p.level + 3;
                for (String l : p.body) {
                    n += l.length() + 1;
                }
            }
            return n;
        }

        String render() {
            StringBuilder sb = new StringBuilder(bytes() + 64);
            for (int k = 0; k < parts.size(); k++) {
                Part p = parts.get(k);
                if (k > 0) {
                    sb.append('\n');
                }
                sb.append("#".repeat(p.level)).append(' ').append(p.title).append('\n');
                for (String l : p.body) {
                    sb.append(l).append('\n');
                }
            }
            return sb.toString();
        }
    }

    private SpecDraft fill(Identity id, Prose prose) {
        SpecDraft d = new SpecDraft();
        d.fileName = id.fileName();
        String status = pickStatus(prose);
        d.status = status;
        for (Part t : template) {
            Part p = t.copy();
            if (p.level == 1) {
                p.title = BRACKET.matcher(p.title).replaceAll(Matcher.quoteReplacement(id.title()));
            }
            p.body.replaceAll(line -> fillLine(line, id, status, prose));
            d.parts.add(p);
        }
        return d;
    }

    private String pickStatus(Prose prose) {
        List<String> statuses = schema.statuses();
        if (statuses.isEmpty()) {
            return "Review";
        }
        // Drafts are rarer than specs in review or later.
        int k = prose.chance(0.15) ? 0 : 1 + prose.between(0, statuses.size() - 2);
        return statuses.get(Math.min(k, statuses.size() - 1));
    }

    private String fillLine(String line, Identity id, String status, Prose prose) {
        Matcher field = FIELD_LINE.matcher(line);
        if (field.matches()) {
            Optional<FieldSpec> spec = schema.field(field.group(1));
            if (spec.isPresent()) {
                return "**" + field.group(1) + ":** " + fieldValue(spec.get(), id, status, prose);
            }
        }
        if (line.isBlank() || line.indexOf('[') < 0) {
            return line;
        }
        boolean wholeLine = line.startsWith("[") && line.endsWith("]");
        if (wholeLine) {
            return String.join("\n", prose.paragraph(1, 3));
        }
        StringBuilder out = new StringBuilder();
        Matcher m = BRACKET.matcher(line);
        int last = 0;
        while (m.find()) {
            out.append(line, last, m.start());
            String inner = m.group(1);
            String before = line.substring(0, m.start()).trim();
            boolean taskBox =
                    (inner.equals(" ") || inner.equalsIgnoreCase("x"))
                            && (before.equals("-") || before.equals("*"));
            String replacement;
            if (taskBox) {
                replacement = prose.chance(0.4) ? "[x]" : "[ ]";
            } else if (inner.equalsIgnoreCase("date")) {
                replacement = prose.date(REFERENCE_DATE, 180);
            } else if (inner.equals("feature-name")) {
                replacement = id.fileName().substring(16, id.fileName().length() - 3);
            } else if (inner.equalsIgnoreCase("percentage")) {
                replacement = String.valueOf(prose.between(60, 95));
            } else if (inner.equalsIgnoreCase("time estimate")) {
                replacement = prose.between(1, 6) + (prose.chance(0.5) ? " weeks" : " sprints");
            } else {
                replacement = prose.phrase();
            }
            out.append(replacement);
            last = m.end();
        }
        out.append(line.substring(last));
        return out.toString();
    }

    private String fieldValue(FieldSpec spec, Identity id, String status, Prose prose) {
        String label = spec.label();
        if (label.equalsIgnoreCase(TemplateSchema.STATUS_FIELD)) {
            return status;
        }
        if (label.equalsIgnoreCase(TemplateSchema.CREATED_FIELD)) {
            return id.created().toString();
        }
        if (label.equalsIgnoreCase(TemplateSchema.REVIEWER_FIELD)) {
            return prose.person();
        }
        return switch (spec.kind()) {
            case FILE -> "`directives/spec/" + id.fileName() + "`";
            case CHOICE ->
                    spec.allowedValues().get(prose.between(0, spec.allowedValues().size() - 1));
            case DATE ->
                    label.equalsIgnoreCase(TemplateSchema.NEXT_REVIEW_FIELD)
                            ? prose.date(REFERENCE_DATE, 365)
                            : prose.date(
                                    id.created(),
                                    (int)
                                            (REFERENCE_DATE.toEpochDay()
                                                    - id.created().toEpochDay()
                                                    - 1));
            default ->
                    label.toLowerCase(Locale.ROOT).contains("assigned")
                            ? prose.team()
                            : prose.phrase();
        };
    }

    /** Adds extra sections and content blocks until the spec reaches its size. */
    private void grow(SpecDraft d, Prose prose) {
        if (prose.chance(0.4)) {
            int extras = prose.between(1, 2);
            for (int e = 0; e < extras; e++) {
                addExtraSection(d, prose);
            }
        }
        int target = (int) (specBytes * (0.75 + 0.5 * prose.between(0, 1000) / 1000.0));
        int last = d.parts.size() - 1;
        while (d.bytes() < target) {
            int k = 1 + prose.between(0, last - 2);
            Part p = d.parts.get(k);
            if (!p.body.isEmpty() && !p.body.get(p.body.size() - 1).isBlank()) {
                p.body.add("");
            }
            p.body.addAll(prose.block());
        }
    }

    private void addExtraSection(SpecDraft d, Prose prose) {
        String title = prose.pick(EXTRA_SECTIONS);
        if (!schema.sectionsWithKey(HeadingKey.of(title)).isEmpty()) {
            return;
        }
        for (Part p : d.parts) {
            if (p.title.equals(title)) {
                return;
            }
        }
        // before a level-2 heading (not the first), so it closes the previous level-2 section
        List<Integer> level2 = new ArrayList<>();
        for (int k = 2; k < d.parts.size(); k++) {
            if (d.parts.get(k).level == 2) {
                level2.add(k);
            }
        }
        int at = level2.get(prose.between(0, level2.size() - 1));
        List<String> body = new ArrayList<>(prose.paragraph(2, 4));
        d.parts.add(at, new Part(3, title, body));
        if (prose.chance(0.5)) {
            List<String> sub = new ArrayList<>(prose.paragraph(1, 3));
            sub.add("");
            sub.addAll(prose.bulletList());
            d.parts.add(
                    at + 1,
                    new Part(4, "Option " + prose.between(1, 3) + ": " + prose.title(), sub));
        }
    }

    private void plant(Defect defect, SpecDraft d, Prose prose) {
        switch (defect) {
            case SECTION_MISSING ->
                    d.parts.remove(
                            d.find(prose.chance(0.5) ? "Problem Statement" : "Alerting Strategy"));
            case SECTION_ORDER -> {
                int a = d.find("Current State");
                int b = d.find("Problem Statement");
                Part tmp = d.parts.get(a);
                d.parts.set(a, d.parts.get(b));
                d.parts.set(b, tmp);
            }
            case SECTION_LEVEL -> d.parts.get(d.find("Solution Overview")).level = 4;
            case SECTION_DUPLICATE -> {
                int a = d.find("Current State");
                d.parts.add(a + 1, d.parts.get(a).copy());
            }
            case SECTION_EMPTY -> d.parts.get(d.find("Problem Statement")).body.clear();
            case PLACEHOLDER_TEMPLATE -> {
                List<String> placeholders = new ArrayList<>();
                for (String p : schema.placeholders()) {
                    if (!p.equalsIgnoreCase("[Date]") && !p.contains("|")) {
                        placeholders.add(p);
                    }
                }
                placeholders.sort(null);
                String p = placeholders.get(prose.between(0, placeholders.size() - 1));
                addParagraph(d, "Executive Summary", p);
            }
            case PLACEHOLDER_TITLE -> d.parts.get(0).title = template.get(0).title;
            case PLACEHOLDER_DATE -> d.setField(TemplateSchema.LAST_UPDATED_FIELD, "[Date]");
            case PLACEHOLDER_BRACKET ->
                    addParagraph(
                            d,
                            "Solution Overview",
                            "The retry budget is [to be confirmed by SRE] for now.");
            case FIELD_MISSING -> d.setField(TemplateSchema.NEXT_REVIEW_FIELD, null);
            case FIELD_VALUE -> d.setField(TemplateSchema.TYPE_FIELD, "Refactoring");
            case FIELD_DATE -> d.setField(TemplateSchema.LAST_UPDATED_FIELD, "2026-02-30");
            case FIELD_FILE ->
                    d.setField(
                            TemplateSchema.FILE_FIELD,
                            "`directives/spec/2026-01-01_spec_something-else.md`");
            case FILE_NAME -> {
                d.fileName = d.fileName.substring(16).replace(".md", "") + "-SPEC.md";
                d.setField(TemplateSchema.FILE_FIELD, "`directives/spec/" + d.fileName + "`");
            }
            case CREATED_DATE ->
                    d.setField(
                            TemplateSchema.CREATED_FIELD,
                            LocalDate.parse(d.fileName.substring(0, 10)).minusDays(3).toString());
            case REVIEWER_MISSING -> {
                d.setField(TemplateSchema.STATUS_FIELD, "Approved");
                d.setField(TemplateSchema.REVIEWER_FIELD, "TBD");
                d.settleDecisions(); // the reviewer is the one defect
            }
            case TASK_BOX ->
                    d.parts
                            .get(d.find("Prerequisites"))
                            .body
                            .add(0, "- [] Confirm the rollout window");
            case DECISION_OVERDUE ->
                    d.parts
                            .get(d.find("Technical Decisions Needed"))
                            .body
                            .add(
                                    "- [ ] Keep the legacy endpoint - **Decision by:** "
                                            + REFERENCE_DATE.minusDays(prose.between(2, 60)));
            case REVIEW_OVERDUE ->
                    d.setField(
                            TemplateSchema.NEXT_REVIEW_FIELD,
                            REFERENCE_DATE.minusDays(prose.between(2, 60)).toString());
            case LINK_BROKEN ->
                    addParagraph(
                            d,
                            "Architecture Changes",
                            "See [the design notes](../design/missing-notes.md).");
            case LINK_ANCHOR ->
                    addParagraph(
                            d,
                            "Solution Overview",
                            "See [the plan](#no-such-section) for the phases.");
            case NOT_UTF8, BINARY -> {
                // corrupted as bytes after rendering
            }
        }
    }

    private static void addParagraph(SpecDraft d, String section, String text) {
        Part p = d.parts.get(d.find(section));
        p.body.add(0, "");
        p.body.add(0, text);
    }

    private static byte[] corrupt(byte[] bytes, SplittableRandom rnd, byte[] bad) {
        int at = bytes.length / 4 + rnd.nextInt(Math.max(1, bytes.length / 2));
        byte[] out = new byte[bytes.length + bad.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
        return out;
    }

    /** The schema the corpus follows. */
    public TemplateSchema schema() {
        return schema;
    }
}
