package dev.specgate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prompts' answers to what a client asks (the subprocess tests are McpServerIT). */
class SpecPromptsTest {

    static McpSchema.GetPromptResult get(String name, Map<String, Object> arguments) {
        SyncPromptSpecification prompt =
                SpecPrompts.all(false).stream()
                        .filter(p -> p.prompt().name().equals(name))
                        .findFirst()
                        .orElseThrow();
        return prompt.promptHandler().apply(null, new McpSchema.GetPromptRequest(name, arguments));
    }

    @ParameterizedTest
    @CsvSource({"draft_spec, problem", "review_spec, path", "work_next_item, path"})
    void aMissingOrBlankRequiredArgumentIsInvalidParamsNamingIt(String name, String argument) {
        Map<String, Object> blank = new HashMap<>();
        blank.put(argument, "  ");
        for (Map<String, Object> args : new Map[] {Map.of(), blank}) {
            McpError e = catchThrowableOfType(() -> get(name, args), McpError.class);
            assertThat(e).as(name + " " + args).isNotNull();
            assertThat(e.getJsonRpcError().code()).isEqualTo(-32602);
            assertThat(e.getJsonRpcError().message())
                    .isEqualTo("the prompt '" + name + "' needs the argument '" + argument + "'");
            assertThat(e.getJsonRpcError().data())
                    .isEqualTo(Map.of("prompt", name, "argument", argument));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "draft_spec, problem, Refunds are sometimes issued twice (Zoë's report)",
        "review_spec, path, directives/spec/2026-11-09_spec_refund-idempotency-keys.md",
        "work_next_item, path, directives/spec/2026-11-09_spec_refund-idempotency-keys.md"
    })
    void theArgumentIsWrittenIntoTheMessage(String name, String argument, String value) {
        McpSchema.GetPromptResult r = get(name, Map.of(argument, value));
        assertThat(r.messages()).hasSize(1);
        assertThat(((McpSchema.TextContent) r.messages().get(0).content()).text()).contains(value);
    }
}
