/* fuzz-targets.h — the fuzzed entry points, shared by libFuzzer and GTest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fuzz-*.c defines one sl_fuzz_*() that takes arbitrary bytes, and,
 * built with -DSL_LIBFUZZER (build-aux/fuzz.sh), the LLVMFuzzerTestOneInput
 * that calls it. test-fuzz-regressions.c links all of them into the normal
 * build and replays tests/fuzz/corpus-* and tests/fuzz/regressions through
 * them. A finding aborts (an assertion, a critical made fatal, or a
 * sanitizer report); returning means the input was handled.
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

int  sl_fuzz_roster          (const uint8_t *data,
                              size_t         size);
int  sl_fuzz_archive         (const uint8_t *data,
                              size_t         size);
int  sl_fuzz_search          (const uint8_t *data,
                              size_t         size);
/* Keeps nothing between inputs: no cleanup. */
int  sl_fuzz_json            (const uint8_t *data,
                              size_t         size);

/* Free what the targets keep between inputs (their ledgers, temporary
 * folders), so that a leak checker sees only real leaks. */
void sl_fuzz_roster_cleanup  (void);
void sl_fuzz_archive_cleanup (void);
void sl_fuzz_search_cleanup  (void);
