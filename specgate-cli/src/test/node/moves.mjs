// A real third-party MCP client for McpServerIT: the official TypeScript SDK starts
// `java -jar specgate.jar mcp` over stdio, says it is ready, and then, each time the Java test
// moves a folder (in, then out), waits for notifications/resources/list_changed until the listed
// resources hold the given URI (after the move in) and no longer hold it (after the move out).
// One JSON line per step on stdout: {"ready":true}, then what it saw after each move.
// Usage: node moves.mjs JAVA JAR PROJECT_ROOT TODAY URI
import { connect } from "./connect.mjs";
import { ResourceListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const [java, jar, root, today, uri] = process.argv.slice(2);

let waiting = null; // { done(uris) -> boolean, resolve, notifications }

function announced(done) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no list_changed within 60 s")), 60000);
    waiting = {
      done,
      notifications: 0,
      resolve: (v) => {
        clearTimeout(timer);
        resolve(v);
      },
    };
  });
}

const client = await connect(java, jar, root, today);
client.setNotificationHandler(ResourceListChangedNotificationSchema, async () => {
  if (waiting === null) {
    return;
  }
  waiting.notifications++;
  const uris = (await client.listResources()).resources.map((r) => r.uri);
  if (waiting !== null && waiting.done(uris)) {
    const w = waiting;
    waiting = null;
    w.resolve({ notifications: w.notifications, listed: uris.includes(uri) });
  }
});
const before = (await client.listResources()).resources.map((r) => r.uri);
let step = announced((uris) => uris.includes(uri));
process.stdout.write(JSON.stringify({ ready: true, listed: before.includes(uri) }) + "\n");
process.stdout.write(JSON.stringify({ movedIn: await step }) + "\n");
step = announced((uris) => !uris.includes(uri));
process.stdout.write(JSON.stringify({ ready: true }) + "\n");
process.stdout.write(JSON.stringify({ movedOut: await step }) + "\n");
await client.close();
