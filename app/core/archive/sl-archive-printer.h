/* sl-archive-printer.h — a thread that writes an export's elements while the next are read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @text, an element's generated text, into the caller's stream;
 * FALSE once a write has failed (the stream keeps the error). */
typedef gboolean (*SlArchivePrint) (gpointer  data,
                                    GBytes   *text);

typedef struct _SlArchivePrinter SlArchivePrinter;

SlArchivePrinter *sl_archive_printer_start  (SlArchivePrint    print,
                                             gpointer          data);
gboolean          sl_archive_printer_push   (SlArchivePrinter *printer,
                                             GBytes           *text);
void              sl_archive_printer_drain  (SlArchivePrinter *printer);
gboolean          sl_archive_printer_failed (SlArchivePrinter *printer);
void              sl_archive_printer_stop   (SlArchivePrinter *printer);

G_END_DECLS
