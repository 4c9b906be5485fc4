#!/bin/bash
# daemon-reload benchmark (issue 11): what a user feels of the generator, inside the booted test host, berth
# against the reference Quadlet 5.4.2 as the system generator, in the same run:
#   1. `systemctl daemon-reload` wall time with berth-generator vs with podman-system-generator (Quadlet 5.4.2),
#      at 1, 100 and 1000 .container files. Targets: <= 1.2 x at 1 and 100 files, <= 1.5 x at 1000.
#      Also with no Quadlet generator at all: the reload's own floor.
#   2. The generator alone at 1000 files, run as systemd runs it (three output directories, files written).
#      Target: <= 1.5 x.
#   3. The first generator run at boot, cold: the page cache of the whole machine dropped before the boot
#      (/proc/sys/vm/drop_caches, writable on these VMs), so the JDK, berth's jars and AOT cache, quadlet and the
#      unit files are read from disk. Timed by a wrapper around the generator (two `date` calls; ~2 ms).
# See README.md next to this file.
#
#   bench/reload/run.sh [--runs N] [--sizes "1 100 1000"] [--boots N] [--boot-files N] [--out DIR]
#
# Needs root: it boots its own test host (run directory /var/tmp/berth-testhost/bench-reload-PID), waiting while
# another one is running, and always destroys it. ROOTFS=/path skips packaging/testhost/rootfs.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
REPO=$(cd "$HERE/../.." && pwd -P)
TESTHOST=$REPO/packaging/testhost

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
log() { printf 'bench: %s\n' "$*" >&2; }

load() { cut -d' ' -f1 /proc/loadavg; }

# ---------------------------------------------------------------------------------------------------------------
# Inside the test host (copied in with gen-units.sh and run with exec.sh).

SYSGEN=/usr/lib/systemd/system-generators
INSTALL=/etc/containers/systemd

use() { # berth | quadlet | none: which Quadlet generator systemd runs
    rm -f "$SYSGEN/berth-generator" "$SYSGEN/podman-system-generator"
    case $1 in
    berth) ln -s /usr/lib/berth/berth-generator "$SYSGEN/berth-generator" ;;
    quadlet) ln -s /usr/libexec/podman/quadlet "$SYSGEN/podman-system-generator" ;;
    none) ;;
    esac
}

# One timed sample: appends "WALL_MS LOAD1" to FILE (wall time from date +%s%N around the command).
timed() {
    local file=$1 t0 t1
    shift
    t0=$(date +%s%N)
    "$@" </dev/null >/dev/null 2>"$RESULTS/last.err" || { cat "$RESULTS/last.err" >&2; die "failed: $*"; }
    t1=$(date +%s%N)
    echo "$(((t1 - t0 + 500000) / 1000000)) $(load)" >>"$file"
}

# The units the reload produced must be there: a generator that failed fast is no result.
count_units() {
    local want=$1 got
    got=$(find /run/systemd/generator -maxdepth 1 -name '*.service' | wc -l)
    ((got >= want)) || die "only $got generated services after the reload, want >= $want"
}

