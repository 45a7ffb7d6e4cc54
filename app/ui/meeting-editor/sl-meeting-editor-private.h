/* sl-meeting-editor-private.h — what the meeting editor's files share: its struct and internal calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlMeetingEditor is one class in five files, cut along the editor's
 * sections: sl-meeting-editor.c (state, saving, prefill, binding a
 * meeting, the object), sl-meeting-editor-pickers.c (kind, form,
 * organization, plan item, calendar), sl-meeting-editor-lists.c (studies,
 * speeches, measures, guests, attendance, adding and undoing rows),
 * sl-meeting-editor-actions.c (the editor.* actions and which are
 * enabled) and sl-meeting-editor-sync.c (other programs writing the same
 * meeting), sl-meeting-editor-evidence.c (draft or final, reasons,
 * a locked year) and sl-meeting-editor-dialogs.c (the dialogs of the
 * evidence actions: 定稿, 修订理由, 完成修订, 历史, 解锁). Only those files include this header, after
 * sl-meeting-editor.h.
 */

#pragma once

#include <adwaita.h>

#include "sl-meeting-monitor.h"
#include "sl-meeting-people.h"
#include "sl-meeting-watch.h"
#include "sl-evidence.h"
#include "sl-save-queue.h"
#include "sl-year-lock-watch.h"
#include "sl-types.h"

G_BEGIN_DECLS

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
  GtkWidget        *add_person_search;
  GtkWidget        *add_everyone_button;
  guint             add_person_focus_idle;
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
  GtkWidget        *reveal_row;     /* weak: a row just added, shown whole */
  graphene_rect_t   reveal_last;    /* what is shown's bounds at the last frame */
  gint64            reveal_since;   /* frame time of the first frame, µs */
  double            reveal_value;   /* the scroll it set last */
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
  /* A save refused as stale left the user's change in the fields, over
   * the newer version: not saved until applied again (or typed on). */
  guint             held : 1;
  SlMeetingWatch   *meeting_watch;  /* the ledger's, borrowed: saves by other pages */

  /* Evidence (sl-meeting-editor-evidence.c) */
  GtkWidget        *state_badge;    /* 草稿 / 定稿 */
  GtkWidget        *lock_revealer;  /* the banner of a locked year */
  GtkWidget        *lock_label;
  GtkWidget        *progress_button; /* on the lock's banner: 更新落实情况… / 完成 */
  GtkWidget        *content;        /* every field: read-only in a locked year */
  GtkWidget        *reason_dialog;  /* weak: asking for the reason */
  GtkWidget        *attachments;    /* SlMeetingAttachments */

  /* 学习方案 of a central-group session (sl-meeting-session-plan.c) */
  GtkWidget        *session_plan;
  SlRevisionSession *session;      /* 修订…: the reason of this revision session, or NULL */
  GtkWidget        *final_revealer; /* the banner of a final meeting: 修订… / 完成修订 */
  GtkWidget        *final_label;
  GtkWidget        *final_button;
  SlYearLockWatch  *lock_watch;     /* the ledger's, borrowed */
  char             *state_error;    /* why the final or locked state could not be read */
  guint             final : 1;
  guint             locked : 1;
  guint             read_only : 1;  /* locked, final outside a revision session, or unknown */
};

enum {
  SAVED,
  CLOSE,
  DELETE,
  N_SIGNALS
};

extern guint _sl_meeting_editor_signals[N_SIGNALS];

/* sl-meeting-editor.c */
int _sl_meeting_editor_meeting_year (SlMeetingEditor *self);
void _sl_meeting_editor_update_year_hint (SlMeetingEditor *self);
SlOrganization *_sl_meeting_editor_meeting_organization (SlMeetingEditor *self);
void _sl_meeting_editor_set_state (SlMeetingEditor *self, const char *text, gboolean error);
void _sl_meeting_editor_update_heading (SlMeetingEditor *self);
void _sl_meeting_editor_update_title (SlMeetingEditor *self, gboolean force);
void _sl_meeting_editor_refill (SlMeetingEditor *self, gboolean force);
void _sl_meeting_editor_schedule_save (SlMeetingEditor *self);

/* sl-meeting-editor-pickers.c */
void _sl_meeting_editor_sync_kind_row (SlMeetingEditor *self);
void _sl_meeting_editor_on_kind_selected (SlMeetingEditor *self);
void _sl_meeting_editor_sync_form_row (SlMeetingEditor *self);
void _sl_meeting_editor_on_form_selected (SlMeetingEditor *self);
void _sl_meeting_editor_sync_organization_row (SlMeetingEditor *self);
void _sl_meeting_editor_on_organization_selected (SlMeetingEditor *self);
void _sl_meeting_editor_rebuild_plan_items (SlMeetingEditor *self);
void _sl_meeting_editor_sync_plan_item_row (SlMeetingEditor *self);
void _sl_meeting_editor_on_plan_item_selected (SlMeetingEditor *self);
void _sl_meeting_editor_on_calendar_shown (SlMeetingEditor *self);
void _sl_meeting_editor_on_calendar_day_selected (SlMeetingEditor *self);

