/* test-cli.c — the built study-ledger binary, run headless: help, usage, data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the program meson built (its path is in $STUDY_LEDGER) with
 * g_spawn_sync in a fresh temporary folder, with no display in its
 * environment and $XDG_DATA_HOME pointing into that folder
 * (tests/lib/sl-test-cli.h), and checks the contract of DESIGN.md's
 * "Command line": exit codes (0 success, 1 failure, 2 a mistyped command
 * line), one clear line on stderr on failure and nothing written then, and
 * JSON that json-glib parses; here for help, mistyped command lines,
 * import-roster, stats, search and the archive. The ledger file itself
 * (backup, check, which file a command opens or creates) is in
 * test-cli-database.c.
 *
 * What the ledger holds afterwards is read with the library itself
 * (sl_archive_build on a freshly opened ledger), not with the program.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-test-cli.h"
#include "sl-test-util.h"


/* ------------------------------------------------------------------ */
/* --help                                                             */
/* ------------------------------------------------------------------ */

static const char * const commands[] = {
  "import-roster", "import-archive", "export-archive", "export", "stats", "search",
  "backup", "check",
};

/* DESIGN.md's synopsis: each command with the words and options it
 * names there. */
static const struct {
  const char *command;
  const char *words[8];
} synopsis[] = {
  { "import-roster",  { "FILE.csv", "--organization", NULL } },
  { "import-archive", { "FILE.json", "--merge", "--dry-run", NULL } },
  { "export-archive", { "FILE.json", NULL } },
  { "export",         { "DOCUMENT", "--year", "--organization", "--format", "xlsx", "pdf", "--output", NULL } },
  { "export minutes", { "--meeting", "--output", NULL } },
  { "export sign-in", { "--meeting", "--output", NULL } },
  { "stats",          { "--year", "--organization", "--json", NULL } },
  { "search",         { "TEXT", "--json", NULL } },
  { "backup",         { "--output", NULL } },
  { "check",          { NULL } },
};

static const char * const documents[] = {
  "first-topic-ledger", "central-group-ledger", "meetings-ledger", "plan", "attendance",
  "measures", "annual-report",
};

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Result) result = run (fixture, "--help");
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  assert_contains (result.out, "--database");

  /* Each command on a line of its own, with what DESIGN.md lists. */
  lines = g_strsplit (result.out, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (synopsis); i++)
    {
      g_autofree char *start = g_strconcat (synopsis[i].command, " ", NULL);
      const char *found = NULL;

      for (guint j = 0; lines[j] != NULL && found == NULL; j++)
        {
          const char *line = lines[j];

          while (*line == ' ')
            line++;
          if (g_str_has_prefix (line, start) || g_strcmp0 (line, synopsis[i].command) == 0)
            found = line;
        }

      if (found == NULL)
        g_error ("--help has no line for “%s”:\n%s", synopsis[i].command, result.out);
      for (guint k = 0; synopsis[i].words[k] != NULL; k++)
        if (strstr (found, synopsis[i].words[k]) == NULL)
          g_error ("--help: “%s” is missing from “%s”", synopsis[i].words[k], found);
    }

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    assert_contains (result.out, documents[i]);

  /* Asking for help makes no ledger. */
  assert_missing (fixture->data_home);
}

static void
test_command_help (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Result) result = run (fixture, commands[i], "--help");
      g_auto(Result) before = run (fixture, "--database", fixture->database, commands[i], "--help");

      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, "");
      g_assert_cmpuint (strlen (result.out), >, 0);
      /* The global option is accepted after the command word too. */
      assert_contains (result.out, "--database");

      g_assert_cmpint (before.status, ==, 0);
      g_assert_cmpstr (before.out, ==, result.out);
    }

  assert_missing (fixture->data_home);
  assert_missing (fixture->database);
}

/* ------------------------------------------------------------------ */
/* Mistyped command lines                                             */
/* ------------------------------------------------------------------ */

