package dev.specgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The official SARIF 2.1.0 JSON schema, which the project keeps in {@code shared/schemas} beside
 * the checkout ({@code ../shared/schemas} from the repository root, as CI lays it out). A worktree
 * may sit deeper, so the repository root's ancestors are searched too.
 */
final class SarifSchema {

    static final String FILE = "shared/schemas/sarif-schema-2.1.0.json";
    private static JsonSchema schema;

    private SarifSchema() {}

    /** Where the schema is, starting from the {@code specgate.repoRoot} the build passes. */
    static Optional<Path> locate() {
        String root = System.getProperty("specgate.repoRoot", "..");
        for (Path p = Path.of(root).toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Asserts that {@code sarif} is valid SARIF 2.1.0. Without the schema file the test fails in CI
     * (CI=true), where the schema must be present, and is skipped elsewhere.
     */
    static synchronized void assertValid(JsonNode sarif) {
        if (schema == null) {
            Optional<Path> file = locate();
            if (file.isEmpty()) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new AssertionError("SARIF schema not found: ../" + FILE);
                }
                Assumptions.abort("SARIF schema not found: ../" + FILE);
            }
            try (InputStream in = Files.newInputStream(file.get())) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).as("SARIF schema violations").isEmpty();
    }
}
