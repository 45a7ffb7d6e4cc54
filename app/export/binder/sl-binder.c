/* sl-binder.c — the year's binder (年度学习档案): what goes in it, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binder is one ordered table of sections (sections[] below: adding a
 * section is one line and its collector); each section holds entries (a
 * meeting, listed in the contents, or the section's documents) and each
 * entry its parts (a document, an attachment). The pages are the
 * documents' own renderers (pages/), bound with continuous numbers by
 * sl-binder-pdf.c; sl-binder-zip.c packs the same parts as files.
 *
 * The same ledger gives the same bytes: the documents' 制表 date is the
 * ledger's last change (sl_ledger_query_last_change()), never the clock.
 */

#define G_LOG_DOMAIN "sl-binder"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-binder.h"
#include "sl-binder-pages.h"
#include "sl-attachment.h"
#include "sl-attachments.h"
#include "sl-document-pages.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-ledger-changes.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-research-topic.h"
#include "sl-table.h"
#include "sl-table-pages.h"
#include "sl-wording.h"

typedef gboolean (*Collect) (SlBinder         *self,
                             SlBinderSection  *section,
                             GPtrArray        *meetings,
                             GError          **error);

/* Whether @entry already has a part called @name. */
static gboolean
part_named (SlBinderEntry *entry,
            const char    *name)
{
  for (guint i = 0; i < entry->parts->len; i++)
    if (g_strcmp0 (((SlBinderPart *) g_ptr_array_index (entry->parts, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean collect_plan          (SlBinder *, SlBinderSection *, GPtrArray *, GError **);
static gboolean collect_central_group (SlBinder *, SlBinderSection *, GPtrArray *, GError **);
static gboolean collect_party_group   (SlBinder *, SlBinderSection *, GPtrArray *, GError **);
static gboolean collect_special       (SlBinder *, SlBinderSection *, GPtrArray *, GError **);
static gboolean collect_ledgers       (SlBinder *, SlBinderSection *, GPtrArray *, GError **);
static gboolean collect_research      (SlBinder *, SlBinderSection *, GPtrArray *, GError **);
static gboolean collect_report        (SlBinder *, SlBinderSection *, GPtrArray *, GError **);

/* The binder's order (issue 13): its title in the contents and the
 * bookmarks, its folder in the ZIP, and what goes in it. */
static const struct
{
  const char *title;
  const char *folder;
  Collect     collect;
} sections[] = {
  { "学习计划",                 "学习计划",     collect_plan },
  { "理论学习中心组集体学习",   "中心组学习",   collect_central_group },
  { "党组会议第一议题学习",     "第一议题学习", collect_party_group },
  { "意识形态和形势分析研判",   "意识形态和形势分析", collect_special },
  { "学习台账",                 "学习台账",     collect_ledgers },
  { "调研课题",                 "调研课题",     collect_research },
  { "年度学习情况统计",         "年度统计",     collect_report },
};

static const char * const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

/* Parts, entries, sections ------------------------------------------------ */

static void
part_free (gpointer data)
{
  SlBinderPart *part = data;

  g_free (part->meeting);
  g_free (part->media_type);
  g_free (part->attachment_kind);
  g_free (part->name);
  g_free (part);
}

static void
entry_free (gpointer data)
{
  SlBinderEntry *entry = data;

  g_free (entry->title);
  g_free (entry->folder);
  g_ptr_array_unref (entry->parts);
  g_free (entry);
}

static void
section_free (gpointer data)
{
  SlBinderSection *section = data;

  g_free (section->title);
  g_free (section->folder);
  g_ptr_array_unref (section->entries);
  g_free (section);
}

static SlBinderEntry *
add_entry (SlBinderSection *section,
           const char      *title,
           const char      *folder)
{
  SlBinderEntry *entry = g_new0 (SlBinderEntry, 1);

  entry->title = g_strdup (title);
  entry->folder = g_strdup (folder);
  entry->parts = g_ptr_array_new_with_free_func (part_free);
  g_ptr_array_add (section->entries, entry);
  return entry;
}

static SlBinderPart *
add_document (SlBinderEntry  *entry,
              SlDocumentKind  kind,
              const char     *meeting,
              const char     *name,
              gboolean        xlsx)
{
  SlBinderPart *part = g_new0 (SlBinderPart, 1);

  part->kind = SL_BINDER_PART_DOCUMENT;
  part->document = kind;
  part->meeting = g_strdup (meeting);
  part->name = g_strdup (name);
  part->xlsx = xlsx;
  g_ptr_array_add (entry->parts, part);
  return part;
}

/* The longest name an attachment keeps in the ZIP, in characters and in
 * bytes: Explorer and unzip refuse long paths (Windows' 260 characters
 * for the whole path, Linux's 255 bytes for a name), and the folders
 * above it take about 40 characters. */
#define NAME_MAX_CHARS 80
#define NAME_MAX_BYTES 200

static gboolean
is_reserved_on_windows (const char *name)
{
  static const char * const devices[] = { "CON", "PRN", "AUX", "NUL" };
  const char *dot = strchr (name, '.');
  g_autofree char *stem = g_ascii_strup (name, dot != NULL ? dot - name : -1);

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (g_str_equal (stem, devices[i]))
      return TRUE;

  return strlen (stem) == 4 && (g_str_has_prefix (stem, "COM") || g_str_has_prefix (stem, "LPT")) &&
         stem[3] >= '1' && stem[3] <= '9';
}

/* A file name for the ZIP that every system can unpack: the characters
 * Windows refuses become “_”; no spaces or dots at either end (Windows
 * drops them), no device name (CON, LPT1), not too long (the stem is cut,
 * the extension kept). */
static char *
safe_name (const char *name)
{
  GString *safe = g_string_new (NULL);
  const char *dot;
  g_autofree char *extension = NULL;

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (safe, '_');
      else
        g_string_append_unichar (safe, c);
    }

  g_strstrip (safe->str);
  g_string_set_size (safe, strlen (safe->str));
  while (safe->len > 0 && safe->str[safe->len - 1] == '.')
    g_string_truncate (safe, safe->len - 1);
  while (safe->len > 0 && safe->str[0] == '.')
    g_string_erase (safe, 0, 1);

  if (safe->len == 0)
    g_string_assign (safe, "附件");
  if (is_reserved_on_windows (safe->str))
    g_string_prepend_c (safe, '_');

  /* Cut the stem at a character, keep a short extension. */
  dot = strrchr (safe->str, '.');
  if (dot != NULL && dot != safe->str && g_utf8_strlen (dot, -1) <= 10)
    {
      extension = g_strdup (dot);
      g_string_truncate (safe, dot - safe->str);
    }
  else
    extension = g_strdup ("");
  {
    glong room = NAME_MAX_CHARS - g_utf8_strlen (extension, -1);
    gsize bytes = NAME_MAX_BYTES - strlen (extension);
    const char *end = safe->str;

    for (glong n = 0; *end != '\0' && n < room; n++)
      {
        const char *next = g_utf8_next_char (end);

        if ((gsize) (next - safe->str) > bytes)
          break;
        end = next;
      }
    g_string_truncate (safe, end - safe->str);
  }
  g_string_append (safe, extension);

  return g_string_free (safe, FALSE);
}

static gboolean
is_draft (SlBinder  *self,
          SlMeeting *meeting)
{
  g_autoptr(SlFinal) final = NULL;

  return !sl_evidence_get_final (self->ledger, sl_record_get_key (SL_RECORD (meeting)),
                                 &final, NULL) || final == NULL;
}

/* A meeting's entry: its line in the contents (marked 草稿 until final),
 * its folder in the ZIP, then its documents and attachments. */
static gboolean
add_meeting (SlBinder        *self,
             SlBinderSection *section,
             SlMeeting       *meeting,
             const char      *folder_name,
             GError         **error)
{
  g_autofree char *name = sl_wording_meeting_name (meeting);
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  const char *id = sl_record_get_id (SL_RECORD (meeting));
  SlBinderEntry *entry;

  title = g_strdup_printf ("%s %s%s", sl_meeting_get_date (meeting), name,
                           is_draft (self, meeting) ? "（草稿）" : "");
  folder = g_strdup_printf ("%s-%s", sl_meeting_get_date (meeting), folder_name);

  /* Two meetings of a day with the same folder name: the second gets “-2”. */
  for (guint n = 2;; n++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < section->entries->len && !taken; i++)
        taken = g_strcmp0 (((SlBinderEntry *) g_ptr_array_index (section->entries, i))->folder,
                           folder) == 0;
      if (!taken)
        break;
      g_free (folder);
      folder = g_strdup_printf ("%s-%s-%u", sl_meeting_get_date (meeting), folder_name, n);
    }

  entry = add_entry (section, title, folder);

  if (sl_meeting_get_kind (meeting) == SL_MEETING_KIND_CENTRAL_GROUP)
    {
      add_document (entry, SL_DOCUMENT_SESSION_PLAN, id, "学习方案.pdf", FALSE);
      add_document (entry, SL_DOCUMENT_MINUTES, id, "会议记录.pdf", FALSE);
      add_document (entry, SL_DOCUMENT_SIGN_IN, id, "签到表.pdf", FALSE);
    }
  else
    add_document (entry, SL_DOCUMENT_MINUTES, id, "会议记录.pdf", FALSE);

  attachments = sl_attachments_load (self->ledger, sl_record_get_key (SL_RECORD (meeting)), error);
  if (attachments == NULL)
    return FALSE;

  for (guint i = 0; i < attachments->len; i++)
    {
      SlAttachment *attachment = g_ptr_array_index (attachments, i);
      SlBinderPart *part = g_new0 (SlBinderPart, 1);
      g_autofree char *safe = safe_name (sl_attachment_get_name (attachment));

      part->kind = SL_BINDER_PART_ATTACHMENT;
      part->attachment = sl_record_get_key (SL_RECORD (attachment));
      part->media_type = g_strdup (sl_attachment_get_media_type (attachment));
      part->attachment_kind = g_strdup (sl_attachment_get_kind (attachment));
      /* Under its own name, as attached; a second of the same name in
       * this meeting gets " (2)" before its extension. */
      part->name = g_strconcat ("附件/", safe, NULL);
      for (guint n = 2; part_named (entry, part->name); n++)
        {
          const char *dot = strrchr (safe, '.');
          g_autofree char *stem = dot && dot != safe ? g_strndup (safe, dot - safe) : g_strdup (safe);

          g_free (part->name);
          part->name = g_strdup_printf ("附件/%s (%u)%s", stem, n, dot && dot != safe ? dot : "");
        }
      g_ptr_array_add (entry->parts, part);
    }

  return TRUE;
}

static gboolean
collect_meetings (SlBinder         *self,
                  SlBinderSection  *section,
                  GPtrArray        *meetings,
                  SlMeetingKind     kind,
                  SlMeetingKind     also,
                  GError          **error)
{
  guint n = 0;

  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);
      SlMeetingKind each = sl_meeting_get_kind (meeting);
      g_autofree char *folder = NULL;

      if (each != kind && each != also)
        continue;

      n++;
      if (each == SL_MEETING_KIND_CENTRAL_GROUP)
        folder = g_strdup_printf ("第%d次集体学习",
                                  sl_meeting_get_sequence (meeting) > 0
                                  ? sl_meeting_get_sequence (meeting) : (int) n);
      else
        folder = g_strdup (sl_wording_meeting_kind (each));

      if (!add_meeting (self, section, meeting, folder, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
collect_plan (SlBinder         *self,
              SlBinderSection  *section,
              GPtrArray        *meetings,
              GError          **error)
{
  g_autoptr(GPtrArray) plans = sl_ledger_load_plans (self->ledger, self->year, error);
  SlBinderEntry *entry;

  if (plans == NULL)
    return FALSE;

  for (guint i = 0; i < plans->len; i++)
    {
      SlPlan *plan = g_ptr_array_index (plans, i);

      if (self->organization != NULL &&
          g_strcmp0 (sl_plan_get_organization (plan), self->organization) != 0)
        continue;

      entry = add_entry (section, NULL, NULL);
      add_document (entry, SL_DOCUMENT_PLAN, NULL, "年度学习计划.pdf", TRUE);
      break;
    }

  return TRUE;
}

static gboolean
collect_central_group (SlBinder         *self,
                       SlBinderSection  *section,
                       GPtrArray        *meetings,
                       GError          **error)
{
  return collect_meetings (self, section, meetings, SL_MEETING_KIND_CENTRAL_GROUP,
                           SL_MEETING_KIND_CENTRAL_GROUP, error);
}

static gboolean
collect_party_group (SlBinder         *self,
                     SlBinderSection  *section,
                     GPtrArray        *meetings,
                     GError          **error)
{
  return collect_meetings (self, section, meetings, SL_MEETING_KIND_PARTY_GROUP,
                           SL_MEETING_KIND_PARTY_GROUP, error);
}

static gboolean
collect_special (SlBinder         *self,
                 SlBinderSection  *section,
                 GPtrArray        *meetings,
                 GError          **error)
{
  return collect_meetings (self, section, meetings, SL_MEETING_KIND_IDEOLOGY,
                           SL_MEETING_KIND_SITUATION_ANALYSIS, error);
}

static gboolean
collect_ledgers (SlBinder         *self,
                 SlBinderSection  *section,
                 GPtrArray        *meetings,
                 GError          **error)
{
  static const SlDocumentKind kinds[] = {
    SL_DOCUMENT_FIRST_TOPIC_LEDGER, SL_DOCUMENT_CENTRAL_GROUP_LEDGER,
    SL_DOCUMENT_MEETINGS_LEDGER, SL_DOCUMENT_ATTENDANCE, SL_DOCUMENT_MEASURES,
  };
  SlBinderEntry *entry = add_entry (section, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u-%s.pdf", i + 1,
                                               sl_wording_document_name (kinds[i]));
      add_document (entry, kinds[i], NULL, name, TRUE);
    }

  return TRUE;
}

static gboolean
collect_research (SlBinder         *self,
                  SlBinderSection  *section,
                  GPtrArray        *meetings,
                  GError          **error)
{
  g_autoptr(GPtrArray) topics = sl_ledger_load_research_topics (self->ledger, self->year, error);
  SlBinderPart *part;

  if (topics == NULL)
    return FALSE;

  for (guint i = 0; i < topics->len; i++)
    {
      SlResearchTopic *topic = g_ptr_array_index (topics, i);

      if (self->organization == NULL ||
          g_strcmp0 (sl_research_topic_get_organization (topic), self->organization) == 0)
        {
          part = add_document (add_entry (section, NULL, NULL), 0, NULL, "调研课题.pdf", TRUE);
          part->kind = SL_BINDER_PART_RESEARCH;
          break;
        }
    }

  return TRUE;
}

static gboolean
collect_report (SlBinder         *self,
                SlBinderSection  *section,
                GPtrArray        *meetings,
                GError          **error)
{
  add_document (add_entry (section, NULL, NULL), SL_DOCUMENT_ANNUAL_REPORT, NULL,
                "年度学习情况统计.pdf", TRUE);
  return TRUE;
}

/**
 * sl_binder_research_tables:
 *
 * Returns: (element-type SlTable): the year's research topics, one row
 *   each: 调研课题 has no document of its own.
 */
GPtrArray *
sl_binder_research_tables (SlBinder  *self,
                           GError   **error)
{
  g_autoptr(GPtrArray) topics = sl_ledger_load_research_topics (self->ledger, self->year, error);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = g_strdup_printf ("%s%d年度调研课题", self->unit, self->year);
  SlTable *table;
  guint n = 0;

  if (topics == NULL)
    return NULL;

  table = sl_table_new (title);
  sl_table_set_name (table, "调研课题");
  sl_table_add_column (table, "序号", 3, FALSE);
  sl_table_add_column (table, "调研课题", 20, TRUE);
  sl_table_add_column (table, "牵头领导", 6, FALSE);
  sl_table_add_column (table, "进展", 5, FALSE);
  sl_table_add_column (table, "备注", 12, TRUE);
  sl_table_set_key_columns (table, 2);

  for (guint i = 0; i < topics->len; i++)
    {
      SlResearchTopic *topic = g_ptr_array_index (topics, i);
      SlMember *lead = sl_ledger_find_member (self->ledger, sl_research_topic_get_lead (topic));
      const char *status;

      if (self->organization != NULL &&
          g_strcmp0 (sl_research_topic_get_organization (topic), self->organization) != 0)
        continue;

      switch (sl_research_topic_get_status (topic))
        {
        case SL_TOPIC_STATUS_PLANNED:     status = "计划"; break;
        case SL_TOPIC_STATUS_IN_PROGRESS: status = "进行中"; break;
        case SL_TOPIC_STATUS_DONE:        status = "已完成"; break;
        case SL_TOPIC_STATUS_NONE:
        default:                          status = ""; break;
        }

      sl_table_begin_row (table);
      sl_table_add_number (table, ++n);
      sl_table_add_text (table, sl_research_topic_get_title (topic));
      sl_table_add_text (table, lead != NULL ? sl_member_get_name (lead) : "");
      sl_table_add_text (table, status);
      sl_table_add_text (table, sl_research_topic_get_note (topic));
    }

  g_ptr_array_add (tables, table);
  return g_steal_pointer (&tables);
}

/* The binder ------------------------------------------------------------- */

static char *
find_unit (SlBinder *self)
{
  GListModel *organizations = sl_ledger_get_organizations (self->ledger);
  g_autofree char *first = NULL;

  if (self->organization != NULL)
    return g_strdup (sl_organization_get_name (sl_ledger_find_organization (self->ledger,
                                                                            self->organization)));

  /* The organization at the top, the one the binder is kept for. */
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) each = g_list_model_get_item (organizations, i);
      const char *parent = sl_organization_get_parent (each);

      if (parent == NULL || *parent == '\0')
        return g_strdup (sl_organization_get_name (each));
      if (first == NULL)
        first = g_strdup (sl_organization_get_name (each));
    }

  return first != NULL ? g_steal_pointer (&first) : g_strdup ("");
}

/* The ledgers are Chinese organisations' and their dates are Beijing
 * dates: a change made at 07:00 in Beijing is that day's, not the day
 * before as UTC would say. A fixed offset (China has kept +08:00 without
 * summer time since 1991), not the machine's zone, so that a binder made
 * in another zone, or by a server on UTC, has the same bytes. */
GDateTime *
sl_binder_stamp_time (SlBinder *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 60 * 60);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->stamp);

  return g_date_time_to_timezone (utc, zone);
}

