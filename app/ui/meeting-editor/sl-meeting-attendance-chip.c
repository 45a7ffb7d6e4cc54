/* sl-meeting-attendance-chip.c — one name in the meeting editor's attendance grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Activating the chip (a click, Space, Enter: the flow box's
 * child-activated, handled by the editor) cycles 出席 → 请假 → 缺席. The
 * details (kind of leave, reason, lateness, make-up study) are in a
 * popover that opens on a right click, a long press, the Menu key or
 * Shift+F10, as context menus do everywhere else in GTK.
 */

#define G_LOG_DOMAIN "sl-meeting-attendance-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-attendance.h"
#include "sl-enums.h"
#include "sl-meeting-attendance-chip.h"
#include "sl-meeting-attendance-popover.h"

struct _SlMeetingAttendanceChip
{
  GtkFlowBoxChild  parent_instance;

  /* template widgets */
  GtkWidget       *name_label;
  GtkWidget       *status_label;

  /* owned references */
  SlAttendance    *attendance;
  GtkWidget       *popover;     /* a child of ours, unparented in dispose */
  char            *name;
  int              year;
};

G_DEFINE_FINAL_TYPE (SlMeetingAttendanceChip, sl_meeting_attendance_chip, GTK_TYPE_FLOW_BOX_CHILD)

enum {
  REMOVE,
  POPUP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
sl_meeting_attendance_describe (SlAttendance *attendance)
{
  SlAttendanceStatus status = sl_attendance_get_status (attendance);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (SL_IS_ATTENDANCE (attendance), NULL);

  /* The tile's colour already says 请假: the kind of leave says more. */
  if (status == SL_ATTENDANCE_STATUS_LEAVE &&
      sl_attendance_get_leave_kind (attendance) != SL_LEAVE_KIND_NONE)
    g_strv_builder_add (parts, sl_leave_kind_to_label (sl_attendance_get_leave_kind (attendance)));
  else
    g_strv_builder_add (parts, sl_attendance_status_to_label (status));
  if (status == SL_ATTENDANCE_STATUS_PRESENT && sl_attendance_get_late (attendance))
    g_strv_builder_add (parts, _("late"));
  if (status == SL_ATTENDANCE_STATUS_PRESENT && sl_attendance_get_left_early (attendance))
    g_strv_builder_add (parts, _("left early"));
  if (status != SL_ATTENDANCE_STATUS_PRESENT && sl_attendance_is_made_up (attendance))
    g_strv_builder_add (parts, _("made up"));

  strv = g_strv_builder_end (parts);
  return g_strjoinv (" · ", strv);
}

static void
update (SlMeetingAttendanceChip *self)
{
  static const char * const classes[] = { "present", "leave", "absent" };
  SlAttendanceStatus status = sl_attendance_get_status (self->attendance);
  g_autofree char *description = sl_meeting_attendance_describe (self->attendance);
  g_autofree char *accessible = NULL;
  const char *reason = sl_attendance_get_reason (self->attendance);

  gtk_label_set_label (GTK_LABEL (self->status_label), description);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
  if (status >= SL_ATTENDANCE_STATUS_PRESENT && status <= SL_ATTENDANCE_STATUS_ABSENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), classes[status - SL_ATTENDANCE_STATUS_PRESENT]);

  accessible = g_strdup_printf ("%s: %s", self->name, description);
  if (reason != NULL && status != SL_ATTENDANCE_STATUS_PRESENT)
    {
      g_autofree char *tooltip = g_strdup_printf ("%s (%s)", description, reason);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Space changes the attendance, the Menu key opens the details"),
                                  -1);
}

