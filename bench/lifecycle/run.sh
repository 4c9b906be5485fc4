#!/bin/bash
# Lifecycle benchmark: `berth start` against `systemctl start`, inside the booted test host, in the same run.
#   1. one unit:   `berth start X` vs `systemctl start X` (the unit stopped in between), whole processes: the JVM's
#                  start-up is included. Target (issue 11): berth <= 1.5 x systemctl.
#   2. 50 units:   one `berth start` of all 50 (concurrent jobs) vs one `systemctl start` naming all 50 (it
#                  queues them all at once too). Target (issue 11): berth within 1.1 x of it. 50 sequential
#                  `systemctl start` calls are measured as well, for the speed-up.
# See README.md next to this file.
#
#   bench/lifecycle/run.sh [--runs N] [--runs-many N] [--units N] [--out DIR]
#
# Needs root: it boots its own test host (packaging/testhost, run directory /var/tmp/berth-testhost/bench-lifecycle-PID),
# waiting while another one is running, and always destroys it. ROOTFS=/path skips packaging/testhost/rootfs.sh.
# Builds berth's jars when cli/target has none.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
REPO=$(cd "$HERE/../.." && pwd -P)
TESTHOST=$REPO/packaging/testhost

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
log() { printf 'bench: %s\n' "$*" >&2; }


# ---------------------------------------------------------------------------------------------------------------
# Inside the test host (copied in and run with exec.sh). Nothing here reads stdin.

