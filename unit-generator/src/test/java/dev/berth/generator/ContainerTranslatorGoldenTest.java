package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Whole units for realistic files, compared line for line with what Quadlet 5.4.2 writes for them. */
class ContainerTranslatorGoldenTest {

    @Test
    void minimalContainer() {
        String unit = QuadletFiles.container("""
                [Container]
                Image=localhost/imagename
                """).text();
        assertEquals("""
                [X-Container]
                Image=localhost/imagename

                [Unit]
                Wants=network-online.target
                After=network-online.target
                SourcePath=/etc/containers/systemd/test.container
                RequiresMountsFor=%t/containers

                [Service]
                Environment=PODMAN_SYSTEMD_UNIT=%n
                KillMode=mixed
                ExecStop=/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid
                ExecStopPost=-/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid
                Delegate=yes
                Type=notify
                NotifyAccess=all
                SyslogIdentifier=%N
                ExecStart=/usr/bin/podman run --name systemd-%N --cidfile=%t/%N.cid --replace --rm --cgroups=split --sdnotify=conmon -d localhost/imagename
                """, unit);
    }
}
