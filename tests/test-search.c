/* test-search.c — finding meetings by what was said and studied in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small ledger is built through SlLedger in a real SQLite file: one
 * meeting per searchable field (title, theme, a study's title, source and
 * summary, a speech, a measure's text and progress) holding 学习 there and
 * nowhere else, and a few meetings for 生态, 整改, 党 and Latin text. The
 * filler text of every other field holds none of the words searched for.
 *
 * Two things matter beyond "it finds something": two-character Chinese
 * words, the most common searches, cannot use the FTS5 trigram index and
 * must scan (NOTES.md: LIKE on the index silently finds nothing), and the
 * index must follow edits and deletes through its triggers.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-search.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-test-util.h"

/* ------------------------------------------------------------------ */
/* The ledger                                                         */
/* ------------------------------------------------------------------ */

typedef enum
{
  TITLE,
  THEME,
  STUDY_TITLE,
  STUDY_SOURCE,
  STUDY_SUMMARY,
  SPEECH,
  MEASURE_TEXT,
  MEASURE_PROGRESS,
  N_TEXTS
} Text;

/* What a field holds when a meeting says nothing special there: none of
 * 学习 生态 整改 党 座谈 出版 分管 xi (any case) 乡村. */
static const char *filler[N_TEXTS] = {
  "工作例会",
  "部署近期重点工作",
  "关于做好年度考核工作的通知",
  "办公室文件汇编",
  "逐条对照研读了通知要求",
  "结合本职工作谈了认识和打算",
  "细化责任清单",
  "按计划推进中",
};

typedef struct
{
  const char    *label;     /* how the tests name it */
  const char    *date;
  SlMeetingKind  kind;
  Text           field;     /* which field holds @text */
  const char    *text;
} MeetingSpec;

static const MeetingSpec specs[] = {
  /* 学习 in each searchable field, and only there */
  { "A", "2023-01-10", SL_MEETING_KIND_CENTRAL_GROUP, TITLE,
    "中心组2023年第1次集体学习" },
  { "B", "2023-02-14", SL_MEETING_KIND_CENTRAL_GROUP, THEME,
    "生态文明建设专题学习" },
  { "C", "2023-03-15", SL_MEETING_KIND_PARTY_GROUP, STUDY_TITLE,
    "习近平生态文明思想学习纲要" },
  { "D", "2023-04-18", SL_MEETING_KIND_PARTY_GROUP, STUDY_SOURCE,
    "学习出版社2022年版" },
  { "K", "2023-11-05", SL_MEETING_KIND_PARTY_GROUP, STUDY_SUMMARY,
    "组织学习讨论，逐段领会" },
  { "F", "2023-06-25", SL_MEETING_KIND_PARTY_GROUP, SPEECH,
    "结合分管领域谈生态环境问题整改体会，坚持学习在前" },
  { "L", "2023-11-20", SL_MEETING_KIND_PARTY_GROUP, MEASURE_TEXT,
    "建立常态化学习制度" },
  { "H", "2023-09-12", SL_MEETING_KIND_IDEOLOGY, MEASURE_PROGRESS,
    "已召开座谈会三次，学习成果转化为制度" },
  /* the other words */
  { "E", "2023-05-20", SL_MEETING_KIND_PARTY_GROUP, STUDY_SOURCE,
    "《XI JINPING: THE GOVERNANCE OF CHINA》英文版" },
  { "G", "2023-08-08", SL_MEETING_KIND_SITUATION_ANALYSIS, MEASURE_TEXT,
    "开展生态环境问题专项整改" },
  { "J", "2022-12-20", SL_MEETING_KIND_BRANCH_ASSEMBLY, THEME,
    "支部党员大会：划定生态保护红线" },
  /* nothing special at all */
  { "I", "2023-10-30", SL_MEETING_KIND_OTHER, TITLE,
    "第四季度工作部署会" },
};

typedef struct
{
  char       *folder;
  char       *path;
  SlLedger   *ledger;
  SlDatabase *database;   /* the ledger's */
  char       *organization;
  GHashTable *by_label;   /* label → SlMeeting, as saved */
  GHashTable *by_id;      /* meeting id → label */
} Fixture;

