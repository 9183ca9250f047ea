package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTrainingTest {

    @Test
    void splitsTheArgumentsAtEveryThen() {
        List<String[]> lines =
                StartupTraining.commandLines(
                        new String[] {
                            "check",
                            "a.md",
                            "--then",
                            "check",
                            "--cache",
                            "dir",
                            "--then",
                            "--version"
                        });

        assertThat(lines)
                .containsExactly(
                        new String[] {"check", "a.md"},
                        new String[] {"check", "--cache", "dir"},
                        new String[] {"--version"});
    }

    @Test
    void oneCommandLineWithoutThenIsRunAsItIs() {
        assertThat(StartupTraining.commandLines(new String[] {"check", "x"}))
                .containsExactly(new String[] {"check", "x"});
        assertThat(StartupTraining.commandLines(new String[0])).containsExactly(new String[0]);
    }
}
