#!/bin/bash
# Kill the test host (kill.sh) and remove its run directory, including the
# writable rootfs copy. The cached rootfs is not touched.
#
#   packaging/testhost/destroy.sh              (BERTH_TESTHOST_RUN selects the host)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

th_need_root
[[ -d $RUN ]] || { th_log "nothing to destroy at $RUN"; exit 0; }
[[ $RUN == /*/* && ( -f $RUN/rootfs.src || -d $RUN/root || -f $RUN/boot.log ) ]] ||
    th_die "$RUN does not look like a test host run directory; not removing it"
"$HERE/kill.sh"
if th_mounted "$RUN"; then
    th_die "something still has $RUN mounted; not removing it"
fi
rm -rf --one-file-system -- "$RUN"
th_log "removed $RUN"
