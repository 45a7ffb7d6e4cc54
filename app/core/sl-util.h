/* sl-util.h — small helpers shared by the core: strings, dates, times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Like g_set_str() of GLib 2.76, which bookworm does not have. */
gboolean  sl_set_str            (char       **str_pointer,
                                 const char  *new_str);

/* Replace *strv_pointer with a copy of new_strv (NULL counts as empty);
 * TRUE when the contents changed. */
gboolean  sl_set_strv           (char             ***strv_pointer,
                                 const char * const *new_strv);

/* "YYYY-MM-DD" naming a real calendar day (2023-02-30 is not one). */
gboolean  sl_date_is_valid      (const char  *text);
/* "HH:MM", 24 hours. */
gboolean  sl_time_is_valid      (const char  *text);
/* The year of a valid date, or 0. */
int       sl_date_get_year      (const char  *text);
/* Today as "YYYY-MM-DD"; SL_TODAY in the environment overrides it, so
 * that tests can judge compliance against a fixed day. */
char     *sl_today              (void);

/* Trim, and remove white space between CJK characters that Excel users
 * type to align two-character names ("王  芳" → "王芳"); full-width
 * spaces count as white space. Returns a new string. */
char     *sl_normalize_name     (const char  *text);

/* Output files replace only regular files: a device, a folder or a pipe
 * at @path is refused with the caller's error @domain and @code. */
gboolean  sl_check_output_path  (const char  *path,
                                 GQuark       domain,
                                 int          code,
                                 GError     **error);

gboolean sl_str_has_ascii_letter (const char *word);

G_END_DECLS
