/* sl-meeting-editor-lists.c — the meeting editor's lists: studies, speeches, measures, guests, attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each list box is bound to one of the meeting's GListStores; removing a
 * row shows a toast whose “Undo” (editor.undo, Ctrl+Z) puts it back where
 * it was. The attendance is a flow box of chips with a popover to add
 * people. A row just added takes the focus and is scrolled into view.
 */

#define G_LOG_DOMAIN "sl-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
#include "sl-meeting-people-chooser.h"
#include "sl-meeting-suggestion.h"
#include "sl-meeting-speech-row.h"
#include "sl-meeting-study-row.h"
#include "sl-meeting-pool-link.h"
#include "sl-meeting-guest-superior.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-save-queue.h"
#include "sl-session-plan.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-util.h"

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

void
_sl_meeting_editor_undo_action (GtkWidget  *widget,
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

GtkWidget *
_sl_meeting_editor_create_study_row (gpointer item,
                  gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  GtkWidget *row = sl_meeting_study_row_new (item, self->people, _sl_meeting_editor_meeting_year (self));

  if (self->ledger != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              sl_meeting_pool_link_new (self->ledger,
                                                        sl_meeting_get_organization (self->meeting),
                                                        item));

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

void
_sl_meeting_editor_renumber_speeches (SlMeetingEditor *self)
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

GtkWidget *
_sl_meeting_editor_create_speech_row (gpointer item,
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

GtkWidget *
_sl_meeting_editor_create_measure_row (gpointer item,
                    gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  GtkWidget *row = sl_meeting_measure_row_new (item, self->people, _sl_meeting_editor_meeting_year (self));

  /* A row being added opens at once, without the animation: the text
   * field inside must take the keys typed right away. */
  if (self->adding)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_measure_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "add-next", G_CALLBACK (on_add_measure), self, G_CONNECT_SWAPPED);
  /* A locked year: only its progress stays open. */
  _sl_meeting_editor_progress_row (self, row);
  return row;
}

static void
on_guest_remove (SlMeetingEditor *self,
                 GtkWidget       *row)
{
  remove_item (self, sl_meeting_get_guests (self->meeting), row_position (row), _("Guest removed"));
}

GtkWidget *
_sl_meeting_editor_create_guest_row (gpointer item,
                  gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  GtkWidget *row = sl_meeting_guest_row_new (item);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  /* 上级列席旁听: the mark, unit and remarks, before the remove button. */
  gtk_box_insert_child_after (GTK_BOX (box), sl_meeting_guest_superior_new (self->meeting, item),
                              gtk_widget_get_prev_sibling (gtk_widget_get_last_child (box)));

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

GtkWidget *
_sl_meeting_editor_create_chip (gpointer item,
             gpointer user_data)
{
  SlMeetingEditor *self = user_data;
  const char *name = sl_meeting_people_get_name (self->people, sl_attendance_get_member (item));
  GtkWidget *chip = sl_meeting_attendance_chip_new (item, name, _sl_meeting_editor_meeting_year (self));

  g_signal_connect_object (chip, "remove", G_CALLBACK (on_chip_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chip, "popup", G_CALLBACK (on_chip_popup), self, G_CONNECT_SWAPPED);
  return chip;
}

void
_sl_meeting_editor_on_child_activated (SlMeetingEditor *self,
                    GtkFlowBoxChild *child)
{
  self->attendance_touched = TRUE;
  sl_meeting_attendance_cycle (sl_meeting_attendance_chip_get_attendance (SL_MEETING_ATTENDANCE_CHIP (child)));
}

/* 全体成员: the members of the meeting's organization active on its date
 * (core decides who: sl_meeting_draft_everyone()) not on the list yet. */
static GPtrArray *
everyone_not_listed (SlMeetingEditor *self)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *rows = sl_meeting_get_attendance (self->meeting);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) everyone = NULL;

  if (sl_meeting_get_organization (self->meeting) == NULL)
    return missing;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      g_hash_table_add (listed, (gpointer) sl_attendance_get_member (row));
    }

  everyone = sl_meeting_draft_everyone (self->ledger, sl_meeting_get_organization (self->meeting),
                                        sl_meeting_get_kind (self->meeting),
                                        sl_meeting_get_date (self->meeting));
  for (guint i = 0; i < everyone->len; i++)
    {
      SlMember *member = g_ptr_array_index (everyone, i);

      if (!g_hash_table_contains (listed, sl_record_get_id (SL_RECORD (member))))
        g_ptr_array_add (missing, g_object_ref (member));
    }

  return missing;
}

void
_sl_meeting_editor_on_add_everyone_clicked (SlMeetingEditor *self)
{
  g_autoptr(GPtrArray) missing = everyone_not_listed (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *attendance = sl_meeting_get_attendance (self->meeting);
  GtkFlowBoxChild *chip;

  for (guint i = 0; i < missing->len; i++)
    {
      SlAttendance *row = sl_attendance_new ();

      sl_attendance_set_member (row, sl_record_get_id (g_ptr_array_index (missing, i)));
      sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_PRESENT);
      g_ptr_array_add (rows, row);
    }

  gtk_popover_popdown (GTK_POPOVER (self->add_person_popover));
  if (rows->len == 0)
    return;

  /* One change for all of them: one save, one redraw of the chips. */
  self->attendance_touched = TRUE;
  g_list_store_splice (G_LIST_STORE (attendance), g_list_model_get_n_items (attendance), 0,
                       rows->pdata, rows->len);

  chip = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->attendance_box),
                                          g_list_model_get_n_items (attendance) - rows->len);
  if (chip != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (chip));
}

