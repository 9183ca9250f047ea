import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

/**
 * What the approval check of a corpus costs, part by part, in one JVM (the jar on the class path):
 * every spec with an {@code **Approval:**} line is read and parsed as a check parses it, then each
 * part named is timed over all of them, round after round (thread CPU; the first two rounds left
 * out of the medians). Parts:
 * <ul>
 *   <li>{@code check}: {@code Approvals.check(source, document)} (the record field looked up and the
 *       headings' keys computed, which a check's rules hand it instead);
 *   <li>{@code checkk}: {@code Approvals.check(source, document, headingKeys, field, metadataFields)}
 *       as a check's rules call it: the field found, the headings' keys and the fields outside lists
 *       given (gathered before the rounds; a jar without that method is called without the fields);
 *   <li>{@code read}: reading the record from its field ({@code Approvals.read}, the field found);
 *   <li>{@code dropped}: which lines the pass leaves out ({@code NormalisedHash.dropped}; of the
 *       fields outside lists where the jar takes them);
 *   <li>{@code boxes}: which boxes the pass reads as {@code [ ]} ({@code NormalisedHash.boxes}), the
 *       headings' keys given as a check gives them;
 *   <li>{@code nss}, {@code libcrypto}: SHA-256 of each spec's whole bytes through the two native
 *       digests {@code Sha256} can link (NSS through SunPKCS11; libcrypto's {@code SHA256} through
 *       the foreign function API, Java 22+ with native access);
 *   <li>{@code nss64}, {@code libcrypto64}: the same of each spec's first 64 bytes: what a digest
 *       costs per spec whatever its length.
 * </ul>
 * The checks link their digest as a check does ({@code -Dspecgate.sha256=native} for libcrypto);
 * the other digest is linked beside it for its part (NSS can be configured once a JVM).
 *
 * <pre>
 * java -XX:+UseSerialGC -Xms256m -Xmn40m -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED \
 *     -cp specgate-cli/target/specgate.jar bench/ApprovalParts.java DIR 12 check,read,nss,libcrypto,nss64,libcrypto64
 * </pre>
 */
public class ApprovalParts {
  /** What the parts gave, kept so that no call is left out. */
  static int sink;

