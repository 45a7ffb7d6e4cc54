/* sl-meeting-editor.c — every field of one meeting, saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor works on the SlMeeting object itself: the meetings list shows
 * the same object, so its row follows every change without a reload.
 * Whatever changes anywhere in the meeting reaches the editor through one
 * SlMeetingMonitor::changed; the editor then saves the whole meeting with
 * SL_SAVE_REPLACE half a second after the last change, so a burst of
 * typing is one transaction. A failed save (a missing organization, a
 * database that went read-only) is shown under the heading and retried at
 * the next change; nothing is lost from the screen.
 *
 * A draft (a new meeting from sl_meeting_draft_new()) is stored at its
 * first change, so that Ctrl+N followed by Back leaves nothing behind.
 * While it is a draft that the user has not touched, its prefilled fields
 * follow its kind, organization and date: each field that still holds
 * what the previous prefill put there takes what the new one suggests, and
 * the roster is replaced while no attendance was changed by hand. The
 * title follows the number and the 扩大 switch the same way, for any
 * meeting whose title is still the generated one.
 *
 * Removing a study, speech, measure, guest or expected member shows a
 * toast whose “Undo” (editor.undo, Ctrl+Z) puts the row back where it was.
 */

#define G_LOG_DOMAIN "sl-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-attendance.h"
#include "sl-enums.h"
#include "sl-guest.h"
#include "sl-database.h"
#include "sl-document.h"
#include "sl-ledger.h"
#include "sl-ledger-watch.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-meeting-attendance-chip.h"
#include "sl-meeting-attendance-popover.h"
#include "sl-meeting-draft.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-guest-row.h"
#include "sl-meeting-measure-row.h"
#include "sl-meeting-monitor.h"
#include "sl-meeting-people.h"
#include "sl-meeting-suggestion.h"
#include "sl-meeting-speech-row.h"
#include "sl-meeting-study-row.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-save-queue.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-util.h"

#define SAVE_DELAY_MS 500

/* What the last removal took away, for editor.undo. */
typedef struct
{
  GListStore *store;
  GObject    *item;
  guint       position;
  AdwToast   *toast;   /* weak */
} Removal;

struct _SlMeetingEditor
{
  AdwBin            parent_instance;

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkWidget        *heading_label;
  GtkWidget        *state_label;
  GtkWidget        *scroller;
  GtkWidget        *kind_row;
  GtkWidget        *organization_row;
  GtkWidget        *date_row;
  GtkWidget        *calendar_popover;
  GtkWidget        *calendar;
  GtkWidget        *start_entry;
  GtkWidget        *end_entry;
  GtkWidget        *place_row;
  GtkWidget        *chair_row;
  GtkWidget        *recorder_row;
  GtkWidget        *title_row;
  GtkWidget        *sequence_spin;
  GtkWidget        *expanded_switch;
  GtkWidget        *form_row;
  GtkWidget        *theme_row;
  GtkWidget        *plan_item_row;
  GtkWidget        *attendance_group;
  GtkWidget        *add_person_button;
  GtkWidget        *add_person_popover;
  GtkWidget        *add_person_list;
  GtkWidget        *counts_label;
  GtkWidget        *attendance_box;
  GtkWidget        *guests_list;
  GtkWidget        *studies_list;
  GtkWidget        *speeches_list;
  GtkWidget        *summary_view;
  GtkWidget        *decisions_view;
  GtkWidget        *measures_list;
  GtkWidget        *note_view;

  /* owned references */
  SlLedger         *ledger;
  SlMeetingPeople  *people;
  SlMeeting        *meeting;
  SlMeetingMonitor *monitor;
  SlMeeting        *suggestion;   /* the last prefill of a draft */
  char             *auto_title;   /* the last generated title */
  GtkStringList    *kinds;
  GtkStringList    *forms;
  GtkStringList    *plan_items;
  GPtrArray        *plan_item_ids;
  GPtrArray        *bindings;     /* GBinding to the meeting */
  GArray           *handlers;     /* gulong, on the meeting */
  Removal           removal;
  guint             save_source;
  guint             reveal_tick;
  guint             reveal_frames;
  char             *saved_state;  /* the save's own state, under fields_state() */
  gboolean          saved_state_error;

  guint             loading : 1;
  guint             refilling : 1;
  guint             dirty : 1;
  guint             stored : 1;
  guint             is_draft : 1;
  guint             attendance_touched : 1;
  guint             adding : 1;

  /* Other writers (see "Other writers" below) */
  SlMeeting        *base;         /* the meeting as last read or saved */
  SlSaveQueue      *queue;        /* the ledger's, borrowed */
  guint             waiting : 1;  /* queued: the ledger was busy */
};

