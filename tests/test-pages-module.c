/* test-pages-module.c — the command line's pages, loaded by their entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This program links the library as the command line does (without the
 * pages, exporting its symbols for the module), so that the PDF writer
 * comes only from study-ledger-pages.so through its named entry point,
 * sl_pages_module_register() (sl-document.c). The tests run in order: the
 * writer, once registered, stays.
 *
 *   - no module named: the PDF fails with its message, no file is left;
 *   - a module that is not there, then a module without the entry point:
 *     each fails with a message naming what is wrong;
 *   - the real module: the PDF is written.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-document.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-record.h"

#define TODAY "2023-12-20"

static struct
{
  char     *folder;
  SlLedger *ledger;
  char     *meeting;
} world;

static void
world_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "data", "year-2023.json", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  world.folder = g_dir_make_tmp ("test-pages-module-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (world.folder, "ledger.db", NULL);
  world.ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  sl_archive_import (world.ledger, archive, FALSE, NULL, &error);
  g_assert_no_error (error);

  meetings = sl_ledger_load_meetings (world.ledger, 2023, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >, 0);
  world.meeting = g_strdup (sl_record_get_id (g_ptr_array_index (meetings, 0)));
}

static void
world_tear_down (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (world.ledger);
  dir = g_dir_open (world.folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (world.folder, name, NULL);
      g_remove (path);
    }
  g_rmdir (world.folder);
  g_free (world.folder);
  g_free (world.meeting);
}

/* Exports the meeting's sign-in sheet as PDF into @name. */
static gboolean
export_pdf (const char  *name,
            GError     **error)
{
  SlDocumentRequest request = { SL_DOCUMENT_SIGN_IN, 2023, NULL, world.meeting, TODAY };
  g_autofree char *path = g_build_filename (world.folder, name, NULL);

  return sl_document_export (world.ledger, &request, SL_DOCUMENT_FORMAT_PDF, path, error);
}

/* Nothing but the ledger in the folder: no document, no temporary file. */
static void
assert_nothing_left (void)
{
  g_autoptr(GDir) dir = g_dir_open (world.folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "ledger.db"));
}

static void
test_no_module (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (export_pdf ("none.pdf", &error));
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "reinstall Study Ledger"));
  assert_nothing_left ();
}

static void
test_missing_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *module = g_build_filename (world.folder, "study-ledger-pages.so", NULL);

  sl_document_set_pages_module (module);
  g_assert_false (export_pdf ("missing.pdf", &error));
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, module));
  g_assert_nonnull (strstr (error->message, "reinstall Study Ledger"));
  assert_nothing_left ();
}

/* A module that loads but is not the pages: it is told by its missing
 * entry point, not by a writer that never came. */
static void
test_no_entry_point (void)
{
  g_autoptr(GError) error = NULL;
  const char *module = g_getenv ("SL_NO_ENTRY_MODULE");

  g_assert_nonnull (module);
  sl_document_set_pages_module (module);
  g_assert_false (export_pdf ("no-entry.pdf", &error));
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, SL_PAGES_MODULE_ENTRY));
  g_assert_nonnull (strstr (error->message, "reinstall Study Ledger"));
  assert_nothing_left ();
}

static void
test_pages_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (world.folder, "sign-in.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *module = g_getenv ("SL_PAGES_MODULE");

  g_assert_nonnull (module);
  sl_document_set_pages_module (module);
  g_assert_true (export_pdf ("sign-in.pdf", &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* The writer stays: a second PDF needs no module. */
  sl_document_set_pages_module (NULL);
  g_assert_true (export_pdf ("again.pdf", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  world_set_up ();

  g_test_add_func ("/pages-module/no-module", test_no_module);
  g_test_add_func ("/pages-module/missing-module", test_missing_module);
  g_test_add_func ("/pages-module/no-entry-point", test_no_entry_point);
  g_test_add_func ("/pages-module/loaded", test_pages_module);

  status = g_test_run ();
  world_tear_down ();
  return status;
}
