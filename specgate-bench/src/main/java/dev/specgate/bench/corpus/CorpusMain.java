package dev.specgate.bench.corpus;

import dev.specgate.core.schema.SectionSpec;
import dev.specgate.core.schema.TemplateSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a generated corpus to a directory, or markdownlint-cli2's configuration for the template's
 * headings.
 *
 * <pre>
 * corpus --out DIR [--specs N] [--defective M] [--seed S] [--spec-bytes B]
 * md043 --out FILE
 * </pre>
 *
 * A corpus goes to {@code DIR/directives/spec/*.md}, with {@code DIR/manifest.tsv} listing each
 * file, its size and its planted defect.
 */
public final class CorpusMain {

    private CorpusMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage("a command is required");
        }
        String out = null;
        int specs = 1_000;
        int defective = 0;
        long seed = 42;
        int specBytes = SpecCorpusGenerator.DEFAULT_SPEC_BYTES;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--out" -> out = v;
                case "--specs" -> specs = Integer.parseInt(v);
                case "--defective" -> defective = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--spec-bytes" -> specBytes = Integer.parseInt(v);
                default -> usage("unknown option " + a);
            }
        }
        if (out == null) {
            usage("--out is required");
        }
        switch (args[0]) {
            case "corpus" -> {
                long bytes =
                        write(
                                SpecCorpusGenerator.of(seed, specs - defective, defective)
                                        .withSpecBytes(specBytes),
                                Path.of(out));
                System.out.printf(
                        Locale.ROOT,
                        "wrote %d specs (%d defective), %.1f MB, to %s%n",
                        specs,
                        defective,
                        bytes / 1e6,
                        out);
            }
            case "md043" -> {
                Files.writeString(Path.of(out), md043Config(TemplateSchema.builtin()));
                System.out.println("wrote " + out);
            }
            default -> usage("unknown command " + args[0]);
        }
    }

    private static void usage(String problem) {
        System.err.println("corpus: " + problem);
        System.err.println(
                "usage: corpus --out DIR [--specs N] [--defective M] [--seed S] [--spec-bytes B]");
        System.err.println("       md043 --out FILE");
        System.exit(2);
    }

    /** Writes every spec of the corpus under {@code dir}; returns the bytes written. */
    public static long write(SpecCorpusGenerator corpus, Path dir) throws IOException {
        Path specDir = Files.createDirectories(dir.resolve("directives").resolve("spec"));
        AtomicLong bytes = new AtomicLong();
        String[] manifest = new String[corpus.size()];
        corpus.specs()
                .parallel()
                .forEach(
                        s -> {
                            try {
                                Files.write(specDir.resolve(s.fileName()), s.content());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            bytes.addAndGet(s.content().length);
                            manifest[s.index()] =
                                    s.fileName()
                                            + "\t"
                                            + s.content().length
                                            + "\t"
                                            + s.defect().map(Enum::name).orElse("-")
                                            + "\t"
                                            + s.defect().map(Defect::ruleId).orElse("-");
                        });
        List<String> lines = new ArrayList<>();
        lines.add("file\tbytes\tdefect\trule");
        lines.addAll(List.of(manifest));
        Files.write(dir.resolve("manifest.tsv"), lines, StandardCharsets.UTF_8);
        return bytes.get();
    }

    /**
     * markdownlint-cli2's configuration with only MD043 (required-headings) on, its headings
     * derived from the template: any title ({@code ?}), then each template heading in order, with
     * any extra headings ({@code *}) allowed after each.
     */
    public static String md043Config(TemplateSchema schema) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"config\": {\n    \"default\": false,\n    \"MD043\": {\n");
        sb.append("      \"headings\": [\n        \"?\"");
        for (SectionSpec s : schema.sections()) {
            sb.append(",\n        ").append(json(s.heading())).append(",\n        \"*\"");
        }
        sb.append("\n      ]\n    }\n  }\n}\n");
        return sb.toString();
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
