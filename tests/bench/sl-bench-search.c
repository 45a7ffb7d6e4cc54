/* sl-bench-search.c — search latency over queries drawn from the ledger's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-bench-search --database FILE [--queries N] [--seed S] [--limit L]
 *
 * The limit is the search page's: at most 200 meetings (sl-search-page.c).
 *
 * Draws N queries of one to four Chinese characters (each length equally
 * often) from the texts that search looks in, at random places of random
 * rows, so that common characters come up as often as they occur. Then
 * runs each through sl_search_run() in this process, as the window does,
 * and times it with the monotonic clock. The queries are drawn before the
 * first is timed and a few untimed ones warm the cache first.
 *
 * Prints one line: "search: queries=… limit=… p50_ms=… p90_ms=… p99_ms=…
 * max_ms=… mean_hits=… no_hits=… maxrss_kb=… p50_cpu_ms=… p99_cpu_ms=…"
 * and, with --verbose, the slowest queries. The cpu_ms are each query's
 * processor time (CLOCK_THREAD_CPUTIME_ID): on a machine that other work
 * keeps busy, the wall times grow by the time slices the process waits,
 * its own work does not.
 */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "sl-database.h"
#include "sl-search.h"

typedef struct
{
  char   *text;
  double  ms;
  double  cpu_ms;
  guint   hits;
} Query;

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* A run of one to four Han characters at a random place of @body, or NULL
 * when the place drawn has none. */
static char *
draw_from (GRand      *rand,
           const char *body,
           int         length)
{
  glong n = g_utf8_strlen (body, -1);
  const char *start, *end;

  if (n < length)
    return NULL;

  start = g_utf8_offset_to_pointer (body, g_rand_int_range (rand, 0, n - length + 1));
  end = start;
  for (int i = 0; i < length; i++)
    {
      if (!is_han (g_utf8_get_char (end)))
        return NULL;
      end = g_utf8_next_char (end);
    }

  return g_strndup (start, end - start);
}

