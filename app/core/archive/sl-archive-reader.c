/* sl-archive-reader.c — the archive's records built from parsed JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record builders of the import (sl-archive-import.c): each turns a
 * JSON object into a record, field by field (sl-archive-fields.h),
 * checking types, dates and codes, noting every id read and the
 * references to check once the whole file is read. They do not write to
 * the ledger; the import drives them and writes what they return.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-archive-reader.h"
#include "sl-archive-evidence.h"
#include "sl-archive-fields.h"
#include "sl-archive-merge.h"
#include "sl-archive-people.h"
#include "sl-attendance.h"
#include "sl-enums.h"
#include "sl-guest.h"
#include "sl-json-document.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-session-plan.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-topic.h"
#include "sl-util.h"

/* Reading ------------------------------------------------------------------ */

static void
append_path (GString    *out,
             const Path *path)
{
  if (path == NULL)
    return;

  append_path (out, path->parent);
  if (path->parent != NULL)
    g_string_append_c (out, '.');
  g_string_append (out, path->key);
  if (path->index >= 0)
    g_string_append_printf (out, "[%d]", path->index);
}

/* @path, then ".@field" when there is one */
static char *
path_to_string (const Path *path,
                const char *field)
{
  GString *out = g_string_new (NULL);

  append_path (out, path);
  if (field != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, field);
    }

  return g_string_free (out, FALSE);
}

void
sl_archive_reader_pending_ref_free (gpointer data)
{
  PendingRef *ref = data;

  g_free (ref->path);
  g_free (ref->id);
  g_free (ref);
}

void
sl_archive_reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->organizations, g_ptr_array_unref);
  g_clear_pointer (&reader->members, g_ptr_array_unref);
  g_clear_pointer (&reader->plans, g_ptr_array_unref);
  for (guint i = 0; i < SL_ARCHIVE_N_PEOPLE_KINDS; i++)
    g_clear_pointer (&reader->people[i], g_ptr_array_unref);
  g_clear_pointer (&reader->meeting_refs, g_ptr_array_unref);
  g_clear_pointer (&reader->ids, sl_archive_ids_free);
  for (guint i = 0; i < N_REFS; i++)
    {
      g_clear_pointer (&reader->targets[i], g_hash_table_unref);
      g_clear_pointer (&reader->in_ledger[i], g_hash_table_unref);
    }
  g_clear_pointer (&reader->refs, g_ptr_array_unref);
  g_clear_pointer (&reader->merger, sl_archive_merger_free);
}

/* An id in the form in which it is compared and stored (lower case), or
 * NULL when it already is: the common case, without a copy. */
static char *
lower_id (const char *id)
{
  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return sl_archive_canonical_id (id);

  return NULL;
}

/* "@path.@field: what is wrong"; either may be NULL */
gboolean
sl_archive_reader_invalid (GError     **error,
                           const Path  *path,
                           const char  *field,
                           const char  *format,
                           ...)
{
  g_autofree char *where = path_to_string (path, field);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID, "%s: %s", where, message);
  return FALSE;
}

const char *
sl_archive_reader_describe_node (const SlJsonValue *node)
{
  switch (sl_json_value_get_kind (node))
    {
    case SL_JSON_OBJECT:  return _("an object");
    case SL_JSON_ARRAY:   return _("an array");
    case SL_JSON_NULL:    return _("null");
    case SL_JSON_STRING:  return _("text");
    case SL_JSON_BOOLEAN: return _("true or false");
    case SL_JSON_NUMBER:
    default:              return _("a number");
    }
}

gboolean
sl_archive_reader_node_is (const SlJsonValue *node,
                           SlJsonKind         kind)
{
  return node != NULL && sl_json_value_get_kind (node) == kind;
}

/* The text of a string, or what the value is instead, for messages. */
static const char *
text_or_kind (const SlJsonValue *node)
{
  return sl_archive_reader_node_is (node, SL_JSON_STRING) ? sl_json_value_get_string (node) : sl_archive_reader_describe_node (node);
}

const char *
sl_archive_reader_ref_description (RefKind kind)
{
  switch (kind)
    {
    case REF_ORGANIZATION: return _("organization");
    case REF_MEMBER:       return _("member");
    case REF_PLAN_ITEM:    return _("plan item");
    case REF_TOPIC:        return _("topic-pool item");
    case REF_MEETING:      return _("meeting");
    case REF_NONE:
    case N_REFS:
    default:               g_assert_not_reached ();
    }
}

