/* sl-save-queue.h — saves that wait for a busy ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sl-ledger.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_SAVE_QUEUE (sl_save_queue_get_type ())

G_DECLARE_FINAL_TYPE (SlSaveQueue, sl_save_queue, SL, SAVE_QUEUE, GObject)

#define SL_SAVE_QUEUE_RETRY_MS 1500

SlSaveQueue *sl_save_queue_get           (SlLedger    *ledger);
gboolean     sl_save_queue_save          (SlSaveQueue *self,
                                          SlRecord    *record,
                                          GError     **error);
void         sl_save_queue_add           (SlSaveQueue *self,
                                          SlRecord    *record);
gboolean     sl_save_queue_flush         (SlSaveQueue *self,
                                          GError     **error);
guint        sl_save_queue_get_n_pending (SlSaveQueue *self);
gboolean     sl_save_queue_holds         (SlLedger    *ledger,
                                          SlRecord    *record);

G_END_DECLS
