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
 *
 * This file holds the state, saving, prefill and binding a meeting; the
 * pickers, the lists, the actions and the other writers are in the
 * sl-meeting-editor-*.c files beside it, which share the struct through
 * sl-meeting-editor-private.h.
 */

#define G_LOG_DOMAIN "sl-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sl-attendance.h"
#include "sl-combo-row-keys.h"
#include "sl-entry-wrap.h"
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
#include "sl-meeting-editor-private.h"
#include "sl-meeting-extra-rows.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-guest-row.h"
#include "sl-meeting-measure-row.h"
#include "sl-meeting-monitor.h"
#include "sl-meeting-people.h"
#include "sl-meeting-session-plan.h"
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

G_DEFINE_FINAL_TYPE (SlMeetingEditor, sl_meeting_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint _sl_meeting_editor_signals[N_SIGNALS];

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

int
_sl_meeting_editor_meeting_year (SlMeetingEditor *self)
{
  return self->meeting ? sl_meeting_get_year (self->meeting) : 0;
}

/* The 年度次序 row's hint names the meeting's year (it said 2023 in a
 * ledger of 2026); today's year for a meeting without a date yet. */
void
_sl_meeting_editor_update_year_hint (SlMeetingEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (self->sequence_spin, ADW_TYPE_ACTION_ROW);
  int year = _sl_meeting_editor_meeting_year (self);
  g_autofree char *hint = NULL;

  if (row == NULL)
    return;
  if (year <= 0)
    {
      g_autofree char *today = sl_today ();

      year = atoi (today);
    }
  /* Translators: the hint of 年度次序; %d is the meeting's year:
   * “%d年第N次”中的 N，按会议类型分别计数 */
  hint = g_strdup_printf (_("The N of “%d年第N次”, counted per kind"), year);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
}

SlOrganization *
_sl_meeting_editor_meeting_organization (SlMeetingEditor *self)
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

void
_sl_meeting_editor_set_state (SlMeetingEditor *self,
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

  _sl_meeting_editor_set_state (self, text ? text : "", self->saved_state_error);
}

void
_sl_meeting_editor_update_heading (SlMeetingEditor *self)
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

  /* A draft whose roster marks nobody as leadership (or central group):
   * say who was listed instead, and how to make it right. */
  if (self->is_draft && self->ledger != NULL && self->meeting != NULL)
    {
      SlRosterBasis basis = SL_ROSTER_BASIS_KIND;
      g_autoptr(GPtrArray) roster = sl_meeting_draft_roster_basis (self->ledger,
                                                                   sl_meeting_get_organization (self->meeting),
                                                                   sl_meeting_get_kind (self->meeting),
                                                                   sl_meeting_get_date (self->meeting),
                                                                   &basis);
      const char *note = sl_roster_basis_to_note (basis);

      if (note != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (note, -1);
          char *with_note = g_strdup_printf ("%s\n<small>%s</small>", text, escaped);

          g_free (text);
          text = with_note;
        }
    }

  gtk_label_set_markup (GTK_LABEL (self->counts_label), text);
}

/* Saving ---------------------------------------------------------------------- */


/* The save goes through the ledger's save queue: when another program
 * holds the ledger (an import) it waits there, the header says so, and
 * ::saved of the queue ends the wait (_sl_meeting_editor_on_queue_saved). */
