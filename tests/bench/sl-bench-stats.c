/* sl-bench-stats.c — a year's statistics, timed in this process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-bench-stats --database FILE --year YYYY [--runs N]
 *
 * Opens the ledger once, then computes the year's SlStatistics N times as
 * the overview page does, each timed with the monotonic clock (the first
 * run, which prepares the statements and reads the pages, is timed too
 * and reported apart). Prints one line: "stats: year=… runs=… first_ms=…
 * median_ms=… min_ms=… members=… maxrss_kb=…".
 */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "sl-database.h"
#include "sl-statistics.h"

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
  g_autoptr(SlDatabase) database = NULL;
  g_autofree char *path = NULL;
  g_autofree double *times = NULL;
  int year = 2023, runs = 9;
  guint members = 0, compliance = 0;
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
      g_printerr ("sl-bench-stats: %s\n", error ? error->message : "--database FILE is required");
      return 2;
    }

  database = sl_database_open (path, &error);
  if (database == NULL)
    {
      g_printerr ("sl-bench-stats: %s\n", error->message);
      return 1;
    }

  times = g_new0 (double, runs);
  for (int i = -1; i < runs; i++)
    {
      g_autoptr(SlStatistics) stats = NULL;
      gint64 started = g_get_monotonic_time ();
      double ms;

      stats = sl_statistics_compute (database, year, NULL, "2024-01-15", &error);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      if (stats == NULL)
        {
          g_printerr ("sl-bench-stats: %s\n", error->message);
          return 1;
        }
      if (i < 0)
        first = ms;
      else
        times[i] = ms;
      members = stats->members->len;
      compliance = stats->compliance->len;
    }

  qsort (times, runs, sizeof *times, compare_double);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("stats: year=%d runs=%d first_ms=%.3f median_ms=%.3f min_ms=%.3f members=%u compliance=%u "
           "maxrss_kb=%ld\n",
           year, runs, first, times[runs / 2], times[0], members, compliance, usage.ru_maxrss);
  return 0;
}
