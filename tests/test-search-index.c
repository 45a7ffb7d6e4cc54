/* test-search-index.c — the search index of schema 8 and what it answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tokenizer's tokens (sl-cjk-tokenizer.c); one- to four-character Chinese
 * queries against a brute-force instr() scan of the records over a
 * generated ledger, all answered from the index; ranking, newest first on
 * ties; and search's --limit and --all through the real command line.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-organization.h"
#include "sl-search.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-cjk-tokenizer.h"

/* ------------------------------------------------------------------ */
/* The tokenizer                                                      */
/* ------------------------------------------------------------------ */

typedef struct
{
  GString *tokens;  /* "学习 +学 习 abc" */
  GArray  *spans;   /* int pairs: byte start, end */
} Tokens;

static int
collect (void       *context,
         int         flags,
         const char *token,
         int         length,
         int         start,
         int         end)
{
  Tokens *tokens = context;

  if (tokens->tokens->len > 0)
    g_string_append_c (tokens->tokens, ' ');
  if (flags & FTS5_TOKEN_COLOCATED)
    g_string_append_c (tokens->tokens, '+');
  g_string_append_len (tokens->tokens, token, length);
  g_array_append_val (tokens->spans, start);
  g_array_append_val (tokens->spans, end);
  return SQLITE_OK;
}

static char *
tokenize (const char *text,
          int         flags,
          GArray    **spans)
{
  Tokens tokens = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (int)) };

  g_assert_cmpint (sl_cjk_tokenizer_tokenize (&tokens, flags, text, strlen (text), collect), ==, SQLITE_OK);
  if (spans != NULL)
    *spans = tokens.spans;
  else
    g_array_unref (tokens.spans);
  return g_string_free (tokens.tokens, FALSE);
}

static void
assert_tokens (const char *text,
               int         flags,
               const char *expected)
{
  g_autofree char *tokens = tokenize (text, flags, NULL);
  g_autofree char *shown = g_utf8_make_valid (text, -1);

  g_test_message ("“%s” → %s", shown, tokens);
  g_assert_cmpstr (tokens, ==, expected);
}

static void
test_tokenizer (void)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *tokens = NULL;
  const char *text = "学习ABC 2023年，𠀀字";

  /* Documents: every pair, each character beside the pair it starts, the
   * last one alone; Latin words lower-cased; digits a word; a run of CJK
   * characters ends at anything else. */
  assert_tokens ("学习生态", FTS5_TOKENIZE_DOCUMENT, "学习 +学 习生 +习 生态 +生 态");
  assert_tokens ("党", FTS5_TOKENIZE_DOCUMENT, "党");
  assert_tokens (text, FTS5_TOKENIZE_DOCUMENT, "学习 +学 习 abc 2023 年 𠀀字 +𠀀 字");
  assert_tokens ("Xi近平 GOVERNANCE-of_China", FTS5_TOKENIZE_DOCUMENT,
                 "xi 近平 +近 平 governance of china");
  assert_tokens ("第1000次支委会", FTS5_TOKENIZE_DOCUMENT, "第 1000 次支 +次 支委 +支 委会 +委 会");
  /* Punctuation, full-width or not, and white space: no tokens. */
  assert_tokens ("，。！？、《》“”  \n\t-_*\"", FTS5_TOKENIZE_DOCUMENT, "");
  assert_tokens ("生态，文明", FTS5_TOKENIZE_DOCUMENT, "生态 +生 态 文明 +文 明");
  /* 〇 and 々 belong to their run; kana are written without spaces too. */
  assert_tokens ("二〇二三年", FTS5_TOKENIZE_DOCUMENT, "二〇 +二 〇二 +〇 二三 +二 三年 +三 年");
  assert_tokens ("人々", FTS5_TOKENIZE_DOCUMENT, "人々 +人 々");
  assert_tokens ("ひらがな", FTS5_TOKENIZE_DOCUMENT, "ひら +ひ らが +ら がな +が な");
  /* Not UTF-8: skipped, never read past. */
  assert_tokens ("学\xff习", FTS5_TOKENIZE_DOCUMENT, "学 习");
  assert_tokens ("", FTS5_TOKENIZE_DOCUMENT, "");

  /* Queries: one character, or the pairs of a phrase. */
  assert_tokens ("学习生态", FTS5_TOKENIZE_QUERY, "学习 习生 生态");
  assert_tokens ("学习", FTS5_TOKENIZE_QUERY, "学习");
  assert_tokens ("党", FTS5_TOKENIZE_QUERY, "党");
  assert_tokens ("𠀀", FTS5_TOKENIZE_QUERY, "𠀀");
  assert_tokens ("2023年", FTS5_TOKENIZE_QUERY, "2023 年");

  /* Byte offsets: 𠀀 (U+20000) is four bytes of UTF-8. */
  tokens = tokenize (text, FTS5_TOKENIZE_DOCUMENT, &spans);
  g_assert_cmpuint (spans->len, ==, 2 * 9);
  /* 学习 */
  g_assert_cmpint (g_array_index (spans, int, 0), ==, 0);
  g_assert_cmpint (g_array_index (spans, int, 1), ==, 6);
  /* abc, from ABC */
  g_assert_cmpint (g_array_index (spans, int, 6), ==, 6);
  g_assert_cmpint (g_array_index (spans, int, 7), ==, 9);
  /* 𠀀字 */
  g_assert_cmpint (g_array_index (spans, int, 12), ==, (int) (strstr (text, "𠀀") - text));
  g_assert_cmpint (g_array_index (spans, int, 13), ==, (int) (strstr (text, "𠀀") - text) + 4 + 3);
  /* +𠀀 */
  g_assert_cmpint (g_array_index (spans, int, 15) - g_array_index (spans, int, 14), ==, 4);
}

