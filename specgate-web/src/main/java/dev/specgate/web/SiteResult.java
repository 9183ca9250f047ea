package dev.specgate.web;

import dev.specgate.web.view.Portfolio;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SiteGenerator#generate} made.
 *
 * @param out the site's folder
 * @param portfolio the specs it shows
 * @param pages number of HTML pages written
 * @param millis how long it took
 * @param nestedConfigs the configurations ({@code .specgate.yml}) below the root that keep their
 *     own project, whose specs the site does not show (met by the site's own discovery walk)
 */
public record SiteResult(
        Path out, Portfolio portfolio, int pages, long millis, List<Path> nestedConfigs) {

    public SiteResult {
        nestedConfigs = List.copyOf(nestedConfigs);
    }
}
