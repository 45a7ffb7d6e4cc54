/* test-evidence-attachments.c — the files attached to a meeting as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attachments (docs/reliability.md): attached, listed, exported and
 * extracted through the real study-ledger binary, through the archive and
 * back byte for byte; a final meeting's taken only with a reason; a 50 MB
 * one through the archive and a backup; the program killed during a
 * write. On the fixture of evidence-util.h, in temporary folders.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "evidence-util.h"
#include "reliability-util.h"
#include "sl-archive.h"
#include "sl-archive-evidence.h"
#include "sl-attachments.h"
#include "sl-canonical-json.h"
#include "sl-evidence.h"
#include "sl-measure.h"
#include "sl-plan.h"
#include "sl-research-topic.h"

/* ------------------------------------------------------------------ */
/* Attachments                                                         */
/* ------------------------------------------------------------------ */

static gboolean
compare_chunk (gpointer      data,
               const guchar *chunk,
               gsize         size,
               GError      **error)
{
  GByteArray *out = data;

  g_byte_array_append (out, chunk, size);
  return TRUE;
}

/* The bytes of the attachment @id in the ledger at @path, read through
 * the core. */
static GBytes *
stored_bytes (const char *path,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  g_autoptr(SlAttachment) attachment = NULL;
  GByteArray *out = g_byte_array_new ();

  g_assert_no_error (error);
  attachment = sl_attachments_find (ledger, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sl_attachments_read (ledger, sl_record_get_key (SL_RECORD (attachment)),
                                      compare_chunk, out, &error));
  g_assert_no_error (error);
  return g_byte_array_free_to_bytes (out);
}

static char *
attach (Fixture     *fixture,
        const char  *meeting,
        const char  *kind,
        const char  *path)
{
  CliResult result;
  char *id;

  RUN_OK (&result, fixture, "attach", "--meeting", meeting, "--kind", kind, path);
  id = g_strstrip (g_strdup (result.out));
  g_assert_true (sl_is_uuid (id));
  cli_result_clear (&result);
  return id;
}

static JsonObject *
listed (JsonNode   *list,
        const char *id)
{
  JsonArray *array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i), "id"), id))
      return json_array_get_object_element (array, i);
  g_assert_not_reached ();
}

