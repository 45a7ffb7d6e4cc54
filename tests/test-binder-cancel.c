/* test-binder-cancel.c — the year's binder reports progress and stops on Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window's 导出年度学习档案… relies on (sl-binder-job.c): progress
 * between items, from 0 to 1 and never back; Cancel checked between items,
 * failing with G_IO_ERROR_CANCELLED and leaving no file, not even a
 * temporary one. On a real ledger from the realistic year's archive.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sl-archive.h"
#include "sl-binder-export.h"
#include "sl-ledger.h"
#include "sl-test-util.h"

typedef struct
{
  char     *folder;
  SlLedger *ledger;
} World;

typedef struct
{
  GArray       *fractions;
  GCancellable *cancellable;
  guint         cancel_at;   /* 0: never */
} Progress;

static void
world_set_up (World *world)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "year-2023.json", NULL);

  world->folder = g_dir_make_tmp ("test-binder-cancel-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (world->folder, "ledger.db", NULL);
  world->ledger = sl_ledger_open (database, &error);
  g_assert_no_error (error);
  sl_archive_import (world->ledger, fixture, FALSE, NULL, &error);
  g_assert_no_error (error);
}

static void
world_tear_down (World *world)
{
  g_clear_object (&world->ledger);
  remove_tree (world->folder);
  g_free (world->folder);
}

/* Only the ledger's own files: no binder, no temporary file. */
static void
assert_nothing_left (World *world)
{
  g_autoptr(GDir) dir = g_dir_open (world->folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "ledger.db"));
}

static void
progress_cb (double      fraction,
             const char *item,
             gpointer    data)
{
  Progress *progress = data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancel_at > 0 && progress->fractions->len == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress (void)
{
  World world = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), g_cancellable_new (), 0 };

  world_set_up (&world);
  path = g_build_filename (world.folder, "binder.pdf", NULL);

  g_assert_true (sl_binder_export (world.ledger, 2023, NULL, SL_BINDER_FORMAT_PDF, path,
                                   progress_cb, &progress, progress.cancellable, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Every part twice (counted, drawn), then done. */
  g_assert_cmpuint (progress.fractions->len, >, 20);
  for (guint i = 1; i < progress.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (progress.fractions, double, i), >=,
                       g_array_index (progress.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (progress.fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1), ==, 1.0);

  g_array_unref (progress.fractions);
  g_object_unref (progress.cancellable);
  world_tear_down (&world);
}

static void
check_cancel (SlBinderFormat format,
              guint          cancel_at)
{
  World world = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), g_cancellable_new (),
                        cancel_at };

  world_set_up (&world);
  path = g_build_filename (world.folder, format == SL_BINDER_FORMAT_ZIP ? "b.zip" : "b.pdf", NULL);
  if (cancel_at == 0)
    g_cancellable_cancel (progress.cancellable);

  g_assert_false (sl_binder_export (world.ledger, 2023, NULL, format, path,
                                    progress_cb, &progress, progress.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (cancel_at > 0)
    g_assert_cmpuint (progress.fractions->len, ==, cancel_at);
  assert_nothing_left (&world);

  g_array_unref (progress.fractions);
  g_object_unref (progress.cancellable);
  world_tear_down (&world);
}

static void
test_cancel_before (void)
{
  check_cancel (SL_BINDER_FORMAT_PDF, 0);
}

static void
test_cancel_pdf_midway (void)
{
  check_cancel (SL_BINDER_FORMAT_PDF, 30);
}

static void
test_cancel_zip_midway (void)
{
  check_cancel (SL_BINDER_FORMAT_ZIP, 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/binder/progress", test_progress);
  g_test_add_func ("/binder/cancel-before", test_cancel_before);
  g_test_add_func ("/binder/cancel-pdf-midway", test_cancel_pdf_midway);
  g_test_add_func ("/binder/cancel-zip-midway", test_cancel_zip_midway);

  return g_test_run ();
}
