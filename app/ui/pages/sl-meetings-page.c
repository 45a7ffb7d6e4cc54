/* sl-meetings-page.c — the meetings of a year, and the editor that logs one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's meetings are read once, with their details so that head
 * counts show, into one GListStore (one items-changed per load). The
 * column view shows them through a filter (kind buttons, search) and a
 * sort model driven by the column headers. Rows bind to the meeting
 * objects themselves and to an SlMeetingMonitor for the counts, and the
 * editor edits those same objects: a change in the editor shows in its row
 * at once, without reading anything again.
 *
 * The editor is the second page of a leaflet that never unfolds: Back (the
 * button, Alt+←, a swipe) returns to the list with the meeting saved.
 * Deleting a meeting keeps the object; “Undo” saves it again, which
 * restores it with its studies, attendance and measures.
 *
 * The toolbar above the list (search, the kind filter, 新建会议 folding
 * at narrow widths) is in sl-meetings-page-toolbar.c.
 */

#define G_LOG_DOMAIN "sl-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-draft.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-fields.h"
#include "sl-evidence.h"
#include "sl-meetings-list.h"
#include "sl-meetings-page.h"
#include "sl-meetings-page-private.h"
#include "sl-ui-util.h"
#include "sl-util.h"
#include "sl-year-page.h"

static void sl_meetings_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlMeetingsPage, sl_meetings_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE, sl_meetings_page_year_page_init))

/* "ledger" and "year" are SlYearPage's. */
enum {
  PROP_CATEGORY = SL_YEAR_PAGE_N_PROPS,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* List state ---------------------------------------------------------------- */

static void
update_list_stack (SlMeetingsPage *self)
{
  g_autofree char *title = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) == 0)
    {
      /* Translators: %d is a year. */
      title = g_strdup_printf (_("No Meetings in %d"), self->year);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page,
                                       self->ledger && g_list_model_get_n_items (sl_ledger_get_organizations (self->ledger)) == 0
                                       ? _("Create the organization first: main menu, Organizations…")
                                       : _("Meetings you log with New Meeting appear here, newest first"));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
update_actions (SlMeetingsPage *self)
{
  gboolean has_ledger = self->ledger != NULL && self->year > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new", has_ledger);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new-kind", has_ledger);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.delete",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.undo", self->deleted != NULL);
}

/* Which meetings the list marks 定稿. */
static void
refresh_finals (SlMeetingsPage *self)
{
  GtkStringList *finals = self->column_view ? sl_meetings_list_get_finals (self->column_view) : NULL;
  g_auto(GStrv) ids = NULL;

  /* A save while the page is taken apart (closing) has no list to mark. */
  if (finals == NULL)
    return;
  ids = self->ledger ? sl_evidence_final_meetings (self->ledger, NULL) : NULL;
  gtk_string_list_splice (finals, 0, g_list_model_get_n_items (G_LIST_MODEL (finals)),
                          (const char * const *) ids);
}

static void
reload (SlMeetingsPage *self)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  sl_meeting_editor_edit (self->editor, NULL, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);

  if (self->ledger != NULL && self->year > 0)
    {
      meetings = sl_ledger_load_meetings (self->ledger, self->year, NULL, TRUE, &error);
      if (meetings == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Cannot read the meetings: %s"), error->message);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
    }

  /* One items-changed for the whole year. */
  g_list_store_splice (self->meetings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->meetings)),
                       meetings ? meetings->pdata : NULL, meetings ? meetings->len : 0);

  refresh_finals (self);
  update_list_stack (self);
  update_actions (self);
}

static gboolean
find_meeting (SlMeetingsPage *self,
              const char     *id,
              guint          *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (meeting)), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Puts the keyboard focus on the selected row. GTK 4.8 has no API for the
 * focus row of a column view, so the row's widget is focused. A row just
 * added, or a list just shown again, gets its widget in the layout of the
 * next frame, and the leaflet gives the focus back to where it was on the
 * page when its transition ends: hence the wait for both. */
