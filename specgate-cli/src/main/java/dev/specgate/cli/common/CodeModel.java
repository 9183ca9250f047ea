package dev.specgate.cli.common;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Helpers for picocli models built in code rather than read from annotations. On a cold JVM picocli
 * reads a command's annotations by reflection, and the first read of each annotation type generates
 * a proxy class: for {@code check} and the top-level command that took longer than checking a spec.
 * The commands on that path build the same model in code ({@code CheckCommand.model()}, {@code
 * SpecgateCommand.model()}); their annotations stay as the reference that {@code CodeModelTest}
 * compares the code-built model with, attribute by attribute and in every help text, completion
 * script and man page.
 */
public final class CodeModel {

    /** The name picocli gives the mixin of {@code mixinStandardHelpOptions = true}. */
    public static final String STANDARD_HELP_MIXIN = "mixinStandardHelpOptions";

    private CodeModel() {}

    /**
     * Binds an option or parameter to a field of its command: {@code get} reads the field, {@code
     * set} writes it.
     */
    public static <V> Binding<V> field(Supplier<V> get, Consumer<V> set) {
        return new Binding<>(get, set);
    }

    /**
     * The {@code -h, --help} and {@code -V, --version} options that {@code mixinStandardHelpOptions
     * = true} adds, as picocli's own mixin declares them (names, description keys and texts).
     */
    public static CommandSpec standardHelpOptions() {
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(null);
        boolean[] requested = new boolean[2];
        mixin.addOption(
                OptionSpec.builder("${picocli.help.name.0:--h}", "${picocli.help.name.1:---help}")
                        .usageHelp(true)
                        .paramLabel("<helpRequested>")
                        .descriptionKey("mixinStandardHelpOptions.help")
                        .description("Show this help message and exit.")
                        .prompt("")
                        .type(boolean.class)
                        .initialValue(false)
                        .setter(flag(requested, 0))
                        .getter(flag(requested, 0))
                        .build());
        mixin.addOption(
                OptionSpec.builder(
                                "${picocli.version.name.0:--V}",
                                "${picocli.version.name.1:---version}")
                        .versionHelp(true)
                        .paramLabel("<versionRequested>")
                        .descriptionKey("mixinStandardHelpOptions.version")
                        .description("Print version information and exit.")
                        .prompt("")
                        .type(boolean.class)
                        .initialValue(false)
                        .setter(flag(requested, 1))
                        .getter(flag(requested, 1))
                        .build());
        return mixin;
    }

    /**
     * Adds {@link #standardHelpOptions()} to {@code spec} last, as {@code mixinStandardHelpOptions
     * = true} does, and returns {@code spec}.
     */
    public static CommandSpec withStandardHelpOptions(CommandSpec spec) {
        spec.addMixin(STANDARD_HELP_MIXIN, standardHelpOptions());
        return spec;
    }

    private static Binding<Boolean> flag(boolean[] values, int index) {
        return field(() -> values[index], v -> values[index] = v != null && v);
    }

    /**
     * A field's getter and setter for picocli (whose interfaces have generic methods, which a
     * lambda cannot implement).
     */
    public static final class Binding<V> implements IGetter, ISetter {

        private final Supplier<V> get;
        private final Consumer<V> set;

        private Binding(Supplier<V> get, Consumer<V> set) {
            this.get = requireNonNull(get, "get must not be null");
            this.set = requireNonNull(set, "set must not be null");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) get.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = (T) get.get();
            set.accept((V) value);
            return old;
        }
    }
}