static void
on_popover_remove (SlMeetingAttendanceChip *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
on_popover_closed (SlMeetingAttendanceChip *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
sl_meeting_attendance_chip_popup (SlMeetingAttendanceChip *self)
{
  g_return_if_fail (SL_IS_MEETING_ATTENDANCE_CHIP (self));

  if (self->popover == NULL)
    {
      self->popover = sl_meeting_attendance_popover_new (self->attendance, self->name, self->year);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      g_signal_connect_object (self->popover, "remove", G_CALLBACK (on_popover_remove), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->popover, "closed", G_CALLBACK (on_popover_closed), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
on_secondary_pressed (GtkGestureClick         *gesture,
                      int                      n_press,
                      double                   x,
                      double                   y,
                      SlMeetingAttendanceChip *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  sl_meeting_attendance_chip_popup (self);
}

static void
on_long_pressed (GtkGestureLongPress     *gesture,
                 double                   x,
                 double                   y,
                 SlMeetingAttendanceChip *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  sl_meeting_attendance_chip_popup (self);
}

static void
sl_meeting_attendance_chip_dispose (GObject *object)
{
  SlMeetingAttendanceChip *self = SL_MEETING_ATTENDANCE_CHIP (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETING_ATTENDANCE_CHIP);
  g_clear_object (&self->attendance);

  G_OBJECT_CLASS (sl_meeting_attendance_chip_parent_class)->dispose (object);
}

static void
sl_meeting_attendance_chip_finalize (GObject *object)
{
  SlMeetingAttendanceChip *self = SL_MEETING_ATTENDANCE_CHIP (object);

  g_free (self->name);

  G_OBJECT_CLASS (sl_meeting_attendance_chip_parent_class)->finalize (object);
}

static void
sl_meeting_attendance_chip_size_allocate (GtkWidget *widget,
                                          int        width,
                                          int        height,
                                          int        baseline)
{
  SlMeetingAttendanceChip *self = SL_MEETING_ATTENDANCE_CHIP (widget);

  GTK_WIDGET_CLASS (sl_meeting_attendance_chip_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
sl_meeting_attendance_chip_class_init (SlMeetingAttendanceChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meeting_attendance_chip_dispose;
  object_class->finalize = sl_meeting_attendance_chip_finalize;
  widget_class->size_allocate = sl_meeting_attendance_chip_size_allocate;

  /**
   * SlMeetingAttendanceChip::remove:
   *
   * The member is not expected at this meeting after all.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SlMeetingAttendanceChip::popup:
   *
   * Keybinding signal (Menu, Shift+F10) that opens the details.
   */
  signals[POPUP] =
    g_signal_new_class_handler ("popup", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (sl_meeting_attendance_chip_popup),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Menu, 0, "popup", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "popup", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-meeting-attendance-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendanceChip, name_label);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendanceChip, status_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
sl_meeting_attendance_chip_init (SlMeetingAttendanceChip *self)
{
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

GtkWidget *
sl_meeting_attendance_chip_new (SlAttendance *attendance,
                                const char   *name,
                                int           year)
{
  SlMeetingAttendanceChip *self;

  g_return_val_if_fail (SL_IS_ATTENDANCE (attendance), NULL);

  self = g_object_new (SL_TYPE_MEETING_ATTENDANCE_CHIP, NULL);
  self->attendance = g_object_ref (attendance);
  self->name = g_strdup (name ? name : _("Unknown member"));
  self->year = year;

  gtk_label_set_label (GTK_LABEL (self->name_label), self->name);
  g_signal_connect_object (attendance, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

SlAttendance *
sl_meeting_attendance_chip_get_attendance (SlMeetingAttendanceChip *self)
{
  g_return_val_if_fail (SL_IS_MEETING_ATTENDANCE_CHIP (self), NULL);
  return self->attendance;
}

/* Tab stops once at the grid of names, not at each of twelve. On Tab the
 * focus first goes to the last chip (Shift+Tab: the first), and the key
 * goes on to the window, which moves on from there past the grid. Keys
 * inside a chip's popover are the popover's. */
static gboolean
on_group_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkWidget             *flow_box)
{
  GtkRoot *root = gtk_widget_get_root (flow_box);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean backward;
  GtkWidget *edge;

  if (keyval == GDK_KEY_ISO_Left_Tab)
    backward = TRUE;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    backward = (state & GDK_SHIFT_MASK) != 0;
  else
    return FALSE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
      focus == NULL || gtk_widget_get_parent (focus) != flow_box)
    return FALSE;

  edge = backward ? gtk_widget_get_first_child (flow_box) : gtk_widget_get_last_child (flow_box);
  while (edge != NULL && !GTK_IS_FLOW_BOX_CHILD (edge))
    edge = backward ? gtk_widget_get_next_sibling (edge) : gtk_widget_get_prev_sibling (edge);
  if (edge != NULL && edge != focus)
    gtk_widget_grab_focus (edge);

  return FALSE;
}

void
sl_meeting_attendance_chips_one_tab_stop (GtkWidget *flow_box)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_FLOW_BOX (flow_box));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_group_key_pressed), flow_box);
  gtk_widget_add_controller (flow_box, keys);
}
