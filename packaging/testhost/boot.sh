#!/bin/bash
# Boot the test host: systemd as PID 1 of new pid/mount/uts/ipc/net namespaces,
# on a writable copy of a cached rootfs, pivot_root'ed into it.
#
#   packaging/testhost/boot.sh ROOTFS       # ROOTFS = last line of rootfs.sh
#
# Environment:
#   BERTH_TESTHOST_RUN           run directory (default /var/tmp/berth-testhost/default)
#   BERTH_TESTHOST_BOOT_TIMEOUT  seconds to wait for running/degraded (default 60)
#
# Prints the init PID as the last line of stdout; progress goes to stderr.
# Follows the "Booting it" sequence of /work/shared/testhost/FACTS.md. NEVER
# change this to boot systemd without the pivot_root into the copy.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

# Read-only bind mounts of host directories into the copy, at the same path
# (RUN/binds: one absolute host directory per line, written by install-berth.sh
# for the JDK). Done on every boot, before pivot_root, so they are in place
# before systemd runs its generators. A path whose target would resolve outside
# the copy (a symlink in the rootfs) is refused, so nothing is ever created or
# mounted outside it.
ro_binds() {
    local dir list=$2 src target
    dir=$(readlink -f -- "$1")
    [[ -f $list ]] || return 0
    while IFS= read -r src || [[ -n $src ]]; do
        [[ -z $src || $src == \#* ]] && continue
        if [[ $src != /?* || $src == *//* || /$src/ == */../* || /$src/ == */./* || ! -d $src ]]; then
            echo "inner: ignoring bind '$src' (not an absolute, normalised, existing directory)" >&2
            continue
        fi
        target=$(readlink -m -- "$dir$src")
        if [[ $target != "$dir"/?* ]]; then
            echo "inner: ignoring bind '$src' (resolves outside the copy: $target)" >&2
            continue
        fi
        mkdir -p -- "$target"
        mount --bind -- "$src" "$target"
        mount -o remount,bind,ro -- "$target"
    done <"$list"
}

# Runs as the first process of the new pid namespace (the child of unshare).
inner() {
    local dir=$1 pidfile=$2 binds=${3:-} k v rest hostpid=
    # Our PID as the host sees it (this /proc is still the host's).
    while read -r k v rest; do
        [[ $k == NSpid: ]] && { hostpid=$v; break; }
    done </proc/self/status
    [[ -n $hostpid ]] || { echo "inner: cannot find own host pid" >&2; exit 1; }
    echo "$hostpid" >"$pidfile.tmp" && mv -f "$pidfile.tmp" "$pidfile"

    # Refuse anything but a real rootfs copy: booting systemd on the host's
    # own root wrecks the machine.
    [[ $dir == /*/* && -x $dir/lib/systemd/systemd && -f $dir/etc/os-release ]] ||
        { echo "inner: '$dir' is not a rootfs copy" >&2; exit 1; }
    [[ $(stat -c %d:%i "$dir") != "$(stat -c %d:%i /)" ]] ||
        { echo "inner: '$dir' is the host root" >&2; exit 1; }

    set -e
    mount --make-rprivate /
    mount --bind "$dir" "$dir"                 # pivot_root needs a mount point
    ro_binds "$dir" "$binds"
    mount -t proc proc "$dir/proc"
    mount --rbind /dev "$dir/dev"
    # A fresh /dev/shm, as every real boot has: the machine's own is shared otherwise, so podman's SHM locks
    # (libpod_lock) outlived a "reboot" while /run did not, and its refresh at boot failed ("acquiring lock N ...:
    # file exists"); it also kept the test host's locks out of the machine's /dev/shm.
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$dir/dev/shm"
    mount -t sysfs sysfs "$dir/sys"
    mount -t cgroup2 cgroup2 "$dir/sys/fs/cgroup"   # pure cgroup2 inside
    mount -t tmpfs tmpfs "$dir/run"
    mount -t tmpfs tmpfs "$dir/tmp"
    cd "$dir"
    mkdir -p oldroot
    pivot_root . oldroot
    umount -l /oldroot
    rmdir /oldroot 2>/dev/null || true
    # A clean environment: nothing of the caller's (NOTIFY_SOCKET, LISTEN_FDS,
    # XDG_*, ...) may leak into PID 1. container=unshare: behave as in a container.
    exec /usr/bin/env -i container=unshare PATH="$INNER_PATH" /lib/systemd/systemd --system
}

main() {
    if [[ ${1:-} == --inner ]]; then
        shift
        inner "$@"
    fi
    [[ $# == 1 ]] || th_die "usage: boot.sh ROOTFS"
    th_need_root
    local rootfs=${1%/}
    [[ $rootfs == /* ]] || th_die "ROOTFS must be absolute: $rootfs"
    [[ $RUN == /*/* ]] || th_die "bad run directory: $RUN"
    local timeout=${BERTH_TESTHOST_BOOT_TIMEOUT:-60}

    # The machine's test-host slot (SLOT_LOCK in lib.sh), held until this script ends: no other boot runs its
    # checks meanwhile, and none gets in between the kill and the boot of a reboot (reboot.sh holds it then and
    # passes it on).
    if [[ ${BERTH_TESTHOST_REBOOTING:-} != "$RUN" ]]; then
        mkdir -p "$TESTHOST_BASE"
        exec 8>"$SLOT_LOCK"
        flock -n 8 || th_die "another test host is running (or booting: $SLOT_LOCK is held); only one at a time"
    fi

    # One group of test hosts per machine at a time (th_group in lib.sh): this host's group is its own run
    # directory, or the running host named by BERTH_TESTHOST_BESIDE, or, on a reboot, the group it was booted in.
    local group other allowed=" "
    group=$(readlink -m -- "$RUN")
    if [[ -n ${BERTH_TESTHOST_BESIDE:-} ]]; then
        group=$(th_group "$(readlink -m -- "$BERTH_TESTHOST_BESIDE")")
        th_alive "$BERTH_TESTHOST_BESIDE/init.pid" ||
            th_die "BERTH_TESTHOST_BESIDE=$BERTH_TESTHOST_BESIDE: no test host is running there"
    elif [[ ${BERTH_TESTHOST_REBOOTING:-} == "$RUN" ]]; then
        group=$(th_group "$RUN")
    fi
    for other in "$TESTHOST_BASE"/*/init.pid "$(dirname "$RUN")"/*/init.pid; do
        [[ -f $other && $(dirname "$(readlink -f "$other")") != "$(readlink -m "$RUN")" ]] || continue
        th_alive "$other" || continue
        if [[ $(th_group "$(dirname "$other")") != "$group" ]]; then
            th_die "another test host is running ($other, pid $TH_PID); only one at a time"
        fi
        allowed+="$(RUN=$(dirname "$other") th_cgroup_dir || true) "
    done

    # The same for hosts whose run directory is elsewhere, found by their systemd in the unified hierarchy: in a
    # cgroup directory of their own (th_cgroup_dir), or, booted by older scripts, at its root.
    local scope procs mine
    mine=$(th_cgroup_dir || true)
    for scope in "$UNIFIED"/init.scope "$UNIFIED"/berth-testhost-*/init.scope; do
        [[ -r $scope/cgroup.procs && $allowed != *" ${scope%/init.scope} "* && ${scope%/init.scope} != "$mine" ]] ||
            continue
        procs=$(tr '\n' ' ' <"$scope/cgroup.procs")
        if [[ -n ${procs// /} ]]; then
            th_die "another test host is running (pid ${procs% } in $scope); only one at a time"
        fi
    done

    mkdir -p "$RUN"
    exec 7>"$RUN/.lock"
    flock -n 7 || th_die "another boot/kill/destroy is in progress on $RUN"
    if th_alive "$RUN/init.pid"; then
        th_die "a test host is already running on $RUN (init pid $TH_PID)"
    fi
    if [[ $group != "$(readlink -m -- "$RUN")" ]]; then
        echo "$group" >"$RUN/beside"
    else
        rm -f -- "$RUN/beside"
    fi

    if [[ -d $RUN/root ]]; then
        local src
        src=$(cat "$RUN/rootfs.src" 2>/dev/null || true)
        [[ $src == "$rootfs" ]] ||
            th_die "$RUN/root is a copy of '${src:-?}', not $rootfs; destroy.sh first"
        th_log "reusing writable copy $RUN/root"
    else
        [[ -x $rootfs/lib/systemd/systemd ]] || th_die "not a test host rootfs: $rootfs"
        if [[ -e $(dirname "$rootfs")/.lock && ! -f $rootfs/.complete ]]; then
            th_die "$rootfs is an incomplete cache entry"
        fi
        local uselock t0
        uselock="$(dirname "$rootfs")/.inuse.lock"
        [[ -e $uselock ]] && { exec 6<"$uselock"; flock -s 6; }
        t0=$(date +%s%N)
        th_log "copying $rootfs to $RUN/root"
        rm -rf --one-file-system -- "$RUN/root.tmp"
        cp -a --reflink=auto -- "$rootfs" "$RUN/root.tmp"
        rm -f -- "$RUN/root.tmp/.complete"
        mv -T -- "$RUN/root.tmp" "$RUN/root"
        echo "$rootfs" >"$RUN/rootfs.src"
        [[ -e $uselock ]] && exec 6<&-
        th_log "copied in $((($(date +%s%N) - t0) / 1000000)) ms"
    fi

    local cg=
    if cg=$(th_cgroup_dir); then
        mkdir -p -- "$cg"
    fi
    rm -f -- "$RUN/init.pid" "$RUN/init.pid.tmp" "$RUN/inner.pid" "$RUN/unshare.pid"
    {
        echo "=== boot $(date -u +%Y-%m-%dT%H:%M:%SZ) ==="
    } >>"$RUN/boot.log"

    local t0 ushare
    t0=$(date +%s)
    # --cgroup: every cgroup hierarchy is seen from the cgroups this script is in. Without it the test host's
    # processes see the machine's v1 memberships in /proc/self/cgroup (memory:/process_api/...), which podman
    # takes for paths in the test host's cgroup2 tree: rootless podman then fails under a user unit ("mkdir
    # /sys/fs/cgroup/memory: permission denied") and root podman creates stray directories in the unified tree.
    # The subshell moves itself into the host's own cgroup2 directory (th_cgroup_dir; the unified hierarchy only,
    # the machine's v1 memberships stay) before unshare roots the new cgroup namespace where it stands.
    (
        [[ -z $cg ]] || echo "$BASHPID" >"$cg/cgroup.procs"
        exec setsid unshare --pid --fork --mount --uts --ipc --net --cgroup -- \
            bash "$SELF" --inner "$RUN/root" "$RUN/inner.pid" "$RUN/binds"
    ) </dev/null >>"$RUN/boot.log" 2>&1 6<&- 7>&- 8>&- 9>&- &
    ushare=$!
    echo "$ushare $(th_starttime "$ushare" || echo 0)" >"$RUN/unshare.pid"

    local i pid=
    for ((i = 0; i < 100; i++)); do
        if [[ -s $RUN/inner.pid ]]; then pid=$(cat "$RUN/inner.pid"); break; fi
        [[ $(th_state "$ushare" || echo X) != [ZX] ]] || break
        sleep 0.1
    done
    if [[ -z $pid ]]; then
        tail -n 20 "$RUN/boot.log" >&2
        th_die "the namespace did not start"
    fi
    local st
    st=$(th_starttime "$pid") || { tail -n 20 "$RUN/boot.log" >&2; th_die "init died at once"; }
    echo "$pid $st" >"$RUN/init.pid"
    rm -f -- "$RUN/inner.pid"
    th_log "init pid $pid; waiting for systemd (timeout ${timeout}s)"

    local state=""
    while :; do
        if ! th_alive "$RUN/init.pid"; then
            tail -n 30 "$RUN/boot.log" >&2
            th_die "init $pid died while booting"
        fi
        state=$(nsenter -t "$pid" -a /usr/bin/env -i PATH="$INNER_PATH" \
            systemctl is-system-running 2>/dev/null || true)
        case $state in running | degraded) break ;; esac
        if (($(date +%s) - t0 >= timeout)); then
            tail -n 30 "$RUN/boot.log" >&2
            th_log "timed out in state '${state:-?}'; killing it"
            exec 7>&-
            "$HERE/kill.sh" || true
            exit 1
        fi
        sleep 0.2
    done
    th_log "$state after $(($(date +%s) - t0)) s"
    if [[ $state == degraded ]]; then
        nsenter -t "$pid" -a /usr/bin/env -i PATH="$INNER_PATH" \
            systemctl --failed --no-legend --plain >&2 || true
    fi
    echo "$pid"
}

main "$@"
