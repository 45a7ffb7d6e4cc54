/* sl-ui-labels.c — the words the window shows for the codes of archive version 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive keeps codes (central_document, on_appointment...); the pages
 * and dialogs show the words an organization department uses for them.
 * Kept in the window's layer: the exports word their tables themselves.
 */

#define G_LOG_DOMAIN "sl-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-ui-labels.h"

const char *
sl_ui_topic_source_label (SlTopicSource source)
{
  switch (source)
    {
    case SL_TOPIC_SOURCE_CENTRAL_DOCUMENT: return _("Central document");
    case SL_TOPIC_SOURCE_SPEECH:           return _("Important speech");
    case SL_TOPIC_SOURCE_INSTRUCTION:      return _("Important instruction");
    case SL_TOPIC_SOURCE_NEWS:             return _("News release");
    case SL_TOPIC_SOURCE_OTHER:            return _("Other");
    case SL_TOPIC_SOURCE_NONE:
    default:                               return "—";
    }
}

const char *
sl_ui_talk_form_label (SlTalkForm form)
{
  switch (form)
    {
    case SL_TALK_FORM_IN_PERSON: return _("In person");
    case SL_TALK_FORM_PHONE:     return _("By phone");
    case SL_TALK_FORM_OTHER:     return _("Other");
    case SL_TALK_FORM_NONE:
    default:                     return "—";
    }
}

const char *
sl_ui_talk_kind_label (SlTalkKind kind)
{
  switch (kind)
    {
    case SL_TALK_KIND_ROUTINE:        return _("Routine talk");
    case SL_TALK_KIND_ON_APPOINTMENT: return _("Talk on appointment");
    case SL_TALK_KIND_ON_WARNING:     return _("Reminder talk");
    case SL_TALK_KIND_ON_DIFFICULTY:  return _("Support talk");
    case SL_TALK_KIND_OTHER:          return _("Other");
    case SL_TALK_KIND_NONE:
    default:                          return "—";
    }
}

const char *
sl_ui_study_note_kind_label (SlStudyNoteKind kind)
{
  switch (kind)
    {
    case SL_STUDY_NOTE_KIND_NOTES:      return _("Study notes");
    case SL_STUDY_NOTE_KIND_REFLECTION: return _("Reflections");
    case SL_STUDY_NOTE_KIND_REPORT:     return _("Research report");
    case SL_STUDY_NOTE_KIND_OTHER:      return _("Other");
    case SL_STUDY_NOTE_KIND_NONE:
    default:                            return "—";
    }
}

static const struct { const char *code; const char *label; } attachment_kinds[] = {
  { "signed_sheet", N_("Signed sign-in sheet") },
  { "photo", N_("Photo") },
  { "material", N_("Study material") },
  { "speech", N_("Speech") },
  { "minutes", N_("Original minutes") },
  { "other", N_("Other") },
};

const char *
sl_ui_attachment_kind_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (attachment_kinds); i++)
    if (g_strcmp0 (attachment_kinds[i].code, code) == 0)
      return _(attachment_kinds[i].label);
  return code;
}