void
_sl_meeting_editor_on_add_person_shown (SlMeetingEditor *self)
{
  g_autoptr(GPtrArray) everyone = everyone_not_listed (self);

  GtkListBox *list = GTK_LIST_BOX (self->add_person_list);
  GListModel *members = sl_ledger_get_members (self->ledger);
  GListModel *rows = sl_meeting_get_attendance (self->meeting);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  const char *date = sl_meeting_get_date (self->meeting);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  gtk_editable_set_text (GTK_EDITABLE (self->add_person_search), "");
  gtk_widget_set_sensitive (self->add_everyone_button, everyone->len > 0);

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
      g_object_set_data_full (G_OBJECT (row), "name", g_strdup (sl_member_get_name (member)), g_free);
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

/* Type-to-search: the names keep the focus (the popover opens on the
 * first, Down goes to the second) and what is typed goes to the search
 * entry through its key capture, though the entry itself takes no focus;
 * the list narrows at each character, and Enter adds the focused name,
 * the first one left. */
static gboolean
add_person_filter (GtkListBoxRow *row,
                   gpointer       user_data)
{
  SlMeetingEditor *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_person_search));
  const char *name = g_object_get_data (G_OBJECT (row), "name");
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_name = NULL;

  if (text == NULL || *text == '\0' || name == NULL)
    return TRUE;

  folded_text = g_utf8_casefold (text, -1);
  folded_name = g_utf8_casefold (name, -1);
  return strstr (folded_name, folded_text) != NULL;
}

static void
on_add_person_search_changed (SlMeetingEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (self->add_person_list);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->add_person_list));

  /* The focused name filtered out: the first one left instead. */
  if (!gtk_widget_get_mapped (self->add_person_popover) ||
      (focus != NULL && gtk_widget_is_ancestor (focus, self->add_person_list) &&
       gtk_widget_get_child_visible (focus)))
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (self->add_person_list);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row) &&
        g_object_get_data (G_OBJECT (row), "member") != NULL)
      {
        gtk_widget_grab_focus (row);
        return;
      }
}

/* Enter goes to the search entry too (it captures every key but the
 * arrows): it adds the focused name, or the first one left. */
static void
on_add_person_search_activate (SlMeetingEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (self->add_person_list);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && GTK_IS_LIST_BOX_ROW (focus) &&
      gtk_widget_get_parent (focus) == self->add_person_list && gtk_widget_get_child_visible (focus))
    {
      _sl_meeting_editor_on_add_person_activated (self, GTK_LIST_BOX_ROW (focus));
      return;
    }
  /* Names marked, with the focus elsewhere: those. */
  if (gtk_list_box_get_selected_rows (GTK_LIST_BOX (self->add_person_list)) != NULL)
    {
      g_autoptr(GList) marked = gtk_list_box_get_selected_rows (GTK_LIST_BOX (self->add_person_list));

      _sl_meeting_editor_on_add_person_activated (self, marked->data);
      return;
    }

  for (GtkWidget *row = gtk_widget_get_first_child (self->add_person_list);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row) &&
        g_object_get_data (G_OBJECT (row), "member") != NULL)
      {
        _sl_meeting_editor_on_add_person_activated (self, GTK_LIST_BOX_ROW (row));
        return;
      }
}

/* When the popover opens, the first name takes the focus: not the
 * popover's own choice, made in its show before the names are there (the
 * show handler makes them), and not where GtkMenuButton's mnemonic leaves
 * it, on the button, after the popover is mapped. So this runs once the
 * key or click that opened it is handled. */
