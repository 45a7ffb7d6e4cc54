/* test-window-narrow-details.c — issue 17's leftovers at 1400, 700 and 360 px
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (build-aux/setup.sh --test), on a realistic year
 * (tests/data/year-2023.json imported into a real ledger). Read from the
 * widgets' allocations:
 *
 *  - the study plan's title (学习计划 › 标题) is shown whole at 360 px,
 *    wrapped in the row below it (it was cut mid-character); at 1400 px
 *    it fits its row and nothing is added;
 *  - the organizations dialog opens no wider than a 360 px window.
 */

#include "config.h"

#include <adwaita.h>

#include "sl-ledger.h"
#include "sl-organization-dialog.h"
#include "sl-plan-page.h"
#include "sl-window.h"
#include "sl-test-util.h"
#include "sl-test-window.h"
#include "sl-test-display.h"

typedef SlTestYear Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  sl_test_year_set_up (fixture, "test-window-narrow-details-XXXXXX");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  sl_test_year_tear_down (fixture);
}

static SlWindow *
open_window (Fixture *fixture, int width)
{
  SlWindow *window = sl_test_window_open (fixture->ledger, width, 800);

  sl_test_iterate (150);
  return window;
}

/* A wrapped label whose text, as laid out, fits its allocation. */
static gboolean
wrapped_whole (GtkWidget *label)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  PangoRectangle logical;

  if (!gtk_label_get_wrap (GTK_LABEL (label)) || pango_layout_is_ellipsized (layout))
    return FALSE;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width <= gtk_widget_get_width (label) + 1 &&
         logical.height <= gtk_widget_get_height (label) + 1;
}

/* The plan's title, at @width: whole in its row, or below it. */
static void
check_plan_title (Fixture *fixture, int width, gboolean wrapped)
{
  SlWindow *window = open_window (fixture, width);
  GtkWidget *page = sl_window_get_page (window, "plan");
  GtkWidget *row, *below, *label;
  const char *title;

  sl_window_show_page (window, "plan");
  row = sl_test_template_child (page, SL_TYPE_PLAN_PAGE, "title_row");
  SL_TEST_WAIT_FOR (gtk_widget_get_mapped (row));
  title = gtk_editable_get_text (GTK_EDITABLE (row));
  g_assert_cmpint (g_utf8_strlen (title, -1), >, 20);
  /* Laid out, then looked at (sl-entry-wrap.c looks over the next
   * frames): waited for, never a fixed sleep on this loaded machine. */
  SL_TEST_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)))) > 0);
  if (wrapped)
    SL_TEST_WAIT_FOR (gtk_widget_get_mapped (gtk_widget_get_next_sibling (row)));
  else
    sl_test_iterate (300);

  below = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (below);
  g_assert_cmpstr (gtk_widget_get_name (below), ==, "sl-entry-wrap");
  g_assert_false (gtk_widget_get_focusable (below));
  g_test_message ("%d px: title wrapped below: %d; text %d px of row %d px", width, gtk_widget_get_mapped (below),
                  gtk_widget_get_width (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)))),
                  gtk_widget_get_width (row));
  g_assert_cmpint (gtk_widget_get_mapped (below), ==, wrapped);
  if (wrapped)
    {
      label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (below));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, title);
      g_assert_true (wrapped_whole (label));
    }
  sl_test_window_close (window, NULL);
}

static void
test_plan_title_360 (Fixture *fixture, gconstpointer data)
{
  check_plan_title (fixture, 360, TRUE);
}

static void
test_plan_title_1400 (Fixture *fixture, gconstpointer data)
{
  check_plan_title (fixture, 1400, FALSE);
}

/* The organizations dialog opens no wider than a 360 px window (it was
 * 515 px, its right part off the screen). */
static void
test_organization_dialog_360 (Fixture *fixture, gconstpointer data)
{
  SlWindow *window = open_window (fixture, 360);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;
  int minimum = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.organizations", NULL);
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       dialog == NULL && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

          if (SL_IS_ORGANIZATION_DIALOG (toplevel) && gtk_widget_get_mapped (toplevel))
            dialog = toplevel;
        }
    }
  g_assert_nonnull (dialog);
  SL_TEST_WAIT_FOR (gtk_widget_get_width (dialog) > 0);
  sl_test_iterate (300);

  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("the organizations dialog: %d px, needs %d", gtk_widget_get_width (dialog), minimum);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 360);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_test_window_close (window, NULL);
}

int
main (int argc, char **argv)
{
  sl_test_gtk_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/window-narrow-details/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("plan-title-360", test_plan_title_360);
  ADD ("plan-title-1400", test_plan_title_1400);
  ADD ("organization-dialog-360", test_organization_dialog_360);
#undef ADD

  return g_test_run ();
}
