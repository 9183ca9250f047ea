package dev.specgate.core.baseline;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.edit.SpecFileWriter;
import dev.specgate.core.input.IoFailure;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The findings a project has accepted for now, so that a check reports only new ones. A finding
 * matches by its {@link Finding#fingerprint()}, never by line; each recorded finding hides one
 * finding with the same fingerprint (so a second, new copy of an old problem is still reported).
 * Stored as JSON sorted by path, rule and fingerprint, one finding per entry, so its diffs are
 * readable. Immutable.
 */
public final class Baseline {

    /** The version of the file format. */
    public static final int FORMAT_VERSION = 1;

    private final List<Finding> findings;

    private Baseline(List<Finding> findings) {
        this.findings =
                findings.stream()
                        .sorted(
                                Comparator.comparing(Finding::path)
                                        .thenComparing(Finding::rule)
                                        .thenComparing(Finding::fingerprint))
                        .toList();
    }

    /** A baseline of these findings. */
    public static Baseline of(List<Finding> findings) {
        return new Baseline(requireNonNull(findings, "findings must not be null"));
    }

    public List<Finding> findings() {
        return findings;
    }

    /**
     * What is left of a run once this baseline's findings are taken out.
     *
     * @param run the run with only the new findings
     * @param hidden how many findings the baseline hid
     * @param stale how many recorded findings of the files checked matched nothing: fixed since (or
     *     changed), or recorded for a file that no longer exists, so the baseline would hide them
     *     silently if they came back
     * @param moved how many of the hidden findings were recorded for a file that no longer exists:
     *     the same findings of a spec renamed or moved to another folder since
     * @param held the recorded findings that still hold, as this run found them (under the path
     *     their file has now), and the entries of files this run neither checked nor found gone,
     *     which nothing was compared with: what {@code check --prune-baseline} keeps, dropping what
     *     was fixed and adding nothing new
     */
    public record Filtered(CheckRun run, long hidden, long stale, long moved, List<Finding> held) {
        public Filtered {
            held = List.copyOf(held);
        }
    }

    /**
     * The results without the findings this baseline records, with none called stale.
     *
     * @param results checked files
     * @param findings for each result, the findings of its diagnostics in their order
     */
    public Filtered filter(List<CheckResult> results, List<List<Finding>> findings) {
        return filter(results, findings, Set.of(), path -> false);
    }

    /**
     * The results without the findings this baseline records, counting the recorded findings of the
     * files in {@code checked} that matched nothing. A recorded finding of a file this run did not
     * check (a run of a subset, a file not read) is never counted: nothing was compared with it.
     *
     * @param results checked files
     * @param findings for each result, the findings of its diagnostics in their order
     *     <p>A spec renamed or moved to another folder ({@code git mv}, to give it the name {@code
     *     file-name} asks for) keeps its recorded findings: a finding no entry of its own path
     *     matches is hidden by an entry of a path that names no file any more ({@code gone}) with
     *     the same rule, section, offending text and message, and counted as {@link
     *     Filtered#moved}: only in a file the baseline records nothing for, and only by the entries
     *     of a path of the same file name, or of that name with a prefix ({@code ledger.md} and
     *     {@code 2026-01-05_spec_ledger.md}), so that a deleted spec's entries hide nothing of a
     *     new spec of another name, or of another spec, with the same problems. The entries of such
     *     a path that match nothing are stale, whichever files the run checked: no file is there
     *     for them to match.
     * @param checked the paths, as findings record them ({@link Fingerprinter#relativePath}), of
     *     the files this run checked and read
     * @param gone whether a recorded path names no file now (the spec was renamed, moved or
     *     deleted)
     */
    public Filtered filter(
            List<CheckResult> results,
            List<List<Finding>> findings,
            Set<String> checked,
            Predicate<String> gone) {
        return filter(results, findings, checked, gone, rule -> true);
    }

    /**
     * As {@link #filter(List, List, Set, Predicate)}, for a run that looked for the findings of the
     * rules {@code lookedFor} accepts only: a recorded finding of another rule ({@code
     * layout-missing} in a run without {@code --trace}) was compared with nothing, so it is held,
     * never stale, wherever its file is.
     */
    public Filtered filter(
            List<CheckResult> results,
            List<List<Finding>> findings,
            Set<String> checked,
            Predicate<String> gone,
            Predicate<String> lookedFor) {
        requireNonNull(lookedFor, "lookedFor must not be null");
        requireNonNull(results, "results must not be null");
        requireNonNull(findings, "findings must not be null");
        requireNonNull(checked, "checked must not be null");
        requireNonNull(gone, "gone must not be null");
        if (results.size() != findings.size()) {
            throw new IllegalArgumentException(
                    results.size() + " results but " + findings.size() + " lists of findings");
        }
        Map<String, Integer> left = new HashMap<>();
        for (Finding f : this.findings) {
            left.merge(f.fingerprint(), 1, Integer::sum);
        }
        long hidden = 0;
        List<Finding> held = new ArrayList<>();
        // first each file's own entries, then, for what they leave, those of files gone
        List<List<Integer>> unmatched = new ArrayList<>(results.size());
        for (int r = 0; r < results.size(); r++) {
            List<Finding> fs = findings.get(r);
            List<Integer> own = new ArrayList<>();
            for (int i = 0; i < results.get(r).diagnostics().size(); i++) {
                String fp = fs.get(i).fingerprint();
                Integer n = left.get(fp);
                if (n != null && n > 0) {
                    left.put(fp, n - 1);
                    hidden++;
                    held.add(fs.get(i));
                } else {
                    own.add(i);
                }
            }
            unmatched.add(own);
        }
        // the entries of each path gone, by all but their path, with what is left of them
        Map<List<String>, List<GoneEntries>> movedLeft = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> recorded = new HashSet<>();
        for (Finding f : this.findings) {
            recorded.add(f.path());
            Integer n = left.get(f.fingerprint());
            if (n != null
                    && n > 0
                    && lookedFor.test(f.rule())
                    && seen.add(f.fingerprint())
                    && gone.test(f.path())) {
                // entries with one fingerprint share their path: all of them at once
                movedLeft
                        .computeIfAbsent(withoutPath(f), k -> new ArrayList<>())
                        .add(new GoneEntries(nameKey(f.path()), new int[] {n}));
                left.remove(f.fingerprint());
            }
        }
        long moved = 0;
        List<CheckResult> kept = new ArrayList<>(results.size());
        for (int r = 0; r < results.size(); r++) {
            CheckResult result = results.get(r);
            List<Finding> fs = findings.get(r);
            List<Diagnostic> stay = new ArrayList<>();
            for (int i : unmatched.get(r)) {
                if (!movedLeft.isEmpty() && takenByMove(fs.get(i), recorded, movedLeft)) {
                    hidden++;
                    moved++;
                    held.add(fs.get(i));
                } else {
                    stay.add(result.diagnostics().get(i));
                }
            }
            kept.add(
                    new CheckResult(
                            result.path(),
                            result.status(),
                            stay,
                            result.document(),
                            result.approvalCheck().orElse(null),
                            result.unsearchedFolder()));
        }
        long stale = 0;
        for (Finding f : this.findings) {
            if (!lookedFor.test(f.rule())) {
                held.add(f); // its rule did not run: nothing was compared with it
                continue;
            }
            Integer n = left.get(f.fingerprint());
            if (n != null && n > 0 && checked.contains(f.path())) {
                left.put(f.fingerprint(), n - 1);
                stale++;
            } else if (!checked.contains(f.path()) && !gone.test(f.path())) {
                held.add(f); // nothing was compared with it
            }
        }
        for (List<GoneEntries> es : movedLeft.values()) {
            for (GoneEntries e : es) {
                stale += e.left()[0];
            }
        }
        return new Filtered(new CheckRun(kept), hidden, stale, moved, held);
    }

    /** The entries, with one fingerprint, of a path gone: its name's key and how many are left. */
    private record GoneEntries(String name, int[] left) {}

    /**
     * Whether {@code f} is hidden by an entry of a path gone: only in a file the baseline records
     * nothing for (a spec it records is no renamed one), and only by the entries of a path whose
     * name is the file's ({@link #sameName}), so that a deleted spec's entries hide nothing of a
     * new spec of another name with the same problems.
     */
    private static boolean takenByMove(
            Finding f, Set<String> recorded, Map<List<String>, List<GoneEntries>> movedLeft) {
        if (recorded.contains(f.path())) {
            return false;
        }
        List<GoneEntries> es = movedLeft.get(withoutPath(f));
        if (es == null) {
            return false;
        }
        String name = nameKey(f.path());
        for (GoneEntries e : es) {
            if (e.left()[0] > 0 && sameName(name, e.name())) {
                e.left()[0]--;
                return true;
            }
        }
        return false;
    }

    /**
     * A file name as a rename keeps it: lower case, without its extension, runs of other than
     * letters and digits one {@code -}, without a leading number or date ({@code
     * 2026-01-05_spec_ledger.md} is {@code spec-ledger}, {@code 0042 Ledger.md} {@code ledger}).
     */
    private static String nameKey(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
        return key.replaceFirst("^[\\p{N}-]+", "");
    }

    /**
     * Whether two name keys are one spec's before and after a rename or move: the same, or one the
     * other with a prefix ({@code ledger} and {@code spec-ledger}, as a rename to the name {@code
     * file-name} asks for adds its date and kind).
     */
    private static boolean sameName(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || a.endsWith("-" + b) || b.endsWith("-" + a);
    }

    /** What a finding of a renamed or moved spec keeps: all but its path. */
    private static List<String> withoutPath(Finding f) {
        return List.of(f.rule(), f.section(), f.text(), f.message());
    }

    /** Writes the baseline to {@code file} through a temporary file and a rename. */
    public void write(Path file) throws BaselineException {
        try {
            new SpecFileWriter().writeAtomically(file, json().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BaselineException(
                    "cannot write baseline " + file + ": " + IoFailure.reason(e), e);
        }
    }

    /** The baseline as the JSON document {@link #write} stores. */
    public String json() {
        StringBuilder sb = new StringBuilder(256 + findings.size() * 256);
        sb.append("{\n  \"version\": ").append(FORMAT_VERSION).append(",\n");
        sb.append("  \"about\": ")
                .append(
                        quote(
                                "Findings specgate check --baseline does not report. Written by"
                                        + " specgate check --write-baseline; matched by"
                                        + " fingerprint, not by line."))
                .append(",\n");
        sb.append("  \"findings\": [");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"fingerprint\": ").append(quote(f.fingerprint()));
            sb.append(", \"rule\": ").append(quote(f.rule()));
            sb.append(", \"path\": ").append(quote(f.path())).append(",\n");
            sb.append("     \"section\": ").append(quote(f.section()));
            sb.append(", \"text\": ").append(quote(f.text())).append(",\n");
            sb.append("     \"message\": ").append(quote(f.message())).append('}');
        }
        sb.append(findings.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    /** A JSON string literal; control characters and quotes escaped, the rest as is. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean unprintable =
                            c < 0x20
                                    || (c >= 0x7F && c <= 0x9F)
                                    || c == 0x2028
                                    || c == 0x2029
                                    || c == 0xFEFF
                                    || c >= 0xFFFE;
                    if (unprintable) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Reads a baseline file. JSON is read with the YAML parser core already has (JSON is YAML's
     * flow style), which keeps core free of a JSON library.
     */
    public static Baseline read(Path file) throws BaselineException {
        if (Files.isDirectory(file)) {
            throw new BaselineException(
                    "baseline " + file + " is a folder, not a baseline file (name a JSON file)");
        }
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(0);
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(64 * 1024 * 1024);
            root = new Yaml(new SafeConstructor(options)).load(r);
        } catch (NoSuchFileException e) {
            throw new BaselineException(
                    "baseline "
                            + file
                            + " not found (write it with check --write-baseline "
                            + file
                            + ")",
                    e);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new BaselineException(
                    "baseline "
                            + file
                            + " is not valid JSON"
                            + (line > 0 ? " (line " + line + ")" : "")
                            + ": "
                            + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()),
                    e);
        } catch (YAMLException e) {
            if (e.getCause() instanceof IOException io) {
                // the reader failed, not the parser: say the file could not be read
                throw new BaselineException(
                        "cannot read baseline " + file + ": " + IoFailure.reason(io), e);
            }
            throw new BaselineException(
                    "baseline " + file + " is not valid JSON: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new BaselineException(
                    "cannot read baseline " + file + ": " + IoFailure.reason(e), e);
        }
        expect(root instanceof Map<?, ?>, file, "a JSON object");
        Map<?, ?> map = (Map<?, ?>) root;
        expect(
                map.get("version") instanceof Integer v && v == FORMAT_VERSION,
                file,
                "\"version\": " + FORMAT_VERSION);
        Object list = map.get("findings");
        expect(list instanceof List<?>, file, "a \"findings\" array");
        List<Finding> findings = new ArrayList<>();
        for (Object o : (List<?>) list) {
            expect(o instanceof Map<?, ?>, file, "an object for every finding");
            Map<?, ?> f = (Map<?, ?>) o;
            String fp = text(f, "fingerprint");
            expect(!fp.isBlank(), file, "a \"fingerprint\" in every finding");
            findings.add(
                    new Finding(
                            fp,
                            text(f, "rule"),
                            text(f, "path"),
                            text(f, "section"),
                            text(f, "text"),
                            text(f, "message")));
        }
        return new Baseline(findings);
    }

    private static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? "" : v.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void expect(boolean ok, Path file, String what) throws BaselineException {
        if (!ok) {
            throw new BaselineException(
                    "baseline " + file + " is not a Specgate baseline: expected " + what);
        }
    }
}
