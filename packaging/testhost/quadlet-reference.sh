#!/bin/bash
# Run a reference Quadlet (podman 5.4.2, or with --latest 5.8.6, both from the
# test host rootfs) in dry-run mode over host unit directories, for
# differential tests.
#
#   packaging/testhost/quadlet-reference.sh [--latest] [--user] UNITDIR [UNITDIR...]
#
# --latest runs /usr/libexec/podman-latest/quadlet (Quadlet 5.8.6, unpacked from
# Debian unstable's podman package by rootfs.sh) instead of trixie's 5.4.2.
#
# Contract:
#  * Every UNITDIR must be an absolute path of an existing host directory.
#    Inside the chroot it appears under the SAME absolute path (Quadlet prints
#    SourcePath= and resolves relative paths against the unit file's directory),
#    so output is directly comparable with berth's. Several UNITDIRs are joined
#    with ':' into QUADLET_UNIT_DIRS, in the order given.
#  * Quadlet's stdout, stderr and exit status are passed through unchanged.
#    If this script itself cannot set things up it exits 125 (Quadlet only uses
#    0 and 1).
#  * The rootfs cache is never modified: the directories are copied (cp -a,
#    symlinks preserved) into a throw-away overlay (tmpfs upper layer over the
#    rootfs) that exists only in a private mount namespace, so concurrent runs,
#    even on the same UNITDIR, do not interfere and nothing is left behind.
#    Whatever the rootfs has at that path is hidden first.
#  * Environment inside is fixed: env -i PATH=... HOME=/root, nothing else (no
#    XDG_* variables, no USER), running as root, cwd /. With --user Quadlet runs
#    in rootless mode (-user) but still as uid 0 with HOME=/root; because
#    QUADLET_UNIT_DIRS is set, Quadlet does not consult HOME/XDG_CONFIG_HOME
#    or the uid for its search path.
#  * /proc, /dev and /sys are NOT mounted in the chroot: Quadlet's -dryrun does
#    not need them (it logs to stderr, not /dev/kmsg, in dry-run mode).
#
# Environment: ROOTFS=/path/to/rootfs skips calling rootfs.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
QUADLET=/usr/libexec/podman/quadlet
QUADLET_LATEST=/usr/libexec/podman-latest/quadlet
CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

die() { printf 'quadlet-reference.sh: %s\n' "$*" >&2; exit 125; }
usage() { die "usage: quadlet-reference.sh [--latest] [--user] UNITDIR [UNITDIR...]"; }

# Runs in the private mount namespace; ends by exec'ing Quadlet.
inner() {
    local rootfs=$1 scratch=$2 user=$3 quadlet=$4; shift 4
    mount -t tmpfs -o mode=0700 berth-qref "$scratch" || die "tmpfs mount failed"
    mkdir "$scratch/upper" "$scratch/work" "$scratch/root"
    mount -t overlay berth-qref \
        -o "lowerdir=$rootfs,upperdir=$scratch/upper,workdir=$scratch/work" \
        "$scratch/root" || die "overlay mount failed"
    local root="$scratch/root" d dirs=""
    for d in "$@"; do
        rm -rf -- "$root$d"
        mkdir -p -- "$(dirname -- "$root$d")"
        cp -a -- "$d" "$root$d" || die "copying $d failed"
        dirs+="${dirs:+:}$d"
    done
    local args=(-dryrun)
    [[ $user == 1 ]] && args+=(-user)
    cd /
    exec chroot "$root" /usr/bin/env -i PATH="$CHROOT_PATH" HOME=/root \
        QUADLET_UNIT_DIRS="$dirs" "$quadlet" "${args[@]}"
}

main() {
    if [[ ${1:-} == --inner ]]; then
        shift
        inner "$@"
    fi

    local user=0 quadlet=$QUADLET
    if [[ ${1:-} == --latest ]]; then quadlet=$QUADLET_LATEST; shift; fi
    if [[ ${1:-} == --user ]]; then user=1; shift; fi
    (($#)) || usage
    local d
    for d in "$@"; do
        [[ $d == /* ]] || die "UNITDIR must be an absolute path: $d"
        [[ $d != *:* ]] || die "UNITDIR must not contain ':': $d"
        [[ -d $d ]] || die "not a directory: $d"
        d=${d%/}
        case "$d" in
        "" | /usr | /usr/libexec | /usr/libexec/podman | /usr/libexec/podman/* | \
            /usr/lib | /usr/lib/* | /usr/lib64 | /lib | /lib/* | /lib64 | /bin | \
            /usr/bin | /proc | /proc/* | /sys | /sys/* | /dev | /dev/*)
            die "refusing UNITDIR $d: it would hide what Quadlet itself needs" ;;
        esac
    done
    [[ $(id -u) == 0 ]] || die "must run as root (chroot, mount namespace)"

    local rootfs=${ROOTFS:-}
    if [[ -z $rootfs ]]; then
        rootfs=$("$HERE/rootfs.sh" | tail -n 1) || die "rootfs.sh failed"
    fi
    [[ -x $rootfs$quadlet ]] || die "no $quadlet in rootfs '$rootfs'"

    # Shared lock: rootfs.sh prunes old cache entries only when it can take
    # this lock exclusively, so the rootfs cannot vanish under us.
    local uselock
    uselock="$(dirname -- "$rootfs")/.inuse.lock"
    if [[ -e $uselock ]]; then
        exec 9<"$uselock"
        flock -s 9
    fi

    local scratch rc=0
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/berth-qref.XXXXXX") || die "mktemp failed"
    # Strip a trailing slash from each dir for the in-chroot path.
    local clean=()
    for d in "$@"; do clean+=("${d%/}"); done
    unshare --mount --propagation private -- \
        bash "$SELF" --inner "$rootfs" "$scratch" "$user" "$quadlet" "${clean[@]}" || rc=$?
    rmdir -- "$scratch" 2>/dev/null || true
    exit "$rc"
}

main "$@"
