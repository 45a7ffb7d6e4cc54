/* sl-meeting-editor-pickers.c — the meeting editor's pickers: kind, form, organization, plan item, date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The combo rows show the meeting's kind, form, organization and plan
 * item, and the calendar popover its date; each follows the meeting when
 * it changes and sets it when the user picks.
 */

#define G_LOG_DOMAIN "sl-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-attendance.h"
#include "sl-enums.h"
#include "sl-guest.h"
#include "sl-database.h"
#include "sl-document.h"
#include "sl-ledger.h"
#include "sl-ledger-watch.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-meeting-attendance-chip.h"
#include "sl-meeting-attendance-popover.h"
#include "sl-meeting-draft.h"
#include "sl-meeting-editor.h"
#include "sl-meeting-editor-private.h"
#include "sl-meeting-fields.h"
#include "sl-meeting-guest-row.h"
#include "sl-meeting-measure-row.h"
#include "sl-meeting-monitor.h"
#include "sl-meeting-people.h"
#include "sl-meeting-suggestion.h"
#include "sl-meeting-speech-row.h"
#include "sl-meeting-study-row.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-save-queue.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-util.h"

/* Pickers ------------------------------------------------------------------- */

void
_sl_meeting_editor_sync_kind_row (SlMeetingEditor *self)
{
  SlMeetingKind kind = sl_meeting_get_kind (self->meeting);

  if (kind != SL_MEETING_KIND_NONE)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), kind - 1);
}

void
_sl_meeting_editor_on_kind_selected (SlMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  if (self->meeting == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  sl_meeting_set_kind (self->meeting, selected + 1);
}

void
_sl_meeting_editor_sync_form_row (SlMeetingEditor *self)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->form_row), sl_meeting_get_form (self->meeting));
}

void
_sl_meeting_editor_on_form_selected (SlMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->form_row));

  if (self->meeting == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  sl_meeting_set_form (self->meeting, selected);
}

void
_sl_meeting_editor_sync_organization_row (SlMeetingEditor *self)
{
  GListModel *organizations = sl_ledger_get_organizations (self->ledger);
  const char *id = sl_meeting_get_organization (self->meeting);
  guint n = g_list_model_get_n_items (organizations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (organization)), id) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->organization_row), i);
          break;
        }
    }

  /* One organization is the usual case: nothing to choose then. */
  gtk_widget_set_visible (self->organization_row, n > 1 || id == NULL);
}

void
_sl_meeting_editor_on_organization_selected (SlMeetingEditor *self)
{
  g_autoptr(SlOrganization) organization = NULL;
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->organization_row));

  if (self->meeting == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  organization = g_list_model_get_item (sl_ledger_get_organizations (self->ledger), selected);
  if (organization != NULL)
    sl_meeting_set_organization (self->meeting, sl_record_get_id (SL_RECORD (organization)));
}

/* The items of the organization's plan for the meeting's year. */
void
_sl_meeting_editor_rebuild_plan_items (SlMeetingEditor *self)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autoptr(GError) error = NULL;
  const char *organization = sl_meeting_get_organization (self->meeting);
  int year = _sl_meeting_editor_meeting_year (self);
  gboolean loading;

  g_ptr_array_set_size (self->plan_item_ids, 0);
  g_strv_builder_add (labels, "—");
  g_ptr_array_add (self->plan_item_ids, NULL);

  plans = year > 0 ? sl_ledger_load_plans (self->ledger, year, &error) : NULL;
  if (error != NULL)
    g_warning ("Cannot read the plans of %d: %s", year, error->message);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      SlPlan *plan = g_ptr_array_index (plans, i);
      GListModel *items = sl_plan_get_items (plan);

      if (g_strcmp0 (sl_plan_get_organization (plan), organization) != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(SlPlanItem) item = g_list_model_get_item (items, j);
          const char *theme = sl_plan_item_get_theme (item);
          g_autofree char *label = NULL;

          if (sl_plan_item_get_month (item) > 0)
            /* Translators: a plan item in a list: its month and its theme. */
            label = g_strdup_printf (_("Month %d · %s"), sl_plan_item_get_month (item), theme ? theme : "");
          else
            label = g_strdup (theme ? theme : "");

          g_strv_builder_add (labels, label);
          g_ptr_array_add (self->plan_item_ids, g_strdup (sl_record_get_id (SL_RECORD (item))));
        }
    }

  strv = g_strv_builder_end (labels);
  loading = self->loading;
  self->loading = TRUE;
  gtk_string_list_splice (self->plan_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->plan_items)),
                          (const char * const *) strv);
  self->loading = loading;
}

void
_sl_meeting_editor_sync_plan_item_row (SlMeetingEditor *self)
{
  const char *id = sl_meeting_get_plan_item (self->meeting);
  guint position = 0;
  gboolean loading;

  for (guint i = 1; i < self->plan_item_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->plan_item_ids, i), id) == 0)
      position = i;

  loading = self->loading;
  self->loading = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->plan_item_row), position);
  self->loading = loading;
}

void
_sl_meeting_editor_on_plan_item_selected (SlMeetingEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->plan_item_row));

  if (self->meeting == NULL || self->loading || selected >= self->plan_item_ids->len)
    return;

  sl_meeting_set_plan_item (self->meeting, g_ptr_array_index (self->plan_item_ids, selected));
}

/* Calendar -------------------------------------------------------------------- */

void
_sl_meeting_editor_on_calendar_shown (SlMeetingEditor *self)
{
  const char *date = sl_meeting_get_date (self->meeting);
  g_autoptr(GDateTime) day = NULL;

  if (date != NULL)
    day = g_date_time_new_local (sl_date_get_year (date),
                                 g_ascii_strtoll (date + 5, NULL, 10),
                                 g_ascii_strtoll (date + 8, NULL, 10), 0, 0, 0);
  if (day != NULL)
    {
      self->loading = TRUE;
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), day);
      self->loading = FALSE;
    }
}

void
_sl_meeting_editor_on_calendar_day_selected (SlMeetingEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (self->loading || self->meeting == NULL)
    return;

  day = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  date = g_date_time_format (day, "%Y-%m-%d");
  gtk_popover_popdown (GTK_POPOVER (self->calendar_popover));
  /* As if typed: a day in another year asks before the meeting moves. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  sl_meeting_fields_commit (self->date_row);
}