static GType
ref_record_type (RefKind kind)
{
  switch (kind)
    {
    case REF_ORGANIZATION: return SL_TYPE_ORGANIZATION;
    case REF_MEMBER:       return SL_TYPE_MEMBER;
    case REF_PLAN_ITEM:    return SL_TYPE_PLAN_ITEM;
    case REF_TOPIC:        return SL_TYPE_TOPIC;
    case REF_MEETING:      return SL_TYPE_MEETING;
    case REF_NONE:
    case N_REFS:
    default:               g_assert_not_reached ();
    }
}

/* A reference must name a record of the file or of the ledger. */
static gboolean
resolves (Reader     *reader,
          RefKind     kind,
          const char *id)
{
  if (sl_archive_reader_has_target (reader, kind, id) ||
      g_hash_table_contains (reader->in_ledger[kind], id))
    return TRUE;

  /* Once every id of the ledger is in in_ledger, the reader may run in
   * another thread and must not touch the database. */
  if (reader->ledger_ids_collected ||
      !sl_ledger_contains (reader->ledger, ref_record_type (kind), id))
    return FALSE;

  g_hash_table_add (reader->in_ledger[kind], g_strdup (id));
  return TRUE;
}

static gboolean
check_ref (Reader      *reader,
           const Path  *path,
           const char  *field,
           RefKind      kind,
           const char  *id,
           GError     **error)
{
  if (reader->replay)
    return TRUE;   /* checked the first time (sl-archive-head.c) */

  if (kind == reader->reading || kind == REF_MEETING)
    {
      /* Further on in the same list, perhaps: checked at the end. */
      PendingRef *ref = g_new0 (PendingRef, 1);

      ref->path = path_to_string (path, field);
      ref->kind = kind;
      ref->id = g_strdup (id);
      /* A meeting, which a topic of the pool names, is read after it. */
      g_ptr_array_add (kind == REF_MEETING ? reader->meeting_refs : reader->refs, ref);
      return TRUE;
    }

  if (resolves (reader, kind, id))
    return TRUE;

  return sl_archive_reader_invalid (error, path, field,
                                    _("no %s has the id %s, neither in this file nor in the ledger"),
                                    sl_archive_reader_ref_description (kind), id);
}

gboolean
sl_archive_reader_check_references (Reader  *reader,
                                    GError **error)
{
  for (guint i = 0; i < reader->refs->len; i++)
    {
      PendingRef *ref = g_ptr_array_index (reader->refs, i);

      if (!resolves (reader, ref->kind, ref->id))
        return sl_archive_reader_invalid (error, NULL, ref->path,
                              _("no %s has the id %s, neither in this file nor in the ledger"),
                              sl_archive_reader_ref_description (ref->kind), ref->id);
    }

  return TRUE;
}

/* Notes that the record at @path has @id (lower case), unless another
 * record of the file has it already (reader->ids, on disk: it would grow
 * with the file). */
static gboolean
note_id (Reader      *reader,
         const char  *id,
         const Path  *path,
         const char  *field,
         RefKind      target,
         GError     **error)
{
  g_autofree char *where = NULL;
  g_autofree char *other = NULL;

  if (reader->replay)
    return TRUE;   /* noted the first time (sl-archive-head.c) */

  where = path_to_string (path, NULL);
  switch (sl_archive_ids_add (reader->ids, id, target, where, &other, error))
    {
    case SL_ARCHIVE_IDS_NEW:
      return TRUE;
    case SL_ARCHIVE_IDS_DUPLICATE:
      return sl_archive_reader_invalid (error, path, field,
                                        _("%s is also the id of %s; every record needs its own id"),
                                        id, other);
    case SL_ARCHIVE_IDS_FAILED:
    default:
      return FALSE;
    }
}

/* Whether a record of the file that references of @kind may name has
 * @id (lower case). */
gboolean
sl_archive_reader_has_target (Reader     *reader,
                              RefKind     kind,
                              const char *id)
{
  if (kind == REF_MEETING)
    return sl_archive_ids_has (reader->ids, id, kind);
  return g_hash_table_contains (reader->targets[kind], id);
}

