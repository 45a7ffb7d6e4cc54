/* sl-archive-evidence.c — the archive's version 2 evidence keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's state, finalisation, hash, revisions and attachments,
 * read from the archive (docs/archive.md, version 2; written by
 * sl-archive-evidence-write.c);
 * the ledger's year locks are in sl-archive-locks.c. The meeting's hash
 * form, which the archive defines, is in sl-archive-hash-form.c.
 *
 * On import a final meeting's hash is recomputed from what the ledger
 * holds once the meeting is written, and the whole import refused when
 * it differs: an archive edited after the export, or a meeting that the
 * import would not keep as it was hashed. Attachments' bytes are decoded
 * a piece at a time into their BLOBs.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-archive-evidence.h"
#include "sl-archive-fields.h"
#include "sl-archive-hash-form.h"
#include "sl-archive-types.h"
#include "sl-archive-spool.h"
#include "sl-attachments.h"
#include "sl-canonical-json.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-speech.h"

/* Reading -------------------------------------------------------------------------- */

#define EVIDENCE_KEY "sl-archive-evidence"

typedef struct
{
  gboolean   final;
  char      *finalized_at;
  char      *finalized_by;
  char      *hash;
  GPtrArray *revisions;     /* SlRevision */
  GPtrArray *attachments;   /* SlAttachment */
  GPtrArray *data;          /* the base64 text of each attachment */
  GPtrArray *spooled;       /* or where it is (SlArchiveSpooled), or NULL */
} Evidence;

static void
evidence_free (gpointer data)
{
  Evidence *evidence = data;

  g_free (evidence->finalized_at);
  g_free (evidence->finalized_by);
  g_free (evidence->hash);
  g_clear_pointer (&evidence->revisions, g_ptr_array_unref);
  g_clear_pointer (&evidence->attachments, g_ptr_array_unref);
  g_clear_pointer (&evidence->data, g_ptr_array_unref);
  g_clear_pointer (&evidence->spooled, g_ptr_array_unref);
  g_free (evidence);
}

