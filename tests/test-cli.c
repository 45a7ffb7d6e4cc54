/* test-cli.c — the built study-ledger binary, run headless
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the program meson built (its path is in $STUDY_LEDGER) with
 * g_spawn_sync in a fresh temporary folder, with no display in its
 * environment and $XDG_DATA_HOME pointing into that folder, and checks
 * the contract of DESIGN.md's "Command line": exit codes (0 success, 1
 * failure, 2 a mistyped command line), one clear line on stderr on failure
 * and nothing written then, JSON that json-glib parses, and read-only
 * commands that never create a ledger.
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
#include "sl-test-util.h"

/* ------------------------------------------------------------------ */
/* A small archive to start from                                      */
/* ------------------------------------------------------------------ */

#define ORG   "0b7a3c9e-1d2f-4a5b-8c6d-7e8f9a0b1c2d"
#define M1    "11111111-1111-4111-8111-111111111111"
#define M2    "22222222-2222-4222-8222-222222222222"
#define M3    "33333333-3333-4333-8333-333333333333"
#define PLAN  "44444444-4444-4444-8444-444444444444"
#define PI1   "55555555-5555-4555-8555-555555555551"
#define PI2   "55555555-5555-4555-8555-555555555552"
#define MT1   "66666666-6666-4666-8666-666666666661"
#define MT2   "66666666-6666-4666-8666-666666666662"
#define S1    "77777777-7777-4777-8777-777777777771"
#define S2    "77777777-7777-4777-8777-777777777772"
#define ME1   "88888888-8888-4888-8888-888888888881"
#define ME2   "88888888-8888-4888-8888-888888888882"
#define TOPIC "99999999-9999-4999-8999-999999999999"

/* 张三 is present at both 2023 meetings; 李四 on leave (made up) at the
 * first and absent at the second; 王五 records them and is expected at
 * none. Of the plan's two items, the first is held. 学习 is in the first
 * meeting's title and theme and in the second's study summary. */
