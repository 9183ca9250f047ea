package dev.specgate.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.diagnostic.EditDistance;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments one tool takes, read from its {@code inputSchema} in tools.json: the one check of a
 * call's arguments, driven by that schema, in Specgate's words. It stands in for the SDK's check
 * (turned off), whose answer begins {@code Tool (NAME) input validation failed:} and quotes a JSON
 * Schema library. A wrong type, a missing required argument and an unknown one (with core's "did
 * you mean") each come back as one reason naming the argument; the call is then refused as any
 * other tool refusal is, a result with {@code isError}. {@code null} for an argument that is not
 * required is taken as not given (some hosts send it for an optional parameter they do not set);
 * for a required one it is refused, naming it.
 *
 * <p>It knows the schema keywords tools.json uses ({@code type}, {@code properties}, {@code
 * required}, {@code additionalProperties}, {@code items}, {@code minimum}, {@code default}, {@code
 * description}); a schema with any other is refused when the server starts, so that no keyword is
 * passed over unchecked, and so is a default that does not fit its argument's schema. A default is
 * written there alone: the tools read it with {@link #defaultOf}.
 */
final class ToolArguments {

    /** The keywords an argument's schema may use. */
    private static final Set<String> ARGUMENT_KEYWORDS =
            Set.of("type", "description", "default", "items", "minimum");

    /** The keywords a tool's input schema may use. */
    private static final Set<String> OBJECT_KEYWORDS =
            Set.of("type", "description", "properties", "required", "additionalProperties");

    /** How much of a string argument a refusal quotes. */
    private static final int SHOWN_CHARS = 40;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tool;
    private final Map<String, Argument> arguments;
    private final Set<String> required;
    private final boolean closed;

    private ToolArguments(
            String tool, Map<String, Argument> arguments, Set<String> required, boolean closed) {
        this.tool = tool;
        this.arguments = arguments;
        this.required = required;
        this.closed = closed;
    }

    /**
     * The arguments {@code tool} takes, as its input schema says.
     *
     * @throws IllegalStateException when the schema uses a keyword this check does not know, or is
     *     not an object's schema (a mistake in tools.json)
     */
    static ToolArguments of(String tool, JsonNode schema) {
        requireNonNull(tool, "tool must not be null");
        requireNonNull(schema, "schema must not be null");
        String where = "tools.json: the input schema of " + tool;
        known(schema, OBJECT_KEYWORDS, where);
        if (!"object".equals(schema.path("type").asText())) {
            throw new IllegalStateException(where + " must be of type object");
        }
        Map<String, Argument> arguments = new LinkedHashMap<>();
        schema.path("properties")
                .fields()
                .forEachRemaining(
                        p ->
                                arguments.put(
                                        p.getKey(),
                                        Argument.of(
                                                p.getValue(), where + ", '" + p.getKey() + "'")));
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode r : schema.path("required")) {
            if (!arguments.containsKey(r.asText())) {
                throw new IllegalStateException(
                        where + " requires '" + r.asText() + "', which it does not describe");
            }
            required.add(r.asText());
        }
        boolean closed = !schema.path("additionalProperties").asBoolean(true);
        return new ToolArguments(tool, arguments, required, closed);
    }

    /**
     * The arguments of {@code tool} as tools.json's input schema gives them, read once.
     *
     * @throws IllegalArgumentException when tools.json has no tool of that name
     */
    static ToolArguments of(String tool) {
        ToolArguments of = Defined.ALL.get(tool);
        if (of == null) {
            throw new IllegalArgumentException("tools.json has no tool " + tool);
        }
        return of;
    }

    /** tools.json's tools, read once, when first asked for. */
    private static final class Defined {
        static final Map<String, ToolArguments> ALL = all();

        private static Map<String, ToolArguments> all() {
            Map<String, ToolArguments> all = new LinkedHashMap<>();
            for (JsonNode d : SpecgateMcpServer.definitions()) {
                String name = d.get("name").asText();
                all.put(name, ToolArguments.of(name, d.get("inputSchema")));
            }
            return Map.copyOf(all);
        }
    }

    /**
     * The value the argument {@code name} has when it is not given: its schema's {@code default},
     * the one place a default is written (the tools read it here).
     *
     * @throws IllegalStateException when its schema gives it no default (a mistake in tools.json or
     *     in the tool that asks)
     */
    Object defaultOf(String name) {
        Argument argument = arguments.get(name);
        if (argument == null || argument.byDefault() == null) {
            throw new IllegalStateException(
                    "tools.json: the input schema of " + tool + " gives '" + name + "' no default");
        }
        return argument.byDefault();
    }

    /** Refuses the call when {@code args} do not fit the schema, naming every reason. */
    void check(Map<String, Object> args) {
        List<String> problems = problems(args);
        if (problems.size() == 1) {
            throw new ToolRefusal(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new ToolRefusal(
                    problems.size() + " arguments of " + tool + " are not right", problems);
        }
    }

    /** What is wrong with {@code args}, each in one line; empty when they fit. */
    List<String> problems(Map<String, Object> args) {
        List<String> problems = new ArrayList<>();
        Set<String> suggested = new LinkedHashSet<>();
        for (Map.Entry<String, Object> a : args.entrySet()) {
            Argument known = arguments.get(a.getKey());
            if (known != null) {
                if (a.getValue() == null && !required.contains(a.getKey())) {
                    // not given: some hosts send null for an optional argument they do not set
                    continue;
                }
                known.problem(a.getKey(), a.getValue()).ifPresent(problems::add);
                continue;
            }
            if (!closed) {
                continue;
            }
            Optional<String> near =
                    EditDistance.nearestValue(
                            a.getKey(),
                            arguments.keySet().stream().filter(n -> !args.containsKey(n)).toList());
            near.ifPresent(suggested::add);
            problems.add(
                    "unknown argument '"
                            + shown(oneLine(a.getKey()))
                            + "'"
                            + near.map(EditDistance::didYouMean).orElse("")
                            + (arguments.isEmpty()
                                    ? " (" + tool + " takes no arguments)"
                                    : " ("
                                            + tool
                                            + " takes "
                                            + String.join(", ", arguments.keySet())
                                            + ")"));
        }
        for (String name : required) {
            // an unknown argument that looks like it already says it is missing
            if (!args.containsKey(name) && !suggested.contains(name)) {
                problems.add(
                        "'"
                                + name
                                + "' is required ("
                                + arguments.get(name).expected()
                                + ")"
                                + arguments.get(name).described());
            }
        }
        return problems;
    }

    private static void known(JsonNode schema, Set<String> keywords, String where) {
        if (!schema.isObject()) {
            throw new IllegalStateException(where + " is not a JSON object");
        }
        schema.fieldNames()
                .forEachRemaining(
                        k -> {
                            if (!keywords.contains(k)) {
                                throw new IllegalStateException(
                                        where
                                                + " uses '"
                                                + k
                                                + "', which ToolArguments does not check");
                            }
                        });
    }

    /** One argument's schema: its types, the schema of its items, its minimum. */
    private record Argument(
            List<String> types,
            Argument items,
            BigDecimal minimum,
            String description,
            Object byDefault) {

        static Argument of(JsonNode schema, String where) {
            known(schema, ARGUMENT_KEYWORDS, where);
            List<String> types = new ArrayList<>();
            JsonNode type = schema.get("type");
            if (type == null) {
                throw new IllegalStateException(where + " has no type");
            }
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            for (String t : types) {
                if (!List.of("string", "integer", "number", "boolean", "array", "object", "null")
                        .contains(t)) {
                    throw new IllegalStateException(where + " has the unknown type '" + t + "'");
                }
            }
            Argument items =
                    schema.has("items")
                            ? Argument.of(schema.get("items"), where + "'s items")
                            : null;
            BigDecimal minimum =
                    schema.has("minimum") ? schema.get("minimum").decimalValue() : null;
            Object byDefault =
                    schema.has("default")
                            ? JSON.convertValue(schema.get("default"), Object.class)
                            : null;
            Argument argument =
                    new Argument(
                            List.copyOf(types),
                            items,
                            minimum,
                            schema.path("description").asText(""),
                            byDefault);
            if (byDefault != null) {
                argument.wrong(byDefault)
                        .ifPresent(
                                found -> {
                                    throw new IllegalStateException(
                                            where
                                                    + " has a default that is not "
                                                    + argument.expected()
                                                    + ": "
                                                    + found);
                                });
            }
            return argument;
        }

        /**
         * Why {@code value} does not fit, naming the argument as {@code name}; empty when it does.
         */
        Optional<String> problem(String name, Object value) {
            Optional<String> wrong = wrong(value);
            return wrong.map(found -> "'" + name + "' must be " + expected() + ", found " + found);
        }

        /** What is found in {@code value} that does not fit, or empty when it fits. */
        private Optional<String> wrong(Object value) {
            if (!types.stream().anyMatch(t -> is(t, value))) {
                return Optional.of(found(value));
            }
            if (minimum != null && value instanceof Number n && below(n, minimum)) {
                return Optional.of(found(value));
            }
            if (items != null && value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Optional<String> item = items.wrong(list.get(i));
                    if (item.isPresent()) {
                        return Optional.of(item.get() + " as item " + (i + 1));
                    }
                }
            }
            return Optional.empty();
        }

        /** What the argument must be: {@code a string}, {@code a whole number, 1 or more}. */
        String expected() {
            List<String> words = new ArrayList<>();
            for (String t : types) {
                words.add(
                        switch (t) {
                            case "string" -> "a string";
                            case "integer" -> "a whole number";
                            case "number" -> "a number";
                            case "boolean" -> "true or false";
                            case "array" ->
                                    items == null
                                            ? "an array"
                                            : "an array of " + plural(items.expected());
                            case "object" -> "an object";
                            default -> "null";
                        });
            }
            String said = String.join(" or ", words);
            return minimum == null ? said : said + ", " + minimum.toPlainString() + " or more";
        }

        /** {@code : The spec file, relative to the project root.}, or "" when undescribed. */
        String described() {
            return description.isBlank() ? "" : ": " + description;
        }

        private static String plural(String expected) {
            return switch (expected) {
                case "a string" -> "strings";
                case "a whole number" -> "whole numbers";
                case "a number" -> "numbers";
                case "an object" -> "objects";
                case "an array" -> "arrays";
                default -> "values that are " + expected;
            };
        }

        private static boolean is(String type, Object value) {
            return switch (type) {
                case "string" -> value instanceof String;
                case "integer" -> value instanceof Number n && whole(n);
                case "number" -> value instanceof Number;
                case "boolean" -> value instanceof Boolean;
                case "array" -> value instanceof List<?>;
                case "object" -> value instanceof Map<?, ?>;
                default -> value == null;
            };
        }

        /** A whole number, as JSON Schema counts one: {@code 3} and {@code 3.0} are. */
        private static boolean whole(Number n) {
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                return Double.isFinite(d) && d == Math.rint(d);
            }
            if (n instanceof BigDecimal b) {
                return b.stripTrailingZeros().scale() <= 0;
            }
            return true;
        }

        /** Whether {@code n} is less than {@code minimum}; an infinite double is by its sign. */
        private static boolean below(Number n, BigDecimal minimum) {
            if (!finite(n)) {
                return n.doubleValue() < 0 || Double.isNaN(n.doubleValue());
            }
            return decimal(n).compareTo(minimum) < 0;
        }

        /** A double or float that is infinite or NaN is not; every other number is. */
        static boolean finite(Number n) {
            return !(n instanceof Double || n instanceof Float) || Double.isFinite(n.doubleValue());
        }

        /** {@code n} exactly, for a finite one ({@link #finite}). */
        static BigDecimal decimal(Number n) {
            if (n instanceof BigDecimal b) {
                return b;
            }
            if (n instanceof BigInteger b) {
                return new BigDecimal(b);
            }
            if (n instanceof Double || n instanceof Float) {
                return BigDecimal.valueOf(n.doubleValue());
            }
            return BigDecimal.valueOf(n.longValue());
        }
    }

    /** A JSON value as a refusal names it: {@code the string "yes"}, {@code the number 3}. */
    static String found(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string " + quoted(shown(s));
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number n) {
            if (!Argument.finite(n)) {
                // 1e400 is read as Infinity: a double holds no more than about 1.8e308
                double d = n.doubleValue();
                if (Double.isNaN(d)) {
                    return "NaN";
                }
                return d > 0
                        ? "a number too large to read (more than 1.8e308)"
                        : "a number too large to read (less than -1.8e308)";
            }
            BigDecimal exact = Argument.decimal(n).stripTrailingZeros();
            String plain = exact.toPlainString();
            if (plain.length() <= SHOWN_CHARS) {
                return "the number " + plain;
            }
            // 1e300 is 301 digits written out: then as 1E+300, its digits shortened as a
            // string is, the exponent kept
            String sci = exact.toString();
            int e = sci.indexOf('E');
            if (sci.length() <= SHOWN_CHARS) {
                return "the number " + sci;
            }
            return "the number "
                    + (e < 0
                            ? shown(sci)
                            : sci.substring(0, SHOWN_CHARS - (sci.length() - e))
                                    + "..."
                                    + sci.substring(e));
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "an empty array" : "an array";
        }
        return "an object";
    }

    /** {@code s}, or its first {@value #SHOWN_CHARS} characters and "..." when longer. */
    private static String shown(String s) {
        return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "...";
    }

    private static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is JSON", e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