static gboolean
read_fields (Reader             *reader,
             const SlJsonValue  *json,
             GObject            *object,
             const Path         *path,
             const Field        *fields,
             guint               n_fields,
             GError            **error)
{
  guint64 absent = 0;   /* merge: the keys left out, which keep the ledger's values */

  for (guint i = 0; i < n_fields; i++)
    {
      const Field *field = &fields[i];
      const SlJsonValue *node = sl_json_value_get_member (json, field->key);
      const char *text = sl_json_value_get_string (node);

      if (sl_json_value_is_null (node))
        {
          /* A merged record that the ledger has keeps the values of the
           * keys it leaves out, required ones too (ARCHIVE.md); whether
           * the ledger has it is known when it is saved, which refuses a
           * new record without them (sl_archive_merger_save). */
          if (field->required && node == NULL && reader->merge && path != NULL &&
              path->parent == NULL)
            {
              g_autofree char *where = path_to_string (path, field->key);

              sl_archive_set_missing (object, where);
              absent |= G_GUINT64_CONSTANT (1) << i;
              continue;
            }
          if (field->required)
            return sl_archive_reader_invalid (error, path, field->key, _("is required and missing"));
          if (node == NULL)
            absent |= G_GUINT64_CONSTANT (1) << i;
          continue;
        }

      switch (field->kind)
        {
        case FIELD_TEXT:
          if (text == NULL)
            return sl_archive_reader_invalid (error, path, field->key, _("must be text, not %s"), sl_archive_reader_describe_node (node));
          if (field->required && *text == '\0')
            return sl_archive_reader_invalid (error, path, field->key, _("is required and empty"));
          g_object_set (object, sl_archive_property_name (field), text, NULL);
          break;

        case FIELD_DATE:
          if (text == NULL || !sl_date_is_valid (text))
            return sl_archive_reader_invalid (error, path, field->key,
                                              _("“%s” is not a date; write a real day as YYYY-MM-DD, or null"),
                                              text_or_kind (node));
          g_object_set (object, sl_archive_property_name (field), text, NULL);
          break;

        case FIELD_TIME:
          if (text == NULL || !sl_time_is_valid (text))
            return sl_archive_reader_invalid (error, path, field->key,
                                              _("“%s” is not a time; write it as HH:MM (24 hours), or null"),
                                              text_or_kind (node));
          g_object_set (object, sl_archive_property_name (field), text, NULL);
          break;

        case FIELD_BOOL:
          if (!sl_archive_reader_node_is (node, SL_JSON_BOOLEAN))
            return sl_archive_reader_invalid (error, path, field->key, _("must be true or false, not %s"),
                                              sl_archive_reader_describe_node (node));
          g_object_set (object, sl_archive_property_name (field), sl_json_value_get_boolean (node), NULL);
          break;

        case FIELD_INT:
        case FIELD_COUNT:
          {
            gint64 value;

            if (!sl_json_value_get_integer (node, &value))
              return sl_archive_reader_invalid (error, path, field->key, _("must be a whole number, not %s"),
                                                sl_archive_reader_describe_node (node));
            if (field->kind == FIELD_COUNT && (value < field->min || value > field->max))
              return sl_archive_reader_invalid (error, path, field->key, _("%lld is out of range (%d to %d)"),
                                                (long long) value, field->min, field->max);
            if (value < G_MININT || value > G_MAXINT)
              return sl_archive_reader_invalid (error, path, field->key, _("%lld is too large"), (long long) value);
            g_object_set (object, sl_archive_property_name (field), (int) value, NULL);
          }
          break;

        case FIELD_ENUM:
          {
            int value;

            if (text == NULL || !sl_enum_from_code (field->enum_type (), text, &value))
              {
                g_autofree char *codes = sl_enum_list_codes (field->enum_type ());
                return sl_archive_reader_invalid (error, path, field->key, _("“%s” is not a known code; use one of %s"),
                                                  text_or_kind (node), codes);
              }
            g_object_set (object, sl_archive_property_name (field), value, NULL);
          }
          break;

        case FIELD_REF:
          {
            g_autofree char *lower = NULL;

            if (text == NULL || !sl_is_uuid (text))
              return sl_archive_reader_invalid (error, path, field->key, _("“%s” is not an id (a UUID)"),
                                                text_or_kind (node));
            if ((lower = lower_id (text)) != NULL)
              text = lower;
            if (!check_ref (reader, path, field->key, field->ref, text, error))
              return FALSE;
            g_object_set (object, sl_archive_property_name (field), text, NULL);
          }
          break;

        case FIELD_REFS:
          {
            guint n = sl_json_value_get_length (node);
            g_autofree const char **ids = NULL;
            g_autoptr(GPtrArray) lowered = NULL;   /* ids that were not in lower case */

            if (!sl_archive_reader_node_is (node, SL_JSON_ARRAY))
              return sl_archive_reader_invalid (error, path, field->key, _("must be an array of ids, not %s"),
                                                sl_archive_reader_describe_node (node));

            ids = g_new0 (const char *, n + 1);
            for (guint j = 0; j < n; j++)
              {
                const SlJsonValue *element = sl_json_value_get_element (node, j);
                const char *id = sl_json_value_get_string (element);
                g_autofree char *element_field = g_strdup_printf ("%s[%u]", field->key, j);

                char *lower;

                if (id == NULL || !sl_is_uuid (id))
                  return sl_archive_reader_invalid (error, path, element_field, _("“%s” is not an id (a UUID)"),
                                                    text_or_kind (element));
                if ((lower = lower_id (id)) != NULL)
                  {
                    if (lowered == NULL)
                      lowered = g_ptr_array_new_with_free_func (g_free);
                    g_ptr_array_add (lowered, lower);
                    id = lower;
                  }
                if (!check_ref (reader, path, element_field, field->ref, id, error))
                  return FALSE;
                ids[j] = id;
              }

            g_object_set (object, sl_archive_property_name (field), ids, NULL);
          }
          break;

        case FIELD_NUMBER:
          {
            double number;

            if (!sl_archive_reader_node_is (node, SL_JSON_NUMBER))
              return sl_archive_reader_invalid (error, path, field->key, _("must be a number from 0, not %s"),
                                                sl_archive_reader_node_is (node, SL_JSON_STRING) ? text : sl_archive_reader_describe_node (node));
            /* Hours of study (the only number): what the window allows.
             * Beyond it is a typing slip (or an exponent), and JSON
             * writers differ on huge numbers, which the hash covers. */
            if (!sl_json_value_get_double (node, &number) || !isfinite (number) ||
                number < 0 || number > SL_ARCHIVE_MAX_HOURS)
              {
                char buffer[G_ASCII_DTOSTR_BUF_SIZE];

                return sl_archive_reader_invalid (error, path, field->key,
                                                  _("%s is out of range (0 to %d); give the hours of study"),
                                                  sl_json_value_get_double (node, &number)
                                                    ? g_ascii_formatd (buffer, sizeof buffer, "%g", number)
                                                    : text_or_kind (node),
                                                  SL_ARCHIVE_MAX_HOURS);
              }
            g_object_set (object, sl_archive_property_name (field), number, NULL);
          }
          break;

        case FIELD_UUID:
          {
            g_autofree char *lower = NULL;

            if (text == NULL || !sl_is_uuid (text))
              return sl_archive_reader_invalid (error, path, field->key, _("“%s” is not an id (a UUID)"),
                                                text_or_kind (node));
            if ((lower = lower_id (text)) != NULL)
              text = lower;
            if (!note_id (reader, text, path, field->key, REF_NONE, error))
              return FALSE;
            g_object_set (object, sl_archive_property_name (field), text, NULL);
          }
          break;

        case FIELD_PERIOD:
          if (text == NULL || strlen (text) != 7 || !g_ascii_isdigit (text[0]) ||
              !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) ||
              !g_ascii_isdigit (text[3]) || strncmp (text, "0000", 4) == 0 ||
              strncmp (text + 4, "-H", 2) != 0 || (text[6] != '1' && text[6] != '2'))
            return sl_archive_reader_invalid (error, path, field->key,
                                              _("“%s” is not a half-year; write YYYY-H1 or YYYY-H2"),
                                              text_or_kind (node));
          g_object_set (object, sl_archive_property_name (field), text, NULL);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (reader->merge)
    sl_archive_add_absent (object, absent);

  return TRUE;
}

/* Reads the id of a record, checking that it is a UUID that no other
 * record of the file has. */
static gboolean
read_id (Reader             *reader,
         const SlJsonValue  *json,
         SlRecord           *record,
         const Path         *path,
         RefKind             target,
         GError            **error)
{
  const SlJsonValue *node = sl_json_value_get_member (json, "id");
  const char *id = sl_json_value_get_string (node);
  g_autofree char *lower = NULL;

  if (sl_json_value_is_null (node))
    return sl_archive_reader_invalid (error, path, "id", _("is required and missing"));

  if (id == NULL || !sl_is_uuid (id))
    return sl_archive_reader_invalid (error, path, "id", _("“%s” is not an id (a UUID)"), text_or_kind (node));

  /* Compared and stored in lower case: the same UUID in upper case names
   * the same record (ARCHIVE.md, version 2). */
  if ((lower = lower_id (id)) != NULL)
    id = lower;

  if (!note_id (reader, id, path, "id", target, error))
    return FALSE;
  /* The meetings, many, only in reader->ids (sl_archive_reader_has_target()). */
  if (target != REF_NONE && target != REF_MEETING)
    g_hash_table_add (reader->targets[target], g_strdup (id));

  sl_record_set_id (record, id);
  return TRUE;
}

gboolean
sl_archive_reader_sink_array (gpointer object,
                              gpointer data)
{
  g_ptr_array_add (data, object);
  return TRUE;
}

static gboolean
sink_store (gpointer object,
            gpointer data)
{
  g_list_store_append (data, object);
  g_object_unref (object);
  return TRUE;
}

/* Reads each element of the array @key of @json with @read into @sink. */
gboolean
sl_archive_reader_read_array (Reader             *reader,
                              const SlJsonValue  *json,
                              const Path         *parent,
                              const char         *key,
                              ReadFunc            read,
                              SinkFunc            sink,
                              gpointer            sink_data,
                              GError            **error)
{
  const SlJsonValue *array = sl_json_value_get_member (json, key);
  Path path = { parent, key, -1 };
  guint n;

  if (sl_json_value_is_null (array))
    return TRUE;

  if (!sl_archive_reader_node_is (array, SL_JSON_ARRAY))
    return sl_archive_reader_invalid (error, &path, NULL, _("must be an array, not %s"), sl_archive_reader_describe_node (array));

  n = sl_json_value_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      const SlJsonValue *element = sl_json_value_get_element (array, i);
      gpointer object;

      path.index = i;
      if (!sl_archive_reader_node_is (element, SL_JSON_OBJECT))
        return sl_archive_reader_invalid (error, &path, NULL, _("must be an object, not %s"), sl_archive_reader_describe_node (element));

      if (!(object = read (reader, element, &path, error)))
        return FALSE;

      if (!sink (object, sink_data))
        break;
    }

  return TRUE;
}

