#!/usr/bin/python3
# test-archive-export-errors.py — export-archive's threads when things fail
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# export-archive reads the ledger on one thread, generates and writes the
# meetings' elements on a second (the printer) and checks the ledger on a
# third (sl-archive-stream.c). Through the real program (STUDY_LEDGER) on a
# ledger written by the benchmark's generator (SL_BENCH_GENERATE):
#  - the file system fills up halfway through the meetings (a file-size
#    limit, RLIMIT_FSIZE, set in the child: write() then fails with EFBIG
#    as on a full disk; no root, no tmpfs needed): the printer's failed
#    write is reported in one line, the status is 1, and neither the
#    archive nor its temporary file is left;
#    and the rest of the ledger is not read: the meetings are read a year
#    at a time by a few statements (sl-archive-rows.c), and with the disk
#    full a quarter of the way through them, the later years' statements
#    never run (counted with SL_SQL_PROFILE: not a matter of time);
#  - the same when a meeting with an attachment (written by the reading
#    thread, after the printer) comes after the point where writing failed;
#  - a ledger damaged so that the export's own reading fails (a leaf page
#    of the meetings table zeroed) as well as the check: the check's
#    message wins, one line naming restore;
#  - the export stopped by SIGTERM or SIGINT halfway leaves no temporary
#    file behind.
# Prints TAP.

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from sltest import SL, check, generate, missing, report, results  # noqa: E402


def environment():
    """The messages in English whatever the machine's locale."""
    env = dict(os.environ)
    env.pop('LANGUAGE', None)
    env['LC_ALL'] = 'C.UTF-8'
    return env


def run(*args, limit=None, profile=False):
    """Runs the program, with a file-size limit of @limit bytes if given,
    printing each SQL statement it runs with @profile (SL_SQL_PROFILE);
    returns the CompletedProcess."""
    def below_limit():
        # An ignored signal stays ignored across exec(): the write fails
        # with EFBIG instead of the process being killed (the program
        # ignores SIGXFSZ itself too).
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = environment()
    if profile:
        env['SL_SQL_PROFILE'] = '1'
    return subprocess.run([SL, *args], capture_output=True, text=True, env=env,
                          preexec_fn=below_limit if limit else None)


def leftovers(folder, name):
    """The archive and any temporary file of it (.NAME.XXXXXX) in @folder."""
    return sorted(n for n in os.listdir(folder) if n == name or n.startswith('.' + name))


def one_line(text):
    return text.count('\n') == 1 and text.endswith('\n')


def limit_halfway(archive, fraction=0.5):
    """A size halfway (or @fraction of the way) between the start of the
    meetings and the end of @archive: the limit is met while the meetings
    are written."""
    with open(archive, 'rb') as f:
        data = f.read()
    start = data.index(b'"meetings" : [')
    return start + int((len(data) - start) * fraction), len(data)


def years_read(done):
    """How many years of meetings the export began to read: one statement
    of the meetings themselves a year."""
    return sum(1 for line in done.stderr.splitlines()
               if line.startswith('sql-profile:') and 'SELECT m.id, m.uuid, o.uuid, m.kind' in line)


def test_disk_full(tmp, source):
    full = os.path.join(tmp, 'full.json')
    run('--database', source, 'export-archive', full)
    limit, size = limit_halfway(full)
    out = os.path.join(tmp, 'out')
    os.mkdir(out)
    archive = os.path.join(out, 'archive.json')

    done = run('--database', source, 'export-archive', archive, limit=limit)
    check('disk full halfway through the meetings: status 1', done.returncode == 1,
          f'status {done.returncode}, limit {limit} of {size}')
    check('disk full: one line that says the archive cannot be written',
          one_line(done.stderr) and 'Cannot write the archive' in done.stderr
          and 'archive.json' in done.stderr, repr(done.stderr))
    check('disk full: nothing printed as exported', done.stdout == '', repr(done.stdout))
    check('disk full: no archive and no temporary file left', leftovers(out, 'archive.json') == [],
          repr(os.listdir(out)))

    # Once a write has failed the rest of the ledger is not
    # read: counted in the years whose statements ran, not in time. The
    # disk is full a quarter of the way through the meetings, in the
    # first of the ledger's years.
    whole = years_read(run('--database', source, 'export-archive',
                           os.path.join(out, 'profiled.json'), profile=True))
    early, _ = limit_halfway(full, 0.25)
    failed = run('--database', source, 'export-archive', archive, limit=early, profile=True)
    check('disk full: the meetings after the failure are not read',
          failed.returncode == 1 and whole >= 2 and 0 < years_read(failed) < whole,
          f'{years_read(failed)} years read of {whole}')
    os.unlink(os.path.join(out, 'profiled.json'))
    check('disk full, profiled: no archive and no temporary file left',
          leftovers(out, 'archive.json') == [], repr(os.listdir(out)))
    return full


