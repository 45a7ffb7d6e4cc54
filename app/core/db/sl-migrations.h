/* sl-migrations.h — the ledger's schema versions and the steps to each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema this build writes (PRAGMA user_version); the history is
 * told at the top of sl-database.c. */
#define SL_SCHEMA_VERSION 9


int         sl_migrations_apply            (sqlite3     *db,
                                            int          version);

/* For sl_database_defer_search_index() and
 * sl_database_index_deferred(): the triggers that index a new row set
 * aside, and the rows written meanwhile indexed in one pass. */
int         sl_migrations_defer_index      (sqlite3     *db);
int         sl_migrations_index_batch      (sqlite3     *db);
int         sl_migrations_index_deferred   (sqlite3     *db);

G_END_DECLS
