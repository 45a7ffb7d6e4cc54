/* sl-xlsx-writer.h — document tables as an Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-table.h"

G_BEGIN_DECLS

/* Writes each SlTable of @tables as one worksheet of a workbook at @path,
 * set up to print on A4 (the caller picks a temporary path and renames it:
 * this only writes). Errors are SL_DOCUMENT_ERROR_WRITE. */
gboolean sl_xlsx_write_tables (GPtrArray   *tables,
                               const char  *path,
                               GError     **error);
gboolean sl_xlsx_write_tables_created (GPtrArray   *tables,
                                       const char  *path,
                                       gint64       created,
                                       GError     **error);

G_END_DECLS
