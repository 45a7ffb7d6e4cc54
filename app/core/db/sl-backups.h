/* sl-backups.h — the daily copies of a ledger, and putting one back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-backup-files.h"
#include "sl-database.h"

G_BEGIN_DECLS

/* How many daily backups are kept when the setting says nothing. */
#define SL_BACKUPS_KEEP_DEFAULT 14
/* The setting (sl_database_get_setting) that overrides it. */
#define SL_BACKUPS_KEEP_SETTING "backups_keep"

guint     sl_backups_get_keep        (SlDatabase  *db);

gboolean  sl_backups_run_daily       (SlDatabase  *db,
                                      const char  *folder,
                                      guint        keep,
                                      GError     **error);

gboolean  sl_backups_write_checked   (SlDatabase  *db,
                                      const char  *output,
                                      GError     **error);

gboolean  sl_backups_check_file      (const char  *path,
                                      GError     **error);
gboolean  sl_backups_restore         (const char  *database_path,
                                      const char  *backup_file,
                                      GError     **error);
gboolean  sl_backups_restore_full    (const char  *database_path,
                                      const char  *backup_file,
                                      char       **saved_as,
                                      GError     **error);

G_END_DECLS
