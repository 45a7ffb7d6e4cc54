/* sl-window-jobs.c — the window's long jobs: imports, exports, backups, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports, exports and backups run in a worker thread on their own
 * connection (the *-async.c files beside the models: sl-archive-async.c,
 * sl-backups-async.c, sl-roster-async.c); the header shows a spinner
 * meanwhile, and the window's lists are read again when an import is
 * done. A job's callback runs after the window was closed too: then it
 * only gives the application's hold back.
 *
 * The first window of a day keeps a copy of its ledger (sl-backups.c). It
 * starts the copy after its first frame, unseen: copying a large ledger
 * takes longer than everything before that frame together. When that
 * copy finds the file damaged, the banner says so.
 */

#define G_LOG_DOMAIN "sl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-archive-async.h"
#include "sl-backups.h"
#include "sl-backups-async.h"
#include "sl-integrity.h"
#include "sl-roster-async.h"
#include "sl-roster-dialog.h"
#include "sl-ui-util.h"
#include "sl-window.h"
#include "sl-window-private.h"

/* Long work ------------------------------------------------------------- */

static void
begin_busy (SlWindow   *self,
            const char *what)
{
  if (self->busy++ == 0)
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      /* The work finishes even when the window is closed meanwhile. */
      if (application != NULL)
        {
          self->held = g_object_ref (G_APPLICATION (application));
          g_application_hold (self->held);
        }
      _sl_window_notify_busy (self);
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->busy_spinner), what);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  _sl_window_actions_update (self);
}

static gboolean window_gone (SlWindow *self);

