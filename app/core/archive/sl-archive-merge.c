/* sl-archive-merge.c — import-archive --merge: keys left out keep their values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader (sl-archive-import.c) makes every record of a file as a new
 * object, with defaults for the keys the file leaves out. Saved as it is,
 * a merged record would set those columns to NULL and replace its guests
 * with none: a partial archive (a desk that keeps only some columns)
 * silently erased what the ledger held. So the reader notes which keys
 * each record leaves out (sl_archive_add_absent), and before a record that
 * the ledger already has is saved, those keys are filled in from the
 * ledger's own copy: an absent key keeps the local value, an explicit
 * null clears it, an absent list keeps the local rows and a present one
 * is saved as before (SL_SAVE_MERGE). A record the ledger does not have
 * keeps its defaults.
 *
 * The same comparison, of the record as the archive writes it before and
 * after the save, says what the merge changed (SlArchiveReport). A record
 * that equals the ledger's copy once filled in is not saved at all: a
 * merge of the ledger's own export raises no change count, writes no row
 * and adds no revision.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-archive-fields.h"
#include "sl-archive-merge.h"
#include "sl-archive-people.h"
#include "sl-attendance.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-guest.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-measure.h"

/* Absent keys ---------------------------------------------------------------- */

static G_DEFINE_QUARK (sl-archive-absent, absent)

void
sl_archive_add_absent (gpointer object,
                       guint64  bits)
{
  guint64 *mask;

  if (bits == 0)
    return;

  mask = g_object_get_qdata (object, absent_quark ());
  if (mask == NULL)
    {
      mask = g_new0 (guint64, 1);
      g_object_set_qdata_full (object, absent_quark (), mask, g_free);
    }
  *mask |= bits;
}

guint64
sl_archive_get_absent (gpointer object)
{
  guint64 *mask = g_object_get_qdata (object, absent_quark ());

  return mask ? *mask : 0;
}

static G_DEFINE_QUARK (sl-archive-missing, missing)

void
sl_archive_set_missing (gpointer    object,
                        const char *where)
{
  if (g_object_get_qdata (object, missing_quark ()) == NULL)
    g_object_set_qdata_full (object, missing_quark (), g_strdup (where), g_free);
}

const char *
sl_archive_get_missing (gpointer object)
{
  return g_object_get_qdata (object, missing_quark ());
}

/* Ids ------------------------------------------------------------------------ */

/**
 * sl_archive_canonical_id:
 *
 * The form in which ids are compared and stored: lower case (ARCHIVE.md,
 * version 2). A UUID written in upper case by another tool names the same
 * record.
 */
char *
sl_archive_canonical_id (const char *id)
{
  return id ? g_ascii_strdown (id, -1) : NULL;
}

/* Filling in ----------------------------------------------------------------- */

static void
fill_fields (GObject     *object,
             GObject     *local,
             const Field *fields,
             guint        n_fields,
             guint64      absent)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      const char *name;

      if (!(absent & (G_GUINT64_CONSTANT (1) << i)))
        continue;

      name = sl_archive_property_name (&fields[i]);
      g_object_get_property (local, name, &value);
      g_object_set_property (object, name, &value);
    }
}

static void
fill_makeup (SlAttendance *row,
             SlAttendance *local)
{
  sl_attendance_set_has_makeup (row, sl_attendance_get_has_makeup (local));
  sl_attendance_set_makeup_on (row, sl_attendance_get_makeup_on (local));
  sl_attendance_set_makeup_method (row, sl_attendance_get_makeup_method (local));
  sl_attendance_set_makeup_evidence (row, sl_attendance_get_makeup_evidence (local));
}

typedef const char *(*RowKey) (gpointer row);

static const char *
row_id (gpointer row)
{
  return sl_record_get_id (row);
}

static const char *
row_member (gpointer row)
{
  return sl_attendance_get_member (row);
}