static gboolean
fail (char       **field,
      GError     **error,
      const char  *where,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

/* The field is returned apart, for the reader to put after the record's
 * place in the file. */
static gboolean
fail (char       **field,
      GError     **error,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  *field = g_strdup (where);
  g_set_error_literal (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID, message);
  return FALSE;
}

/* Text, or NULL when absent or null; FALSE when something else. */
static gboolean
get_text (const SlJsonValue  *object,
          const char         *key,
          const char        **text)
{
  const SlJsonValue *node = sl_json_value_get_member (object, key);

  *text = NULL;
  if (sl_json_value_is_null (node))
    return TRUE;
  *text = sl_json_value_get_string (node);
  return *text != NULL;
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/**
 * sl_archive_is_rfc3339:
 *
 * Whether @text is a time as ARCHIVE.md gives finalized_at (RFC 3339,
 * section 5.6): YYYY-MM-DDTHH:MM:SS, a fraction of a second or not, then
 * Z or the offset ±HH:MM, on a real day at a real time. GLib's ISO 8601
 * reader alone takes more (week dates, no offset, no separators).
 */
gboolean
sl_archive_is_rfc3339 (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:dd";
  g_autofree char *copy = NULL;
  g_autoptr(GDateTime) time = NULL;
  const char *p;

  if (text == NULL || strlen (text) < sizeof pattern)
    return FALSE;
  for (guint i = 0; i < sizeof pattern - 1; i++)
    {
      gboolean good;

      if (pattern[i] == 'd')
        good = g_ascii_isdigit (text[i]);
      else if (pattern[i] == 'T')
        good = text[i] == 'T' || text[i] == 't' || text[i] == ' ';
      else
        good = text[i] == pattern[i];
      if (!good)
        return FALSE;
    }

  p = text + sizeof pattern - 1;
  if (*p == '.')
    {
      if (!g_ascii_isdigit (p[1]))
        return FALSE;
      for (p++; g_ascii_isdigit (*p); p++)
        ;
    }
  if (*p == 'Z' || *p == 'z')
    p++;
  else if ((*p == '+' || *p == '-') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
           p[3] == ':' && g_ascii_isdigit (p[4]) && g_ascii_isdigit (p[5]) &&
           g_ascii_strtoll (p + 1, NULL, 10) <= 23 && g_ascii_strtoll (p + 4, NULL, 10) <= 59)
    p += 6;
  else
    return FALSE;
  if (*p != '\0')
    return FALSE;

  /* A real day and time: no 2025-02-30, no 25:00. */
  copy = g_ascii_strup (text, -1);
  copy[10] = 'T';
  time = g_date_time_new_from_iso8601 (copy, NULL);
  return time != NULL;
}

static gboolean
read_revisions (const SlJsonValue  *json,
                Evidence           *evidence,
                char              **field,
                GError            **error)
{
  const SlJsonValue *array = sl_json_value_get_member (json, "revisions");
  guint n;

  if (sl_json_value_is_null (array))
    return TRUE;
  if (sl_json_value_get_kind (array) != SL_JSON_ARRAY)
    return fail (field, error, "revisions", _("must be an array of revisions"));

  n = sl_json_value_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      const SlJsonValue *element = sl_json_value_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("revisions[%u]", i);
      SlRevision *revision;
      const char *at, *by, *reason, *hash, *chain, *snapshot;
      gint64 number;

      if (sl_json_value_get_kind (element) != SL_JSON_OBJECT ||
          !sl_json_value_get_integer (sl_json_value_get_member (element, "revision"), &number) ||
          !get_text (element, "at", &at) || at == NULL ||
          !get_text (element, "by", &by) ||
          !get_text (element, "reason", &reason) || reason == NULL ||
          !get_text (element, "hash", &hash) || !is_sha256 (hash) ||
          !get_text (element, "chain", &chain) || !is_sha256 (chain) ||
          !get_text (element, "snapshot", &snapshot) || snapshot == NULL)
        return fail (field, error, where,
                     _("a revision needs revision (a number), at, reason, hash, chain "
                       "(lower-case SHA-256 in hex) and snapshot"));

      if (!sl_archive_is_rfc3339 (at))
        {
          g_free (where);
          where = g_strdup_printf ("revisions[%u].at", i);
          return fail (field, error, where, _(SL_ARCHIVE_RFC3339_HINT), at);
        }

      revision = g_new0 (SlRevision, 1);
      revision->revision = (int) CLAMP (number, G_MININT, G_MAXINT);
      revision->at = g_strdup (at);
      revision->by = g_strdup (by);
      revision->reason = g_strdup (reason);
      revision->hash = g_strdup (hash);
      revision->chain = g_strdup (chain);
      revision->snapshot = g_strdup (snapshot);
      g_ptr_array_add (evidence->revisions, revision);
    }

  return TRUE;
}

static gboolean
read_attachments (const SlJsonValue  *json,
                  Evidence           *evidence,
                  char              **field,
                  GError            **error)
{
  const SlJsonValue *array = sl_json_value_get_member (json, "attachments");
  guint n;

  if (sl_json_value_is_null (array))
    return TRUE;
  if (sl_json_value_get_kind (array) != SL_JSON_ARRAY)
    return fail (field, error, "attachments", _("must be an array of attachments"));

  n = sl_json_value_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      const SlJsonValue *element = sl_json_value_get_element (array, i);
      g_autofree char *where = NULL;
      g_autoptr(SlAttachment) attachment = NULL;
      g_autoptr(SlArchiveSpooled) spooled = NULL;
      const char *id, *kind, *name, *media_type, *sha256, *added_at, *speech, *measure, *data;
      gint64 size;
      gsize length, padding = 0, decoded;

#define WHERE(key) (g_free (where), where = g_strdup_printf ("attachments[%u].%s", i, key))

      if (sl_json_value_get_kind (element) != SL_JSON_OBJECT)
        return fail (field, error, WHERE ("id") , _("must be an object"));
      if (!get_text (element, "id", &id) || !sl_is_uuid (id))
        return fail (field, error, WHERE ("id"), _("is not an id (a UUID)"));
      if (!get_text (element, "kind", &kind) || !sl_attachment_kind_is_valid (kind))
        return fail (field, error, WHERE ("kind"), _("“%s” is not a known code; use one of %s"),
                     kind ? kind : "", sl_attachment_kind_list ());
      if (!get_text (element, "name", &name) || name == NULL)
        return fail (field, error, WHERE ("name"), _("is required and missing"));
      if (!get_text (element, "media_type", &media_type))
        return fail (field, error, WHERE ("media_type"), _("must be text"));
      if (!sl_json_value_get_integer (sl_json_value_get_member (element, "size"), &size) ||
          size < 0 || size > SL_ATTACHMENT_MAX_SIZE)
        return fail (field, error, WHERE ("size"),
                     _("must be a number of bytes, at most 50 MB"));
      if (!get_text (element, "sha256", &sha256) || !is_sha256 (sha256))
        return fail (field, error, WHERE ("sha256"),
                     _("must be the SHA-256 of the bytes, in lower-case hex"));
      if (!get_text (element, "added_at", &added_at) || added_at == NULL)
        return fail (field, error, WHERE ("added_at"), _("is required and missing"));
      if (!get_text (element, "speech", &speech) || !get_text (element, "measure", &measure))
        return fail (field, error, WHERE ("measure"), _("must be an id or null"));
      if (!get_text (element, "data", &data) || (data == NULL && size > 0))
        return fail (field, error, WHERE ("data"), _("must hold the bytes, in base64"));

      /* What the text decodes to, before any of it is written; a text
       * the streaming reader spooled was looked at as it went by. */
      spooled = sl_archive_spooled_lookup (data);
      length = spooled ? spooled->length : data ? strlen (data) : 0;
      if (length % 4 != 0)
        return fail (field, error, WHERE ("data"),
                     _("is not base64 (RFC 4648, no line breaks): its length is not a multiple of 4"));
      if (spooled != NULL)
        {
          gint64 at = spooled->first_bad;
          char c = spooled->bad;

          if (spooled->first_pad >= 0 && (guint64) spooled->first_pad + 2 < length &&
              (at < 0 || spooled->first_pad < at))
            {
              at = spooled->first_pad;
              c = '=';
            }
          if (at >= 0)
            return fail (field, error, WHERE ("data"),
                         _("is not base64 (RFC 4648, no line breaks): “%c” at %llu"),
                         c, (unsigned long long) at);
          if (length > 0 && spooled->last[1] == '=')
            padding = spooled->last[0] == '=' ? 2 : 1;
        }
      for (gsize j = 0; spooled == NULL && j < length; j++)
        {
          char c = data[j];

          if (!(g_ascii_isalnum (c) || c == '+' || c == '/' || (c == '=' && j + 2 >= length)))
            return fail (field, error, WHERE ("data"),
                         _("is not base64 (RFC 4648, no line breaks): “%c” at %llu"),
                         c, (unsigned long long) j);
        }
      if (spooled == NULL && length > 0 && data[length - 1] == '=')
        padding = data[length - 2] == '=' ? 2 : 1;
      decoded = length / 4 * 3 - padding;
      if ((gint64) decoded != size)
        return fail (field, error, WHERE ("data"),
                     _("holds %llu bytes, and size says %lld"),
                     (unsigned long long) decoded, (long long) size);

#undef WHERE

      attachment = sl_attachment_new ();
      {
        g_autofree char *lower = g_ascii_strdown (id, -1);
        sl_record_set_id (SL_RECORD (attachment), lower);
      }
      sl_attachment_set_kind (attachment, kind);
      sl_attachment_set_name (attachment, name);
      sl_attachment_set_media_type (attachment, media_type);
      sl_attachment_set_size (attachment, size);
      sl_attachment_set_sha256 (attachment, sha256);
      sl_attachment_set_added_at (attachment, added_at);
      {
        g_autofree char *speech_lower = speech ? g_ascii_strdown (speech, -1) : NULL;
        g_autofree char *measure_lower = measure ? g_ascii_strdown (measure, -1) : NULL;

        sl_attachment_set_speech (attachment, speech_lower);
        sl_attachment_set_measure (attachment, measure_lower);
      }
      g_ptr_array_add (evidence->attachments, g_steal_pointer (&attachment));
      g_ptr_array_add (evidence->data, g_strdup (data && !spooled ? data : ""));
      g_ptr_array_add (evidence->spooled, g_steal_pointer (&spooled));
    }

  return TRUE;
}

