package dev.berth.runtime;

/** podman could not be run, or failed: the argv and podman's own message. */
public final class PodmanException extends Exception {

    private final transient ProcessResult result;

    public PodmanException(String message, ProcessResult result) {
        super(message);
        this.result = result;
    }

    /** podman's run, when it ran at all. */
    public java.util.Optional<ProcessResult> result() {
        return java.util.Optional.ofNullable(result);
    }
}