static gboolean
focus_selected_row (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  SlMeetingsPage *self = data;
  SlMeeting *meeting = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *row;

  if (adw_leaflet_get_child_transition_running (self->leaflet))
    self->focus_frames = 0;
  if (++self->focus_frames < 2)
    return G_SOURCE_CONTINUE;

  self->focus_tick = 0;

  if (meeting != NULL &&
      adw_leaflet_get_visible_child (self->leaflet) == self->list_page &&
      (row = sl_meetings_list_find_row (GTK_WIDGET (self->column_view), meeting)) != NULL)
    gtk_widget_grab_focus (row);

  return G_SOURCE_REMOVE;
}

static void
select_meeting (SlMeetingsPage *self,
                SlMeeting      *meeting)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlMeeting) item = g_list_model_get_item (model, i);

      if (item != meeting)
        continue;

      gtk_single_selection_set_selected (self->selection, i);
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);

      self->focus_frames = 0;
      if (self->focus_tick == 0)
        self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                         focus_selected_row, self, NULL);
      return;
    }
}

/* Opening, creating, deleting ---------------------------------------------- */

static void
show_editor (SlMeetingsPage *self,
             SlMeeting      *meeting,
             gboolean        is_draft)
{
  sl_meeting_editor_edit (self->editor, meeting, is_draft);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->editor));
  sl_meeting_editor_focus_first (self->editor);
}

void
sl_meetings_page_open_meeting (SlMeetingsPage *self,
                               const char     *id)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));
  g_return_if_fail (id != NULL);

  if (self->ledger == NULL)
    return;

  if (find_meeting (self, id, &position))
    meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), position);
  else if ((meeting = sl_ledger_load_meeting (self->ledger, id, &error)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, sl_ui_error_toast (error));
      return;
    }

  show_editor (self, meeting, FALSE);
}

static void
new_meeting (SlMeetingsPage *self,
             SlMeetingKind   kind)
{
  g_autofree char *date = sl_meetings_list_default_date (G_LIST_MODEL (self->meetings), self->year);
  g_autoptr(SlMeeting) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (self->ledger == NULL)
    return;

  draft = sl_meeting_draft_new (self->ledger, NULL, kind, date, &error);
  if (draft == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, sl_ui_error_toast (error));
      return;
    }

  show_editor (self, draft, TRUE);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (widget);

  new_meeting (self, sl_meetings_list_default_kind (self->ledger, self->category));
}

static void
new_kind_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (widget);
  int kind;

  if (!sl_enum_from_code (SL_TYPE_MEETING_KIND, g_variant_get_string (parameter, NULL), &kind) ||
      kind == SL_MEETING_KIND_NONE)
    return;

  new_meeting (self, kind);
}

static void
on_undo_toast_dismissed (SlMeetingsPage *self,
                         AdwToast       *toast)
{
  if (self->undo_toast == toast)
    {
      self->undo_toast = NULL;
      g_clear_object (&self->deleted);
      update_actions (self);
    }
}

static void
delete_meeting (SlMeetingsPage *self,
                SlMeeting      *meeting)
{
  g_autoptr(SlMeeting) kept = g_object_ref (meeting);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *title = sl_meeting_get_title (meeting);
  gboolean stored;
  guint position;
  AdwToast *toast;

  if (sl_meeting_editor_get_meeting (self->editor) == meeting)
    {
      stored = sl_meeting_editor_is_stored (self->editor);
      sl_meeting_editor_edit (self->editor, NULL, FALSE);
      adw_leaflet_set_visible_child (self->leaflet, self->list_page);
    }
  else
    stored = TRUE;

  /* A draft never stored is only forgotten. */
  if (!stored)
    return;

  if (!sl_ledger_delete (self->ledger, meeting, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, sl_ui_error_toast (error));
      return;
    }

  if (find_meeting (self, sl_record_get_id (SL_RECORD (meeting)), &position))
    g_list_store_remove (self->meetings, position);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_object (&self->deleted, kept);

  /* Translators: %s is a meeting's title. */
  message = g_strdup_printf (_("“%s” deleted"), title ? title : _("Meeting"));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "meetings.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  update_list_stack (self);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (widget);
  SlMeeting *meeting = gtk_single_selection_get_selected_item (self->selection);

  if (meeting != NULL)
    delete_meeting (self, meeting);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (widget);
  g_autoptr(SlMeeting) meeting = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;
  guint position;

  if (meeting == NULL)
    return;

  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      self->undo_toast = NULL;
      adw_toast_dismiss (toast);
    }

  /* Saving the same object again restores it with all its rows. */
  if (!sl_ledger_save_meeting (self->ledger, meeting, SL_SAVE_REPLACE, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, sl_ui_error_toast (error));
      update_actions (self);
      return;
    }

  if (sl_meeting_get_year (meeting) == self->year &&
      !find_meeting (self, sl_record_get_id (SL_RECORD (meeting)), &position))
    g_list_store_append (self->meetings, meeting);

  select_meeting (self, meeting);
  update_list_stack (self);
  update_actions (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) != self->list_page)
    return;

  gtk_widget_grab_focus (self->search_entry);
}