/**
 * sl_archive_read_evidence:
 * @field: (out): on error, the key that is wrong ("attachments[0].kind")
 *
 * Reads a meeting's version 2 evidence keys and keeps them with @meeting.
 */
gboolean
sl_archive_read_evidence (const SlJsonValue  *json,
                          SlMeeting          *meeting,
                          char              **field,
                          GError            **error)
{
  const char *state, *finalized_at, *finalized_by, *hash;
  Evidence *evidence;

  if (sl_json_value_get_member (json, "state") == NULL &&
      sl_json_value_get_member (json, "attachments") == NULL &&
      sl_json_value_get_member (json, "revisions") == NULL)
    return TRUE;   /* version 1, or a draft without attachments */

  if (!get_text (json, "state", &state) ||
      (state != NULL && !g_str_equal (state, "draft") && !g_str_equal (state, "final")))
    return fail (field, error, "state", _("must be draft or final"));

  /* Only a final meeting has a hash and a history: a draft that carries
   * them would lose them on the way in, and they are evidence. */
  if (g_strcmp0 (state, "final") != 0)
    {
      const SlJsonValue *revisions = sl_json_value_get_member (json, "revisions");
      const SlJsonValue *hash_value = sl_json_value_get_member (json, "hash");

      if (hash_value != NULL && sl_json_value_get_kind (hash_value) != SL_JSON_NULL)
        return fail (field, error, "hash",
                     _("a draft has no hash; only a final meeting (\"state\": \"final\") carries one"));
      if (revisions != NULL && sl_json_value_get_kind (revisions) == SL_JSON_ARRAY &&
          sl_json_value_get_length (revisions) > 0)
        return fail (field, error, "revisions",
                     _("a draft has no revisions; only a final meeting (\"state\": \"final\") has a history"));
    }

  evidence = g_new0 (Evidence, 1);
  evidence->final = g_strcmp0 (state, "final") == 0;
  evidence->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_revision_free);
  evidence->attachments = g_ptr_array_new_with_free_func (g_object_unref);
  evidence->data = g_ptr_array_new_with_free_func (g_free);
  evidence->spooled = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_archive_spooled_free);
  g_object_set_data_full (G_OBJECT (meeting), EVIDENCE_KEY, evidence, evidence_free);

  if (evidence->final)
    {
      if (!get_text (json, "hash", &hash) || !is_sha256 (hash))
        return fail (field, error, "hash",
                     _("a final meeting needs its hash, the SHA-256 of its hash form in lower-case hex"));
      if (!get_text (json, "finalized_at", &finalized_at) || finalized_at == NULL)
        return fail (field, error, "finalized_at", _("a final meeting needs the time it was finalised"));
      if (!sl_archive_is_rfc3339 (finalized_at))
        return fail (field, error, "finalized_at", _(SL_ARCHIVE_RFC3339_HINT), finalized_at);
      if (!get_text (json, "finalized_by", &finalized_by))
        return fail (field, error, "finalized_by", _("must be text"));
      evidence->hash = g_strdup (hash);
      evidence->finalized_at = g_strdup (finalized_at);
      evidence->finalized_by = g_strdup (finalized_by);
    }

  return read_revisions (json, evidence, field, error) &&
         read_attachments (json, evidence, field, error);
}

