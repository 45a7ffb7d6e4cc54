/* sl-archive-head.c — the head's arrays of a streamed archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The arrays of a streamed archive that grow with the years besides the
 * meetings (the members, the plans, the topic pool, the research topics,
 * the other records about people) are not parsed whole with the rest of
 * the head: their text, 6 MB at a hundred years and twice that parsed,
 * was what still made the import's peak grow with the file
 * (docs/performance.md). sl-archive-read.c's first pass leaves them out of
 * the rest and notes where each begins; each is read here one element at
 * a time, as the meetings are. The records are checked as they are read
 * and dropped: the import reads the file again (reader->replay: no id or
 * reference noted twice) to check them against the ledger and to write
 * them, in the order of the text read whole, so that every result and
 * every message is that of the text read whole.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-archive.h"
#include "sl-archive-head.h"
#include "sl-json-stream.h"

const char * const sl_archive_head_keys[SL_ARCHIVE_N_HEAD] = {
  [SL_ARCHIVE_HEAD_MEETINGS] = "meetings",
  [SL_ARCHIVE_HEAD_MEMBERS] = "members",
  [SL_ARCHIVE_HEAD_PLANS] = "plans",
  [SL_ARCHIVE_HEAD_RESEARCH_TOPICS] = "research_topics",
  /* sl_archive_people_kind()'s keys, in its order (checked in
   * sl_archive_head_read_array()) */
  [SL_ARCHIVE_HEAD_PEOPLE + 0] = "topics",
  [SL_ARCHIVE_HEAD_PEOPLE + 1] = "talks",
  [SL_ARCHIVE_HEAD_PEOPLE + 2] = "branch_reports",
  [SL_ARCHIVE_HEAD_PEOPLE + 3] = "study_notes",
};

/* Each element of the array that begins at @offset, parsed; @read and
 * @sink as in sl_archive_reader_read_array(), or none (@read NULL): only
 * whether every element is JSON. */
static gboolean
stream_array (Reader              *reader,
              int                  fd,
              guint64              offset,
              const char          *key,
              ReadFunc             read,
              SinkFunc             sink,
              gpointer             sink_data,
              gboolean            *unreadable,
              GError             **error)
{
  g_autoptr(SlJsonStream) stream = sl_json_stream_new (fd);
  g_autoptr(GString) text = g_string_new (NULL);
  Path path = { NULL, key, -1 };
  gboolean end = FALSE;

  if (sl_json_stream_enter_array_at (stream, offset, NULL) != SL_JSON_STREAM_OK)
    goto unreadable;

  for (guint i = 0; ; i++)
    {
      g_autoptr(SlJsonDocument) document = NULL;
      const SlJsonValue *element;
      gpointer object;

      if (sl_json_stream_next_element (stream, text, &end, NULL) != SL_JSON_STREAM_OK)
        goto unreadable;
      if (end)
        return TRUE;
      if (!g_utf8_validate_len (text->str, text->len, NULL) ||
          !(document = sl_json_document_parse (text->str, text->len, NULL)))
        goto unreadable;
      if (read == NULL)
        continue;

      /* As sl_archive_reader_read_array() */
      element = sl_json_document_get_root (document);
      path.index = i;
      if (!sl_archive_reader_node_is (element, SL_JSON_OBJECT))
        return sl_archive_reader_invalid (error, &path, NULL, _("must be an object, not %s"),
                                          sl_archive_reader_describe_node (element));
      if (!(object = read (reader, element, &path, error)))
        return FALSE;
      if (!sink (object, sink_data))
        return TRUE;
    }

unreadable:
  *unreadable = TRUE;
  g_set_error_literal (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ, "unreadable");
  return FALSE;
}

/**
 * sl_archive_head_read_array:
 * @unreadable: (out): set when an element is not JSON: the caller reads
 *   the text whole, for the message that says where
 *
 * As sl_archive_reader_read_array() of @root's array @which, from the
 * file one element at a time when @source streams it.
 */