/* ------------------------------------------------------------------ */
/* A ledger                                                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
  char     *organization;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-search-index-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);

  sl_organization_set_name (organization, "某某局机关党委");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_COMMITTEE);
  sl_ledger_save_organization (fixture->ledger, organization, &error);
  g_assert_no_error (error);
  fixture->organization = g_strdup (sl_record_get_id (SL_RECORD (organization)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ledger);
  g_unlink (fixture->path);
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (fixture->folder);
  g_free (fixture->organization);
  g_free (fixture->path);
  g_free (fixture->folder);
}

/* A meeting with a study, a speech and a measure, each text given. */
static SlMeeting *
add_meeting (Fixture    *fixture,
             const char *date,
             const char *texts[8])
{
  SlMeeting *meeting = sl_meeting_new ();
  g_autoptr(SlStudy) study = sl_study_new ();
  g_autoptr(SlSpeech) speech = sl_speech_new ();
  g_autoptr(SlMeasure) measure = sl_measure_new ();
  g_autoptr(GError) error = NULL;

  sl_meeting_set_organization (meeting, fixture->organization);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_PARTY_GROUP);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, texts[0]);
  sl_meeting_set_theme (meeting, texts[1]);
  sl_study_set_title (study, texts[2]);
  sl_study_set_source (study, texts[3]);
  sl_study_set_summary (study, texts[4]);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);
  sl_speech_set_points (speech, texts[5]);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), speech);
  sl_measure_set_text (measure, texts[6]);
  sl_measure_set_progress (measure, texts[7]);
  sl_measure_set_status (measure, SL_MEASURE_STATUS_OPEN);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), measure);

  sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  return meeting;
}

/* ------------------------------------------------------------------ */
/* Queries against a brute-force scan                                 */
/* ------------------------------------------------------------------ */

/* Few characters, so that every pair and many triples recur. */
static const char *alphabet[] = {
  "学", "习", "生", "态", "党", "建", "文", "明", "整", "改", "𠀀", "会",
};

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  int length = g_rand_int_range (rand, 0, 24);

  for (int i = 0; i < length; i++)
    {
      int draw = g_rand_int_range (rand, 0, 40);

      if (draw < 34)
        g_string_append (text, alphabet[draw % G_N_ELEMENTS (alphabet)]);
      else if (draw < 36)
        g_string_append (text, "，");
      else if (draw < 38)
        g_string_append (text, " ");
      else
        g_string_append (text, "Ab1");
    }
  return g_string_free (text, FALSE);
}

/* The meetings (ids) any of whose texts holds @word, by instr(): the
 * records themselves, not search_text nor the index. */
