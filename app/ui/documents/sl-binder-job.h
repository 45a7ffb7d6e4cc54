/* sl-binder-job.h — the year's binder from the window, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-ledger.h"

G_BEGIN_DECLS

/* A file chooser (PDF or ZIP by the name's extension; where @ledger has
 * several organisations, a 组织 choice: all, or one), then the binder in
 * a worker thread with a progress bar and Cancel, then a toast on @owner. */
char *sl_binder_default_name      (SlLedger   *ledger,
                                  int         year);
void sl_binder_choose_and_export (GtkWidget  *owner,
                                  SlLedger   *ledger,
                                  const char *database_path,
                                  int         year);

G_END_DECLS
