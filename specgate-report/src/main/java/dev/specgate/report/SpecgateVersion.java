package dev.specgate.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Specgate's version, as Maven wrote it into this module's jar, for reports and {@code --version}.
 */
public final class SpecgateVersion {

    private static final String VERSION = read();

    private SpecgateVersion() {}

    /** The version, or {@code unknown} when the jar carries none. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = SpecgateVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
