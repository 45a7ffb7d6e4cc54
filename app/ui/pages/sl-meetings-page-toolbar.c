/* sl-meetings-page-toolbar.c — the meetings list's toolbar: search, kind filter, 新建会议 at narrow widths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of SlMeetingsPage above its list (sl-meetings-page.c has the
 * list, the editor and the object): the search field, which filters the
 * titles and themes; the kind filter, whose menu button names the kinds
 * shown; 新建会议, which folds to its “+” on a narrow window, with Alt+N
 * kept.
 */

#define G_LOG_DOMAIN "sl-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-meeting.h"
#include "sl-meetings-list.h"
#include "sl-meetings-page.h"
#include "sl-meetings-page-private.h"
#include "sl-ui-util.h"
#include "sl-util.h"

/* Categories of the filter buttons ------------------------------------------- */

gboolean
_sl_meetings_page_match_category (gpointer item,
                                  gpointer user_data)
{
  SlMeetingsPage *self = user_data;

  return g_str_equal (self->category, "all") ||
         sl_meetings_list_kind_in_category (sl_meeting_get_kind (item), self->category);
}


/* Filtering ------------------------------------------------------------------ */

static void
on_search_changed (SlMeetingsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_string_filter_set_search (self->title_filter, text);
  gtk_string_filter_set_search (self->theme_filter, text);
}

static void
on_stop_search (SlMeetingsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_search_activate (SlMeetingsPage *self)
{
  /* Enter in the search opens the first result. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      g_autoptr(SlMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
      sl_meetings_page_open_meeting (self, sl_record_get_id (SL_RECORD (meeting)));
    }
}

/* The label of the filter's narrow form: the kinds shown, as the linked
 * buttons of the wide form name them. */
static const char *
category_label (const char *category)
{
  static const struct { const char *category, *label; } labels[] = {
    { "party_group", N_("Party Group") },
    { "central_group", N_("Central Group") },
    { "special", N_("Special") },
    { "branch", N_("Branch") },
    { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (category, labels[i].category) == 0)
      return _(labels[i].label);
  return _("All");
}

/* Returns whether the category changed; the page notifies its property. */
gboolean
_sl_meetings_page_set_category (SlMeetingsPage *self,
                                const char     *category)
{
  if (!sl_set_str (&self->category, category ? category : "all"))
    return FALSE;

  gtk_menu_button_set_label (self->filter_menu_button, category_label (self->category));

  gtk_column_view_column_set_visible (self->kind_column,
                                      g_str_equal (self->category, "all") ||
                                      g_str_equal (self->category, "special") ||
                                      g_str_equal (self->category, "branch") ||
                                      g_str_equal (self->category, "other"));
  gtk_filter_changed (GTK_FILTER (self->kind_filter), GTK_FILTER_CHANGE_DIFFERENT);
  return TRUE;
}

/* Narrow windows ------------------------------------------------------------ */

/* Below this width of window, 新建会议 shows only its “+”: with its
 * label, at 360 px, it left the search field “搜…” and met the window's
 * edge. Ctrl+N and Alt+N still start a meeting. */
#define NEW_LABEL_WIDTH 600

static void
window_width_changed (SlMeetingsPage *self)
{
  GtkWidget *content = g_object_get_data (G_OBJECT (self), "sl-new-content");
  int width = sl_ui_window_width (GTK_WIDGET (self));
  gboolean narrow = width > 0 && width < NEW_LABEL_WIDTH;

  if (content == NULL)
    return;

  if (narrow && adw_split_button_get_child (ADW_SPLIT_BUTTON (self->new_button)) == content)
    adw_split_button_set_icon_name (ADW_SPLIT_BUTTON (self->new_button), "list-add-symbolic");
  else if (!narrow && adw_split_button_get_child (ADW_SPLIT_BUTTON (self->new_button)) != content)
    adw_split_button_set_child (ADW_SPLIT_BUTTON (self->new_button), content);
}

/* Alt+N, the mnemonic of 新建会议(N), also where the button shows only
 * “+” (a mnemonic works only while its label shows). */
static gboolean
new_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (widget);

  if (!gtk_widget_get_mapped (self->new_button))
    return FALSE;
  return gtk_widget_activate_action (widget, "meetings.new", NULL);
}

void
_sl_meetings_page_toolbar_init (SlMeetingsPage *self)
{
  GtkShortcutController *shortcuts;

  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), GTK_WIDGET (self->column_view));

  g_object_set_data_full (G_OBJECT (self), "sl-new-content",
                          g_object_ref (adw_split_button_get_child (ADW_SPLIT_BUTTON (self->new_button))),
                          g_object_unref);
  sl_ui_watch_window_width (GTK_WIDGET (self), G_CALLBACK (window_width_changed));
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_ALT_MASK),
                                                          gtk_callback_action_new (new_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

void
_sl_meetings_page_toolbar_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
}
