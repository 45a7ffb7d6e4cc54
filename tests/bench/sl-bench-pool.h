/* sl-bench-pool.h — the generator's topic pool (议题库) items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-ledger.h"

G_BEGIN_DECLS

typedef struct _SlBenchPool SlBenchPool;

SlBenchPool *sl_bench_pool_new      (SlLedger    *ledger,
                                     const char  *organization,
                                     int          seed);
void         sl_bench_pool_free     (SlBenchPool *pool);
void         sl_bench_pool_add_year (SlBenchPool *pool,
                                     int          year);
const char  *sl_bench_pool_take     (SlBenchPool *pool,
                                     const char  *date);
guint        sl_bench_pool_count    (SlBenchPool *pool);

G_END_DECLS
