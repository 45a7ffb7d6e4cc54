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
#define SL_SCHEMA_VERSION 7


int         sl_migrations_apply            (sqlite3     *db,
                                            int          version);

/* For sl_database_defer_search_index(): the triggers that index a new
 * row, and the SQL that indexes the rows written while they stood aside. */
guint       sl_migrations_n_index_triggers (void);
const char *sl_migrations_index_trigger    (guint        i,
                                            gboolean     create);
extern const char sl_migrations_index_deferred_sql[];

G_END_DECLS
