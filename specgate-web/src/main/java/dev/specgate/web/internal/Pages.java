package dev.specgate.web.internal;

import static java.util.Objects.requireNonNull;

import dev.specgate.web.view.PageInfo;
import dev.specgate.web.view.Portfolio;
import dev.specgate.web.view.SpecPage;
import dev.specgate.web.view.Timeline;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's pages, rendered by the jte templates of {@code src/main/jte}, which the build
 * compiles to Java ahead of time (no compiler at run time). Safe to share between threads.
 */
public final class Pages {

    /** The package the build generates the templates into. */
    public static final String TEMPLATE_PACKAGE = "dev.specgate.web.templates";

    /** A page made from the whole portfolio. */
    public enum View {
        OVERVIEW("overview", "index.html", "Overview"),
        BOARD("board", "board.html", "Board"),
        TABLE("table", "table.html", "All specs"),
        TIMELINE("timeline", "timeline.html", "Timeline");

        private final String name;
        private final String file;
        private final String title;

        View(String name, String file, String title) {
            this.name = name;
            this.file = file;
            this.title = title;
        }

        /** The tab name, also the template's name. */
        public String tab() {
            return name;
        }

        /** The page's file name in the site. */
        public String file() {
            return file;
        }

        public String title() {
            return title;
        }
    }

    /** Every portfolio page. */
    public static final List<View> VIEWS = List.of(View.values());

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(
                    null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATE_PACKAGE);

    /** Renders a portfolio page. */
    public void render(View view, PageInfo frame, Portfolio portfolio, TemplateOutput out) {
        requireNonNull(view, "view must not be null");
        if (view == View.TIMELINE) {
            Timeline timeline = portfolio.timeline();
            render(
                    frame,
                    portfolio,
                    rows -> timelineRows(timeline, 0, timeline.rowCount(), rows),
                    out);
            return;
        }
        PageInfo page = frame.page("", view.title(), view.tab());
        engine.render(
                view.tab() + ".jte",
                Map.<String, Object>of("page", page, "portfolio", portfolio),
                out);
    }

    /**
     * Renders the timeline page with {@code rows} where its rows go: a site writes them apart, a
     * range at a time on whichever thread is free ({@link #timelineRows}).
     */
    public void render(PageInfo frame, Portfolio portfolio, Content rows, TemplateOutput out) {
        View view = View.TIMELINE;
        PageInfo page = frame.page("", view.title(), view.tab());
        engine.render(
                view.tab() + ".jte",
                Map.<String, Object>of("page", page, "portfolio", portfolio, "rows", rows),
                out);
    }

    /** Renders the rows from {@code from} (inclusive) to {@code to} of the timeline page. */
    public void timelineRows(Timeline timeline, int from, int to, TemplateOutput out) {
        engine.render(
                "tag/timelinerows.jte",
                Map.<String, Object>of("tl", timeline, "rows", timeline.rows(from, to)),
                out);
    }

    /** Renders a spec's page (which lives one folder below the site root). */
    public void render(SpecPage spec, PageInfo frame, TemplateOutput out) {
        requireNonNull(spec, "spec must not be null");
        PageInfo page = frame.page("../", spec.spec().title(), "");
        engine.render("spec.jte", Map.<String, Object>of("page", page, "spec", spec), out);
    }

    /**
     * A portfolio page as a string (the preview server's), written as the static site writes it:
     * through a {@link PageBuffer}, which shows control and bidirectional characters.
     */
    public String render(View view, PageInfo frame, Portfolio portfolio) {
        PageBuffer out = new PageBuffer();
        render(view, frame, portfolio, out);
        return out.toString();
    }

    /** A spec's page as a string, written as {@link #render(View, PageInfo, Portfolio)} is. */
    public String render(SpecPage spec, PageInfo frame) {
        PageBuffer out = new PageBuffer();
        render(spec, frame, out);
        return out.toString();
    }
}