static void
test_unknown_command (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Result) result = run (fixture, "--database", fixture->database, "frobnicate");
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");

  /* One line that names the word; at most a pointer to --help after it. */
  lines = g_strsplit (result.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  assert_contains (lines[0], "frobnicate");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    assert_contains (lines[i], "--help");
  g_assert_cmpuint (g_strv_length (lines), <=, 3);

  assert_missing (fixture->database);
  assert_missing (fixture->data_home);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *stats_alone[] = { "--database", fixture->database, "stats", NULL };
  const char *stats_without_year[] = { "--database", fixture->database, "stats", "--json", NULL };
  const char *stats_bad_year[] = { "--database", fixture->database, "stats", "--year", "20x3", "--json", NULL };
  const char *stats_unknown_option[] = { "--database", fixture->database, "stats", "--year", "2023", "--bogus", NULL };
  const char *roster_no_file[] = { "--database", fixture->database, "import-roster", NULL };
  const char *search_no_text[] = { "--database", fixture->database, "search", "--json", NULL };
  const char *search_empty[] = { "--database", fixture->database, "search", "", NULL };
  const char *search_blank[] = { "--database", fixture->database, "search", " ", " ", NULL };
  const char *backup_no_output[] = { "--database", fixture->database, "backup", NULL };
  const char **lines[] = {
    stats_alone, stats_without_year, stats_bad_year, stats_unknown_option, roster_no_file, search_no_text,
    search_empty, search_blank, backup_no_output,
  };

  import_archive (fixture, fixture->database);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(Result) result = run_argv (fixture, lines[i]);

      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpuint (strlen (result.err), >, 0);
    }

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "stats", "--json");
    assert_contains (result.err, "--year");
  }
}

/* ------------------------------------------------------------------ */
/* import-roster                                                      */
/* ------------------------------------------------------------------ */

static void
test_import_roster (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *roster = fixture_file ("roster-utf8.csv");
  g_auto(Result) result = run (fixture, "--database", fixture->database,
                               "import-roster", roster, "--organization", "机关第一党支部");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  SlOrganization *organization;
  GListModel *members;

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  assert_mode (fixture->database, 0600);

  ledger = sl_ledger_open (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_organizations (ledger)), ==, 1);
  organization = sl_ledger_find_organization_by_name (ledger, "机关第一党支部");
  g_assert_nonnull (organization);
  members = sl_ledger_get_members (ledger);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      g_assert_cmpstr (sl_member_get_organization (member), ==,
                       sl_record_get_id (SL_RECORD (organization)));
    }
  g_clear_object (&ledger);

  /* The same again: nothing new. */
  {
    g_autofree char *before = ledger_text (fixture->database);
    g_autofree char *after = NULL;
    g_auto(Result) again = run (fixture, "--database", fixture->database,
                                "import-roster", roster, "--organization", "机关第一党支部");

    g_assert_cmpint (again.status, ==, 0);
    after = ledger_text (fixture->database);
    g_assert_cmpstr (after, ==, before);
  }
}

static const struct {
  const char *file;
  const char *line;
} bad_rosters[] = {
  { "roster-no-name.csv",      "line 1" },
  { "roster-bad-quote.csv",    "line 3" },
  { "roster-bad-encoding.csv", "line 3" },
  { "roster-bad-date.csv",     "line 3" },
  { "roster-duplicate.csv",    "line 5" },
};

static void
test_import_roster_bad (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *good = fixture_file ("roster-same-utf8.csv");
  g_autofree char *before = NULL;

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "import-roster", good);
    g_assert_cmpint (result.status, ==, 0);
  }
  before = ledger_text (fixture->database);

  for (guint i = 0; i < G_N_ELEMENTS (bad_rosters); i++)
    {
      g_autofree char *roster = fixture_file (bad_rosters[i].file);
      g_auto(Result) result = run (fixture, "--database", fixture->database, "import-roster", roster);
      g_autofree char *after = NULL;

      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      assert_one_line (result.err);
      assert_contains (result.err, roster);
      assert_contains (result.err, bad_rosters[i].line);

      after = ledger_text (fixture->database);
      g_assert_cmpstr (after, ==, before);
    }
}

/* ------------------------------------------------------------------ */
/* stats                                                              */
/* ------------------------------------------------------------------ */

static JsonObject *
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return object;
    }

  g_error ("no element has the id %s", id);
  return NULL;
}