#define READ_RECORD(type, new_func, fields, target)                                   \
  gpointer                                                                             \
  sl_archive_reader_read_##type (Reader             *reader,                           \
                                 const SlJsonValue  *json,                             \
                                 const Path         *path,                             \
                                 GError            **error)                            \
  {                                                                                    \
    g_autoptr(GObject) object = G_OBJECT (new_func ());                                \
    if (!read_id (reader, json, SL_RECORD (object), path, target, error) ||            \
        !read_fields (reader, json, object, path, fields, G_N_ELEMENTS (fields), error)) \
      return NULL;                                                                     \
    return g_steal_pointer (&object);                                                  \
  }

READ_RECORD (organization, sl_organization_new, organization_fields, REF_ORGANIZATION)
READ_RECORD (member, sl_member_new, member_fields, REF_MEMBER)
READ_RECORD (plan_item, sl_plan_item_new, plan_item_fields, REF_PLAN_ITEM)
READ_RECORD (study, sl_study_new, study_fields, REF_NONE)
READ_RECORD (measure, sl_measure_new, measure_fields, REF_NONE)
READ_RECORD (research_topic, sl_research_topic_new, research_topic_fields, REF_NONE)

#undef READ_RECORD

/* A record of version 2's arrays, of the kind reader->people_kind. */
gpointer
sl_archive_reader_read_people (Reader             *reader,
                               const SlJsonValue  *json,
                               const Path         *path,
                               GError            **error)
{
  const SlArchivePeopleKind *kind = sl_archive_people_kind (reader->people_kind);
  g_autoptr(GObject) object = g_object_new (kind->get_type (), NULL);

  if (!read_id (reader, json, SL_RECORD (object), path, kind->target, error) ||
      !read_fields (reader, json, object, path, kind->fields, kind->n_fields, error))
    return NULL;

  return g_steal_pointer (&object);
}

