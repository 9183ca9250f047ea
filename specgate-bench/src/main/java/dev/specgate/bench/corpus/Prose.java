package dev.specgate.bench.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Varied, plausible engineering prose from a fixed vocabulary: sentences, paragraphs, lists,
 * tables, code blocks and quotes. Never writes unescaped bracketed text, a literal date placeholder
 * or a relative link, so that what it writes checks clean.
 */
final class Prose {

    private static final String[] SUBJECTS = {
        "The dispatcher",
        "The ingest worker",
        "The payment service",
        "Our gateway",
        "The scheduler",
        "The cache layer",
        "The export job",
        "This change",
        "The new client",
        "The audit pipeline",
        "The search indexer",
        "The billing API",
        "Each replica",
        "The reconciliation job",
        "The session store",
        "The façade",
        "The rate limiter",
        "The notification fan-out",
        "The ledger writer",
        "The feature flag service"
    };
    private static final String[] VERBS = {
        "retries", "batches", "streams", "validates", "deduplicates", "persists", "compacts",
        "throttles", "partitions", "encrypts", "replays", "publishes", "caches", "indexes",
        "reconciles", "migrates", "drains", "signs", "rotates", "shards"
    };
    private static final String[] OBJECTS = {
        "outbound events",
        "ledger entries",
        "merchant callbacks",
        "search documents",
        "session tokens",
        "invoice batches",
        "audit records",
        "price updates",
        "user profiles",
        "webhook payloads",
        "export files",
        "feature toggles",
        "metrics samples",
        "inventory snapshots",
        "refund requests",
        "schema migrations",
        "access logs",
        "shipment notices",
        "credit checks",
        "tax tables"
    };
    private static final String[] QUALIFIERS = {
        "within the existing transaction",
        "with exponential back-off",
        "behind the `platform.v2` flag",
        "before the nightly window closes",
        "without blocking the request thread",
        "in batches of 500",
        "at roughly 2,000 per second",
        "per tenant and per region",
        "under a p99 of 120 ms",
        "only after the schema check passes",
        "with at-least-once semantics",
        "while keeping the naïve path as a fallback",
        "across three availability zones",
        "using idempotency keys",
        "in the Zürich region first",
        "with a 15 minute SLA",
        "and emits a metric per attempt",
        "so that operators can replay it",
        "→ the downstream consumer",
        "at ≤ 50 µs per call"
    };
    private static final String[] IDENTIFIERS = {
        "RetryPolicy", "OutboxWriter", "ledger_entries", "SKIP LOCKED", "maxAttempts",
        "RateLimiter.acquire()", "exportBatchSize", "payments.v2", "X-Request-Id", "tenant_id",
        "GET /v2/invoices", "POST /v1/refunds", "idempotency_key", "fetchSize", "HikariCP",
        "retry.schedule", "kafka.acks=all", "@Transactional", "pg_stat_statements", "p99"
    };
    private static final String[] NOUNS = {
        "latency", "throughput", "error budget", "backlog", "queue depth", "heap usage",
        "lock contention", "cold start", "fan-out", "retention", "cardinality", "replication lag",
        "cost", "tail latency", "blast radius", "on-call load"
    };
    private static final String[] TITLE_WORDS = {
        "Webhook",
        "Retry",
        "Queue",
        "Ledger",
        "Export",
        "Search",
        "Index",
        "Billing",
        "Audit",
        "Session",
        "Cache",
        "Refund",
        "Invoice",
        "Tenant",
        "Rate",
        "Limit",
        "Outbox",
        "Replay",
        "Schema",
        "Migration",
        "Token",
        "Rotation",
        "Inventory",
        "Snapshot",
        "Shipment",
        "Notice",
        "Pricing",
        "Feed",
        "Metrics",
        "Pipeline",
        "Gateway",
        "Timeout",
        "Backfill",
        "Archive"
    };
    private static final String[] PEOPLE = {
        "Priya Raman", "Jonas Weber", "Amélie Durand", "Kenji Sato", "Olu Adeyemi",
        "María José García", "Chen Wei", "Sofia Lindqvist", "Tomás Novák", "Aisha Khan",
        "Liam O'Connor", "Zoë Müller"
    };
    private static final String[] TEAMS = {
        "Payments Platform team",
        "Search Infrastructure",
        "Billing squad",
        "Core Data team",
        "Developer Experience",
        "Identity team",
        "Merchant Integrations"
    };
    private static final String[] EXTERNAL_LINKS = {
        "[RFC 9110](https://www.rfc-editor.org/rfc/rfc9110)",
        "[the outbox pattern](https://microservices.io/patterns/data/transactional-outbox.html)",
        "[PostgreSQL docs](https://www.postgresql.org/docs/16/sql-select.html#SQL-FOR-UPDATE-SHARE)",
        "[the runbook](https://wiki.example.com/runbooks/payments)",
        "<https://status.example.com>",
        "[Kafka semantics](https://kafka.apache.org/documentation/#semantics)",
        "[dashboard](https://grafana.example.com/d/abc123/dispatcher?orgId=1&from=now-6h)"
    };
    private static final String[] ANCHORS = {
        "[the rollback plan](#rollback-strategy)", "[the risks](#risk-assessment)",
        "[the test plan](#testing-strategy)", "[the summary](#executive-summary)",
        "[the API changes](#api-changes)", "[the metrics](#metrics-to-track)"
    };
    private static final String[] LANGUAGES = {"java", "yaml", "sql", "json", "bash", "text"};