/* Storing ----------------------------------------------------------------------------- */

SlMeetingChange *
sl_archive_evidence_begin (SlLedger   *ledger,
                           SlMeeting  *meeting,
                           GError    **error)
{
  return sl_evidence_change_begin (ledger, sl_record_get_id (SL_RECORD (meeting)), NULL, NULL, error);
}

typedef struct
{
  const char *text;
  SlArchiveSpooled *spooled;   /* or the text is there, in a file */
  char       *piece;           /* spooled: a piece of the text read */
  gsize       length;
  gsize       position;
  int         state;
  guint       save;
  guchar      out[65536 / 4 * 3 + 8];
  gsize       have;
  gsize       used;
} Base64Source;

static gssize
decode_chunk (gpointer   data,
              guchar    *buffer,
              gsize      size,
              GError   **error)
{
  Base64Source *source = data;
  gsize given = 0;

  while (given < size)
    {
      gsize n;

      if (source->used == source->have)
        {
          gsize piece;

          if (source->position >= source->length)
            break;
          piece = MIN (source->length - source->position, 65536);
          if (source->spooled != NULL)
            {
              gssize n = sl_archive_spooled_read (source->spooled, source->position,
                                                  source->piece, piece);

              if (n <= 0)
                {
                  g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_READ,
                               _("Cannot read the archive: %s"),
                               n < 0 ? g_strerror (errno) : _("the file ended early"));
                  return -1;
                }
              piece = n;
            }
          source->have = g_base64_decode_step (source->spooled ? source->piece
                                                               : source->text + source->position,
                                               piece, source->out, &source->state, &source->save);
          source->used = 0;
          source->position += piece;
          continue;
        }

      n = MIN (size - given, source->have - source->used);
      memcpy (buffer + given, source->out + source->used, n);
      source->used += n;
      given += n;
    }

  return given;
}

