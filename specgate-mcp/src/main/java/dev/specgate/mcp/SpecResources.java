package dev.specgate.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.discovery.LinkTarget;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.project.SpecProject;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManagerFactory;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project as MCP resources: each spec and task list as {@code specgate://spec/<path>} (the path
 * percent-encoded where it must be: {@link #uri}; text/markdown, its bytes as they are on disk),
 * the template as {@code specgate://template}, and the project summary (what {@code list_specs} and
 * {@code check} say) as {@code specgate://project}. {@link #sync} brings the listed specs in line
 * with the disk; the server then tells the client the list changed.
 */
final class SpecResources {

    static final String SPEC_PREFIX = "specgate://spec/";

    /** The template that reads any spec by its path ({@link #uriTemplates}). */
    static final String ANY_SPEC = SPEC_PREFIX + "{path}";

    static final String TEMPLATE_URI = "specgate://template";
    static final String PROJECT_URI = "specgate://project";
    static final String MARKDOWN = "text/markdown";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpecTools tools;
    private final Set<String> listed = new TreeSet<>();
    private final Set<String> templates = new TreeSet<>();

    SpecResources(SpecTools tools) {
        this.tools = requireNonNull(tools, "tools must not be null");
    }

    /** The template and the project summary; the specs come with {@link #sync}. */
    List<SyncResourceSpecification> fixed() {
        return List.of(
                new SyncResourceSpecification(
                        McpSchema.Resource.builder()
                                .uri(TEMPLATE_URI)
                                .name("template")
                                .title("The spec template")
                                .description(
                                        "The Markdown template specs are checked against, with"
                                                + " its guidance under each heading.")
                                .mimeType(MARKDOWN)
                                .build(),
                        (exchange, request) -> template(request.uri())),
                new SyncResourceSpecification(
                        McpSchema.Resource.builder()
                                .uri(PROJECT_URI)
                                .name("project")
                                .title("Project summary")
                                .description(
                                        "Every spec's summary (list_specs) and the project's"
                                                + " check counts (check).")
                                .mimeType("application/json")
                                .build(),
                        (exchange, request) ->
                                text(request.uri(), "application/json", projectSummary())));
    }

    /** The resource templates: any spec by path, and one per folder that holds specs. */
    List<SyncResourceTemplateSpecification> templates(List<String> folders) {
        List<SyncResourceTemplateSpecification> out = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        uris.add(ANY_SPEC);
        folders.forEach(f -> uris.add(uri(f) + "/{name}"));
        for (String uri : uris) {
            if (!templates.add(uri)) {
                continue;
            }
            out.add(
                    new SyncResourceTemplateSpecification(
                            McpSchema.ResourceTemplate.builder()
                                    .uriTemplate(uri)
                                    .name(uri.substring(SPEC_PREFIX.length()))
                                    .title("A spec or task list by path")
                                    .description(
                                            "A spec's Markdown, by its path relative to the"
                                                    + " project root.")
                                    .mimeType(MARKDOWN)
                                    .build(),
                            (exchange, request) -> readSpec(request.uri())));
        }
        return out;
    }

    /**
     * How the server matches a URI against its resources and templates: as the SDK does, but for
     * {@link #ANY_SPEC}, whose {@code {path}} is the whole path after {@code specgate://spec/},
     * slashes and all (the SDK's variables stop at a {@code /}, and RFC 6570 writes one in a
     * variable as {@code %2F}, which reading decodes as well). So every {@code specgate://spec/}
     * URI reaches {@link #readSpec} and is answered in Specgate's words, whether or not its folder
     * has a template of its own: when the configuration could not be used at start no folder's was
     * registered, and a spec's URI got the SDK's bare "Resource not found" instead of the
     * configuration's problem.
     */
    static McpUriTemplateManagerFactory uriTemplates() {
        McpUriTemplateManagerFactory sdk = new DefaultMcpUriTemplateManagerFactory();
        return template -> {
            McpUriTemplateManager plain = sdk.create(template);
            if (!template.equals(ANY_SPEC)) {
                return plain;
            }
            return new McpUriTemplateManager() {
                @Override
                public List<String> getVariableNames() {
                    return List.of("path");
                }

                @Override
                public Map<String, String> extractVariableValues(String uri) {
                    return matches(uri)
                            ? Map.of("path", uri.substring(SPEC_PREFIX.length()))
                            : Map.of();
                }

                @Override
                public boolean matches(String uri) {
                    return uri != null
                            && uri.startsWith(SPEC_PREFIX)
                            && uri.length() > SPEC_PREFIX.length();
                }

                @Override
                public boolean isUriTemplate(String uri) {
                    return plain.isUriTemplate(uri);
                }
            };
        };
    }

    /** The folders (relative, with /) that hold the given specs. */
    static List<String> folders(List<String> specs) {
        Set<String> out = new TreeSet<>();
        for (String s : specs) {
            int cut = s.lastIndexOf('/');
            if (cut > 0) {
                out.add(s.substring(0, cut));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Lists the specs that are on disk now and drops those that are gone; true when the list
     * changed. Each add and removal makes the server send {@code notifications/resources/
     * list_changed}.
     */
    synchronized boolean sync(McpSyncServer server) {
        List<String> now = tools.specPaths();
        Set<String> current = new TreeSet<>(now);
        boolean changed = false;
        for (String gone : new ArrayList<>(listed)) {
            if (!current.contains(gone)) {
                server.removeResource(uri(gone));
                listed.remove(gone);
                changed = true;
            }
        }
        for (String path : now) {
            if (listed.add(path)) {
                server.addResource(spec(path));
                changed = true;
            }
        }
        for (SyncResourceTemplateSpecification t : templates(folders(now))) {
            server.addResourceTemplate(t);
        }
        return changed;
    }

    /** The specs listed at start, before the server runs. */
    synchronized List<SyncResourceSpecification> initial() {
        List<SyncResourceSpecification> out = new ArrayList<>();
        for (String path : tools.specPaths()) {
            listed.add(path);
            out.add(spec(path));
        }
        return out;
    }

    synchronized List<String> listed() {
        return List.copyOf(listed);
    }

    private SyncResourceSpecification spec(String path) {
        // by the name as written, not Path.of(path): under the C locale (a client that passes a
        // few environment variables only) Java cannot make a path of a non-ASCII name it listed
        boolean tasks = path.indexOf(DocumentKind.TASK_INFIX, path.lastIndexOf('/') + 1) >= 0;
        return new SyncResourceSpecification(
                McpSchema.Resource.builder()
                        .uri(uri(path))
                        .name(path)
                        .title(path.substring(path.lastIndexOf('/') + 1))
                        .description(tasks ? "A task list" : "A spec")
                        .mimeType(MARKDOWN)
                        .build(),
                (exchange, request) -> readSpec(request.uri()));
    }

    /**
     * The URI of the spec at {@code path} (relative, with /): {@code specgate://spec/} and the path
     * percent-encoded where it must be (core's {@link LinkTarget#percentEncoded}), so that reading
     * it, which percent-decodes ({@link LinkTarget#percentDecoded}), finds the file again: {@code
     * 100%41.md} is listed as {@code 100%2541.md}, a space as {@code %20}, {@code ü} as {@code
     * %C3%BC}.
     */
    static String uri(String path) {
        return SPEC_PREFIX + LinkTarget.percentEncoded(path);
    }

    private McpSchema.ReadResourceResult readSpec(String uri) {
        try {
            if (!uri.startsWith(SPEC_PREFIX)) {
                throw new ToolRefusal(
                        "not a spec resource: "
                                + uri
                                + " (a spec's URI begins "
                                + SPEC_PREFIX
                                + ", then its path relative to the project root)");
            }
            // its path as a link's is read: %20 a space, a '+' a '+', a bare '%' as written
            String path = LinkTarget.percentDecoded(uri.substring(SPEC_PREFIX.length()));
            return text(uri, MARKDOWN, tools.specText(path));
        } catch (ToolRefusal e) {
            throw refused(uri, e);
        }
    }

    /**
     * A refusal to read {@code uri} as MCP answers it. A configuration that cannot be used is the
     * server's own error, -32603 (for resources the MCP specification names "resource not found"
     * and "internal errors"), in check's words ({@code cannot use the configuration:
     * .specgate.yml:3: ...}): no resource can be served until it is fixed, and the resource asked
     * for may well be there. Any other refusal says that there is no such resource to serve, and
     * why: -32002, "resource not found".
     */
    static McpError refused(String uri, ToolRefusal e) {
        return McpError.builder(
                        e.ofConfiguration()
                                ? McpSchema.ErrorCodes.INTERNAL_ERROR
                                : McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message(e.oneLine())
                .data(Map.of("uri", uri))
                .build();
    }

    private McpSchema.ReadResourceResult template(String uri) {
        try {
            return text(uri, MARKDOWN, tools.templateText());
        } catch (ToolRefusal e) {
            throw refused(uri, e);
        }
    }

    /**
     * What {@code list_specs} and {@code check} of the whole root say, from the root's project
     * opened once for both (so one read follows one configuration); a configuration that cannot be
     * used is said in {@code error}, with no specs.
     */
    private String projectSummary() {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            SpecProject project = tools.rootProject();
            try {
                out.put("specs", tools.listSpecs(project, Map.of()).get("specs"));
            } catch (ToolRefusal e) {
                out.put("specs", List.of());
                out.put("error", e.oneLine());
            }
            try {
                Map<String, Object> check = tools.checkRoot(project);
                out.put("summary", check.get("summary"));
                out.put("passed", check.get("passed"));
            } catch (ToolRefusal e) {
                out.put("error", e.oneLine());
            }
        } catch (ToolRefusal e) {
            out.put("specs", List.of());
            out.put("error", e.oneLine());
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values is JSON", e);
        }
    }

    private static McpSchema.ReadResourceResult text(String uri, String mimeType, String text) {
        return new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(uri, mimeType, text)));
    }
}
