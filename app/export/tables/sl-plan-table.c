/* sl-plan-table.c — 学习计划安排表: a plan's items as the plan was issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_plan() for sl-ledger-tables.c: one table per
 * plan, the attachment of the plan as issued (DOMAIN.md's 安排表). What
 * became of each item (开展情况, 兑现率) is sl-plan-progress-table.c's.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-ledger.h"
#include "sl-ledger-tables-private.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-record.h"
#include "sl-wording.h"

static char *
member_names (Builder            *b,
              const char * const *ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    sl_tables_add_name (names, sl_tables_member_name (b, ids[i]));

  return sl_tables_join_names (names);
}

static const char *
organization_name (Builder    *b,
                   const char *id)
{
  SlOrganization *organization = id ? sl_ledger_find_organization (b->ledger, id) : NULL;

  return organization ? sl_organization_get_name (organization) : NULL;
}

static SlTable *
build_plan_table (Builder  *b,
                  SlPlan   *plan,
                  gboolean  several,
                  GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",          W_INDEX, FALSE },
    { "时间",          W_DATE,  FALSE },
    { "学习专题",      10.0,    TRUE  },
    { "学习内容",      18.0,    TRUE  },
    { "学习形式",      4.5,     FALSE },
    { "领学人/主讲人", 6.0,     FALSE },
    { "研讨发言人",    8.0,     TRUE  },
    { "参加范围",      7.0,     TRUE  },
    { "备注",          9.0,     TRUE  },
  };
  const char *unit = organization_name (b, sl_plan_get_organization (plan));
  const char *plan_title = sl_plan_get_title (plan);
  GListModel *items = sl_plan_get_items (plan);
  guint n_items = g_list_model_get_n_items (items);
  g_autofree char *default_title = NULL;
  g_autofree char *headed = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autoptr(SlTable) table = NULL;

  if (plan_title == NULL || *plan_title == '\0')
    plan_title = default_title = g_strdup_printf ("%d年度理论学习中心组学习计划",
                                                  sl_plan_get_year (plan));
  headed = sl_wording_under_unit (unit, plan_title);
  title = g_strconcat (headed, "安排表", NULL);
  name = several && unit ? g_strdup_printf ("%s安排表", unit) : g_strdup ("学习计划安排表");

  /* The table as issued with the plan: no 制表日期 and nothing of what
   * became of the items since (plan-progress says that). */
  table = sl_table_new (title);
  sl_table_set_name (table, name);
  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SlPlanItem) item = g_list_model_get_item (items, i);
      g_autofree char *leads = member_names (b, sl_plan_item_get_leads (item));
      g_autofree char *speakers = member_names (b, sl_plan_item_get_speakers (item));
      g_autoptr(GString) remark = g_string_new (NULL);

      if (sl_plan_item_get_department (item) && *sl_plan_item_get_department (item))
        g_string_append_printf (remark, "承办：%s", sl_plan_item_get_department (item));
      if (sl_plan_item_get_note (item) && *sl_plan_item_get_note (item))
        g_string_append_printf (remark, "%s%s", remark->len ? "；" : "", sl_plan_item_get_note (item));

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      if (sl_plan_item_get_planned_on (item) && *sl_plan_item_get_planned_on (item))
        sl_table_add_date (table, sl_plan_item_get_planned_on (item));
      else if (sl_plan_item_get_month (item) > 0)
        {
          g_autofree char *month = g_strdup_printf ("%d月", sl_plan_item_get_month (item));
          sl_table_add_text (table, month);
        }
      else
        sl_table_add_text (table, NULL);
      sl_table_add_text (table, sl_plan_item_get_theme (item));
      sl_table_add_text (table, sl_plan_item_get_content (item));
      sl_table_add_text (table, sl_wording_study_form (sl_plan_item_get_form (item)));
      sl_table_add_text (table, leads);
      sl_table_add_text (table, speakers);
      sl_table_add_text (table, sl_plan_item_get_scope (item));
      sl_table_add_text (table, remark->str);
    }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}

gboolean
sl_tables_build_plan (Builder    *b,
                      GPtrArray  *tables,
                      GError    **error)
{
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (b->ledger, b->year, error);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

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

  for (guint i = 0; i < chosen->len; i++)
    {
      SlTable *table = build_plan_table (b, g_ptr_array_index (chosen, i), chosen->len > 1, error);

      if (table == NULL)
        return FALSE;
      g_ptr_array_add (tables, table);
    }

  return TRUE;
}
