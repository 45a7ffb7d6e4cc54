/* sl-archive.c — writing the JSON interchange file (docs/archive.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and writing are both driven by one table of fields per record
 * kind (sl-archive-fields.h); the reader is sl-archive-import.c.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sl-archive.h"
#include "sl-archive-evidence.h"
#include "sl-archive-fields.h"
#include "sl-archive-people.h"
#include "sl-attendance.h"
#include "sl-canonical-json.h"
#include "sl-enums.h"
#include "sl-guest.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-util.h"

G_DEFINE_QUARK (sl-archive-error-quark, sl_archive_error)

/* The property of a field: its key with '-' for '_', looked up once. */
const char *
sl_archive_property_name (const Field *field)
{
  static GHashTable *names;   /* key → interned property name */
  const char *name;

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, g_hash_table_new (g_direct_hash, g_direct_equal));

  /* The tables are read by one import at a time in practice, but the
   * window's worker threads may overlap: a lock is cheap beside a row. */
  {
    static GMutex lock;
    g_mutex_lock (&lock);
    name = g_hash_table_lookup (names, field->key);
    if (name == NULL)
      {
        g_autofree char *canonical = g_strdelimit (g_strdup (field->key), "_", '-');
        name = g_intern_string (canonical);
        g_hash_table_insert (names, (gpointer) field->key, (gpointer) name);
      }
    g_mutex_unlock (&lock);
  }

  return name;
}

/* Writing ------------------------------------------------------------------ */

static void
write_fields (JsonBuilder *builder,
              GObject     *object,
              const Field *fields,
              guint        n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const Field *field = &fields[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (object, sl_archive_property_name (field), &value);
      json_builder_set_member_name (builder, field->key);

      switch (field->kind)
        {
        case FIELD_TEXT:
        case FIELD_DATE:
        case FIELD_TIME:
        case FIELD_REF:
        case FIELD_UUID:
        case FIELD_PERIOD:
          if (g_value_get_string (&value) != NULL)
            json_builder_add_string_value (builder, g_value_get_string (&value));
          else
            json_builder_add_null_value (builder);
          break;

        case FIELD_BOOL:
          json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
          break;

        case FIELD_INT:
          json_builder_add_int_value (builder, g_value_get_int (&value));
          break;

        case FIELD_COUNT:
          if (g_value_get_int (&value) > 0)
            json_builder_add_int_value (builder, g_value_get_int (&value));
          else
            json_builder_add_null_value (builder);
          break;

        case FIELD_NUMBER:
          {
            double number = g_value_get_double (&value);

            /* Whole numbers as integers, as RFC 8785 writes them. */
            if (number <= 0)
              json_builder_add_null_value (builder);
            else if (number < 1e15 && number == (double) (gint64) number)
              json_builder_add_int_value (builder, (gint64) number);
            else
              json_builder_add_double_value (builder, number);
          }
          break;

        case FIELD_ENUM:
          {
            const char *code = sl_enum_to_code (field->enum_type (), g_value_get_enum (&value));
            if (code != NULL)
              json_builder_add_string_value (builder, code);
            else
              json_builder_add_null_value (builder);
          }
          break;

        case FIELD_REFS:
          {
            const char * const *ids = g_value_get_boxed (&value);

            json_builder_begin_array (builder);
            for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
              json_builder_add_string_value (builder, ids[j]);
            json_builder_end_array (builder);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
write_record (JsonBuilder *builder,
              gpointer     object,
              const Field *fields,
              guint        n_fields)
{
  json_builder_begin_object (builder);
  if (SL_IS_RECORD (object))
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, sl_record_get_id (object));
    }
  write_fields (builder, object, fields, n_fields);
}

#define WRITE_RECORD(b, o, f) write_record (b, o, f, G_N_ELEMENTS (f))

/* An object with the record's id and fields, left open for its lists. */
void
sl_archive_write_record (JsonBuilder *builder,
                         gpointer     object,
                         const Field *fields,
                         guint        n_fields)
{
  write_record (builder, object, fields, n_fields);
}

static void
write_list (JsonBuilder *builder,
            const char  *key,
            GListModel  *list,
            const Field *fields,
            guint        n_fields)
{
  guint n = g_list_model_get_n_items (list);

  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);

      write_record (builder, object, fields, n_fields);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_attendance (JsonBuilder *builder,
                  GListModel  *attendance)
{
  guint n = g_list_model_get_n_items (attendance);

  json_builder_set_member_name (builder, "attendance");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (attendance, i);

      WRITE_RECORD (builder, row, attendance_fields);
      json_builder_set_member_name (builder, "makeup");
      if (sl_attendance_get_has_makeup (row))
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "on");
          if (sl_attendance_get_makeup_on (row))
            json_builder_add_string_value (builder, sl_attendance_get_makeup_on (row));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "method");
          if (sl_attendance_get_makeup_method (row))
            json_builder_add_string_value (builder, sl_attendance_get_makeup_method (row));
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "evidence");
          if (sl_attendance_get_makeup_evidence (row))
            json_builder_add_string_value (builder, sl_attendance_get_makeup_evidence (row));
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_plan (JsonBuilder *builder,
            SlPlan      *plan)
{
  WRITE_RECORD (builder, plan, plan_fields);
  write_list (builder, "items", sl_plan_get_items (plan),
              plan_item_fields, G_N_ELEMENTS (plan_item_fields));
  json_builder_end_object (builder);
}