/* Rows without an id of their own. */
#define READ_ROW(type, new_func, fields)                                              \
  static gpointer                                                                      \
  read_##type (Reader             *reader,                                             \
               const SlJsonValue  *json,                                               \
               const Path         *path,                                               \
               GError            **error)                                              \
  {                                                                                    \
    g_autoptr(GObject) object = G_OBJECT (new_func ());                                \
    if (!read_fields (reader, json, object, path, fields, G_N_ELEMENTS (fields), error)) \
      return NULL;                                                                     \
    return g_steal_pointer (&object);                                                  \
  }

READ_ROW (guest, sl_guest_new, guest_fields)
READ_ROW (speech, sl_speech_new, speech_fields)

#undef READ_ROW

static gpointer
read_attendance (Reader             *reader,
                 const SlJsonValue  *json,
                 const Path         *path,
                 GError            **error)
{
  g_autoptr(SlAttendance) row = sl_attendance_new ();
  const SlJsonValue *makeup;
  Path where = { path, "makeup", -1 };

  if (!read_fields (reader, json, G_OBJECT (row), path,
                    attendance_fields, G_N_ELEMENTS (attendance_fields), error))
    return NULL;

  makeup = sl_json_value_get_member (json, "makeup");
  if (makeup == NULL && reader->merge)
    sl_archive_add_absent (row, SL_ABSENT_LIST (SL_LIST_MAKEUP));
  if (!sl_json_value_is_null (makeup))
    {
      if (!sl_archive_reader_node_is (makeup, SL_JSON_OBJECT))
        {
          sl_archive_reader_invalid (error, &where, NULL,
                                     _("must be an object with on, method and evidence, or null; not %s"),
                                     sl_archive_reader_describe_node (makeup));
          return NULL;
        }

      /* The object's keys are not the attendance properties' names. */
      for (guint i = 0; i < G_N_ELEMENTS (makeup_fields); i++)
        {
          const SlJsonValue *node = sl_json_value_get_member (makeup, makeup_fields[i].key);
          const char *text = sl_json_value_get_string (node);

          if (sl_json_value_is_null (node))
            continue;
          if (text == NULL)
            {
              sl_archive_reader_invalid (error, &where, makeup_fields[i].key, _("must be text, not %s"),
                                         sl_archive_reader_describe_node (node));
              return NULL;
            }

          if (makeup_fields[i].kind == FIELD_DATE && !sl_date_is_valid (text))
            {
              sl_archive_reader_invalid (error, &where, makeup_fields[i].key,
                                         _("“%s” is not a date; write a real day as YYYY-MM-DD, or null"), text);
              return NULL;
            }

          switch (i)
            {
            case 0: sl_attendance_set_makeup_on (row, text); break;
            case 1: sl_attendance_set_makeup_method (row, text); break;
            case 2: sl_attendance_set_makeup_evidence (row, text); break;
            default: g_assert_not_reached ();
            }
        }

      sl_attendance_set_has_makeup (row, TRUE);
    }

  return g_steal_pointer (&row);
}

