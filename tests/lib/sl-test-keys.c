/* sl-test-keys.c — real X key events for window tests (tests/lib, 'sltest-keys')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>
#include <gdk/x11/gdkx.h>

#include "sl-test-keys.h"
#include "sl-test-window.h"

/* The X functions, looked up once. */
static struct
{
  Display *display;
  int (*fake_key) (Display *, unsigned int, Bool, unsigned long);
  KeyCode (*keysym_to_keycode) (Display *, KeySym);
  int (*sync) (Display *, Bool);
  int (*set_input_focus) (Display *, Window, int, Time);
  int (*display_keycodes) (Display *, int *, int *);
  KeySym *(*get_keyboard_mapping) (Display *, KeyCode, int, int *);
  int (*change_keyboard_mapping) (Display *, int, int, KeySym *, int);
  int (*free) (void *);
  KeyCode spare;            /* a keycode with no symbol, for Chinese */
} x;

/* The last keycode with no symbol at all. */
static KeyCode
find_spare (void)
{
  int min, max, per;
  KeySym *map;
  KeyCode spare = 0;

  x.display_keycodes (x.display, &min, &max);
  map = x.get_keyboard_mapping (x.display, min, max - min + 1, &per);
  for (int code = max; code >= min && spare == 0; code--)
    {
      gboolean empty = TRUE;

      for (int i = 0; i < per; i++)
        empty = empty && map[(code - min) * per + i] == NoSymbol;
      if (empty)
        spare = code;
    }
  x.free (map);
  return spare;
}

gboolean
sl_test_keys_init (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  void *xtst;

  if (x.display != NULL)
    return TRUE;
  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;

  xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL);
  if (xtst == NULL)
    return FALSE;

  x.fake_key = dlsym (xtst, "XTestFakeKeyEvent");
  x.keysym_to_keycode = dlsym (RTLD_DEFAULT, "XKeysymToKeycode");
  x.sync = dlsym (RTLD_DEFAULT, "XSync");
  x.set_input_focus = dlsym (RTLD_DEFAULT, "XSetInputFocus");
  x.display_keycodes = dlsym (RTLD_DEFAULT, "XDisplayKeycodes");
  x.get_keyboard_mapping = dlsym (RTLD_DEFAULT, "XGetKeyboardMapping");
  x.change_keyboard_mapping = dlsym (RTLD_DEFAULT, "XChangeKeyboardMapping");
  x.free = dlsym (RTLD_DEFAULT, "XFree");
  if (!x.fake_key || !x.keysym_to_keycode || !x.sync || !x.set_input_focus || !x.display_keycodes ||
      !x.get_keyboard_mapping || !x.change_keyboard_mapping || !x.free)
    return FALSE;

  x.display = gdk_x11_display_get_xdisplay (display);
  x.spare = find_spare ();
  return TRUE;
}

gboolean
sl_test_keys_have_spare (void)
{
  return x.spare != 0;
}

void
sl_test_keys_settle (void)
{
  x.sync (x.display, False);
  for (int round = 0; round < 3; round++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      sl_test_iterate (15);
    }
}

void
sl_test_keys_focus (GtkWidget *window)
{
  x.set_input_focus (x.display, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                     RevertToParent, CurrentTime);
  sl_test_keys_settle ();
}

static void
press_code (KeyCode code, GdkModifierType modifiers)
{
  static const struct { GdkModifierType mask; KeySym sym; } mods[] = {
    { GDK_CONTROL_MASK, XK_Control_L },
    { GDK_ALT_MASK, XK_Alt_L },
    { GDK_SHIFT_MASK, XK_Shift_L },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mods); i++)
    if (modifiers & mods[i].mask)
      x.fake_key (x.display, x.keysym_to_keycode (x.display, mods[i].sym), True, CurrentTime);
  x.fake_key (x.display, code, True, CurrentTime);
  x.fake_key (x.display, code, False, CurrentTime);
  for (guint i = G_N_ELEMENTS (mods); i-- > 0;)
    if (modifiers & mods[i].mask)
      x.fake_key (x.display, x.keysym_to_keycode (x.display, mods[i].sym), False, CurrentTime);
}

void
sl_test_keys_press (guint keyval, GdkModifierType modifiers)
{
  KeyCode code = x.keysym_to_keycode (x.display, keyval);

  g_assert_cmpint (code, !=, 0);
  press_code (code, modifiers);
}

void
sl_test_keys_send (guint keyval, GdkModifierType modifiers)
{
  sl_test_keys_press (keyval, modifiers);
  sl_test_keys_settle ();
}

void
sl_test_keys_type (const char *text)
{
  GdkDisplay *display = gdk_display_get_default ();

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      KeySym sym = c < 0x80 ? (KeySym) c : (KeySym) (0x01000000 | c);
      KeyCode code = c < 0x80 ? x.keysym_to_keycode (x.display, sym) : 0;

      if (code == 0)
        {
          g_autofree GdkKeymapKey *keys = NULL;
          int n_keys = 0;

          g_assert_cmpint (x.spare, !=, 0);
          x.change_keyboard_mapping (x.display, x.spare, 1, &sym, 1);
          x.sync (x.display, False);
          SL_TEST_WAIT_FOR (gdk_display_map_keyval (display, gdk_unicode_to_keyval (c), &keys, &n_keys) &&
                            n_keys > 0 && keys[0].keycode == x.spare);
          code = x.spare;
        }
      press_code (code, 0);
      sl_test_keys_settle ();
    }
}

char *
sl_test_keys_focus_chain (GtkWidget *window)
{
  GString *chain = g_string_new (NULL);

  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL && chain->len < 200;
       w = gtk_widget_get_parent (w))
    g_string_append_printf (chain, "%s ", G_OBJECT_TYPE_NAME (w));
  return g_string_free (chain, FALSE);
}
