# sltest.py — what the Python tests of the command line share (tests/lib)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A test imports it through sys.path from its own place:
#     sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
#     from sltest import check, run, peak_of, ...
# The built program is $STUDY_LEDGER (tests/meson.build sets it); results
# are collected with check() and printed as TAP by report().

import os
import re
import subprocess
import sys

SL = os.environ.get('STUDY_LEDGER')
GENERATE = os.environ.get('SL_BENCH_GENERATE')   # the benchmark's ledger generator
results = []


def missing(generator=False):
    """Prints TAP's plan of skipping and returns True when the program (or,
    with @generator, the benchmark's generator as well) is not given."""
    if not SL or (generator and not GENERATE):
        print('1..0 # SKIP STUDY_LEDGER or SL_BENCH_GENERATE is not set' if generator
              else '1..0 # SKIP STUDY_LEDGER is not set')
        return True
    return False


def generate(tmp, seed, scale=2, name='source.db'):
    """A ledger written by the benchmark's generator at @tmp/@name."""
    path = os.path.join(tmp, name)
    subprocess.run([GENERATE, '--scale', str(scale), '--seed', str(seed), '--output', path],
                   check=True, capture_output=True)
    return path


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def check_memory(name, ok, detail=''):
    """A bound on peak memory: measured in the normal build. Under
    AddressSanitizer (the CI's second round) freed blocks wait in its
    quarantine, so the peak measures the sanitizer, not the program."""
    if os.environ.get('ASAN_OPTIONS'):
        results.append((f'{name} # SKIP peak memory is not ours under AddressSanitizer', True, detail))
    else:
        check(name, ok, detail)


def run(*args, fail=False):
    """Runs the program; returns (stdout, stderr). Bails out when it
    fails and @fail is not set, or succeeds and @fail is."""
    done = subprocess.run([SL, *args], capture_output=True, text=True)
    if (done.returncode != 0) != fail:
        raise SystemExit(f'Bail out! {" ".join(args[2:4])}: exit {done.returncode}: '
                         f'{done.stderr.strip()[-600:]}')
    return done.stdout, done.stderr


# Runs the program from a small process of its own and prints its peak
# RSS: a child's ru_maxrss starts at the size of the process it was forked
# from, and the tests hold whole archives.
PEAK_HELPER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(process.pid, 0)
sys.stderr.write(process.stderr.read().decode())
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_of(*args):
    """Runs the program and returns its peak RSS in KiB (ru_maxrss, from wait4)."""
    # meson's MALLOC_PERTURB_ fills what is freed and so keeps it in the
    # process's memory: measured without it.
    env = {k: v for k, v in os.environ.items() if k not in ('MALLOC_PERTURB_', 'MALLOC_CHECK_')}
    done = subprocess.run([sys.executable, '-c', PEAK_HELPER, SL, *args], capture_output=True,
                          text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f'Bail out! {" ".join(args[2:4])}: {done.stderr.strip()[-600:]}')
    return int(done.stdout.split()[-1])


def without_time(path):
    """The archive's bytes with the value of "exported_at" cut out."""
    with open(path, 'rb') as f:
        return re.sub(rb'"exported_at" : "[^"]*"', b'', f.read())


def fresh(tmp, name):
    """@tmp/@name, with no ledger (nor its -wal and -shm) there."""
    path = os.path.join(tmp, name)
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    return path


def report(details='failed'):
    """Prints the results as TAP, each detail as comments: of the failed
    checks only, or ('all') of every check (measurements worth seeing).
    Returns the exit status."""
    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if detail and (not ok or details == 'all'):
            for line in str(detail).splitlines():
                print(f'# {line}')
    return 0 if all(ok for _, ok, _ in results) else 1
