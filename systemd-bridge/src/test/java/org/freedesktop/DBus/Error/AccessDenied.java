package org.freedesktop.DBus.Error;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * Test-only: dbus-java names an error reply after the exception's class, so the fake systemd throws this to
 * answer with {@code org.freedesktop.DBus.Error.AccessDenied}, as polkit-guarded systemd does for unprivileged
 * callers.
 */
public class AccessDenied extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message);
    }
}
