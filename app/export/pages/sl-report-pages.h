/* sl-report-pages.h — the annual report (年度学习情况统计) with its charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"
#include "sl-statistics.h"

G_BEGIN_DECLS

#define SL_TYPE_REPORT_PAGES (sl_report_pages_get_type ())

G_DECLARE_FINAL_TYPE (SlReportPages, sl_report_pages, SL, REPORT_PAGES, SlPageRenderer)

/* @statistics (transfer full): the year's figures, which the key figures
 * and the charts show; @tables (SlTable): the report's tables from
 * sl_ledger_tables_build(), printed after the charts. */
SlReportPages *sl_report_pages_new (const char   *title,
                                    SlStatistics *statistics,
                                    GPtrArray    *tables);

G_END_DECLS
