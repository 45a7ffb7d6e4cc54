/* sl-central-group-table.c — 理论学习中心组学习台账: one row per central group session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_central_group_ledger() for sl-ledger-tables.c.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-record.h"
#include "sl-study.h"
#include "sl-wording.h"

/* Plan item id → how the central group ledger names it. */
static GHashTable *
plan_item_labels (Builder  *b,
                  GError  **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (b->ledger, b->year, error);

  if (plans == NULL)
    return NULL;

  for (guint p = 0; p < plans->len; p++)
    {
      GListModel *items = sl_plan_get_items (g_ptr_array_index (plans, p));

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SlPlanItem) item = g_list_model_get_item (items, i);
          g_autoptr(GString) label = g_string_new (NULL);

          g_string_append_printf (label, "第%u项", i + 1);
          if (sl_plan_item_get_month (item) > 0)
            g_string_append_printf (label, "（%d月）", sl_plan_item_get_month (item));
          else
            g_string_append (label, "：");
          if (sl_plan_item_get_theme (item) && *sl_plan_item_get_theme (item))
            g_string_append (label, sl_plan_item_get_theme (item));

          g_hash_table_insert (labels, g_strdup (sl_record_get_id (SL_RECORD (item))),
                               g_string_free (g_steal_pointer (&label), FALSE));
        }
    }

  return g_steal_pointer (&labels);
}

