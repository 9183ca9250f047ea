package dev.specgate.core.approval;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The fingerprint of what a reviewer approves: a spec's content, normalised (line breaks, trailing
 * spaces, trailing blank lines, a byte order mark), without what legitimately changes after
 * approval (the lines of the status, Last Updated, Next Review and approval fields, and the boxes
 * of the working checklists), as a SHA-256 of the whole and one short digest per section. Computed
 * from the text and the document the check already parsed: no second parse.
 *
 * @param hash the first {@value #HASH_LENGTH} hex digits of the SHA-256 of the normalised content
 * @param sections one digest per section, in document order (the text before the first heading
 *     first, when there is any)
 */
public record ContentFingerprint(String hash, List<SectionDigest> sections) {

    /** How many hex digits of the SHA-256 an approval records. */
    public static final int HASH_LENGTH = 12;

    /** What the text before the first heading is called in messages. */
    public static final String PREAMBLE = "the text before the first heading";

    /**
     * What the fields after the last section's text are called in messages: the status block
     * ({@code ---}, then {@code **Document Status:**}, ... {@code **Reviewer:**}), which has a
     * digest of its own, so that a changed Reviewer is not said as a change of the last section.
     */
    public static final String STATUS_BLOCK = "the status block";

    /** The title byte of {@link #STATUS_BLOCK}'s digest, by which a record that has one is told. */
    private static final int STATUS_BLOCK_TITLE =
            sha256().digest(STATUS_BLOCK.getBytes(StandardCharsets.UTF_8))[0] & 0xFF;

    public ContentFingerprint {
        requireNonNull(hash, "hash must not be null");
        sections = List.copyOf(sections);
    }

    /**
     * One section's digest: a byte of its title's hash and two of its own content's (heading line
     * to the next heading), enough to name what changed; the whole-spec hash decides whether
     * anything did.
     *
     * @param title the heading text ({@link ContentFingerprint#PREAMBLE} for the text before the
     *     first heading)
     * @param line the heading's 0-based line (0 for the preamble)
     * @param titleHash the title's digest, 0 to 255
     * @param contentHash the content's digest, 0 to 65535
     * @param fields the labels of the metadata fields written in the section and counted in its
     *     digest, in order, for a section other than the title: the fields of a status block after
     *     the last section's text ({@code **Reviewer:**}), or front matter keys before the first
     *     heading, whose change changes that section's digest; a message naming the section names
     *     them too, so that a changed Reviewer is not read as a change of the Assumptions; for the
     *     spec's title, the fields under it ({@code **File:**}, {@code **Type:**})
     * @param underTitle whether this is the spec's title (a level-1 heading): a change in it is a
     *     change of the lines under the heading (its digest holds a byte of the heading's own hash,
     *     so an edited heading is a section removed and one added)
     * @param onlyFields whether the lines under the heading, blank ones aside, are its fields and
     *     nothing else (the template's File, Created and Type under the title)
     * @param statusBlock whether this is {@link ContentFingerprint#STATUS_BLOCK}: the fields after
     *     the last section's text, with the thematic break that opens them, and not that section
     */
    public record SectionDigest(
            String title,
            int line,
            int titleHash,
            int contentHash,
            List<String> fields,
            boolean underTitle,
            boolean onlyFields,
            boolean statusBlock) {

        public SectionDigest {
            fields = List.copyOf(fields);
        }

        /**
         * The title for a message: {@code Assumptions (or the fields in it: Author)}, or the title
         * alone when the section holds no such field; for the spec's title holding nothing but
         * fields, {@code the fields under the title (File, Created, Type)}: the heading itself
         * cannot be what changed; for the status block, {@code the status block (Assigned to,
         * Reviewer)}.
         */
        public String described() {
            if (fields.isEmpty()) {
                return title;
            }
            if (statusBlock) {
                return title + " (" + String.join(", ", fields) + ")";
            }
            return underTitle && onlyFields
                    ? "the fields under the title (" + String.join(", ", fields) + ")"
                    : title + " (or the fields in it: " + String.join(", ", fields) + ")";
        }

        /** The three bytes stored for this section. */
        int packed() {
            return (titleHash << 16) | contentHash;
        }
    }

    /**
     * Fingerprints a spec, leaving out the boxes {@code boxes} names ({@link
     * Approvals#fingerprint}, which holds the project's reading of them).
     *
     * @param text the spec's text without a byte order mark (what the document's ranges point into)
     * @param document the document parsed from {@code text}
     * @param excludedFields labels of metadata fields whose lines are left out (any case)
     */
    static ContentFingerprint of(
            String text, SpecDocument document, List<String> excludedFields, ApprovalBoxes boxes) {
        return of(text, document, excludedFields, boxes, false, true);
    }

    /**
     * As {@link #of(String, SpecDocument, List, ApprovalBoxes)}; with {@code sidecarLines}, the
     * spec's lines at the positions of its sidecar's excluded keys left out too, as Specgate read
     * it before ({@link NormalisedHash#dropped(SpecDocument, List, boolean)}); with {@code
     * statusBlock}, the {@linkplain #STATUS_BLOCK status block} has a digest of its own, else it is
     * the last section's, as Specgate recorded it before ({@link #recordsStatusBlock}). The hash is
     * the same either way.
     */
    static ContentFingerprint of(
            String text,
            SpecDocument document,
            List<String> excludedFields,
            ApprovalBoxes boxes,
            boolean sidecarLines,
            boolean statusBlock) {
        Normalised n = Normalised.of(text, document, excludedFields, boxes, sidecarLines);
        Lines lines = n.lines;
        boolean[] dropped = n.dropped;
        int last = n.last;
        // one pass over the lines: each line is encoded once and fed to the whole-spec digest and
        // to its section's; sections follow each other in document order, so together with the
        // text before the first heading they cover every line up to the last
        MessageDigest whole = sha256();
        MessageDigest part = sha256();
        List<SectionDigest> digests = new ArrayList<>();
        List<Section> sections = document.sections();
        int firstHeading = sections.isEmpty() ? last : Math.min(sections.get(0).line(), last);
        int block = statusBlock ? statusBlockStart(document, lines, dropped, last) : -1;
        List<List<String>> fields = fieldsBySection(document, excludedFields, block);
        digest(
                PREAMBLE,
                0,
                fields.get(0),
                lines,
                dropped,
                0,
                firstHeading,
                whole,
                part,
                true,
                false,
                false,
                digests);
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            int from = Math.min(s.line(), last);
            int to = i + 1 < sections.size() ? Math.min(sections.get(i + 1).line(), last) : last;
            digest(
                    s.title().trim(),
                    s.line(),
                    fields.get(i + 1),
                    lines,
                    dropped,
                    from,
                    block >= 0 && i + 1 == sections.size() ? block : to,
                    whole,
                    part,
                    false,
                    s.level() == 1,
                    false,
                    digests);
        }
        if (block >= 0) {
            digest(
                    STATUS_BLOCK,
                    block,
                    fields.get(sections.size() + 1),
                    lines,
                    dropped,
                    block,
                    last,
                    whole,
                    part,
                    false,
                    false,
                    true,
                    digests);
        }
        return new ContentFingerprint(NormalisedHash.hex(whole.digest()), digests);
    }

    /**
     * Where the {@linkplain #STATUS_BLOCK status block} starts (0-based), or -1 when the spec has
     * none: the lines at the end of the last section (up to {@code last}) that are metadata fields
     * written outside lists, left out or counted, or blank lines between them, with the thematic
     * break just above them ({@code ---}); at least one field, and text of the section above it (a
     * section of nothing but fields holds its own). Not after the title: its fields are said as the
     * fields under it.
     */
    private static int statusBlockStart(
            SpecDocument document, Lines lines, boolean[] dropped, int last) {
        List<Section> sections = document.sections();
        if (sections.isEmpty() || sections.get(sections.size() - 1).level() == 1) {
            return -1;
        }
        int index = sections.size() - 1;
        int heading = sections.get(index).line();
        if (heading >= last) {
            return -1;
        }
        boolean[] field = new boolean[last];
        boolean any = false;
        for (Field f : document.fields()) {
            if (f.sectionIndex() != index || f.inListItem() || f.form() == FieldForm.SIDECAR) {
                continue;
            }
            for (int l = f.labelRange().startLine();
                    l <= f.valueRange().endLine() && l < last;
                    l++) {
                if (l > heading) {
                    field[l] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return -1;
        }
        int start = last;
        while (start - 1 > heading
                && (field[start - 1] || dropped[start - 1] || lines.isBlank(start - 1))) {
            start--;
        }
        while (start < last && lines.isBlank(start)) {
            start++; // blank lines after the text are the section's, as its digest cuts them
        }
        if (start >= last || (!field[start] && !dropped[start])) {
            return -1;
        }
        int above = start - 1;
        while (above > heading && lines.isBlank(above)) {
            above--;
        }
        if (above > heading && SpecParser.isThematicBreak(lines.line(above))) {
            start = above;
        }
        // the section keeps text of its own above the block
        for (int l = heading + 1; l < start; l++) {
            if (!dropped[l] && !lines.isBlank(l)) {
                return start;
            }
        }
        return -1;
    }

    /**
     * Whether a record's section code ({@link #sectionCode()}) gives the {@linkplain #STATUS_BLOCK
     * status block} a digest of its own, as Specgate records it now: its last digest has the
     * block's title byte. A record made before held the block in its last section's digest, and is
     * compared with the content read so; one in 256 of those whose last section's title has the
     * same byte is read as the block's (only what the message names can differ).
     */
    static boolean recordsStatusBlock(String sectionCode) {
        int[] stored = decode(sectionCode);
        return stored != null
                && stored.length > 0
                && stored[stored.length - 1] >>> 16 == STATUS_BLOCK_TITLE;
    }

    /**
     * The lines of {@code text} as the fingerprint reads them: split at LF, CRLF or CR, each
     * without trailing spaces and tabs ({@code diff} compares sections by them, so that it shows a
     * change exactly where the fingerprint sees one), in a new list the caller may change. A byte
     * order mark is the caller's to drop.
     */
    public static List<String> lines(String text) {
        requireNonNull(text, "text must not be null");
        Lines lines = new Lines(text, 0);
        List<String> out = new ArrayList<>(lines.count());
        for (int i = 0; i < lines.count(); i++) {
            out.add(lines.line(i));
        }
        return out;
    }

    /**
     * The text's lines with what the fingerprint leaves out marked: the excluded fields' lines
     * dropped, the working checklists' boxes read as {@code [ ]}, and the lines after the last that
     * counts (trailing blank or dropped lines) cut off.
     */
    static final class Normalised {
        final Lines lines;
        final boolean[] dropped;
        final int last;

        private Normalised(Lines lines, boolean[] dropped, int last) {
            this.lines = lines;
            this.dropped = dropped;
            this.last = last;
        }

        /** The lines of {@code text}, leaving out the boxes {@code boxes} names. */
        static Normalised of(
                String text,
                SpecDocument document,
                List<String> excludedFields,
                ApprovalBoxes boxes,
                boolean sidecarLines) {
            requireNonNull(text, "text must not be null");
            requireNonNull(document, "document must not be null");
            requireNonNull(excludedFields, "excludedFields must not be null");
            Lines lines = new Lines(text, text.startsWith("\uFEFF") ? 1 : 0);
            int count = lines.count();
            boolean[] dropped =
                    java.util.Arrays.copyOf(
                            NormalisedHash.dropped(document, excludedFields, sidecarLines), count);
            List<ChecklistItem> items = document.checklist();
            if (!items.isEmpty()) {
                boolean[] leftOut = boxes.leftOut(document);
                for (ChecklistItem item : items) {
                    int index = item.sectionIndex();
                    if (index < 0 || index >= leftOut.length || !leftOut[index]) {
                        continue;
                    }
                    SourceRange box = item.boxRange();
                    int l = box.startLine();
                    if (l < count && box.endLine() == l && box.endColumn() <= lines.length(l)) {
                        lines.blankBox(l, box.startColumn(), box.endColumn());
                    }
                }
            }
            int last = count;
            while (last > 0 && (dropped[last - 1] || lines.isBlank(last - 1))) {
                last--;
            }
            return new Normalised(lines, dropped, last);
        }
    }

    /** The section digests as stored in an approval: four base64url characters each. */
    public String sectionCode() {
        byte[] bytes = new byte[sections.size() * 3];
        for (int i = 0; i < sections.size(); i++) {
            int p = sections.get(i).packed();
            bytes[3 * i] = (byte) (p >>> 16);
            bytes[3 * i + 1] = (byte) (p >>> 8);
            bytes[3 * i + 2] = (byte) p;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The packed section digests of a stored code, or null when it is not one. */
    static int[] decode(String code) {
        if (code.length() % 4 != 0) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int[] packed = new int[bytes.length / 3];
        for (int i = 0; i < packed.length; i++) {
            packed[i] =
                    ((bytes[3 * i] & 0xFF) << 16)
                            | ((bytes[3 * i + 1] & 0xFF) << 8)
                            | (bytes[3 * i + 2] & 0xFF);
        }
        return packed;
    }

    /**
     * Feeds lines {@code from} to {@code to} (those not dropped) to {@code whole}, and adds their
     * section's digest (trailing blank and dropped lines left out), unless {@code skipEmpty} and
     * nothing is left.
     */
    private static void digest(
            String title,
            int line,
            List<String> fields,
            Lines lines,
            boolean[] dropped,
            int from,
            int to,
            MessageDigest whole,
            MessageDigest part,
            boolean skipEmpty,
            boolean underTitle,
            boolean statusBlock,
            List<SectionDigest> digests) {
        int end = to;
        while (end > from && (dropped[end - 1] || lines.isBlank(end - 1))) {
            end--;
        }
        int written = 0; // lines under the heading that are not blank: its fields, or more
        for (int l = from; l < to; l++) {
            if (!dropped[l]) {
                if (underTitle && l > from && l < end && !lines.isBlank(l)) {
                    written++;
                }
                int n = lines.encode(l);
                whole.update(lines.bytes, 0, n);
                if (l < end) {
                    part.update(lines.bytes, 0, n);
                }
            }
        }
        if (skipEmpty && end == from) {
            part.reset();
            return;
        }
        byte[] content = part.digest();
        byte[] name = part.digest(title.getBytes(StandardCharsets.UTF_8));
        digests.add(
                new SectionDigest(
                        title,
                        line,
                        name[0] & 0xFF,
                        ((content[0] & 0xFF) << 8) | (content[1] & 0xFF),
                        fields,
                        underTitle,
                        underTitle && written == fields.size(),
                        statusBlock));
    }

    /**
     * For the text before the first heading (at 0), each section (at its index + 1) and the status
     * block (after them, from line {@code block} on, when it is not -1), the labels of the metadata
     * fields written there that the fingerprint counts: not in a list item, not in a sidecar file,
     * not one of {@code excludedFields}.
     */
    private static List<List<String>> fieldsBySection(
            SpecDocument document, List<String> excludedFields, int block) {
        List<List<String>> bySection = new ArrayList<>();
        for (int i = 0; i <= document.sections().size() + 1; i++) {
            bySection.add(new ArrayList<>());
        }
        for (Field f : document.fields()) {
            if (f.inListItem()
                    || f.form() == FieldForm.SIDECAR
                    || excludedFields.stream().anyMatch(f::hasLabel)) {
                continue;
            }
            int at = f.sectionIndex() + 1;
            if (block >= 0
                    && at == document.sections().size()
                    && f.labelRange().startLine() >= block) {
                at++;
            }
            if (at >= 0 && at < bySection.size()) {
                bySection.get(at).add(f.label().trim());
            }
        }
        return bySection;
    }

    /**
     * The text's lines, split at LF, CRLF or CR, each without trailing spaces and tabs, read in
     * place: no copy of the text or of a line. A line's UTF-8 bytes (as {@link String#getBytes}
     * gives them, with its line feed) are encoded into one reused buffer.
     */
    static final class Lines {

        /** The text's characters: one bulk copy, read far faster than {@code charAt} each. */
        private final char[] text;

        private int[] start = new int[64];
        private int[] end = new int[64];
        private int[] boxFrom;
        private int[] boxTo;
        private int count;
        byte[] bytes = new byte[256];

        Lines(String text, int offset) {
            this.text = text.toCharArray();
            int n = text.length();
            // from break to break with indexOf: a lone CR is rare, so its next place is found once
            // and again only when passed
            int cr = text.indexOf('\r', offset);
            if (cr < 0) {
                cr = n;
            }
            int from = offset;
            while (true) {
                int lf = text.indexOf('\n', from);
                if (lf < 0) {
                    lf = n;
                }
                if (cr < from) {
                    cr = text.indexOf('\r', from);
                    if (cr < 0) {
                        cr = n;
                    }
                }
                int brk = Math.min(lf, cr);
                if (brk >= n) {
                    break;
                }
                add(from, brk);
                from = brk + (brk == cr && brk + 1 < n && this.text[brk + 1] == '\n' ? 2 : 1);
            }
            add(from, n);
        }

        private void add(int from, int to) {
            while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t')) {
                to--;
            }
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            start[count] = from;
            end[count] = to;
            count++;
        }

        int count() {
            return count;
        }

        /** The line's text, trailing blanks cut. */
        String line(int line) {
            return new String(text, start[line], end[line] - start[line]);
        }

        int length(int line) {
            return end[line] - start[line];
        }

        /** Reads columns {@code from} to {@code to} of the line as {@code [ ]}. */
        void blankBox(int line, int from, int to) {
            if (boxFrom == null) {
                boxFrom = new int[count];
                boxTo = new int[count];
                Arrays.fill(boxFrom, -1);
            }
            boxFrom[line] = from;
            boxTo[line] = to;
        }

        /** As {@link String#isBlank()} (a surrogate is never white space). */
        boolean isBlank(int line) {
            for (int i = start[line]; i < end[line]; i++) {
                if (!Character.isWhitespace(text[i])) {
                    return false;
                }
            }
            return true;
        }

        /** Encodes the line and a line feed into {@link #bytes}; returns the length. */
        int encode(int line) {
            int need = 3 * length(line) + 4;
            if (bytes.length < need) {
                bytes = new byte[Math.max(need, 2 * bytes.length)];
            }
            int n = 0;
            if (boxFrom != null && boxFrom[line] >= 0) {
                int s = start[line];
                n = encode(s, s + boxFrom[line], n);
                bytes[n++] = '[';
                bytes[n++] = ' ';
                bytes[n++] = ']';
                n = encode(s + boxTo[line], end[line], n);
            } else {
                n = encode(start[line], end[line], n);
            }
            bytes[n++] = '\n';
            return n;
        }

        /** UTF-8 of {@code text[from, to)} at {@code n}; an unpaired surrogate is {@code ?}. */
        private int encode(int from, int to, int n) {
            byte[] b = bytes;
            char[] text = this.text;
            for (int i = from; i < to; i++) {
                char c = text[i];
                if (c < 0x80) {
                    b[n++] = (byte) c;
                } else if (c < 0x800) {
                    b[n++] = (byte) (0xC0 | (c >> 6));
                    b[n++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < to
                        && Character.isLowSurrogate(text[i + 1])) {
                    int cp = Character.toCodePoint(c, text[++i]);
                    b[n++] = (byte) (0xF0 | (cp >> 18));
                    b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[n++] = (byte) (0x80 | (cp & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    b[n++] = '?';
                } else {
                    b[n++] = (byte) (0xE0 | (c >> 12));
                    b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[n++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            return n;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