/* A list the file leaves out takes the ledger's rows; in a list it has,
 * each row that the ledger has too (by @key) keeps the values of the keys
 * it leaves out. Rows without ids (guests, speeches) have no @key: the
 * file's list is the list, and fill_unkeyed_rows() finds each row's own. */
static void
fill_rows (GListModel  *rows,
           GListModel  *local,
           gboolean     list_absent,
           RowKey       key,
           const Field *fields,
           guint        n_fields)
{
  g_autoptr(GHashTable) by_key = NULL;
  guint n = g_list_model_get_n_items (local);

  if (list_absent)
    {
      g_list_store_remove_all (G_LIST_STORE (rows));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (local, i);
          g_list_store_append (G_LIST_STORE (rows), row);
        }
      return;
    }

  if (key == NULL || n == 0)
    return;

  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (local, i);
      if (key (row) != NULL)
        g_hash_table_insert (by_key, (gpointer) key (row), row);   /* held by @local */
    }

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      guint64 absent = sl_archive_get_absent (row);
      GObject *match;

      if (absent == 0 || key (row) == NULL ||
          !(match = g_hash_table_lookup (by_key, key (row))))
        continue;

      fill_fields (row, match, fields, n_fields, absent);
      if (SL_IS_ATTENDANCE (row) && (absent & SL_ABSENT_LIST (SL_LIST_MAKEUP)))
        fill_makeup (SL_ATTENDANCE (row), SL_ATTENDANCE (match));
    }
}

/* Guests have no id and speeches had none before version 2: a row of the
 * file is the ledger's row when it names the same person (a speech with an
 * id by its id), each local row taken once. Its absent keys (a guest's
 * unit, superior and remarks; a speech's kind and title) then keep the
 * ledger's values, as a keyed row's do. */
static gboolean
same_row (GObject *row,
          GObject *local)
{
  if (SL_IS_SPEECH (row))
    {
      const char *id = sl_speech_get_id (SL_SPEECH (row));

      if (id != NULL)
        return g_strcmp0 (id, sl_speech_get_id (SL_SPEECH (local))) == 0;
      return g_strcmp0 (sl_speech_get_speaker (SL_SPEECH (row)),
                        sl_speech_get_speaker (SL_SPEECH (local))) == 0 &&
             g_strcmp0 (sl_speech_get_speaker_name (SL_SPEECH (row)),
                        sl_speech_get_speaker_name (SL_SPEECH (local))) == 0;
    }
  return g_strcmp0 (sl_guest_get_name (SL_GUEST (row)), sl_guest_get_name (SL_GUEST (local))) == 0;
}

static void
fill_unkeyed_rows (GListModel  *rows,
                   GListModel  *local,
                   const Field *fields,
                   guint        n_fields)
{
  guint n = g_list_model_get_n_items (local);
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      guint64 absent = sl_archive_get_absent (row);

      if (absent == 0)
        continue;
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GObject) match = g_list_model_get_item (local, j);

          if (taken[j] || !same_row (row, match))
            continue;
          taken[j] = TRUE;
          fill_fields (row, match, fields, n_fields, absent);
          break;
        }
    }
}

#define FILL(object, local, fields, absent) \
  fill_fields (G_OBJECT (object), G_OBJECT (local), fields, G_N_ELEMENTS (fields), absent)

