#!/usr/bin/env bash
# fuzz.sh — build the libFuzzer targets with clang and run each for a while
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configures a separate build directory (default _build-fuzz) with clang,
# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage
# instrumentation, builds only the core library there, links each target
# of tests/fuzz/ against it, and runs each one for the given time. The
# seeds in tests/fuzz/corpus-TARGET/ are read, never written: what the
# fuzzer learns goes to BUILDDIR/corpus/TARGET/, crashes to
# BUILDDIR/artifacts/. A crash is a finding: minimise it, copy it to
# tests/fuzz/regressions/TARGET-WHAT-IT-FOUND, and test-fuzz-regressions
# replays it on every CI run from then on.
#
# Needs clang and libclang-rt-14-dev (build-aux/setup.sh installs both).

set -euo pipefail

usage ()
{
  cat <<'EOF'
Usage: build-aux/fuzz.sh [--time SECONDS] [--builddir DIR] [--build-only] [TARGET...]

Builds the fuzz targets (roster, archive, search, json: all by default) with
-fsanitize=fuzzer,address,undefined and runs each for SECONDS (default 60).
Extra libFuzzer options can be given in FUZZ_ARGS, e.g.
  FUZZ_ARGS='-jobs=2 -workers=2' build-aux/fuzz.sh --time 600 archive
Exits non-zero when a target crashed; the input is in DIR/artifacts/.
EOF
}

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=$srcdir/_build-fuzz
seconds=60
build_only=no
targets=()

while [ $# -gt 0 ]; do
  case $1 in
    --time)       [ $# -ge 2 ] || { usage >&2; exit 2; }
                  seconds=$2; shift 2 ;;
    --builddir)   [ $# -ge 2 ] || { usage >&2; exit 2; }
                  builddir=$2; shift 2 ;;
    --build-only) build_only=yes; shift ;;
    -h|--help)    usage; exit 0 ;;
    roster|archive|search|json) targets+=("$1"); shift ;;
    *)            usage >&2; exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(roster archive search json)
case $builddir in
  /*) ;;
  *)  builddir=$PWD/$builddir ;;
esac

say () { printf 'fuzz.sh: %s\n' "$*" >&2; }

if ! command -v clang >/dev/null; then
  say "clang is missing: run build-aux/setup.sh (or apt-get install clang libclang-rt-14-dev)"
  exit 1
fi

sanitize=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g)

# The library: instrumented for coverage, sanitized, built by meson so that
# it is the same code as the normal build's (generated enums, config.h).
if [ ! -f "$builddir/meson-private/coredata.dat" ]; then
  CC=clang meson setup "$builddir" "$srcdir" \
    --buildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer"
fi
ninja -C "$builddir" app/libstudyledger.a

packages=(glib-2.0 gobject-2.0 gio-2.0 sqlite3 json-glib-1.0 xlsxwriter cairo cairo-pdf
          pango pangocairo fontconfig)
read -r -a cflags <<<"$(pkg-config --cflags "${packages[@]}")"
read -r -a libs <<<"$(pkg-config --libs "${packages[@]}")"

mkdir -p "$builddir/fuzz" "$builddir/artifacts"
for target in "${targets[@]}"; do
  say "building fuzz-$target"
  clang -std=gnu11 -DSL_LIBFUZZER -fsanitize=fuzzer "${sanitize[@]}" -O1 \
    -I"$builddir" -I"$builddir/app" $(printf -- '-I%s ' "$srcdir"/app/core "$srcdir"/app/core/*/) -I"$srcdir/tests/fuzz" \
    "${cflags[@]}" \
    -o "$builddir/fuzz/fuzz-$target" "$srcdir/tests/fuzz/fuzz-$target.c" \
    "$builddir/app/libstudyledger.a" "${libs[@]}" -lm
done

[ $build_only = yes ] && exit 0

# Criticals are findings too; GLib's slice allocator would hide overflows.
export G_DEBUG=fatal-criticals
export G_SLICE=always-malloc
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$srcdir/tests/lsan.supp:print_suppressions=0}

failed=()
for target in "${targets[@]}"; do
  corpus=$builddir/corpus/$target
  mkdir -p "$corpus"
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048
           -artifact_prefix="$builddir/artifacts/$target-" -print_final_stats=1)
  case $target in
    archive) options+=(-max_len=16384 -dict="$srcdir/tests/fuzz/archive.dict") ;;
    roster)  options+=(-max_len=4096 -dict="$srcdir/tests/fuzz/roster.dict") ;;
    search)  options+=(-max_len=256) ;;
    json)    options+=(-max_len=4096) ;;
  esac
  say "running fuzz-$target for $seconds s"
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of options
  if ! "$builddir/fuzz/fuzz-$target" "${options[@]}" ${FUZZ_ARGS:-} \
       "$corpus" "$srcdir/tests/fuzz/corpus-$target"; then
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  say "crashed: ${failed[*]}; the inputs are in $builddir/artifacts/"
  say "copy each to tests/fuzz/regressions/TARGET-WHAT-IT-FOUND and fix the bug"
  exit 1
fi
say "no crash in ${targets[*]} (${seconds} s each)"
