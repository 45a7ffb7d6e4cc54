/* sl-test-folder.c — a test's own folder and ledger file (tests/lib, 'sltest-folder')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-test-folder.h"
#include "sl-test-util.h"

void
sl_test_folder_set_up (SlTestFolder  *fixture,
                       gconstpointer  data)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname () ? g_get_prgname () : "test");
  g_autofree char *tmpl = g_strdup_printf ("%s-XXXXXX", program);

  fixture->folder = make_temp_folder (tmpl);
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
}

void
sl_test_folder_tear_down (SlTestFolder  *fixture,
                          gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

SlLedger *
sl_test_open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  SlLedger *ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ledger);
  return ledger;
}
