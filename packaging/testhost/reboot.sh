#!/bin/bash
# "Reboot" the test host: kill.sh (SIGKILL to init), then boot.sh again on the
# same writable copy, so state on its disk survives, as after a power cut.
#
#   packaging/testhost/reboot.sh               (BERTH_TESTHOST_RUN selects the host)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

[[ -f $RUN/rootfs.src && -d $RUN/root ]] || th_die "no booted-before test host in $RUN"
"$HERE/kill.sh"
exec "$HERE/boot.sh" "$(cat "$RUN/rootfs.src")"
