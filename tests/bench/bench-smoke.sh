#!/usr/bin/env bash
# bench-smoke.sh — the benchmark's programs run and print sane output
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates a one-year ledger, then runs each driver and floor once on it
# and checks what they print: counts of the right size, files that exist.
# No timing is checked: the benchmark (build-aux/benchmark.sh) is not a
# test. Arguments: the build's tests/bench folder and study-ledger.

set -euo pipefail

bench=$1
app=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail () { echo "bench-smoke: $*" >&2; exit 1; }
number () { sed -n "s/.*[ :]$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

out=$("$bench/sl-bench-generate" --scale 1 --seed 7 --output "$work/ledger.db")
echo "$out"
meetings=$(number meetings "$out")
attendance=$(number attendance "$out")
[ "${meetings:-0}" -ge 400 ] && [ "${meetings:-0}" -le 600 ] || fail "meetings=$meetings, not about 500"
[ "${attendance:-0}" -ge 12000 ] && [ "${attendance:-0}" -le 18000 ] || fail "attendance=$attendance, not about 15000"

# The same seed gives the same ledger.
again=$("$bench/sl-bench-generate" --scale 1 --seed 7 --output "$work/again.db")
[ "$(number meetings "$again")" = "$meetings" ] || fail "the seed does not give the same ledger"

out=$("$bench/sl-bench-search" --database "$work/ledger.db" --queries 50)
echo "$out"
[ "$(number queries "$out")" = 50 ] || fail "sl-bench-search ran $(number queries "$out") queries, not 50"
[ -n "$(number p99_ms "$out")" ] || fail "sl-bench-search printed no p99"

out=$("$bench/sl-bench-stats" --database "$work/ledger.db" --year 2023 --runs 2)
echo "$out"
[ "$(number members "$out")" -ge 300 ] || fail "sl-bench-stats counted $(number members "$out") members"

out=$("$bench/sl-bench-pool-page" --database "$work/ledger.db" --year 2023 --runs 2)
echo "$out"
[ "$(number items "$out")" -ge 20 ] || fail "sl-bench-pool-page read $(number items "$out") pool items"
[ "$(number shown "$out")" -ge 20 ] || fail "sl-bench-pool-page showed $(number shown "$out") items"

out=$("$bench/floor-xlsx" --database "$work/ledger.db" --year 2023 --output "$work/floor.xlsx")
echo "$out"
[ "$(number rows "$out")" = "$meetings" ] || fail "floor-xlsx wrote $(number rows "$out") rows"
[ -s "$work/floor.xlsx" ] || fail "floor-xlsx wrote no file"

out=$("$bench/floor-pdf" --database "$work/ledger.db" --year 2023 --output "$work/floor.pdf")
echo "$out"
[ "$(number pages "$out")" -ge 10 ] || fail "floor-pdf drew $(number pages "$out") pages"
[ -s "$work/floor.pdf" ] || fail "floor-pdf wrote no file"

# The start-up probe, where a display is at hand (the suite runs under Xvfb).
if [ -n "${DISPLAY:-}" ]; then
  for program in "$bench/floor-window" "$app --database $work/ledger.db"; do
    # A bus of its own: a window of another test must not take the
    # application's name and receive this one's activation instead.
    isolate=()
    command -v dbus-run-session >/dev/null && isolate=(dbus-run-session --)
    out=$(SL_BENCH_FIRST_FRAME=1 GSK_RENDERER=cairo GTK_A11Y=none timeout 60 \
          "${isolate[@]}" $program 2>/dev/null || true)
    echo "$program: $out"
    grep -q '^first-frame: [0-9]\+$' <<<"$out" || fail "$program printed no first frame"
  done
else
  echo "no display: the first-frame probes are not run"
fi

echo "bench-smoke: all ran"