static const char archive_json[] =
  "{\n"
  "  \"format\": \"study-ledger-archive\",\n"
  "  \"version\": 1,\n"
  "  \"exported_at\": \"2024-01-05T10:00:00+08:00\",\n"
  "  \"organizations\": [\n"
  "    { \"id\": \"" ORG "\", \"name\": \"某某局党组\", \"kind\": \"party_group\", \"parent\": null }\n"
  "  ],\n"
  "  \"members\": [\n"
  "    { \"id\": \"" M1 "\", \"name\": \"张三\", \"gender\": \"男\", \"post\": \"党组书记、局长\",\n"
  "      \"organization\": \"" ORG "\", \"leadership\": true, \"central_group\": true,\n"
  "      \"joined_on\": \"1998-07-01\", \"left_on\": null, \"sort\": 0, \"phone\": \"13800000001\", \"note\": null },\n"
  "    { \"id\": \"" M2 "\", \"name\": \"李四\", \"gender\": \"女\", \"post\": \"党组成员、副局长\",\n"
  "      \"organization\": \"" ORG "\", \"leadership\": true, \"central_group\": true,\n"
  "      \"joined_on\": \"2003-06-15\", \"sort\": 1 },\n"
  "    { \"id\": \"" M3 "\", \"name\": \"王五\", \"gender\": \"男\", \"post\": \"办公室主任\",\n"
  "      \"organization\": \"" ORG "\", \"leadership\": false, \"central_group\": false,\n"
  "      \"joined_on\": \"2010-10-01\", \"sort\": 2 }\n"
  "  ],\n"
  "  \"plans\": [\n"
  "    { \"id\": \"" PLAN "\", \"organization\": \"" ORG "\", \"year\": 2023,\n"
  "      \"title\": \"2023年度理论学习中心组学习计划\", \"guiding\": \"坚持以习近平新时代中国特色社会主义思想为指导\",\n"
  "      \"items\": [\n"
  "        { \"id\": \"" PI1 "\", \"month\": 3, \"theme\": \"党的二十大精神\", \"form\": \"collective_study\",\n"
  "          \"leads\": [ \"" M1 "\" ], \"speakers\": [ \"" M2 "\" ], \"status\": \"planned\" },\n"
  "        { \"id\": \"" PI2 "\", \"month\": 6, \"theme\": \"生态文明建设\", \"form\": \"seminar\",\n"
  "          \"leads\": [ \"" M1 "\" ], \"speakers\": [], \"status\": \"planned\" }\n"
  "      ] }\n"
  "  ],\n"
  "  \"meetings\": [\n"
  "    { \"id\": \"" MT1 "\", \"organization\": \"" ORG "\", \"kind\": \"central_group\", \"sequence\": 1,\n"
  "      \"title\": \"某某局党组理论学习中心组2023年第1次集体学习\", \"date\": \"2023-03-10\",\n"
  "      \"start\": \"09:00\", \"end\": \"11:30\", \"place\": \"三楼会议室\", \"chair\": \"" M1 "\",\n"
  "      \"recorder\": \"" M3 "\", \"form\": \"collective_study\", \"theme\": \"学习贯彻党的二十大精神\",\n"
  "      \"expanded\": false, \"plan_item\": \"" PI1 "\",\n"
  "      \"studies\": [\n"
  "        { \"id\": \"" S1 "\", \"title\": \"高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗\",\n"
  "          \"source\": \"人民出版社\", \"published_on\": \"2022-10-16\", \"lead\": \"" M1 "\",\n"
  "          \"first_topic\": false, \"summary\": \"逐段领读报告全文\" }\n"
  "      ],\n"
  "      \"attendance\": [\n"
  "        { \"member\": \"" M1 "\", \"status\": \"present\" },\n"
  "        { \"member\": \"" M2 "\", \"status\": \"leave\", \"leave_kind\": \"official\", \"reason\": \"外出开会\",\n"
  "          \"makeup\": { \"on\": \"2023-03-15\", \"method\": \"自学\", \"evidence\": \"笔记\" } }\n"
  "      ],\n"
  "      \"guests\": [ { \"name\": \"赵六\", \"post\": \"办公室副主任\" } ],\n"
  "      \"speeches\": [\n"
  "        { \"speaker\": \"" M1 "\", \"points\": \"要原原本本读原著\" },\n"
  "        { \"speaker\": null, \"speaker_name\": \"赵六\", \"points\": \"结合办公室工作谈体会\" }\n"
  "      ],\n"
  "      \"chair_summary\": \"抓好贯彻落实\", \"decisions\": \"制定方案\",\n"
  "      \"measures\": [\n"
  "        { \"id\": \"" ME1 "\", \"text\": \"制定贯彻方案\", \"owner\": \"" M2 "\", \"department\": \"办公室\",\n"
  "          \"due_on\": \"2023-04-30\", \"status\": \"done\", \"done_on\": \"2023-04-20\", \"progress\": \"已印发\" }\n"
  "      ],\n"
  "      \"note\": null },\n"
  "    { \"id\": \"" MT2 "\", \"organization\": \"" ORG "\", \"kind\": \"party_group\", \"sequence\": 5,\n"
  "      \"title\": \"党组会议2023年第5次\", \"date\": \"2023-06-15\", \"chair\": \"" M1 "\",\n"
  "      \"recorder\": \"" M3 "\", \"theme\": \"生态环境保护\",\n"
  "      \"studies\": [\n"
  "        { \"id\": \"" S2 "\", \"title\": \"习近平生态文明思想\", \"source\": \"求是\",\n"
  "          \"first_topic\": true, \"lead\": \"" M1 "\", \"summary\": \"会议传达学习\" }\n"
  "      ],\n"
  "      \"attendance\": [\n"
  "        { \"member\": \"" M1 "\", \"status\": \"present\" },\n"
  "        { \"member\": \"" M2 "\", \"status\": \"absent\", \"reason\": \"未说明\" }\n"
  "      ],\n"
  "      \"measures\": [\n"
  "        { \"id\": \"" ME2 "\", \"text\": \"开展问题整改\", \"owner\": \"" M1 "\", \"status\": \"open\" }\n"
  "      ] }\n"
  "  ],\n"
  "  \"research_topics\": [\n"
  "    { \"id\": \"" TOPIC "\", \"organization\": \"" ORG "\", \"year\": 2023, \"lead\": \"" M1 "\",\n"
  "      \"title\": \"基层党建调研\", \"status\": \"in_progress\" }\n"
  "  ]\n"
  "}\n";

