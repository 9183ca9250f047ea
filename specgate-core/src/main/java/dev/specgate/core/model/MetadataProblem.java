package dev.specgate.core.model;

/**
 * Metadata that could not be read: front matter never closed, or not valid YAML.
 *
 * @param message what is wrong, naming the real cause
 * @param range where
 */
public record MetadataProblem(String message, SourceRange range) {}
