package dev.berth.cli;

import dev.berth.generator.Environment;
import picocli.CommandLine.Help.Ansi;

/**
 * Whether berth's output may carry colour (today: picocli's help and usage text). Never with {@code NO_COLOR} set to
 * anything but the empty string (no-color.org), never on a {@code TERM=dumb} terminal or without a {@code TERM} at
 * all (cron, systemd units, Ansible); otherwise only on a terminal, which picocli's {@link Ansi#AUTO} finds out
 * when help is first printed (so a command that prints no help never asks).
 */
final class Colours {

    private Colours() {
    }

    static Ansi choose(Environment env) {
        if (!env.variable("NO_COLOR").orElse("").isEmpty()) {
            return Ansi.OFF;
        }
        String term = env.variable("TERM").orElse("");
        if (term.isEmpty() || term.equals("dumb")) {
            return Ansi.OFF;
        }
        return Ansi.AUTO;
    }
}
