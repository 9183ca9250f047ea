package dev.specgate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Spec text as the bytes a file holds: CRLF line breaks, a byte order mark. */
public final class SpecBytes {

    private SpecBytes() {}

    /** UTF-8 with a byte order mark and every LF turned into CR LF. */
    public static byte[] crlfWithBom(String text) {
        byte[] body = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        return all;
    }

    /** The bytes of a file. */
    public static byte[] of(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a file, as UTF-8. */
    public static String text(Path file) {
        return new String(of(file), StandardCharsets.UTF_8);
    }
}
