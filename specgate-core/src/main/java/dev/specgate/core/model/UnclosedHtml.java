package dev.specgate.core.model;

import static java.util.Objects.requireNonNull;

/**
 * An HTML block that ends only at a closing marker and found none before the end of the file, as
 * the block parser read it: a comment ({@code <!--}), a {@code <pre>}, {@code <script>}, {@code
 * <style>} or {@code <textarea>} element, a processing instruction ({@code <?}), a declaration
 * ({@code <!DOCTYPE}) or a CDATA section (CommonMark's HTML blocks of kinds 1 to 5). Markdown reads
 * everything after it as HTML, so every heading, field and box there vanishes.
 *
 * @param opening where its opening marker ({@code <!--}, {@code <pre}) stands, on its line
 * @param opener the opening marker as written ({@code <!--}, {@code <PRE}, {@code <!DOCTYPE})
 * @param closer what closes it ({@code -->}, {@code </pre>}, {@code ?>}, {@code >}, {@code ]]>})
 */
public record UnclosedHtml(SourceRange opening, String opener, String closer) {

    public UnclosedHtml {
        requireNonNull(opening, "opening must not be null");
        requireNonNull(opener, "opener must not be null");
        requireNonNull(closer, "closer must not be null");
    }
}
