package dev.berth.systemd;

/** Which systemd instance a bus leads to: the system manager (PID 1) or a user's own manager. */
public enum BusScope {
    SYSTEM("system bus", "is dbus running?"),
    USER("user bus", "is your user manager running? ('loginctl enable-linger' keeps it alive without a login)");

    private final String noun;
    private final String unreachableHint;

    BusScope(String noun, String unreachableHint) {
        this.noun = noun;
        this.unreachableHint = unreachableHint;
    }

    /** "system bus" or "user bus", for messages. */
    public String noun() {
        return noun;
    }

    /** What to check when no candidate of this scope could be reached. */
    public String unreachableHint() {
        return unreachableHint;
    }
}
