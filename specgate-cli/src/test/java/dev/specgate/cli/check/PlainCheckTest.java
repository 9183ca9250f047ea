package dev.specgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.common.BaseCommand;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@link CheckCommand#plain}: the command lines it parses without picocli leave the command with
 * exactly the fields picocli's parse of the same line sets (the options, their defaults, the common
 * and configuration options, the paths), and every other command line is left to picocli. How the
 * two runs compare end to end (report, messages, exit code): {@code StartJarIT}.
 */
class PlainCheckTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "check",
                "check .",
                "check --today 2026-11-25 .",
                "check --today 2026-11-25 directives/spec/a.md b.md",
                "check . --today 1970-01-01",
                "check --today  2026-11-25 . ", // a value with spaces around it (picocli trims)
                "check --strict --cache docs",
                "check --no-cache --strict --today 9999-12-31 x",
                "check check",
                "check ./a b/../c /abs/path/spec.md",
                "check spéc-ünïcode.md",
                "check a=b",
            })
    void aPlainCheckHasTheFieldsPicocliSets(String line) throws Exception {
        String[] args = split(line);

        CheckCommand plain = CheckCommand.plain(args);

        assertThat(plain).as("plain: %s", line).isNotNull();
        assertThat(fields(plain)).isEqualTo(fields(picocli(args)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "status .",
                "--version",
                "check --help",
                "check -h",
                "check --format json .",
                "check -f text .",
                "check --today=2026-11-25 .",
                "check --today 2026-13-45 .",
                "check --today 1969-12-31 .",
                "check --today",
                "check --today --strict .",
                "check --today -1 .",
                "check --today 2026-11-25 --today 2026-11-26 .",
                "check --strict --strict .",
                "check --cache --no-cache .",
                "check --cache --cache .",
                "check -",
                "check --stdin-filename a.md -",
                "check -- .",
                "check --stacktrace .",
                "check @args.txt",
                "check --today @date.txt .",
                "check --fix .",
                "check --bogus .",
                "check --STRICT .",
                "check --changed-since HEAD .",
                "check --config x.yml .",
                "check --no-config .",
                "check -o out.txt .",
            })
    void anyOtherCommandLineIsLeftToPicocli(String line) {
        assertThat(CheckCommand.plain(split(line))).as("not plain: %s", line).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "a\0b"})
    void anEmptyOrImpossiblePathIsLeftToPicocli(String path) {
        assertThat(CheckCommand.plain(new String[] {"check", path})).isNull();
    }

    /** The check command picocli's parse of {@code args} leaves, as {@code Main} configures it. */
    private static CheckCommand picocli(String[] args) throws Exception {
        java.lang.reflect.Method commandLine =
                Class.forName("dev.specgate.cli.Main")
                        .getDeclaredMethod("commandLine", String[].class);
        commandLine.setAccessible(true);
        CommandLine cl = (CommandLine) commandLine.invoke(null, (Object) args);
        cl.parseArgs(args);
        return cl.getSubcommands().get("check").getCommand();
    }

    /**
     * Every field of the command and of its option objects (common, configuration), by name, except
     * picocli's model and the writers, which the two ways of running set differently.
     */
    private static Map<String, Object> fields(Object command) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        collect(command, command.getClass(), "", values);
        return values;
    }

    private static void collect(Object o, Class<?> type, String prefix, Map<String, Object> into)
            throws IllegalAccessException {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            types.add(c);
        }
        for (Class<?> c : types) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        || f.getType() == CommandLine.Model.CommandSpec.class
                        || (c == BaseCommand.class && f.getName().startsWith("plain"))) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(o);
                String name = prefix + c.getSimpleName() + "." + f.getName();
                if (v != null && v.getClass().getName().startsWith("dev.specgate.cli.common.")) {
                    collect(v, v.getClass(), name + "/", into);
                } else {
                    into.put(name, v);
                }
            }
        }
    }

    private static String[] split(String line) {
        // two spaces keep an argument with its spaces: "--today  2026-11-25 " is "--today",
        // " 2026-11-25 "
        if (line.contains("  ")) {
            int at = line.indexOf("  ");
            String head = line.substring(0, at);
            String rest = line.substring(at + 1);
            int end = rest.indexOf(' ', 1);
            List<String> args = new ArrayList<>(List.of(head.split(" ")));
            args.add(rest.substring(0, end + 1));
            String tail = rest.substring(end + 1).strip();
            if (!tail.isEmpty()) {
                args.addAll(List.of(tail.split(" ")));
            }
            return args.toArray(String[]::new);
        }
        return line.split(" ");
    }
}
