/* sl-record-list.h — one titled list of records on a page, with its Add button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SL_TYPE_RECORD_LIST (sl_record_list_get_type ())

G_DECLARE_FINAL_TYPE (SlRecordList, sl_record_list, SL, RECORD_LIST, AdwBin)

/* @add_action: a parameterless action the Add button activates. */
GtkWidget *sl_record_list_new             (const char   *title,
                                           const char   *add_label,
                                           const char   *add_action,
                                           const char   *placeholder);
void       sl_record_list_set_description (SlRecordList *self,
                                           const char   *description);
void       sl_record_list_clear           (SlRecordList *self);
void       sl_record_list_append          (SlRecordList *self,
                                           GtkWidget    *row);
guint      sl_record_list_get_n_rows      (SlRecordList *self);
GtkWidget *sl_record_list_get_row         (SlRecordList *self,
                                           guint         index);

/* A flat icon button for a row's suffix that activates @action(@target). */
GtkWidget *sl_record_list_row_button      (const char   *icon_name,
                                           const char   *tooltip,
                                           const char   *action,
                                           const char   *target);
/* A page's scrolling column; the lists go into *@box. */
GtkWidget *sl_record_list_scroller        (GtkWidget   **box);

G_END_DECLS
