/* sl-meeting-editor-evidence.c — a meeting as evidence: draft or final, reasons, a locked year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's header says whether the meeting is a draft (草稿) or final
 * (定稿); editor.finalize asks for the name of who signs it off (kept in
 * the ledger's settings, so it is typed once) and then shows the 校验码.
 * A final meeting is read-only under a banner whose 修订… asks for the
 * reason (修订理由) BEFORE anything can be typed: a dialog that pops up
 * at the first keystroke took the focus and the rest of the typing with
 * it. With a reason the fields open for one revision session, which
 * lasts until 完成修订, another meeting, or the editor closing; its saves
 * are one revision in the history (SlRevisionSession in the core). Cancel
 * leaves the fields read-only and nothing saved.
 *
 * A meeting of a locked year shows a banner saying since when and by
 * whom, and its fields are read-only; the banner's 解锁… asks for the
 * reason the core records with the unlock; the progress of its measures
 * stays open (sl-meeting-editor-progress.c). A lock made while the meeting
 * is open (the overview here: SlYearLockWatch; another program: the
 * window's SlLedgerWatch, through sl_meeting_editor_reload()) turns it
 * read-only at once, and what was typed and not yet saved is dropped,
 * saying so, never saved later under another reason. A save the core
 * refuses (locked, final without a reason) is dropped the same way.
 *
 * A ledger that cannot say whether the meeting is final or its year
 * locked (busy, I/O, damaged) is not taken for either: the header names
 * the error and the fields keep what is typed, unsaved.
 *
 * Widgets are added here, in code, around the template's: the state
 * badge beside the meeting menu, the banner under the header bar. The
 * dialogs its actions open (定稿, 修订理由, 完成修订, 历史, 解锁) are in
 * sl-meeting-editor-dialogs.c.
 */

#define G_LOG_DOMAIN "sl-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-database.h"
#include "sl-date.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-editor-private.h"
#include "sl-meeting-attachments.h"
#include "sl-meeting-fields.h"
#include "sl-record.h"
#include "sl-save-queue.h"
#include "sl-ui-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlYearLock, sl_year_lock_free)

/* The ledger setting that remembers who finalises (as `finalize --by`). */
const char *
_sl_meeting_editor_evidence_by (SlMeetingEditor *self)
{
  return sl_evidence_default_by (self->ledger);
}

/* “定稿 2025-03-01 · 校验码 1A2B-3C4D-5E6F”, as the minutes print it
 * (in capitals, as there: the secretary compares the two). */
char *
_sl_meeting_editor_evidence_final_mark (const SlFinal *final)
{
  g_autofree char *hash = g_ascii_strup (final->hash ? final->hash : "", -1);

  if (strlen (hash) < 12)
    return g_strdup (_("Final"));
  /* Translators: the final state of a meeting, its date and the first 12
   * hex digits of its hash; 定稿 … · 校验码 … */
  return g_strdup_printf (_("Final %.10s · check code %.4s-%.4s-%.4s"),
                          final->finalized_at ? final->finalized_at : "", hash, hash + 4, hash + 8);
}

/* The lock of the meeting's year, a copy, or NULL. */
SlYearLock *
_sl_meeting_editor_evidence_find_lock (SlMeetingEditor *self)
{
  g_autoptr(GPtrArray) locks = NULL;
  const char *organization = sl_meeting_get_organization (self->meeting);
  int year = sl_meeting_get_year (self->meeting);
  SlYearLock *found = NULL;

  if (!(locks = sl_evidence_load_locks (self->ledger, NULL)))
    return NULL;

  /* The meeting's own organization first; else an organization above it. */
  for (guint i = 0; i < locks->len; i++)
    {
      SlYearLock *lock = g_ptr_array_index (locks, i);

      if (lock->unlocked_at != NULL || lock->year != year)
        continue;
      if (found == NULL || g_strcmp0 (lock->organization, organization) == 0)
        found = lock;
    }

  if (found != NULL)
    {
      SlYearLock *copy = g_new0 (SlYearLock, 1);

      copy->organization = g_strdup (found->organization);
      copy->year = found->year;
      copy->locked_at = g_strdup (found->locked_at);
      copy->locked_by = g_strdup (found->locked_by);
      return copy;
    }
  return NULL;
}

