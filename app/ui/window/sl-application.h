/* sl-application.h — the GTK application: one instance, its actions, its window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SL_TYPE_APPLICATION (sl_application_get_type ())

G_DECLARE_FINAL_TYPE (SlApplication, sl_application, SL, APPLICATION, AdwApplication)

/* database_path: the ledger to open, or NULL for the default one. */
SlApplication *sl_application_new                (const char    *database_path);

const char    *sl_application_get_database_path  (SlApplication *self);

G_END_DECLS
