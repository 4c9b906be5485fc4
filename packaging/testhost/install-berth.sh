#!/bin/bash
# Install berth into the RUNNING test host, as the only Quadlet generator.
#
#   packaging/testhost/install-berth.sh [BERTH_BUILD]
#
# BERTH_BUILD: a directory holding berth-cli.jar, berth-cli-generator.jar and
# lib/*.jar (default: cli/target of this checkout, made by `mvn package`).
# Environment:
#   BERTH_TESTHOST_RUN   which test host (default /var/tmp/berth-testhost/default)
#   BERTH_TESTHOST_JDK   the JDK to bind in (default /usr/lib/jvm/temurin-25-jdk-amd64)
#
# What it does, inside the test host:
#   * the JDK: bind-mounted READ-ONLY at the same path. Recorded in RUN/binds, so
#     boot.sh mounts it again before pivot_root on every (re)boot, before systemd
#     runs the generators; mounted into the running host now with bind-into.pl
#     (detached-mount API, see there) unless it is already there;
#   * /usr/lib/berth/{berth-cli.jar,berth-cli-generator.jar,lib/*.jar,berth-generator,berth-unit-helper},
#     runtime -> the JDK (the launchers' first choice of Java), the AOT caches
#     berth-generator.aot and berth.aot when the build has them, and /usr/bin/berth (the launchers of
#     packaging/bin, copied, root-owned);
#   * /usr/lib/systemd/system-generators/berth-generator and
#     /usr/lib/systemd/user-generators/berth-user-generator -> /usr/lib/berth/berth-generator
#     (the launcher switches to user mode when its name contains "user");
#   * removes podman's own generators if present (rootfs.sh already does);
#   * retrains berth.aot on `berth status` against the test host's systemd (packaging/train-host-aot);
#   * systemctl daemon-reload, then proves the generator ran: a probe .container
#     in /run/containers/systemd must come out as a loaded unit whose generated
#     file carries berth's banner; the probe is removed again.
# Everything lands on the test host's writable copy, so it survives reboot.sh.
# Files are streamed in with tar through exec.sh; nothing on the host changes
# except RUN/binds.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

