/* sl-archive-import.c — reading the JSON interchange file into a ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import is all-or-nothing, in one transaction. Everything is checked
 * (types, dates, codes, duplicate ids, references to records in the file
 * or already in the ledger): the records that others name (organizations,
 * members, plans) before the first row is written, each meeting as it is
 * read, by a second thread while the rows of the ones before it are
 * written (write_body). The first error found rolls everything back. The
 * text is JSON read by SlJsonDocument: a large archive's meetings one by
 * one, the rest whole. A file is streamed (sl_archive_read_file): the
 * rest is read in a first pass, the other arrays that grow with the years
 * (members, plans, the topic pool...) one element at a time, twice, to
 * check and then to write them (sl-archive-head.c), then the meetings one
 * at a time from the file, attachments' base64 through a spool on disk,
 * so that memory does not grow with the archive.
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
#include "sl-archive-head.h"
#include "sl-archive-import.h"
#include "sl-archive-merge.h"
#include "sl-archive-people.h"
#include "sl-archive-spool.h"
#include "sl-attendance.h"
#include "sl-enums.h"
#include "sl-guest.h"
#include "sl-json-document.h"
#include "sl-json-stream.h"
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

typedef SlArchiveBodySource BodySource;

/* Without --merge an import only adds: an id that the ledger already has
 * would silently overwrite what the secretary typed. */
static gboolean
check_new (Reader      *reader,
           GType        type,
           const char  *id,
           const char  *where,
           GError     **error)
{
  if (reader->merge || reader->into_empty || !sl_ledger_contains (reader->ledger, type, id))
    return TRUE;

  g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_CONFLICT,
               _("%s.id: the ledger already has a record with the id %s; "
                 "use import-archive --merge to update existing records"),
               where, id);
  return FALSE;
}

#define CHECK_NEW(reader, record, error, ...)                                       \
  G_STMT_START {                                                                    \
    g_autofree char *where_ = g_strdup_printf (__VA_ARGS__);                        \
    if (!check_new ((reader), G_OBJECT_TYPE (record),                               \
                    sl_record_get_id (SL_RECORD (record)), where_, (error)))        \
      return FALSE;                                                                 \
  } G_STMT_END

static gboolean
check_head_record_new (Reader              *reader,
                       gpointer             record,
                       SlArchiveHeadArray   which,
                       guint                i,
                       GError             **error)
{
  const char *key = sl_archive_head_keys[which];

  CHECK_NEW (reader, record, error, "%s[%u]", key, i);
  if (which == SL_ARCHIVE_HEAD_PLANS)
    {
      GListModel *items = sl_plan_get_items (record);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(SlPlanItem) item = g_list_model_get_item (items, j);
          CHECK_NEW (reader, item, error, "plans[%u].items[%u]", i, j);
        }
    }

  return TRUE;
}

/* The organizations, members, plans and records about people of the
 * file. */
static gboolean
check_head_conflicts (Reader            *reader,
                      const SlJsonValue *root,
                      const BodySource  *source,
                      gboolean          *unreadable,
                      GError           **error)
{
  if (reader->merge || reader->into_empty)
    return TRUE;

  for (guint i = 0; i < reader->organizations->len; i++)
    CHECK_NEW (reader, g_ptr_array_index (reader->organizations, i), error, "organizations[%u]", i);
  return sl_archive_head_each (reader, root, source, check_head_record_new, unreadable, error);
}

/* A meeting and the studies and measures in it. */
static gboolean
check_meeting_new (Reader     *reader,
                   SlMeeting  *meeting,
                   guint       index,
                   GError    **error)
{
  GListModel *studies = sl_meeting_get_studies (meeting);
  GListModel *measures = sl_meeting_get_measures (meeting);

  if (reader->merge)
    return TRUE;

  CHECK_NEW (reader, meeting, error, "meetings[%u]", index);
  for (guint j = 0; j < g_list_model_get_n_items (studies); j++)
    {
      g_autoptr(SlStudy) study = g_list_model_get_item (studies, j);
      CHECK_NEW (reader, study, error, "meetings[%u].studies[%u]", index, j);
    }
  for (guint j = 0; j < g_list_model_get_n_items (measures); j++)
    {
      g_autoptr(SlMeasure) measure = g_list_model_get_item (measures, j);
      CHECK_NEW (reader, measure, error, "meetings[%u].measures[%u]", index, j);
    }

  return TRUE;
}