inner() {
    local runs=$1 sizes=$2
    RESULTS=/root/bench-reload/results
    rm -rf /root/bench-reload
    mkdir -p "$RESULTS"
    local n r k g
    for n in $sizes; do
        bash /root/gen-units.sh "$n" "/root/bench-reload/sets/$n" >/dev/null
    done
    for n in $sizes; do
        rm -rf "$INSTALL"
        mkdir -p "$INSTALL"
        cp -a "/root/bench-reload/sets/$n/." "$INSTALL/"
        log "daemon-reload, $n files: $runs runs (+1 warm-up) each of berth, quadlet, none, taking turns"
        for ((r = 0; r <= runs; r++)); do
            for k in 0 1 2; do
                g=$(((k + r) % 3))
                g=$(echo berth quadlet none | cut -d' ' -f$((g + 1)))
                use "$g"
                systemctl daemon-reload </dev/null # untimed: the switch itself changes what is loaded
                local file=$RESULTS/reload-$g-$n
                ((r == 0)) && file=$RESULTS/warmup
                timed "$file" systemctl daemon-reload
                [[ $g == none ]] || count_units "$n"
            done
        done
    done

    # The generator alone at the largest size, as systemd runs it: three fresh output directories, files written.
    local big=${sizes##* }
    log "generator alone, $big files: $runs runs (+1 warm-up) each, taking turns"
    # By the names systemd runs them by (berth reads user mode and its banner from $0, quadlet too), outside
    # system-generators (everything there runs at every reload).
    mkdir -p /root/bench-gen
    ln -sf /usr/lib/berth/berth-generator /root/bench-gen/berth-generator
    ln -sf /usr/libexec/podman/quadlet /root/bench-gen/podman-system-generator
    for ((r = 0; r <= runs; r++)); do
        for k in 0 1; do
            g=$(((k + r) % 2))
            local out=/run/bench-gen
            rm -rf "$out"
            mkdir -p "$out/normal" "$out/early" "$out/late"
            local file
            if ((g == 0)); then
                file=$RESULTS/gen-berth-$big
                ((r == 0)) && file=$RESULTS/warmup
                timed "$file" /root/bench-gen/berth-generator "$out/normal" "$out/early" "$out/late"
            else
                file=$RESULTS/gen-quadlet-$big
                ((r == 0)) && file=$RESULTS/warmup
                timed "$file" /root/bench-gen/podman-system-generator "$out/normal" "$out/early" "$out/late"
            fi
            (($(find "$out/normal" -maxdepth 1 -name '*.service' | wc -l) >= big)) || die "generator wrote too few units"
        done
    done
    rm -rf /run/bench-gen
    use berth
}

# Prepares a boot measurement: GEN (berth|quadlet) as the generator, wrapped so that each run appends
# "START_NS END_NS" to .bench-reload-stamp in its output directory; the install directory holds N files without [Install]
# (nothing starts at boot; the generator's work is the same).
prepare_boot() {
    local g=$1 n=$2
    rm -rf "$INSTALL"
    mkdir -p "$INSTALL"
    bash /root/gen-units.sh "$n" "$INSTALL" >/dev/null
    sed -i '/^\[Install\]/,$d' "$INSTALL"/*.container
    rm -f "$SYSGEN/berth-generator" "$SYSGEN/podman-system-generator"
    local target name
    if [[ $g == berth ]]; then
        target=/usr/lib/berth/berth-generator name=berth-generator
    else
        target=/usr/libexec/podman/quadlet name=podman-system-generator
    fi
    # exec -a keeps the name systemd runs it by (berth reads user mode and its banner from it). The stamps go into
    # the generator's own output directory (the one place a generator may surely write; a dot file, which systemd
    # does not load), and are collected after each boot.
    printf '%s\n' '#!/bin/bash' "t0=\$(date +%s%N)" "(exec -a \"\$0\" $target \"\$@\")" 'rc=$?' \
        "echo \"\$t0 \$(date +%s%N)\" >>\"\$1/.bench-reload-stamp\"" 'exit $rc' >"$SYSGEN/$name"
    chmod 755 "$SYSGEN/$name"
}

# Restores the plain generator links after the boot measurements.
finish_boot() {
    rm -f "$SYSGEN/berth-generator" "$SYSGEN/podman-system-generator"
    use berth
    rm -rf "$INSTALL"
}

# ---------------------------------------------------------------------------------------------------------------
# On the machine.

in_host() { bash "$TESTHOST/exec.sh" "$@" </dev/null; }

main() {
    if [[ ${1:-} == --inner ]]; then
        shift
        inner "$@"
        return
    fi
    if [[ ${1:-} == --prepare-boot ]]; then
        prepare_boot "$2" "$3"
        return
    fi
    if [[ ${1:-} == --finish-boot ]]; then
        finish_boot
        return
    fi
    local runs=10 sizes="1 100 1000" boots=3 boot_files=100 out=""
    while (($#)); do
        case $1 in
        --runs) runs=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --boots) boots=$2; shift 2 ;;
        --boot-files) boot_files=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) die "usage: run.sh [--runs N] [--sizes \"1 100 1000\"] [--boots N] [--boot-files N] [--out DIR]" ;;
        esac
    done
    ((runs >= 5)) || die "--runs must be at least 5 (medians of fewer runs are noise)"
    # shellcheck source=../testhost.sh
    . "$HERE/../testhost.sh"
    bench_boot reload
    bash "$TESTHOST/exec.sh" tee /root/bench-reload.sh <"$SELF" >/dev/null
    bash "$TESTHOST/exec.sh" tee /root/gen-units.sh <"$REPO/bench/generator/gen-units.sh" >/dev/null
    local load_before load_after
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    in_host bash /root/bench-reload.sh --inner "$runs" "$sizes"
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)

    # 3. Cold boots: drop the machine's page cache, boot (reboot.sh: same disk), read the wrapper's stamps.
    local g i
    for g in berth quadlet; do
        in_host bash /root/bench-reload.sh --prepare-boot "$g" "$boot_files"
        for ((i = 0; i < boots; i++)); do
            sync
            echo 3 >/proc/sys/vm/drop_caches
            echo "$(load)" >>"/var/tmp/bench-reload-$$-boot-load-$g"
            bash "$TESTHOST/reboot.sh" >/dev/null 2>&1 || die "reboot.sh failed"
            in_host cat /run/systemd/generator/.bench-reload-stamp >>"/var/tmp/bench-reload-$$-boot-$g"
        done
        # And warm: the same boot without dropping anything first.
        for ((i = 0; i < boots; i++)); do
            bash "$TESTHOST/reboot.sh" >/dev/null 2>&1 || die "reboot.sh failed"
            in_host cat /run/systemd/generator/.bench-reload-stamp >>"/var/tmp/bench-reload-$$-boot-$g"
        done
    done
    in_host bash /root/bench-reload.sh --finish-boot

    local results
    results=$(mktemp -d /var/tmp/berth-bench-reload.XXXXXX)
    local f n
    for n in $sizes; do
        for g in berth quadlet none; do
            in_host cat "/root/bench-reload/results/reload-$g-$n" >"$results/reload-$g-$n"
        done
    done
    local big=${sizes##* }
    for g in berth quadlet; do
        in_host cat "/root/bench-reload/results/gen-$g-$big" >"$results/gen-$g-$big"
        # Stamps: the first $boots boots were cold, the next $boots warm. Milliseconds.
        awk '{printf "%d\n", ($2 - $1) / 1000000 + 0.5}' "/var/tmp/bench-reload-$$-boot-$g" >"$results/boot-$g-all"
        rm -f "/var/tmp/bench-reload-$$-boot-$g"
        head -n "$boots" "$results/boot-$g-all" >"$results/boot-cold-$g"
        tail -n +"$((boots + 1))" "$results/boot-$g-all" >"$results/boot-warm-$g"
        mv "/var/tmp/bench-reload-$$-boot-load-$g" "$results/boot-load-$g"
    done
    local versions
    versions=$(in_host sh -c 'systemctl --version | head -n 1; podman --version' | paste -sd';')

    local report=$results/table.md
    {
        echo "Inside the test host ($versions), wall time, median of $runs runs each (taking turns, one warm-up"
        echo "round); the load column is the machine's 1-minute load average at the samples (median)."
        echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average before: $load_before, after parts 1-2: $load_after."
        echo
        echo "\`systemctl daemon-reload\`:"
        echo
        echo "| .container files | berth ms | Quadlet 5.4.2 ms | no generator ms | ratio | target | load | berth samples | Quadlet samples |"
        echo "|---:|---:|---:|---:|---:|---|---:|---|---|"
        for n in $sizes; do
            local b q z t
            b=$(median "$results/reload-berth-$n")
            q=$(median "$results/reload-quadlet-$n")
            z=$(median "$results/reload-none-$n")
            t="<= 1.2"
            ((n >= 1000)) && t="<= 1.5"
            echo "| $n | $b | $q | $z | $(ratio "$b" "$q") | $t | $(median "$results/reload-berth-$n" 2) | $(samples "$results/reload-berth-$n") | $(samples "$results/reload-quadlet-$n") |"
        done
        echo
        echo "The generator alone, $big files, as systemd runs it (three output directories, files written):"
        echo
        local gb gq
        gb=$(median "$results/gen-berth-$big")
        gq=$(median "$results/gen-quadlet-$big")
        echo "| generator | median ms | ratio | target | load | samples |"
        echo "|---|---:|---:|---|---:|---|"
        echo "| berth-generator | $gb | $(ratio "$gb" "$gq") | <= 1.5 | $(median "$results/gen-berth-$big" 2) | $(samples "$results/gen-berth-$big") |"
        echo "| Quadlet 5.4.2 | $gq | 1.00 | | $(median "$results/gen-quadlet-$big" 2) | $(samples "$results/gen-quadlet-$big") |"
        echo
        echo "The generator's run at boot, $boot_files files, $boots boots each: cold = the machine's page cache dropped"
        echo "(echo 3 > /proc/sys/vm/drop_caches) just before the boot; warm = the same boot right after another:"
        echo
        echo "| generator | cold median ms | cold samples | warm median ms | warm samples | cold ratio | warm ratio | load at the cold boots |"
        echo "|---|---:|---|---:|---|---:|---:|---|"
        local cb cq wb wq
        cb=$(median "$results/boot-cold-berth"); cq=$(median "$results/boot-cold-quadlet")
        wb=$(median "$results/boot-warm-berth"); wq=$(median "$results/boot-warm-quadlet")
        echo "| berth-generator | $cb | $(samples "$results/boot-cold-berth") | $wb | $(samples "$results/boot-warm-berth") | $(ratio "$cb" "$cq") | $(ratio "$wb" "$wq") | $(samples "$results/boot-load-berth") |"
        echo "| Quadlet 5.4.2 | $cq | $(samples "$results/boot-cold-quadlet") | $wq | $(samples "$results/boot-warm-quadlet") | 1.00 | 1.00 | $(samples "$results/boot-load-quadlet") |"
    } >"$report"
    if [[ -n $out ]]; then
        mkdir -p "$out"
        cp "$results"/* "$out"/
        log "results copied to $out"
    fi
    cat "$report"
    log "raw samples in $results"
}

main "$@"
