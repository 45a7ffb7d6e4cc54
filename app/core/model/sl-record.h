/* sl-record.h — base class of every record that carries an archive id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_RECORD (sl_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (SlRecord, sl_record, SL, RECORD, GObject)

struct _SlRecordClass
{
  GObjectClass parent_class;
};

const char *sl_record_get_id   (SlRecord   *self);
void        sl_record_set_id   (SlRecord   *self,
                                const char *id);
gint64      sl_record_get_key  (SlRecord   *self);
void        sl_record_set_key  (SlRecord   *self,
                                gint64      key);
gint64      sl_record_get_change_count (SlRecord *self);
void        sl_record_set_change_count (SlRecord *self,
                                        gint64    change_count);

gboolean    sl_is_uuid         (const char *text);

G_END_DECLS
