package dev.berth.systemd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The units the contract tests use, with the unit files that give them their behaviour on a real systemd. The
 * fake systemd gives the same names the same behaviour ({@link dev.berth.systemd.fake.FakeSystemd#contractUnits}).
 * All names start with "berth-contract-" so that the real test host can hold them next to anything else.
 */
public final class ContractUnits {

    /** Oneshot that succeeds and stays active: active/exited. */
    public static final String OK = "berth-contract-ok.service";
    /** Oneshot that exits 3: failed/failed, Result exit-code, ExecMainStatus 3. */
    public static final String FAILS = "berth-contract-fails.service";
    /** Requires FAILS, so its start job ends with "dependency". */
    public static final String NEEDS_FAILS = "berth-contract-needs-fails.service";
    /** A long-running process with ExecReload: active/running with a MainPID. */
    public static final String DAEMON = "berth-contract-daemon.service";
    /** A oneshot that takes a minute to start: its start job outlives short waits. */
    public static final String SLOW = "berth-contract-slow.service";
    /** Template for the concurrency test. */
    public static final String MANY_TEMPLATE = "berth-contract-many@.service";
    /** Never installed anywhere. */
    public static final String MISSING = "berth-contract-missing.service";
    /** How many instances the concurrency test starts at once. */
    public static final int MANY_COUNT = 50;

    private ContractUnits() {
    }

    public static String many(int instance) {
        return "berth-contract-many@" + instance + ".service";
    }

    public static List<String> manyInstances() {
        return IntStream.rangeClosed(1, MANY_COUNT).mapToObj(ContractUnits::many).toList();
    }

    /** Every unit a test may leave running or failed, for cleaning up. */
    public static List<String> allInstances() {
        List<String> all = new java.util.ArrayList<>(List.of(OK, FAILS, NEEDS_FAILS, DAEMON, SLOW));
        all.addAll(manyInstances());
        return all;
    }

    /** File name to contents, for /etc/systemd/system of a real systemd. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(OK, """
                [Unit]
                Description=berth contract: oneshot that succeeds
                [Service]
                Type=oneshot
                RemainAfterExit=yes
                ExecStart=/bin/true
                """);
        files.put(FAILS, """
                [Unit]
                Description=berth contract: oneshot that exits 3
                [Service]
                Type=oneshot
                ExecStart=/bin/sh -c "exit 3"
                """);
        files.put(NEEDS_FAILS, """
                [Unit]
                Description=berth contract: depends on a failing unit
                Requires=berth-contract-fails.service
                After=berth-contract-fails.service
                [Service]
                Type=oneshot
                RemainAfterExit=yes
                ExecStart=/bin/true
                """);
        files.put(DAEMON, """
                [Unit]
                Description=berth contract: long-running process
                [Service]
                ExecStart=/bin/sleep infinity
                ExecReload=/bin/true
                """);
        files.put(SLOW, """
                [Unit]
                Description=berth contract: slow start
                [Service]
                Type=oneshot
                ExecStart=/bin/sleep 60
                TimeoutStartSec=120
                """);
        files.put(MANY_TEMPLATE, """
                [Unit]
                Description=berth contract: instance %i
                [Service]
                Type=oneshot
                RemainAfterExit=yes
                ExecStart=/bin/true
                """);
        return files;
    }
}
