/* sl-print-preview.h — a document's pages shown in a window of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-page-renderer.h"

G_BEGIN_DECLS

#define SL_TYPE_PRINT_PREVIEW (sl_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (SlPrintPreview, sl_print_preview, SL, PRINT_PREVIEW, AdwWindow)

/* @renderer laid out already (begin-print ran). */
GtkWidget      *sl_print_preview_new          (GtkWindow      *parent,
                                               SlPageRenderer *renderer);
guint           sl_print_preview_get_n_pages  (SlPrintPreview *self);
SlPageRenderer *sl_print_preview_get_renderer (SlPrintPreview *self);
/* Whether GTK's print-preview-command names a program that is installed. */
gboolean        sl_print_preview_has_previewer (void);

G_END_DECLS