/* Editor -------------------------------------------------------------------- */

static void
on_editor_saved (SlMeetingsPage  *self,
                 SlMeeting       *meeting)
{
  guint position;

  /* Finalised, or re-finalised after a revision. */
  refresh_finals (self);

  /* A draft's first save puts it on the list. */
  if (sl_meeting_get_year (meeting) == self->year &&
      !find_meeting (self, sl_record_get_id (SL_RECORD (meeting)), &position))
    {
      g_list_store_append (self->meetings, meeting);
      update_list_stack (self);
    }

  /* A meeting of another year may start that year: the window's year
   * menu (sl_ledger_query_years) lists it from now on. */
  if (sl_meeting_get_year (meeting) != self->year)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.refresh-years", NULL);
}

/* Back on the list: a meeting moved to another year leaves this one. */
static void
leave_editor (SlMeetingsPage *self)
{
  g_autoptr(SlMeeting) meeting = NULL;
  guint position;

  if (sl_meeting_editor_get_meeting (self->editor) == NULL)
    return;

  /* Text a field could not store would go with the editor, unseen: stay
   * on it until the field is put right (or its question answered). */
  if (sl_meetings_page_has_unsaved_input (self))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("A marked field is not saved: fix it or put back what it had, then go back")));
      return;
    }

  sl_meeting_editor_flush (self->editor, NULL);
  meeting = g_object_ref (sl_meeting_editor_get_meeting (self->editor));
  sl_meeting_editor_edit (self->editor, NULL, FALSE);

  if (sl_meeting_get_year (meeting) != self->year &&
      find_meeting (self, sl_record_get_id (SL_RECORD (meeting)), &position))
    {
      g_autofree char *message = NULL;

      g_list_store_remove (self->meetings, position);
      /* Translators: %d is a year. */
      message = g_strdup_printf (_("The meeting now belongs to %d"), sl_meeting_get_year (meeting));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      update_list_stack (self);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  select_meeting (self, meeting);
}

static void
on_editor_close (SlMeetingsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
}

static void
on_editor_delete (SlMeetingsPage *self,
                  SlMeeting      *meeting)
{
  delete_meeting (self, meeting);
}

