#!/usr/bin/env bash
# asan.sh — build and run the whole test suite under ASan and UBSan
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configures a second build directory (default _build-asan) with
#   meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false
# builds it, and runs every test under Xvfb and a private D-Bus session, in
# two rounds:
#   1. the core and reliability suites with LeakSanitizer on: the core must
#      not leak (tests/lsan.supp names the third-party caches that are
#      allowed to stay, nothing of ours);
#   2. everything else (widget tests, data checks) with leak detection off:
#      GTK, fontconfig and Mesa keep caches for the life of the process.
# Any sanitizer report fails the test that caused it (halt_on_error). The
# results are in BUILDDIR/meson-logs/asan-core.json and asan-other.json,
# which .ci/run adds to the normal run's. Run build-aux/setup.sh first on a
# fresh machine: it installs what the build needs.

set -uo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${1:-$srcdir/_build-asan}
case $builddir in
  /*) ;;
  *)  builddir=$PWD/$builddir ;;
esac

say () { printf 'asan.sh: %s\n' "$*" >&2; }

options=(-Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug)
if [ -f "$builddir/meson-private/coredata.dat" ]; then
  meson setup --reconfigure "$builddir" "$srcdir" "${options[@]}" >/dev/null || exit 1
else
  meson setup "$builddir" "$srcdir" "${options[@]}" >/dev/null || exit 1
fi
ninja -C "$builddir" || exit 1

rm -f "$builddir/meson-logs/asan-core.json" "$builddir/meson-logs/asan-other.json"

export GSK_RENDERER=cairo
export GSETTINGS_SCHEMA_DIR=$builddir/resources
# GLib 2.74's slice allocator would hide overflows and leaks from ASan.
export G_SLICE=always-malloc
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$srcdir/tests/lsan.supp:print_suppressions=0
asan_common=abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=0:strict_string_checks=1
export ASAN_CORE_OPTIONS=$asan_common:detect_leaks=1
export ASAN_OTHER_OPTIONS=$asan_common:detect_leaks=0
export ASAN_BUILDDIR=$builddir
# The core needs no GIO module; scanning the system's (dconf, gvfs) makes
# GIO create module objects it never frees, which LeakSanitizer reports
# and which the frame-pointer stacks cannot tell from ours.
export ASAN_NO_GIO_MODULES=$builddir/no-gio-modules
mkdir -p "$ASAN_NO_GIO_MODULES"

say "running the tests of $builddir"
# shellcheck disable=SC2016 # expanded by the inner shell
xvfb-run -a -s '-screen 0 1280x1024x24' dbus-run-session -- bash -c '
  status=0
  ASAN_OPTIONS=$ASAN_CORE_OPTIONS GIO_MODULE_DIR=$ASAN_NO_GIO_MODULES \
    meson test -C "$ASAN_BUILDDIR" --no-rebuild --timeout-multiplier 3 \
    --print-errorlogs --logbase asan-core --suite core --suite reliability || status=1
  ASAN_OPTIONS=$ASAN_OTHER_OPTIONS meson test -C "$ASAN_BUILDDIR" --no-rebuild --timeout-multiplier 3 \
    --print-errorlogs --logbase asan-other --no-suite core --no-suite reliability || status=1
  exit $status
' </dev/null
