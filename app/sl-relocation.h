/* sl-relocation.h — the installation a program runs from, wherever it was moved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compiled into each program (main.c, window-main.c) with the folders of
 * the configured installation: SL_PREFIX, SL_BINDIR, SL_LIBEXECDIR,
 * SL_LOCALEDIR and SL_DATADIR (app/meson.build).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sl_relocated_folder (const char *self_dir,
                           const char *installed_dir,
                           const char *installed_folder);
void  sl_relocation_apply (const char *installed_dir);

G_END_DECLS