G_DEFINE_FINAL_TYPE (SlMeetingEditor, sl_meeting_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  CLOSE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display;

  if (loaded || (display = gdk_display_get_default ()) == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/studyledger/StudyLedger/sl-meeting-editor.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static int
meeting_year (SlMeetingEditor *self)
{
  return self->meeting ? sl_meeting_get_year (self->meeting) : 0;
}

static SlOrganization *
meeting_organization (SlMeetingEditor *self)
{
  return sl_ledger_find_organization (self->ledger, sl_meeting_get_organization (self->meeting));
}

/* Heading and state ----------------------------------------------------------- */

/* A field showing what is not stored (sl-meeting-fields.c) outweighs what
 * the last save said: “Saved” must never stand over a date that was
 * refused. The save's own state is kept for when the field is put right. */
static void
fields_state (SlMeetingEditor  *self,
              const char      **text,
              gboolean         *error)
{
  if (*text != self->saved_state)
    {
      g_free (self->saved_state);
      self->saved_state = g_strdup (*text);
    }
  self->saved_state_error = *error;

  if (sl_meeting_fields_has_invalid (GTK_WIDGET (self)))
    {
      *text = _("Not saved: fix the marked field");
      *error = TRUE;
    }
  else if (sl_meeting_fields_has_pending (GTK_WIDGET (self)) && !*error)
    *text = _("Not saved yet: press Enter or leave the field");
}

static void
set_state (SlMeetingEditor *self,
           const char      *text,
           gboolean         error)
{
  fields_state (self, &text, &error);
  gtk_label_set_label (GTK_LABEL (self->state_label), text);
  if (error)
    {
      gtk_widget_remove_css_class (self->state_label, "dim-label");
      gtk_widget_add_css_class (self->state_label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->state_label, "error");
      gtk_widget_add_css_class (self->state_label, "dim-label");
    }
}

static void
on_fields_changed (SlMeetingEditor *self)
{
  g_autofree char *text = g_strdup (self->saved_state);

  set_state (self, text ? text : "", self->saved_state_error);
}

static void
update_heading (SlMeetingEditor *self)
{
  const char *title = self->meeting ? sl_meeting_get_title (self->meeting) : NULL;

  gtk_label_set_label (GTK_LABEL (self->heading_label), title ? title : _("New Meeting"));
}

static void
update_counts (SlMeetingEditor *self)
{
  g_autofree char *text = NULL;

  if (self->monitor == NULL)
    return;

  /* Translators: the live head count of a meeting; keep the markup. */
  text = g_strdup_printf (_("Expected <b>%u</b> · Present <b>%u</b> · On leave <b>%u</b> · Absent <b>%u</b>"),
                          sl_meeting_monitor_get_expected (self->monitor),
                          sl_meeting_monitor_get_present (self->monitor),
                          sl_meeting_monitor_get_leave (self->monitor),
                          sl_meeting_monitor_get_absent (self->monitor));
  gtk_label_set_markup (GTK_LABEL (self->counts_label), text);
}

/* Saving ---------------------------------------------------------------------- */

static void saved (SlMeetingEditor *self);
static void changed_elsewhere (SlMeetingEditor *self);

/* The save goes through the ledger's save queue: when another program
 * holds the ledger (an import) it waits there, the header says so, and
 * ::saved of the queue ends the wait (on_queue_saved). */
static gboolean
save_now (SlMeetingEditor  *self,
          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->meeting == NULL || !self->dirty)
    return TRUE;

  if (!sl_save_queue_save (sl_save_queue_get (self->ledger), SL_RECORD (self->meeting), &local_error))
    {
      g_debug ("Cannot save meeting %s: %s",
               sl_record_get_id (SL_RECORD (self->meeting)), local_error->message);

      if (g_error_matches (local_error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY))
        {
          self->waiting = TRUE;
          set_state (self, _("Waiting to save…"), FALSE);
        }
      else if (g_error_matches (local_error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
        changed_elsewhere (self);
      else
        {
          g_autofree char *text = g_strdup_printf (_("Not saved: %s"), local_error->message);
          set_state (self, text, TRUE);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  saved (self);
  return TRUE;
}

static gboolean
save_timeout (gpointer data)
{
  SlMeetingEditor *self = data;

  self->save_source = 0;
  save_now (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
on_meeting_changed (SlMeetingEditor *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  set_state (self, _("Saving…"), FALSE);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

gboolean
sl_meeting_editor_flush (SlMeetingEditor  *self,
                         GError          **error)
{
  g_return_val_if_fail (SL_IS_MEETING_EDITOR (self), FALSE);

  /* A field being typed in is read when it is left: read it now. */
  if (self->meeting != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  return save_now (self, error);
}

gboolean
sl_meeting_editor_is_stored (SlMeetingEditor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_EDITOR (self), FALSE);
  return self->stored;
}

/* Prefill ------------------------------------------------------------------- */

static char *
generated_title (SlMeetingEditor *self)
{
  SlOrganization *organization = meeting_organization (self);

  return sl_meeting_draft_title (organization ? sl_organization_get_name (organization) : "",
                                 sl_meeting_get_kind (self->meeting),
                                 meeting_year (self),
                                 sl_meeting_get_sequence (self->meeting),
                                 sl_meeting_get_expanded (self->meeting));
}

/* The title follows the fields it is made of, as long as it is still the
 * one that was generated. */
static void
update_title (SlMeetingEditor *self,
              gboolean         force)
{
  const char *title = sl_meeting_get_title (self->meeting);
  g_autofree char *generated = NULL;

  if (!force && title != NULL && g_strcmp0 (title, self->auto_title) != 0)
    return;

  generated = generated_title (self);
  g_free (self->auto_title);
  self->auto_title = g_strdup (generated);
  sl_meeting_set_title (self->meeting, generated);
}

/* The decision of what follows the suggestion is core's
 * (sl-meeting-suggestion.c); the editor only keeps the title in step and
 * remembers that the roster is the suggested one again. */
static void
follow_suggestion (SlMeetingEditor *self,
                   SlMeeting       *previous,
                   SlMeeting       *next,
                   gboolean         force)
{
  if (sl_meeting_suggestion_follow (self->meeting, previous, next, force,
                                    self->attendance_touched))
    self->attendance_touched = FALSE;

  update_title (self, force);
}

static SlMeeting *
suggest (SlMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  SlMeeting *next = sl_meeting_suggestion_new (self->ledger, self->meeting, &error);

  if (next == NULL)
    g_debug ("No suggestion: %s", error->message);
  return next;
}

/* The kind, organization or date of the meeting changed. */
static void
refill (SlMeetingEditor *self,
        gboolean         force)
{
  g_autoptr(SlMeeting) next = NULL;

  if (self->refilling || self->loading)
    return;

  if (!force && (!self->is_draft || self->suggestion == NULL))
    {
      update_title (self, FALSE);
      return;
    }

  if ((next = suggest (self)) == NULL)
    return;

  self->refilling = TRUE;
  follow_suggestion (self, force ? next : self->suggestion, next, force);
  g_set_object (&self->suggestion, next);
  self->refilling = FALSE;
}

/* Pickers ------------------------------------------------------------------- */

static void
sync_kind_row (SlMeetingEditor *self)
{
  SlMeetingKind kind = sl_meeting_get_kind (self->meeting);

  if (kind != SL_MEETING_KIND_NONE)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), kind - 1);
}

static void
on_kind_selected (SlMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  if (self->meeting == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  sl_meeting_set_kind (self->meeting, selected + 1);
}

static void
sync_form_row (SlMeetingEditor *self)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->form_row), sl_meeting_get_form (self->meeting));
}

static void
on_form_selected (SlMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->form_row));

  if (self->meeting == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  sl_meeting_set_form (self->meeting, selected);
}

static void
sync_organization_row (SlMeetingEditor *self)
{
  GListModel *organizations = sl_ledger_get_organizations (self->ledger);
  const char *id = sl_meeting_get_organization (self->meeting);
  guint n = g_list_model_get_n_items (organizations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (organization)), id) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->organization_row), i);
          break;
        }
    }

  /* One organization is the usual case: nothing to choose then. */
  gtk_widget_set_visible (self->organization_row, n > 1 || id == NULL);
}

static void
on_organization_selected (SlMeetingEditor *self)
{
  g_autoptr(SlOrganization) organization = NULL;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->organization_row));

  if (self->meeting == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  organization = g_list_model_get_item (sl_ledger_get_organizations (self->ledger), selected);
  if (organization != NULL)
    sl_meeting_set_organization (self->meeting, sl_record_get_id (SL_RECORD (organization)));
}

