/* sl-study-note.c — a member's own study record (笔记、心得、调研报告)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * member holds an id; size is text as written (“12页”, “3000字”); checked_by
 * is the name of whoever checked it.
 * Text properties are kept in one array indexed by property, codes in
 * another: the record is its fields, nothing more.
 */

#define G_LOG_DOMAIN "sl-study-note"

#include "config.h"

#include "sl-study-note.h"
#include "sl-record-fields.h"

enum {
  PROP_0,
  PROP_MEMBER,
  PROP_DATE,
  PROP_KIND,
  PROP_TITLE,
  PROP_SIZE,
  PROP_CHECKED_BY,
  PROP_CHECKED_ON,
  N_PROPS
};

struct _SlStudyNote
{
  SlRecord  parent_instance;

  /* owned */
  char     *text[N_PROPS];
  int       code[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SlStudyNote, sl_study_note, SL_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP) \
  SL_RECORD_FIELDS_STRING (sl_study_note, SlStudyNote, SL_IS_STUDY_NOTE, field, PROP)
#define DEFINE_ENUM_PROPERTY(field, PROP, Type) \
  SL_RECORD_FIELDS_ENUM (sl_study_note, SlStudyNote, SL_IS_STUDY_NOTE, field, PROP, Type)

DEFINE_STRING_PROPERTY (member, PROP_MEMBER)
DEFINE_STRING_PROPERTY (date, PROP_DATE)
DEFINE_ENUM_PROPERTY (kind, PROP_KIND, SlStudyNoteKind)
DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (size, PROP_SIZE)
DEFINE_STRING_PROPERTY (checked_by, PROP_CHECKED_BY)
DEFINE_STRING_PROPERTY (checked_on, PROP_CHECKED_ON)

#undef DEFINE_STRING_PROPERTY
#undef DEFINE_ENUM_PROPERTY

static void
sl_study_note_finalize (GObject *object)
{
  SlStudyNote *self = SL_STUDY_NOTE (object);

  sl_record_fields_clear (self->text, N_PROPS);

  G_OBJECT_CLASS (sl_study_note_parent_class)->finalize (object);
}

static void
sl_study_note_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlStudyNote *self = SL_STUDY_NOTE (object);

  sl_record_fields_get_property (object, self->text, self->code, N_PROPS, prop_id, value, pspec);
}

static void
sl_study_note_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SlStudyNote *self = SL_STUDY_NOTE (object);

  sl_record_fields_set_property (object, self->text, self->code, N_PROPS, prop_id, value, pspec);
}

static void
sl_study_note_class_init (SlStudyNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_study_note_finalize;
  object_class->get_property = sl_study_note_get_property;
  object_class->set_property = sl_study_note_set_property;

  properties[PROP_MEMBER] = g_param_spec_string ("member", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SL_TYPE_STUDY_NOTE_KIND, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_string ("size", NULL, NULL, NULL, flags);
  properties[PROP_CHECKED_BY] = g_param_spec_string ("checked-by", NULL, NULL, NULL, flags);
  properties[PROP_CHECKED_ON] = g_param_spec_string ("checked-on", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_study_note_init (SlStudyNote *self)
{
}

SlStudyNote *
sl_study_note_new (void)
{
  return g_object_new (SL_TYPE_STUDY_NOTE, NULL);
}
