package dev.specgate.bench.jmh;

import dev.specgate.bench.corpus.CorpusMain;
import dev.specgate.bench.corpus.GeneratedSpec;
import dev.specgate.bench.corpus.SpecCorpusGenerator;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.SpecChecker;
import dev.specgate.core.parse.SpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process check throughput over a generated corpus, one spec per operation, on one thread. The
 * {@code bytes} counter is the rate in bytes per second: divide by 10^6 for MB/s.
 *
 * <ul>
 *   <li>{@code checkText}: parse and every rule, from text already in memory;
 *   <li>{@code checkFile}: the same from disk (read, strict UTF-8 decode, parse, rules), as the CLI
 *       does for each file;
 *   <li>{@code parseOnly}: the parser alone.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CheckThroughputBenchmark {

    /** How many specs the corpus holds (1 % of them defective). */
    @Param("500")
    public int specs;

    private Path dir;
    private List<Path> files;
    private String[] texts;
    private int[] sizes;
    private SpecChecker checker;
    private SpecParser parser;
    private CheckOptions options;

    /** Bytes processed, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
        int next;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SpecCorpusGenerator corpus = SpecCorpusGenerator.of(42, specs - specs / 100, specs / 100);
        dir = Files.createTempDirectory("specgate-jmh");
        CorpusMain.write(corpus, dir);
        List<GeneratedSpec> generated = corpus.specs().toList();
        files =
                generated.stream()
                        .map(s -> dir.resolve("directives/spec/" + s.fileName()))
                        .toList();
        texts = new String[generated.size()];
        sizes = new int[generated.size()];
        for (int i = 0; i < texts.length; i++) {
            GeneratedSpec s = generated.get(i);
            texts[i] = s.defect().isPresent() ? "" : s.text();
            sizes[i] = s.content().length;
        }
        checker = SpecChecker.standard();
        parser = checker.parser();
        options = CheckOptions.asOf(SpecCorpusGenerator.REFERENCE_DATE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private int next(Bytes b) {
        int i = b.next;
        b.next = i + 1 == files.size() ? 0 : i + 1;
        b.bytes += sizes[i];
        return i;
    }

    @Benchmark
    public int checkText(Bytes b) {
        int i = next(b);
        return checker.check(files.get(i), texts[i], options).diagnostics().size();
    }

    @Benchmark
    public int checkFile(Bytes b) {
        int i = next(b);
        return checker.checkFile(files.get(i), options).diagnostics().size();
    }

    @Benchmark
    public Object parseOnly(Bytes b) {
        return parser.parse(texts[next(b)]);
    }
}
