/* sl-attachments.h — files kept inside the ledger, with their meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-attachment.h"
#include "sl-types.h"

G_BEGIN_DECLS

/* Fills @buffer with up to @size bytes; returns how many (0 at the end),
 * or -1 with @error set. */
typedef gssize   (*SlAttachmentSource) (gpointer      data,
                                        guchar       *buffer,
                                        gsize         size,
                                        GError      **error);
/* Takes the next @size bytes of an attachment. */
typedef gboolean (*SlAttachmentSink)   (gpointer      data,
                                        const guchar *chunk,
                                        gsize         size,
                                        GError      **error);

/* Refuses (SL_EVIDENCE_ERROR_INVALID) a file over SL_ATTACHMENT_MAX_SIZE. */
gboolean      sl_attachments_check_size (gint64           size,
                                         const char      *name,
                                         GError         **error);

GPtrArray    *sl_attachments_load     (SlLedger            *ledger,
                                       gint64               meeting_key,
                                       GError             **error);
SlAttachment *sl_attachments_find     (SlLedger            *ledger,
                                       const char          *id,
                                       char               **meeting_id,
                                       GError             **error);
/* A change of the meeting, refused or made a revision as the evidence
 * says (sl-attachments-edit.c). */
SlAttachment *sl_attachments_add_file (SlLedger            *ledger,
                                       const char          *meeting_id,
                                       const char          *kind,
                                       const char          *measure_id,
                                       const char          *path,
                                       const char          *by,
                                       const char          *reason,
                                       GError             **error);
gboolean      sl_attachments_insert   (SlLedger            *ledger,
                                       gint64               meeting_key,
                                       SlAttachment        *attachment,
                                       SlAttachmentSource   source,
                                       gpointer             data,
                                       GError             **error);
/* (sl-attachments-edit.c) */
gboolean      sl_attachments_remove   (SlLedger            *ledger,
                                       const char          *id,
                                       const char          *by,
                                       const char          *reason,
                                       GError             **error);
gboolean      sl_attachments_read     (SlLedger            *ledger,
                                       gint64               attachment_key,
                                       SlAttachmentSink     sink,
                                       gpointer             data,
                                       GError             **error);
gboolean      sl_attachments_exists   (SlLedger            *ledger,
                                       const char          *id);
gboolean      sl_attachments_verify   (SlLedger            *ledger,
                                       GPtrArray           *problems,
                                       GError             **error);

G_END_DECLS
