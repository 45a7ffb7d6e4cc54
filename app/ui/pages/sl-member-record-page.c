/* sl-member-record-page.c — one member's year (个人学习档案)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inspectors sample members and ask for each one's year: meetings
 * expected, attended, on leave, absent and made up; first-topic and
 * central-group studies led; speeches with their titles; the research
 * topic; talks; training hours; the member's own study notes. Attendance,
 * training hours and talk counts come from sl_statistics_compute(), so
 * they are those of `stats --json`; the lists are read from the year's
 * meetings and the flat records. The page is opened from the members page
 * (win.open-member-record) and follows the window's year.
 */

#define G_LOG_DOMAIN "sl-member-record-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-date.h"
#include "sl-enums.h"
#include "sl-ledger.h"
#include "sl-ledger-people.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-member-record-page.h"
#include "sl-record-list.h"
#include "sl-research-topic.h"
#include "sl-speech.h"
#include "sl-statistics.h"
#include "sl-study.h"
#include "sl-study-note.h"
#include "sl-talk.h"
#include "sl-ui-labels.h"
#include "sl-ui-util.h"
#include "sl-util.h"
#include "sl-year-page.h"

struct _SlMemberRecordPage
{
  AdwBin               parent_instance;

  AdwStatusPage       *empty_page;
  GtkStack            *stack;
  GtkWidget           *box;
  GPtrArray           *groups;     /* the groups shown now (owned by the box) */
  GHashTable          *figures;    /* name → GtkLabel (owned by the box) */

  SlLedger            *ledger;
  char                *member;
  int                  year;
};

static void sl_member_record_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlMemberRecordPage, sl_member_record_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE,
                                                      sl_member_record_page_year_page_init))

static GtkWidget *
add_group (SlMemberRecordPage *self,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->box), group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
add_figure (SlMemberRecordPage *self,
            GtkWidget          *group,
            const char         *name,
            const char         *title,
            const char         *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_hash_table_replace (self->figures, g_strdup (name), label);
}

static void
add_line (GtkWidget  *group,
          const char *title,
          const char *subtitle,
          const char *meeting)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (meeting != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", meeting);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_none (GtkWidget  *group,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

static gboolean
names_member (const char *members,
              const char *member)
{
  /* A chair or recorder field may name several members. */
  return members != NULL && strstr (members, member) != NULL;
}

static void
clear (SlMemberRecordPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->box), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->figures);
}

static void
show_meetings (SlMemberRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = sl_ledger_load_meetings (self->ledger, self->year, NULL, TRUE, &error);
  GtkWidget *led, *speeches;
  guint n_first = 0, n_central = 0, n_speeches = 0;

  if (meetings == NULL)
    {
      g_warning ("Cannot read the meetings of %d: %s", self->year, error->message);
      return;
    }

  led = add_group (self, _("Studies Led"),
                   _("First-topic studies this member relayed, and central-group sessions "
                     "chaired or led."));
  speeches = add_group (self, _("Speeches"), NULL);

  for (guint i = 0; i < meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (meetings, i);
      const char *id = sl_record_get_id (SL_RECORD (meeting));
      GListModel *studies = sl_meeting_get_studies (meeting);
      GListModel *said = sl_meeting_get_speeches (meeting);
      gboolean central = sl_meeting_get_kind (meeting) == SL_MEETING_KIND_CENTRAL_GROUP;
      gboolean led_here = central && names_member (sl_meeting_get_chair (meeting), self->member);
      g_autofree char *when = g_strdup_printf ("%s %s", sl_meeting_get_date (meeting),
                                               sl_meeting_get_title (meeting) ? sl_meeting_get_title (meeting) : "");

      for (guint j = 0; j < g_list_model_get_n_items (studies); j++)
        {
          g_autoptr(SlStudy) study = g_list_model_get_item (studies, j);

          if (g_strcmp0 (sl_study_get_lead (study), self->member) != 0)
            continue;
          if (sl_study_get_first_topic (study))
            {
              n_first++;
              add_line (led, sl_study_get_title (study), when, id);
            }
          else if (central)
            led_here = TRUE;
        }
      if (led_here)
        {
          n_central++;
          add_line (led, _("Central-group session"), when, id);
        }

      for (guint j = 0; j < g_list_model_get_n_items (said); j++)
        {
          g_autoptr(SlSpeech) speech = g_list_model_get_item (said, j);

          if (g_strcmp0 (sl_speech_get_speaker (speech), self->member) != 0)
            continue;
          n_speeches++;
          add_line (speeches, sl_speech_get_title (speech) ? sl_speech_get_title (speech) : _("Speech"),
                    when, id);
        }
    }

  if (n_first + n_central == 0)
    add_none (led, _("None this year"));
  if (n_speeches == 0)
    add_none (speeches, _("None this year"));

  {
    g_autofree char *first = count_text (n_first);
    g_autofree char *central = count_text (n_central);
    g_autofree char *spoke = count_text (n_speeches);
    GtkWidget *counts = g_ptr_array_index (self->groups, 0);

    add_figure (self, counts, "first-topics-led", _("First-topic studies led"), first);
    add_figure (self, counts, "central-group-led", _("Central-group sessions led"), central);
    add_figure (self, counts, "speeches", _("Speeches"), spoke);
  }
}

