/* sl-test-window.h — the end of a window test, shared (tests/lib, 'sltest-window')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every window test ends the same way: the daily backup and any job the
 * window started (a reload, the statistics, an export) must be over, the
 * dialogs closed, and then nothing may keep the window or the ledger
 * alive. Under the sanitizers those jobs take seconds, so the wait is a
 * bounded loop on the main context, not a fixed pause: a teardown that
 * asserted too early failed the CI's sanitizer round twice.
 */

#pragma once

#include "sl-ledger.h"
#include "sl-window.h"

G_BEGIN_DECLS

/* Runs the main context until @done holds, at most 30 s, then asserts
 * it: the window's idles and jobs take their time under the sanitizers
 * and a loaded machine, so a test waits for what it checks. */
#define SL_TEST_WAIT_FOR(done)                                           \
  G_STMT_START {                                                         \
    gint64 end_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;         \
    while (!(done) && g_get_monotonic_time () < end_)                    \
      g_main_context_iteration (NULL, FALSE);                            \
    g_assert_true (done);                                                \
  } G_STMT_END

/* Runs the default main context for @ms milliseconds without blocking. */
void sl_test_iterate      (guint     ms);

/* Destroys every toplevel (dialogs first, then @window), waits (at most
 * 30 s) for the window's jobs to let go of it and of @ledger, and asserts
 * that both finalize. Takes the caller's reference to @ledger, which may
 * be NULL when the test opens further windows on it; @window is owned by
 * GTK's list of toplevels, as sl_window_new() leaves it. */
void sl_test_window_close (SlWindow *window,
                           SlLedger *ledger);

G_END_DECLS
