/* sl-ledger-tables.h — the tables of each document, built from the records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-document-types.h"
#include "sl-table.h"

G_BEGIN_DECLS

/* The SlTables of @request's document, in order: one for each ledger,
 * one per plan for the plan's 安排表, four for the annual report, one for a
 * sign-in sheet. Minutes are not a table (SL_DOCUMENT_ERROR_UNSUPPORTED).
 * The spreadsheet writer and the page renderer both draw these. */
GPtrArray  *sl_ledger_tables_build               (SlLedger                *ledger,
                                                  const SlDocumentRequest *request,
                                                  GError                 **error);

/* The document's title from the data: organization, year and document
 * name, “某某局党组2023年第一议题学习台账”; for one meeting, its name. */
char       *sl_ledger_tables_build_title         (SlLedger                *ledger,
                                                  const SlDocumentRequest *request);

/* The wording printed documents use. It is Chinese whatever the UI
 * language: the names of these documents and their columns are prescribed. */
const char *sl_ledger_tables_meeting_kind_text   (SlMeetingKind            kind);
const char *sl_ledger_tables_study_form_text     (SlStudyForm              form);
const char *sl_ledger_tables_leave_kind_text     (SlLeaveKind              kind);
const char *sl_ledger_tables_measure_status_text (SlMeasureStatus          status);
/* "2023-03-05" → "2023年3月5日"; anything else is returned as it is. */
char       *sl_ledger_tables_format_date         (const char              *date);
/* A meeting's name with its number: its title, or “2023年第3次党组会议”. */
char       *sl_ledger_tables_meeting_name        (SlMeeting               *meeting);

G_END_DECLS