/* The meeting's object, left open for the evidence keys. */
static void
write_meeting_open (JsonBuilder *builder,
                    SlMeeting   *meeting)
{
  WRITE_RECORD (builder, meeting, meeting_fields);
  write_list (builder, "studies", sl_meeting_get_studies (meeting),
              study_fields, G_N_ELEMENTS (study_fields));
  write_attendance (builder, sl_meeting_get_attendance (meeting));
  write_list (builder, "guests", sl_meeting_get_guests (meeting),
              guest_fields, G_N_ELEMENTS (guest_fields));
  write_list (builder, "speeches", sl_meeting_get_speeches (meeting),
              speech_fields, G_N_ELEMENTS (speech_fields));
  write_list (builder, "measures", sl_meeting_get_measures (meeting),
              measure_fields, G_N_ELEMENTS (measure_fields));
  sl_archive_write_session_plan (builder, sl_meeting_get_session_plan (meeting));
}

static void
write_meeting (JsonBuilder *builder,
               SlMeeting   *meeting)
{
  write_meeting_open (builder, meeting);
  json_builder_end_object (builder);
}

/* One record as the archive writes it: what a merge compares, before and
 * after, to say which keys it changed (sl-archive-merge.c). */
JsonNode *
sl_archive_record_to_node (gpointer record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_fields;

  if (SL_IS_MEETING (record))
    write_meeting (builder, record);
  else if (SL_IS_PLAN (record))
    write_plan (builder, record);
  else
    {
      if (SL_IS_ORGANIZATION (record))
        WRITE_RECORD (builder, record, organization_fields);
      else if (SL_IS_MEMBER (record))
        WRITE_RECORD (builder, record, member_fields);
      else if (SL_IS_RESEARCH_TOPIC (record))
        WRITE_RECORD (builder, record, research_topic_fields);
      else if (sl_archive_people_fields (record, &n_fields) != NULL)
        write_record (builder, record, sl_archive_people_fields (record, NULL), n_fields);
      else
        g_return_val_if_reached (NULL);
      json_builder_end_object (builder);
    }

  return json_builder_get_root (builder);
}

/* A meeting with its details and evidence, as one element of the
 * archive's "meetings": what the streaming writer generates one at a
 * time (sl-archive-stream.c). */
