package dev.berth.runtime;

import java.io.IOException;
import java.util.List;

/** Runs programs by argv, never through a shell. Tests replace it with recorded answers. */
public interface Processes {

    /** Runs argv to its end; stdin is empty. */
    ProcessResult run(List<String> argv) throws IOException;

    /** The real processes of this machine. */
    static Processes system() {
        return new SystemProcesses();
    }
}
