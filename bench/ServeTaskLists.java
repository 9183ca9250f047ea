import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import dev.specgate.web.internal.CoreAdapter;
import dev.specgate.web.internal.LiveProject;
import java.nio.file.*;
import java.time.LocalDate;
import java.util.*;

/**
 * serve's rebuild after a spec save (bench/serve-task-lists.sh): opens PROJECT, reloads it, then
 * ROUNDS times appends a line to one spec and times LiveProject.update, wall and process CPU;
 * prints the medians and the task lists' errors counted. Edits PROJECT: give it a copy.
 */
public class ServeTaskLists {
    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]).toAbsolutePath();
        int rounds = Integer.parseInt(a[1]);
        SpecProject p = SpecProject.open(root, ConfigChoice.nearest());
        LiveProject live = new LiveProject(root, new CoreAdapter(p), () -> LocalDate.of(2026, 11, 25), "p");
        long t0 = System.nanoTime();
        live.reload();
        long t1 = System.nanoTime();
        List<Path> specs;
        try (var s = Files.list(root.resolve("directives/spec"))) { specs = s.sorted().toList(); }
        long[] times = new long[rounds];
        long[] cpu = new long[rounds];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < rounds; i++) {
            Path spec = specs.get(i % specs.size());
            Files.writeString(spec, Files.readString(spec) + "\nSaved " + i + ".\n");
            long c = os.getProcessCpuTime();
            long s = System.nanoTime();
            live.update(Set.of(spec));
            times[i] = System.nanoTime() - s;
            cpu[i] = os.getProcessCpuTime() - c;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf("reload %.0f ms; update after a spec save: wall median %.1f ms, min %.1f; CPU median %.1f ms, min %.1f; taskLists errors %d%n",
            (t1 - t0) / 1e6, times[rounds / 2] / 1e6, times[0] / 1e6, cpu[rounds / 2] / 1e6, cpu[0] / 1e6,
            live.snapshot().portfolio().taskLists().errors());
    }
}