/* The fields the user types in: every section but the attachments,
 * which a final meeting still opens and copies (they ask their own reason
 * to change); in a locked year, everything. */
static void
set_fields_editable (SlMeetingEditor *self,
                     gboolean         editable,
                     gboolean         attachments)
{
  GtkWidget *box = adw_clamp_get_child (ADW_CLAMP (self->content));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The measures' section while their progress may change in a locked
   * year stays open (_sl_meeting_editor_progress_apply): never closed and
   * opened again here, for each save of a final meeting's progress comes
   * here, and the focus taken from the field mid-typing lost the next
   * key (issue 17: 落实情况 arrived as 落). */
  GtkWidget *open_section = !editable && _sl_meeting_editor_progress_open (self) ? self->measures_list : NULL;

  /* A field made insensitive while it has the focus leaves GtkText
   * without its focus-out: the focus goes to the state badge first. */
  if (!editable && focus != NULL && gtk_widget_is_ancestor (focus, self->content) &&
      !(open_section != NULL && (focus == open_section || gtk_widget_is_ancestor (focus, open_section))) &&
      !gtk_widget_grab_focus (self->state_badge))
    gtk_root_set_focus (root, NULL);

  gtk_widget_set_sensitive (self->content, TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean open = open_section != NULL &&
                      (child == open_section || gtk_widget_is_ancestor (open_section, child));

      gtk_widget_set_sensitive (child, child == self->attachments ? attachments : editable || open);
    }
}

