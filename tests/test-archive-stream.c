/* test-archive-stream.c — the streaming archive writer gives the tree's bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `export-archive` writes the document piece by piece (sl-archive-stream.c)
 * instead of generating one tree (sl_archive_export_tree(), kept for this
 * comparison). Every ledger here is exported both ways into real files and
 * the bytes compared, the time of export aside (each writer reads the
 * clock). The ledgers: empty (every array empty), each fixed archive of
 * tests/data (version 2 arrays: topics, talks, branch reports, study notes,
 * session plans; evidence: finals, revisions, base64 attachments), one with
 * rare characters (U+001F, which json-glib leaves unescaped, quotes,
 * backslashes, extension-B ideographs, emoji, newlines), and one with locked
 * years, and one with attachments of every length that base64 pads
 * differently (0 to 5 bytes) and of lengths around the 1 MiB chunks the
 * streaming writer encodes them in, straight from their BLOBs. With
 * SL_STREAM_LEDGER set, that ledger (for example the benchmark's) is
 * compared too.
 */

#include "config.h"

#include <string.h>

#include "sl-archive.h"
#include "sl-attachments.h"
#include "sl-evidence.h"
#include "sl-meeting.h"
#include "sl-record.h"
#include "sl-ledger.h"
#include "sl-test-folder.h"
#include "sl-test-util.h"

typedef SlTestFolder Fixture;

static void
import_text (SlLedger   *ledger,
             const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_archive_import_data (ledger, text, strlen (text), "fixture.json",
                                         FALSE, NULL, &error));
  g_assert_no_error (error);
}

static char *
data_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = sl_test_open_path (fixture->path);
  g_autofree char *tree = g_build_filename (fixture->folder, "tree.json", NULL);
  g_autofree char *text = NULL;

  g_free (sl_test_assert_same_exports (ledger, fixture->folder));

  /* Really empty arrays: the case whose layout json-glib has its own way. */
  text = read_text (tree);
  g_assert_nonnull (strstr (text, "\"meetings\" : []"));
}

static void
test_fixture (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = sl_test_open_path (fixture->path);
  g_autofree char *text = data_text (data);

  import_text (ledger, text);
  g_free (sl_test_assert_same_exports (ledger, fixture->folder));
}

/* Replaces every @from in @text by @to. */
static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  g_assert_cmpuint (g_strv_length (parts), >, 1);
  return g_strjoinv (to, parts);
}

static void
test_rare_characters (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = sl_test_open_path (fixture->path);
  g_autofree char *text = data_text ("year-2023-v2.json");
  g_autofree char *strange = NULL;
  g_autofree char *tree = g_build_filename (fixture->folder, "tree.json", NULL);
  g_autofree char *written = NULL;

  /* Every "place" becomes a string of what escapes or is wide. */
  strange = replace (text, "\"place\": \"",
                     "\"place\": \"\\u001f\\\"引号\\\" 反\\\\斜 𠀀𪚥 🎉 一\\n二\\t\\u0001 ");
  import_text (ledger, strange);
  g_free (sl_test_assert_same_exports (ledger, fixture->folder));

  written = read_text (tree);
  g_assert_nonnull (strstr (written, "\\u001f"));
  g_assert_null (memchr (written, 0x1f, strlen (written)));
  g_assert_nonnull (strstr (written, "𠀀𪚥"));
}

static void
test_locks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = sl_test_open_path (fixture->path);
  g_autofree char *text = data_text ("evidence-2023.json");
  g_autofree char *tree = g_build_filename (fixture->folder, "tree.json", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *organizations;
  g_autoptr(GObject) organization = NULL;

  import_text (ledger, text);
  organizations = sl_ledger_get_organizations (ledger);
  organization = g_list_model_get_item (organizations, 0);
  g_assert_true (sl_evidence_lock_year (ledger, sl_record_get_id (SL_RECORD (organization)),
                                        2023, "档案员", &error));
  g_assert_no_error (error);

  g_free (sl_test_assert_same_exports (ledger, fixture->folder));
  written = read_text (tree);
  g_assert_nonnull (strstr (written, "\"locks\" : [\n"));
  g_assert_nonnull (strstr (written, "\"attachments\" : [\n"));
}