gboolean
sl_archive_head_read_array (Reader                     *reader,
                            const SlJsonValue          *root,
                            const SlArchiveBodySource  *source,
                            SlArchiveHeadArray          which,
                            ReadFunc                    read,
                            SinkFunc                    sink,
                            gpointer                    sink_data,
                            gboolean                   *unreadable,
                            GError                    **error)
{
  const char *key = sl_archive_head_keys[which];

  g_assert (which < SL_ARCHIVE_HEAD_PEOPLE ||
            g_str_equal (key, sl_archive_people_kind (which - SL_ARCHIVE_HEAD_PEOPLE)->key));

  if (source->fd < 0 || source->head[which] == 0)
    return sl_archive_reader_read_array (reader, root, NULL, key, read, sink, sink_data, error);

  return stream_array (reader, source->fd, source->head[which], key, read, sink, sink_data,
                       unreadable, error);
}

/* What each record of the head's arrays is read with, and where the
 * references it makes are looked for while it is read. */
static const struct
{
  SlArchiveHeadArray which;
  ReadFunc           read;
  RefKind            reading;
} head_lists[] = {
  { SL_ARCHIVE_HEAD_MEMBERS, sl_archive_reader_read_member, REF_MEMBER },
  { SL_ARCHIVE_HEAD_PLANS, sl_archive_reader_read_plan, REF_PLAN_ITEM },
  { SL_ARCHIVE_HEAD_PEOPLE + 0, sl_archive_reader_read_people, REF_NONE },
  { SL_ARCHIVE_HEAD_PEOPLE + 1, sl_archive_reader_read_people, REF_NONE },
  { SL_ARCHIVE_HEAD_PEOPLE + 2, sl_archive_reader_read_people, REF_NONE },
  { SL_ARCHIVE_HEAD_PEOPLE + 3, sl_archive_reader_read_people, REF_NONE },
};

/* The records that a list of head_lists was read into, when read with
 * the rest; NULL when streamed. */
static GPtrArray *
held_records (Reader             *reader,
              SlArchiveHeadArray  which)
{
  switch (which)
    {
    case SL_ARCHIVE_HEAD_MEMBERS: return reader->members;
    case SL_ARCHIVE_HEAD_PLANS:   return reader->plans;
    case SL_ARCHIVE_HEAD_MEETINGS:
    case SL_ARCHIVE_HEAD_RESEARCH_TOPICS:
    case SL_ARCHIVE_N_HEAD:
      g_assert_not_reached ();
    case SL_ARCHIVE_HEAD_PEOPLE:
    default:                      return reader->people[which - SL_ARCHIVE_HEAD_PEOPLE];
    }
}

typedef struct
{
  Reader             *reader;
  SlArchiveHeadArray  which;
  SlArchiveHeadEachFunc            each;
  guint               index;
  GError             *error;
} Each;

static gboolean
sink_each (gpointer object,
           gpointer data)
{
  Each *each = data;
  gboolean ok = each->each (each->reader, object, each->which, each->index++, &each->error);

  g_object_unref (object);
  return ok;
}

static gboolean
sink_count (gpointer object,
            gpointer data)
{
  guint *count = data;

  g_object_unref (object);
  (*count)++;
  return TRUE;
}

/* Calls @each on each record of the list @l of head_lists in the order of
 * the file: those read with the rest as they were kept, a streamed one
 * read again from the file, its ids and references not noted again. */
