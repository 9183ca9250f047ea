package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timeline: one row per spec that has dated phases or decisions, laid out on a shared scale
 * from {@link #start()} to {@link #end()} that is {@link #width()} pixels wide.
 */
public final class Timeline {

    /** The least width of the drawing, in CSS pixels. */
    public static final int MIN_WIDTH = 1000;

    /** The greatest width of the drawing, in CSS pixels. */
    public static final int MAX_WIDTH = 4800;

    /** Width given to each month while that stays between the bounds. */
    public static final int MONTH_WIDTH = 90;

    private final LocalDate start;
    private final LocalDate end;
    // the specs that get a row, in order: their rows are laid out when asked for (a site's
    // pages ask for them a range at a time, on whichever thread is free)
    private final List<SpecView> dated;
    private final int width;
    private final String todayX;

    /**
     * A spec's row.
     *
     * @param spec the spec
     * @param bars its phases
     * @param markers its decision dates
     */
    public record Row(SpecView spec, List<Bar> bars, List<Marker> markers) {
        public Row {
            bars = List.copyOf(bars);
            markers = List.copyOf(markers);
        }
    }

    /**
     * A phase drawn as a bar.
     *
     * @param x left edge
     * @param width width
     * @param phase the phase
     * @param index 0-based position among the spec's phases, for colours
     */
    public record Bar(String x, String width, Phase phase, int index) {
        public String title() {
            return phase.name()
                    + ": "
                    + phase.start()
                    + " to "
                    + phase.end()
                    + (phase.estimated() ? " (estimated from '" + phase.duration() + "')" : "");
        }
    }

    /**
     * A decision date drawn as a diamond.
     *
     * @param x centre
     * @param decision the decision
     */
    public record Marker(String x, DecisionDate decision) {
        public String title() {
            return decision.label()
                    + " "
                    + decision.date()
                    + " ("
                    + decision.state()
                    + "): "
                    + decision.text();
        }

        /** The diamond's outline as SVG polygon points. */
        public String points() {
            double cx = Double.parseDouble(x);
            return fmt(cx) + ",2 " + fmt(cx + 6) + ",9 " + fmt(cx) + ",16 " + fmt(cx - 6) + ",9";
        }
    }

    /**
     * A month boundary on the scale.
     *
     * @param x where it stands
     * @param label month and, in January or on the first tick, year
     */
    public record Tick(String x, String label) {}

    private Timeline(LocalDate start, LocalDate end, LocalDate today, List<SpecView> dated) {
        this.start = start;
        this.end = end;
        this.dated = dated;
        long months = ChronoUnit.MONTHS.between(start, end);
        this.width = (int) Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, months * MONTH_WIDTH));
        this.todayX =
                today.isBefore(start) || !today.isBefore(end)
                        ? ""
                        : fmt(position(today) + dayWidth() / 2);
    }

    /**
     * The scale of the specs' phases and decisions, with {@code today} marked; each row is laid out
     * on it when {@link #rows} asks for it.
     */
    public static Timeline of(List<SpecView> specs, LocalDate today) {
        requireNonNull(specs, "specs must not be null");
        requireNonNull(today, "today must not be null");
        LocalDate min = null;
        LocalDate max = null;
        List<SpecView> dated = new ArrayList<>();
        for (SpecView s : specs) {
            for (Phase p : s.phases()) {
                min = min == null || p.start().isBefore(min) ? p.start() : min;
                max = max == null || p.end().isAfter(max) ? p.end() : max;
            }
            for (DecisionDate d : s.decisions()) {
                min = min == null || d.date().isBefore(min) ? d.date() : min;
                max = max == null || d.date().isAfter(max) ? d.date() : max;
            }
            if (!s.phases().isEmpty() || !s.decisions().isEmpty()) {
                dated.add(s);
            }
        }
        if (min == null) {
            return new Timeline(today, today, today, List.of());
        }
        LocalDate start = min.withDayOfMonth(1);
        LocalDate end = max.plusMonths(1).withDayOfMonth(1);
        return new Timeline(start, end, today, List.copyOf(dated));
    }

    /** A spec's row: its phases as bars and its decisions as markers, on this scale. */
    private Row row(SpecView s) {
        List<Bar> bars = new ArrayList<>(s.phases().size());
        for (int i = 0; i < s.phases().size(); i++) {
            Phase p = s.phases().get(i);
            double x = position(p.start());
            double w = Math.max(2, position(p.end().plusDays(1)) - x);
            bars.add(new Bar(fmt(x), fmt(w), p, i));
        }
        List<Marker> markers = new ArrayList<>(s.decisions().size());
        for (DecisionDate d : s.decisions()) {
            markers.add(new Marker(fmt(position(d.date()) + dayWidth() / 2), d));
        }
        return new Row(s, bars, markers);
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    /** The number of rows: one per spec with dated phases or decisions, in the specs' order. */
    public int rowCount() {
        return dated.size();
    }

    /** The rows from {@code from} (inclusive) to {@code to} (exclusive), laid out now. */
    public List<Row> rows(int from, int to) {
        List<Row> rows = new ArrayList<>(to - from);
        for (SpecView s : dated.subList(from, to)) {
            rows.add(row(s));
        }
        return rows;
    }

    /** Width of the drawing in CSS pixels (and SVG user units). */
    public int width() {
        return width;
    }

    public boolean isEmpty() {
        return dated.isEmpty();
    }

    /**
     * Whether any spec draws a bar: phases come only from a Timeline &amp; Milestones section, so a
     * template without one draws none and its legend says nothing of bars.
     */
    public boolean hasBars() {
        return dated.stream().anyMatch(s -> !s.phases().isEmpty());
    }

    /** Whether any spec draws a decision or question date. */
    public boolean hasMarkers() {
        return dated.stream().anyMatch(s -> !s.decisions().isEmpty());
    }

    /** Where today stands, or empty when today is outside the scale. */
    public String todayX() {
        return todayX;
    }

    /** Month boundaries; when the scale spans years, only every few months are labelled. */
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        long months = ChronoUnit.MONTHS.between(start, end);
        int step = months <= 18 ? 1 : months <= 48 ? 3 : 12;
        for (LocalDate m = start; m.isBefore(end); m = m.plusMonths(step)) {
            String label = m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            if (m.getMonthValue() <= step || m.equals(start)) {
                label = label + " " + m.getYear();
            }
            ticks.add(new Tick(fmt(position(m)), label));
        }
        return ticks;
    }

    private double position(LocalDate date) {
        long days = Math.max(1, ChronoUnit.DAYS.between(start, end));
        return width * (double) ChronoUnit.DAYS.between(start, date) / days;
    }

    private double dayWidth() {
        return width / (double) Math.max(1, ChronoUnit.DAYS.between(start, end));
    }

    /** {@code v} with one decimal, without the cost of {@link String#format}. */
    static String fmt(double v) {
        long tenths = Math.round(v * 10);
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return sign + (abs / 10) + "." + (abs % 10);
    }
}
