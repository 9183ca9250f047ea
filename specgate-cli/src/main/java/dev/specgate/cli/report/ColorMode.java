package dev.specgate.cli.report;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * When the text report uses colour: {@code auto} means on a terminal, and only without NO_COLOR and
 * on a terminal that can show it ({@code TERM=dumb} cannot).
 */
public enum ColorMode {
    AUTO,
    ALWAYS,
    NEVER;

    /** The lowercase name shown in help and error messages. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether to colour, given the environment and whether stdout is a terminal. */
    public boolean enabled(Map<String, String> env, boolean terminal) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO ->
                    terminal && isBlank(env.get("NO_COLOR")) && !"dumb".equals(env.get("TERM"));
        };
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }

    /** Whether standard output is an interactive terminal. */
    public static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it then says so here.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
