/* sl-topic-pool.h — the topic pool's items with their status (议题库)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-ledger.h"
#include "sl-topic.h"

G_BEGIN_DECLS

typedef enum
{
  SL_POOL_STATUS_OPEN,      /* 待学习: not studied, still within its time */
  SL_POOL_STATUS_STUDIED,   /* 已学习: studied within timeliness_days of receiving it */
  SL_POOL_STATUS_OVERDUE,   /* 已逾期: not studied in time, whether studied late or not yet */
} SlPoolStatus;

typedef struct
{
  SlTopic      *topic;
  SlPoolStatus  status;
  char         *due_on;       /* received_on + timeliness_days, or NULL */
  char         *studied_on;   /* the date of the first meeting that studied it, or NULL */
  char         *meeting;      /* that meeting's id, or NULL */
  char         *meeting_title;
} SlPoolEntry;

void        sl_pool_entry_free       (SlPoolEntry  *entry);

GPtrArray  *sl_topic_pool_load       (SlLedger     *ledger,
                                      const char   *organization,
                                      const char   *today,
                                      GError      **error);
GPtrArray  *sl_topic_pool_load_year  (SlLedger     *ledger,
                                      const char   *organization,
                                      int           year,
                                      const char   *today,
                                      GError      **error);
GPtrArray  *sl_topic_pool_open_items (SlLedger     *ledger,
                                      const char   *organization,
                                      const char   *today,
                                      GError      **error);

gboolean    sl_pool_entry_shown_in_year (const SlPoolEntry *entry,
                                         int                year);

const char *sl_pool_status_to_code   (SlPoolStatus  status);
const char *sl_pool_status_to_label  (SlPoolStatus  status);

G_END_DECLS
