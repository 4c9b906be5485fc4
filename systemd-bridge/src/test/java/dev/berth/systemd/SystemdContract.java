package dev.berth.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The test kit: what any systemd reachable over D-Bus must do for berth, written once and run against two
 * implementations. {@code FakeSystemdTest} runs it against the in-process fake (fast, every build);
 * {@code RealSystemdIT} runs it against the real systemd of the test host. If the fake drifts from the real
 * thing, the second run says so.
 *
 * <p>Subclasses provide the bus address and, for a real systemd, install {@link ContractUnits#files()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
public abstract class SystemdContract {

    /** A D-Bus address ({@code unix:path=...}) or socket path leading to the systemd under test. */
    protected abstract String busAddress();

    /** Makes the {@link ContractUnits} known to the systemd under test (write files, reload). */
    protected void installContractUnits(Systemd systemd) throws Exception {
    }

    protected BusScope scope() {
        return BusScope.SYSTEM;
    }

    protected Systemd connect(SystemdOptions options) throws SystemdException {
        return DbusSystemd.connect(BusAddress.given(busAddress(), scope(), "the contract test"), options);
    }

    protected Systemd systemd;

    @BeforeAll
    void installUnits() throws Exception {
        try (Systemd s = connect(SystemdOptions.defaults())) {
            installContractUnits(s);
        }
    }

    @BeforeEach
    void connect() throws SystemdException {
        systemd = connect(SystemdOptions.defaults().withJobTimeout(Duration.ofSeconds(60)));
    }

    /** Every test starts from stopped, non-failed units. */
    @AfterEach
    void cleanUp() throws SystemdException {
        try {
            systemd.runAll(JobKind.STOP, ContractUnits.allInstances());
            for (String unit : List.of(ContractUnits.FAILS, ContractUnits.NEEDS_FAILS, ContractUnits.OK)) {
                try {
                    systemd.resetFailed(unit);
                } catch (SystemdException notLoaded) {
                    // a unit no test loaded has nothing to reset
                }
            }
        } finally {
            systemd.close();
        }
    }

    @Test
    void startOfASucceedingUnitIsDoneAndLeavesItActive() throws SystemdException {
        assertEquals(JobResult.DONE, systemd.start(ContractUnits.OK));

        UnitState state = systemd.state(ContractUnits.OK);
        assertEquals(ContractUnits.OK, state.name());
        assertEquals("loaded", state.loadState());
        assertEquals("active", state.activeState());
        assertEquals("exited", state.subState());
        assertEquals("success", state.result());
        assertEquals(0, state.execMainStatus());
        assertTrue(state.fragmentPath().orElseThrow().endsWith("/" + ContractUnits.OK), state.toString());
        assertEquals(Optional.empty(), state.sourcePath());
        Instant entered = state.activeEnterTimestamp().orElseThrow();
        assertTrue(entered.isAfter(Instant.now().minus(Duration.ofHours(1))), entered.toString());
    }

    @Test
    void stopIsDoneAndLeavesTheUnitInactive() throws SystemdException {
        systemd.start(ContractUnits.OK);

        assertEquals(JobResult.DONE, systemd.stop(ContractUnits.OK));

        UnitState state = systemd.state(ContractUnits.OK);
        assertEquals("inactive", state.activeState());
        assertEquals("dead", state.subState());
    }

    @Test
    void startOfAFailingUnitIsFailedWithItsExitStatusAndResetFailedClearsIt() throws SystemdException {
        assertEquals(JobResult.FAILED, systemd.start(ContractUnits.FAILS));

        UnitState failed = systemd.state(ContractUnits.FAILS);
        assertEquals("failed", failed.activeState());
        assertEquals("exit-code", failed.result());
        assertEquals(3, failed.execMainStatus());

        systemd.resetFailed(ContractUnits.FAILS);
        UnitState reset = systemd.state(ContractUnits.FAILS);
        assertEquals("inactive", reset.activeState());
        assertEquals("success", reset.result());
    }

    @Test
    void startOfAUnitWhoseRequirementFailsEndsWithDependency() throws SystemdException {
        assertEquals(JobResult.DEPENDENCY, systemd.start(ContractUnits.NEEDS_FAILS));
        assertEquals("failed", systemd.state(ContractUnits.FAILS).activeState());
    }

    @Test
    void aLongRunningUnitHasAMainPidThatARestartReplaces() throws SystemdException {
        assertEquals(JobResult.DONE, systemd.start(ContractUnits.DAEMON));
        UnitState running = systemd.state(ContractUnits.DAEMON);
        assertEquals("running", running.subState());
        assertTrue(running.mainPid() > 0, running.toString());

        assertEquals(JobResult.DONE, systemd.restart(ContractUnits.DAEMON));
        UnitState restarted = systemd.state(ContractUnits.DAEMON);
        assertEquals("running", restarted.subState());
        assertNotEquals(running.mainPid(), restarted.mainPid());
        // NRestarts counts automatic restarts only; a manual restart leaves it alone.
        assertEquals(0, restarted.restarts());

        assertEquals(JobResult.DONE, systemd.reload(ContractUnits.DAEMON));
        assertEquals(JobResult.DONE, systemd.stop(ContractUnits.DAEMON));
        assertEquals(0, systemd.state(ContractUnits.DAEMON).mainPid());
    }

    @Test
    void reloadOfAUnitWithoutExecReloadIsRefused() throws SystemdException {
        systemd.start(ContractUnits.OK);

        SystemdException e = assertThrows(SystemdException.class, () -> systemd.reload(ContractUnits.OK));

        assertEquals(SystemdException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains(ContractUnits.OK), e.getMessage());
    }

    @Test
    void startOfAMissingUnitSaysItDoesNotExistAndHowToFixIt() {
        SystemdException e = assertThrows(SystemdException.class, () -> systemd.start(ContractUnits.MISSING));

        assertEquals(SystemdException.Kind.NO_SUCH_UNIT, e.kind());
        assertEquals("unit " + ContractUnits.MISSING + " does not exist; run 'berth daemon-reload' if you just"
                + " added it", e.getMessage());
        assertEquals(Optional.of("org.freedesktop.systemd1.NoSuchUnit"), e.busErrorName());
    }

    @Test
    void getUnitOfAnUnloadedUnitIsNoSuchUnitButLoadUnitAnswersAndStateSaysItDoesNotExist() throws SystemdException {
        SystemdException notLoaded = assertThrows(SystemdException.class,
                () -> systemd.getUnit(ContractUnits.MISSING));
        assertEquals(SystemdException.Kind.NO_SUCH_UNIT, notLoaded.kind());

        assertTrue(systemd.loadUnit(ContractUnits.MISSING).startsWith("/org/freedesktop/systemd1/unit/"));

        SystemdException missing = assertThrows(SystemdException.class,
                () -> systemd.state(ContractUnits.MISSING));
        assertEquals(SystemdException.Kind.NO_SUCH_UNIT, missing.kind());
    }

    @Test
    void getUnitAndLoadUnitAgreeOnALoadedUnit() throws SystemdException {
        systemd.start(ContractUnits.OK);

        assertEquals(systemd.loadUnit(ContractUnits.OK), systemd.getUnit(ContractUnits.OK));
    }

    @Test
    void fiftyUnitsStartConcurrentlyInOneCallAndEveryJobIsAccountedFor() throws SystemdException {
        List<String> units = ContractUnits.manyInstances();

        List<JobOutcome> outcomes = systemd.startAll(units);

        assertEquals(units, outcomes.stream().map(JobOutcome::unit).toList());
        List<JobOutcome> notDone = outcomes.stream().filter(o -> o.result() != JobResult.DONE).toList();
        assertEquals(List.of(), notDone);
        List<UnitSummary> listed = systemd.listUnits(List.of("berth-contract-many@*"));
        List<String> active = listed.stream().filter(u -> "active".equals(u.activeState()))
                .map(UnitSummary::name).sorted().toList();
        assertEquals(units.stream().sorted().toList(), active);
    }

    @Test
    void aMixedRequestReportsEachUnitInOrder() throws SystemdException {
        List<JobOutcome> outcomes = systemd.startAll(List.of(ContractUnits.OK, ContractUnits.MISSING,
                ContractUnits.FAILS, ContractUnits.OK));

        assertEquals(3, outcomes.size(), "duplicates are asked once");
        assertEquals(JobResult.DONE, outcomes.get(0).result());
        assertTrue(outcomes.get(0).succeeded());
        assertEquals(SystemdException.Kind.NO_SUCH_UNIT, outcomes.get(1).refusal().orElseThrow().kind());
        assertTrue(outcomes.get(1).message().contains("does not exist"), outcomes.get(1).message());
        assertEquals(JobResult.FAILED, outcomes.get(2).result());
        assertTrue(outcomes.get(2).refusal().isEmpty());
    }

    @Test
    void aJobThatOutlivesTheWaitIsReportedAsStillRunningWithoutHanging() throws SystemdException {
        try (Systemd impatient = connect(SystemdOptions.defaults().withJobTimeout(Duration.ofMillis(800)))) {
            long started = System.nanoTime();

            JobResult result = impatient.start(ContractUnits.SLOW);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(JobResult.WAIT_EXPIRED, result);
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
            assertEquals("activating", impatient.state(ContractUnits.SLOW).activeState());
        }
        assertEquals(JobResult.DONE, systemd.stop(ContractUnits.SLOW));
    }

    @Test
    void daemonReloadReturnsAndSystemdAnswersAfterwards() throws SystemdException {
        systemd.daemonReload();

        assertEquals(JobResult.DONE, systemd.start(ContractUnits.OK));
    }

    @Test
    void listUnitsFiltersByPattern() throws SystemdException {
        systemd.startAll(List.of(ContractUnits.OK, ContractUnits.DAEMON));

        List<String> names = new ArrayList<>(systemd.listUnits(List.of("berth-contract-ok.*",
                "berth-contract-daemon.*")).stream().map(UnitSummary::name).toList());
        names.sort(null);

        assertEquals(List.of(ContractUnits.DAEMON, ContractUnits.OK), names);
    }
}
