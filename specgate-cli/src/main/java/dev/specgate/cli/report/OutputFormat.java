package dev.specgate.cli.report;

/** The formats {@code check --format} offers; each creates its reporter. */
public enum OutputFormat {
    /** {@code path:line:col: severity [rule] message} lines and a summary, for people. */
    TEXT {
        @Override
        public CheckReporter reporter(boolean color) {
            return new TextReporter(color);
        }
    },
    /** One JSON document, for tools and agents. */
    JSON {
        @Override
        public CheckReporter reporter(boolean color) {
            return new JsonReporter();
        }
    };

    /** The lowercase name shown in help and error messages. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The reporter of this format; {@code color} is honoured by formats for terminals. */
    public abstract CheckReporter reporter(boolean color);
}
