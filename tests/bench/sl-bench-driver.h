/* sl-bench-driver.h — what the in-process timing drivers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-bench-stats and sl-bench-pool-page take the same options (--database
 * FILE --year YYYY [--runs N]), set up the process as app/main.c does, and
 * time one piece of work: once first (statements prepared, pages read),
 * reported apart, then N times for the median and the minimum.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *path;    /* --database */
  int   year;    /* --year, 2023 by default */
  int   runs;    /* --runs, 9 by default */
} SlBenchArgs;

typedef struct
{
  double first_ms;
  double median_ms;
  double min_ms;
  long   maxrss_kb;   /* the process's peak, after the runs */
} SlBenchTimes;

/* One run of the work timed; FALSE with @error set when it failed. */
typedef gboolean (*SlBenchWork) (gpointer   data,
                                 GError   **error);

/* Sets the process up as app/main.c does and reads the options into
 * @args; on a bad command line prints "@program: why" and returns FALSE. */
gboolean sl_bench_parse_args (const char   *program,
                              int          *argc,
                              char       ***argv,
                              SlBenchArgs  *args);

/* Runs @work once, then args->runs times, timing each with the monotonic
 * clock. FALSE with @error set as soon as a run fails. */
gboolean sl_bench_time (const SlBenchArgs  *args,
                        SlBenchWork         work,
                        gpointer            data,
                        SlBenchTimes       *times,
                        GError            **error);

G_END_DECLS