    private final SplittableRandom rnd;
    private final List<String> siblings;

    /**
     * @param rnd the random source of one spec
     * @param siblings file names of specs in the same folder that a relative link may name
     */
    Prose(SplittableRandom rnd, List<String> siblings) {
        this.rnd = rnd;
        this.siblings = siblings;
    }

    String pick(String[] words) {
        return words[rnd.nextInt(words.length)];
    }

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    int between(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    String person() {
        return pick(PEOPLE);
    }

    String team() {
        return pick(TEAMS);
    }

    String title() {
        int n = between(2, 4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(pick(TITLE_WORDS));
        }
        return sb.toString();
    }

    String identifier() {
        return "`" + pick(IDENTIFIERS) + "`";
    }

    String date(LocalDate from, int maxDays) {
        return from.plusDays(rnd.nextInt(maxDays) + 1L).toString();
    }

    /** A phrase of a few words, for a short placeholder such as a list value. */
    String phrase() {
        String s =
                switch (rnd.nextInt(4)) {
                    case 0 -> pick(OBJECTS) + " " + pick(QUALIFIERS);
                    case 1 -> pick(NOUNS) + " of " + pick(OBJECTS);
                    case 2 -> pick(VERBS) + " " + pick(OBJECTS) + " via " + identifier();
                    default -> between(2, 40) + " % less " + pick(NOUNS) + " on " + pick(OBJECTS);
                };
        return s;
    }

    String sentence() {
        StringBuilder sb = new StringBuilder();
        sb.append(pick(SUBJECTS)).append(' ').append(pick(VERBS)).append(' ');
        sb.append(pick(OBJECTS)).append(' ').append(pick(QUALIFIERS));
        int extra = rnd.nextInt(10);
        switch (extra) {
            case 0 -> sb.append(", see ").append(pick(EXTERNAL_LINKS));
            case 1 -> sb.append(" (see ").append(pick(ANCHORS)).append(')');
            case 2 -> sb.append("; the knob is ").append(identifier());
            case 3 -> sb.append(", which cuts *").append(pick(NOUNS)).append("* noticeably");
            case 4 -> sb.append(" — **").append(pick(NOUNS)).append("** matters most here");
            case 5 -> {
                if (!siblings.isEmpty()) {
                    String other = siblings.get(rnd.nextInt(siblings.size()));
                    sb.append(", as in [the related spec](").append(other).append(')');
                }
            }
            case 6 -> sb.append(" and reports ").append(identifier()).append(" per tenant");
            default -> {
                // plain sentence
            }
        }
        return sb.append('.').toString();
    }

    /** A paragraph of a few sentences, wrapped at about 100 columns. */
    List<String> paragraph(int minSentences, int maxSentences) {
        StringBuilder sb = new StringBuilder();
        int n = between(minSentences, maxSentences);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(sentence());
        }
        return wrap(sb.toString(), between(80, 110));
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String[] words = text.split(" ");
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** One block of extra content: paragraph, list, table, code, quote or comment. */
    List<String> block() {
        int kind = rnd.nextInt(20);
        if (kind < 7) {
            return paragraph(2, 5);
        } else if (kind < 11) {
            return bulletList();
        } else if (kind < 13) {
            return numberedList();
        } else if (kind < 15) {
            return table();
        } else if (kind < 18) {
            return codeBlock();
        } else if (kind < 19) {
            return quote();
        }
        return List.of("<!-- " + pick(NOUNS) + " reviewed with " + person() + " -->");
    }

    List<String> bulletList() {
        List<String> lines = new ArrayList<>();
        String marker = chance(0.8) ? "- " : "* ";
        int n = between(3, 7);
        for (int i = 0; i < n; i++) {
            if (chance(0.3)) {
                lines.add(
                        marker
                                + "**"
                                + capitalize(pick(NOUNS))
                                + ":** "
                                + phrase()
                                + (chance(0.3) ? " (owner: " + person() + ")" : ""));
            } else {
                lines.add(marker + sentence());
            }
            if (chance(0.2)) {
                lines.add("  " + marker + phrase());
                if (chance(0.3)) {
                    lines.add("    " + marker + identifier() + " " + phrase());
                }
            }
        }
        return lines;
    }

    List<String> numberedList() {
        List<String> lines = new ArrayList<>();
        int n = between(3, 6);
        for (int i = 1; i <= n; i++) {
            lines.add(i + ". **" + capitalize(pick(VERBS)) + "** " + phrase());
        }
        return lines;
    }

    List<String> table() {
        List<String> lines = new ArrayList<>();
        int cols = between(3, 5);
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < cols; c++) {
            header.append(' ').append(capitalize(pick(NOUNS))).append(" |");
            rule.append(
                    switch (rnd.nextInt(3)) {
                        case 0 -> "---|";
                        case 1 -> ":---|";
                        default -> "---:|";
                    });
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        int rows = between(3, 8);
        for (int r = 0; r < rows; r++) {
            StringBuilder row = new StringBuilder("|");
            for (int c = 0; c < cols; c++) {
                String cell =
                        switch (rnd.nextInt(5)) {
                            case 0 -> identifier();
                            case 1 -> between(1, 9999) + " ms";
                            case 2 -> pick(OBJECTS);
                            case 3 -> between(0, 100) + " %";
                            default -> capitalize(pick(VERBS));
                        };
                row.append(' ').append(cell).append(" |");
            }
            lines.add(row.toString());
        }
        return lines;
    }

    List<String> codeBlock() {
        List<String> lines = new ArrayList<>();
        String fence = chance(0.8) ? "```" : "~~~";
        String lang = pick(LANGUAGES);
        lines.add(fence + lang);
        int n = between(4, 18);
        for (int i = 0; i < n; i++) {
            lines.add(codeLine(lang, i));
        }
        lines.add(fence);
        return lines;
    }

    private String codeLine(String lang, int i) {
        String id = pick(IDENTIFIERS).replaceAll("[^A-Za-z_]", "");
        return switch (lang) {
            case "java" ->
                    i == 0
                            ? "final class " + capitalize(id) + "Config {"
                            : "    int "
                                    + id
                                    + i
                                    + " = list.get("
                                    + i
                                    + ") /* ["
                                    + pick(NOUNS)
                                    + "] */;";
            case "yaml" ->
                    i % 3 == 0
                            ? id + ":"
                            : "  "
                                    + id
                                    + i
                                    + ": ["
                                    + between(1, 9)
                                    + "s, "
                                    + between(10, 99)
                                    + "s]"
                                    + (chance(0.2)
                                            ? "  # YYYY-MM-DD or [Date] here is only an example"
                                            : "");
            case "sql" ->
                    "SELECT id, "
                            + id
                            + " FROM "
                            + pick(OBJECTS).replace(' ', '_')
                            + " WHERE attempts < "
                            + i
                            + " FOR UPDATE SKIP LOCKED;";
            case "json" -> "  \"" + id + i + "\": [" + i + ", \"" + pick(NOUNS) + "\"],";
            case "bash" ->
                    "curl -sS -X POST https://api.example.com/v2/"
                            + id
                            + " -d '{\"n\":"
                            + i
                            + "}'  # - [ ] not a task";
            default -> "  " + pick(OBJECTS) + " -> " + pick(OBJECTS) + " [" + i + "]";
        };
    }

    List<String> quote() {
        List<String> lines = new ArrayList<>();
        if (chance(0.3)) {
            lines.add("> [!NOTE]");
        }
        for (String l : paragraph(1, 3)) {
            lines.add("> " + l);
        }
        return lines;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