static void
end_busy (SlWindow *self)
{
  g_return_if_fail (self->busy > 0);

  if (--self->busy > 0)
    return;

  if (self->held != NULL)
    {
      g_application_release (self->held);
      g_clear_object (&self->held);
    }

  /* A closed window has nothing left to update. */
  if (window_gone (self))
    return;

  gtk_spinner_stop (self->busy_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
  _sl_window_notify_busy (self);
  _sl_window_actions_update (self);
}

/* A task's callback runs after the window was closed too: then only the
 * hold is given back. */
static gboolean
window_gone (SlWindow *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

/* Import roster: read, preview, import ---------------------------------- */

static void
import_roster_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr(GError) error = NULL;
  SlRosterCounts counts = { 0 };
  gboolean ok = sl_roster_import_finish (result, &counts, &error);
  guint people;

  end_busy (self);
  if (window_gone (self))
    return;

  if (!ok)
    {
      sl_ui_show_error (GTK_WIDGET (self), _("The Roster Was Not Imported"), error);
      return;
    }

  sl_window_reload (self);

  people = counts.added + counts.updated + counts.unchanged;
  sl_window_add_toast (self,
                       sl_ui_toast_new_printf (ngettext ("Imported %u person", "Imported %u people",
                                                       people),
                                             people));
}

static void
roster_dialog_import_cb (SlWindow       *self,
                         const char     *organization,
                         SlRosterDialog *dialog)
{
  GPtrArray *rows = sl_roster_dialog_get_rows (dialog);

  begin_busy (self, _("Importing the roster…"));
  sl_roster_import_async (self, _sl_window_database_path (self), rows, organization,
                               self->cancellable, import_roster_cb, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
read_roster_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SlRosterDialog *dialog;

  rows = sl_roster_read_finish (result, &error);
  end_busy (self);
  if (window_gone (self) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The dialog shows the rows, or where the file is wrong, before
   * anything is written. */
  dialog = sl_roster_dialog_new (GTK_WINDOW (self), self->ledger, file, rows, error);
  g_signal_connect_object (dialog, "import", G_CALLBACK (roster_dialog_import_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sl_window_import_roster:
 *
 * Reads the roster @file in a worker thread and shows what it holds
 * before anything is imported (win.import-roster after the file chooser).
 */
void
sl_window_import_roster (SlWindow *self,
                         GFile    *file)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  begin_busy (self, _("Reading the roster…"));
  sl_roster_read_async (self, file, self->cancellable, read_roster_cb, g_object_ref (file));
}

/* Archives -------------------------------------------------------------- */

static void start_archive_import (SlWindow *self,
                                  GFile    *file,
                                  gboolean  merge);

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SlWindow         *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_archive);

  if (file != NULL && g_str_equal (response, "merge"))
    start_archive_import (self, file, TRUE);
}

static void
import_archive_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  SlArchiveCounts counts = { 0 };
  gboolean ok = sl_archive_import_finish (result, &counts, &error);
  GtkWidget *dialog;

  end_busy (self);
  if (window_gone (self))
    return;

  if (g_error_matches (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_CONFLICT))
    {
      /* Records the ledger has already: a second copy of the same archive,
       * or a branch's newer one. Updating them is the secretary's call. */
      dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                       _("Update Records Already in the Ledger?"),
                                       error->message);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                      _("Importing anyway adds the new records and replaces the "
                                        "ledger’s copy of the others with the archive’s. "
                                        "Nothing is deleted."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "merge", _("_Update Records"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_set_object (&self->pending_archive, file);
      g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (!ok)
    {
      sl_ui_show_error (GTK_WIDGET (self), _("The Archive Was Not Imported"), error);
      return;
    }

  sl_window_reload (self);
  sl_window_add_toast (self,
                       sl_ui_toast_new_printf (ngettext ("Imported %u meeting", "Imported %u meetings",
                                                       counts.meetings),
                                             counts.meetings));
  sl_window_show_year_with_records (self);
}

static void
start_archive_import (SlWindow *self,
                      GFile    *file,
                      gboolean  merge)
{
  begin_busy (self, _("Importing the archive…"));
  sl_archive_import_async (self, _sl_window_database_path (self), file, merge, self->cancellable,
                                import_archive_cb, g_object_ref (file));
}

/**
 * sl_window_import_archive:
 *
 * Imports the archive @file in a worker thread; records the ledger has
 * already are only updated when the secretary agrees.
 */
void
sl_window_import_archive (SlWindow *self,
                          GFile    *file)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_archive_import (self, file, FALSE);
}

static void
export_archive_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  SlArchiveCounts counts = { 0 };
  gboolean ok = sl_archive_export_finish (result, &counts, &error);

  end_busy (self);
  if (window_gone (self))
    return;

  if (!ok)
    {
      sl_ui_show_error (GTK_WIDGET (self), _("The Archive Was Not Written"), error);
      return;
    }

  name = g_file_get_basename (file);
  sl_window_add_toast (self, sl_ui_toast_new_printf (_("Exported the ledger to %s"), name));
}

/* Writes the whole ledger to the archive @file in a worker thread. */
void
sl_window_export_archive (SlWindow *self,
                          GFile    *file)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  begin_busy (self, _("Exporting the archive…"));
  sl_archive_export_async (self, _sl_window_database_path (self), file, self->cancellable,
                                export_archive_cb, g_object_ref (file));
}

/* Backup ---------------------------------------------------------------- */

static void
backup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean ok = sl_backups_write_finish (result, &error);

  end_busy (self);
  if (window_gone (self))
    return;

  if (!ok)
    {
      sl_ui_show_error (GTK_WIDGET (self), _("The Backup Was Not Written"), error);
      return;
    }

  name = g_file_get_basename (file);
  sl_window_add_toast (self, sl_ui_toast_new_printf (_("Backed up the ledger to %s"), name));
}

/* Copies the ledger to @file in a worker thread. */
void
sl_window_back_up (SlWindow *self,
                   GFile    *file)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  begin_busy (self, _("Backing up the ledger…"));
  sl_backups_write_async (self, _sl_window_database_path (self), file, self->cancellable,
                        backup_cb, g_object_ref (file));
}

/* A damaged ledger ------------------------------------------------------- */

/* The day's check (sl_backups_run_daily) found the file damaged: every
 * save is refused from now on (sl_integrity_allow_write), and the banner
 * says so before the secretary loses an edit to it. */
