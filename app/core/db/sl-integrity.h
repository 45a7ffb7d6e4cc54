/* sl-integrity.h — finding a damaged ledger before anything is written to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

#define SL_INTEGRITY_ERROR (sl_integrity_error_quark ())

typedef enum
{
  SL_INTEGRITY_ERROR_DAMAGED,    /* SQLite's check finds the file damaged */
  SL_INTEGRITY_ERROR_BAD_TEXT,   /* a text value is not UTF-8 */
} SlIntegrityError;

GQuark    sl_integrity_error_quark     (void);

/* The setting that holds the day (YYYY-MM-DD) of the last sound check. */

char     *sl_integrity_quick_check     (sqlite3     *handle);
char     *sl_integrity_get_checked_day (const char  *database_path);
char     *sl_integrity_full_check      (sqlite3     *handle);
gboolean  sl_integrity_check_daily     (SlDatabase  *db,
                                        GError     **error);
void      sl_integrity_note_sound      (SlDatabase  *db);

void      sl_integrity_mark_damaged    (const char  *database_path,
                                        gboolean     damaged);
gboolean  sl_integrity_is_damaged      (const char  *database_path);
gboolean  sl_integrity_allow_write     (SlDatabase  *db,
                                        GError     **error);
void      sl_integrity_set_damaged_error (GError   **error,
                                          const char *database_path,
                                          const char *problem);

GPtrArray *sl_integrity_find_bad_text  (SlDatabase  *db,
                                        GError     **error);
gboolean  sl_integrity_check_text      (SlDatabase  *db,
                                        GError     **error);
gboolean  sl_integrity_check_copy      (SlDatabase  *db,
                                        GError     **error);

G_END_DECLS
