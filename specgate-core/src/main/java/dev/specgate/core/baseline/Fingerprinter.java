package dev.specgate.core.baseline;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.approval.Approvals;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.rules.SectionRename;
import dev.specgate.core.schema.HeadingKey;
import dev.specgate.core.schema.Placeholders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Computes the baseline {@link Finding} of each diagnostic from the rule, the file's path relative
 * to the baseline's folder, the heading the finding stands under, the offending text and the
 * message with its numbers masked. Line numbers play no part. Thread-safe.
 */
public final class Fingerprinter {

    /** Characters of the SHA-256 hex digest kept as the fingerprint. */
    public static final int FINGERPRINT_LENGTH = 20;

    /** Offending text longer than this is cut, so a long paragraph does not bloat the file. */
    public static final int MAX_TEXT = 200;

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Path baseDir;

    /**
     * @param baseDir the folder of the baseline file; recorded paths are relative to it
     */
    public Fingerprinter(Path baseDir) {
        this.baseDir =
                requireNonNull(baseDir, "baseDir must not be null").toAbsolutePath().normalize();
    }

    /**
     * The findings of one checked file, in the order of its diagnostics, from the very text and
     * document that produced them (never the file as it is on disk later).
     *
     * @param text the text that was checked (empty when the file could not be read)
     * @param doc the document parsed from {@code text}, or null when the file could not be read
     */
    public List<Finding> findings(CheckResult result, String text, SpecDocument doc) {
        requireNonNull(result, "result must not be null");
        requireNonNull(text, "text must not be null");
        List<Finding> out = new ArrayList<>(result.diagnostics().size());
        if (result.diagnostics().isEmpty()) {
            return out;
        }
        List<String> lines = text.isEmpty() ? List.of() : splitLines(text);
        String path = relativePath(result.path());
        for (Diagnostic d : result.diagnostics()) {
            String section = doc == null ? "" : sectionAt(doc, d.range().startLine());
            String offending = Placeholders.fold(slice(lines, d.range()));
            if (offending.length() > MAX_TEXT) {
                offending = offending.substring(0, MAX_TEXT);
            }
            String message = NUMBER.matcher(stable(d)).replaceAll("#");
            out.add(
                    new Finding(
                            hash(d.ruleId(), path, section, offending, message),
                            d.ruleId(),
                            path,
                            section,
                            offending,
                            message));
        }
        return out;
    }

    /**
     * The message as a baseline matches it: {@code approval-stale}'s without the spec word of the
     * {@code approve --refresh} it asks for, which depends on where the project lies and how the
     * spec was named (and which the message once did not hold at all): a baseline written
     * elsewhere, or before the message named the spec, still knows the finding. The message left is
     * the one those older baselines hashed, word for word. {@code section-missing}'s without the
     * heading it suggests is the section renamed ({@link SectionRename}), which a new alias or
     * another heading changes.
     */
    static String stable(Diagnostic d) {
        if (d.ruleId().equals(RuleIds.SECTION_MISSING)) {
            return SectionRename.withoutHint(d.message());
        }
        if (!d.ruleId().equals(RuleIds.APPROVAL_STALE)
                || !d.message().contains(Approvals.REFRESH_COMMAND)) {
            return d.message();
        }
        return Approvals.withRefreshWord(d.message(), Optional.empty());
    }

    /** {@code file}'s path as the findings of it record it: relative to the baseline's folder. */
    public String relativePath(Path file) {
        if (file == null) {
            return "<memory>";
        }
        Path abs = file.toAbsolutePath().normalize();
        Path p = abs.startsWith(baseDir) ? baseDir.relativize(abs) : abs;
        return p.toString().replace('\\', '/');
    }

    private static String sectionAt(SpecDocument doc, int line) {
        String key = "";
        for (Section s : doc.sections()) {
            if (s.line() > line) {
                break;
            }
            key = HeadingKey.of(s.title());
        }
        return key;
    }

    /** Lines as CommonMark counts them: ended by LF, CR LF or CR. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static String slice(List<String> lines, SourceRange r) {
        if (r.startLine() >= lines.size()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int last = Math.min(r.endLine(), lines.size() - 1);
        for (int l = r.startLine(); l <= last; l++) {
            String line = lines.get(l);
            int from = l == r.startLine() ? Math.min(r.startColumn(), line.length()) : 0;
            int to = l == r.endLine() ? Math.min(r.endColumn(), line.length()) : line.length();
            if (to > from) {
                sb.append(line, from, to);
            }
            if (l < last) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, FINGERPRINT_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
