/* sl-meeting-people.h — the ledger's members as choices for the editor's pickers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEETING_PEOPLE (sl_meeting_people_get_type ())

G_DECLARE_FINAL_TYPE (SlMeetingPeople, sl_meeting_people, SL, MEETING_PEOPLE, GObject)

SlMeetingPeople *sl_meeting_people_new          (SlLedger        *ledger);

/* Names in roster order after a first "—" entry that stands for nobody. */
GListModel      *sl_meeting_people_get_model    (SlMeetingPeople *self);
/* The member id at @position of the model, NULL for the first entry. */
const char      *sl_meeting_people_get_id       (SlMeetingPeople *self,
                                                 guint            position);
/* The position of the member @id, 0 for NULL or an unknown id. */
guint            sl_meeting_people_find         (SlMeetingPeople *self,
                                                 const char      *id);
/* The name of the member @id, or NULL. */
const char      *sl_meeting_people_get_name     (SlMeetingPeople *self,
                                                 const char      *id);

/* Keeps @widget's "selected" (an AdwComboRow, a GtkDropDown) and the member
 * id in @object's @property the same, both ways, until @widget is
 * destroyed or sl_meeting_people_unbind() is called on it. */
void             sl_meeting_people_bind         (SlMeetingPeople *self,
                                                 GtkWidget       *widget,
                                                 gpointer         object,
                                                 const char      *property);
void             sl_meeting_people_unbind       (GtkWidget       *widget);

G_END_DECLS
