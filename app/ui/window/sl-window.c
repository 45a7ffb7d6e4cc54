/* sl-window.c — the main window: a ledger's pages and the commands on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar lists the pages (overview, meetings, plan, members, measures,
 * research topics); the page shown fills the rest. On a narrow window the
 * leaflet folds and shows one of the two at a time. The header holds the
 * year every page shows, which GSettings remembers (last-year).
 *
 * This file builds the window and navigates between its pages. Every
 * command is an action of the window (win.*), installed in
 * sl-window-actions.c, where _sl_window_actions_update() is the one place
 * that says what is possible. Imports, exports, backups and the day's
 * backup run in sl-window-jobs.c; the struct all three share is in
 * sl-window-private.h. An empty ledger shows a welcome page instead of the
 * overview.
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

#include "sl-bench-hook.h"
#include "sl-combo-row-keys.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-measures-page.h"
#include "sl-meetings-page.h"
#include "sl-members-page.h"
#include "sl-overview-page.h"
#include "sl-plan-page.h"
#include "sl-research-page.h"
#include "sl-member-record-page.h"
#include "sl-pool-page.h"
#include "sl-reports-page.h"
#include "sl-talks-page.h"
#include "sl-search-page.h"
#include "sl-ui-util.h"
#include "sl-util.h"
#include "sl-window.h"
#include "sl-window-private.h"
#include "sl-window-writers.h"
#include "sl-year-page.h"

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

/* For sl-window-jobs.c: busy follows the count of jobs running. */
void
_sl_window_notify_busy (SlWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The sidebar's pages, in its order and that of Ctrl+1..9. */
const char * const _sl_window_sidebar_pages[_SL_WINDOW_N_SIDEBAR_PAGES] = {
  "overview", "meetings", "plan", "members", "measures", "research",
  "pool", "talks", "reports",
};

/* The pages built on first use; each has an empty AdwBin in the stack. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
} lazy_pages[] = {
  { "meetings", sl_meetings_page_get_type },
  { "plan",     sl_plan_page_get_type },
  { "members",  sl_members_page_get_type },
  { "measures", sl_measures_page_get_type },
  { "research", sl_research_page_get_type },
  { "pool",     sl_pool_page_get_type },
  { "talks",    sl_talks_page_get_type },
  { "reports",  sl_reports_page_get_type },
  { "member-record", sl_member_record_page_get_type },
  { "search",   sl_search_page_get_type },
};

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

const char *
_sl_window_database_path (SlWindow *self)
{
  return self->ledger ? sl_database_get_path (sl_ledger_get_database (self->ledger)) : NULL;
}

/* Years ----------------------------------------------------------------- */

void
_sl_window_refresh_years (SlWindow *self)
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

/* Reads the year pages after the meetings page again, those built. */
static void
reload_year_pages (SlWindow *self)
{
  static const char * const names[] = { "plan", "measures", "research", "pool", "talks", "reports" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *page = built_page (self, names[i]);

      if (page != NULL)
        sl_year_page_reload (SL_YEAR_PAGE (page));
    }
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
  if (SL_IS_YEAR_PAGE (page))
    g_object_bind_property (self, "year", page, "year", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (ADW_BIN (gtk_stack_get_child_by_name (self->content_stack, name)), page);
  sl_ui_fit_tooltips (page);
  _sl_window_narrow_watch_page (self, page);

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

  for (guint i = 0; i < _SL_WINDOW_N_SIDEBAR_PAGES; i++)
    if (g_str_equal (_sl_window_sidebar_pages[i], name))
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
  _sl_window_refresh_years (self);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), page_uses_year (name));
  _sl_window_narrow_update_header (self);
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

  _sl_window_actions_update (self);
}

/**
 * sl_window_show_year_with_records:
 *
 * When the year shown has no records but others do (a new year has begun,
 * or an archive of past years was imported), shows the newest year that
 * has them, and says so.
 *
 * Returns: whether the year changed
 */
gboolean
sl_window_show_year_with_records (SlWindow *self)
{
  g_autoptr(GArray) years = NULL;
  int newest;

  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);

  if (self->ledger == NULL || (years = sl_ledger_query_years (self->ledger, NULL)) == NULL ||
      years->len == 0)
    return FALSE;

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == self->year)
      return FALSE;

  newest = g_array_index (years, int, 0);
  sl_window_set_year (self, newest);
  /* Translators: %d is a year; in Chinese "已显示有记录的最近年度：%d年". */
  sl_window_add_toast (self, sl_ui_toast_new_printf (_("Showing %d, the latest year with records"),
                                                     newest));
  return TRUE;
}

