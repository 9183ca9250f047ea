package dev.specgate.core.edit;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.ChecklistItem;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.SourceRange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of non-overlapping {@link TextEdit}s to one {@link SpecSource}. Immutable: each method
 * returns a new edit. Applying it changes only the bytes of the replaced spans; everything else — a
 * byte order mark, line breaks (LF, CR LF or CR), trailing whitespace, other text — is copied byte
 * for byte. Line breaks inside replacement text are written as the break of the line the
 * replacement starts on (or the file's own, on a last line without one).
 *
 * <p>Write the result with {@link SpecFileWriter#write(SpecEdit)}.
 */
public final class SpecEdit {

    private static final Pattern TASK_BOX = Pattern.compile("\\[[ xX]\\]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private final SpecSource source;
    private final List<TextEdit> edits;

    private SpecEdit(SpecSource source, List<TextEdit> edits) {
        this.source = source;
        this.edits = edits;
    }

    /** An edit of {@code source} that changes nothing yet. */
    public static SpecEdit of(SpecSource source) {
        return new SpecEdit(requireNonNull(source, "source must not be null"), List.of());
    }

    /** The source this edit applies to. */
    public SpecSource source() {
        return source;
    }

    /** The replacements, sorted by offset, line breaks already in the file's form. */
    public List<TextEdit> edits() {
        return edits;
    }

    /** Replaces the text offsets {@code [start, end)} with {@code replacement}. */
    public SpecEdit replace(int start, int end, String replacement) {
        requireNonNull(replacement, "replacement must not be null");
        if (end > source.text().length()) {
            throw new IllegalArgumentException(
                    "end " + end + " is past the end of the text (" + source.text().length() + ")");
        }
        requireCharBoundary(start);
        requireCharBoundary(end);
        TextEdit added = new TextEdit(start, end, withLineBreaks(start, replacement));
        for (TextEdit e : edits) {
            if (e.overlaps(added)) {
                throw new IllegalArgumentException(
                        "edit of ["
                                + start
                                + ", "
                                + end
                                + ") overlaps edit of ["
                                + e.start()
                                + ", "
                                + e.end()
                                + ")");
            }
        }
        List<TextEdit> all = new ArrayList<>(edits);
        all.add(added);
        Collections.sort(all);
        return new SpecEdit(source, List.copyOf(all));
    }

    /** Replaces the text {@code range} covers with {@code replacement}. */
    public SpecEdit replace(SourceRange range, String replacement) {
        requireNonNull(range, "range must not be null");
        return replace(source.startOffset(range), source.endOffset(range), replacement);
    }

    /** Inserts {@code text} at text offset {@code offset}. */
    public SpecEdit insert(int offset, String text) {
        return replace(offset, offset, text);
    }

    /**
     * Inserts a whole new line after {@code line} (0-based), ended with that line's break (the
     * file's own when {@code line} is the last line and has none).
     */
    public SpecEdit insertLineAfter(int line, String content) {
        requireSingleLine(content);
        String lineBreak = source.lineBreak(line);
        if (lineBreak.isEmpty()) {
            return insert(source.lineEnd(line), source.newline() + content);
        }
        return insert(source.lineEnd(line) + lineBreak.length(), content + lineBreak);
    }

    /**
     * Sets a bold-labelled field's value. Emphasis or code marks around the old value are kept
     * ({@code *Draft*} becomes {@code *Review*}); an empty value gets a space after the label.
     *
     * @throws IllegalArgumentException if the source does not hold the field's value where the
     *     field says it stands, or {@code value} holds a line break
     */
    public SpecEdit fieldValue(Field field, String value) {
        requireNonNull(field, "field must not be null");
        requireSingleLine(value);
        int start = source.startOffset(field.valueRange());
        int end = source.endOffset(field.valueRange());
        String old = source.text().substring(start, end);
        if (!old.equals(field.value())) {
            throw new IllegalArgumentException(
                    "the text at the value of '"
                            + field.label()
                            + "' is '"
                            + old
                            + "', not '"
                            + field.value()
                            + "': the field does not belong to this source");
        }
        if (old.isEmpty()) {
            char before = start > 0 ? source.text().charAt(start - 1) : '\n';
            boolean spaced = before == ' ' || before == '\t';
            return insert(start, spaced ? value : " " + value);
        }
        int lead = 0;
        while (lead < old.length() && isMark(old.charAt(lead))) {
            lead++;
        }
        int trail = 0;
        while (trail < old.length() - lead && isMark(old.charAt(old.length() - 1 - trail))) {
            trail++;
        }
        if (lead + trail == old.length()) {
            return replace(start, end, value);
        }
        return replace(start + lead, end - trail, value);
    }

    /**
     * Ticks ({@code [x]}) or clears ({@code [ ]}) a task box. A box already in that state is left
     * as it is, so {@code [X]} stays {@code [X]}.
     *
     * @throws IllegalArgumentException if the source holds no task box where the item says
     */
    public SpecEdit taskBox(ChecklistItem item, boolean checked) {
        requireNonNull(item, "item must not be null");
        String box = source.slice(item.boxRange());
        if (!TASK_BOX.matcher(box).matches()) {
            throw new IllegalArgumentException(
                    "no task box at line "
                            + (item.line() + 1)
                            + ", found '"
                            + box
                            + "': the item does not belong to this source");
        }
        if (item.checked() == checked) {
            return this;
        }
        return replace(item.boxRange(), checked ? "[x]" : "[ ]");
    }

    /** The text after the edit, without a byte order mark. */
    public String text() {
        String text = source.text();
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int cursor = 0;
        for (TextEdit e : edits) {
            sb.append(text, cursor, e.start()).append(e.replacement());
            cursor = e.end();
        }
        return sb.append(text, cursor, text.length()).toString();
    }

    /**
     * The bytes after the edit: the source's bytes with only the replaced spans changed (a byte
     * order mark and every other byte copied as read).
     */
    public byte[] bytes() {
        byte[] raw = source.rawBytes();
        if (edits.isEmpty()) {
            return raw.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
        int charAt = 0;
        int byteAt = source.byteOffset(0);
        int copied = 0;
        for (TextEdit e : edits) {
            int startByte = source.byteOffset(charAt, byteAt, e.start());
            int endByte = source.byteOffset(e.start(), startByte, e.end());
            out.write(raw, copied, startByte - copied);
            out.writeBytes(e.replacement().getBytes(StandardCharsets.UTF_8));
            copied = endByte;
            charAt = e.end();
            byteAt = endByte;
        }
        out.write(raw, copied, raw.length - copied);
        return out.toByteArray();
    }

    /** Whether applying the edit gives back exactly the source's bytes. */
    public boolean isIdentity() {
        return source.hasBytes(bytes());
    }

    private String withLineBreaks(int start, String replacement) {
        if (replacement.indexOf('\n') < 0 && replacement.indexOf('\r') < 0) {
            return replacement;
        }
        int line = source.lineOf(start);
        String lineBreak = source.lineBreak(line);
        String target = lineBreak.isEmpty() ? source.newline() : lineBreak;
        return LINE_BREAK.matcher(replacement).replaceAll(Matcher.quoteReplacement(target));
    }

    private void requireCharBoundary(int offset) {
        String text = source.text();
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException(
                    "offset " + offset + " must be between 0 and " + text.length());
        }
        if (offset > 0
                && offset < text.length()
                && Character.isHighSurrogate(text.charAt(offset - 1))
                && Character.isLowSurrogate(text.charAt(offset))) {
            throw new IllegalArgumentException("offset " + offset + " splits a surrogate pair");
        }
        if (offset > 0
                && offset < text.length()
                && text.charAt(offset - 1) == '\r'
                && text.charAt(offset) == '\n') {
            throw new IllegalArgumentException("offset " + offset + " splits a CR LF line break");
        }
    }

    private static void requireSingleLine(String value) {
        requireNonNull(value, "value must not be null");
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("value must be one line, found a line break");
        }
    }

    private static boolean isMark(char c) {
        return c == '*' || c == '_' || c == '`';
    }
}
