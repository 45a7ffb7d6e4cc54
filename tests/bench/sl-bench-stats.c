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

#include "sl-bench-driver.h"
#include "sl-database.h"
#include "sl-statistics.h"

typedef struct
{
  SlDatabase *database;
  int         year;
  guint       members;
  guint       compliance;
} Year;

static gboolean
compute (gpointer   data,
         GError   **error)
{
  Year *year = data;
  g_autoptr(SlStatistics) stats = sl_statistics_compute (year->database, year->year, NULL,
                                                         "2024-01-15", error);

  if (stats == NULL)
    return FALSE;
  year->members = stats->members->len;
  year->compliance = stats->compliance->len;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) database = NULL;
  SlBenchArgs args;
  SlBenchTimes times;
  Year year = { 0 };

  if (!sl_bench_parse_args ("sl-bench-stats", &argc, &argv, &args))
    return 2;
  database = sl_database_open (args.path, &error);
  year = (Year) { .database = database, .year = args.year };
  if (database == NULL || !sl_bench_time (&args, compute, &year, &times, &error))
    {
      g_printerr ("sl-bench-stats: %s\n", error->message);
      return 1;
    }

  g_print ("stats: year=%d runs=%d first_ms=%.3f median_ms=%.3f min_ms=%.3f members=%u compliance=%u "
           "maxrss_kb=%ld\n",
           args.year, args.runs, times.first_ms, times.median_ms, times.min_ms, year.members,
           year.compliance, times.maxrss_kb);
  g_free (args.path);
  return 0;
}