static SlMeeting *
build_meeting (const char    *organization,
               const char    *member,
               const char    *date,
               SlMeetingKind  kind,
               const char    *texts[N_TEXTS])
{
  SlMeeting *meeting = sl_meeting_new ();
  g_autoptr(SlStudy) study = sl_study_new ();
  g_autoptr(SlSpeech) speech = sl_speech_new ();
  g_autoptr(SlMeasure) measure = sl_measure_new ();

  sl_meeting_set_organization (meeting, organization);
  sl_meeting_set_kind (meeting, kind);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, texts[TITLE]);
  sl_meeting_set_theme (meeting, texts[THEME]);
  sl_meeting_set_chair (meeting, member);

  sl_study_set_title (study, texts[STUDY_TITLE]);
  sl_study_set_source (study, texts[STUDY_SOURCE]);
  sl_study_set_summary (study, texts[STUDY_SUMMARY]);
  sl_study_set_published_on (study, "2022-10-16");
  sl_study_set_first_topic (study, kind == SL_MEETING_KIND_PARTY_GROUP);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);

  sl_speech_set_speaker (speech, member);
  sl_speech_set_points (speech, texts[SPEECH]);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), speech);

  sl_measure_set_text (measure, texts[MEASURE_TEXT]);
  sl_measure_set_progress (measure, texts[MEASURE_PROGRESS]);
  sl_measure_set_owner (measure, member);
  sl_measure_set_status (measure, SL_MEASURE_STATUS_IN_PROGRESS);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), measure);

  return meeting;
}

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->ledger);
  fixture->database = sl_ledger_get_database (fixture->ledger);
  fixture->by_label = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  fixture->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* An organization and a member, for meetings to name. */
static char *
add_people (Fixture  *fixture,
            char    **out_member)
{
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(SlMember) member = sl_member_new ();
  g_autoptr(GError) error = NULL;

  sl_organization_set_name (organization, "某某局机关党委");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_COMMITTEE);
  sl_ledger_save_organization (fixture->ledger, organization, &error);
  g_assert_no_error (error);

  sl_member_set_name (member, "张三");
  sl_member_set_organization (member, sl_record_get_id (SL_RECORD (organization)));
  sl_ledger_save_member (fixture->ledger, member, &error);
  g_assert_no_error (error);

  *out_member = g_strdup (sl_record_get_id (SL_RECORD (member)));
  return g_strdup (sl_record_get_id (SL_RECORD (organization)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *member = NULL;

  fixture_open (fixture);
  fixture->organization = add_people (fixture, &member);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *texts[N_TEXTS];
      SlMeeting *meeting;

      memcpy (texts, filler, sizeof texts);
      texts[specs[i].field] = specs[i].text;

      meeting = build_meeting (fixture->organization, member, specs[i].date, specs[i].kind, texts);
      sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
      g_assert_no_error (error);

      g_hash_table_insert (fixture->by_label, (gpointer) specs[i].label, meeting);
      g_hash_table_insert (fixture->by_id, g_strdup (sl_record_get_id (SL_RECORD (meeting))),
                           (gpointer) specs[i].label);
    }
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  fixture_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->by_label, g_hash_table_unref);
  g_clear_pointer (&fixture->by_id, g_hash_table_unref);
  fixture->database = NULL;
  g_clear_object (&fixture->ledger);
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->organization, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

/* ------------------------------------------------------------------ */
/* Running a search                                                   */
/* ------------------------------------------------------------------ */

static GPtrArray *
run (Fixture    *fixture,
     const char *query,
     guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = sl_search_run (fixture->database, query, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);

  /* The best first (bm25), newest first on ties, every time; a person's
   * parts come first, newest first. */
  for (guint i = 1; i < hits->len; i++)
    {
      SlSearchHit *previous = g_ptr_array_index (hits, i - 1);
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      if (previous->roles != NULL && hit->roles != NULL)
        g_assert_cmpstr (previous->date, >=, hit->date);
      else if (previous->roles == NULL)
        {
          g_assert_null (hit->roles);
          g_assert_cmpfloat (previous->rank, <=, hit->rank);
          if (previous->rank == hit->rank)
            g_assert_cmpstr (previous->date, >=, hit->date);
        }
    }

  return hits;
}

/* The labels of the hits, in the order found: "L K H ..." */
static char *
labels_of (Fixture   *fixture,
           GPtrArray *hits)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);
      const char *label = g_hash_table_lookup (fixture->by_id, hit->meeting);

      if (i > 0)
        g_string_append_c (labels, ' ');
      g_string_append (labels, label != NULL ? label : hit->meeting);
    }

  return g_strdup (labels->str);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* "L K H" as "H K L": the meetings found, whatever their rank. */
