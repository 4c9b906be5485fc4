package dev.berth.systemd;

/** The job-creating methods of systemd's manager that berth uses; each queues one job for one unit. */
public enum JobKind {
    START("StartUnit", "start"),
    STOP("StopUnit", "stop"),
    RESTART("RestartUnit", "restart"),
    RELOAD("ReloadUnit", "reload");

    private final String method;
    private final String verb;

    JobKind(String method, String verb) {
        this.method = method;
        this.verb = verb;
    }

    /** The D-Bus member on org.freedesktop.systemd1.Manager. */
    public String method() {
        return method;
    }

    /** "start", "stop", ... for messages. */
    public String verb() {
        return verb;
    }
}
