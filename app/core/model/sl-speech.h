/* sl-speech.h — one speaker's points at a meeting, in speaking order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-types.h"

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

G_END_DECLS
