/* sl-meeting-editor-actions.c — the meeting editor's commands (editor.*) and which are enabled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command of the editor is an action installed in one function
 * (_sl_meeting_editor_class_actions_init()); one function
 * (_sl_meeting_editor_update_actions()) says which are possible. Printing
 * and exporting the meeting's documents is the window's
 * (win.print-document, win.save-document): the editor does not include
 * the documents.
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

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  sl_meeting_editor_flush (self, NULL);
  g_signal_emit (self, _sl_meeting_editor_signals[CLOSE], 0);
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
  g_signal_emit (self, _sl_meeting_editor_signals[DELETE], 0, self->meeting);
}

static void
retitle_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  if (self->meeting != NULL)
    _sl_meeting_editor_update_title (self, TRUE);
}

static void
refill_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMeetingEditor *self = SL_MEETING_EDITOR (widget);

  if (self->meeting != NULL)
    _sl_meeting_editor_refill (self, TRUE);
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

void
_sl_meeting_editor_update_actions (SlMeetingEditor *self)
{
  gboolean editing = self->meeting != NULL;
  /* A final meeting outside its revision session, a locked year: the
   * shortcuts change nothing either. */
  gboolean changing = editing && !self->read_only;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.retitle", changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.refill", changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-study", changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-speech", changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-measure", changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-guest", changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print-sign-in", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print-minutes", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export-minutes", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export-sign-in", editing);
  /* A 学习方案 is a central-group session's only. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.export-session-plan",
                                 editing && sl_meeting_get_kind (self->meeting)
                                            == SL_MEETING_KIND_CENTRAL_GROUP);
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

  if (g_str_has_suffix (action_name, "-session-plan"))
    kind = sl_document_kind_to_code (SL_DOCUMENT_SESSION_PLAN);
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


/* Every command of the editor, and its shortcuts, in one place. */
void
_sl_meeting_editor_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.retitle", NULL, retitle_action);
  gtk_widget_class_install_action (widget_class, "editor.refill", NULL, refill_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, _sl_meeting_editor_undo_action);
  gtk_widget_class_install_action (widget_class, "editor.add-study", NULL, _sl_meeting_editor_add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-speech", NULL, _sl_meeting_editor_add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-measure", NULL, _sl_meeting_editor_add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-guest", NULL, _sl_meeting_editor_add_action);
  gtk_widget_class_install_action (widget_class, "editor.focus-attendance", NULL, focus_attendance_action);
  gtk_widget_class_install_action (widget_class, "editor.print-sign-in", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "editor.print-minutes", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "editor.export-minutes", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "editor.export-sign-in", NULL, document_action);
  gtk_widget_class_install_action (widget_class, "editor.export-session-plan", NULL, document_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "editor.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "editor.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
}

