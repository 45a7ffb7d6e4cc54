/* sl-wording.h — the Chinese words printed documents use for the records'
 * values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese whatever the UI language: the names of these documents, their
 * columns and the words in them are prescribed (sl-ledger-tables.c says
 * why). The tables, the record of a meeting and the annual report's pages
 * all word a meeting kind or a date the same way through these.
 */

#pragma once

#include "sl-document-types.h"
#include "sl-rules.h"
#include "sl-statistics.h"

G_BEGIN_DECLS

const char *sl_wording_meeting_kind       (SlMeetingKind             kind);
/* For the narrow columns of the attendance matrix: “党组会”. */
const char *sl_wording_meeting_kind_short (SlMeetingKind             kind);
const char *sl_wording_study_form         (SlStudyForm               form);
const char *sl_wording_leave_kind         (SlLeaveKind               kind);
const char *sl_wording_measure_status     (SlMeasureStatus           status);
/* 达标, 进行中, 未达标. */
const char *sl_wording_compliance         (SlComplianceStatus        status);
const char *sl_wording_unchecked          (const char               *code);
/* A rule of the rules table as the annual report states it. */
char       *sl_wording_rule               (const SlComplianceResult *result,
                                           const SlRules            *rules);
/* "2023" → 全年, "2023-B3" → 5—6月, "2023-H1" → 上半年. */
char       *sl_wording_period             (const char               *period);
/* "2023-03-05" → "2023年3月5日"; anything else is returned as it is. */
char       *sl_wording_date               (const char               *date);
/* A meeting's name with its number: its title, or “2023年第3次党组会议”. */
char       *sl_wording_meeting_name       (SlMeeting                *meeting);
char       *sl_wording_meeting_name_from  (const char               *title,
                                           const char               *date,
                                           int                       sequence,
                                           SlMeetingKind             kind);
/* A title headed by its unit's name, the party body not named twice:
 * “市统计局党组” and “党组会议” → “市统计局党组会议”. */
char       *sl_wording_under_unit         (const char               *unit,
                                           const char               *title);
/* “第一议题学习台账”, “签到表”: the name in a document's title. */
const char *sl_wording_document_name      (SlDocumentKind            kind);

/* Archive version 2's records: 中央文件, 面谈, 任前谈话, 心得体会, 重点发言. */
const char *sl_wording_topic_source       (SlTopicSource             source);
const char *sl_wording_talk_form          (SlTalkForm                form);
const char *sl_wording_talk_kind          (SlTalkKind                kind);
const char *sl_wording_study_note_kind    (SlStudyNoteKind           kind);
/* An attachment's kind code ("signed_sheet", ...) as the binder names it. */
const char *sl_wording_attachment_kind    (const char               *code);
const char *sl_wording_speech_kind        (SlSpeechKind              kind);
/* A guest as listed under 列席: “name（unit post）”, and a superior
 * sitting in “unit post name（上级列席旁听）”. */
char       *sl_wording_guest              (SlGuest                  *guest);

G_END_DECLS
