/* sl-window.c — the main window: a ledger's pages and the commands on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar lists the pages (overview, meetings, plan, members, measures,
 * research topics); the page shown fills the rest. On a narrow window the
 * leaflet folds and shows one of the two at a time. The header holds the
 * year every page shows, which GSettings remembers (last-year).
 *
 * Every command is an action of the window (win.*), so that the menu, the
 * buttons and the keyboard shortcuts name it instead of calling code, and
 * sl_window_actions_update() is the one place that says what is possible.
 *
 * Imports, exports and backups run in a worker thread on their own
 * connection (the *-async.c files beside the models); the header shows a spinner meanwhile, and the
 * window's lists are read again when an import is done. An empty ledger
 * shows a welcome page instead of the overview.
 *
 * The first window of a day keeps a copy of its ledger (sl-backups.c). It
 * starts the copy after its first frame, unseen: copying a large ledger
 * takes longer than everything before that frame together, and the
 * secretary has nothing to wait for.
 *
 * Only the overview, the page shown first, is built with the window; the
 * others are built the first time they are shown or asked for, so that
 * the first frame waits only for what it shows (docs/performance.md).
 * Whatever reaches a page (an action, a shortcut, sl_window_get_page())
 * goes through ensure_page().
 *
 * Window size and the year are bound to GSettings. An example window (the
 * built-in example data) binds neither: it must not change what the
 * secretary's own window remembers.
 */

#define G_LOG_DOMAIN "sl-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-backups.h"
#include "sl-bench-hook.h"
#include "sl-database.h"
#include "sl-document-dialog.h"
#include "sl-integrity.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-measures-page.h"
#include "sl-meetings-page.h"
#include "sl-members-page.h"
#include "sl-overview-page.h"
#include "sl-plan-page.h"
#include "sl-research-page.h"
#include "sl-roster-dialog.h"
#include "sl-roster-import.h"
#include "sl-search-page.h"
#include "sl-archive-async.h"
#include "sl-backups-async.h"
#include "sl-roster-async.h"
#include "sl-ui-util.h"
#include "sl-util.h"
#include "sl-window.h"
#include "sl-window-writers.h"

/* The day's backup, which the window starts after its first frame. */
typedef enum
{
  DAILY_BACKUP_NOT_YET,   /* not mapped yet */
  DAILY_BACKUP_WAITING,   /* for the first frame, then for the idle */
  DAILY_BACKUP_RUNNING,
  DAILY_BACKUP_DONE,      /* made, found there already, failed or dropped */
} DailyBackup;

struct _SlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *page_title;
  GtkDropDown          *year_dropdown;
  GtkStringList        *year_model;
  GtkSpinner           *busy_spinner;
  GtkStack             *content_stack;
  GtkWidget            *overview_page;
  GtkInfoBar           *damage_bar;
  GtkLabel             *damage_label;

  /* owned references */
  SlLedger             *ledger;
  GSettings            *settings;
  GArray               *years;          /* int, in the order of year_model */
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  GFile                *pending_archive; /* an archive that asks to be merged */
  GApplication         *held;            /* held while work runs */
  SlWindowWriters      *writers;         /* other programs on the ledger */

  int                   year;
  guint                 busy;
  DailyBackup           daily_backup;
  guint                 daily_backup_id;  /* the idle that starts it */
  gboolean              example;
  gboolean              empty;
  gboolean              updating_years;
  gboolean              updating_sidebar;
};

