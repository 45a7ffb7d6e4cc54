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
 * each timed with the monotonic clock. Prints one line: "pool: year=…
 * runs=… first_ms=… median_ms=… min_ms=… items=… shown=… maxrss_kb=…".
 */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "sl-ledger.h"
#include "sl-topic-pool.h"
#include "sl-util.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autofree char *path = NULL;
  g_autofree double *times = NULL;
  int year = 2023, runs = 9;
  guint items = 0, shown = 0;
  double first = 0;
  struct rusage usage;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &path, "The ledger", "FILE" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "The year (2023)", "YYYY" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many timed runs after the first (9)", "N" },
    { NULL }
  };

  /* As app/main.c does. */
  mallopt (M_TRIM_THRESHOLD, 32 * 1024 * 1024);
  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || runs < 1)
    {
      g_printerr ("sl-bench-pool-page: %s\n", error ? error->message : "--database FILE is required");
      return 2;
    }

  ledger = sl_ledger_open (path, &error);
  if (ledger == NULL)
    {
      g_printerr ("sl-bench-pool-page: %s\n", error->message);
      return 1;
    }

  times = g_new0 (double, runs);
  for (int i = -1; i < runs; i++)
    {
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GPtrArray) meetings = NULL;
      gint64 started = g_get_monotonic_time ();
      double ms;

      all = sl_topic_pool_load_year (ledger, NULL, year, "2024-01-15", &error);
      meetings = all ? sl_ledger_load_meetings (ledger, year, NULL, FALSE, &error) : NULL;
      if (meetings == NULL)
        {
          g_printerr ("sl-bench-pool-page: %s\n", error->message);
          return 1;
        }
      shown = 0;
      for (guint j = 0; j < all->len; j++)
        shown += sl_pool_entry_shown_in_year (g_ptr_array_index (all, j), year);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      if (i < 0)
        first = ms;
      else
        times[i] = ms;
      items = all->len;
    }

  qsort (times, runs, sizeof *times, compare_double);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("pool: year=%d runs=%d first_ms=%.3f median_ms=%.3f min_ms=%.3f items=%u shown=%u "
           "maxrss_kb=%ld\n",
           year, runs, first, times[runs / 2], times[0], items, shown, usage.ru_maxrss);
  return 0;
}
