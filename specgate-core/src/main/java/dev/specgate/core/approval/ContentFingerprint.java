package dev.specgate.core.approval;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.checklist.Checklist;
import dev.specgate.core.checklist.ChecklistEntry;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
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
     */
    public record SectionDigest(String title, int line, int titleHash, int contentHash) {

        /** The three bytes stored for this section. */
        int packed() {
            return (titleHash << 16) | contentHash;
        }
    }

    /**
     * Fingerprints a spec.
     *
     * @param text the spec's text without a byte order mark (what the document's ranges point into)
     * @param document the document parsed from {@code text}
     * @param excludedFields labels of metadata fields whose lines are left out (any case)
     */
    public static ContentFingerprint of(
            String text, SpecDocument document, List<String> excludedFields) {
        requireNonNull(text, "text must not be null");
        requireNonNull(document, "document must not be null");
        requireNonNull(excludedFields, "excludedFields must not be null");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = lines(text);
        boolean[] dropped = new boolean[lines.size()];
        for (Field f : document.fields()) {
            if (f.inListItem() || !excluded(f, excludedFields)) {
                continue;
            }
            for (int l = f.labelRange().startLine();
                    l <= f.valueRange().endLine() && l < dropped.length;
                    l++) {
                dropped[l] = true;
            }
        }
        Checklist checklist = Checklist.of(document);
        for (ChecklistEntry e : checklist.items()) {
            if (!checklist.isWorking(e)) {
                continue;
            }
            SourceRange box = e.item().boxRange();
            int l = box.startLine();
            if (l < lines.size() && box.endLine() == l) {
                String line = lines.get(l);
                if (box.endColumn() <= line.length()) {
                    lines.set(
                            l,
                            line.substring(0, box.startColumn())
                                    + "[ ]"
                                    + line.substring(box.endColumn()));
                }
            }
        }
        int last = lines.size();
        while (last > 0 && (dropped[last - 1] || lines.get(last - 1).isBlank())) {
            last--;
        }
        MessageDigest whole = sha256();
        List<SectionDigest> digests = new ArrayList<>();
        List<Section> sections = document.sections();
        int firstHeading = sections.isEmpty() ? last : Math.min(sections.get(0).line(), last);
        if (hasContent(lines, dropped, 0, firstHeading)) {
            digests.add(digest(PREAMBLE, 0, lines, dropped, 0, firstHeading));
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            int from = Math.min(s.line(), last);
            int to = i + 1 < sections.size() ? Math.min(sections.get(i + 1).line(), last) : last;
            digests.add(digest(s.title().trim(), s.line(), lines, dropped, from, to));
        }
        for (int l = 0; l < last; l++) {
            if (!dropped[l]) {
                whole.update(lines.get(l).getBytes(StandardCharsets.UTF_8));
                whole.update((byte) '\n');
            }
        }
        String hash = HexFormat.of().formatHex(whole.digest()).substring(0, HASH_LENGTH);
        return new ContentFingerprint(hash, digests);
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

    private static boolean excluded(Field f, List<String> labels) {
        for (String label : labels) {
            if (f.hasLabel(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasContent(List<String> lines, boolean[] dropped, int from, int to) {
        for (int l = from; l < to; l++) {
            if (!dropped[l] && !lines.get(l).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static SectionDigest digest(
            String title, int line, List<String> lines, boolean[] dropped, int from, int to) {
        MessageDigest md = sha256();
        int end = to;
        while (end > from && (dropped[end - 1] || lines.get(end - 1).isBlank())) {
            end--;
        }
        for (int l = from; l < end; l++) {
            if (!dropped[l]) {
                md.update(lines.get(l).getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
        }
        byte[] content = md.digest();
        byte[] name = sha256().digest(title.getBytes(StandardCharsets.UTF_8));
        return new SectionDigest(
                title, line, name[0] & 0xFF, ((content[0] & 0xFF) << 8) | (content[1] & 0xFF));
    }

    /** The text's lines, split at LF, CRLF or CR, each without trailing spaces and tabs. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(stripTrailing(text, start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(stripTrailing(text, start, n));
        return lines;
    }

    private static String stripTrailing(String text, int start, int end) {
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
