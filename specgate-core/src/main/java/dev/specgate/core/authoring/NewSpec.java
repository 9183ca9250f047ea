package dev.specgate.core.authoring;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A spec made from the template, not yet written.
 *
 * @param relativePath where it goes under the project root: {@code directives/spec/<file name>}
 * @param markdown its text, without a byte order mark
 * @param byteOrderMark whether its file starts with a UTF-8 byte order mark (the template's does)
 */
public record NewSpec(Path relativePath, String markdown, boolean byteOrderMark) {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public NewSpec {
        requireNonNull(relativePath, "relativePath must not be null");
        requireNonNull(markdown, "markdown must not be null");
    }

    /** A spec whose file has no byte order mark. */
    public NewSpec(Path relativePath, String markdown) {
        this(relativePath, markdown, false);
    }

    /** The file's bytes: UTF-8, after a byte order mark when the template starts with one. */
    public byte[] bytes() {
        byte[] text = markdown.getBytes(StandardCharsets.UTF_8);
        if (!byteOrderMark) {
            return text;
        }
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }
}