/* ------------------------------------------------------------------ */
/* Fixture: a folder, an environment, the program                     */
/* ------------------------------------------------------------------ */

typedef struct
{
  char  *folder;
  char  *data_home;   /* $XDG_DATA_HOME of the child */
  char  *database;    /* folder/ledger.db, not created */
  char **env;
} Fixture;

typedef struct
{
  int   status;       /* exit code */
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = make_temp_folder ("test-cli-XXXXXX");
  fixture->data_home = g_build_filename (fixture->folder, "xdg-data", NULL);
  fixture->database = g_build_filename (fixture->folder, "ledger.db", NULL);

  /* No display: the commands must not need one. A fixed, untranslated
   * UTF-8 locale, and nothing that could print debug lines to stdout. */
  fixture->env = g_get_environ ();
  fixture->env = g_environ_unsetenv (fixture->env, "DISPLAY");
  fixture->env = g_environ_unsetenv (fixture->env, "WAYLAND_DISPLAY");
  fixture->env = g_environ_unsetenv (fixture->env, "LANGUAGE");
  fixture->env = g_environ_unsetenv (fixture->env, "G_MESSAGES_DEBUG");
  fixture->env = g_environ_setenv (fixture->env, "LC_ALL", "C.UTF-8", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_HOME", fixture->data_home, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->env, g_strfreev);
  g_clear_pointer (&fixture->database, g_free);
  g_clear_pointer (&fixture->data_home, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

static const char *
program (void)
{
  const char *path = g_getenv ("STUDY_LEDGER");

  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE));
  return path;
}

/* Runs the program with the NULL-terminated arguments in the fixture's
 * folder. It must exit, not die of a signal (a critical is fatal). */
static Result
run_argv (Fixture     *fixture,
          const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GString) line = g_string_new ("study-ledger");
  Result result = { 0 };
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) program ());
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (gpointer) args[i]);
      g_string_append_printf (line, " %s", args[i]);
    }
  g_ptr_array_add (argv, NULL);

  wait_status = spawn_captured (fixture->folder, fixture->env, NULL,
                                (const char * const *) argv->pdata, &result.out, &result.err);

  g_test_message ("%s\n  exit %d\n  stdout: %.400s\n  stderr: %s", line->str,
                  WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1,
                  result.out, result.err);

  if (!WIFEXITED (wait_status))
    g_error ("%s: killed by signal %d; stderr: %s", line->str,
             WTERMSIG (wait_status), result.err);

  result.status = WEXITSTATUS (wait_status);
  return result;
}

#define run(fixture, ...) \
  run_argv ((fixture), (const char *[]) { __VA_ARGS__, NULL })

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Imports archive_json into @database through the program. */
static void
import_archive (Fixture    *fixture,
                const char *database)
{
  g_autofree char *archive = write_file (fixture, "start.json", archive_json, -1);
  g_auto(Result) result = run (fixture, "--database", database, "import-archive", archive);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
}

/* ------------------------------------------------------------------ */
/* Assertions                                                         */
/* ------------------------------------------------------------------ */

/* DESIGN.md: "non-zero with one clear line on stderr". */
static void
assert_one_line (const char *text)
{
  const char *newline;

  g_assert_nonnull (text);
  newline = strchr (text, '\n');
  if (newline == NULL || newline[1] != '\0' || newline == text)
    g_error ("expected one line on stderr, got “%s”", text);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  g_assert_nonnull (text);
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in “%s”", part, text);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, mode);
}

/* A failure that does not stop the test: the rest of its checks still
 * run, and every such message is logged (the test's result line only
 * keeps the last one). */
