# Shared helpers for boot.sh, exec.sh, kill.sh, reboot.sh, destroy.sh.
# Sourced, not executed. See README.md ("Booting the test host").
#
# A run directory (BERTH_TESTHOST_RUN, default /var/tmp/berth-testhost/default)
# holds one test host:
#   root/         writable copy of a cached rootfs (the cache stays pristine)
#   rootfs.src    the cache entry it was copied from
#   init.pid      "PID STARTTIME" of /lib/systemd/systemd --system (host PID)
#   unshare.pid   "PID STARTTIME" of the unshare process (its parent)
#   boot.log      console output of the inner script and systemd
#   beside        the group it was booted in, when not its own (see th_group)
# STARTTIME (field 22 of /proc/PID/stat) guards against PID reuse: nothing is
# ever signalled unless both PID and start time still match.

TESTHOST_BASE=/var/tmp/berth-testhost
RUN=${BERTH_TESTHOST_RUN:-$TESTHOST_BASE/default}
RUN=${RUN%/}
UNIFIED=/sys/fs/cgroup/unified
# The machine's test-host slot, held by a boot.sh while it boots and by reboot.sh from its kill to the end of
# its boot: without it, another engineer's boot.sh, waiting for the machine, got in between a reboot's kill and
# its boot, and the reboot failed with "another test host is running".
SLOT_LOCK=$TESTHOST_BASE/.slot.lock
INNER_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# Test hosts booted beside one another form a group: BERTH_TESTHOST_BESIDE=RUN (of a running host) at boot puts
# the new host in that host's group, recorded in RUN/beside. boot.sh refuses a host of another group, so separate
# runs (other engineers, other suites) still take the machine one at a time, while a test may boot a second host
# next to its own (migration between hosts).
th_group() {
    local dir=$1
    if [[ -f $dir/beside ]]; then
        cat -- "$dir/beside"
    else
        readlink -m -- "$dir"
    fi
}

# The cgroup2 directory a test host's cgroup namespace is rooted in, one per run directory: boot.sh moves the
# unshare'd process there first, so each host's systemd manages a subtree of its own of the machine's
# controller-less unified hierarchy (two hosts at its root collided). Nothing when there is no unified hierarchy.
th_cgroup_dir() {
    [[ -d $UNIFIED && $(stat -f -c %T "$UNIFIED" 2>/dev/null) == cgroup2fs ]] || return 1
    local hash
    hash=$(printf '%s' "$(readlink -m -- "$RUN")" | sha256sum)
    printf '%s/berth-testhost-%s\n' "$UNIFIED" "${hash:0:12}"
}

th_log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
th_die() { th_log "ERROR: $*"; exit 1; }

th_need_root() { [[ $(id -u) == 0 ]] || th_die "must run as root"; }

# th_starttime PID -> start time in clock ticks, or nothing if PID is gone.
th_starttime() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }             # drop "pid (comm) "; comm may hold spaces
    # remaining fields start at field 3 (state); starttime is field 22
    local -a f
    read -r -a f <<<"$stat"
    printf '%s\n' "${f[19]}"
}

# th_state PID -> one-letter process state (R, S, Z, ...), or nothing.
th_state() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    printf '%s\n' "${stat%% *}"
}

# th_alive FILE -> true if the "PID STARTTIME" in FILE is a live, non-zombie
# process with that start time. Sets TH_PID.
th_alive() {
    local file=$1 pid st now state
    TH_PID=
    [[ -f $file ]] || return 1
    read -r pid st <"$file" || return 1
    [[ $pid =~ ^[0-9]+$ && $st =~ ^[0-9]+$ ]] || return 1
    now=$(th_starttime "$pid") || return 1
    [[ $now == "$st" ]] || return 1
    state=$(th_state "$pid") || return 1
    [[ $state != Z && $state != X ]] || return 1
    TH_PID=$pid
}

# th_gone FILE -> true if the recorded process no longer exists (a zombie
# still counts as existing: its namespace is not torn down yet).
th_gone() {
    local file=$1 pid st now
    [[ -f $file ]] || return 0
    read -r pid st <"$file" || return 0
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    now=$(th_starttime "$pid") || return 0
    [[ $now != "$st" ]]
}

th_init_pid() {
    th_alive "$RUN/init.pid" || th_die "no test host running for $RUN (boot.sh first)"
    printf '%s\n' "$TH_PID"
}

# True if any mount in any mount namespace on this machine refers to $1.
th_mounted() {
    local f
    for f in /proc/[0-9]*/mountinfo; do
        grep -qsF -- "$1" "$f" && return 0
    done
    return 1
}