G_DEFINE_FINAL_TYPE (SlWindow, sl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_YEAR,
  PROP_EXAMPLE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar's pages, in its order and that of Ctrl+1..6. */
static const char * const sidebar_pages[] = {
  "overview", "meetings", "plan", "members", "measures", "research",
};

/* The pages built on first use; each has an empty AdwBin in the stack. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
  gboolean    yearly;
} lazy_pages[] = {
  { "meetings", sl_meetings_page_get_type, TRUE },
  { "plan",     sl_plan_page_get_type,     TRUE },
  { "members",  sl_members_page_get_type,  FALSE },
  { "measures", sl_measures_page_get_type, TRUE },
  { "research", sl_research_page_get_type, TRUE },
  { "search",   sl_search_page_get_type,   FALSE },
};

static void sl_window_actions_update (SlWindow *self);
static void sl_window_set_ledger     (SlWindow *self,
                                      SlLedger *ledger);

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

static int
current_year (void)
{
  g_autofree char *today = sl_today ();

  return sl_date_get_year (today);
}

static const char *
database_path (SlWindow *self)
{
  return self->ledger ? sl_database_get_path (sl_ledger_get_database (self->ledger)) : NULL;
}

/* Years ----------------------------------------------------------------- */

static void
refresh_years (SlWindow *self)
{
  g_autoptr(GArray) with_records = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->ledger != NULL)
    with_records = sl_ledger_query_years (self->ledger, NULL);
  years = sl_years_for_selector (with_records, current_year (), self->year);

  labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);

      /* Translators: a year in the year selector; in Chinese "%d年". */
      g_ptr_array_add (labels, g_strdup_printf (C_("year", "%d"), year));
      if (year == self->year)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  self->updating_years = TRUE;

  if (self->years == NULL || self->years->len != years->len ||
      memcmp (self->years->data, years->data, years->len * sizeof (int)) != 0)
    {
      gtk_string_list_splice (self->year_model, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->year_model)),
                              (const char * const *) labels->pdata);
      g_clear_pointer (&self->years, g_array_unref);
      self->years = g_steal_pointer (&years);
    }

  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->updating_years = FALSE;
}

/* A page saved a record in a year the selector may not list yet (a
 * meeting moved to 2030): list it now, not at the next page switch. */
static void
refresh_years_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  refresh_years (SL_WINDOW (widget));
}

static void
year_selected_cb (SlWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating_years || self->years == NULL || selected >= self->years->len)
    return;

  sl_window_set_year (self, g_array_index (self->years, int, selected));
}

/* Pages ----------------------------------------------------------------- */

static int
lazy_page_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    if (g_str_equal (lazy_pages[i].name, name))
      return i;

  return -1;
}

/* The page called @name if it is built already, else NULL. */
static GtkWidget *
built_page (SlWindow   *self,
            const char *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->content_stack, name);

  if (child != NULL && lazy_page_index (name) >= 0)
    return adw_bin_get_child (ADW_BIN (child));

  return child;
}

/* The page called @name, built now if it was not yet. */
static GtkWidget *
ensure_page (SlWindow   *self,
             const char *name)
{
  GtkWidget *page = built_page (self, name);
  int i = lazy_page_index (name);

  if (page != NULL || i < 0)
    return page;

  page = g_object_new (lazy_pages[i].get_type (), NULL);
  /* In the order the template bound them when it built every page. */
  g_object_bind_property (self, "ledger", page, "ledger", G_BINDING_SYNC_CREATE);
  if (lazy_pages[i].yearly)
    g_object_bind_property (self, "year", page, "year", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (ADW_BIN (gtk_stack_get_child_by_name (self->content_stack, name)), page);

  return page;
}

static gboolean
page_uses_year (const char *name)
{
  return !g_str_equal (name, "members") && !g_str_equal (name, "search") &&
         !g_str_equal (name, "welcome");
}

static void
select_sidebar_row (SlWindow   *self,
                    const char *name)
{
  GtkListBoxRow *row = NULL;

  if (g_str_equal (name, "welcome"))
    name = "overview";

  for (guint i = 0; i < G_N_ELEMENTS (sidebar_pages); i++)
    if (g_str_equal (sidebar_pages[i], name))
      row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

  self->updating_sidebar = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->sidebar_list, row);
  else
    gtk_list_box_unselect_all (self->sidebar_list);
  self->updating_sidebar = FALSE;
}

static void
visible_page_changed_cb (SlWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);
  GtkStackPage *page;

  if (name == NULL)
    return;

  /* Whatever showed it, the page is built by now. */
  ensure_page (self, name);
  page = gtk_stack_get_page (self->content_stack,
                             gtk_stack_get_visible_child (self->content_stack));
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
  /* A meeting saved meanwhile may have started a year. */
  refresh_years (self);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), page_uses_year (name));
  select_sidebar_row (self, name);
}

