/* sl-bench-driver.c — what the in-process timing drivers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "sl-bench-driver.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

gboolean
sl_bench_parse_args (const char   *program,
                     int          *argc,
                     char       ***argv,
                     SlBenchArgs  *args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &args->path, "The ledger", "FILE" },
    { "year", 0, 0, G_OPTION_ARG_INT, &args->year, "The year (2023)", "YYYY" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &args->runs, "How many timed runs after the first (9)", "N" },
    { NULL }
  };

  *args = (SlBenchArgs) { .path = NULL, .year = 2023, .runs = 9 };

  /* As app/main.c does. */
  mallopt (M_TRIM_THRESHOLD, 32 * 1024 * 1024);
  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error) || args->path == NULL || args->runs < 1)
    {
      g_printerr ("%s: %s\n", program, error ? error->message : "--database FILE is required");
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_bench_time (const SlBenchArgs  *args,
               SlBenchWork         work,
               gpointer            data,
               SlBenchTimes       *times,
               GError            **error)
{
  g_autofree double *runs = g_new0 (double, args->runs);
  struct rusage usage;

  for (int i = -1; i < args->runs; i++)
    {
      gint64 started = g_get_monotonic_time ();
      double ms;

      if (!work (data, error))
        return FALSE;
      ms = (g_get_monotonic_time () - started) / 1000.0;
      if (i < 0)
        times->first_ms = ms;
      else
        runs[i] = ms;
    }

  qsort (runs, args->runs, sizeof *runs, compare_double);
  getrusage (RUSAGE_SELF, &usage);
  times->median_ms = runs[args->runs / 2];
  times->min_ms = runs[0];
  times->maxrss_kb = usage.ru_maxrss;
  return TRUE;
}
