package dev.specgate.core.approval;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint's hash ({@link ContentFingerprint#hash()}) in one pass over the text: each line
 * is split off, its trailing spaces and tabs cut, a box an approval leaves out ({@link
 * ApprovalBoxes}) read as {@code [ ]}, and encoded to UTF-8 as it is read, excluded field lines
 * skipped, trailing blank lines cut; the bytes are then hashed from that one buffer. No line index,
 * no copy per line, no second scan for the blank lines at the end. The buffers are kept per thread
 * and reused (up to {@link #KEEP} characters of text): a check hashes thousands of specs of the
 * same size.
 *
 * <p>Gives exactly the hash of {@link ContentFingerprint#of}, the line-by-line pass that also
 * digests each section ({@code ContentHashTest}, {@code NormalisedHashPropertyTest}).
 */
final class NormalisedHash {

    /** Texts up to this many characters leave their buffers for the next spec of the thread. */
    static final int KEEP = 1 << 20;

    private static final ThreadLocal<NormalisedHash> BUFFERS =
            ThreadLocal.withInitial(NormalisedHash::new);

    private final MessageDigest sha = ContentFingerprint.sha256();
    private char[] chars = new char[8192];
    private byte[] bytes = new byte[3 * 8192 + 16];

    /** The hash ({@value ContentFingerprint#HASH_LENGTH} hex digits), and a line's start. */
    record Result(String hash, int lineStart) {}

    /**
     * Hashes the normalised content.
     *
     * @param text the spec's text (a leading byte order mark is skipped)
     * @param document the document parsed from {@code text}
     * @param excludedFields labels of metadata fields whose lines are left out (any case)
     * @param line a 0-based line whose start in {@code text} is wanted: 0 for line 0, the text's
     *     length when it has fewer lines (as {@link Approvals#lineStart} finds it)
     */
    static Result of(String text, SpecDocument document, List<String> excludedFields, int line) {
        return of(text, document, excludedFields, line, ApprovalBoxes.AFTER_APPROVAL);
    }

    /**
     * As {@link #of(String, SpecDocument, List, int)}, leaving out the boxes {@code boxes} names.
     */
    static Result of(
            String text,
            SpecDocument document,
            List<String> excludedFields,
            int line,
            ApprovalBoxes boxes) {
        NormalisedHash buffers = BUFFERS.get();
        if (text.length() > KEEP) {
            buffers = new NormalisedHash();
        }
        return buffers.hash(text, document, excludedFields, line, boxes);
    }

    private Result hash(
            String text,
            SpecDocument document,
            List<String> excluded,
            int wanted,
            ApprovalBoxes leftOutBoxes) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        // at most 3 bytes a character (a surrogate pair, 2 characters, is 4 bytes), and per line
        // (at most one more than the line breaks) a line feed and a box's "[ ]"
        long need = 7L * n + 16;
        if (need > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a spec of " + n + " characters is too long");
        }
        if (bytes.length < need) {
            bytes = new byte[(int) Math.max(need, 2L * bytes.length)];
        }
        char[] c = chars;
        text.getChars(0, n, c, 0);
        boolean[] dropped = dropped(document, excluded);
        int[] boxes = boxes(document, leftOutBoxes);

        byte[] b = this.bytes;
        int at = n > 0 && c[0] == '\uFEFF' ? 1 : 0;
        int out = 0;
        int committed = 0; // the end of the last line that is not blank
        int lineStart = wanted == 0 ? 0 : n;
        int nextBox = 0;
        for (int l = 0; ; l++) {
            if (l == wanted && l > 0) {
                lineStart = at;
            }
            int boxLine = nextBox < boxes.length ? boxes[nextBox] : -1;
            if (boxLine == l) {
                nextBox += 3;
            }
            if (l < dropped.length && dropped[l]) {
                while (at < n && c[at] != '\n' && c[at] != '\r') {
                    at++;
                }
            } else {
                int lineAt = at;
                int lineOut = out;
                // the characters are read up to the box, if the line has one, else to the end
                int limit = n;
                int boxEnd = -1;
                boolean boxed = boxLine == l && fits(c, at, n, boxes[nextBox - 1]);
                if (boxed) {
                    limit = at + boxes[nextBox - 2];
                    boxEnd = at + boxes[nextBox - 1];
                }
                while (true) {
                    // printable ASCII, nearly all of a spec, one byte each
                    while (at < limit) {
                        char ch = c[at];
                        if ((char) (ch - ' ') >= 0x60) {
                            break;
                        }
                        b[out++] = (byte) ch;
                        at++;
                    }
                    if (at == limit) {
                        if (boxEnd < 0) {
                            break;
                        }
                        b[out++] = '[';
                        b[out++] = ' ';
                        b[out++] = ']';
                        at = boxEnd;
                        boxEnd = -1;
                        limit = n;
                        continue;
                    }
                    char ch = c[at];
                    if (ch == '\n' || ch == '\r') {
                        break;
                    }
                    at++;
                    if (ch < 0x80) {
                        b[out++] = (byte) ch;
                    } else if (ch < 0x800) {
                        b[out++] = (byte) (0xC0 | (ch >> 6));
                        b[out++] = (byte) (0x80 | (ch & 0x3F));
                    } else if (Character.isHighSurrogate(ch)
                            && at < limit
                            && Character.isLowSurrogate(c[at])) {
                        int cp = Character.toCodePoint(ch, c[at++]);
                        b[out++] = (byte) (0xF0 | (cp >> 18));
                        b[out++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        b[out++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        b[out++] = (byte) (0x80 | (cp & 0x3F));
                    } else if (Character.isSurrogate(ch)) {
                        b[out++] = '?';
                    } else {
                        b[out++] = (byte) (0xE0 | (ch >> 12));
                        b[out++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                        b[out++] = (byte) (0x80 | (ch & 0x3F));
                    }
                }
                // trailing spaces and tabs cut (no byte of a multi-byte character is either)
                while (out > lineOut && (b[out - 1] == ' ' || b[out - 1] == '\t')) {
                    out--;
                }
                if (out > lineOut && !blank(c, lineAt, at, b[lineOut], boxed)) {
                    committed = out + 1;
                }
                b[out++] = '\n';
            }
            if (at >= n) {
                break;
            }
            at += c[at] == '\r' && at + 1 < n && c[at + 1] == '\n' ? 2 : 1;
        }
        byte[] digest = Sha256.digest(sha, b, committed);
        return new Result(
                HexFormat.of().formatHex(digest, 0, ContentFingerprint.HASH_LENGTH / 2), lineStart);
    }

    /**
     * Whether the characters {@code from} to {@code to} are all white space ({@link
     * String#isBlank()}), knowing the first byte they were encoded to: a printable ASCII one
     * answers at once, unless a box replaced the characters it came from.
     */
    private static boolean blank(char[] c, int from, int to, byte first, boolean boxed) {
        if (first > ' ' && first < 0x7F && !boxed) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(c[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a box ending at column {@code to} of the line starting at {@code at} lies within the
     * line without its trailing spaces and tabs: no line break before {@code to}, and a character
     * other than a space or tab at {@code to - 1} or after it on the line.
     */
    private static boolean fits(char[] c, int at, int n, int to) {
        if (to == 0) {
            return true;
        }
        int end = at + to;
        if (end > n) {
            return false;
        }
        for (int i = at; i < end; i++) {
            if (c[i] == '\n' || c[i] == '\r') {
                return false;
            }
        }
        for (int i = Math.max(at, end - 1); i < n && c[i] != '\n' && c[i] != '\r'; i++) {
            if (c[i] != ' ' && c[i] != '\t') {
                return true;
            }
        }
        return false;
    }

    /**
     * The lines of the excluded fields (true), indexed by line, as long as the last needs: the one
     * rule of which lines the fingerprint leaves out, for both passes.
     */
    static boolean[] dropped(SpecDocument document, List<String> excluded) {
        List<Field> fields = document.fields();
        boolean[] dropped = new boolean[0];
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.inListItem() || !excluded(f, excluded)) {
                continue;
            }
            int from = f.labelRange().startLine();
            int to = f.valueRange().endLine();
            if (to >= dropped.length) {
                dropped = Arrays.copyOf(dropped, to + 1);
            }
            for (int l = from; l <= to; l++) {
                dropped[l] = true;
            }
        }
        return dropped;
    }

    private static boolean excluded(Field f, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (f.hasLabel(labels.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The boxes {@code leftOutBoxes} names read as {@code [ ]}: line, start and end column, three
     * ints each, by line; of two boxes on one line the later item's.
     */
    private static int[] boxes(SpecDocument document, ApprovalBoxes leftOutBoxes) {
        List<ChecklistItem> items = document.checklist();
        if (items.isEmpty()) {
            return new int[0];
        }
        ApprovalBoxes.Headings leftOut = leftOutBoxes.headings(document);
        long[] keyed = new long[items.size()];
        int count = 0;
        for (int i = 0; i < items.size(); i++) {
            ChecklistItem item = items.get(i);
            int index = item.sectionIndex();
            if (index < 0 || index >= leftOut.size() || !leftOut.leftOut(index)) {
                continue;
            }
            SourceRange box = item.boxRange();
            if (box.endLine() != box.startLine()) {
                continue;
            }
            // line, then item order: sorted, the last of a line is the one that counts
            keyed[count++] = ((long) box.startLine() << 32) | i;
        }
        keyed = Arrays.copyOf(keyed, count);
        Arrays.sort(keyed);
        int[] boxes = new int[3 * count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int line = (int) (keyed[k] >>> 32);
            if (k + 1 < count && (int) (keyed[k + 1] >>> 32) == line) {
                continue;
            }
            SourceRange box = items.get((int) keyed[k]).boxRange();
            boxes[n++] = line;
            boxes[n++] = box.startColumn();
            boxes[n++] = box.endColumn();
        }
        return n == boxes.length ? boxes : Arrays.copyOf(boxes, n);
    }
}
