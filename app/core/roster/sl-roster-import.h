/* sl-roster-import.h — put a roster file's people into the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_ROSTER_ERROR (sl_roster_error_quark ())

typedef enum
{
  SL_ROSTER_ERROR_READ,       /* the file cannot be read */
  SL_ROSTER_ERROR_DUPLICATE,  /* one name twice in one organization */
} SlRosterError;

GQuark sl_roster_error_quark (void);

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint organizations_added;
  guint skipped;              /* rows that repeat an earlier row in every cell */
} SlRosterCounts;

SlOrganizationKind sl_organization_kind_guess (const char      *name);

gboolean           sl_roster_import           (SlLedger        *ledger,
                                               const char      *path,
                                               const char      *organization,
                                               SlRosterCounts  *counts,
                                               GError         **error);
gboolean           sl_roster_import_reporting (SlLedger        *ledger,
                                               const char      *path,
                                               const char      *organization,
                                               SlRosterCounts  *counts,
                                               GPtrArray       *skipped,
                                               GError         **error);
gboolean           sl_roster_check_rows       (GPtrArray       *rows,
                                               const char      *organization,
                                               GError         **error);
guint              sl_roster_count_without_organization (GPtrArray  *rows,
                                                         const char *organization);
gboolean           sl_roster_import_rows      (SlLedger        *ledger,
                                               GPtrArray       *rows,
                                               const char      *organization,
                                               SlRosterCounts  *counts,
                                               GError         **error);

/* The members of @ledger in @organization (an id; NULL: those of no
 * organization) whose name is @name once normalised (sl_normalize_name),
 * other than the member @exclude (an id, or NULL). New references, in
 * roster order; empty when the name is free. */
GPtrArray         *sl_roster_find_namesakes   (SlLedger        *ledger,
                                               const char      *name,
                                               const char      *organization,
                                               const char      *exclude);
/* Whether @note tells a member apart from @namesakes (SlMember): always
 * when there are none; else the note must be written, and differ from
 * each of theirs. Two 王堃 of one organization with no note, or the same
 * one, cannot be told apart on a sign-in sheet. */
gboolean           sl_roster_note_tells_apart (GPtrArray       *namesakes,
                                               const char      *note);

G_END_DECLS