/* The SHA-256 of the bytes that the archive's base64 text of attachment
 * @i holds, decoded a piece at a time and written nowhere. */
static char *
data_sha256 (Evidence  *evidence,
             guint      i,
             GError   **error)
{
  g_autofree Base64Source *source = g_new0 (Base64Source, 1);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (65536);
  gssize n;

  source->text = g_ptr_array_index (evidence->data, i);
  source->spooled = g_ptr_array_index (evidence->spooled, i);
  source->length = source->spooled ? source->spooled->length : strlen (source->text);
  if (source->spooled != NULL)
    source->piece = g_malloc (65536);

  while ((n = decode_chunk (source, buffer, 65536, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  g_free (source->piece);

  return n < 0 ? NULL : g_strdup (g_checksum_get_string (checksum));
}

/* An attachment of the file that the ledger has already: the merge keeps
 * the ledger's (attachments never change), but the file's must still be
 * what it says it is, and the same bytes, as a plain import checks: an
 * archive edited after it was written is refused whole. */
static gboolean
check_kept_attachment (SlLedger      *ledger,
                       Evidence      *evidence,
                       guint          i,
                       GError       **error)
{
  SlAttachment *attachment = g_ptr_array_index (evidence->attachments, i);
  const char *id = sl_record_get_id (SL_RECORD (attachment));
  g_autoptr(SlAttachment) local = NULL;
  g_autofree char *sum = NULL;

  if (!(sum = data_sha256 (evidence, i, error)))
    return FALSE;
  if (!g_str_equal (sum, sl_attachment_get_sha256 (attachment)))
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                   _("attachments[%u]: sha256: the bytes of %s do not have the SHA-256 given "
                     "for them"),
                   i, sl_attachment_get_name (attachment));
      return FALSE;
    }

  if (!(local = sl_attachments_find (ledger, id, NULL, error)))
    return FALSE;
  if (g_ascii_strcasecmp (sl_attachment_get_sha256 (local), sum) != 0)
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_CONFLICT,
                   _("attachments[%u]: the ledger's attachment %s (%s) holds other bytes; an "
                     "attachment never changes: add the new file as an attachment of its own"),
                   i, id, sl_attachment_get_name (local));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_chain (Evidence     *evidence,
             const char   *label,
             GError      **error)
{
  const char *previous = NULL;

  for (guint i = 0; i < evidence->revisions->len; i++)
    {
      SlRevision *revision = g_ptr_array_index (evidence->revisions, i);
      g_autofree char *hash = sl_canonical_json_sha256 (revision->snapshot, -1);
      g_autofree char *chain = sl_evidence_chain (previous, revision->hash, revision->at,
                                                  revision->by, revision->reason);

      if (revision->revision != (int) i + 1 || !g_str_equal (hash, revision->hash) ||
          !g_str_equal (chain, revision->chain))
        {
          g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                       _("revisions[%u]: the revisions of the meeting “%s” do not match their "
                         "hash chain; the archive was edited after it was written"),
                       i, label);
          return FALSE;
        }
      previous = revision->chain;
    }

  return TRUE;
}

