/* sl-test-display.h — a display of the test's own (tests/lib, 'sltest-display')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Window tests run in parallel. On one shared X server the input focus and
 * the keyboard map belong to the server, not to a test: another test's
 * XSetInputFocus() and XTEST keys (sl-test-keys.h) land in whichever
 * window has the focus, so one test types into another's fields. Each
 * window test therefore starts an Xvfb of its own, as a user has one
 * screen of her own.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Starts a private Xvfb (1280×1024, 24 bits) and points DISPLAY at it,
 * then does what gtk_test_init() and adw_init() do. The server ends with
 * the test, also when the test aborts. Without Xvfb on the PATH, or with
 * SL_TEST_SHARED_DISPLAY set, the display given (DISPLAY) is used. */
void sl_test_gtk_init (int    *argc,
                       char ***argv);

/* sl_test_gtk_init() for the tests that read the window's words: the
 * program's text domain bound as the program binds it, in English
 * (LANGUAGE=C) unless SL_SCREENSHOT_DIR asks for pictures in the
 * environment's language, and the settings in memory. */
void sl_test_gtk_init_english (int    *argc,
                               char ***argv);

G_END_DECLS
