/* test-search-builder.c — the search index of an import, built apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An archive imported into an empty ledger has its search index built
 * beside the rows, in a temporary file of its own, and copied in before
 * the commit (sl-search-builder.c). Real ledgers, a real archive file,
 * the import the command line runs: the index built apart answers every
 * query as the index of the ledger the archive came from, FTS5's own
 * check finds it sound, the connection that imported goes on indexing
 * what it writes next, and an import that fails or is killed leaves
 * neither rows, nor index, nor file behind. When the index apart cannot
 * be written (its disk full: the writes of the thread that builds it
 * made to fail, through the unix VFS's system calls), the import succeeds,
 * with the index built from the texts, and says so.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "sl-archive.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-organization.h"
#include "sl-search.h"
#include "sl-search-builder.h"
#include <sqlite3.h>
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-test-util.h"

/* More meetings than one batch of texts handed to the index apart (128),
 * and not a multiple of it. */
#define N_MEETINGS 700

static char *temporary;   /* TMPDIR of this test, where nothing may be left either */

typedef struct
{
  char     *folder;
  char     *archive;
  SlLedger *source;       /* the ledger the archive comes from */
  SlLedger *target;       /* an empty ledger it is imported into */
} Fixture;

static const char *alphabet[] = {
  "学", "习", "生", "态", "党", "建", "文", "明", "整", "改", "𠀀", "会",
};

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  int length = g_rand_int_range (rand, 0, 30);

  for (int i = 0; i < length; i++)
    {
      int draw = g_rand_int_range (rand, 0, 40);

      if (draw < 34)
        g_string_append (text, alphabet[draw % G_N_ELEMENTS (alphabet)]);
      else if (draw < 37)
        g_string_append (text, "，");
      else
        g_string_append (text, " Study ");
    }
  return g_string_free (text, FALSE);
}

static void
save_meeting (SlLedger   *ledger,
              const char *organization,
              const char *date,
              GRand      *rand)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlStudy) study = sl_study_new ();
  g_autoptr(SlSpeech) speech = sl_speech_new ();
  g_autoptr(SlMeasure) measure = sl_measure_new ();
  g_autoptr(GError) error = NULL;
  char *texts[6];

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    texts[t] = random_text (rand);
  sl_meeting_set_organization (meeting, organization);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, texts[0]);
  sl_meeting_set_theme (meeting, texts[1]);
  sl_study_set_title (study, texts[2]);
  sl_study_set_summary (study, texts[3]);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);
  sl_speech_set_points (speech, texts[4]);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), speech);
  sl_measure_set_text (measure, texts[5]);
  sl_measure_set_status (measure, SL_MEASURE_STATUS_OPEN);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), measure);
  sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    g_free (texts[t]);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (2023);
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2014);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;

  fixture->folder = g_dir_make_tmp ("test-search-builder-XXXXXX", &error);
  g_assert_no_error (error);
  source = g_build_filename (fixture->folder, "source.db", NULL);
  target = g_build_filename (fixture->folder, "target.db", NULL);
  fixture->archive = g_build_filename (fixture->folder, "archive.json", NULL);

  fixture->source = sl_ledger_open (source, &error);
  g_assert_no_error (error);
  sl_organization_set_name (organization, "某某局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  sl_ledger_save_organization (fixture->source, organization, &error);
  g_assert_no_error (error);

  g_assert_true (sl_ledger_begin (fixture->source, &error));
  for (guint i = 0; i < N_MEETINGS; i++)
    {
      char day[11];

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      g_date_add_days (date, g_rand_int_range (rand, 1, 6));
      save_meeting (fixture->source, sl_record_get_id (SL_RECORD (organization)), day, rand);
    }
  g_assert_true (sl_ledger_commit (fixture->source, &error));
  g_assert_no_error (error);

  g_assert_true (sl_archive_export (fixture->source, fixture->archive, NULL, &error));
  g_assert_no_error (error);

  fixture->target = sl_ledger_open (target, &error);
  g_assert_no_error (error);
  g_assert_true (sl_ledger_is_empty (fixture->target));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->source);
  g_clear_object (&fixture->target);
  dir = g_dir_open (fixture->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->archive);
  g_free (fixture->folder);
}