static void
soft_fail (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

static void
soft_fail (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("FAILED: %s", message);
  g_test_fail_printf ("%s", message);
}

/* A file that should not exist. */
static void
assert_missing (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    soft_fail ("%s was created", path);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
load_json (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return parse_json (text);
}

/* The whole ledger at @path as archive text, without the export time:
 * equal texts mean equal ledgers. */
static char *
ledger_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);
  root = sl_archive_build (ledger, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  json_object_remove_member (json_node_get_object (root), "exported_at");

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* @object has exactly the NULL-terminated @keys. */
static void
assert_keys (JsonObject  *object,
             const char **keys)
{
  guint n = 0;

  for (; keys[n] != NULL; n++)
    if (!json_object_has_member (object, keys[n]))
      g_error ("the object has no key “%s”", keys[n]);
  g_assert_cmpuint (json_object_get_size (object), ==, n);
}

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

/* ------------------------------------------------------------------ */
/* backup and check                                                   */
/* ------------------------------------------------------------------ */

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->folder, "backup.db", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;

  import_archive (fixture, fixture->database);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "backup", "--output", backup);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }
  assert_mode (backup, 0600);

  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    assert_missing (wal);
  }

  {
    g_auto(Result) result = run (fixture, "--database", backup, "check");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }

  original = ledger_text (fixture->database);
  copy = ledger_text (backup);
  g_assert_cmpstr (copy, ==, original);
}

static void
test_check_good (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Result) result = { 0 };

  import_archive (fixture, fixture->database);
  result = run (fixture, "--database", fixture->database, "check");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
}

static void
assert_check_refuses (Fixture    *fixture,
                      const char *path)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gsize before_length = 0, after_length = 0;
  g_auto(Result) result = { 0 };

  g_file_get_contents (path, &before, &before_length, NULL);

  result = run (fixture, "--database", path, "check");
  if (result.status != 1)
    soft_fail ("check %s: exit %d instead of 1; stdout: %s", path, result.status, result.out);
  else
    {
      g_assert_cmpstr (result.out, ==, "");
      assert_one_line (result.err);
      assert_contains (result.err, path);
    }

  g_file_get_contents (path, &after, &after_length, NULL);
  if (after_length != before_length || memcmp (after, before, before_length) != 0)
    soft_fail ("check changed %s: %" G_GSIZE_FORMAT " bytes before, %" G_GSIZE_FORMAT " after",
                        path, before_length, after_length);
  assert_missing (wal);
  assert_missing (shm);
}

static void
test_check_not_a_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *roster = fixture_file ("roster-gb18030.csv");

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "第%u行：这不是台账，是一份会议纪要。\n", i + 1);
  path = write_file (fixture, "minutes.txt", text->str, text->len);
  assert_check_refuses (fixture, path);

  /* A file of 4096 bytes that only looks binary. */
  {
    g_autofree char *junk = g_malloc (4096);
    g_autofree char *junk_path = NULL;

    for (guint i = 0; i < 4096; i++)
      junk[i] = (char) (i * 37 + 11);
    junk_path = write_file (fixture, "junk.db", junk, 4096);
    assert_check_refuses (fixture, junk_path);
  }

  /* A fixture file: a check must never touch it. */
  {
    g_autofree char *copy = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_file_get_contents (roster, &contents, &length, NULL);
    copy = write_file (fixture, "roster.csv", contents, length);
    assert_check_refuses (fixture, copy);
  }
}

/* Another program's SQLite file is not ours to change. */
static void
test_check_other_sqlite (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "other.sqlite", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT);"
                                     "INSERT INTO notes VALUES ('学习笔记');", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  assert_check_refuses (fixture, path);
}

/* ------------------------------------------------------------------ */
/* Read-only commands never create a ledger                           */
/* ------------------------------------------------------------------ */

static void
assert_read_only_refuse (Fixture    *fixture,
                         const char *database)
{
  g_autofree char *output = g_build_filename (fixture->folder, "out.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->folder, "backup.db", NULL);
  const char *stats[] = { "--database", database, "stats", "--year", "2023", "--json", NULL };
  const char *search[] = { "--database", database, "search", "学习", "--json", NULL };
  const char *check[] = { "--database", database, "check", NULL };
  const char *export[] = { "--database", database, "export-archive", output, NULL };
  const char *backing_up[] = { "--database", database, "backup", "--output", backup, NULL };
  const char **lines[] = { stats, search, check, export, backing_up };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(Result) result = run_argv (fixture, lines[i]);

      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      assert_one_line (result.err);
      assert_contains (result.err, database);
      assert_missing (database);
      assert_missing (output);
      assert_missing (backup);
    }
}

static void
test_read_only_missing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (fixture->folder, "no-such-folder", "ledger.db", NULL);
  g_autofree char *nested_folder = g_path_get_dirname (nested);

  assert_read_only_refuse (fixture, fixture->database);
  assert_read_only_refuse (fixture, nested);
  assert_missing (nested_folder);
}