void
sl_window_show_page (SlWindow   *self,
                     const char *name)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  /* An empty ledger has nothing to give an overview of. */
  if (g_str_equal (name, "overview") && self->empty)
    name = "welcome";

  /* Built before it is shown, so that it comes with its content. */
  ensure_page (self, name);
  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  /* Focus left on the page just hidden would land on the new page's first
   * field, with its text selected for the next key to replace. The
   * sidebar's row is a safer place; Tab goes on into the page. */
  if (!adw_leaflet_get_folded (self->leaflet))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
sidebar_row_activated_cb (SlWindow      *self,
                          GtkListBoxRow *row)
{
  if (self->updating_sidebar)
    return;

  sl_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
update_empty (SlWindow *self)
{
  gboolean empty = self->ledger == NULL || sl_ledger_is_empty (self->ledger);
  const char *name = gtk_stack_get_visible_child_name (self->content_stack);

  self->empty = empty;

  if (name == NULL || (empty && g_str_equal (name, "overview")))
    sl_window_show_page (self, "overview");
  else if (!empty && g_str_equal (name, "welcome"))
    gtk_stack_set_visible_child_name (self->content_stack, "overview");

  sl_window_actions_update (self);
}

static void
roster_changed_cb (SlWindow *self)
{
  update_empty (self);
}

/**
 * sl_window_reload:
 *
 * Reads the ledger again after another connection wrote to it (an import
 * in a worker thread): the live roster lists, the years, and the page
 * shown.
 */
void
sl_window_reload (SlWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_return_if_fail (SL_IS_WINDOW (self));

  if (self->ledger == NULL)
    return;

  if (!sl_ledger_query_reload (self->ledger, &error))
    g_warning ("Cannot read the roster again: %s", error->message);

  refresh_years (self);
  sl_overview_page_reload (SL_OVERVIEW_PAGE (self->overview_page));

  /* A page not built yet reads the ledger when it is. */
  if ((page = built_page (self, "meetings")) != NULL)
    sl_meetings_page_reload (SL_MEETINGS_PAGE (page));
  if ((page = built_page (self, "plan")) != NULL)
    sl_plan_page_reload (SL_PLAN_PAGE (page));
  if ((page = built_page (self, "measures")) != NULL)
    sl_measures_page_reload (SL_MEASURES_PAGE (page));
  if ((page = built_page (self, "research")) != NULL)
    sl_research_page_reload (SL_RESEARCH_PAGE (page));
  update_empty (self);
}

/**
 * sl_window_sync:
 *
 * Reads the ledger again after another program wrote to it, like
 * sl_window_reload(), but leaves the meeting being edited open: the
 * editor takes what changed in the fields the user is not editing.
 */
void
sl_window_sync (SlWindow *self)
{
  GtkWidget *page;

  g_return_if_fail (SL_IS_WINDOW (self));

  if (self->ledger == NULL)
    return;

  refresh_years (self);
  sl_overview_page_reload (SL_OVERVIEW_PAGE (self->overview_page));
  if ((page = built_page (self, "meetings")) != NULL)
    sl_meetings_page_sync (SL_MEETINGS_PAGE (page));
  if ((page = built_page (self, "plan")) != NULL)
    sl_plan_page_reload (SL_PLAN_PAGE (page));
  if ((page = built_page (self, "measures")) != NULL)
    sl_measures_page_reload (SL_MEASURES_PAGE (page));
  if ((page = built_page (self, "research")) != NULL)
    sl_research_page_reload (SL_RESEARCH_PAGE (page));
  update_empty (self);
}

/* Stores what the meeting editor has not saved yet. */
void
sl_window_flush (SlWindow *self)
{
  GtkWidget *page;

  g_return_if_fail (SL_IS_WINDOW (self));

  if ((page = built_page (self, "meetings")) != NULL)
    sl_meetings_page_flush (SL_MEETINGS_PAGE (page));
}

static gboolean
sl_window_close_request (GtkWindow *window)
{
  SlWindow *self = SL_WINDOW (window);

  if (self->writers != NULL && sl_window_writers_close_request (self->writers))
    return TRUE;

  if (GTK_WINDOW_CLASS (sl_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (sl_window_parent_class)->close_request (window);
  return FALSE;
}

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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->busy_spinner), what);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  sl_window_actions_update (self);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  sl_window_actions_update (self);
}

