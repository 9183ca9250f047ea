package dev.specgate.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.project.ConfigChoice;
import dev.specgate.core.project.SpecProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace folder with no {@code directives/} folder: {@code check FOLDER} takes the Markdown
 * files directly in it as specs, and so does the editor (before, it said "not checked" of each
 * while {@code check .} reported their findings); a file in a subfolder is taken by neither, and
 * once the folder has a {@code directives/} folder the loose files are left out by both.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LooseSpecsLspTest {

    @TempDir Path tmp;

    private static final String SPEC = "2026-11-09_spec_refund-idempotency-keys.md";

    @Test
    void markdownDirectlyInAFolderWithoutDirectivesIsCheckedAsCheckDotChecksIt() throws Exception {
        Path spec = tmp.resolve(SPEC);
        Files.copy(LspFeaturesTest.DEMO.resolve("directives/spec/" + SPEC), spec);
        // a Windows-written note with a BOM, directly in the folder, and one in a subfolder
        Path note = tmp.resolve("Notes on clés.md");
        Files.writeString(note, "\uFEFF# Refund keys: open points\r\n\r\n- rotate keys?\r\n");
        Path deeper = tmp.resolve("notes/2026-11-10_spec_later.md");
        Files.createDirectories(deeper.getParent());
        Files.copy(spec, deeper);
        assertThat(SpecProject.open(tmp, ConfigChoice.nearest()).findAny(List.of(tmp)).specs())
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(SPEC, "Notes on clés.md");

        LspSession session = LspSession.pushing(tmp, "loose");
        try {
            assertThat(opened(session, spec))
                    .extracting(d -> d.getCode().getLeft())
                    .contains("section-missing", "field-value")
                    .doesNotContain(SpecInspection.NOT_CHECKED);
            assertThat(opened(session, note))
                    .extracting(d -> d.getCode().getLeft())
                    .contains("section-missing")
                    .doesNotContain(SpecInspection.NOT_CHECKED);
            assertThat(opened(session, deeper))
                    .extracting(d -> d.getCode().getLeft())
                    .containsExactly(SpecInspection.NOT_CHECKED);
        } finally {
            session.close();
        }

        // a workspace folder opened inside a project with a directives/ folder above it is not
        // searched on its own: check . from the project's root does not take its files
        Path inner = tmp.resolve("svc");
        Files.createDirectories(inner.resolve("docs"));
        Files.createDirectories(tmp.resolve("svc/directives/spec"));
        Path parked = inner.resolve("docs/" + SPEC);
        Files.copy(spec, parked);
        session = LspSession.pushing(inner.resolve("docs"), "docs");
        try {
            assertThat(opened(session, parked))
                    .extracting(d -> d.getCode().getLeft())
                    .containsExactly(SpecInspection.NOT_CHECKED);
        } finally {
            session.close();
        }

        // with a directives/ folder, check . looks there only: the loose files are left out
        Files.createDirectories(tmp.resolve("directives/spec"));
        Files.copy(deeper, tmp.resolve("directives/spec/2026-11-10_spec_later.md"));
        session = LspSession.pushing(tmp, "loose");
        try {
            assertThat(opened(session, spec))
                    .extracting(d -> d.getCode().getLeft())
                    .containsExactly(SpecInspection.NOT_CHECKED);
            assertThat(opened(session, note)).isEmpty();
        } finally {
            session.close();
        }
    }

    private static List<Diagnostic> opened(LspSession session, Path file) throws Exception {
        String uri = file.toUri().toString();
        session.open(uri, Files.readString(file));
        return session.next(uri).getDiagnostics();
    }
}
