package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;

/**
 * The contract against the real systemd of the disposable test host (end-to-end level; not run by the unit
 * build). The harness that boots the test host passes:
 * <ul>
 *   <li>{@code berth.testhost.bus}: the host-side address of the test host's system bus, e.g.
 *       {@code unix:path=/proc/INIT_PID/root/run/dbus/system_bus_socket};</li>
 *   <li>{@code berth.testhost.unitdir}: the test host's {@code /etc/systemd/system} as seen from here, e.g.
 *       {@code /proc/INIT_PID/root/etc/systemd/system}, where the contract's unit files are written.</li>
 * </ul>
 */
@Tag("e2e")
class RealSystemdIT extends SystemdContract {

    static final String BUS_PROPERTY = "berth.testhost.bus";
    static final String UNIT_DIR_PROPERTY = "berth.testhost.unitdir";

    @Override
    protected String busAddress() {
        return required(BUS_PROPERTY, "the test host's system bus address, e.g. "
                + "unix:path=/proc/INIT_PID/root/run/dbus/system_bus_socket");
    }

    @Override
    protected void installContractUnits(Systemd systemd) throws Exception {
        Path unitDirectory = Path.of(required(UNIT_DIR_PROPERTY, "the test host's /etc/systemd/system as seen "
                + "from here, e.g. /proc/INIT_PID/root/etc/systemd/system"));
        for (Map.Entry<String, String> file : ContractUnits.files().entrySet()) {
            Files.writeString(unitDirectory.resolve(file.getKey()), file.getValue());
        }
        systemd.daemonReload();
    }

    private static String required(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fail("RealSystemdIT needs -D" + property + "=<" + what + ">; the test-host harness sets it");
        }
        return value;
    }
}
