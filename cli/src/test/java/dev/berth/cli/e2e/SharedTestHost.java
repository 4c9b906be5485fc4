package dev.berth.cli.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One booted test host for every e2e class of a run: a class declares {@code @ExtendWith(SharedTestHost.class)} and
 * takes a {@link TestHost} parameter in its {@code @BeforeAll}. Booting a host (copying the rootfs, systemd,
 * installing berth, importing the image) costs 15-20 s, so the suite boots it once.
 *
 * <p>The host is kept in the root store of the JUnit run, so it is destroyed when the whole run ends (the store
 * closes {@link AutoCloseable} values), and on an interrupted JVM by {@link TestHost}'s shutdown hook. Sharing is
 * safe because the classes stay out of each other's way: every class has its own unit names, ports and site
 * directory, removes what would weigh on the others (the 50 units of the load test), and checks only its own
 * units. A class that reboots the host leaves it running again, with the same disk.
 */
public final class SharedTestHost implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedTestHost.class);

    /** The host, owned by the root store: closing the store destroys it. */
    private record Lease(TestHost host) implements AutoCloseable {
        @Override
        public void close() {
            host.destroy();
        }
    }

    /**
     * Destroys the shared host if this run has booted one; the next class that asks for it gets a fresh one. For a
     * class that boots a host of its own ({@link TestHost#fromSystemProperties(String)}): only one runs at a time.
     */
    public static void release(ExtensionContext context) {
        Lease lease = context.getRoot().getStore(NAMESPACE).remove(Lease.class, Lease.class);
        if (lease != null) {
            lease.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestHost.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Lease lease = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Lease.class, k -> new Lease(TestHost.bootWithBerth()), Lease.class);
        if (!lease.host().running()) {
            fail("the shared test host is no longer running (an earlier class left it down); see its boot.log");
        }
        return lease.host();
    }
}
