/* test-search-shell.c — the search index and writers without our tokenizer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schema 8's index needs our tokenizer, which only this program has. A
 * ledger edited by the sqlite3 shell (as the tests of `check` do, and as
 * an administrator may) must still take the edit, and a search by the
 * program must find the new text and not the old: from a reader that
 * may not write (the command line's search) by reading the queued
 * meetings' texts, from a writer by indexing them first.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-search.h"

typedef struct
{
  char *folder;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("sl-search-shell-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* Runs @argv; returns its exit status, its output in @out. */
static int
run (const char * const *argv,
     char              **out)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "G_MESSAGES_DEBUG");
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", argv[0], err);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The sqlite3 shell runs @sql on the ledger; returns its output. */
static char *
shell (const char *path,
       const char *sql)
{
  const char *argv[] = { "sqlite3", path, sql, NULL };
  char *out = NULL;

  g_assert_cmpint (run (argv, &out), ==, 0);
  return g_strstrip (out);
}

/* The meetings (ids) that `study-ledger search TEXT --json --all` finds,
 * sorted and joined by spaces. */
static char *
cli_search (const char *path,
            const char *text)
{
  const char *argv[] = { g_getenv ("STUDY_LEDGER"), "--database", path, "search", text,
                         "--json", "--all", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  JsonArray *hits;

  g_assert_nonnull (argv[0]);
  g_assert_cmpint (run (argv, &out), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  hits = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (hits); i++)
    g_ptr_array_add (ids, (gpointer) json_object_get_string_member (
                       json_array_get_object_element (hits, i), "meeting"));
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static char *
program_search (SlLedger   *ledger,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = sl_search_run (sl_ledger_get_database (ledger), text, 0, &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (ids, ((SlSearchHit *) g_ptr_array_index (hits, i))->meeting);
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static void
make_ledger (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  SlDatabase *database;

  g_assert_no_error (error);
  database = sl_ledger_get_database (ledger);
  g_assert_true (sl_database_begin (database, &error));
  g_assert_true (sl_database_exec (database,
    "INSERT INTO organizations (id, uuid, name) VALUES (1, 'o', '机关党委');"
    "INSERT INTO meetings (id, uuid, organization_id, kind, title, date, theme)"
    "  VALUES (1, 'm1', 1, 'party_group', '党组会议', '2023-01-05', '部署工作');"
    "INSERT INTO meetings (id, uuid, organization_id, kind, title, date, theme)"
    "  VALUES (2, 'm2', 1, 'party_group', '党组会议', '2023-02-05', '学习讲话');"
    "INSERT INTO meetings (id, uuid, organization_id, kind, title, date, theme)"
    "  VALUES (3, 'm3', 1, 'party_group', '党组会议', '2023-03-05', '部署调研');",
    &error));
  g_assert_true (sl_database_commit (database, &error));
  g_assert_no_error (error);
}

static void
test_shell_edit_then_search (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  make_ledger (fixture->path);
  g_free (out); out = shell (fixture->path, "SELECT count(*) FROM search_pending");
  g_assert_cmpstr (out, ==, "0");

  /* The shell, which has no sl_cjk tokenizer, changes, adds and deletes
   * searched text: each statement succeeds. */
  g_free (out);
  out = shell (fixture->path,
               "UPDATE meetings SET theme = '学习生态文明' WHERE id = 1;"
               "INSERT INTO speeches (meeting_id, position, points) VALUES (2, 0, '谈生态保护');"
               "DELETE FROM meetings WHERE id = 3;"
               "SELECT count(*) FROM search_pending;");
  g_assert_cmpstr (out, ==, "3");

  /* The command line reads without writing: it finds the new text and
   * not the old, and leaves the queue for a writer. */
  g_free (out); out = cli_search (fixture->path, "生态");
  g_assert_cmpstr (out, ==, "m1 m2");
  g_free (out); out = cli_search (fixture->path, "部署");
  g_assert_cmpstr (out, ==, "");
  g_free (out); out = cli_search (fixture->path, "学习");
  g_assert_cmpstr (out, ==, "m1 m2");
  g_free (out); out = shell (fixture->path, "SELECT count(*) FROM search_pending");
  g_assert_cmpstr (out, ==, "3");

  /* `check` stays read-only. */
  {
    const char *argv[] = { g_getenv ("STUDY_LEDGER"), "--database", fixture->path, "check", NULL };
    g_autofree char *check_out = NULL;

    g_assert_cmpint (run (argv, &check_out), ==, 0);
  }
  g_free (out); out = shell (fixture->path, "SELECT count(*) FROM search_pending");
  g_assert_cmpstr (out, ==, "3");

  /* The program, which may write, indexes the queue before searching:
   * the index itself then answers, and agrees with itself. */
  ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  g_free (out); out = program_search (ledger, "生态");
  g_assert_cmpstr (out, ==, "m1 m2");
  g_free (out); out = program_search (ledger, "部署");
  g_assert_cmpstr (out, ==, "");
  g_assert_true (sl_database_exec (sl_ledger_get_database (ledger),
                                   "INSERT INTO search_index (search_index) VALUES ('integrity-check')",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&ledger);
  g_free (out); out = shell (fixture->path, "SELECT count(*) FROM search_pending");
  g_assert_cmpstr (out, ==, "0");
  g_free (out); out = cli_search (fixture->path, "生态");
  g_assert_cmpstr (out, ==, "m1 m2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search-shell/edit-then-search", Fixture, NULL, fixture_set_up,
              test_shell_edit_then_search, fixture_tear_down);

  return g_test_run ();
}
