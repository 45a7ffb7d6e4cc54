/* sl-test-archive.h — what the archive tests share (tests/lib, 'sltest-archive')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive tests (test-archive.c: round trip, merge, text, export;
 * test-archive-refusals.c: what an import refuses) work on the fixture
 * tests/data/year-2023.json, one bureau's whole year written to the
 * contract (/work/shared/ARCHIVE.md), and on real SQLite files in a
 * temporary folder of each test's own.
 *
 * Documents are compared with json_difference(): value for value, a
 * missing member equal to null (the contract says so; the export writes
 * every key), "exported_at" ignored, the records of the top-level arrays
 * matched by id, every other array in order.
 *
 * Each test runs in a child process (add_test()), in a folder that the
 * parent makes and removes: a failed assertion or a crash in one test
 * (some find bugs on purpose) neither hides the results of the others nor
 * leaves files.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-ledger.h"
#include "sl-test-util.h"  /* ASSERT_ERROR */

G_BEGIN_DECLS

#define FIXTURE_NAME "year-2023.json"

/* An id that no record of the fixture has. */
#define UNKNOWN_ID "0b9f3c1e-5a7d-4c2b-8e6f-1d2c3b4a5f60"

/* Fails showing both strings when @needle is not in @haystack. */
#define ASSERT_CONTAINS(haystack, needle)                                 \
  G_STMT_START {                                                        \
    const char *h_ = (haystack), *n_ = (needle);                        \
    g_assert_nonnull (h_);                                              \
    if (strstr (h_, n_) == NULL)                                        \
      g_assert_cmpstr (h_, ==, n_);                                     \
  } G_STMT_END

#define ASSERT_SAME_DOCUMENT(a, b)                                        \
  G_STMT_START {                                                        \
    g_autofree char *difference_ = json_difference ((a), (b), "", 0);   \
    g_assert_cmpstr (difference_, ==, NULL);                            \
  } G_STMT_END

typedef struct
{
  char     *folder;
  char     *fixture_path;
  char     *fixture_text;
  gsize     fixture_length;
} Fixture;

/* What a refused import must leave exactly as it was. */
typedef struct
{
  char     *counts;
  JsonNode *document;
  guint     n_organizations;
  guint     n_members;
} LedgerState;

typedef void (*TestFunc) (Fixture *fixture, gconstpointer data);

typedef struct
{
  TestFunc      func;
  gconstpointer data;
} Isolated;

/* JSON: a fresh, mutable tree (json_node_copy() shares objects and
 * arrays), the node, object or array at a path such as
 * "meetings[26].attendance[7].makeup" (which must exist), the record of a
 * top-level array by id, and where two documents first differ (NULL when
 * they are equal). */
JsonNode   *parse_document (const char *data, gssize length);
JsonNode   *parse_file (const char *path);
JsonNode   *deep_copy (JsonNode *node);
char       *generate (JsonNode *root, gsize *length);
JsonNode   *node_at (JsonNode *root, const char *path);
JsonObject *object_at (JsonNode *root, const char *path);
JsonArray  *array_at (JsonNode *root, const char *path);
guint       last_meeting (JsonNode *document);
JsonObject *find_record (JsonNode *document, const char *key, const char *id);
char       *json_difference (JsonNode *a, JsonNode *b, const char *path, guint depth);

/* The ledgers: a new one in the test's folder, its whole export, its row
 * counts, and the state a refused import must leave as it was. */
void        fixture_set_up (Fixture *fixture, const char *folder);
void        fixture_tear_down (Fixture *fixture);
SlLedger   *open_ledger (Fixture *fixture, const char *name);
JsonNode   *export_document (SlLedger *ledger);
char       *table_counts (SlLedger *ledger);
int         count_rows (SlLedger *ledger, const char *table);
void        ledger_state_clear (LedgerState *state);
void        ledger_state_read (LedgerState *state, SlLedger *ledger);
void        assert_ledger_unchanged (SlLedger *ledger, LedgerState *before);
void        import_node (SlLedger *ledger, JsonNode *document, gboolean merge, SlArchiveCounts *counts);
void        import_fixture (Fixture *fixture, SlLedger *ledger);

/* Registers @func at @path to run in a child, in a fresh folder; @tests
 * owns what it registers. */
void        add_test (GPtrArray *tests, const char *path, TestFunc func, gconstpointer data);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LedgerState, ledger_state_clear)

G_END_DECLS