#undef CHECK_NEW

/* Walks up from each organization of the file through its parents, the
 * file's version of a record first and the ledger's after: coming back
 * to where it started is a circle, whether it runs through the file, the
 * ledger or both. */
static gboolean
check_parent_cycles (Reader  *reader,
                     GError **error)
{
  g_autoptr(GHashTable) in_file = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *organizations = reader->organizations;

  for (guint i = 0; i < organizations->len; i++)
    {
      SlOrganization *organization = g_ptr_array_index (organizations, i);
      g_hash_table_insert (in_file, (gpointer) sl_record_get_id (SL_RECORD (organization)),
                           organization);
    }

  for (guint i = 0; i < organizations->len; i++)
    {
      SlOrganization *organization = g_ptr_array_index (organizations, i);
      const char *start = sl_record_get_id (SL_RECORD (organization));
      const char *parent = sl_organization_get_parent (organization);
      guint steps = 0;

      while (parent != NULL && steps++ <= organizations->len + 1000)
        {
          SlOrganization *up;

          if (g_str_equal (parent, start))
            {
              g_autofree char *where = g_strdup_printf ("organizations[%u].parent", i);
              return sl_archive_reader_invalid (error, NULL, where,
                                                _("the organizations' parents form a circle; "
                                "one of them must have no parent"));
            }

          up = g_hash_table_lookup (in_file, parent);
          if (up == NULL)
            up = sl_ledger_find_organization (reader->ledger, parent);
          parent = up ? sl_organization_get_parent (up) : NULL;
        }
    }

  return TRUE;
}

/* Parents before children, so that each organization's parent is in the
 * ledger when it is saved; a cycle of parents can never be saved. */
static gboolean
order_organizations (Reader  *reader,
                     GError **error)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rest = reader->organizations;

  while (ordered->len < rest->len)
    {
      gboolean progress = FALSE;

      for (guint i = 0; i < rest->len; i++)
        {
          SlOrganization *organization = g_ptr_array_index (rest, i);
          const char *id = sl_record_get_id (SL_RECORD (organization));
          const char *parent = sl_organization_get_parent (organization);

          if (g_hash_table_contains (placed, id))
            continue;
          if (parent != NULL &&
              sl_archive_reader_has_target (reader, REF_ORGANIZATION, parent) &&
              !g_hash_table_contains (placed, parent))
            continue;

          g_hash_table_add (placed, (gpointer) id);
          g_ptr_array_add (ordered, g_object_ref (organization));
          progress = TRUE;
        }

      if (!progress)
        {
          for (guint i = 0; i < rest->len; i++)
            {
              SlOrganization *organization = g_ptr_array_index (rest, i);
              if (!g_hash_table_contains (placed, sl_record_get_id (SL_RECORD (organization))))
                {
                  g_autofree char *where = g_strdup_printf ("organizations[%u].parent", i);
                  return sl_archive_reader_invalid (error, NULL, where,
                                                    _("the organizations' parents form a circle; "
                                    "one of them must have no parent"));
                }
            }
        }
    }

  g_ptr_array_unref (reader->organizations);
  reader->organizations = g_steal_pointer (&ordered);
  return TRUE;
}

/* The head of the document: its format and version, and the records
 * that others name (organizations, members, plans with their items),
 * read and checked whole before anything is written. */
