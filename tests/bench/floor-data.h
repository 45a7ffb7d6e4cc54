/* floor-data.h — the cells of one year's meetings ledger, read with plain SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor programs (floor-xlsx.c, floor-pdf.c) write what
 * `study-ledger export meetings-ledger` writes — a title, a subtitle, a
 * header row of thirteen columns, one row per meeting of the year and a
 * closing note — but read it with one SQL statement instead of through
 * SlLedger, and lay it out with the bare library. The time of a floor is
 * what the file itself costs; the export's ratio to it is what the
 * application adds.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FLOOR_COLUMNS 13

static const struct
{
  const char *title;
  double      width;   /* in characters, as the export's column specs */
  gboolean    wrap;
} floor_columns[FLOOR_COLUMNS] = {
  { "序号",     2.5,  FALSE },
  { "日期",     7.5,  FALSE },
  { "会议类型", 6.0,  FALSE },
  { "会议名称", 11.0, TRUE  },
  { "主题",     10.0, TRUE  },
  { "主持人",   4.5,  FALSE },
  { "记录人",   4.5,  FALSE },
  { "应到",     3.0,  FALSE },
  { "实到",     3.0,  FALSE },
  { "请假",     3.0,  FALSE },
  { "缺席",     3.0,  FALSE },
  { "学习内容", 16.0, TRUE  },
  { "备注",     7.0,  TRUE  },
};

typedef struct
{
  char *cells[FLOOR_COLUMNS];   /* text of each cell */
  int   year, month, day;       /* the date cell */
} FloorRow;

typedef struct
{
  char      *title;
  char      *subtitle;
  char      *note;
  GPtrArray *rows;   /* FloorRow */
} FloorTable;

static const char *
floor_kind_text (const char *kind)
{
  static const char *kinds[][2] = {
    { "party_group", "党组会议" }, { "central_group", "理论学习中心组学习" },
    { "ideology", "意识形态工作专题会议" }, { "situation_analysis", "思想政治工作形势分析会" },
    { "branch_assembly", "支部党员大会" }, { "branch_committee", "支委会" },
    { "group_meeting", "党小组会" }, { "party_lecture", "党课" }, { "training", "专题培训" },
    { "other", "其他会议" },
  };

  for (guint i = 0; kind && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i][0], kind))
      return kinds[i][1];
  return "";
}

static void
floor_row_free (gpointer data)
{
  FloorRow *row = data;

  for (int c = 0; c < FLOOR_COLUMNS; c++)
    g_free (row->cells[c]);
  g_free (row);
}

static void
floor_table_free (FloorTable *table)
{
  g_free (table->title);
  g_free (table->subtitle);
  g_free (table->note);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static FloorTable *
floor_table_load (const char *path,
                  int         year)
{
  FloorTable *table = g_new0 (FloorTable, 1);
  GString *note = g_string_new (NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint by_kind = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "floor: cannot open %s\n", path);
      exit (1);
    }

  if (sqlite3_prepare_v2 (db,
                          "SELECT m.date, m.kind, m.title, m.sequence, m.theme, c.name, r.name, "
                          "  (SELECT count (*) FROM attendance a WHERE a.meeting_id = m.id), "
                          "  (SELECT count (*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'present'), "
                          "  (SELECT count (*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'leave'), "
                          "  (SELECT count (*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'absent'), "
                          "  (SELECT json_group_array (title) FROM "
                          "     (SELECT coalesce (title, '') AS title FROM studies s "
                          "      WHERE s.meeting_id = m.id ORDER BY s.position, s.id)), "
                          "  m.note "
                          "FROM meetings m LEFT JOIN members c ON c.id = m.chair_id "
                          "  LEFT JOIN members r ON r.id = m.recorder_id "
                          "WHERE m.year = ?1 ORDER BY m.date, m.start_time, m.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "floor: %s\n", sqlite3_errmsg (db));
      exit (1);
    }

  table->rows = g_ptr_array_new_with_free_func (floor_row_free);
  sqlite3_bind_int (stmt, 1, year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      FloorRow *row = g_new0 (FloorRow, 1);
      const char *date = (const char *) sqlite3_column_text (stmt, 0);
      const char *title = (const char *) sqlite3_column_text (stmt, 2);
      const char *studies = (const char *) sqlite3_column_text (stmt, 11);
      g_auto(GStrv) parts = NULL;
      GString *content = g_string_new (NULL);

      sscanf (date, "%d-%d-%d", &row->year, &row->month, &row->day);
      row->cells[0] = g_strdup_printf ("%u", table->rows->len + 1);
      row->cells[1] = g_strdup (date);
      row->cells[2] = g_strdup (floor_kind_text ((const char *) sqlite3_column_text (stmt, 1)));
      row->cells[3] = title && *title ? g_strdup (title)
                      : g_strdup_printf ("%d年第%d次%s", row->year, sqlite3_column_int (stmt, 3),
                                         row->cells[2]);
      row->cells[4] = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->cells[5] = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->cells[6] = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      for (int c = 7; c <= 10; c++)
        row->cells[c] = g_strdup_printf ("%d", sqlite3_column_int (stmt, c));

      /* ["a","b"] → "1. a\n2. b"; the titles hold no quotes here. */
      parts = g_strsplit (studies ? studies : "[]", "\",\"", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *part = parts[i];
          gsize length;

          while (*part == '[' || *part == '"')
            part++;
          length = strlen (part);
          while (length > 0 && (part[length - 1] == ']' || part[length - 1] == '"'))
            part[--length] = '\0';
          if (length == 0 && g_strv_length (parts) == 1)
            break;
          if (content->len > 0)
            g_string_append_c (content, '\n');
          if (g_strv_length (parts) > 1)
            g_string_append_printf (content, "%u. ", i + 1);
          g_string_append (content, part);
        }
      row->cells[11] = g_string_free (content, FALSE);
      row->cells[12] = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      g_ptr_array_add (table->rows, row);
      by_kind++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  table->title = g_strdup_printf ("%d年会议学习台账", year);
  table->subtitle = g_strdup_printf ("统计时间：%d年1月1日至%d年12月31日", year, year);
  g_string_append_printf (note, "本年度共召开各类会议%u次。", by_kind);
  table->note = g_string_free (note, FALSE);

  return table;
}