/* Attachments of 0 to 5 bytes (base64's padding: none, "==", "="), and
 * of lengths that end a 1 MiB chunk early, on it, and just after it: the
 * streaming writer encodes each chunk as it reads it, carrying the bytes
 * left over to the next. Each one's bytes are distinct, so that a chunk
 * written twice or left out shows. */
static void
test_attachment_sizes (Fixture       *fixture,
                       gconstpointer  data)
{
  static const gsize sizes[] = { 0, 1, 2, 3, 4, 5, 1024 * 1024 - 1, 1024 * 1024,
                                 1024 * 1024 + 1, 2 * 1024 * 1024 + 2 };
  g_autoptr(SlLedger) ledger = sl_test_open_path (fixture->path);
  g_autofree char *text = data_text ("year-2023-v2.json");
  g_autofree char *stream = g_build_filename (fixture->folder, "stream.json", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  const char *meeting_id;

  import_text (ledger, text);
  meetings = sl_ledger_load_meetings (ledger, 2023, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >=, 2);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("材料-%" G_GSIZE_FORMAT ".bin", sizes[i]);
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_autofree guchar *bytes = g_malloc (MAX (sizes[i], 1));
      g_autoptr(SlAttachment) attachment = NULL;

      for (gsize j = 0; j < sizes[i]; j++)
        bytes[j] = (guchar) ((j * 7 + i * 31 + j / 251) & 0xff);
      g_assert_true (g_file_set_contents (path, (const char *) bytes, sizes[i], &error));
      g_assert_no_error (error);

      /* Two meetings: attachments of one element and of the next. */
      meeting_id = sl_record_get_id (SL_RECORD (g_ptr_array_index (meetings, i % 2)));
      attachment = sl_attachments_add_file (ledger, meeting_id, "material", NULL, path,
                                            "档案员", "补充材料", &error);
      g_assert_no_error (error);
      g_assert_nonnull (attachment);
    }

  g_free (sl_test_assert_same_exports (ledger, fixture->folder));

  written = read_text (stream);
  g_assert_nonnull (strstr (written, "\"data\" : \"\""));      /* the empty one */
  g_assert_nonnull (strstr (written, "\"data\" : \"Hw==\""));  /* one byte, 0x1f */
  g_assert_null (strstr (written, "sl-attachment-data-"));   /* no placeholder left */
}

/* A ledger given from outside, read only: the benchmark's, for one. */
static void
test_given_ledger (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *given = g_getenv ("SL_STREAM_LEDGER");
  g_autoptr(SlLedger) ledger = NULL;

  if (given == NULL)
    {
      g_test_skip ("SL_STREAM_LEDGER is not set");
      return;
    }

  ledger = sl_test_open_path (given);
  g_free (sl_test_assert_same_exports (ledger, fixture->folder));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add (name, Fixture, data, sl_test_folder_set_up, func, sl_test_folder_tear_down)

  ADD ("/archive-stream/empty", NULL, test_empty);
  ADD ("/archive-stream/year-2023", "year-2023.json", test_fixture);
  ADD ("/archive-stream/year-2023-v2", "year-2023-v2.json", test_fixture);
  ADD ("/archive-stream/evidence-2023", "evidence-2023.json", test_fixture);
  ADD ("/archive-stream/rare-characters", NULL, test_rare_characters);
  ADD ("/archive-stream/locks", NULL, test_locks);
  ADD ("/archive-stream/attachment-sizes", NULL, test_attachment_sizes);
  ADD ("/archive-stream/given-ledger", NULL, test_given_ledger);

#undef ADD

  return g_test_run ();
}
