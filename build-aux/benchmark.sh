#!/usr/bin/env bash
# benchmark.sh — speed at one, ten and a hundred years of records, against floors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds a release build in _build-bench (meson -Dbuildtype=release), writes
# synthetic ledgers with tests/bench/sl-bench-generate (cached in
# _build-bench/data, keyed by scale, seed, the generator's source and the
# schema version), then times every measure of docs/performance.md several
# times in this one run — the application and the floor programs side by
# side — and prints one table of medians, ratios and targets, then the
# growth of each measure with the ledger's size. Start-up is timed under
# Xvfb with GSK_RENDERER=cairo, from exec to the first frame painted.
#
# The benchmark is not a test: nothing fails on a timing unless --check is
# given. Then the targets of docs/performance.md (its table under
# "### Targets", read by this script) are checked against the run, and the
# exit status is 1 when one is missed; otherwise it is non-zero only when
# something could not be built or run. Each step's peak memory is its
# process's ru_maxrss (from wait4()).

set -euo pipefail

usage ()
{
  cat <<'EOF'
Usage: build-aux/benchmark.sh [--scales "1 10 100"] [--seed N] [--runs N] [--no-build]
                              [--only WORD[,WORD...]] [--builddir DIR] [--check]

  --scales   the ledgers to measure, in years of records (default: 1 10 100)
  --seed     the generator's seed (default: 1)
  --runs     runs of each fast measure (default: 5; slow ones take max(3, runs/2))
  --no-build use _build-bench as it is
  --only     measure only what is named with WORD (xlsx, pdf, binder, member-card,
             pool, search, stats, archive, start-up), or with any of several
             words separated by commas; the floors of those measures run too
  --builddir the release build and its cached ledgers (default: _build-bench)
  --check    exit 1 when a target of docs/performance.md ("### Targets") that
             this run measured is missed (those at scales not run are skipped)
EOF
}

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=$srcdir/_build-bench
scales="1 10 100"
seed=1
runs=5
build=yes
only=
check=no

while [ $# -gt 0 ]; do
  case $1 in
    --scales)   [ $# -ge 2 ] || { usage >&2; exit 2; }; scales=$2; shift 2 ;;
    --seed)     [ $# -ge 2 ] || { usage >&2; exit 2; }; seed=$2; shift 2 ;;
    --runs)     [ $# -ge 2 ] || { usage >&2; exit 2; }; runs=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    --only)     [ $# -ge 2 ] || { usage >&2; exit 2; }; only=$2; shift 2 ;;
    --builddir) [ $# -ge 2 ] || { usage >&2; exit 2; }; builddir=$(realpath -m "$2"); shift 2 ;;
    --check)    check=yes; shift ;;
    -h|--help)  usage; exit 0 ;;
    *)          usage >&2; exit 2 ;;
  esac
done

say () { printf 'benchmark.sh: %s\n' "$*" >&2; }

for tool in meson ninja /usr/bin/python3; do
  command -v "$tool" >/dev/null || { say "$tool is missing: run build-aux/setup.sh first"; exit 1; }
done

