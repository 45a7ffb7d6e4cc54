/* sl-ledger-tables.h — the tables of each document, built from the records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-document-types.h"
#include "sl-table.h"

G_BEGIN_DECLS

/* The SlTables of @request's document, in order: one for each ledger,
 * one per plan for the plan's 安排表, five for the annual report, one for a
 * sign-in sheet. Minutes are not a table (SL_DOCUMENT_ERROR_UNSUPPORTED).
 * The spreadsheet writer and the page renderer both draw these. */
GPtrArray  *sl_ledger_tables_build               (SlLedger                *ledger,
                                                  const SlDocumentRequest *request,
                                                  GError                 **error);

/* The document's title from the data: organization, year and document
 * name, “某某局党组2023年第一议题学习台账”; for one meeting, its name. */
char       *sl_ledger_tables_build_title         (SlLedger                *ledger,
                                                  const SlDocumentRequest *request);

/* The colour (0xRRGGBB) a chart gives a meeting kind: the report's pages
 * and its spreadsheet's native chart agree. */
guint32     sl_ledger_tables_kind_color          (int                      kind);

G_END_DECLS