/* The items of the organization's plan for the meeting's year. */
static void
rebuild_plan_items (SlMeetingEditor *self)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autoptr(GError) error = NULL;
  const char *organization = sl_meeting_get_organization (self->meeting);
  int year = meeting_year (self);
  gboolean loading;

  g_ptr_array_set_size (self->plan_item_ids, 0);
  g_strv_builder_add (labels, "—");
  g_ptr_array_add (self->plan_item_ids, NULL);

  plans = year > 0 ? sl_ledger_load_plans (self->ledger, year, &error) : NULL;
  if (error != NULL)
    g_warning ("Cannot read the plans of %d: %s", year, error->message);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      SlPlan *plan = g_ptr_array_index (plans, i);
      GListModel *items = sl_plan_get_items (plan);

      if (g_strcmp0 (sl_plan_get_organization (plan), organization) != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(SlPlanItem) item = g_list_model_get_item (items, j);
          const char *theme = sl_plan_item_get_theme (item);
          g_autofree char *label = NULL;

          if (sl_plan_item_get_month (item) > 0)
            /* Translators: a plan item in a list: its month and its theme. */
            label = g_strdup_printf (_("Month %d · %s"), sl_plan_item_get_month (item), theme ? theme : "");
          else
            label = g_strdup (theme ? theme : "");

          g_strv_builder_add (labels, label);
          g_ptr_array_add (self->plan_item_ids, g_strdup (sl_record_get_id (SL_RECORD (item))));
        }
    }

  strv = g_strv_builder_end (labels);
  loading = self->loading;
  self->loading = TRUE;
  gtk_string_list_splice (self->plan_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->plan_items)),
                          (const char * const *) strv);
  self->loading = loading;
}

static void
sync_plan_item_row (SlMeetingEditor *self)
{
  const char *id = sl_meeting_get_plan_item (self->meeting);
  guint position = 0;
  gboolean loading;

  for (guint i = 1; i < self->plan_item_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->plan_item_ids, i), id) == 0)
      position = i;

  loading = self->loading;
  self->loading = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->plan_item_row), position);
  self->loading = loading;
}

static void
on_plan_item_selected (SlMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->plan_item_row));

  if (self->meeting == NULL || self->loading || selected >= self->plan_item_ids->len)
    return;

  sl_meeting_set_plan_item (self->meeting, g_ptr_array_index (self->plan_item_ids, selected));
}

/* Calendar -------------------------------------------------------------------- */

static void
on_calendar_shown (SlMeetingEditor *self)
{
  const char *date = sl_meeting_get_date (self->meeting);
  g_autoptr(GDateTime) day = NULL;

  if (date != NULL)
    day = g_date_time_new_local (sl_date_get_year (date),
                                 g_ascii_strtoll (date + 5, NULL, 10),
                                 g_ascii_strtoll (date + 8, NULL, 10), 0, 0, 0);
  if (day != NULL)
    {
      self->loading = TRUE;
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), day);
      self->loading = FALSE;
    }
}

static void
on_calendar_day_selected (SlMeetingEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (self->loading || self->meeting == NULL)
    return;

  day = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  date = g_date_time_format (day, "%Y-%m-%d");
  gtk_popover_popdown (GTK_POPOVER (self->calendar_popover));
  /* As if typed: a day in another year asks before the meeting moves. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  sl_meeting_fields_commit (self->date_row);
}

/* Meeting changes that others follow ------------------------------------------ */

static void
on_identity_changed (SlMeetingEditor *self,
                     GParamSpec      *pspec)
{
  if (self->loading)
    return;

  if (g_strcmp0 (pspec->name, "kind") == 0)
    sync_kind_row (self);
  else if (g_strcmp0 (pspec->name, "organization") == 0)
    sync_organization_row (self);

  if (g_strcmp0 (pspec->name, "date") == 0 || g_strcmp0 (pspec->name, "organization") == 0)
    {
      sl_meeting_fields_set_year (self->date_row, meeting_year (self));
      rebuild_plan_items (self);
      sync_plan_item_row (self);
    }

  refill (self, FALSE);
}

static void
on_title_parts_changed (SlMeetingEditor *self)
{
  if (!self->loading && !self->refilling)
    update_title (self, FALSE);
}

/* Lists ----------------------------------------------------------------------- */

static void
on_removal_toast_dismissed (SlMeetingEditor *self,
                            AdwToast        *toast)
{
  if (self->removal.toast == toast)
    {
      g_clear_object (&self->removal.store);
      g_clear_object (&self->removal.item);
      self->removal.toast = NULL;
    }
}

/* Removes the item at @position of @store; the toast can put it back. */
static void
remove_item (SlMeetingEditor *self,
             GListModel      *store,
             guint            position,
             const char      *message)
{
  AdwToast *toast;

  if (self->removal.toast != NULL)
    adw_toast_dismiss (self->removal.toast);

  g_set_object (&self->removal.store, G_LIST_STORE (store));
  g_clear_object (&self->removal.item);
  self->removal.item = g_list_model_get_item (store, position);
  self->removal.position = position;
  g_list_store_remove (G_LIST_STORE (store), position);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "editor.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_removal_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  self->removal.toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);
  guint n;

  if (self->removal.store == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->removal.store));
  g_list_store_insert (self->removal.store, MIN (self->removal.position, n), self->removal.item);

  if (self->removal.store == G_LIST_STORE (sl_meeting_get_attendance (self->meeting)))
    self->attendance_touched = TRUE;

  g_clear_object (&self->removal.store);
  g_clear_object (&self->removal.item);
  if (self->removal.toast != NULL)
    {
      AdwToast *toast = self->removal.toast;

      self->removal.toast = NULL;
      adw_toast_dismiss (toast);
    }
}

static guint
row_position (GtkWidget *row)
{
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void on_add_study (SlMeetingEditor *self);
static void on_add_speech (SlMeetingEditor *self);
static void on_add_measure (SlMeetingEditor *self);
static void on_add_guest (SlMeetingEditor *self);

static void
on_study_remove (SlMeetingEditor *self,
                 GtkWidget       *row)
{
  remove_item (self, sl_meeting_get_studies (self->meeting), row_position (row), _("Text removed"));
}

static GtkWidget *
create_study_row (gpointer item,
                  gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  GtkWidget *row = sl_meeting_study_row_new (item, self->people, meeting_year (self));

  /* A row being added opens at once, without the animation: the text
   * field inside must take the keys typed right away. */
  if (self->adding)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_study_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "add-next", G_CALLBACK (on_add_study), self, G_CONNECT_SWAPPED);
  return row;
}

