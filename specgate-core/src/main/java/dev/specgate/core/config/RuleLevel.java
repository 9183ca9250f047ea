package dev.specgate.core.config;

import dev.specgate.core.diagnostic.Severity;
import java.util.Locale;
import java.util.Optional;

/** What {@code rules:} in {@code .specgate.yml} sets a rule to: off, or a severity. */
public enum RuleLevel {
    OFF,
    INFO,
    WARNING,
    ERROR;

    /** The values as written in the configuration, for messages. */
    public static final String ALLOWED = "off, info, warning, error";

    /** The severity findings are reported at, or empty for {@link #OFF}. */
    public Optional<Severity> severity() {
        return switch (this) {
            case OFF -> Optional.empty();
            case INFO -> Optional.of(Severity.INFO);
            case WARNING -> Optional.of(Severity.WARNING);
            case ERROR -> Optional.of(Severity.ERROR);
        };
    }

    /**
     * The level a configuration value names (any case), if it names one. {@code false} is read as
     * {@code off}, since YAML 1.1 readers (and the editors that use them) turn {@code off} into
     * {@code false}.
     */
    public static Optional<RuleLevel> parse(String text) {
        if (text.trim().equalsIgnoreCase("false")) {
            return Optional.of(OFF);
        }
        for (RuleLevel l : values()) {
            if (l.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The lowercase name used in the configuration. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
