/* sl-date.c — dates as people and spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One reader for every date the program is given as text: the meeting
 * editor's fields (sl_meeting_draft_parse_date) and the roster's 入党时间
 * column (sl-csv-reader.c). Both once had their own, which took slightly
 * different spellings; a date one accepted and the other refused was a
 * bug report waiting to happen.
 *
 * The text is NFKC-normalised first, so that the full-width digits and
 * punctuation of a Chinese input method read as ASCII. The spellings:
 *
 *   YYYYMMDD                         20230305
 *   YYYY s M s D, s one of - / .     2023-3-5, 2023/03/05 (one separator)
 *   YYYY 年 M 月 D [日|号]            2023年3月5日, 2019 年 07 月 01 日
 *   with a default year:  MMDD, M s D, M 月 D [日|号]
 *   with SL_DATE_PARSE_MONTH:  YYYYMM, YYYY s M, YYYY 年 M 月 (the 1st)
 *
 * Years outside 1900–2100 are typos rather than dates of a party
 * member's life or of a meeting.
 */

#define G_LOG_DOMAIN "sl-date"

#include "config.h"

#include <string.h>

#include "sl-date.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2100

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

/* Up to @max_digits digits, and no digit after them. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *out)
{
  guint value = 0;
  guint n = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }

  if (n == 0 || g_ascii_isdigit ((*p)[n]))
    return FALSE;

  *p += n;
  *out = value;
  return TRUE;
}

static gboolean
skip_prefix (const char **p,
             const char  *prefix)
{
  if (!g_str_has_prefix (*p, prefix))
    return FALSE;
  *p += strlen (prefix);
  return TRUE;
}

/* Steps over " H:MM" or " H:MM:SS", or leaves *p alone. */
static void
skip_time (const char **p)
{
  const char *q = *p;
  guint hours, minutes, seconds;

  skip_spaces (&q);
  if (q == *p)
    return;

  if (!read_number (&q, 2, &hours) || *q != ':')
    return;
  q++;
  if (!read_number (&q, 2, &minutes))
    return;
  if (*q == ':')
    {
      q++;
      if (!read_number (&q, 2, &seconds))
        return;
    }

  *p = q;
}

/* The value of @n digits at @p; the caller knows they are digits. */
static guint
fixed_number (const char *p,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (p[i] - '0');

  return value;
}

/* "M 月 [D [日|号]]" at *p; the day may be missing when @day_optional,
 * and *day is then left alone. */
static gboolean
read_month_day (const char **p,
                gboolean     day_optional,
                guint       *month,
                guint       *day)
{
  skip_spaces (p);
  if (!read_number (p, 2, month))
    return FALSE;
  skip_spaces (p);
  if (!skip_prefix (p, "月"))
    return FALSE;

  skip_spaces (p);
  if (!g_ascii_isdigit (**p))
    return day_optional;
  if (!read_number (p, 2, day))
    return FALSE;
  skip_spaces (p);
  if (!skip_prefix (p, "日"))
    skip_prefix (p, "号");
  return TRUE;
}

/* "s D" with the separator @separator at *p; the whole part may be
 * missing when @day_optional. */
static gboolean
read_separated_day (const char **p,
                    char         separator,
                    gboolean     day_optional,
                    guint       *day)
{
  if (**p != separator)
    return day_optional;
  (*p)++;
  return read_number (p, 2, day);
}

static gboolean
is_separator (char c)
{
  return c == '-' || c == '/' || c == '.';
}

char *
sl_date_parse (const char       *text,
               int               default_year,
               SlDateParseFlags  flags)
{
  g_autofree char *normal = NULL;
  gboolean month_only = (flags & SL_DATE_PARSE_MONTH) != 0;
  const char *p, *after;
  guint year = 0, month = 0, day = 1;
  gsize digits;

  if (text == NULL || (normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE)) == NULL)
    return NULL;

  g_strstrip (normal);
  p = normal;
  digits = strspn (p, "0123456789");
  after = p + digits;
  skip_spaces (&after);

  if (digits == 8 || (digits == 6 && month_only))
    {
      /* 20190701 and 201907 */
      year = fixed_number (p, 4);
      month = fixed_number (p + 4, 2);
      if (digits == 8)
        day = fixed_number (p + 6, 2);
      p += digits;
    }
  else if (digits == 4 && is_separator (p[4]))
    {
      char separator = p[4];

      year = fixed_number (p, 4);
      p += 5;
      if (!read_number (&p, 2, &month) ||
          !read_separated_day (&p, separator, month_only, &day))
        return NULL;
    }
  else if (digits == 4 && g_str_has_prefix (after, "年"))
    {
      year = fixed_number (p, 4);
      p = after + strlen ("年");
      if (!read_month_day (&p, month_only, &month, &day))
        return NULL;
    }
  else if (default_year > 0 && digits == 4)
    {
      /* 0305 in the default year */
      year = default_year;
      month = fixed_number (p, 2);
      day = fixed_number (p + 2, 2);
      p += 4;
    }
  else if (default_year > 0 && (digits == 1 || digits == 2) && is_separator (p[digits]))
    {
      /* 3-5 */
      year = default_year;
      month = fixed_number (p, digits);
      p += digits + 1;
      if (!read_number (&p, 2, &day))
        return NULL;
    }
  else if (default_year > 0 && (digits == 1 || digits == 2))
    {
      /* 3月5日 */
      year = default_year;
      if (!read_month_day (&p, FALSE, &month, &day))
        return NULL;
    }
  else
    return NULL;

  if (flags & SL_DATE_PARSE_SKIP_TIME)
    skip_time (&p);
  skip_spaces (&p);
  if (*p != '\0')
    return NULL;

  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/**
 * sl_date_local_time_text:
 * @rfc3339: (nullable): a time as the ledger keeps it (RFC 3339)
 *
 * Returns: the time on this computer's clock, "2026-12-06 12:25", for
 *   people to read; the text itself where it does not parse; "—" for
 *   %NULL.
 */
char *
sl_date_local_time_text (const char *rfc3339)
{
  g_autoptr(GDateTime) time = rfc3339 ? g_date_time_new_from_iso8601 (rfc3339, NULL) : NULL;
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  if (rfc3339 == NULL)
    return g_strdup ("—");
  if (local == NULL)
    return g_strdup (rfc3339);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}
