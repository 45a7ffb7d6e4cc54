/* sl-integrity-damage.h — the ledgers this process found damaged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database-errors.h"

G_BEGIN_DECLS

void      sl_integrity_mark_damaged      (const char  *database_path,
                                          gboolean     damaged);
gboolean  sl_integrity_is_damaged        (const char  *database_path);
gboolean  sl_integrity_allow_write       (const char  *database_path,
                                          GError     **error);
void      sl_integrity_set_damaged_error (GError     **error,
                                          const char  *database_path,
                                          const char  *problem);

G_END_DECLS