static gboolean
focus_first_person (gpointer data)
{
  SlMeetingEditor *self = data;
  GtkRoot *root = gtk_widget_get_root (self->add_person_list);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->add_person_focus_idle = 0;

  /* Something in the popover chosen meanwhile is left alone. */
  if (!gtk_widget_get_mapped (self->add_person_popover) ||
      (focus != NULL && gtk_widget_is_ancestor (focus, self->add_person_list)))
    return G_SOURCE_REMOVE;

  for (GtkWidget *row = gtk_widget_get_first_child (self->add_person_list);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
      {
        gtk_widget_grab_focus (row);
        break;
      }
  return G_SOURCE_REMOVE;
}

static void
on_add_person_mapped (SlMeetingEditor *self)
{
  focus_first_person (self);
  if (self->add_person_focus_idle == 0)
    self->add_person_focus_idle = g_idle_add (focus_first_person, self);
}

/* Escape (or a click away) closes 添加人员 with nobody added: the focus
 * goes back to the name last focused, not to the 添加人员 button (where
 * GTK puts it, and where its mnemonic put it first), so the arrows go on
 * through the names. An added name takes the focus instead
 * (_sl_meeting_editor_on_add_person_activated()). The name last focused
 * is followed through the window's focus widget. */
static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_root_focus (GtkRoot         *root,
               GParamSpec      *pspec,
               SlMeetingEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (root);
  GWeakRef *last;

  if (focus == NULL)
    return;
  /* Elsewhere than the names, the button and its list: 添加人员 was not
   * opened from a name. */
  if (!gtk_widget_is_ancestor (focus, self->attendance_box))
    {
      if (focus != self->add_person_button && !gtk_widget_is_ancestor (focus, self->add_person_button))
        g_object_set_data (G_OBJECT (self->attendance_box), "sl-last-chip", NULL);
      return;
    }
  last = g_new0 (GWeakRef, 1);
  g_weak_ref_init (last, focus);
  g_object_set_data_full (G_OBJECT (self->attendance_box), "sl-last-chip", last, free_weak_ref);
}

static void
on_attendance_realize (GtkWidget       *box,
                       SlMeetingEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (box);

  if (root != NULL)
    g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (on_root_focus), self, 0);
}

static void
on_attendance_unrealize (GtkWidget       *box,
                         SlMeetingEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (box);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_root_focus, self);
}

typedef struct
{
  GWeakRef chip;     /* the name to go back to, or the button itself */
  GWeakRef button;
  GWeakRef popover;
} ReturnFocus;

static void
return_focus_free (gpointer data)
{
  ReturnFocus *back = data;

  g_weak_ref_clear (&back->chip);
  g_weak_ref_clear (&back->button);
  g_weak_ref_clear (&back->popover);
  g_free (back);
}

/* After GTK has given the focus to the 添加人员 button, which it does
 * once the popover is gone; an added name has taken it by then. */
static gboolean
return_focus (gpointer data)
{
  ReturnFocus *back = data;
  g_autoptr(GtkWidget) chip = g_weak_ref_get (&back->chip);
  g_autoptr(GtkWidget) button = g_weak_ref_get (&back->button);
  g_autoptr(GtkWidget) popover = g_weak_ref_get (&back->popover);
  GtkRoot *root = chip ? gtk_widget_get_root (chip) : NULL;
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* GTK 4.8 may leave the focus on the closed list's row, or nowhere,
   * where Tab went on to the sidebar: that is lost too. */
  if (chip == NULL || button == NULL || !gtk_widget_get_mapped (chip))
    return G_SOURCE_REMOVE;
  if (focus == NULL || !gtk_widget_get_mapped (focus) ||
      (popover != NULL && gtk_widget_is_ancestor (focus, popover)) ||
      (chip != button && (focus == button || gtk_widget_is_ancestor (focus, button))))
    gtk_widget_grab_focus (chip);
  return G_SOURCE_REMOVE;
}

static void
on_add_person_closed (SlMeetingEditor *self)
{
  GWeakRef *last = g_object_get_data (G_OBJECT (self->attendance_box), "sl-last-chip");
  g_autoptr(GtkWidget) chip = last ? g_weak_ref_get (last) : NULL;
  ReturnFocus *back;

  /* Opened on the button itself (Return, Space, a click): back to it. */
  back = g_new0 (ReturnFocus, 1);
  g_weak_ref_init (&back->chip, chip ? chip : self->add_person_button);
  g_weak_ref_init (&back->button, self->add_person_button);
  g_weak_ref_init (&back->popover, self->add_person_popover);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, return_focus, back, return_focus_free);
}

