/* sl-database.h — the ledger's SQLite file: opening, migrations, statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sl-database-errors.h"
#include "sl-ledger-paths.h"
#include "sl-migrations.h"
#include "sl-search-builder.h"
#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_DATABASE (sl_database_get_type ())

G_DECLARE_FINAL_TYPE (SlDatabase, sl_database, SL, DATABASE, GObject)

SlDatabase   *sl_database_open           (const char   *path,
                                          GError      **error);
SlDatabase   *sl_database_open_read_only  (const char   *path,
                                          GError      **error);
SlDatabase   *sl_database_open_at_version (const char  *path,
                                          int           version,
                                          GError      **error);

const char   *sl_database_get_path       (SlDatabase   *self);
sqlite3      *sl_database_get_handle     (SlDatabase   *self);
int           sl_database_get_version    (SlDatabase   *self);

sqlite3_stmt *sl_database_prepare        (SlDatabase   *self,
                                          const char   *sql,
                                          GError      **error);
void          sl_database_set_mapped     (SlDatabase   *self,
                                          gboolean      mapped);
gboolean      sl_database_exec           (SlDatabase   *self,
                                          const char   *sql,
                                          GError      **error);
gboolean      sl_database_step_done      (SlDatabase   *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);

gboolean      sl_database_begin          (SlDatabase   *self,
                                          GError      **error);
gboolean      sl_database_commit         (SlDatabase   *self,
                                          GError      **error);
void          sl_database_rollback       (SlDatabase   *self);
guint         sl_database_get_generation (SlDatabase   *self);
gboolean      sl_database_set_write_ahead (SlDatabase  *self,
                                           gboolean     write_ahead);

gboolean      sl_database_defer_search_index (SlDatabase *self,
                                              GError    **error);
gboolean      sl_database_index_deferred (SlDatabase   *self,
                                          GError      **error);
SlSearchBuilder *sl_database_new_search_builder (SlDatabase  *self,
                                                GError     **error);
gboolean      sl_database_hand_search_texts (SlDatabase       *self,
                                             SlSearchBuilder  *builder,
                                             gboolean          last,
                                             GError          **error);
gboolean      sl_database_install_search_index (SlDatabase       *self,
                                                SlSearchBuilder  *builder,
                                                GError          **error);
gboolean      sl_database_update_search_index (SlDatabase  *self,
                                               GError     **error);

gboolean      sl_database_set_error      (SlDatabase   *self,
                                          int           rc,
                                          GError      **error);

char         *sl_database_create_temporary (const char  *path,
                                           int          version,
                                           GError     **error);

gboolean      sl_database_backup         (SlDatabase   *self,
                                          const char   *destination,
                                          GError      **error);
GPtrArray    *sl_database_check          (SlDatabase   *self,
                                          GError      **error);

const char   *sl_database_get_setting    (SlDatabase   *self,
                                          const char   *key);
gboolean      sl_database_set_setting    (SlDatabase   *self,
                                          const char   *key,
                                          const char   *value,
                                          GError      **error);

/* Bind helpers: NULL or "" binds SQL NULL only where said. */
void          sl_bind_text               (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text);
void          sl_bind_key                (sqlite3_stmt *stmt,
                                          int           index,
                                          gint64        key);
const char   *sl_column_text             (sqlite3_stmt *stmt,
                                          int           index);

G_END_DECLS