static void
on_visible_child_changed (SlMeetingsPage *self)
{
  if (adw_leaflet_get_visible_child (self->leaflet) == self->list_page)
    leave_editor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
on_row_activated (SlMeetingsPage *self,
                  guint           position)
{
  g_autoptr(SlMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (meeting != NULL)
    show_editor (self, meeting, FALSE);
}

/* GObject ------------------------------------------------------------------- */

static void
sl_meetings_page_dispose (GObject *object)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (object);

  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->focus_tick);
  self->focus_tick = 0;

  /* The editor saves what is pending while the ledger is still there. */
  /* AdwBin unparents its child itself: let it go before the template
   * drops its own reference, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETINGS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->meetings);
  g_clear_object (&self->kind_filter);
  g_clear_object (&self->title_filter);
  g_clear_object (&self->theme_filter);
  g_clear_object (&self->deleted);
  g_clear_object (&self->ledger);

  G_OBJECT_CLASS (sl_meetings_page_parent_class)->dispose (object);
}

static void
sl_meetings_page_finalize (GObject *object)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (object);

  g_free (self->category);

  G_OBJECT_CLASS (sl_meetings_page_parent_class)->finalize (object);
}

static void
sl_meetings_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_EDITING:  g_value_set_boolean (value, sl_meetings_page_get_editing (self)); break;
    default:            sl_year_page_get_property (object, prop_id, value, pspec);
    }
}

static void
sl_meetings_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      if (_sl_meetings_page_set_category (self, g_value_get_string (value)))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
      break;
    default:            sl_year_page_set_property (object, prop_id, value, pspec);
    }
}

static void
year_leave (SlYearPage *page,
            GParamSpec *pspec)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (page);

  if (g_str_equal (pspec->name, "ledger"))
    {
      sl_meeting_editor_edit (self->editor, NULL, FALSE);
      g_clear_object (&self->deleted);
    }
  else
    {
      /* What is being typed belongs to the old year's meeting: save it
       * first. */
      sl_meeting_editor_flush (self->editor, NULL);
    }
}

static void
year_changed (SlYearPage *page,
              GParamSpec *pspec)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (page);

  if (g_str_equal (pspec->name, "ledger"))
    sl_meeting_editor_set_ledger (self->editor, self->ledger);
  reload (self);
}

static void
sl_meetings_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlMeetingsPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlMeetingsPage, year);
  iface->leave = year_leave;
  iface->changed = year_changed;
}

static void
sl_meetings_page_class_init (SlMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meetings_page_dispose;
  object_class->finalize = sl_meetings_page_finalize;
  object_class->get_property = sl_meetings_page_get_property;
  object_class->set_property = sl_meetings_page_set_property;

  sl_year_page_class_override_properties (object_class);
  /**
   * SlMeetingsPage:category:
   *
   * Which meetings the list shows: "all", "party_group", "central_group",
   * "special" (ideology and situation analysis), "branch" or "other".
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SlMeetingsPage:editing:
   *
   * Whether the editor is shown rather than the list. The editor has its
   * own header bar (back, title, menu, window buttons), so the window
   * hides its page header meanwhile: one header bar per view.
   */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_property (object_class, PROP_CATEGORY, properties[PROP_CATEGORY]);
  g_object_class_install_property (object_class, PROP_EDITING, properties[PROP_EDITING]);

  g_type_ensure (SL_TYPE_MEETING_EDITOR);

  gtk_widget_class_install_property_action (widget_class, "meetings.filter", "category");
  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "meetings.new-kind", "s", new_kind_action);
  gtk_widget_class_install_action (widget_class, "meetings.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "meetings.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "meetings.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "meetings.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "meetings.search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, filter_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingsPage, editor);
  _sl_meetings_page_toolbar_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_close);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_delete);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);
}