static GPtrArray *
draw_queries (SlDatabase *database,
              guint       count,
              guint32     seed)
{
  static const char *sources[] = {
    "SELECT count (*) FROM studies", "SELECT summary FROM studies LIMIT 1 OFFSET ?",
    "SELECT count (*) FROM studies", "SELECT title FROM studies LIMIT 1 OFFSET ?",
    "SELECT count (*) FROM speeches", "SELECT points FROM speeches LIMIT 1 OFFSET ?",
    "SELECT count (*) FROM meetings", "SELECT title || char (10) || theme FROM meetings LIMIT 1 OFFSET ?",
    "SELECT count (*) FROM measures", "SELECT text || char (10) || progress FROM measures LIMIT 1 OFFSET ?",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *queries = g_ptr_array_new ();
  sqlite3 *db = sl_database_get_handle (database);
  int rows[G_N_ELEMENTS (sources) / 2];

  for (guint s = 0; s < G_N_ELEMENTS (rows); s++)
    {
      sqlite3_stmt *stmt;

      sqlite3_prepare_v2 (db, sources[2 * s], -1, &stmt, NULL);
      rows[s] = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
      sqlite3_finalize (stmt);
    }

  while (queries->len < count)
    {
      /* Summaries and speeches hold most of the text: draw from them most. */
      static const int weights[] = { 45, 10, 30, 5, 10 };
      int draw = g_rand_int_range (rand, 0, 100);
      guint s = 0;
      sqlite3_stmt *stmt;
      char *text = NULL;

      while (draw >= weights[s])
        draw -= weights[s++];
      if (rows[s] == 0)
        continue;

      sqlite3_prepare_v2 (db, sources[2 * s + 1], -1, &stmt, NULL);
      sqlite3_bind_int (stmt, 1, g_rand_int_range (rand, 0, rows[s]));
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        text = draw_from (rand, (const char *) sqlite3_column_text (stmt, 0),
                          1 + queries->len % 4);
      sqlite3_finalize (stmt);

      if (text != NULL)
        {
          Query *query = g_new0 (Query, 1);
          query->text = text;
          g_ptr_array_add (queries, query);
        }
    }

  return queries;
}

static int
compare_ms (gconstpointer a,
            gconstpointer b)
{
  double x = (*(Query * const *) a)->ms, y = (*(Query * const *) b)->ms;
  return x < y ? -1 : x > y;
}

static double
percentile (GPtrArray *sorted,
            double     p)
{
  guint index = (guint) (p * (sorted->len - 1) + 0.5);
  return ((Query *) g_ptr_array_index (sorted, index))->ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) database = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  int count = 1000, seed = 1, limit = 200, length = 0;
  gboolean verbose = FALSE;
  double total_hits = 0;
  guint no_hits = 0;
  guint lengths[5] = { 0 };
  double by_length[5] = { 0 };
  g_autofree double *cpu = NULL;
  struct rusage usage;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &path, "The ledger", "FILE" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &count, "How many queries (1000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the draw (1)", "S" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Hits per query, 0 for all (200, as the search page)", "L" },
    { "length", 0, 0, G_OPTION_ARG_INT, &length, "Only queries of this many characters", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "List the slowest queries", NULL },
    { NULL }
  };

  /* As app/main.c does. */
  mallopt (M_TRIM_THRESHOLD, 32 * 1024 * 1024);
  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || count < 1)
    {
      g_printerr ("sl-bench-search: %s\n", error ? error->message : "--database FILE is required");
      return 2;
    }

  database = sl_database_open (path, &error);
  if (database == NULL)
    {
      g_printerr ("sl-bench-search: %s\n", error->message);
      return 1;
    }

  queries = draw_queries (database, length > 0 ? (guint) count * 4 : (guint) count, seed);
  if (length > 0)
    for (guint i = queries->len; i-- > 0;)
      if (g_utf8_strlen (((Query *) g_ptr_array_index (queries, i))->text, -1) != length)
        g_ptr_array_remove_index (queries, i);

  /* Untimed: the first statements are prepared and pages read here. */
  for (guint i = 0; i < MIN (queries->len, 20u); i++)
    {
      g_autoptr(GPtrArray) hits = sl_search_run (database, ((Query *) g_ptr_array_index (queries, i))->text,
                                                 limit, NULL);
    }

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_autoptr(GPtrArray) hits = NULL;
      double cpu_started = thread_cpu_ms ();
      gint64 started = g_get_monotonic_time ();
      glong n;

      hits = sl_search_run (database, query->text, limit, &error);
      query->ms = (g_get_monotonic_time () - started) / 1000.0;
      query->cpu_ms = thread_cpu_ms () - cpu_started;
      if (hits == NULL)
        {
          g_printerr ("sl-bench-search: “%s”: %s\n", query->text, error->message);
          return 1;
        }
      query->hits = hits->len;
      total_hits += hits->len;
      no_hits += hits->len == 0;
      n = g_utf8_strlen (query->text, -1);
      lengths[n]++;
      by_length[n] = MAX (by_length[n], query->ms);
    }

  sorted = g_ptr_array_copy (queries, NULL, NULL);
  g_ptr_array_sort (sorted, compare_ms);
  getrusage (RUSAGE_SELF, &usage);
  cpu = g_new (double, MAX (queries->len, 1));
  for (guint i = 0; i < queries->len; i++)
    cpu[i] = ((Query *) g_ptr_array_index (queries, i))->cpu_ms;
  qsort (cpu, queries->len, sizeof *cpu, compare_double);

  g_print ("search: queries=%u limit=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
           "mean_hits=%.1f no_hits=%u max_ms_by_length=%.1f/%.1f/%.1f/%.1f maxrss_kb=%ld "
           "p50_cpu_ms=%.3f p99_cpu_ms=%.3f\n",
           sorted->len, limit, percentile (sorted, 0.50), percentile (sorted, 0.90),
           percentile (sorted, 0.99), percentile (sorted, 1.0),
           total_hits / sorted->len, no_hits,
           by_length[1], by_length[2], by_length[3], by_length[4], usage.ru_maxrss,
           cpu[(guint) (0.50 * (queries->len - 1) + 0.5)],
           cpu[(guint) (0.99 * (queries->len - 1) + 0.5)]);

  if (verbose)
    for (guint i = sorted->len; i-- > 0 && i + 10 >= sorted->len;)
      {
        Query *query = g_ptr_array_index (sorted, i);
        g_print ("  %8.3f ms  %5u hits  %s\n", query->ms, query->hits, query->text);
      }

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      g_free (query->text);
      g_free (query);
    }

  return 0;
}
