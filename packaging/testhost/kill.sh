#!/bin/bash
# Kill the test host: SIGKILL to its init PID (by PID, after checking the PID's
# start time), then wait until it is gone. The kernel kills everything else in
# the pid namespace; the mount namespace and its mounts go with it.
#
#   packaging/testhost/kill.sh            (BERTH_TESTHOST_RUN selects the host)
#
# NEVER use systemctl poweroff/reboot/halt inside the test host instead, and
# never pkill -f / killall.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

th_need_root
if [[ ! -d $RUN ]]; then
    th_log "no run directory $RUN; nothing to kill"
    exit 0
fi
exec 7>"$RUN/.lock"
flock -w 30 7 || th_die "$RUN is locked by another boot/kill/destroy"

if th_alive "$RUN/init.pid"; then
    pid=$TH_PID
    th_log "SIGKILL init pid $pid"
    kill -KILL "$pid"
    for ((i = 0; i < 300; i++)); do
        th_gone "$RUN/init.pid" && ! th_alive "$RUN/unshare.pid" && break
        sleep 0.1
    done
    th_gone "$RUN/init.pid" || th_die "init pid $pid still exists after 30 s"
    th_log "init pid $pid is gone"
else
    th_log "no test host running on $RUN"
fi
rm -f -- "$RUN/init.pid" "$RUN/unshare.pid" "$RUN/inner.pid"

# Remove (rmdir only) the cgroup2 directories of this host: its own directory of the unified hierarchy
# (th_cgroup_dir) and what its systemd created below it, deepest first. Best effort; v1 is never touched, and
# neither is any other host's directory.
if cg=$(th_cgroup_dir) && [[ -d $cg ]]; then
    mapfile -t new < <(find "$cg" -depth -type d 2>/dev/null)
    for ((try = 0; try < 20 && ${#new[@]}; try++)); do
        left=()
        for d in "${new[@]}"; do
            [[ $d == "$cg" || $d == "$cg"/* ]] || continue
            [[ -d $d ]] || continue
            rmdir -- "$d" 2>/dev/null || left+=("$d")
        done
        new=("${left[@]}")
        ((${#new[@]})) && sleep 0.1
    done
    ((${#new[@]} == 0)) || th_log "left ${#new[@]} cgroup(s) in place, e.g. ${new[0]}"
fi
