package dev.specgate.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.model.Section;
import dev.specgate.core.schema.HeadingKey;
import org.junit.jupiter.api.Test;

/**
 * A heading's trailing {@code {#id}} attribute, read the same wherever a heading is read: by the
 * anchors core collects, by heading keys and by the dashboard (which asks {@link HeadingText}).
 */
class HeadingTextTest {

    @Test
    void anAttributeFollowedByAnHtmlCommentIsStillTheHeadingsAttribute() {
        assertThat(HeadingText.attributeId("Title {#custom-id} <!-- note -->"))
                .isEqualTo("custom-id");
        assertThat(HeadingText.attributeId("Title {#custom-id}<!-- a --> <!-- b -->  "))
                .isEqualTo("custom-id");
        assertThat(HeadingText.withoutAttribute("Title {#custom-id} <!-- note -->"))
                .isEqualTo("Title");
        assertThat(HeadingKey.of("Rollout Plan {#rollout} <!-- optional -->"))
                .isEqualTo(HeadingKey.of("Rollout Plan"));
    }

    @Test
    void aCommentIsNotAnAttributeNorDoesItHideTextAfterIt() {
        assertThat(HeadingText.attributeId("Title <!-- {#not-an-id} -->")).isNull();
        assertThat(HeadingText.attributeId("Title {#id} <!-- note --> and more")).isNull();
        assertThat(HeadingText.attributeId("Title {#id} <!-- unclosed")).isNull();
        assertThat(HeadingText.withoutAttribute("Title <!-- {#x} -->"))
                .isEqualTo("Title <!-- {#x} -->");
    }

    @Test
    void theParsersAnchorsAgreeWithTheAttribute() {
        Section s =
                new SpecParser()
                        .parse("# Spec\r\n\r\n## Title {#custom-id} <!-- note -->\r\nText.\r\n")
                        .sections()
                        .get(1);

        assertThat(s.anchor()).isEqualTo("custom-id");
        assertThat(HeadingText.attributeId(s.title())).isEqualTo("custom-id");
    }
}
