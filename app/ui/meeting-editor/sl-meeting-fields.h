/* sl-meeting-fields.h — the meeting editor's text, date and time fields bound to records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @widget (a GtkEditable such as an AdwEntryRow, or a GtkTextView) and
 * the string @property of @object stay the same; an empty field is NULL. */
void sl_meeting_fields_bind_text   (GtkWidget  *widget,
                                    gpointer    object,
                                    const char *property);

/* A date or time field: what is typed is read when the field is left or
 * Enter is pressed (sl_meeting_draft_parse_date/_time), written back in
 * its standard form, and stored; text that is no date leaves the record
 * alone and marks the field with the error style and a message. @year is
 * the year of a date typed without one. An empty field stores NULL unless
 * @required. */
void sl_meeting_fields_bind_date   (GtkWidget  *editable,
                                    gpointer    object,
                                    const char *property,
                                    int         year,
                                    gboolean    required);
void sl_meeting_fields_bind_time   (GtkWidget  *editable,
                                    gpointer    object,
                                    const char *property);
/* The date of a meeting: required, and a date in another year than the
 * stored one asks before it moves the meeting there (an AdwMessageDialog
 * “Move to 2030?”; Cancel puts the stored date back). */
void sl_meeting_fields_bind_meeting_date (GtkWidget  *editable,
                                          gpointer    meeting,
                                          const char *property,
                                          int         year);
/* Start and end times of one record: neither is stored when the end would
 * come before the start. */
void sl_meeting_fields_bind_time_range (GtkWidget  *start,
                                        GtkWidget  *end,
                                        gpointer    object,
                                        const char *start_property,
                                        const char *end_property);
/* A text that may not be empty: stored at every key while it is not;
 * emptied, it keeps the record's text and is marked. */
void sl_meeting_fields_bind_title  (GtkWidget  *editable,
                                    gpointer    object,
                                    const char *property);
/* Reads the field now, as leaving it would (a date picked elsewhere and
 * written into it goes through the same checks and question). */
void sl_meeting_fields_commit      (GtkWidget  *editable);
/* Reads every field inside @container that shows what is not stored. */
void sl_meeting_fields_commit_all  (GtkWidget  *container);
/* The year used for dates typed without one from now on. */
void sl_meeting_fields_set_year    (GtkWidget  *editable,
                                    int         year);

/* TRUE while the field shows text that could not be stored. */
gboolean sl_meeting_fields_has_error (GtkWidget *editable);
/* The line shown beside such a field, or NULL. */
const char *sl_meeting_fields_get_message (GtkWidget *editable);

/* TRUE while a date, time or title field inside @container (or it) is
 * marked: it shows text that could not be stored. */
gboolean sl_meeting_fields_has_invalid (GtkWidget *container);
/* TRUE while such a field shows anything that is not stored yet: marked
 * text, a date typed but not yet read (the field not left), a question
 * not yet answered. */
gboolean sl_meeting_fields_has_pending (GtkWidget *container);
/* @changed (called with @user_data) whenever a field inside @container
 * starts or stops showing something that is not stored. One per
 * container. */
void     sl_meeting_fields_watch      (GtkWidget *container,
                                       GCallback  changed,
                                       gpointer   user_data);

void sl_meeting_fields_unbind      (GtkWidget  *widget);

/* Enter in @editable moves the focus on to the next field, the way
 * data-entry forms work; in the last field of a row it calls @last
 * instead when it is set (adding the next row). */
void sl_meeting_fields_enter_moves_on (GtkWidget *editable,
                                       GCallback  last,
                                       gpointer   user_data);

void      sl_meeting_fields_show_stored (GtkWidget *editable);

G_END_DECLS