/* The files that the index apart would have left, beside the ledger or
 * in TMPDIR. */
static guint
count_leftovers (Fixture *fixture)
{
  const char *folders[] = { fixture->folder, temporary };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autoptr(GDir) dir = g_dir_open (folders[i], 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        n += strstr (name, "study-ledger-index-") != NULL;
    }
  return n;
}

/* The databases the ledger's connection has open: main only (and temp). */
static void
assert_nothing_attached (SlLedger *ledger)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sl_database_prepare (sl_ledger_get_database (ledger),
                                            "SELECT name FROM pragma_database_list"
                                            " WHERE name NOT IN ('main', 'temp')",
                                            &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
}

static void
assert_index_sound (SlLedger *ledger)
{
  g_autoptr(GError) error = NULL;

  sl_database_exec (sl_ledger_get_database (ledger),
                    "INSERT INTO search_index (search_index) VALUES ('integrity-check')", &error);
  g_assert_no_error (error);
}

static guint
count_indexed (SlLedger *ledger)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sl_database_prepare (sl_ledger_get_database (ledger),
                                            "SELECT count(*) FROM search_index_docsize", &error);
  guint n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The hits of @query in @ledger, in order, as "id score" lines. */
static char *
hits_of (SlLedger   *ledger,
         const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = sl_search_run (sl_ledger_get_database (ledger), query, 0, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (text, "%s %s\n", hit->meeting, hit->snippet);
    }
  return g_string_free (text, FALSE);
}

/* Every one-character query and many of two to four: the same hits, in
 * the same order, with the same snippets, as in the ledger of origin,
 * all from the index. */
static void
assert_same_answers (Fixture *fixture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  guint answered = 0;
  guint before = sl_search_get_fallback_reads ();

  for (guint i = 0; i < G_N_ELEMENTS (alphabet); i++)
    g_ptr_array_add (queries, g_strdup (alphabet[i]));
  for (int length = 2; length <= 4; length++)
    for (guint i = 0; i < 15; i++)
      {
        GString *query = g_string_new (NULL);

        for (int c = 0; c < length; c++)
          g_string_append (query, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
        g_ptr_array_add (queries, g_string_free (query, FALSE));
      }

  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = g_ptr_array_index (queries, q);
      g_autofree char *expected = hits_of (fixture->source, query);
      g_autofree char *found = hits_of (fixture->target, query);

      g_assert_cmpstr (found, ==, expected);
      answered += *found != '\0';
    }
  g_assert_cmpuint (answered, >, queries->len / 2);
  g_assert_cmpuint (sl_search_get_fallback_reads (), ==, before);
}