static char *
sorted_labels (const char *labels)
{
  g_auto(GStrv) split = g_strsplit (labels, " ", -1);

  qsort (split, g_strv_length (split), sizeof (char *), compare_strings);
  return g_strjoinv (" ", split);
}

/* Checks that @query finds exactly @expected (labels, in any order: run()
 * checks the order) and
 * that each snippet shows @shown (case aside for Latin letters). */
static void
assert_search (Fixture    *fixture,
               const char *query,
               const char *shown,
               const char *expected)
{
  g_autoptr(GPtrArray) hits = run (fixture, query, 0);
  g_autofree char *labels = labels_of (fixture, hits);
  g_autofree char *needle = shown ? g_ascii_strdown (shown, -1) : NULL;

  g_autofree char *found_set = sorted_labels (labels);
  g_autofree char *expected_set = sorted_labels (expected);

  g_test_message ("search “%s” → %s", query, labels);
  g_assert_cmpstr (found_set, ==, expected_set);

  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);
      SlMeeting *meeting = g_hash_table_lookup (fixture->by_label,
                                                g_hash_table_lookup (fixture->by_id, hit->meeting));
      g_autofree char *snippet = NULL;

      g_assert_nonnull (meeting);
      g_assert_cmpstr (hit->date, ==, sl_meeting_get_date (meeting));
      g_assert_cmpstr (hit->title, ==, sl_meeting_get_title (meeting));
      g_assert_cmpint (hit->kind, ==, sl_meeting_get_kind (meeting));

      g_assert_nonnull (hit->snippet);
      g_assert_null (strchr (hit->snippet, '\n'));
      g_assert_true (g_utf8_validate (hit->snippet, -1, NULL));
      snippet = g_ascii_strdown (hit->snippet, -1);
      if (needle != NULL && strstr (snippet, needle) == NULL)
        g_error ("search “%s”: the snippet “%s” of %s does not show “%s”",
                 query, hit->snippet, hit->title, shown);
    }
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

static void
test_two_characters (Fixture       *fixture,
                     gconstpointer  data)
{
  /* 学习 sits in a different field of each of these eight. */
  assert_search (fixture, "学习", "学习", "L K H F D C B A");
  assert_search (fixture, "生态", "生态", "G F C B J");
  assert_search (fixture, "整改", "整改", "G F");
  assert_search (fixture, "座谈", "座谈", "H");
  assert_search (fixture, "分管", "分管", "F");
  assert_search (fixture, "出版", "出版", "D");
  assert_search (fixture, "会议", NULL, "");
}

/* One- and two-character words, the most common searches, are answered
 * from the index (schema 8) and never by reading the meetings' texts:
 * the fallback counter stands still for them, and with the index emptied
 * behind the triggers' backs they find nothing until it is rebuilt. A
 * single Latin letter, which the index cannot answer, is still found by
 * the fallback. (Before schema 8, this test held the opposite: that
 * short words needed no index.) */
static void
test_answered_from_index (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before = sl_search_get_fallback_reads ();

  assert_search (fixture, "学习", "学习", "L K H F D C B A");
  assert_search (fixture, "生态", "生态", "G F C B J");
  assert_search (fixture, "党", "党", "J");
  assert_search (fixture, "领", "领", "K F");
  assert_search (fixture, "生态文明", "生态文明", "C B");
  assert_search (fixture, "生态 整改", "生态", "G F");
  assert_search (fixture, "会议", NULL, "");
  g_assert_cmpuint (sl_search_get_fallback_reads (), ==, before);

  assert_search (fixture, "x", "x", "E");
  g_assert_cmpuint (sl_search_get_fallback_reads (), >, before);

  sl_database_exec (fixture->database, "INSERT INTO search_index (search_index) VALUES ('delete-all')",
                    &error);
  g_assert_no_error (error);
  assert_search (fixture, "学习", NULL, "");
  assert_search (fixture, "党", NULL, "");
  assert_search (fixture, "生态文明", NULL, "");

  sl_database_exec (fixture->database, "INSERT INTO search_index (search_index) VALUES ('rebuild')",
                    &error);
  g_assert_no_error (error);
  assert_search (fixture, "学习", "学习", "L K H F D C B A");
  assert_search (fixture, "党", "党", "J");
}

static void
test_three_and_four_characters (Fixture       *fixture,
                                gconstpointer  data)
{
  assert_search (fixture, "生态文", "生态文", "C B");
  assert_search (fixture, "生态文明", "生态文明", "C B");
  assert_search (fixture, "生态环境", "生态环境", "G F");
  assert_search (fixture, "集体学习", "集体学习", "A");
  assert_search (fixture, "文明生态", NULL, "");
}

