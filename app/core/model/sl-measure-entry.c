/* sl-measure-entry.c — a follow-up measure with the meeting that set it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures belong to meetings and are saved with them; the measures page
 * follows them across the year's meetings (“逐项完成销号”). An entry is one
 * row of that list: the measure and the meeting's date and title, read in
 * one query instead of loading every meeting whole. Marking a measure done
 * goes back through its meeting, so that the meeting stays the one place
 * the measure is written.
 *
 * Overdue means what the statistics count: not done, and the deadline
 * (due_on) is before today.
 */

#define G_LOG_DOMAIN "sl-measure-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-database.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-measure-entry.h"
#include "sl-meeting.h"
#include "sl-util.h"

struct _SlMeasureEntry
{
  GObject    parent_instance;

  /* owned */
  SlMeasure *measure;
  char      *meeting;
  char      *meeting_date;
  char      *meeting_title;
  gboolean   overdue;
};

G_DEFINE_FINAL_TYPE (SlMeasureEntry, sl_measure_entry, G_TYPE_OBJECT)

static void
sl_measure_entry_finalize (GObject *object)
{
  SlMeasureEntry *self = SL_MEASURE_ENTRY (object);

  g_clear_object (&self->measure);
  g_clear_pointer (&self->meeting, g_free);
  g_clear_pointer (&self->meeting_date, g_free);
  g_clear_pointer (&self->meeting_title, g_free);

  G_OBJECT_CLASS (sl_measure_entry_parent_class)->finalize (object);
}

static void
sl_measure_entry_class_init (SlMeasureEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_measure_entry_finalize;
}

static void
sl_measure_entry_init (SlMeasureEntry *self)
{
}

SlMeasureEntry *
sl_measure_entry_new (SlMeasure  *measure,
                      const char *meeting,
                      const char *meeting_date,
                      const char *meeting_title,
                      gboolean    overdue)
{
  SlMeasureEntry *self;

  g_return_val_if_fail (SL_IS_MEASURE (measure), NULL);

  self = g_object_new (SL_TYPE_MEASURE_ENTRY, NULL);
  self->measure = g_object_ref (measure);
  self->meeting = g_strdup (meeting);
  self->meeting_date = g_strdup (meeting_date);
  self->meeting_title = g_strdup (meeting_title);
  self->overdue = overdue;

  return self;
}

SlMeasure *
sl_measure_entry_get_measure (SlMeasureEntry *self)
{
  g_return_val_if_fail (SL_IS_MEASURE_ENTRY (self), NULL);
  return self->measure;
}

const char *
sl_measure_entry_get_meeting (SlMeasureEntry *self)
{
  g_return_val_if_fail (SL_IS_MEASURE_ENTRY (self), NULL);
  return self->meeting;
}

const char *
sl_measure_entry_get_meeting_date (SlMeasureEntry *self)
{
  g_return_val_if_fail (SL_IS_MEASURE_ENTRY (self), NULL);
  return self->meeting_date;
}

const char *
sl_measure_entry_get_meeting_title (SlMeasureEntry *self)
{
  g_return_val_if_fail (SL_IS_MEASURE_ENTRY (self), NULL);
  return self->meeting_title;
}

gboolean
sl_measure_entry_get_overdue (SlMeasureEntry *self)
{
  g_return_val_if_fail (SL_IS_MEASURE_ENTRY (self), FALSE);
  return self->overdue;
}

