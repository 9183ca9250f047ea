package dev.specgate.lsp;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.edit.SpecSource;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.registry.RuleDocs;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;

/**
 * The one place where core's positions and severities become the protocol's, and back. Core counts
 * 0-based lines and UTF-16 columns after a byte order mark has been removed; the protocol counts
 * 0-based lines and UTF-16 characters of the text as the editor holds it (this server announces
 * {@code utf-16}, the protocol's default). The two differ only when the editor's text keeps a
 * leading U+FEFF: then columns of the first line are one further along.
 */
public final class LspAdapter {

    /** Where each rule's entry is documented; a rule id is the anchor of its heading. */
    public static final String RULES_DOC = RuleDocs.PAGE;

    /** The {@code source} of every diagnostic this server publishes. */
    public static final String SOURCE = "specgate";

    private final SpecSource source;
    private final int firstLineShift;

    /** An adapter for positions in {@code source}, the text as the editor holds it. */
    public LspAdapter(SpecSource source) {
        this.source = requireNonNull(source, "source must not be null");
        this.firstLineShift = source.hasBom() ? 1 : 0;
    }

    /** The source positions refer to (without its byte order mark). */
    public SpecSource source() {
        return source;
    }

    /** The protocol's position of a core line and column. */
    public Position position(int line, int column) {
        return new Position(line, line == 0 ? column + firstLineShift : column);
    }

    /** The protocol's range of a core range. */
    public Range range(SourceRange r) {
        return new Range(
                position(r.startLine(), r.startColumn()), position(r.endLine(), r.endColumn()));
    }

    /** The protocol's range of text offsets {@code [start, end)} in {@link #source()}. */
    public Range rangeOfOffsets(int start, int end) {
        return new Range(positionOfOffset(start), positionOfOffset(end));
    }

    /** The protocol's position of a text offset in {@link #source()}. */
    public Position positionOfOffset(int offset) {
        int line = source.lineOf(offset);
        return position(line, offset - source.lineStart(line));
    }

    /** The core line of a protocol position. */
    public int line(Position p) {
        return p.getLine();
    }

    /** The core column of a protocol position (never negative). */
    public int column(Position p) {
        return Math.max(0, p.getLine() == 0 ? p.getCharacter() - firstLineShift : p.getCharacter());
    }

    /**
     * The offset in {@link #source()} of a protocol position, held inside the text: a line past the
     * end stands on the last line, a character past the end of its line at the line's end.
     */
    public int offset(Position p) {
        int line = Math.max(0, Math.min(p.getLine(), source.lineCount() - 1));
        int length = source.lineEnd(line) - source.lineStart(line);
        int column = Math.min(length, line == p.getLine() ? column(p) : length);
        return source.lineStart(line) + column;
    }

    /** The position at the end of core line {@code line}, before its line break. */
    public Position lineEnd(int line) {
        int last = Math.min(line, source.lineCount() - 1);
        return position(last, source.lineEnd(last) - source.lineStart(last));
    }

    /** A core edit of {@link #source()}'s text as a protocol text edit. */
    public TextEdit textEdit(dev.specgate.core.edit.TextEdit edit) {
        return new TextEdit(rangeOfOffsets(edit.start(), edit.end()), edit.replacement());
    }

    /** The protocol's severity of a core severity. */
    public static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }

    /** The link to a rule's entry in docs/rules.md. */
    public static String ruleDoc(String ruleId) {
        return RULES_DOC + "#" + ruleId;
    }

    /** A core finding as a protocol diagnostic: the rule id is its code, linked to its entry. */
    public org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic d) {
        org.eclipse.lsp4j.Diagnostic out =
                new org.eclipse.lsp4j.Diagnostic(
                        range(d.range()), d.message(), severity(d.severity()), SOURCE, d.ruleId());
        out.setCodeDescription(new DiagnosticCodeDescription(ruleDoc(d.ruleId())));
        return out;
    }

    /** Core findings as protocol diagnostics, in the same order. */
    public List<org.eclipse.lsp4j.Diagnostic> diagnostics(List<Diagnostic> findings) {
        return findings.stream().map(this::diagnostic).toList();
    }

    /**
     * The editor's text after its changes, each a replacement of a range (incremental sync) or of
     * the whole text; positions count UTF-16 characters, as Java strings do.
     */
    public static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
        String result = text;
        for (TextDocumentContentChangeEvent c : changes) {
            if (c.getRange() == null) {
                result = c.getText();
                continue;
            }
            int start = offset(result, c.getRange().getStart());
            int end = Math.max(start, offset(result, c.getRange().getEnd()));
            result = result.substring(0, start) + c.getText() + result.substring(end);
        }
        return result;
    }

    /**
     * The offset in {@code text} of a protocol position; a character past the end of its line
     * stands at the line's end, a line past the end at the text's end.
     */
    static int offset(String text, Position p) {
        int line = 0;
        int i = 0;
        while (line < p.getLine()) {
            if (i >= text.length()) {
                return text.length();
            }
            char c = text.charAt(i++);
            if (c == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                line++;
            } else if (c == '\n') {
                line++;
            }
        }
        int lineEnd = i;
        while (lineEnd < text.length()
                && text.charAt(lineEnd) != '\n'
                && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        return Math.min(i + Math.max(0, p.getCharacter()), lineEnd);
    }
}
