/* sl-measure-dialog.h — close a follow-up measure: when, and what was done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-measure-entry.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEASURE_DIALOG (sl_measure_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlMeasureDialog, sl_measure_dialog, SL, MEASURE_DIALOG, AdwMessageDialog)

GtkWidget  *sl_measure_dialog_new          (GtkWindow       *parent,
                                            SlMeasureEntry  *entry);
SlMeasureEntry *sl_measure_dialog_get_entry (SlMeasureDialog *self);
char       *sl_measure_dialog_get_done_on  (SlMeasureDialog *self);
char       *sl_measure_dialog_get_progress (SlMeasureDialog *self);

G_END_DECLS
