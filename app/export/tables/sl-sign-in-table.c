/* sl-sign-in-table.c — 签到表: one meeting's roster with room for signatures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_sign_in() for sl-ledger-tables.c.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include "sl-attendance.h"
#include "sl-ledger.h"
#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-wording.h"

/* The people expected at @meeting: its attendance when it has been filled
 * in, otherwise the roster on its date (the central group's members for a
 * central group session, the organization's members for the others). */
static GPtrArray *
sign_in_members (Builder   *b,
                 SlMeeting *meeting)
{
  GListModel *rows = sl_meeting_get_attendance (meeting);
  GListModel *members = sl_ledger_get_members (b->ledger);
  GPtrArray *people = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      SlMember *member = sl_ledger_find_member (b->ledger, sl_attendance_get_member (row));

      if (member != NULL)
        g_ptr_array_add (people, member);
    }
  if (people->len > 0)
    return people;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      gboolean belongs;

      if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_CENTRAL_GROUP)
        belongs = sl_member_get_central_group (member);
      else
        belongs = g_strcmp0 (sl_member_get_organization (member),
                             sl_meeting_get_organization (meeting)) == 0;

      /* The ledger's live list keeps the member alive. */
      if (belongs && sl_member_is_active_on (member, sl_meeting_get_date (meeting)))
        g_ptr_array_add (people, member);
    }

  return people;
}

SlTable *
sl_tables_build_sign_in (Builder  *b,
                         GError  **error)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(SlTable) table = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  if (!(meeting = sl_ledger_load_meeting (b->ledger, b->request->meeting, error)))
    return NULL;

  name = sl_wording_meeting_name (meeting);
  title = g_strdup_printf ("%s签到表", name);
  date = sl_wording_date (sl_meeting_get_date (meeting));

  g_string_append_printf (subtitle, "时间：%s", date);
  if (sl_meeting_get_start (meeting))
    g_string_append_printf (subtitle, " %s", sl_meeting_get_start (meeting));
  if (sl_meeting_get_start (meeting) && sl_meeting_get_end (meeting))
    g_string_append_printf (subtitle, "—%s", sl_meeting_get_end (meeting));
  if (sl_meeting_get_place (meeting) && *sl_meeting_get_place (meeting))
    g_string_append_printf (subtitle, "　　地点：%s", sl_meeting_get_place (meeting));
  if (sl_meeting_get_theme (meeting) && *sl_meeting_get_theme (meeting))
    g_string_append_printf (subtitle, "　　主题：%s", sl_meeting_get_theme (meeting));

  table = sl_table_new (title);
  sl_table_set_name (table, "签到表");
  sl_table_set_subtitle (table, subtitle->str);
  sl_table_add_column (table, "序号", W_INDEX, FALSE);
  sl_table_add_column (table, "姓名", 5.0, FALSE);
  sl_table_add_column (table, "职务", 12.0, TRUE);
  sl_table_add_column (table, "签名", 14.0, TRUE);
  sl_table_add_column (table, "备注", 8.0, TRUE);
  sl_table_set_key_columns (table, 2);

  people = sign_in_members (b, meeting);
  for (guint i = 0; i < people->len; i++)
    {
      SlMember *member = g_ptr_array_index (people, i);

      sl_table_begin_row (table);
      sl_table_add_number (table, i + 1);
      sl_table_add_text (table, sl_member_get_name (member));
      sl_table_add_text (table, sl_member_get_post (member));
      sl_table_add_text (table, NULL);
      sl_table_add_text (table, NULL);
    }

  sl_table_add_note (table, "应到____人　　实到____人　　请假____人　　缺席____人");
  sl_table_add_note (table, "记录人（签字）：______________");

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}
