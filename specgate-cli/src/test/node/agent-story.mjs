// An agent's story for McpServerIT, with the official TypeScript SDK: it makes a new spec with
// new_spec (the draft text of another spec, as a start), fills what the draft left open with
// get_spec and update_section, asks set_status for Review (refused: the Reviewer and Next Review
// are still the template's placeholders), sets both with set_field and moves the spec to Review.
// Prints what each step answered as one JSON object for the Java test to assert.
// Usage: node agent-story.mjs JAVA JAR PROJECT_ROOT TODAY DRAFT_PATH SLUG
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { connect } from "./connect.mjs";

const [java, jar, root, today, draft, slug] = process.argv.slice(2);
const client = await connect(java, jar, root, today);
const path = `directives/spec/${today}_spec_${slug}.md`;

function text(result) {
  return result.content.map((c) => c.text).join("\n");
}

async function call(name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    throw new Error(`${name} refused: ${text(result)}`);
  }
  return result.structuredContent;
}

const out = {};
const start = readFileSync(join(root, draft), "utf8")
  .replace(/^# Technical Specification: .*$/m, "# Technical Specification: SMS Failover to a Second Region")
  .replace(/^\*\*File:\*\* .*$/m, "**File:** `../" + path + "`")
  .replace(/^\*\*Created:\*\* .*$/m, "**Created:** " + today);
out.newSpec = await call("new_spec", {
  title: "SMS Failover to a Second Region",
  slug,
  text: start,
});
let hash = out.newSpec.hash;

// fill the sections the draft left open, each from its text as get_spec gives it
const fills = [
  ["Test Types Required", (t) => t.replace("[percentage]", "90")],
  ["Phase 3: Testing & Validation", (t) => t.replace("[Time estimate]", "1 week")],
  ["Phase 4: Deployment & Monitoring", (t) => t.replace("[Time estimate]", "2 weeks")],
  ["Technical Decisions Needed", (t) => t.replace("[Date]", "2026-12-08")],
];
for (const [section, fill] of fills) {
  const spec = await call("get_spec", { path, section });
  const body = spec.sections[0].text;
  const updated = await call("update_section", { path, section, text: fill(body), hash });
  hash = updated.hash;
}

const blocked = await client.callTool({
  name: "set_status",
  arguments: { path, status: "Review", hash },
});
out.blocked = { isError: blocked.isError === true, text: text(blocked) };

out.reviewer = await call("set_field", { path, field: "Reviewer", value: "Lena Fischer", hash });
hash = out.reviewer.hash;
out.nextReview = await call("set_field", { path, field: "next review", value: "2026-12-15", hash });
hash = out.nextReview.hash;

out.moved = await client.callTool({ name: "set_status", arguments: { path, status: "Review", hash } });
await client.close();
process.stdout.write(JSON.stringify(out) + "\n");
