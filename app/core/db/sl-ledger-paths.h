/* sl-ledger-paths.h — the files that make up a ledger, and making one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sl-database-errors.h"

G_BEGIN_DECLS

#define SL_PATHS_ERROR (sl_paths_error_quark ())

typedef enum
{
  SL_PATHS_ERROR_IS_LEDGER,   /* an output would overwrite the ledger or its backups */
  SL_PATHS_ERROR_DANGLING,    /* a link to a ledger that is not there */
  SL_PATHS_ERROR_DAMAGED,     /* an SQLite file cut short or with a broken header */
  SL_PATHS_ERROR_FAILED,      /* a folder or file could not be made */
} SlPathsError;

GQuark    sl_paths_error_quark            (void);

char     *sl_database_default_path        (void);
char     *sl_backups_folder_for           (const char  *database_path);

char     *sl_database_resolve_path        (const char  *path,
                                           GError     **error);
gboolean  sl_database_check_output_path   (const char  *ledger_path,
                                           const char  *output,
                                           GError     **error);
gboolean  sl_database_check_header        (sqlite3     *db,
                                           const char  *path,
                                           GError     **error);
void      sl_database_describe_open_error (sqlite3     *db,
                                           const char  *path,
                                           int          rc,
                                           GError     **error);

gboolean  sl_database_link_into_place     (const char  *temporary,
                                           const char  *path,
                                           GError     **error);
void      sl_database_discard_temporary   (const char  *temporary);

G_END_DECLS
