/* sl-locking.h — SQLite's file locks, kept when another descriptor closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     sl_locking_install     (void);
gboolean sl_locking_is_installed (void);

G_END_DECLS