static gboolean
save_now (SlMeetingEditor  *self,
          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->meeting == NULL || !self->dirty)
    return TRUE;

  if (!_sl_meeting_editor_evidence_save (self, &local_error))
    {
      g_debug ("Cannot save meeting %s: %s",
               sl_record_get_id (SL_RECORD (self->meeting)), local_error->message);

      if (g_error_matches (local_error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY))
        {
          self->waiting = TRUE;
          _sl_meeting_editor_set_state (self, _("Waiting to save…"), FALSE);
        }
      else if (g_error_matches (local_error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
        _sl_meeting_editor_changed_elsewhere (self);
      else if (_sl_meeting_editor_evidence_refused (self, local_error))
        ;
      else
        {
          /* A real error (I/O, a damaged file): the typed text stays in
           * the fields, unsaved, and goes in with the next change. */
          g_autofree char *text = g_strdup_printf (_("Not saved: %s. What you typed stays here and is saved "
                                                     "with your next change once the ledger can be written"),
                                                   local_error->message);
          _sl_meeting_editor_set_state (self, text, TRUE);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _sl_meeting_editor_saved (self);
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

void
_sl_meeting_editor_schedule_save (SlMeetingEditor *self)
{
  _sl_meeting_editor_set_state (self, _("Saving…"), FALSE);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

static void
on_meeting_changed (SlMeetingEditor *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  /* A final meeting waits for the reason of its change. */
  if (!_sl_meeting_editor_evidence_allow_change (self))
    return;
  _sl_meeting_editor_schedule_save (self);
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
  SlOrganization *organization = _sl_meeting_editor_meeting_organization (self);

  /* Written the way the organization's own titles are. */
  return sl_meeting_draft_learned_title (self->ledger,
                                         organization ? sl_record_get_id (SL_RECORD (organization)) : NULL,
                                         sl_meeting_get_kind (self->meeting),
                                         _sl_meeting_editor_meeting_year (self),
                                         sl_meeting_get_sequence (self->meeting),
                                         sl_meeting_get_expanded (self->meeting),
                                         sl_record_get_id (SL_RECORD (self->meeting)));
}

/* The title follows the fields it is made of, as long as it is still the
 * one that was generated. */
void
_sl_meeting_editor_update_title (SlMeetingEditor *self,
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

  _sl_meeting_editor_update_title (self, force);
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
void
_sl_meeting_editor_refill (SlMeetingEditor *self,
        gboolean         force)
{
  g_autoptr(SlMeeting) next = NULL;

  if (self->refilling || self->loading)
    return;

  if (!force && (!self->is_draft || self->suggestion == NULL))
    {
      _sl_meeting_editor_update_title (self, FALSE);
      return;
    }

  if ((next = suggest (self)) == NULL)
    return;

  self->refilling = TRUE;
  follow_suggestion (self, force ? next : self->suggestion, next, force);
  g_set_object (&self->suggestion, next);
  self->refilling = FALSE;
}

/* Meeting changes that others follow ------------------------------------------ */

static void
on_identity_changed (SlMeetingEditor *self,
                     GParamSpec      *pspec)
{
  if (self->loading)
    return;

  if (g_strcmp0 (pspec->name, "kind") == 0)
    _sl_meeting_editor_sync_kind_row (self);
  else if (g_strcmp0 (pspec->name, "organization") == 0)
    _sl_meeting_editor_sync_organization_row (self);

  if (g_strcmp0 (pspec->name, "date") == 0 || g_strcmp0 (pspec->name, "organization") == 0)
    {
      sl_meeting_fields_set_year (self->date_row, _sl_meeting_editor_meeting_year (self));
      _sl_meeting_editor_update_year_hint (self);
      _sl_meeting_editor_rebuild_plan_items (self);
      _sl_meeting_editor_sync_plan_item_row (self);
    }

  _sl_meeting_editor_refill (self, FALSE);
}

static void
on_title_parts_changed (SlMeetingEditor *self)
{
  if (!self->loading && !self->refilling)
    _sl_meeting_editor_update_title (self, FALSE);
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
  if (self->session_plan != NULL)
    sl_meeting_session_plan_bind (SL_MEETING_SESSION_PLAN (self->session_plan), NULL, NULL);

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
  int year = _sl_meeting_editor_meeting_year (self);

  self->loading = TRUE;

  _sl_meeting_editor_sync_kind_row (self);
  _sl_meeting_editor_sync_organization_row (self);
  _sl_meeting_editor_sync_form_row (self);
  _sl_meeting_editor_rebuild_plan_items (self);
  _sl_meeting_editor_sync_plan_item_row (self);

  sl_meeting_fields_bind_meeting_date (self->date_row, meeting, "date", year);
  sl_meeting_fields_bind_time_range (self->start_entry, self->end_entry, meeting, "start", "end");
  sl_meeting_fields_bind_text (self->place_row, meeting, "place");
  sl_meeting_fields_bind_title (self->title_row, meeting, "title");
  sl_meeting_fields_bind_text (self->theme_row, meeting, "theme");
  /* 意识形态专题, 学时, 第N期: rows after the theme, shown by kind. */
  sl_meeting_extra_rows_bind (GTK_LIST_BOX (gtk_widget_get_parent (self->theme_row)), meeting);
  sl_meeting_fields_bind_text (self->summary_view, meeting, "chair-summary");
  sl_meeting_fields_bind_text (self->decisions_view, meeting, "decisions");
  sl_meeting_fields_bind_text (self->note_view, meeting, "note");
  sl_meeting_people_bind (self->people, self->chair_row, meeting, "chair");
  sl_meeting_people_bind (self->people, self->recorder_row, meeting, "recorder");
  sl_meeting_session_plan_bind (SL_MEETING_SESSION_PLAN (self->session_plan), meeting, self->people);

  _sl_meeting_editor_update_year_hint (self);
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (meeting, "sequence", self->sequence_spin, "value",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (meeting, "expanded", self->expanded_switch, "active",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));

  gtk_flow_box_bind_model (GTK_FLOW_BOX (self->attendance_box), sl_meeting_get_attendance (meeting),
                           _sl_meeting_editor_create_chip, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->guests_list), sl_meeting_get_guests (meeting),
                           _sl_meeting_editor_create_guest_row, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->studies_list), sl_meeting_get_studies (meeting),
                           _sl_meeting_editor_create_study_row, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->speeches_list), sl_meeting_get_speeches (meeting),
                           _sl_meeting_editor_create_speech_row, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->measures_list), sl_meeting_get_measures (meeting),
                           _sl_meeting_editor_create_measure_row, self, NULL);
  _sl_meeting_editor_renumber_speeches (self);

  connect_meeting (self, "notify::kind", G_CALLBACK (on_identity_changed));
  connect_meeting (self, "notify::organization", G_CALLBACK (on_identity_changed));
  connect_meeting (self, "notify::date", G_CALLBACK (on_identity_changed));
  connect_meeting (self, "notify::sequence", G_CALLBACK (on_title_parts_changed));
  connect_meeting (self, "notify::expanded", G_CALLBACK (on_title_parts_changed));
  connect_meeting (self, "notify::form", G_CALLBACK (_sl_meeting_editor_sync_form_row));
  connect_meeting (self, "notify::plan-item", G_CALLBACK (_sl_meeting_editor_sync_plan_item_row));
  connect_meeting (self, "notify::title", G_CALLBACK (_sl_meeting_editor_update_heading));

  self->monitor = sl_meeting_monitor_new (meeting);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_meeting_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitor, "notify", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sl_meeting_get_speeches (meeting), "items-changed",
                           G_CALLBACK (_sl_meeting_editor_renumber_speeches), self, G_CONNECT_SWAPPED);

  /* A title that is what the generator would write keeps following. */
  {
    g_autofree char *generated = generated_title (self);

    if (sl_meeting_get_title (meeting) == NULL ||
        g_strcmp0 (generated, sl_meeting_get_title (meeting)) == 0)
      self->auto_title = g_steal_pointer (&generated);
  }

  _sl_meeting_editor_update_heading (self);
  update_counts (self);
  _sl_meeting_editor_remember_base (self);

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
  _sl_meeting_editor_set_state (self, is_draft ? _("New meeting: stored as soon as you change something") : "", FALSE);

  if (meeting != NULL)
    {
      self->meeting = g_object_ref (meeting);
      if (is_draft)
        self->suggestion = suggest (self);
      bind_meeting (self);
    }

  _sl_meeting_editor_update_actions (self);
  _sl_meeting_editor_evidence_reset (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

void
sl_meeting_editor_focus_first (SlMeetingEditor *self)
{
  g_return_if_fail (SL_IS_MEETING_EDITOR (self));

  /* A stored meeting opens on its first row, where typing changes nothing
   * by accident. A final meeting's rows are closed: its state badge,
   * whose menu says what may be done, else what comes first, so that the
   * keys are in the editor and never left behind in the sidebar. */
  if (!gtk_widget_grab_focus (self->is_draft ? self->date_row : self->kind_row) &&
      !gtk_widget_grab_focus (self->state_badge))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
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

  _sl_meeting_editor_unwatch_queue (self);
  _sl_meeting_editor_evidence_unwatch (self);
  g_set_object (&self->ledger, ledger);
  g_clear_object (&self->people);
  _sl_meeting_editor_watch_queue (self);
  _sl_meeting_editor_evidence_watch (self);

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
  g_clear_handle_id (&self->add_person_focus_idle, g_source_remove);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_clear_weak_pointer (&self->reveal_row);

  /* AdwBin unparents its child itself: let it go before the template
   * drops its own reference, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETING_EDITOR);

  g_clear_object (&self->people);
  _sl_meeting_editor_unwatch_queue (self);
  _sl_meeting_editor_evidence_unwatch (self);
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
  g_clear_pointer (&self->session, sl_revision_session_free);
  g_clear_pointer (&self->state_error, g_free);

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

/* Alt+S, Alt+G, Alt+M on 添加学习内容(S), 添加列席人员(G), 添加措施(M):
 * the window's mnemonics come before the editor's own shortcuts, and a
 * button's mnemonic presses it only after its 250 ms animation, while
 * what is typed meanwhile goes to the field that had the focus. The
 * action runs now instead, and focuses the new row's field before the
 * next key. Two mnemonics of one letter keep GTK's focus cycling. */
static gboolean
on_add_mnemonic (GtkWidget *button,
                 gboolean   group_cycling,
                 gpointer   user_data)
{
  const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

  if (group_cycling || action == NULL)
    return FALSE;
  return gtk_widget_activate_action (button, action, NULL);
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
  _sl_meeting_editor_signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SL_TYPE_MEETING);
  /**
   * SlMeetingEditor::close:
   *
   * The user is done with this meeting (editor.back); it is saved.
   */
  _sl_meeting_editor_signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SlMeetingEditor::delete:
   * @meeting: the meeting the user asked to delete (editor.delete)
   */
  _sl_meeting_editor_signals[DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SL_TYPE_MEETING);

  _sl_meeting_editor_class_actions_init (widget_class);
  _sl_meeting_editor_evidence_class_init (widget_class);

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
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, add_person_search);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, add_everyone_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, attendance_box);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, guests_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, studies_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, speeches_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, decisions_view);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, measures_list);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, on_add_mnemonic);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_calendar_day_selected",
                                                G_CALLBACK (_sl_meeting_editor_on_calendar_day_selected));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_person_activated",
                                                G_CALLBACK (_sl_meeting_editor_on_add_person_activated));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_everyone_clicked",
                                                G_CALLBACK (_sl_meeting_editor_on_add_everyone_clicked));
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

  /* Each list opens on the item shown; Return picks the item focused. */
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->kind_row));
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->form_row));
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->organization_row));
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->plan_item_row));
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->chair_row));
  sl_combo_row_keys_install (ADW_COMBO_ROW (self->recorder_row));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (_sl_meeting_editor_on_kind_selected), self);
  g_signal_connect_swapped (self->form_row, "notify::selected", G_CALLBACK (_sl_meeting_editor_on_form_selected), self);
  g_signal_connect_swapped (self->organization_row, "notify::selected",
                            G_CALLBACK (_sl_meeting_editor_on_organization_selected), self);
  g_signal_connect_swapped (self->plan_item_row, "notify::selected", G_CALLBACK (_sl_meeting_editor_on_plan_item_selected), self);
  g_signal_connect_swapped (self->calendar_popover, "show", G_CALLBACK (_sl_meeting_editor_on_calendar_shown), self);
  g_signal_connect_swapped (self->add_person_popover, "show", G_CALLBACK (_sl_meeting_editor_on_add_person_shown), self);
  g_signal_connect_swapped (self->attendance_box, "child-activated", G_CALLBACK (_sl_meeting_editor_on_child_activated), self);
  _sl_meeting_editor_add_person_keys (self);
  sl_meeting_attendance_chips_one_tab_stop (self->attendance_box);

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
  /* A title or theme wider than its row, whole below it (at 360 px). */
  sl_entry_wrap_attach (ADW_ENTRY_ROW (self->title_row));
  sl_entry_wrap_attach (ADW_ENTRY_ROW (self->theme_row));
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

  _sl_meeting_editor_update_actions (self);
  _sl_meeting_editor_evidence_init (self);

  /* The 学习方案, after the session's title and theme. */
  self->session_plan = sl_meeting_session_plan_new ();
  {
    GtkWidget *theme_group = gtk_widget_get_ancestor (self->theme_row, ADW_TYPE_PREFERENCES_GROUP);

    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (theme_group)), self->session_plan, theme_group);
  }
}

GtkWidget *
sl_meeting_editor_new (SlLedger *ledger)
{
  return g_object_new (SL_TYPE_MEETING_EDITOR, "ledger", ledger, NULL);
}