/* Tab off the names: whatever is opened next was not opened from a name
 * (Alt+P is; Tab to 添加人员 and Return is the button's). */
static gboolean
on_attendance_key (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   SlMeetingEditor       *self)
{
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_ISO_Left_Tab || keyval == GDK_KEY_KP_Tab)
    g_object_set_data (G_OBJECT (self->attendance_box), "sl-last-chip", NULL);
  return GDK_EVENT_PROPAGATE;
}

void
_sl_meeting_editor_add_person_keys (SlMeetingEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_attendance_key), self);
  gtk_widget_add_controller (self->attendance_box, keys);
  g_signal_connect (self->attendance_box, "realize", G_CALLBACK (on_attendance_realize), self);
  g_signal_connect (self->attendance_box, "unrealize", G_CALLBACK (on_attendance_unrealize), self);
  g_signal_connect_swapped (self->add_person_popover, "closed", G_CALLBACK (on_add_person_closed), self);
  g_signal_connect_data (self->add_person_popover, "map", G_CALLBACK (on_add_person_mapped), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (self->add_person_search, "activate",
                            G_CALLBACK (on_add_person_search_activate), self);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->add_person_list), add_person_filter, self, NULL);
  /* Several names at once: Space, Ctrl/Shift+click; Enter adds them all. */
  sl_meeting_people_chooser_setup (GTK_LIST_BOX (self->add_person_list));
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->add_person_search),
                                           self->add_person_popover);
  gtk_widget_set_can_focus (self->add_person_search, FALSE);
  g_signal_connect_swapped (self->add_person_search, "changed",
                            G_CALLBACK (on_add_person_search_changed), self);
}

void
_sl_meeting_editor_on_add_person_activated (SlMeetingEditor *self,
                         GtkListBoxRow   *row)
{
  g_autoptr(GPtrArray) chosen = sl_meeting_people_chooser_chosen (GTK_LIST_BOX (self->add_person_list), row);
  GListModel *rows = sl_meeting_get_attendance (self->meeting);
  GtkFlowBoxChild *chip;
  guint added = 0;

  /* Every name marked (sl-meeting-people-chooser.c), or this one. */
  for (guint i = 0; i < chosen->len; i++)
    {
      const char *member = g_object_get_data (chosen->pdata[i], "member");
      g_autoptr(SlAttendance) attendance = NULL;

      if (member == NULL)
        continue;
      attendance = sl_attendance_new ();
      sl_attendance_set_member (attendance, member);
      sl_attendance_set_status (attendance, SL_ATTENDANCE_STATUS_PRESENT);
      g_list_store_append (G_LIST_STORE (rows), attendance);
      added++;
    }
  if (added == 0)
    return;
  self->attendance_touched = TRUE;

  gtk_popover_popdown (GTK_POPOVER (self->add_person_popover));
  chip = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->attendance_box),
                                          g_list_model_get_n_items (rows) - 1);
  if (chip != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (chip));
}

/* Actions -------------------------------------------------------------------- */

/* Scrolls the focused field into view: a row just added, the field a
 * dialog opened (sl-meeting-editor-dialogs.c). A row just added has no
 * size until the next layout, and a section that opens (an expander
 * row's animation) moves what is below it for a few frames: this follows
 * the field until it stands still, from the second frame on (the
 * viewport's own scroll-to-focus came too early for either), for a
 * second at most, and not once the secretary scrolls herself. */
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
  graphene_rect_t bounds, span;
  double value, page, top, bottom;
  gboolean still;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (++self->reveal_frames < 2)
    {
      self->reveal_since = now;
      return G_SOURCE_CONTINUE;
    }

  value = gtk_adjustment_get_value (adjustment);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, content) ||
      !gtk_widget_compute_bounds (focus, content, &bounds) ||
      (self->reveal_frames > 2 && value != self->reveal_value))
    {
      self->reveal_tick = 0;
      g_clear_weak_pointer (&self->reveal_row);
      return G_SOURCE_REMOVE;
    }

  /* The field with room around it; a row just added, down to its last
   * field (a speech's 发言要点 under its speaker), as far as the page
   * lets the field stay in view. */
  page = gtk_adjustment_get_page_size (adjustment);
  span = bounds;
  top = bounds.origin.y - 48;
  bottom = bounds.origin.y + bounds.size.height + 96;
  if (self->reveal_row != NULL && gtk_widget_is_ancestor (focus, self->reveal_row) &&
      gtk_widget_compute_bounds (self->reveal_row, content, &span))
    bottom = MAX (bottom, span.origin.y + span.size.height + 24);
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (bottom - page, top));
  self->reveal_value = gtk_adjustment_get_value (adjustment);

  still = self->reveal_frames > 2 && graphene_rect_equal (&span, &self->reveal_last);
  self->reveal_last = span;
  if (!still && now - self->reveal_since < G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  self->reveal_tick = 0;
  g_clear_weak_pointer (&self->reveal_row);
  return G_SOURCE_REMOVE;
}