/* A task's callback runs after the window was closed too: then only the
 * hold is given back. */
static gboolean
window_gone (SlWindow *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

typedef void (*ChooserDone) (SlWindow *self,
                             GFile    *file);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SlWindow        *self)
{
  ChooserDone done = g_object_get_data (G_OBJECT (chooser), "sl-done");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    done (self, file);
}

static void
choose_file (SlWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *filter_name,
             const char           *pattern,
             const char           *suggested_name,
             ChooserDone           done)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (filter_name != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }

  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_object_set_data (G_OBJECT (chooser), "sl-done", done);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static char *
dated_file_name (const char *format)
{
  g_autofree char *today = sl_today ();

  return g_strdup_printf (format, today);
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
  sl_roster_import_async (self, database_path (self), rows, organization,
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

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_file (SL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("Import Roster"), _("_Open"),
               _("Rosters saved by Excel or WPS (CSV)"), "*.[cC][sS][vV]", NULL,
               sl_window_import_roster);
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
}

static void
start_archive_import (SlWindow *self,
                      GFile    *file,
                      gboolean  merge)
{
  begin_busy (self, _("Importing the archive…"));
  sl_archive_import_async (self, database_path (self), file, merge, self->cancellable,
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
import_archive_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_file (SL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("Import Archive"), _("_Open"),
               _("Study Ledger archives (JSON)"), "*.[jJ][sS][oO][nN]", NULL,
               sl_window_import_archive);
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
  sl_archive_export_async (self, database_path (self), file, self->cancellable,
                                export_archive_cb, g_object_ref (file));
}

static void
export_archive_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* Translators: the file name an exported archive is offered; %s is
   * today's date. */
  g_autofree char *name = dated_file_name (_("study-ledger-%s.json"));

  choose_file (SL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("Export Archive"), _("_Export"),
               _("Study Ledger archives (JSON)"), "*.[jJ][sS][oO][nN]", name,
               sl_window_export_archive);
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
  sl_backups_write_async (self, database_path (self), file, self->cancellable,
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
  g_autofree char *backup = sl_backups_find_newest_sound (database_path (self));
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
  if (!sl_integrity_is_damaged (database_path (self)))
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
  sl_backups_run_daily_async (self, database_path (self), NULL, daily_backup_cb,
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

static void
sl_window_map (GtkWidget *widget)
{
  SlWindow *self = SL_WINDOW (widget);

  GTK_WIDGET_CLASS (sl_window_parent_class)->map (widget);

  if (self->daily_backup == DAILY_BACKUP_NOT_YET && self->ledger != NULL)
    {
      self->daily_backup = DAILY_BACKUP_WAITING;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (first_frame_cb), self, 0);
    }
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  /* Translators: the file name a backup is offered; %s is today's date. */
  g_autofree char *name = dated_file_name (_("study-ledger-backup-%s.db"));

  choose_file (SL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("Back Up the Ledger"), _("_Save"),
               _("Study Ledger databases"), "*.db", name,
               sl_window_back_up);
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
  sl_backups_restore_async (self, database_path (self), file, self->cancellable,
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

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_file (SL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("Restore From a Backup"), _("_Open"),
               _("Study Ledger databases"), "*.db", NULL,
               sl_window_restore);
}

/* Documents ------------------------------------------------------------- */

static void
export_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  SlDocumentDialog *dialog = sl_document_dialog_new (widget, database_path (self), self->year);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Navigation ------------------------------------------------------------ */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    {
      g_warning ("There is no page named %s", name);
      return;
    }

  sl_window_show_page (self, name);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  sl_window_show_page (self, "search");
  sl_search_page_focus (SL_SEARCH_PAGE (ensure_page (self, "search")));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  sl_window_show_page (self, "meetings");

  /* The meetings page owns its editor; it says whether it can start one. */
  if (!gtk_widget_activate_action (ensure_page (self, "meetings"), "meetings.new", NULL))
    g_debug ("The meetings page has no meetings.new action");
}

static void
open_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  int year = sl_ledger_query_meeting_year (self->ledger, id);

  /* A search hit or a plan item may name a meeting of another year. */
  if (year > 0)
    sl_window_set_year (self, year);

  sl_window_show_page (self, "meetings");
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (ensure_page (self, "meetings")), id);
}

/* The shortcuts window costs start-up as much as a page: built when
 * first asked for, then kept by GtkApplicationWindow, which also makes
 * it transient for this window. This class action hides the one that
 * GtkApplicationWindow adds under the same name. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/studyledger/StudyLedger/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
sl_window_actions_update (SlWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = self->ledger != NULL;
  gboolean idle = ready && self->busy == 0;

  gtk_widget_action_set_enabled (widget, "win.show-page", ready);
  gtk_widget_action_set_enabled (widget, "win.search", ready && !self->empty);
  gtk_widget_action_set_enabled (widget, "win.new-meeting", ready);
  gtk_widget_action_set_enabled (widget, "win.open-meeting", ready);
  gtk_widget_action_set_enabled (widget, "win.import-roster", idle);
  gtk_widget_action_set_enabled (widget, "win.import-archive", idle);
  gtk_widget_action_set_enabled (widget, "win.export-archive", idle && !self->empty);
  gtk_widget_action_set_enabled (widget, "win.backup", idle && !self->empty);
  gtk_widget_action_set_enabled (widget, "win.export-document", ready && !self->empty);
}

/* Object ---------------------------------------------------------------- */

static gboolean
year_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  int year = g_variant_get_int32 (variant);

  /* 0: the current year. */
  g_value_set_int (value, year > 0 ? year : current_year ());
  return TRUE;
}