static void
test_one_character (Fixture       *fixture,
                    gconstpointer  data)
{
  /* 党 is in J's theme only; 领 in K's and F's text. */
  assert_search (fixture, "党", "党", "J");
  assert_search (fixture, "领", "领", "K F");
}

static void
test_single_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  /* in a speech only */
  assert_search (fixture, "分管领域", "分管领域", "F");
  /* in a measure's progress only */
  assert_search (fixture, "座谈会", "座谈会", "H");
  assert_search (fixture, "成果转化", "成果转化", "H");
  /* in a study's source only */
  assert_search (fixture, "出版社", "出版社", "D");
  /* in a study's summary only */
  assert_search (fixture, "逐段领会", "逐段领会", "K");
  /* in a measure's text only */
  assert_search (fixture, "常态化", "常态化", "L");
}

static void
test_all_words (Fixture       *fixture,
                gconstpointer  data)
{
  assert_search (fixture, "生态 整改", "生态", "G F");
  assert_search (fixture, "整改 生态", "整改", "G F");
  assert_search (fixture, "生态 学习", "生态", "F C B");
  assert_search (fixture, "学习 整改", "学习", "F");
  /* Full-width spaces separate words too, and extra spaces are none. */
  assert_search (fixture, "  生态\u3000整改  ", "生态", "G F");
  /* A trigram word and a short word together. */
  assert_search (fixture, "生态文明 学习", "生态文明", "C B");
  assert_search (fixture, "生态文明 整改", NULL, "");
  /* One word that no meeting holds makes the whole query find nothing. */
  assert_search (fixture, "生态 乡村", NULL, "");
}

static void
test_latin (Fixture       *fixture,
            gconstpointer  data)
{
  assert_search (fixture, "Xi", "xi", "E");
  assert_search (fixture, "xi", "xi", "E");
  assert_search (fixture, "XI", "xi", "E");
  assert_search (fixture, "x", "x", "E");
  assert_search (fixture, "governance", "governance", "E");
  assert_search (fixture, "Jinping", "jinping", "E");
  assert_search (fixture, "xi governance", "xi", "E");
}

static void
test_quotes_and_syntax (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *queries[] = {
    "\"",
    "\"\"",
    "\"生态",
    "生态\"",
    "生态\"文明",
    "\"生态文明\"",
    "学习 \"",
    "生态 OR 学习",
    "生态*",
    "NEAR(生态 学习)",
    "'; DROP TABLE meetings; --",
    "%",
    "_",
    "%学习%",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = sl_search_run (fixture->database, queries[i], 0, &error);

      g_test_message ("search “%s”", queries[i]);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  /* Quotes and FTS syntax are text to find, not syntax: none of these
   * spellings is in any meeting. */
  assert_search (fixture, "生态\"文明", NULL, "");
  assert_search (fixture, "\"生态文明\"", NULL, "");
  assert_search (fixture, "生态*", NULL, "");
  assert_search (fixture, "%学习%", NULL, "");
  /* ...and the ledger is intact. */
  assert_search (fixture, "学习", "学习", "L K H F D C B A");
}

static void
test_empty_query (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_search (fixture, "", NULL, "");
  assert_search (fixture, "   ", NULL, "");
  assert_search (fixture, "\u3000", NULL, "");
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) three = run (fixture, "学习", 3);
  g_autoptr(GPtrArray) one = run (fixture, "生态文明", 1);
  g_autoptr(GPtrArray) many = run (fixture, "整改", 100);
  g_autofree char *three_labels = labels_of (fixture, three);
  g_autofree char *one_labels = labels_of (fixture, one);
  g_autofree char *many_labels = labels_of (fixture, many);

  g_autoptr(GPtrArray) all = run (fixture, "学习", 0);
  g_autoptr(GPtrArray) all_one = run (fixture, "生态文明", 0);

  /* The best ones: the first of the whole ranking (before ranking, these
   * were the newest: "L K H" and "C"). */
  g_assert_cmpuint (all->len, ==, 8);
  g_assert_cmpuint (three->len, ==, 3);
  for (guint i = 0; i < three->len; i++)
    g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (three, i))->meeting, ==,
                     ((SlSearchHit *) g_ptr_array_index (all, i))->meeting);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (one, 0))->meeting, ==,
                   ((SlSearchHit *) g_ptr_array_index (all_one, 0))->meeting);
  g_assert_nonnull (three_labels);
  g_assert_nonnull (one_labels);
  g_assert_cmpstr (many_labels, ==, "G F");

  for (guint i = 0; i < three->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (three, i);
      g_assert_nonnull (strstr (hit->snippet, "学习"));
    }
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = run (fixture, "整改", 0);
  g_autoptr(JsonNode) root = sl_search_to_json (hits);
  JsonArray *array;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_cmpstr (json_object_get_string_member (object, "meeting"), ==, hit->meeting);
      g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, hit->date);
      g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, hit->title);
      /* The snippet with the word in 【】 (README, "Search"). */
      g_assert_nonnull (strstr (json_object_get_string_member (object, "snippet"), "【整改】"));
      g_assert_nonnull (strstr (hit->snippet, "整改"));
      g_assert_null (strstr (hit->snippet, "【"));
    }
}

