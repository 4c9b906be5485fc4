package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * Test-only: dbus-java names an error reply after the exception's class, so the fake systemd throws this to
 * answer with the D-Bus error {@code org.freedesktop.systemd1.NoSuchUnit}, as real systemd does.
 */
public class NoSuchUnit extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public NoSuchUnit(String message) {
        super(message);
    }
}
