/* sl-plan-progress-table.c — 学习计划执行情况: what became of each plan item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_plan_progress() for sl-ledger-tables.c: one
 * table per plan of the year. The plan as issued (sl-plan-table.c) says
 * what was planned; this table says what was done: each item with its
 * planned time, whether it was held, the dates and names of the meetings
 * that fulfilled it, and under the table the 兑现率 (DOMAIN.md: sessions
 * held ÷ sessions planned). An item counts as held when a meeting names
 * it, whatever its status says, as sl_ledger_query_plan_items_held()
 * counts it for the annual report.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sl-ledger.h"
#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-record.h"
#include "sl-wording.h"

static int
compare_meeting_dates (gconstpointer a,
                       gconstpointer b)
{
  SlMeeting *x = *(SlMeeting **) a;
  SlMeeting *y = *(SlMeeting **) b;

  return g_strcmp0 (sl_meeting_get_date (x), sl_meeting_get_date (y));
}

/* Plan item id → GPtrArray of the meetings (any year) that name it, in
 * date order. */
static GHashTable *
meetings_by_item (GPtrArray *meetings)
{
  GHashTable *by_item = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);
      const char *item = sl_meeting_get_plan_item (meeting);
      GPtrArray *list;

      if (item == NULL || *item == '\0')
        continue;
      if (!(list = g_hash_table_lookup (by_item, item)))
        g_hash_table_insert (by_item, (gpointer) item, list = g_ptr_array_new ());
      g_ptr_array_add (list, meeting);
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, by_item);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_sort (value, compare_meeting_dates);
  }

  return by_item;
}

static void
add_planned_time (SlTable    *table,
                  SlPlanItem *item)
{
  const char *planned_on = sl_plan_item_get_planned_on (item);

  if (planned_on != NULL && *planned_on != '\0')
    sl_table_add_date (table, planned_on);
  else if (sl_plan_item_get_month (item) > 0)
    {
      g_autofree char *month = g_strdup_printf ("%d月", sl_plan_item_get_month (item));
      sl_table_add_text (table, month);
    }
  else
    sl_table_add_text (table, NULL);
}

