/* sl-meeting-editor-dialogs.c — the editor's evidence dialogs: 定稿, 修订理由, 完成修订, 历史, 解锁
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs behind the editor's evidence actions (the banners and the
 * state badge that offer them are in sl-meeting-editor-evidence.c):
 * editor.finalize asks who signs the meeting off and shows the 校验码;
 * editor.revise asks the reason of a revision session BEFORE the fields
 * open; editor.finish-revision ends it, asking about a change a stale
 * save left in the fields; editor.history opens the revision history;
 * editor.unlock-year asks the reason the core records with the unlock.
 */

#define G_LOG_DOMAIN "sl-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-database.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-editor-private.h"
#include "sl-meeting-measure-row.h"
#include "sl-meeting-history.h"
#include "sl-meeting-speech-row.h"
#include "sl-member.h"
#include "sl-record.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlYearLock, sl_year_lock_free)

/* The name typed at the last finalisation, or "" the first time: the
 * dialog asks for a person's name, which the login name ("root",
 * "user01") is not. */
static const char *
remembered_by (SlMeetingEditor *self)
{
  const char *by = self->ledger ? sl_database_get_setting (sl_ledger_get_database (self->ledger), SL_EVIDENCE_BY_SETTING)
                                : NULL;

  return by != NULL ? by : "";
}

/* Who signs the meeting off, as the dialog proposes it: the meeting's
 * 记录人, who wrote it, else the name typed last time; editable. A
 * tester found the field empty at every finalisation. */
static const char *
proposed_by (SlMeetingEditor *self)
{
  const char *recorder = self->meeting ? sl_meeting_get_recorder (self->meeting) : NULL;
  SlMember *member = recorder && *recorder && self->ledger ? sl_ledger_find_member (self->ledger, recorder) : NULL;
  const char *name = member ? sl_member_get_name (member) : NULL;

  return name != NULL && *name != '\0' ? name : remembered_by (self);
}

static GtkWindow *
parent_window (SlMeetingEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A dialog with one line to type in; @response_id is enabled only when it
 * holds text. */
static GtkWidget *
text_dialog (SlMeetingEditor *self,
             const char      *heading,
             const char      *body,
             const char      *placeholder,
             const char      *text,
             const char      *response_id,
             const char      *response_label,
             GtkWidget      **entry_out)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (placeholder);
  GtkWidget *entry = gtk_entry_new ();

  /* Named above the line, not only by its placeholder: a line filled in
   * beforehand (定稿人, the last name given) would say nothing of what it
   * is. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response_id,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response_id);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sl-entry", entry);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  *entry_out = entry;
  return dialog;
}

static char *
entry_text (GtkWidget *dialog)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "sl-entry");
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
on_entry_changed (GtkEditable *entry,
                  GtkWidget   *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *response = g_object_get_data (G_OBJECT (dialog), "sl-response");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response, *text != '\0');
}

static void
require_text (GtkWidget  *dialog,
              GtkWidget  *entry,
              const char *response)
{
  g_object_set_data (G_OBJECT (dialog), "sl-response", (gpointer) response);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed), dialog, 0);
  on_entry_changed (GTK_EDITABLE (entry), dialog);
}

/* The revision session of a final meeting ----------------------------------------- */

static void
on_reason_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SlMeetingEditor  *self)
{
  g_autofree char *reason = entry_text (GTK_WIDGET (dialog));

  /* Cancelled: the fields stay read-only, nothing was typed. */
  if (!g_str_equal (response, "revise") || reason == NULL || self->meeting == NULL || !self->final)
    return;

  g_clear_pointer (&self->session, sl_revision_session_free);
  self->session = sl_revision_session_new (sl_record_get_id (SL_RECORD (self->meeting)),
                                           _sl_meeting_editor_evidence_by (self), reason);
  _sl_meeting_editor_evidence_update (self);
  _sl_meeting_editor_set_state (self, _("Revising: changes are saved as you type, as one revision"), FALSE);

  /* The keys go where the change is made, scrolled into view: the first
   * measure's progress in a locked year (the editor's last section),
   * else the first row. */
  if (self->locked && SL_IS_MEETING_MEASURE_ROW (gtk_widget_get_first_child (self->measures_list)))
    sl_meeting_measure_row_focus_progress (SL_MEETING_MEASURE_ROW (gtk_widget_get_first_child (self->measures_list)));
  else
    sl_meeting_editor_focus_first (self);
  _sl_meeting_editor_reveal_focus (self);
}

