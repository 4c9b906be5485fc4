#!/bin/bash
# Writes one .container file with N labels (in reverse name order, the worst order for sorting by insertion) and the
# good file beside it that every set has, into DIR: the many-labels case of issue 7 (Environment=, Label= and
# Annotation= used to be sorted by insertion, which was quadratic: 100,000 labels took over a minute).
#
#   bench/generator/gen-labels.sh N DIR
set -euo pipefail

n=${1:?usage: gen-labels.sh N DIR}
dir=${2:?usage: gen-labels.sh N DIR}
mkdir -p -- "$dir"
printf '[Container]\nImage=localhost/bench/app:1\n' >"$dir/good.container"
{
    printf '[Container]\nImage=localhost/bench/labels:1\n'
    for ((i = n; i > 0; i--)); do
        printf 'Label=label-%d=value-%d\n' "$i" "$i"
    done
} >"$dir/labels.container"
