/* sl-meeting-attendance-popover.c — the details of one member's attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened from a name in the attendance grid (right click, Menu key, long
 * press). Everything is usable from the keyboard through mnemonics; the
 * fields that do not apply to the status (a kind of leave for someone
 * present) are greyed out rather than hidden, so the popover keeps its
 * size while the status is changed.
 */

#define G_LOG_DOMAIN "sl-meeting-attendance-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sl-attendance.h"
#include "sl-meeting-attendance-popover.h"
#include "sl-meeting-fields.h"
#include "sl-util.h"

struct _SlMeetingAttendancePopover
{
  GtkPopover    parent_instance;

  /* template widgets */
  GtkWidget    *name_label;
  GtkWidget    *present_button;
  GtkWidget    *leave_button;
  GtkWidget    *absent_button;
  GtkWidget    *leave_box;
  GtkWidget    *official_button;
  GtkWidget    *sick_button;
  GtkWidget    *personal_button;
  GtkWidget    *reason_entry;
  GtkWidget    *flags_box;
  GtkWidget    *late_check;
  GtkWidget    *left_early_check;
  GtkWidget    *makeup_check;
  GtkWidget    *makeup_grid;
  GtkWidget    *makeup_date_entry;
  GtkWidget    *makeup_method_entry;
  GtkWidget    *makeup_evidence_entry;

  /* owned references */
  SlAttendance *attendance;
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (SlMeetingAttendancePopover, sl_meeting_attendance_popover, GTK_TYPE_POPOVER)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
sl_meeting_attendance_set_status (SlAttendance       *attendance,
                                  SlAttendanceStatus  status)
{
  g_return_if_fail (SL_IS_ATTENDANCE (attendance));

  g_object_freeze_notify (G_OBJECT (attendance));
  sl_attendance_set_status (attendance, status);
  if (status != SL_ATTENDANCE_STATUS_LEAVE)
    sl_attendance_set_leave_kind (attendance, SL_LEAVE_KIND_NONE);
  if (status == SL_ATTENDANCE_STATUS_PRESENT)
    sl_attendance_set_has_makeup (attendance, FALSE);
  else
    {
      sl_attendance_set_late (attendance, FALSE);
      sl_attendance_set_left_early (attendance, FALSE);
    }
  g_object_thaw_notify (G_OBJECT (attendance));
}

void
sl_meeting_attendance_cycle (SlAttendance *attendance)
{
  SlAttendanceStatus next;

  g_return_if_fail (SL_IS_ATTENDANCE (attendance));

  switch (sl_attendance_get_status (attendance))
    {
    case SL_ATTENDANCE_STATUS_PRESENT: next = SL_ATTENDANCE_STATUS_LEAVE; break;
    case SL_ATTENDANCE_STATUS_LEAVE:   next = SL_ATTENDANCE_STATUS_ABSENT; break;
    case SL_ATTENDANCE_STATUS_ABSENT:
    case SL_ATTENDANCE_STATUS_NONE:
    default:                           next = SL_ATTENDANCE_STATUS_PRESENT; break;
    }

  sl_meeting_attendance_set_status (attendance, next);
}

static void
update (SlMeetingAttendancePopover *self)
{
  SlAttendanceStatus status = sl_attendance_get_status (self->attendance);
  SlLeaveKind kind = sl_attendance_get_leave_kind (self->attendance);
  gboolean missed = status == SL_ATTENDANCE_STATUS_LEAVE || status == SL_ATTENDANCE_STATUS_ABSENT;

  self->updating = TRUE;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->present_button), status == SL_ATTENDANCE_STATUS_PRESENT);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->leave_button), status == SL_ATTENDANCE_STATUS_LEAVE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->absent_button), status == SL_ATTENDANCE_STATUS_ABSENT);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->official_button), kind == SL_LEAVE_KIND_OFFICIAL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sick_button), kind == SL_LEAVE_KIND_SICK);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->personal_button), kind == SL_LEAVE_KIND_PERSONAL);

  gtk_widget_set_sensitive (self->leave_box, status == SL_ATTENDANCE_STATUS_LEAVE);
  gtk_widget_set_sensitive (self->reason_entry, missed);
  gtk_widget_set_sensitive (self->flags_box, status == SL_ATTENDANCE_STATUS_PRESENT);
  gtk_widget_set_sensitive (self->makeup_check, missed);
  gtk_widget_set_sensitive (self->makeup_grid, missed && sl_attendance_get_has_makeup (self->attendance));

  self->updating = FALSE;
}

