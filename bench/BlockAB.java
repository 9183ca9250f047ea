import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The block pass alone (the one-pass parser's {@code SubsetBlockParser.parseCounted}, building
 * what a check builds, {@code Detail.MODEL}) of two (or more) jars side by side in one JVM, as
 * {@code bench/ParseAB.java} does for the whole parse: each jar in its own class loader, the specs
 * decoded once before timing, the jars alternating round by round (A B, B A, ...). Prints each
 * jar's thread CPU per round in tenths of a millisecond and, for two jars, the median of the paired
 * ratios B/A over the rounds after the first two. {@code -Ddetail=TREE} times commonmark's whole
 * tree instead. The jars must hold {@code dev.specgate.core.parse.internal.SubsetBlockParser} with
 * {@code parseCounted(String, char[], int, Detail)} (main since 2026-12-06).
 *
 * <pre>
 * java -XX:+UseSerialGC -Xms64m -Xmn40m -XX:TieredStopAtLevel=1 bench/BlockAB.java \
 *     DIR 2000 30 /tmp/old.jar specgate-cli/target/specgate.jar
 * </pre>
 */
public class BlockAB {

    /** commonmark's {@code maxOpenBlockParsers} as a check passes it ({@code SpecParser}). */
    private static final int MAX_OPEN_BLOCKS = 32;

    /** One jar's block pass, loaded in its own class loader. */
    private record Jar(String name, Method parse, Object detail) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        static Jar load(String path) throws Exception {
            ClassLoader cl =
                    new URLClassLoader(
                            new URL[] {Path.of(path).toUri().toURL()},
                            ClassLoader.getPlatformClassLoader());
            String parser = "dev.specgate.core.parse.internal.SubsetBlockParser";
            Class<Enum> detail = (Class<Enum>) cl.loadClass(parser + "$Detail");
            return new Jar(
                    Path.of(path).getFileName().toString(),
                    cl.loadClass(parser)
                            .getMethod(
                                    "parseCounted",
                                    String.class,
                                    char[].class,
                                    int.class,
                                    detail),
                    Enum.valueOf(detail, System.getProperty("detail", "MODEL")));
        }

        /** Parses one spec: 1 when it took the fast path, 0 when it was declined. */
        int run(String text, char[] chars) throws Exception {
            return parse.invoke(null, text, chars, MAX_OPEN_BLOCKS, detail) == null ? 0 : 1;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int limit = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<Jar> jars = new ArrayList<>();
        for (int j = 3; j < args.length; j++) {
            jars.add(Jar.load(args[j]));
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files =
                    s.filter(p -> p.toString().endsWith(".md"))
                            .sorted()
                            .limit(limit)
                            .collect(Collectors.toList());
        }
        List<String> texts = new ArrayList<>();
        for (Path p : files) {
            // lenient decoding: a spec of bad UTF-8 is declined or parsed alike by both jars
            texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        }
        List<char[]> chars = texts.stream().map(String::toCharArray).toList();
        var threads = ManagementFactory.getThreadMXBean();
        int n = jars.size();
        long[][] tenths = new long[n][rounds];
        long[] fast = new long[n];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int j = r % 2 == 0 ? k : n - 1 - k; // A B, then B A: neither always goes first
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < texts.size(); i++) {
                    fast[j] += jars.get(j).run(texts.get(i), chars.get(i));
                }
                tenths[j][r] = (threads.getCurrentThreadCpuTime() - t0) / 100_000;
            }
        }
        System.out.println(
                texts.size()
                        + " specs, "
                        + rounds
                        + " rounds, CPU per round in 0.1 ms; load "
                        + Files.readString(Path.of("/proc/loadavg")).trim());
        for (int j = 0; j < n; j++) {
            long[] later = Arrays.copyOfRange(tenths[j], 2, rounds);
            Arrays.sort(later);
            System.out.println(
                    jars.get(j).name()
                            + ": median "
                            + later[later.length / 2]
                            + ", min "
                            + later[0]
                            + " (rounds 3 on); all "
                            + Arrays.toString(tenths[j])
                            + " ("
                            + fast[j]
                            + " fast-path parses)");
        }
        if (n == 2) {
            double[] ratio = new double[rounds - 2];
            for (int r = 2; r < rounds; r++) {
                ratio[r - 2] = (double) tenths[1][r] / tenths[0][r];
            }
            Arrays.sort(ratio);
            System.out.printf(
                    "paired ratio %s / %s: median %.3f (quartiles %.3f, %.3f)%n",
                    jars.get(1).name(),
                    jars.get(0).name(),
                    ratio[ratio.length / 2],
                    ratio[ratio.length / 4],
                    ratio[3 * ratio.length / 4]);
        }
    }
}
