/* sl-sign-in-table.c — 签到表: one meeting's roster with room for signatures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built by sl_tables_build_sign_in() for sl-ledger-tables.c.
 */

#define G_LOG_DOMAIN "sl-ledger-tables"

#include "config.h"

#include "sl-attendance.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-ledger-tables-private.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-wording.h"

#define SIGN_IN_BLANK_ROWS          3
#define SIGN_IN_BLANK_ROWS_EXPANDED 6

/* The people expected at @meeting: its attendance when it has been filled
 * in, otherwise the roster on its date (the central group's members for a
 * central group session, the organization's members for the others).
 * @rows gets each person's attendance row, or NULL, in the same order. */
static GPtrArray *
sign_in_members (Builder    *b,
                 SlMeeting  *meeting,
                 GPtrArray **rows_out)
{
  GListModel *rows = sl_meeting_get_attendance (meeting);
  GListModel *members = sl_ledger_get_members (b->ledger);
  GPtrArray *people = g_ptr_array_new ();
  GPtrArray *people_rows = g_ptr_array_new_with_free_func (g_object_unref);

  *rows_out = people_rows;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (rows, i);
      SlMember *member = sl_ledger_find_member (b->ledger, sl_attendance_get_member (row));

      if (member != NULL)
        {
          g_ptr_array_add (people, member);
          g_ptr_array_add (people_rows, g_object_ref (row));
        }
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
  g_ptr_array_set_size (people_rows, 0);

  return people;
}

/* A leave asked for before the meeting is known when the sheet is printed;
 * the recorder should not have to remember it at the door. */
static char *
sign_in_remark (SlAttendance *row)
{
  const char *kind;

  if (row == NULL || sl_attendance_get_status (row) != SL_ATTENDANCE_STATUS_LEAVE)
    return NULL;

  kind = sl_wording_leave_kind (sl_attendance_get_leave_kind (row));
  if (kind == NULL || *kind == '\0')
    return g_strdup ("请假");

  return g_strdup_printf ("请假：%s", kind);
}

SlTable *
sl_tables_build_sign_in (Builder  *b,
                         GError  **error)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *guests;
  gboolean time_column = b->rules.sign_in_time_column != 0;
  guint number = 0, blank_rows;
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
  if (time_column)
    sl_table_add_column (table, "签到时间", 5.0, FALSE);
  sl_table_add_column (table, "签名", 14.0, TRUE);
  sl_table_add_column (table, "备注", 8.0, TRUE);
  sl_table_set_key_columns (table, 2);

  people = sign_in_members (b, meeting, &rows);
  for (guint i = 0; i < people->len; i++)
    {
      SlMember *member = g_ptr_array_index (people, i);
      g_autofree char *remark = sign_in_remark (i < rows->len ? g_ptr_array_index (rows, i) : NULL);

      sl_table_begin_row (table);
      sl_table_add_number (table, ++number);
      sl_table_add_text (table, sl_member_get_name (member));
      sl_table_add_text (table, sl_member_get_post (member));
      if (time_column)
        sl_table_add_text (table, NULL);
      sl_table_add_text (table, NULL);
      sl_table_add_text (table, remark);
    }

  /* Those who sit in (列席) sign too, after the members: they are not
   * counted in 应到. */
  guests = sl_meeting_get_guests (meeting);
  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr(SlGuest) guest = g_list_model_get_item (guests, i);
      g_autofree char *post = NULL;
      const char *unit = sl_guest_get_unit (guest);

      if (unit != NULL && *unit != '\0'
          && !g_str_has_prefix (sl_guest_get_post (guest) ? sl_guest_get_post (guest) : "", unit))
        post = g_strconcat (unit, sl_guest_get_post (guest), NULL);
      else
        post = g_strdup (sl_guest_get_post (guest));

      sl_table_begin_row (table);
      sl_table_add_number (table, ++number);
      sl_table_add_text (table, sl_guest_get_name (guest));
      sl_table_add_text (table, post);
      if (time_column)
        sl_table_add_text (table, NULL);
      sl_table_add_text (table, NULL);
      sl_table_add_text (table, "列席");
    }

  /* Someone always comes who was not expected: rows to write a name in,
   * more for an enlarged (扩大) session, which invites people beyond the
   * group. */
  blank_rows = sl_meeting_get_expanded (meeting) ? SIGN_IN_BLANK_ROWS_EXPANDED : SIGN_IN_BLANK_ROWS;
  for (guint i = 0; i < blank_rows; i++)
    {
      sl_table_begin_row (table);
      sl_table_add_number (table, ++number);
      for (guint c = 1; c < sl_table_get_n_columns (table); c++)
        sl_table_add_text (table, NULL);
    }
  g_object_set_data (G_OBJECT (table), SL_SIGN_IN_EXPECTED_KEY, GUINT_TO_POINTER (people->len));

  sl_table_add_note (table, "应到____人　　实到____人　　请假____人　　缺席____人");
  sl_table_add_note (table, "记录人（签字）：______________");

  sl_tables_finish (table);
  return g_steal_pointer (&table);
}
