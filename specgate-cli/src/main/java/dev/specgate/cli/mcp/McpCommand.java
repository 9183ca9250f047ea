package dev.specgate.cli.mcp;

import dev.specgate.cli.common.BaseCommand;
import dev.specgate.cli.common.ConfigOptions;
import dev.specgate.cli.common.ExitCode;
import dev.specgate.cli.common.SpecgateException;
import dev.specgate.mcp.McpServerOptions;
import dev.specgate.mcp.SpecgateMcpServer;
import dev.specgate.report.DisplayPath;
import dev.specgate.report.SpecgateVersion;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code specgate mcp}: an MCP server over stdio for coding agents. */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the project to coding agents over MCP (Model Context Protocol) on stdin and"
                    + " stdout, until stdin closes. Stdout carries protocol messages only; logs go"
                    + " to stderr.",
            "Read tools: list_specs, get_spec, check, check_text, template, progress, next_item,"
                    + " trace. Write tools (left out with --read-only): new_spec, mark_done,"
                    + " update_section, set_status, set_field, scaffold, tasks; each write names the"
                    + " content"
                    + " hash the agent last read and is refused when the file changed since."
                    + " Resources: each spec (specgate://spec/PATH), the template, the project"
                    + " summary; prompts: draft_spec, review_spec, work_next_item. See"
                    + " docs/agents.md."
        })
public final class McpCommand extends BaseCommand {

    @Option(
            names = "--root",
            paramLabel = "DIR",
            defaultValue = ".",
            description =
                    "The project root; tools take and give paths relative to it and cannot leave"
                            + " it (default: the current directory).")
    private Path root;

    @Option(names = "--read-only", description = "Serve the read tools only.")
    private boolean readOnly;

    @Option(
            names = "--allow-approve",
            description =
                    "Let agents approve a spec, withdraw an approval and edit an approved spec"
                            + " (refused by default: approval is a person's decision; the"
                            + " configuration key mcp: {allow-approve: true} allows it for a"
                            + " project).")
    private boolean allowApprove;

    @Mixin private ConfigOptions configOptions;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isDirectory(root)) {
            throw SpecgateException.usage("--root " + DisplayPath.of(root) + " is not a folder");
        }
        // The protocol owns the real stdout; anything else printing there would corrupt it.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        McpServerOptions options =
                new McpServerOptions(
                        root, configOptions.choice(), readOnly, allowApprove, common::today);
        new SpecgateMcpServer(options, SpecgateVersion.get(), System.err)
                .serve(new FileInputStream(FileDescriptor.in), protocol);
        return ExitCode.CLEAN.code();
    }

    @Override
    public Map<ExitCode, String> exitCodeMeanings() {
        return meanings(
                ExitCode.CLEAN,
                "the client closed stdin",
                ExitCode.USAGE,
                "usage error: --root is not a folder, or an unusable option");
    }
}
