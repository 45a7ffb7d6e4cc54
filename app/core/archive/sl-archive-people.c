/* sl-archive-people.c — the archive's topic pool, talks, branch reports and study notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Version 2 adds four arrays of flat records (ARCHIVE.md, "New arrays"):
 * `topics`, `talks`, `branch_reports` and `study_notes`. Each is one
 * table of fields (sl-archive-fields.h), read by the same code as every
 * other record (sl-archive-import.c, which reads them with the
 * organizations and members, before the meetings: studies name topics)
 * and written here, after `research_topics`. A merge (sl-archive-merge.c)
 * finds the ledger's copy of one of them through sl_archive_people_index().
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-archive-people.h"
#include "sl-branch-report.h"
#include "sl-ledger-people.h"
#include "sl-session-plan.h"
#include "sl-study-note.h"
#include "sl-talk.h"
#include "sl-topic.h"

static const SlArchivePeopleKind kinds[SL_ARCHIVE_N_PEOPLE_KINDS] = {
  { "topics", "topic", sl_topic_get_type,
    topic_fields, G_N_ELEMENTS (topic_fields), REF_TOPIC },
  { "talks", "talk", sl_talk_get_type,
    talk_fields, G_N_ELEMENTS (talk_fields), REF_NONE },
  { "branch_reports", "branch_report", sl_branch_report_get_type,
    branch_report_fields, G_N_ELEMENTS (branch_report_fields), REF_NONE },
  { "study_notes", "study_note", sl_study_note_get_type,
    study_note_fields, G_N_ELEMENTS (study_note_fields), REF_NONE },
};

const SlArchivePeopleKind *
sl_archive_people_kind (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (kinds), NULL);
  return &kinds[index];
}

/* NULL when @record is not one of the four. */
const SlArchivePeopleKind *
sl_archive_people_kind_of (gpointer record)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (record, kinds[i].get_type ()))
      return &kinds[i];

  return NULL;
}

const Field *
sl_archive_people_fields (gpointer  record,
                          guint    *n_fields)
{
  const SlArchivePeopleKind *kind = sl_archive_people_kind_of (record);

  if (kind == NULL)
    return NULL;
  if (n_fields != NULL)
    *n_fields = kind->n_fields;
  return kind->fields;
}

const char *
sl_archive_people_noun (const char *code)
{
  if (g_strcmp0 (code, "topic") == 0)         return _("topic-pool item");
  if (g_strcmp0 (code, "talk") == 0)          return _("talk");
  if (g_strcmp0 (code, "branch_report") == 0) return _("branch report");
  if (g_strcmp0 (code, "study_note") == 0)    return _("study note");
  return NULL;
}

/* What a person recognises it by: a title, or for a talk its date and topic. */
char *
sl_archive_people_label (gpointer record)
{
  if (SL_IS_TALK (record))
    return g_strjoin (" ", sl_talk_get_date (record) ? sl_talk_get_date (record) : "",
                      sl_talk_get_topic (record) ? sl_talk_get_topic (record) : "", NULL);
  if (SL_IS_TOPIC (record))
    return g_strdup (sl_topic_get_title (record));
  if (SL_IS_BRANCH_REPORT (record))
    return g_strdup (sl_branch_report_get_title (record));
  if (SL_IS_STUDY_NOTE (record))
    return g_strdup (sl_study_note_get_title (record));
  return NULL;
}

gboolean
sl_archive_people_save (SlLedger  *ledger,
                        gpointer   record,
                        GError   **error)
{
  if (SL_IS_TOPIC (record))
    return sl_ledger_save_topic (ledger, record, error);
  if (SL_IS_TALK (record))
    return sl_ledger_save_talk (ledger, record, error);
  if (SL_IS_BRANCH_REPORT (record))
    return sl_ledger_save_branch_report (ledger, record, error);
  if (SL_IS_STUDY_NOTE (record))
    return sl_ledger_save_study_note (ledger, record, error);
  g_return_val_if_reached (FALSE);
}

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *text)
{
  json_builder_set_member_name (builder, key);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

void
sl_archive_write_session_plan (JsonBuilder   *builder,
                               SlSessionPlan *plan)
{
  const char * const *topics;

  json_builder_set_member_name (builder, "session_plan");
  if (plan == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  topics = sl_session_plan_get_topics (plan);
  for (guint i = 0; topics[i] != NULL; i++)
    json_builder_add_string_value (builder, topics[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "key_speeches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sl_session_plan_get_n_speeches (plan); i++)
    {
      json_builder_begin_object (builder);
      add_text (builder, "member", sl_session_plan_get_speech_member (plan, i));
      add_text (builder, "title", sl_session_plan_get_speech_title (plan, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_text (builder, "approved_by", sl_session_plan_get_approved_by (plan));
  add_text (builder, "approved_on", sl_session_plan_get_approved_on (plan));
  json_builder_end_object (builder);
}

typedef GPtrArray *(*LoadFunc) (SlLedger *, GError **);

static const LoadFunc loaders[SL_ARCHIVE_N_PEOPLE_KINDS] = {
  sl_ledger_load_topics,
  sl_ledger_load_talks,
  sl_ledger_load_branch_reports,
  sl_ledger_load_study_notes,
};

struct _SlArchivePeople
{
  GPtrArray *lists[SL_ARCHIVE_N_PEOPLE_KINDS];
};

void
sl_archive_people_free (SlArchivePeople *people)
{
  if (people == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (people->lists); i++)
    g_clear_pointer (&people->lists[i], g_ptr_array_unref);
  g_free (people);
}

SlArchivePeople *
sl_archive_people_load (SlLedger  *ledger,
                        GError   **error)
{
  g_autoptr(SlArchivePeople) people = g_new0 (SlArchivePeople, 1);

  for (guint i = 0; i < G_N_ELEMENTS (loaders); i++)
    if (!(people->lists[i] = loaders[i] (ledger, error)))
      return NULL;

  return g_steal_pointer (&people);
}

/* The records of the kind sl_archive_people_kind (@index) names. */
GPtrArray *
sl_archive_people_list (SlArchivePeople *people,
                        guint            index)
{
  g_return_val_if_fail (index < SL_ARCHIVE_N_PEOPLE_KINDS, NULL);

  return people->lists[index];
}

void
sl_archive_people_write (JsonBuilder     *builder,
                         SlArchivePeople *people)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GPtrArray *list = people->lists[i];

      json_builder_set_member_name (builder, kinds[i].key);
      json_builder_begin_array (builder);
      for (guint j = 0; j < list->len; j++)
        {
          sl_archive_write_record (builder, g_ptr_array_index (list, j),
                                   kinds[i].fields, kinds[i].n_fields);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
}

/**
 * sl_archive_people_index:
 *
 * Every record of the four kinds in the ledger, by id: for a merge, which
 * fills in what a record of the file leaves out from the ledger's copy.
 * Returns: (transfer full): id → record
 */
GHashTable *
sl_archive_people_index (SlLedger  *ledger,
                         GError   **error)
{
  g_autoptr(SlArchivePeople) people = sl_archive_people_load (ledger, error);
  GHashTable *index;

  if (people == NULL)
    return NULL;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (people->lists); i++)
    for (guint j = 0; j < people->lists[i]->len; j++)
      {
        SlRecord *record = g_ptr_array_index (people->lists[i], j);
        g_hash_table_insert (index, g_strdup (sl_record_get_id (record)), g_object_ref (record));
      }

  return index;
}