/* The default ledger, when it does not exist yet, is not created by a
 * command that only reads. */
static void
test_read_only_missing_default (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->data_home, "study-ledger", "ledger.db", NULL);
  g_auto(Result) stats = run (fixture, "stats", "--year", "2023", "--json");
  g_auto(Result) check = run (fixture, "check");

  g_assert_cmpint (stats.status, ==, 1);
  assert_one_line (stats.err);
  assert_contains (stats.err, path);
  g_assert_cmpint (check.status, ==, 1);
  assert_missing (path);
  assert_missing (fixture->data_home);
}

/* ------------------------------------------------------------------ */
/* --database anywhere, and the default ledger                        */
/* ------------------------------------------------------------------ */

static void
test_database_after_command (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *roster = fixture_file ("roster-utf8.csv");
  g_autofree char *equals = g_strconcat ("--database=", fixture->database, NULL);

  {
    g_auto(Result) result = run (fixture, "import-roster", roster, "--database", fixture->database);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
  }

  {
    g_auto(Result) result = run (fixture, "stats", "--year", "2023", "--json", "--database", fixture->database);
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                           "members")), ==, 6);
  }

  {
    g_auto(Result) result = run (fixture, "search", "--database", fixture->database, "学习", "--json");

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }

  {
    g_auto(Result) after = run (fixture, "check", equals);
    g_auto(Result) before = run (fixture, equals, "check");

    g_assert_cmpint (after.status, ==, 0);
    g_assert_cmpint (before.status, ==, 0);
  }

  /* None of this went to the default ledger. */
  assert_missing (fixture->data_home);
}

static void
test_default_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *roster = fixture_file ("roster-utf8.csv");
  g_autofree char *path = g_build_filename (fixture->data_home, "study-ledger", "ledger.db", NULL);

  assert_missing (fixture->data_home);

  {
    g_auto(Result) result = run (fixture, "import-roster", roster);

    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
  }

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_mode (path, 0600);

  /* And it is the one commands read when no --database is given. */
  {
    g_auto(Result) result = run (fixture, "stats", "--year", "2023", "--json");
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                           "members")), ==, 6);
  }

  {
    g_auto(Result) result = run (fixture, "check");

    g_assert_cmpint (result.status, ==, 0);
    assert_contains (result.out, path);
  }
  assert_mode (path, 0600);

  /* The folder beside it is not the working folder. */
  {
    g_autofree char *stray = g_build_filename (fixture->folder, "ledger.db", NULL);
    assert_missing (stray);
  }
}

/* ------------------------------------------------------------------ */
/* Nothing written                                                    */
/* ------------------------------------------------------------------ */

/* Two more cases of DESIGN.md's "on failure ... nothing was written" and
 * of "commands that only read do not create a ledger". They run last and
 * report with soft_fail(), so that one run shows both:
 *
 * - a refused roster named with --database FILE where FILE does not
 *   exist must not leave a new (empty) ledger FILE behind;
 * - `check` on an empty file (what `touch` leaves, or a copy that failed)
 *   must refuse it untouched, not turn it into a ledger and pass it. */
static void
test_nothing_written (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *roster = fixture_file ("roster-bad-date.csv");
  g_autofree char *empty = write_file (fixture, "empty.db", "", 0);

  {
    g_auto(Result) result = run (fixture, "--database", fixture->database, "import-roster", roster);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    assert_one_line (result.err);
    assert_contains (result.err, "line 3");
    assert_missing (fixture->database);
  }

  assert_check_refuses (fixture, empty);
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
  ADD ("backup", test_backup);
  ADD ("check/good", test_check_good);
  ADD ("check/not-a-database", test_check_not_a_database);
  ADD ("check/other-sqlite", test_check_other_sqlite);
  ADD ("read-only/missing", test_read_only_missing);
  ADD ("read-only/missing-default", test_read_only_missing_default);
  ADD ("database/after-command", test_database_after_command);
  ADD ("database/default", test_default_database);
  /* Last: see its comment. */
  ADD ("nothing-written/on-failure-and-read", test_nothing_written);

#undef ADD

  return g_test_run ();
}
