/* sl-database-private.h — inside SlDatabase, for the files that make it up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlDatabase is written in two files: sl-database.c opens the ledger and
 * runs its statements and transactions, sl-database-maintenance.c holds
 * the work on the whole file (bulk writes, the journal, backup, checks).
 * Both see the instance through this header; nothing else includes it.
 */

#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

struct _SlDatabase
{
  GObject     parent_instance;

  /* owned */
  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  GHashTable *settings;    /* key → value, read through */

  gboolean    read_only;   /* opened with SQLITE_OPEN_READONLY */
  guint       depth;       /* transaction nesting */
  guint       generation;  /* changed when what was read may no longer hold */
  gboolean    queued_index; /* schema 8: search_pending to drain at commit */
};

/* What each connection maps of the ledger file (PRAGMA mmap_size). */
#define MMAP_SIZE "1073741824"

G_END_DECLS
