/* sl-test-cli.h — what the command-line tests share (tests/lib, 'sltest-cli')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests of the built study-ledger binary (test-cli.c: help, usage,
 * rosters, stats, search, archives; test-cli-database.c: backup, check and
 * which file a command opens or creates) run it with g_spawn_sync in a
 * fresh temporary folder, with no display in its environment and
 * $XDG_DATA_HOME pointing into that folder, and start from the small
 * archive archive_json.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

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
extern const char archive_json[];

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

#define run(fixture, ...) \
  run_argv ((fixture), (const char *[]) { __VA_ARGS__, NULL })

/* The fixture: a fresh folder, an environment without a display, a
 * fixed locale, $XDG_DATA_HOME inside the folder; the ledger path
 * folder/ledger.db is not created. */
void        fixture_set_up (Fixture *fixture, gconstpointer data);
void        fixture_tear_down (Fixture *fixture, gconstpointer data);

/* The program ($STUDY_LEDGER) run with the NULL-terminated @args in the
 * fixture's folder (run() takes them as arguments); it must exit, not die
 * of a signal. */
const char *program (void);
Result      run_argv (Fixture *fixture, const char **args);
void        result_clear (Result *result);

/* tests/data/@name; @contents written to folder/@name; archive_json
 * imported into @database through the program. */
char       *fixture_file (const char *name);
char       *write_file (Fixture *fixture, const char *name, const char *contents, gssize length);
void        import_archive (Fixture *fixture, const char *database);

/* Assertions: one line on stderr (DESIGN.md), a part of a text, a file
 * mode; soft_fail() fails the test but lets its other checks run and
 * logs every message; assert_missing() soft-fails when the file exists. */
void        assert_one_line (const char *text);
void        assert_contains (const char *text, const char *part);
void        assert_mode (const char *path, guint mode);
void        soft_fail (const char *format, ...) G_GNUC_PRINTF (1, 2);
void        assert_missing (const char *path);

/* JSON: parsed (must succeed), read from a file, the whole ledger at
 * @path as archive text without the export time (equal texts, equal
 * ledgers), value types, and an object that has exactly the
 * NULL-terminated @keys. */
JsonNode   *parse_json (const char *text);
JsonNode   *load_json (const char *path);
char       *ledger_text (const char *path);
gboolean    is_string (JsonNode *node);
gboolean    is_integer (JsonNode *node);
gboolean    is_number (JsonNode *node);
void        assert_keys (JsonObject *object, const char **keys);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

G_END_DECLS
