/* sl-attachment.h — a file kept with a meeting: a signed sheet, a photo...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_ATTACHMENT (sl_attachment_get_type ())

G_DECLARE_FINAL_TYPE (SlAttachment, sl_attachment, SL, ATTACHMENT, SlRecord)

/* The largest attachment the ledger keeps: 50 MiB. */
#define SL_ATTACHMENT_MAX_SIZE (G_GINT64_CONSTANT (50) * 1024 * 1024)

SlAttachment *sl_attachment_new             (void);

const char   *sl_attachment_get_kind        (SlAttachment *self);
void          sl_attachment_set_kind        (SlAttachment *self,
                                             const char   *kind);
const char   *sl_attachment_get_name        (SlAttachment *self);
void          sl_attachment_set_name        (SlAttachment *self,
                                             const char   *name);
const char   *sl_attachment_get_media_type  (SlAttachment *self);
void          sl_attachment_set_media_type  (SlAttachment *self,
                                             const char   *media_type);
gint64        sl_attachment_get_size        (SlAttachment *self);
void          sl_attachment_set_size        (SlAttachment *self,
                                             gint64        size);
const char   *sl_attachment_get_sha256      (SlAttachment *self);
void          sl_attachment_set_sha256      (SlAttachment *self,
                                             const char   *sha256);
const char   *sl_attachment_get_added_at    (SlAttachment *self);
void          sl_attachment_set_added_at    (SlAttachment *self,
                                             const char   *added_at);
const char   *sl_attachment_get_speech      (SlAttachment *self);
void          sl_attachment_set_speech      (SlAttachment *self,
                                             const char   *speech);
const char   *sl_attachment_get_measure     (SlAttachment *self);
void          sl_attachment_set_measure     (SlAttachment *self,
                                             const char   *measure);

gboolean      sl_attachment_kind_is_valid   (const char   *kind);
const char   *sl_attachment_kind_list       (void);

G_END_DECLS
