/* sl-study-note.h — a member's own study record (笔记、心得、调研报告)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_STUDY_NOTE (sl_study_note_get_type ())

G_DECLARE_FINAL_TYPE (SlStudyNote, sl_study_note, SL, STUDY_NOTE, SlRecord)

SlStudyNote *sl_study_note_new (void);

const char *sl_study_note_get_member (SlStudyNote *self);
void sl_study_note_set_member (SlStudyNote *self,
    const char *member);
const char *sl_study_note_get_date (SlStudyNote *self);
void sl_study_note_set_date (SlStudyNote *self,
    const char *date);
SlStudyNoteKind sl_study_note_get_kind (SlStudyNote *self);
void sl_study_note_set_kind (SlStudyNote *self,
    SlStudyNoteKind kind);
const char *sl_study_note_get_title (SlStudyNote *self);
void sl_study_note_set_title (SlStudyNote *self,
    const char *title);
const char *sl_study_note_get_size (SlStudyNote *self);
void sl_study_note_set_size (SlStudyNote *self,
    const char *size);
const char *sl_study_note_get_checked_by (SlStudyNote *self);
void sl_study_note_set_checked_by (SlStudyNote *self,
    const char *checked_by);
const char *sl_study_note_get_checked_on (SlStudyNote *self);
void sl_study_note_set_checked_on (SlStudyNote *self,
    const char *checked_on);

G_END_DECLS
