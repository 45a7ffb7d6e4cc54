/* sl-meeting-editor-sync.c — the meeting editor beside other programs writing the same meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor remembers the meeting as it was last read or saved; when
 * another program changed it, the newer copy replaces every field the
 * user did not change. Saves that wait for a busy ledger are reported
 * when the ledger's save queue stores or refuses them.
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
#include "sl-meeting-editor-private.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-guest-row.h"
#include "sl-meeting-measure-row.h"
#include "sl-meeting-monitor.h"
#include "sl-meeting-people.h"
#include "sl-meeting-session-plan.h"
#include "sl-meeting-suggestion.h"
#include "sl-meeting-watch.h"
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

/* Other writers ------------------------------------------------------------- */

/* The editor remembers the meeting as it was last read or _sl_meeting_editor_saved (base):
 * what differs from it is what the user changed. When another program
 * changed the meeting, the newer copy replaces every field but those, and
 * the one being typed in; the lists too, unless a row of one is being
 * edited. */

void
_sl_meeting_editor_remember_base (SlMeetingEditor *self)
{
  if (self->base == NULL)
    self->base = sl_meeting_new ();
  sl_ledger_sync_record (SL_RECORD (self->base), SL_RECORD (self->meeting), NULL);
}

void
_sl_meeting_editor_saved (SlMeetingEditor *self)
{
  self->dirty = FALSE;
  self->stored = TRUE;
  self->waiting = FALSE;
  self->held = FALSE;
  _sl_meeting_editor_remember_base (self);
  _sl_meeting_editor_set_state (self, _("Saved"), FALSE);
  g_signal_emit (self, _sl_meeting_editor_signals[SAVED], 0, self->meeting);
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

/* @keep_edits: leave what the user changed and the field being typed in
 * (another program wrote); else every field takes @fresh's value. */
static void
take_fresh (SlMeetingEditor *self,
            SlMeeting       *fresh,
            gboolean         keep_edits)
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

  if (!keep_edits)
    focus = NULL;
  if (self->base != NULL && keep_edits)
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
  /* The 学习方案 being typed in keeps what is typed, as a field does. */
  if (has_focus_in (focus, self->session_plan))
    g_strv_builder_add (builder, "session-plan");
  keep = g_strv_builder_end (builder);

  self->loading = TRUE;
  sl_ledger_sync_meeting (self->meeting, fresh, (const char * const *) keep, with_lists);
  _sl_meeting_editor_sync_kind_row (self);
  _sl_meeting_editor_sync_organization_row (self);
  _sl_meeting_editor_sync_form_row (self);
  sl_meeting_fields_set_year (self->date_row, _sl_meeting_editor_meeting_year (self));
  _sl_meeting_editor_update_year_hint (self);
  _sl_meeting_editor_rebuild_plan_items (self);
  _sl_meeting_editor_sync_plan_item_row (self);
  _sl_meeting_editor_update_heading (self);
  self->loading = FALSE;

  /* Every field shows the stored value, also one that held typed text
   * not yet read (a date): left later, it would write that text back. */
  if (!keep_edits)
    {
      GtkWidget *checked[] = { self->date_row, self->start_entry, self->end_entry, self->title_row };

      for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
        sl_meeting_fields_show_stored (checked[i]);
    }

  if (self->base == NULL)
    self->base = sl_meeting_new ();
  sl_ledger_sync_record (SL_RECORD (self->base), SL_RECORD (fresh), NULL);
}

static void
take_newer (SlMeetingEditor *self,
            SlMeeting       *fresh)
{
  take_fresh (self, fresh, TRUE);
}

/* A change to a final meeting without a reason: every field goes back to
 * what the ledger holds. */
void
_sl_meeting_editor_revert (SlMeetingEditor *self)
{
  g_autoptr(SlMeeting) fresh = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  fresh = sl_ledger_load_meeting (self->ledger, sl_record_get_id (SL_RECORD (self->meeting)), NULL);
  if (fresh != NULL)
    take_fresh (self, fresh, FALSE);
  self->dirty = FALSE;
  self->held = FALSE;
}

/**
 * _sl_meeting_editor_reload_all:
 *
 * Reads the whole meeting again and shows it, every field and list, the
 * ones being typed in too, with the ledger's change count: after a
 * restore, whose content the next save must build on. What was not saved
 * is dropped.
 */
void
_sl_meeting_editor_reload_all (SlMeetingEditor *self)
{
  g_autoptr(SlMeeting) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->meeting == NULL || self->ledger == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  fresh = sl_ledger_load_meeting (self->ledger, sl_record_get_id (SL_RECORD (self->meeting)), &error);
  if (fresh == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot read the meeting again: %s. Close it and open it "
                                                 "again from the list"), error->message);
      _sl_meeting_editor_set_state (self, text, TRUE);
      return;
    }
  take_fresh (self, fresh, FALSE);
  self->dirty = FALSE;
  self->waiting = FALSE;
  self->held = FALSE;
}

/* Whether the fields show a value the ledger does not hold: what the
 * user changed, kept over the newer version by take_newer(). */
static gboolean
shows_unstored (SlMeetingEditor *self)
{
  g_auto(GStrv) edited = NULL;

  if (self->base == NULL || self->meeting == NULL)
    return FALSE;
  edited = sl_ledger_changed_properties (SL_RECORD (self->base), SL_RECORD (self->meeting));
  return edited != NULL && edited[0] != NULL;
}

/* A save refused: the meeting changed since it was read (another
 * program, or another page of this window that did not say so). Its
 * version is shown; what the user typed stays in the field, marked NOT
 * saved (“held”), never shown as stored: 完成修订 does not claim it, and
 * leaving asks first. editor.apply-again, or typing on, saves it over the
 * newer version. */