static void
on_speech_remove (SlMeetingEditor *self,
                  GtkWidget       *row)
{
  remove_item (self, sl_meeting_get_speeches (self->meeting), row_position (row), _("Speech removed"));
}

static void
renumber_speeches (SlMeetingEditor *self)
{
  guint n = g_list_model_get_n_items (sl_meeting_get_speeches (self->meeting));

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->speeches_list), i);

      if (SL_IS_MEETING_SPEECH_ROW (row))
        sl_meeting_speech_row_set_number (SL_MEETING_SPEECH_ROW (row), i + 1, n);
    }
}

static void
on_speech_move (SlMeetingEditor *self,
                int              delta,
                GtkWidget       *row)
{
  GListStore *store = G_LIST_STORE (sl_meeting_get_speeches (self->meeting));
  guint position = row_position (row);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint first;
  gpointer swapped[2];
  GtkListBoxRow *moved;

  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  first = delta < 0 ? position - 1 : position;
  swapped[0] = g_list_model_get_item (G_LIST_MODEL (store), first + 1);
  swapped[1] = g_list_model_get_item (G_LIST_MODEL (store), first);

  /* One items-changed for the two rows. */
  g_list_store_splice (store, first, 2, swapped, 2);
  g_object_unref (swapped[0]);
  g_object_unref (swapped[1]);

  moved = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->speeches_list), position + delta);
  if (SL_IS_MEETING_SPEECH_ROW (moved))
    sl_meeting_speech_row_focus_move (SL_MEETING_SPEECH_ROW (moved), delta);
}

static GtkWidget *
create_speech_row (gpointer item,
                   gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  GtkWidget *row = sl_meeting_speech_row_new (item, self->people);

  /* A row being added opens at once, without the animation: the text
   * field inside must take the keys typed right away. */
  if (self->adding)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_speech_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move", G_CALLBACK (on_speech_move), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "add-next", G_CALLBACK (on_add_speech), self, G_CONNECT_SWAPPED);
  return row;
}

static void
on_measure_remove (SlMeetingEditor *self,
                   GtkWidget       *row)
{
  remove_item (self, sl_meeting_get_measures (self->meeting), row_position (row), _("Measure removed"));
}

static GtkWidget *
create_measure_row (gpointer item,
                    gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  GtkWidget *row = sl_meeting_measure_row_new (item, self->people, meeting_year (self));

  /* A row being added opens at once, without the animation: the text
   * field inside must take the keys typed right away. */
  if (self->adding)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_measure_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "add-next", G_CALLBACK (on_add_measure), self, G_CONNECT_SWAPPED);
  return row;
}

static void
on_guest_remove (SlMeetingEditor *self,
                 GtkWidget       *row)
{
  remove_item (self, sl_meeting_get_guests (self->meeting), row_position (row), _("Guest removed"));
}

static GtkWidget *
create_guest_row (gpointer item,
                  gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  GtkWidget *row = sl_meeting_guest_row_new (item);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_guest_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "add-next", G_CALLBACK (on_add_guest), self, G_CONNECT_SWAPPED);
  return row;
}

/* Attendance ---------------------------------------------------------------- */

static void
on_chip_remove (SlMeetingEditor *self,
                GtkWidget       *chip)
{
  guint position = gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (chip));
  g_autofree char *message = NULL;
  SlAttendance *row = sl_meeting_attendance_chip_get_attendance (SL_MEETING_ATTENDANCE_CHIP (chip));
  const char *name = sl_meeting_people_get_name (self->people, sl_attendance_get_member (row));

  self->attendance_touched = TRUE;
  /* Translators: %s is a member's name. */
  message = g_strdup_printf (_("%s is not expected at this meeting"), name ? name : "");
  remove_item (self, sl_meeting_get_attendance (self->meeting), position, message);
}

static void
on_chip_popup (SlMeetingEditor *self)
{
  self->attendance_touched = TRUE;
}

static GtkWidget *
create_chip (gpointer item,
             gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  const char *name = sl_meeting_people_get_name (self->people, sl_attendance_get_member (item));
  GtkWidget *chip = sl_meeting_attendance_chip_new (item, name, meeting_year (self));

  g_signal_connect_object (chip, "remove", G_CALLBACK (on_chip_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chip, "popup", G_CALLBACK (on_chip_popup), self, G_CONNECT_SWAPPED);
  return chip;
}

static void
on_child_activated (SlMeetingEditor *self,
                    GtkFlowBoxChild *child)
{
  self->attendance_touched = TRUE;
  sl_meeting_attendance_cycle (sl_meeting_attendance_chip_get_attendance (SL_MEETING_ATTENDANCE_CHIP (child)));
}

static void
on_add_person_shown (SlMeetingEditor *self)
{
  GtkListBox *list = GTK_LIST_BOX (self->add_person_list);
  GListModel *members = sl_ledger_get_members (self->ledger);
  GListModel *rows = sl_meeting_get_attendance (self->meeting);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  const char *date = sl_meeting_get_date (self->meeting);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      g_hash_table_add (listed, (gpointer) sl_attendance_get_member (row));
    }

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      SlOrganization *home = sl_ledger_find_organization (self->ledger, sl_member_get_organization (member));
      GtkWidget *row, *box, *name, *detail;

      if (g_hash_table_contains (listed, sl_record_get_id (SL_RECORD (member))) ||
          (date != NULL && !sl_member_is_active_on (member, date)))
        continue;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      name = gtk_label_new (sl_member_get_name (member));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      detail = gtk_label_new (home ? sl_organization_get_name (home) : sl_member_get_post (member));
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), detail);

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "member", g_strdup (sl_record_get_id (SL_RECORD (member))), g_free);
      gtk_list_box_append (list, row);
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Everyone is on the list already"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (list, 0), FALSE);
    }
}

static void
on_add_person_activated (SlMeetingEditor *self,
                         GtkListBoxRow   *row)
{
  const char *member = g_object_get_data (G_OBJECT (row), "member");
  g_autoptr(SlAttendance) attendance = NULL;
  GListModel *rows = sl_meeting_get_attendance (self->meeting);
  GtkFlowBoxChild *chip;

  if (member == NULL)
    return;

  attendance = sl_attendance_new ();
  sl_attendance_set_member (attendance, member);
  sl_attendance_set_status (attendance, SL_ATTENDANCE_STATUS_PRESENT);
  self->attendance_touched = TRUE;
  g_list_store_append (G_LIST_STORE (rows), attendance);

  gtk_popover_popdown (GTK_POPOVER (self->add_person_popover));
  chip = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->attendance_box),
                                          g_list_model_get_n_items (rows) - 1);
  if (chip != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (chip));
}

