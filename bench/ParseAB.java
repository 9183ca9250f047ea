import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parse path of two (or more) jars side by side in one JVM: each jar in its own class loader
 * (so each has its own compiled code), decoding and parsing up to N specs of a corpus per round,
 * the jars alternating round by round (A B, B A, ...) so that both see the same load. Prints each
 * jar's thread CPU per round and, for two jars, the median of the paired ratios B/A over the rounds
 * after the first two: a shared machine's load moves both sides of a pair alike, where separate
 * runs (bench/parse-cpu.sh) do not resolve a change below ~5 %.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xms64m -Xmn40m -XX:TieredStopAtLevel=1 bench/ParseAB.java \
 *     DIR 1000 50 /tmp/old.jar specgate-cli/target/specgate.jar
 * </pre>
 */
public class ParseAB {

    /** One jar's entry points, loaded in its own class loader. */
    private record Jar(String name, Method of, Method text, Object parser, Method parse,
            Method sections) {

        static Jar load(String path) throws Exception {
            ClassLoader cl =
                    new URLClassLoader(
                            new URL[] {Path.of(path).toUri().toURL()},
                            ClassLoader.getPlatformClassLoader());
            Class<?> source = cl.loadClass("dev.specgate.core.edit.SpecSource");
            Class<?> parser = cl.loadClass("dev.specgate.core.parse.SpecParser");
            return new Jar(
                    Path.of(path).getFileName().toString(),
                    source.getMethod("of", byte[].class),
                    source.getMethod("text"),
                    parser.getConstructor().newInstance(),
                    parser.getMethod("parse", String.class),
                    cl.loadClass("dev.specgate.core.model.SpecDocument").getMethod("sections"));
        }

        /** Decodes and parses one spec; returns its section count (so nothing is optimised away). */
        int run(byte[] bytes) throws Exception {
            Object document = parse.invoke(parser, text.invoke(of.invoke(null, (Object) bytes)));
            return ((List<?>) sections.invoke(document)).size();
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
        List<byte[]> specs = new ArrayList<>();
        for (Path p : files) {
            byte[] b = Files.readAllBytes(p);
            try {
                jars.get(0).run(b);
                specs.add(b);
            } catch (Exception e) {
                // the corpus's unreadable specs (binary, bad UTF-8) test errors, not parsing
            }
        }
        var threads = ManagementFactory.getThreadMXBean();
        int n = jars.size();
        long[][] ms = new long[n][rounds];
        long[] sections = new long[n];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int j = r % 2 == 0 ? k : n - 1 - k; // A B, then B A: neither always goes first
                long t0 = threads.getCurrentThreadCpuTime();
                for (byte[] b : specs) {
                    sections[j] += jars.get(j).run(b);
                }
                ms[j][r] = (threads.getCurrentThreadCpuTime() - t0) / 1_000_000;
            }
        }
        System.out.println(specs.size() + " specs, " + rounds + " rounds, CPU ms per round");
        for (int j = 0; j < n; j++) {
            long[] later = Arrays.copyOfRange(ms[j], 2, rounds);
            Arrays.sort(later);
            System.out.println(
                    jars.get(j).name()
                            + ": median "
                            + later[later.length / 2]
                            + ", min "
                            + later[0]
                            + " (rounds 3 on); all "
                            + Arrays.toString(ms[j])
                            + " ("
                            + sections[j]
                            + " sections)");
        }
        if (n == 2) {
            double[] ratio = new double[rounds - 2];
            int lower = 0;
            int equal = 0;
            for (int r = 2; r < rounds; r++) {
                ratio[r - 2] = (double) ms[1][r] / ms[0][r];
                lower += ms[1][r] < ms[0][r] ? 1 : 0;
                equal += ms[1][r] == ms[0][r] ? 1 : 0;
            }
            Arrays.sort(ratio);
            System.out.printf(
                    "paired ratio %s / %s: median %.3f (quartiles %.3f, %.3f), %s lower in %d"
                            + " of %d pairs (%d equal)%n",
                    jars.get(1).name(),
                    jars.get(0).name(),
                    ratio[ratio.length / 2],
                    ratio[ratio.length / 4],
                    ratio[3 * ratio.length / 4],
                    jars.get(1).name(),
                    lower,
                    rounds - 2,
                    equal);
        }
    }
}
