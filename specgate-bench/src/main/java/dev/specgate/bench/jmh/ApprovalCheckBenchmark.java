package dev.specgate.bench.jmh;

import dev.specgate.bench.corpus.GeneratedSpec;
import dev.specgate.bench.corpus.SpecCorpusGenerator;
import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The approval check a {@code check} makes for each approved spec ({@code Approvals.check} from the
 * bytes read and the document parsed; issue 16 §6), alone, over the approved specs of a generated
 * corpus, one pass over all of them per operation, on one thread, in a JVM run as the launcher runs
 * it (C1 only, serial collector). {@code digest}: {@code native} (libcrypto on Java 22+, NSS
 * through SunPKCS11 before) or {@code java} (the JDK's SHA-256 under C1). Steady state only: what a
 * cold run pays on top (linking the native digest, compiling the pass) is measured by {@code
 * bench/approval-cpu.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {
            "-XX:+UseSerialGC",
            "-Xms256m",
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED"
        })
public class ApprovalCheckBenchmark {

    /** How many specs the corpus holds (about half of them are approved and carry a record). */
    @Param("1000")
    public int specs;

    /** {@code specgate.sha256}: {@code native} or {@code java}. */
    @Param({"native", "java"})
    public String digest;

    private final List<SpecSource> sources = new ArrayList<>();
    private final List<SpecDocument> documents = new ArrayList<>();

    /** Bytes of the approved specs, for a rate: printed once at set-up. */
    private long bytes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        System.setProperty("specgate.sha256", digest);
        SpecParser parser = new SpecParser();
        Approvals approvals = Approvals.standard();
        for (GeneratedSpec s : SpecCorpusGenerator.of(42, specs, 0).specs().toList()) {
            SpecSource source = SpecSource.of(s.text().getBytes(StandardCharsets.UTF_8));
            SpecDocument doc = parser.parse(source.text());
            if (approvals.recordField(doc).isPresent()) {
                sources.add(source);
                documents.add(doc);
                bytes += source.bytes().length;
            }
        }
        System.out.printf(
                "%n%d approved specs, %.1f MB, digest %s%n", sources.size(), bytes / 1e6, digest);
    }

    @Benchmark
    public int checkApprovals() {
        Approvals approvals = Approvals.standard();
        int stale = 0;
        for (int i = 0; i < sources.size(); i++) {
            ApprovalCheck check = approvals.check(sources.get(i), documents.get(i));
            if (check.stale()) {
                stale++;
            }
        }
        if (stale != 0) {
            throw new IllegalStateException(stale + " generated approvals are stale");
        }
        return stale;
    }
}
