/* sl-window.h — the main window: a ledger's pages and the commands on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_WINDOW (sl_window_get_type ())

G_DECLARE_FINAL_TYPE (SlWindow, sl_window, SL, WINDOW, AdwApplicationWindow)

SlWindow   *sl_window_new              (GtkApplication *application,
                                        SlLedger       *ledger,
                                        gboolean        example);

SlLedger   *sl_window_get_ledger       (SlWindow       *self);
int         sl_window_get_year         (SlWindow       *self);
void        sl_window_set_year         (SlWindow       *self,
                                        int             year);
gboolean    sl_window_get_example      (SlWindow       *self);
gboolean    sl_window_get_busy         (SlWindow       *self);
gboolean    sl_window_get_daily_backup_pending (SlWindow *self);
GtkWidget  *sl_window_get_damage_banner        (SlWindow *self);

/* "welcome", "overview", "meetings", "plan", "members", "measures",
 * "research" or "search". */
const char *sl_window_get_page_name    (SlWindow       *self);
GtkWidget  *sl_window_get_page         (SlWindow       *self,
                                        const char     *name);
void        sl_window_show_page        (SlWindow       *self,
                                        const char     *name);
void        sl_window_reload           (SlWindow       *self);
gboolean    sl_window_show_year_with_records (SlWindow *self);
void        sl_window_sync             (SlWindow       *self);
void        sl_window_flush            (SlWindow       *self);

/* The long work behind the menu's commands, once a file is chosen: each
 * runs in a worker thread while the header shows a spinner. */
void        sl_window_import_roster    (SlWindow       *self,
                                        GFile          *file);
void        sl_window_import_archive   (SlWindow       *self,
                                        GFile          *file);
void        sl_window_export_archive   (SlWindow       *self,
                                        GFile          *file);
void        sl_window_back_up          (SlWindow       *self,
                                        GFile          *file);
void        sl_window_restore          (SlWindow       *self,
                                        GFile          *file);
void        sl_window_add_toast        (SlWindow       *self,
                                        AdwToast       *toast);

G_END_DECLS
