package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a project's configuration says of one template section ({@code sections:} in {@code
 * .specgate.yml}): other headings that stand for it (a section renamed since older specs were
 * written) and the status from which it is required (a section added to the template later).
 *
 * @param aliases other headings accepted for the section, matched as headings are ({@link
 *     HeadingKey})
 * @param requiredFrom the first status (of the template's status field) at which a spec must have
 *     the section; before it the section is optional; empty: required at every status
 */
public record SectionOptions(List<String> aliases, Optional<String> requiredFrom) {

    public SectionOptions {
        aliases = List.copyOf(aliases);
        requireNonNull(requiredFrom, "requiredFrom must not be null");
    }
}
