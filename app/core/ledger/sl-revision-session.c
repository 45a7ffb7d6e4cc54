/* sl-revision-session.c — one revision session of a final meeting: one reason, one revision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor's 修订… asks the reason once, before the fields open; what
 * is then typed is saved as it is typed, in many saves. The history must
 * show that sitting as one revision with its reason, not one per save:
 * the session remembers the revision its first change recorded, and
 * sl_evidence_change_end() (sl-evidence.c, through sl_evidence_set_session())
 * only re-finalises the meeting at its later saves, as long as that
 * revision is still the meeting's last. A revision made meanwhile (a
 * restore, another program) makes the next save a revision of its own.
 */

#define G_LOG_DOMAIN "sl-revision-session"

#include "config.h"

#include "sl-revision-session.h"

struct _SlRevisionSession
{
  char *meeting_id;
  char *by;
  char *reason;
  int   revision;
};

SlRevisionSession *
sl_revision_session_new (const char *meeting_id,
                         const char *by,
                         const char *reason)
{
  SlRevisionSession *session;

  g_return_val_if_fail (meeting_id != NULL && reason != NULL, NULL);

  session = g_new0 (SlRevisionSession, 1);
  session->meeting_id = g_strdup (meeting_id);
  session->by = g_strdup (by);
  session->reason = g_strdup (reason);
  return session;
}

void
sl_revision_session_free (SlRevisionSession *session)
{
  if (session == NULL)
    return;
  g_free (session->meeting_id);
  g_free (session->by);
  g_free (session->reason);
  g_free (session);
}

const char *
sl_revision_session_get_meeting (SlRevisionSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);
  return session->meeting_id;
}

const char *
sl_revision_session_get_by (SlRevisionSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);
  return session->by;
}

const char *
sl_revision_session_get_reason (SlRevisionSession *session)
{
  g_return_val_if_fail (session != NULL, NULL);
  return session->reason;
}

int
sl_revision_session_get_revision (SlRevisionSession *session)
{
  g_return_val_if_fail (session != NULL, 0);
  return session->revision;
}

void
sl_revision_session_set_revision (SlRevisionSession *session,
                                  int                revision)
{
  g_return_if_fail (session != NULL);
  session->revision = revision;
}
