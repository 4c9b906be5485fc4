package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per {@code [Container]} key: the lines added to a file with {@code Image=localhost/img}, and the whole
 * {@code podman run} line after {@code --rm}. The expected lines are Quadlet 5.4.2's (with the Go-map groups in
 * berth's fixed order).
 */
class ContainerTranslatorKeysTest {

    private static final String RUN = "/usr/bin/podman run --name systemd-%N --cidfile=%t/%N.cid --replace --rm ";
    private static final String D = "--cgroups=split";
    private static final String N = "--sdnotify=conmon -d";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("LogDriver=journald", "--log-driver journald " + D + " " + N),
                row("LogOpt=tag=web max-size=1m", "--log-opt tag=web --log-opt max-size=1m " + D + " " + N),
                row("CgroupsMode=enabled", "--cgroups enabled " + N),
                row("CgroupsMode=", D + " " + N),
                row("Timezone=UTC", D + " --tz UTC " + N),
                row("PidsLimit=100", D + " --pids-limit 100 " + N),
                row("ShmSize=64m", D + " --shm-size 64m " + N),
                row("Entrypoint=/bin/sh", D + " --entrypoint /bin/sh " + N),
                row("Entrypoint=", D + " " + N),
                row("WorkingDir=/srv", D + " --workdir /srv " + N),
                row("IP=10.88.0.2", D + " --ip 10.88.0.2 " + N),
                row("IP6=fd00::2", D + " --ip6 fd00::2 " + N),
                row("HostName=web.local", D + " --hostname web.local " + N),
                row("StopSignal=SIGINT", D + " --stop-signal SIGINT " + N),
                row("StopTimeout=30", D + " --stop-timeout 30 " + N),
                row("Pull=never", D + " --pull never " + N),
                row("Memory=1g", D + " --memory 1g " + N),
                row("Retry=3", D + " --retry 3 " + N),
                row("RetryDelay=5s", D + " --retry-delay 5s " + N),
                row("NetworkAlias=web\nNetworkAlias=www", D + " --network-alias web --network-alias www " + N),
                row("Ulimit=nofile=10:20", D + " --ulimit nofile=10:20 " + N),
                row("DNS=1.1.1.1", D + " --dns 1.1.1.1 " + N),
                row("DNSOption=ndots:2", D + " --dns-option ndots:2 " + N),
                row("DNSSearch=example.com", D + " --dns-search example.com " + N),
                row("GroupAdd=keep-groups", D + " --group-add keep-groups " + N),
                row("AddHost=db:10.0.0.3", D + " --add-host db:10.0.0.3 " + N),
                row("Tmpfs=/run:size=10m", D + " --tmpfs /run:size=10m " + N),
                row("RunInit=yes", D + " --init " + N),
                row("RunInit=false", D + " --init=false " + N),
                row("EnvironmentHost=true", D + " --env-host " + N),
                row("HttpProxy=false", D + " --http-proxy=false " + N), // 5.7: the container is removed by name
                row("ReadOnlyTmpfs=on", D + " --read-only-tmpfs " + N),
                row("Network=host", D + " --network host " + N),
                row("Network=podman:ip=10.88.0.5\nNetwork=", D + " " + N),
                row("Notify=true", D + " --sdnotify=container -d"),
                row("Notify=HEALTHY", D + " --sdnotify=healthy -d"),
                row("Notify=no", D + " " + N),
                row("NoNewPrivileges=true", D + " " + N + " --security-opt=no-new-privileges"),
                row("SecurityLabelDisable=true", D + " " + N + " --security-opt label=disable"),
                row("SecurityLabelNested=true", D + " " + N + " --security-opt label=nested"),
                row("SecurityLabelType=spc_t", D + " " + N + " --security-opt label=type:spc_t"),
                row("SecurityLabelFileType=usr_t", D + " " + N + " --security-opt label=filetype:usr_t"),
                row("SecurityLabelLevel=s0:c1,c2", D + " " + N + " --security-opt label=level:s0:c1,c2"),
                row("AppArmor=my-profile", D + " " + N + " --security-opt apparmor=my-profile"),
                row("AddDevice=/dev/fuse /dev/net/tun:/dev/tun:rw", D + " " + N + " --device /dev/fuse --device /dev/net/tun:/dev/tun:rw"),
                row("AddDevice=-/dev/not-here", D + " " + N),
                row("SeccompProfile=/etc/seccomp.json", D + " " + N + " --security-opt seccomp=/etc/seccomp.json"),
                row("DropCapability=ALL", D + " " + N + " --cap-drop all"),
                row("AddCapability=NET_ADMIN SYS_TIME\nDropCapability=CHOWN", D + " " + N + " --cap-drop chown --cap-add net_admin --cap-add sys_time"),
                row("Sysctl=net.ipv4.ip_forward=1 net.core.somaxconn=1024", D + " " + N + " --sysctl net.ipv4.ip_forward=1 --sysctl net.core.somaxconn=1024"),
                row("ReadOnly=true", D + " " + N + " --read-only"),
                row("ReadOnly=false", D + " " + N + " --read-only=false"),
                row("VolatileTmp=true", D + " " + N + " --tmpfs /tmp:rw,size=512M,mode=1777"),
                row("VolatileTmp=true\nReadOnly=true", D + " " + N + " --read-only"),
                row("User=1000", D + " " + N + " --user 1000"),
                row("User=app\nGroup=wheel", D + " " + N + " --user app:wheel"),
                row("UserNS=keep-id:uid=1000", D + " " + N + " --userns keep-id:uid=1000"),
                row("UIDMap=0:1:1000 1000:0:1", D + " " + N + " --uidmap 0:1:1000 --uidmap 1000:0:1"),
                row("GIDMap=0:1:1000", D + " " + N + " --gidmap 0:1:1000"),
                row("SubUIDMap=alice", D + " " + N + " --subuidname alice"),
                row("SubGIDMap=alice", D + " " + N + " --subgidname alice"),
                row("RemapUsers=auto", D + " " + N + " --userns auto"),
                row("RemapUsers=manual\nRemapUid=0:1000:10\nRemapGid=0:2000:10", D + " " + N + " --uidmap 0:1000:10 --gidmap 0:2000:10"),
                row("RemapUsers=keep-id\nRemapGid=100", D + " " + N + " --userns keep-id:gid=100"),
                row("RemapUsers=auto\nRemapUid=0:1:5\nRemapUidSize=0x10", D + " " + N + " --userns auto:uidmapping=0:1:5,size=16"),
                row("RemapUsers=auto\nRemapUidSize=010", D + " " + N + " --userns auto:size=8"),
                row("Volume=/srv/data:/data:ro,Z", D + " " + N + " -v /srv/data:/data:ro,Z"),
                row("Volume=/anonymous\nVolume=named:/named", D + " " + N + " -v /anonymous -v named:/named"),
                row("Volume=:/empty-source", D + " " + N + " -v /empty-source"),
                row("AutoUpdate=registry", D + " " + N + " --label io.containers.autoupdate=registry"),
                row("ExposeHostPort=8080\nExposeHostPort=9000-9010/udp", D + " " + N + " --expose 8080 --expose 9000-9010/udp"),
                row("PublishPort=8080:80\nPublishPort=[::1]:53:53/udp", D + " " + N + " --publish 8080:80 --publish [::1]:53:53/udp"),
                row("Environment=B=2 A=1\nEnvironment=B=3", D + " " + N + " --env A=1 --env B=3"),
                row("Label=tier=web\nAutoUpdate=local", D + " " + N + " --label io.containers.autoupdate=local --label tier=web"),
                row("Annotation=run.oci.keep_original_groups=1", D + " " + N + " --annotation run.oci.keep_original_groups=1"),
                row("Mask=/proc/a:/proc/b", D + " " + N + " --security-opt mask=/proc/a:/proc/b"),
                row("Unmask=ALL", D + " " + N + " --security-opt unmask=ALL"),
                row("EnvironmentFile=app.env\nEnvironmentFile=/etc/abs.env %h/home.env",
                        D + " " + N + " --env-file /etc/containers/systemd/app.env --env-file /etc/abs.env --env-file %h/home.env"),
                row("Secret=token,type=env,target=TOKEN", D + " " + N + " --secret token,type=env,target=TOKEN"),
                row("Mount=type=tmpfs,destination=/cache", D + " " + N + " --mount type=tmpfs,destination=/cache"),
                row("Mount=type=bind,src=/srv,dst=/srv,ro", D + " " + N + " --mount type=bind,source=/srv,dst=/srv,ro"),
                row("HealthCmd=curl -f http://localhost/", D + " " + N + " --health-cmd \"curl -f http://localhost/\""),
                row("HealthInterval=30s", D + " " + N + " --health-interval 30s"),
                row("HealthOnFailure=kill", D + " " + N + " --health-on-failure kill"),
                row("HealthLogDestination=/var/log/hc", D + " " + N + " --health-log-destination /var/log/hc"),
                row("HealthMaxLogCount=5", D + " " + N + " --health-max-log-count 5"),
                row("HealthMaxLogSize=500", D + " " + N + " --health-max-log-size 500"),
                row("HealthRetries=3", D + " " + N + " --health-retries 3"),
                row("HealthStartPeriod=1m", D + " " + N + " --health-start-period 1m"),
                row("HealthTimeout=5s", D + " " + N + " --health-timeout 5s"),
                row("HealthStartupCmd=/ready", D + " " + N + " --health-startup-cmd /ready"),
                row("HealthStartupInterval=2s", D + " " + N + " --health-startup-interval 2s"),
                row("HealthStartupRetries=10", D + " " + N + " --health-startup-retries 10"),
                row("HealthStartupSuccess=2", D + " " + N + " --health-startup-success 2"),
                row("HealthStartupTimeout=3s", D + " " + N + " --health-startup-timeout 3s"),
                row("PodmanArgs=--cpus=2 --memory-swap \"1 g\"", D + " " + N + " --cpus=2 --memory-swap \"1 g\""),
                row("Exec=sleep infinity", D + " " + N + " localhost/img sleep infinity"),
                row("Exec=first\nExec=", D + " " + N + " localhost/img"));
    }

    /** Keys whose effect is outside the run line's middle, with tests of their own in {@link ContainerTranslatorTest}. */
    static final Set<String> TESTED_ELSEWHERE = Set.of("ContainersConfModule", "GlobalArgs", "ContainerName", "Image",
            "Rootfs", "Pod", "StartWithPod", "ReloadCmd", "ReloadSignal", "ServiceName");

    private static Arguments row(String lines, String tail) {
        // Rows that end in the image or its command say so; all others end with the image.
        String expected = tail.contains("localhost/img") ? tail : tail + " localhost/img";
        // A key newer than 5.5 is tested under its own version, where the container is removed by name.
        boolean byName = lines.startsWith("HttpProxy=") || lines.startsWith("AppArmor=");
        return Arguments.of(lines, (byName ? RUN.replace(" --cidfile=%t/%N.cid", "") : RUN) + expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void keyBecomesItsPodmanArguments(String lines, String execStart) {
        QuadletFiles.Result r = QuadletFiles.container("[Container]\nImage=localhost/img\n" + lines + "\n");
        assertEquals(execStart, r.execStart());
    }

    @Test
    void everyContainerKeyHasATest() {
        Set<String> covered = new TreeSet<>(TESTED_ELSEWHERE);
        rows().forEach(a -> {
            for (String line : ((String) a.get()[0]).split("\n")) {
                covered.add(line.substring(0, line.indexOf('=')));
            }
        });
        Set<String> declared = new TreeSet<>();
        for (KeySpec k : KeyCatalog.section("Container")) {
            declared.add(k.name());
        }
        assertEquals(declared, covered);
    }

    @Test
    void keysNewerThanTheReferenceAreMarked() {
        Set<String> newer = new TreeSet<>();
        for (KeySpec k : KeyCatalog.section("Container")) {
            if (k.newerThanReference()) {
                newer.add(k.name());
            }
        }
        assertEquals(new TreeSet<>(Set.of("AppArmor", "HttpProxy", "Memory", "ReloadCmd", "ReloadSignal", "Retry",
                "RetryDelay")), newer);
        assertTrue(KeyCatalog.find("Quadlet", "DefaultDependencies").isPresent());
    }
}
