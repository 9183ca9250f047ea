import com.sun.management.OperatingSystemMXBean;
import dev.specgate.core.approval.ApprovalCheck;
import dev.specgate.core.approval.Approvals;
import dev.specgate.core.approval.RunSize;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.Section;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import dev.specgate.core.rules.SectionMatch;
import dev.specgate.core.schema.TemplateSchema;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The approval checks of a cold check, alone: reads and parses every spec of a corpus first (not
 * timed), then runs the approval check a check runs ({@code Approvals.check} of each spec with an
 * approval field, with the run's size told to {@code RunSize} and each spec counted as
 * {@code SpecProject.run} does), in file order, on one thread, ROUNDS times. Prints, per round, the
 * process's CPU time (every thread: the digest's link thread, the compiler, the collector) and this
 * thread's, in ms. A jar whose {@code Approvals.check} takes the headings' keys (as a check passes
 * its section match's, {@code RuleContext}) gets them, computed with the parse (not timed); an older
 * jar is checked without. Round 1 is what a cold run pays (the libcrypto or NSS link, C1 compiling the
 * pass, the JDK's digest before the link); later rounds are the steady cost. Run by
 * bench/approval-cpu.sh against a shaded jar (java source-file mode), C1 only as the launcher runs.
 */
public class ApprovalCpu {
    public static void main(String[] args) throws Throwable {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files =
                    s.filter(p -> p.toString().endsWith(".md"))
                            .sorted()
                            .collect(Collectors.toList());
        }
        SpecParser parser = new SpecParser();
        List<SpecSource> sources = new ArrayList<>();
        List<SpecDocument> docs = new ArrayList<>();
        List<Function<Section, String>> keys = new ArrayList<>();
        MethodHandle keyed = keyedCheck();
        TemplateSchema schema = TemplateSchema.builtin();
        for (Path p : files) {
            SpecSource source;
            try {
                source = SpecSource.of(Files.readAllBytes(p));
            } catch (Exception e) {
                continue; // the corpus's unreadable specs: a check reports them, hashes nothing
            }
            sources.add(source);
            SpecDocument doc = parser.parse(source.text());
            docs.add(doc);
            keys.add(keyed == null ? null : SectionMatch.of(doc, schema)::key);
        }
        Approvals approvals = Approvals.standard();
        var process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder();
        int checked = 0;
        int stale = 0;
        for (int r = 0; r < rounds; r++) {
            long p0 = process.getProcessCpuTime();
            long t0 = threads.getCurrentThreadCpuTime();
            checked = 0;
            stale = 0;
            try (RunSize run = RunSize.of(files.size())) {
                for (int i = 0; i < sources.size(); i++) {
                    run.spec();
                    SpecDocument doc = docs.get(i);
                    if (approvals.recordField(doc).isEmpty()) {
                        continue;
                    }
                    ApprovalCheck check =
                            keyed == null
                                    ? approvals.check(sources.get(i), doc)
                                    : (ApprovalCheck)
                                            keyed.invokeExact(
                                                    approvals, sources.get(i), doc, keys.get(i));
                    checked++;
                    if (check.stale()) {
                        stale++;
                    }
                }
            }
            long p1 = process.getProcessCpuTime();
            long t1 = threads.getCurrentThreadCpuTime();
            out.append(' ')
                    .append((p1 - p0) / 1_000_000)
                    .append('/')
                    .append((t1 - t0) / 1_000_000);
        }
        System.out.println(
                sources.size()
                        + " specs, "
                        + checked
                        + " approvals checked"
                        + (keyed == null ? "" : " with the headings' keys")
                        + " ("
                        + stale
                        + " stale); CPU ms per round, process/thread:"
                        + out);
    }

    /** {@code Approvals.check(SpecSource, SpecDocument, Function)}, or null in an older jar. */
    private static MethodHandle keyedCheck() throws IllegalAccessException {
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(
                            Approvals.class,
                            "check",
                            MethodType.methodType(
                                    ApprovalCheck.class,
                                    SpecSource.class,
                                    SpecDocument.class,
                                    Function.class));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