static void
test_attachments_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *empty_path = in_folder (fixture, "empty.bin");
  g_autofree char *photo_path = in_folder (fixture, "scan.pdf");
  g_autofree char *rare_path = in_folder (fixture, "发言稿𠀀䶮😀.txt");
  g_autofree char *backup = in_folder (fixture, "backup.db");
  g_autofree char *archive = in_folder (fixture, "archive.json");
  g_autofree char *copy = in_folder (fixture, "copy.db");
  g_autofree char *again = in_folder (fixture, "again.json");
  g_autofree char *empty_id = NULL;
  g_autofree char *photo_id = NULL;
  g_autofree char *rare_id = NULL;
  static const char rare_text[] = "全文：坚持学习\n𠀀䶮😀\n";
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  JsonObject *row;
  CliResult result;

  import_fixture (fixture);
  write_file (empty_path, "", 0);
  write_file (photo_path, (const char *) png_bytes, sizeof png_bytes);
  write_file (rare_path, rare_text, -1);

  empty_id = attach (fixture, FIXTURE_DRAFT, "other", empty_path);
  photo_id = attach (fixture, FIXTURE_DRAFT, "photo", photo_path);
  rare_id = attach (fixture, FIXTURE_DRAFT, "speech", rare_path);

  RUN_OK (&result, fixture, "attachments", "--meeting", FIXTURE_DRAFT, "--json");
  list = parse_text (result.out);
  cli_result_clear (&result);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 3);
  row = listed (list, photo_id);
  g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "photo");
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "scan.pdf");
  g_assert_cmpstr (json_object_get_string_member (row, "media_type"), ==, "image/png");
  g_assert_cmpint (json_object_get_int_member (row, "size"), ==, sizeof png_bytes);
  g_assert_cmpstr (json_object_get_string_member (row, "sha256"), ==, FIXTURE_SHEET_SHA);
  row = listed (list, rare_id);
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "发言稿𠀀䶮😀.txt");
  g_assert_cmpstr (json_object_get_string_member (row, "media_type"), ==, "text/plain");
  row = listed (list, empty_id);
  g_assert_cmpint (json_object_get_int_member (row, "size"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "sha256"), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /* Through a backup: byte for byte. */
  RUN_OK (&result, fixture, "backup", "--output", backup);
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) photo = stored_bytes (backup, photo_id);
    g_autoptr(GBytes) rare = stored_bytes (backup, rare_id);
    g_autoptr(GBytes) empty = stored_bytes (backup, empty_id);

    g_assert_cmpmem (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo), png_bytes, sizeof png_bytes);
    g_assert_cmpmem (g_bytes_get_data (rare, NULL), g_bytes_get_size (rare), rare_text, strlen (rare_text));
    g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
  }

  /* Through the archive into an empty ledger and out again. */
  export_archive (fixture, fixture->ledger, archive);
  run_cli (&result, fixture->folder, "--database", copy, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  export_archive (fixture, copy, again);
  first = parse_file (archive);
  second = parse_file (again);
  json_object_remove_member (json_node_get_object (first), "exported_at");
  json_object_remove_member (json_node_get_object (second), "exported_at");
  g_assert_true (json_node_equal (first, second));
  {
    g_autoptr(GBytes) rare = stored_bytes (copy, rare_id);
    g_assert_cmpmem (g_bytes_get_data (rare, NULL), g_bytes_get_size (rare), rare_text, strlen (rare_text));
  }

  /* detach */
  RUN_OK (&result, fixture, "detach", "--attachment", empty_id);
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "attachments", "--meeting", FIXTURE_DRAFT, "--json");
  g_clear_pointer (&list, json_node_unref);
  list = parse_text (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  cli_result_clear (&result);

  /* An attachment may belong to one of the meeting's measures, not to
   * another meeting's. */
  RUN_OK (&result, fixture, "attach", "--meeting", FIXTURE_DRAFT, "--kind", "material",
          "--measure", "88888888-8888-4888-8888-888888888882", photo_path);
  cli_result_clear (&result);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "attach", "--meeting", FIXTURE_DRAFT,
           "--kind", "material", "--measure", "88888888-8888-4888-8888-888888888881", photo_path);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  cli_result_clear (&result);

  /* A kind that is not one is refused as a usage error. */
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "attach", "--meeting", FIXTURE_DRAFT,
           "--kind", "scan", photo_path);
  g_assert_cmpint (result.status, ==, 2);
  cli_result_clear (&result);
}

/* Attaching to or detaching from a final meeting changes it: a reason,
 * and a revision. */
static void
test_attachments_final (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *photo_path = in_folder (fixture, "photo.jpg");
  g_autoptr(JsonNode) history = NULL;
  g_autofree char *id = NULL;
  CliResult result;

  import_fixture (fixture);
  write_file (photo_path, (const char *) png_bytes, sizeof png_bytes);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "attach", "--meeting", FIXTURE_MEETING,
           "--kind", "photo", photo_path);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "--reason"));
  cli_result_clear (&result);

  RUN_OK (&result, fixture, "attach", "--meeting", FIXTURE_MEETING, "--kind", "photo",
          "--reason", "补充会场照片", photo_path);
  id = g_strstrip (g_strdup (result.out));
  cli_result_clear (&result);

  run_cli (&result, fixture->folder, "--database", fixture->ledger, "detach", "--attachment", id);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--reason"));
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "detach", "--attachment", id, "--reason", "照片重复");
  cli_result_clear (&result);

  RUN_OK (&result, fixture, "history", "--meeting", FIXTURE_MEETING, "--json");
  history = parse_text (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (history)), ==, 3);
  cli_result_clear (&result);
  RUN_OK (&result, fixture, "check");
  cli_result_clear (&result);
}

/* A file of @size pseudo-random bytes, made quickly. */
static void
write_large_file (const char *path,
                  gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *words = g_new (guint32, size / 4 + 1);
  guint32 x = 2463534242u;

  for (gsize i = 0; i < size / 4 + 1; i++)
    {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      words[i] = x;
    }
  g_file_set_contents (path, (const char *) words, size, &error);
  g_assert_no_error (error);
}

