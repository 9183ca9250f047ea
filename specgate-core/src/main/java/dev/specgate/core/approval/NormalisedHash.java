package dev.specgate.core.approval;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fingerprint's hash ({@link ContentFingerprint#hash()}) in one pass over the text: each line
 * is split off, its trailing spaces and tabs cut, a box an approval leaves out ({@link
 * ApprovalBoxes}) read as {@code [ ]}, excluded field lines skipped, trailing blank lines cut; the
 * bytes are then hashed from one buffer. No line index, no copy per line, no second scan for the
 * blank lines at the end. The buffers are kept per thread and reused (up to {@link #KEEP}
 * characters of text): a check hashes thousands of specs of the same size.
 *
 * <p>Two ways to the same bytes. Given the text's UTF-8 encoding (the file's bytes, which a check
 * has read anyway: {@link dev.specgate.core.edit.SpecSource#textBytes()}), the pass works on a copy
 * of them in place: it looks for line breaks and trailing spaces, and moves whole runs of unchanged
 * lines with one {@code System.arraycopy}; nothing is decoded or encoded. Given the text alone, it
 * reads the characters and encodes each line to UTF-8 as it goes (a lone surrogate, which no file
 * read as UTF-8 holds, is encoded as {@code ?}, as {@link String#getBytes} does).
 *
 * <p>Gives exactly the hash of {@link ContentFingerprint#of}, the line-by-line pass that also
 * digests each section ({@code ContentHashTest}, {@code NormalisedHashPropertyTest}).
 */
final class NormalisedHash {

    /** Texts up to this many characters leave their buffers for the next spec of the thread. */
    static final int KEEP = 1 << 20;

    private static final ThreadLocal<NormalisedHash> BUFFERS =
            ThreadLocal.withInitial(NormalisedHash::new);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Eight bytes of a spec at once, as a little-endian long ({@link #nextBreak}). */
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long EIGHT_1 = 0x0101010101010101L;
    private static final long EIGHT_80 = 0x8080808080808080L;
    private static final long EIGHT_LF = 0x0A0A0A0A0A0A0A0AL;
    private static final long EIGHT_CR = 0x0D0D0D0D0D0D0D0DL;
    private static final long EIGHT_SP = 0x2020202020202020L;
    private static final long EIGHT_TAB = 0x0909090909090909L;
    private static final long EIGHT_0E = 0x0E0E0E0E0E0E0E0EL;
    private static final long EIGHT_7F = 0x7F7F7F7F7F7F7F7FL;

    /**
     * The JDK's digest, made on first use: a run whose digests are native never needs it (making
     * one sets up the JDK's security providers).
     */
    private MessageDigest sha;

    /** {@link #sha}, made when {@link Sha256} asks for it. */
    private final Supplier<MessageDigest> jdk = this::jdkDigest;

    private char[] chars = new char[8192];
    private byte[] bytes = new byte[3 * 8192 + 16];

    /**
     * The hash of the normalised content, read from the text alone.
     *
     * @param text the spec's text (a leading byte order mark is skipped)
     * @param document the document parsed from {@code text}
     * @param excludedFields labels of metadata fields whose lines are left out (any case)
     * @param boxes the boxes read as {@code [ ]}
     */
    static String hash(
            String text, SpecDocument document, List<String> excludedFields, ApprovalBoxes boxes) {
        return of(text, null, document, excludedFields, boxes);
    }

    /**
     * Hashes the normalised content ({@value ContentFingerprint#HASH_LENGTH} hex digits).
     *
     * @param text the spec's text (a leading byte order mark is skipped)
     * @param utf8 the UTF-8 encoding of {@code text} exactly (as a file read as UTF-8 gives it), or
     *     null: then the text is encoded
     * @param document the document parsed from {@code text}
     * @param excludedFields labels of metadata fields whose lines are left out (any case)
     * @param boxes the boxes read as {@code [ ]}
     */
    static String of(
            String text,
            ByteBuffer utf8,
            SpecDocument document,
            List<String> excludedFields,
            ApprovalBoxes boxes) {
        return of(text, utf8, document, excludedFields, boxes, null);
    }

    /**
     * As {@link #of(String, ByteBuffer, SpecDocument, List, ApprovalBoxes)}, with the headings'
     * keys from {@code headingKeys} (what {@code HeadingKey.of(section.title())} gives; computed
     * when null).
     */
    static String of(
            CharSequence text,
            ByteBuffer utf8,
            SpecDocument document,
            List<String> excludedFields,
            ApprovalBoxes boxes,
            Function<Section, String> headingKeys) {
        return of(text, utf8, document, document.fields(), excludedFields, boxes, headingKeys);
    }

    /**
     * As {@link #of(CharSequence, ByteBuffer, SpecDocument, List, ApprovalBoxes, Function)}, with
     * the excluded fields' lines found among {@code fields}: the document's fields, or those of
     * them outside lists (in document order), which a check has gathered already: a spec's ~100
     * fields are nearly all list fields, which are never left out.
     */
    static String of(
            CharSequence text,
            ByteBuffer utf8,
            SpecDocument document,
            List<Field> fields,
            List<String> excludedFields,
            ApprovalBoxes boxes,
            Function<Section, String> headingKeys) {
        NormalisedHash buffers = BUFFERS.get();
        if (text.length() > KEEP) {
            buffers = new NormalisedHash();
        }
        boolean[] dropped = dropped(fields, excludedFields, false);
        int[] boxed = boxes(document, boxes, headingKeys);
        if (utf8 != null) {
            String hash = buffers.fromBytes(utf8, dropped, boxed);
            if (hash != null) {
                return hash;
            }
        }
        return buffers.fromChars(text.toString(), dropped, boxed);
    }

    /**
     * The pass over the bytes alone, as {@link #of} makes it when given them: null in the odd cases
     * where it hands over to the pass over the characters (tests hold it to that pass).
     */
    static String ofBytes(
            ByteBuffer utf8,
            SpecDocument document,
            List<String> excludedFields,
            ApprovalBoxes boxes) {
        return new NormalisedHash()
                .fromBytes(utf8, dropped(document, excludedFields), boxes(document, boxes, null));
    }

    private MessageDigest jdkDigest() {
        MessageDigest md = sha;
        if (md == null) {
            md = ContentFingerprint.sha256();
            sha = md;
        }
        return md;
    }

    /** The pass over the characters, encoding each line to UTF-8 as it is read. */
    private String fromChars(String text, boolean[] dropped, int[] boxes) {
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

        byte[] b = this.bytes;
        int at = n > 0 && c[0] == '\uFEFF' ? 1 : 0;
        int out = 0;
        int committed = 0; // the end of the last line that is not blank
        int nextBox = 0;
        for (int l = 0; ; l++) {
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
        return hex(Sha256.digest(jdk, b, committed));
    }

    /**
     * The pass over the text's UTF-8 bytes: they are copied once into this thread's buffer and
     * normalised there, in place (the normalised content is never longer than the bytes it comes
     * from, but for the line feed after a last line that has none: the buffer holds a few bytes
     * more). A line that needs no change (ends with LF, no trailing space or tab, no box read
     * otherwise than it is written) stays where it is until a line that does, or a left out one,
     * moves the run of lines before it with one {@code arraycopy}. Null in the odd cases this pass
     * does not reproduce (a box whose columns do not span 3 bytes, a column inside a surrogate
     * pair): the caller then reads the characters.
     *
     * <p>The lines that stay are passed over eight bytes at a time, and the line feeds of eight
     * bytes counted at once: nothing is done per line but where one needs a change. Which lines are
     * blank is not asked of each line: only those at the end are cut, and they are found from the
     * end ({@link #contentEnd}).
     */
    private String fromBytes(ByteBuffer utf8, boolean[] dropped, int[] boxes) {
        int n = utf8.remaining();
        if (bytes.length < n + 16) {
            bytes = new byte[Math.max(n + 16, 2 * bytes.length)];
        }
        byte[] b = bytes;
        utf8.get(utf8.position(), b, 0, n);
        b[n] = '\n'; // a line's end is found at a break or here (and 8 bytes from n are readable)

        int at =
                n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
        int out = 0; // the normalised bytes written so far end here
        int run = at; // the unchanged lines read since start here: they belong at `out`
        int nextBox = 0;
        int nextDropped = 0; // no line before this one is left out but those read already
        boolean plain = true; // no carriage return met: lines may be passed over (below)
        for (int l = 0; ; l++) {
            if (plain) {
                // the lines from here up to the next left out or boxed one, as long as each ends
                // with a line feed alone and has no trailing space or tab, stay as they are: they
                // are passed over eight bytes at a time, without a stop per line
                while (nextDropped < dropped.length && (nextDropped < l || !dropped[nextDropped])) {
                    nextDropped++;
                }
                int stop = nextDropped < dropped.length ? nextDropped : Integer.MAX_VALUE;
                if (nextBox < boxes.length && boxes[nextBox] < stop) {
                    stop = boxes[nextBox];
                }
                int lineStart = at; // where line l starts
                int i = at;
                scan:
                while (l < stop) {
                    long v = (long) LONGS.get(b, i);
                    // a byte below 0x0E: a line feed, a carriage return, a tab or another control
                    if (((v - EIGHT_0E) & ~v & EIGHT_80) != 0) {
                        long lfs = zeroBytes(v ^ EIGHT_LF);
                        if (lfs == 0) {
                            // (a word without a line feed lies before n, where one is put)
                            if (zeroBytes(v ^ EIGHT_CR) != 0) {
                                plain = false; // a carriage return: read line by line
                                break;
                            }
                        } else {
                            long crs = zeroBytes(v ^ EIGHT_CR);
                            long blanks = zeroBytes(v ^ EIGHT_SP) | zeroBytes(v ^ EIGHT_TAB);
                            int count = countBytes(lfs);
                            if (crs == 0
                                    && i + 8 <= n
                                    && ((blanks << 8) & lfs) == 0
                                    && ((lfs & 0x80L) == 0
                                            || i == lineStart
                                            || (b[i - 1] != ' ' && b[i - 1] != '\t'))
                                    && count <= stop - l) {
                                // the lines these line feeds end stay as they are (the word lies
                                // before the text's end, holds no carriage return and no line
                                // feed after a space or tab), and none is the stop
                                l += count;
                                lineStart = i + highestByte(lfs) + 1;
                            } else {
                                // one line feed at a time, up to the line that needs a change
                                int cr = crs == 0 ? Integer.MAX_VALUE : i + lowestByte(crs);
                                while (lfs != 0) {
                                    long low = lfs & -lfs;
                                    int p = i + lowestByte(low);
                                    if (p > cr) {
                                        plain = false; // CRLF text, most likely
                                        break scan;
                                    }
                                    if (p >= n) {
                                        break scan; // the last line, which no line feed ends
                                    }
                                    if (p > lineStart) {
                                        byte last = b[p - 1];
                                        if (last == ' ' || last == '\t') {
                                            break scan; // a trailing space or tab to cut
                                        }
                                    }
                                    lineStart = p + 1;
                                    if (++l == stop) {
                                        break scan;
                                    }
                                    lfs ^= low;
                                }
                                if (cr < n) {
                                    plain = false; // CRLF text, most likely: read line by line
                                    break;
                                }
                            }
                        }
                    }
                    i += 8;
                }
                at = lineStart;
            }
            int start = at;
            int end = nextBreak(b, start);
            byte x = b[end];
            boolean lf = x == '\n' && end < n; // the line ends with a line feed alone
            int next = end == n ? n : end + (!lf && end + 1 < n && b[end + 1] == '\n' ? 2 : 1);
            int boxLine = nextBox < boxes.length ? boxes[nextBox] : -1;
            if (boxLine == l) {
                nextBox += 3;
            }
            if (l < dropped.length && dropped[l]) {
                // the run ends before this line, which is left out
                if (out != run) {
                    System.arraycopy(b, run, b, out, start - run);
                }
                out += start - run;
                run = next;
            } else {
                int cut = end;
                while (cut > start && ((x = b[cut - 1]) == ' ' || x == '\t')) {
                    cut--;
                }
                if (boxLine == l) {
                    int box = boxAt(b, start, end, cut, boxes[nextBox - 2], boxes[nextBox - 1]);
                    if (box == FALL_BACK) {
                        return null;
                    }
                    if (box >= 0) {
                        b[box] = '[';
                        b[box + 1] = ' ';
                        b[box + 2] = ']';
                    }
                }
                if (cut != end || !lf) {
                    // changed: the run so far and this line up to its cut, then a line feed
                    if (out != run) {
                        System.arraycopy(b, run, b, out, cut - run);
                    }
                    out += cut - run;
                    b[out++] = '\n';
                    run = next;
                }
            }
            if (end >= n) {
                break;
            }
            at = next;
        }
        // the last line is always written (it ends at n, with no line feed): b[0, out) is the
        // normalised content, every line ended by a line feed
        return hex(Sha256.digest(jdk, b, contentEnd(b, out)));
    }

    /**
     * Where the normalised content {@code b[0, out)} (lines ended by line feeds, their trailing
     * spaces and tabs cut) ends without its blank lines at the end: just past the line feed of the
     * last line that holds a character other than white space ({@link Character#isWhitespace(char)}
     * of each UTF-16 unit, as {@link String#isBlank()}), 0 when there is none. Read backwards from
     * the end: a spec ends with a line or two at most.
     */
    static int contentEnd(byte[] b, int out) {
        int i = out;
        while (i > 0) {
            int v = b[i - 1] & 0xFF;
            if (v < 0x80) {
                // Character.isWhitespace of an ASCII character (see whiteOnly)
                if (v != ' ' && (v < '\t' || v > '\r') && (v < 0x1C || v > 0x1F)) {
                    break;
                }
                i--;
                continue;
            }
            // a character of two or three bytes ends here (four: a surrogate pair, no white space)
            int lead = i - 1;
            while (lead > 0 && (b[lead] & 0xC0) == 0x80) {
                lead--;
            }
            int w = b[lead] & 0xFF;
            char ch;
            if (w >= 0xC0 && w < 0xE0 && i - lead == 2) {
                ch = (char) (((w & 0x1F) << 6) | (b[lead + 1] & 0x3F));
            } else if (w >= 0xE0 && w < 0xF0 && i - lead == 3) {
                ch =
                        (char)
                                (((w & 0x0F) << 12)
                                        | ((b[lead + 1] & 0x3F) << 6)
                                        | (b[lead + 2] & 0x3F));
            } else {
                break;
            }
            if (!Character.isWhitespace(ch)) {
                break;
            }
            i = lead;
        }
        if (i == 0) {
            return 0;
        }
        // the line of the last character that is not white space, up to its line feed
        while (b[i] != '\n') {
            i++;
        }
        return i + 1;
    }

    /**
     * The index of the first LF or CR at or after {@code i}, read eight bytes at a time (a line of
     * a spec is ~40 bytes; under C1 this is ~1.6 times as fast as a loop over single bytes). The
     * caller has put a line feed at the text's end and leaves at least 8 bytes readable from there.
     */
    private static int nextBreak(byte[] b, int i) {
        while (true) {
            long v = (long) LONGS.get(b, i);
            long lf = v ^ EIGHT_LF;
            long cr = v ^ EIGHT_CR;
            // a byte of lf or cr is 0 where v holds a break: its high bit is set here, and only
            // bits above the first such byte can be set wrongly (by the borrow)
            long found = ((lf - EIGHT_1) & ~lf | (cr - EIGHT_1) & ~cr) & EIGHT_80;
            if (found != 0) {
                // the bytes below the first found one, counted without Long.numberOfTrailingZeros
                // (C1 calls its Java code: 10-20 times as slow as this multiply)
                long below = ((found & -found) >>> 7) - 1;
                return i + (int) (((below & EIGHT_1) * EIGHT_1) >>> 56);
            }
            i += 8;
        }
    }

    /**
     * The high bit of each byte of {@code x} that is zero, and no other bit (exact, unlike the
     * borrowing test of {@link #nextBreak}, which may mark bytes above the first zero one).
     */
    private static long zeroBytes(long x) {
        return ~(((x & EIGHT_7F) + EIGHT_7F) | x | EIGHT_7F);
    }

    /**
     * The index of the lowest byte whose high bit {@code marks} holds ({@code marks} not 0 and only
     * high bits), without {@link Long#numberOfTrailingZeros} (see {@link #nextBreak}).
     */
    private static int lowestByte(long marks) {
        long below = ((marks & -marks) >>> 7) - 1;
        return (int) (((below & EIGHT_1) * EIGHT_1) >>> 56);
    }

    /** How many bytes {@code marks} marks (only high bits set), without {@link Long#bitCount}. */
    private static int countBytes(long marks) {
        return (int) (((marks >>> 7) * EIGHT_1) >>> 56);
    }

    /**
     * The index of the highest byte whose high bit {@code marks} holds ({@code marks} not 0 and
     * only high bits): the bytes marked at or below it, counted.
     */
    private static int highestByte(long marks) {
        long m = marks | (marks >>> 8);
        m |= m >>> 16;
        m |= m >>> 32;
        return countBytes(m) - 1;
    }

    /** {@link #boxAt}'s answer when this pass cannot write the box. */
    private static final int FALL_BACK = -2;

    /**
     * Where in {@code b} a box at UTF-16 columns {@code from} to {@code to} of the line {@code
     * [start, end)} starts, when it is read as {@code [ ]}: it lies within the line without its
     * trailing spaces and tabs ({@code cut}), as {@link #fits} has it; -1 when it does not, {@link
     * #FALL_BACK} when it does but does not span 3 bytes (or a column falls inside a surrogate
     * pair).
     */
    private static int boxAt(byte[] b, int start, int end, int cut, int from, int to) {
        if (to == 0 || from > to) {
            return FALL_BACK;
        }
        int first = -1;
        int i = start;
        int column = 0;
        while (true) {
            if (column == from && first < 0) {
                first = i;
            }
            if (column == to) {
                break;
            }
            if (i >= end) {
                return -1; // the box ends past the line
            }
            int v = b[i] & 0xFF;
            if (v >= 0xF0) {
                if (column + 1 == from || column + 1 == to) {
                    return FALL_BACK;
                }
                i += 4;
                column += 2;
            } else {
                i += v < 0x80 ? 1 : v < 0xE0 ? 2 : 3;
                column++;
            }
        }
        if (i > cut) {
            return -1; // nothing but spaces and tabs from the box's last character on
        }
        return i - first == 3 ? first : FALL_BACK;
    }

    /**
     * Whether the UTF-8 bytes {@code [from, to)} encode white space only ({@link
     * Character#isWhitespace(char)} of each UTF-16 unit, as {@link String#isBlank()}); a printable
     * ASCII first byte answers at once, unless a box will replace the characters it came from.
     */
    private static boolean whiteOnly(byte[] b, int from, int to, boolean boxed) {
        int first = b[from];
        if (first > ' ' && first < 0x7F && !boxed) {
            return false;
        }
        for (int i = from; i < to; ) {
            int v = b[i] & 0xFF;
            char ch;
            if (v < 0x80) {
                // Character.isWhitespace of an ASCII character, without the call (C1 does not
                // inline it): space, tab to carriage return, file to unit separator
                if (v != ' ' && (v < '\t' || v > '\r') && (v < 0x1C || v > 0x1F)) {
                    return false;
                }
                i++;
                continue;
            } else if (v < 0xE0) {
                ch = (char) (((v & 0x1F) << 6) | (b[i + 1] & 0x3F));
                i += 2;
            } else if (v < 0xF0) {
                ch = (char) (((v & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
                i += 3;
            } else {
                return false; // a surrogate pair: neither half is white space
            }
            if (!Character.isWhitespace(ch)) {
                return false;
            }
        }
        return true;
    }

    /** The hash's hex digits: those of the digest's first bytes. */
    static String hex(byte[] digest) {
        char[] h = new char[ContentFingerprint.HASH_LENGTH];
        for (int i = 0; i < h.length; i += 2) {
            int v = digest[i / 2] & 0xFF;
            h[i] = HEX[v >>> 4];
            h[i + 1] = HEX[v & 0xF];
        }
        return new String(h);
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
     * rule of which lines the fingerprint leaves out, for both passes. Only the spec's own lines: a
     * field kept in a metadata file beside the spec ({@link FieldForm#SIDECAR}) has no line here.
     */
    static boolean[] dropped(SpecDocument document, List<String> excluded) {
        return dropped(document, excluded, false);
    }

    /**
     * As {@link #dropped(SpecDocument, List)}; with {@code sidecarLines}, as Specgate read it
     * before: a sidecar's excluded key left out the spec's line at its position (the spec's first
     * line, where a sidecar field points), a reading kept only to accept approvals recorded then
     * ({@link Approvals}).
     */
    static boolean[] dropped(SpecDocument document, List<String> excluded, boolean sidecarLines) {
        return dropped(document.fields(), excluded, sidecarLines);
    }

    /**
     * As {@link #dropped(SpecDocument, List, boolean)}, of {@code fields}: the document's, or those
     * outside lists (the others are never left out).
     */
    static boolean[] dropped(List<Field> fields, List<String> excluded, boolean sidecarLines) {
        boolean[] dropped = new boolean[0];
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.inListItem()
                    || (f.form() == FieldForm.SIDECAR && !sidecarLines)
                    || !excluded(f, excluded)) {
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

    /**
     * Whether the spec has a field kept in its metadata file that the fingerprint leaves out: then
     * the earlier reading ({@link #dropped(SpecDocument, List, boolean)}) differs from the current.
     */
    static boolean sidecarExcluded(SpecDocument document, List<String> excluded) {
        List<Field> fields = document.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.form() == FieldForm.SIDECAR && !f.inListItem() && excluded(f, excluded)) {
                return true;
            }
        }
        return false;
    }

    private static boolean excluded(Field f, List<String> labels) {
        // Field.hasLabel compares a label read from the text in place, by its length first: most
        // fields are skipped without their label made a String
        for (int i = 0; i < labels.size(); i++) {
            if (f.hasLabel(labels.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The boxes {@code leftOutBoxes} names read as {@code [ ]}: line, start and end column, three
     * ints each, by line; of two boxes on one line the later item's, and only where that box is
     * ticked (an open one is written {@code [ ]} already: the parser reads a box as open only so).
     */
    private static int[] boxes(
            SpecDocument document,
            ApprovalBoxes leftOutBoxes,
            Function<Section, String> headingKeys) {
        List<ChecklistItem> items = document.checklist();
        int size = items.size();
        if (size == 0) {
            return NO_BOXES;
        }
        // most boxes of a spec are open, each alone on its line: read as written, whichever
        // heading holds them, so the headings are asked about only for the others. Items come in
        // document order: boxes on one line are neighbours, and a line's last box left out is
        // known when the next line's comes (in any other order, all are asked and sorted).
        ApprovalBoxes.Headings leftOut = null;
        int[] boxes = null;
        int n = 0;
        ChecklistItem last = null; // the last box left out on line `lastLine` so far
        int lastLine = -1;
        int previous = -1;
        int line = items.get(0).boxRange().startLine();
        for (int i = 0; i < size; i++) {
            ChecklistItem item = items.get(i);
            int next = i + 1 < size ? items.get(i + 1).boxRange().startLine() : -1;
            if (i + 1 < size && next < line) {
                return boxesOfAll(document, leftOutBoxes, headingKeys);
            }
            boolean alone = line != previous && next != line;
            previous = line;
            int index = item.sectionIndex();
            if ((!alone || item.checked()) && index >= 0) {
                if (leftOut == null) {
                    leftOut = leftOutBoxes.headings(document, headingKeys);
                }
                if (index < leftOut.size()
                        && leftOut.leftOut(index)
                        && item.boxRange().endLine() == line) {
                    if (last != null && lastLine != line && last.checked()) {
                        if (boxes == null) {
                            boxes = new int[3 * size];
                        }
                        n = box(boxes, n, last);
                    }
                    last = item;
                    lastLine = line;
                }
            }
            line = next;
        }
        if (last != null && last.checked()) {
            if (boxes == null) {
                boxes = new int[3];
            }
            n = box(boxes, n, last);
        }
        return n == 0 ? NO_BOXES : n == boxes.length ? boxes : Arrays.copyOf(boxes, n);
    }

    /**
     * Writes {@code item}'s box at {@code boxes[n]} as {@link #boxes} gives it (line, start and end
     * column); the index after it.
     */
    private static int box(int[] boxes, int n, ChecklistItem item) {
        SourceRange box = item.boxRange();
        boxes[n] = box.startLine();
        boxes[n + 1] = box.startColumn();
        boxes[n + 2] = box.endColumn();
        return n + 3;
    }

    private static final int[] NO_BOXES = new int[0];

    /** {@link #boxes}, asking about every box. */
    private static int[] boxesOfAll(
            SpecDocument document,
            ApprovalBoxes leftOutBoxes,
            Function<Section, String> headingKeys) {
        List<ChecklistItem> items = document.checklist();
        if (items.isEmpty()) {
            return NO_BOXES;
        }
        ApprovalBoxes.Headings leftOut = leftOutBoxes.headings(document, headingKeys);
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
        return lastOfEachLine(items, keyed, count);
    }

    /**
     * The boxes of the first {@code count} of {@code keyed} (line, then item index), as {@link
     * #boxes} gives them: of each line's the last item's, when it is ticked.
     */
    private static int[] lastOfEachLine(List<ChecklistItem> items, long[] keyed, int count) {
        keyed = Arrays.copyOf(keyed, count);
        Arrays.sort(keyed);
        int[] boxes = new int[3 * count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int line = (int) (keyed[k] >>> 32);
            if (k + 1 < count && (int) (keyed[k + 1] >>> 32) == line) {
                continue;
            }
            ChecklistItem item = items.get((int) keyed[k]);
            if (!item.checked()) {
                continue; // an open box reads "[ ]" as written: nothing to change on its line
            }
            SourceRange box = item.boxRange();
            boxes[n++] = line;
            boxes[n++] = box.startColumn();
            boxes[n++] = box.endColumn();
        }
        return n == boxes.length ? boxes : Arrays.copyOf(boxes, n);
    }
}
