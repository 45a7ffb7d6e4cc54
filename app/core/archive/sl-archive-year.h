/* sl-archive-year.h — one year of the archive, for the year's binder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* A record of another year or organization, by its "year", "date" and
 * "organization" members: one the year's archive leaves out. */
gboolean sl_archive_year_is_other (JsonObject  *record,
                                   int          year,
                                   const char  *organization);

/* Streamed into @path (sl-archive-stream.c): what the binder's ZIP holds. */
gboolean sl_archive_export_year (SlLedger    *ledger,
                                 int          year,
                                 const char  *organization,
                                 const char  *exported_at,
                                 const char  *path,
                                 GError     **error);

/* The same bytes, built as one tree: for the tests. */
char *sl_archive_write_year (SlLedger    *ledger,
                             int          year,
                             const char  *organization,
                             const char  *exported_at,
                             gsize       *length,
                             GError     **error);

G_END_DECLS
