package dev.berth.systemd.dbus;

import java.util.List;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;

/**
 * The part of systemd's D-Bus interface {@code org.freedesktop.systemd1.Manager} that berth uses. Method names are
 * the D-Bus member names, as dbus-java requires. Only the bridge calls these; the rest of berth sees
 * {@link dev.berth.systemd.Systemd}.
 */
@DBusInterfaceName(Systemd1Manager.INTERFACE)
public interface Systemd1Manager extends DBusInterface {

    String BUS_NAME = "org.freedesktop.systemd1";
    String OBJECT_PATH = "/org/freedesktop/systemd1";
    String INTERFACE = "org.freedesktop.systemd1.Manager";
    String UNIT_INTERFACE = "org.freedesktop.systemd1.Unit";
    String SERVICE_INTERFACE = "org.freedesktop.systemd1.Service";

    /** Asks systemd to send signals (JobRemoved, Reloading) to this client. */
    void Subscribe();

    /** daemon-reload: re-runs generators and reloads all unit files. */
    void Reload();

    DBusPath StartUnit(String name, String mode);

    DBusPath StopUnit(String name, String mode);

    DBusPath RestartUnit(String name, String mode);

    DBusPath ReloadUnit(String name, String mode);

    void ResetFailedUnit(String name);

    /** The unit's object path; NoSuchUnit if it is not loaded. */
    DBusPath GetUnit(String name);

    /** The unit's object path, loading it from disk first if needed (LoadState tells whether it was found). */
    DBusPath LoadUnit(String name);

    /** Loaded units whose state is in {@code states} (all if empty) and name matches a glob of {@code patterns}. */
    List<UnitListEntry> ListUnitsByPatterns(List<String> states, List<String> patterns);

    /** {@code JobRemoved(u id, o job, s unit, s result)}: a job ended. */
    class JobRemoved extends DBusSignal {
        private final UInt32 id;
        private final DBusPath job;
        private final String unit;
        private final String result;

        public JobRemoved(String path, UInt32 id, DBusPath job, String unit, String result) throws DBusException {
            super(path, id, job, unit, result);
            this.id = id;
            this.job = job;
            this.unit = unit;
            this.result = result;
        }

        public UInt32 getId() {
            return id;
        }

        public DBusPath getJob() {
            return job;
        }

        public String getUnit() {
            return unit;
        }

        public String getResult() {
            return result;
        }
    }

    /** {@code Reloading(b active)}: true when a daemon reload starts, false when it has finished. */
    class Reloading extends DBusSignal {
        private final boolean active;

        public Reloading(String path, boolean active) throws DBusException {
            super(path, active);
            this.active = active;
        }

        public boolean isActive() {
            return active;
        }
    }
}
