/* sl-test-folder.c — a test's own folder and ledger file (tests/lib, 'sltest-folder')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sl-archive.h"
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

GString *
sl_test_without_time (const char *path)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  GString *out;
  const char *key = "\n  \"exported_at\" : \"";
  const char *at, *end;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  out = g_string_new_len (text, length);

  at = strstr (out->str, key);
  g_assert_nonnull (at);
  at += strlen (key);
  end = strchr (at, '"');
  g_assert_nonnull (end);
  g_string_erase (out, at - out->str, end - at);
  return out;
}

char *
sl_test_assert_same_exports (SlLedger   *ledger,
                             const char *folder)
{
  g_autofree char *tree = g_build_filename (folder, "tree.json", NULL);
  g_autofree char *stream = g_build_filename (folder, "stream.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = NULL;
  g_autoptr(GString) found = NULL;
  SlArchiveCounts tree_counts = { 0 }, stream_counts = { 0 };

  g_assert_true (sl_archive_export_tree (ledger, tree, &tree_counts, &error));
  g_assert_no_error (error);
  g_assert_true (sl_archive_export (ledger, stream, &stream_counts, &error));
  g_assert_no_error (error);

  expected = sl_test_without_time (tree);
  found = sl_test_without_time (stream);
  if (!(found->len == expected->len && memcmp (found->str, expected->str, found->len) == 0))
    {
      gsize i = 0;

      while (i < found->len && i < expected->len && found->str[i] == expected->str[i])
        i++;
      g_test_message ("first difference at byte %" G_GSIZE_FORMAT ": …%.80s… against …%.80s…",
                      i, found->str + (i > 40 ? i - 40 : 0), expected->str + (i > 40 ? i - 40 : 0));
      g_test_fail ();
    }
  g_assert_true (memcmp (&tree_counts, &stream_counts, sizeof tree_counts) == 0);
  g_assert_cmpint (file_mode (stream) & 0777, ==, 0600);

  return g_string_free (g_steal_pointer (&found), FALSE);
}
