package dev.specgate.core.config;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.EditDistance;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code new} names a spec's file, as {@code .specgate.yml}'s {@code new-file-name:} writes it:
 * a file name (no folder) in which {@code {slug}} stands for the title's slug, {@code {date}} for
 * the creation date ({@code 2026-12-07}) and {@code {number}} for the next free number in the
 * folder, such as {@code {number}-{slug}.md} ({@code 0042-audit-log-export.md}) or {@code
 * {slug}.md}. Immutable.
 */
public final class NewFileName {

    /** The tokens a name may hold, in documentation order. */
    public static final List<String> TOKENS = List.of("{date}", "{slug}", "{number}");

    /** The digits of a {@code {number}} when no file in the folder shows how many: {@value}. */
    public static final int DEFAULT_DIGITS = 4;

    private static final Pattern TOKEN = Pattern.compile("\\{[^{}]*\\}");

    private final String text;

    /** The name as a pattern that reads the number back from an existing file's name. */
    private final Pattern existing;

    private NewFileName(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start())));
            regex.append(
                    switch (m.group()) {
                        case "{date}" -> "\\d{4}-\\d{2}-\\d{2}";
                        // a number, not the year of a dated name: a spec named before the
                        // project numbered them (2026-04-01-audit-log.md), a task list
                        // (2026-12-09_task_0042-rate-limits.md)
                        case "{number}" -> "(?!\\d{4}-\\d{2}-\\d{2})(\\d+)";
                        default -> ".+";
                    });
            at = m.end();
        }
        regex.append(Pattern.quote(text.substring(at)));
        this.existing = Pattern.compile(regex.toString());
    }

    /**
     * Why {@code text} cannot name new specs: {@code new-file-name '{slug}' must end with .md or
     * .markdown}; empty when it can. A name must hold {@code {slug}} or {@code {number}} (else
     * every new spec of a day would have one name), no other {@code {...}} token, no folder and no
     * token twice.
     */
    public static Optional<String> refusal(String text) {
        requireNonNull(text, "text must not be null");
        String quoted = "new-file-name '" + text + "'";
        if (text.isBlank()) {
            return Optional.of(
                    "new-file-name is empty: write a file name such as '{number}-{slug}.md'");
        }
        if (text.contains("/") || text.contains("\\")) {
            return Optional.of(
                    quoted
                            + " names a folder: it is only the file's name (the folder is the one"
                            + " the first specs: glob names)");
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder seen = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            if (!TOKENS.contains(token)) {
                return Optional.of(
                        quoted
                                + " holds '"
                                + token
                                + "'"
                                + EditDistance.didYouMeanValue(token, TOKENS)
                                + " (allowed: "
                                + String.join(", ", TOKENS)
                                + ")");
            }
            if (seen.indexOf(token) >= 0) {
                return Optional.of(quoted + " holds '" + token + "' twice");
            }
            seen.append(token);
        }
        if (seen.indexOf("{slug}") < 0 && seen.indexOf("{number}") < 0) {
            return Optional.of(
                    quoted
                            + " holds neither {slug} nor {number}, so two new specs would get one"
                            + " name");
        }
        if (!text.endsWith(".md") && !text.endsWith(".markdown")) {
            return Optional.of(quoted + " must end with .md or .markdown");
        }
        return Optional.empty();
    }

    /**
     * The name {@code text} gives.
     *
     * @throws IllegalArgumentException with {@link #refusal}'s words when it cannot name specs
     */
    public static NewFileName of(String text) {
        Optional<String> why = refusal(text);
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get());
        }
        return new NewFileName(text);
    }

    /** The name as {@code .specgate.yml} writes it: {@code {number}-{slug}.md}. */
    public String text() {
        return text;
    }

    /** Whether the name holds {@code {number}}, which {@link #name} reads the folder for. */
    public boolean numbered() {
        return text.contains("{number}");
    }

    /**
     * The file name of a new spec in {@code folder}: {@code {number}} is one more than the highest
     * number a file there named this way holds ({@code 0043} after {@code 0042-rate-limits.md}),
     * written with as many digits as the longest such number, else {@value #DEFAULT_DIGITS} ({@code
     * 0001}); a folder not there yet holds none.
     *
     * @throws IOException when the folder cannot be listed
     */
    public String name(Path folder, LocalDate date, String slug) throws IOException {
        return name(folder, List.of(), date, slug);
    }

    /**
     * As {@link #name(Path, LocalDate, String)}, with the numbers the names of {@code others} hold
     * counted too: the specs of the project's other folders ({@code docs/adr/superseded/} under
     * {@code docs/adr/**}{@code /*.md}, a second {@code specs:} glob's), whose numbers a new spec
     * must not take again.
     *
     * @throws IOException when the folder cannot be listed
     */
    public String name(Path folder, Collection<Path> others, LocalDate date, String slug)
            throws IOException {
        requireNonNull(folder, "folder must not be null");
        requireNonNull(others, "others must not be null");
        requireNonNull(date, "date must not be null");
        requireNonNull(slug, "slug must not be null");
        String name = text.replace("{date}", date.toString()).replace("{slug}", slug);
        if (!numbered()) {
            return name;
        }
        long highest = 0;
        int digits = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Matcher m = existing.matcher(f.getFileName().toString());
                if (m.matches() && m.group(1).length() <= 18) {
                    highest = Math.max(highest, Long.parseLong(m.group(1)));
                    digits = Math.max(digits, m.group(1).length());
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            // the folder new makes (a file in its place: the write refuses it in its words)
        }
        for (Path f : others) {
            Path fileName = f.getFileName();
            Matcher m = fileName == null ? null : existing.matcher(fileName.toString());
            if (m != null && m.matches() && m.group(1).length() <= 18) {
                highest = Math.max(highest, Long.parseLong(m.group(1)));
                digits = Math.max(digits, m.group(1).length());
            }
        }
        String number =
                String.format(
                        Locale.ROOT,
                        "%0" + (digits == 0 ? DEFAULT_DIGITS : digits) + "d",
                        highest + 1);
        return name.replace("{number}", number);
    }

    @Override
    public String toString() {
        return text;
    }
}