static GVariant *
year_to_setting (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  return g_variant_new_int32 (g_value_get_int (value));
}

static void
sl_window_constructed (GObject *object)
{
  SlWindow *self = SL_WINDOW (object);

  G_OBJECT_CLASS (sl_window_parent_class)->constructed (object);

  if (self->example)
    {
      /* Translators: the subtitle of a window that shows the example data. */
      adw_window_title_set_subtitle (self->sidebar_title, _("Example Data"));
      gtk_window_set_title (GTK_WINDOW (self), _("Study Ledger — Example Data"));
    }
  else if ((self->settings = sl_window_settings_new ()) != NULL)
    {
      /* GTK updates default-width/height as the user resizes, but not
       * while the window is maximized, so the unmaximized size survives. */
      g_settings_bind (self->settings, "window-width",
                       self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height",
                       self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized",
                       self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind_with_mapping (self->settings, "last-year", self, "year",
                                    G_SETTINGS_BIND_DEFAULT,
                                    year_from_setting, year_to_setting, NULL, NULL);
    }

  if (self->year == 0)
    {
      g_autoptr(GArray) years = self->ledger ? sl_ledger_query_years (self->ledger, NULL) : NULL;

      /* The example opens on its newest year; a new ledger on this one. */
      if (self->example && years != NULL && years->len > 0)
        sl_window_set_year (self, g_array_index (years, int, 0));
      else
        sl_window_set_year (self, current_year ());
    }

  refresh_years (self);
  update_empty (self);
  /* The stack's first page was shown before anyone listened. */
  visible_page_changed_cb (self);
}

static void
sl_window_dispose (GObject *object)
{
  SlWindow *self = SL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* Closed before the copy was started: the next window of the day makes
   * it. One that runs keeps the window object until it is done. */
  g_clear_handle_id (&self->daily_backup_id, g_source_remove);
  if (self->daily_backup == DAILY_BACKUP_WAITING)
    self->daily_backup = DAILY_BACKUP_DONE;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  if (self->ledger != NULL)
    {
      g_signal_handlers_disconnect_by_data (sl_ledger_get_members (self->ledger), self);
      g_signal_handlers_disconnect_by_data (sl_ledger_get_organizations (self->ledger), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->writers);
  g_clear_object (&self->ledger);
  g_clear_object (&self->pending_archive);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (sl_window_parent_class)->dispose (object);
}

static void
sl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SlWindow *self = SL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LEDGER:  g_value_set_object (value, self->ledger); break;
    case PROP_YEAR:    g_value_set_int (value, self->year); break;
    case PROP_EXAMPLE: g_value_set_boolean (value, self->example); break;
    case PROP_BUSY:    g_value_set_boolean (value, self->busy > 0); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SlWindow *self = SL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LEDGER:  sl_window_set_ledger (self, g_value_get_object (value)); break;
    case PROP_YEAR:    sl_window_set_year (self, g_value_get_int (value)); break;
    case PROP_EXAMPLE: self->example = g_value_get_boolean (value); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_window_class_init (SlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sl_window_constructed;
  object_class->dispose = sl_window_dispose;
  widget_class->map = sl_window_map;
  GTK_WINDOW_CLASS (klass)->close_request = sl_window_close_request;
  object_class->get_property = sl_window_get_property;
  object_class->set_property = sl_window_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, SL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXAMPLE] =
    g_param_spec_boolean ("example", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SL_TYPE_OVERVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, year_model);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, damage_bar);
  gtk_widget_class_bind_template_child (widget_class, SlWindow, damage_label);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.open-meeting", "s", open_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (widget_class, "win.import-archive", NULL, import_archive_action);
  gtk_widget_class_install_action (widget_class, "win.export-archive", NULL, export_archive_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.export-document", NULL, export_document_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-years", NULL, refresh_years_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-meeting", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sidebar_pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", sidebar_pages[i]);
}

