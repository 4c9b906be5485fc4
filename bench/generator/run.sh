#!/bin/bash
# Generator benchmark: berth-generator -dryrun against the reference Quadlet 5.4.2 -dryrun, as whole processes,
# on 1, 100 and 1000 realistic .container files. See README.md next to this file.
#
#   bench/generator/run.sh [--runs N] [--sizes "1 100 1000 labels-100000"] [--baseline TREE] [--out DIR]
#
# A size "labels-N" is one file with N Label= lines (gen-labels.sh) instead of N files. --baseline TREE adds a third
# berth installation, with its AOT cache, built from another source tree (for example a checkout of main, built with
# mvn package), measured in the same runs: before/after a change, side by side.
#
# Needs root (the reference runs in a chroot of the test-host rootfs, inside a private mount namespace with a
# throw-away overlay, so the rootfs cache is never modified). ROOTFS=/path skips packaging/testhost/rootfs.sh.
# Installs hyperfine and GNU time with apt-get when they are missing. Builds berth's jars when they are missing.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
REPO=$(cd "$HERE/../.." && pwd -P)
QUADLET=/usr/libexec/podman/quadlet

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
log() { printf 'bench: %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------------------------
# Runs inside the private mount namespace: overlay over the rootfs, the unit sets copied in at the same absolute
# paths, then every measurement.
inner() {
    local rootfs=$1 work=$2 runs=$3 sizes=$4 baseline=$5
    local root=$work/root
    mount -t tmpfs -o mode=0700 berth-bench "$work/ovl"
    mkdir "$work/ovl/upper" "$work/ovl/work"
    mkdir -p "$root"
    mount -t overlay berth-bench -o "lowerdir=$rootfs,upperdir=$work/ovl/upper,workdir=$work/ovl/work" "$root"
    mkdir -p "$root$work/sets"
    cp -a "$work/sets/." "$root$work/sets/"

    local java=${BERTH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
    export BERTH_JAVA=$java
    unset BERTH_HOME

    local n
    for n in $sizes; do
        local set=$work/sets/$n
        export QUADLET_UNIT_DIRS=$set
        log "$n files: checking both generators produce every unit"
        local units_berth units_aot units_ref
        units_berth=$("$work/noaot/bin/berth-generator" -dryrun 2>/dev/null | grep -c '^---.*---$' || true)
        units_aot=$("$work/aot/bin/berth-generator" -dryrun 2>/dev/null | grep -c '^---.*---$' || true)
        if [[ -n $baseline ]]; then
            local units_base
            units_base=$("$work/base/bin/berth-generator" -dryrun 2>/dev/null | grep -c '^---.*---$' || true)
            [[ $units_base == "$units_aot" ]] || log "$n files: the baseline made $units_base units, berth $units_aot"
        fi
        units_ref=$(chroot "$root" "$QUADLET" -dryrun 2>/dev/null | grep -c '^---.*---$' || true)
        printf '%s %s %s %s\n' "$n" "$units_berth" "$units_aot" "$units_ref" >"$work/results/units-$n"

        log "$n files: timing ($runs runs each)"
        local extra=()
        [[ -n $baseline ]] && extra=(-n berth-base-aot "$work/base/bin/berth-generator -dryrun")
        hyperfine --shell=none --ignore-failure --warmup 2 --runs "$runs" --style basic \
            --export-json "$work/results/time-$n.json" --export-csv "$work/results/time-$n.csv" \
            -n berth "$work/noaot/bin/berth-generator -dryrun" \
            -n berth-aot "$work/aot/bin/berth-generator -dryrun" \
            "${extra[@]}" \
            -n quadlet "chroot $root $QUADLET -dryrun" \
            -n chroot-true "chroot $root /bin/true" >&2

        log "$n files: peak RSS ($runs runs each)"
        local name cmd i
        for name in berth berth-aot quadlet; do
            case $name in
            berth) cmd=("$work/noaot/bin/berth-generator" -dryrun) ;;
            berth-aot) cmd=("$work/aot/bin/berth-generator" -dryrun) ;;
            quadlet) cmd=(chroot "$root" "$QUADLET" -dryrun) ;;
            esac
            : >"$work/results/rss-$n-$name"
            for ((i = 0; i < runs; i++)); do
                /usr/bin/time -f %M -o "$work/results/rss.tmp" "${cmd[@]}" >/dev/null 2>&1 || true
                tail -n 1 "$work/results/rss.tmp" >>"$work/results/rss-$n-$name"
            done
        done
    done
    umount "$root"
    umount "$work/ovl"
}

