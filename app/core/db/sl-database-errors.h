/* sl-database-errors.h — the error domains of the ledger's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a leaf header of their own, so that the files below SlDatabase (the
 * paths of a ledger's files, its backup copies, the damage registry) can
 * set the codes that the command line and the window tell apart, without
 * including the modules above them. sl-database.h, sl-backups.h and
 * sl-integrity.h include it.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_DATABASE_ERROR (sl_database_error_quark ())

typedef enum
{
  SL_DATABASE_ERROR_OPEN,          /* cannot create or open the file */
  SL_DATABASE_ERROR_NOT_A_LEDGER,  /* not SQLite, or someone else's SQLite */
  SL_DATABASE_ERROR_NEWER,         /* written by a newer Study Ledger */
  SL_DATABASE_ERROR_BUSY,          /* locked by another process for too long */
  SL_DATABASE_ERROR_CONSTRAINT,    /* a row broke a rule of the schema */
  SL_DATABASE_ERROR_FAILED,        /* any other SQLite failure */
} SlDatabaseError;

GQuark sl_database_error_quark (void);

#define SL_BACKUPS_ERROR (sl_backups_error_quark ())

typedef enum
{
  SL_BACKUPS_ERROR_FOLDER,     /* the backup folder cannot be made or read */
  SL_BACKUPS_ERROR_NOT_VALID,  /* the file to restore is not a sound ledger */
  SL_BACKUPS_ERROR_NEWER,      /* the file to restore was written by a newer version */
  SL_BACKUPS_ERROR_FAILED,     /* copying or replacing failed */
} SlBackupsError;

GQuark    sl_backups_error_quark     (void);

#define SL_INTEGRITY_ERROR (sl_integrity_error_quark ())

typedef enum
{
  SL_INTEGRITY_ERROR_DAMAGED,    /* SQLite's check finds the file damaged */
  SL_INTEGRITY_ERROR_BAD_TEXT,   /* a text value is not UTF-8 */
} SlIntegrityError;

GQuark    sl_integrity_error_quark     (void);

G_END_DECLS
