package dev.berth.generator;

import dev.berth.spec.quadlet.SectionReader;
import java.util.List;

/** The {@code Health*=} keys: {@code --health-<name> value} for each non-empty one, in Quadlet's fixed order. */
public final class HealthArguments {

    /** Key and the podman flag's suffix, in the order Quadlet emits them. */
    static final List<String[]> KEYS = List.of(
            new String[] {"HealthCmd", "cmd"},
            new String[] {"HealthInterval", "interval"},
            new String[] {"HealthOnFailure", "on-failure"},
            new String[] {"HealthLogDestination", "log-destination"},
            new String[] {"HealthMaxLogCount", "max-log-count"},
            new String[] {"HealthMaxLogSize", "max-log-size"},
            new String[] {"HealthRetries", "retries"},
            new String[] {"HealthStartPeriod", "start-period"},
            new String[] {"HealthTimeout", "timeout"},
            new String[] {"HealthStartupCmd", "startup-cmd"},
            new String[] {"HealthStartupInterval", "startup-interval"},
            new String[] {"HealthStartupRetries", "startup-retries"},
            new String[] {"HealthStartupSuccess", "startup-success"},
            new String[] {"HealthStartupTimeout", "startup-timeout"});

    private HealthArguments() {
    }

    public static void add(SectionReader section, PodmanCommand podman) {
        for (String[] k : KEYS) {
            String v = section.nonEmpty(k[0]);
            if (v != null) {
                podman.add("--health-" + k[1], v);
            }
        }
    }
}
