/* sl-database-errors.c — the error domains of the ledger's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-database-errors.h"

G_DEFINE_QUARK (sl-database-error-quark, sl_database_error)
G_DEFINE_QUARK (sl-backups-error-quark, sl_backups_error)
G_DEFINE_QUARK (sl-integrity-error-quark, sl_integrity_error)