static void
fill_record (gpointer record,
             gpointer local)
{
  guint64 absent = sl_archive_get_absent (record);

  if (SL_IS_ORGANIZATION (record))
    FILL (record, local, organization_fields, absent);
  else if (SL_IS_MEMBER (record))
    FILL (record, local, member_fields, absent);
  else if (SL_IS_RESEARCH_TOPIC (record))
    FILL (record, local, research_topic_fields, absent);
  else if (sl_archive_people_kind_of (record) != NULL)
    {
      const SlArchivePeopleKind *kind = sl_archive_people_kind_of (record);
      fill_fields (G_OBJECT (record), G_OBJECT (local), kind->fields, kind->n_fields, absent);
    }
  else if (SL_IS_PLAN (record))
    {
      FILL (record, local, plan_fields, absent);
      fill_rows (sl_plan_get_items (record), sl_plan_get_items (local),
                 (absent & SL_ABSENT_LIST (SL_LIST_ITEMS)) != 0, row_id,
                 plan_item_fields, G_N_ELEMENTS (plan_item_fields));
    }
  else if (SL_IS_MEETING (record))
    {
      SlMeeting *meeting = record, *other = local;

      FILL (record, local, meeting_fields, absent);
      fill_rows (sl_meeting_get_studies (meeting), sl_meeting_get_studies (other),
                 (absent & SL_ABSENT_LIST (SL_LIST_STUDIES)) != 0, row_id,
                 study_fields, G_N_ELEMENTS (study_fields));
      fill_rows (sl_meeting_get_attendance (meeting), sl_meeting_get_attendance (other),
                 (absent & SL_ABSENT_LIST (SL_LIST_ATTENDANCE)) != 0, row_member,
                 attendance_fields, G_N_ELEMENTS (attendance_fields));
      fill_rows (sl_meeting_get_guests (meeting), sl_meeting_get_guests (other),
                 (absent & SL_ABSENT_LIST (SL_LIST_GUESTS)) != 0, NULL, NULL, 0);
      if (!(absent & SL_ABSENT_LIST (SL_LIST_GUESTS)))
        fill_unkeyed_rows (sl_meeting_get_guests (meeting), sl_meeting_get_guests (other),
                           guest_fields, G_N_ELEMENTS (guest_fields));
      fill_rows (sl_meeting_get_speeches (meeting), sl_meeting_get_speeches (other),
                 (absent & SL_ABSENT_LIST (SL_LIST_SPEECHES)) != 0, NULL, NULL, 0);
      if (!(absent & SL_ABSENT_LIST (SL_LIST_SPEECHES)))
        fill_unkeyed_rows (sl_meeting_get_speeches (meeting), sl_meeting_get_speeches (other),
                           speech_fields, G_N_ELEMENTS (speech_fields));
      fill_rows (sl_meeting_get_measures (meeting), sl_meeting_get_measures (other),
                 (absent & SL_ABSENT_LIST (SL_LIST_MEASURES)) != 0, row_id,
                 measure_fields, G_N_ELEMENTS (measure_fields));
      if (absent & SL_ABSENT_LIST (SL_LIST_SESSION_PLAN))
        sl_meeting_set_session_plan (meeting, sl_meeting_get_session_plan (other));
    }
  else
    g_assert_not_reached ();
}

#undef FILL

/* The keys that @record leaves out, taken from @local, the ledger's copy. */
void
sl_archive_fill_from (gpointer record,
                      gpointer local)
{
  fill_record (record, local);
}

/* The report ----------------------------------------------------------------- */

void
sl_archive_report_init (SlArchiveReport *report)
{
  memset (report, 0, sizeof *report);
  report->changes = g_ptr_array_new_with_free_func (g_free);
}

static void
change_free (SlArchiveChange *change)
{
  g_free (change->id);
  g_free (change->label);
  g_free (change->fields);
  g_free (change);
}

void
sl_archive_report_clear (SlArchiveReport *report)
{
  if (report->changes != NULL)
    {
      for (guint i = 0; i < report->changes->len; i++)
        change_free (g_ptr_array_index (report->changes, i));
      g_ptr_array_set_free_func (report->changes, NULL);
    }
  g_clear_pointer (&report->changes, g_ptr_array_unref);
  report->added = report->changed = report->unchanged = 0;
}

static const char *
record_code (gpointer record)
{
  if (SL_IS_ORGANIZATION (record))   return "organization";
  if (SL_IS_MEMBER (record))         return "member";
  if (SL_IS_PLAN (record))           return "plan";
  if (SL_IS_MEETING (record))        return "meeting";
  if (SL_IS_RESEARCH_TOPIC (record)) return "research_topic";
  if (sl_archive_people_kind_of (record) != NULL)
    return sl_archive_people_kind_of (record)->code;
  g_assert_not_reached ();
}

