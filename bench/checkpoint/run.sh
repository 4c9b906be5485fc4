#!/bin/bash
# Checkpoint benchmark, inside the booted test host, every figure from the same run:
#   1. time to ready of a slow-warming service (5 s of warm-up before its HTTP port answers): a cold
#      `systemctl start` against a restore (`systemctl start` of the same unit with RestoreOnStart=latest and an
#      archive taken once it was ready). Target: restore >= 5x faster.
#   2. checkpoint and restore of a container holding 64, 256 and 1024 MiB of touched memory (--compress none),
#      against `dd conv=fsync` of the same size to the same directory. Target: within 3x of dd. Reported: the whole
#      `berth checkpoint`/`berth restore` processes, podman's own checkpoint time, and CRIU's figures.
#
#   bench/checkpoint/run.sh [--runs N] [--sizes "64 256 1024"] [--out DIR]
#
# Needs root: it boots its own test host (run directory /var/tmp/berth-testhost/bench-ckpt-PID), waiting while
# another one is running, and always destroys it. ROOTFS=/path skips packaging/testhost/rootfs.sh. Builds berth's
# jars when cli/target has none (bench/testhost.sh).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
REPO=$(cd "$HERE/../.." && pwd -P)
TESTHOST=$REPO/packaging/testhost

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
log() { printf 'bench: %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

# ---------------------------------------------------------------------------------------------------------------
# Inside the test host.

await_http() {
    local deadline=$(( $(now_ms) + 60000 ))
    until curl -s -o /dev/null -m 1 http://127.0.0.1:8200/; do
        (( $(now_ms) < deadline )) || die "no answer on 8200"
        sleep 0.02
    done
}

inner() {
    local runs=$1 sizes=$2 r size t0
    R=/root/bench-checkpoint
    rm -rf "$R" && mkdir -p "$R/site" "$R/results"
    # 1. Slow warm-up: 5 s (50 x 0.1 s of sleep, standing in for a JIT's or a cache's warm-up), then httpd.
    #    No `cmd & wait` in these shells: busybox sh's wait builtin returns when CRIU restores it (seen: the
    #    container ended right after its restore), a foreground sleep loop is restored fine.
    cat > "$R/site/warm.container" <<'UNIT'
[Container]
Image=localhost/busybox:latest
Network=host
Exec=sh -c "trap 'exit 0' TERM; i=0; while [ $i -lt 50 ]; do i=$((i+1)); sleep 0.1; done; mkdir -p /www; echo ok > /www/index.html; httpd -p 8200 -h /www; while true; do sleep 1; done"

[X-Berth]
RestoreOnStart=latest
UNIT
    berth apply "$R/site" >/dev/null
    for ((r = 0; r < runs; r++)); do
        berth checkpoints prune --keep 0 warm >/dev/null
        t0=$(now_ms); systemctl start warm.service; await_http; echo $(( $(now_ms) - t0 )) >> "$R/results/cold.ms"
        berth checkpoint --compress none warm >/dev/null
        t0=$(now_ms); systemctl start warm.service; await_http; echo $(( $(now_ms) - t0 )) >> "$R/results/restore.ms"
        grep -q '^restored ' /run/berth/units/warm.service/start.result || die "warm was not restored: $(cat /run/berth/units/warm.service/start.result)"
        systemctl stop warm.service
    done
    berth remove warm >/dev/null
    # 0. What the unit helper adds to a start with nothing to restore, against running the command directly and
    #    against a JVM that does nothing (what a Java helper would cost at least).
    for ((r = 0; r < 20; r++)); do
        t0=$(date +%s%N); PODMAN_SYSTEMD_UNIT=bench-helper.service /usr/lib/berth/berth-unit-helper start latest - -- /bin/true
        echo $(( ($(date +%s%N) - t0) / 1000 )) >> "$R/results/helper.us"
        t0=$(date +%s%N); /bin/true; echo $(( ($(date +%s%N) - t0) / 1000 )) >> "$R/results/direct.us"
        t0=$(date +%s%N); /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -version 2>/dev/null
        echo $(( ($(date +%s%N) - t0) / 1000 )) >> "$R/results/jvm.us"
    done
    # 2. Memory sizes.
    for size in $sizes; do
        rm -rf "$R/site" && mkdir -p "$R/site"
        cat > "$R/site/mem$size.container" <<UNIT
[Container]
Image=localhost/busybox:latest
Exec=sh -c "trap 'exit 0' TERM; s=\$(head -c ${size}m /dev/zero | tr -c x x); echo ready > /tmp/ready; while true; do sleep 1; done"
UNIT
        berth apply "$R/site" >/dev/null
        for ((r = 0; r < runs; r++)); do
            systemctl start "mem$size.service"
            until podman exec "systemd-mem$size" test -f /tmp/ready 2>/dev/null; do sleep 0.2; done
            t0=$(now_ms); berth checkpoint --compress none --format json "mem$size" > "$R/results/mem$size.ck.json"
            echo $(( $(now_ms) - t0 )) >> "$R/results/mem$size.checkpoint.ms"
            sed -n 's/.*"podmanMicros" *: *\([0-9]*\).*/\1/p' "$R/results/mem$size.ck.json" | awk '{print int($1/1000)}' >> "$R/results/mem$size.podman.ms"
            sed -n 's/.*"frozenMicros" *: *\([0-9]*\).*/\1/p' "$R/results/mem$size.ck.json" | awk '{print int($1/1000)}' >> "$R/results/mem$size.frozen.ms"
            sed -n 's/.*"memwriteMicros" *: *\([0-9]*\).*/\1/p' "$R/results/mem$size.ck.json" | awk '{print int($1/1000)}' >> "$R/results/mem$size.memwrite.ms"
            sed -n 's/.*"pagesWritten" *: *\([0-9]*\).*/\1/p' "$R/results/mem$size.ck.json" | awk '{print int($1*4/1024)}' >> "$R/results/mem$size.written.mib"
            t0=$(now_ms); berth restore "mem$size" >/dev/null; echo $(( $(now_ms) - t0 )) >> "$R/results/mem$size.restore.ms"
            sed -n 's/.*"podman_restore_duration": *\([0-9]*\).*/\1/p' "/run/berth/units/mem$size.service/restore.stats" | awk '{print int($1/1000)}' >> "$R/results/mem$size.podman-restore.ms"
            systemctl stop "mem$size.service"
            berth checkpoints prune --keep 0 "mem$size" >/dev/null
            t0=$(now_ms); dd if=/dev/zero of=/var/lib/berth/checkpoints/dd.tmp bs=1M count="$size" conv=fsync status=none
            echo $(( $(now_ms) - t0 )) >> "$R/results/mem$size.dd.ms"
            rm -f /var/lib/berth/checkpoints/dd.tmp
        done
        berth remove "mem$size" >/dev/null
    done
}

if [[ ${1:-} == --inner ]]; then
    shift
    inner "$@"
    exit 0
fi

# ---------------------------------------------------------------------------------------------------------------
# Outside: boot, install, run, collect, destroy.
runs=5 sizes="64 256 1024" out=$HERE
while (($#)); do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
# shellcheck source=../testhost.sh
. "$HERE/../testhost.sh"
bench_boot ckpt
bash "$TESTHOST/exec.sh" podman import --quiet /var/lib/berth-testhost/busybox.tar localhost/busybox:latest >/dev/null
bash "$TESTHOST/exec.sh" tee /root/bench-checkpoint.sh <"$SELF" >/dev/null
bash "$TESTHOST/exec.sh" bash /root/bench-checkpoint.sh --inner "$runs" "$sizes" </dev/null
results=$(mktemp -d)
for f in $(bash "$TESTHOST/exec.sh" ls /root/bench-checkpoint/results </dev/null); do
    bash "$TESTHOST/exec.sh" cat "/root/bench-checkpoint/results/$f" >"$results/$f" </dev/null
done
cold=$(median "$results/cold.ms") restore=$(median "$results/restore.ms")
{
    echo "## $(date -u +%Y-%m-%dT%H:%MZ), $runs runs, medians"
    echo
    echo "| time to ready (5 s warm-up) | cold start | restore | cold / restore | target |"
    echo "|---|---:|---:|---:|---|"
    echo "| \`systemctl start\` until HTTP 200 | $cold ms | $restore ms | $(ratio "$cold" "$restore")x | >= 5x |"
    echo
    echo "| start with nothing to restore | berth-unit-helper + /bin/true | /bin/true | java -version (JVM floor) |"
    echo "|---|---:|---:|---:|"
    echo "| median of 20 | $(median "$results/helper.us") µs | $(median "$results/direct.us") µs | $(median "$results/jvm.us") µs |"
    echo
    echo "| touched memory | written by CRIU | berth checkpoint | podman checkpoint | CRIU frozen | CRIU memwrite | berth restore | podman restore | dd conv=fsync | podman checkpoint / dd | podman restore / dd | target |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for size in $sizes; do
        p=$(median "$results/mem$size.podman.ms") d=$(median "$results/mem$size.dd.ms") pr=$(median "$results/mem$size.podman-restore.ms")
        echo "| $size MiB | $(median "$results/mem$size.written.mib") MiB | $(median "$results/mem$size.checkpoint.ms") ms | $p ms | $(median "$results/mem$size.frozen.ms") ms | $(median "$results/mem$size.memwrite.ms") ms | $(median "$results/mem$size.restore.ms") ms | $pr ms | $d ms | $(ratio "$p" "$d")x | $(ratio "$pr" "$d")x | <= 3x |"
    done
} | tee -a "$out/RESULTS.md"
rm -rf "$results"
