package dev.specgate.cli.common;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The one table of Specgate's exit codes. Every command ends with one of these; nothing else calls
 * {@code System.exit}. Each command's help lists the codes it uses from here, with its own words
 * for what they mean ({@link BaseCommand#exitCodeMeanings()}).
 */
public enum ExitCode {
    /** Nothing wrong: no errors (and, with {@code --strict}, no warnings). */
    CLEAN(0, "clean: no errors, or the action was done"),
    /** Findings were reported, or an action was refused; files are untouched. */
    FINDINGS(1, "findings, or a refused action (files untouched)"),
    /** The command line or its input was unusable: bad option, missing path, nothing to check. */
    USAGE(
            2,
            "usage or input error: a bad option or configuration, a missing path, nothing to check"),
    /** A bug in Specgate: an unexpected exception. Please report it, with --stacktrace. */
    INTERNAL(
            3, "internal error (a bug in Specgate): please report it with the --stacktrace output");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /** What the code means for any command. */
    public String meaning() {
        return meaning;
    }

    /**
     * Writes the "Exit codes" help section of {@code cl} and of each of its subcommands: the codes
     * from this table, in a command's own words where it gives them.
     */
    public static void describe(CommandLine cl) {
        Object command = cl.getCommand();
        Map<ExitCode, String> own =
                command instanceof BaseCommand b ? b.exitCodeMeanings() : Map.of();
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            String text = own.isEmpty() ? c.meaning : own.get(c);
            if (c == INTERNAL) {
                text = c.meaning;
            }
            if (text != null) {
                list.put(Integer.toString(c.code), text);
            }
        }
        cl.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(list);
        cl.getSubcommands().values().forEach(ExitCode::describe);
    }
}
