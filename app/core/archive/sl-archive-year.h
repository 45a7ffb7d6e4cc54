/* sl-archive-year.h — one year of the archive, for the year's binder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

char *sl_archive_write_year (SlLedger    *ledger,
                             int          year,
                             const char  *organization,
                             const char  *exported_at,
                             gsize       *length,
                             GError     **error);

G_END_DECLS