static const char *
record_noun (const char *code)
{
  if (g_str_equal (code, "organization")) return _("organization");
  if (g_str_equal (code, "member"))       return _("member");
  if (g_str_equal (code, "plan"))         return _("plan");
  if (g_str_equal (code, "meeting"))      return _("meeting");
  if (sl_archive_people_noun (code) != NULL)
    return sl_archive_people_noun (code);
  return _("research topic");
}

/* Its name or title: what a person recognises it by. */
static char *
record_label (gpointer record)
{
  const char *property = SL_IS_ORGANIZATION (record) || SL_IS_MEMBER (record) ? "name" : "title";
  char *label = NULL;

  if (sl_archive_people_kind_of (record) != NULL)
    return sl_archive_people_label (record);

  g_object_get (record, property, &label, NULL);
  if ((label == NULL || *label == '\0') && SL_IS_MEETING (record))
    {
      g_free (label);
      label = g_strdup (sl_meeting_get_date (record));
    }

  return label;
}

/* The keys of @after whose values differ in @before, ", " between them. */
static char *
changed_keys (JsonNode *before,
              JsonNode *after)
{
  JsonObject *old = json_node_get_object (before);
  JsonObject *now = json_node_get_object (after);
  g_autoptr(GList) keys = json_object_get_members (now);
  GString *out = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *was = json_object_get_member (old, key);

      if (g_str_equal (key, "id") ||
          (was != NULL && json_node_equal (was, json_object_get_member (now, key))))
        continue;

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, key);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static void
report_record (SlArchiveReport *report,
               gpointer         record,
               gboolean         added,
               char            *fields)   /* taken */
{
  SlArchiveChange *change;

  if (!added && fields == NULL)
    {
      report->unchanged++;
      return;
    }

  change = g_new0 (SlArchiveChange, 1);
  change->added = added;
  change->record = record_code (record);
  change->id = g_strdup (sl_record_get_id (record));
  change->label = record_label (record);
  change->fields = fields;
  g_ptr_array_add (report->changes, change);

  if (added)
    report->added++;
  else
    report->changed++;
}

/**
 * sl_archive_report_format:
 * @name: the archive's file name
 * @dry_run: whether nothing was written
 *
 * What a merge added and changed, a line each, and a line of counts: the
 * summary that `import-archive --merge` prints, with --dry-run or without.
 */
char *
sl_archive_report_format (const SlArchiveReport *report,
                          const char            *name,
                          gboolean               dry_run)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; report->changes != NULL && i < report->changes->len; i++)
    {
      const SlArchiveChange *change = g_ptr_array_index (report->changes, i);
      gboolean titled = !g_str_equal (change->record, "organization") &&
                        !g_str_equal (change->record, "member");

      /* TRANSLATORS: "added meeting <id>" or "changed meeting <id>"; the
       * title, and for a change the keys that change, follow. */
      g_string_append_printf (out, change->added ? _("added %s %s") : _("changed %s %s"),
                              record_noun (change->record), change->id);
      if (change->label != NULL && *change->label != '\0')
        g_string_append_printf (out, titled ? " 《%s》" : " %s", change->label);
      if (change->fields != NULL)
        g_string_append_printf (out, ": %s", change->fields);
      g_string_append_c (out, '\n');
    }

  if (dry_run)
    g_string_append_printf (out, _("Dry run, nothing written: merging %s would add %u records, "
                                   "change %u and leave %u as they are\n"),
                            name, report->added, report->changed, report->unchanged);
  else
    g_string_append_printf (out, _("Merged %s: %u records added, %u changed, "
                                   "%u left as they were\n"),
                            name, report->added, report->changed, report->unchanged);

  return g_string_free (out, FALSE);
}

/* Saving --------------------------------------------------------------------- */

/* What a meeting's evidence is, to say whether a merge changed it: its
 * state, how many revisions and attachments it has. */