static gboolean
update_empty_idle (gpointer data)
{
  update_empty (SL_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The stores change inside the save's transaction: the overview that
 * replaces the welcome page reads the ledger once the save is done. */
static void
roster_changed_cb (SlWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, update_empty_idle, g_object_ref (self), g_object_unref);
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

  _sl_window_refresh_years (self);
  sl_overview_page_reload (SL_OVERVIEW_PAGE (self->overview_page));

  /* A page not built yet reads the ledger when it is. */
  if ((page = built_page (self, "meetings")) != NULL)
    sl_meetings_page_reload (SL_MEETINGS_PAGE (page));
  reload_year_pages (self);
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

  _sl_window_refresh_years (self);
  sl_overview_page_reload (SL_OVERVIEW_PAGE (self->overview_page));
  if ((page = built_page (self, "meetings")) != NULL)
    sl_meetings_page_sync (SL_MEETINGS_PAGE (page));
  reload_year_pages (self);
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

static void
unsaved_input_response_cb (SlWindow   *self,
                           const char *response)
{
  if (g_strcmp0 (response, "close") != 0)
    return;

  self->closing_with_unsaved_input = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Text a field could not store (an impossible date, an empty title) is
 * lost with the window: ask first, as the Back button does. */
static gboolean
ask_about_unsaved_input (SlWindow *self)
{
  GtkWidget *page = built_page (self, "meetings");
  GtkWidget *dialog;

  if (self->closing_with_unsaved_input || page == NULL ||
      !sl_meetings_page_has_unsaved_input (SL_MEETINGS_PAGE (page)))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("A Field Is Not Saved"),
                                   _("The open meeting has a field marked in red whose text "
                                     "could not be stored. Keep the window open to correct it, "
                                     "or close and lose that text."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Open"),
                                    "close", _("_Close Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_input_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
sl_window_close_request (GtkWindow *window)
{
  SlWindow *self = SL_WINDOW (window);

  if (ask_about_unsaved_input (self))
    return TRUE;

  if (self->writers != NULL && sl_window_writers_close_request (self->writers))
    return TRUE;

  if (GTK_WINDOW_CLASS (sl_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (sl_window_parent_class)->close_request (window);
  return FALSE;
}



static void
sl_window_map (GtkWidget *widget)
{
  SlWindow *self = SL_WINDOW (widget);

  GTK_WIDGET_CLASS (sl_window_parent_class)->map (widget);

  _sl_window_schedule_daily_backup (self);
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

  sl_window_show_year_with_records (self);
  sl_ui_fit_tooltips (GTK_WIDGET (self));
  _sl_window_refresh_years (self);
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
  _sl_window_narrow_dispose (self);
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

  /* The daily backup's task holds the window (its source) past its
   * dispose, and may let go of it last, on its worker thread: the
   * settings' bindings and object go now, on this thread, so that no
   * change of the settings reaches taken-apart pages and no GSettings is
   * finalized on another thread while the settings backend signals it. */
  if (self->settings != NULL)
    {
      g_settings_unbind (self, "default-width");
      g_settings_unbind (self, "default-height");
      g_settings_unbind (self, "maximized");
      g_settings_unbind (self, "year");
    }
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
  _sl_window_narrow_class_init (klass);

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
  gtk_widget_class_bind_template_child (widget_class, SlWindow, content_header);
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

  _sl_window_class_actions_init (klass);
}

static void
sl_window_init (SlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The year list opens on the year shown; Return picks the focused one. */
  sl_drop_down_keys_install (self->year_dropdown);
  /* The sidebar: one Tab stop, Tab on to the page. */
  _sl_window_focus_init (self);
  self->cancellable = g_cancellable_new ();

  /* Every page shows the window's ledger; those that span a year, its
   * year. The others are bound as ensure_page() builds them. */
  g_object_bind_property (self, "ledger", self->overview_page, "ledger", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", self->overview_page, "year", G_BINDING_SYNC_CREATE);

  _sl_window_actions_update (self);
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
      g_signal_connect_object (self->writers, "sync", G_CALLBACK (sl_window_sync),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->writers, "flush", G_CALLBACK (sl_window_flush),
                               self, G_CONNECT_SWAPPED);
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
  _sl_window_refresh_years (self);
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
