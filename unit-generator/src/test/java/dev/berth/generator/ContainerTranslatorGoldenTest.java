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

    @Test
    void webFrontEndWithBuiltImageNetworkVolumesAndDependencies() {
        // [Unit] names Quadlet files: generated for 5.5, the first Quadlet that translates them (and writes \x20).
        QuadletFiles files = QuadletFiles.of("web.container", """
                # Front end of the shop
                [Unit]
                Description=Shop web front end
                After=db.container
                Wants=db.container

                [Container]
                Image=web.build
                ContainerName=shop-web
                Network=shop.network:alias=web
                PublishPort=8080:8080
                Volume=uploads.volume:/srv/uploads:z
                Volume=./config:/etc/shop:ro
                Environment=SHOP_DB=db:5432 "SHOP_TITLE=My Shop"
                EnvironmentFile=secrets/web.env
                Secret=shop-api-key,type=env,target=API_KEY
                HealthCmd=curl -fsS http://localhost:8080/health
                HealthInterval=30s
                HealthOnFailure=restart
                AutoUpdate=local
                Label=app=shop
                Exec=--workers 4

                [Service]
                Restart=on-failure
                TimeoutStartSec=120

                [Install]
                WantedBy=multi-user.target default.target
                """)
                .with("db.container", """
                [Container]
                Image=docker.io/library/postgres:16
                Network=shop.network
                Volume=dbdata.volume:/var/lib/postgresql/data
                """)
                .with("web.build", """
                [Build]
                ImageTag=localhost/shop-web:latest
                SetWorkingDirectory=unit
                """)
                .with("shop.network", """
                [Network]
                """)
                .with("uploads.volume", """
                [Volume]
                """);
        assertEquals("""
                # Front end of the shop
                [Unit]
                Wants=network-online.target
                After=network-online.target
                Description=Shop web front end
                After=db.service
                Wants=db.service
                SourcePath=/etc/containers/systemd/web.container
                Requires=web-build.service
                After=web-build.service
                RequiresMountsFor=%t/containers
                Requires=shop-network.service
                After=shop-network.service
                Requires=uploads-volume.service
                After=uploads-volume.service
                RequiresMountsFor=/etc/containers/systemd/config

                [X-Container]
                Image=web.build
                ContainerName=shop-web
                Network=shop.network:alias=web
                PublishPort=8080:8080
                Volume=uploads.volume:/srv/uploads:z
                Volume=./config:/etc/shop:ro
                Environment=SHOP_DB=db:5432 "SHOP_TITLE=My Shop"
                EnvironmentFile=secrets/web.env
                Secret=shop-api-key,type=env,target=API_KEY
                HealthCmd=curl -fsS http://localhost:8080/health
                HealthInterval=30s
                HealthOnFailure=restart
                AutoUpdate=local
                Label=app=shop
                Exec=--workers 4

                [Service]
                Restart=on-failure
                TimeoutStartSec=120
                Environment=PODMAN_SYSTEMD_UNIT=%n
                KillMode=mixed
                ExecStop=/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid
                ExecStopPost=-/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid
                Delegate=yes
                Type=notify
                NotifyAccess=all
                SyslogIdentifier=%N
                ExecStart=/usr/bin/podman run --name shop-web --cidfile=%t/%N.cid --replace --rm --cgroups=split --network systemd-shop:alias=web --sdnotify=conmon -d -v systemd-uploads:/srv/uploads:z -v /etc/containers/systemd/config:/etc/shop:ro --label io.containers.autoupdate=local --publish 8080:8080 --env SHOP_DB=db:5432 --env "SHOP_TITLE=My\\x20Shop" --label app=shop --env-file /etc/containers/systemd/secrets/web.env --secret shop-api-key,type=env,target=API_KEY --health-cmd "curl\\x20-fsS\\x20http://localhost:8080/health" --health-interval 30s --health-on-failure restart localhost/shop-web:latest --workers 4

                [Install]
                WantedBy=multi-user.target default.target
                """, files.translate("web.container").text());
    }

    @Test
    void rootlessTemplatedPodMemberWithHealthNotifyAndReload() {
        QuadletFiles files = QuadletFiles.of("worker@.container", """
                [Unit]
                Description=Queue worker %i

                [Container]
                Image=ghcr.io/example/worker:1.4
                Pod=shop.pod
                User=1000
                Group=1000
                UserNS=keep-id
                Notify=healthy
                HealthCmd=/usr/local/bin/ready
                ReadOnly=true
                VolatileTmp=true
                DropCapability=ALL
                NoNewPrivileges=true
                LogDriver=journald
                LogOpt=tag=worker-%i
                ReloadSignal=SIGHUP

                [Install]
                DefaultInstance=1
                """)
                .with("shop.pod", "[Pod]\n")
                .rootless();
        assertEquals("""
                [Unit]
                Wants=podman-user-wait-network-online.service
                After=podman-user-wait-network-online.service
                Description=Queue worker %i
                SourcePath=/etc/containers/systemd/worker@.container
                RequiresMountsFor=%t/containers
                BindsTo=shop-pod.service
                After=shop-pod.service

                [X-Container]
                Image=ghcr.io/example/worker:1.4
                Pod=shop.pod
                User=1000
                Group=1000
                UserNS=keep-id
                Notify=healthy
                HealthCmd=/usr/local/bin/ready
                ReadOnly=true
                VolatileTmp=true
                DropCapability=ALL
                NoNewPrivileges=true
                LogDriver=journald
                LogOpt=tag=worker-%i
                ReloadSignal=SIGHUP

                [Install]
                DefaultInstance=1

                [Service]
                Environment=PODMAN_SYSTEMD_UNIT=%n
                KillMode=mixed
                ExecStop=/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid
                ExecStopPost=-/usr/bin/podman rm -v -f -i --cidfile=%t/%N.cid
                ExecReload=/usr/bin/podman kill --signal SIGHUP systemd-%p_%i
                Delegate=yes
                Type=notify
                NotifyAccess=all
                SyslogIdentifier=%N
                ExecStart=/usr/bin/podman run --name systemd-%p_%i --cidfile=%t/%N.cid --replace --rm --log-driver journald --log-opt tag=worker-%i --cgroups=split --sdnotify=healthy -d --security-opt=no-new-privileges --cap-drop all --read-only --user 1000:1000 --userns keep-id --health-cmd /usr/local/bin/ready --pod-id-file %t/shop-pod.pod-id ghcr.io/example/worker:1.4
                """, files.translate("worker@.container").text());
    }
}
