package dev.specgate.core.rules;

import dev.specgate.core.diagnostic.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expectations a fixture carries inline. The convention:
 *
 * <ul>
 *   <li>{@code <!-- expect: error section-missing -->} on a line means: exactly one diagnostic of
 *       that severity and rule starts on this line.
 *   <li>Several diagnostics on one line are listed with commas, one item each, repeated when the
 *       same rule reports twice: {@code <!-- expect: error placeholder-template, error
 *       placeholder-template -->}.
 *   <li>An item may end with a quoted text its message must contain: {@code error section-missing
 *       "### Problem Statement"}.
 *   <li>Diagnostics about something missing stand where the rule reports them (the heading it
 *       should precede, the title, the last line), so the comment goes at the end of that line.
 *   <li>A fixture without any expectation must give no diagnostic at all.
 * </ul>
 *
 * The bytes are read as ISO-8859-1, so that files which are not valid UTF-8 (fixtures of {@code
 * unreadable-file}) can carry expectations too. Lines end at LF, CR LF or CR, as in CommonMark.
 *
 * <p>A YAML file beside a spec (a sidecar such as {@code kep.yaml}) carries its expectations in
 * YAML comments instead: {@code status: implementible # expect: error field-value "status"}.
 */
public final class InlineExpectations {

    private static final Pattern COMMENT = Pattern.compile("<!--\\s*expect:(.*?)-->");
    private static final Pattern YAML_COMMENT = Pattern.compile("#\\s*expect:(.*)$");
    private static final Pattern ITEM =
            Pattern.compile(
                    "\\s*(error|warning|info)\\s+([a-z0-9-]+)(?:\\s+\"([^\"]*)\")?\\s*(?:,|$)");

    private InlineExpectations() {}

    /** The expectations written in {@code <!-- expect: ... -->} comments of a Markdown fixture. */
    public static List<Expectation> of(byte[] bytes) {
        return of(bytes, COMMENT);
    }

    /** The expectations written in {@code # expect: ...} comments of a YAML fixture. */
    public static List<Expectation> ofYaml(byte[] bytes) {
        return of(bytes, YAML_COMMENT);
    }

    private static List<Expectation> of(byte[] bytes, Pattern commentPattern) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Expectation> found = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int line = 0; line < lines.length; line++) {
            Matcher comment = commentPattern.matcher(lines[line]);
            while (comment.find()) {
                String items = comment.group(1);
                Matcher m = ITEM.matcher(items);
                int at = 0;
                while (at < items.length()) {
                    m.region(at, items.length());
                    if (!m.lookingAt()) {
                        throw new IllegalArgumentException(
                                "line "
                                        + (line + 1)
                                        + ": cannot read expectation '"
                                        + items.substring(at).trim()
                                        + "' (write: <severity> <rule-id> [\"message part\"])");
                    }
                    found.add(
                            new Expectation(
                                    line, Severity.parse(m.group(1)), m.group(2), m.group(3)));
                    at = m.end();
                }
            }
        }
        return found;
    }
}
