/* sl-document-types.h — the documents there are, what is asked of them,
 * and their errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaf of the export layer: it includes nothing of export/, so that the
 * tables, the pages and the dispatcher (sl-document.h) can all name a
 * document kind or a request without including each other.
 */

#pragma once

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_DOCUMENT_ERROR (sl_document_error_quark ())

typedef enum
{
  SL_DOCUMENT_ERROR_UNSUPPORTED,   /* this document has no such format */
  SL_DOCUMENT_ERROR_NOT_FOUND,     /* no such meeting, organization, plan */
  SL_DOCUMENT_ERROR_WRITE,         /* the output cannot be written */
  SL_DOCUMENT_ERROR_INVALID,       /* the request lacks its year or meeting */
} SlDocumentError;

GQuark sl_document_error_quark (void);

typedef enum
{
  SL_DOCUMENT_FIRST_TOPIC_LEDGER,    /* 第一议题学习台账: one row per first-topic study */
  SL_DOCUMENT_CENTRAL_GROUP_LEDGER,  /* 中心组学习台账: one row per central group session */
  SL_DOCUMENT_MEETINGS_LEDGER,       /* every meeting of the year */
  SL_DOCUMENT_PLAN,                  /* 年度学习计划 (pdf) / 安排表 (xlsx) */
  SL_DOCUMENT_ATTENDANCE,            /* 出勤统计: member × meeting, totals, rates */
  SL_DOCUMENT_MEASURES,              /* 落实措施跟踪表 */
  SL_DOCUMENT_ANNUAL_REPORT,         /* 年度学习情况统计 */
  SL_DOCUMENT_MINUTES,               /* 会议记录: one meeting, pdf only */
  SL_DOCUMENT_SIGN_IN,               /* 签到表: one meeting, pdf only */
  SL_DOCUMENT_PLAN_PROGRESS,         /* 学习计划执行情况: each plan item, held or not, 兑现率 */
  SL_DOCUMENT_SESSION_PLAN,          /* 学习方案: one central-group session, pdf only */
  SL_DOCUMENT_TOPICS,                /* 议题库台账: the pool items received in the year */
  SL_DOCUMENT_TALKS,                 /* 谈心谈话记录台账: the talks of the year */
  SL_DOCUMENT_MEMBER_CARD,           /* 个人学习档案: one member, one year, pdf only */
} SlDocumentKind;

/* How many kinds there are: a kind is valid below this. */
#define SL_DOCUMENT_N_KINDS (SL_DOCUMENT_MEMBER_CARD + 1)

typedef enum
{
  SL_DOCUMENT_FORMAT_XLSX,
  SL_DOCUMENT_FORMAT_PDF,
} SlDocumentFormat;

/* What a document is made from: a year (and optionally one organization),
 * or one meeting. */
typedef struct
{
  SlDocumentKind  kind;
  int             year;
  const char     *organization;   /* an organization's id, or NULL for all */
  const char     *meeting;        /* a meeting's id, for minutes, sign-in, session-plan */
  const char     *today;          /* "YYYY-MM-DD" or NULL for the real today */
  const char     *member;         /* a member's id, for the member card */
} SlDocumentRequest;

const char *sl_document_kind_to_code   (SlDocumentKind    kind);
gboolean    sl_document_kind_from_code (const char       *code,
                                        SlDocumentKind   *kind);
gboolean    sl_document_kind_has_format (SlDocumentKind   kind,
                                        SlDocumentFormat  format);
gboolean    sl_document_kind_is_per_meeting (SlDocumentKind kind);
/* The member card: one member's year (--member and --year). */
gboolean    sl_document_kind_is_per_member (SlDocumentKind kind);
/* "xlsx" or "pdf", and back; also the file name extension without the dot. */
const char *sl_document_format_to_code (SlDocumentFormat  format);
gboolean    sl_document_format_from_code (const char     *code,
                                        SlDocumentFormat *format);

G_END_DECLS
