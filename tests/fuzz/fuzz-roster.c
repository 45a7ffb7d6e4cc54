/* fuzz-roster.c — a roster file of arbitrary bytes: parse, then import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl_roster_parse() must take any bytes: return rows or an SL_CSV_ERROR,
 * never crash, and what it returns must keep its promises (a name on every
 * row, UTF-8 everywhere, dates as YYYY-MM-DD, lines in order). Rows that
 * parse are then imported into a small ledger inside a transaction that is
 * rolled back, which exercises matching, organizations and duplicates.
 */

#include "config.h"

#include "fuzz-ledger.h"
#include "fuzz-targets.h"
#include "sl-csv-reader.h"
#include "sl-roster-import.h"
#include "sl-util.h"

static FuzzLedger roster_ledger;

static void
check_text (const char *field,
            const char *text,
            gboolean    required)
{
  if (text == NULL)
    {
      if (required)
        FUZZ_FAIL ("roster row without %s", field);
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    FUZZ_FAIL ("roster %s is not UTF-8", field);
  if (required && *text == '\0')
    FUZZ_FAIL ("roster %s is empty", field);
}

int
sl_fuzz_roster (const uint8_t *data,
                size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SlRosterCounts counts = { 0 };
  SlLedger *ledger;
  guint last_line = 0;

  rows = sl_roster_parse (data, size, &error);
  if (rows == NULL)
    {
      FUZZ_CHECK (error != NULL && error->domain == SL_CSV_ERROR, error);
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL), error);
      return 0;
    }
  FUZZ_CHECK (error == NULL, error);

  for (guint i = 0; i < rows->len; i++)
    {
      SlRosterRow *row = g_ptr_array_index (rows, i);

      if (row->line <= last_line)
        FUZZ_FAIL ("roster rows out of order: line %u after line %u", row->line, last_line);
      last_line = row->line;
      check_text ("name", row->name, TRUE);
      check_text ("gender", row->gender, FALSE);
      check_text ("post", row->post, FALSE);
      check_text ("organization", row->organization, FALSE);
      check_text ("phone", row->phone, FALSE);
      check_text ("note", row->note, FALSE);
      if (row->party_joined_on != NULL && !sl_date_is_valid (row->party_joined_on))
        FUZZ_FAIL ("roster date %s is not YYYY-MM-DD", row->party_joined_on);
    }

  ledger = fuzz_ledger_get (&roster_ledger);
  FUZZ_CHECK (sl_ledger_begin (ledger, &error), error);
  if (!sl_roster_import_rows (ledger, rows, NULL, &counts, &error))
    FUZZ_CHECK (error != NULL &&
                (error->domain == SL_ROSTER_ERROR || error->domain == SL_LEDGER_ERROR), error);
  else
    FUZZ_CHECK (counts.added + counts.updated + counts.unchanged == rows->len, error);
  sl_ledger_rollback (ledger);

  return 0;
}

void
sl_fuzz_roster_cleanup (void)
{
  fuzz_ledger_clear (&roster_ledger);
}

#ifdef SL_LIBFUZZER
static void
cleanup_at_exit (void)
{
  sl_fuzz_roster_cleanup ();
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean registered;

  if (!registered)
    registered = atexit (cleanup_at_exit) == 0;

  return sl_fuzz_roster (data, size);
}
#endif
