/* sl-measure.h — a follow-up measure decided at a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_MEASURE (sl_measure_get_type ())

G_DECLARE_FINAL_TYPE (SlMeasure, sl_measure, SL, MEASURE, SlRecord)

SlMeasure      *sl_measure_new            (void);

const char     *sl_measure_get_text       (SlMeasure      *self);
void            sl_measure_set_text       (SlMeasure      *self,
                                           const char     *text);
const char     *sl_measure_get_owner      (SlMeasure      *self);
void            sl_measure_set_owner      (SlMeasure      *self,
                                           const char     *owner);
const char     *sl_measure_get_department (SlMeasure      *self);
void            sl_measure_set_department (SlMeasure      *self,
                                           const char     *department);
const char     *sl_measure_get_due_on     (SlMeasure      *self);
void            sl_measure_set_due_on     (SlMeasure      *self,
                                           const char     *due_on);
SlMeasureStatus sl_measure_get_status     (SlMeasure      *self);
void            sl_measure_set_status     (SlMeasure      *self,
                                           SlMeasureStatus status);
const char     *sl_measure_get_done_on    (SlMeasure      *self);
void            sl_measure_set_done_on    (SlMeasure      *self,
                                           const char     *done_on);
const char     *sl_measure_get_progress   (SlMeasure      *self);
void            sl_measure_set_progress   (SlMeasure      *self,
                                           const char     *progress);

G_END_DECLS
