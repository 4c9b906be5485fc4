package dev.berth.generator;

import java.util.List;
import java.util.Optional;

/**
 * What other files need to know about one Quadlet file, computed before anything is translated.
 *
 * @param serviceName the generated service's name without {@code .service}
 * @param resourceName the podman object it creates (container, volume, network, image, pod name); empty when
 *     it cannot be known at generation time (for example a name with systemd specifiers)
 * @param podMembers for a {@code .pod}: the services of the containers that join it and start with it
 */
public record UnitInfo(String serviceName, Optional<String> resourceName, List<String> podMembers) {

    public UnitInfo {
        podMembers = List.copyOf(podMembers);
    }

    public String serviceFileName() {
        return serviceName + ".service";
    }
}