SlBinder *
sl_binder_new (SlLedger    *ledger,
               int          year,
               const char  *organization,
               GError     **error)
{
  g_autoptr(SlBinder) self = g_new0 (SlBinder, 1);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->ledger = g_object_ref (ledger);
  self->year = year;
  self->organization = g_strdup (organization);
  self->sections = g_ptr_array_new_with_free_func (section_free);

  if ((self->stamp = sl_ledger_query_last_change (ledger, error)) < 0)
    return NULL;

  /* The binder's date (its cover, the PDF's dates, the ZIP's times) is
   * the ledger's last change, given in one fixed zone (see
   * sl_binder_stamp_time()), so that the three agree and the bytes are
   * the same in any time zone. The documents' date is the ledger's too: a
   * year that is over is counted as over, whenever it is bound again; a
   * running one as of its last change. */
  stamp = sl_binder_stamp_time (self);
  self->made = g_date_time_format (stamp, "%Y-%m-%d");
  self->today = g_strdup (self->made);
  if (year < g_date_time_get_year (now))
    {
      g_autofree char *after = g_strdup_printf ("%04d-01-01", year + 1);

      if (strcmp (self->today, after) < 0)
        {
          g_free (self->today);
          self->today = g_steal_pointer (&after);
        }
    }

  self->unit = find_unit (self);

  meetings = sl_ledger_load_meetings (ledger, year, organization, FALSE, error);
  if (meetings == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      SlBinderSection *section = g_new0 (SlBinderSection, 1);

      section->title = g_strdup_printf ("%s、%s", numerals[i], sections[i].title);
      section->folder = g_strdup_printf ("%02u-%s", i + 1, sections[i].folder);
      section->entries = g_ptr_array_new_with_free_func (entry_free);
      g_ptr_array_add (self->sections, section);

      if (!sections[i].collect (self, section, meetings, error))
        return NULL;

      for (guint j = 0; j < section->entries->len; j++)
        self->n_parts += ((SlBinderEntry *) g_ptr_array_index (section->entries, j))->parts->len;
    }

  return g_steal_pointer (&self);
}

void
sl_binder_free (SlBinder *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->ledger);
  g_free (self->organization);
  g_free (self->unit);
  g_free (self->today);
  g_free (self->made);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_free (self);
}

gboolean
sl_binder_step (SlBinder    *self,
                double       fraction,
                const char  *item,
                GError     **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (self->progress != NULL)
    self->progress (CLAMP (fraction, 0.0, 1.0), item, self->progress_data);

  return TRUE;
}

