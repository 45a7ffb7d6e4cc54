/* sl-ledger-tables-private.h — what the tables of the documents share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the files of tables/ only: sl-ledger-tables.c, which builds a
 * request's tables and holds these helpers, and one file per document
 * (sl-first-topic-table.c, sl-plan-table.c, ...), each a
 * sl_tables_build_<document>() that the dispatcher calls.
 */

#pragma once

#include "sl-ledger-tables.h"
#include "sl-measure.h"
#include "sl-rules.h"
#include "sl-statistics.h"
#include "sl-study.h"

G_BEGIN_DECLS

/* A table wider than this many characters goes on a landscape page: A4
 * portrait holds about 48 characters of 五号 text between its margins. */
#define PORTRAIT_WIDTH 52.0

/* Column widths in characters of body text. */
#define W_INDEX  2.5
#define W_DATE   7.5
#define W_NAME   4.5
#define W_COUNT  3.0
#define W_RATE   4.5

typedef struct
{
  const char *title;
  double      width;
  gboolean    wrap;
} ColumnSpec;

/* What every table of one request is built from. */
typedef struct
{
  SlLedger                *ledger;
  const SlDocumentRequest *request;
  int                      year;
  char                    *today;
  char                    *unit;       /* the organization named in titles, or NULL */
  GPtrArray               *meetings;   /* the year's meetings, with details */
  SlRules                  rules;
} Builder;

/* The documents: each fills one table, or adds its tables to @tables. */
SlTable    *sl_tables_build_first_topic_ledger   (Builder  *b,
                                                  GError  **error);
SlTable    *sl_tables_build_central_group_ledger (Builder  *b,
                                                  GError  **error);
SlTable    *sl_tables_build_meetings_ledger      (Builder  *b,
                                                  GError  **error);
gboolean    sl_tables_build_plan                 (Builder    *b,
                                                  GPtrArray  *tables,
                                                  GError    **error);
SlTable    *sl_tables_build_attendance           (Builder  *b,
                                                  GError  **error);
SlTable    *sl_tables_build_measures             (Builder  *b,
                                                  GError  **error);
gboolean    sl_tables_build_annual_report        (Builder    *b,
                                                  GPtrArray  *tables,
                                                  GError    **error);
SlTable    *sl_tables_build_sign_in              (Builder  *b,
                                                  GError  **error);
gboolean    sl_tables_build_plan_progress        (Builder    *b,
                                                  GPtrArray  *tables,
                                                  GError    **error);
SlTable    *sl_tables_build_topics               (Builder  *b,
                                                  GError  **error);
SlTable    *sl_tables_build_talks                (Builder  *b,
                                                  GError  **error);
gboolean    sl_tables_build_member_card          (Builder    *b,
                                                  GPtrArray  *tables,
                                                  GError    **error);

/* The year's meetings, with their details, into b->meetings (once). */
gboolean    sl_tables_load_meetings              (Builder  *b,
                                                  GError  **error);

/* Tables: columns, title, subtitle, orientation. */
void        sl_tables_add_columns                (SlTable          *table,
                                                  const ColumnSpec *specs,
                                                  guint             n_specs);
/* Landscape when the columns are wider than a portrait page. */
void        sl_tables_finish                     (SlTable          *table);
/* “某某局党组” + “2023年” + “第一议题学习台账”; the names that start with
 * 年度 read “2023年度…”. */
char       *sl_tables_document_title             (Builder    *b,
                                                  const char *name);
/* “填报单位：…　　统计时间：…至…　　制表日期：…”, for @unit or b->unit. */
char       *sl_tables_period_subtitle_for        (Builder    *b,
                                                  const char *unit);
char       *sl_tables_period_subtitle            (Builder    *b);
SlTable    *sl_tables_new_table                  (Builder    *b,
                                                  const char *title,
                                                  const char *name);

/* Cells. */
const char *sl_tables_member_name                (Builder    *b,
                                                  const char *id);
/* Names are joined with 、, each once. */
void        sl_tables_add_name                   (GPtrArray  *names,
                                                  const char *name);
char       *sl_tables_join_names                 (GPtrArray  *names);
/* Several entries in one cell: numbered lines, or the bare text for one. */
void        sl_tables_add_line                   (GString    *lines,
                                                  guint       index,
                                                  guint       count,
                                                  const char *text);
char       *sl_tables_format_rate                (double      rate);
char       *sl_tables_format_threshold           (double      threshold);
gboolean    sl_tables_measure_is_overdue         (Builder    *b,
                                                  SlMeasure  *measure);
const char *sl_tables_measure_state              (Builder    *b,
                                                  SlMeasure  *measure);
/* Where and when a text was published, “《人民日报》，2023年3月6日”; with
 * @separator "\n" for a column of its own. */
char       *sl_tables_study_source               (SlStudy    *study,
                                                  const char *separator);
/* Days between publication and study: the “第一时间” an inspection watches. */
int         sl_tables_days_between               (const char *from,
                                                  const char *to);
char       *sl_tables_speakers_text              (Builder    *b,
                                                  SlMeeting  *meeting);

/* Who was there at a meeting, who was on leave, who was absent. */
typedef struct
{
  GPtrArray *leave;    /* names with the kind of leave */
  GPtrArray *absent;
  guint      expected;
  guint      present;
} Presence;

void        sl_tables_presence_init              (Presence   *presence,
                                                  Builder    *b,
                                                  SlMeeting  *meeting);
void        sl_tables_presence_clear             (Presence   *presence);
/* “王芳（公假）；缺席：李娜”. */
char       *sl_tables_presence_leave_text        (Presence   *presence);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Presence, sl_tables_presence_clear)

/* The measures of a meeting as the ledgers show them, one line each. */
typedef struct
{
  GString    *texts;
  GString    *owners;
  GString    *dues;
  GString    *states;
  const char *single_due;   /* the due date when there is exactly one */
} MeasureLines;

void        sl_tables_measure_lines_init         (MeasureLines *lines,
                                                  Builder      *b,
                                                  SlMeeting    *meeting);
void        sl_tables_measure_lines_clear        (MeasureLines *lines);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MeasureLines, sl_tables_measure_lines_clear)

/* The year's totals of a member (attendance, annual report). */
void        sl_tables_add_member_total_columns   (SlTable             *table);
void        sl_tables_add_member_totals          (SlTable             *table,
                                                  const SlMemberStats *member);

G_END_DECLS