static GHashTable *
brute_force (SlDatabase *database,
             const char *word)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sl_database_prepare (database,
    "SELECT m.uuid FROM meetings m WHERE instr (m.title, ?1) OR instr (m.theme, ?1)"
    " OR EXISTS (SELECT 1 FROM studies s WHERE s.meeting_id = m.id"
    "            AND (instr (s.title, ?1) OR instr (s.source, ?1) OR instr (s.summary, ?1)))"
    " OR EXISTS (SELECT 1 FROM speeches p WHERE p.meeting_id = m.id AND instr (p.points, ?1))"
    " OR EXISTS (SELECT 1 FROM measures x WHERE x.meeting_id = m.id"
    "            AND (instr (x.text, ?1) OR instr (x.progress, ?1)))",
    &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (found, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return found;
}

static void
test_against_brute_force (Fixture       *fixture,
                          gconstpointer  data)
{
  SlDatabase *database = sl_ledger_get_database (fixture->ledger);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231);
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2015);
  g_autoptr(GError) error = NULL;
  guint before;
  guint answered = 0;

  g_assert_true (sl_ledger_begin (fixture->ledger, &error));
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(SlMeeting) meeting = NULL;
      char *texts[8];
      char day[11];

      for (guint t = 0; t < 8; t++)
        texts[t] = random_text (rand);
      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      g_date_add_days (date, g_rand_int_range (rand, 0, 20));
      meeting = add_meeting (fixture, day, (const char **) texts);
      for (guint t = 0; t < 8; t++)
        g_free (texts[t]);
    }
  g_assert_true (sl_ledger_commit (fixture->ledger, &error));
  g_assert_no_error (error);

  /* Every character; pairs, triples and fours both made up and drawn
   * from the alphabet at random (some found nowhere). */
  for (guint i = 0; i < G_N_ELEMENTS (alphabet); i++)
    g_ptr_array_add (queries, g_strdup (alphabet[i]));
  for (int length = 2; length <= 4; length++)
    for (guint i = 0; i < 40; i++)
      {
        GString *query = g_string_new (NULL);

        for (int c = 0; c < length; c++)
          g_string_append (query, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
        g_ptr_array_add (queries, g_string_free (query, FALSE));
      }

  before = sl_search_get_fallback_reads ();
  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = g_ptr_array_index (queries, q);
      g_autoptr(GHashTable) expected = brute_force (database, query);
      g_autoptr(GPtrArray) hits = sl_search_run (database, query, 0, &error);
      g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer key;

      g_assert_no_error (error);
      for (guint i = 0; i < hits->len; i++)
        {
          SlSearchHit *hit = g_ptr_array_index (hits, i);

          g_assert_false (g_hash_table_contains (found, hit->meeting));
          g_hash_table_add (found, hit->meeting);
          if (!g_hash_table_contains (expected, hit->meeting))
            g_error ("“%s” found %s, which does not hold it", query, hit->title);
          g_assert_nonnull (strstr (hit->snippet, query));
        }
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (found, key))
          g_error ("“%s” missed the meeting %s, which holds it", query, (char *) key);
      answered += hits->len > 0;
    }

  /* All of them answered from the index alone, and most found something. */
  g_assert_cmpuint (sl_search_get_fallback_reads (), ==, before);
  g_assert_cmpuint (answered, >, queries->len / 2);
}

/* ------------------------------------------------------------------ */
/* Ranking                                                            */
/* ------------------------------------------------------------------ */

static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  SlDatabase *database = sl_ledger_get_database (fixture->ledger);
  const char *once[8] = { "调研工作会", "部署工作", "通知", "文件", "研读", "谈认识", "清单", "推进" };
  const char *twice[8] = { "调研调研会", "部署工作", "通知", "文件", "研读", "谈认识", "清单", "推进" };
  g_autoptr(SlMeeting) m2021 = add_meeting (fixture, "2021-05-01", once);
  g_autoptr(SlMeeting) m2023 = add_meeting (fixture, "2023-05-01", once);
  g_autoptr(SlMeeting) m2020 = add_meeting (fixture, "2020-05-01", twice);
  g_autoptr(SlMeeting) m2022 = add_meeting (fixture, "2022-05-01", once);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = sl_search_run (database, "调研", 0, &error);
  g_autoptr(GPtrArray) two = NULL;
  const char *expected[] = {
    sl_record_get_id (SL_RECORD (m2020)),  /* the word twice: the best, though the oldest */
    sl_record_get_id (SL_RECORD (m2023)),  /* then three that tie, newest first */
    sl_record_get_id (SL_RECORD (m2022)),
    sl_record_get_id (SL_RECORD (m2021)),
  };

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 4);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, i))->meeting, ==, expected[i]);
  g_assert_cmpfloat (((SlSearchHit *) g_ptr_array_index (hits, 0))->rank, <,
                     ((SlSearchHit *) g_ptr_array_index (hits, 1))->rank);
  g_assert_cmpfloat (((SlSearchHit *) g_ptr_array_index (hits, 1))->rank, ==,
                     ((SlSearchHit *) g_ptr_array_index (hits, 3))->rank);

  /* A limit keeps the best. */
  two = sl_search_run (database, "调研", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (two, 0))->meeting, ==, expected[0]);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (two, 1))->meeting, ==, expected[1]);
}