/* What no single field shows: the order of times and dates, and one
 * attendance row per member. */
static gboolean
check_meeting (SlMeeting   *meeting,
               const Path  *path,
               GError     **error)
{
  GListModel *attendance = sl_meeting_get_attendance (meeting);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *start = sl_meeting_get_start (meeting);
  const char *end = sl_meeting_get_end (meeting);
  guint n = g_list_model_get_n_items (attendance);

  if (start != NULL && end != NULL && g_strcmp0 (end, start) < 0)
    return sl_archive_reader_invalid (error, path, "end", _("the meeting ends (%s) before it starts (%s)"), end, start);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (attendance, i);
      const char *member = sl_attendance_get_member (row);
      const char *made_up_on = sl_attendance_get_makeup_on (row);

      if (!g_hash_table_add (seen, (gpointer) member))
        {
          g_autofree char *field = g_strdup_printf ("attendance[%u].member", i);
          return sl_archive_reader_invalid (error, path, field, _("%s is listed twice in this meeting's attendance"),
                                            member);
        }

      if (made_up_on != NULL && g_strcmp0 (made_up_on, sl_meeting_get_date (meeting)) < 0)
        {
          g_autofree char *field = g_strdup_printf ("attendance[%u].makeup.on", i);
          return sl_archive_reader_invalid (error, path, field, _("the make-up study (%s) is before the meeting (%s)"),
                                            made_up_on, sl_meeting_get_date (meeting));
        }
    }

  return TRUE;
}