static void
show_final_banner (SlMeetingEditor *self)
{
  gboolean shown = self->final && !self->locked && self->state_error == NULL;

  if (shown && self->session != NULL)
    {
      g_autofree char *text =
        /* Translators: 修订中（理由：…）：所作修改保存为一次修订 */
        g_strdup_printf (_("Revising (reason: %s): the changes are kept as one revision of this final "
                           "meeting"), sl_revision_session_get_reason (self->session));

      gtk_label_set_label (GTK_LABEL (self->final_label), text);
      gtk_button_set_label (GTK_BUTTON (self->final_button), _("Finish R_evision"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->final_button), "editor.finish-revision");
    }
  else if (shown)
    {
      gtk_label_set_label (GTK_LABEL (self->final_label),
                           _("This meeting is final: it is read-only. To change it, click Revise… and "
                             "give the reason first"));
      gtk_button_set_label (GTK_BUTTON (self->final_button), _("R_evise…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->final_button), "editor.revise");
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->final_revealer), shown);
}

/* Reads whether the meeting is final and its year locked, and shows it.
 * An error reading either is shown as such, not as 草稿 or as a lock. */
void
_sl_meeting_editor_evidence_update (SlMeetingEditor *self)
{
  g_autoptr(SlFinal) final = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) lock_error = NULL;
  gboolean final_known = TRUE;
  gboolean was_locked = self->locked;
  gboolean locked = FALSE;
  gboolean had_error = self->state_error != NULL;

  g_clear_pointer (&self->state_error, g_free);
  self->final = FALSE;
  if (self->meeting != NULL && self->stored)
    {
      gint64 key = sl_record_get_key (SL_RECORD (self->meeting));

      if (key > 0 && !sl_evidence_get_final (self->ledger, key, &final, &error))
        final_known = FALSE;
      self->final = final != NULL;
    }
  /* A new draft too: in a locked year it is read-only before she types,
   * rather than refused, and her text dropped, at its first save. */
  if (self->meeting != NULL && self->ledger != NULL)
    {
      if (!sl_evidence_check_year_open (self->ledger, sl_meeting_get_organization (self->meeting),
                                        sl_meeting_get_year (self->meeting), &lock_error))
        {
          if (g_error_matches (lock_error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED))
            locked = TRUE;
          else
            {
              /* Not known: as it was, for the fields. */
              locked = was_locked;
              if (error == NULL)
                error = g_steal_pointer (&lock_error);
            }
        }
    }
  self->locked = locked;
  /* Locked while open: the revision session ends with it (below: what
   * was typed is dropped); a final meeting's progress asks its own. */
  if (locked && !was_locked && self->meeting != NULL && self->stored)
    g_clear_pointer (&self->session, sl_revision_session_free);
  if (error != NULL)
    {
      g_autofree char *path = self->ledger ? g_strdup (sl_database_get_path (sl_ledger_get_database (self->ledger)))
                                           : NULL;

      /* Translators: what, where, how to fix: 读不出…：错误（台账 路径）。… */
      self->state_error = g_strdup_printf (_("Cannot read whether this meeting is final or its year locked: "
                                             "%s (ledger %s). Nothing typed is saved meanwhile; check the "
                                             "ledger with “study-ledger check”, or restore a backup"),
                                           error->message, path ? path : "—");
      _sl_meeting_editor_set_state (self, self->state_error, TRUE);
    }
  else if (had_error)
    {
      _sl_meeting_editor_set_state (self, self->dirty ? _("Not saved yet") : "", FALSE);
      /* Put right: what was typed meanwhile is saved now, not left for a
       * next change that may never come (a ledger busy for a moment
       * under load left an added study unsaved). A year found locked or
       * a final meeting drops it with its own message, as a change typed
       * then would be. */
      if (self->dirty && !self->loading && self->meeting != NULL &&
          _sl_meeting_editor_evidence_allow_change (self))
        _sl_meeting_editor_schedule_save (self);
    }
  if (!self->final && self->session != NULL && final_known)
    g_clear_pointer (&self->session, sl_revision_session_free);

  gtk_widget_set_visible (self->state_badge, self->meeting != NULL);
  gtk_widget_remove_css_class (self->state_badge, "sl-final");
  gtk_widget_remove_css_class (self->state_badge, "sl-draft");
  if (!final_known)
    {
      gtk_button_set_label (GTK_BUTTON (self->state_badge), _("State unknown"));
      gtk_widget_set_tooltip_text (self->state_badge, self->state_error);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->state_badge), NULL);
    }
  else if (self->final)
    {
      g_autofree char *mark = _sl_meeting_editor_evidence_final_mark (final);
      g_autofree char *tip = g_strdup_printf (_("%s, by %s. Show the revision history (Ctrl+H)"), mark,
                                              final->finalized_by ? final->finalized_by : "—");

      gtk_button_set_label (GTK_BUTTON (self->state_badge), _("Final"));
      gtk_widget_set_tooltip_text (self->state_badge, tip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->state_badge), "editor.history");
      gtk_widget_add_css_class (self->state_badge, "sl-final");
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (self->state_badge), _("Draft"));
      gtk_widget_set_tooltip_text (self->state_badge, _("A draft: finalise it once it is signed off (Ctrl+Shift+F)"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->state_badge), "editor.finalize");
      gtk_widget_add_css_class (self->state_badge, "sl-draft");
    }

  if (locked)
    {
      g_autoptr(SlYearLock) lock = _sl_meeting_editor_evidence_find_lock (self);
      g_autofree char *text = NULL;
      g_autofree char *since = lock ? sl_date_local_time_text (lock->locked_at) : NULL;
      g_autofree char *note = _sl_meeting_editor_progress_note (self);
      g_autofree char *line = NULL;

      if (lock != NULL)
        /* Translators: 本年度已锁定（who, when），解锁需填写理由 */
        text = g_strdup_printf (_("The year %d is locked (by %s, %s): its records are read-only; "
                                  "unlocking needs a reason"),
                                sl_meeting_get_year (self->meeting),
                                lock->locked_by ? lock->locked_by : "—",
                                since);
      else
        text = g_strdup_printf (_("The year %d is locked: its records are read-only; unlocking needs a reason"),
                                sl_meeting_get_year (self->meeting));
      line = g_strconcat (text, "\n", note, NULL);
      gtk_label_set_label (GTK_LABEL (self->lock_label), line);
    }
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->lock_revealer), locked);
  show_final_banner (self);

  self->read_only = locked || (self->final && self->session == NULL);
  if (locked)
    set_fields_editable (self, FALSE, FALSE);
  else
    set_fields_editable (self, !self->read_only, TRUE);
  _sl_meeting_editor_progress_apply (self);

  sl_meeting_attachments_set (SL_MEETING_ATTACHMENTS (self->attachments), self->ledger,
                             self->meeting != NULL && self->stored ? sl_record_get_id (SL_RECORD (self->meeting)) : NULL,
                             self->final, _sl_meeting_editor_evidence_by (self),
                             self->session ? sl_revision_session_get_reason (self->session) : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.finalize",
                                 self->meeting != NULL && final_known && !self->final && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.history", self->meeting != NULL && self->stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.unlock-year", locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revise",
                                 self->final && !locked && self->session == NULL && self->state_error == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.finish-revision", self->session != NULL);
  _sl_meeting_editor_update_actions (self);

  /* Locked while open: what was typed and not saved is not kept for a
   * later save (it would go in under another reason, or after the
   * unlock). */
  if (locked && !was_locked && self->meeting != NULL && self->stored)
    {
      gboolean dropped = self->dirty || sl_meeting_fields_has_pending (GTK_WIDGET (self));
      g_autofree char *text = NULL;

      if (dropped)
        {
          _sl_meeting_editor_revert (self);
          text = g_strdup_printf (_("Not saved: the year %d was locked meanwhile, so the last changes to "
                                    "this meeting were dropped; it shows what the ledger holds"),
                                  sl_meeting_get_year (self->meeting));
          _sl_meeting_editor_set_state (self, text, TRUE);
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Year locked: unsaved changes dropped")));
        }
    }
}

