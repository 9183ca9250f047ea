// How McpServerIT's driver scripts start `java -jar specgate.jar mcp --root ROOT --today TODAY`
// over stdio with the official TypeScript SDK's client, and connect to it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

export async function connect(java, jar, root, today) {
  const transport = new StdioClientTransport({
    command: java,
    args: ["-jar", jar, "mcp", "--root", root, "--today", today],
    stderr: "inherit",
  });
  const client = new Client({ name: "specgate-it-node", version: "1.0.0" });
  await client.connect(transport);
  return client;
}