static void
sl_window_init (SlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* Every page shows the window's ledger; those that span a year, its
   * year. The others are bound as ensure_page() builds them. */
  g_object_bind_property (self, "ledger", self->overview_page, "ledger", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", self->overview_page, "year", G_BINDING_SYNC_CREATE);

  sl_window_actions_update (self);
  sl_bench_hook_attach (GTK_WINDOW (self));
}

/**
 * sl_window_new:
 * @application: (nullable): the application
 * @ledger: the ledger to show
 * @example: whether @ledger is the example data
 */
SlWindow *
sl_window_new (GtkApplication *application,
               SlLedger       *ledger,
               gboolean        example)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  return g_object_new (SL_TYPE_WINDOW,
                       "application", application,
                       "ledger", ledger,
                       "example", example,
                       NULL);
}

SlLedger *
sl_window_get_ledger (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return self->ledger;
}

static void
sl_window_set_ledger (SlWindow *self,
                      SlLedger *ledger)
{
  if (self->ledger == ledger)
    return;

  if (self->ledger != NULL)
    {
      g_signal_handlers_disconnect_by_data (sl_ledger_get_members (self->ledger), self);
      g_signal_handlers_disconnect_by_data (sl_ledger_get_organizations (self->ledger), self);
    }

  g_set_object (&self->ledger, ledger);
  g_clear_object (&self->writers);

  if (ledger != NULL)
    {
      self->writers = sl_window_writers_new (GTK_WINDOW (self), ledger);
      /* Members added by hand end the welcome page. */
      g_signal_connect_object (sl_ledger_get_members (ledger), "items-changed",
                               G_CALLBACK (roster_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sl_ledger_get_organizations (ledger), "items-changed",
                               G_CALLBACK (roster_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

int
sl_window_get_year (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), 0);
  return self->year;
}

void
sl_window_set_year (SlWindow *self,
                    int       year)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  g_return_if_fail (year >= 0 && year <= 9999);

  if (year == 0)
    year = current_year ();

  if (self->year == year)
    return;

  self->year = year;
  refresh_years (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

gboolean
sl_window_get_example (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);
  return self->example;
}

/* Whether the day's backup, which a window starts after its first frame,
 * is still to start or still running. */
gboolean
sl_window_get_daily_backup_pending (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);

  return self->daily_backup == DAILY_BACKUP_WAITING ||
         self->daily_backup == DAILY_BACKUP_RUNNING;
}

gboolean
sl_window_get_busy (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);
  return self->busy > 0;
}

const char *
sl_window_get_page_name (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

/**
 * sl_window_get_page:
 * @name: a page's name, as in the stack
 *
 * Returns: (transfer none) (nullable): the page, built now if it was not
 *   yet
 */
GtkWidget *
sl_window_get_page (SlWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return ensure_page (self, name);
}

/* Shows @toast; takes it. */
void
sl_window_add_toast (SlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
