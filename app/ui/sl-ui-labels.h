/* sl-ui-labels.h — the words the window shows for the codes of archive version 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sl-types.h"

G_BEGIN_DECLS

/* Each takes the enum's value (NONE included, as "—"); the N_ constants are
 * how many values a choice lists, NONE first. */
#define SL_UI_N_TOPIC_SOURCES    (SL_TOPIC_SOURCE_OTHER + 1)
#define SL_UI_N_TALK_FORMS       (SL_TALK_FORM_OTHER + 1)
#define SL_UI_N_TALK_KINDS       (SL_TALK_KIND_OTHER + 1)
#define SL_UI_N_STUDY_NOTE_KINDS (SL_STUDY_NOTE_KIND_OTHER + 1)

const char *sl_ui_topic_source_label    (SlTopicSource   source);
const char *sl_ui_talk_form_label       (SlTalkForm      form);
const char *sl_ui_talk_kind_label       (SlTalkKind      kind);
const char *sl_ui_study_note_kind_label (SlStudyNoteKind kind);

/* An attachment's kind (signed_sheet, photo, ...) by its name; an
 * unknown code as it is. */
const char *sl_ui_attachment_kind_label (const char *code);

G_END_DECLS