static gboolean
each_record (Reader            *reader,
                  const SlJsonValue *root,
                  const SlArchiveBodySource  *source,
                  guint              l,
                  SlArchiveHeadEachFunc           each,
                  gboolean          *unreadable,
                  GError           **error)
{
  SlArchiveHeadArray which = head_lists[l].which;
  Each data = { reader, which, each, 0, NULL };
  gboolean ok;

  if (source->fd < 0 || source->head[which] == 0)
    {
      GPtrArray *held = held_records (reader, which);

      for (guint i = 0; i < held->len; i++)
        if (!each (reader, g_ptr_array_index (held, i), which, i, error))
          return FALSE;
      return TRUE;
    }

  reader->replay = TRUE;
  reader->reading = head_lists[l].reading;
  if (which >= SL_ARCHIVE_HEAD_PEOPLE)
    reader->people_kind = which - SL_ARCHIVE_HEAD_PEOPLE;
  ok = sl_archive_head_read_array (reader, root, source, which, head_lists[l].read,
                                   sink_each, &data, unreadable, error);
  reader->replay = FALSE;
  reader->reading = REF_NONE;

  if (data.error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, data.error);
      return FALSE;
    }
  return ok;
}


/**
 * sl_archive_head_read:
 *
 * Reads the members, the plans, the topic pool and the other records
 * about people, in this order: into the reader's arrays when read with
 * the rest; from the file, checked, counted and dropped, when streamed
 * (sl_archive_head_each() reads them again).
 */
gboolean
sl_archive_head_read (Reader                     *reader,
                      const SlJsonValue          *root,
                      const SlArchiveBodySource  *source,
                      gboolean                   *unreadable,
                      GError                    **error)
{
  for (guint l = 0; l < G_N_ELEMENTS (head_lists); l++)
    {
      SlArchiveHeadArray which = head_lists[l].which;
      GPtrArray *held = held_records (reader, which);
      gboolean streamed = source->fd >= 0 && source->head[which] != 0;
      guint count = 0;

      reader->reading = head_lists[l].reading;
      if (which >= SL_ARCHIVE_HEAD_PEOPLE)
        reader->people_kind = which - SL_ARCHIVE_HEAD_PEOPLE;
      if (!sl_archive_head_read_array (reader, root, source, which, head_lists[l].read,
                                       streamed ? sink_count : sl_archive_reader_sink_array,
                                       streamed ? (gpointer) &count : held, unreadable, error))
        return FALSE;
      if (which == SL_ARCHIVE_HEAD_MEMBERS)
        reader->n_members = streamed ? count : held->len;
      else if (which == SL_ARCHIVE_HEAD_PLANS)
        reader->n_plans = streamed ? count : held->len;
    }
  reader->reading = REF_NONE;


  return TRUE;
}

/**
 * sl_archive_head_each:
 *
 * Calls @each on every record that sl_archive_head_read() read, in the
 * same order, with the array and the index it has in the file.
 */
gboolean
sl_archive_head_each (Reader                     *reader,
                      const SlJsonValue          *root,
                      const SlArchiveBodySource  *source,
                      SlArchiveHeadEachFunc       each,
                      gboolean                   *unreadable,
                      GError                    **error)
{
  for (guint l = 0; l < G_N_ELEMENTS (head_lists); l++)
    if (!each_record (reader, root, source, l, each, unreadable, error))
      return FALSE;

  return TRUE;
}

/**
 * sl_archive_head_is_json:
 *
 * Whether every element of every array that @source streams (but the
 * meetings, which the reading thread parses whole) is JSON. After an
 * error found before the end of one, the text read whole would have said
 * first where it is not JSON: the caller then reads it whole.
 */
gboolean
sl_archive_head_is_json (const SlArchiveBodySource *source)
{
  for (guint which = SL_ARCHIVE_HEAD_MEETINGS + 1; source->fd >= 0 && which < SL_ARCHIVE_N_HEAD; which++)
    {
      g_autoptr(GError) error = NULL;
      gboolean unreadable = FALSE;

      if (source->head[which] != 0 &&
          !stream_array (NULL, source->fd, source->head[which], sl_archive_head_keys[which],
                         NULL, NULL, NULL, &unreadable, &error))
        return FALSE;
    }

  return TRUE;
}
