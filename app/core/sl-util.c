/* sl-util.c — small helpers shared by the core: strings, dates, times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sl-util"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sl-util.h"

gboolean
sl_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  g_return_val_if_fail (str_pointer != NULL, FALSE);

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

gboolean
sl_set_strv (char               ***strv_pointer,
             const char * const   *new_strv)
{
  static const char * const empty[] = { NULL };
  const char * const *old_strv;

  g_return_val_if_fail (strv_pointer != NULL, FALSE);

  if (new_strv == NULL)
    new_strv = empty;
  old_strv = *strv_pointer ? (const char * const *) *strv_pointer : empty;

  if (g_strv_equal (old_strv, new_strv))
    return FALSE;

  g_strfreev (*strv_pointer);
  *strv_pointer = g_strdupv ((char **) new_strv);

  return TRUE;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

gboolean
sl_date_is_valid (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!parse_digits (text, 4, &year) ||
      !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}

gboolean
sl_time_is_valid (const char *text)
{
  int hour, minute;

  if (text == NULL || strlen (text) != 5 || text[2] != ':')
    return FALSE;

  return parse_digits (text, 2, &hour) &&
         parse_digits (text + 3, 2, &minute) &&
         hour < 24 && minute < 60;
}

int
sl_date_get_year (const char *text)
{
  int year;

  if (!sl_date_is_valid (text) || !parse_digits (text, 4, &year))
    return 0;

  return year;
}

char *
sl_today (void)
{
  const char *fixed = g_getenv ("SL_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (sl_date_is_valid (fixed))
    return g_strdup (fixed);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0xFEFF || c == 0x00A0;
}

static gboolean
is_wide (gunichar c)
{
  return g_unichar_iswide (c) && !is_blank (c);
}

char *
sl_normalize_name (const char *text)
{
  g_autoptr(GArray) chars = NULL;
  GString *out;
  guint first = 0, last;

  g_return_val_if_fail (text != NULL, NULL);

  chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_array_append_val (chars, c);
    }

  last = chars->len;
  while (first < last && is_blank (g_array_index (chars, gunichar, first)))
    first++;
  while (last > first && is_blank (g_array_index (chars, gunichar, last - 1)))
    last--;

  out = g_string_new (NULL);
  for (guint i = first; i < last; i++)
    {
      gunichar c = g_array_index (chars, gunichar, i);

      if (is_blank (c))
        {
          guint j = i;
          gunichar before = g_array_index (chars, gunichar, i - 1);
          gunichar after;

          while (is_blank (g_array_index (chars, gunichar, j)))
            j++;
          after = g_array_index (chars, gunichar, j);

          /* "王  芳" is one name; "Anna  Lee" keeps one space. */
          if (!(is_wide (before) && is_wide (after)))
            g_string_append_c (out, ' ');
          i = j - 1;
          continue;
        }

      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
sl_check_output_path (const char  *path,
                      GQuark       domain,
                      int          code,
                      GError     **error)
{
  struct stat info;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_lstat (path, &info) != 0 || S_ISREG (info.st_mode))
    return TRUE;

  g_set_error (error, domain, code,
               _("%s is not a regular file and will not be replaced; name a file to write"),
               path);
  return FALSE;
}

/* Whether @word has a Latin letter: such a word is matched without regard
 * to case (the search and its snippets and marks). */
gboolean
sl_str_has_ascii_letter (const char *word)
{
  for (const char *p = word; *p; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}