if [ $build = yes ]; then
  if [ -f "$builddir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$builddir" "$srcdir" -Dbuildtype=release >/dev/null
  else
    meson setup "$builddir" "$srcdir" -Dbuildtype=release >/dev/null
  fi
  say "building $builddir"
  ninja -C "$builddir" >/dev/null
fi

# Ledgers are cached by what makes them: scale, seed, the generator and
# the schema (a ledger of an older schema would be migrated when first
# opened, inside a timed run).
schema=$(cat "$srcdir"/app/core/db/*.h | sed -n 's/^#define SL_SCHEMA_VERSION \([0-9]*\).*/\1/p' | head -1)
[ -n "$schema" ] || { say "SL_SCHEMA_VERSION not found in app/core/db/"; exit 1; }
generator=$(cat "$srcdir"/tests/bench/sl-bench-generate.c "$srcdir"/tests/bench/sl-bench-pool.[ch] | sha256sum | cut -c1-10)
data=$builddir/data
mkdir -p "$data"

for scale in $scales; do
  db=$data/ledger-s$scale-seed$seed-v$schema-$generator.db
  if [ ! -f "$db" ]; then
    say "generating $scale year(s) of records (seed $seed) into $db"
    rm -f "$data"/ledger-s$scale-seed$seed-*.db
    "$builddir/tests/bench/sl-bench-generate" --scale "$scale" --seed "$seed" --output "$db" >&2
  fi
done

export BENCH_BUILDDIR=$builddir BENCH_DATA=$data BENCH_SCALES=$scales BENCH_SEED=$seed
export BENCH_RUNS=$runs BENCH_ONLY=$only BENCH_SCHEMA=$schema BENCH_GENERATOR=$generator
export BENCH_CHECK=$check BENCH_TARGETS=$srcdir/docs/performance.md
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/resources
export GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 LANG=C.UTF-8
export SL_TODAY=2024-01-15

runner=(/usr/bin/python3 -)
if command -v xvfb-run >/dev/null && command -v dbus-run-session >/dev/null; then
  runner=(xvfb-run -a -s '-screen 0 1280x1024x24' dbus-run-session -- /usr/bin/python3 -)
else
  say "no xvfb-run or dbus-run-session: start-up is not measured"
  export BENCH_NO_DISPLAY=1
fi

# --check: the script's own status (1: a target missed) is the benchmark's.
set +e
"${runner[@]}" <<'PY' 2> >(grep --line-buffered -v '^dbus-daemon' >&2)
import math, os, re, shutil, statistics, subprocess, sys, tempfile, time

build = os.environ["BENCH_BUILDDIR"]
data = os.environ["BENCH_DATA"]
scales = [int(s) for s in os.environ["BENCH_SCALES"].split()]
seed = os.environ["BENCH_SEED"]
fast_runs = max(5, int(os.environ["BENCH_RUNS"]))
slow_runs = max(3, fast_runs // 2)
schema, generator = os.environ["BENCH_SCHEMA"], os.environ["BENCH_GENERATOR"]
display = "BENCH_NO_DISPLAY" not in os.environ
only = os.environ.get("BENCH_ONLY", "")

def wanted(word):
    return not only or any(w and w in word for w in only.split(","))
app = os.path.join(build, "app", "study-ledger")
bench = os.path.join(build, "tests", "bench")
year = "2023"
work = tempfile.mkdtemp(prefix="sl-bench-")

def log(*args):
    print("benchmark.sh:", *args, file=sys.stderr, flush=True)

def rusage_run(argv):
    """Runs argv and returns (seconds, peak RSS KiB, stdout) from wait4()."""
    out_file = tempfile.TemporaryFile(mode="w+")
    err_file = tempfile.TemporaryFile(mode="w+")
    started = time.monotonic()
    process = subprocess.Popen(argv, stdout=out_file, stderr=err_file)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    out_file.seek(0); err_file.seek(0)
    out, err = out_file.read(), err_file.read()
    if process.returncode != 0:
        raise SystemExit(f"benchmark.sh: {' '.join(argv)} failed ({process.returncode}): {err.strip()[-400:]}")
    return seconds, usage.ru_maxrss, out

def median(values):
    return statistics.median(values) if values else float("nan")

def measure(argv, runs, before=None):
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        seconds, peak, _ = rusage_run(argv)
        times.append(seconds)
        peaks.append(peak)
    return median(times), max(peaks)

def first_frame(argv, runs):
    """exec → first frame painted, as printed by the program (monotonic µs)."""
    times, peaks = [], []
    env = dict(os.environ, SL_BENCH_FIRST_FRAME="1")
    for _ in range(runs):
        out_file = tempfile.TemporaryFile(mode="w+")
        started = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        process = subprocess.Popen(argv, stdout=out_file, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        out_file.seek(0)
        found = re.search(r"first-frame: (\d+)", out_file.read())
        if not found:
            raise SystemExit(f"benchmark.sh: {' '.join(argv)} painted no frame (status {status})")
        times.append((int(found.group(1)) * 1000 - started) / 1e9)
        peaks.append(usage.ru_maxrss)
    return median(times), max(peaks)

# name → scale → (seconds, peak KiB); floors likewise
results, floors, extras = {}, {}, {}

def record(name, scale, value, floor=None):
    results.setdefault(name, {})[scale] = value
    if floor is not None:
        floors.setdefault(name, {})[scale] = floor

for scale in scales:
    source = os.path.join(data, f"ledger-s{scale}-seed{seed}-v{schema}-{generator}.db")
    db = os.path.join(work, f"ledger-s{scale}.db")
    shutil.copyfile(source, db)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, db + suffix)
    log(f"scale {scale}: measuring ({db})")
    slow = slow_runs if scale < 100 else 3

    xlsx, pdf = os.path.join(work, "out.xlsx"), os.path.join(work, "out.pdf")
    if wanted("xlsx"):
      record("export xlsx (one year)", scale,
             measure([app, "--database", db, "export", "meetings-ledger", "--year", year,
                      "--format", "xlsx", "--output", xlsx], fast_runs),
             measure([os.path.join(bench, "floor-xlsx"), "--database", db, "--year", year,
                      "--output", xlsx], fast_runs))
    if wanted("pdf"):
      record("export pdf (one year)", scale,
             measure([app, "--database", db, "export", "meetings-ledger", "--year", year,
                      "--format", "pdf", "--output", pdf], slow),
             measure([os.path.join(bench, "floor-pdf"), "--database", db, "--year", year,
                      "--output", pdf], slow))

    # The year's binder against the floor of its ledgers exported one by
    # one as PDF (issue 13: at most 3×, peak under 300 MiB).
    if wanted("binder"):
      binder = os.path.join(work, "binder.pdf")
      one_by_one = [measure([app, "--database", db, "export", kind, "--year", year,
                             "--format", "pdf", "--output", pdf], slow)
                    for kind in ("plan", "first-topic-ledger", "central-group-ledger",
                                 "meetings-ledger", "attendance", "measures", "annual-report")]
      record("binder pdf (one year)", scale,
             measure([app, "--database", db, "export", "inspection-package", "--year", year,
                      "--format", "pdf", "--output", binder], slow),
             (sum(t for t, _ in one_by_one), max(p for _, p in one_by_one)))
      record("binder zip (one year)", scale,
             measure([app, "--database", db, "export", "inspection-package", "--year", year,
                      "--format", "zip", "--output", os.path.join(work, "binder.zip")], slow),
             (sum(t for t, _ in one_by_one), max(p for _, p in one_by_one)))

    # The features that came after the first table (issue 16, item 3): one
    # member's year (个人学习档案) and the topic pool — the window's page,
    # in process, and its year's ledger (议题库台账) — each touches one
    # year, so each should stay flat as the ledger grows.
    if wanted("member-card"):
      import sqlite3
      with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as ledger:
          # The member who attended most of the year's meetings: the
          # fullest card.
          member = ledger.execute(
              "SELECT m.uuid FROM members m JOIN attendance a ON a.member_id = m.id "
              "JOIN meetings g ON g.id = a.meeting_id WHERE g.date LIKE ? "
              "GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1", (f"{year}-%",)).fetchone()[0]
      record("member card pdf (one year)", scale,
             measure([app, "--database", db, "export", "member-card", "--member", member,
                      "--year", year, "--format", "pdf", "--output", pdf], slow))

    if wanted("pool"):
      seconds, peak, out = rusage_run([os.path.join(bench, "sl-bench-pool-page"), "--database", db,
                                       "--year", year, "--runs", str(max(9, fast_runs))])
      fields = dict(re.findall(r"(\w+)=([^ ]+)", out))
      record("topic pool page (in-process)", scale, (float(fields["median_ms"]) / 1000, peak))
      extras[("pool", scale)] = fields
      record("topics ledger xlsx (one year)", scale,
             measure([app, "--database", db, "export", "topics", "--year", year,
                      "--format", "xlsx", "--output", xlsx], fast_runs))

    if wanted("search"):
      seconds, peak, out = rusage_run([os.path.join(bench, "sl-bench-search"), "--database", db,
                                       "--queries", "1000", "--limit", "200", "--seed", seed])
      fields = dict(re.findall(r"(\w+)=([^ ]+)", out))
      record("search p50 (in-process)", scale, (float(fields["p50_ms"]) / 1000, peak))
      record("search p99 (in-process)", scale, (float(fields["p99_ms"]) / 1000, peak))
      extras[("search", scale)] = fields

    if wanted("stats"):
      seconds, peak, out = rusage_run([os.path.join(bench, "sl-bench-stats"), "--database", db,
                                       "--year", year, "--runs", str(max(9, fast_runs))])
      fields = dict(re.findall(r"(\w+)=([^ ]+)", out))
      record("stats (in-process)", scale, (float(fields["median_ms"]) / 1000, peak))
      record("stats --json (CLI)", scale,
             measure([app, "--database", db, "stats", "--year", year, "--json"], fast_runs))

    archive = os.path.join(work, f"archive-s{scale}.json")
    if wanted("archive"):
      record("export-archive (whole ledger)", scale,
             measure([app, "--database", db, "export-archive", archive], slow))
      target = os.path.join(work, "imported.db")
      def fresh():
          for suffix in ("", "-wal", "-shm"):
              if os.path.exists(target + suffix):
                  os.unlink(target + suffix)
      record("import-archive (whole ledger)", scale,
             measure([app, "--database", target, "import-archive", archive], slow, before=fresh))
      fresh()
      os.unlink(archive)

    if display and wanted("start-up"):
        record("start-up to first frame", scale,
               first_frame([app, "--database", db], fast_runs),
               first_frame([os.path.join(bench, "floor-window")], fast_runs))
    os.unlink(db)

shutil.rmtree(work, ignore_errors=True)

# The targets, as docs/performance.md states them (its table under
# "### Targets"): measure | years | quantity | at most. Quantities: ratio
# (to the floor), ms, s, peak MiB (at that scale), k time and k peak (the
# growth exponents over the scales run; years "growth").
targets = []
with open(os.environ["BENCH_TARGETS"], encoding="utf-8") as doc:
    inside = False
    for line in doc:
        if line.startswith("### "):
            inside = line.strip() == "### Targets"
            continue
        if not inside or not line.startswith("|") or "---" in line:
            continue
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or cells[0] == "measure":
            continue
        years = None if cells[1] == "growth" else int(cells[1])
        targets.append((cells[0], years, cells[2], float(cells[3])))
if not targets:
    raise SystemExit("benchmark.sh: docs/performance.md has no table under ### Targets")

# What each measure touches: one year (flat in the ledger's size), or all.
touches_all = {"export-archive (whole ledger)", "import-archive (whole ledger)"}
reference = 10 if 10 in scales else scales[-1]

def ms(seconds):
    return f"{seconds * 1000:9.1f}" if seconds < 10 else f"{seconds:8.1f}s"

def slope(name, index):
    """Least squares of log(value) on log(years) over the scales run."""
    points = [(math.log(s), math.log(max(results[name][s][index], 1e-9)))
              for s in scales if s in results.get(name, {})]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)

def value_of(name, years, quantity):
    """The run's value of a target's quantity, or None when not measured."""
    if quantity in ("k time", "k peak"):
        return slope(name, 0 if quantity == "k time" else 1)
    value = results.get(name, {}).get(years)
    if value is None:
        return None
    seconds, peak = value
    if quantity == "ratio":
        floor = floors.get(name, {}).get(years)
        return seconds / floor[0] if floor else None
    return {"ms": seconds * 1000, "s": seconds, "peak MiB": peak / 1024}.get(quantity)

verdicts = []   # (name, years, quantity, limit, value, met)
for name, years, quantity, limit in targets:
    value = value_of(name, years, quantity)
    if value is not None:
        verdicts.append((name, years, quantity, limit, value, value <= limit))

def shown(quantity, limit):
    return {"ratio": f"≤ {limit:g}×", "ms": f"≤ {limit:g} ms", "s": f"≤ {limit:g} s",
            "peak MiB": f"≤ {limit:g} MiB"}.get(quantity, f"{quantity} ≤ {limit:g}")

print()
print(f"Study Ledger benchmark — seed {seed}, scales {', '.join(map(str, scales))} "
      f"(years of records)")
load = os.getloadavg()
print(f"machine: {os.cpu_count()} CPUs, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
      f"at the end; medians of {fast_runs} runs (slow measures {slow_runs})")
print()
header = f"{'measure':32} {'years':>5} {'median ms':>10} {'floor ms':>10} {'ratio':>6} {'peak MiB':>9}  target"
print(header)
print("-" * len(header) + "-" * 20)
for name in results:
    for scale in scales:
        if scale not in results[name]:
            continue
        seconds, peak = results[name][scale]
        floor = floors.get(name, {}).get(scale)
        ratio = seconds / floor[0] if floor else None
        verdict = "; ".join(f"{shown(q, l)} {'met' if ok else 'MISSED'}"
                            for n, y, q, l, v, ok in verdicts if n == name and y == scale)
        print(f"{name:32} {scale:5} {ms(seconds):>10} {ms(floor[0]) if floor else '':>10} "
              f"{f'{ratio:.2f}' if ratio else '':>6} {peak / 1024:9.1f}  {verdict}")

if len(scales) >= 2:
    print()
    print("Growth: exponents k of time and of peak memory ∝ (years of records)^k, least squares on log-log")
    print(f"{'measure':32} {'k time':>6} {'k peak':>6}  expected")
    for name in results:
        kt, kp = slope(name, 0), slope(name, 1)
        if kt is None:
            continue
        expected = "≤ 1 (touches every record)" if name in touches_all else "≈ 0 (touches one year)"
        if name.startswith("start-up"):
            expected = "≈ 0 (flat in total size)"
        if name.startswith("search"):
            expected = "≤ 1 (scans at most every meeting)"
        verdict = "; ".join(f"{q} ≤ {l:g} {'met' if ok else 'MISSED'}"
                            for n, y, q, l, v, ok in verdicts if n == name and y is None)
        print(f"{name:32} {kt:6.2f} {kp:6.2f}  {expected}{'  ' + verdict if verdict else ''}")

for scale in scales:
    fields = extras.get(("pool", scale))
    if fields:
        print(f"\ntopic pool at {scale} years: {fields.get('items')} items, {fields.get('shown')} "
              f"shown in {year}, first run {fields.get('first_ms')} ms", end="")
for scale in scales:
    fields = extras.get(("search", scale))
    if fields:
        print(f"\nsearch at {scale} years: {fields.get('queries')} queries of 1–4 characters, "
              f"limit {fields.get('limit')}, p90 {fields.get('p90_ms')} ms, max {fields.get('max_ms')} ms, "
              f"mean hits {fields.get('mean_hits')}; processor time per query p50 "
              f"{fields.get('p50_cpu_ms')} ms, p99 {fields.get('p99_cpu_ms', '').strip()} ms", end="")
print()

missed = [v for v in verdicts if not v[5]]
print()
print(f"Targets of docs/performance.md: {len(verdicts)} measured in this run, {len(missed)} missed"
      f"{', ' + str(len(targets) - len(verdicts)) + ' not measured (scales or measures not run)' if len(targets) > len(verdicts) else ''}")
for name, years, quantity, limit, value, _ in missed:
    print(f"  MISSED: {name} at {years if years else 'growth'}: {quantity} {value:.3g} > {limit:g}")
if os.environ.get("BENCH_CHECK") == "yes" and missed:
    sys.exit(1)
PY
exit $?
