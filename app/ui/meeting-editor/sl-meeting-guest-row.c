/* sl-meeting-guest-row.c — someone sitting in on a meeting (列席), in the meeting editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Guests are listed quickly, one line each: Enter in the name goes on to
 * the post, Enter in the post starts the next guest.
 */

#define G_LOG_DOMAIN "sl-meeting-guest-row"

#include "config.h"

#include "sl-guest.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-row.h"
#include "sl-meeting-guest-row.h"

struct _SlMeetingGuestRow
{
  GtkListBoxRow  parent_instance;

  /* template widgets */
  GtkWidget     *name_entry;
  GtkWidget     *post_entry;

  /* owned references */
  SlGuest       *guest;
};

G_DEFINE_FINAL_TYPE (SlMeetingGuestRow, sl_meeting_guest_row, GTK_TYPE_LIST_BOX_ROW)

static void
sl_meeting_guest_row_dispose (GObject *object)
{
  SlMeetingGuestRow *self = SL_MEETING_GUEST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETING_GUEST_ROW);
  g_clear_object (&self->guest);

  G_OBJECT_CLASS (sl_meeting_guest_row_parent_class)->dispose (object);
}

static void
sl_meeting_guest_row_class_init (SlMeetingGuestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meeting_guest_row_dispose;

  sl_meeting_row_class_init (widget_class, "/org/studyledger/StudyLedger/sl-meeting-guest-row.ui");

  gtk_widget_class_bind_template_child (widget_class, SlMeetingGuestRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingGuestRow, post_entry);
}

static void
sl_meeting_guest_row_init (SlMeetingGuestRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  sl_meeting_fields_enter_moves_on (self->name_entry, NULL, NULL);
  sl_meeting_fields_enter_moves_on (self->post_entry, G_CALLBACK (sl_meeting_row_add_next), self);
}

GtkWidget *
sl_meeting_guest_row_new (SlGuest *guest)
{
  SlMeetingGuestRow *self;

  g_return_val_if_fail (SL_IS_GUEST (guest), NULL);

  self = g_object_new (SL_TYPE_MEETING_GUEST_ROW, NULL);
  self->guest = g_object_ref (guest);

  sl_meeting_fields_bind_text (self->name_entry, guest, "name");
  sl_meeting_fields_bind_text (self->post_entry, guest, "post");

  return GTK_WIDGET (self);
}

SlGuest *
sl_meeting_guest_row_get_guest (SlMeetingGuestRow *self)
{
  g_return_val_if_fail (SL_IS_MEETING_GUEST_ROW (self), NULL);
  return self->guest;
}

void
sl_meeting_guest_row_focus_name (SlMeetingGuestRow *self)
{
  g_return_if_fail (SL_IS_MEETING_GUEST_ROW (self));
  gtk_widget_grab_focus (self->name_entry);
}
