/* sl-speech.h — one speaker's points at a meeting, in speaking order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_SPEECH (sl_speech_get_type ())

G_DECLARE_FINAL_TYPE (SlSpeech, sl_speech, SL, SPEECH, GObject)

SlSpeech   *sl_speech_new              (void);

const char *sl_speech_get_speaker      (SlSpeech   *self);
void        sl_speech_set_speaker      (SlSpeech   *self,
                                        const char *speaker);
const char *sl_speech_get_speaker_name (SlSpeech   *self);
void        sl_speech_set_speaker_name (SlSpeech   *self,
                                        const char *speaker_name);
const char *sl_speech_get_points       (SlSpeech   *self);
void        sl_speech_set_points       (SlSpeech   *self,
                                        const char *points);

/* Whether @text is NULL or holds nothing but blanks (full-width too). */
gboolean    sl_speech_text_is_blank    (const char *text);
/* A row with no speaker and no words (points, title): one added by
 * accident, which is no evidence; the minutes leave it out and 定稿
 * drops it (sl-evidence-ready.c). */
gboolean    sl_speech_is_empty         (SlSpeech   *self);

/* Archive version 2 */
const char *sl_speech_get_id (SlSpeech *self);
void sl_speech_set_id (SlSpeech *self,
    const char *id);
SlSpeechKind sl_speech_get_kind (SlSpeech *self);
void sl_speech_set_kind (SlSpeech *self,
    SlSpeechKind kind);
const char *sl_speech_get_title (SlSpeech *self);
void sl_speech_set_title (SlSpeech *self,
    const char *title);

G_END_DECLS
