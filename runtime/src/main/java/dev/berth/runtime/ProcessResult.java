package dev.berth.runtime;

import java.util.List;

/** How a process ended: its argv, exit status and what it printed. */
public record ProcessResult(List<String> argv, int exitStatus, String stdout, String stderr) {

    public ProcessResult {
        argv = List.copyOf(argv);
    }

    public boolean ok() {
        return exitStatus == 0;
    }

    /** The last non-empty line of stderr (podman's one-line error), or of stdout when stderr is empty. */
    public String lastErrorLine() {
        String text = stderr.isBlank() ? stdout : stderr;
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