/* The reason of a revision session, asked before the fields open: 修订…,
 * and 更新落实情况… in a locked year (sl-meeting-editor-progress.c). */
void
_sl_meeting_editor_evidence_ask_reason (SlMeetingEditor *self,
                                        const char      *body)
{
  GtkWidget *entry;
  GtkWidget *dialog;

  dialog = text_dialog (self, _("Reason for the Revision"), body,
                        _("Reason for the change"), NULL, "revise", _("_Revise"), &entry);
  require_text (dialog, entry, "revise");
  gtk_widget_set_name (dialog, "sl-reason-dialog");
  self->reason_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->reason_dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reason_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* 修订…: the reason first, then the fields open. */
static void
revise_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  if (self->meeting == NULL || !self->final || self->locked || self->session != NULL ||
      self->reason_dialog != NULL)
    return;

  /* The session builds on what the ledger holds now: a measure marked
   * done elsewhere since it was read would make its first save stale. */
  sl_meeting_editor_reload (self);
  if (!self->final || self->locked || self->state_error != NULL)
    return;

  _sl_meeting_editor_evidence_ask_reason (self,
                                          _("This meeting is final. What you change now is kept as one "
                                            "revision, with the content before it, who changed it and "
                                            "why. Why is it changed?"));
}

static void
end_session (SlMeetingEditor *self,
             const char      *text)
{
  g_clear_pointer (&self->session, sl_revision_session_free);
  _sl_meeting_editor_evidence_update (self);
  _sl_meeting_editor_set_state (self, text, FALSE);
}

static void
on_held_response (AdwMessageDialog *dialog,
                  const char       *response,
                  SlMeetingEditor  *self)
{
  if (self->session == NULL)
    return;

  if (g_str_equal (response, "apply"))
    {
      _sl_meeting_editor_apply_again (self);
      /* Refused again (changed once more, busy): the header says why and
       * the change stays, unsaved; the session stays open. */
      if (!self->dirty && !self->waiting && !sl_meeting_editor_holds_unsaved (self))
        end_session (self, _("Revision finished: the meeting is final again"));
    }
  else if (g_str_equal (response, "drop"))
    {
      _sl_meeting_editor_reload_all (self);
      end_session (self, _("Your change was dropped: the meeting shows what the ledger holds"));
    }
}

/* 完成修订: what is typed is stored, and the meeting is read-only again.
 * Never over a change that is not stored: the session stays open with
 * it, and a change a stale save left in the fields is asked about. */