th_need_root
(($# <= 1)) || th_die "usage: install-berth.sh [BERTH_BUILD]"
build=${1:-$REPO/cli/target}
jdk=${BERTH_TESTHOST_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
jdk=${jdk%/}
EXEC=("$HERE/exec.sh")

for f in berth-cli.jar berth-cli-generator.jar lib/spec-model.jar lib/unit-generator.jar; do
    [[ -f $build/$f ]] || th_die "$build/$f is missing (build with: mvn -pl cli -am package)"
done
for f in berth berth-generator berth-unit-helper; do
    [[ -f $REPO/packaging/bin/$f ]] || th_die "$REPO/packaging/bin/$f is missing"
done
[[ -x $jdk/bin/java ]] || th_die "no JDK at $jdk"
[[ $jdk == /?* && $jdk != *//* && /$jdk/ != */../* && /$jdk/ != */./* ]] ||
    th_die "the JDK path must be absolute and normalised: $jdk"
pid=$(th_init_pid)
t0=$(date +%s%N)

# --- the JDK, read-only, same path --------------------------------------------
if ! grep -qxF -- "$jdk" "$RUN/binds" 2>/dev/null; then
    printf '%s\n' "$jdk" >>"$RUN/binds"
fi
if "${EXEC[@]}" mountpoint -q "$jdk"; then
    th_log "JDK already mounted at $jdk"
else
    "${EXEC[@]}" mkdir -p "$jdk"
    perl "$HERE/bind-into.pl" "$pid" "$jdk"
    th_log "JDK bind-mounted read-only at $jdk"
fi
"${EXEC[@]}" touch "$jdk/.berth-write-probe" 2>/dev/null &&
    th_die "the JDK at $jdk is writable inside the test host; it must be read-only"
"${EXEC[@]}" "$jdk/bin/java" -version >/dev/null 2>&1 ||
    th_die "$jdk/bin/java does not run inside the test host"

# --- berth's files -------------------------------------------------------------
stage=$(mktemp -d /var/tmp/berth-install.XXXXXX)
trap 'rm -rf --one-file-system -- "$stage"' EXIT
mkdir -p "$stage/usr/lib/berth/lib" "$stage/usr/bin" \
    "$stage/usr/lib/systemd/system-generators" "$stage/usr/lib/systemd/user-generators"
install -m 0644 "$build/berth-cli.jar" "$build/berth-cli-generator.jar" "$stage/usr/lib/berth/"
install -m 0644 "$build"/lib/*.jar "$stage/usr/lib/berth/lib/"
install -m 0755 "$REPO/packaging/bin/berth-generator" "$stage/usr/lib/berth/berth-generator"
# What units with [X-Berth] keys (and `berth restore`) run to checkpoint and restore inside the unit.
install -m 0755 "$REPO/packaging/bin/berth-unit-helper" "$stage/usr/lib/berth/berth-unit-helper"
# The AOT caches packaging/build-aot made for these very jars (a cache still works when its jars move). After the
# jars: the launchers use a cache only when no jar is newer than it.
for cache in berth-generator.aot berth.aot; do
    if [[ -s $build/$cache ]]; then
        install -m 0644 "$build/$cache" "$stage/usr/lib/berth/"
        if [[ -f $build/$cache.runtime ]]; then
            install -m 0644 "$build/$cache.runtime" "$stage/usr/lib/berth/"
        fi
    fi
done
# The launchers' first choice of Java is the runtime beside the jars (a distribution bundles one there): here the
# JDK bound in above.
ln -s "$jdk" "$stage/usr/lib/berth/runtime"
install -m 0755 "$REPO/packaging/bin/berth" "$stage/usr/bin/berth"
ln -s /usr/lib/berth/berth-generator "$stage/usr/lib/systemd/system-generators/berth-generator"
ln -s /usr/lib/berth/berth-generator "$stage/usr/lib/systemd/user-generators/berth-user-generator"

# A reinstall replaces the old files completely.
"${EXEC[@]}" rm -rf -- /usr/lib/berth /usr/bin/berth \
    /usr/lib/systemd/system-generators/berth-generator \
    /usr/lib/systemd/user-generators/berth-user-generator
for g in /usr/lib/systemd/system-generators/podman-system-generator \
    /usr/lib/systemd/user-generators/podman-user-generator; do
    if "${EXEC[@]}" test -e "$g" -o -L "$g"; then
        th_log "removing podman's generator $g (berth is to be the only one)"
        "${EXEC[@]}" rm -f -- "$g"
    fi
done
tar -C "$stage" -c --owner=0 --group=0 --numeric-owner -f - usr |
    "${EXEC[@]}" tar -C / -x --no-overwrite-dir --keep-directory-symlink -f -

# --- berth.aot retrained on this host's systemd (see packaging/train-host-aot) ---------
"${EXEC[@]}" bash -s -- /usr/lib/berth /usr/bin/berth <"$REPO/packaging/train-host-aot"

# --- daemon-reload and proof that berth's generator ran -------------------------
probe=berth-install-probe
"${EXEC[@]}" mkdir -p /run/containers/systemd
printf '[Container]\nImage=localhost/busybox:latest\nExec=true\n' |
    "${EXEC[@]}" tee "/run/containers/systemd/$probe.container" >/dev/null
"${EXEC[@]}" systemctl daemon-reload
state=$("${EXEC[@]}" systemctl show -P LoadState "$probe.service")
source=$("${EXEC[@]}" systemctl show -P SourcePath "$probe.service")
banner=$("${EXEC[@]}" head -n 3 "/run/systemd/generator/$probe.service" 2>/dev/null || true)
"${EXEC[@]}" rm -f -- "/run/containers/systemd/$probe.container"
"${EXEC[@]}" systemctl daemon-reload
if [[ $state != loaded || $source != "/run/containers/systemd/$probe.container" ||
    $banner != *berth-generator* ]]; then
    "${EXEC[@]}" journalctl -b --no-pager -n 30 >&2 || true
    th_die "berth's generator did not produce $probe.service (LoadState=$state SourcePath=$source)"
fi
th_log "berth installed; the generator produced $probe.service ($((($(date +%s%N) - t0) / 1000000)) ms)"
