package dev.specgate.core.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Specgate knows about one parsed Markdown spec. Immutable; holds no parse tree and no copy of
 * the source text, so that thousands can be checked without keeping much in memory.
 *
 * @param lineCount number of lines in the source
 * @param sections every heading in document order (level 1 included)
 * @param fields every bold-labelled value, metadata and list fields alike, in document order
 * @param checklist every task-list item in document order
 * @param links every link and image outside code
 * @param brackets bracketed prose outside code (placeholder candidates)
 * @param marks literal {@code YYYY-MM-DD} tokens outside code
 * @param malformedTaskBoxes task boxes that do not parse as task-list items
 * @param anchors the fragment ids the document defines (heading slugs and HTML ids)
 * @param comments HTML comments, block and inline
 * @param frontMatter the YAML front matter, if the document opens with one that could be read
 * @param metadataProblems front matter or other metadata that could not be read
 * @param linkDefinitions every link reference definition, in document order
 * @param unclosedFences every fenced code block that no closing fence ends, in document order
 * @param unclosedHtml the HTML block that no closing marker ends before the end of the file, if any
 *     (at most one: it reads the rest of the file)
 * @param hiddenCells every table row's cells past its header's columns, which Markdown drops, in
 *     document order
 * @param mergeConflicts every merge conflict git left in the text (front matter and code included),
 *     in document order
 * @param prose every paragraph of prose ({@link Prose}), in document order, when the parser was
 *     asked to read them; else empty
 */
public record SpecDocument(
        int lineCount,
        List<Section> sections,
        List<Field> fields,
        List<ChecklistItem> checklist,
        List<Link> links,
        List<BracketText> brackets,
        List<TextMark> marks,
        List<TextMark> malformedTaskBoxes,
        Set<String> anchors,
        List<HtmlComment> comments,
        Optional<FrontMatter> frontMatter,
        List<MetadataProblem> metadataProblems,
        List<LinkDefinition> linkDefinitions,
        List<UnclosedFence> unclosedFences,
        List<UnclosedHtml> unclosedHtml,
        List<HiddenCells> hiddenCells,
        List<MergeConflict> mergeConflicts,
        List<Prose> prose) {

    /** A document without front matter. */
    public SpecDocument(
            int lineCount,
            List<Section> sections,
            List<Field> fields,
            List<ChecklistItem> checklist,
            List<Link> links,
            List<BracketText> brackets,
            List<TextMark> marks,
            List<TextMark> malformedTaskBoxes,
            Set<String> anchors,
            List<HtmlComment> comments) {
        this(
                lineCount,
                sections,
                fields,
                checklist,
                links,
                brackets,
                marks,
                malformedTaskBoxes,
                anchors,
                comments,
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** A document whose paragraphs of prose were not read. */
    public SpecDocument(
            int lineCount,
            List<Section> sections,
            List<Field> fields,
            List<ChecklistItem> checklist,
            List<Link> links,
            List<BracketText> brackets,
            List<TextMark> marks,
            List<TextMark> malformedTaskBoxes,
            Set<String> anchors,
            List<HtmlComment> comments,
            Optional<FrontMatter> frontMatter,
            List<MetadataProblem> metadataProblems,
            List<LinkDefinition> linkDefinitions,
            List<UnclosedFence> unclosedFences,
            List<UnclosedHtml> unclosedHtml,
            List<HiddenCells> hiddenCells,
            List<MergeConflict> mergeConflicts) {
        this(
                lineCount,
                sections,
                fields,
                checklist,
                links,
                brackets,
                marks,
                malformedTaskBoxes,
                anchors,
                comments,
                frontMatter,
                metadataProblems,
                linkDefinitions,
                unclosedFences,
                unclosedHtml,
                hiddenCells,
                mergeConflicts,
                List.of());
    }

    public SpecDocument {
        sections = List.copyOf(sections);
        fields = List.copyOf(fields);
        checklist = List.copyOf(checklist);
        links = List.copyOf(links);
        brackets = List.copyOf(brackets);
        marks = List.copyOf(marks);
        malformedTaskBoxes = List.copyOf(malformedTaskBoxes);
        anchors = HeadingIds.kept(anchors); // a parser's ids, worked out on first use, as they are
        comments = List.copyOf(comments);
        java.util.Objects.requireNonNull(frontMatter, "frontMatter must not be null");
        metadataProblems = List.copyOf(metadataProblems);
        linkDefinitions = List.copyOf(linkDefinitions);
        unclosedFences = List.copyOf(unclosedFences);
        unclosedHtml = List.copyOf(unclosedHtml);
        hiddenCells = List.copyOf(hiddenCells);
        mergeConflicts = List.copyOf(mergeConflicts);
        prose = List.copyOf(prose);
    }

    /**
     * The same document with {@code extra} fields after its own (a sidecar file's), and {@code
     * problems} added.
     */
    public SpecDocument withMetadata(List<Field> extra, List<MetadataProblem> problems) {
        if (extra.isEmpty() && problems.isEmpty()) {
            return this;
        }
        List<Field> all = new java.util.ArrayList<>(fields);
        all.addAll(extra);
        List<MetadataProblem> allProblems = new java.util.ArrayList<>(metadataProblems);
        allProblems.addAll(problems);
        return new SpecDocument(
                lineCount,
                sections,
                all,
                checklist,
                links,
                brackets,
                marks,
                malformedTaskBoxes,
                anchors,
                comments,
                frontMatter,
                allProblems,
                linkDefinitions,
                unclosedFences,
                unclosedHtml,
                hiddenCells,
                mergeConflicts,
                prose);
    }

    /** The first level-1 heading, the spec's title. */
    public Optional<Section> title() {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).level() == 1) {
                return Optional.of(sections.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The first metadata field (outside lists; front matter, leading-list and sidecar fields
     * included) with this label, ignoring case.
     */
    public Optional<Field> metadata(String label) {
        // by index: rules ask this many times per spec, and C1 allocates an iterator per for-each
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (!f.inListItem() && f.hasLabel(label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The last metadata field (outside lists) written in {@code form}: where another would go. */
    public Optional<Field> lastOfForm(FieldForm form) {
        Field last = null;
        for (Field f : fields) {
            if (f.form() == form && !f.inListItem()) {
                last = f;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The section at {@code index}, or empty for -1. */
    public Optional<Section> section(int index) {
        return index < 0 ? Optional.empty() : Optional.of(sections.get(index));
    }
}