gboolean
sl_measure_is_overdue (SlMeasure  *measure,
                       const char *today)
{
  const char *due_on;

  g_return_val_if_fail (SL_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  due_on = sl_measure_get_due_on (measure);
  return sl_measure_get_status (measure) != SL_MEASURE_STATUS_DONE &&
         due_on != NULL && g_strcmp0 (due_on, today) < 0;
}

/**
 * sl_measure_entry_matches:
 * @owner: (nullable): a member's id; %NULL for any owner
 *
 * Whether the measures page shows @self under these filters.
 */
gboolean
sl_measure_entry_matches (SlMeasureEntry  *self,
                          const char      *owner,
                          SlMeasureFilter  filter)
{
  SlMeasureStatus status;

  g_return_val_if_fail (SL_IS_MEASURE_ENTRY (self), FALSE);

  if (owner != NULL && g_strcmp0 (owner, sl_measure_get_owner (self->measure)) != 0)
    return FALSE;

  status = sl_measure_get_status (self->measure);
  switch (filter)
    {
    case SL_MEASURE_FILTER_ALL:         return TRUE;
    case SL_MEASURE_FILTER_UNFINISHED:  return status != SL_MEASURE_STATUS_DONE;
    case SL_MEASURE_FILTER_OVERDUE:     return self->overdue;
    case SL_MEASURE_FILTER_OPEN:        return status == SL_MEASURE_STATUS_OPEN ||
                                               status == SL_MEASURE_STATUS_NONE;
    case SL_MEASURE_FILTER_IN_PROGRESS: return status == SL_MEASURE_STATUS_IN_PROGRESS;
    case SL_MEASURE_FILTER_DONE:        return status == SL_MEASURE_STATUS_DONE;
    default:                            g_return_val_if_reached (TRUE);
    }
}

/**
 * sl_measure_entries_load:
 * @year: the meetings' year
 * @today: (nullable): "YYYY-MM-DD" to judge deadlines against; %NULL for
 *   the real today (or SL_TODAY)
 *
 * Returns: (element-type SlMeasureEntry): every measure of the year's
 *   meetings, in the meetings' order and then each meeting's
 */
GPtrArray *
sl_measure_entries_load (SlLedger    *ledger,
                         int          year,
                         const char  *today,
                         GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *real_today = NULL;
  SlDatabase *database;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  if (today == NULL)
    today = real_today = sl_today ();

  database = sl_ledger_get_database (ledger);
  stmt = sl_database_prepare (database,
                              "SELECT x.id, x.uuid, x.text, o.uuid, x.department, x.due_on, "
                              "  x.status, x.done_on, x.progress, m.uuid, m.date, m.title "
                              "FROM measures x JOIN meetings m ON m.id = x.meeting_id "
                              "  LEFT JOIN members o ON o.id = x.owner_id "
                              "WHERE m.year = ?1 "
                              "ORDER BY m.date, m.start_time, m.id, x.position",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SlMeasure) measure = sl_measure_new ();
      int status = 0;

      if (!sl_enum_from_code (SL_TYPE_MEASURE_STATUS, sl_column_text (stmt, 6), &status))
        status = SL_MEASURE_STATUS_NONE;

      sl_record_set_key (SL_RECORD (measure), sqlite3_column_int64 (stmt, 0));
      sl_record_set_id (SL_RECORD (measure), sl_column_text (stmt, 1));
      sl_measure_set_text (measure, sl_column_text (stmt, 2));
      sl_measure_set_owner (measure, sl_column_text (stmt, 3));
      sl_measure_set_department (measure, sl_column_text (stmt, 4));
      sl_measure_set_due_on (measure, sl_column_text (stmt, 5));
      sl_measure_set_status (measure, status);
      sl_measure_set_done_on (measure, sl_column_text (stmt, 7));
      sl_measure_set_progress (measure, sl_column_text (stmt, 8));

      g_ptr_array_add (entries,
                       sl_measure_entry_new (measure,
                                             sl_column_text (stmt, 9),
                                             sl_column_text (stmt, 10),
                                             sl_column_text (stmt, 11),
                                             sl_measure_is_overdue (measure, today)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * sl_measure_entry_mark_done:
 * @meeting: the id of the meeting that set the measure
 * @measure: the measure's id
 * @done_on: "YYYY-MM-DD"
 * @progress: (nullable): what was done (落实情况); %NULL keeps the old note
 *
 * Closes the measure: loads its meeting, changes the measure and saves the
 * meeting, in one transaction.
 */
gboolean
sl_measure_entry_mark_done (SlLedger    *ledger,
                            const char  *meeting,
                            const char  *measure,
                            const char  *done_on,
                            const char  *progress,
                            GError     **error)
{
  g_autoptr(SlMeeting) record = NULL;
  GListModel *measures;
  guint n;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  if (!sl_date_is_valid (done_on))
    {
      g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_INVALID,
                   _("“%s” is not a date; write the day the measure was done as YYYY-MM-DD"),
                   done_on ? done_on : "");
      return FALSE;
    }

  if (!(record = sl_ledger_load_meeting (ledger, meeting, error)))
    return FALSE;

  measures = sl_meeting_get_measures (record);
  n = g_list_model_get_n_items (measures);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlMeasure) each = g_list_model_get_item (measures, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (each)), measure) != 0)
        continue;

      sl_measure_set_status (each, SL_MEASURE_STATUS_DONE);
      sl_measure_set_done_on (each, done_on);
      if (progress != NULL)
        sl_measure_set_progress (each, *progress ? progress : NULL);

      return sl_ledger_save_meeting (ledger, record, SL_SAVE_REPLACE, error);
    }

  g_set_error (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_NOT_FOUND,
               _("The meeting “%s” has no such measure any more; it may have been removed"),
               sl_meeting_get_title (record) ? sl_meeting_get_title (record) : meeting);
  return FALSE;
}
