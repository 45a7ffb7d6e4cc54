/* sl-integrity-damage.c — the ledgers this process found damaged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A refused ledger is remembered for the rest of the process (by path),
 * and sl_database_begin() asks sl_integrity_allow_write() before every
 * write transaction: the window's saves are refused with the same message
 * as the command line's, which names `restore` and the newest backup that
 * passed its check when it was made (sl_backups_find_newest_sound()).
 * Below SlDatabase: it knows ledgers by path only. The checks that find
 * the damage are in sl-integrity.c.
 */

#define G_LOG_DOMAIN "sl-integrity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-backup-files.h"
#include "sl-integrity-damage.h"
#include "sl-ledger-paths.h"

/* Ledger paths found damaged in this process → the problem found. */
static GHashTable *damaged;
G_LOCK_DEFINE_STATIC (damaged);

static char *
canonical (const char *path)
{
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = sl_database_default_path ();

  return g_canonicalize_filename (path, NULL);
}

/**
 * sl_integrity_mark_damaged:
 * @database_path: (nullable): the ledger, %NULL for the default one
 * @damaged: whether it is
 *
 * Notes for the rest of the process that the ledger is damaged (writes
 * are refused, sl_integrity_allow_write()), or that it is sound again
 * (after a restore).
 */
void
sl_integrity_mark_damaged (const char *database_path,
                           gboolean    is_damaged)
{
  g_autofree char *key = canonical (database_path);

  G_LOCK (damaged);
  if (damaged == NULL)
    damaged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (is_damaged)
    g_hash_table_add (damaged, g_steal_pointer (&key));
  else
    g_hash_table_remove (damaged, key);
  G_UNLOCK (damaged);
}

gboolean
sl_integrity_is_damaged (const char *database_path)
{
  g_autofree char *key = canonical (database_path);
  gboolean found;

  G_LOCK (damaged);
  found = damaged != NULL && g_hash_table_contains (damaged, key);
  G_UNLOCK (damaged);

  return found;
}

/* A path as the shell wants it: quoted only where needed. */
static char *
shell_word (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if (strchr (" \t'\"\\$`!*?&;|<>()[]{}#~", *p) != NULL)
      return g_shell_quote (path);

  return g_strdup (path);
}

/**
 * sl_integrity_set_damaged_error:
 * @database_path: (nullable): the ledger, %NULL for the default one
 * @problem: (nullable): what SQLite's check reported
 *
 * Sets @error to SL_INTEGRITY_ERROR_DAMAGED: the ledger is damaged,
 * nothing was written, and how to put back the newest sound backup.
 */
void
sl_integrity_set_damaged_error (GError    **error,
                                const char *database_path,
                                const char *problem)
{
  g_autofree char *default_path = sl_database_default_path ();
  g_autofree char *backup = NULL;
  g_autofree char *command = NULL;
  g_autofree char *database_option = NULL;

  if (database_path == NULL)
    database_path = default_path;

  /* The default ledger needs no --database in the command. */
  if (g_strcmp0 (database_path, default_path) == 0)
    database_option = g_strdup ("");
  else
    {
      g_autofree char *word = shell_word (database_path);
      database_option = g_strdup_printf (" --database %s", word);
    }

  backup = sl_backups_find_newest_sound (database_path);
  if (backup != NULL)
    {
      g_autofree char *word = shell_word (backup);

      command = g_strdup_printf ("study-ledger%s restore %s", database_option, word);
      g_set_error (error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_DAMAGED,
                   _("The ledger %s is damaged (%s); nothing was written. Put back the "
                     "newest sound backup, %s, with “%s”"),
                   database_path, problem ? problem : _("SQLite's check failed"),
                   backup, command);
    }
  else
    {
      command = g_strdup_printf ("study-ledger%s restore FILE", database_option);
      g_set_error (error, SL_INTEGRITY_ERROR, SL_INTEGRITY_ERROR_DAMAGED,
                   _("The ledger %s is damaged (%s); nothing was written. No backup of it "
                     "is known to be sound: put back a copy you trust with “%s”"),
                   database_path, problem ? problem : _("SQLite's check failed"), command);
    }
}

/**
 * sl_integrity_allow_write:
 * @database_path: (nullable): the ledger, %NULL for the default one
 *
 * Whether the ledger may be written: %FALSE, with the damage message, once
 * this process has found its file damaged. sl_database_begin() asks before
 * every write transaction.
 */
gboolean
sl_integrity_allow_write (const char  *database_path,
                          GError     **error)
{
  if (!sl_integrity_is_damaged (database_path))
    return TRUE;

  sl_integrity_set_damaged_error (error, database_path, NULL);
  return FALSE;
}
