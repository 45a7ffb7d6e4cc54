/* test-archive-year.c — the year's archive of the binder, streamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binder's ZIP carries archive.json of its year. It is streamed into a
 * file (sl_archive_export_year(), sl-archive-stream.c) in the memory of one
 * meeting, instead of building the whole ledger's tree and pruning it
 * (sl_archive_write_year(), kept for this comparison). Both are run here
 * on each fixed archive of tests/data, for the year of its records, a
 * year around it and an empty one, for every organization and for one,
 * with locked years, and the bytes compared whole: the time of export is
 * the caller's in both.
 */

#include "config.h"

#include <string.h>

#include "sl-archive.h"
#include "sl-archive-year.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-record.h"
#include "sl-test-folder.h"
#include "sl-test-util.h"

#define EXPORTED_AT "2024-01-05T09:30:00+08:00"

typedef SlTestFolder Fixture;

static SlLedger *
open_with (const char *path,
           const char *name)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);

  g_assert_no_error (error);
  g_file_get_contents (file, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sl_archive_import_data (ledger, text, strlen (text), name, FALSE, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&ledger);
}

/* Streamed and built, byte for byte; returns the text for more checks. */
static char *
assert_same_year (SlLedger   *ledger,
                  const char *folder,
                  int         year,
                  const char *organization)
{
  g_autofree char *path = g_build_filename (folder, "year.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;
  gsize expected_length, found_length;

  expected = sl_archive_write_year (ledger, year, organization, EXPORTED_AT,
                                    &expected_length, &error);
  g_assert_no_error (error);
  g_assert_true (sl_archive_export_year (ledger, year, organization, EXPORTED_AT, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &found, &found_length, &error);
  g_assert_no_error (error);

  if (found_length != expected_length || memcmp (found, expected, found_length) != 0)
    {
      gsize i = 0;

      while (i < MIN (found_length, expected_length) && found[i] == expected[i])
        i++;
      g_test_message ("year %d, organization %s: first difference at byte %" G_GSIZE_FORMAT
                      " of %" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT ": …%.60s… against …%.60s…",
                      year, organization ? organization : "(all)", i, found_length,
                      expected_length, found + (i > 20 ? i - 20 : 0),
                      expected + (i > 20 ? i - 20 : 0));
      g_test_fail ();
    }

  return g_steal_pointer (&found);
}

static void
assert_years (SlLedger   *ledger,
              const char *folder)
{
  static const int years[] = { 2022, 2023, 2024, 1999 };
  GListModel *organizations = sl_ledger_get_organizations (ledger);

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_free (assert_same_year (ledger, folder, years[i], NULL));
      for (guint j = 0; j < g_list_model_get_n_items (organizations); j++)
        {
          g_autoptr(GObject) organization = g_list_model_get_item (organizations, j);

          g_free (assert_same_year (ledger, folder, years[i],
                                    sl_record_get_id (SL_RECORD (organization))));
        }
    }
}

static void
test_fixture (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_with (fixture->path, data);
  g_autofree char *text = NULL;

  assert_years (ledger, fixture->folder);

  /* The year's meetings and none of another year's. */
  text = assert_same_year (ledger, fixture->folder, 2023, NULL);
  g_assert_nonnull (strstr (text, "\"date\" : \"2023-"));
  g_assert_null (strstr (text, "\"date\" : \"2022-"));
  g_assert_nonnull (strstr (text, "\"exported_at\" : \"" EXPORTED_AT "\""));
}

static void
test_locks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = open_with (fixture->path, "evidence-2023.json");
  GListModel *organizations = sl_ledger_get_organizations (ledger);
  g_autoptr(GObject) organization = g_list_model_get_item (organizations, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *other = NULL;

  g_assert_true (sl_evidence_lock_year (ledger, sl_record_get_id (SL_RECORD (organization)),
                                        2023, "档案员", &error));
  g_assert_no_error (error);

  assert_years (ledger, fixture->folder);
  locked = assert_same_year (ledger, fixture->folder, 2023, NULL);
  g_assert_nonnull (strstr (locked, "\"locks\" : [\n"));
  /* Another year's archive keeps the list, empty. */
  other = assert_same_year (ledger, fixture->folder, 2022, NULL);
  g_assert_nonnull (strstr (other, "\"locks\" : []"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add (name, Fixture, data, sl_test_folder_set_up, func, sl_test_folder_tear_down)

  ADD ("/archive-year/year-2023", "year-2023.json", test_fixture);
  ADD ("/archive-year/year-2023-v2", "year-2023-v2.json", test_fixture);
  ADD ("/archive-year/evidence-2023", "evidence-2023.json", test_fixture);
  ADD ("/archive-year/locks", NULL, test_locks);

#undef ADD

  return g_test_run ();
}
