/* sl-revision-session.h — one revision session of a final meeting: one reason, one revision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlRevisionSession SlRevisionSession;

SlRevisionSession *sl_revision_session_new          (const char        *meeting_id,
                                                     const char        *by,
                                                     const char        *reason);
void               sl_revision_session_free         (SlRevisionSession *session);
const char        *sl_revision_session_get_meeting  (SlRevisionSession *session);
const char        *sl_revision_session_get_by       (SlRevisionSession *session);
const char        *sl_revision_session_get_reason   (SlRevisionSession *session);
/* The revision the session recorded, 0 before its first change. */
int                sl_revision_session_get_revision (SlRevisionSession *session);
void               sl_revision_session_set_revision (SlRevisionSession *session,
                                                     int                revision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlRevisionSession, sl_revision_session_free)

G_END_DECLS
