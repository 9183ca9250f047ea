// A real third-party MCP client for McpServerIT: the official TypeScript SDK starts
// `java -jar specgate.jar mcp` over stdio on a project whose .specgate.yml leaves a spec out and
// where a symbolic link gives another spec a second name; it asks set_status to move the
// left-out spec, calls check on it and a selected spec by name, then check and list_specs on the
// whole project, and prints what it got as one JSON object for the Java test to assert.
// Usage: node left-out.mjs JAVA JAR PROJECT_ROOT TODAY LEFT_OUT_SPEC ITS_HASH STATUS OTHER_SPEC
import { connect } from "./connect.mjs";

const [java, jar, root, today, spec, hash, status, other] = process.argv.slice(2);
const client = await connect(java, jar, root, today);

const out = {};
out.setStatus = await client.callTool({
  name: "set_status",
  arguments: { path: spec, status, hash },
});
out.checkNamed = await client.callTool({ name: "check", arguments: { paths: [spec, other] } });
out.check = await client.callTool({ name: "check", arguments: {} });
out.listSpecs = await client.callTool({ name: "list_specs", arguments: {} });
await client.close();
process.stdout.write(JSON.stringify(out) + "\n");