static void
test_same_answers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint installs = sl_search_builder_get_installs ();

  g_assert_true (sl_archive_import (fixture->target, fixture->archive, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* Built apart indeed, and nothing of it left. */
  g_assert_cmpuint (sl_search_builder_get_installs (), ==, installs + 1);
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
  assert_nothing_attached (fixture->target);

  g_assert_cmpuint (count_indexed (fixture->target), ==, N_MEETINGS);
  assert_index_sound (fixture->target);
  assert_same_answers (fixture);
}

/* The connection that imported keeps indexing what it writes: its cached
 * idea of the index is the copied one, not the empty one it had. */
static void
test_writes_after (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(SlMeeting) meeting = NULL;
  g_autofree char *before = NULL;
  g_autofree char *id = NULL;
  SlSearchHit *hit;

  /* Searched once before, so that the connection has read the empty
   * index's structure. */
  hits = sl_search_run (sl_ledger_get_database (fixture->target), "学习", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_assert_true (sl_archive_import (fixture->target, fixture->archive, FALSE, NULL, &error));
  g_assert_no_error (error);
  before = hits_of (fixture->target, "学习");
  g_assert_cmpstr (before, !=, "");

  /* A meeting retitled and one deleted, through the same connection. */
  hits = sl_search_run (sl_ledger_get_database (fixture->target), "学习", 0, &error);
  g_assert_no_error (error);
  hit = g_ptr_array_index (hits, 0);
  id = g_strdup (hit->meeting);
  meeting = sl_ledger_load_meeting (fixture->target, id, &error);
  g_assert_no_error (error);
  sl_meeting_set_title (meeting, "整改落实专题会 Quartz");
  sl_ledger_save_meeting (fixture->target, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  hit = g_ptr_array_index (hits, hits->len - 1);
  {
    g_autoptr(SlMeeting) gone = sl_ledger_load_meeting (fixture->target, hit->meeting, &error);

    g_assert_no_error (error);
    g_assert_true (sl_ledger_delete (fixture->target, gone, &error));
    g_assert_no_error (error);
  }

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = sl_search_run (sl_ledger_get_database (fixture->target), "quartz", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 0))->meeting, ==, id);
  g_assert_cmpuint (count_indexed (fixture->target), ==, N_MEETINGS - 1);
  assert_index_sound (fixture->target);

  /* And another connection reads the same. */
  {
    g_autoptr(SlLedger) other = sl_ledger_open (sl_database_get_path (sl_ledger_get_database (fixture->target)),
                                                &error);
    g_autoptr(GPtrArray) again = NULL;

    g_assert_no_error (error);
    again = sl_search_run (sl_ledger_get_database (other), "quartz", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 1);
    assert_index_sound (other);
  }
}

/* An import that fails after hundreds of meetings went to the index
 * apart: nothing written, nothing left, and the next import is whole. */
static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *broken = g_build_filename (fixture->folder, "broken.json", NULL);
  GString *edited;
  const char *last;
  gsize length;

  /* The last meeting's date made impossible: refused by the reading
   * thread when every other meeting is written. */
  g_assert_true (g_file_get_contents (fixture->archive, &text, &length, &error));
  last = g_strrstr (text, "\"date\" : \"");
  g_assert_nonnull (last);
  edited = g_string_new_len (text, last - text);
  g_string_append (edited, "\"date\" : \"2023-02-30");
  g_string_append (edited, last + strlen ("\"date\" : \"2023-02-30"));
  g_assert_true (g_file_set_contents (broken, edited->str, edited->len, &error));
  g_string_free (edited, TRUE);

  g_assert_false (sl_archive_import (fixture->target, broken, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2023-02-30"));
  g_clear_error (&error);

  g_assert_true (sl_ledger_is_empty (fixture->target));
  g_assert_cmpuint (count_indexed (fixture->target), ==, 0);
  assert_index_sound (fixture->target);
  assert_nothing_attached (fixture->target);
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);

  g_assert_true (sl_archive_import (fixture->target, fixture->archive, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_indexed (fixture->target), ==, N_MEETINGS);
  assert_index_sound (fixture->target);
  assert_same_answers (fixture);
}

/* Whether process @pid has the index apart open, unlinked: its link in
 * /proc, "…/study-ledger-index-XXXXXX (deleted)". (For the few
 * milliseconds before both connections have it, it has its name.) */
static gboolean
has_index_open (GPid pid)
{
  g_autofree char *fds = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (fds, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename (fds, name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (target != NULL && strstr (target, "study-ledger-index-") != NULL &&
          g_str_has_suffix (target, " (deleted)"))
        return TRUE;
    }
  return FALSE;
}

/* The command line killed while the index apart is being built: its
 * file was unlinked as soon as both connections had it, so nothing is
 * left of it, and the ledger is as it was. */
static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sl_database_get_path (sl_ledger_get_database (fixture->target)));
  const char *argv[] = { cli_path (), "--database", path, "import-archive", fixture->archive, NULL };
  gboolean seen = FALSE;
  GPid pid;
  int status;

  if (cli_path () == NULL)
    {
      g_test_skip ("STUDY_LEDGER is not set");
      return;
    }
  g_clear_object (&fixture->target);

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 20000 && !seen && waitpid (pid, &status, WNOHANG) == 0; i++)
    {
      seen = has_index_open (pid);
      if (!seen)
        g_usleep (100);
    }
  g_assert_true (seen);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
  fixture->target = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sl_ledger_is_empty (fixture->target));
  g_assert_cmpuint (count_indexed (fixture->target), ==, 0);
  assert_index_sound (fixture->target);
}

/* A disk full for the index apart alone -------------------------------- */