static void
show_records (SlMemberRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = sl_ledger_load_research_topics (self->ledger, self->year, &error);
  g_autoptr(GPtrArray) talks = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  GtkWidget *group;
  guint n = 0;

  group = add_group (self, _("Research Topic"), NULL);
  for (guint i = 0; topics != NULL && i < topics->len; i++)
    {
      SlResearchTopic *topic = g_ptr_array_index (topics, i);

      if (g_strcmp0 (sl_research_topic_get_lead (topic), self->member) != 0)
        continue;
      add_line (group, sl_research_topic_get_title (topic),
                sl_topic_status_to_label (sl_research_topic_get_status (topic)
                                          ? sl_research_topic_get_status (topic)
                                          : SL_TOPIC_STATUS_PLANNED), NULL);
      n++;
    }
  if (n == 0)
    add_none (group, _("None this year"));
  {
    g_autofree char *text = count_text (n);

    add_figure (self, g_ptr_array_index (self->groups, 0), "research", _("Research topics"), text);
  }

  group = add_group (self, _("Talks"), NULL);
  n = 0;
  g_clear_error (&error);
  talks = sl_ledger_load_talks (self->ledger, &error);
  for (guint i = 0; talks != NULL && i < talks->len; i++)
    {
      SlTalk *talk = g_ptr_array_index (talks, i);
      const char *date = sl_talk_get_date (talk);
      gboolean held = g_strcmp0 (sl_talk_get_initiator (talk), self->member) == 0;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (date == NULL || sl_date_get_year (date) != self->year ||
          (!held && g_strcmp0 (sl_talk_get_counterpart (talk), self->member) != 0))
        continue;
      title = g_strdup_printf ("%s  %s → %s", date,
                               sl_ui_member_name (self->ledger, sl_talk_get_initiator (talk)),
                               sl_talk_get_counterpart (talk)
                               ? sl_ui_member_name (self->ledger, sl_talk_get_counterpart (talk))
                               : sl_talk_get_counterpart_name (talk) ? sl_talk_get_counterpart_name (talk) : "");
      subtitle = g_strdup_printf ("%s%s%s", sl_ui_talk_kind_label (sl_talk_get_kind (talk)),
                                  sl_talk_get_topic (talk) ? " · " : "",
                                  sl_talk_get_topic (talk) ? sl_talk_get_topic (talk) : "");
      add_line (group, title, subtitle, NULL);
      n++;
    }
  if (n == 0)
    add_none (group, _("None this year"));

  group = add_group (self, _("Study Notes"), _("Notes, reflections and reports, with the notebook checks."));
  n = 0;
  g_clear_error (&error);
  notes = sl_ledger_load_study_notes (self->ledger, &error);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      SlStudyNote *note = g_ptr_array_index (notes, i);
      const char *date = sl_study_note_get_date (note);
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (sl_study_note_get_member (note), self->member) != 0 ||
          date == NULL || sl_date_get_year (date) != self->year)
        continue;
      subtitle = g_strdup_printf ("%s · %s%s%s%s%s", date,
                                  sl_ui_study_note_kind_label (sl_study_note_get_kind (note)),
                                  sl_study_note_get_size (note) ? " · " : "",
                                  sl_study_note_get_size (note) ? sl_study_note_get_size (note) : "",
                                  sl_study_note_get_checked_on (note) ? " · ✓ " : "",
                                  sl_study_note_get_checked_on (note) ? sl_study_note_get_checked_on (note) : "");
      add_line (group, sl_study_note_get_title (note), subtitle, NULL);
      n++;
    }
  if (n == 0)
    add_none (group, _("None this year"));
  {
    g_autofree char *text = count_text (n);

    add_figure (self, g_ptr_array_index (self->groups, 0), "notes", _("Study notes"), text);
  }
}

