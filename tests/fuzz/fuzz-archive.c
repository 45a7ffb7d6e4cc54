/* fuzz-archive.c — an archive of arbitrary bytes imported into a ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl_archive_import_data() must take any bytes: import everything or
 * nothing, with an SL_ARCHIVE_ERROR (or a ledger error naming the record)
 * when it refuses. Each input is imported twice, without and with merge,
 * into the same small ledger, each time inside a transaction rolled back
 * afterwards. After an import that succeeded, the ledger must pass
 * SQLite's integrity and foreign-key checks, and exporting it must work.
 */

#include "config.h"

#include "fuzz-ledger.h"
#include "fuzz-targets.h"
#include <string.h>

#include "sl-archive.h"

static FuzzLedger archive_ledger;

/* Where the first JSON value of @data ends, by brackets and strings alone:
 * enough to see whether another value follows it. */
static size_t
first_value_end (const uint8_t *data,
                 size_t         size)
{
  size_t i = 0;
  int depth = 0;
  gboolean in_string = FALSE;

  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i < size && data[i] != '{' && data[i] != '[' && data[i] != '"')
    {
      /* A number or a literal: up to the next space or bracket. */
      while (i < size && !g_ascii_isspace (data[i]) && !strchr ("{[\"", data[i]))
        i++;
      return i;
    }

  for (; i < size; i++)
    {
      if (in_string)
        {
          if (data[i] == '\\')
            i++;
          else if (data[i] == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                return i + 1;
            }
          continue;
        }
      if (data[i] == '"')
        in_string = TRUE;
      else if (data[i] == '{' || data[i] == '[')
        depth++;
      else if ((data[i] == '}' || data[i] == ']') && --depth <= 0)
        return i + 1;
    }

  return size;
}

/* json-glib 1.6 takes "{...} {...}" for its first value and leaks the
 * nodes of the second (docs/reliability.md; the known-bug regression
 * archive-known-second-document-leak shows it). The fuzzer skips such inputs
 * unless SL_FUZZ_RAW is set, so that the leak does not stop it. */
static gboolean
has_second_value (const uint8_t *data,
                  size_t         size)
{
  size_t end = first_value_end (data, size);

  while (end < size && g_ascii_isspace (data[end]))
    end++;
  return end < size;
}

static void
import_once (SlLedger      *ledger,
             const uint8_t *data,
             size_t         size,
             gboolean       merge)
{
  g_autoptr(GError) error = NULL;
  SlArchiveCounts counts = { 0 };

  FUZZ_CHECK (sl_ledger_begin (ledger, &error), error);

  if (!sl_archive_import_data (ledger, (const char *) data, size, "fuzz.json", merge,
                               &counts, &error))
    {
      FUZZ_CHECK (error != NULL &&
                  (error->domain == SL_ARCHIVE_ERROR || error->domain == SL_LEDGER_ERROR ||
                   error->domain == SL_DATABASE_ERROR), error);
      FUZZ_CHECK (g_str_has_prefix (error->message, "fuzz.json: "), error);
      /* A database error here would be a check the reader missed. */
      if (error->domain == SL_DATABASE_ERROR)
        FUZZ_FAIL ("the archive passed its checks but the database refused it: %s",
                   error->message);
    }
  else
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(JsonNode) exported = NULL;

      problems = sl_database_check (sl_ledger_get_database (ledger), &error);
      FUZZ_CHECK (problems != NULL, error);
      if (problems->len > 0)
        FUZZ_FAIL ("imported archive breaks the ledger: %s",
                   (const char *) g_ptr_array_index (problems, 0));

      exported = sl_archive_build (ledger, NULL, &error);
      FUZZ_CHECK (exported != NULL, error);
    }

  sl_ledger_rollback (ledger);
}

int
sl_fuzz_archive (const uint8_t *data,
                 size_t         size)
{
  SlLedger *ledger;

  if (has_second_value (data, size) && g_getenv ("SL_FUZZ_RAW") == NULL)
    return 0;

  ledger = fuzz_ledger_get (&archive_ledger);
  import_once (ledger, data, size, FALSE);
  import_once (ledger, data, size, TRUE);

  return 0;
}

void
sl_fuzz_archive_cleanup (void)
{
  fuzz_ledger_clear (&archive_ledger);
}

#ifdef SL_LIBFUZZER
static void
cleanup_at_exit (void)
{
  sl_fuzz_archive_cleanup ();
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean registered;

  if (!registered)
    registered = atexit (cleanup_at_exit) == 0;

  return sl_fuzz_archive (data, size);
}
#endif
