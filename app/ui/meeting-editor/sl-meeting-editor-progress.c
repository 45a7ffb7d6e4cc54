/* sl-meeting-editor-progress.c — a locked year's meeting: the progress of its measures stays open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A locked year refuses every change to its meetings but one: the
 * follow-up of their measures goes on after the lock (issue 12), so a
 * measure's status, 落实情况 and done day stay open while every other
 * field, row and button is read-only under the lock's banner. The core
 * judges it too (sl_evidence_change_end() compares the meeting without
 * the progress of its measures), so what slips past the widgets is
 * refused there; here a change that is not progress alone is dropped
 * before it is sent.
 *
 * A draft of a locked year takes progress at once: a draft has no
 * history. A final one keeps every change as a revision with a reason, so
 * its progress opens only after the banner's 更新落实情况… has asked the
 * reason, once for the sitting (an SlRevisionSession, as 修订… makes);
 * 完成 ends it, as 完成修订 does.
 */

#define G_LOG_DOMAIN "sl-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-editor-private.h"
#include "sl-meeting-measure-row.h"
#include "sl-record.h"

/* Whether only the progress of the measures takes changes now. */
gboolean
_sl_meeting_editor_progress_open (SlMeetingEditor *self)
{
  return self->locked && self->state_error == NULL && self->meeting != NULL && self->stored &&
         (!self->final || self->session != NULL);
}

/* One measure row as the editor's state wants it; for rows made later. */
void
_sl_meeting_editor_progress_row (SlMeetingEditor *self,
                                 GtkWidget       *row)
{
  if (SL_IS_MEETING_MEASURE_ROW (row))
    sl_meeting_measure_row_set_progress_only (SL_MEETING_MEASURE_ROW (row), self->locked);
}

/* After the sections were made read-only or editable as a whole: the
 * measures' section opens again when their progress may change, and each
 * measure row keeps its other fields closed in a locked year. */
void
_sl_meeting_editor_progress_apply (SlMeetingEditor *self)
{
  GtkWidget *box = adw_clamp_get_child (ADW_CLAMP (self->content));
  gboolean open = _sl_meeting_editor_progress_open (self);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (open && gtk_widget_is_ancestor (self->measures_list, child))
      gtk_widget_set_sensitive (child, TRUE);

  for (GtkWidget *row = gtk_widget_get_first_child (self->measures_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    _sl_meeting_editor_progress_row (self, row);

  gtk_widget_set_visible (self->progress_button, self->locked && self->final && self->state_error == NULL);
  if (self->session != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->progress_button), _("_Finish Update"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->progress_button), "editor.finish-revision");
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (self->progress_button), _("Update _Progress…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->progress_button), "editor.update-progress");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.update-progress",
                                 self->locked && self->final && self->session == NULL &&
                                 self->state_error == NULL && self->meeting != NULL && self->stored);
}

/* The line the lock's banner adds: what still may change, and how. */
char *
_sl_meeting_editor_progress_note (SlMeetingEditor *self)
{
  if (self->final && self->session != NULL)
    /* Translators: 正在更新措施落实情况（理由：…），保存为定稿会议的一次修订 */
    return g_strdup_printf (_("Updating the progress of its measures (reason: %s): kept as one revision "
                              "of this final meeting"), sl_revision_session_get_reason (self->session));
  if (self->final)
    return g_strdup (_("The progress of its measures can still be updated: click Update Progress… and "
                       "give the reason first"));
  return g_strdup (_("The progress of its measures (status, progress, done on) can still be updated"));
}

/* What the change just made is, in a locked year: nothing the ledger
 * does not hold already (the echo of a revert), the progress of measures
 * alone, which may be saved, or anything else. The meeting without its
 * measures' progress is compared with what the ledger holds. */
SlProgressChange
_sl_meeting_editor_progress_judge (SlMeetingEditor *self)
{
  g_autoptr(SlMeeting) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  stored = sl_ledger_load_meeting (self->ledger, sl_record_get_id (SL_RECORD (self->meeting)), NULL);
  if (stored == NULL ||
      !(before = sl_evidence_hash_form (self->ledger, stored, FALSE, NULL)) ||
      !(after = sl_evidence_hash_form (self->ledger, self->meeting, FALSE, NULL)))
    return SL_PROGRESS_CHANGE_OTHER;
  if (g_str_equal (before, after))
    return SL_PROGRESS_CHANGE_NONE;
  if (!_sl_meeting_editor_progress_open (self))
    return SL_PROGRESS_CHANGE_OTHER;

  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  if (!(before = sl_evidence_hash_form (self->ledger, stored, TRUE, NULL)) ||
      !(after = sl_evidence_hash_form (self->ledger, self->meeting, TRUE, NULL)))
    return SL_PROGRESS_CHANGE_OTHER;
  return g_str_equal (before, after) ? SL_PROGRESS_CHANGE_PROGRESS : SL_PROGRESS_CHANGE_OTHER;
}

/* 更新落实情况…: the reason first, then the progress fields open. */
static void
update_progress_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  if (self->meeting == NULL || !self->final || !self->locked || self->session != NULL ||
      self->reason_dialog != NULL)
    return;

  _sl_meeting_editor_evidence_ask_reason (self,
                                          _("This meeting is final and its year is locked: only the "
                                            "progress of its measures can be updated. What you change "
                                            "now is kept as one revision, with the content before it, "
                                            "who changed it and why. Why is it updated?"));
}

void
_sl_meeting_editor_progress_init (SlMeetingEditor *self,
                                  GtkWidget       *banner)
{
  self->progress_button = gtk_button_new_with_mnemonic (_("Update _Progress…"));
  gtk_button_set_use_underline (GTK_BUTTON (self->progress_button), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->progress_button), "editor.update-progress");
  gtk_widget_set_valign (self->progress_button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (self->progress_button, "sl-progress-button");
  gtk_widget_set_visible (self->progress_button, FALSE);
  gtk_box_append (GTK_BOX (banner), self->progress_button);
}

void
_sl_meeting_editor_progress_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.update-progress", NULL, update_progress_action);
}