/* sl-meeting-editor-lists.c */
void _sl_meeting_editor_undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
GtkWidget *_sl_meeting_editor_create_study_row (gpointer item, gpointer user_data);
void _sl_meeting_editor_renumber_speeches (SlMeetingEditor *self);
GtkWidget *_sl_meeting_editor_create_speech_row (gpointer item, gpointer user_data);
GtkWidget *_sl_meeting_editor_create_measure_row (gpointer item, gpointer user_data);
GtkWidget *_sl_meeting_editor_create_guest_row (gpointer item, gpointer user_data);
GtkWidget *_sl_meeting_editor_create_chip (gpointer item, gpointer user_data);
void _sl_meeting_editor_on_child_activated (SlMeetingEditor *self, GtkFlowBoxChild *child);
void _sl_meeting_editor_on_add_person_shown (SlMeetingEditor *self);
void _sl_meeting_editor_on_add_person_activated (SlMeetingEditor *self, GtkListBoxRow *row);
void _sl_meeting_editor_add_person_keys (SlMeetingEditor *self);
void _sl_meeting_editor_on_add_everyone_clicked (SlMeetingEditor *self);
void _sl_meeting_editor_add_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void _sl_meeting_editor_reveal_focus (SlMeetingEditor *self);
void _sl_meeting_editor_reveal_row (SlMeetingEditor *self, GtkWidget *row);

/* sl-meeting-editor-actions.c */
void _sl_meeting_editor_update_actions (SlMeetingEditor *self);
void _sl_meeting_editor_class_actions_init (GtkWidgetClass *widget_class);

/* sl-meeting-editor-sync.c */
void _sl_meeting_editor_remember_base (SlMeetingEditor *self);
void _sl_meeting_editor_saved (SlMeetingEditor *self);
void _sl_meeting_editor_changed_elsewhere (SlMeetingEditor *self);
void _sl_meeting_editor_on_queue_saved (SlMeetingEditor *self, SlRecord *record);
void _sl_meeting_editor_on_queue_refused (SlMeetingEditor *self, SlRecord *record, GError *error);
void _sl_meeting_editor_unwatch_queue (SlMeetingEditor *self);
void _sl_meeting_editor_watch_queue (SlMeetingEditor *self);
void _sl_meeting_editor_revert (SlMeetingEditor *self);
void _sl_meeting_editor_apply_again (SlMeetingEditor *self);

/* sl-meeting-editor-evidence.c */
const char *_sl_meeting_editor_evidence_by (SlMeetingEditor *self);
void _sl_meeting_editor_evidence_init (SlMeetingEditor *self);
void _sl_meeting_editor_evidence_class_init (GtkWidgetClass *widget_class);
void _sl_meeting_editor_evidence_update (SlMeetingEditor *self);
void _sl_meeting_editor_evidence_reset (SlMeetingEditor *self);
gboolean _sl_meeting_editor_evidence_allow_change (SlMeetingEditor *self);
gboolean _sl_meeting_editor_evidence_save (SlMeetingEditor *self, GError **error);
void _sl_meeting_editor_evidence_watch (SlMeetingEditor *self);
void _sl_meeting_editor_evidence_unwatch (SlMeetingEditor *self);
gboolean _sl_meeting_editor_evidence_refused (SlMeetingEditor *self, const GError *error);
void _sl_meeting_editor_evidence_ask_reason (SlMeetingEditor *self, const char *body);
char *_sl_meeting_editor_evidence_final_mark (const SlFinal *final);
SlYearLock *_sl_meeting_editor_evidence_find_lock (SlMeetingEditor *self);

/* sl-meeting-editor-dialogs.c: the dialogs of the evidence actions */
void _sl_meeting_editor_dialogs_class_init (GtkWidgetClass *widget_class);

/* sl-meeting-editor-progress.c: a locked year's measures' progress */
gboolean _sl_meeting_editor_progress_open (SlMeetingEditor *self);
void _sl_meeting_editor_progress_row (SlMeetingEditor *self, GtkWidget *row);
void _sl_meeting_editor_progress_apply (SlMeetingEditor *self);
char *_sl_meeting_editor_progress_note (SlMeetingEditor *self);
typedef enum {
  SL_PROGRESS_CHANGE_NONE,      /* the ledger holds it already */
  SL_PROGRESS_CHANGE_PROGRESS,  /* the progress of measures alone, while it may change */
  SL_PROGRESS_CHANGE_OTHER,
} SlProgressChange;
SlProgressChange _sl_meeting_editor_progress_judge (SlMeetingEditor *self);
void _sl_meeting_editor_progress_init (SlMeetingEditor *self, GtkWidget *banner);
void _sl_meeting_editor_progress_class_init (GtkWidgetClass *widget_class);
void _sl_meeting_editor_reload_all (SlMeetingEditor *self);

G_END_DECLS
