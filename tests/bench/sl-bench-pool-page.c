/* sl-bench-pool-page.c — the topic pool page's data of a year, timed in this process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-bench-pool-page --database FILE --year YYYY [--runs N]
 *
 * What the window's 议题库 page (app/ui/pages/sl-pool-page.c) reads before it
 * builds its rows, without GTK: the items that may concern the year with
 * their status (sl_topic_pool_load_year()), the year's meetings (for the
 * planned meeting), and the items the page shows of them (received in the
 * year, studied in it, or still waiting from an earlier one:
 * sl_pool_entry_shown_in_year()).
 * Opens the ledger once, runs N times after a first run reported apart,
 * each timed with the monotonic clock (sl-bench-driver.c). Prints one line: "pool: year=…
 * runs=… first_ms=… median_ms=… min_ms=… items=… shown=… maxrss_kb=…".
 */

#include "config.h"

#include "sl-bench-driver.h"
#include "sl-ledger.h"
#include "sl-topic-pool.h"
#include "sl-util.h"

typedef struct
{
  SlLedger *ledger;
  int       year;
  guint     items;
  guint     shown;
} Page;

static gboolean
read_page (gpointer   data,
           GError   **error)
{
  Page *page = data;
  g_autoptr(GPtrArray) all = sl_topic_pool_load_year (page->ledger, NULL, page->year,
                                                      "2024-01-15", error);
  g_autoptr(GPtrArray) meetings = NULL;

  if (all == NULL ||
      !(meetings = sl_ledger_load_meetings (page->ledger, page->year, NULL, FALSE, error)))
    return FALSE;
  page->shown = 0;
  for (guint j = 0; j < all->len; j++)
    page->shown += sl_pool_entry_shown_in_year (g_ptr_array_index (all, j), page->year);
  page->items = all->len;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  SlBenchArgs args;
  SlBenchTimes times;
  Page page = { 0 };

  if (!sl_bench_parse_args ("sl-bench-pool-page", &argc, &argv, &args))
    return 2;
  ledger = sl_ledger_open (args.path, &error);
  page = (Page) { .ledger = ledger, .year = args.year };
  if (ledger == NULL || !sl_bench_time (&args, read_page, &page, &times, &error))
    {
      g_printerr ("sl-bench-pool-page: %s\n", error->message);
      return 1;
    }

  g_print ("pool: year=%d runs=%d first_ms=%.3f median_ms=%.3f min_ms=%.3f items=%u shown=%u "
           "maxrss_kb=%ld\n",
           args.year, args.runs, times.first_ms, times.median_ms, times.min_ms, page.items,
           page.shown, times.maxrss_kb);
  g_free (args.path);
  return 0;
}
