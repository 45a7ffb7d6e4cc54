/* sl-meeting-guest-superior.c — a guest as a superior sitting in (上级列席旁听)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guest row names someone sitting in. When that someone comes from the
 * organization above to observe (上级列席旁听), the minutes say so and the
 * ledger keeps their unit and their remarks (点评意见), which are then
 * followed up as measures. The guest row gets this button; its popover
 * holds the mark, the unit and the remarks, and turns the remarks into
 * measures of the meeting (sl_guest_remarks_to_measures()), which the
 * editor saves with the rest. The button is highlighted while the mark is
 * on, so a superior is visible in the list without opening it.
 */

#define G_LOG_DOMAIN "sl-meeting-guest-superior"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-guest.h"
#include "sl-guest-remarks.h"
#include "sl-meeting.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-guest-superior.h"
#include "sl-ui-util.h"

struct _SlMeetingGuestSuperior
{
  GtkWidget   parent_instance;

  GtkWidget  *button;
  GtkWidget  *superior_switch;
  GtkWidget  *unit_entry;
  GtkWidget  *remarks_view;

  SlMeeting  *meeting;
  SlGuest    *guest;
};

G_DEFINE_FINAL_TYPE (SlMeetingGuestSuperior, sl_meeting_guest_superior, GTK_TYPE_WIDGET)

static void
superior_changed_cb (SlMeetingGuestSuperior *self)
{
  if (sl_guest_get_superior (self->guest))
    gtk_widget_add_css_class (self->button, "accent");
  else
    gtk_widget_remove_css_class (self->button, "accent");
}

guint
sl_meeting_guest_superior_make_measures (SlMeetingGuestSuperior *self)
{
  guint added;

  g_return_val_if_fail (SL_IS_MEETING_GUEST_SUPERIOR (self), 0);

  added = sl_guest_remarks_to_measures (self->meeting, self->guest);
  if (added > 0)
    sl_ui_add_toast (GTK_WIDGET (self),
                     sl_ui_toast_new_printf (ngettext ("%u measure added from the remarks",
                                                       "%u measures added from the remarks", added),
                                             added));
  else
    sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Every point of the remarks is a measure already")));
  return added;
}

static void
sl_meeting_guest_superior_dispose (GObject *object)
{
  SlMeetingGuestSuperior *self = SL_MEETING_GUEST_SUPERIOR (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->meeting);
  g_clear_object (&self->guest);

  G_OBJECT_CLASS (sl_meeting_guest_superior_parent_class)->dispose (object);
}

static void
sl_meeting_guest_superior_class_init (SlMeetingGuestSuperiorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_meeting_guest_superior_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
caption (const char *text,
         GtkWidget  *mnemonic)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
sl_meeting_guest_superior_init (SlMeetingGuestSuperior *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *mark = gtk_label_new_with_mnemonic (_("_Superior sitting in"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *make = gtk_button_new_with_mnemonic (_("Turn Remarks Into _Measures"));
  GtkWidget *popover = gtk_popover_new ();

  self->superior_switch = gtk_switch_new ();
  gtk_label_set_mnemonic_widget (GTK_LABEL (mark), self->superior_switch);
  gtk_widget_set_hexpand (mark, TRUE);
  gtk_label_set_xalign (GTK_LABEL (mark), 0);
  gtk_box_append (GTK_BOX (line), mark);
  gtk_box_append (GTK_BOX (line), self->superior_switch);
  gtk_box_append (GTK_BOX (box), line);

  self->unit_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->unit_entry), _("Unit, such as the municipal party committee"));
  gtk_box_append (GTK_BOX (box), caption (_("_Unit"), self->unit_entry));
  gtk_box_append (GTK_BOX (box), self->unit_entry);

  self->remarks_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->remarks_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->remarks_view), FALSE);
  gtk_widget_add_css_class (self->remarks_view, "sl-text-field");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->remarks_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), caption (_("_Remarks, one point a line"), self->remarks_view));
  gtk_box_append (GTK_BOX (box), scrolled);

  g_signal_connect_swapped (make, "clicked", G_CALLBACK (sl_meeting_guest_superior_make_measures), self);
  gtk_box_append (GTK_BOX (box), make);

  gtk_widget_set_size_request (box, 340, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "starred-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Superior Sitting In and Remarks"));
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

GtkWidget *
sl_meeting_guest_superior_new (SlMeeting *meeting,
                               SlGuest   *guest)
{
  SlMeetingGuestSuperior *self;

  g_return_val_if_fail (SL_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (SL_IS_GUEST (guest), NULL);

  self = g_object_new (SL_TYPE_MEETING_GUEST_SUPERIOR, NULL);
  self->meeting = g_object_ref (meeting);
  self->guest = g_object_ref (guest);

  g_object_bind_property (guest, "superior", self->superior_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  sl_meeting_fields_bind_text (self->unit_entry, guest, "unit");
  sl_meeting_fields_bind_text (self->remarks_view, guest, "remarks");
  g_signal_connect_object (guest, "notify::superior", G_CALLBACK (superior_changed_cb), self,
                           G_CONNECT_SWAPPED);
  superior_changed_cb (self);

  return GTK_WIDGET (self);
}
