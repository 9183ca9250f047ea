// A real third-party MCP client for McpServerIT: the official TypeScript SDK starts
// `java -jar specgate.jar mcp` over stdio and calls tools with arguments that do not fit their
// input schemas (a wrong type, a required argument left out, a misspelt one), then one that fits,
// and prints each result as one JSON object for the Java test to assert.
// Usage: node bad-arguments.mjs JAVA JAR PROJECT_ROOT TODAY SPEC_PATH
import { connect } from "./connect.mjs";

const [java, jar, root, today, spec] = process.argv.slice(2);
const client = await connect(java, jar, root, today);

const out = {};
out.wrongType = await client.callTool({ name: "get_spec", arguments: { path: 3 } });
out.missing = await client.callTool({ name: "get_spec", arguments: {} });
out.misspelt = await client.callTool({ name: "get_spec", arguments: { pth: spec } });
out.wrongItem = await client.callTool({ name: "check", arguments: { paths: [spec, 7] } });
out.fits = await client.callTool({ name: "next_item", arguments: { path: spec } });
await client.close();
process.stdout.write(JSON.stringify(out) + "\n");