/* Actions -------------------------------------------------------------------- */

/* Scrolls the focused field into view. A row just added has no size
 * until the next layout, so this waits for the second frame; the
 * viewport's own scroll-to-focus came too early for it. */
static gboolean
reveal_focus_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;
  double value, page;

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;
  self->reveal_tick = 0;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, content) ||
      !gtk_widget_compute_bounds (focus, content, &bounds))
    return G_SOURCE_REMOVE;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y - 48 < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 48);
  else if (bounds.origin.y + bounds.size.height + 96 > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height + 96 - page);

  return G_SOURCE_REMOVE;
}

static void
reveal_focus (SlMeetingEditor *self)
{
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_focus_tick, NULL, NULL);
}

static void
on_add_study (SlMeetingEditor *self)
{
  GListModel *studies = sl_meeting_get_studies (self->meeting);
  g_autoptr(SlStudy) study = sl_study_new ();
  GtkListBoxRow *row;

  /* A party-group meeting opens with its first agenda item. */
  sl_study_set_first_topic (study, sl_meeting_get_kind (self->meeting) == SL_MEETING_KIND_PARTY_GROUP &&
                                   !sl_meeting_monitor_get_first_topic (self->monitor));
  sl_study_set_lead (study, sl_meeting_get_chair (self->meeting));
  self->adding = TRUE;
  g_list_store_append (G_LIST_STORE (studies), study);
  self->adding = FALSE;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->studies_list),
                                       g_list_model_get_n_items (studies) - 1);
  if (SL_IS_MEETING_STUDY_ROW (row))
    {
      sl_meeting_study_row_focus_title (SL_MEETING_STUDY_ROW (row));
      reveal_focus (self);
    }
}

static void
on_add_speech (SlMeetingEditor *self)
{
  GListModel *speeches = sl_meeting_get_speeches (self->meeting);
  g_autoptr(SlSpeech) speech = sl_speech_new ();
  GtkListBoxRow *row;

  self->adding = TRUE;
  g_list_store_append (G_LIST_STORE (speeches), speech);
  self->adding = FALSE;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->speeches_list),
                                       g_list_model_get_n_items (speeches) - 1);
  if (SL_IS_MEETING_SPEECH_ROW (row))
    {
      sl_meeting_speech_row_focus_speaker (SL_MEETING_SPEECH_ROW (row));
      reveal_focus (self);
    }
}

static void
on_add_measure (SlMeetingEditor *self)
{
  GListModel *measures = sl_meeting_get_measures (self->meeting);
  g_autoptr(SlMeasure) measure = sl_measure_new ();
  GtkListBoxRow *row;

  sl_measure_set_status (measure, SL_MEASURE_STATUS_OPEN);
  self->adding = TRUE;
  g_list_store_append (G_LIST_STORE (measures), measure);
  self->adding = FALSE;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->measures_list),
                                       g_list_model_get_n_items (measures) - 1);
  if (SL_IS_MEETING_MEASURE_ROW (row))
    {
      sl_meeting_measure_row_focus_text (SL_MEETING_MEASURE_ROW (row));
      reveal_focus (self);
    }
}

static void
on_add_guest (SlMeetingEditor *self)
{
  GListModel *guests = sl_meeting_get_guests (self->meeting);
  g_autoptr(SlGuest) guest = sl_guest_new ();
  GtkListBoxRow *row;

  self->adding = TRUE;
  g_list_store_append (G_LIST_STORE (guests), guest);
  self->adding = FALSE;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->guests_list),
                                       g_list_model_get_n_items (guests) - 1);
  if (SL_IS_MEETING_GUEST_ROW (row))
    {
      sl_meeting_guest_row_focus_name (SL_MEETING_GUEST_ROW (row));
      reveal_focus (self);
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  if (self->meeting == NULL)
    return;

  if (g_str_equal (action_name, "editor.add-study"))
    on_add_study (self);
  else if (g_str_equal (action_name, "editor.add-speech"))
    on_add_speech (self);
  else if (g_str_equal (action_name, "editor.add-measure"))
    on_add_measure (self);
  else if (g_str_equal (action_name, "editor.add-guest"))
    on_add_guest (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  sl_meeting_editor_flush (self, NULL);
  g_signal_emit (self, signals[CLOSE], 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  if (self->meeting == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_signal_emit (self, signals[DELETE], 0, self->meeting);
}

static void
retitle_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  if (self->meeting != NULL)
    update_title (self, TRUE);
}

static void
refill_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  if (self->meeting != NULL)
    refill (self, TRUE);
}

static void
focus_attendance_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  graphene_point_t top;

  /* Through the flow box's own focus handling, not grab_focus() on a
   * child: only then does it know its cursor, and the arrow keys move. */
  gtk_widget_grab_focus (self->add_person_button);
  gtk_widget_child_focus (self->attendance_box, GTK_DIR_TAB_FORWARD);

  /* The whole grid in view, with its counts above it. */
  if (gtk_widget_compute_point (self->attendance_group, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                              top.y - 12);
}

static void
update_actions (SlMeetingEditor *self)
{
  gboolean editing = self->meeting != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.retitle", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.refill", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-study", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-speech", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-measure", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-guest", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print-sign-in", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print-minutes", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export-minutes", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export-sign-in", editing);
}

/* The meeting's own documents: what is typed is saved first, then the
 * window prints or exports what the ledger holds (win.print-document,
 * win.save-document); the editor does not know how. */
static void
document_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);
  gboolean minutes = g_str_has_suffix (action_name, "-minutes");
  gboolean print = g_str_has_prefix (action_name, "editor.print-");
  const char *kind = sl_document_kind_to_code (minutes ? SL_DOCUMENT_MINUTES : SL_DOCUMENT_SIGN_IN);
  const char *meeting;
  int year;

  if (self->meeting == NULL || self->ledger == NULL)
    return;

  sl_meeting_editor_flush (self, NULL);
  year = sl_meeting_get_year (self->meeting);
  meeting = sl_record_get_id (SL_RECORD (self->meeting));

  if (print)
    gtk_widget_activate_action (widget, "win.print-document", "(sis)", kind, year, meeting);
  else
    gtk_widget_activate_action (widget, "win.save-document", "(siss)", kind, year, meeting,
                                sl_document_format_to_code (SL_DOCUMENT_FORMAT_PDF));
}

