// Reads each URI given as a resource with the official TypeScript SDK's client, and prints, per URI,
// the text it got or the error's code and message, as one JSON object for McpServerIT.
// Usage: node read-resources.mjs JAVA JAR PROJECT_ROOT TODAY URI...
import { connect } from "./connect.mjs";

const [java, jar, root, today, ...uris] = process.argv.slice(2);
const client = await connect(java, jar, root, today);
const out = {};
for (const uri of uris) {
  try {
    out[uri] = { text: (await client.readResource({ uri })).contents[0].text };
  } catch (e) {
    out[uri] = { code: e.code, message: e.message };
  }
}
await client.close();
process.stdout.write(JSON.stringify(out) + "\n");
