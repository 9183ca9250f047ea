import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.parse.SpecParser;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parse path alone, on one thread: reads up to N specs of a corpus into memory once, then
 * decodes and parses all of them ROUNDS times, printing each round's thread CPU time in ms. Run by
 * bench/parse-cpu.sh against a shaded jar (java source-file mode), C1 only as the launcher runs.
 */
public class ParseCpu {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int limit = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
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
                SpecSource.of(b);
                specs.add(b);
            } catch (Exception e) {
                // the corpus's unreadable specs (binary, bad UTF-8) test errors, not parsing
            }
        }
        SpecParser parser = new SpecParser();
        var threads = ManagementFactory.getThreadMXBean();
        long sections = 0;
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rounds; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (byte[] b : specs) {
                sections += parser.parse(SpecSource.of(b).text()).sections().size();
            }
            out.append(' ').append((threads.getCurrentThreadCpuTime() - t0) / 1_000_000);
        }
        System.out.println(specs.size() + " specs, CPU ms per round:" + out + " (" + sections + ")");
    }
}
