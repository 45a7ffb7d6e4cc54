#!/bin/bash
# startup.sh — start-up to a mapped window, as the desktop file starts it, against a bare window
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/startup.sh [--builddir DIR] [--runs N] [--years N] [--seed N] [--target R]
#
# Times `study-ledger` started with no argument, as the desktop file's
# Exec line does (the ledger is then $XDG_DATA_HOME/study-ledger/ledger.db,
# here a copy of a generated ledger of ten years), against
# tests/bench/floor-window, a bare AdwApplicationWindow of the same default
# size. Both run in the same X server (Xvfb), each start in its own D-Bus
# session (dbus-run-session), in turn, and print the monotonic time of
# their first painted frame (SL_BENCH_FIRST_FRAME, sl-bench-hook.c): the
# window is mapped and drawn. The time counts from the exec of the program
# inside its session, so the D-Bus daemon's own start is left out of both.
#
# It uses the build as the README's setup.sh --run builds it (meson's
# default here, debugoptimized), not the benchmark's release build: that
# is what the secretary runs. Prints the medians of the wall time and of
# the processor time (user + system, which a loaded machine stretches
# less), their ratios, and exits 1 when the wall ratio is over the target
# (default 1.3).
#
# Needs xvfb-run and dbus-run-session. The ledger is cached in
# BUILDDIR/data, keyed by the generator and the schema like benchmark.sh's.

set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$srcdir/_build
runs=7
years=10
seed=1
target=1.3

while [ $# -gt 0 ]; do
  case $1 in
    --builddir) builddir=$2; shift 2 ;;
    --runs)     runs=$2; shift 2 ;;
    --years)    years=$2; shift 2 ;;
    --seed)     seed=$2; shift 2 ;;
    --target)   target=$2; shift 2 ;;
    -h|--help)  sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

for tool in xvfb-run dbus-run-session python3; do
  command -v "$tool" >/dev/null || { echo "startup.sh: $tool is needed" >&2; exit 2; }
done

ninja -C "$builddir" app/study-ledger tests/bench/floor-window tests/bench/sl-bench-generate >/dev/null

schema=$(sed -n 's/^#define SL_SCHEMA_VERSION \([0-9]*\).*/\1/p' "$srcdir/app/core/db/sl-migrations.h")
generator=$(sha256sum "$srcdir/tests/bench/sl-bench-generate.c" | cut -c1-10)
mkdir -p "$builddir/data"
ledger=$builddir/data/ledger-s$years-seed$seed-v$schema-$generator.db
if [ ! -f "$ledger" ]; then
  echo "startup.sh: generating $years year(s) of records into $ledger" >&2
  "$builddir/tests/bench/sl-bench-generate" --scale "$years" --seed "$seed" --output "$ledger" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export STARTUP_APP=$builddir/app/study-ledger STARTUP_FLOOR=$builddir/tests/bench/floor-window
export STARTUP_LEDGER=$ledger STARTUP_WORK=$work STARTUP_RUNS=$runs STARTUP_TARGET=$target
export STARTUP_YEARS=$years
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/resources
export GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 LANG=C.UTF-8

xvfb-run -a -s '-screen 0 1280x1024x24' python3 - <<'PY'
import os, re, shutil, statistics, subprocess, sys, tempfile

app, floor = os.environ["STARTUP_APP"], os.environ["STARTUP_FLOOR"]
ledger, work = os.environ["STARTUP_LEDGER"], os.environ["STARTUP_WORK"]
runs, target = int(os.environ["STARTUP_RUNS"]), float(os.environ["STARTUP_TARGET"])

# Inside the session: note the time, run the program, and report the
# processor time it used (user + system), which a loaded machine does not
# stretch as it stretches the wall clock.
stamp = ("import os, subprocess, sys, time\n"
         "print('exec:', time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000, flush=True)\n"
         "child = subprocess.Popen(sys.argv[1:])\n"
         "_, status, usage = os.wait4(child.pid, 0)\n"
         "print('cpu:', int((usage.ru_utime + usage.ru_stime) * 1e6), flush=True)\n")

def home():
    """A fresh data folder holding the ledger where the desktop start finds it."""
    data = tempfile.mkdtemp(dir=work)
    os.makedirs(os.path.join(data, "study-ledger"))
    shutil.copyfile(ledger, os.path.join(data, "study-ledger", "ledger.db"))
    return data

def once(argv, data=None):
    env = dict(os.environ, SL_BENCH_FIRST_FRAME="1")
    if data:
        env["XDG_DATA_HOME"] = data
    out = subprocess.run(["dbus-run-session", "--", sys.executable, "-c", stamp] + argv,
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, timeout=120).stdout
    start = re.search(r"exec: (\d+)", out)
    frame = re.search(r"first-frame: (\d+)", out)
    cpu = re.search(r"cpu: (\d+)", out)
    if not start or not frame or not cpu:
        raise SystemExit(f"startup.sh: {argv[0]} painted no frame: {out.strip()[-300:]}")
    return (int(frame.group(1)) - int(start.group(1))) / 1000.0, int(cpu.group(1)) / 1000.0

# One start of each first, untimed: the file cache warm for both.
once([floor]); once([app], home())
apps, floors = [], []
for i in range(runs):
    data = home()
    # In turn, the order alternating, so that drift falls on both.
    if i % 2:
        apps.append(once([app], data)); floors.append(once([floor]))
    else:
        floors.append(once([floor])); apps.append(once([app], data))
    shutil.rmtree(data, ignore_errors=True)

def med(runs, i):
    return statistics.median(r[i] for r in runs)

a, f = med(apps, 0), med(floors, 0)
ratio = a / f
cpu_ratio = med(apps, 1) / med(floors, 1)
print(f"start-up to a mapped window ({os.environ['STARTUP_YEARS']} years, medians of {runs}):")
print(f"  study-ledger (as the desktop file starts it)  {a:8.1f} ms, processor {med(apps, 1):7.1f} ms"
      f"   runs: {' '.join(f'{t:.0f}' for t, _ in apps)}")
print(f"  bare AdwApplicationWindow                     {f:8.1f} ms, processor {med(floors, 1):7.1f} ms"
      f"   runs: {' '.join(f'{t:.0f}' for t, _ in floors)}")
print(f"  ratio {ratio:.2f} (processor time {cpu_ratio:.2f}), target ≤ {target}: "
      f"{'met' if ratio <= target else 'NOT MET'}")
print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors")
sys.exit(0 if ratio <= target else 1)
PY
