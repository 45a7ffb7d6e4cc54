/* sl-statistics-private.h — what the files of a year's statistics share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-statistics.c counts attendance, plans and the first rules;
 * sl-statistics-people.c the rules and figures of archive version 2 (the
 * topic pool, speeches, branch reports, training hours, talks).
 */

#pragma once

#include "sl-database.h"
#include "sl-statistics.h"

G_BEGIN_DECLS

typedef struct
{
  SlDatabase   *database;
  SlStatistics *stats;
  gint64        organization;   /* key, 0 for all */
  char          first_day[11];
  char          last_day[11];
} Query;

SlComplianceResult *sl_statistics_add_result       (Query         *query,
                                                    const char    *rule,
                                                    char          *period,
                                                    const char    *starts_on,
                                                    const char    *ends_on,
                                                    guint          required,
                                                    guint          actual);
void                sl_statistics_mark_unchecked   (Query         *query,
                                                    SlComplianceResult *result,
                                                    const char    *code);
void                sl_statistics_bind_scope       (Query         *query,
                                                    sqlite3_stmt  *stmt);
gboolean            sl_statistics_finish_rows      (Query         *query,
                                                    int            rc,
                                                    GError       **error);
gboolean            sl_statistics_check_per_person (Query         *query,
                                                    const char    *rule,
                                                    const char    *sql,
                                                    guint          per_person,
                                                    const char    *unchecked,
                                                    GError       **error);
gboolean            sl_statistics_check_per_meeting (Query        *query,
                                                     const char   *rule,
                                                     const char   *sql,
                                                     const char   *unchecked,
                                                     GError      **error);
gboolean            sl_statistics_check_people     (Query         *query,
                                                    GError       **error);
gboolean            sl_statistics_check_evidence   (Query         *query,
                                                    GError       **error);

G_END_DECLS
