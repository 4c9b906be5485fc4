package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * systemctl takes its options anywhere on the line ({@code systemctl --user status web}); picocli reads a
 * command's options only after the command's name. Options berth's commands share that come before the command
 * are moved after it, unchanged, so that {@code berth --user -q is-active web} reads as
 * {@code berth is-active --user -q web}. Anything else before the command (--help, --version, a typo) is left for
 * picocli to judge.
 */
final class GlobalOptions {

    /** The options that may precede a command: none of them takes a value. */
    static final Set<String> MOVABLE = Set.of("--user", "-q", "--quiet", "--no-pager", "--no-block");

    private GlobalOptions() {
    }

    /** {@code args} with the leading movable options after the command name; {@code args} itself if none lead. */
    static String[] commandFirst(String[] args, List<String> commands) {
        int i = 0;
        while (i < args.length && MOVABLE.contains(args[i])) {
            i++;
        }
        if (i == 0 || i == args.length || !commands.contains(args[i])) {
            return args;
        }
        List<String> out = new ArrayList<>(args.length);
        out.add(args[i]);
        out.addAll(List.of(args).subList(0, i));
        out.addAll(List.of(args).subList(i + 1, args.length));
        return out.toArray(String[]::new);
    }
}