static void
test_attachments_large (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *large = in_folder (fixture, "scan-50mb.bin");
  g_autofree char *too_large = in_folder (fixture, "too-large.bin");
  g_autofree char *backup = in_folder (fixture, "backup.db");
  g_autofree char *archive = in_folder (fixture, "archive.json");
  g_autofree char *copy = in_folder (fixture, "copy.db");
  g_autofree char *id = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) before = NULL;
  CliResult result;

  import_fixture (fixture);
  write_large_file (large, 50 * 1024 * 1024);
  write_large_file (too_large, 50 * 1024 * 1024 + 1);
  original = read_bytes (large);

  before = ledger_bytes (fixture->ledger);
  run_cli (&result, fixture->folder, "--database", fixture->ledger, "attach", "--meeting", FIXTURE_DRAFT,
           "--kind", "material", too_large);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_line (result.err);
  g_assert_nonnull (strstr (result.err, "50 MiB"));
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) after = ledger_bytes (fixture->ledger);
    g_assert_true (g_bytes_equal (before, after));
  }

  id = attach (fixture, FIXTURE_DRAFT, "material", large);

  RUN_OK (&result, fixture, "backup", "--output", backup);
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) stored = stored_bytes (backup, id);
    g_assert_true (g_bytes_equal (stored, original));
  }

  export_archive (fixture, fixture->ledger, archive);
  run_cli (&result, fixture->folder, "--database", copy, "import-archive", archive);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
  {
    g_autoptr(GBytes) stored = stored_bytes (copy, id);
    g_assert_true (g_bytes_equal (stored, original));
  }

  run_cli (&result, fixture->folder, "--database", copy, "check");
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}

/* The real program killed while it writes an attachment: the ledger has
 * all of it or none of it, and is sound. The kill comes at moments
 * spread over the write; either outcome passes, so the timing matters
 * to what is exercised, never to the verdict. */
static void
test_attachments_kill (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *large = in_folder (fixture, "scan.bin");
  g_autofree char *data_home = in_folder (fixture, "data-home");
  g_autofree char *sum = NULL;
  g_autoptr(GBytes) original = NULL;
  guint whole = 0, none = 0;
  guint previous = 0;
  gint64 duration;

  import_fixture (fixture);
  write_large_file (large, 12 * 1024 * 1024);
  original = read_bytes (large);
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, original);

  /* One write left to finish: how long a whole one takes here. */
  {
    gint64 start = g_get_monotonic_time ();
    g_autofree char *id = attach (fixture, FIXTURE_DRAFT, "material", large);

    duration = g_get_monotonic_time () - start;
    previous = 1;
  }

  for (guint round = 0; round < 10; round++)
    {
      const char *argv[] = { cli_path (), "--database", fixture->ledger, "attach", "--meeting",
                             FIXTURE_DRAFT, "--kind", "material", large, NULL };
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlLedger) ledger = NULL;
      g_autoptr(SlMeeting) meeting = NULL;
      g_autoptr(GPtrArray) attachments = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      GPid pid;
      int status;

      g_assert_true (g_spawn_async (fixture->folder, (char **) argv, envp,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      /* Anywhere from before the ledger is opened to just after the end. */
      g_usleep (g_test_rand_int_range (0, (int) (duration * 6 / 5) + 1));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      ledger = sl_ledger_open (fixture->ledger, &error);
      g_assert_no_error (error);
      problems = sl_database_check (sl_ledger_get_database (ledger), &error);
      g_assert_no_error (error);
      g_assert_true (sl_evidence_verify (ledger, problems, &error));
      g_assert_cmpuint (problems->len, ==, 0);

      meeting = sl_ledger_load_meeting (ledger, FIXTURE_DRAFT, &error);
      attachments = sl_attachments_load (ledger, sl_record_get_key (SL_RECORD (meeting)), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (attachments->len, >=, previous);
      g_assert_cmpuint (attachments->len, <=, previous + 1);
      if (attachments->len == previous + 1)
        {
          SlAttachment *last = g_ptr_array_index (attachments, attachments->len - 1);
          g_autoptr(GBytes) stored = NULL;

          g_assert_cmpstr (sl_attachment_get_sha256 (last), ==, sum);
          g_assert_cmpint (sl_attachment_get_size (last), ==, g_bytes_get_size (original));
          g_clear_object (&ledger);
          stored = stored_bytes (fixture->ledger, sl_record_get_id (SL_RECORD (last)));
          g_assert_true (g_bytes_equal (stored, original));
          whole++;
        }
      else
        none++;
      previous = attachments->len;
    }

  g_test_message ("%u kills left the attachment whole, %u left none", whole, none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER is not set");
      return 0;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/evidence/attachments/round-trip", test_attachments_round_trip);
  ADD ("/evidence/attachments/final", test_attachments_final);
  ADD ("/evidence/attachments/large", test_attachments_large);
  ADD ("/evidence/attachments/kill", test_attachments_kill);

#undef ADD

  return g_test_run ();
}

