package dev.berth.compose;

import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.quadlet.UnitKind;
import dev.berth.spec.syntax.Words;
import dev.berth.spec.yaml.BerthYaml;
import dev.berth.spec.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compose services, networks, volumes, secrets and configs, as Quadlet units: {@code NAME.container} per service
 * (and {@code NAME.build} for {@code build:}), {@code NAME.network}, {@code NAME.volume}. Podman objects keep
 * Compose's names ({@code PROJECT_NAME}), so existing volumes are reused. Values that reach podman's command line
 * are escaped for systemd ({@code %} and {@code $} doubled), so they arrive as Compose would pass them.
 */
final class ComposeConverter {

    private static final String CONTAINER = "Container";

    private final String path;
    private final Path composeDir;
    private final java.util.function.Function<String, Optional<String>> variables;
    private final ComposeOptions options;
    private final List<Diagnostic> diagnostics;
    private String project;
    private final Map<String, String> networkUnits = new LinkedHashMap<>();   // compose name -> unit name or podman name
    private final Map<String, String> volumeUnits = new LinkedHashMap<>();
    private final Map<String, YamlNode.Mapping> secrets = new LinkedHashMap<>();
    private final Map<String, YamlNode.Mapping> configs = new LinkedHashMap<>();
    private final Set<String> externalNetworks = new LinkedHashSet<>();

    ComposeConverter(String path, Path composeDir, java.util.function.Function<String, Optional<String>> variables,
            ComposeOptions options, List<Diagnostic> diagnostics) {
        this.path = path;
        this.composeDir = composeDir;
        this.variables = variables;
        this.options = options;
        this.diagnostics = diagnostics;
    }

