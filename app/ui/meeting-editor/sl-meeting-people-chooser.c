/* sl-meeting-people-chooser.c — choosing several names in the 添加人员 list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of members missing from a meeting's roster lets her pick more
 * than one before adding: Ctrl+click or Space marks a name (and unmarks
 * it), Shift+click marks the names from the last one marked; Enter, or a
 * plain click, adds every marked name still shown, or the focused one
 * when none is marked.
 *
 * GtkListBox's own multiple selection moves the selection with the focus
 * (a plain Down selects the next name alone, dropping the marks made with
 * Space), and its Ctrl+click also activates the row, which adds at once.
 * So the arrows here move the focus only, and Ctrl/Shift+click are
 * handled before the list sees them. The search entry of the popover
 * takes every other key (type-to-search), but leaves Space and the
 * arrows to the list.
 */

#define G_LOG_DOMAIN "sl-meeting-editor"

#include "config.h"

#include "sl-meeting-people-chooser.h"

#define ANCHOR_KEY "sl-chooser-anchor"

static gboolean
row_shown (GtkWidget *row)
{
  return GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row) &&
         gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)) &&
         g_object_get_data (G_OBJECT (row), "member") != NULL;
}

/* The last name marked, kept alive: the rows are made again each time
 * the popover opens, and a row taken out has no parent. */
static void
set_anchor (GtkListBox    *list,
            GtkListBoxRow *row)
{
  g_object_set_data_full (G_OBJECT (list), ANCHOR_KEY, g_object_ref (row), g_object_unref);
}

static void
toggle (GtkListBox    *list,
        GtkListBoxRow *row)
{
  if (gtk_list_box_row_is_selected (row))
    gtk_list_box_unselect_row (list, row);
  else
    gtk_list_box_select_row (list, row);
  set_anchor (list, row);
}

/* Marks the shown names from the anchor (the last one marked) to @row. */
static void
extend (GtkListBox    *list,
        GtkListBoxRow *row)
{
  GtkWidget *anchor = g_object_get_data (G_OBJECT (list), ANCHOR_KEY);
  gboolean inside = FALSE;

  if (anchor == NULL || gtk_widget_get_parent (anchor) != GTK_WIDGET (list))
    {
      toggle (list, row);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gboolean end = child == anchor || child == GTK_WIDGET (row);

      if (end)
        inside = !inside;
      if ((inside || end) && row_shown (child))
        gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (child));
      if (end && anchor == GTK_WIDGET (row))
        break;
    }
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GtkListBox      *list)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (list, (int) y);

  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0 || row == NULL || !row_shown (GTK_WIDGET (row)))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (state & GDK_SHIFT_MASK)
    extend (list, row);
  else
    toggle (list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The next (or previous) name shown after @from. */
static GtkWidget *
step (GtkWidget *from,
      gboolean   down)
{
  for (GtkWidget *row = down ? gtk_widget_get_next_sibling (from) : gtk_widget_get_prev_sibling (from);
       row != NULL; row = down ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row))
    if (row_shown (row))
      return row;
  return NULL;
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        GtkListBox            *list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *next;

  if (focus == NULL || gtk_widget_get_parent (focus) != GTK_WIDGET (list) || !row_shown (focus))
    return GDK_EVENT_PROPAGATE;
  state &= GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK;

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (state & GDK_ALT_MASK)
        return GDK_EVENT_PROPAGATE;
      toggle (list, GTK_LIST_BOX_ROW (focus));
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (state & GDK_ALT_MASK)
        return GDK_EVENT_PROPAGATE;
      next = step (focus, keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down);
      if (next == NULL)
        return GDK_EVENT_PROPAGATE;   /* the list's own keynav at its ends */
      gtk_widget_grab_focus (next);
      /* Shift+arrow marks as it goes. */
      if (state & GDK_SHIFT_MASK)
        {
          gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (focus));
          gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (next));
          set_anchor (list, GTK_LIST_BOX_ROW (next));
        }
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Makes @list (of rows that carry a "member" id) one to choose several in.
 * Call it before the popover's search entry takes its keys. */
void
sl_meeting_people_chooser_setup (GtkListBox *list)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_MULTIPLE);

  /* On the popover, ahead of the search entry's key capture (set up after
   * this, on the popover too), which would take Space as text. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), list);
  gtk_widget_add_controller (popover ? popover : GTK_WIDGET (list), key);

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), list);
  gtk_widget_add_controller (GTK_WIDGET (list), GTK_EVENT_CONTROLLER (click));
}

/**
 * sl_meeting_people_chooser_chosen:
 * @fallback: (nullable): the row activated, or focused
 *
 * The rows to add, in the list's order: every marked row still shown,
 * and @fallback with them; @fallback alone when none is marked.
 *
 * Returns: (transfer container) (element-type GtkListBoxRow): the rows
 */
GPtrArray *
sl_meeting_people_chooser_chosen (GtkListBox    *list,
                                  GtkListBoxRow *fallback)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (row_shown (row) &&
        (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)) || row == GTK_WIDGET (fallback)))
      g_ptr_array_add (rows, row);

  if (rows->len == 0 && fallback != NULL)
    g_ptr_array_add (rows, fallback);
  return rows;
}
