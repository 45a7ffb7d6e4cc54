/* sl-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For now a placeholder that says the window is being built and points to
 * the command line. Its size and maximized state are bound to GSettings, so
 * they come back at the next start without any code saving them.
 */

#define G_LOG_DOMAIN "sl-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-window.h"

struct _SlWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwHeaderBar *header_bar;
  GtkMenuButton *primary_menu_button;
  AdwStatusPage *status_page;

  /* owned references */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (SlWindow, sl_window, ADW_TYPE_APPLICATION_WINDOW)

/* g_settings_new() aborts when the schema is missing, which happens when the
 * program runs from the build tree without GSETTINGS_SCHEMA_DIR: the window
 * should still open then, it just forgets its size. */
static GSettings *
sl_window_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; "
                 "the window size will not be remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
sl_window_dispose (GObject *object)
{
  SlWindow *self = SL_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sl_window_parent_class)->dispose (object);
}

static void
sl_window_class_init (SlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, status_page);
}

static void
sl_window_init (SlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = sl_window_settings_new ();
  if (self->settings != NULL)
    {
      /* GTK updates default-width/height as the user resizes, but not
       * while the window is maximized, so the unmaximized size survives. */
      g_settings_bind (self->settings, "window-width",
                       self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height",
                       self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized",
                       self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}

SlWindow *
sl_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (SL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
