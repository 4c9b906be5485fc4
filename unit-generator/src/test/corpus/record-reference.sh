#!/bin/bash
# Record the reference Quadlet output for corpus cases: podman 5.4.2 into
# reference.*, or with --latest podman 5.8.6 into reference-5.8.* (and the
# verdict into reference-5.8=).
#
#   unit-generator/src/test/corpus/record-reference.sh [--latest] [CASE...]
#
# CASE is a case directory name (e.g. 001-container-minimal) or a path to one;
# without arguments every case in this directory is recorded.
#
# For each case:
#   1. units/ is copied (cp -a, symlinks kept) to /var/tmp/berth-corpus/<case>,
#      replacing whatever was there. That absolute path is part of the golden
#      output (SourcePath=, resolved relative paths), so berth must be run on
#      the same path.
#   2. packaging/testhost/quadlet-reference.sh [--user] /var/tmp/berth-corpus/<case>
#      runs Quadlet 5.4.2 -dryrun on it (--user when case.properties says mode=user).
#   3. reference.stdout, reference.stderr and reference.exit are written next
#      to case.properties; in reference.stderr the varying pid of the
#      "quadlet-generator[1234]:" log prefix is replaced by "quadlet-generator[PID]:".
#      Go panic traces (if any) get their goroutine ids and hex addresses masked.
#   4. The reference= line of case.properties is set to
#        accepts  exit 0
#        partial  non-zero exit, at least one unit printed on stdout
#        rejects  non-zero exit, no unit printed
#
# Needs root (the reference runs in a chroot). ROOTFS=/path skips rootfs.sh.
set -euo pipefail

CORPUS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$CORPUS/../../../.." && pwd -P)
TESTHOST=$REPO/packaging/testhost
RUNDIR=/var/tmp/berth-corpus

die() { printf 'record-reference.sh: %s\n' "$*" >&2; exit 2; }

[[ -x $TESTHOST/quadlet-reference.sh || -f $TESTHOST/quadlet-reference.sh ]] ||
    die "missing $TESTHOST/quadlet-reference.sh"
[[ $(id -u) == 0 ]] || die "must run as root"

if [[ -z ${ROOTFS:-} ]]; then
    ROOTFS=$(bash "$TESTHOST/rootfs.sh" | tail -n 1) || die "rootfs.sh failed"
fi
export ROOTFS

prefix=reference
refargs=()
if [[ ${1:-} == --latest ]]; then
    prefix=reference-5.8
    refargs=(--latest)
    shift
fi

cases=()
if (($#)); then
    for c in "$@"; do
        c=${c%/}
        cases+=("$(basename -- "$c")")
    done
else
    for d in "$CORPUS"/[0-9][0-9][0-9]-*/; do
        d=${d%/}
        cases+=("$(basename -- "$d")")
    done
fi

mkdir -p "$RUNDIR"
declare -A count=([accepts]=0 [partial]=0 [rejects]=0)

for c in "${cases[@]}"; do
    cdir=$CORPUS/$c
    props=$cdir/case.properties
    [[ -d $cdir/units && -f $props ]] || die "not a case: $c (needs units/ and case.properties)"

    mode=$(sed -n 's/^mode=//p' "$props" | tail -n 1)
    args=("${refargs[@]}")
    case "$mode" in
    user) args+=(--user) ;;
    system | "") ;;
    *) die "$c: unknown mode '$mode'" ;;
    esac

    target=$RUNDIR/$c
    rm -rf -- "$target"
    cp -a -- "$cdir/units" "$target"

    rc=0
    bash "$TESTHOST/quadlet-reference.sh" "${args[@]}" "$target" \
        >"$cdir/$prefix.stdout" 2>"$cdir/$prefix.stderr.raw" || rc=$?
    if ((rc == 125)); then
        cat "$cdir/$prefix.stderr.raw" >&2
        rm -f "$cdir/$prefix.stderr.raw"
        die "$c: quadlet-reference.sh could not run the reference"
    fi

    # Stable goldens: mask the pid in log prefixes, and the run-dependent
    # parts of Go panic traces (goroutine ids, pointers, pc offsets).
    sedargs=(-e 's/quadlet-generator\[[0-9]+\]/quadlet-generator[PID]/g')
    if grep -q '^goroutine [0-9]' "$cdir/$prefix.stderr.raw"; then
        sedargs+=(-e 's/^goroutine [0-9]+ /goroutine N /' -e 's/0x[0-9a-f]+/0xX/g')
    fi
    sed -E "${sedargs[@]}" "$cdir/$prefix.stderr.raw" >"$cdir/$prefix.stderr"
    rm -f "$cdir/$prefix.stderr.raw"
    printf '%s\n' "$rc" >"$cdir/$prefix.exit"

    if ((rc == 0)); then
        verdict=accepts
    elif grep -q '^---.*---$' "$cdir/$prefix.stdout"; then
        verdict=partial
    else
        verdict=rejects
    fi
    count[$verdict]=$((count[$verdict] + 1))

    # Rewrite case.properties with the new reference= (or reference-5.8=) line, the verdicts kept last.
    grep -v "^$prefix=" "$props" >"$props.tmp" || true
    printf '%s=%s\n' "$prefix" "$verdict" >>"$props.tmp"
    mv -- "$props.tmp" "$props"

    printf '%-55s exit=%d %s\n' "$c" "$rc" "$verdict"
done

printf 'recorded %d case(s): accepts=%d partial=%d rejects=%d\n' \
    "${#cases[@]}" "${count[accepts]}" "${count[partial]}" "${count[rejects]}"
