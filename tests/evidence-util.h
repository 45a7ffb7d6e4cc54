/* evidence-util.h — what the evidence tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixed archive tests/data/evidence-2023.json (a final meeting with
 * one revision and one attachment, its hash and chain written here as
 * literals), a fresh folder with a ledger path in it, the program run on
 * that ledger (reliability-util.h), and the archive and file read back.
 * Everything is static: each test program includes this once.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "reliability-util.h"

/* The fixture's final meeting, its hash and its one revision. */
#define FIXTURE_MEETING  "66666666-6666-4666-8666-666666666661"
#define FIXTURE_DRAFT    "66666666-6666-4666-8666-666666666662"
#define FIXTURE_HASH     "aa4e8e77588c919c82208ca4f5370dc86eecdaf292a5867d31ba2d50502dcece"
#define FIXTURE_REVISION "3a29b7a45c81752735cf09241b19f9810fae96b0ce1820c4db804260c0bb8509"
#define FIXTURE_CHAIN    "38f6d08a5a038762b471981703a8ef158ff0d69775f2491b7f203ee2622f7f40"
#define FIXTURE_SHEET    "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1"
#define FIXTURE_SHEET_SHA "b1ff9c8ea3a780bad09b346c423d2d0e46815926879b18e841d928376a946640"

/* A 1×1 PNG: what a phone's photo of a signed sheet is, whatever its name. */
static const guchar png_bytes[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

typedef struct
{
  char *folder;
  char *ledger;
} Fixture;

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = make_temp_folder ("sl-evidence-XXXXXX");
  fixture->ledger = g_build_filename (fixture->folder, "ledger.db", NULL);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->ledger);
}

static inline char *
fixture_archive (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "evidence-2023.json", NULL);
}

static inline char *
in_folder (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

/* Runs the program on the fixture's ledger and asserts its exit status. */
#define RUN_OK(result, fixture, ...)                                              \
  G_STMT_START {                                                                  \
    run_cli ((result), (fixture)->folder, "--database", (fixture)->ledger, __VA_ARGS__); \
    g_assert_cmpint ((result)->status, ==, 0);                                    \
  } G_STMT_END

static inline void
import_fixture (Fixture *fixture)
{
  g_autofree char *archive = fixture_archive ();
  CliResult result;

  RUN_OK (&result, fixture, "import-archive", archive);
  cli_result_clear (&result);
}

static inline JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static inline JsonNode *
parse_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static inline JsonObject *
find_meeting (JsonNode   *document,
              const char *id)
{
  JsonArray *meetings = json_object_get_array_member (json_node_get_object (document), "meetings");

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);
      if (g_str_equal (json_object_get_string_member (meeting, "id"), id))
        return meeting;
    }
  g_assert_not_reached ();
}

static inline void
export_archive (Fixture    *fixture,
                const char *ledger,
                const char *path)
{
  CliResult result;

  run_cli (&result, fixture->folder, "--database", ledger, "export-archive", path);
  g_assert_cmpint (result.status, ==, 0);
  cli_result_clear (&result);
}

/* The ledger file's bytes once its write-ahead log is folded in. */
static inline GBytes *
ledger_bytes (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return read_bytes (path);
}

static inline void
exec_sql (const char *path,
          const char *sql,
          int         expected)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff, ==, expected);
  sqlite3_close (db);
}
