package dev.specgate.cli.common;

import dev.specgate.report.SpecgateVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code specgate --version}: the version Maven wrote into the jar. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"specgate " + version()};
    }

    /** The version Maven wrote into the jar, or {@code unknown}. */
    public static String version() {
        return SpecgateVersion.get();
    }
}