JsonNode *
sl_archive_meeting_to_node (SlLedger          *ledger,
                            SlMeeting         *meeting,
                            GHashTable        *with_evidence,
                            SlArchiveDeferred *deferred,
                            GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  write_meeting_open (builder, meeting);
  if (!sl_archive_write_evidence (builder, ledger, meeting, with_evidence, deferred, error))
    return NULL;
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The whole archive as one tree: what sl_archive_export() wrote before it
 * streamed, kept for the merge, the year's archive and the tests that
 * compare the two writers byte for byte. */
JsonNode *
sl_archive_build (SlLedger         *ledger,
                  SlArchiveCounts  *counts,
                  GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(SlArchivePeople) people = NULL;
  g_autoptr(GHashTable) with_evidence = NULL;
  GListModel *organizations, *members;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  /* One read transaction: the snapshot is consistent even if another
   * process writes meanwhile. */
  if (!sl_ledger_begin (ledger, error))
    return NULL;

  organizations = sl_ledger_get_organizations (ledger);
  members = sl_ledger_get_members (ledger);
  plans = sl_ledger_load_plans (ledger, 0, error);
  meetings = plans ? sl_ledger_load_meetings (ledger, 0, NULL, TRUE, error) : NULL;
  topics = meetings ? sl_ledger_load_research_topics (ledger, 0, error) : NULL;
  people = topics ? sl_archive_people_load (ledger, error) : NULL;
  with_evidence = people ? sl_archive_evidence_keys (ledger, error) : NULL;

  if (with_evidence == NULL)
    {
      sl_ledger_rollback (ledger);
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, SL_ARCHIVE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SL_ARCHIVE_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, exported_at);

  write_list (builder, "organizations", organizations,
              organization_fields, G_N_ELEMENTS (organization_fields));
  write_list (builder, "members", members, member_fields, G_N_ELEMENTS (member_fields));

  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plans->len; i++)
    {
      write_plan (builder, g_ptr_array_index (plans, i));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "meetings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < meetings->len; i++)
    {
      write_meeting_open (builder, g_ptr_array_index (meetings, i));
      if (!sl_archive_write_evidence (builder, ledger, g_ptr_array_index (meetings, i),
                                      with_evidence, NULL, error))
        {
          sl_ledger_rollback (ledger);
          return NULL;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* The evidence and the locks are read in the same snapshot as the
   * records: a hash always goes with the content it was computed from. */
  if (!sl_archive_write_locks (builder, ledger, error))
    {
      sl_ledger_rollback (ledger);
      return NULL;
    }
  sl_ledger_commit (ledger, NULL);

  json_builder_set_member_name (builder, "research_topics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < topics->len; i++)
    {
      WRITE_RECORD (builder, g_ptr_array_index (topics, i), research_topic_fields);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  sl_archive_people_write (builder, people);

  json_builder_end_object (builder);

  if (counts != NULL)
    {
      counts->organizations = g_list_model_get_n_items (organizations);
      counts->members = g_list_model_get_n_items (members);
      counts->plans = plans->len;
      counts->meetings = meetings->len;
      counts->research_topics = topics->len;
    }

  return json_builder_get_root (builder);
}

/* Whether a double is anywhere in @node: only then does the generated
 * text need its numbers rewritten. */
static gboolean
holds_double (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) == G_TYPE_DOUBLE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (holds_double (json_array_get_element (array, i)))
            return TRUE;
        return FALSE;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, NULL, &member))
          if (holds_double (member))
            return TRUE;
        return FALSE;
      }

    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

/* json-glib 1.6 writes a double with 17 digits ("%.17g": 2.4 comes out as
 * 2.3999999999999999) and adds ".0" to any without a point, even after an
 * exponent ("1e+21.0", not JSON). Each number with a point or an exponent
 * is read back (exactly: 17 digits hold any double) and written again as
 * Python's json.dumps writes it, the shortest text that reads back the
 * same; strings, where such text can also stand, are copied as they are. */
static GString *
shorten_numbers (const char *text,
                 gsize       size)
{
  GString *out = g_string_sized_new (size);
  gsize i = 0;

  while (i < size)
    {
      char c = text[i];

      if (c == '"')
        {
          gsize j = i + 1;

          /* To the quote that no odd run of backslashes escapes. */
          for (;;)
            {
              const char *quote = memchr (text + j, '"', size - j);
              gsize k;

              if (quote == NULL)
                {
                  j = size;
                  break;
                }
              j = quote - text;
              for (k = j; k > i + 1 && text[k - 1] == '\\'; k--)
                ;
              j++;
              if ((j - 1 - k) % 2 == 0)
                break;
            }
          g_string_append_len (out, text + i, j - i);
          i = j;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gboolean whole = TRUE;
          gsize j = i;

          for (; j < size && (g_ascii_isdigit (text[j]) || text[j] == '-' || text[j] == '+' ||
                              text[j] == '.' || text[j] == 'e' || text[j] == 'E'); j++)
            if (text[j] == '.' || text[j] == 'e' || text[j] == 'E')
              whole = FALSE;

          if (whole)
            g_string_append_len (out, text + i, j - i);
          else
            {
              g_autofree char *number = g_strndup (text + i, j - i);
              char buffer[SL_CANONICAL_NUMBER_SIZE];

              g_string_append (out, sl_canonical_json_format_double (buffer, g_ascii_strtod (number, NULL)));
            }
          i = j;
        }
      else
        {
          g_string_append_c (out, c);
          i++;
        }
    }

  return out;
}

/* Generated as the archive is written: pretty, two spaces a level. */
char *
sl_archive_generate (JsonNode *root,
                     gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize size;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &size);

  if (holds_double (root))
    {
      GString *shortened = shorten_numbers (text, size);

      g_free (text);
      size = shortened->len;
      text = g_string_free (shortened, FALSE);
    }

  /* json-glib 1.6 escapes every control character but U+001F, which it
   * writes as it is: not JSON for strict readers. Its byte appears in
   * UTF-8 only as that character, and only inside strings. */
  if (memchr (text, 0x1f, size) != NULL)
    {
      GString *escaped = g_string_sized_new (size + 64);

      for (gsize i = 0; i < size; i++)
        {
          if (text[i] == 0x1f)
            g_string_append (escaped, "\\u001f");
          else
            g_string_append_c (escaped, text[i]);
        }

      g_free (text);
      size = escaped->len;
      text = g_string_free (escaped, FALSE);
    }

  if (length != NULL)
    *length = size;
  return text;
}

/**
 * sl_archive_export_tree:
 *
 * Writes the whole ledger to @path as sl_archive_export() did before it
 * streamed: the whole tree, then the whole text, in memory. For tests, which
 * compare its bytes with the streaming writer's.
 */
gboolean
sl_archive_export_tree (SlLedger         *ledger,
                        const char       *path,
                        SlArchiveCounts  *counts,
                        GError          **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sl_check_output_path (path, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_WRITE, error))
    return FALSE;

  if (!(root = sl_archive_build (ledger, counts, error)))
    return FALSE;

  text = sl_archive_generate (root, &length);

  if (!g_file_set_contents_full (path, text, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_WRITE,
                   _("Cannot write the archive: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}