/* A new meeting in the editor: a new editing session, a new reason. */
void
_sl_meeting_editor_evidence_reset (SlMeetingEditor *self)
{
  g_clear_pointer (&self->session, sl_revision_session_free);
  if (self->reason_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->reason_dialog));
  self->locked = FALSE;
  _sl_meeting_editor_evidence_update (self);
}

/* A save the core refused for the meeting's state (its year locked, final
 * without a reason): what was typed is dropped, with the reason, and the
 * fields show what the ledger holds again; kept, it would go in with the
 * next save, under whatever reason that one has. Returns whether @error
 * was such a refusal. */
gboolean
_sl_meeting_editor_evidence_refused (SlMeetingEditor *self,
                                     const GError    *error)
{
  g_autofree char *text = NULL;

  if (!g_error_matches (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_LOCKED) &&
      !g_error_matches (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_NEEDS_REASON))
    return FALSE;

  /* A save that waited for a busy ledger is retried by the save queue,
   * which knows no reasons: within the revision session it is saved
   * again, with the session's reason, not dropped. */
  if (g_error_matches (error, SL_EVIDENCE_ERROR, SL_EVIDENCE_ERROR_NEEDS_REASON) &&
      self->final && self->session != NULL)
    {
      self->dirty = TRUE;
      _sl_meeting_editor_schedule_save (self);
      return TRUE;
    }

  _sl_meeting_editor_revert (self);
  self->waiting = FALSE;
  _sl_meeting_editor_evidence_update (self);
  /* Translators: 未保存：…。这次修改已撤销 */
  text = g_strdup_printf (_("Not saved: %s. The change was dropped"), error->message);
  _sl_meeting_editor_set_state (self, text, TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Change refused and dropped")));
  return TRUE;
}

/* The year's lock changed: through this ledger (the overview), or seen in
 * sl_meeting_editor_reload() for another program's. */
static void
on_locks_changed (SlMeetingEditor *self)
{
  if (self->meeting != NULL)
    _sl_meeting_editor_evidence_update (self);
}

void
_sl_meeting_editor_evidence_watch (SlMeetingEditor *self)
{
  _sl_meeting_editor_evidence_unwatch (self);
  self->lock_watch = self->ledger ? sl_year_lock_watch_get (self->ledger) : NULL;
  if (self->lock_watch != NULL)
    g_signal_connect_swapped (self->lock_watch, "changed", G_CALLBACK (on_locks_changed), self);
}

void
_sl_meeting_editor_evidence_unwatch (SlMeetingEditor *self)
{
  if (self->lock_watch != NULL)
    g_signal_handlers_disconnect_by_data (self->lock_watch, self);
  self->lock_watch = NULL;
}

/* Saving with the session's reason ------------------------------------------------ */

gboolean
_sl_meeting_editor_evidence_save (SlMeetingEditor  *self,
                                  GError          **error)
{
  SlSaveQueue *queue = sl_save_queue_get (self->ledger);
  gboolean with_reason = self->final && self->session != NULL;
  gboolean was_stored = self->stored;
  gboolean ok;

  /* The session's reason reaches only this save's change
   * (sl_evidence_change_begin), which adds to the session's revision. */
  if (with_reason)
    sl_evidence_set_session (self->ledger, self->session);
  ok = sl_save_queue_save (queue, SL_RECORD (self->meeting), error);
  if (with_reason)
    sl_evidence_set_session (self->ledger, NULL);

  /* Re-finalised with a new hash; or a draft just stored, which can now
   * take attachments. */
  if (ok && (self->final || !was_stored))
    {
      self->stored = TRUE;
      _sl_meeting_editor_evidence_update (self);
    }
  return ok;
}

/* Whether the change just made may be saved now. A final meeting outside
 * a revision session is read-only; a change that got through anyway (a
 * shortcut, another part of the program) is undone, never asked about
 * mid-typing. */
gboolean
_sl_meeting_editor_evidence_allow_change (SlMeetingEditor *self)
{
  SlProgressChange change = self->locked && self->state_error == NULL
                            ? _sl_meeting_editor_progress_judge (self) : SL_PROGRESS_CHANGE_OTHER;

  /* The echo of a revert: nothing to save, and the message stays. */
  if (change == SL_PROGRESS_CHANGE_NONE)
    {
      self->dirty = FALSE;
      /* Typed back to what is stored before a waiting save ran. */
      if (self->save_source != 0)
        {
          g_clear_handle_id (&self->save_source, g_source_remove);
          _sl_meeting_editor_set_state (self, _("Saved"), FALSE);
        }
      return FALSE;
    }
  if (change == SL_PROGRESS_CHANGE_PROGRESS)
    return TRUE;
  if (self->locked && self->state_error == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: the year %d is locked; the change was dropped"),
                                               sl_meeting_get_year (self->meeting));

      _sl_meeting_editor_revert (self);
      _sl_meeting_editor_set_state (self, text, TRUE);
      return FALSE;
    }
  if (!self->final || self->session != NULL)
    return TRUE;

  _sl_meeting_editor_revert (self);
  _sl_meeting_editor_set_state (self, _("Not saved: this meeting is final; click Revise… and give a reason "
                                        "before changing it"), TRUE);
  return FALSE;
}