static void
assert_counts (JsonObject *member,
               gint64      expected,
               gint64      present,
               gint64      leave,
               gint64      absent,
               gint64      made_up)
{
  g_assert_cmpint (json_object_get_int_member (member, "expected"), ==, expected);
  g_assert_cmpint (json_object_get_int_member (member, "present"), ==, present);
  g_assert_cmpint (json_object_get_int_member (member, "leave"), ==, leave);
  g_assert_cmpint (json_object_get_int_member (member, "absent"), ==, absent);
  g_assert_cmpint (json_object_get_int_member (member, "made_up"), ==, made_up);
}

static void
test_stats_json (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *top_keys[] = { "year", "members", "plans", "compliance", "talks", NULL };
  static const char *member_keys[] = {
    "id", "name", "expected", "present", "leave", "absent", "made_up",
    "attendance_rate", "participation_rate", "training_hours", NULL
  };
  static const char *plan_keys[] = { "id", "title", "planned", "held", "fulfilment_rate", NULL };
  static const char *compliance_keys[] = { "rule", "period", "required", "actual", "status", NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *members, *plans, *compliance;
  JsonObject *zhang, *li, *wang, *plan;

  import_archive (fixture, fixture->database);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database,
                                 "stats", "--year", "2023", "--json");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    /* One JSON object and nothing else on stdout. */
    root = parse_json (result.out);
  }

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  assert_keys (object, top_keys);
  g_assert_true (is_integer (json_object_get_member (object, "year")));
  g_assert_cmpint (json_object_get_int_member (object, "year"), ==, 2023);

  /* members */
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "members")));
  members = json_object_get_array_member (object, "members");
  g_assert_cmpuint (json_array_get_length (members), ==, 3);
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *member = json_array_get_object_element (members, i);
      const char *counts[] = { "expected", "present", "leave", "absent", "made_up" };
      const char *rates[] = { "attendance_rate", "participation_rate" };

      assert_keys (member, member_keys);
      g_assert_true (is_string (json_object_get_member (member, "id")));
      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (member, "id")));
      g_assert_true (is_string (json_object_get_member (member, "name")));
      for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
        {
          g_assert_true (is_integer (json_object_get_member (member, counts[k])));
          g_assert_cmpint (json_object_get_int_member (member, counts[k]), >=, 0);
        }
      for (guint k = 0; k < G_N_ELEMENTS (rates); k++)
        {
          JsonNode *rate = json_object_get_member (member, rates[k]);

          if (json_object_get_int_member (member, "expected") == 0)
            g_assert_true (JSON_NODE_HOLDS_NULL (rate));
          else
            {
              g_assert_true (is_number (rate));
              g_assert_cmpfloat (json_node_get_double (rate), >=, 0.0);
              g_assert_cmpfloat (json_node_get_double (rate), <=, 1.0);
            }
        }
    }

  zhang = find_by_id (members, M1);
  li = find_by_id (members, M2);
  wang = find_by_id (members, M3);
  g_assert_cmpstr (json_object_get_string_member (zhang, "name"), ==, "张三");
  g_assert_cmpstr (json_object_get_string_member (li, "name"), ==, "李四");
  g_assert_cmpstr (json_object_get_string_member (wang, "name"), ==, "王五");

  assert_counts (zhang, 2, 2, 0, 0, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (zhang, "attendance_rate"), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (zhang, "participation_rate"), 1.0, 1e-9);

  assert_counts (li, 2, 0, 1, 1, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (li, "attendance_rate"), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (li, "participation_rate"), 0.5, 1e-9);

  /* 王五 recorded both meetings but was expected at none. */
  assert_counts (wang, 0, 0, 0, 0, 0);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (wang, "attendance_rate")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (wang, "participation_rate")));

  /* plans */
  plans = json_object_get_array_member (object, "plans");
  g_assert_cmpuint (json_array_get_length (plans), ==, 1);
  plan = json_array_get_object_element (plans, 0);
  assert_keys (plan, plan_keys);
  g_assert_cmpstr (json_object_get_string_member (plan, "id"), ==, PLAN);
  g_assert_cmpstr (json_object_get_string_member (plan, "title"), ==, "2023年度理论学习中心组学习计划");
  g_assert_cmpint (json_object_get_int_member (plan, "planned"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (plan, "held"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (plan, "fulfilment_rate"), 0.5, 1e-9);

  /* compliance */
  compliance = json_object_get_array_member (object, "compliance");
  g_assert_cmpuint (json_array_get_length (compliance), >, 0);
  for (guint i = 0; i < json_array_get_length (compliance); i++)
    {
      JsonObject *result = json_array_get_object_element (compliance, i);
      const char *status;

      assert_keys (result, compliance_keys);
      g_assert_true (is_string (json_object_get_member (result, "rule")));
      g_assert_true (is_string (json_object_get_member (result, "period")));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "period"), "2023"));
      g_assert_true (is_integer (json_object_get_member (result, "required")));
      g_assert_true (is_integer (json_object_get_member (result, "actual")));
      status = json_object_get_string_member (result, "status");
      /* 2023 is over: nothing can be due. */
      if (g_strcmp0 (status, "met") != 0 && g_strcmp0 (status, "missed") != 0)
        g_error ("compliance[%u].status: “%s”", i, status);
      /* A rule with nothing to judge (required 0: nobody marked as
       * leadership, no topic-pool item, ...) is not met by that. */
      if (json_object_get_int_member (result, "required") > 0 &&
          json_object_get_int_member (result, "actual") >= json_object_get_int_member (result, "required"))
        g_assert_cmpstr (status, ==, "met");
      else
        g_assert_cmpstr (status, ==, "missed");
    }
}