def test_disk_full_attachment(tmp, source, full):
    """The last meeting gets an attachment: the reading thread writes it
    after the printer has met the full disk."""
    with open(full, encoding='utf-8') as f:
        last = json.load(f)['meetings'][-1]['id']
    ledger = os.path.join(tmp, 'attached.db')
    shutil.copy(source, ledger)
    scan = os.path.join(tmp, 'scan.pdf')
    with open(scan, 'wb') as f:
        f.write(b'%PDF-1.4\n' + os.urandom(600 * 1024))
    done = run('--database', ledger, 'attach', '--meeting', last, '--kind', 'signed_sheet', scan)
    if done.returncode != 0:
        raise SystemExit(f'Bail out! attach: {done.stderr.strip()}')

    limit, size = limit_halfway(full)
    out = os.path.join(tmp, 'out-attached')
    os.mkdir(out)
    archive = os.path.join(out, 'archive.json')
    done = run('--database', ledger, 'export-archive', archive, limit=limit)
    check('disk full before a meeting with an attachment: status 1', done.returncode == 1,
          f'status {done.returncode}')
    check('disk full before an attachment: one line that says the archive cannot be written',
          one_line(done.stderr) and 'Cannot write the archive' in done.stderr, repr(done.stderr))
    check('disk full before an attachment: no archive and no temporary file left',
          leftovers(out, 'archive.json') == [], repr(os.listdir(out)))

    # The same ledger without a limit: the attachment is written whole.
    whole = os.path.join(out, 'whole.json')
    done = run('--database', ledger, 'export-archive', whole)
    check('without the limit the ledger with the attachment is exported',
          done.returncode == 0 and os.path.getsize(whole) > size + 600 * 1024,
          done.stderr.strip())


def zero_a_meetings_page(path):
    """Overwrites a leaf page in the middle of the meetings table with
    zeros (the ledger checkpointed first: the file alone holds it)."""
    db = sqlite3.connect(path)
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    page_size = db.execute('PRAGMA page_size').fetchone()[0]
    pages = [row[0] for row in db.execute(
        "SELECT pageno FROM dbstat WHERE name = 'meetings' AND pagetype = 'leaf' "
        "ORDER BY pageno")]
    db.close()
    page = pages[len(pages) // 2]
    with open(path, 'r+b') as f:
        f.seek((page - 1) * page_size)
        f.write(bytes(page_size))


def test_damaged(tmp, source):
    folder = os.path.join(tmp, 'damaged')
    os.mkdir(folder)
    ledger = os.path.join(folder, 'ledger.db')
    shutil.copy(source, ledger)
    zero_a_meetings_page(ledger)

    # The export's own reading fails: every meeting is read.
    db = sqlite3.connect(f'file:{ledger}?mode=ro', uri=True)
    try:
        db.execute('SELECT * FROM meetings').fetchall()
        reading_fails = False
    except sqlite3.DatabaseError:
        reading_fails = True
    db.close()
    check('damaged: reading every meeting fails', reading_fails)

    archive = os.path.join(folder, 'archive.json')
    done = run('--database', ledger, 'export-archive', archive)
    check('damaged: status 1', done.returncode == 1, f'status {done.returncode}')
    check("damaged: the check's message, one line naming restore",
          one_line(done.stderr) and 'damaged' in done.stderr and 'restore' in done.stderr
          and 'malformed' not in done.stderr, repr(done.stderr))
    check('damaged: no archive and no temporary file left', leftovers(folder, 'archive.json') == [],
          repr(os.listdir(folder)))


def stopped_by(tmp, source, number, name):
    """Stops export-archive with @number once its temporary file exists."""
    out = os.path.join(tmp, 'stopped-' + name)
    os.mkdir(out)
    archive = os.path.join(out, 'archive.json')
    process = subprocess.Popen([SL, '--database', source, 'export-archive', archive],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=environment())
    started = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(n.startswith('.archive.json.') for n in os.listdir(out)):
            started = True
            break
        time.sleep(0.002)
    if not started:
        # Finished before it could be stopped (a fast machine): nothing to
        # see, but nothing wrong either.
        process.wait()
        results.append((f'{name} halfway # SKIP the export ended before it was seen', True, ''))
        return
    process.send_signal(number)
    process.communicate()
    status = process.returncode
    check(f'{name} halfway: the program ends by the signal or with an error',
          status == -number or status not in (0, None), f'status {status}')
    check(f'{name} halfway: no temporary file left',
          not any(n.startswith('.archive.json.') for n in os.listdir(out)),
          repr(os.listdir(out)))


def main():
    if missing(generator=True):
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source = generate(tmp, 3)

        full = test_disk_full(tmp, source)
        test_disk_full_attachment(tmp, source, full)
        test_damaged(tmp, source)
        stopped_by(tmp, source, signal.SIGTERM, 'SIGTERM')
        stopped_by(tmp, source, signal.SIGINT, 'SIGINT')

    return report()


if __name__ == '__main__':
    sys.exit(main())