static SlTable *
build_progress_table (Builder    *b,
                      SlPlan     *plan,
                      GHashTable *by_item,
                      gboolean    several)
{
  static const ColumnSpec columns[] = {
    { "序号",          W_INDEX, FALSE },
    { "计划时间",      W_DATE,  FALSE },
    { "学习专题",      11.0,    TRUE  },
    { "学习内容",      15.0,    TRUE  },
    { "学习形式",      4.5,     FALSE },
    { "领学人/主讲人", 6.0,     FALSE },
    { "开展情况",      4.5,     FALSE },
    { "开展时间",      W_DATE,  TRUE  },
    { "开展会议",      12.0,    TRUE  },
    { "备注",          8.0,     TRUE  },
  };
  SlOrganization *organization = sl_ledger_find_organization (b->ledger,
                                                              sl_plan_get_organization (plan));
  const char *unit = organization != NULL ? sl_organization_get_name (organization) : NULL;
  GListModel *items = sl_plan_get_items (plan);
  guint n_items = g_list_model_get_n_items (items);
  guint n_held = 0, n_cancelled = 0, n_adjusted = 0;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *note = NULL;
  g_autoptr(SlTable) table = NULL;

  title = g_strdup_printf ("%s理论学习中心组%d年度学习计划执行情况", unit != NULL ? unit : "",
                           sl_plan_get_year (plan));
  name = several && unit != NULL ? g_strdup_printf ("%s执行情况", unit)
                                 : g_strdup ("学习计划执行情况");

  table = sl_table_new (title);
  sl_table_set_name (table, name);
  /* What is held depends on the day the table was made: the subtitle
   * says which day. */
  subtitle = sl_tables_period_subtitle_for (b, unit != NULL ? unit : b->unit);
  sl_table_set_subtitle (table, subtitle);
  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SlPlanItem) item = g_list_model_get_item (items, i);
      GPtrArray *held = g_hash_table_lookup (by_item, sl_record_get_id (SL_RECORD (item)));
      g_autofree char *leads = NULL;
      g_autoptr(GPtrArray) lead_names = g_ptr_array_new ();
      g_autoptr(GString) dates = g_string_new (NULL);
      g_autoptr(GString) meetings = g_string_new (NULL);
      g_autoptr(GString) remark = g_string_new (NULL);
      const char * const *lead_ids = sl_plan_item_get_leads (item);
      SlPlanItemStatus status = sl_plan_item_get_status (item);
      const char *state;

      for (guint j = 0; lead_ids != NULL && lead_ids[j] != NULL; j++)
        sl_tables_add_name (lead_names, sl_tables_member_name (b, lead_ids[j]));
      leads = sl_tables_join_names (lead_names);

      if (held != NULL && held->len > 0)
        {
          state = "已开展";
          n_held++;
          for (guint j = 0; j < held->len; j++)
            {
              SlMeeting *meeting = g_ptr_array_index (held, j);
              g_autofree char *date = sl_wording_date (sl_meeting_get_date (meeting));
              g_autofree char *meeting_name = sl_wording_meeting_name (meeting);

              sl_tables_add_line (dates, j, held->len, date);
              sl_tables_add_line (meetings, j, held->len, meeting_name);
            }
        }
      else if (status == SL_PLAN_ITEM_STATUS_CANCELLED)
        state = "取消";
      else if (status == SL_PLAN_ITEM_STATUS_ADJUSTED)
        state = "调整";
      else
        state = "未开展";

      if (status == SL_PLAN_ITEM_STATUS_CANCELLED)
        n_cancelled++;
      else if (status == SL_PLAN_ITEM_STATUS_ADJUSTED)
        n_adjusted++;

      if (sl_plan_item_get_department (item) && *sl_plan_item_get_department (item))
        g_string_append_printf (remark, "承办：%s", sl_plan_item_get_department (item));
      if (sl_plan_item_get_note (item) && *sl_plan_item_get_note (item))
        g_string_append_printf (remark, "%s%s", remark->len ? "；" : "",
                                sl_plan_item_get_note (item));

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      add_planned_time (table, item);
      sl_table_add_text (table, sl_plan_item_get_theme (item));
      sl_table_add_text (table, sl_plan_item_get_content (item));
      sl_table_add_text (table, sl_wording_study_form (sl_plan_item_get_form (item)));
      sl_table_add_text (table, leads);
      if (held != NULL && held->len > 0)
        sl_table_add_text (table, state);
      else
        sl_table_add_alert (table, state);
      /* One meeting: a real date, which a spreadsheet can sort by. */
      if (held != NULL && held->len == 1)
        sl_table_add_date (table, sl_meeting_get_date (g_ptr_array_index (held, 0)));
      else
        sl_table_add_text (table, dates->str);
      sl_table_add_text (table, meetings->str);
      sl_table_add_text (table, remark->str);
    }

  rate = sl_tables_format_rate (n_items ? (double) n_held / n_items : NAN);
  note = g_strdup_printf ("计划安排%u项，已开展%u项，未开展%u项，兑现率%s（已开展项数÷计划安排项数）。",
                          n_items, n_held, n_items - n_held, rate);
  sl_table_add_note (table, note);
  if (n_cancelled || n_adjusted)
    {
      g_autofree char *changes = g_strdup_printf ("其中调整%u项，取消%u项。", n_adjusted, n_cancelled);
      sl_table_add_note (table, changes);
    }

  sl_tables_finish (table);
  /* A table of this many columns is read across: A4 landscape always. */
  sl_table_set_landscape (table, TRUE);
  return g_steal_pointer (&table);
}

gboolean
sl_tables_build_plan_progress (Builder    *b,
                               GPtrArray  *tables,
                               GError    **error)
{
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (b->ledger, b->year, error);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GHashTable) by_item = NULL;

  if (plans == NULL)
    return FALSE;

  for (guint i = 0; i < plans->len; i++)
    {
      SlPlan *plan = g_ptr_array_index (plans, i);

      if (b->request->organization == NULL ||
          g_strcmp0 (sl_plan_get_organization (plan), b->request->organization) == 0)
        g_ptr_array_add (chosen, plan);
    }

  if (chosen->len == 0)
    {
      if (b->unit != NULL && b->request->organization != NULL)
        g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                     _("%s has no study plan for %d"), b->unit, b->year);
      else
        g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                     _("The ledger has no study plan for %d"), b->year);
      return FALSE;
    }

  /* A session may fulfil an item of last year's plan early in January:
   * every year's meetings, without their details, which are not shown. */
  if (!(meetings = sl_ledger_load_meetings (b->ledger, 0, NULL, FALSE, error)))
    return FALSE;
  by_item = meetings_by_item (meetings);

  for (guint i = 0; i < chosen->len; i++)
    g_ptr_array_add (tables, build_progress_table (b, g_ptr_array_index (chosen, i), by_item,
                                                   chosen->len > 1));

  return TRUE;
}
