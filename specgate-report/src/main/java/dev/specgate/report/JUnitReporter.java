package dev.specgate.report;

import dev.specgate.core.check.CheckResult;
import dev.specgate.core.check.CheckRun;
import dev.specgate.core.diagnostic.Diagnostic;
import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.rules.Rule;
import dev.specgate.core.rules.RuleIds;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI test reporters read it (Jenkins, GitLab, Azure DevOps, test-reporter actions): a
 * {@code <testsuite>} per spec, a {@code <testcase>} per rule that ran, and a {@code <failure>} per
 * error or warning the rule found there (its {@code type} is the severity). Info findings go to the
 * test case's {@code <system-out>}. A rule with no finding is a passing test case. A folder the
 * search could not read, or a file that could not be read, is a suite of its one failing case: no
 * rule ran there.
 */
public final class JUnitReporter implements CheckReporter {

    private final List<Rule> rules;

    public JUnitReporter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void write(CheckRun run, PrintWriter out) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            long tests = 0;
            long failed = 0;
            for (CheckResult r : run.results()) {
                tests += byRule(r).size();
                failed += failedCases(r);
            }
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "specgate");
            x.writeAttribute("tests", Long.toString(tests));
            x.writeAttribute("failures", Long.toString(failed));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", "0");
            x.writeCharacters("\n");
            for (CheckResult r : run.results()) {
                writeSuite(x, r);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.println();
    }

    private long failedCases(CheckResult r) {
        return byRule(r).values().stream()
                .filter(ds -> ds.stream().anyMatch(JUnitReporter::isFailure))
                .count();
    }

    /**
     * The rules that apply to the file's kind (spec or task list), each with its findings; of a
     * folder the search could not read ({@link CheckResult#unsearchedFolder()}) or a file that
     * could not be read (not UTF-8, binary, too large: its one unreadable-file error), where no
     * rule ran, only its findings, not a passing case per rule.
     */
    private Map<String, List<Diagnostic>> byRule(CheckResult r) {
        Map<String, List<Diagnostic>> map = new LinkedHashMap<>();
        DocumentKind kind = DocumentKind.of(r.path());
        boolean noRuleRan =
                r.unsearchedFolder()
                        || r.diagnostics().stream()
                                .anyMatch(d -> d.ruleId().equals(RuleIds.UNREADABLE_FILE));
        for (Rule rule : noRuleRan ? List.<Rule>of() : rules) {
            if (rule.documentKinds().contains(kind)) {
                map.put(rule.id(), new ArrayList<>());
            }
        }
        for (Diagnostic d : r.diagnostics()) {
            map.computeIfAbsent(d.ruleId(), k -> new ArrayList<>()).add(d);
        }
        return map;
    }

    private static boolean isFailure(Diagnostic d) {
        return d.severity() != Severity.INFO;
    }

    private void writeSuite(XMLStreamWriter x, CheckResult r) throws XMLStreamException {
        String path = DisplayPath.of(r.path());
        Map<String, List<Diagnostic>> cases = byRule(r);
        long failures =
                cases.values().stream()
                        .filter(ds -> ds.stream().anyMatch(JUnitReporter::isFailure))
                        .count();
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", clean(path));
        x.writeAttribute("tests", Integer.toString(cases.size()));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", "0");
        x.writeCharacters("\n");
        for (Map.Entry<String, List<Diagnostic>> c : cases.entrySet()) {
            writeCase(x, path, c.getKey(), c.getValue());
        }
        x.writeCharacters("  ");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void writeCase(
            XMLStreamWriter x, String path, String ruleId, List<Diagnostic> found)
            throws XMLStreamException {
        x.writeCharacters("    ");
        if (found.isEmpty()) {
            x.writeEmptyElement("testcase");
            writeCaseAttributes(x, path, ruleId);
            x.writeCharacters("\n");
            return;
        }
        x.writeStartElement("testcase");
        writeCaseAttributes(x, path, ruleId);
        // JUnit's schema allows one <failure> per test case: it holds every finding of the rule
        StringBuilder infos = new StringBuilder();
        StringBuilder failures = new StringBuilder();
        Diagnostic first = null;
        int count = 0;
        Severity worst = Severity.INFO;
        for (Diagnostic d : found) {
            String line =
                    path
                            + ":"
                            + where(d)
                            + ": "
                            + d.severity().label()
                            + " ["
                            + d.ruleId()
                            + "] "
                            + d.message();
            if (!isFailure(d)) {
                infos.append(line).append('\n');
                continue;
            }
            failures.append(line).append('\n');
            count++;
            if (first == null) {
                first = d;
            }
            if (d.severity().compareTo(worst) < 0) {
                worst = d.severity();
            }
        }
        if (first != null) {
            String message = "line " + where(first) + ": " + first.message();
            if (count > 1) {
                message += " (and " + (count - 1) + " more)";
            }
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            x.writeAttribute("type", worst.label());
            x.writeAttribute("message", clean(message));
            x.writeCharacters(clean(failures.toString()));
            x.writeEndElement();
        }
        if (infos.length() > 0) {
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(clean(infos.toString()));
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static String where(Diagnostic d) {
        return (d.range().startLine() + 1) + ":" + (d.range().startColumn() + 1);
    }

    private static void writeCaseAttributes(XMLStreamWriter x, String path, String ruleId)
            throws XMLStreamException {
        x.writeAttribute("name", ruleId);
        x.writeAttribute("classname", clean(path));
        x.writeAttribute("time", "0");
    }

    /** Replaces characters XML 1.0 cannot hold (most control characters) with U+FFFD. */
    public static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    c == '\t'
                            || c == '\n'
                            || c == '\r'
                            || (c >= 0x20 && c <= 0xD7FF)
                            || Character.isSurrogate(c)
                            || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
