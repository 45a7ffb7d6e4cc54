/* sl-window-focus.c — where the keyboard goes between the sidebar and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A secretary driving the window with the keyboard alone (issue 17) met
 * two traps at the sidebar. GtkListBox moves Tab from row to row as it
 * moves the arrows, so reaching the page took a Tab per page listed;
 * and Ctrl+2 left the focus on the sidebar's row, where Return showed
 * the page again instead of acting in it.
 *
 * The sidebar is now one Tab stop: the arrows move within it, Tab goes
 * on to the page shown, Shift+Tab back to the sidebar's header. A page
 * shown by its shortcut (win.show-page) takes the focus itself: its
 * list when it has one (Return opens the row), else its first control
 * that is not a text field (a field's text would be selected, for the
 * next key to replace). A page with neither leaves the focus where
 * sl_window_show_page() put it, on the sidebar's row.
 */

#define G_LOG_DOMAIN "sl-window"

#include "config.h"

#include "sl-meeting-editor.h"
#include "sl-window.h"
#include "sl-window-private.h"

static gboolean
is_text_field (GtkWidget *widget)
{
  return GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget);
}

/* Whether @widget could take the focus now. */
static gboolean
can_focus (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget) &&
         gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget);
}

/* The first mapped widget of @type under @widget, in the order of the tree. */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The page's list of rows: a table (GtkColumnView), else a list. */
static GtkWidget *
find_list (GtkWidget *page)
{
  GtkWidget *list = find_mapped (page, GTK_TYPE_COLUMN_VIEW);

  return list != NULL ? list : find_mapped (page, GTK_TYPE_LIST_VIEW);
}

/* The first control under @widget that takes the focus and is not a text
 * field (nor inside one: a GtkText in an entry row). */
static GtkWidget *
find_control (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) || is_text_field (widget) ||
      ADW_IS_ENTRY_ROW (widget))
    return NULL;
  if (can_focus (widget) && !GTK_IS_SCROLLED_WINDOW (widget) && !GTK_IS_VIEWPORT (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_control (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Gives the focus to the page shown; FALSE when it has nothing to take it. */
gboolean
_sl_window_focus_page (SlWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);
  GtkWidget *editor;
  GtkWidget *list;
  GtkWidget *control;

  if (page == NULL)
    return FALSE;

  /* A meeting open in the editor: its first row, as opening it does. */
  editor = find_mapped (page, SL_TYPE_MEETING_EDITOR);
  if (editor != NULL)
    {
      sl_meeting_editor_focus_first (SL_MEETING_EDITOR (editor));
      return TRUE;
    }

  list = find_list (page);
  if (list != NULL && gtk_widget_grab_focus (list))
    return TRUE;
  control = find_control (page);
  return control != NULL && gtk_widget_grab_focus (control);
}

static gboolean
on_sidebar_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SlWindow              *self)
{
  GtkWidget *header;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if ((state & GDK_SHIFT_MASK) != 0)
        break;
      /* On to the page; folded, the page is out of sight until a row is
       * activated: the list box keeps Tab. */
      return !adw_leaflet_get_folded (self->leaflet) && _sl_window_focus_page (self);
    case GDK_KEY_ISO_Left_Tab:
      break;
    default:
      return FALSE;
    }

  /* Shift+Tab: back to the sidebar's header (search, main menu). */
  header = gtk_widget_get_ancestor (GTK_WIDGET (self->sidebar_list), GTK_TYPE_BOX);
  header = header ? gtk_widget_get_first_child (header) : NULL;
  return header != NULL && gtk_widget_child_focus (header, GTK_DIR_TAB_BACKWARD);
}

void
_sl_window_focus_init (SlWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the list box moves to the next row. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_sidebar_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), keys);
}
