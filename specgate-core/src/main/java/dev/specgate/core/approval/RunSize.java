package dev.specgate.core.approval;

import dev.specgate.core.input.MarkdownNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many specs a run checks, told to the approval fingerprint's digest so that a large run links
 * libcrypto's SHA-256 at once instead of hashing its first {@link Sha256#NATIVE_AFTER} bytes the
 * JDK's way first (under C1 ~8 ns a byte: ~0.13 s of a run that hashes 16 MB or more).
 *
 * <p>The run counts each spec as it starts ({@link #spec()}); once {@value #SAMPLE} specs were
 * counted, the bytes hashed so far, scaled from the specs counted to the run's size, project what
 * the whole run will hash. When that reaches the line at which the digest links libcrypto anyway,
 * it is linked at once, on a thread of its own. A run whose specs are mostly unapproved, or small,
 * projects less and keeps the JDK's digest (linking costs ~0.15-0.3 s of CPU, as much as hashing
 * ~20-30 MB the JDK's way). Only a hint: the hashes are the same either way.
 *
 * <p>One run at a time is followed (the latest started); a run in a server that checks one spec at
 * a time is too small to be followed at all.
 *
 * <p>A check can say sooner that a run is coming ({@link #ahead}): before discovery walks its
 * folders, which keeps one thread busy and leaves the other core idle. A peek at the first few
 * Markdown files below the paths then tells whether the run will be large and hold approvals, and
 * if so the digest is linked on that idle core, while the walk runs: the run's checking threads
 * then neither wait for the link nor hash their first specs the JDK's way.
 */
public final class RunSize implements AutoCloseable {

    /** Specs counted before the run's projection is trusted. */
    static final int SAMPLE = 64;

    /** Markdown files {@link #ahead} reads for the approval field's label. */
    static final int PEEK = 8;

    /** Folders {@link #ahead} lists at most while it looks for {@value #SAMPLE} Markdown files. */
    private static final int PEEK_FOLDERS = 64;

    private static final RunSize NONE = new RunSize(0, 0);

    /** The run being followed, if any. */
    static volatile RunSize current;

    private final int specs;
    private final long hashedBefore;
    private final AtomicInteger started = new AtomicInteger();

    private RunSize(int specs, long hashedBefore) {
        this.specs = specs;
        this.hashedBefore = hashedBefore;
    }

    /**
     * The start of a run of {@code specs} specs; close it when the run ends. A run of fewer than
     * {@value #SAMPLE} specs is not followed (the object does nothing).
     */
    public static RunSize of(int specs) {
        if (specs < SAMPLE) {
            return NONE;
        }
        RunSize run = new RunSize(specs, Sha256.hashed());
        current = run;
        return run;
    }

    /**
     * A check of {@code paths} is about to look for its specs: when a peek at the Markdown files
     * below them shows a large run with approvals ({@link #worthLinking}), the approval hash's
     * native digest is linked now, on a thread of its own, while discovery walks the folders on the
     * calling thread. Only a hint: nothing is linked for a run that would not link it anyway but by
     * its projection, and the hashes are the same either way.
     *
     * @param field the approval field's label, as the project's configuration names it
     */
    public static void ahead(List<Path> paths, String field) {
        if (!Sha256.mayLinkAhead()) {
            return;
        }
        List<Path> roots = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                roots.add(p);
            }
        }
        if (roots.isEmpty()) {
            return; // specs named one by one: no thread started for the check of a spec
        }
        Thread peek =
                new Thread(
                        () -> {
                            if (worthLinking(roots, field)) {
                                Sha256.linkAhead();
                            }
                        },
                        "specgate-sha256-ahead");
        peek.setDaemon(true);
        peek.start();
    }

    /**
     * Whether the folders among {@code paths} hold at least {@value #SAMPLE} Markdown files ({@code
     * .md}, in folders whose names do not start with a dot, at most {@value #PEEK_FOLDERS} folders
     * listed) and the first {@value #PEEK} of them found name the approval field: {@code field}
     * followed by a colon, in any case (a bold line, a list item, a front matter key), within their
     * first 64 KB. A few directory listings and reads of ~20 KB each.
     */
    static boolean worthLinking(List<Path> paths, String field) {
        byte[] label = (field + ":").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        Deque<Path> folders = new ArrayDeque<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                folders.add(p);
            }
        }
        List<Path> first = new ArrayList<>(PEEK);
        int found = 0;
        int listed = 0;
        while (!folders.isEmpty() && found < SAMPLE && listed++ < PEEK_FOLDERS) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folders.poll())) {
                for (Path e : entries) {
                    String name = e.getFileName().toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    if (MarkdownNames.isMarkdown(name)) {
                        if (first.size() < PEEK) {
                            first.add(e);
                        }
                        if (++found >= SAMPLE) {
                            break;
                        }
                    } else if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                        folders.add(e);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a folder that cannot be listed: the run's own walk says so; the hint has less
            }
        }
        if (found < SAMPLE) {
            return false;
        }
        byte[] buffer = new byte[1 << 16];
        for (Path f : first) {
            // a pipe or a device named *.md is never opened: an open of a pipe waits for a writer,
            // and a read takes what another process meant for its reader
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && names(f, label, buffer)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the first bytes of {@code file} (up to a buffer) hold {@code label}, in any case. */
    private static boolean names(Path file, byte[] label, byte[] buffer) {
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        byte first = label[0];
        int last = n - label.length;
        for (int i = 0; i <= last; i++) {
            byte x = buffer[i];
            if ((x == first || (x >= 'A' && x <= 'Z' && (x | 0x20) == first))
                    && lowerAt(buffer, i, label)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code b} at {@code at} holds {@code lower} (lower case), ASCII case ignored. */
    private static boolean lowerAt(byte[] b, int at, byte[] lower) {
        for (int k = 1; k < lower.length; k++) {
            byte x = b[at + k];
            if (x != lower[k] && (x < 'A' || x > 'Z' || (x | 0x20) != lower[k])) {
                return false;
            }
        }
        return true;
    }

    /** One more spec of the run starts. */
    public void spec() {
        if (this != NONE) {
            started.incrementAndGet();
        }
    }

    /**
     * Whether the run, having hashed up to {@code hashed} bytes since the process started, will
     * hash {@code line} bytes or more by the projection of its first specs.
     */
    boolean projects(long hashed, long line) {
        int seen = started.get();
        if (seen < SAMPLE) {
            return false;
        }
        long mine = hashed - hashedBefore;
        return mine > 0 && (double) mine * specs / seen >= line;
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
    }
}