static void
on_status_toggled (SlMeetingAttendancePopover *self,
                   GtkToggleButton            *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (GTK_WIDGET (button) == self->present_button)
    sl_meeting_attendance_set_status (self->attendance, SL_ATTENDANCE_STATUS_PRESENT);
  else if (GTK_WIDGET (button) == self->leave_button)
    sl_meeting_attendance_set_status (self->attendance, SL_ATTENDANCE_STATUS_LEAVE);
  else
    sl_meeting_attendance_set_status (self->attendance, SL_ATTENDANCE_STATUS_ABSENT);
}

static void
on_leave_kind_toggled (SlMeetingAttendancePopover *self,
                       GtkToggleButton            *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (GTK_WIDGET (button) == self->official_button)
    sl_attendance_set_leave_kind (self->attendance, SL_LEAVE_KIND_OFFICIAL);
  else if (GTK_WIDGET (button) == self->sick_button)
    sl_attendance_set_leave_kind (self->attendance, SL_LEAVE_KIND_SICK);
  else
    sl_attendance_set_leave_kind (self->attendance, SL_LEAVE_KIND_PERSONAL);

  /* The reason comes next: Alt+O then type. */
  gtk_widget_grab_focus (self->reason_entry);
}

/* Alt+P/L/A and Alt+O/S/E: shortcuts, and mnemonics on the buttons that
 * do the same at once rather than after GtkButton's 250 ms animation;
 * “Alt+O 出差” must not lose the first characters typed. */
static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlMeetingAttendancePopover *self = SL_MEETING_ATTENDANCE_POPOVER (widget);
  const char *choice = g_variant_get_string (parameter, NULL);
  static const struct { const char *name; gsize offset; } buttons[] = {
    { "present", G_STRUCT_OFFSET (SlMeetingAttendancePopover, present_button) },
    { "leave", G_STRUCT_OFFSET (SlMeetingAttendancePopover, leave_button) },
    { "absent", G_STRUCT_OFFSET (SlMeetingAttendancePopover, absent_button) },
    { "official", G_STRUCT_OFFSET (SlMeetingAttendancePopover, official_button) },
    { "sick", G_STRUCT_OFFSET (SlMeetingAttendancePopover, sick_button) },
    { "personal", G_STRUCT_OFFSET (SlMeetingAttendancePopover, personal_button) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (g_str_equal (choice, buttons[i].name))
      {
        GtkWidget *button = G_STRUCT_MEMBER (GtkWidget *, self, buttons[i].offset);

        /* A kind of leave says the member is on leave: Alt+O is enough,
         * without Alt+L first. */
        if (i >= 3 && sl_attendance_get_status (self->attendance) != SL_ATTENDANCE_STATUS_LEAVE)
          sl_meeting_attendance_set_status (self->attendance, SL_ATTENDANCE_STATUS_LEAVE);

        if (gtk_widget_is_sensitive (button))
          {
            gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
            /* After a kind of leave, the reason. */
            gtk_widget_grab_focus (i >= 3 ? self->reason_entry : button);
          }
      }
}

/* The underlined letters on the buttons are the same Alt+letter shortcuts;
 * the mnemonic chooses at once too instead of GtkButton's delayed click. */
static gboolean
on_button_mnemonic (GtkWidget *button,
                    gboolean   group_cycling,
                    gpointer   choice)
{
  GtkWidget *self = gtk_widget_get_ancestor (button, SL_TYPE_MEETING_ATTENDANCE_POPOVER);

  gtk_widget_activate_action (self, "attendance.choose", "s", (const char *) choice);
  return TRUE;
}

/* A focus trap: Tab, Shift+Tab and the arrows cycle within the popover.
 * The popover is a child of its chip, so a key it left unhandled went on
 * to the flow box of chips behind it (arrows moved to another name) and
 * to the window (Tab left for the next field). Left and Right in the
 * entries are theirs: this runs in the bubble phase, after them. */
static gboolean
on_key_pressed (GtkEventControllerKey      *controller,
                guint                       keyval,
                guint                       keycode,
                GdkModifierType             state,
                SlMeetingAttendancePopover *self)
{
  GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkDirectionType direction, wrap;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      /* The chip takes the focus back (its closed handler). */
      gtk_popover_popdown (GTK_POPOVER (self));
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      direction = wrap = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
      break;
    case GDK_KEY_ISO_Left_Tab:
      direction = wrap = GTK_DIR_TAB_BACKWARD;
      break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      direction = GTK_DIR_UP; wrap = GTK_DIR_TAB_BACKWARD; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      direction = GTK_DIR_DOWN; wrap = GTK_DIR_TAB_FORWARD; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      direction = GTK_DIR_LEFT; wrap = GTK_DIR_TAB_BACKWARD; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      direction = GTK_DIR_RIGHT; wrap = GTK_DIR_TAB_FORWARD; break;
    default:
      return FALSE;
    }

  if (child == NULL || root == NULL)
    return TRUE;

  if (gtk_widget_child_focus (child, direction))
    return TRUE;

  /* Arrows that find nothing that way go on in reading order, and past
   * the last field back to the first (or the other way). */
  if (direction != wrap && gtk_widget_child_focus (child, wrap))
    return TRUE;

  gtk_root_set_focus (root, NULL);
  gtk_widget_child_focus (child, wrap);
  return TRUE;
}