/* Other writers ------------------------------------------------------------- */

/* The editor remembers the meeting as it was last read or saved (base):
 * what differs from it is what the user changed. When another program
 * changed the meeting, the newer copy replaces every field but those, and
 * the one being typed in; the lists too, unless a row of one is being
 * edited. */

static void
remember_base (SlMeetingEditor *self)
{
  if (self->base == NULL)
    self->base = sl_meeting_new ();
  sl_ledger_sync_record (SL_RECORD (self->base), SL_RECORD (self->meeting), NULL);
}

static void
saved (SlMeetingEditor *self)
{
  self->dirty = FALSE;
  self->stored = TRUE;
  self->waiting = FALSE;
  remember_base (self);
  set_state (self, _("Saved"), FALSE);
  g_signal_emit (self, signals[SAVED], 0, self->meeting);
}

static GtkWidget *
focus_in (SlMeetingEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ? focus : NULL;
}

static gboolean
has_focus_in (GtkWidget *focus,
              GtkWidget *widget)
{
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
take_newer (SlMeetingEditor *self,
            SlMeeting       *fresh)
{
  struct { GtkWidget *widget; const char *property; } fields[] = {
    { self->date_row, "date" }, { self->start_entry, "start" }, { self->end_entry, "end" },
    { self->place_row, "place" }, { self->title_row, "title" }, { self->theme_row, "theme" },
    { self->summary_view, "chair-summary" }, { self->decisions_view, "decisions" },
    { self->note_view, "note" }, { self->sequence_spin, "sequence" },
  };
  GtkWidget *lists[] = {
    self->studies_list, self->speeches_list, self->measures_list, self->guests_list,
    self->attendance_box,
  };
  GtkWidget *focus = focus_in (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) edited = NULL;
  g_auto(GStrv) keep = NULL;
  gboolean with_lists = TRUE;

  if (self->base != NULL)
    {
      edited = sl_ledger_changed_properties (SL_RECORD (self->base), SL_RECORD (self->meeting));
      g_strv_builder_addv (builder, (const char **) edited);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (has_focus_in (focus, fields[i].widget))
      g_strv_builder_add (builder, fields[i].property);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (has_focus_in (focus, lists[i]))
      with_lists = FALSE;
  keep = g_strv_builder_end (builder);

  self->loading = TRUE;
  sl_ledger_sync_meeting (self->meeting, fresh, (const char * const *) keep, with_lists);
  sync_kind_row (self);
  sync_organization_row (self);
  sync_form_row (self);
  sl_meeting_fields_set_year (self->date_row, meeting_year (self));
  rebuild_plan_items (self);
  sync_plan_item_row (self);
  update_heading (self);
  self->loading = FALSE;

  if (self->base == NULL)
    self->base = sl_meeting_new ();
  sl_ledger_sync_record (SL_RECORD (self->base), SL_RECORD (fresh), NULL);
}

/* A save refused: another program changed the meeting since it was read.
 * Its version is shown; what the user typed stays in the field, not saved,
 * until the next change saves it over the newer version. */
static void
changed_elsewhere (SlMeetingEditor *self)
{
  g_autoptr(SlMeeting) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = sl_ledger_load_meeting (self->ledger, sl_record_get_id (SL_RECORD (self->meeting)), &error);
  if (fresh == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);
      set_state (self, text, TRUE);
      return;
    }

  take_newer (self, fresh);
  self->dirty = FALSE;
  self->waiting = FALSE;
  set_state (self, _("Changed elsewhere: reloaded. Check it and redo your change"), TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Changed elsewhere; reloaded")));
}

/**
 * sl_meeting_editor_reload:
 *
 * Reads the meeting again after another program wrote to the ledger, and
 * shows what changed, except in the fields the user is editing.
 */
void
sl_meeting_editor_reload (SlMeetingEditor *self)
{
  g_autoptr(SlMeeting) fresh = NULL;

  g_return_if_fail (SL_IS_MEETING_EDITOR (self));

  /* A save of it waits: its values are the user's (sl_save_queue_holds). */
  if (self->meeting == NULL || self->ledger == NULL || !self->stored || self->waiting)
    return;

  /* Gone (deleted elsewhere): the editor keeps it; saving writes it again. */
  fresh = sl_ledger_load_meeting (self->ledger, sl_record_get_id (SL_RECORD (self->meeting)), NULL);
  if (fresh == NULL ||
      sl_record_get_change_count (SL_RECORD (fresh)) == sl_record_get_change_count (SL_RECORD (self->meeting)))
    return;

  take_newer (self, fresh);
}

static void
on_queue_saved (SlMeetingEditor *self,
                SlRecord        *record)
{
  if (self->meeting == NULL || record != SL_RECORD (self->meeting))
    return;

  /* Typed on meanwhile: that save follows. */
  if (self->save_source != 0)
    {
      self->waiting = FALSE;
      self->stored = TRUE;
      return;
    }
  saved (self);
}

static void
on_queue_refused (SlMeetingEditor *self,
                  SlRecord        *record,
                  GError          *error)
{
  if (self->meeting == NULL || record != SL_RECORD (self->meeting))
    return;

  self->waiting = FALSE;
  if (g_error_matches (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
    changed_elsewhere (self);
  else
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);
      set_state (self, text, TRUE);
    }
}

/* Before the ledger is let go: the queue is the ledger's. */
static void
unwatch_queue (SlMeetingEditor *self)
{
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  self->queue = NULL;
}

static void
watch_queue (SlMeetingEditor *self)
{
  unwatch_queue (self);
  self->queue = self->ledger ? sl_save_queue_get (self->ledger) : NULL;
  if (self->queue != NULL)
    {
      g_signal_connect_swapped (self->queue, "saved", G_CALLBACK (on_queue_saved), self);
      g_signal_connect_swapped (self->queue, "refused", G_CALLBACK (on_queue_refused), self);
    }
}

/* Binding a meeting ---------------------------------------------------------- */

static void
unbind_meeting (SlMeetingEditor *self)
{
  GtkWidget *text_fields[] = {
    self->date_row, self->start_entry, self->end_entry, self->place_row, self->title_row,
    self->theme_row, self->summary_view, self->decisions_view, self->note_view,
  };

  if (self->meeting == NULL)
    return;

  for (guint i = 0; i < self->handlers->len; i++)
    g_signal_handler_disconnect (self->meeting, g_array_index (self->handlers, gulong, i));
  g_array_set_size (self->handlers, 0);

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    sl_meeting_fields_unbind (text_fields[i]);
  sl_meeting_people_unbind (self->chair_row);
  sl_meeting_people_unbind (self->recorder_row);

  gtk_list_box_bind_model (GTK_LIST_BOX (self->studies_list), NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->speeches_list), NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->measures_list), NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->guests_list), NULL, NULL, NULL, NULL);
  gtk_flow_box_bind_model (GTK_FLOW_BOX (self->attendance_box), NULL, NULL, NULL, NULL);

  if (self->removal.toast != NULL)
    adw_toast_dismiss (self->removal.toast);
  g_clear_object (&self->removal.store);
  g_clear_object (&self->removal.item);

  g_clear_object (&self->monitor);
  g_clear_object (&self->suggestion);
  g_clear_pointer (&self->auto_title, g_free);
  g_clear_object (&self->base);
  self->waiting = FALSE;
  g_clear_object (&self->meeting);
}

