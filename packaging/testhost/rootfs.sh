#!/bin/bash
# Ensure the berth test host's Debian 13 (trixie) root filesystem exists and
# print its absolute path as the LAST line of stdout. All progress goes to stderr.
#
#   packaging/testhost/rootfs.sh            # build if needed, print path
#
# Cache: /var/cache/berth/testhost/<hash>, <hash> = first 16 hex chars of the
# sha256 over this script and every file under recipe/. A directory counts as
# built only when it contains .complete (written last, after the atomic mv).
# See README.md next to this file, and /work/shared/testhost/FACTS.md.
#
# Environment:
#   BERTH_TESTHOST_CACHE   cache root (default /var/cache/berth/testhost)
#   BERTH_TESTHOST_MIRROR  Debian mirror URI (default: taken from the host's
#                          apt configuration at run time; never hard-coded)
#   BERTH_TESTHOST_KEEP    number of complete cache entries to keep (default 2)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
CACHE=${BERTH_TESTHOST_CACHE:-/var/cache/berth/testhost}
KEEP=${BERTH_TESTHOST_KEEP:-2}
SUITE=trixie
INCLUDE=systemd,systemd-sysv,dbus,podman,runc,crun,iproute2,procps,nftables,iptables,busybox-static,curl
# Installed after debootstrap, from trixie: what later rootless tests need
# (newuidmap/newgidmap for the subuid ranges; pasta for rootless networking);
# aardvark-dns, netavark's DNS server for networks made with `podman network
# create` (DNS is on by default there): without it netavark's teardown fails
# ("remove aardvark entries: No such file or directory"), so does the
# `podman rm` of a Quadlet unit's ExecStop, and the stopped unit ends "failed";
# libpam-systemd and dbus-user-session, without which user@UID.service (a
# lingering user's systemd, where rootless units run) fails at once
# ("$XDG_RUNTIME_DIR is not set": no pam_systemd) and has no user bus;
# catatonit, from which podman builds its local pause image: without it no
# pod can be created ("finding pause binary"), and RunInit= has no init.
EXTRA_PACKAGES="uidmap passt aardvark-dns libpam-systemd dbus-user-session catatonit"
WANT_PODMAN='podman version 5.4.2'
# The second reference Quadlet: unstable's podman package, unpacked (never installed) so that only its
# quadlet binary is taken, at $QUADLET_LATEST; the differential suite runs berth's default target against it.
QUADLET_LATEST=/usr/libexec/podman-latest/quadlet
WANT_QUADLET_LATEST_RE='^5\.8\.'
WANT_CRIU_RE='^Version: 4\.2(\.|$)'

