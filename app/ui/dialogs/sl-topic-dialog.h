/* sl-topic-dialog.h — a research topic: who leads it, what, how far
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_TOPIC_DIALOG (sl_topic_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlTopicDialog, sl_topic_dialog, SL, TOPIC_DIALOG, AdwMessageDialog)

/* @leaders: (element-type SlMember) who may lead it; @topic the topic to
 * change (filled in from it), never saved by the dialog. */
GtkWidget       *sl_topic_dialog_new       (GtkWindow       *parent,
                                            GPtrArray       *leaders,
                                            SlResearchTopic *topic,
                                            gboolean         adding);
SlResearchTopic *sl_topic_dialog_get_topic (SlTopicDialog   *self);
gboolean         sl_topic_dialog_is_new    (SlTopicDialog   *self);
/* Copies what the dialog shows into its topic. */
void             sl_topic_dialog_apply     (SlTopicDialog   *self);

G_END_DECLS