static void
connect_meeting (SlMeetingEditor *self,
                 const char      *signal,
                 GCallback        callback)
{
  gulong id = g_signal_connect_swapped (self->meeting, signal, callback, self);
  g_array_append_val (self->handlers, id);
}

static void
bind_meeting (SlMeetingEditor *self)
{
  SlMeeting *meeting = self->meeting;
  int year = meeting_year (self);

  self->loading = TRUE;

  sync_kind_row (self);
  sync_organization_row (self);
  sync_form_row (self);
  rebuild_plan_items (self);
  sync_plan_item_row (self);

  sl_meeting_fields_bind_meeting_date (self->date_row, meeting, "date", year);
  sl_meeting_fields_bind_time_range (self->start_entry, self->end_entry, meeting, "start", "end");
  sl_meeting_fields_bind_text (self->place_row, meeting, "place");
  sl_meeting_fields_bind_title (self->title_row, meeting, "title");
  sl_meeting_fields_bind_text (self->theme_row, meeting, "theme");
  sl_meeting_fields_bind_text (self->summary_view, meeting, "chair-summary");
  sl_meeting_fields_bind_text (self->decisions_view, meeting, "decisions");
  sl_meeting_fields_bind_text (self->note_view, meeting, "note");
  sl_meeting_people_bind (self->people, self->chair_row, meeting, "chair");
  sl_meeting_people_bind (self->people, self->recorder_row, meeting, "recorder");

  g_ptr_array_add (self->bindings,
                   g_object_bind_property (meeting, "sequence", self->sequence_spin, "value",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (meeting, "expanded", self->expanded_switch, "active",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));

  gtk_flow_box_bind_model (GTK_FLOW_BOX (self->attendance_box), sl_meeting_get_attendance (meeting),
                           create_chip, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->guests_list), sl_meeting_get_guests (meeting),
                           create_guest_row, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->studies_list), sl_meeting_get_studies (meeting),
                           create_study_row, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->speeches_list), sl_meeting_get_speeches (meeting),
                           create_speech_row, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->measures_list), sl_meeting_get_measures (meeting),
                           create_measure_row, self, NULL);
  renumber_speeches (self);

  connect_meeting (self, "notify::kind", G_CALLBACK (on_identity_changed));
  connect_meeting (self, "notify::organization", G_CALLBACK (on_identity_changed));
  connect_meeting (self, "notify::date", G_CALLBACK (on_identity_changed));
  connect_meeting (self, "notify::sequence", G_CALLBACK (on_title_parts_changed));
  connect_meeting (self, "notify::expanded", G_CALLBACK (on_title_parts_changed));
  connect_meeting (self, "notify::form", G_CALLBACK (sync_form_row));
  connect_meeting (self, "notify::plan-item", G_CALLBACK (sync_plan_item_row));
  connect_meeting (self, "notify::title", G_CALLBACK (update_heading));

  self->monitor = sl_meeting_monitor_new (meeting);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_meeting_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitor, "notify", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sl_meeting_get_speeches (meeting), "items-changed",
                           G_CALLBACK (renumber_speeches), self, G_CONNECT_SWAPPED);

  /* A title that is what the generator would write keeps following. */
  {
    g_autofree char *generated = generated_title (self);

    if (sl_meeting_get_title (meeting) == NULL ||
        g_strcmp0 (generated, sl_meeting_get_title (meeting)) == 0)
      self->auto_title = g_steal_pointer (&generated);
  }

  update_heading (self);
  update_counts (self);
  remember_base (self);

  self->loading = FALSE;
}