static void
test_stats_organization (Fixture       *fixture,
                         gconstpointer  data)
{
  import_archive (fixture, fixture->database);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "stats", "--year", "2023",
                                 "--organization", "某某局党组", "--json");
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                           "members")), ==, 3);
  }

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "stats", "--year", "2023",
                                 "--organization", "没有这个组织", "--json");

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    assert_one_line (result.err);
    assert_contains (result.err, "没有这个组织");
  }

  /* A year with nothing in it is still one object. */
  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "stats", "--year", "2019", "--json");
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "year"), ==, 2019);
  }
}

/* ------------------------------------------------------------------ */
/* search                                                             */
/* ------------------------------------------------------------------ */

static void
test_search_json (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *hit_keys[] = { "meeting", "date", "title", "snippet", NULL };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *hits;

  import_archive (fixture, fixture->database);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "search", "学习", "--json");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    root = parse_json (result.out);
  }

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  hits = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (hits), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);

      for (guint k = 0; hit_keys[k] != NULL; k++)
        if (!json_object_has_member (hit, hit_keys[k]))
          g_error ("a search hit has no “%s”", hit_keys[k]);
      g_assert_true (is_string (json_object_get_member (hit, "meeting")));
      g_assert_true (is_string (json_object_get_member (hit, "date")));
      assert_contains (json_object_get_string_member (hit, "snippet"), "学习");
    }

  /* Named by the archive's ids; the best first (bm25), so in either
   * order (before ranking: newest first, MT2 then MT1). */
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      const char *meeting = json_object_get_string_member (hit, "meeting");

      if (g_strcmp0 (meeting, MT2) == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (hit, "date"), ==, "2023-06-15");
          g_assert_cmpstr (json_object_get_string_member (hit, "title"), ==, "党组会议2023年第5次");
        }
      else
        {
          g_assert_cmpstr (meeting, ==, MT1);
          g_assert_cmpstr (json_object_get_string_member (hit, "date"), ==, "2023-03-10");
        }
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 0), "meeting"), !=,
                   json_object_get_string_member (json_array_get_object_element (hits, 1), "meeting"));

  /* Nothing found is an empty array, not an error. */
  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "search", "乡村振兴", "--json");
    g_autoptr(JsonNode) none = NULL;

    g_assert_cmpint (result.status, ==, 0);
    none = parse_json (result.out);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (none));
    g_assert_cmpuint (json_array_get_length (json_node_get_array (none)), ==, 0);
  }

  /* Without --json: readable lines, the ids among them. */
  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "search", "学习");

    g_assert_cmpint (result.status, ==, 0);
    assert_contains (result.out, MT1);
    assert_contains (result.out, MT2);
  }
}

/* ------------------------------------------------------------------ */
/* Archives                                                           */
/* ------------------------------------------------------------------ */

