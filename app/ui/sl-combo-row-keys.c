/* sl-combo-row-keys.c — a combo row's list as the keyboard expects it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2's AdwComboRow opens its list with the focus where the
 * list's cursor last was, the first item for a list never opened, while
 * the check mark is on the item shown; and on Return it picks the list's
 * selection, not the item activated. So a meeting of the third kind,
 * opened from the list, opened its kinds with 党组会议 focused, and
 * Return there kept the third kind (issue 17: "Return on the first item
 * picks nothing"). Here the list opens on the item shown, and the item
 * activated is the one picked. The row's popover and its list view are
 * found as widgets: 1.2 has no API for either. GTK 4.8's GtkDropDown,
 * which AdwComboRow was copied from, does the same and is mended alike.
 */

#define G_LOG_DOMAIN "sl-combo-row-keys"

#include "config.h"

#include "sl-combo-row-keys.h"

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* Either widget's "selected", read and written. */
static guint
get_selected (GtkWidget *combo)
{
  return ADW_IS_COMBO_ROW (combo) ? adw_combo_row_get_selected (ADW_COMBO_ROW (combo))
                                  : gtk_drop_down_get_selected (GTK_DROP_DOWN (combo));
}

static GListModel *
get_model (GtkWidget *combo)
{
  return ADW_IS_COMBO_ROW (combo) ? adw_combo_row_get_model (ADW_COMBO_ROW (combo))
                                  : gtk_drop_down_get_model (GTK_DROP_DOWN (combo));
}

/* After the widget's own handler, which closed the list with its selection. */
static void
on_activate (GtkListView *list,
             guint        position,
             GtkWidget   *combo)
{
  if (ADW_IS_COMBO_ROW (combo))
    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), position);
  else
    gtk_drop_down_set_selected (GTK_DROP_DOWN (combo), position);
}

/* The list's rows are made by the time the popover is mapped (the row
 * presents it at each of its allocations). While all of them are made,
 * which a combo row's few are, the list view's n-th item widget is its
 * n-th item; a long list, whose widgets are only those in view, keeps
 * libadwaita's focus. */
static void
on_popover_map (GtkWidget *popover,
                GtkWidget *combo)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (combo), "sl-combo-list");
  GListModel *model = get_model (combo);
  guint selected = get_selected (combo);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (list == NULL || model == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget") == 0)
      g_ptr_array_add (items, child);
  if (items->len == g_list_model_get_n_items (model) && selected < items->len)
    gtk_widget_grab_focus (g_ptr_array_index (items, selected));
}

static void
install (GtkWidget *combo)
{
  GtkWidget *popover = find_descendant (combo, GTK_TYPE_POPOVER);
  GtkWidget *list = popover ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;

  if (list == NULL)
    {
      g_warning ("A %s without its popover's list: its keys are as it made them", G_OBJECT_TYPE_NAME (combo));
      return;
    }
  g_object_set_data (G_OBJECT (combo), "sl-combo-list", list);
  g_signal_connect_object (list, "activate", G_CALLBACK (on_activate), combo, G_CONNECT_AFTER);
  g_signal_connect_object (popover, "map", G_CALLBACK (on_popover_map), combo, G_CONNECT_AFTER);
}

void
sl_combo_row_keys_install (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  install (GTK_WIDGET (row));
  /* A window with a default widget sends Return there unless the focus
   * "receives default": a tester's Return on 类型 added the organization
   * as a 党组 instead of opening the list. So Return on the row is the
   * row's own, as Space is, and opens its list. */
  gtk_widget_set_receives_default (GTK_WIDGET (row), TRUE);
}

void
sl_drop_down_keys_install (GtkDropDown *drop)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop));
  install (GTK_WIDGET (drop));
}
