package dev.specgate.core.layout;

import java.nio.file.Path;

/**
 * One thing {@code scaffold} does for one entry.
 *
 * @param entry the File Organization entry
 * @param target the absolute path it creates or finds
 * @param directory whether the target is a directory (else a documentation file)
 * @param action what is (or, in a dry run, would be) done
 */
public record ScaffoldStep(LayoutEntry entry, Path target, boolean directory, Action action) {

    /** What happens at {@link #target}. */
    public enum Action {
        CREATE_DIRECTORY("created"),
        CREATE_FILE("created"),
        EXISTS("exists");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** How the action is printed. */
        public String label() {
            return label;
        }
    }
}