void
sl_member_record_page_reload (SlMemberRecordPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatistics) stats = NULL;
  g_autofree char *today = sl_today ();
  SlMemberStats *figures = NULL;
  SlMember *member;
  GtkWidget *group;

  g_return_if_fail (SL_IS_MEMBER_RECORD_PAGE (self));

  clear (self);
  member = self->ledger && self->member ? sl_ledger_find_member (self->ledger, self->member) : NULL;
  if (member == NULL || self->year <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  stats = sl_statistics_compute (sl_ledger_get_database (self->ledger), self->year, NULL, today, &error);
  if (stats == NULL)
    {
      g_warning ("Cannot compute the statistics of %d: %s", self->year, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < stats->members->len; i++)
    {
      SlMemberStats *row = g_ptr_array_index (stats->members, i);

      if (g_strcmp0 (row->id, self->member) == 0)
        figures = row;
    }

  {
    g_autofree char *title = g_strdup_printf (_("%s: Study Record %d"), sl_member_get_name (member), self->year);
    g_autoptr(GString) subtitle = g_string_new (sl_ui_organization_name (self->ledger,
                                                                         sl_member_get_organization (member)));

    if (sl_member_get_post (member) != NULL)
      g_string_append_printf (subtitle, " · %s", sl_member_get_post (member));
    group = add_group (self, title, subtitle->str);
  }

  {
    /* The same figures on paper: `export member-card` from the window. */
    GtkWidget *button = gtk_button_new_with_mnemonic (_("E_xport as PDF…"));

    gtk_widget_set_name (button, "sl-member-card-button");
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.save-document");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(siss)", "member-card",
                                      self->year, self->member, "pdf");
    gtk_widget_set_tooltip_text (button, _("Save this member's study record of the year as a PDF"));
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  }

  {
    g_autofree char *expected = count_text (figures ? figures->expected : 0);
    g_autofree char *present = count_text (figures ? figures->present : 0);
    g_autofree char *leave = count_text (figures ? figures->leave : 0);
    g_autofree char *absent = count_text (figures ? figures->absent : 0);
    g_autofree char *made_up = count_text (figures ? figures->made_up : 0);
    g_autofree char *hours = g_strdup_printf ("%g", figures ? figures->training_hours : 0.0);
    g_autofree char *held = count_text (figures ? figures->talks_as_initiator : 0);
    g_autofree char *received = count_text (figures ? figures->talks_as_counterpart : 0);

    add_figure (self, group, "expected", _("Meetings expected"), expected);
    add_figure (self, group, "present", _("Attended"), present);
    add_figure (self, group, "leave", _("On leave"), leave);
    add_figure (self, group, "absent", _("Absent"), absent);
    add_figure (self, group, "made-up", _("Made up"), made_up);
    add_figure (self, group, "training-hours", _("Training hours"), hours);
    add_figure (self, group, "talks-initiated", _("Talks held"), held);
    add_figure (self, group, "talks-received", _("Talks received"), received);
  }

  show_meetings (self);
  show_records (self);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

void
sl_member_record_page_set_member (SlMemberRecordPage *self,
                                  const char         *member)
{
  g_return_if_fail (SL_IS_MEMBER_RECORD_PAGE (self));

  g_free (self->member);
  self->member = g_strdup (member);
  sl_member_record_page_reload (self);
}

const char *
sl_member_record_page_get_member (SlMemberRecordPage *self)
{
  g_return_val_if_fail (SL_IS_MEMBER_RECORD_PAGE (self), NULL);
  return self->member;
}

const char *
sl_member_record_page_get_figure (SlMemberRecordPage *self,
                                  const char         *name)
{
  GtkLabel *label;

  g_return_val_if_fail (SL_IS_MEMBER_RECORD_PAGE (self), NULL);

  label = g_hash_table_lookup (self->figures, name);
  return label ? gtk_label_get_text (label) : NULL;
}

static void
sl_member_record_page_dispose (GObject *object)
{
  SlMemberRecordPage *self = SL_MEMBER_RECORD_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->member, g_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (sl_member_record_page_parent_class)->dispose (object);
}

static void
sl_member_record_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlMemberRecordPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlMemberRecordPage, year);
  iface->reload = (SlYearPageReloadFunc) sl_member_record_page_reload;
}

static void
sl_member_record_page_class_init (SlMemberRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_member_record_page_dispose;
  sl_year_page_class_install (object_class);
}

static void
sl_member_record_page_init (SlMemberRecordPage *self)
{
  GtkWidget *scroller = sl_record_list_scroller (&self->box);

  self->groups = g_ptr_array_new ();
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->stack = GTK_STACK (gtk_stack_new ());
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "avatar-default-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Member Chosen"));
  adw_status_page_set_description (self->empty_page,
                                   _("Choose a member on the Members page and press "
                                     "Study Record to see the member's year."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->stack, scroller, "record");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}
