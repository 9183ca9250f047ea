package dev.specgate.bench.jmh;

import dev.specgate.bench.corpus.GeneratedSpec;
import dev.specgate.bench.corpus.SpecCorpusGenerator;
import dev.specgate.core.check.CheckOptions;
import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.SpecChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * The editor case: re-checking one spec of about 50 KB in a warm process, text already in memory,
 * with its path so that every rule runs (file name, links).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RecheckBenchmark {

    /** The spec's size in bytes. */
    @Param("50000")
    public int specBytes;

    private Path dir;
    private Path file;
    private String text;
    private SpecChecker checker;
    private CheckOptions options;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        GeneratedSpec spec = SpecCorpusGenerator.of(50, 1, 0).withSpecBytes(specBytes).spec(0);
        dir = Files.createTempDirectory("specgate-jmh");
        file = Files.write(dir.resolve(spec.fileName()), spec.content());
        text = spec.text();
        checker = SpecChecker.standard();
        options = CheckOptions.asOf(SpecCorpusGenerator.REFERENCE_DATE);
        System.out.println();
        System.out.println("spec: " + spec.content().length + " bytes");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public CheckResult recheck() {
        return checker.check(file, text, options);
    }
}
