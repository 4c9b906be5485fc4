#!/bin/bash
# Writes N realistic .container files (and the one .network and .volume they share) into DIR.
#
#   bench/generator/gen-units.sh N DIR [PREFIX]
#
# The files vary the keys people actually use: PublishPort, Volume (bind and named), Environment (with quoting),
# Label, Network, Exec, health checks, capabilities, user, tmpfs, notify, and [Unit]/[Service]/[Install] sections.
# Every image is fully qualified (localhost/...), so neither generator logs a short-name warning per file.
# Deterministic: the same N and PREFIX give the same files.
set -euo pipefail

n=${1:?usage: gen-units.sh N DIR [PREFIX]}
dir=${2:?usage: gen-units.sh N DIR [PREFIX]}
prefix=${3:-svc}
mkdir -p -- "$dir"

cat >"$dir/$prefix-net.network" <<NET
[Unit]
Description=Shared network for the $prefix services

[Network]
Subnet=10.89.0.0/16
Gateway=10.89.0.1
Label=app=$prefix
NET

cat >"$dir/$prefix-cache.volume" <<VOL
[Volume]
Label=app=$prefix
User=1000
Group=1000
VOL

for ((i = 1; i <= n; i++)); do
    f="$dir/$prefix-$i.container"
    {
        printf '[Unit]\nDescription=%s service %d\n' "$prefix" "$i"
        ((i % 4 == 0)) && printf 'After=%s-%d.service\nWants=%s-%d.service\n' "$prefix" $((i - 1)) "$prefix" $((i - 1))
        printf '\n[Container]\n'
        printf 'Image=localhost/bench/app-%d:1.%d\n' $((i % 50)) $((i % 7))
        printf 'ContainerName=%s-%d\n' "$prefix" "$i"
        printf 'PublishPort=%d:8080\n' $((10000 + i))
        ((i % 3 == 0)) && printf 'PublishPort=127.0.0.1:%d:9090/udp\n' $((30000 + i))
        printf 'Volume=/srv/%s/%d:/data:Z\n' "$prefix" "$i"
        ((i % 2 == 0)) && printf 'Volume=%s-cache.volume:/cache\n' "$prefix"
        ((i % 5 == 0)) && printf 'Volume=./conf-%d:/etc/app:ro\n' "$i"
        printf 'Environment=APP_ID=%d APP_MODE=production\n' "$i"
        printf 'Environment="GREETING=hello world %d"\n' "$i"
        ((i % 4 == 1)) && printf 'EnvironmentFile=/etc/%s/common.env\n' "$prefix"
        printf 'Label=app=%s tier=%d\n' "$prefix" $((i % 3))
        if ((i % 10 == 0)); then
            printf 'Network=host\n'
        else
            printf 'Network=%s-net.network\n' "$prefix"
        fi
        printf 'Exec=/usr/bin/app --port 8080 --id %d\n' "$i"
        ((i % 2 == 1)) && printf 'HealthCmd=/usr/bin/app healthcheck\nHealthInterval=30s\nHealthRetries=3\n'
        ((i % 3 == 1)) && printf 'DropCapability=ALL\nAddCapability=NET_BIND_SERVICE CHOWN\n'
        ((i % 6 == 2)) && printf 'User=1000\nGroup=1000\n'
        ((i % 7 == 3)) && printf 'Tmpfs=/run:rw,size=64m\nReadOnly=true\n'
        ((i % 8 == 4)) && printf 'Notify=healthy\n'
        ((i % 9 == 5)) && printf 'PodmanArgs=--memory 512m --cpus 1.5\n'
        printf '\n[Service]\nRestart=always\nTimeoutStartSec=900\n'
        printf '\n[Install]\nWantedBy=multi-user.target default.target\n'
    } >"$f"
done