static void
finish_revision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->session == NULL)
    return;
  /* Not stored: the session stays open, with what is typed. */
  if (!sl_meeting_editor_flush (self, &error) || self->dirty || self->waiting)
    return;
  if (!sl_meeting_editor_holds_unsaved (self))
    {
      end_session (self, _("Revision finished: the meeting is final again"));
      return;
    }

  dialog = adw_message_dialog_new (parent_window (self), _("Your Change Is Not Saved"),
                                   _("This meeting was changed elsewhere while you revised it, so your "
                                     "last change was not stored and the revision is not finished. "
                                     "Apply it again on the newer version, or keep it in its field to "
                                     "copy it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep to Copy"),
                                    "drop", _("_Drop It"),
                                    "apply", _("_Apply Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "drop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_widget_set_name (dialog, "sl-held-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_held_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* 重新应用: the change a stale save left in the fields, saved now. */
static void
apply_again_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _sl_meeting_editor_apply_again (SL_MEETING_EDITOR (widget));
}

/* Finalising ----------------------------------------------------------------------- */

static void
on_finalize_response (AdwMessageDialog *dialog,
                      const char       *response,
                      SlMeetingEditor  *self)
{
  g_autofree char *by = entry_text (GTK_WIDGET (dialog));
  g_autoptr(GError) error = NULL;
  g_autoptr(SlFinal) final = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *body = NULL;
  GtkWidget *done;

  if (!g_str_equal (response, "finalize") || by == NULL || self->meeting == NULL)
    return;

  if (!sl_evidence_finalize (self->ledger, sl_record_get_id (SL_RECORD (self->meeting)), by, &final, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Not finalised: %s"), error->message);
      _sl_meeting_editor_set_state (self, text, TRUE);
      return;
    }

  /* sl_evidence_finalize() remembered the name for the next time. */
  _sl_meeting_editor_evidence_update (self);
  g_signal_emit (self, _sl_meeting_editor_signals[SAVED], 0, self->meeting);

  mark = _sl_meeting_editor_evidence_final_mark (final);
  body = g_strdup_printf (_("%s\nFinalised by %s. The minutes print this check code; "
                            "a check of the ledger finds any change made to it outside Study Ledger."),
                          mark, final->finalized_by ? final->finalized_by : by);
  done = adw_message_dialog_new (parent_window (self), _("Meeting Finalised"), body);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (done), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (done), "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (done), TRUE);
  g_object_set_data_full (G_OBJECT (done), "sl-hash", g_strdup (final->hash), g_free);
  gtk_widget_set_name (done, "sl-finalized-dialog");
  gtk_window_present (GTK_WINDOW (done));
}

/* 转到该发言: the half-filled speech opened, on what it lacks, in view. */
static void
on_gap_response (AdwMessageDialog *dialog,
                 const char       *response,
                 SlMeetingEditor  *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "sl-position"));
  SlSpeechGap gap = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sl-gap"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->speeches_list), position);

  if (!g_str_equal (response, "go") || !SL_IS_MEETING_SPEECH_ROW (row))
    return;

  if (gap == SL_SPEECH_GAP_POINTS)
    sl_meeting_speech_row_focus_points (SL_MEETING_SPEECH_ROW (row));
  else
    sl_meeting_speech_row_focus_speaker (SL_MEETING_SPEECH_ROW (row));
  /* A drop-down with the focus shows it only by its ring. */
  if (parent_window (self) != NULL)
    gtk_window_set_focus_visible (parent_window (self), TRUE);
  _sl_meeting_editor_reveal_focus (self);
}

/* A speech half filled keeps the meeting from being final: said before
 * the name is asked, in a dialog (the header's line is too short for it,
 * and core's message names the meeting by its id, for the command line),
 * with the way to the speech. */
static gboolean
refuse_gap (SlMeetingEditor *self)
{
  g_autofree char *body = NULL;
  SlSpeechGapAt at;
  GtkWidget *dialog;

  if (!sl_evidence_find_speech_gap (self->ledger, self->meeting, &at))
    return FALSE;

  if (at.gap == SL_SPEECH_GAP_POINTS)
    body = g_strdup_printf (_("Speech %u, by %s, has no text. Write what was said, or delete the "
                              "speech, then finalise."), at.number, at.speaker);
  else
    body = g_strdup_printf (_("Speech %u has no speaker. Choose who spoke, or delete the speech, "
                              "then finalise."), at.number);

  dialog = adw_message_dialog_new (parent_window (self), _("Not Ready to Finalise"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "go", _("_Go to the Speech"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "go");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_widget_set_name (dialog, "sl-not-ready-dialog");
  g_object_set_data (G_OBJECT (dialog), "sl-position", GUINT_TO_POINTER (at.position));
  g_object_set_data (G_OBJECT (dialog), "sl-gap", GINT_TO_POINTER (at.gap));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_gap_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
finalize_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->meeting == NULL || self->final)
    return;

  /* What is typed is stored first: the hash is of what the ledger holds. */
  if (!sl_meeting_editor_flush (self, &error) || !self->stored)
    {
      _sl_meeting_editor_set_state (self, _("Not finalised: the meeting is not saved yet"), TRUE);
      return;
    }
  if (refuse_gap (self))
    return;

  dialog = text_dialog (self, _("Finalise the Meeting?"),
                        _("A final meeting records when and by whom it was signed off and the "
                          "SHA-256 of its content. Every later change needs a reason and is kept "
                          "in its history."),
                        _("Finalised by"), proposed_by (self),
                        "finalize", _("_Finalise"), &entry);
  require_text (dialog, entry, "finalize");
  gtk_widget_set_name (dialog, "sl-finalize-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finalize_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* History ---------------------------------------------------------------------------- */

/* A version restored: a revision of its own. The editor reads the whole
 * meeting again, every field, list and its change count, so that the
 * next save goes on top of the restored content; a field that had the
 * focus keeps nothing of the older text. The session ends: the next
 * change is a new revision, with its own reason. */
static void
on_history_restored (SlMeetingEditor *self)
{
  g_clear_pointer (&self->session, sl_revision_session_free);
  _sl_meeting_editor_reload_all (self);
  _sl_meeting_editor_evidence_update (self);
  _sl_meeting_editor_set_state (self, _("Version restored: the editor shows it"), FALSE);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);
  GtkWidget *history;

  if (self->meeting == NULL || !self->stored)
    return;

  sl_meeting_editor_flush (self, NULL);
  history = sl_meeting_history_new (parent_window (self), self->ledger,
                                    sl_record_get_id (SL_RECORD (self->meeting)),
                                    _sl_meeting_editor_evidence_by (self));
  g_signal_connect_object (history, "restored", G_CALLBACK (on_history_restored), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (history));
}

/* Unlocking -------------------------------------------------------------------------- */

static void
on_unlock_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SlMeetingEditor  *self)
{
  g_autofree char *reason = entry_text (GTK_WIDGET (dialog));
  g_autoptr(SlYearLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "unlock") || reason == NULL || self->meeting == NULL)
    return;

  lock = _sl_meeting_editor_evidence_find_lock (self);
  if (lock == NULL ||
      !sl_evidence_unlock_year (self->ledger, lock->organization, lock->year, reason, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Not unlocked: %s"),
                                               error ? error->message : _("the lock was not found"));
      _sl_meeting_editor_set_state (self, text, TRUE);
      return;
    }
  _sl_meeting_editor_evidence_update (self);
  _sl_meeting_editor_set_state (self, _("Year unlocked"), FALSE);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->meeting == NULL || !self->locked)
    return;

  heading = g_strdup_printf (_("Unlock the Year %d?"), sl_meeting_get_year (self->meeting));
  dialog = text_dialog (self, heading,
                        _("Its meetings, plan and research topics become editable again. The reason "
                          "is recorded with the lock's history."),
                        _("Reason for unlocking"), NULL, "unlock", _("_Unlock"), &entry);
  require_text (dialog, entry, "unlock");
  gtk_widget_set_name (dialog, "sl-unlock-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unlock_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_sl_meeting_editor_dialogs_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.finalize", NULL, finalize_action);
  gtk_widget_class_install_action (widget_class, "editor.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "editor.unlock-year", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "editor.revise", NULL, revise_action);
  gtk_widget_class_install_action (widget_class, "editor.finish-revision", NULL, finish_revision_action);
  gtk_widget_class_install_action (widget_class, "editor.apply-again", NULL, apply_again_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.finalize", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.history", NULL);
}
