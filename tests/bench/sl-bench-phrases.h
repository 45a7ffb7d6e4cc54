/* sl-bench-phrases.h — the phrase banks the benchmark's ledgers are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A bank: @n words to draw from. */
typedef struct
{
  const char * const *words;
  guint               n;
} SlBenchBank;

/* One word of @bank drawn from @rand. */
#define SL_BENCH_PICK(rand, bank) ((bank).words[g_rand_int_range ((rand), 0, (bank).n)])

extern const SlBenchBank sl_bench_surnames;
extern const SlBenchBank sl_bench_given;
extern const SlBenchBank sl_bench_leader_posts;
extern const SlBenchBank sl_bench_departments;
extern const SlBenchBank sl_bench_posts;
extern const SlBenchBank sl_bench_places;
extern const SlBenchBank sl_bench_studied_texts;
extern const SlBenchBank sl_bench_sources;
extern const SlBenchBank sl_bench_openings;
extern const SlBenchBank sl_bench_actions;
extern const SlBenchBank sl_bench_results;
extern const SlBenchBank sl_bench_speech_leads;
extern const SlBenchBank sl_bench_speech_middles;
extern const SlBenchBank sl_bench_speech_ends;
extern const SlBenchBank sl_bench_measure_actions;
extern const SlBenchBank sl_bench_measure_objects;
extern const SlBenchBank sl_bench_progress_texts;
extern const SlBenchBank sl_bench_makeup_methods;
extern const SlBenchBank sl_bench_leave_reasons;
extern const SlBenchBank sl_bench_group_numbers;

G_END_DECLS
