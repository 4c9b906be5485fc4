#!/bin/bash
# Regenerates spec-model's table of systemd directives (what `berth check` knows of [Unit], [Service] and
# [Install]) from the systemd of the test-host rootfs. systemd only prints its configuration items and exits:
# nothing is booted (see /work/shared/testhost/FACTS.md for why systemd must never boot on the host's root).
#   usage: packaging/testhost/systemd-directives.sh ROOTFS
set -euo pipefail
rootfs="${1:?usage: $0 ROOTFS}"
out="$(dirname -- "$0")/../../spec-model/src/main/resources/dev/berth/spec/systemd/directives-257.txt"
version="$(chroot "$rootfs" /usr/lib/systemd/systemd --version | head -n 1)"
{
    echo "# The directives systemd 257 reads in [Unit], [Service] and [Install], one 'Section Key VALUEKIND' a line."
    echo "# Produced by 'systemd --dump-configuration-items' of systemd 257 (Debian 13, the test-host rootfs):"
    echo "# the value kinds are systemd's own labels. Regenerate with packaging/testhost/systemd-directives.sh."
    timeout 10 unshare --mount chroot "$rootfs" /usr/lib/systemd/systemd --dump-configuration-items \
        | awk '/^\[/{s=substr($0,2,length($0)-2)} /=/{ if (s=="Unit"||s=="Service"||s=="Install") {i=index($0,"="); print s, substr($0,1,i-1), substr($0,i+1)}}'
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($version)"
