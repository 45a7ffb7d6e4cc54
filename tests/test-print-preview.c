/* test-print-preview.c — 预览 shows the pages in a window of ours when no previewer is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. The print dialog's preview went to GTK's
 * print-preview-command (Evince), and where that is not installed showed
 * nothing. Here the command names no installed program: the preview of a
 * document of the example ledger opens SlPrintPreview with every page the
 * renderer laid out, each drawn (not blank) by the renderer.
 */

#include "config.h"

#include <adwaita.h>

#include "sl-archive.h"
#include "sl-document-pages.h"
#include "sl-ledger.h"
#include "sl-print-operation.h"
#include "sl-print-preview.h"
#include "sl-test-util.h"
#include "sl-test-display.h"

#define EXAMPLE "/org/studyledger/StudyLedger/example-archive.json"

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static guint
count_drawing_areas (GtkWidget *root)
{
  guint n = GTK_IS_DRAWING_AREA (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_drawing_areas (child);
  return n;
}

static void
test_preview_without_previewer (void)
{
  g_autofree char *folder = make_temp_folder ("test-print-preview-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(SlPageRenderer) renderer = NULL;
  g_autoptr(SlPrintOperation) operation = NULL;
  cairo_surface_t *surface;
  SlDocumentRequest request = { .kind = SL_DOCUMENT_MEETINGS_LEDGER, .year = 2025, .today = "2025-12-31" };
  GtkWidget *parent;
  SlPrintPreview *preview;
  gint64 end;
  cairo_t *cr;
  guint32 *pixels;
  gboolean inked = FALSE;

  g_assert_no_error (error);
  archive = g_resources_lookup_data (EXAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sl_archive_import_data (ledger, g_bytes_get_data (archive, NULL), g_bytes_get_size (archive),
                          "example-archive.json", FALSE, NULL, &error);
  g_assert_no_error (error);

  g_object_set (gtk_settings_get_default (), "gtk-print-preview-command",
                "sl-no-such-previewer --preview %f", NULL);
  g_assert_false (sl_print_preview_has_previewer ());

  parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (parent));

  renderer = sl_document_pages_new (ledger, &request, &error);
  g_assert_no_error (error);
  operation = sl_print_operation_new (renderer, "test");
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                           GTK_WINDOW (parent), &error);
  g_assert_no_error (error);

  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((preview = find_toplevel (SL_TYPE_PRINT_PREVIEW)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (preview);

  /* Every page laid out is there, one drawing each. */
  g_assert_cmpuint (sl_page_renderer_get_n_pages (renderer), >, 0);
  g_assert_cmpuint (sl_print_preview_get_n_pages (preview), ==, sl_page_renderer_get_n_pages (renderer));
  g_assert_cmpuint (count_drawing_areas (GTK_WIDGET (preview)), ==, sl_print_preview_get_n_pages (preview));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == GTK_WINDOW (parent));

  /* The renderer it draws with has the pages laid out: page 1 is inked. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  sl_page_renderer_draw_page (sl_print_preview_get_renderer (preview), cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  for (int i = 0; i < 595 * 842 && !inked; i++)
    inked = (pixels[i] & 0xffffff) != 0xffffff;
  cairo_surface_destroy (surface);
  g_assert_true (inked);

  gtk_window_destroy (GTK_WINDOW (preview));
  gtk_window_destroy (GTK_WINDOW (parent));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&ledger);
  remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  sl_test_gtk_init (&argc, &argv);

  g_test_add_func ("/print-preview/without-previewer", test_preview_without_previewer);

  return g_test_run ();
}