/* A meeting's "session_plan": null, or { topics, key_speeches [{ member,
 * title }], approved_by, approved_on } with each key optional. */
static gboolean
read_session_plan (Reader             *reader,
                   const SlJsonValue  *json,
                   SlMeeting          *meeting,
                   const Path         *parent,
                   GError            **error)
{
  const SlJsonValue *node = sl_json_value_get_member (json, "session_plan");
  g_autoptr(SlSessionPlan) plan = NULL;
  g_autoptr(GStrvBuilder) topics = NULL;
  g_auto(GStrv) strv = NULL;
  const SlJsonValue *value;
  Path path = { parent, "session_plan", -1 };

  if (node == NULL && reader->merge)
    sl_archive_add_absent (meeting, SL_ABSENT_LIST (SL_LIST_SESSION_PLAN));
  if (sl_json_value_is_null (node))
    return TRUE;
  if (!sl_archive_reader_node_is (node, SL_JSON_OBJECT))
    return sl_archive_reader_invalid (error, &path, NULL, _("must be an object or null, not %s"), sl_archive_reader_describe_node (node));

  plan = sl_session_plan_new ();
  topics = g_strv_builder_new ();

  value = sl_json_value_get_member (node, "topics");
  if (!sl_json_value_is_null (value))
    {
      if (!sl_archive_reader_node_is (value, SL_JSON_ARRAY))
        return sl_archive_reader_invalid (error, &path, "topics", _("must be an array of text, not %s"),
                                          sl_archive_reader_describe_node (value));
      for (guint i = 0; i < sl_json_value_get_length (value); i++)
        {
          const char *text = sl_json_value_get_string (sl_json_value_get_element (value, i));
          g_autofree char *field = g_strdup_printf ("topics[%u]", i);

          if (text == NULL)
            return sl_archive_reader_invalid (error, &path, field, _("must be text, not %s"),
                                              sl_archive_reader_describe_node (sl_json_value_get_element (value, i)));
          g_strv_builder_add (topics, text);
        }
    }
  strv = g_strv_builder_end (topics);
  sl_session_plan_set_topics (plan, (const char * const *) strv);

  value = sl_json_value_get_member (node, "key_speeches");
  if (!sl_json_value_is_null (value))
    {
      if (!sl_archive_reader_node_is (value, SL_JSON_ARRAY))
        return sl_archive_reader_invalid (error, &path, "key_speeches", _("must be an array, not %s"),
                                          sl_archive_reader_describe_node (value));
      for (guint i = 0; i < sl_json_value_get_length (value); i++)
        {
          const SlJsonValue *speech = sl_json_value_get_element (value, i);
          Path where = { &path, "key_speeches", i };
          const SlJsonValue *member, *title;
          g_autofree char *lower = NULL;
          const char *id = NULL;

          if (!sl_archive_reader_node_is (speech, SL_JSON_OBJECT))
            return sl_archive_reader_invalid (error, &where, NULL, _("must be an object, not %s"), sl_archive_reader_describe_node (speech));

          member = sl_json_value_get_member (speech, "member");
          if (!sl_json_value_is_null (member))
            {
              id = sl_json_value_get_string (member);
              if (id == NULL || !sl_is_uuid (id))
                return sl_archive_reader_invalid (error, &where, "member", _("“%s” is not an id (a UUID)"),
                                                  text_or_kind (member));
              if ((lower = lower_id (id)) != NULL)
                id = lower;
              if (!check_ref (reader, &where, "member", REF_MEMBER, id, error))
                return FALSE;
            }

          title = sl_json_value_get_member (speech, "title");
          if (!sl_json_value_is_null (title) && !sl_archive_reader_node_is (title, SL_JSON_STRING))
            return sl_archive_reader_invalid (error, &where, "title", _("must be text, not %s"), sl_archive_reader_describe_node (title));

          sl_session_plan_add_speech (plan, id, sl_json_value_get_string (title));
        }
    }

  value = sl_json_value_get_member (node, "approved_by");
  if (!sl_json_value_is_null (value))
    {
      if (!sl_archive_reader_node_is (value, SL_JSON_STRING))
        return sl_archive_reader_invalid (error, &path, "approved_by", _("must be text, not %s"), sl_archive_reader_describe_node (value));
      sl_session_plan_set_approved_by (plan, sl_json_value_get_string (value));
    }

  value = sl_json_value_get_member (node, "approved_on");
  if (!sl_json_value_is_null (value))
    {
      const char *text = sl_json_value_get_string (value);

      if (text == NULL || !sl_date_is_valid (text))
        return sl_archive_reader_invalid (error, &path, "approved_on",
                                          _("“%s” is not a date; write a real day as YYYY-MM-DD, or null"),
                                          text_or_kind (value));
      sl_session_plan_set_approved_on (plan, text);
    }

  sl_meeting_set_session_plan (meeting, plan);
  return TRUE;
}

