package dev.specgate.core.rules.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where each rule is documented: its heading in {@code docs/rules.md} at the project's home, the
 * parent pom's {@code <url>} (the one place it is written, filtered into {@code home.properties} at
 * build time). SARIF's {@code helpUri} and the editor's {@code codeDescription} link there.
 */
public final class RuleDocs {

    /** The project's home, as the build writes it: {@code https://github.com/specgate/specgate}. */
    public static final String HOME = home();

    /** The rules' page, whose {@code ## rule-id} headings are the anchors {@link #of} names. */
    public static final String PAGE = HOME + "/blob/main/docs/rules.md";

    private RuleDocs() {}

    /** The address of {@code ruleId}'s entry: {@link #PAGE} and the rule id as its anchor. */
    public static String of(String ruleId) {
        return PAGE + "#" + ruleId;
    }

    private static String home() {
        try (InputStream in = RuleDocs.class.getResourceAsStream("home.properties")) {
            if (in == null) {
                throw new IllegalStateException("home.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String home = p.getProperty("home", "");
            if (!home.startsWith("https://")) {
                throw new IllegalStateException(
                        "home.properties holds no https address (the pom's <url>): " + home);
            }
            return home.endsWith("/") ? home.substring(0, home.length() - 1) : home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read home.properties", e);
        }
    }
}