static void
sl_meetings_page_init (SlMeetingsPage *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkEveryFilter *every;
  GtkAnyFilter *any;
  GtkShortcutController *shortcuts;

  /* Before the template: the filter's menu reads meetings.filter's state. */
  self->category = g_strdup ("all");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->meetings = g_list_store_new (SL_TYPE_MEETING);

  self->kind_filter = gtk_custom_filter_new (_sl_meetings_page_match_category, self, NULL);
  self->title_filter = gtk_string_filter_new (gtk_property_expression_new (SL_TYPE_MEETING, NULL, "title"));
  self->theme_filter = gtk_string_filter_new (gtk_property_expression_new (SL_TYPE_MEETING, NULL, "theme"));
  any = gtk_any_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (any), g_object_ref (GTK_FILTER (self->title_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (any), g_object_ref (GTK_FILTER (self->theme_filter)));
  every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->kind_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (any));

  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->meetings)), GTK_FILTER (every));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  sl_meetings_list_setup_columns (self->column_view, &self->date_column, &self->kind_column);
  gtk_sort_list_model_set_sorter (sorted, gtk_column_view_get_sorter (self->column_view));

  menu = sl_meetings_list_new_menu ();
  adw_split_button_set_menu_model (ADW_SPLIT_BUTTON (self->new_button), menu);

  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_list_stack), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);

  /* Delete works on the list, not while typing in the search. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("meetings.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (shortcuts));

  _sl_meetings_page_toolbar_init (self);

  update_list_stack (self);
  update_actions (self);
}

SlLedger *
sl_meetings_page_get_ledger (SlMeetingsPage *self)
{
  g_return_val_if_fail (SL_IS_MEETINGS_PAGE (self), NULL);
  return self->ledger;
}

void
sl_meetings_page_set_ledger (SlMeetingsPage *self,
                             SlLedger       *ledger)
{
  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));
  sl_year_page_set_ledger (SL_YEAR_PAGE (self), ledger);
}

int
sl_meetings_page_get_year (SlMeetingsPage *self)
{
  g_return_val_if_fail (SL_IS_MEETINGS_PAGE (self), 0);
  return self->year;
}

void
sl_meetings_page_set_year (SlMeetingsPage *self,
                           int             year)
{
  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));
  sl_year_page_set_year (SL_YEAR_PAGE (self), year);
}

/**
 * sl_meetings_page_reload:
 *
 * Reads the year's meetings again, after another connection (an import or
 * a restore in a worker thread) wrote to the ledger.
 */
void
sl_meetings_page_reload (SlMeetingsPage *self)
{
  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));

  reload (self);
}

/**
 * sl_meetings_page_sync:
 *
 * Reads the year's meetings again after another program wrote to the
 * ledger, without closing the editor: the meeting it shows stays the same
 * object, given what changed in the fields the user is not editing.
 */
void
sl_meetings_page_sync (SlMeetingsPage *self)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  SlMeeting *edited;

  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));

  if (self->ledger == NULL || self->year <= 0)
    return;

  meetings = sl_ledger_load_meetings (self->ledger, self->year, NULL, TRUE, &error);
  if (meetings == NULL)
    {
      g_debug ("Cannot read the meetings again: %s", error->message);
      return;
    }

  edited = sl_meeting_editor_get_meeting (self->editor);
  if (edited != NULL)
    {
      sl_meeting_editor_reload (self->editor);
      for (guint i = 0; i < meetings->len; i++)
        if (g_strcmp0 (sl_record_get_id (g_ptr_array_index (meetings, i)),
                       sl_record_get_id (SL_RECORD (edited))) == 0)
          {
            g_object_unref (g_ptr_array_index (meetings, i));
            g_ptr_array_index (meetings, i) = g_object_ref (edited);
          }
    }

  g_list_store_splice (self->meetings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->meetings)),
                       meetings->pdata, meetings->len);
  update_list_stack (self);
  update_actions (self);
}

/* Stores what the editor has not saved yet, now (closing the window). */
void
sl_meetings_page_flush (SlMeetingsPage *self)
{
  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));

  sl_meeting_editor_flush (self->editor, NULL);
}

/* TRUE, showing the editor, when the open meeting holds text a field could
 * not store (marked in red): leaving it (Back, closing) would lose it. */
gboolean
sl_meetings_page_has_unsaved_input (SlMeetingsPage *self)
{
  g_return_val_if_fail (SL_IS_MEETINGS_PAGE (self), FALSE);

  if (sl_meeting_editor_get_meeting (self->editor) == NULL)
    return FALSE;
  sl_meeting_fields_commit_all (GTK_WIDGET (self->editor));
  /* Or a change a save refused as stale left in its field, unsaved. */
  if (!sl_meeting_fields_has_pending (GTK_WIDGET (self->editor)) &&
      !sl_meeting_editor_holds_unsaved (self->editor))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->editor));
  return TRUE;
}

/* Whether the editor, not the list, is the page's visible view. */
gboolean
sl_meetings_page_get_editing (SlMeetingsPage *self)
{
  g_return_val_if_fail (SL_IS_MEETINGS_PAGE (self), FALSE);

  return adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->editor);
}
