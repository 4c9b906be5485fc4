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
# Keep the machine's test-host slot from the kill to the end of the boot (see SLOT_LOCK in lib.sh); boot.sh
# inherits the lock (fd 8) and, told by BERTH_TESTHOST_REBOOTING that it is this reboot's, does not take it again.
mkdir -p "$TESTHOST_BASE"
exec 8>"$SLOT_LOCK"
flock -w 120 8 || th_die "another test host is booting (cannot take $SLOT_LOCK)"
"$HERE/kill.sh"
BERTH_TESTHOST_REBOOTING=$RUN exec "$HERE/boot.sh" "$(cat "$RUN/rootfs.src")"