static void
test_archive_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->folder, "first.json", NULL);
  g_autofree char *second = g_build_filename (fixture->folder, "second.json", NULL);
  g_autofree char *other = g_build_filename (fixture->folder, "other.db", NULL);
  g_autoptr(JsonNode) first_root = NULL;
  g_autoptr(JsonNode) second_root = NULL;
  g_autofree char *first_ledger = NULL;
  g_autofree char *other_ledger = NULL;

  import_archive (fixture, fixture->database);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "export-archive", first);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }
  assert_mode (first, 0600);

  {
    g_auto(Result) result = run (fixture, "--database", other, "import-archive", first);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }

  {
    g_auto(Result) result = run (fixture, "--database", other, "export-archive", second);
    g_assert_cmpint (result.status, ==, 0);
  }

  /* The same document, export time aside (ARCHIVE.md). */
  first_root = load_json (first);
  second_root = load_json (second);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (first_root));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (second_root));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (first_root), "format"), ==,
                   "study-ledger-archive");
  json_object_remove_member (json_node_get_object (first_root), "exported_at");
  json_object_remove_member (json_node_get_object (second_root), "exported_at");
  if (!json_node_equal (first_root, second_root))
    {
      g_autofree char *a = json_to_string (first_root, TRUE);
      g_autofree char *b = json_to_string (second_root, TRUE);
      g_assert_cmpstr (b, ==, a);
    }

  /* The archive's own ids made it through. */
  {
    g_autofree char *text = NULL;

    g_file_get_contents (first, &text, NULL, NULL);
    assert_contains (text, MT1);
    assert_contains (text, ME2);
    assert_contains (text, TOPIC);
    assert_contains (text, PI1);
  }

  first_ledger = ledger_text (fixture->database);
  other_ledger = ledger_text (other);
  g_assert_cmpstr (other_ledger, ==, first_ledger);
}

static void
test_archive_bad (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct {
    const char *from;
    const char *to;
    const char *path;   /* the record path the message must name */
  } faults[] = {
    { "\"status\": \"absent\"", "\"status\": \"maybe\"", "meetings[1].attendance[1].status" },
    { "\"place\": \"三楼会议室\", \"chair\": \"" M1 "\"",
      "\"place\": \"三楼会议室\", \"chair\": \"abcdefab-0000-4000-8000-000000000000\"",
      "meetings[0].chair" },
    { "\"joined_on\": \"2003-06-15\"", "\"joined_on\": \"2003-02-30\"", "members[1].joined_on" },
  };
  g_autofree char *roster = fixture_file ("roster-same-utf8.csv");
  g_autofree char *before = NULL;

  /* Something in the ledger that a half import could disturb. */
  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "import-roster", roster);
    g_assert_cmpint (result.status, ==, 0);
  }
  before = ledger_text (fixture->database);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GString) text = g_string_new (archive_json);
      g_autofree char *name = g_strdup_printf ("bad-%u.json", i);
      g_autofree char *file = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpuint (g_string_replace (text, faults[i].from, faults[i].to, 0), ==, 1);
      file = write_file (fixture, name, text->str, text->len);

      {
        g_auto(Result) result = run (fixture, "--database", fixture->database, "import-archive", file);

        g_assert_cmpint (result.status, ==, 1);
        g_assert_cmpstr (result.out, ==, "");
        assert_one_line (result.err);
        assert_contains (result.err, file);
        assert_contains (result.err, faults[i].path);
      }

      after = ledger_text (fixture->database);
      g_assert_cmpstr (after, ==, before);
    }

  /* Not JSON at all. */
  {
    g_autofree char *file = write_file (fixture, "broken.json", "{ \"format\": ", -1);
    g_auto(Result) result = run (fixture, "--database", fixture->database, "import-archive", file);
    g_autofree char *after = NULL;

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    assert_one_line (result.err);
    assert_contains (result.err, file);
    after = ledger_text (fixture->database);
    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Only for the log: the program's Chinese output shown as it is. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("help", test_help);
  ADD ("help/commands", test_command_help);
  ADD ("usage/unknown-command", test_unknown_command);
  ADD ("usage/errors", test_usage_errors);
  ADD ("import-roster/good", test_import_roster);
  ADD ("import-roster/bad", test_import_roster_bad);
  ADD ("stats/json", test_stats_json);
  ADD ("stats/organization", test_stats_organization);
  ADD ("search/json", test_search_json);
  ADD ("archive/round-trip", test_archive_round_trip);
  ADD ("archive/bad", test_archive_bad);

#undef ADD

  return g_test_run ();
}

