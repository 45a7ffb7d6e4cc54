/* sl-temporary-files.h — output files half written, removed if the process is stopped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   sl_temporary_files_create      (char       *tmpl,
                                     int         flags,
                                     int         mode);
void  sl_temporary_files_add         (const char *path);
void  sl_temporary_files_remove      (const char *path);
void  sl_temporary_files_unlink_all  (void);
void  sl_temporary_files_install_signal_handlers (void);

G_END_DECLS
