package dev.berth.spec.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemdValuesTest {

    private final SystemdDirectives directives = SystemdDirectives.load();

    private Optional<ValueProblem> check(String section, String key, String value) {
        return SystemdValues.check(section, key, directives.valueLabel(section, key).orElseThrow(), value);
    }

    @Test
    void theTableIsSystemd257s() {
        assertEquals(Optional.of("SERVICERESTART"), directives.valueLabel("Service", "Restart"));
        assertEquals(Optional.of("SECONDS"), directives.valueLabel("Service", "TimeoutStartSec"));
        assertEquals(Optional.of("STRING"), directives.valueLabel("Unit", "Description"));
        assertEquals(Optional.of("OTHER"), directives.valueLabel("Install", "WantedBy"));
        assertEquals(Optional.empty(), directives.valueLabel("Unit", "Descripton"));
        assertEquals(Optional.of("did you mean 'Description'?"), directives.suggestion("Unit", "Descripton"));
        assertEquals(Optional.of("'Restart' belongs in [Service]"), directives.suggestion("Unit", "Restart"));
    }

    @Test
    void timeSpansAsSystemdParsesThem() {
        for (String ok : new String[] {"90", "90s", "5min", "1h 30min", "1min30s", "0.5s", "infinity", "2 weeks",
            "300ms", "1d"}) {
            assertTrue(SystemdValues.isTimeSpan(ok), ok);
            assertEquals(Optional.empty(), check("Service", "TimeoutStartSec", ok), ok);
        }
        for (String bad : new String[] {"abc", "5 mins", "-1", "1.2.3s", "forever"}) {
            assertFalse(SystemdValues.isTimeSpan(bad), bad);
        }
        assertTrue(check("Service", "TimeoutStopSec", "abc").isPresent(), "labelled OTHER, still a time span");
        assertEquals(Optional.of(Duration.ofSeconds(90)), TimeSpan.parse("1min 30s"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), TimeSpan.parse("90"));
        assertEquals(Optional.of(Duration.ofMillis(500)), TimeSpan.parse("500ms"));
        assertEquals(Optional.empty(), TimeSpan.parse("soon"));
    }

    @Test
    void enumsBooleansSignalsAndUnitNames() {
        assertEquals(Optional.of("did you mean 'always'?"), check("Service", "Restart", "alway").orElseThrow().fix());
        assertEquals(Optional.empty(), check("Service", "Type", "notify-reload"));
        assertEquals(Optional.of("did you mean 'mixed'?"), check("Service", "KillMode", "mixd").orElseThrow().fix());
        assertEquals(Optional.empty(), check("Service", "NoNewPrivileges", "Yes"));
        assertTrue(check("Service", "NoNewPrivileges", "maybe").isPresent());
        assertEquals(Optional.empty(), check("Service", "ProtectSystem", "strict"));
        assertEquals(Optional.empty(), check("Service", "KillSignal", "SIGRTMIN+3"));
        assertEquals(Optional.empty(), check("Service", "KillSignal", "9"));
        assertEquals(Optional.of("did you mean 'SIGTERM'?"),
                check("Service", "KillSignal", "SIGTREM").orElseThrow().fix());
        assertEquals(Optional.empty(), check("Service", "StandardOutput", "append:/var/log/x.log"));
        assertEquals(Optional.of("did you mean 'multi-user.target'?"),
                check("Install", "WantedBy", "default.target multi-user").orElseThrow().fix());
        assertEquals(Optional.empty(), check("Unit", "After", "db.container network-online.target"));
        assertEquals(Optional.empty(), check("Unit", "After", "%i.service"), "specifiers are not judged");
        assertEquals(Optional.empty(), check("Service", "UMask", "0027"));
    }
}
