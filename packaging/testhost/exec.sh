#!/bin/bash
# Run a command inside the booted test host (all its namespaces, its root).
#
#   packaging/testhost/exec.sh CMD [ARG...]    (no CMD: /bin/bash)
#
# The command gets a clean environment: PATH, HOME=/root, LANG=C.UTF-8, TERM.
# Pass more with `exec.sh env VAR=value CMD...`. stdin/stdout/stderr and the
# exit status are the command's own. BERTH_TESTHOST_RUN selects the host.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

pid=$(th_init_pid)
(($#)) || set -- /bin/bash
exec nsenter -t "$pid" -a /usr/bin/env -i PATH="$INNER_PATH" HOME=/root \
    LANG=C.UTF-8 TERM="${TERM:-dumb}" "$@"