static void
show_damage (SlWindow     *self,
             const GError *error)
{
  g_autofree char *backup = sl_backups_find_newest_sound (_sl_window_database_path (self));
  g_autofree char *name = backup ? g_path_get_basename (backup) : NULL;
  g_autofree char *text = NULL;

  if (name != NULL)
    text = g_strdup_printf (_("The ledger file is damaged, and changes cannot be saved. "
                              "Restore the newest sound backup, %s."), name);
  else
    text = g_strdup (_("The ledger file is damaged, and changes cannot be saved. "
                       "Restore a backup you trust."));

  gtk_label_set_text (self->damage_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->damage_label), error->message);
  gtk_info_bar_set_revealed (self->damage_bar, TRUE);
}

static void
hide_damage (SlWindow *self)
{
  if (!sl_integrity_is_damaged (_sl_window_database_path (self)))
    gtk_info_bar_set_revealed (self->damage_bar, FALSE);
}

/* For tests: the banner shown on a damaged ledger. */
GtkWidget *
sl_window_get_damage_banner (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->damage_bar);
}

static void
daily_backup_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr(GApplication) held = user_data;
  g_autoptr(GError) error = NULL;

  /* As when the copy was made before the window opened: logged, and the
   * secretary works on. */
  if (!sl_backups_run_daily_finish (result, &error) &&
      g_error_matches (error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_DAMAGED))
    {
      if (!window_gone (self))
        show_damage (self, error);
    }
  else if (error != NULL)
    g_warning ("The daily backup was not made: %s", error->message);

  self->daily_backup = DAILY_BACKUP_DONE;
  if (held != NULL)
    g_application_release (held);
}

static gboolean
start_daily_backup (gpointer user_data)
{
  SlWindow *self = SL_WINDOW (user_data);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  self->daily_backup_id = 0;
  self->daily_backup = DAILY_BACKUP_RUNNING;

  /* Not self->cancellable: a window closed meanwhile still lets the copy
   * finish, and the application waits for it. */
  if (application != NULL)
    g_application_hold (G_APPLICATION (application));
  sl_backups_run_daily_async (self, _sl_window_database_path (self), NULL, daily_backup_cb,
                              application ? g_object_ref (application) : NULL);

  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                SlWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);

  /* After the frame is out, and after what the first frame left for the
   * main loop to do. */
  if (self->daily_backup == DAILY_BACKUP_WAITING)
    self->daily_backup_id = g_idle_add_full (G_PRIORITY_LOW, start_daily_backup, self, NULL);
}


/* Called when the window is mapped: the day's backup waits for the first
 * frame. */
void
_sl_window_schedule_daily_backup (SlWindow *self)
{
  if (self->daily_backup == DAILY_BACKUP_NOT_YET && self->ledger != NULL)
    {
      self->daily_backup = DAILY_BACKUP_WAITING;
      g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                               G_CALLBACK (first_frame_cb), self, 0);
    }
}

/* Restore --------------------------------------------------------------- */

static void
restore_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_as = sl_backups_restore_finish (result, &error);
  g_autofree char *name = NULL;
  g_autofree char *saved_name = NULL;

  end_busy (self);
  if (window_gone (self))
    return;

  if (saved_as == NULL)
    {
      sl_ui_show_error (GTK_WIDGET (self), _("The Ledger Was Not Restored"), error);
      return;
    }

  sl_window_reload (self);
  hide_damage (self);

  name = g_file_get_basename (file);
  saved_name = g_path_get_basename (saved_as);
  sl_window_add_toast (self, sl_ui_toast_new_printf (_("Restored the ledger from %s; "
                                                       "the previous one is kept as %s"),
                                                     name, saved_name));
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(GFile) file = user_data;
  SlWindow *self = SL_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "restore") != 0 || window_gone (self))
    return;

  begin_busy (self, _("Restoring the ledger…"));
  sl_backups_restore_async (self, _sl_window_database_path (self), file, self->cancellable,
                         restore_cb, g_object_ref (file));
}

/* Puts the backup @file in the ledger's place, after asking: the current
 * records are copied aside first, never lost. */
void
sl_window_restore (SlWindow *self,
                   GFile    *file)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore the Ledger From This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The records of %s replace those shown now. The ledger as it "
                                    "is now is first copied to the backup folder."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), g_object_ref (file));
  gtk_window_present (GTK_WINDOW (dialog));
}