# Fails the whole run when a unit is not active after a timed start: a start that failed fast is no result.
all_active() {
    local u bad=()
    for u in "$@"; do
        [[ $(systemctl is-active "$u" </dev/null) == active ]] || bad+=("$u")
    done
    ((${#bad[@]} == 0)) || { systemctl status --no-pager -n 20 "${bad[0]}" </dev/null >&2 || true; die "not active after start: ${bad[*]}"; }
}

# One timed sample of "$@" (output discarded): appends "WALL_MS CPU_MS" to FILE, CPU being the user + system
# time of the command's own processes (bash's time keyword: for berth the JVM, for systemctl systemctl; not the
# work systemd and podman do for either).
timed() {
    local file=$1 out TIMEFORMAT='%R %U %S'
    shift
    if ! out=$({ time "$@" </dev/null >/dev/null 2>"$RESULTS/last.err"; } 2>&1); then
        cat "$RESULTS/last.err" >&2
        die "failed: $*"
    fi
    awk '{printf "%d %d\n", $1 * 1000 + 0.5, ($2 + $3) * 1000 + 0.5}' <<<"$out" >>"$file"
}

inner() {
    local runs=$1 runs_many=$2 units=$3
    RESULTS=/root/bench-lifecycle/results
    local site=/root/bench-lifecycle/site
    rm -rf /root/bench-lifecycle
    mkdir -p "$RESULTS" "$site"

    # The units: busybox sleep, the shell as PID 1 with a TERM trap (a stop takes no 10 s kill timeout). No
    # [Install]: nothing starts them but the benchmark.
    local i names=()
    for ((i = 0; i <= units; i++)); do
        local name
        if ((i == 0)); then name=bench-one; else name=$(printf 'bench-%02d' "$i"); names+=("$name.service"); fi
        printf '%s\n' '[Container]' 'Image=localhost/busybox:latest' \
            "Exec=sh -c \"trap 'exit 0' TERM; sleep 1000000 & wait\"" >"$site/$name.container"
    done
    berth apply "$site" </dev/null >/dev/null

    # berth with an AOT cache (JDK 25, JEP 483/514), trained here on the lifecycle path itself (resolve the name,
    # connect to D-Bus, start, wait for the job): a second installation, /usr/lib/berth-aot, used through
    # BERTH_HOME. The launcher uses a cache only if it is newer than the jars.
    rm -rf /usr/lib/berth-aot
    cp -a /usr/lib/berth /usr/lib/berth-aot
    rm -f /usr/lib/berth-aot/*.aot
    # The launcher's own JVM flags (its one "flags=(...)" line), since the cache records them.
    local java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java flags
    read -r -a flags <<<"$(sed -n 's/^flags=(\(.*\))$/\1/p' /usr/bin/berth)"
    ((${#flags[@]})) || die "cannot read the JVM flags of /usr/bin/berth"
    "$java" "${flags[@]}" -XX:AOTCacheOutput=/usr/lib/berth-aot/berth.aot -Xlog:aot=warning \
        -jar /usr/lib/berth-aot/berth-cli.jar start bench-one </dev/null >/dev/null 2>"$RESULTS/aot-training.log" ||
        { cat "$RESULTS/aot-training.log" >&2; die "AOT training run failed"; }
    systemctl stop bench-one </dev/null
    [[ -s /usr/lib/berth-aot/berth.aot ]] || { cat "$RESULTS/aot-training.log" >&2; die "AOT training made no cache"; }

    # And one without any cache (the installation has the build's own caches, trained on `berth check`).
    rm -rf /usr/lib/berth-plain
    cp -a /usr/lib/berth /usr/lib/berth-plain
    rm -f /usr/lib/berth-plain/*.aot
    berth_plain() { BERTH_HOME=/usr/lib/berth-plain berth "$@"; }
    berth_aot() { BERTH_HOME=/usr/lib/berth-aot berth "$@"; }

    # 1. One unit. The three commands take turns, in a rotating order, so that the machine's other load falls on
    #    all of them alike. One warm-up round first (page cache, podman's storage).
    log "one unit: $runs runs (+1 warm-up) of systemctl start, berth start, berth start with AOT"
    local r k order
    for ((r = 0; r <= runs; r++)); do
        for k in 0 1 2; do
            order=$(((k + r) % 3))
            local file=$RESULTS/one-$order
            ((r == 0)) && file=$RESULTS/warmup
            case $order in
            0) timed "$file" systemctl start bench-one ;;
            1) timed "$file" berth_plain start bench-one ;;
            2) timed "$file" berth_aot start bench-one ;;
            esac
            all_active bench-one.service
            systemctl stop bench-one </dev/null
        done
    done
    mv "$RESULTS/one-0" "$RESULTS/one-systemctl"
    mv "$RESULTS/one-1" "$RESULTS/one-berth"
    mv "$RESULTS/one-2" "$RESULTS/one-berth-aot"

    # 2. $units units: 50 sequential systemctl calls, one berth start (plain and AOT), and one systemctl call
    #    naming all of them (systemctl queues them all too: the machine's ceiling for concurrent starts).
    log "$units units: $runs_many runs of sequential systemctl start, berth start, berth start with AOT, one systemctl start"
    seq_start() { local u; for u in "${names[@]}"; do systemctl start "$u" </dev/null || return 1; done; }
    for ((r = 0; r < runs_many; r++)); do
        for k in 0 1 2 3; do
            order=$(((k + r) % 4))
            case $order in
            0) timed "$RESULTS/many-systemctl-seq" seq_start ;;
            1) timed "$RESULTS/many-berth" berth_plain start "${names[@]}" ;;
            2) timed "$RESULTS/many-berth-aot" berth_aot start "${names[@]}" ;;
            3) timed "$RESULTS/many-systemctl-one" systemctl start "${names[@]}" ;;
            esac
            all_active "${names[@]}"
            systemctl stop "${names[@]}" </dev/null
        done
    done

    berth remove bench-one "${names[@]}" </dev/null >/dev/null
    rm -rf /usr/lib/berth-aot /usr/lib/berth-plain
}

# ---------------------------------------------------------------------------------------------------------------
# On the machine: build, boot, copy the script in, run it, read the results, destroy.

main() {
    if [[ ${1:-} == --inner ]]; then
        shift
        inner "$@"
        return
    fi
    local runs=10 runs_many=5 units=50 out=""
    while (($#)); do
        case $1 in
        --runs) runs=$2; shift 2 ;;
        --runs-many) runs_many=$2; shift 2 ;;
        --units) units=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) die "usage: run.sh [--runs N] [--runs-many N] [--units N] [--out DIR]" ;;
        esac
    done
    ((runs >= 5 && runs_many >= 5)) || die "--runs and --runs-many must be at least 5 (medians of fewer runs are noise)"
    ((units >= 2 && units <= 99)) || die "--units must be 2..99"
    # shellcheck source=../testhost.sh
    . "$HERE/../testhost.sh"
    bench_boot lifecycle
    bash "$TESTHOST/exec.sh" podman import --quiet /var/lib/berth-testhost/busybox.tar localhost/busybox:latest >/dev/null

    local load_before
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    bash "$TESTHOST/exec.sh" tee /root/bench-lifecycle.sh <"$SELF" >/dev/null
    bash "$TESTHOST/exec.sh" bash /root/bench-lifecycle.sh --inner "$runs" "$runs_many" "$units" </dev/null
    local load_after
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)

    local results
    results=$(mktemp -d /var/tmp/berth-bench-lifecycle.XXXXXX)
    local f
    for f in one-systemctl one-berth one-berth-aot many-systemctl-seq many-berth many-berth-aot many-systemctl-one \
        warmup aot-training.log; do
        bash "$TESTHOST/exec.sh" cat "/root/bench-lifecycle/results/$f" >"$results/$f" </dev/null
    done
    local versions
    versions=$(bash "$TESTHOST/exec.sh" sh -c 'systemctl --version | head -n 1; podman --version' </dev/null | paste -sd';')

    local s1 b1 a1 sseq bm am sone
    s1=$(median "$results/one-systemctl")
    b1=$(median "$results/one-berth")
    a1=$(median "$results/one-berth-aot")
    sseq=$(median "$results/many-systemctl-seq")
    bm=$(median "$results/many-berth")
    am=$(median "$results/many-berth-aot")
    sone=$(median "$results/many-systemctl-one")
    row() { # NAME FILE RATIO TARGET
        echo "| $1 | $(median "$2") | $(samples "$2") | $3 | $4 | $(median "$2" 2) |"
    }
    local report=$results/table.md
    {
        echo "Inside the test host ($versions), whole processes (berth: the launcher and its JVM), wall time, median;"
        echo "own CPU: median user + system time of the command's own processes (not systemd's or podman's work)."
        echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average before: $load_before, after: $load_after."
        echo
        echo "One unit ($runs runs each, taking turns; stopped in between):"
        echo
        echo "| command | median ms | samples ms | vs systemctl | target | own CPU ms |"
        echo "|---|---:|---|---:|---|---:|"
        row "systemctl start bench-one" "$results/one-systemctl" 1.00 ""
        row "berth start bench-one" "$results/one-berth" "$(ratio "$b1" "$s1")" "<= 1.5"
        row "berth start bench-one (AOT cache)" "$results/one-berth-aot" "$(ratio "$a1" "$s1")" "<= 1.5"
        echo
        echo "$units units ($runs_many runs each, taking turns; all stopped in between):"
        echo
        echo "| command | median ms | samples ms | vs one systemctl call | speed-up vs sequential | target | own CPU ms |"
        echo "|---|---:|---|---:|---:|---|---:|"
        row2() { # NAME FILE MEDIAN TARGET
            echo "| $1 | $3 | $(samples "$2") | $(ratio "$3" "$sone") | $(ratio "$sseq" "$3") | $4 | $(median "$2" 2) |"
        }
        row2 "systemctl start (all $units, one call)" "$results/many-systemctl-one" "$sone" ""
        row2 "berth start (all $units, one call)" "$results/many-berth" "$bm" "<= 1.1"
        row2 "berth start (all $units, AOT cache)" "$results/many-berth-aot" "$am" "<= 1.1"
        row2 "$units x systemctl start (sequential)" "$results/many-systemctl-seq" "$sseq" ""
        echo
        echo "Ratios: berth/systemctl (one unit) = $(ratio "$b1" "$s1"), with AOT $(ratio "$a1" "$s1") (target <= 1.5);" \
            "berth/one systemctl call ($units units) = $(ratio "$bm" "$sone"), with AOT $(ratio "$am" "$sone") (target <= 1.1);" \
            "sequential systemctl/berth = $(ratio "$sseq" "$bm")."
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
