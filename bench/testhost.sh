# What the benchmarks that boot a test host share, on the machine's side (sourced by bench/*/run.sh after their
# --inner dispatch: none of it is needed, or present, inside the test host). Needs HERE, REPO, TESTHOST and log/die.

# Median of column COL (default 1) of a file of samples, one per line.
median() { awk -v c="${2:-1}" '{print $c}' "$1" | sort -n | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# Column COL of a file of samples, on one line.
samples() { awk -v c="${2:-1}" '{print $c}' "$1" | paste -sd' '; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }

# bench_boot NAME: boots a test host of the benchmark's own (run directory /var/tmp/berth-testhost/bench-NAME-PID,
# exported as BERTH_TESTHOST_RUN, destroyed when the script exits, whatever happens), waiting up to 30 min while
# another engineer's host runs, and installs berth's jars into it (built first when cli/target has none). ROOTFS=
# skips rootfs.sh.
bench_boot() {
    [[ $(id -u) == 0 ]] || die "must run as root (it boots the test host)"
    local rootfs=${ROOTFS:-} jars=$REPO/cli/target deadline=$((SECONDS + 1800)) out
    if [[ -z $rootfs ]]; then
        rootfs=$(BERTH_TESTHOST_KEEP=${BERTH_TESTHOST_KEEP:-10} bash "$TESTHOST/rootfs.sh" | tail -n 1) ||
            die "rootfs.sh failed"
    fi
    if [[ ! -f $jars/berth-cli.jar || ! -f $jars/berth-cli-generator.jar ]]; then
        log "building berth (mvn package -pl cli -am -DskipTests)"
        (cd "$REPO" && JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} \
            mvn -q -B -ntp package -pl cli -am -DskipTests >&2)
    fi
    export BERTH_TESTHOST_RUN=/var/tmp/berth-testhost/bench-$1-$$
    trap 'bash "$TESTHOST/destroy.sh" >/dev/null 2>&1 || log "destroy.sh failed: check $BERTH_TESTHOST_RUN"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    log "booting the test host ($BERTH_TESTHOST_RUN)"
    until out=$(bash "$TESTHOST/boot.sh" "$rootfs" 2>&1); do
        if [[ $out != *"another test host is running"* ]] || ((SECONDS >= deadline)); then
            printf '%s\n' "$out" >&2
            die "the test host did not boot"
        fi
        log "another test host is running; retrying in 15 s"
        sleep 15
    done
    bash "$TESTHOST/install-berth.sh" "$jars" >&2
}
