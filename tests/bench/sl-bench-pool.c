/* sl-bench-pool.c — the generator's topic pool (议题库) items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 党组's pool: ITEMS_PER_YEAR items a year, received through the year
 * (a few days after they were published), each studied as the first
 * topic of a later 党组会议 (sl_bench_pool_take(), called by the
 * generator for each first-topic study, gives the oldest item received
 * by the meeting's day that no study has taken yet) — most in time, some
 * late, the last of 2023 not yet: the pool page and its ledger show every
 * status, and items received late in a year are studied in the next. The draws come
 * from a GRand of their own, so that the rest of the ledger is the one the
 * same seed gave before the pool was added.
 */

#include "config.h"

#include <stdio.h>

#include "sl-bench-pool.h"
#include "sl-ledger-people.h"
#include "sl-record.h"
#include "sl-topic.h"

/* Fewer than the 30 党组会议 of a year: the pool is drained, as a bureau
 * keeps it. An item that waited for ever would show on the page of every
 * later year (the page's rule), a backlog that grows with the ledger and
 * that no real bureau keeps. */
#define ITEMS_PER_YEAR 24

struct _SlBenchPool
{
  SlLedger  *ledger;
  char      *organization;
  GRand     *rand;
  GPtrArray *ids;        /* char*: every item, in the order received */
  GPtrArray *received;   /* char*: its day */
  guint      next;       /* the oldest item no study has taken */
};

static const char *titles[] = {
  "习近平总书记关于生态文明建设的重要论述", "习近平总书记在全国生态环境保护大会上的重要讲话",
  "中央全面深化改革委员会会议精神", "中央政治局会议精神", "党的二十大报告有关论述",
  "习近平总书记关于安全生产的重要指示批示", "中央经济工作会议精神",
  "习近平总书记关于意识形态工作的重要论述", "中央生态环境保护督察工作规定",
  "习近平总书记在主题教育工作会议上的重要讲话", "习近平总书记关于党风廉政建设的重要论述",
  "中央农村工作会议精神",
};

static const char *sources[] = {
  "《人民日报》", "新华社", "中共中央办公厅文件", "《求是》杂志", "省委办公厅通知",
};

SlBenchPool *
sl_bench_pool_new (SlLedger   *ledger,
                   const char *organization,
                   int         seed)
{
  SlBenchPool *pool = g_new0 (SlBenchPool, 1);

  pool->ledger = ledger;
  pool->organization = g_strdup (organization);
  /* Not the generator's seed itself: another sequence of draws. */
  pool->rand = g_rand_new_with_seed ((guint32) seed * 2654435761u + 17);
  pool->ids = g_ptr_array_new_with_free_func (g_free);
  pool->received = g_ptr_array_new_with_free_func (g_free);
  return pool;
}

void
sl_bench_pool_free (SlBenchPool *pool)
{
  if (pool == NULL)
    return;
  g_free (pool->organization);
  g_rand_free (pool->rand);
  g_ptr_array_unref (pool->ids);
  g_ptr_array_unref (pool->received);
  g_free (pool);
}

/* The year's items, in the transaction the generator has open. */
void
sl_bench_pool_add_year (SlBenchPool *pool,
                        int          year)
{
  for (int i = 0; i < ITEMS_PER_YEAR; i++)
    {
      g_autoptr(SlTopic) topic = sl_topic_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      int month = 1 + i * 12 / ITEMS_PER_YEAR;
      int day = g_rand_int_range (pool->rand, 8, 29);
      char published[11], received[11];

      id = g_strdup_printf ("%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
                            g_rand_int (pool->rand), g_rand_int_range (pool->rand, 0, 0x10000),
                            g_rand_int_range (pool->rand, 0, 0x1000),
                            0x8000 | g_rand_int_range (pool->rand, 0, 0x4000),
                            ((gint64) g_rand_int (pool->rand) << 16) |
                            g_rand_int_range (pool->rand, 0, 0x10000));
      title = g_strdup_printf ("%s（%d年第%d期）",
                               titles[g_rand_int_range (pool->rand, 0, G_N_ELEMENTS (titles))],
                               year, i + 1);
      g_snprintf (published, sizeof published, "%04d-%02d-%02d", year, month,
                  day - g_rand_int_range (pool->rand, 1, 8));
      g_snprintf (received, sizeof received, "%04d-%02d-%02d", year, month, day);

      sl_record_set_id (SL_RECORD (topic), id);
      sl_topic_set_organization (topic, pool->organization);
      sl_topic_set_title (topic, title);
      sl_topic_set_source_kind (topic, 1 + g_rand_int_range (pool->rand, 0, SL_TOPIC_SOURCE_OTHER));
      sl_topic_set_source (topic, sources[g_rand_int_range (pool->rand, 0, G_N_ELEMENTS (sources))]);
      sl_topic_set_published_on (topic, published);
      sl_topic_set_received_on (topic, received);
      if (!sl_ledger_save_topic (pool->ledger, topic, &error))
        g_error ("topic pool item: %s", error->message);
      g_ptr_array_add (pool->ids, g_steal_pointer (&id));
      g_ptr_array_add (pool->received, g_strdup (received));
    }
}

/* The item a first-topic study on @date takes: the oldest received by
 * then that no study has taken, or now and then none (a meeting that
 * studied something else first). The ledger keeps it; NULL for none. */
const char *
sl_bench_pool_take (SlBenchPool *pool,
                    const char  *date)
{
  if (pool->next >= pool->ids->len ||
      g_strcmp0 (g_ptr_array_index (pool->received, pool->next), date) > 0 ||
      g_rand_int_range (pool->rand, 0, 10) == 0)
    return NULL;
  return g_ptr_array_index (pool->ids, pool->next++);
}

guint
sl_bench_pool_count (SlBenchPool *pool)
{
  return pool->ids->len;
}