void
_sl_meeting_editor_changed_elsewhere (SlMeetingEditor *self)
{
  g_autoptr(SlMeeting) fresh = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  fresh = sl_ledger_load_meeting (self->ledger, sl_record_get_id (SL_RECORD (self->meeting)), &error);
  if (fresh == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);
      _sl_meeting_editor_set_state (self, text, TRUE);
      return;
    }

  take_newer (self, fresh);
  self->dirty = FALSE;
  self->waiting = FALSE;
  self->held = shows_unstored (self);
  /* The revision banner and the actions follow the newer version (its
   * hash, whether it is still final). */
  _sl_meeting_editor_evidence_update (self);
  /* Locked meanwhile: the update dropped the change and said so. */
  if (self->locked)
    return;
  if (!self->held)
    {
      _sl_meeting_editor_set_state (self, _("Changed elsewhere: reloaded. Check it and redo your change"), TRUE);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Changed elsewhere; reloaded")));
      return;
    }

  _sl_meeting_editor_set_state (self, _("Not saved: this meeting was changed elsewhere meanwhile and was "
                                        "reloaded; your change is still in its field. Apply it again on "
                                        "the newer version, or copy it"), TRUE);
  /* Stays until dismissed: the change is not saved until then. */
  toast = adw_toast_new (_("Changed elsewhere: your change is not saved"));
  adw_toast_set_button_label (toast, _("_Apply Again"));
  adw_toast_set_action_name (toast, "editor.apply-again");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _sl_meeting_editor_apply_again:
 *
 * Saves the change a stale save left in the fields (held) on top of the
 * newer version now shown, within the revision session if there is one.
 */
void
_sl_meeting_editor_apply_again (SlMeetingEditor *self)
{
  if (self->meeting == NULL || !self->held)
    return;
  if (self->read_only)
    {
      _sl_meeting_editor_set_state (self, _("Not saved: the meeting is read-only now; copy your change, "
                                            "then click Revise… to make it again"), TRUE);
      return;
    }
  self->dirty = TRUE;
  sl_meeting_editor_flush (self, NULL);
}

/**
 * sl_meeting_editor_holds_unsaved:
 *
 * Returns: %TRUE while the fields show a change that a save refused as
 * stale left there: leaving the editor or the window loses it.
 */
gboolean
sl_meeting_editor_holds_unsaved (SlMeetingEditor *self)
{
  g_return_val_if_fail (SL_IS_MEETING_EDITOR (self), FALSE);

  if (self->held && !shows_unstored (self))
    self->held = FALSE;   /* put back as the ledger has it */
  return self->held;
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

  if (self->meeting == NULL || self->ledger == NULL || !self->stored)
    return;

  /* Another program may have locked its year or finalised it: read-only
   * at once, and what waits to be saved is dropped, saying so. */
  _sl_meeting_editor_evidence_update (self);

  /* A save of it waits: its values are the user's (sl_save_queue_holds). */
  if (self->waiting)
    return;

  /* Gone (deleted elsewhere): the editor keeps it; saving writes it again. */
  fresh = sl_ledger_load_meeting (self->ledger, sl_record_get_id (SL_RECORD (self->meeting)), NULL);
  if (fresh == NULL ||
      sl_record_get_change_count (SL_RECORD (fresh)) == sl_record_get_change_count (SL_RECORD (self->meeting)))
    return;

  take_newer (self, fresh);
}

void
_sl_meeting_editor_on_queue_saved (SlMeetingEditor *self,
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
  _sl_meeting_editor_saved (self);
}

void
_sl_meeting_editor_on_queue_refused (SlMeetingEditor *self,
                  SlRecord        *record,
                  GError          *error)
{
  if (self->meeting == NULL || record != SL_RECORD (self->meeting))
    return;

  self->waiting = FALSE;
  if (g_error_matches (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
    _sl_meeting_editor_changed_elsewhere (self);
  else if (_sl_meeting_editor_evidence_refused (self, error))
    return;
  else
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);
      _sl_meeting_editor_set_state (self, text, TRUE);
    }
}

/* Another page of this window saved a meeting through the same ledger
 * (SlMeetingWatch): this one, read again, so that the next save builds on
 * it. */
static void
on_saved_here (SlMeetingEditor *self,
               const char      *meeting_id)
{
  if (self->meeting != NULL && g_strcmp0 (meeting_id, sl_record_get_id (SL_RECORD (self->meeting))) == 0)
    sl_meeting_editor_reload (self);
}

/* Before the ledger is let go: the queue is the ledger's. */
void
_sl_meeting_editor_unwatch_queue (SlMeetingEditor *self)
{
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  self->queue = NULL;
  if (self->meeting_watch != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting_watch, self);
  self->meeting_watch = NULL;
}

void
_sl_meeting_editor_watch_queue (SlMeetingEditor *self)
{
  _sl_meeting_editor_unwatch_queue (self);
  self->queue = self->ledger ? sl_save_queue_get (self->ledger) : NULL;
  if (self->queue != NULL)
    {
      g_signal_connect_swapped (self->queue, "saved", G_CALLBACK (_sl_meeting_editor_on_queue_saved), self);
      g_signal_connect_swapped (self->queue, "refused", G_CALLBACK (_sl_meeting_editor_on_queue_refused), self);
    }
  self->meeting_watch = self->ledger ? sl_meeting_watch_get (self->ledger) : NULL;
  if (self->meeting_watch != NULL)
    g_signal_connect_swapped (self->meeting_watch, "saved", G_CALLBACK (on_saved_here), self);
}

