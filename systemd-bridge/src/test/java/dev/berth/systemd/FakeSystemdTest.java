package dev.berth.systemd;

import org.junit.jupiter.api.AfterAll;

import dev.berth.systemd.fake.FakeBus;

/** The contract against the in-process fake systemd on a private embedded bus: runs in every build. */
class FakeSystemdTest extends SystemdContract {

    // Started in the constructor: the contract's @BeforeAll (which connects) runs before any @BeforeAll here.
    private final FakeBus bus;

    FakeSystemdTest() throws Exception {
        bus = FakeBus.withContractUnits();
    }

    @Override
    protected String busAddress() {
        return bus.address();
    }

    @AfterAll
    void stopBus() throws Exception {
        bus.close();
    }
}
