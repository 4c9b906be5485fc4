package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one command line berth reads without building picocli's model: a job command followed by unit names and
 * nothing else ({@code berth start web db}). Scripts and units run exactly this line, and for it picocli's model
 * (reflection over the annotations, a dynamic proxy class per annotation type, method handles per field) was the
 * largest part of berth's own start-up, ~0.1 s of a 0.5 s {@code berth start} (bench/lifecycle/RESULTS.md).
 *
 * <p>Nothing is parsed twice: the line qualifies only when every word after the command is a plain name, which
 * picocli too reads as nothing but the command's NAME parameters, with every option at its default. Anything else
 * (an option, {@code --}, a picocli {@code @file}, an empty word, no name at all) goes to picocli, which owns the
 * options, their defaults, help and usage errors. {@code PlainJobLineTest} checks that both readings agree.
 */
final class PlainJobLine {

    /**
     * Checked before anything of {@link JobCommand} is touched: other commands never load its classes (see
     * {@code CommandStartupTest}).
     */
    private static final Set<String> JOB_COMMANDS = Set.of("start", "stop", "restart", "reload");

    private PlainJobLine() {
    }

    /** The command for {@code args} when it is such a line; empty when picocli must read it. */
    static Optional<JobCommand> parse(String[] args, Berth.Session session) {
        if (args.length < 2) {
            return Optional.empty();
        }
        for (int i = 1; i < args.length; i++) {
            String word = args[i];
            if (word.isEmpty() || word.charAt(0) == '-' || word.charAt(0) == '@') {
                return Optional.empty();
            }
        }
        if (!JOB_COMMANDS.contains(args[0])) {
            return Optional.empty();
        }
        JobCommand command = JobCommand.named(args[0], session);
        command.names = new ArrayList<>(List.of(args).subList(1, args.length));
        command.manager.user = false;
        command.manager.format = OutputFormat.TEXT;
        return Optional.of(command);
    }
}
