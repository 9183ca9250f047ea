package dev.specgate.dist;

import dev.specgate.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes what the release archive ships besides the jar, from picocli's model of the command line
 * (the one the jar runs): the man pages as AsciiDoc (picocli-codegen's {@link ManPageGenerator};
 * the build turns them into troff), and the bash, zsh and fish completion scripts ({@code specgate
 * completion SHELL}'s output).
 *
 * <p>Run by the build: {@code ReleaseDocs OUT_DIR} writes {@code OUT_DIR/adoc/*.adoc} and {@code
 * OUT_DIR/completions/specgate.{bash,zsh,fish}}.
 *
 * <p>picocli writes the help texts into the AsciiDoc as they are, where Asciidoctor would read
 * their asterisks and backticks as markup (the glob of {@code check}'s description lost two of its
 * asterisks and turned bold): {@link #literalText} writes them as the attribute references {@code
 * {asterisk}} and {@code {backtick}}, which Asciidoctor prints as the characters.
 */
public final class ReleaseDocs {

    private ReleaseDocs() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ReleaseDocs OUT_DIR");
        }
        Path out = Path.of(args[0]);
        Path adoc = out.resolve("adoc");
        Path completions = out.resolve("completions");
        Files.createDirectories(adoc);
        Files.createDirectories(completions);

        CommandLine cl = Main.commandLine();
        int code =
                ManPageGenerator.generateManPage(
                        adoc.toFile(), null, new boolean[0], true, cl.getCommandSpec());
        if (code != 0) {
            throw new IOException("picocli's ManPageGenerator failed with exit code " + code);
        }
        try (Stream<Path> pages = Files.list(adoc)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                Files.writeString(
                        page,
                        literalText(Files.readString(page, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            }
        }
        for (String shell : new String[] {"bash", "zsh", "fish"}) {
            Files.writeString(
                    completions.resolve("specgate." + shell),
                    completion(shell),
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code page} (a man page as picocli's generator writes it) with the {@code *} and backticks
     * of the help texts written as attribute references, so that Asciidoctor prints them as they
     * are: the lines of the description, option, argument, command, exit-code and footer sections
     * that are text, not the section titles, comments, list terms ({@code *--fix*::}) or the
     * synopsis and name, whose marks picocli wrote.
     */
    static String literalText(String page) {
        StringBuilder out = new StringBuilder(page.length() + 64);
        boolean text = false;
        for (String line : page.split("\n", -1)) {
            if (line.startsWith("// tag::picocli-generated-man-section-")) {
                String section = line.substring("// tag::picocli-generated-man-section-".length());
                text =
                        !section.startsWith("header")
                                && !section.startsWith("name")
                                && !section.startsWith("synopsis");
            } else if (line.startsWith("// end::")) {
                text = false;
            }
            boolean markup =
                    line.startsWith("//")
                            || line.startsWith("=")
                            || line.startsWith(":")
                            || line.endsWith("::");
            out.append(
                            text && !markup
                                    ? line.replace("*", "{asterisk}").replace("`", "{backtick}")
                                    : line)
                    .append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** {@code specgate completion SHELL}'s output, run through the same command line. */
    private static String completion(String shell) throws IOException {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("completion", shell);
        if (code != 0 || out.toString().isEmpty()) {
            throw new IOException(
                    "specgate completion " + shell + " failed (exit " + code + "): " + err);
        }
        return out.toString();
    }
}
