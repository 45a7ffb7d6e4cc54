/* sl-test-folder.h — a test's own folder and ledger file (tests/lib, 'sltest-folder')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture of the tests that make their ledgers themselves (the
 * archive's rows, stream and year, the paths): a fresh temporary folder
 * for each test, removed with everything in it afterwards, and the name
 * of a ledger file in it that does not exist yet. The tests that work on
 * one ledger from the start use sl-test-ledger.h, the archive's round
 * trips sl-test-archive.h. And, for the archive's tests, its two writers
 * compared byte for byte.
 */

#pragma once

#include <glib.h>

#include "sl-ledger.h"

G_BEGIN_DECLS

typedef struct
{
  char *folder;   /* made by the set-up, removed by the tear-down */
  char *path;     /* folder/ledger.db, not made */
} SlTestFolder;

/* g_test_add()'s set-up and tear-down for an SlTestFolder; the folder is
 * named after the test program ("test-paths-XXXXXX"). */
void      sl_test_folder_set_up    (SlTestFolder  *fixture,
                                    gconstpointer  data);
void      sl_test_folder_tear_down (SlTestFolder  *fixture,
                                    gconstpointer  data);

/* The ledger at @path, made if it is not there; asserts that it opens. */
SlLedger *sl_test_open_path        (const char    *path);

/* The archive file at @path with the value of "exported_at" cut out. */
GString  *sl_test_without_time     (const char    *path);

/* Exports @ledger into @folder with both of the archive's writers (the
 * tree, sl_archive_export_tree(), and the stream, sl_archive_export())
 * and asserts the same bytes but for the time, the same counts, and a
 * file only its owner may read; returns the stream's text. */
char     *sl_test_assert_same_exports (SlLedger   *ledger,
                                       const char *folder);

G_END_DECLS
