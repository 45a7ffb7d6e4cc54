/* sl-date.h — dates as people and spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SL_DATE_PARSE_DEFAULT    = 0,
  /* "2019-07", "2019/7", "2019年7月", "201907" name a month: its first day. */
  SL_DATE_PARSE_MONTH      = 1 << 0,
  /* A time after the date ("2019/7/1 0:00", as Excel leaves it) is ignored. */
  SL_DATE_PARSE_SKIP_TIME  = 1 << 1,
} SlDateParseFlags;

/* Reads a date written "2023-03-05", "2023-3-5", "2023/3/5", "2023.3.5",
 * "20230305", "2023年3月5日" (or 号, spaces allowed around 年月日), in
 * full-width digits too; and, when @default_year is not 0, "3-5", "3/5",
 * "3.5", "0305", "3月5日" in that year. Returns "YYYY-MM-DD", or NULL when
 * the text is no real day between 1900 and 2100 (2023-02-30, 2023-13-01). */
char *sl_date_parse (const char       *text,
                     int               default_year,
                     SlDateParseFlags  flags);

char    *sl_date_local_time_text (const char *rfc3339);

G_END_DECLS