typedef ssize_t (*PwriteFunc) (int, const void *, size_t, off_t);
typedef ssize_t (*WriteFunc)  (int, const void *, size_t);

static PwriteFunc real_pwrite, real_pwrite64;
static WriteFunc  real_write;
static guint      refused_writes;

/* Whether this write is the index apart's: the thread that builds it
 * writes no other file. */
static gboolean
refuse (void)
{
  char name[16] = "";

  if (prctl (PR_GET_NAME, name) != 0 || strcmp (name, "sl-search-apart") != 0)
    return FALSE;
  g_atomic_int_inc (&refused_writes);
  errno = ENOSPC;
  return TRUE;
}

static ssize_t
full_pwrite (int fd, const void *buffer, size_t size, off_t offset)
{
  return refuse () ? -1 : real_pwrite (fd, buffer, size, offset);
}

static ssize_t
full_pwrite64 (int fd, const void *buffer, size_t size, off_t offset)
{
  return refuse () ? -1 : real_pwrite64 (fd, buffer, size, offset);
}

static ssize_t
full_write (int fd, const void *buffer, size_t size)
{
  return refuse () ? -1 : real_write (fd, buffer, size);
}

/* Puts the wrappers in the unix VFS, or takes them out again. */
static void
set_disk_full (gboolean full)
{
  static const char *names[] = { "pwrite", "pwrite64", "write" };
  static sqlite3_syscall_ptr saved[G_N_ELEMENTS (names)];
  sqlite3_syscall_ptr wrappers[] = {
    (sqlite3_syscall_ptr) full_pwrite, (sqlite3_syscall_ptr) full_pwrite64,
    (sqlite3_syscall_ptr) full_write,
  };
  sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

  G_STATIC_ASSERT (G_N_ELEMENTS (wrappers) == G_N_ELEMENTS (names));
  g_assert_nonnull (vfs);
  g_assert_cmpint (vfs->iVersion, >=, 3);

  /* The real calls known before any wrapper is in place. */
  if (full)
    {
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        saved[i] = vfs->xGetSystemCall (vfs, names[i]);
      real_pwrite = (PwriteFunc) saved[0];
      real_pwrite64 = (PwriteFunc) saved[1];
      real_write = (WriteFunc) saved[2];
      refused_writes = 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (saved[i] != NULL)
      g_assert_cmpint (vfs->xSetSystemCall (vfs, names[i], full ? wrappers[i] : saved[i]), ==, SQLITE_OK);
}

/* The index apart's disk full: the thread fails, and the import does
 * not, its index built from the texts instead, with a warning; the same
 * answers, a sound index, and no file left. */
static void
test_thread_fails (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint installs = sl_search_builder_get_installs ();
  gboolean imported;

  set_disk_full (TRUE);
  g_test_expect_message ("sl-search", G_LOG_LEVEL_WARNING, "*could not be built apart*");
  imported = sl_archive_import (fixture->target, fixture->archive, FALSE, NULL, &error);
  set_disk_full (FALSE);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_true (imported);

  /* The file apart was written to and refused, and not copied in. */
  g_assert_cmpuint (refused_writes, >, 0);
  g_assert_cmpuint (sl_search_builder_get_installs (), ==, installs);
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
  assert_nothing_attached (fixture->target);

  g_assert_cmpuint (count_indexed (fixture->target), ==, N_MEETINGS);
  assert_index_sound (fixture->target);
  assert_same_answers (fixture);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* A TMPDIR of its own, set before GLib reads it once for all. */
  temporary = g_build_filename (g_getenv ("TMPDIR") != NULL ? g_getenv ("TMPDIR") : "/tmp",
                                "test-search-builder-tmp-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (temporary));
  g_setenv ("TMPDIR", temporary, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_setenv ("SL_TODAY", "2026-01-15", TRUE);

#define ADD(path, func) \
  g_test_add ("/search-builder/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("same-answers", test_same_answers);
  ADD ("writes-after", test_writes_after);
  ADD ("failure-leaves-nothing", test_failure_leaves_nothing);
  ADD ("thread-fails", test_thread_fails);
  ADD ("killed", test_killed);

  status = g_test_run ();
  g_rmdir (temporary);
  g_free (temporary);
  return status;
}