    Conversion convert(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping top)) {
            error(root.position(), "a Compose file is a map with 'services:', not " + root.describe(), "add services:");
            return new Conversion("", List.of(), diagnostics);
        }
        project = ComposeImport.normaliseProject(options.projectName()
                .or(() -> top.get("name").map(ComposeConverter::text))
                .or(() -> variables.apply("COMPOSE_PROJECT_NAME"))
                .orElse(composeDir.getFileName() == null ? "project" : composeDir.getFileName().toString()));
        if (project.isEmpty()) {
            project = "project";
        }
        for (YamlNode.Pair p : top.pairs()) {
            switch (p.key().value()) {
                case "services", "networks", "volumes", "secrets", "configs", "name" -> {
                }
                case "version" -> {
                    // obsolete in the Compose specification, and meaningless here
                }
                default -> {
                    if (!p.key().value().startsWith("x-")) {
                        warn(p.key().position(), "top-level '" + p.key().value() + "' has no equivalent in Quadlet "
                                + "units; ignored", "convert what it refers to separately");
                    }
                }
            }
        }
        Optional<YamlNode.Mapping> services = map(top.get("services"), "services");
        if (services.isEmpty()) {
            error(top.position(), "the Compose file has no services", "add services:");
            return new Conversion(project, List.of(), diagnostics);
        }
        List<UnitDraft> drafts = new ArrayList<>();
        map(top.get("secrets"), "secrets").ifPresent(m -> m.pairs().forEach(p ->
                secrets.put(p.key().value(), asMap(p.value()))));
        map(top.get("configs"), "configs").ifPresent(m -> m.pairs().forEach(p ->
                configs.put(p.key().value(), asMap(p.value()))));

        Map<String, YamlNode.Mapping> active = new LinkedHashMap<>();
        Set<String> profiles = new LinkedHashSet<>(options.profiles());
        variables.apply("COMPOSE_PROFILES").ifPresent(v ->
                Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(profiles::add));
        for (YamlNode.Pair p : services.get().pairs()) {
            YamlNode.Mapping svc = asMap(p.value());
            List<String> svcProfiles = strings(svc.get("profiles").orElse(null));
            if (!svcProfiles.isEmpty() && svcProfiles.stream().noneMatch(profiles::contains)) {
                warn(p.key().position(), "service '" + p.key().value() + "' is in profile " + String.join(", ",
                        svcProfiles) + ", which is not active; not converted", "activate it with --profile "
                        + svcProfiles.get(0));
                continue;
            }
            active.put(p.key().value(), svc);
        }

        boolean defaultNetworkUsed = active.values().stream()
                .anyMatch(s -> s.get("networks").isEmpty() && s.get("network_mode").isEmpty());
        YamlNode.Mapping networks = map(top.get("networks"), "networks").orElse(null);
        if (networks != null) {
            for (YamlNode.Pair p : networks.pairs()) {
                network(p.key().value(), p.key().position(), asMap(p.value())).ifPresent(drafts::add);
            }
        }
        if (defaultNetworkUsed && !networkUnits.containsKey("default")) {
            network("default", top.position(), new YamlNode.Mapping(List.of(), top.position(), 1))
                    .ifPresent(drafts::add);
        }
        map(top.get("volumes"), "volumes").ifPresent(m -> m.pairs().forEach(p ->
                volume(p.key().value(), p.key().position(), asMap(p.value())).ifPresent(drafts::add)));

        // What a service's dependants ask of it: readiness by health check, or running to completion.
        Set<String> healthy = new LinkedHashSet<>();
        Set<String> oneshot = new LinkedHashSet<>();
        for (Map.Entry<String, YamlNode.Mapping> e : active.entrySet()) {
            e.getValue().get("depends_on").ifPresent(d -> dependencies(d).forEach(dep -> {
                if (dep.condition().equals("service_healthy")) {
                    healthy.add(dep.service());
                } else if (dep.condition().equals("service_completed_successfully")) {
                    oneshot.add(dep.service());
                }
            }));
        }
        List<UnitDraft> builds = new ArrayList<>();
        List<UnitDraft> containers = new ArrayList<>();
        for (Map.Entry<String, YamlNode.Mapping> e : active.entrySet()) {
            new ServiceConversion(e.getKey(), e.getValue(), active.keySet(), services.get(), healthy.contains(e.getKey()),
                    oneshot.contains(e.getKey())).convert(builds, containers);
        }
        drafts.addAll(builds);
        drafts.addAll(containers);
        List<BerthYaml.Unit> units = new ArrayList<>();
        drafts.forEach(d -> units.add(d.build()));
        return new Conversion(project, units, diagnostics);
    }

    // ---- networks and volumes ----

    private Optional<UnitDraft> network(String name, Position at, YamlNode.Mapping def) {
        if (isTrue(def.get("external"))) {
            String podmanName = def.get("name").map(ComposeConverter::text).orElse(name);
            networkUnits.put(name, podmanName);
            externalNetworks.add(name);
            return Optional.empty();
        }
        String unitName = (name.equals("default") ? project : name) + ".network";
        networkUnits.put(name, unitName);
        UnitDraft d = new UnitDraft(unitName, UnitKind.NETWORK, path);
        d.add("Unit", "Description", escSpecifiers("network " + name + " of Compose project " + project), at);
        d.add("Network", "NetworkName", esc(def.get("name").map(ComposeConverter::text).orElse(project + "_" + name)), at);
        for (YamlNode.Pair p : def.pairs()) {
            Position pos = p.key().position();
            switch (p.key().value()) {
                case "name", "external" -> {
                }
                case "driver" -> {
                    String driver = text(p.value());
                    if (!driver.equals("bridge") && !driver.equals("default")) {
                        d.add("Network", "Driver", esc(driver), pos);
                    }
                }
                case "driver_opts" -> pairs(p.value()).forEach((k, v) ->
                        d.add("Network", "Options", Words.quote(esc(k + "=" + v)), pos));
                case "internal" -> bool(p.value()).filter(b -> b).ifPresent(b -> d.add("Network", "Internal", "true", pos));
                case "enable_ipv6" -> bool(p.value()).filter(b -> b).ifPresent(b -> d.add("Network", "IPv6", "true", pos));
                case "labels" -> pairs(p.value()).forEach((k, v) -> d.add("Network", "Label", Words.quote(esc(k + "=" + v)), pos));
                case "ipam" -> ipam(asMap(p.value()), d, name);
                default -> warnKey("network '" + name + "'", p);
            }
        }
        return Optional.of(d);
    }

    private void ipam(YamlNode.Mapping ipam, UnitDraft d, String name) {
        for (YamlNode.Pair p : ipam.pairs()) {
            switch (p.key().value()) {
                case "driver" -> d.add("Network", "IPAMDriver", esc(text(p.value())), p.key().position());
                case "config" -> {
                    for (YamlNode item : items(p.value())) {
                        for (YamlNode.Pair c : asMap(item).pairs()) {
                            Position pos = c.key().position();
                            switch (c.key().value()) {
                                case "subnet" -> d.add("Network", "Subnet", esc(text(c.value())), pos);
                                case "gateway" -> d.add("Network", "Gateway", esc(text(c.value())), pos);
                                case "ip_range" -> d.add("Network", "IPRange", esc(text(c.value())), pos);
                                default -> warnKey("network '" + name + "' ipam config", c);
                            }
                        }
                    }
                }
                default -> warnKey("network '" + name + "' ipam", p);
            }
        }
    }

    private Optional<UnitDraft> volume(String name, Position at, YamlNode.Mapping def) {
        if (isTrue(def.get("external"))) {
            volumeUnits.put(name, def.get("name").map(ComposeConverter::text).orElse(name));
            return Optional.empty();
        }
        String unitName = name + ".volume";
        volumeUnits.put(name, unitName);
        UnitDraft d = new UnitDraft(unitName, UnitKind.VOLUME, path);
        d.add("Unit", "Description", escSpecifiers("volume " + name + " of Compose project " + project), at);
        d.add("Volume", "VolumeName", esc(def.get("name").map(ComposeConverter::text).orElse(project + "_" + name)), at);
        for (YamlNode.Pair p : def.pairs()) {
            Position pos = p.key().position();
            switch (p.key().value()) {
                case "name", "external" -> {
                }
                case "driver" -> {
                    if (!text(p.value()).equals("local")) {
                        d.add("Volume", "Driver", esc(text(p.value())), pos);
                    }
                }
                case "driver_opts" -> pairs(p.value()).forEach((k, v) -> {
                    switch (k) {
                        case "type" -> d.add("Volume", "Type", esc(v), pos);
                        case "device" -> d.add("Volume", "Device", esc(v), pos);
                        case "o" -> d.add("Volume", "Options", esc(v), pos);
                        default -> d.add("Volume", "PodmanArgs", Words.quote("--opt=" + esc(k + "=" + v)), pos);
                    }
                });
                case "labels" -> pairs(p.value()).forEach((k, v) -> d.add("Volume", "Label", Words.quote(esc(k + "=" + v)), pos));
                default -> warnKey("volume '" + name + "'", p);
            }
        }
        return Optional.of(d);
    }

    // ---- services ----

    record Dependency(String service, String condition, boolean required, Position position) {
    }

    private List<Dependency> dependencies(YamlNode node) {
        List<Dependency> out = new ArrayList<>();
        if (node instanceof YamlNode.Sequence s) {
            for (YamlNode item : s.items()) {
                out.add(new Dependency(text(item), "service_started", true, item.position()));
            }
        } else if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Pair p : m.pairs()) {
                YamlNode.Mapping def = asMap(p.value());
                String condition = def.get("condition").map(ComposeConverter::text).orElse("service_started");
                boolean required = def.get("required").flatMap(ComposeConverter::bool).orElse(true);
                out.add(new Dependency(p.key().value(), condition, required, p.key().position()));
            }
        }
        return out;
    }

    /** One service: its keys, in order, each converted or reported. */
    private final class ServiceConversion {
        private final String name;
        private final YamlNode.Mapping svc;
        private final Set<String> activeServices;
        private final YamlNode.Mapping allServices;
        private final boolean healthy;
        private final boolean oneshot;
        private final UnitDraft d;
        private final String what;

        ServiceConversion(String name, YamlNode.Mapping svc, Set<String> activeServices, YamlNode.Mapping allServices,
                boolean healthy, boolean oneshot) {
            this.name = name;
            this.svc = svc;
            this.activeServices = activeServices;
            this.allServices = allServices;
            this.healthy = healthy;
            this.oneshot = oneshot;
            this.d = new UnitDraft(name + ".container", UnitKind.CONTAINER, path);
            this.what = "service '" + name + "'";
        }

        void convert(List<UnitDraft> builds, List<UnitDraft> containers) {
            Position at = svc.position();
            d.add("Unit", "Description", escSpecifiers("service " + name + " of Compose project " + project), at);
            Optional<YamlNode> image = svc.get("image");
            Optional<YamlNode> build = svc.get("build");
            if (build.isPresent()) {
                builds.add(build(build.get(), image.map(ComposeConverter::text)));
                d.add(CONTAINER, "Image", name + ".build", build.get().position());
            } else if (image.isPresent()) {
                d.add(CONTAINER, "Image", esc(text(image.get())), image.get().position());
            } else {
                error(at, what + " has neither 'image' nor 'build'", "add image: or build:");
            }
            if (svc.get("networks").isEmpty() && svc.get("network_mode").isEmpty()) {
                addNetwork("default", at);
                d.add(CONTAINER, "NetworkAlias", name, at);
            }
            for (YamlNode.Pair p : svc.pairs()) {
                key(p);
            }
            if (healthy) {
                d.add(CONTAINER, "Notify", "healthy", at);
                if (svc.get("healthcheck").isEmpty()) {
                    warn(at, what + " is depended on with condition service_healthy but has no healthcheck here; "
                            + "Notify=healthy relies on the image's HEALTHCHECK", "add a healthcheck: to the service");
                }
            }
            if (oneshot) {
                // Dependants wait for it to finish: a oneshot service that stays "active" after a successful exit.
                d.add("Service", "Type", "oneshot", at);
                d.add("Service", "RemainAfterExit", "yes", at);
                if (d.hasValue("Service", "Restart", "always")) {
                    warn(at, what + " runs to completion (service_completed_successfully) and restarts always; "
                            + "systemd allows a oneshot service only Restart=no or on-failure, so it is left out",
                            "use restart: on-failure, or no");
                    d.remove("Service", "Restart");
                }
            } else {
                d.add("Install", "WantedBy", "default.target", at);
            }
            containers.add(d);
        }

        private void key(YamlNode.Pair p) {
            Position pos = p.key().position();
            YamlNode v = p.value();
            switch (p.key().value()) {
                case "image", "build", "profiles" -> {
                }
                case "container_name" -> d.add(CONTAINER, "ContainerName", esc(text(v)), pos);
                case "hostname" -> d.add(CONTAINER, "HostName", esc(text(v)), pos);
                case "command" -> d.add(CONTAINER, "Exec", Words.join(words(v).stream().map(ComposeConverter::esc).toList()), pos);
                case "entrypoint" -> {
                    List<String> words = words(v);
                    if (words.isEmpty()) {
                        warn(pos, what + ": an empty 'entrypoint' (clearing the image's) has no Quadlet key; ignored",
                                "add PodmanArgs=--entrypoint= by hand");
                    } else {
                        d.add(CONTAINER, "Entrypoint", esc(words.size() == 1 ? words.get(0) : jsonArray(words)), pos);
                    }
                }
                case "environment" -> environment(v, pos);
                case "env_file" -> envFiles(v, pos);
                case "ports" -> items(v).forEach(i -> port(i).ifPresent(s -> d.add(CONTAINER, "PublishPort", s, i.position())));
                case "expose" -> items(v).forEach(i -> d.add(CONTAINER, "ExposeHostPort", esc(text(i)), i.position()));
                case "volumes" -> items(v).forEach(this::volumeMount);
                case "tmpfs" -> items(v).forEach(i -> d.add(CONTAINER, "Tmpfs", esc(text(i)), i.position()));
                case "networks" -> serviceNetworks(v);
                case "network_mode" -> networkMode(text(v), pos);
                case "depends_on" -> dependsOn(v);
                case "restart" -> restart(text(v), pos);
                case "healthcheck" -> healthcheck(asMap(v));
                case "user" -> d.add(CONTAINER, "User", esc(text(v)), pos);
                case "working_dir" -> d.add(CONTAINER, "WorkingDir", esc(text(v)), pos);
                case "labels" -> pairs(v).forEach((k, val) -> d.add(CONTAINER, "Label", Words.quote(esc(k + "=" + val)), pos));
                case "annotations" -> pairs(v).forEach((k, val) -> d.add(CONTAINER, "Annotation", Words.quote(esc(k + "=" + val)), pos));
                case "secrets" -> items(v).forEach(i -> secret(i, secrets, "/run/secrets/", "secret"));
                case "configs" -> items(v).forEach(i -> secret(i, configs, "/", "config"));
                case "devices" -> items(v).forEach(i -> d.add(CONTAINER, "AddDevice", esc(text(i)), i.position()));
                case "cap_add" -> items(v).forEach(i -> d.add(CONTAINER, "AddCapability", esc(text(i)), i.position()));
                case "cap_drop" -> items(v).forEach(i -> d.add(CONTAINER, "DropCapability", esc(text(i)), i.position()));
                case "privileged" -> flag(v, pos, "--privileged");
                case "init" -> bool(v).filter(b -> b).ifPresent(b -> d.add(CONTAINER, "RunInit", "true", pos));
                case "read_only" -> bool(v).filter(b -> b).ifPresent(b -> d.add(CONTAINER, "ReadOnly", "true", pos));
                case "tty" -> flag(v, pos, "--tty");
                case "stdin_open" -> flag(v, pos, "--interactive");
                case "stop_signal" -> d.add(CONTAINER, "StopSignal", esc(text(v)), pos);
                case "stop_grace_period" -> seconds(text(v)).ifPresentOrElse(
                        s -> d.add(CONTAINER, "StopTimeout", Long.toString(s), pos),
                        () -> warn(pos, what + ": 'stop_grace_period' " + text(v) + " is not a duration; ignored",
                                "write it like 30s or 1m30s"));
                case "extra_hosts" -> extraHosts(v, pos);
                case "dns" -> items(v).forEach(i -> d.add(CONTAINER, "DNS", esc(text(i)), i.position()));
                case "dns_search" -> items(v).forEach(i -> d.add(CONTAINER, "DNSSearch", esc(text(i)), i.position()));
                case "dns_opt" -> items(v).forEach(i -> d.add(CONTAINER, "DNSOption", esc(text(i)), i.position()));
                case "group_add" -> items(v).forEach(i -> d.add(CONTAINER, "GroupAdd", esc(text(i)), i.position()));
                case "sysctls" -> pairs(v).forEach((k, val) -> d.add(CONTAINER, "Sysctl", Words.quote(esc(k + "=" + val)), pos));
                case "ulimits" -> ulimits(asMap(v));
                case "shm_size" -> d.add(CONTAINER, "ShmSize", esc(text(v)), pos);
                case "pids_limit" -> d.add(CONTAINER, "PidsLimit", esc(text(v)), pos);
                case "mem_limit" -> podmanArg("--memory", v, pos);
                case "memswap_limit" -> podmanArg("--memory-swap", v, pos);
                case "mem_reservation" -> podmanArg("--memory-reservation", v, pos);
                case "cpus" -> podmanArg("--cpus", v, pos);
                case "cpu_shares" -> podmanArg("--cpu-shares", v, pos);
                case "cpuset" -> podmanArg("--cpuset-cpus", v, pos);
                case "oom_score_adj" -> podmanArg("--oom-score-adj", v, pos);
                case "platform" -> podmanArg("--platform", v, pos);
                case "ipc" -> podmanArg("--ipc", v, pos);
                case "pid" -> podmanArg("--pid", v, pos);
                case "mac_address" -> podmanArg("--mac-address", v, pos);
                case "domainname" -> podmanArg("--domainname", v, pos);
                case "userns_mode" -> d.add(CONTAINER, "UserNS", esc(text(v)), pos);
                case "security_opt" -> items(v).forEach(this::securityOpt);
                case "logging" -> logging(asMap(v));
                case "pull_policy" -> pullPolicy(text(v), pos);
                case "deploy" -> deploy(asMap(v));
                case "scale" -> {
                    if (!text(v).equals("1")) {
                        warn(pos, what + ": 'scale' " + text(v) + " has no equivalent; one container is converted",
                                "write a template unit (" + name + "@.container) and instances for more");
                    }
                }
                default -> {
                    if (!p.key().value().startsWith("x-")) {
                        warnKey(what, p);
                    }
                }
            }
        }

        private void addNetwork(String compose, Position at) {
            String ref = networkUnits.get(compose);
            if (ref == null) {
                error(at, what + " uses network '" + compose + "', which is not defined under networks:",
                        "define it under the top-level networks:");
                return;
            }
            d.add(CONTAINER, "Network", esc(ref), at);
        }

        private UnitDraft build(YamlNode node, Optional<String> image) {
            UnitDraft b = new UnitDraft(name + ".build", UnitKind.BUILD, path);
            Position at = node.position();
            b.add("Unit", "Description", escSpecifiers("image of service " + name + " of Compose project " + project), at);
            b.add("Build", "ImageTag", esc(image.orElse("localhost/" + project + "-" + name + ":latest")), at);
            if (node instanceof YamlNode.Scalar s) {
                b.add("Build", "SetWorkingDirectory", esc(relative(s.value())), at);
                return b;
            }
            YamlNode.Mapping m = asMap(node);
            String context = m.get("context").map(ComposeConverter::text).orElse(".");
            b.add("Build", "SetWorkingDirectory", esc(relative(context)), at);
            for (YamlNode.Pair p : m.pairs()) {
                Position pos = p.key().position();
                switch (p.key().value()) {
                    case "context" -> {
                    }
                    case "dockerfile" -> b.add("Build", "File", esc(text(p.value())), pos);
                    case "target" -> b.add("Build", "Target", esc(text(p.value())), pos);
                    case "args" -> pairs(p.value()).forEach((k, v) ->
                            b.add("Build", "PodmanArgs", Words.quote("--build-arg=" + esc(k + "=" + v)), pos));
                    case "labels" -> pairs(p.value()).forEach((k, v) -> b.add("Build", "Label", Words.quote(esc(k + "=" + v)), pos));
                    case "network" -> b.add("Build", "Network", esc(text(p.value())), pos);
                    case "pull" -> bool(p.value()).filter(x -> x).ifPresent(x -> b.add("Build", "Pull", "always", pos));
                    case "no_cache" -> bool(p.value()).filter(x -> x).ifPresent(x -> b.add("Build", "PodmanArgs", "--no-cache", pos));
                    case "shm_size" -> b.add("Build", "PodmanArgs", Words.quote("--shm-size=" + esc(text(p.value()))), pos);
                    case "extra_hosts" -> pairsOrList(p.value(), ':').forEach(h ->
                            b.add("Build", "PodmanArgs", Words.quote("--add-host=" + esc(h)), pos));
                    case "platforms" -> {
                        List<String> ps = strings(p.value());
                        if (!ps.isEmpty()) {
                            b.add("Build", "PodmanArgs", Words.quote("--platform=" + esc(String.join(",", ps))), pos);
                        }
                    }
                    default -> warnKey(what + " build", p);
                }
            }
            return b;
        }

        private void environment(YamlNode v, Position pos) {
            if (v instanceof YamlNode.Mapping m) {
                for (YamlNode.Pair p : m.pairs()) {
                    if (p.value() instanceof YamlNode.Scalar s && s.isNull()) {
                        fromHost(p.key().value(), p.key().position());
                    } else {
                        d.add(CONTAINER, "Environment", Words.quote(esc(p.key().value() + "=" + text(p.value()))),
                                p.key().position());
                    }
                }
                return;
            }
            for (YamlNode item : items(v)) {
                String s = text(item);
                if (s.indexOf('=') < 0) {
                    fromHost(s, item.position());
                } else {
                    d.add(CONTAINER, "Environment", Words.quote(esc(s)), item.position());
                }
            }
        }

        /** {@code - NAME} without a value: Compose passes the variable's value at conversion time, if set. */
        private void fromHost(String variable, Position pos) {
            String value = variables.apply(variable).orElse(null);
            if (value == null) {
                warn(pos, what + ": environment variable " + variable + " takes its value from the environment, "
                        + "where it is not set; it is left out, as Compose does", "set it, or give it a value");
                return;
            }
            d.add(CONTAINER, "Environment", Words.quote(esc(variable + "=" + value)), pos);
        }

        private void envFiles(YamlNode v, Position pos) {
            for (YamlNode item : items(v)) {
                String file;
                if (item instanceof YamlNode.Mapping m) {
                    file = m.get("path").map(ComposeConverter::text).orElse("");
                    if (m.get("required").flatMap(ComposeConverter::bool).orElse(true).equals(Boolean.FALSE)) {
                        warn(item.position(), what + ": env_file " + file + " with required: false; podman requires "
                                + "the file to exist", "create the file, or remove the entry");
                    }
                } else {
                    file = text(item);
                }
                d.add(CONTAINER, "EnvironmentFile", Words.quote(esc(relative(file))), item.position());
                envFileSyntax(file, item.position());
            }
        }

        /** podman reads an env file literally: quotes and ${...} in it do not work as Compose reads them. */
        private void envFileSyntax(String file, Position pos) {
            Path p = composeDir.resolve(file);
            try {
                for (String line : java.nio.file.Files.readAllLines(p)) {
                    String value = line.contains("=") ? line.substring(line.indexOf('=') + 1).strip() : "";
                    if (!line.strip().startsWith("#") && (value.startsWith("\"") || value.startsWith("'")
                            || value.contains("${"))) {
                        warn(pos, what + ": env_file " + file + " has quoted or interpolated values, which podman's "
                                + "--env-file passes as written", "write the values plainly in the file");
                        return;
                    }
                }
            } catch (java.io.IOException e) {
                // not there at conversion time: podman will say so when the unit starts
            }
        }

        private Optional<String> port(YamlNode item) {
            if (item instanceof YamlNode.Scalar s) {
                return Optional.of(esc(s.value()));
            }
            YamlNode.Mapping m = asMap(item);
            String target = m.get("target").map(ComposeConverter::text).orElse("");
            if (target.isEmpty()) {
                error(item.position(), what + ": a port without 'target'", "add target: PORT");
                return Optional.empty();
            }
            StringBuilder sb = new StringBuilder();
            m.get("host_ip").map(ComposeConverter::text).ifPresent(ip -> sb.append(ip).append(':'));
            Optional<String> published = m.get("published").map(ComposeConverter::text);
            if (published.isPresent()) {
                sb.append(published.get()).append(':');
            } else if (!sb.isEmpty()) {
                sb.append(':');
            }
            sb.append(target);
            m.get("protocol").map(ComposeConverter::text).filter(pr -> !pr.equals("tcp")).ifPresent(pr -> sb.append('/').append(pr));
            for (YamlNode.Pair p : m.pairs()) {
                if (!Set.of("target", "published", "host_ip", "protocol", "mode", "name", "app_protocol")
                        .contains(p.key().value())) {
                    warnKey(what + " port", p);
                }
            }
            return Optional.of(esc(sb.toString()));
        }

        private void volumeMount(YamlNode item) {
            Position pos = item.position();
            if (item instanceof YamlNode.Scalar s) {
                String[] parts = s.value().split(":", 3);
                if (parts.length == 1) {
                    d.add(CONTAINER, "Volume", esc(parts[0]), pos); // an anonymous volume
                    return;
                }
                String source = source(parts[0], pos);
                if (source == null) {
                    return;
                }
                String rest = parts.length == 3 ? parts[1] + ":" + parts[2] : parts[1];
                d.add(CONTAINER, "Volume", source + ":" + esc(rest), pos);
                return;
            }
            YamlNode.Mapping m = asMap(item);
            String type = m.get("type").map(ComposeConverter::text).orElse("volume");
            String target = m.get("target").map(ComposeConverter::text).orElse("");
            Optional<String> src = m.get("source").map(ComposeConverter::text);
            boolean readOnly = m.get("read_only").flatMap(ComposeConverter::bool).orElse(false);
            switch (type) {
                case "tmpfs" -> {
                    String size = m.get("tmpfs").map(t -> asMap(t).get("size").map(ComposeConverter::text).orElse(""))
                            .orElse("");
                    d.add(CONTAINER, "Tmpfs", esc(target + (size.isEmpty() ? "" : ":size=" + size)), pos);
                }
                case "volume", "bind" -> {
                    if (src.isEmpty()) {
                        d.add(CONTAINER, "Volume", esc(target), pos);
                        break;
                    }
                    String source = type.equals("bind") ? bindSource(src.get()) : source(src.get(), pos);
                    if (source == null) {
                        break;
                    }
                    List<String> opts = new ArrayList<>();
                    if (readOnly) {
                        opts.add("ro");
                    }
                    m.get("bind").map(ComposeConverter::asMap).ifPresent(b -> {
                        b.get("selinux").map(ComposeConverter::text).ifPresent(opts::add);
                        b.get("propagation").map(ComposeConverter::text).ifPresent(opts::add);
                    });
                    d.add(CONTAINER, "Volume", source + ":" + esc(target) + (opts.isEmpty() ? "" : ":" + String.join(",", opts)), pos);
                }
                default -> warn(pos, what + ": volume type '" + type + "' has no equivalent; ignored",
                        "write a Mount= line by hand");
            }
            for (YamlNode.Pair p : m.pairs()) {
                if (!Set.of("type", "source", "target", "read_only", "bind", "tmpfs", "consistency").contains(p.key().value())) {
                    warnKey(what + " volume", p);
                }
            }
        }

        /** A short-syntax source: a path (bind mount) or a named volume, which must be declared. */
        private String source(String source, Position pos) {
            if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
                return bindSource(source);
            }
            String ref = volumeUnits.get(source);
            if (ref == null) {
                error(pos, what + " uses volume '" + source + "', which is not defined under volumes:",
                        "define it under the top-level volumes:");
                return null;
            }
            return esc(ref);
        }

        private String bindSource(String source) {
            if (source.startsWith("~/") || source.equals("~")) {
                return "%h" + esc(source.substring(1));
            }
            return esc(relative(source));
        }

        private void serviceNetworks(YamlNode v) {
            if (v instanceof YamlNode.Mapping m) {
                // Network= lines first, then the options: grouped by key, so the YAML form stays a plain map.
                List<Runnable> options = new ArrayList<>();
                for (YamlNode.Pair p : m.pairs()) {
                    addNetwork(p.key().value(), p.key().position());
                    YamlNode.Mapping def = asMap(p.value());
                    for (YamlNode.Pair o : def.pairs()) {
                        Position pos = o.key().position();
                        switch (o.key().value()) {
                            case "aliases" -> items(o.value()).forEach(a -> options.add(() ->
                                    d.add(CONTAINER, "NetworkAlias", esc(text(a)), a.position())));
                            case "ipv4_address" -> options.add(() -> d.add(CONTAINER, "IP", esc(text(o.value())), pos));
                            case "ipv6_address" -> options.add(() -> d.add(CONTAINER, "IP6", esc(text(o.value())), pos));
                            default -> warnKey(what + " network '" + p.key().value() + "'", o);
                        }
                    }
                }
                d.add(CONTAINER, "NetworkAlias", name, v.position());
                options.forEach(Runnable::run);
            } else {
                items(v).forEach(i -> addNetwork(text(i), i.position()));
                d.add(CONTAINER, "NetworkAlias", name, v.position());
            }
        }

        private void networkMode(String mode, Position pos) {
            if (mode.equals("host") || mode.equals("none") || mode.equals("bridge") || mode.startsWith("container:")
                    || mode.startsWith("ns:") || mode.equals("private") || mode.startsWith("slirp4netns") || mode.startsWith("pasta")) {
                d.add(CONTAINER, "Network", esc(mode), pos);
            } else if (mode.startsWith("service:")) {
                String other = mode.substring("service:".length());
                d.add(CONTAINER, "Network", other + ".container", pos);
            } else {
                warn(pos, what + ": network_mode '" + mode + "' has no equivalent; ignored", "use networks:");
            }
        }

        private void dependsOn(YamlNode v) {
            // Requires=/Wants= lines first, then After=: grouped by key, so the YAML form stays a plain map.
            List<Runnable> ordering = new ArrayList<>();
            for (Dependency dep : dependencies(v)) {
                if (!activeServices.contains(dep.service())) {
                    if (allServices.get(dep.service()).isPresent()) {
                        error(dep.position(), what + " depends on service '" + dep.service() + "', which is in a "
                                + "profile that is not active", "activate its profile with --profile");
                    } else {
                        error(dep.position(), what + " depends on undefined service '" + dep.service() + "'",
                                "define the service, or remove the dependency");
                    }
                    continue;
                }
                String unit = dep.service() + ".container";
                // required: false is Compose's "start it if it can": Wants=; ordering either way.
                d.add("Unit", dep.required() ? "Requires" : "Wants", unit, dep.position());
                ordering.add(() -> d.add("Unit", "After", unit, dep.position()));
                switch (dep.condition()) {
                    case "service_started", "service_healthy", "service_completed_successfully" -> {
                    }
                    default -> warn(dep.position(), what + ": depends_on condition '" + dep.condition()
                            + "' is unknown; treated as service_started", "use service_started, service_healthy "
                            + "or service_completed_successfully");
                }
            }
            ordering.forEach(Runnable::run);
            if (v instanceof YamlNode.Mapping m) {
                for (YamlNode.Pair p : m.pairs()) {
                    for (YamlNode.Pair o : asMap(p.value()).pairs()) {
                        switch (o.key().value()) {
                            case "condition", "required" -> {
                            }
                            case "restart" -> {
                                if (bool(o.value()).orElse(false)) {
                                    // Compose restarts this service when it updates the dependency: PartOf= does
                                    // that for restarts (and stops) of the dependency's unit.
                                    d.add("Unit", "PartOf", p.key().value() + ".container", o.key().position());
                                }
                            }
                            default -> warnKey(what + " depends_on '" + p.key().value() + "'", o);
                        }
                    }
                }
            }
        }

        private void restart(String policy, Position pos) {
            String[] parts = policy.split(":", 2);
            switch (parts[0]) {
                case "no", "false" -> d.add("Service", "Restart", "no", pos);
                // systemd never restarts a unit stopped on purpose, which is what unless-stopped means.
                case "always", "unless-stopped" -> d.add("Service", "Restart", "always", pos);
                case "on-failure" -> {
                    d.add("Service", "Restart", "on-failure", pos);
                    if (parts.length == 2) {
                        maxRestarts(parts[1], pos);
                    }
                }
                default -> warn(pos, what + ": restart policy '" + policy + "' is unknown; ignored",
                        "use no, always, unless-stopped or on-failure[:N]");
            }
        }

        /** At most N restarts: N+1 starts over an unlimited interval. */
        private void maxRestarts(String n, Position pos) {
            try {
                int max = Integer.parseInt(n.strip());
                d.add("Unit", "StartLimitIntervalSec", "infinity", pos);
                d.add("Unit", "StartLimitBurst", Integer.toString(max + 1), pos);
            } catch (NumberFormatException e) {
                warn(pos, what + ": '" + n + "' is not a number of restarts; ignored", "write on-failure:3");
            }
        }

        private void healthcheck(YamlNode.Mapping h) {
            boolean disabled = h.get("disable").flatMap(ComposeConverter::bool).orElse(false);
            for (YamlNode.Pair p : h.pairs()) {
                Position pos = p.key().position();
                YamlNode v = p.value();
                switch (p.key().value()) {
                    case "disable" -> {
                        if (disabled) {
                            d.add(CONTAINER, "HealthCmd", "none", pos);
                        }
                    }
                    case "test" -> {
                        if (!disabled) {
                            healthTest(v, pos);
                        }
                    }
                    case "interval" -> d.add(CONTAINER, "HealthInterval", esc(text(v)), pos);
                    case "timeout" -> d.add(CONTAINER, "HealthTimeout", esc(text(v)), pos);
                    case "retries" -> d.add(CONTAINER, "HealthRetries", esc(text(v)), pos);
                    case "start_period" -> d.add(CONTAINER, "HealthStartPeriod", esc(text(v)), pos);
                    default -> warnKey(what + " healthcheck", p);
                }
            }
        }

        private void healthTest(YamlNode v, Position pos) {
            if (v instanceof YamlNode.Scalar s) {
                d.add(CONTAINER, "HealthCmd", esc(s.value()), pos); // a string runs in /bin/sh -c, as in Compose
                return;
            }
            List<String> words = strings(v);
            if (words.isEmpty()) {
                return;
            }
            switch (words.get(0)) {
                case "NONE" -> d.add(CONTAINER, "HealthCmd", "none", pos);
                case "CMD" -> d.add(CONTAINER, "HealthCmd", esc(jsonArray(words.subList(1, words.size()))), pos);
                case "CMD-SHELL" -> d.add(CONTAINER, "HealthCmd", esc(String.join(" ", words.subList(1, words.size()))), pos);
                default -> d.add(CONTAINER, "HealthCmd", esc(jsonArray(words)), pos);
            }
        }

        private void secret(YamlNode item, Map<String, YamlNode.Mapping> defs, String defaultDir, String kind) {
            String source;
            String target;
            YamlNode.Mapping opts = null;
            if (item instanceof YamlNode.Mapping m) {
                opts = m;
                source = m.get("source").map(ComposeConverter::text).orElse("");
                target = m.get("target").map(ComposeConverter::text).orElse(source);
            } else {
                source = text(item);
                target = source;
            }
            if (!target.startsWith("/")) {
                target = defaultDir + target;
            }
            YamlNode.Mapping def = defs.get(source);
            if (def == null) {
                error(item.position(), what + " uses " + kind + " '" + source + "', which is not defined under " + kind
                        + "s:", "define it under the top-level " + kind + "s:");
                return;
            }
            Optional<String> file = def.get("file").map(ComposeConverter::text);
            if (file.isPresent()) {
                // Compose (without swarm) bind-mounts the file read-only; so does this.
                d.add(CONTAINER, "Volume", bindSource(file.get()) + ":" + esc(target) + ":ro", item.position());
                if (opts != null) {
                    for (String o : List.of("uid", "gid", "mode")) {
                        YamlNode.Mapping fo = opts;
                        fo.get(o).ifPresent(x -> warn(x.position(), what + ": " + kind + " '" + source + "' " + o
                                + " does not apply to a bind-mounted file; ignored", "set the file's owner and mode on the host"));
                    }
                }
                return;
            }
            if (def.get("content").isPresent()) {
                warn(item.position(), what + ": " + kind + " '" + source + "' with inline content has no file to mount; "
                        + "ignored", "write the content to a file and use file:");
                return;
            }
            // external: or environment: -> a podman secret of that name, which must exist.
            String podmanName = def.get("name").map(ComposeConverter::text).orElse(source);
            StringBuilder sb = new StringBuilder(esc(podmanName)).append(",type=mount,target=").append(esc(target));
            if (opts != null) {
                for (String o : List.of("uid", "gid", "mode")) {
                    Optional<String> val = opts.get(o).map(ComposeConverter::text);
                    val.ifPresent(x -> sb.append(',').append(o).append('=').append(esc(x)));
                }
            }
            d.add(CONTAINER, "Secret", sb.toString(), item.position());
            def.get("environment").ifPresent(env -> warn(item.position(), what + ": " + kind + " '" + source
                    + "' comes from the environment variable " + text(env) + "; the unit uses the podman secret '"
                    + podmanName + "', which must exist", "printf %s \"$" + text(env) + "\" | podman secret create "
                    + podmanName + " -"));
        }

        private void extraHosts(YamlNode v, Position pos) {
            for (String h : pairsOrList(v, ':')) {
                d.add(CONTAINER, "AddHost", esc(h), pos);
            }
        }

        private void ulimits(YamlNode.Mapping m) {
            for (YamlNode.Pair p : m.pairs()) {
                String value;
                if (p.value() instanceof YamlNode.Mapping sh) {
                    value = sh.get("soft").map(ComposeConverter::text).orElse("") + ":"
                            + sh.get("hard").map(ComposeConverter::text).orElse("");
                } else {
                    value = text(p.value());
                }
                d.add(CONTAINER, "Ulimit", esc(p.key().value() + "=" + value), p.key().position());
            }
        }

        private void securityOpt(YamlNode item) {
            String opt = text(item);
            Position pos = item.position();
            String normal = opt.replaceFirst(":", "=");
            switch (normal) {
                case "no-new-privileges", "no-new-privileges=true" -> d.add(CONTAINER, "NoNewPrivileges", "true", pos);
                case "label=disable" -> d.add(CONTAINER, "SecurityLabelDisable", "true", pos);
                case "seccomp=unconfined" -> d.add(CONTAINER, "SeccompProfile", "unconfined", pos);
                default -> d.add(CONTAINER, "PodmanArgs", Words.quote("--security-opt=" + esc(normal)), pos);
            }
        }

        private void logging(YamlNode.Mapping m) {
            for (YamlNode.Pair p : m.pairs()) {
                switch (p.key().value()) {
                    case "driver" -> d.add(CONTAINER, "LogDriver", esc(text(p.value())), p.key().position());
                    case "options" -> pairs(p.value()).forEach((k, v) -> d.add(CONTAINER, "LogOpt", Words.quote(esc(k + "=" + v)), p.key().position()));
                    default -> warnKey(what + " logging", p);
                }
            }
        }

        private void pullPolicy(String policy, Position pos) {
            switch (policy) {
                case "always", "missing", "never", "newer" -> d.add(CONTAINER, "Pull", policy, pos);
                case "if_not_present" -> d.add(CONTAINER, "Pull", "missing", pos);
                case "build" -> {
                    if (svc.get("build").isEmpty()) {
                        warn(pos, what + ": pull_policy build without build:; ignored", "add build:");
                    }
                }
                default -> warn(pos, what + ": pull_policy '" + policy + "' is unknown; ignored", "use always, missing or never");
            }
        }

        private void deploy(YamlNode.Mapping m) {
            for (YamlNode.Pair p : m.pairs()) {
                Position pos = p.key().position();
                switch (p.key().value()) {
                    case "resources" -> {
                        for (YamlNode.Pair r : asMap(p.value()).pairs()) {
                            boolean limits = r.key().value().equals("limits");
                            if (!limits && !r.key().value().equals("reservations")) {
                                warnKey(what + " deploy.resources", r);
                                continue;
                            }
                            for (YamlNode.Pair l : asMap(r.value()).pairs()) {
                                switch (l.key().value()) {
                                    case "memory" -> podmanArg(limits ? "--memory" : "--memory-reservation", l.value(), l.key().position());
                                    case "cpus" -> {
                                        if (limits) {
                                            podmanArg("--cpus", l.value(), l.key().position());
                                        } else {
                                            warnKey(what + " deploy.resources.reservations", l);
                                        }
                                    }
                                    case "pids" -> {
                                        if (limits) {
                                            d.add(CONTAINER, "PidsLimit", esc(text(l.value())), l.key().position());
                                        } else {
                                            warnKey(what + " deploy.resources.reservations", l);
                                        }
                                    }
                                    default -> warnKey(what + " deploy.resources." + r.key().value(), l);
                                }
                            }
                        }
                    }
                    case "restart_policy" -> {
                        YamlNode.Mapping rp = asMap(p.value());
                        String condition = rp.get("condition").map(ComposeConverter::text).orElse("any");
                        switch (condition) {
                            case "none" -> d.add("Service", "Restart", "no", pos);
                            case "on-failure" -> d.add("Service", "Restart", "on-failure", pos);
                            default -> d.add("Service", "Restart", "always", pos);
                        }
                        for (YamlNode.Pair o : rp.pairs()) {
                            switch (o.key().value()) {
                                case "condition" -> {
                                }
                                case "max_attempts" -> maxRestarts(text(o.value()), o.key().position());
                                case "delay" -> seconds(text(o.value())).ifPresent(s ->
                                        d.add("Service", "RestartSec", Long.toString(s), o.key().position()));
                                default -> warnKey(what + " deploy.restart_policy", o);
                            }
                        }
                    }
                    case "replicas" -> {
                        if (!text(p.value()).equals("1")) {
                            warn(pos, what + ": deploy.replicas " + text(p.value()) + " has no equivalent; one "
                                    + "container is converted", "write a template unit (" + name + "@.container) and instances");
                        }
                    }
                    default -> warnKey(what + " deploy", p);
                }
            }
        }

        private void podmanArg(String flag, YamlNode v, Position pos) {
            d.add(CONTAINER, "PodmanArgs", Words.quote(flag + "=" + esc(text(v))), pos);
        }

        private void flag(YamlNode v, Position pos, String flag) {
            bool(v).filter(b -> b).ifPresent(b -> d.add(CONTAINER, "PodmanArgs", flag, pos));
        }
    }

    // ---- helpers ----

    /**
     * A path of the Compose file, absolute as Compose makes it (relative to the Compose file's directory): the units
     * may be installed anywhere ({@code berth apply} copies them), and their bind mounts and build contexts must
     * still name the project's files.
     */
    private String relative(String p) {
        if (p.startsWith("/") || p.startsWith("%") || p.contains("://") || p.startsWith("git@")) {
            return p;
        }
        return composeDir.resolve(p).normalize().toString();
    }

    private void warnKey(String what, YamlNode.Pair p) {
        warn(p.key().position(), what + ": '" + p.key().value() + "' has no equivalent in Quadlet units; ignored",
                "see docs/yaml.md for what berth convert maps");
    }

    private void warn(Position at, String message, String fix) {
        diagnostics.add(Diagnostic.warning(at, message, fix));
    }

    private void error(Position at, String message, String fix) {
        diagnostics.add(Diagnostic.error(at, message, fix));
    }

    private Optional<YamlNode.Mapping> map(Optional<YamlNode> node, String what) {
        if (node.isEmpty() || node.get() instanceof YamlNode.Scalar s && s.isNull()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        error(node.get().position(), "'" + what + "' is a map, not " + node.get().describe(), "write it as a map");
        return Optional.empty();
    }

    static YamlNode.Mapping asMap(YamlNode node) {
        return node instanceof YamlNode.Mapping m ? m : new YamlNode.Mapping(List.of(), node.position(), 1);
    }

    static String text(YamlNode node) {
        return node instanceof YamlNode.Scalar s && !s.isNull() ? s.value() : "";
    }

    static List<YamlNode> items(YamlNode node) {
        if (node instanceof YamlNode.Sequence s) {
            return s.items();
        }
        if (node instanceof YamlNode.Scalar s && s.isNull()) {
            return List.of();
        }
        return List.of(node);
    }

    static List<String> strings(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        return items(node).stream().map(ComposeConverter::text).toList();
    }

    /** Compose booleans: YAML's, and the strings Compose also accepts. */
    static Optional<Boolean> bool(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            if (s.bool().isPresent()) {
                return s.bool();
            }
            return switch (s.value().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on", "1" -> Optional.of(true);
                case "false", "no", "off", "0" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static boolean isTrue(Optional<YamlNode> node) {
        return node.flatMap(n -> n instanceof YamlNode.Mapping ? Optional.of(true) : bool(n)).orElse(false);
    }

    /** A map or a list of {@code KEY=VALUE} strings, as ordered pairs; a list item without '=' has an empty value. */
    static Map<String, String> pairs(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof YamlNode.Mapping m) {
            m.pairs().forEach(p -> out.put(p.key().value(), text(p.value())));
        } else {
            for (YamlNode i : items(node)) {
                String s = text(i);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return out;
    }

    /** {@code host:ip} lines from a map or from a list written with ':' or '='. */
    static List<String> pairsOrList(YamlNode node, char sep) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlNode.Mapping m) {
            m.pairs().forEach(p -> out.add(p.key().value() + sep + text(p.value())));
        } else {
            for (YamlNode i : items(node)) {
                String s = text(i);
                int eq = s.indexOf('=');
                out.add(eq < 0 ? s : s.substring(0, eq) + sep + s.substring(eq + 1));
            }
        }
        return out;
    }

    static List<String> words(YamlNode node) {
        return node instanceof YamlNode.Sequence ? strings(node) : ShellWords.split(text(node));
    }

    static String jsonArray(List<String> words) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < words.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"');
            for (char c : words.get(i).toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    /** Seconds in a Compose duration ({@code 1m30s}, {@code 10s}, {@code 500ms} rounds up; a bare number is seconds). */
    static Optional<Long> seconds(String duration) {
        String s = duration.strip();
        if (s.matches("[0-9]+")) {
            return Optional.of(Long.parseLong(s));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+)(h|ms|m|s|us|ns)").matcher(s);
        double total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return Optional.empty();
            }
            end = m.end();
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> n * 3600;
                case "m" -> n * 60;
                case "s" -> n;
                case "ms" -> n / 1000;
                case "us" -> n / 1e6;
                default -> n / 1e9;
            };
        }
        if (end != s.length() || end == 0) {
            return Optional.empty();
        }
        return Optional.of((long) Math.ceil(total));
    }

    /** A value for podman's command line in ExecStart=: systemd expands {@code %} specifiers and {@code $} variables there. */
    static String esc(String value) {
        return value.replace("%", "%%").replace("$", "$$");
    }

    /** A value systemd reads with specifiers but not variables ({@code Description=}). */
    static String escSpecifiers(String value) {
        return value.replace("%", "%%");
    }
}
