package dev.specgate.bench.corpus;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One generated spec file.
 *
 * @param index position in the corpus
 * @param fileName the file name it must be written under
 * @param content the file's bytes (may start with a BOM, may use CRLF)
 * @param defect the planted defect, or empty for a clean spec
 */
public record GeneratedSpec(int index, String fileName, byte[] content, Optional<Defect> defect) {

    public GeneratedSpec {
        requireNonNull(fileName, "fileName must not be null");
        requireNonNull(content, "content must not be null");
        requireNonNull(defect, "defect must not be null");
    }

    /** The content as text, without a BOM (only for specs that are valid UTF-8). */
    public String text() {
        String s = new String(content, StandardCharsets.UTF_8);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    public boolean clean() {
        return defect.isEmpty();
    }

    public boolean hasBom() {
        return content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }

    public boolean usesCrlf() {
        for (int i = 1; i < content.length; i++) {
            if (content[i] == '\n') {
                return content[i - 1] == '\r';
            }
        }
        return false;
    }
}
