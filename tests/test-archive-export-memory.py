#!/usr/bin/python3
# test-archive-export-memory.py — export-archive streams attachments (issues 12, 16)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Through the real program (STUDY_LEDGER):
#  - attachments of 0, 1, 2, 3 and 4 bytes and one of 50 MB (the largest
#    the ledger takes) come out of export-archive as the base64 of their
#    bytes (RFC 4648, no line breaks), compared with Python's own encoder,
#    and the archive imported into a new ledger exports the same bytes;
#  - exporting the ledger with the 50 MB attachment peaks (ru_maxrss of
#    the study-ledger process, from wait4) less than 40 MB above the same
#    ledger without it, and under 120 MB in all: the attachment is encoded
#    from its BLOB a chunk at a time straight into the file, never held
#    whole, as bytes or as its 67 MB of base64 (before: about 164 MB above).
# Memory, not time: nothing here depends on the machine's speed or load.
# Prints TAP.

import base64
import hashlib
import json
import os
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
from sltest import check, missing, peak_of, report, run, without_time  # noqa: E402

SRCDIR = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))


def attachments_of(path):
    """name → (size, sha256, data) of every attachment in the archive."""
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    return {a['name']: (a['size'], a['sha256'], a['data'])
            for m in document['meetings'] for a in m.get('attachments', [])}


def main():
    if missing():
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        ledger = os.path.join(tmp, 'ledger.db')
        run('--database', ledger, 'import-archive', os.path.join(SRCDIR, 'data', 'year-2023-v2.json'))
        with open(os.path.join(SRCDIR, 'data', 'year-2023-v2.json'), encoding='utf-8') as f:
            meetings = [m['id'] for m in json.load(f)['meetings']]

        # The small ones, and the baseline: the ledger without the large one.
        contents = {}
        for size in range(5):
            name = f'small-{size}.bin'
            contents[name] = bytes((17 * i + size) & 0xff for i in range(size))
            path = os.path.join(tmp, name)
            with open(path, 'wb') as f:
                f.write(contents[name])
            run('--database', ledger, 'attach', '--meeting', meetings[size % 2], '--kind',
                'material', path)
        small = os.path.join(tmp, 'small.json')
        baseline = peak_of('--database', ledger, 'export-archive', small)

        # 50 MB, the most an attachment may be; a size that is not a
        # multiple of 3, so that the text ends with padding.
        large = os.urandom(50 * 1024 * 1024 - 1)
        contents['large.bin'] = large
        path = os.path.join(tmp, 'large.bin')
        with open(path, 'wb') as f:
            f.write(large)
        run('--database', ledger, 'attach', '--meeting', meetings[0], '--kind', 'material', path)
        os.unlink(path)

        archive = os.path.join(tmp, 'archive.json')
        peak = peak_of('--database', ledger, 'export-archive', archive)
        growth = (peak - baseline) / 1024
        check('a 50 MB attachment: export-archive peaks less than 40 MB above the same ledger '
              'without it', growth < 40,
              f'grew {growth:.1f} MB (peak {peak / 1024:.1f} MB, baseline {baseline / 1024:.1f} MB)')
        check('and under 120 MB in all', peak / 1024 < 120, f'peak {peak / 1024:.1f} MB')

        found = attachments_of(archive)
        for name, data in contents.items():
            size, sha256, text = found.get(name, (None, None, None))
            check(f'{name} ({len(data)} bytes): its base64 in the archive is that of its bytes',
                  text == base64.b64encode(data).decode('ascii') and size == len(data) and
                  sha256 == hashlib.sha256(data).hexdigest(),
                  f'size {size}, text {None if text is None else text[:40]}…')
        del found, contents, large

        # Imported into a new ledger and exported again: the same bytes.
        again = os.path.join(tmp, 'again.json')
        copy = os.path.join(tmp, 'copy.db')
        run('--database', copy, 'import-archive', archive)
        run('--database', copy, 'export-archive', again)
        check('the archive imported and exported again is the same bytes',
              without_time(archive) == without_time(again))

    return report()


if __name__ == '__main__':
    sys.exit(main())
