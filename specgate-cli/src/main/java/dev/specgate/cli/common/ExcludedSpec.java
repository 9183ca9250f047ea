package dev.specgate.cli.common;

import dev.specgate.core.discovery.ConfiguredDiscovery;
import dev.specgate.core.project.SpecProject;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.TextReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file named on the command line that the project's {@code .specgate.yml} leaves out (an {@code
 * ignore:} glob matches it, or no {@code specs:} glob does), said the one way {@code check} says
 * it: {@code FILE is not checked: WHY in CONFIG}. Commands that only read or tick a spec say it on
 * stderr and go on; commands that show where a spec stands, or whose gates judge it as {@code
 * check} would, refuse it.
 */
public final class ExcludedSpec {

    private ExcludedSpec() {}

    /**
     * {@code FILE is not checked: WHY in CONFIG}, or empty when the configuration selects {@code
     * file} (always, without a configuration).
     */
    public static Optional<String> notice(SpecProject project, Path file) {
        return project.exclusionNotice(file, p -> DisplayPath.like(p, file));
    }

    /** {@code FILE is not checked: WHY in CONFIG}, for a file left out for {@code why}. */
    public static String notice(SpecProject project, Path file, String why) {
        return DisplayPath.of(file)
                + " is not checked: "
                + why
                + project.configFile().map(c -> " in " + DisplayPath.like(c, file)).orElse("");
    }

    /**
     * Says on {@code err}, for each further name a search found of a file it checks (a link to a
     * spec beside it), that the file is checked once, under the name it kept: {@code ALIAS is not
     * checked again: it is the same file as SPEC, checked under that name}; and for each file it
     * met in a spec or tasks folder but did not take, that it is not checked and why ({@code
     * SpecProject.searchNotices}).
     */
    public static void sayAliases(ConfiguredDiscovery.Selection selection, PrintWriter err) {
        for (String notice : SpecProject.searchNotices(selection, DisplayPath::of)) {
            err.println("specgate: " + TextReporter.escape(notice));
        }
        err.flush();
    }

    /**
     * Says on {@code err} that {@code file} is not checked, when the configuration leaves it out.
     *
     * @return whether it leaves it out (and so said it)
     */
    public static boolean warn(SpecProject project, Path file, PrintWriter err) {
        Optional<String> why = project.exclusion(file);
        why.ifPresent(w -> say(project, file, w, err));
        return why.isPresent();
    }

    /**
     * Says on {@code err} that {@code file}, which discovery left out of the project's specs, is
     * not checked, and why when the configuration tells.
     */
    public static void warnLeftOut(SpecProject project, Path file, PrintWriter err) {
        say(project, file, project.leftOut(file).orElse("the configuration leaves it out"), err);
    }

    private static void say(SpecProject project, Path file, String why, PrintWriter err) {
        err.println("specgate: " + TextReporter.escape(notice(project, file, why)));
        err.flush();
    }

    /**
     * Refuses (usage error) to let {@code command} show where a file the configuration leaves out
     * stands: what it would show is no spec's, since {@code check} never checks the file.
     */
    public static void refuseToShow(SpecProject project, Path file, String command) {
        Optional<String> refusal =
                project.showRefusal(file, command, p -> DisplayPath.like(p, file));
        if (refusal.isPresent()) {
            throw SpecgateException.usage(refusal.get());
        }
    }

    /**
     * Refuses (usage error, nothing written) to let {@code command} move a file the configuration
     * leaves out: its gates would pass a spec that {@code check} never checks.
     */
    public static void refuse(SpecProject project, Path file, String command) {
        Optional<String> refusal =
                project.moveRefusal(file, command, p -> DisplayPath.like(p, file));
        if (refusal.isPresent()) {
            throw SpecgateException.usage(refusal.get());
        }
    }
}
