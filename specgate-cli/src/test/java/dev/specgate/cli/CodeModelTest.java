package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.cli.check.CheckCommand;
import dev.specgate.cli.common.CodeModel;
import dev.specgate.cli.common.CommonOptions;
import dev.specgate.cli.common.ConfigOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The picocli models built in code ({@link CodeModel}) are the models picocli reads from the same
 * classes' annotations: every attribute of every option and parameter, in the same order, and the
 * same help, usage errors and completion script. An option added to the annotations only (or to the
 * code only) fails here.
 */
class CodeModelTest {

    /** Accessors that are bindings, back references or per-run state rather than the model. */
    private static final Set<String> NOT_THE_MODEL =
            Set.of(
                    "getter",
                    "setter",
                    "scope",
                    "userObject",
                    "command",
                    "annotatedElement",
                    "typeInfo",
                    "toString",
                    "hashCode",
                    "getClass",
                    "getValue",
                    "stringValues",
                    "originalStringValues",
                    "rawStringValues",
                    "typedValues",
                    "typedValueAtPosition",
                    "group",
                    "root",
                    "messages",
                    "parameterConsumer",
                    "preprocessor",
                    "converters",
                    "scopeString",
                    "argGroup",
                    "sectionMap",
                    "helpFactory");

    @Test
    void checksModelIsItsAnnotations() {
        assertSameModel(CheckCommand.model(), CommandSpec.forAnnotatedObject(new CheckCommand()));
    }

    @Test
    void theTopLevelModelIsItsAnnotation() {
        assertSameModel(
                SpecgateCommand.model(), CommandSpec.forAnnotatedObject(new SpecgateCommand()));
    }

    @Test
    void mixinsAreTheirAnnotations() {
        assertSameModel(
                new CommonOptions().mixin(), CommandSpec.forAnnotatedObject(new CommonOptions()));
        assertSameModel(
                new ConfigOptions().mixin(), CommandSpec.forAnnotatedObject(new ConfigOptions()));
        assertSameModel(
                CodeModel.standardHelpOptions(),
                CommandSpec.create()
                        .mixinStandardHelpOptions(true)
                        .mixins()
                        .get(CodeModel.STANDARD_HELP_MIXIN));
    }

    @Test
    void helpErrorsAndCompletionAreTheAnnotatedOnes() {
        for (String[] args :
                List.of(
                        new String[] {"--help"},
                        new String[] {"check", "--help"},
                        new String[] {"check", "-h"},
                        new String[] {"check", "--bogus"},
                        new String[] {"check", "--format", "xml", "x"},
                        new String[] {"check", "--color", "sometimes", "x"},
                        new String[] {"check", "--today", "2026-13-01", "x"},
                        new String[] {"check", "--output"},
                        new String[] {"check", ""},
                        new String[] {"chek"})) {
            assertThat(run(Main.commandLine(args), args))
                    .as(String.join(" ", args))
                    .isEqualTo(run(annotated(args), args));
        }
        CommandLine code = Main.commandLine(new String[] {"completion"});
        CommandLine reflected = annotated(new String[] {"completion"});
        assertThat(AutoComplete.bash("specgate", code))
                .isEqualTo(AutoComplete.bash("specgate", reflected));
        assertThat(usageOfEveryCommand(code)).isEqualTo(usageOfEveryCommand(reflected));
    }

    /** What {@link Main#commandLine(String[])} builds, with every model read from annotations. */
    private static CommandLine annotated(String[] args) {
        CommandLine cl = new CommandLine(new SpecgateCommand());
        String first = args.length > 0 ? args[0] : "";
        SpecgateCommand.COMMANDS.forEach(
                (name, command) -> {
                    if (first.equals(name)
                            || !SpecgateCommand.COMMANDS.containsKey(first)
                            || SpecgateCommand.NEED_EVERY_COMMAND.contains(first)) {
                        cl.addSubcommand(
                                name, name.equals("check") ? new CheckCommand() : command.get());
                    }
                });
        return Main.configure(cl);
    }

    private static String run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return code + "\n" + out + "\n" + err;
    }

    private static String usageOfEveryCommand(CommandLine cl) {
        StringBuilder all = new StringBuilder(cl.getUsageMessage());
        cl.getSubcommands().values().forEach(sub -> all.append(usageOfEveryCommand(sub)));
        return all.toString();
    }

    private static void assertSameModel(CommandSpec code, CommandSpec annotated) {
        assertThat(describe(code).lines().toList())
                .containsExactlyElementsOf(describe(annotated).lines().toList());
    }

    /** Every attribute of the command's model, one per line, in a stable order. */
    private static String describe(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        out.append(attributes("command", spec, CommandSpec.class));
        out.append(attributes("usage", spec.usageMessage(), spec.usageMessage().getClass()));
        out.append("mixins ").append(spec.mixins().keySet()).append('\n');
        out.append("version ").append(Arrays.toString(spec.version())).append('\n');
        out.append("mixinStandardHelpOptions ")
                .append(spec.mixinStandardHelpOptions())
                .append('\n');
        for (ArgSpec arg : spec.args()) {
            String name =
                    arg.isOption()
                            ? ((CommandLine.Model.OptionSpec) arg).longestName()
                            : arg.paramLabel();
            out.append(attributes(name, arg, arg.getClass()));
            out.append(name)
                    .append(" converters ")
                    .append(
                            Arrays.stream(arg.converters())
                                    .map(c -> c.getClass().getName())
                                    .toList())
                    .append('\n');
        }
        return out.toString();
    }

    private static String attributes(String prefix, Object o, Class<?> type) {
        Map<String, String> values = new TreeMap<>();
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || m.getReturnType() == void.class
                    || NOT_THE_MODEL.contains(m.getName())
                    || m.getDeclaringClass() == Object.class
                    || CommandSpec.class.isAssignableFrom(m.getReturnType())
                    || CommandLine.class.isAssignableFrom(m.getReturnType())
                    || m.getReturnType().getName().startsWith("picocli.CommandLine$Model$")
                    || (type == CommandSpec.class
                            && !m.getReturnType().isPrimitive()
                            && m.getReturnType() != String.class
                            && m.getReturnType() != String[].class)) {
                continue;
            }
            try {
                Object v = m.invoke(o);
                values.put(
                        m.getName(),
                        v instanceof Object[] a ? Arrays.deepToString(a) : String.valueOf(v));
            } catch (ReflectiveOperationException | RuntimeException e) {
                values.put(m.getName(), "throws " + e.getClass().getSimpleName());
            }
        }
        StringBuilder out = new StringBuilder();
        values.forEach(
                (k, v) ->
                        out.append(prefix)
                                .append(' ')
                                .append(k)
                                .append(' ')
                                .append(v)
                                .append('\n'));
        return out.toString();
    }
}
