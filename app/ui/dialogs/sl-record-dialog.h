/* sl-record-dialog.h — a form for one flat record: text, dates and choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SL_TYPE_RECORD_DIALOG (sl_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlRecordDialog, sl_record_dialog, SL, RECORD_DIALOG, AdwMessageDialog)

GtkWidget *sl_record_dialog_new         (GtkWindow          *parent,
                                         const char         *heading);

/* Fields, in the order added; @key names the field for the getters. */
void       sl_record_dialog_add_text    (SlRecordDialog     *self,
                                         const char         *key,
                                         const char         *title,
                                         const char         *value,
                                         gboolean            required);
void       sl_record_dialog_add_date    (SlRecordDialog     *self,
                                         const char         *key,
                                         const char         *title,
                                         const char         *value,
                                         int                 year,
                                         gboolean            required);
/* @labels: %NULL-terminated; @selected an index into it. */
void       sl_record_dialog_add_choice  (SlRecordDialog     *self,
                                         const char         *key,
                                         const char         *title,
                                         const char * const *labels,
                                         guint               selected);

/* What the field holds now: text stripped, %NULL when empty; a date as
 * "YYYY-MM-DD". */
char      *sl_record_dialog_get_text    (SlRecordDialog     *self,
                                         const char         *key);
guint      sl_record_dialog_get_choice  (SlRecordDialog     *self,
                                         const char         *key);
/* For tests and for fields filled from another: types into a field. */
void       sl_record_dialog_set_text    (SlRecordDialog     *self,
                                         const char         *key,
                                         const char         *text);
void       sl_record_dialog_set_choice  (SlRecordDialog     *self,
                                         const char         *key,
                                         guint               selected);
GtkWidget *sl_record_dialog_get_field   (SlRecordDialog     *self,
                                         const char         *key);
gboolean   sl_record_dialog_can_save    (SlRecordDialog     *self);

G_END_DECLS