/* The file's revisions from @from on, as the file has them. */
static gboolean
insert_revisions (SlLedger   *ledger,
                  gint64      key,
                  Evidence   *evidence,
                  guint       from,
                  GError    **error)
{
  SlDatabase *database = sl_ledger_get_database (ledger);
  sqlite3_stmt *stmt;

  for (guint i = from; i < evidence->revisions->len; i++)
    {
      SlRevision *revision = g_ptr_array_index (evidence->revisions, i);

      if (!(stmt = sl_database_prepare (database,
                                        "INSERT INTO revisions (meeting_id, revision, made_at, made_by, "
                                        "  reason, hash, chain, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                        error)))
        return FALSE;
      sl_bind_key (stmt, 1, key);
      sqlite3_bind_int (stmt, 2, revision->revision);
      sl_bind_text (stmt, 3, revision->at);
      sl_bind_text (stmt, 4, revision->by);
      sqlite3_bind_text (stmt, 5, revision->reason, -1, SQLITE_TRANSIENT);
      sl_bind_text (stmt, 6, revision->hash);
      sl_bind_text (stmt, 7, revision->chain);
      sqlite3_bind_text (stmt, 8, revision->snapshot, -1, SQLITE_TRANSIENT);
      if (!sl_database_step_done (database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Whether the file's history of a meeting that the ledger has final
 * extends the ledger's: its first revisions are the ledger's (the same
 * chain), and the first one after them kept the content that the ledger
 * holds (its hash is the ledger's). The other desk then revised the
 * meeting from where this one stands, and its revisions, each with its
 * reason, author and time, are evidence as much as the ledger's own: a
 * merge keeps them rather than one revision of its own over them. */
static gboolean
extends_history (SlLedger   *ledger,
                 gint64      key,
                 Evidence   *evidence,
                 guint      *first_new,
                 GError    **error)
{
  g_autoptr(SlFinal) local = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  SlRevision *next;

  *first_new = 0;
  if (!sl_evidence_get_final (ledger, key, &local, error) ||
      !(revisions = sl_evidence_load_revisions (ledger, key, error)))
    return FALSE;
  if (local == NULL || evidence->revisions->len <= revisions->len)
    return TRUE;

  for (guint i = 0; i < revisions->len; i++)
    if (!g_str_equal (((SlRevision *) g_ptr_array_index (revisions, i))->chain,
                      ((SlRevision *) g_ptr_array_index (evidence->revisions, i))->chain))
      return TRUE;

  next = g_ptr_array_index (evidence->revisions, revisions->len);
  if (g_strcmp0 (next->hash, local->hash) == 0)
    *first_new = revisions->len + 1;
  return TRUE;
}

/* After extends_history(): the other desk's revisions, its finalisation
 * and the head of the chain (as record_revision() in sl-evidence.c). */
static gboolean
store_extension (SlLedger   *ledger,
                 SlMeeting  *meeting,
                 Evidence   *evidence,
                 guint       first_new,
                 GError    **error)
{
  SlDatabase *database = sl_ledger_get_database (ledger);
  gint64 key = sl_record_get_key (SL_RECORD (meeting));
  SlRevision *last = g_ptr_array_index (evidence->revisions, evidence->revisions->len - 1);
  sqlite3_stmt *stmt;

  if (!insert_revisions (ledger, key, evidence, first_new - 1, error))
    return FALSE;

  if (!(stmt = sl_database_prepare (database,
                                    "UPDATE meeting_finals SET hash = ?2, finalized_at = ?3, "
                                    "  finalized_by = ?4 WHERE meeting_id = ?1",
                                    error)))
    return FALSE;
  sl_bind_key (stmt, 1, key);
  sl_bind_text (stmt, 2, evidence->hash);
  sl_bind_text (stmt, 3, evidence->finalized_at);
  sl_bind_text (stmt, 4, evidence->finalized_by);
  if (!sl_database_step_done (database, stmt, error))
    return FALSE;

  return sl_evidence_set_revision_head (ledger, sl_record_get_id (SL_RECORD (meeting)),
                                       last->revision, last->chain, error);
}

static gboolean
store_final (SlLedger   *ledger,
             SlMeeting  *meeting,
             Evidence   *evidence,
             GError    **error)
{
  g_autoptr(SlMeeting) saved = NULL;
  g_autoptr(SlFinal) local = NULL;
  g_autofree char *form = NULL;
  g_autofree char *hash = NULL;
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  const char *title = sl_meeting_get_title (meeting);
  const char *label = title && *title ? title : id;
  SlDatabase *database = sl_ledger_get_database (ledger);
  sqlite3_stmt *stmt;
  gint64 key;

  if (!(saved = sl_ledger_load_meeting (ledger, id, error)) ||
      !(form = sl_evidence_hash_form (ledger, saved, FALSE, error)))
    return FALSE;
  key = sl_record_get_key (SL_RECORD (saved));

  hash = sl_canonical_json_sha256 (form, -1);
  if (!g_str_equal (hash, evidence->hash))
    {
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                   _("hash: the meeting “%s” (%s) is final, and its content does not match its "
                     "hash: it was changed after it was finalised, or the archive was edited"),
                   label, id);
      return FALSE;
    }

  /* Checked whether or not the ledger has the meeting already: a merge
   * of an edited history is refused as its import is. */
  if (!check_chain (evidence, label, error))
    return FALSE;

  if (!sl_evidence_get_final (ledger, key, &local, error))
    return FALSE;
  if (local != NULL)
    return TRUE;   /* the ledger's own history stands */

  if (!insert_revisions (ledger, key, evidence, 0, error))
    return FALSE;

  /* Its head recorded as for a revision made here, so that `check` finds
   * the last revisions of an imported meeting deleted too. */
  if (evidence->revisions->len > 0)
    {
      SlRevision *last = g_ptr_array_index (evidence->revisions, evidence->revisions->len - 1);

      if (!sl_evidence_set_revision_head (ledger, sl_record_get_id (SL_RECORD (saved)),
                                          last->revision, last->chain, error))
        return FALSE;
    }

  if (!(stmt = sl_database_prepare (database,
                                    "INSERT INTO meeting_finals (meeting_id, finalized_at, finalized_by, hash) "
                                    "VALUES (?, ?, ?, ?)",
                                    error)))
    return FALSE;
  sl_bind_key (stmt, 1, key);
  sl_bind_text (stmt, 2, evidence->finalized_at);
  sl_bind_text (stmt, 3, evidence->finalized_by);
  sl_bind_text (stmt, 4, evidence->hash);
  return sl_database_step_done (database, stmt, error);
}

/* Whether the meeting as the ledger now holds it (a merge may have kept
 * its speeches) has the speech @id: an attachment's speech is one of its
 * meeting's, as its measure is a measure. @saved: loaded once, kept. */
static gboolean
has_speech (SlLedger    *ledger,
            SlMeeting   *meeting,
            SlMeeting  **saved,
            const char  *id,
            GError     **error)
{
  GListModel *speeches;

  if (*saved == NULL &&
      !(*saved = sl_ledger_load_meeting (ledger, sl_record_get_id (SL_RECORD (meeting)), error)))
    return FALSE;

  speeches = sl_meeting_get_speeches (*saved);
  for (guint i = 0; i < g_list_model_get_n_items (speeches); i++)
    {
      g_autoptr(SlSpeech) speech = g_list_model_get_item (speeches, i);

      if (g_ascii_strcasecmp (id, sl_speech_get_id (speech) ? sl_speech_get_id (speech) : "") == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * sl_archive_evidence_end:
 *
 * After the meeting's rows are written: adds the attachments it does not
 * have yet, closes @change (a final meeting that changed needs the
 * merge's reason; a locked year refuses), then makes the meeting final
 * as the file says, once its hash is checked.
 */
gboolean
sl_archive_evidence_end (SlLedger         *ledger,
                         SlMeeting        *meeting,
                         SlMeetingChange  *change,
                         gboolean          ok,
                         gboolean          merge,
                         GError          **error)
{
  Evidence *evidence = g_object_get_data (G_OBJECT (meeting), EVIDENCE_KEY);
  guint first_new = 0;   /* 1 + the first of the file's revisions to keep */
  g_autoptr(SlMeeting) saved = NULL;

  for (guint i = 0; ok && evidence != NULL && i < evidence->attachments->len; i++)
    {
      SlAttachment *attachment = g_ptr_array_index (evidence->attachments, i);
      const char *id = sl_record_get_id (SL_RECORD (attachment));
      const char *measure = sl_attachment_get_measure (attachment);
      const char *speech = sl_attachment_get_speech (attachment);
      g_autofree Base64Source *source = NULL;

      if (measure != NULL && !sl_ledger_contains (ledger, SL_TYPE_MEASURE, measure))
        {
          g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                       _("attachments[%u].measure: no measure has the id %s"), i, measure);
          ok = FALSE;
        }
      else if (speech != NULL && !(ok = has_speech (ledger, meeting, &saved, speech, error)))
        {
          if (error == NULL || *error == NULL)
            g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                         _("attachments[%u].speech: no speech of this meeting has the id %s; "
                           "give the id of one of its speeches, or null"), i, speech);
        }
      else if (sl_attachments_exists (ledger, id))
        {
          /* Attachments never change: a merge keeps the ledger's. */
          if (!merge)
            {
              g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_CONFLICT,
                           _("attachments[%u].id: the ledger already has an attachment with the "
                             "id %s; use import-archive --merge to update existing records"),
                           i, id);
              ok = FALSE;
            }
          else
            ok = check_kept_attachment (ledger, evidence, i, error);
        }
      else
        {
          source = g_new0 (Base64Source, 1);
          source->text = g_ptr_array_index (evidence->data, i);
          source->spooled = g_ptr_array_index (evidence->spooled, i);
          source->length = source->spooled ? source->spooled->length : strlen (source->text);
          if (source->spooled != NULL)
            source->piece = g_malloc (65536);
          ok = sl_attachments_insert (ledger, sl_record_get_key (SL_RECORD (meeting)), attachment,
                                      decode_chunk, source, error);
          g_free (source->piece);
          if (!ok)
            g_prefix_error (error, "attachments[%u]: ", i);
        }
    }

  /* A merge changes a final meeting only with --reason, its measures'
   * progress too (ARCHIVE.md; docs/archive.md). */
  if (merge)
    sl_evidence_change_require_reason (change);

  /* The other desk's revisions that extend the ledger's history are kept
   * as they are, verified first, instead of a revision of the merge's. */
  if (ok && merge && evidence != NULL && evidence->final)
    {
      const char *title = sl_meeting_get_title (meeting);

      ok = check_chain (evidence, title && *title ? title : sl_record_get_id (SL_RECORD (meeting)),
                        error) &&
           extends_history (ledger, sl_record_get_key (SL_RECORD (meeting)), evidence,
                            &first_new, error);
      if (ok && first_new > 0)
        sl_evidence_change_skip_revision (change);
    }

  ok = sl_evidence_change_end (ledger, change, ok, ok ? error : NULL) && ok;

  if (ok && first_new > 0)
    ok = store_extension (ledger, meeting, evidence, first_new, error);

  if (ok && evidence != NULL && evidence->final)
    ok = store_final (ledger, meeting, evidence, error);

  return ok;
}