log() { printf 'rootfs.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ansible-core as well: AnsibleE2ETest runs the Ansible collection (packaging/ansible) inside the booted test
# host with a local connection. (A line of its own, so that other changes to the list above merge cleanly.)
EXTRA_PACKAGES+=" ansible-core"

recipe_hash() {
    # Paths are hashed relative to this directory, so the hash does not depend
    # on where the repository is checked out. Symlinks under recipe/ are not
    # supported (use plain files).
    (
        cd "$HERE"
        { echo rootfs.sh; find recipe -type f | LC_ALL=C sort; } |
            while IFS= read -r f; do sha256sum -- "$f"; done
    ) | sha256sum | cut -c1-16
}

# Print the first non-security Debian "deb" URI of the host's apt sources.
detect_mirror() {
    if [[ -n ${BERTH_TESTHOST_MIRROR:-} ]]; then
        printf '%s\n' "${BERTH_TESTHOST_MIRROR%/}"
        return
    fi
    local f uri=""
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f $f ]] || continue
        uri=$(awk '
            function flush() {
                if (uris != "" && enabled != "no" &&
                    types ~ /(^|[ \t])deb([ \t]|$)/ &&
                    suites !~ /-security/ && uris !~ /-security/) {
                    split(uris, a, /[ \t]+/); print a[1]; found = 1; exit
                }
                types = ""; uris = ""; suites = ""; enabled = ""
            }
            /^[ \t]*#/ { next }
            /^[ \t]*$/ { flush(); next }
            {
                key = tolower($1); val = $0
                sub(/^[^:]*:[ \t]*/, "", val)
                if (key == "types:") types = val
                else if (key == "uris:") uris = val
                else if (key == "suites:") suites = val
                else if (key == "enabled:") enabled = tolower(val)
            }
            END { if (!found) flush() }' "$f")
        [[ -n $uri ]] && break
    done
    if [[ -z $uri ]]; then
        for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
            [[ -f $f ]] || continue
            uri=$(awk '
                $1 == "deb" {
                    i = 2
                    if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                    if ($i !~ /-security/ && $(i+1) !~ /-security/) { print $i; exit }
                }' "$f")
            [[ -n $uri ]] && break
        done
    fi
    [[ -n $uri ]] || die "no Debian mirror found in the host's apt configuration; set BERTH_TESTHOST_MIRROR"
    printf '%s\n' "${uri%/}"
}

ensure_prereqs() {
    local missing=()
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    command -v unshare >/dev/null || missing+=(util-linux)
    command -v flock >/dev/null || missing+=(util-linux)
    [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]] || missing+=(debian-archive-keyring)
    if ((${#missing[@]})); then
        log "installing on the host: ${missing[*]}"
        apt-get update >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
    fi
    [[ -e /usr/share/debootstrap/scripts/$SUITE ]] ||
        die "this debootstrap does not know '$SUITE'; upgrade debootstrap"
}

# True if any mount in any mount namespace on this machine refers to $1.
in_use() {
    local d=$1 f
    for f in /proc/[0-9]*/mountinfo; do
        grep -qsF -- "$d" "$f" && return 0
    done
    return 1
}

safe_rm() {
    local d=$1
    [[ -n $d && $d == "$CACHE"/* ]] || die "refusing to remove '$d'"
    if in_use "$d"; then
        log "not removing $d: something has it mounted"
        return 0
    fi
    rm -rf --one-file-system -- "$d"
}

# Keep the newest $KEEP complete entries; remove older ones unless mounted.
# Users of an entry (quadlet-reference.sh, boot.sh while copying) hold a shared
# lock on $CACHE/.inuse.lock; pruning happens only if that lock can be taken
# exclusively right away, otherwise it is left for a later build.
prune() {
    local n=0 d
    exec 8>"$CACHE/.inuse.lock"
    if ! flock -n 8; then
        log "cache entries in use; not pruning this time"
        exec 8>&-
        return 0
    fi
    while IFS= read -r d; do
        n=$((n + 1))
        ((n <= KEEP)) && continue
        log "pruning old cache entry $d"
        safe_rm "$d"
    done < <(ls -1dt "$CACHE"/*/.complete 2>/dev/null | sed 's,/\.complete$,,')
    exec 8>&-
}

chroot_run() {
    local root=$1; shift
    chroot "$root" /usr/bin/env -i \
        PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}

# Runs inside a private mount namespace (see main), so every mount made here,
# by debootstrap or by us, disappears when it exits.
inner_build() {
    local dir=$1 mirror=$2 t0 t1
    exec 1>&2
    mount --make-rprivate /

    t0=$(date +%s)
    log "debootstrap $SUITE from $mirror into $dir"
    debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$dir" "$mirror"
    t1=$(date +%s); log "debootstrap took $((t1 - t0)) s"

    # Recipe files (containers.conf.d, criu runc.conf, apt pin, hostname).
    cp -R --no-preserve=ownership "$HERE/recipe/rootfs/." "$dir/"

    cp -L /etc/resolv.conf "$dir/etc/resolv.conf"
    printf 'deb [check-valid-until=no] %s unstable main\n' "$mirror" \
        >"$dir/etc/apt/sources.list.d/berth-unstable.list"
    printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
    chmod 755 "$dir/usr/sbin/policy-rc.d"
    mount -t proc proc "$dir/proc"
    mount -t devpts -o newinstance,ptmxmode=0666 devpts "$dir/dev/pts"

    log "apt: criu/libcriu2 from unstable, $EXTRA_PACKAGES from $SUITE"
    chroot_run "$dir" apt-get -o Acquire::Check-Valid-Until=false update
    chroot_run "$dir" apt-get -o Acquire::Check-Valid-Until=false install -y \
        --no-install-recommends -t unstable criu libcriu2
    # shellcheck disable=SC2086
    chroot_run "$dir" apt-get install -y --no-install-recommends $EXTRA_PACKAGES

    local v
    v=$(chroot_run "$dir" criu --version) || die "criu --version failed"
    log "criu: $(echo "$v" | tr '\n' ' ')"
    grep -Eq "$WANT_CRIU_RE" <<<"$v" || die "criu is not 4.2.x: $v"
    v=$(chroot_run "$dir" podman --version) || die "podman --version failed"
    log "podman: $v"
    [[ $v == "$WANT_PODMAN" ]] || die "expected '$WANT_PODMAN', got '$v'"

    log "reference Quadlet from unstable's podman package (unpacked only, not installed)"
    mkdir -p "$dir/tmp/berth-podman-latest"
    chroot_run "$dir" sh -c 'cd /tmp/berth-podman-latest && apt-get -o Acquire::Check-Valid-Until=false download -t unstable podman'
    local deb
    deb=$(ls "$dir"/tmp/berth-podman-latest/podman_*.deb) || die "apt-get download podman gave no .deb"
    dpkg-deb -x "$deb" "$dir/tmp/berth-podman-latest/x"
    install -D -m 0755 "$dir/tmp/berth-podman-latest/x/usr/libexec/podman/quadlet" "$dir$QUADLET_LATEST"
    dpkg-deb -f "$deb" Version >"$dir${QUADLET_LATEST%/quadlet}/podman-version"
    rm -rf "$dir/tmp/berth-podman-latest"
    v=$(chroot_run "$dir" "$QUADLET_LATEST" -version 2>&1) || die "$QUADLET_LATEST -version failed: $v"
    log "latest reference: $v"
    grep -Eq "$WANT_QUADLET_LATEST_RE" <<<"$v" || die "expected Quadlet 5.8.x at $QUADLET_LATEST, got '$v'"

    # systemd: the one unit that fails in the namespace boot.
    ln -sfn /dev/null "$dir/etc/systemd/system/systemd-modules-load.service"
    # No gettys: /dev is the machine's, so getty@tty1 ran an agetty on the machine's own tty1, and two test hosts
    # booted side by side took it from each other until systemd gave up (start-limit-hit, the host "degraded").
    local getty
    for getty in getty@.service serial-getty@.service console-getty.service container-getty@.service; do
        ln -sfn /dev/null "$dir/etc/systemd/system/$getty"
    done
    # network-online.target at boot, as on a host whose network services pull it in: podman's user unit
    # podman-user-wait-network-online.service waits (90 s, then fails) for the system's target, which nothing in
    # this rootfs pulls in before a system container unit starts (seen: RootlessE2ETest run alone timed out).
    mkdir -p "$dir/etc/systemd/system/multi-user.target.wants"
    ln -sfn /usr/lib/systemd/system/network-online.target \
        "$dir/etc/systemd/system/multi-user.target.wants/network-online.target"
    # /dev/net/tun for rootless pasta, bound over the machine's node inside the test host only (see the unit).
    mkdir -p "$dir/etc/systemd/system/sysinit.target.wants"
    ln -sfn ../berth-testhost-tun.service "$dir/etc/systemd/system/sysinit.target.wants/berth-testhost-tun.service"
    # berth is to be the only Quadlet generator; keep the binary as reference.
    rm -f "$dir/usr/lib/systemd/system-generators/podman-system-generator" \
        "$dir/usr/lib/systemd/user-generators/podman-user-generator"
    [[ -x $dir/usr/libexec/podman/quadlet ]] || die "quadlet binary missing"
    # Each booted copy gets its own (transient) machine id.
    : >"$dir/etc/machine-id"
    rm -f "$dir/var/lib/dbus/machine-id"

    log "user berthuser (uid 1000) with subordinate ids"
    chroot_run "$dir" useradd --create-home --uid 1000 --user-group \
        --shell /bin/bash berthuser
    local f
    for f in subuid subgid; do
        grep -q '^berthuser:' "$dir/etc/$f" 2>/dev/null ||
            echo 'berthuser:100000:65536' >>"$dir/etc/$f"
    done

    log "busybox image tarball"
    local img="$dir/var/lib/berth-testhost" bb
    local tree="$img/busybox-root"
    bb="$dir/usr/bin/busybox"; [[ -x $bb ]] || bb="$dir/bin/busybox"
    mkdir -p "$tree/bin" "$tree/etc" "$tree/tmp" "$tree/root" "$tree/var/www" \
        "$tree/proc" "$tree/sys" "$tree/dev"
    chmod 1777 "$tree/tmp"
    cp "$bb" "$tree/bin/busybox"
    local a
    for a in $("$tree/bin/busybox" --list); do
        [[ $a == busybox ]] || ln -s busybox "$tree/bin/$a"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$tree/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$tree/etc/group"
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
        -C "$tree" -cf "$img/busybox.tar" .
    rm -rf "$tree"

    log "quadlet reference smoke test"
    mkdir -p "$dir/tmp/berth-quadlet-check"
    printf '[Container]\nImage=localhost/busybox\n' >"$dir/tmp/berth-quadlet-check/check.container"
    v=$(chroot_run "$dir" env QUADLET_UNIT_DIRS=/tmp/berth-quadlet-check \
        /usr/libexec/podman/quadlet -dryrun) || die "quadlet -dryrun failed"
    grep -q -- '^---check.service---$' <<<"$v" || die "quadlet printed no unit: $v"
    v=$(chroot_run "$dir" env QUADLET_UNIT_DIRS=/tmp/berth-quadlet-check \
        "$QUADLET_LATEST" -dryrun) || die "$QUADLET_LATEST -dryrun failed"
    grep -q -- '^---check.service---$' <<<"$v" || die "$QUADLET_LATEST printed no unit: $v"
    rm -rf "$dir/tmp/berth-quadlet-check"

    chroot_run "$dir" dpkg-query -W -f '${Package}=${Version}\n' \
        systemd podman runc crun criu conmon netavark aardvark-dns passt busybox-static \
        >"$img/versions"
    log "versions: $(tr '\n' ' ' <"$img/versions")"

    log "cleaning apt caches"
    chroot_run "$dir" apt-get clean
    rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir/usr/sbin/policy-rc.d"
    find "$dir/var/log" -type f -delete
    umount "$dir/dev/pts" "$dir/proc"
}

main() {
    if [[ ${1:-} == --inner-build ]]; then
        shift
        inner_build "$@"
        return
    fi
    exec 3>&1 1>&2

    local hash final
    hash=$(recipe_hash)
    final="$CACHE/$hash"
    if [[ -f $final/.complete ]]; then
        log "cached: $final"
        echo "$final" >&3
        return
    fi

    [[ $(id -u) == 0 ]] || die "must run as root"
    mkdir -p "$CACHE"
    touch "$CACHE/.inuse.lock"
    exec 9>"$CACHE/.lock"
    if ! flock -n 9; then
        log "waiting for the build lock ($CACHE/.lock)"
        flock 9
    fi
    if [[ -f $final/.complete ]]; then
        log "built meanwhile by someone else: $final"
        echo "$final" >&3
        return
    fi

    # Under the exclusive lock no other build runs: every .build-* and every
    # entry without .complete is debris from an interrupted run.
    local d
    for d in "$CACHE"/.build-* "$final"; do
        [[ -e $d ]] || continue
        log "removing incomplete $d"
        safe_rm "$d"
        [[ ! -e $d ]] || die "could not remove $d"
    done

    ensure_prereqs
    local mirror build t0 t1
    mirror=$(detect_mirror)
    build="$CACHE/.build-$hash-$$"
    # shellcheck disable=SC2064
    trap "[[ -e '$build' ]] && { log 'build failed; removing $build'; safe_rm '$build'; }" EXIT

    t0=$(date +%s)
    unshare --mount --propagation private -- bash "$SELF" --inner-build "$build" "$mirror"
    t1=$(date +%s)

    mv -T -- "$build" "$final"
    trap - EXIT
    {
        echo "hash=$hash"
        echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "build_seconds=$((t1 - t0))"
        echo "size=$(du -sx --block-size=1M "$final" | cut -f1)M"
        cat "$final/var/lib/berth-testhost/versions"
    } >"$final/.complete.tmp"
    mv -f -- "$final/.complete.tmp" "$final/.complete"
    log "built $final in $((t1 - t0)) s ($(du -shx "$final" | cut -f1))"

    prune
    echo "$final" >&3
}

main "$@"
