/* sl-measure-entry.h — a follow-up measure with the meeting that set it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* What the measures page can filter on. */
typedef enum
{
  SL_MEASURE_FILTER_ALL,
  SL_MEASURE_FILTER_UNFINISHED,  /* open or in progress */
  SL_MEASURE_FILTER_OVERDUE,     /* unfinished and past its deadline */
  SL_MEASURE_FILTER_OPEN,
  SL_MEASURE_FILTER_IN_PROGRESS,
  SL_MEASURE_FILTER_DONE,
} SlMeasureFilter;

#define SL_TYPE_MEASURE_ENTRY (sl_measure_entry_get_type ())

G_DECLARE_FINAL_TYPE (SlMeasureEntry, sl_measure_entry, SL, MEASURE_ENTRY, GObject)

SlMeasureEntry *sl_measure_entry_new                (SlMeasure      *measure,
                                                     const char     *meeting,
                                                     const char     *meeting_date,
                                                     const char     *meeting_title,
                                                     gboolean        overdue);

SlMeasure      *sl_measure_entry_get_measure        (SlMeasureEntry *self);
const char     *sl_measure_entry_get_meeting        (SlMeasureEntry *self);
const char     *sl_measure_entry_get_meeting_date   (SlMeasureEntry *self);
const char     *sl_measure_entry_get_meeting_title  (SlMeasureEntry *self);
gboolean        sl_measure_entry_get_overdue        (SlMeasureEntry *self);

gboolean        sl_measure_entry_matches            (SlMeasureEntry *self,
                                                     const char     *owner,
                                                     SlMeasureFilter filter);

gboolean        sl_measure_is_overdue               (SlMeasure      *measure,
                                                     const char     *today);

GPtrArray      *sl_measure_entries_load             (SlLedger       *ledger,
                                                     int             year,
                                                     const char     *today,
                                                     GError        **error);
gboolean        sl_measure_entry_mark_done          (SlLedger       *ledger,
                                                     const char     *meeting,
                                                     const char     *measure,
                                                     const char     *done_on,
                                                     const char     *progress,
                                                     GError        **error);

G_END_DECLS
