/**
 * berth's edge to systemd: a D-Bus client for {@code org.freedesktop.systemd1} (dbus-java, JDK unix sockets).
 *
 * <ul>
 *   <li>{@link dev.berth.systemd.Systemd}: the narrow interface the CLI uses (daemon reload, jobs, unit state);
 *       {@link dev.berth.systemd.DbusSystemd} implements it.</li>
 *   <li>{@link dev.berth.systemd.BusSearch} and {@link dev.berth.systemd.BusCandidate}: the ordered ways to reach
 *       the system or user manager, each deciding from a {@link dev.berth.systemd.HostEnvironment} whether it
 *       applies.</li>
 *   <li>{@link dev.berth.systemd.Wait}: every wait (replies, job ends, reload) with a deadline and a
 *       reachability check, behind two narrow interfaces so that it is tested with dummies.</li>
 *   <li>Results are values ({@link dev.berth.systemd.JobResult}, {@link dev.berth.systemd.JobOutcome},
 *       {@link dev.berth.systemd.UnitState}); failures before a job exists are one checked
 *       {@link dev.berth.systemd.SystemdException} whose kind and message name the cause.</li>
 * </ul>
 *
 * This module depends on nothing else of berth: the CLI wires it to the generator's output.
 */
package dev.berth.systemd;