# Median of the numbers in a file, one per line.
median() { sort -n "$1" | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# Median wall time in ms of one command from hyperfine's CSV.
csv_median_ms() {
    awk -F, -v name="$2" 'NR > 1 && $1 == name {printf "%.1f", $4 * 1000}' "$1"
}

# Mean CPU time (user + system) in ms of one command from hyperfine's CSV.
csv_cpu_ms() {
    awk -F, -v name="$2" 'NR > 1 && $1 == name {printf "%.1f", ($5 + $6) * 1000}' "$1"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }

main() {
    if [[ ${1:-} == --inner ]]; then
        shift
        inner "$@"
        return
    fi
    local runs=10 sizes="1 100 1000" out="" baseline=""
    while (($#)); do
        case $1 in
        --runs) runs=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --baseline) baseline=$(cd "$2" && pwd -P); shift 2 ;;
        *) die "usage: run.sh [--runs N] [--sizes \"1 100 1000 labels-100000\"] [--baseline TREE] [--out DIR]" ;;
        esac
    done
    if [[ -n $baseline && ! -f $baseline/cli/target/berth-cli-generator.jar ]]; then
        die "--baseline $baseline has no cli/target/berth-cli-generator.jar (build it with mvn package)"
    fi
    ((runs >= 5)) || die "--runs must be at least 5 (medians of fewer runs are noise)"
    [[ $(id -u) == 0 ]] || die "must run as root (chroot, mount namespace)"

    local need=()
    command -v hyperfine >/dev/null || need+=(hyperfine)
    [[ -x /usr/bin/time ]] || need+=(time)
    if ((${#need[@]})); then
        log "installing ${need[*]}"
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
    fi

    local rootfs=${ROOTFS:-}
    if [[ -z $rootfs ]]; then
        rootfs=$(bash "$REPO/packaging/testhost/rootfs.sh" | tail -n 1) || die "rootfs.sh failed"
    fi
    [[ -x $rootfs$QUADLET ]] || die "no $QUADLET in rootfs '$rootfs'"

    local jars=$REPO/cli/target
    if [[ ! -f $jars/berth-cli-generator.jar ]]; then
        log "building berth (mvn package -pl cli -am -DskipTests)"
        (cd "$REPO" && JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} \
            mvn -q -B -ntp package -pl cli -am -DskipTests >&2)
    fi

    local work
    work=$(mktemp -d /var/tmp/berth-bench.XXXXXX)
    mkdir -p "$work/ovl" "$work/results" "$work/sets"
    # Two installations of the unchanged launcher, laid out as a package would be (bin/ and lib/): one without an
    # AOT cache, one with the cache trained below.
    local v
    for v in noaot aot; do
        mkdir -p "$work/$v/bin" "$work/$v/lib"
        cp "$REPO/packaging/bin/berth-generator" "$work/$v/bin/"
        cp "$jars/berth-cli-generator.jar" "$work/$v/lib/"
        cp -r "$jars/lib" "$work/$v/lib/lib"
    done

    if [[ -n $baseline ]]; then
        mkdir -p "$work/base/bin" "$work/base/lib"
        cp "$baseline/packaging/bin/berth-generator" "$work/base/bin/"
        cp "$baseline/cli/target/berth-cli-generator.jar" "$work/base/lib/"
        cp -r "$baseline/cli/target/lib" "$work/base/lib/lib"
    fi

    local n
    for n in $sizes; do
        case $n in
        labels-*) bash "$HERE/gen-labels.sh" "${n#labels-}" "$work/sets/$n" ;;
        *) bash "$HERE/gen-units.sh" "$n" "$work/sets/$n" ;;
        esac
    done

    # AOT cache (JDK 25, JEP 483/514/515): trained by packaging/build-aot, exactly as `mvn package` makes it, in
    # the installation that uses it.
    local java=${BERTH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
    log "training the AOT cache (packaging/build-aot)"
    BERTH_JAVA=$java bash "$REPO/packaging/build-aot" "$work/aot/lib" 2>"$work/results/aot-training.log" || true
    [[ -f $work/aot/lib/berth-generator.aot ]] || { cat "$work/results/aot-training.log" >&2; die "AOT training made no cache"; }
    if [[ -n $baseline ]]; then
        log "training the baseline's AOT cache (its own packaging/build-aot)"
        BERTH_JAVA=$java bash "$baseline/packaging/build-aot" "$work/base/lib" 2>"$work/results/aot-training-base.log" || true
        [[ -f $work/base/lib/berth-generator.aot ]] || die "AOT training of the baseline made no cache"
    fi

    local load_before
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    unshare --mount --propagation private -- bash "$SELF" --inner "$rootfs" "$work" "$runs" "$sizes" "$baseline"

    # The tables.
    local report=$work/results/table.md
    {
        echo "berth-generator vs Quadlet 5.4.2, -dryrun, whole processes, N .container files + 1 .network + 1 .volume."
        echo "Wall: median of $runs runs (hyperfine, 2 warm-ups). CPU: mean user+sys of the same runs. Peak RSS: median of $runs runs of /usr/bin/time -f %M."
        echo "quadlet runs as 'chroot ROOTFS $QUADLET'; 'adj.' subtracts the 'chroot ROOTFS /bin/true' baseline from quadlet's figure."
        echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $("$java" -version 2>&1 | head -n 1); load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
        echo
        echo "| files | units berth/quadlet | wall berth ms | wall berth+AOT ms | wall quadlet ms | wall chroot /bin/true ms | berth/quadlet | berth+AOT/quadlet | berth/quadlet adj. | berth+AOT/quadlet adj. |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        for n in $sizes; do
            local csv=$work/results/time-$n.csv
            local tb ta tq t0 tqa units
            tb=$(csv_median_ms "$csv" berth)
            ta=$(csv_median_ms "$csv" berth-aot)
            tq=$(csv_median_ms "$csv" quadlet)
            t0=$(csv_median_ms "$csv" chroot-true)
            tqa=$(awk -v a="$tq" -v b="$t0" 'BEGIN {printf "%.1f", a - b}')
            read -r _ ub uaot uq <"$work/results/units-$n"
            units="$ub/$uq"
            [[ $ub == "$uaot" ]] || units="$ub ($uaot with AOT)/$uq"
            echo "| $n | $units | $tb | $ta | $tq | $t0 | $(ratio "$tb" "$tq") | $(ratio "$ta" "$tq") | $(ratio "$tb" "$tqa") | $(ratio "$ta" "$tqa") |"
        done
        echo
        echo "| files | CPU berth ms | CPU berth+AOT ms | CPU quadlet ms | CPU chroot /bin/true ms | berth/quadlet | berth+AOT/quadlet | berth+AOT/quadlet adj. | RSS berth MiB | RSS berth+AOT MiB | RSS quadlet MiB | RSS berth/quadlet | RSS berth+AOT/quadlet |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        for n in $sizes; do
            local csv=$work/results/time-$n.csv
            local cb ca cq c0 cqa rb ra rq
            cb=$(csv_cpu_ms "$csv" berth)
            ca=$(csv_cpu_ms "$csv" berth-aot)
            cq=$(csv_cpu_ms "$csv" quadlet)
            c0=$(csv_cpu_ms "$csv" chroot-true)
            cqa=$(awk -v a="$cq" -v b="$c0" 'BEGIN {printf "%.1f", a - b}')
            rb=$(awk '{printf "%.1f", $1 / 1024}' <<<"$(median "$work/results/rss-$n-berth")")
            ra=$(awk '{printf "%.1f", $1 / 1024}' <<<"$(median "$work/results/rss-$n-berth-aot")")
            rq=$(awk '{printf "%.1f", $1 / 1024}' <<<"$(median "$work/results/rss-$n-quadlet")")
            echo "| $n | $cb | $ca | $cq | $c0 | $(ratio "$cb" "$cq") | $(ratio "$ca" "$cq") | $(ratio "$ca" "$cqa") | $rb | $ra | $rq | $(ratio "$rb" "$rq") | $(ratio "$ra" "$rq") |"
        done
        if [[ -n $baseline ]]; then
            echo
            echo "Before/after, same runs: baseline = $baseline ($(git -C "$baseline" log -1 --format=%h 2>/dev/null || echo 'not a git tree')), both with their AOT caches."
            echo
            echo "| files | wall baseline+AOT ms | wall berth+AOT ms | after/before | CPU baseline+AOT ms | CPU berth+AOT ms | after/before |"
            echo "|---:|---:|---:|---:|---:|---:|---:|"
            for n in $sizes; do
                local csv=$work/results/time-$n.csv
                local wb wa cb ca
                wb=$(csv_median_ms "$csv" berth-base-aot)
                wa=$(csv_median_ms "$csv" berth-aot)
                cb=$(csv_cpu_ms "$csv" berth-base-aot)
                ca=$(csv_cpu_ms "$csv" berth-aot)
                echo "| $n | $wb | $wa | $(ratio "$wa" "$wb") | $cb | $ca | $(ratio "$ca" "$cb") |"
            done
        fi
    } >"$report"
    if [[ -n $out ]]; then
        mkdir -p "$out"
        cp "$work"/results/* "$out"/
        log "results copied to $out"
    fi
    cat "$report"
    log "raw results (hyperfine JSON/CSV, RSS samples) in $work/results"
    rm -rf "$work/sets" "$work/noaot" "$work/aot" "$work/base" "$work/ovl" "$work/root"
}

main "$@"
