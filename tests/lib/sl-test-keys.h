/* sl-test-keys.h — real X key events for window tests (tests/lib, 'sltest-keys')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test). The keys are real X key
 * events made by the XTEST extension (the one xdotool uses), so they take
 * the path a keyboard's do: through GDK, the window's shortcuts and
 * mnemonics, the focus widget and the controllers above it. Characters
 * with no key on the keymap (Chinese text) are typed the way xdotool
 * types them: a spare keycode is given the character's keysym first.
 *
 * XTEST and libX11 are reached through dlsym(): libX11 is loaded with
 * GTK's X11 backend, libXtst with the X libraries of the desktop, so a
 * test needs no development headers beyond GTK's and no link option.
 * Where either is missing, or the display is not X11,
 * sl_test_keys_init() says so and the test skips.
 *
 * X key events go to the window with the X focus: tests that send them
 * run with is_parallel: false (tests/meson.build).
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Skips the test (and returns) unless @ready: the keys could be sent. */
#define SL_TEST_KEYS_REQUIRE(ready)                                      \
  G_STMT_START {                                                         \
    if (!(ready))                                                        \
      {                                                                  \
        g_test_skip ("needs an X11 display with XTEST");                 \
        return;                                                          \
      }                                                                  \
  } G_STMT_END

/* Looks the X functions up, once; FALSE when the display is not X11 or
 * XTEST is missing (the caller skips). */
gboolean sl_test_keys_init        (void);

/* Whether a keycode with no symbol was found for typing characters the
 * keymap lacks (sl_test_keys_type()); call after sl_test_keys_init(). */
gboolean sl_test_keys_have_spare  (void);

/* Everything the X server has for us, handled: XSync, then the pending
 * events and a few idle rounds of the main context. */
void     sl_test_keys_settle      (void);

/* Gives the X focus to @window's surface (no window manager under Xvfb:
 * the keyboard goes where it is told) and settles. */
void     sl_test_keys_focus       (GtkWidget      *window);

/* Sends @keyval with the @modifiers held (Control, Alt, Shift: pressed in
 * that order, released in reverse), without waiting: keys sent one after
 * the other go out at once, as a fast typist's would. Asserts that the
 * keymap has @keyval. */
void     sl_test_keys_press       (guint           keyval,
                                   GdkModifierType modifiers);

/* sl_test_keys_press(), then sl_test_keys_settle(). */
void     sl_test_keys_send        (guint           keyval,
                                   GdkModifierType modifiers);

/* Types @text one character at a time, each settled; a character with no
 * key is given the spare keycode first, once GDK has seen the new
 * keymap. Needs sl_test_keys_have_spare() for such characters. */
void     sl_test_keys_type        (const char     *text);

/* The type names from @window's focus widget up to the window (at most
 * about 200 characters), for the log of a failure. */
char    *sl_test_keys_focus_chain (GtkWidget      *window);

G_END_DECLS
