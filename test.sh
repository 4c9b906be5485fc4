#!/usr/bin/env bash
# berth's whole test suite, the command the README names and .ci/run calls.
#   level 1: unit tests, and the corpus checked against recorded Quadlet 5.4.2 output (no root needed)
#   level 2: the differential suite: the same corpus through the live reference Quadlets 5.4.2 (berth's target
#            5.4) and 5.8.6 (berth's default target) in the test-host root filesystem, and through berth (needs
#            root for chroot; builds the rootfs if missing)
#   level 3: the end-to-end suite: the test host booted (systemd 257 as PID 1 of fresh namespaces, see
#            packaging/testhost/README.md), berth installed as its only generator, and the units berth generates
#            started, killed, restarted and rebooted under that systemd (needs root)
# Pass --level1 to run only level 1, --level3 to run only level 3.
set -euo pipefail
cd "$(dirname "$0")"

export JAVA_HOME=${JAVA_HOME_BERTH:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [[ ! -x $JAVA_HOME/bin/java ]]; then
  echo "test.sh: no JDK at $JAVA_HOME (berth builds with JDK 25 and --release 21)" >&2
  exit 1
fi
export PATH=$JAVA_HOME/bin:$PATH

level=${1:-all}

if [[ $level != --level3 ]]; then
  echo "== level 1: unit tests"
  mvn -B -ntp verify
fi

if [[ $level == --level1 ]]; then
  exit 0
fi

rootfs=$(bash packaging/testhost/rootfs.sh | tail -n 1)
if [[ ! -x $rootfs/usr/libexec/podman/quadlet || ! -x $rootfs/usr/libexec/podman-latest/quadlet ]]; then
  echo "test.sh: the test-host rootfs at '$rootfs' lacks a reference Quadlet (5.4.2 or 5.8.6)" >&2
  exit 1
fi

if [[ $level != --level3 ]]; then
  echo "== level 2: differential tests against the reference Quadlets 5.4.2 (target 5.4) and 5.8.6 (default target)"
  mvn -B -ntp -Pdifferential -pl unit-generator -am test -Dberth.testhost.rootfs="$rootfs"
fi

echo "== level 3: end-to-end tests in the booted test host"
# A run directory of this invocation's own, so the trap can only ever destroy the test host this run booted
# (the suite destroys it itself; the trap covers a failure or an interrupt on the way).
e2e_run=/var/tmp/berth-testhost/e2e-$$
destroy_e2e() {
  if [[ -d $e2e_run ]]; then
    BERTH_TESTHOST_RUN=$e2e_run bash packaging/testhost/destroy.sh || true
  fi
  rm -f -- "$e2e_run.lock"
}
trap destroy_e2e EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# boot.sh, waiting (up to 30 min) while another engineer's test host is running; prints the init PID.
boot_e2e() {
  local deadline=$((SECONDS + 1800)) out
  while :; do
    if out=$(BERTH_TESTHOST_RUN=$e2e_run bash packaging/testhost/boot.sh "$rootfs" 2>&1); then
      tail -n 1 <<<"$out"
      return 0
    fi
    if [[ $out != *"another test host is running"* ]] || ((SECONDS >= deadline)); then
      printf '%s\n' "$out" >&2
      return 1
    fi
    echo "test.sh: another test host is running; retrying in 15 s" >&2
    sleep 15
  done
}

echo "-- the systemd-bridge contract against the test host's systemd (from the host, over /proc/PID/root)"
init_pid=$(boot_e2e)
mvn -B -ntp -Pe2e -pl systemd-bridge -am verify -Dit.test=RealSystemdIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dberth.testhost.bus="unix:path=/proc/$init_pid/root/run/dbus/system_bus_socket" \
  -Dberth.testhost.unitdir="/proc/$init_pid/root/etc/systemd/system"
BERTH_TESTHOST_RUN=$e2e_run bash packaging/testhost/destroy.sh

echo "-- the distribution (DebPackageE2ETest installs its .deb on a test host without a JDK)"
mvn -B -ntp -q -Pdist -pl packaging -am package -DskipTests -Dberth.aot.skip=true

echo "-- berth's generated units under the test host's systemd"
mvn -B -ntp -Pe2e -pl cli -am verify -Dberth.testhost.rootfs="$rootfs" -Dberth.testhost.run="$e2e_run"

echo "-- berth sandbox from the checkout (a test host of its own, so after the suite's)"
mvn -B -ntp -Pe2e -pl cli -am verify -Dberth.e2e.groups=sandbox -Dberth.testhost.rootfs="$rootfs"
