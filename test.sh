#!/usr/bin/env bash
# berth's whole test suite, the command the README names and .ci/run calls.
#   level 1: unit tests, and the corpus checked against recorded Quadlet 5.4.2 output (no root needed)
#   level 2: the differential suite: the same corpus through the live reference Quadlet 5.4.2 in the
#            test-host root filesystem, and through berth (needs root for chroot; builds the rootfs if missing)
# Pass --level1 to run only level 1.
set -euo pipefail
cd "$(dirname "$0")"

export JAVA_HOME=${JAVA_HOME_BERTH:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [[ ! -x $JAVA_HOME/bin/java ]]; then
  echo "test.sh: no JDK at $JAVA_HOME (berth builds with JDK 25 and --release 21)" >&2
  exit 1
fi
export PATH=$JAVA_HOME/bin:$PATH

echo "== level 1: unit tests"
mvn -B -ntp verify

if [[ ${1:-} == --level1 ]]; then
  exit 0
fi

echo "== level 2: differential tests against the reference Quadlet 5.4.2"
rootfs=$(bash packaging/testhost/rootfs.sh | tail -n 1)
if [[ ! -x $rootfs/usr/libexec/podman/quadlet ]]; then
  echo "test.sh: the test-host rootfs at '$rootfs' has no reference Quadlet" >&2
  exit 1
fi
mvn -B -ntp -Pdifferential -pl unit-generator -am test -Dberth.testhost.rootfs="$rootfs"
