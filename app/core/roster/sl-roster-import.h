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
} SlRosterCounts;

SlOrganizationKind sl_organization_kind_guess (const char      *name);

gboolean           sl_roster_import           (SlLedger        *ledger,
                                               const char      *path,
                                               const char      *organization,
                                               SlRosterCounts  *counts,
                                               GError         **error);
gboolean           sl_roster_import_rows      (SlLedger        *ledger,
                                               GPtrArray       *rows,
                                               const char      *organization,
                                               SlRosterCounts  *counts,
                                               GError         **error);

G_END_DECLS