/* Setting up ------------------------------------------------------------------------- */

/* A banner's buttons go under its text on a narrow window: beside it,
 * at 360 px, they left the text four characters a line, 300 px high. */
#define BANNER_STACK_WIDTH 600

static void
stack_banner (GtkWidget *revealer,
              gboolean   narrow)
{
  GtkWidget *banner = gtk_revealer_get_child (GTK_REVEALER (revealer));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (banner),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_halign (gtk_widget_get_last_child (banner), narrow ? GTK_ALIGN_END : GTK_ALIGN_FILL);
}

static void
window_width_changed (SlMeetingEditor *self)
{
  /* The window's size as the user set it; a maximised window is wide. */
  int width = sl_ui_window_width (GTK_WIDGET (self));

  stack_banner (self->lock_revealer, width > 0 && width < BANNER_STACK_WIDTH);
  stack_banner (self->final_revealer, width > 0 && width < BANNER_STACK_WIDTH);
}

void
_sl_meeting_editor_evidence_init (SlMeetingEditor *self)
{
  GtkWidget *toolbar = gtk_widget_get_ancestor (self->heading_label, GTK_TYPE_CENTER_BOX);
  GtkWidget *handle = gtk_widget_get_parent (toolbar);  /* the GtkWindowHandle */
  GtkWidget *column = gtk_widget_get_parent (handle);
  GtkWidget *separator = gtk_widget_get_next_sibling (handle);
  GtkWidget *menu_button = gtk_center_box_get_end_widget (GTK_CENTER_BOX (toolbar));
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  GtkWidget *end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *banner;
  GtkWidget *buttons;
  GtkWidget *button;

  /* The state, beside the menu. */
  self->state_badge = gtk_button_new_with_label (_("Draft"));
  gtk_widget_set_valign (self->state_badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->state_badge, "pill");
  gtk_widget_add_css_class (self->state_badge, "sl-state-badge");
  gtk_widget_set_name (self->state_badge, "sl-state-badge");
  gtk_widget_set_visible (self->state_badge, FALSE);
  g_object_ref (menu_button);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (toolbar), end);
  gtk_box_append (GTK_BOX (end), self->state_badge);
  gtk_box_append (GTK_BOX (end), menu_button);
  g_object_unref (menu_button);
  /* The window's buttons: the page header that had them hides while the
   * editor shows (one header bar per view). */
  gtk_box_append (GTK_BOX (end), gtk_window_controls_new (GTK_PACK_END));

  /* The banner of a locked year, under the header bar. */
  banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (banner, "sl-lock-banner");
  self->lock_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->lock_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->lock_label), 0);
  gtk_widget_set_hexpand (self->lock_label, TRUE);
  /* Its letter is one no field of the editor underlines: Alt+U is the
   * chair's summary (主持人总结和要求(U)). check-mnemonics: sl-meeting-editor.ui */
  button = gtk_button_new_with_mnemonic (_("Re_voke the Lock…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.unlock-year");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (banner), self->lock_label);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (banner), buttons);
  _sl_meeting_editor_progress_init (self, buttons);
  gtk_box_append (GTK_BOX (buttons), button);
  self->lock_revealer = gtk_revealer_new ();
  gtk_widget_set_name (self->lock_revealer, "sl-lock-banner");
  gtk_widget_set_name (self->lock_label, "sl-lock-label");
  gtk_revealer_set_child (GTK_REVEALER (self->lock_revealer), banner);
  gtk_box_insert_child_after (GTK_BOX (column), self->lock_revealer, separator);

  /* The banner of a final meeting: 修订… before any change. */
  banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (banner, "sl-lock-banner");
  self->final_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->final_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->final_label), 0);
  gtk_widget_set_hexpand (self->final_label, TRUE);
  /* check-mnemonics: sl-meeting-editor.ui */
  self->final_button = gtk_button_new_with_mnemonic (_("R_evise…"));
  gtk_button_set_use_underline (GTK_BUTTON (self->final_button), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->final_button), "editor.revise");
  gtk_widget_set_valign (self->final_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (banner), self->final_label);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (banner), buttons);
  gtk_box_append (GTK_BOX (buttons), self->final_button);
  self->final_revealer = gtk_revealer_new ();
  gtk_widget_set_name (self->final_revealer, "sl-final-banner");
  gtk_widget_set_name (self->final_label, "sl-final-label");
  gtk_widget_set_name (self->final_button, "sl-revise-button");
  gtk_revealer_set_child (GTK_REVEALER (self->final_revealer), banner);
  gtk_box_insert_child_after (GTK_BOX (column), self->final_revealer, self->lock_revealer);

  /* What a locked year makes read-only: every field. */
  self->content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller))));

  /* The attachments, the last section. */
  self->attachments = sl_meeting_attachments_new ();
  g_signal_connect_swapped (self->attachments, "changed", G_CALLBACK (_sl_meeting_editor_evidence_update), self);
  gtk_box_append (GTK_BOX (adw_clamp_get_child (ADW_CLAMP (self->content))), self->attachments);

  sl_ui_watch_window_width (GTK_WIDGET (self), G_CALLBACK (window_width_changed));

  if (G_IS_MENU (menu))
    {
      g_autoptr(GMenu) section = g_menu_new ();

      g_menu_append (section, _("_Finalise…"), "editor.finalize");
      g_menu_append (section, _("Revision _History"), "editor.history");
      g_menu_prepend_section (G_MENU (menu), NULL, G_MENU_MODEL (section));
    }

  _sl_meeting_editor_evidence_update (self);
}

void
_sl_meeting_editor_evidence_class_init (GtkWidgetClass *widget_class)
{
  _sl_meeting_editor_dialogs_class_init (widget_class);
  _sl_meeting_editor_progress_class_init (widget_class);
}
