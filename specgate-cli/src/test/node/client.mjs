// A real third-party MCP client for McpServerIT: the official TypeScript SDK starts
// `java -jar specgate.jar mcp` over stdio, lists the tools, calls check, get_spec, next_item
// and mark_done, lists and reads resources and lists prompts, and prints what it got as one JSON object for the Java test to assert.
// Usage: node client.mjs JAVA JAR PROJECT_ROOT SPEC_PATH TODAY
import { connect } from "./connect.mjs";

const [java, jar, root, spec, today] = process.argv.slice(2);
const client = await connect(java, jar, root, today);

const out = {};
out.server = client.getServerVersion();
out.tools = (await client.listTools()).tools.map((t) => ({
  name: t.name,
  readOnlyHint: t.annotations?.readOnlyHint ?? null,
  hasOutputSchema: t.outputSchema !== undefined,
}));
out.resources = (await client.listResources()).resources.map((r) => r.uri);
out.resourceTemplates = (await client.listResourceTemplates()).resourceTemplates.map(
  (t) => t.uriTemplate,
);
out.specResource = (await client.readResource({ uri: "specgate://spec/" + spec })).contents[0];
out.prompts = (await client.listPrompts()).prompts.map((p) => p.name);
out.check = await client.callTool({ name: "check", arguments: {} });
out.getSpec = await client.callTool({ name: "get_spec", arguments: { path: spec } });
out.next = await client.callTool({ name: "next_item", arguments: { path: spec } });
const next = out.next.structuredContent.next;
out.markDone = await client.callTool({
  name: "mark_done",
  arguments: { path: spec, item: next.id, hash: out.next.structuredContent.hash },
});
await client.close();
process.stdout.write(JSON.stringify(out) + "\n");
