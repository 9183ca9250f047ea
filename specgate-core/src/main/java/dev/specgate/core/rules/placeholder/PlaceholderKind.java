package dev.specgate.core.rules.placeholder;

import dev.specgate.core.model.BracketText;
import dev.specgate.core.schema.TemplateSchema;

/**
 * Which rule owns a piece of bracketed prose, so that each is reported exactly once: a placeholder
 * in the title, a date placeholder, one of the template's placeholders, or other placeholder-like
 * text.
 */
enum PlaceholderKind {
    TITLE,
    DATE,
    TEMPLATE,
    GENERIC,
    /** A reference link without a definition: {@code link-reference-undefined}'s. */
    REFERENCE,
    /** Braced text in a style the template does not use: prose, not a placeholder. */
    IGNORED;

    static PlaceholderKind of(BracketText bracket, int titleIndex, TemplateSchema schema) {
        if (!schema.placeholderStyles().contains(bracket.style())) {
            return IGNORED;
        }
        if (bracket.isReference()) {
            return REFERENCE;
        }
        if (bracket.headingLevel() == 1 && bracket.sectionIndex() == titleIndex) {
            return TITLE;
        }
        String inner = bracket.inner();
        if (inner.equalsIgnoreCase("date") || inner.equals("YYYY-MM-DD")) {
            return DATE;
        }
        if (schema.isTemplatePlaceholder(bracket.text())) {
            return TEMPLATE;
        }
        return GENERIC;
    }
}
