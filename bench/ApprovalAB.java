import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.*;
import java.util.*;

/**
 * The approval checks alone, two jars side by side in one JVM: each jar in its own class loader
 * reads and parses (as a check does, {@code SpecParser.parseChars}) every spec of a corpus that holds
 * an {@code **Approval:**} line, then times {@code Approvals.check(source, document)} of them all
 * (the fingerprint, its SHA-256 and the record), the jars alternating round by round (A B, B A, ...)
 * so that both see the same load. Prints each round's thread CPU and the median of the paired
 * ratios B/A over the rounds after the first two.
 *
 * <p>Both jars hash with libcrypto ({@code specgate.sha256=native}, set unless given): NSS can be
 * configured only once in a JVM, so under the default the first jar linked NSS and the second fell
 * back to libcrypto (Java 22+, ~10 % cheaper on the same bytes: the second jar ~1 % lower in a run
 * of one jar against itself) or, on Java 17-21, to the JDK's digest (4 times dearer). On Java
 * 17-21 it refuses to run unless {@code -Dspecgate.sha256=java} (the JDK's digest for both) is
 * given. Which digest each jar's checks used is printed after the first round.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xms256m -Xmn40m -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED \
 *     bench/ApprovalAB.java DIR 14 /tmp/old.jar specgate-cli/target/specgate.jar
 * </pre>
 */
public class ApprovalAB {
  /** What the checks gave, kept so that no call is left out. */
  static int sink;

  record Jar(String name, Method of, Method content, Object parser, Method parseChars, Object approvals, Method check) {
    static Jar load(String path) throws Exception {
      ClassLoader cl = new URLClassLoader(new URL[] {Path.of(path).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> source = cl.loadClass("dev.specgate.core.edit.SpecSource");
      Class<?> text = cl.loadClass("dev.specgate.core.input.SpecText");
      Class<?> parser = cl.loadClass("dev.specgate.core.parse.SpecParser");
      Class<?> doc = cl.loadClass("dev.specgate.core.model.SpecDocument");
      Class<?> appr = cl.loadClass("dev.specgate.core.approval.Approvals");
      return new Jar(Path.of(path).getFileName().toString(), source.getMethod("of", byte[].class), source.getMethod("content"),
          parser.getConstructor().newInstance(), parser.getMethod("parseChars", text), appr.getMethod("standard").invoke(null),
          appr.getMethod("check", source, doc));
    }
  }
  public static void main(String[] a) throws Exception {
    if (System.getProperty("specgate.sha256") == null) {
      if (Runtime.version().feature() < 22) {
        System.err.println("ApprovalAB: on Java " + Runtime.version().feature() + " the second jar cannot link NSS (one SunPKCS11 for NSS"
            + " a JVM) and would hash the JDK's way: run it on Java 22+ (both jars libcrypto), or give -Dspecgate.sha256=java");
        System.exit(2);
      }
      System.setProperty("specgate.sha256", "native");
    }
    List<byte[]> files = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        byte[] b = Files.readAllBytes(p);
        if (new String(b, java.nio.charset.StandardCharsets.UTF_8).contains("**Approval:**")) files.add(b);
      }
    }
    int rounds = Integer.parseInt(a[1]);
    Jar[] jars = {Jar.load(a[2]), Jar.load(a[3])};
    var mx = ManagementFactory.getThreadMXBean();
    long[][] t = new long[rounds][2];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        int j = (r % 2 == 0) ? k : 1 - k;
        Jar jar = jars[j];
        Object[] src = new Object[files.size()]; Object[] docs = new Object[files.size()];
        for (int i = 0; i < files.size(); i++) {
          try { src[i] = jar.of.invoke(null, (Object) files.get(i)); } catch (Exception e) { continue; }
          docs[i] = jar.parseChars.invoke(jar.parser, jar.content.invoke(src[i]));
        }
        long c0 = mx.getCurrentThreadCpuTime();
        int h = 0;
        for (int i = 0; i < files.size(); i++) {
          if (src[i] == null) continue;
          h += jar.check.invoke(jar.approvals, src[i], docs[i]).hashCode();
        }
        t[r][j] = mx.getCurrentThreadCpuTime() - c0;
        sink += h;
        System.out.printf("round %d %s %.1f ms%n", r, jar.name, t[r][j] / 1e6);
        if (r == 0) {
          Class<?> sha = jar.check.getDeclaringClass().getClassLoader().loadClass("dev.specgate.core.approval.Sha256");
          java.lang.reflect.Field linked = sha.getDeclaredField("linked");
          linked.setAccessible(true);
          Object d = linked.get(null);
          System.out.println("  " + jar.name + "'s digest: " + (d == null ? "the JDK's" : d.getClass().getSimpleName()));
        }
      }
    }
    List<Double> ratios = new ArrayList<>();
    System.out.println(files.size() + " approved specs, " + rounds + " rounds, thread CPU per round");
    for (int r = 2; r < rounds; r++) ratios.add((double) t[r][1] / t[r][0]);
    Collections.sort(ratios);
    int n = ratios.size();
    System.out.printf("%s/%s ratio median %.3f quartiles %.3f %.3f, lower in %d of %d%n", jars[1].name, jars[0].name,
        ratios.get(n / 2), ratios.get(n / 4), ratios.get(3 * n / 4), ratios.stream().filter(x -> x < 1).count(), n);
    long[] a0 = new long[rounds-2], a1 = new long[rounds-2];
    for (int r = 2; r < rounds; r++) { a0[r-2] = t[r][0]; a1[r-2] = t[r][1]; }
    Arrays.sort(a0); Arrays.sort(a1);
    System.out.printf("medians %s %.1f ms, %s %.1f ms%n", jars[0].name, a0[a0.length/2]/1e6, jars[1].name, a1[a1.length/2]/1e6);
  }
}
