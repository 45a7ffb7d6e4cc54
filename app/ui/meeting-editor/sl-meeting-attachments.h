/* sl-meeting-attachments.h — the files kept with a meeting, in its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_ATTACHMENTS (sl_meeting_attachments_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingAttachments, sl_meeting_attachments, SL, MEETING_ATTACHMENTS, AdwBin)

GtkWidget *sl_meeting_attachments_new      (void);

/* Shows the attachments of @meeting_id (NULL: none). @final: a change
 * needs a reason (asked for, or @reason when given). */
void       sl_meeting_attachments_set      (SlMeetingAttachments *self,
                                            SlLedger             *ledger,
                                            const char           *meeting_id,
                                            gboolean              final,
                                            const char           *by,
                                            const char           *reason);
void       sl_meeting_attachments_reload   (SlMeetingAttachments *self);

/* Adds the file at @path off the main loop; ::changed when stored. */
void       sl_meeting_attachments_add_file (SlMeetingAttachments *self,
                                            const char           *path,
                                            const char           *kind);
guint      sl_meeting_attachments_get_n_items (SlMeetingAttachments *self);
/* Whether row @index shows a thumbnail (an image, or a PDF's first page). */
gboolean   sl_meeting_attachments_has_thumbnail (SlMeetingAttachments *self,
                                            guint                 index);

G_END_DECLS
