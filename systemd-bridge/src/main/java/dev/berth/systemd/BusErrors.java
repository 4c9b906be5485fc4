package dev.berth.systemd;

import java.util.Optional;

import dev.berth.systemd.SystemdException.Kind;

/**
 * Turns a D-Bus error reply into a {@link SystemdException} that names the cause. The error name is the stable
 * part (systemd's messages change between versions), so the kind is chosen by name and systemd's text is kept
 * as detail.
 */
final class BusErrors {

    static final String ACCESS_DENIED = "org.freedesktop.DBus.Error.AccessDenied";
    static final String INTERACTIVE_AUTHORIZATION = "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired";
    static final String AUTH_FAILED = "org.freedesktop.DBus.Error.AuthFailed";
    static final String SERVICE_UNKNOWN = "org.freedesktop.DBus.Error.ServiceUnknown";
    static final String NAME_HAS_NO_OWNER = "org.freedesktop.DBus.Error.NameHasNoOwner";
    static final String NO_REPLY = "org.freedesktop.DBus.Error.NoReply";
    static final String TIMEOUT = "org.freedesktop.DBus.Error.Timeout";
    static final String DISCONNECTED = "org.freedesktop.DBus.Error.Disconnected";
    static final String NO_SUCH_UNIT = "org.freedesktop.systemd1.NoSuchUnit";
    static final String UNIT_MASKED = "org.freedesktop.systemd1.UnitMasked";
    static final String LOAD_FAILED = "org.freedesktop.systemd1.LoadFailed";

    private BusErrors() {
    }

    /**
     * @param errorName the D-Bus error name of the reply
     * @param text      the error's message argument ("" if none)
     * @param action    what was asked, for the message: "start web.service", "reload systemd"
     * @param unit      the unit concerned, if any
     * @param bus       where the request went
     */
    static SystemdException translate(String errorName, String text, String action, Optional<String> unit,
                                      BusAddress bus) {
        Optional<String> name = Optional.of(errorName);
        String detail = text.isBlank() ? errorName : text + " (" + errorName + ")";
        return switch (errorName) {
            case ACCESS_DENIED, INTERACTIVE_AUTHORIZATION, AUTH_FAILED -> new SystemdException(Kind.ACCESS_DENIED,
                    "permission denied: cannot " + action + " through " + bus.describe() + ": " + detail,
                    Optional.of(bus.scope() == BusScope.SYSTEM
                            ? "run berth as root, or add --user to manage your own user's units"
                            : "a user manager only accepts its own user; run berth as that user"),
                    name, null);
            case NO_SUCH_UNIT -> SystemdException.noSuchUnit(unit.orElse("?"), name);
            case SERVICE_UNKNOWN, NAME_HAS_NO_OWNER -> new SystemdException(Kind.BUS_UNREACHABLE,
                    "systemd is not on " + bus.describe() + ": " + detail,
                    Optional.of(bus.scope() == BusScope.SYSTEM
                            ? "is systemd the init system here?"
                            : bus.scope().unreachableHint()),
                    name, null);
            case NO_REPLY, TIMEOUT -> new SystemdException(Kind.NO_REPLY,
                    "systemd did not answer while trying to " + action + ": " + detail,
                    Optional.of("systemd may be busy or hung; check 'systemctl list-jobs'"), name, null);
            case DISCONNECTED -> new SystemdException(Kind.CONNECTION_LOST,
                    "connection to " + bus.describe() + " closed while trying to " + action, Optional.empty(),
                    name, null);
            case UNIT_MASKED -> new SystemdException(Kind.REFUSED, "cannot " + action + ": " + detail,
                    Optional.of("the unit is masked; unmask it first"), name, null);
            case LOAD_FAILED -> new SystemdException(Kind.REFUSED, "cannot " + action + ": " + detail,
                    Optional.of("the unit file has errors; see 'journalctl -b' for systemd's complaint"), name, null);
            default -> new SystemdException(Kind.REFUSED, "systemd refused to " + action + ": " + detail,
                    Optional.empty(), name, null);
        };
    }
}