void
sl_meeting_editor_edit (SlMeetingEditor *self,
                        SlMeeting       *meeting,
                        gboolean         is_draft)
{
  g_return_if_fail (SL_IS_MEETING_EDITOR (self));
  g_return_if_fail (meeting == NULL || SL_IS_MEETING (meeting));
  g_return_if_fail (meeting == NULL || self->ledger != NULL);

  if (self->meeting != NULL && self->meeting != meeting)
    save_now (self, NULL);

  unbind_meeting (self);

  self->dirty = FALSE;
  self->is_draft = is_draft;
  self->stored = meeting != NULL && !is_draft;
  self->attendance_touched = FALSE;
  set_state (self, is_draft ? _("New meeting: stored as soon as you change something") : "", FALSE);

  if (meeting != NULL)
    {
      self->meeting = g_object_ref (meeting);
      if (is_draft)
        self->suggestion = suggest (self);
      bind_meeting (self);
    }

  update_actions (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
sl_meeting_editor_focus_first (SlMeetingEditor *self)
{
  g_return_if_fail (SL_IS_MEETING_EDITOR (self));

  /* A stored meeting opens on its first row, where typing changes nothing
   * by accident. */
  if (self->is_draft)
    gtk_widget_grab_focus (self->date_row);
  else
    gtk_widget_grab_focus (self->kind_row);
}

/* Ledger --------------------------------------------------------------------- */

void
sl_meeting_editor_set_ledger (SlMeetingEditor *self,
                              SlLedger        *ledger)
{
  g_autoptr(GtkExpression) expression = NULL;

  g_return_if_fail (SL_IS_MEETING_EDITOR (self));
  g_return_if_fail (ledger == NULL || SL_IS_LEDGER (ledger));

  if (self->ledger == ledger)
    return;

  sl_meeting_editor_edit (self, NULL, FALSE);

  unwatch_queue (self);
  g_set_object (&self->ledger, ledger);
  g_clear_object (&self->people);
  watch_queue (self);

  if (ledger != NULL)
    {
      self->people = sl_meeting_people_new (ledger);
      expression = gtk_property_expression_new (SL_TYPE_ORGANIZATION, NULL, "name");
      adw_combo_row_set_expression (ADW_COMBO_ROW (self->organization_row), expression);
      adw_combo_row_set_model (ADW_COMBO_ROW (self->organization_row), sl_ledger_get_organizations (ledger));
    }
  else
    adw_combo_row_set_model (ADW_COMBO_ROW (self->organization_row), NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

SlLedger *
sl_meeting_editor_get_ledger (SlMeetingEditor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_EDITOR (self), NULL);
  return self->ledger;
}

SlMeeting *
sl_meeting_editor_get_meeting (SlMeetingEditor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_EDITOR (self), NULL);
  return self->meeting;
}

/* GObject -------------------------------------------------------------------- */

static void
sl_meeting_editor_dispose (GObject *object)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (object);

  if (self->meeting != NULL)
    save_now (self, NULL);
  unbind_meeting (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;

  /* AdwBin unparents its child itself: let it go before the template
   * drops its own reference, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETING_EDITOR);

  g_clear_object (&self->people);
  unwatch_queue (self);
  g_clear_object (&self->ledger);
  g_clear_object (&self->kinds);
  g_clear_object (&self->forms);
  g_clear_object (&self->plan_items);

  G_OBJECT_CLASS (sl_meeting_editor_parent_class)->dispose (object);
}

static void
sl_meeting_editor_finalize (GObject *object)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (object);

  g_clear_pointer (&self->plan_item_ids, g_ptr_array_unref);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->handlers, g_array_unref);
  g_clear_pointer (&self->saved_state, g_free);

  G_OBJECT_CLASS (sl_meeting_editor_parent_class)->finalize (object);
}

static void
sl_meeting_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LEDGER:  g_value_set_object (value, self->ledger); break;
    case PROP_MEETING: g_value_set_object (value, self->meeting); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meeting_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_LEDGER: sl_meeting_editor_set_ledger (self, g_value_get_object (value)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meeting_editor_class_init (SlMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meeting_editor_dispose;
  object_class->finalize = sl_meeting_editor_finalize;
  object_class->get_property = sl_meeting_editor_get_property;
  object_class->set_property = sl_meeting_editor_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, SL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, SL_TYPE_MEETING,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlMeetingEditor::saved:
   * @meeting: the meeting, now in the ledger
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SL_TYPE_MEETING);
  /**
   * SlMeetingEditor::close:
   *
   * The user is done with this meeting (editor.back); it is saved.
   */
  signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SlMeetingEditor::delete:
   * @meeting: the meeting the user asked to delete (editor.delete)
   */
  signals[DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SL_TYPE_MEETING);

  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.retitle", NULL, retitle_action);
  gtk_widget_class_install_action (widget_class, "editor.refill", NULL, refill_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.add-study", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-speech", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-measure", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-guest", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.focus-attendance", NULL, focus_attendance_action);
  gtk_widget_class_install_action (widget_class, "editor.print-sign-in", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "editor.print-minutes", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "editor.export-minutes", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "editor.export-sign-in", NULL, document_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "editor.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "editor.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, organization_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, chair_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, recorder_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, sequence_spin);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, expanded_switch);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, form_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, theme_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, plan_item_row);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, add_person_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, add_person_popover);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, add_person_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, attendance_box);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, guests_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, studies_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, speeches_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, decisions_view);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, measures_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_person_activated);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "sl-placeholder");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static void
sl_meeting_editor_init (SlMeetingEditor *self)
{
  static const struct { guint key; const char *action; } alt_keys[] = {
    { GDK_KEY_w, "editor.focus-attendance" },
    { GDK_KEY_s, "editor.add-study" },
    { GDK_KEY_e, "editor.add-speech" },
    { GDK_KEY_m, "editor.add-measure" },
    { GDK_KEY_g, "editor.add-guest" },
  };
  GtkEventController *shortcuts;

  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new ();
  self->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  self->plan_item_ids = g_ptr_array_new_with_free_func (g_free);

  /* Positions: the kind's value - 1 (no “none” to pick), the form's value. */
  self->kinds = gtk_string_list_new (NULL);
  for (SlMeetingKind kind = SL_MEETING_KIND_PARTY_GROUP; kind <= SL_MEETING_KIND_OTHER; kind++)
    gtk_string_list_append (self->kinds, sl_meeting_kind_to_label (kind));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (self->kinds));

  self->forms = gtk_string_list_new (NULL);
  gtk_string_list_append (self->forms, "—");
  for (SlStudyForm form = SL_STUDY_FORM_COLLECTIVE_STUDY; form <= SL_STUDY_FORM_OTHER; form++)
    gtk_string_list_append (self->forms, sl_study_form_to_label (form));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->form_row), G_LIST_MODEL (self->forms));

  self->plan_items = gtk_string_list_new (NULL);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->plan_item_row), G_LIST_MODEL (self->plan_items));

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self);
  g_signal_connect_swapped (self->form_row, "notify::selected", G_CALLBACK (on_form_selected), self);
  g_signal_connect_swapped (self->organization_row, "notify::selected",
                            G_CALLBACK (on_organization_selected), self);
  g_signal_connect_swapped (self->plan_item_row, "notify::selected", G_CALLBACK (on_plan_item_selected), self);
  g_signal_connect_swapped (self->calendar_popover, "show", G_CALLBACK (on_calendar_shown), self);
  g_signal_connect_swapped (self->add_person_popover, "show", G_CALLBACK (on_add_person_shown), self);
  g_signal_connect_swapped (self->attendance_box, "child-activated", G_CALLBACK (on_child_activated), self);

  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->guests_list), placeholder (_("Nobody sat in")));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->studies_list), placeholder (_("No texts yet")));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->speeches_list), placeholder (_("No speeches yet")));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->measures_list), placeholder (_("No measures yet")));

  sl_meeting_fields_enter_moves_on (self->date_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->start_entry, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->end_entry, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->place_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->title_row, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->theme_row, NULL, NULL);
  sl_meeting_fields_watch (GTK_WIDGET (self), G_CALLBACK (on_fields_changed), self);

  /* Alt+W, and the add buttons' mnemonics taken before the mnemonics
   * are: a mnemonic activates its button only after the 250 ms press
   * animation, and what is typed meanwhile would go to the field that had
   * the focus before. The capture phase comes before the flow box of the
   * attendance, which otherwise lets the mnemonic through first. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (alt_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (alt_keys[i].key, GDK_ALT_MASK),
                                                            gtk_named_action_new (alt_keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_actions (self);
}

GtkWidget *
sl_meeting_editor_new (SlLedger *ledger)
{
  return g_object_new (SL_TYPE_MEETING_EDITOR, "ledger", ledger, NULL);
}