  public static void main(String[] a) throws Throwable {
    Class<?> source = Class.forName("dev.specgate.core.edit.SpecSource");
    Class<?> text = Class.forName("dev.specgate.core.input.SpecText");
    Class<?> parserC = Class.forName("dev.specgate.core.parse.SpecParser");
    Class<?> doc = Class.forName("dev.specgate.core.model.SpecDocument");
    Class<?> field = Class.forName("dev.specgate.core.model.Field");
    Class<?> appr = Class.forName("dev.specgate.core.approval.Approvals");
    Method of = source.getMethod("of", byte[].class);
    Method content = source.getMethod("content");
    Object parser = parserC.getConstructor().newInstance();
    Method parseChars = parserC.getMethod("parseChars", text);
    Object approvals = appr.getMethod("standard").invoke(null);
    Method check = appr.getMethod("check", source, doc);
    Method recordField = appr.getMethod("recordField", doc);
    Method read = appr.getDeclaredMethod("read", doc, field);
    read.setAccessible(true);
    Class<?> section = Class.forName("dev.specgate.core.model.Section");
    Method checkKeyed;
    boolean withMetadata = true;
    try {
      checkKeyed = appr.getMethod("check", source, doc, java.util.function.Function.class, field, List.class);
    } catch (NoSuchMethodException before) {
      checkKeyed = appr.getMethod("check", source, doc, java.util.function.Function.class, field);
      withMetadata = false;
    }
    Method fieldsM = doc.getMethod("fields");
    Method inListItem = field.getMethod("inListItem");
    List<List<Object>> metadata = new ArrayList<>();
    Class<?> hashC = Class.forName("dev.specgate.core.approval.NormalisedHash");
    Class<?> boxesC = Class.forName("dev.specgate.core.approval.ApprovalBoxes");
    Method droppedM = hashC.getDeclaredMethod("dropped", doc, List.class);
    droppedM.setAccessible(true);
    Method droppedOf = null; // the fields outside lists, where a jar has it
    try {
      droppedOf = hashC.getDeclaredMethod("dropped", List.class, List.class, boolean.class);
      droppedOf.setAccessible(true);
    } catch (NoSuchMethodException before) {
    }
    Method boxesM = hashC.getDeclaredMethod("boxes", doc, boxesC, java.util.function.Function.class);
    boxesM.setAccessible(true);
    java.lang.reflect.Field after = boxesC.getDeclaredField("AFTER_APPROVAL");
    after.setAccessible(true);
    Object afterApproval = after.get(null);
    Object excluded = appr.getMethod("excludedFields").invoke(approvals);
    Method headingKeyOf = Class.forName("dev.specgate.core.schema.HeadingKey").getMethod("of", String.class);
    Method sections = doc.getMethod("sections");
    Method title = section.getMethod("title");
    Method index = section.getMethod("index");
    List<java.util.function.Function<Object, String>> keyFns = new ArrayList<>();

    List<byte[]> files = new ArrayList<>();
    List<Object> sources = new ArrayList<>();
    List<Object> docs = new ArrayList<>();
    List<Object> fields = new ArrayList<>();
    try (var s = Files.walk(Path.of(a[0]))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        byte[] b = Files.readAllBytes(p);
        if (!new String(b, StandardCharsets.UTF_8).contains("**Approval:**")) continue;
        Object src;
        try { src = of.invoke(null, (Object) b); } catch (InvocationTargetException unreadable) { continue; }
        Object d = parseChars.invoke(parser, content.invoke(src));
        Optional<?> f = (Optional<?>) recordField.invoke(approvals, d);
        if (f.isEmpty()) continue;
        files.add(b); sources.add(src); docs.add(d); fields.add(f.get());
        List<?> ss = (List<?>) sections.invoke(d);
        String[] keys = new String[ss.size()];
        for (Object x : ss) keys[(int) index.invoke(x)] = (String) headingKeyOf.invoke(null, title.invoke(x));
        List<Object> kept = new ArrayList<>();
        for (Object x : (List<?>) fieldsM.invoke(d)) if (!(boolean) inListItem.invoke(x)) kept.add(x);
        metadata.add(kept);
        keyFns.add(x -> { try { return keys[(int) index.invoke(x)]; } catch (ReflectiveOperationException e) { throw new RuntimeException(e); } });
      }
    }
    int rounds = Integer.parseInt(a[1]);
    String[] parts = (a.length > 2 ? a[2] : "check,read,nss,libcrypto,nss64,libcrypto64").split(",");
    Map<String, MethodHandle> digests = new HashMap<>();
    Class<?> linked = Class.forName("dev.specgate.core.approval.Sha256$Linked");
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(linked, MethodHandles.lookup());
    MethodHandle digest = lookup.findVirtual(linked, "digest", MethodType.methodType(byte[].class, byte[].class, int.class));
    // a second SunPKCS11 for NSS in one JVM fails to configure (Java 17 and 25 alike): the digest the
    // checks linked is taken for the nss part, after a first round of checks has linked it
    for (int i = 0; i < files.size(); i++) sink += check.invoke(approvals, sources.get(i), docs.get(i)).hashCode();
    java.lang.reflect.Field linkedField = Class.forName("dev.specgate.core.approval.Sha256").getDeclaredField("linked");
    linkedField.setAccessible(true);
    Object checks = linkedField.get(null);
    System.out.println("the checks' digest: " + (checks == null ? "the JDK's" : checks.getClass().getSimpleName()));
    for (String[] d : new String[][] {{"nss", "Sha256$Nss"}, {"libcrypto", "Sha256$Native"}}) {
      Class<?> c = Class.forName("dev.specgate.core.approval." + d[1]);
      if (c.isInstance(checks)) {
        digests.put(d[0], digest.bindTo(checks));
        continue;
      }
      Method link = c.getDeclaredMethod("link");
      link.setAccessible(true);
      Optional<?> l = (Optional<?>) link.invoke(null);
      l.ifPresent(x -> digests.put(d[0], digest.bindTo(x)));
    }
    long bytes = files.stream().mapToLong(b -> b.length).sum();
    var mx = ManagementFactory.getThreadMXBean();
    Map<String, List<Long>> t = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (String part : parts) {
        long c0 = mx.getCurrentThreadCpuTime();
        int x = 0;
        int n = files.size();
        switch (part) {
          case "check" -> { for (int i = 0; i < n; i++) x += check.invoke(approvals, sources.get(i), docs.get(i)).hashCode(); }
          case "checkk" -> {
            for (int i = 0; i < n; i++) {
              x += (withMetadata ? checkKeyed.invoke(approvals, sources.get(i), docs.get(i), keyFns.get(i), fields.get(i), metadata.get(i))
                  : checkKeyed.invoke(approvals, sources.get(i), docs.get(i), keyFns.get(i), fields.get(i))).hashCode();
            }
          }
          case "dropped" -> {
            for (int i = 0; i < n; i++) {
              x += ((boolean[]) (droppedOf != null ? droppedOf.invoke(null, metadata.get(i), excluded, false) : droppedM.invoke(null, docs.get(i), excluded))).length;
            }
          }
          case "boxes" -> { for (int i = 0; i < n; i++) x += ((int[]) boxesM.invoke(null, docs.get(i), afterApproval, keyFns.get(i))).length; }
          case "read" -> { for (int i = 0; i < n; i++) x += read.invoke(null, docs.get(i), fields.get(i)).hashCode(); }
          case "nss", "libcrypto", "nss64", "libcrypto64" -> {
            MethodHandle h = digests.get(part.replace("64", ""));
            if (h == null) { System.out.println(part + ": not linked here"); continue; }
            boolean whole = !part.endsWith("64");
            for (byte[] b : files) x += ((byte[]) h.invokeExact(b, whole ? b.length : Math.min(64, b.length)))[0];
          }
          default -> throw new IllegalArgumentException("no part " + part);
        }
        sink += x;
        if (r >= 2) t.computeIfAbsent(part, k -> new ArrayList<>()).add(mx.getCurrentThreadCpuTime() - c0);
      }
    }
    System.out.printf("%d approved specs, %.1f MB, %d rounds, thread CPU per round (rounds 3-%d)%n", files.size(), bytes / 1e6, rounds, rounds);
    for (var e : t.entrySet()) {
      List<Long> l = e.getValue();
      Collections.sort(l);
      System.out.printf("%-12s median %7.1f ms  quartiles %7.1f %7.1f  (%.2f us a spec)%n", e.getKey(), l.get(l.size() / 2) / 1e6,
          l.get(l.size() / 4) / 1e6, l.get(3 * l.size() / 4) / 1e6, l.get(l.size() / 2) / 1e3 / files.size());
    }
  }
}
