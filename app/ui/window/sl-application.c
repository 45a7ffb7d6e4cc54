/* sl-application.c — the GTK application: one instance, its actions, its window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GApplication makes the program single-instance on the session bus: starting
 * it a second time activates the first process, which presents its window
 * again instead of opening the same ledger twice.
 *
 * The ledger is opened (and, for an older file, upgraded) in a worker
 * thread before the window appears. A file that is no ledger, was written
 * by a newer version or stays locked gets a message dialog, not a window.
 *
 * The example data opens in a window of its own, on a separate file beside
 * the secretary's ledger (sl_ledger_example_path()), filled once from the
 * archive built into the program: it never mixes with real records.
 */

#define G_LOG_DOMAIN "sl-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-application.h"
#include "sl-ledger.h"
#include "sl-ledger-async.h"
#include "sl-window.h"

#define EXAMPLE_ARCHIVE "/org/studyledger/StudyLedger/example-archive.json"

struct _SlApplication
{
  AdwApplication parent_instance;

  /* owned references */
  char *database_path;

  gboolean opening;
  gboolean opening_example;
};

G_DEFINE_FINAL_TYPE (SlApplication, sl_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SlApplication *self = SL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Study Ledger"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Study Ledger developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep the records of a party organisation’s study meetings and print them for inspection."),
                        "copyright", _("© 2026 The Study Ledger developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

/* Each window is asked to close, as its close button would: one whose
 * saves still wait for a busy ledger asks first (sl-window-writers.c).
 * The application ends with its last window. */
static void
sl_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  if (windows == NULL)
    {
      g_application_quit (G_APPLICATION (user_data));
      return;
    }

  /* Held: closing a window may destroy its dialogs, later in the list. */
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
show_open_error (SlApplication *self,
                 const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Cannot Open the Ledger"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* Without a window the dialog keeps the application alive until it is
   * closed; then the program ends. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
example_opened_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SlApplication *self = SL_APPLICATION (source);
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  SlWindow *window;

  self->opening_example = FALSE;
  g_application_release (G_APPLICATION (self));

  if (!(ledger = sl_ledger_open_finish (result, &error)))
    {
      show_open_error (self, error);
      return;
    }

  window = sl_window_new (GTK_APPLICATION (self), ledger, TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
example_prepared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SlApplication *self = SL_APPLICATION (source);
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;

  if (!sl_ledger_prepare_example_finish (result, &error))
    {
      self->opening_example = FALSE;
      g_application_release (G_APPLICATION (self));
      show_open_error (self, error);
      return;
    }

  sl_ledger_open_async (self, path, NULL, example_opened_cb, NULL);
}

static void
sl_application_open_example (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SlApplication *self = SL_APPLICATION (user_data);
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  /* One example window is enough. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SL_IS_WINDOW (l->data) && sl_window_get_example (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  if (self->opening_example)
    return;

  archive = g_resources_lookup_data (EXAMPLE_ARCHIVE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  self->opening_example = TRUE;
  g_application_hold (G_APPLICATION (self));
  path = sl_ledger_example_path ();
  sl_ledger_prepare_example_async (self, path, archive, NULL, example_prepared_cb, path);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = sl_application_about },
  { .name = "quit", .activate = sl_application_quit },
  { .name = "open-example", .activate = sl_application_open_example },
};

static void
sl_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (sl_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "window.close", close_accels);
  /* What GtkApplication does for a gtk/help-overlay.ui resource, which
   * we do not have: SlWindow builds its help overlay when first asked. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "win.show-help-overlay", help_accels);
}

static void
ledger_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SlApplication *self = SL_APPLICATION (source);
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  SlWindow *window;

  self->opening = FALSE;

  if (!(ledger = sl_ledger_open_finish (result, &error)))
    show_open_error (self, error);
  else
    {
      window = sl_window_new (GTK_APPLICATION (self), ledger, FALSE);
      gtk_window_present (GTK_WINDOW (window));
    }

  g_application_release (G_APPLICATION (self));
}

static void
sl_application_activate (GApplication *application)
{
  SlApplication *self = SL_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->opening)
    return;

  /* Opening may upgrade an old file: not on the main loop. */
  self->opening = TRUE;
  g_application_hold (application);
  sl_ledger_open_async (self, self->database_path, NULL, ledger_opened_cb, NULL);
}

static void
sl_application_finalize (GObject *object)
{
  SlApplication *self = SL_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (sl_application_parent_class)->finalize (object);
}

static void
sl_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlApplication *self = SL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SlApplication *self = SL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      /* Construct-only: set once, so there is nobody to notify. */
      g_free (self->database_path);
      self->database_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_application_class_init (SlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sl_application_finalize;
  object_class->get_property = sl_application_get_property;
  object_class->set_property = sl_application_set_property;

  application_class->startup = sl_application_startup;
  application_class->activate = sl_application_activate;

  /**
   * SlApplication:database-path:
   *
   * The ledger file the window opens; %NULL means the default one in the
   * user's data directory.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_application_init (SlApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}

SlApplication *
sl_application_new (const char *database_path)
{
  return g_object_new (SL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/studyledger/StudyLedger",
                       "database-path", database_path,
                       NULL);
}

const char *
sl_application_get_database_path (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);

  return self->database_path;
}
