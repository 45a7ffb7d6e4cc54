/* sl-ui-util.h — small helpers the window's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

AdwToast   *sl_ui_toast_new_printf (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);
void        sl_ui_add_toast        (GtkWidget  *widget,
                                    AdwToast   *toast);
void        sl_ui_show_message     (GtkWidget  *widget,
                                    const char *heading,
                                    const char *body);
void        sl_ui_show_error       (GtkWidget  *widget,
                                    const char *heading,
                                    GError     *error);
char       *sl_ui_error_text       (const GError *error);
AdwToast   *sl_ui_error_toast      (const GError *error);
const char *sl_ui_member_name      (SlLedger   *ledger,
                                    const char *member);
char       *sl_ui_member_names     (SlLedger           *ledger,
                                    const char * const *members);
char       *sl_ui_format_short_date (const char *date);
const char *sl_ui_organization_name (SlLedger  *ledger,
                                    const char *organization);
void        sl_ui_label_tooltip_shows_text (GtkWidget *label);
void        sl_ui_fit_tooltips      (GtkWidget  *root);
void        sl_ui_pass_vertical_scroll (GtkWidget *inner);
void        sl_ui_cell_set_tooltip_text (GtkWidget  *widget,
                                         const char *text);
void        sl_ui_fit_dialog        (GtkWindow  *dialog,
                                     GtkWindow  *parent);
int         sl_ui_window_width      (GtkWidget  *widget);
void        sl_ui_watch_window_width (GtkWidget *widget,
                                      GCallback  changed);

G_END_DECLS
