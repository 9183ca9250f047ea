package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What {@code history --audit} says of a spec's code and its approval: the commit that last moved
 * the spec to its lifecycle's approval point from a status before it, and the commits before it,
 * along HEAD's first parents, that put this feature's code in its File Organization paths while the
 * spec stood before that point or did not exist yet ({@link SpecHistory#codeBeforeApproval}): code
 * written ahead of approval, as {@code layout-early} says of a working tree. Code committed while
 * an earlier approval stood is not named; code committed after the spec was sent back to Draft is.
 *
 * @param approval the change that last moved the spec to the approval point (or past it) from a
 *     status before it
 * @param point the approval point, as the template spells it ({@code Approved})
 * @param paths the paths looked at, as the File Organization writes them, from the project root
 * @param skipped the feature's code paths not looked at, with why: one the trace refuses too
 *     ({@code LayoutPaths}: {@code contains '..'}, {@code is absolute}), or outside the git
 *     repository; said, never left out in silence
 * @param commits the commits before {@code approval} that added or changed code there while the
 *     spec stood before the approval point, oldest first; empty when none did
 * @param unread why the spec's working file, whose File Organization names the paths, could not be
 *     read ({@code not UTF-8 (byte 0xE9 at offset 28); save the file as UTF-8}): then no path is
 *     known and none is looked at, which is said, never a pass
 */
public record CodeBeforeApproval(
        StatusChange approval,
        String point,
        List<String> paths,
        List<Skipped> skipped,
        List<GitRevisions.Touched> commits,
        Optional<String> unread) {

    public CodeBeforeApproval {
        requireNonNull(approval, "approval must not be null");
        requireNonNull(point, "point must not be null");
        paths = List.copyOf(paths);
        skipped = List.copyOf(skipped);
        commits = List.copyOf(commits);
        requireNonNull(unread, "unread must not be null");
    }

    /** The audit of a spec whose working file could not be read: no path known, {@code why}. */
    static CodeBeforeApproval unread(StatusChange approval, String point, String why) {
        return new CodeBeforeApproval(
                approval, point, List.of(), List.of(), List.of(), Optional.of(why));
    }

    /**
     * A path of this feature's code the audit did not look at.
     *
     * @param path the path, as the File Organization writes it, from the project root
     * @param why why, in a few words: {@code contains '..'}, {@code is outside the git repository
     *     at /work/shop}
     * @param refused whether {@code why} is the trace's refusal of the path ({@code LayoutPaths})
     */
    public record Skipped(String path, String why, boolean refused) {

        public Skipped {
            requireNonNull(path, "path must not be null");
            requireNonNull(why, "why must not be null");
        }

        /**
         * Its line: {@code '../vendor/x/' not looked at: it contains '..' (a File Organization path
         * stays inside the project root; trace and scaffold refuse it too)}.
         */
        public String said() {
            return "'"
                    + path
                    + "' not looked at: it "
                    + why
                    + (refused
                            ? " (a File Organization path stays inside the project root; trace"
                                    + " and scaffold refuse it too)"
                            : "");
        }
    }

    /**
     * The audit's line: {@code code before approval: 2 commits put this feature's code in its paths
     * before 33db1e9d0ff0 moved the spec to Approved}, that none did, or that none was looked for
     * since the spec could not be read.
     */
    public String said() {
        if (unread.isPresent()) {
            return "code before approval not looked for: the spec cannot be read ("
                    + unread.get()
                    + "), so the paths of its File Organization are not known";
        }
        String approvedIn =
                approval.version().revision().shortId()
                        + " moved the spec to "
                        + approval.to().orElse(point);
        if (commits.isEmpty()) {
            return "no code in this feature's paths before " + approvedIn;
        }
        return "CODE BEFORE APPROVAL: "
                + (commits.size() == 1 ? "1 commit" : commits.size() + " commits")
                + " put this feature's code in its paths before "
                + approvedIn;
    }

    /** One commit's line: {@code Sam Okafor in a1b2c3d4e5f6: src/core/x/A.java, ...}. */
    public static String said(GitRevisions.Touched t) {
        List<String> files = t.files();
        String shown = String.join(", ", files.subList(0, Math.min(3, files.size())));
        return t.time().toLocalDate()
                + "  "
                + t.shortId()
                + "  "
                + t.author()
                + ": "
                + shown
                + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "");
    }
}
