/* sl-meeting-pool-link.c — which topic-pool item a study studies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row in each study of the meeting editor: the items of the meeting's
 * topic pool that no study names yet, most urgent first (the earliest
 * deadline first, as sl_topic_pool_open_items() orders them), and the one
 * the study names already. Choosing one names it in the study
 * (studies[].topic), marks the study as the first topic, and fills a title,
 * source and date not typed yet from the item, so that a text received
 * once is not typed twice. The editor saves the study as it saves any
 * change of it.
 */

#define G_LOG_DOMAIN "sl-meeting-pool-link"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-ledger.h"
#include "sl-ledger-people.h"
#include "sl-meeting-pool-link.h"
#include "sl-study.h"
#include "sl-topic.h"
#include "sl-topic-pool.h"

struct _SlMeetingPoolLink
{
  AdwComboRow  parent_instance;

  SlStudy     *study;
  GPtrArray   *topics;     /* SlTopic, parallel to the choice from position 1 */
  gboolean     updating;
};

G_DEFINE_FINAL_TYPE (SlMeetingPoolLink, sl_meeting_pool_link, ADW_TYPE_COMBO_ROW)

static void
selected_changed_cb (SlMeetingPoolLink *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  SlTopic *topic;

  if (self->updating || self->study == NULL)
    return;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->topics->len)
    {
      sl_study_set_topic (self->study, NULL);
      return;
    }

  topic = g_ptr_array_index (self->topics, selected - 1);
  sl_study_set_topic (self->study, sl_record_get_id (SL_RECORD (topic)));
  sl_study_set_first_topic (self->study, TRUE);

  /* Fill what is not typed yet; never overwrite what is. */
  if (sl_study_get_title (self->study) == NULL)
    sl_study_set_title (self->study, sl_topic_get_title (topic));
  if (sl_study_get_source (self->study) == NULL)
    sl_study_set_source (self->study, sl_topic_get_source (topic));
  if (sl_study_get_published_on (self->study) == NULL)
    sl_study_set_published_on (self->study, sl_topic_get_published_on (topic));
}

guint
sl_meeting_pool_link_get_n_items (SlMeetingPoolLink *self)
{
  g_return_val_if_fail (SL_IS_MEETING_POOL_LINK (self), 0);
  return self->topics->len;
}

const char *
sl_meeting_pool_link_get_item (SlMeetingPoolLink *self,
                               guint              position)
{
  g_return_val_if_fail (SL_IS_MEETING_POOL_LINK (self), NULL);

  if (position == 0 || position > self->topics->len)
    return NULL;
  return sl_record_get_id (g_ptr_array_index (self->topics, position - 1));
}

static void
sl_meeting_pool_link_dispose (GObject *object)
{
  SlMeetingPoolLink *self = SL_MEETING_POOL_LINK (object);

  g_clear_object (&self->study);
  g_clear_pointer (&self->topics, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_meeting_pool_link_parent_class)->dispose (object);
}

static void
sl_meeting_pool_link_class_init (SlMeetingPoolLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_meeting_pool_link_dispose;
}

static void
sl_meeting_pool_link_init (SlMeetingPoolLink *self)
{
  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
sl_meeting_pool_link_new (SlLedger   *ledger,
                          const char *organization,
                          SlStudy    *study)
{
  SlMeetingPoolLink *self;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *linked;
  guint selected = 0;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (SL_IS_STUDY (study), NULL);

  self = g_object_new (SL_TYPE_MEETING_POOL_LINK,
                       "title", _("From the Topic Pool"),
                       "subtitle", _("The pool item this text is, most urgent first"),
                       NULL);
  self->study = g_object_ref (study);
  linked = sl_study_get_topic (study);

  gtk_string_list_append (names, _("None"));

  /* The item named already comes first: it is no longer open. */
  if (linked != NULL && (all = sl_topic_pool_load (ledger, NULL, NULL, &error)) != NULL)
    for (guint i = 0; i < all->len; i++)
      {
        SlPoolEntry *entry = g_ptr_array_index (all, i);

        if (g_strcmp0 (sl_record_get_id (SL_RECORD (entry->topic)), linked) == 0)
          g_ptr_array_add (self->topics, g_object_ref (entry->topic));
      }

  if (organization != NULL && (open = sl_topic_pool_open_items (ledger, organization, NULL, &error)) == NULL)
    g_warning ("Cannot read the topic pool: %s", error->message);
  for (guint i = 0; open != NULL && i < open->len; i++)
    {
      SlPoolEntry *entry = g_ptr_array_index (open, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (entry->topic)), linked) != 0)
        g_ptr_array_add (self->topics, g_object_ref (entry->topic));
    }

  for (guint i = 0; i < self->topics->len; i++)
    {
      SlTopic *topic = g_ptr_array_index (self->topics, i);
      const char *received = sl_topic_get_received_on (topic);
      g_autofree char *name = NULL;

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (topic)), linked) == 0)
        selected = i + 1;
      name = received ? g_strdup_printf ("%s（%s %s）", sl_topic_get_title (topic), _("received"), received)
                      : g_strdup (sl_topic_get_title (topic));
      gtk_string_list_append (names, name);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), selected);
  self->updating = FALSE;
  g_signal_connect (self, "notify::selected", G_CALLBACK (selected_changed_cb), NULL);

  /* Nothing to offer: the row would only say "None". */
  gtk_widget_set_visible (GTK_WIDGET (self), self->topics->len > 0);

  return GTK_WIDGET (self);
}
