/* fuzz-search.c — search text of arbitrary bytes on a small ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes up to the first NUL are the query, as a C string, and the
 * input's length picks a limit (0 to 3). sl_search_run() takes UTF-8 text,
 * as every GLib-style API does: the window's entries always give it that,
 * and the command line checks its argument (sl-cli.c). Other bytes are
 * given to sl_search_split() only when SL_FUZZ_RAW is set, to look for the
 * reads past the end that invalid UTF-8 causes (see docs/reliability.md).
 * Any query must give hits or none, never an error: there is no query
 * syntax for a secretary to get wrong.
 */

#include "config.h"

#include <string.h>

#include "fuzz-ledger.h"
#include "fuzz-targets.h"
#include "sl-search.h"

static FuzzLedger search_ledger;

int
sl_fuzz_search (const uint8_t *data,
                size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  SlLedger *ledger;

  if (!g_utf8_validate (text, -1, NULL))
    {
      if (g_getenv ("SL_FUZZ_RAW") != NULL)
        {
          g_auto(GStrv) words = sl_search_split (text);
        }
      return 0;
    }

  ledger = fuzz_ledger_get (&search_ledger);
  hits = sl_search_run (sl_ledger_get_database (ledger), text, size % 4, &error);
  if (hits == NULL)
    FUZZ_FAIL ("search for a text failed: %s", error ? error->message : "(no error)");
  if (size % 4 != 0 && hits->len > size % 4)
    FUZZ_FAIL ("search returned %u hits, more than the limit %u", hits->len, (guint) (size % 4));

  for (guint i = 0; i < hits->len; i++)
    {
      SlSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->meeting == NULL || hit->snippet == NULL ||
          !g_utf8_validate (hit->snippet, -1, NULL))
        FUZZ_FAIL ("search hit %u is incomplete or not UTF-8", i);
      if (strchr (hit->snippet, '\n') != NULL)
        FUZZ_FAIL ("search snippet spans lines");
    }

  json = sl_search_to_json (hits);
  return 0;
}

void
sl_fuzz_search_cleanup (void)
{
  fuzz_ledger_clear (&search_ledger);
}

#ifdef SL_LIBFUZZER
static void
cleanup_at_exit (void)
{
  sl_fuzz_search_cleanup ();
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean registered;

  if (!registered)
    registered = atexit (cleanup_at_exit) == 0;

  return sl_fuzz_search (data, size);
}
#endif
