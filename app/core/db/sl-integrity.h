/* sl-integrity.h — finding a damaged ledger before anything is written to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-integrity-damage.h"

G_BEGIN_DECLS

/* The setting that holds the day (YYYY-MM-DD) of the last sound check. */

char     *sl_integrity_quick_check     (sqlite3     *handle,
                                        int         *unchecked);
char     *sl_integrity_get_checked_day (const char  *database_path);
char     *sl_integrity_full_check      (sqlite3     *handle,
                                        int         *unchecked);
gboolean  sl_integrity_rc_is_damage    (int          rc);
gboolean  sl_integrity_require_sound   (SlDatabase  *db,
                                        GError     **error);
gboolean  sl_integrity_check_daily     (SlDatabase  *db,
                                        GError     **error);
void      sl_integrity_note_sound      (SlDatabase  *db);

GPtrArray *sl_integrity_find_bad_text  (SlDatabase  *db,
                                        GError     **error);
gboolean  sl_integrity_check_text      (SlDatabase  *db,
                                        GError     **error);
gboolean  sl_integrity_check_copy      (SlDatabase  *db,
                                        GError     **error);

G_END_DECLS