typedef struct
{
  gboolean final;
  gint64   revisions;
  gint64   attachments;
} EvidenceState;

static gboolean
evidence_state (SlLedger       *ledger,
                const char     *meeting_id,
                EvidenceState  *state,
                GError        **error)
{
  SlDatabase *database = sl_ledger_get_database (ledger);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sl_database_prepare (database,
                              "SELECT EXISTS (SELECT 1 FROM meeting_finals f WHERE f.meeting_id = m.id), "
                              "  (SELECT count(*) FROM revisions r WHERE r.meeting_id = m.id), "
                              "  (SELECT count(*) FROM attachments a WHERE a.meeting_id = m.id) "
                              "FROM meetings m WHERE m.uuid = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_bind_text (stmt, 1, meeting_id);
  memset (state, 0, sizeof *state);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->final = sqlite3_column_int (stmt, 0);
      state->revisions = sqlite3_column_int64 (stmt, 1);
      state->attachments = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sl_database_set_error (database, rc, error);
  return TRUE;
}

/* @fields (taken) with the evidence keys that differ between @before and
 * @after added: a merge that only finalises a meeting, or brings its
 * attachments or revisions, changes it too. */
static char *
add_evidence_keys (char                *fields,
                   const EvidenceState *before,
                   const EvidenceState *after)
{
  GString *out = g_string_new (fields);

  g_free (fields);
  if (before->final != after->final)
    g_string_append (out, out->len ? ", state" : "state");
  if (before->revisions != after->revisions)
    g_string_append (out, out->len ? ", revisions" : "revisions");
  if (before->attachments != after->attachments)
    g_string_append (out, out->len ? ", attachments" : "attachments");

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

struct _SlArchiveMerger
{
  SlLedger        *ledger;
  SlArchiveReport *report;
  /* A meeting saved over the ledger's copy, reported once its evidence
   * is stored too (sl_archive_merger_end_meeting). */
  SlMeeting       *meeting;
  char            *meeting_fields;
  EvidenceState    meeting_before;
  GHashTable      *plans;    /* id → SlPlan of the ledger, loaded at the first plan */
  GHashTable      *topics;   /* id → SlResearchTopic, likewise */
  GHashTable      *people;   /* id → a record of version 2's arrays, likewise */
};

SlArchiveMerger *
sl_archive_merger_new (SlLedger        *ledger,
                       SlArchiveReport *report)
{
  SlArchiveMerger *self = g_new0 (SlArchiveMerger, 1);

  self->ledger = g_object_ref (ledger);
  self->report = report;
  return self;
}

void
sl_archive_merger_free (SlArchiveMerger *self)
{
  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->topics, g_hash_table_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->meeting_fields, g_free);
  g_clear_object (&self->ledger);
  g_free (self);
}

static GHashTable *
by_id (GPtrArray *records)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < records->len; i++)
    {
      SlRecord *record = g_ptr_array_index (records, i);
      g_hash_table_insert (table, (gpointer) sl_record_get_id (record), g_object_ref (record));
    }

  return table;
}

/* The ledger's copy of @record, a reference; NULL, without an error, when
 * the record is new. */