/* ------------------------------------------------------------------ */
/* The command line                                                   */
/* ------------------------------------------------------------------ */

static guint
run_cli (const char  *path,
         const char **arguments,
         int         *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("STUDY_LEDGER"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, (gpointer) "search");
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "G_MESSAGES_DEBUG");

  g_assert_nonnull (g_getenv ("STUDY_LEDGER"));
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (*status != 0)
    {
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "--all"));
      return 0;
    }

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_cli_limit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
  g_autoptr(GError) error = NULL;
  const char *with_limit[] = { "调研", "--json", "--limit", "7", NULL };
  const char *all[] = { "调研", "--json", "--all", NULL };
  const char *plain[] = { "调研", "--json", NULL };
  const char *both[] = { "调研", "--json", "--limit", "7", "--all", NULL };
  const char *zero[] = { "调研", "--json", "--limit", "0", NULL };
  const char *minus_one[] = { "调研", "--json", "--limit", "-1", NULL };
  int status = 0;

  g_assert_true (sl_ledger_begin (fixture->ledger, &error));
  for (guint i = 0; i < 130; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u次调研会", i + 1);
      const char *texts[8] = { title, "部署工作", "通知", "文件", "研读", "谈认识", "清单", "推进" };
      char day[11];

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      g_date_add_days (date, 1);
      g_object_unref (add_meeting (fixture, day, texts));
    }
  g_assert_true (sl_ledger_commit (fixture->ledger, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (run_cli (fixture->path, plain, &status), ==, 100);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (run_cli (fixture->path, all, &status), ==, 130);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (run_cli (fixture->path, with_limit, &status), ==, 7);
  g_assert_cmpint (status, ==, 0);

  run_cli (fixture->path, both, &status);
  g_assert_cmpint (status, !=, 0);
  run_cli (fixture->path, zero, &status);
  g_assert_cmpint (status, !=, 0);
  run_cli (fixture->path, minus_one, &status);
  g_assert_cmpint (status, !=, 0);
}

/* A ledger of schema 4 (the trigram index) is brought to the new index
 * on opening, its records found by one- and two-character words. */
static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) old = sl_database_open_at_version (path, 4, &error);
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  sl_database_exec (old,
                    "INSERT INTO organizations (id, uuid, name) VALUES (1, 'o', '机关党委');"
                    "INSERT INTO meetings (id, uuid, organization_id, kind, title, date, theme)"
                    "  VALUES (1, 'm1', 1, 'party_group', '党组会议', '2023-01-05', '学习生态文明');"
                    "INSERT INTO meetings (id, uuid, organization_id, kind, title, date, theme)"
                    "  VALUES (2, 'm2', 1, 'party_group', '党组会议', '2023-02-05', '部署工作');"
                    "INSERT INTO speeches (meeting_id, position, points) VALUES (2, 0, '谈学习体会');",
                    &error);
  g_assert_no_error (error);
  g_clear_object (&old);

  ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_database_get_version (sl_ledger_get_database (ledger)), ==, SL_SCHEMA_VERSION);

  hits = sl_search_run (sl_ledger_get_database (ledger), "学习", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = sl_search_run (sl_ledger_get_database (ledger), "态", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 0))->meeting, ==, "m1");

  g_clear_object (&ledger);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-index/tokenizer", test_tokenizer);
#define ADD(path, func) \
  g_test_add ("/search-index/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("against-brute-force", test_against_brute_force);
  ADD ("ranking", test_ranking);
  ADD ("cli-limit", test_cli_limit);
  ADD ("migration", test_migration);
#undef ADD

  return g_test_run ();
}