static gboolean
read_head (Reader             *reader,
           const SlJsonValue  *root,
           const BodySource   *source,
           gboolean           *unreadable,
           GError            **error)
{
  const SlJsonValue *format, *version;
  gint64 number;

  if (!sl_archive_reader_node_is (root, SL_JSON_OBJECT))
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_FORMAT,
                   _("this is not a Study Ledger archive: the file holds %s, not an object "
                     "with \"format\": \"%s\""),
                   sl_archive_reader_describe_node (root), SL_ARCHIVE_FORMAT);
      return FALSE;
    }

  format = sl_json_value_get_member (root, "format");
  if (g_strcmp0 (sl_json_value_get_string (format), SL_ARCHIVE_FORMAT) != 0)
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_FORMAT,
                   _("format: this is not a Study Ledger archive (\"format\" must be \"%s\")"),
                   SL_ARCHIVE_FORMAT);
      return FALSE;
    }

  version = sl_json_value_get_member (root, "version");
  if (!sl_json_value_get_integer (version, &number) || number < 1)
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_FORMAT,
                   _("version: must be a whole number from 1; this program reads version %d"),
                   SL_ARCHIVE_VERSION);
      return FALSE;
    }

  if (number > SL_ARCHIVE_VERSION)
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_FORMAT,
                   _("version: the archive is version %lld, written by a newer "
                     "Study Ledger; this one reads version %d. Install the newer version to import it"),
                   (long long) number, SL_ARCHIVE_VERSION);
      return FALSE;
    }

  /* In this order whatever the order of the keys: a reference names an
   * organization, member or plan item read before it, except an
   * organization's parent (reader->reading). */
  reader->reading = REF_ORGANIZATION;
  if (!sl_archive_reader_read_array (reader, root, NULL, "organizations", sl_archive_reader_read_organization,
                                     sl_archive_reader_sink_array, reader->organizations, error))
    return FALSE;
  reader->reading = REF_NONE;

  /* The members, the plans and (version 2) the topic pool, which studies
   * name, and the records about people, read before the meetings. */
  if (!sl_archive_head_read (reader, root, source, unreadable, error))
    return FALSE;

  /* A merged organization that leaves out its parent keeps the ledger's:
   * the check for circles and the order of saving must see that one. */
  for (guint i = 0; reader->merge && i < reader->organizations->len; i++)
    {
      SlOrganization *organization = g_ptr_array_index (reader->organizations, i);
      SlOrganization *local = sl_ledger_find_organization (reader->ledger,
                                                           sl_record_get_id (SL_RECORD (organization)));
      if (local != NULL)
        sl_archive_fill_from (organization, local);
    }

  return sl_archive_reader_check_references (reader, error) &&
         check_parent_cycles (reader, error) &&
         check_head_conflicts (reader, root, source, unreadable, error) &&
         order_organizations (reader, error);
}

/* The ids of the ledger that the rest of the file may name, so that it
 * can be read in another thread without the database. */
