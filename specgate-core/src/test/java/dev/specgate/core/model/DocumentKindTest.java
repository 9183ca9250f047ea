package dev.specgate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A file's kind comes from its name alone, never from the folders above it. */
class DocumentKindTest {

    @Test
    void aTaskListIsNamedSoItsFoldersDoNotCount() {
        assertThat(DocumentKind.of(Path.of("directives/tasks/2026-11-02_task_retry-queue.md")))
                .isEqualTo(DocumentKind.TASK_LIST);
        assertThat(DocumentKind.of(Path.of("2026-11-02_task_retry-queue.md")))
                .isEqualTo(DocumentKind.TASK_LIST);
        assertThat(DocumentKind.of(Path.of("/work/a_task_b/directives/spec/2026-11-02_spec_x.md")))
                .isEqualTo(DocumentKind.SPEC);
        assertThat(DocumentKind.of(Path.of("a_task_/x.md"))).isEqualTo(DocumentKind.SPEC);
        assertThat(DocumentKind.of(Path.of("directives/spec/2026-11-02_spec_x.md")))
                .isEqualTo(DocumentKind.SPEC);
        assertThat(DocumentKind.of(Path.of("/"))).isEqualTo(DocumentKind.SPEC);
        assertThat(DocumentKind.of(Path.of(""))).isEqualTo(DocumentKind.SPEC);
        assertThat(DocumentKind.of(null)).isEqualTo(DocumentKind.SPEC);
    }
}