gpointer
sl_archive_reader_read_meeting (Reader             *reader,
                                const SlJsonValue  *json,
                                const Path         *path,
                                GError            **error)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();

  if (!read_id (reader, json, SL_RECORD (meeting), path, REF_MEETING, error) ||
      !read_fields (reader, json, G_OBJECT (meeting), path,
                    meeting_fields, G_N_ELEMENTS (meeting_fields), error) ||
      !sl_archive_reader_read_array (reader, json, path, "studies", sl_archive_reader_read_study, sink_store,
                                     sl_meeting_get_studies (meeting), error) ||
      !sl_archive_reader_read_array (reader, json, path, "attendance", read_attendance, sink_store,
                                     sl_meeting_get_attendance (meeting), error) ||
      !sl_archive_reader_read_array (reader, json, path, "guests", read_guest, sink_store,
                                     sl_meeting_get_guests (meeting), error) ||
      !sl_archive_reader_read_array (reader, json, path, "speeches", read_speech, sink_store,
                                     sl_meeting_get_speeches (meeting), error) ||
      !sl_archive_reader_read_array (reader, json, path, "measures", sl_archive_reader_read_measure, sink_store,
                                     sl_meeting_get_measures (meeting), error) ||
      !read_session_plan (reader, json, meeting, path, error) ||
      !check_meeting (meeting, path, error))
    return NULL;

  /* Version 2: state, hash, revisions, attachments (sl-archive-evidence.c). */
  {
    g_autofree char *field = NULL;
    g_autoptr(GError) local_error = NULL;

    if (!sl_archive_read_evidence (json, meeting, &field, &local_error))
      {
        sl_archive_reader_invalid (error, path, field, "%s", local_error->message);
        return NULL;
      }
  }

  if (reader->merge)
    {
      static const char * const lists[] = {
        [SL_LIST_STUDIES] = "studies", [SL_LIST_ATTENDANCE] = "attendance",
        [SL_LIST_GUESTS] = "guests", [SL_LIST_SPEECHES] = "speeches",
        [SL_LIST_MEASURES] = "measures",
      };

      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        if (sl_json_value_get_member (json, lists[i]) == NULL)
          sl_archive_add_absent (meeting, SL_ABSENT_LIST (i));
    }

  return g_steal_pointer (&meeting);
}

gpointer
sl_archive_reader_read_plan (Reader             *reader,
                             const SlJsonValue  *json,
                             const Path         *path,
                             GError            **error)
{
  g_autoptr(SlPlan) plan = sl_plan_new ();

  if (!read_id (reader, json, SL_RECORD (plan), path, REF_NONE, error) ||
      !read_fields (reader, json, G_OBJECT (plan), path,
                    plan_fields, G_N_ELEMENTS (plan_fields), error) ||
      !sl_archive_reader_read_array (reader, json, path, "items", sl_archive_reader_read_plan_item, sink_store,
                                     sl_plan_get_items (plan), error))
    return NULL;

  if (reader->merge && sl_json_value_get_member (json, "items") == NULL)
    sl_archive_add_absent (plan, SL_ABSENT_LIST (SL_LIST_ITEMS));

  return g_steal_pointer (&plan);
}
