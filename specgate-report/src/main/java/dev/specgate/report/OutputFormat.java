package dev.specgate.report;

/** The formats {@code check --format} offers; each creates its reporter. */
public enum OutputFormat {
    /** {@code path:line:col: severity [rule] message} lines and a summary, for people. */
    TEXT {
        @Override
        public CheckReporter reporter(ReportContext context) {
            return new TextReporter(context.color(), context.errorsOnly());
        }
    },
    /** One JSON document, for tools and agents. */
    JSON {
        @Override
        public CheckReporter reporter(ReportContext context) {
            return new JsonReporter(context.fixing());
        }
    },
    /** SARIF 2.1.0, for code-scanning views (GitHub, GitLab, Azure DevOps, IDEs). */
    SARIF {
        @Override
        public CheckReporter reporter(ReportContext context) {
            return new SarifReporter(context.rules(), context.toolVersion(), context.fixing());
        }
    },
    /** JUnit XML: a test suite per spec, a test case per rule, a failure per finding. */
    JUNIT {
        @Override
        public CheckReporter reporter(ReportContext context) {
            return new JUnitReporter(context.rules());
        }
    },
    /** GitHub Actions workflow commands ({@code ::error file=...::message}) and a summary. */
    GITHUB {
        @Override
        public CheckReporter reporter(ReportContext context) {
            return new GitHubReporter(context.errorsOnly());
        }
    };

    /** The lowercase name shown in help and error messages. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The reporter of this format. */
    public abstract CheckReporter reporter(ReportContext context);
}
