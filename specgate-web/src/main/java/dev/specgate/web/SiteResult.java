package dev.specgate.web;

import dev.specgate.web.view.Portfolio;
import java.nio.file.Path;

/**
 * What {@link SiteGenerator#generate} made.
 *
 * @param out the site's folder
 * @param portfolio the specs it shows
 * @param pages number of HTML pages written
 * @param millis how long it took
 */
public record SiteResult(Path out, Portfolio portfolio, int pages, long millis) {}
