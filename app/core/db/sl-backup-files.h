/* sl-backup-files.h — a ledger's daily copies as files in their folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database-errors.h"
#include "sl-ledger-paths.h"

G_BEGIN_DECLS

/* The mark a daily copy carries inside (its settings table) once it has
 * passed SQLite's integrity check: the date of its name. Copies made by
 * older versions, or damaged since, do not have it. */
#define SL_BACKUPS_SOUND_SETTING "backup_sound_on"

GPtrArray *sl_backups_list_daily        (const char  *folder,
                                         gboolean     clean_up,
                                         GError     **error);
gboolean   sl_backups_is_sound_copy     (const char  *folder,
                                         const char  *name);
char      *sl_backups_find_newest_sound (const char  *database_path);

G_END_DECLS