static void
on_remove_clicked (SlMeetingAttendancePopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
sl_meeting_attendance_popover_dispose (GObject *object)
{
  SlMeetingAttendancePopover *self = SL_MEETING_ATTENDANCE_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEETING_ATTENDANCE_POPOVER);
  g_clear_object (&self->attendance);

  G_OBJECT_CLASS (sl_meeting_attendance_popover_parent_class)->dispose (object);
}

static void
sl_meeting_attendance_popover_class_init (SlMeetingAttendancePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_meeting_attendance_popover_dispose;

  /**
   * SlMeetingAttendancePopover::remove:
   *
   * The member is not expected at this meeting after all.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "attendance.choose", "s", choose_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-meeting-attendance-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, name_label);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, present_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, leave_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, absent_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, leave_box);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, official_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, sick_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, personal_button);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, flags_box);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, late_check);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, left_early_check);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, makeup_check);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, makeup_grid);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, makeup_date_entry);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, makeup_method_entry);
  gtk_widget_class_bind_template_child (widget_class, SlMeetingAttendancePopover, makeup_evidence_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_status_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_leave_kind_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
sl_meeting_attendance_popover_init (SlMeetingAttendancePopover *self)
{
  static const struct { guint key; const char *choice; } alt_keys[] = {
    { GDK_KEY_p, "present" },
    { GDK_KEY_l, "leave" },
    { GDK_KEY_a, "absent" },
    { GDK_KEY_o, "official" },
    { GDK_KEY_s, "sick" },
    { GDK_KEY_e, "personal" },
  };
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Alt+letter chooses at once (see choose_action()), in the capture phase
   * so that nothing in the popover sees the key first. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (alt_keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (alt_keys[i].key, GDK_ALT_MASK),
                                                gtk_named_action_new ("attendance.choose"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (alt_keys[i].choice));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  for (guint i = 0; i < G_N_ELEMENTS (alt_keys); i++)
    {
      GtkWidget *buttons[] = {
        self->present_button, self->leave_button, self->absent_button,
        self->official_button, self->sick_button, self->personal_button,
      };
      GtkWidget *button = buttons[i];

      g_signal_connect (button, "mnemonic-activate", G_CALLBACK (on_button_mnemonic),
                        (gpointer) alt_keys[i].choice);
    }

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
sl_meeting_attendance_popover_new (SlAttendance *attendance,
                                   const char   *name,
                                   int           year)
{
  SlMeetingAttendancePopover *self;
  g_autofree char *placeholder = NULL;

  g_return_val_if_fail (SL_IS_ATTENDANCE (attendance), NULL);

  self = g_object_new (SL_TYPE_MEETING_ATTENDANCE_POPOVER, NULL);
  self->attendance = g_object_ref (attendance);

  gtk_label_set_label (GTK_LABEL (self->name_label), name);

  sl_meeting_fields_bind_text (self->reason_entry, attendance, "reason");
  g_object_bind_property (attendance, "late", self->late_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (attendance, "left-early", self->left_early_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (attendance, "has-makeup", self->makeup_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  sl_meeting_fields_bind_date (self->makeup_date_entry, attendance, "makeup-on", year, FALSE);
  /* The example day in the meeting's year (it said 2023 in 2026). */
  if (year <= 0)
    {
      g_autofree char *today = sl_today ();

      year = atoi (today);
    }
  placeholder = g_strdup_printf ("%04d-03-05", year);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->makeup_date_entry), placeholder);
  sl_meeting_fields_bind_text (self->makeup_method_entry, attendance, "makeup-method");
  sl_meeting_fields_bind_text (self->makeup_evidence_entry, attendance, "makeup-evidence");

  g_signal_connect_object (attendance, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

SlAttendance *
sl_meeting_attendance_popover_get_attendance (SlMeetingAttendancePopover *self)
{
  g_return_val_if_fail (SL_IS_MEETING_ATTENDANCE_POPOVER (self), NULL);
  return self->attendance;
}
