/* sl-test-cli.c — what the command-line tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-test-cli.h"
#include "sl-test-util.h"

const char archive_json[] =
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

void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
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

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->env, g_strfreev);
  g_clear_pointer (&fixture->database, g_free);
  g_clear_pointer (&fixture->data_home, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

const char *
program (void)
{
  const char *path = g_getenv ("STUDY_LEDGER");

  g_assert_nonnull (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE));
  return path;
}

/* Runs the program with the NULL-terminated arguments in the fixture's
 * folder. It must exit, not die of a signal (a critical is fatal). */
Result
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

char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

char *
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
void
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
void
assert_one_line (const char *text)
{
  const char *newline;

  g_assert_nonnull (text);
  newline = strchr (text, '\n');
  if (newline == NULL || newline[1] != '\0' || newline == text)
    g_error ("expected one line on stderr, got “%s”", text);
}

void
assert_contains (const char *text,
                 const char *part)
{
  g_assert_nonnull (text);
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in “%s”", part, text);
}

void
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
void
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
void
assert_missing (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    soft_fail ("%s was created", path);
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_node_copy (json_parser_get_root (parser));
}

JsonNode *
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
char *
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

gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* @object has exactly the NULL-terminated @keys. */
void
assert_keys (JsonObject  *object,
             const char **keys)
{
  guint n = 0;

  for (; keys[n] != NULL; n++)
    if (!json_object_has_member (object, keys[n]))
      g_error ("the object has no key “%s”", keys[n]);
  g_assert_cmpuint (json_object_get_size (object), ==, n);
}
