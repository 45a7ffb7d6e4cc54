/* sl-first-topic-table.c — 第一议题学习台账: one row per first-topic study of the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_first_topic_ledger() for sl-ledger-tables.c.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-study.h"
#include "sl-wording.h"

SlTable *
sl_tables_build_first_topic_ledger (Builder  *b,
                                    GError  **error)
{
  static const ColumnSpec columns[] = {
    { "序号",                 W_INDEX, FALSE },
    { "会议名称及次序",       8.0,     TRUE  },
    { "学习时间",             W_DATE,  FALSE },
    { "会议类型",             4.5,     FALSE },
    { "学习内容",             11.0,    TRUE  },
    { "出处",                 8.0,     TRUE  },   /* 出处及发表日期 */
    { "发表日期",             W_DATE,  FALSE },
    { "学习形式",             4.0,     FALSE },
    { "主持人",               W_NAME,  FALSE },
    { "领学人",               W_NAME,  FALSE },
    { "应到",                 W_COUNT, FALSE },   /* 参加人员（应到/实到） */
    { "实到",                 W_COUNT, FALSE },
    { "请假人员",             6.0,     TRUE  },
    { "研讨交流",             6.0,     TRUE  },
    { "贯彻落实措施",         11.0,    TRUE  },
    { "责任领导/责任部门",    6.5,     TRUE  },
    { "完成时限",             W_DATE,  FALSE },
    { "落实情况",             7.0,     TRUE  },
    { "备注",                 5.0,     TRUE  },
  };
  g_autofree char *title =
    sl_tables_document_title (b, sl_wording_document_name (SL_DOCUMENT_FIRST_TOPIC_LEDGER));
  g_autoptr(SlTable) table = sl_tables_new_table (b, title, "第一议题学习台账");
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  guint n_rows = 0, n_meetings = 0, n_party_group = 0, n_party_group_with = 0;

  if (!sl_tables_load_meetings (b, error))
    return NULL;

  sl_tables_add_columns (table, columns, G_N_ELEMENTS (columns));
  /* The ledger's layout (DOMAIN.md) names one column for each pair; the
   * spreadsheet keeps a real date and two real counts under it. */
  sl_table_add_column_group (table, "出处及发表日期", 5, 2, "\n", NULL);
  sl_table_add_column_group (table, "参加人员（应到/实到）", 10, 2, "\n",
                             (const char *[]) { "应到", "人", "实到", "人" });
  sl_table_set_key_columns (table, 2);

  for (guint m = 0; m < b->meetings->len; m++)
    {
      SlMeeting *meeting = g_ptr_array_index (b->meetings, m);
      GListModel *studies = sl_meeting_get_studies (meeting);
      g_autofree char *name = sl_wording_meeting_name (meeting);
      g_autofree char *leave = NULL;
      g_autofree char *speakers = NULL;
      g_auto(Presence) presence = { 0 };
      g_auto(MeasureLines) measures = { 0 };
      gboolean first_row = TRUE;

      for (guint s = 0; s < g_list_model_get_n_items (studies); s++)
        {
          g_autoptr(SlStudy) study = g_list_model_get_item (studies, s);
          g_autoptr(GString) note = g_string_new (NULL);
          int days;

          if (!sl_study_get_first_topic (study))
            continue;

          if (first_row)
            {
              sl_tables_presence_init (&presence, b, meeting);
              sl_tables_measure_lines_init (&measures, b, meeting);
              leave = sl_tables_presence_leave_text (&presence);
              speakers = sl_tables_speakers_text (b, meeting);
              n_meetings++;
            }

          days = sl_tables_days_between (sl_study_get_published_on (study),
                                         sl_meeting_get_date (meeting));
          if (days >= 0)
            g_string_append_printf (note, "发表后%d天学习", days);
          if (first_row && sl_meeting_get_note (meeting) && *sl_meeting_get_note (meeting))
            g_string_append_printf (note, "%s%s", note->len ? "；" : "", sl_meeting_get_note (meeting));

          sl_table_begin_row (table);
          sl_table_add_number (table, ++n_rows);
          sl_table_add_text (table, name);
          sl_table_add_date (table, sl_meeting_get_date (meeting));
          sl_table_add_text (table, sl_wording_meeting_kind (sl_meeting_get_kind (meeting)));
          sl_table_add_text (table, sl_study_get_title (study));
          sl_table_add_text (table, sl_study_get_source (study));
          sl_table_add_date (table, sl_study_get_published_on (study));
          sl_table_add_text (table, sl_wording_study_form (sl_meeting_get_form (meeting)));
          sl_table_add_text (table, sl_tables_member_name (b, sl_meeting_get_chair (meeting)));
          sl_table_add_text (table, sl_tables_member_name (b, sl_study_get_lead (study)));
          sl_table_add_number (table, presence.expected);
          sl_table_add_number (table, presence.present);
          sl_table_add_text (table, leave);
          sl_table_add_text (table, speakers);
          if (first_row)
            {
              /* Measures belong to the meeting: shown once, with its first study. */
              sl_table_add_text (table, measures.texts->str);
              sl_table_add_text (table, measures.owners->str);
              if (measures.single_due != NULL)
                sl_table_add_date (table, measures.single_due);
              else
                sl_table_add_text (table, measures.dues->str);
              sl_table_add_text (table, measures.states->str);
            }
          else
            {
              sl_table_add_text (table, measures.texts->len ? "同上" : NULL);
              sl_table_add_text (table, NULL);
              sl_table_add_text (table, NULL);
              sl_table_add_text (table, NULL);
            }
          sl_table_add_text (table, note->str);

          first_row = FALSE;
        }

      if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_PARTY_GROUP)
        {
          n_party_group++;
          if (!first_row)
            n_party_group_with++;
          else
            {
              g_autofree char *date = sl_wording_date (sl_meeting_get_date (meeting));
              g_ptr_array_add (missing, g_strdup_printf ("%s%s", date, name));
            }
        }
    }

  {
    g_autofree char *note = g_strdup_printf ("本年度共学习第一议题%u项，涉及会议%u次；召开党组会议%u次，"
                                             "其中%u次以第一议题学习开篇。",
                                             n_rows, n_meetings, n_party_group, n_party_group_with);
    sl_table_add_note (table, note);
  }
  if (missing->len > 0)
    {
      g_autofree char *list = sl_tables_join_names (missing);
      g_autofree char *note = g_strdup_printf ("未安排第一议题学习的党组会议：%s。", list);
      sl_table_add_note (table, note);
    }

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}