/* Edits and deletes reach the index through its triggers. */
static void
test_edit_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  SlMeeting *b = g_hash_table_lookup (fixture->by_label, "B");
  SlMeeting *c = g_hash_table_lookup (fixture->by_label, "C");
  SlMeeting *f = g_hash_table_lookup (fixture->by_label, "F");
  g_autoptr(SlMeeting) reloaded = NULL;
  g_autoptr(SlSpeech) speech = sl_speech_new ();
  g_autoptr(GError) error = NULL;

  assert_search (fixture, "生态文明", "生态文明", "C B");

  /* B's theme: from 生态文明建设专题学习 to a theme without either word. */
  sl_meeting_set_theme (b, "乡村振兴战略专题研讨");
  sl_ledger_save_meeting (fixture->ledger, b, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  assert_search (fixture, "生态文明", "生态文明", "C");
  assert_search (fixture, "生态", "生态", "G F C J");
  assert_search (fixture, "学习", "学习", "L K H F D C A");
  assert_search (fixture, "乡村振兴", "乡村振兴", "B");
  assert_search (fixture, "乡村", "乡村", "B");

  /* The same edit, through a meeting loaded afresh from the file. */
  reloaded = sl_ledger_load_meeting (fixture->ledger, sl_record_get_id (SL_RECORD (b)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  g_assert_cmpstr (sl_meeting_get_theme (reloaded), ==, "乡村振兴战略专题研讨");
  sl_meeting_set_theme (reloaded, "生态文明建设再学习");
  sl_ledger_save_meeting (fixture->ledger, reloaded, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  assert_search (fixture, "生态文明", "生态文明", "C B");
  assert_search (fixture, "乡村振兴", NULL, "");

  /* F's speech replaced: its old words are gone, the new ones found. */
  sl_speech_set_points (speech, "围绕乡村振兴谈思路");
  g_list_store_splice (G_LIST_STORE (sl_meeting_get_speeches (f)), 0,
                       g_list_model_get_n_items (sl_meeting_get_speeches (f)),
                       (gpointer *) &speech, 1);
  sl_ledger_save_meeting (fixture->ledger, f, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  assert_search (fixture, "分管领域", NULL, "");
  assert_search (fixture, "整改", "整改", "G");
  assert_search (fixture, "乡村振兴", "乡村振兴", "F");

  /* C deleted: neither its title nor its study is found any more. */
  sl_ledger_delete (fixture->ledger, c, &error);
  g_assert_no_error (error);
  assert_search (fixture, "生态文明", "生态文明", "B");
  assert_search (fixture, "纲要", NULL, "");
  assert_search (fixture, "思想学习", NULL, "");
  assert_search (fixture, "学习", "学习", "L K H D B A");
}

/* After a delete, nothing of the meeting stays in the index: a stale
 * row would come back as a hit on a later meeting that reuses the key. */
static void
test_delete_leaves_no_index_rows (Fixture       *fixture,
                                  gconstpointer  data)
{
  SlMeeting *c = g_hash_table_lookup (fixture->by_label, "C");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rows_before = -1;
  int rows_after = -1;

  stmt = sl_database_prepare (fixture->database, "SELECT count(*) FROM search_index_docsize", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rows_before = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  /* The meeting row, its study, its speech and its measure. */
  sl_ledger_delete (fixture->ledger, c, &error);
  g_assert_no_error (error);

  stmt = sl_database_prepare (fixture->database, "SELECT count(*) FROM search_index_docsize", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rows_after = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  /* One document per meeting since schema 8 (four rows, one per record,
   * before), and the index agrees with the texts it was built from. */
  g_assert_cmpint (rows_after, ==, rows_before - 1);
  sl_database_exec (fixture->database,
                    "INSERT INTO search_index (search_index) VALUES ('integrity-check')", &error);
  g_assert_no_error (error);
}

/* One edit through a second connection is seen by the first. */
static void
test_other_connection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) other = sl_ledger_open (fixture->path, &error);
  g_autoptr(SlMeeting) a = NULL;

  g_assert_no_error (error);
  a = sl_ledger_load_meeting (other, sl_record_get_id (SL_RECORD (g_hash_table_lookup (fixture->by_label, "A"))),
                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  sl_meeting_set_title (a, "中心组2023年第1次集体研讨");
  sl_ledger_save_meeting (other, a, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
  g_hash_table_insert (fixture->by_label, (gpointer) "A", g_object_ref (a));

  assert_search (fixture, "集体学习", NULL, "");
  assert_search (fixture, "集体研讨", "集体研讨", "A");
}

/* 1000 meetings hold the two characters: all of them come back. The
 * trap of NOTES.md would give none; a LIMIT somewhere, fewer. */
static void
test_many_rows (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *member = NULL;
  g_autofree char *organization = add_people (fixture, &member);
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) trigram = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GPtrArray) none = NULL;
  guint n = 1000;

  g_assert_true (sl_ledger_begin (fixture->ledger, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      const char *texts[N_TEXTS];
      g_autofree char *title = g_strdup_printf ("第%u次支委会", i + 1);
      g_autofree char *theme = g_strdup_printf ("研究第%u批出差报销事项", i + 1);
      char day[11];
      g_autoptr(SlMeeting) meeting = NULL;

      memcpy (texts, filler, sizeof texts);
      texts[TITLE] = title;
      /* Every fifth meeting holds the word only in a measure's progress. */
      if (i % 5 == 4)
        texts[MEASURE_PROGRESS] = theme;
      else
        texts[THEME] = theme;

      g_date_strftime (day, sizeof day, "%Y-%m-%d", date);
      g_date_add_days (date, 1);

      meeting = build_meeting (organization, member, day, SL_MEETING_KIND_BRANCH_COMMITTEE, texts);
      sl_ledger_save_meeting (fixture->ledger, meeting, SL_SAVE_REPLACE, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sl_ledger_commit (fixture->ledger, &error));
  g_assert_no_error (error);

  hits = run (fixture, "出差", 0);
  g_assert_cmpuint (hits->len, ==, n);
  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);
      g_assert_nonnull (strstr (hit->snippet, "出差"));
    }
  /* Ranked, and newest first on ties: the 800 that hold the word in
   * their theme tie (the same length, the same count), and so do the
   * 200 that hold it in a measure's progress, whose texts are longer
   * (the theme's filler). Before ranking: 第1000 first, 第1 last. */
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 0))->title, ==, "第999次支委会");
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 799))->title, ==, "第1次支委会");
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, 800))->title, ==, "第1000次支委会");
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (hits, n - 1))->title, ==, "第5次支委会");

  trigram = run (fixture, "出差报销", 0);
  g_assert_cmpuint (trigram->len, ==, n);

  limited = run (fixture, "出差", 10);
  g_assert_cmpuint (limited->len, ==, 10);
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (limited, 0))->title, ==, "第999次支委会");
  g_assert_cmpstr (((SlSearchHit *) g_ptr_array_index (limited, 9))->title, ==, "第988次支委会");

  none = run (fixture, "差出", 0);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("two-characters", test_two_characters);
  ADD ("answered-from-index", test_answered_from_index);
  ADD ("three-and-four-characters", test_three_and_four_characters);
  ADD ("one-character", test_one_character);
  ADD ("single-fields", test_single_fields);
  ADD ("all-words", test_all_words);
  ADD ("latin", test_latin);
  ADD ("quotes-and-syntax", test_quotes_and_syntax);
  ADD ("empty-query", test_empty_query);
  ADD ("limit", test_limit);
  ADD ("json", test_json);
  ADD ("edit-and-delete", test_edit_and_delete);
  ADD ("delete-leaves-no-index-rows", test_delete_leaves_no_index_rows);
  ADD ("other-connection", test_other_connection);
  g_test_add ("/search/many-rows", Fixture, NULL, fixture_set_up_empty, test_many_rows,
              fixture_tear_down);

#undef ADD

  return g_test_run ();
}