static gboolean
collect_ledger_ids (Reader  *reader,
                    GError **error)
{
  static const struct { RefKind kind; GType (*get_type) (void); } kinds[] = {
    { REF_ORGANIZATION, sl_organization_get_type },
    { REF_MEMBER, sl_member_get_type },
    { REF_PLAN_ITEM, sl_plan_item_get_type },
    { REF_TOPIC, sl_topic_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GHashTable *ids = sl_ledger_collect_ids (reader->ledger, kinds[i].get_type (), error);

      if (ids == NULL)
        return FALSE;
      g_hash_table_unref (reader->in_ledger[kinds[i].kind]);
      reader->in_ledger[kinds[i].kind] = ids;
    }

  reader->ledger_ids_collected = TRUE;
  return TRUE;
}

static gboolean
save_head_record (Reader              *reader,
                  gpointer             record,
                  SlArchiveHeadArray   which,
                  guint                i,
                  GError             **error)
{
  SlSaveFlags flags = (reader->merge ? SL_SAVE_MERGE : SL_SAVE_REPLACE) | SL_SAVE_IN_TRANSACTION;
  const char *key = sl_archive_head_keys[which];
  g_autofree char *prefix = NULL;
  gboolean ok;

  if (reader->merger != NULL)
    ok = sl_archive_merger_save (reader->merger, record, flags, error);
  else if (which == SL_ARCHIVE_HEAD_MEMBERS)
    ok = sl_ledger_save_member (reader->ledger, record, error);
  else if (which == SL_ARCHIVE_HEAD_PLANS)
    ok = sl_ledger_save_plan (reader->ledger, record, flags, error);
  else
    ok = sl_archive_people_save (reader->ledger, record, error);

  /* "members[", "plans[", a kind of records about people */
  prefix = which < SL_ARCHIVE_HEAD_PEOPLE ? g_strconcat (key, "[", NULL) : g_strdup (key);
  if (!ok && !g_str_has_prefix ((*error)->message, prefix))
    g_prefix_error (error, "%s[%u]: ", key, i);
  return ok;
}

static gboolean
write_head (Reader            *reader,
            const SlJsonValue *root,
            const BodySource  *source,
            gboolean          *unreadable,
            GError           **error)
{
  SlLedger *ledger = reader->ledger;
  /* One transaction holds the whole import and is rolled back whole on
   * any error: no savepoint per record (SL_SAVE_IN_TRANSACTION). */
  SlSaveFlags flags = (reader->merge ? SL_SAVE_MERGE : SL_SAVE_REPLACE) | SL_SAVE_IN_TRANSACTION;

  SlArchiveMerger *merger = reader->merger;

  for (guint i = 0; i < reader->organizations->len; i++)
    {
      SlOrganization *organization = g_ptr_array_index (reader->organizations, i);

      if (merger ? !sl_archive_merger_save (merger, organization, flags, error)
                 : !sl_ledger_save_organization (ledger, organization, error))
        return FALSE;
    }

  return sl_archive_head_each (reader, root, source, save_head_record, unreadable, error);
}

/* The meetings that topics of the pool name (planned_meeting): in the file,
 * read by now, or in the ledger. */
static gboolean
check_meeting_references (Reader  *reader,
                          GError **error)
{
  for (guint i = 0; i < reader->meeting_refs->len; i++)
    {
      PendingRef *ref = g_ptr_array_index (reader->meeting_refs, i);

      if (!sl_archive_reader_has_target (reader, REF_MEETING, ref->id) &&
          !sl_ledger_contains (reader->ledger, SL_TYPE_MEETING, ref->id))
        return sl_archive_reader_invalid (error, NULL, ref->path,
                                          _("no %s has the id %s, neither in this file nor in the ledger"),
                                          sl_archive_reader_ref_description (REF_MEETING), ref->id);
    }

  return TRUE;
}

/* The body: meetings and research topics, read in a thread of their own
 * while the import's thread writes each one as it comes, so that reading
 * and writing (each about half of a large import) overlap on two CPUs.
 * Written records go back to the reading thread to be freed. */

typedef struct
{
  Reader            *reader;
  const SlJsonValue *root;
  const BodySource  *source;
  GArray            *elements;  /* where each of its elements is */
  gboolean           unreadable;/* split: an element is not UTF-8 or JSON */
  GAsyncQueue       *read;      /* records, then END */
  GAsyncQueue       *written;   /* records, then END */
  gint               cancelled;
  GError            *error;
  guint              in_flight; /* records read and not yet freed */
} Body;

/* Records read ahead of the writing: the reading is faster, and without
 * a bound every meeting of the file would wait in the queue at once. */
#define MAX_IN_FLIGHT 64

/* Meetings whose search texts are rebuilt in one statement: ten years
 * of the benchmark's bureau. At a hundred years this took the import's
 * peak from 338 to 171 MiB, for about a fifth more CPU time. */
#define INDEX_BATCH 5000

/* When the index is built apart (sl-search-builder.c), the texts go to it
 * in smaller batches, so that it starts soon and keeps up. */
#define APART_BATCH 128

/* Ends each queue: never a record. */
static char end_of_queue;
#define END ((gpointer) &end_of_queue)

static gboolean
sink_queue (gpointer object,
            gpointer data)
{
  Body *body = data;

  if (g_atomic_int_get (&body->cancelled))
    {
      g_object_unref (object);
      return FALSE;
    }

  /* Each record written comes back on body->written, in order, before
   * the END that comes only after this thread's own. */
  for (; body->in_flight >= MAX_IN_FLIGHT; body->in_flight--)
    g_object_unref (g_async_queue_pop (body->written));

  g_async_queue_push (body->read, object);
  body->in_flight++;
  return TRUE;
}

/* Whether the text of a split archive's meeting is JSON. */
static SlJsonDocument *
parse_element (Body  *body,
               guint  index)
{
  gsize start = g_array_index (body->elements, gsize, 2 * index);
  gsize end = g_array_index (body->elements, gsize, 2 * index + 1);
  const char *text = body->source->meetings + start;

  if (!g_utf8_validate_len (text, end - start, NULL))
    return NULL;

  return sl_json_document_parse (text, end - start, NULL);
}

/* The meetings of a split archive: each element read as a document of its
 * own. One that is not UTF-8 or not JSON undoes the import, which is then
 * done again with the text read whole, for the message that says where;
 * as with the text read whole, that error comes before any other, so the
 * rest is still parsed after another error. */
static gboolean
read_split_meetings (Body *body)
{
  gboolean ok = TRUE;
  guint i, n;

  /* Split here rather than in the writing thread: a scan of nearly the
   * whole text. */
  if (!(body->elements = sl_json_split_array (body->source->meetings, body->source->meetings_length)))
    {
      body->unreadable = TRUE;
      return FALSE;
    }
  n = body->elements->len / 2;

  for (i = 0; ok && i < n && !g_atomic_int_get (&body->cancelled); i++)
    {
      g_autoptr(SlJsonDocument) document = parse_element (body, i);
      const SlJsonValue *element;
      Path path = { NULL, "meetings", i };
      gpointer meeting;

      if (document == NULL)
        {
          body->unreadable = TRUE;
          return FALSE;
        }

      element = sl_json_document_get_root (document);
      if (!sl_archive_reader_node_is (element, SL_JSON_OBJECT))
        ok = sl_archive_reader_invalid (&body->error, &path, NULL, _("must be an object, not %s"),
                                        sl_archive_reader_describe_node (element));
      else if (!(meeting = sl_archive_reader_read_meeting (body->reader, element, &path, &body->error)))
        ok = FALSE;
      else
        sink_queue (meeting, body);
    }

  for (; i < n; i++)
    {
      g_autoptr(SlJsonDocument) document = parse_element (body, i);

      if (document == NULL)
        {
          body->unreadable = TRUE;
          return FALSE;
        }
    }

  return ok;
}

/* Reads the meeting of @text, or says that it is not JSON. */
static gboolean
read_meeting_text (Body     *body,
                   GString  *text,
                   guint     index,
                   gboolean *ok)
{
  g_autoptr(SlJsonDocument) document = NULL;
  const SlJsonValue *element;
  Path path = { NULL, "meetings", index };
  gpointer meeting;

  if (!g_utf8_validate_len (text->str, text->len, NULL) ||
      !(document = sl_json_document_parse (text->str, text->len, NULL)))
    return FALSE;
  if (!*ok || g_atomic_int_get (&body->cancelled))
    return TRUE;   /* only whether it is JSON, as read_split_meetings() */

  element = sl_json_document_get_root (document);
  if (!sl_archive_reader_node_is (element, SL_JSON_OBJECT))
    *ok = sl_archive_reader_invalid (&body->error, &path, NULL, _("must be an object, not %s"),
                                     sl_archive_reader_describe_node (element));
  else if (!(meeting = sl_archive_reader_read_meeting (body->reader, element, &path, &body->error)))
    *ok = FALSE;
  else
    sink_queue (meeting, body);
  return TRUE;
}

/* The meetings of a streamed archive, read from the file one at a time
 * (sl-json-stream.c), attachments' base64 into the spool: never more of
 * the file in memory than one meeting without its attachments' bytes.
 * What does not read as JSON undoes the import as in read_split_meetings(). */
static gboolean
read_streamed_meetings (Body *body)
{
  g_autoptr(SlJsonStream) stream = sl_json_stream_new (body->source->fd);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean ok = TRUE, end = FALSE;

  /* meetings[i].attachments[j].data */
  sl_json_stream_set_spool (stream, "data", 3, body->source->spool);
  if (sl_json_stream_enter_array (stream, "meetings", NULL) != SL_JSON_STREAM_OK)
    {
      body->unreadable = TRUE;
      return FALSE;
    }

  for (guint i = 0; ; i++)
    {
      if (sl_json_stream_next_element (stream, text, &end, NULL) != SL_JSON_STREAM_OK ||
          (!end && !read_meeting_text (body, text, i, &ok)))
        {
          body->unreadable = TRUE;
          return FALSE;
        }
      if (end)
        break;
      /* One very large meeting does not keep its buffer. */
      if (text->allocated_len > 4 * 1024 * 1024)
        {
          g_string_free (text, TRUE);
          text = g_string_new (NULL);
        }
    }

  return ok;
}

static gpointer
read_body_thread (gpointer data)
{
  Body *body = data;
  gpointer record;

  if (body->source->fd >= 0 ? read_streamed_meetings (body) :
      body->source->meetings != NULL ? read_split_meetings (body)
                              : sl_archive_reader_read_array (body->reader, body->root, NULL, "meetings", sl_archive_reader_read_meeting,
                                                              sink_queue, body, &body->error))
    sl_archive_head_read_array (body->reader, body->root, body->source, SL_ARCHIVE_HEAD_RESEARCH_TOPICS,
                                sl_archive_reader_read_research_topic, sink_queue, body,
                                &body->unreadable, &body->error);
  g_async_queue_push (body->read, END);

  /* Freeing a meeting costs a tenth of writing it: here, not there. */
  while ((record = g_async_queue_pop (body->written)) != END)
    g_object_unref (record);

  return NULL;
}

static gboolean
write_body (Reader             *reader,
            const SlJsonValue  *root,
            const BodySource   *source,
            SlSearchBuilder    *apart,
            gboolean           *unreadable,
            SlArchiveCounts    *counts,
            GError            **error)
{
  SlSaveFlags flags = (reader->merge ? SL_SAVE_MERGE : SL_SAVE_REPLACE) | SL_SAVE_IN_TRANSACTION;
  g_autoptr(GError) local_error = NULL;
  Body body = { reader, root, source, NULL, FALSE,
                g_async_queue_new (), g_async_queue_new (), 0, NULL };
  GThread *thread;
  gpointer record;
  guint n_meetings = 0, n_topics = 0;
  gboolean ok = TRUE;

  thread = g_thread_new ("sl-archive-read", read_body_thread, &body);

  while ((record = g_async_queue_pop (body.read)) != END)
    {
      if (ok && SL_IS_MEETING (record))
        {
          SlMeetingChange *change = NULL;

          ok = check_meeting_new (reader, record, n_meetings, &local_error) &&
               (change = sl_archive_evidence_begin (reader->ledger, record, &local_error)) != NULL;
          if (ok)
            {
              ok = reader->merger ? sl_archive_merger_save (reader->merger, record, flags, &local_error)
                                  : sl_ledger_save_meeting (reader->ledger, record, flags, &local_error);
              ok = sl_archive_evidence_end (reader->ledger, record, change, ok, reader->merge,
                                            ok ? &local_error : NULL) && ok;
              if (ok && reader->merger != NULL)
                ok = sl_archive_merger_end_meeting (reader->merger, record, &local_error);
            }
          if (!ok && local_error != NULL && !g_str_has_prefix (local_error->message, "meetings["))
            {
              g_prefix_error (&local_error, "meetings[%u]: ", n_meetings);
              ok = FALSE;
            }
          n_meetings++;
          /* The search texts of the meetings written so far, rebuilt now
           * rather than all in one statement before the commit: in one
           * statement SQLite's page cache grew past its bound with the
           * archive (165 MiB at a hundred years, docs/performance.md). */
          if (ok && apart != NULL && n_meetings % APART_BATCH == 0)
            ok = sl_database_hand_search_texts (sl_ledger_get_database (reader->ledger), apart,
                                                FALSE, &local_error);
          else if (ok && apart == NULL && n_meetings % INDEX_BATCH == 0)
            ok = sl_database_index_deferred (sl_ledger_get_database (reader->ledger), &local_error) &&
                 sl_database_defer_search_index (sl_ledger_get_database (reader->ledger), &local_error);
        }
      else if (ok)
        {
          g_autofree char *where = g_strdup_printf ("research_topics[%u]", n_topics);

          ok = check_new (reader, G_OBJECT_TYPE (record), sl_record_get_id (record),
                          where, &local_error);
          if (ok && (reader->merger ? !sl_archive_merger_save (reader->merger, record, flags, &local_error)
                                    : !sl_ledger_save_research_topic (reader->ledger, record, &local_error)))
            {
              if (!g_str_has_prefix (local_error->message, "research_topics["))
                g_prefix_error (&local_error, "%s: ", where);
              ok = FALSE;
            }
          n_topics++;
        }

      if (!ok)
        g_atomic_int_set (&body.cancelled, 1);
      g_async_queue_push (body.written, record);
    }

  g_async_queue_push (body.written, END);
  g_thread_join (thread);
  g_async_queue_unref (body.read);
  g_async_queue_unref (body.written);
  g_clear_pointer (&body.elements, g_array_unref);

  /* What was found first, reading or writing. */
  *unreadable = body.unreadable;
  if (body.unreadable)
    {
      g_clear_error (&body.error);
      g_set_error_literal (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ, "unreadable");
      return FALSE;
    }
  if (!ok)
    {
      g_clear_error (&body.error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (body.error != NULL)
    {
      g_propagate_error (error, body.error);
      return FALSE;
    }

  counts->meetings = n_meetings;
  counts->research_topics = n_topics;
  return TRUE;
}

/**
 * sl_archive_import_document:
 * @root: the document, its meetings left out when @source says where
 *   they are
 * @unreadable: (out): set when a meeting of @source is not JSON: the
 *   caller reads the text whole, for the message that says where
 *
 * Imports an archive that sl-archive-read.c has read: everything or, on
 * any error, nothing.
 */
gboolean
sl_archive_import_document (SlLedger                      *ledger,
                            const SlJsonValue             *root,
                            const SlArchiveBodySource     *source,
                            const char                    *name,
                            const SlArchiveImportOptions  *options,
                            gboolean                      *unreadable,
                            SlArchiveCounts               *counts,
                            GError                       **error)
{
  g_autoptr(GError) local_error = NULL;
  SlArchiveCounts body_counts = { 0 };
  g_autoptr(GError) apart_error = NULL;
  SlSearchBuilder *apart = NULL;
  SlDatabase *database;
  Reader reader = { 0 };
  gboolean direct;
  gboolean ok;

  reader.ledger = ledger;
  reader.merge = options->merge;
  reader.dry_run = options->dry_run;
  if (options->report != NULL)
    {
      /* A second reading (the text read whole after all) starts again. */
      sl_archive_report_clear (options->report);
      sl_archive_report_init (options->report);
    }
  if (options->merge)
    reader.merger = sl_archive_merger_new (ledger, options->report);
  reader.organizations = g_ptr_array_new_with_free_func (g_object_unref);
  reader.members = g_ptr_array_new_with_free_func (g_object_unref);
  reader.plans = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < SL_ARCHIVE_N_PEOPLE_KINDS; i++)
    reader.people[i] = g_ptr_array_new_with_free_func (g_object_unref);
  reader.meeting_refs = g_ptr_array_new_with_free_func (sl_archive_reader_pending_ref_free);
  for (guint i = 0; i < N_REFS; i++)
    {
      reader.targets[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      reader.in_ledger[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  reader.refs = g_ptr_array_new_with_free_func (sl_archive_reader_pending_ref_free);

  database = sl_ledger_get_database (ledger);

  /* Into a ledger that holds nothing, each page written once
   * (sl_database_set_write_ahead), when no one else has it open. */
  direct = !reader.dry_run && sl_ledger_is_empty (ledger) &&
           sl_database_set_write_ahead (database, FALSE);

  /* The whole import is one transaction. Through the WAL (a merge) SQLite's
   * 2 MiB page cache spilled its pages into the log over and over (a sixth
   * of a ten-year import): room for 64 MiB of pages then. Written directly
   * into an empty ledger a small cache costs little: 8 MiB (64 MiB took
   * the peak of a ten-year import from 47 to 104 MiB for no gain in time on
   * a quiet machine; at a hundred years, 4 MiB no longer held the pages of
   * the indexes by member, read back from the file over and over,
   * docs/performance.md). A bound either way, not the
   * ledger's size, for memory must not grow with the archive; SQLite's
   * default again after. For the same reason the ledger is read by copy,
   * not mapped, while the import lasts: every mapped page read counts in
   * the process's memory. */
  sl_database_exec (database, direct ? "PRAGMA cache_size = -8192" : "PRAGMA cache_size = -65536",
                    NULL);
  sl_database_set_mapped (database, FALSE);

  /* Checked inside the transaction that writes: the checks' thousands of
   * lookups take the ledger's locks once, and nothing can change between
   * them and the writing. Any error rolls everything back. */
  ok = (reader.ids = sl_archive_ids_new (&local_error)) != NULL &&
       sl_ledger_begin (ledger, &local_error);
  /* Asked again: another program may have written before the BEGIN. */
  reader.into_empty = ok && sl_ledger_is_empty (ledger);
  if (ok && !(read_head (&reader, root, source, unreadable, &local_error) &&
              collect_ledger_ids (&reader, &local_error)))
    {
      sl_database_rollback (database);   /* nothing written: the stores are as they were */
      ok = FALSE;
    }
  else if (ok)
    {
      /* The search index is built once, after the rows; into an empty
       * ledger, beside them in a thread of its own, and copied in before
       * the commit (sl-search-builder.c). Without a temporary file for
       * it, the ledger's connection builds it, as into any ledger. */
      if (direct && reader.into_empty && !(apart = sl_database_new_search_builder (database, &apart_error)))
        g_debug ("The search index is built at the commit: %s",
                 apart_error != NULL ? apart_error->message : "");

      if (sl_database_defer_search_index (database, &local_error) &&
          write_head (&reader, root, source, unreadable, &local_error) &&
          write_body (&reader, root, source, apart, unreadable, &body_counts, &local_error) &&
          check_meeting_references (&reader, &local_error) &&
          sl_archive_store_locks (ledger, root, &local_error) &&
          (apart != NULL ? sl_database_hand_search_texts (database, apart, TRUE, &local_error) &&
                           sl_database_install_search_index (database, apart, &local_error)
                         : sl_database_index_deferred (database, &local_error)))
        {
          if (reader.dry_run)
            sl_ledger_rollback (ledger);   /* all done, and undone: nothing written */
          else
            ok = sl_ledger_commit (ledger, &local_error);
        }
      else
        {
          sl_ledger_rollback (ledger);
          ok = FALSE;
        }
      /* Out of the transaction, before the journal mode changes (which
       * would change the file apart's too, were it still attached). */
      g_clear_pointer (&apart, sl_search_builder_free);
    }

  sl_database_exec (database, "PRAGMA cache_size = -2000", NULL);
  sl_database_set_mapped (database, TRUE);
  if (direct && !sl_database_set_write_ahead (database, TRUE))
    g_warning ("The ledger %s could not go back to its write-ahead log",
               sl_database_get_path (database));

  if (ok && counts != NULL)
    {
      counts->organizations = reader.organizations->len;
      counts->members = reader.n_members;
      counts->plans = reader.n_plans;
      counts->meetings = body_counts.meetings;
      counts->research_topics = body_counts.research_topics;
    }

  sl_archive_reader_clear (&reader);

  /* The text read whole would have said first where a part of the head
   * is not JSON; a streamed array may not have been read to its end. */
  if (!ok && !*unreadable && !sl_archive_head_is_json (source))
    *unreadable = TRUE;

  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return FALSE;
    }

  return TRUE;
}