static char *
studies_text (SlMeeting *meeting,
              gboolean   with_sources)
{
  GListModel *studies = sl_meeting_get_studies (meeting);
  guint n = g_list_model_get_n_items (studies);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, i);
      g_autofree char *source = with_sources ? sl_tables_study_source (study, "，") : NULL;
      g_autofree char *line = NULL;

      if (source && *source)
        line = g_strdup_printf ("%s（%s）", sl_study_get_title (study) ? sl_study_get_title (study) : "",
                                source);
      else
        line = g_strdup (sl_study_get_title (study));
      sl_tables_add_line (text, i, n, line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "HH:MM" → minutes since midnight, or -1. */
static int
clock_minutes (const char *clock)
{
  unsigned hours, minutes;

  if (clock == NULL || sscanf (clock, "%2u:%2u", &hours, &minutes) != 2
      || hours > 23 || minutes > 59)
    return -1;

  return (int) (hours * 60 + minutes);
}

/* The length of a session in hours: as recorded, otherwise from its end
 * less its start; NAN (an empty cell) when neither is known. Rounded to
 * the tenth of an hour the page shows. */
static double
meeting_hours (SlMeeting *meeting)
{
  double hours = sl_meeting_get_hours (meeting);
  int start, end;

  if (hours <= 0)
    {
      start = clock_minutes (sl_meeting_get_start (meeting));
      end = clock_minutes (sl_meeting_get_end (meeting));
      if (start < 0 || end <= start)
        return NAN;
      hours = (end - start) / 60.0;
    }

  return round (hours * 10) / 10;
}

SlTable *
sl_tables_build_central_group_ledger (Builder  *b,
                                      GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",          W_INDEX, FALSE },
    { "学习时间",      W_DATE,  FALSE },
    { "地点",          6.0,     TRUE  },
    { "学习时长（小时）", W_COUNT, FALSE },
    { "会议名称及次序", 10.0,   TRUE  },
    { "学习形式",      4.5,     FALSE },
    { "主持人",        W_NAME,  FALSE },
    { "学习主题",      9.0,     TRUE  },
    { "学习内容",      15.0,    TRUE  },
    { "领学人/主讲人", W_NAME,  FALSE },
    { "研讨发言人",    7.0,     TRUE  },
    { "应到",          W_COUNT, FALSE },
    { "实到",          W_COUNT, FALSE },
    { "请假/缺席人员", 7.0,     TRUE  },
    { "列席人员",      6.0,     TRUE  },
    { "对应计划",      8.0,     TRUE  },
    { "落实措施",      13.0,    TRUE  },
    { "备注",          6.0,     TRUE  },
  };
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_CENTRAL_GROUP_LEDGER));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "中心组学习台账");
  g_autoptr(GHashTable) labels = NULL;
  guint n_rows = 0, n_expanded = 0, n_superior = 0;

  if (!sl_tables_load_meetings (b, error) || !(labels = plan_item_labels (b, error)))
    return NULL;

  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  sl_table_set_key_columns (table, 2);

  for (guint m = 0; m < b->meetings->len; m++)
    {
      SlMeeting *meeting = g_ptr_array_index (b->meetings, m);
      GListModel *studies = sl_meeting_get_studies (meeting);
      GListModel *guests = sl_meeting_get_guests (meeting);
      g_autofree char *name = NULL;
      g_autofree char *content = NULL;
      g_autofree char *leads = NULL;
      g_autofree char *speakers = NULL;
      g_autofree char *leave = NULL;
      g_autofree char *guest_names = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GPtrArray) guest_list = g_ptr_array_new ();
      g_autoptr(GPtrArray) wordings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) superiors = g_ptr_array_new ();
      g_autoptr(GString) note = g_string_new (NULL);
      g_auto(Presence) presence = { 0 };
      g_auto(MeasureLines) measures = { 0 };
      const char *plan_item;

      if (sl_meeting_get_kind (meeting) != SL_MEETING_KIND_CENTRAL_GROUP)
        continue;

      for (guint s = 0; s < g_list_model_get_n_items (studies); s++)
        {
          g_autoptr(SlStudy) study = g_list_model_get_item (studies, s);
          sl_tables_add_name (names, sl_tables_member_name (b, sl_study_get_lead (study)));
        }
      for (guint g = 0; g < g_list_model_get_n_items (guests); g++)
        {
          g_autoptr(SlGuest) guest = g_list_model_get_item (guests, g);

          if (sl_guest_get_superior (guest))
            {
              /* Kept until the row is written: the list holds no copies. */
              char *text = sl_wording_guest (guest);

              g_ptr_array_add (wordings, text);
              sl_tables_add_name (guest_list, text);
              sl_tables_add_name (superiors, sl_guest_get_name (guest));
            }
          else
            sl_tables_add_name (guest_list, sl_guest_get_name (guest));
        }

      name = sl_wording_meeting_name (meeting);
      content = studies_text (meeting, TRUE);
      leads = sl_tables_join_names (names);
      speakers = sl_tables_speakers_text (b, meeting);
      guest_names = sl_tables_join_names (guest_list);
      sl_tables_presence_init (&presence, b, meeting);
      leave = sl_tables_presence_leave_text (&presence);
      sl_tables_measure_lines_init (&measures, b, meeting);
      plan_item = sl_meeting_get_plan_item (meeting);

      if (sl_meeting_get_expanded (meeting))
        {
          g_string_append (note, "扩大学习");
          n_expanded++;
        }
      if (superiors->len > 0)
        {
          g_autofree char *names = sl_tables_join_names (superiors);
          g_string_append_printf (note, "%s上级列席旁听：%s", note->len ? "；" : "", names);
          n_superior++;
        }
      if (sl_meeting_get_note (meeting) && *sl_meeting_get_note (meeting))
        g_string_append_printf (note, "%s%s", note->len ? "；" : "", sl_meeting_get_note (meeting));

      sl_table_begin_row (table);
      sl_table_add_number (table, ++n_rows);
      sl_table_add_date (table, sl_meeting_get_date (meeting));
      sl_table_add_text (table, sl_meeting_get_place (meeting));
      sl_table_add_number (table, meeting_hours (meeting));
      sl_table_add_text (table, name);
      sl_table_add_text (table, sl_wording_study_form (sl_meeting_get_form (meeting)));
      sl_table_add_text (table, sl_tables_member_name (b, sl_meeting_get_chair (meeting)));
      sl_table_add_text (table, sl_meeting_get_theme (meeting));
      sl_table_add_text (table, content);
      sl_table_add_text (table, leads);
      sl_table_add_text (table, speakers);
      sl_table_add_number (table, presence.expected);
      sl_table_add_number (table, presence.present);
      sl_table_add_text (table, leave);
      sl_table_add_text (table, guest_names);
      sl_table_add_text (table, plan_item ? g_hash_table_lookup (labels, plan_item) : NULL);
      sl_table_add_text (table, measures.texts->str);
      sl_table_add_text (table, note->str);
    }

  {
    g_autofree char *note = g_strdup_printf ("本年度开展理论学习中心组集体学习%u次（要求不少于%d次），"
                                             "其中扩大学习%u次，上级列席旁听%u次。",
                                             n_rows, b->rules.central_group_per_year, n_expanded,
                                             n_superior);
    sl_table_add_note (table, note);
  }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}
