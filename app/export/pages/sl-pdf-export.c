/* sl-pdf-export.c — documents as PDF pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are the print dialog's: the same renderer
 * (sl_document_pages_new()) lays them out and draws them, here on a cairo
 * PDF surface, one PDF page per page in its own orientation. Cairo embeds
 * the fonts as subsets with their ToUnicode maps, so the text stays
 * selectable and searchable.
 */

#define G_LOG_DOMAIN "sl-pdf-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "sl-binder.h"
#include "sl-document-pages.h"
#include "sl-pdf-export.h"

/* Each page on a PDF page of its own size (cairo_pdf_surface_set_size()
 * before anything is drawn on it), so landscape tables are landscape pages
 * rather than rotated portrait ones. */
static gboolean
write_pdf (SlPageRenderer  *renderer,
           const char      *path,
           GError         **error)
{
  const char *title = sl_page_renderer_get_title (renderer);
  PangoContext *context;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  surface = cairo_pdf_surface_create (path, SL_PAGE_A4_WIDTH, SL_PAGE_A4_HEIGHT);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Study Ledger " PACKAGE_VERSION);

  /* Metrics unhinted, one unit a point: the layout is the same as the
   * print dialog's (GtkPrintContext does the same). */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);

  n_pages = sl_page_renderer_layout (renderer, context, SL_PAGE_A4_WIDTH, SL_PAGE_A4_HEIGHT);
  g_object_unref (context);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      double width, height;

      sl_page_renderer_get_page_size (renderer, page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      sl_page_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * sl_pages_module_register:
 *
 * The pages' entry point: gives sl-document.c its PDF writer. The
 * dispatcher calls it on the first PDF, directly when the pages are linked
 * in, or looked up by name (SL_PAGES_MODULE_ENTRY) in study-ledger-pages.so
 * when it loads them for the command line.
 */
G_MODULE_EXPORT void
sl_pages_module_register (void)
{
  sl_document_register_pdf_writer (sl_pdf_export);
  sl_binder_register_writer (sl_binder_write);
}

gboolean
sl_pdf_export (SlLedger                *ledger,
               const SlDocumentRequest *request,
               const char              *path,
               GError                 **error)
{
  g_autoptr(SlPageRenderer) renderer = NULL;

  g_return_val_if_fail (ledger != NULL, FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(renderer = sl_document_pages_new (ledger, request, error)))
    return FALSE;

  sl_page_fonts_reset_notes ();
  if (!write_pdf (renderer, path, error))
    return FALSE;

  /* Said, not guessed: a secretary whose 仿宋_GB2312 is missing learns
   * what stood in and how to add it, once for the export; a name with a
   * character no font has is named with the font to install. */
  {
    g_autofree char *note = sl_page_fonts_export_note ();

    sl_document_set_note (note);
  }

  return TRUE;
}