void
_sl_meeting_editor_reveal_focus (SlMeetingEditor *self)
{
  g_clear_weak_pointer (&self->reveal_row);
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_focus_tick, NULL, NULL);
}

/* As _sl_meeting_editor_reveal_focus(), with the whole of @row, just
 * added, brought into view under its focused field. */
void
_sl_meeting_editor_reveal_row (SlMeetingEditor *self,
                               GtkWidget       *row)
{
  _sl_meeting_editor_reveal_focus (self);
  g_set_weak_pointer (&self->reveal_row, row);
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
      _sl_meeting_editor_reveal_row (self, GTK_WIDGET (row));
    }
}

/* A central-group session's speeches start from its plan's 重点发言: the
 * first speech added brings the planned speakers and titles, in order,
 * each a key speech, for the record's points to be written under. */
static guint
add_planned_speeches (SlMeetingEditor *self)
{
  GListModel *speeches = sl_meeting_get_speeches (self->meeting);
  SlSessionPlan *plan = sl_meeting_get_session_plan (self->meeting);
  guint n = plan != NULL ? sl_session_plan_get_n_speeches (plan) : 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  if (sl_meeting_get_kind (self->meeting) != SL_MEETING_KIND_CENTRAL_GROUP ||
      g_list_model_get_n_items (speeches) > 0 || n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      SlSpeech *speech = sl_speech_new ();

      sl_speech_set_speaker (speech, sl_session_plan_get_speech_member (plan, i));
      sl_speech_set_title (speech, sl_session_plan_get_speech_title (plan, i));
      sl_speech_set_kind (speech, SL_SPEECH_KIND_KEY);
      g_ptr_array_add (added, speech);
    }

  /* One items-changed: one save, one undo step. */
  self->adding = TRUE;
  g_list_store_splice (G_LIST_STORE (speeches), 0, 0, added->pdata, added->len);
  self->adding = FALSE;
  return n;
}

static void
on_add_speech (SlMeetingEditor *self)
{
  GListModel *speeches = sl_meeting_get_speeches (self->meeting);
  g_autoptr(SlSpeech) speech = sl_speech_new ();
  GtkListBoxRow *row;
  guint planned = add_planned_speeches (self);

  if (planned == 0)
    {
      self->adding = TRUE;
      g_list_store_append (G_LIST_STORE (speeches), speech);
      self->adding = FALSE;
    }

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->speeches_list),
                                       planned > 0 ? 0 : g_list_model_get_n_items (speeches) - 1);
  if (SL_IS_MEETING_SPEECH_ROW (row))
    {
      sl_meeting_speech_row_focus_speaker (SL_MEETING_SPEECH_ROW (row));
      _sl_meeting_editor_reveal_row (self, GTK_WIDGET (row));
    }
}

static void
on_add_measure (SlMeetingEditor *self)
{
  GListModel *measures = sl_meeting_get_measures (self->meeting);
  g_autoptr(SlMeasure) measure = sl_measure_new ();
  GtkListBoxRow *row;

  /* Ctrl+Enter in a progress field of a locked year's measure. */
  if (self->read_only)
    return;

  sl_measure_set_status (measure, SL_MEASURE_STATUS_OPEN);
  self->adding = TRUE;
  g_list_store_append (G_LIST_STORE (measures), measure);
  self->adding = FALSE;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->measures_list),
                                       g_list_model_get_n_items (measures) - 1);
  if (SL_IS_MEETING_MEASURE_ROW (row))
    {
      sl_meeting_measure_row_focus_text (SL_MEETING_MEASURE_ROW (row));
      _sl_meeting_editor_reveal_row (self, GTK_WIDGET (row));
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
      _sl_meeting_editor_reveal_row (self, GTK_WIDGET (row));
    }
}

void
_sl_meeting_editor_add_action (GtkWidget  *widget,
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