static gpointer
find_local (SlArchiveMerger  *self,
            gpointer          record,
            GError          **error)
{
  const char *id = sl_record_get_id (record);
  gpointer found = NULL;

  if (SL_IS_ORGANIZATION (record))
    found = sl_ledger_find_organization (self->ledger, id);
  else if (SL_IS_MEMBER (record))
    found = sl_ledger_find_member (self->ledger, id);
  else if (SL_IS_MEETING (record))
    {
      if (!sl_ledger_contains (self->ledger, SL_TYPE_MEETING, id))
        return NULL;
      return sl_ledger_load_meeting (self->ledger, id, error);
    }
  else if (SL_IS_PLAN (record))
    {
      if (self->plans == NULL)
        {
          g_autoptr(GPtrArray) plans = sl_ledger_load_plans (self->ledger, 0, error);
          if (plans == NULL)
            return NULL;
          self->plans = by_id (plans);
        }
      found = g_hash_table_lookup (self->plans, id);
    }
  else if (SL_IS_RESEARCH_TOPIC (record))
    {
      if (self->topics == NULL)
        {
          g_autoptr(GPtrArray) topics = sl_ledger_load_research_topics (self->ledger, 0, error);
          if (topics == NULL)
            return NULL;
          self->topics = by_id (topics);
        }
      found = g_hash_table_lookup (self->topics, id);
    }
  else if (sl_archive_people_kind_of (record) != NULL)
    {
      if (self->people == NULL && !(self->people = sl_archive_people_index (self->ledger, error)))
        return NULL;
      found = g_hash_table_lookup (self->people, id);
      /* Only a record of the same kind is its copy: the save then refuses
       * the id (UNIQUE per table would let two kinds share it). */
      if (found != NULL && G_OBJECT_TYPE (found) != G_OBJECT_TYPE (record))
        found = NULL;
    }

  return found ? g_object_ref (found) : NULL;
}

/* The record as the ledger holds it after the save: a plan's items and a
 * meeting's rows may include rows that the file did not name. */
static JsonNode *
saved_node (SlArchiveMerger  *self,
            gpointer          record,
            GError          **error)
{
  const char *id = sl_record_get_id (record);

  if (SL_IS_MEETING (record))
    {
      g_autoptr(SlMeeting) saved = sl_ledger_load_meeting (self->ledger, id, error);
      return saved ? sl_archive_record_to_node (saved) : NULL;
    }

  if (SL_IS_PLAN (record))
    {
      g_autoptr(GPtrArray) plans = sl_ledger_load_plans (self->ledger, sl_plan_get_year (record), error);

      for (guint i = 0; plans != NULL && i < plans->len; i++)
        if (g_str_equal (sl_record_get_id (g_ptr_array_index (plans, i)), id))
          return sl_archive_record_to_node (g_ptr_array_index (plans, i));
      if (plans != NULL)
        return sl_archive_record_to_node (record);
      return NULL;
    }

  return sl_archive_record_to_node (record);
}

static gboolean
save (SlArchiveMerger  *self,
      gpointer          record,
      SlSaveFlags       flags,
      GError          **error)
{
  if (SL_IS_ORGANIZATION (record))
    return sl_ledger_save_organization (self->ledger, record, error);
  if (SL_IS_MEMBER (record))
    return sl_ledger_save_member (self->ledger, record, error);
  if (SL_IS_PLAN (record))
    return sl_ledger_save_plan (self->ledger, record, flags, error);
  if (SL_IS_MEETING (record))
    return sl_ledger_save_meeting (self->ledger, record, flags, error);
  if (SL_IS_RESEARCH_TOPIC (record))
    return sl_ledger_save_research_topic (self->ledger, record, error);
  if (sl_archive_people_kind_of (record) != NULL)
    return sl_archive_people_save (self->ledger, record, error);
  g_assert_not_reached ();
}

/**
 * sl_archive_merger_save:
 *
 * Saves one record of a merged file (flags as for sl_ledger_save_meeting(),
 * with SL_SAVE_MERGE): over the ledger's copy, if it has one, with the
 * keys that the file leaves out taken from that copy; and notes in the
 * report whether it was added, changed (and which keys) or left as it was.
 */
