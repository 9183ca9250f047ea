package dev.specgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official SARIF 2.1.0 JSON schema (OASIS), carried unmodified as a test resource: see {@code
 * src/test/resources/sarif/README.md} for its source and licence.
 */
public final class SarifSchema {

    static final String RESOURCE = "/sarif/sarif-schema-2.1.0.json";
    private static Schema schema;

    private SarifSchema() {}

    /** Asserts that {@code sarif} is valid SARIF 2.1.0; fails if the schema is not on the path. */
    public static synchronized void assertValid(JsonNode sarif) {
        if (schema == null) {
            try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new AssertionError("SARIF schema not on the test classpath: " + RESOURCE);
                }
                schema =
                        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                                .getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Error> errors = schema.validate(sarif);
        assertThat(errors).as("SARIF schema violations").isEmpty();
    }
}
