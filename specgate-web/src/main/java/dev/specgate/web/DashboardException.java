package dev.specgate.web;

import dev.specgate.core.project.NothingToCheckException;
import dev.specgate.web.internal.CoreAdapter;
import java.nio.file.Path;
import java.util.List;

/**
 * The dashboard cannot be made or served: nothing to show, an output folder that must not be
 * written, or an address that cannot be bound. The message says which, for the user.
 */
public final class DashboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DashboardException(String message) {
        super(message);
    }

    /**
     * The configured baseline cannot be read: said in {@code check}'s words, which {@code e}
     * carries.
     */
    static DashboardException of(CoreAdapter.UnusableBaseline e) {
        return new DashboardException(e.getMessage());
    }

    /**
     * Nothing to show under {@code root}, naming the folders below it that keep their own
     * configuration ({@code nestedConfigs}), whose specs are their own projects': where the specs
     * that were looked for may be, after what discovery looked for ({@code lookedFor}), as {@code
     * check} says it.
     */
    static DashboardException noSpecs(Path root, List<Path> nestedConfigs, String lookedFor) {
        StringBuilder message =
                new StringBuilder(NothingToCheckException.message(root.toString(), lookedFor));
        for (Path config : nestedConfigs) {
            message.append("; the specs under ")
                    .append(config.getParent())
                    .append(" are the project of its own ")
                    .append(config.getFileName())
                    .append(": show them from there");
        }
        if (nestedConfigs.isEmpty()) {
            message.append("; specgate new \"TITLE\" writes a spec");
        }
        return new DashboardException(message.toString());
    }
}