gboolean
sl_archive_merger_save (SlArchiveMerger  *self,
                        gpointer          record,
                        SlSaveFlags       flags,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) local = find_local (self, record, &local_error);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (local == NULL && sl_archive_get_missing (record) != NULL)
    {
      /* Only the ledger's copy could have given it. */
      g_set_error (error, SL_ARCHIVE_ERROR, SL_ARCHIVE_ERROR_INVALID,
                   _("%s: is required and missing (the ledger has no record with the id %s "
                     "to take it from)"),
                   sl_archive_get_missing (record), sl_record_get_id (record));
      return FALSE;
    }

  if (local != NULL)
    {
      /* Before the save, which may update the ledger's live object. */
      before = sl_archive_record_to_node (local);
      if (self->report != NULL && SL_IS_MEETING (record))
        {
          g_clear_object (&self->meeting);
          g_clear_pointer (&self->meeting_fields, g_free);
          if (!evidence_state (self->ledger, sl_record_get_id (record), &self->meeting_before, error))
            return FALSE;
        }
      fill_record (record, local);

      /* The record as the ledger holds it: not written at all. A save
       * would raise its change count (a window holding it would then see
       * a change that is none) and write its rows again under new keys. */
      after = sl_archive_record_to_node (record);
      if (json_node_equal (before, after))
        {
          /* What comes after it (its evidence, its attachments) refers
           * to the ledger's row, as after a save over it. */
          sl_record_set_key (SL_RECORD (record), sl_record_get_key (SL_RECORD (local)));
          if (self->report != NULL && SL_IS_MEETING (record))
            {
              /* Its rows stay; its evidence may still change, and is
               * reported with it (sl_archive_merger_end_meeting). */
              self->meeting = g_object_ref (record);
              return TRUE;
            }
          if (self->report != NULL)
            report_record (self->report, record, FALSE, NULL);
          return TRUE;
        }
      g_clear_pointer (&after, json_node_unref);
    }

  if (!save (self, record, flags, error))
    return FALSE;

  if (self->report == NULL)
    return TRUE;

  if (local == NULL)
    {
      report_record (self->report, record, TRUE, NULL);
      return TRUE;
    }

  if (!(after = saved_node (self, record, error)))
    return FALSE;

  if (SL_IS_MEETING (record))
    {
      /* Its evidence is stored after its rows: reported then. */
      self->meeting = g_object_ref (record);
      self->meeting_fields = changed_keys (before, after);
      return TRUE;
    }

  report_record (self->report, record, FALSE, changed_keys (before, after));
  return TRUE;
}

/**
 * sl_archive_merger_end_meeting:
 *
 * After a merged meeting's evidence (state, revisions, attachments) is
 * stored: reports it as changed when its rows or its evidence changed.
 */
gboolean
sl_archive_merger_end_meeting (SlArchiveMerger  *self,
                               gpointer          record,
                               GError          **error)
{
  EvidenceState after;

  if (self->report == NULL || self->meeting != record)
    return TRUE;   /* a new meeting, reported as added */

  g_clear_object (&self->meeting);
  if (!evidence_state (self->ledger, sl_record_get_id (record), &after, error))
    return FALSE;

  report_record (self->report, record, FALSE,
                 add_evidence_keys (g_steal_pointer (&self->meeting_fields),
                                    &self->meeting_before, &after));
  return TRUE;
}

/* Merging a file ------------------------------------------------------------ */

/**
 * sl_archive_merge_data:
 * @dry_run: merge, then roll everything back: the ledger is left as it was
 * @report: (nullable): filled with what was (or would be) added and changed
 *
 * `import-archive --merge [--dry-run]` of an archive held in memory. Keys
 * that a record of the file leaves out keep the ledger's values; lists it
 * leaves out keep the ledger's rows.
 */
gboolean
sl_archive_merge_data (SlLedger         *ledger,
                       const char       *data,
                       gsize             length,
                       const char       *name,
                       gboolean          dry_run,
                       SlArchiveCounts  *counts,
                       SlArchiveReport  *report,
                       GError          **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (report == NULL || report->changes != NULL, FALSE);

  return sl_archive_read_in (ledger, data, length, name, TRUE, dry_run, report, counts, error);
}

gboolean
sl_archive_merge (SlLedger         *ledger,
                  const char       *path,
                  gboolean          dry_run,
                  SlArchiveCounts  *counts,
                  SlArchiveReport  *report,
                  GError          **error)
{
  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);
  g_return_val_if_fail (report == NULL || report->changes != NULL, FALSE);

  return sl_archive_read_file (ledger, path, TRUE, dry_run, report, counts, error);
}
