package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.berth.systemd.SystemdException.Kind;

/** Error replies and connection failures become messages that name the cause. */
class BusErrorsTest {

    private static final BusAddress SYSTEM_BUS = BusAddress.given("/run/dbus/system_bus_socket", BusScope.SYSTEM,
            "test");

    @Test
    void accessDeniedSaysWhatWasRefusedAndHowToGetIn() {
        SystemdException e = BusErrors.translate("org.freedesktop.DBus.Error.AccessDenied", "Access denied",
                "start web.service", Optional.of("web.service"), SYSTEM_BUS);

        assertEquals(Kind.ACCESS_DENIED, e.kind());
        assertEquals("permission denied: cannot start web.service through the system bus at "
                + "/run/dbus/system_bus_socket: Access denied (org.freedesktop.DBus.Error.AccessDenied); run berth"
                + " as root, or add --user to manage your own user's units", e.getMessage());
    }

    @Test
    void interactiveAuthorizationIsAPermissionProblemToo() {
        SystemdException e = BusErrors.translate("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired",
                "Interactive authentication required.", "reload systemd", Optional.empty(), SYSTEM_BUS);

        assertEquals(Kind.ACCESS_DENIED, e.kind());
    }

    @Test
    void noSuchUnitNamesTheUnitAndTheFix() {
        SystemdException e = BusErrors.translate("org.freedesktop.systemd1.NoSuchUnit",
                "Unit web.service not found.", "start web.service", Optional.of("web.service"), SYSTEM_BUS);

        assertEquals(Kind.NO_SUCH_UNIT, e.kind());
        assertEquals("unit web.service does not exist; run 'berth daemon-reload' if you just added it",
                e.getMessage());
        assertEquals(Optional.of("org.freedesktop.systemd1.NoSuchUnit"), e.busErrorName());
    }

    @Test
    void systemdMissingFromTheBusIsUnreachable() {
        SystemdException e = BusErrors.translate("org.freedesktop.DBus.Error.ServiceUnknown",
                "The name org.freedesktop.systemd1 was not provided", "subscribe", Optional.empty(), SYSTEM_BUS);

        assertEquals(Kind.BUS_UNREACHABLE, e.kind());
        assertEquals("systemd is not on the system bus at /run/dbus/system_bus_socket: The name"
                + " org.freedesktop.systemd1 was not provided (org.freedesktop.DBus.Error.ServiceUnknown);"
                + " is systemd the init system here?", e.getMessage());
    }

    @Test
    void otherErrorsKeepSystemdsWordsAndTheErrorName() {
        SystemdException e = BusErrors.translate("org.freedesktop.systemd1.UnitMasked", "Unit web.service is masked.",
                "start web.service", Optional.of("web.service"), SYSTEM_BUS);

        assertEquals(Kind.REFUSED, e.kind());
        assertEquals("cannot start web.service: Unit web.service is masked. (org.freedesktop.systemd1.UnitMasked);"
                + " the unit is masked; unmask it first", e.getMessage());
    }

    @Test
    void anUnreachableSocketReadsLikeTheBriefSaysItShould() {
        SystemdException refused = DbusSystemd.unreachable(SYSTEM_BUS,
                new IOException("Failed to connect", new ConnectException("Connection refused")));
        assertEquals("cannot reach the system bus at /run/dbus/system_bus_socket: connection refused; is dbus"
                + " running?", refused.getMessage());
        assertEquals(Kind.BUS_UNREACHABLE, refused.kind());

        SystemdException missing = DbusSystemd.unreachable(SYSTEM_BUS,
                new IOException(new NoSuchFileException("/run/dbus/system_bus_socket")));
        assertEquals("cannot reach the system bus at /run/dbus/system_bus_socket: no such socket; is dbus running?",
                missing.getMessage());
    }

    @Test
    void aSocketWithoutPermissionIsAccessDenied() {
        SystemdException e = DbusSystemd.unreachable(BusAddress.given("/run/systemd/private", BusScope.SYSTEM, "t"),
                new IOException("Permission denied"));

        assertEquals(Kind.ACCESS_DENIED, e.kind());
        assertEquals("cannot reach systemd's private socket at /run/systemd/private: permission denied;"
                + " systemd's private socket is for root only", e.getMessage());
    }
}
