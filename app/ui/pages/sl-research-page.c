/* sl-research-page.c — each leader's research topic of the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The work plan asks every leadership member to lead one research topic
 * (调研课题) a year. The page lists the year's topics and, below them, the
 * leaders who have none yet (sl_research_missing_leaders()), each with a
 * button that starts one. Topics are few, so the lists are list boxes
 * filled again on every change.
 */

#define G_LOG_DOMAIN "sl-research-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-enums.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-save-queue.h"
#include "sl-ledger-queries.h"
#include "sl-member.h"
#include "sl-record-undo.h"
#include "sl-research-page.h"
#include "sl-research-topic.h"
#include "sl-topic-dialog.h"
#include "sl-ui-util.h"
#include "sl-year-page.h"

struct _SlResearchPage
{
  AdwBin               parent_instance;

  /* template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwPreferencesGroup *topics_group;
  GtkListBox          *topics_list;
  AdwPreferencesGroup *missing_group;
  GtkListBox          *missing_list;

  /* owned references */
  SlLedger            *ledger;
  GPtrArray           *topics;       /* SlResearchTopic of the year */
  GPtrArray           *leaders;      /* SlMember */
  GPtrArray           *missing;      /* SlMember */
  SlResearchTopic     *deleted;      /* for undo */

  int                  year;
  gboolean             dirty;
};

static void sl_research_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlResearchPage, sl_research_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE, sl_research_page_year_page_init))

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action,
             const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static GtkWidget *
topic_row (SlResearchPage  *self,
           SlResearchTopic *topic)
{
  GtkWidget *row = adw_action_row_new ();
  const char *id = sl_record_get_id (SL_RECORD (topic));
  const char *lead = sl_ui_member_name (self->ledger, sl_research_topic_get_lead (topic));
  const char *title = sl_research_topic_get_title (topic);
  g_autoptr(GString) subtitle = g_string_new (*lead ? lead : _("No one leads it yet"));

  g_string_append_printf (subtitle, " · %s",
                          sl_topic_status_to_label (sl_research_topic_get_status (topic)
                                                    ? sl_research_topic_get_status (topic)
                                                    : SL_TOPIC_STATUS_PLANNED));
  if (sl_research_topic_get_note (topic) != NULL)
    g_string_append_printf (subtitle, "\n%s", sl_research_topic_get_note (topic));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : _("Untitled topic"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-edit-symbolic", _("Edit Topic"), "research.edit", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Delete Topic"), "research.delete", id));
  return row;
}

static GtkWidget *
missing_row (SlMember *leader)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Topic"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_member_get_name (leader));
  if (sl_member_get_post (leader) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sl_member_get_post (leader));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "research.add-for");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                    sl_record_get_id (SL_RECORD (leader)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/**
 * sl_research_page_reload:
 *
 * Reads the year's topics again, now if the page is shown, else when it
 * next is.
 */
void
sl_research_page_reload (SlResearchPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (SL_IS_RESEARCH_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->leaders, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  clear_list (self->topics_list);
  clear_list (self->missing_list);

  /* A topic belongs to an organization: none before a roster is in. */
  {
    gboolean can_add = self->ledger != NULL && self->year > 0 &&
                       sl_ledger_query_default_organization (self->ledger) != NULL;

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "research.add", can_add);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "research.add-for", can_add);
  }

  if (self->ledger == NULL || self->year <= 0)
    return;

  self->topics = sl_ledger_load_research_topics (self->ledger, self->year, &error);
  if (self->topics == NULL)
    {
      g_warning ("Cannot read the research topics of %d: %s", self->year, error->message);
      self->topics = g_ptr_array_new_with_free_func (g_object_unref);
    }
  self->leaders = sl_members_leaders_in_year (sl_ledger_get_members (self->ledger), self->year);
  self->missing = sl_research_missing_leaders (self->leaders, self->topics);

  for (guint i = 0; i < self->topics->len; i++)
    gtk_list_box_append (self->topics_list, topic_row (self, g_ptr_array_index (self->topics, i)));
  for (guint i = 0; i < self->missing->len; i++)
    gtk_list_box_append (self->missing_list, missing_row (g_ptr_array_index (self->missing, i)));

  description = g_strdup_printf (ngettext ("%u topic in %d", "%u topics in %d", self->topics->len),
                                 self->topics->len, self->year);
  adw_preferences_group_set_description (self->topics_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->topics_list), self->topics->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), self->missing->len > 0);
  adw_preferences_group_set_description (self->missing_group,
                                         _("The work plan asks each leadership member to lead "
                                           "one research topic a year."));

  if (self->topics->len == 0 && self->missing->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No Research Topics for %d"), self->year);

      adw_status_page_set_title (self->empty_page, title);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
}

guint
sl_research_page_get_n_topics (SlResearchPage *self)
{
  g_return_val_if_fail (SL_IS_RESEARCH_PAGE (self), 0);
  return self->topics ? self->topics->len : 0;
}

guint
sl_research_page_get_n_missing (SlResearchPage *self)
{
  g_return_val_if_fail (SL_IS_RESEARCH_PAGE (self), 0);
  return self->missing ? self->missing->len : 0;
}

/* Actions ---------------------------------------------------------------- */

static void
topic_dialog_response_cb (SlResearchPage *self,
                          const char     *response,
                          SlTopicDialog  *dialog)
{
  SlResearchTopic *topic = sl_topic_dialog_get_topic (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->ledger == NULL)
    return;

  sl_topic_dialog_apply (dialog);
  /* Busy: the topic waits in the save queue (the window says so, and
   * reads the page again once it is stored). Changed elsewhere: the page
   * shows the newer topic, to redo the edit on. */
  if (!sl_save_queue_save (sl_save_queue_get (self->ledger), SL_RECORD (topic), &error))
    {
      if (g_error_matches (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
        {
          sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Changed elsewhere; reloaded, redo your change")));
          sl_research_page_reload (self);
        }
      else if (!g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY))
        sl_ui_show_error (GTK_WIDGET (self), _("The Topic Was Not Saved"), error);
      return;
    }

  sl_research_page_reload (self);
  if (sl_topic_dialog_is_new (dialog))
    sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Topic added")));
}

static void
open_dialog (SlResearchPage  *self,
             SlResearchTopic *topic,
             gboolean         adding)
{
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func (g_object_unref);
  SlMember *current = sl_ledger_find_member (self->ledger, sl_research_topic_get_lead (topic));
  GtkWidget *dialog;

  /* Leaders of the year; and whoever leads the topic now, leader or not. */
  if (current != NULL && !g_ptr_array_find (self->leaders, current, NULL))
    g_ptr_array_add (leads, g_object_ref (current));
  for (guint i = 0; self->leaders && i < self->leaders->len; i++)
    g_ptr_array_add (leads, g_object_ref (g_ptr_array_index (self->leaders, i)));

  dialog = sl_topic_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                leads, topic, adding);
  g_signal_connect_object (dialog, "response", G_CALLBACK (topic_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static SlResearchTopic *
new_topic (SlResearchPage *self,
           const char     *lead)
{
  SlResearchTopic *topic = sl_research_topic_new ();
  SlOrganization *organization = sl_ledger_query_default_organization (self->ledger);
  SlMember *leader = sl_ledger_find_member (self->ledger, lead);

  /* The bureau's party group owns its leaders' topics; without one, the
   * leader's own organization. */
  sl_research_topic_set_organization (topic,
                                      organization ? sl_record_get_id (SL_RECORD (organization))
                                      : leader ? sl_member_get_organization (leader) : NULL);
  sl_research_topic_set_year (topic, self->year);
  sl_research_topic_set_lead (topic, lead);
  sl_research_topic_set_status (topic, SL_TOPIC_STATUS_PLANNED);
  return topic;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlResearchPage *self = SL_RESEARCH_PAGE (widget);
  const char *lead = NULL;
  g_autoptr(SlResearchTopic) topic = NULL;

  if (self->missing != NULL && self->missing->len > 0)
    lead = sl_record_get_id (g_ptr_array_index (self->missing, 0));

  topic = new_topic (self, lead);
  open_dialog (self, topic, TRUE);
}

static void
add_for_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlResearchPage *self = SL_RESEARCH_PAGE (widget);
  g_autoptr(SlResearchTopic) topic = new_topic (self, g_variant_get_string (parameter, NULL));

  open_dialog (self, topic, TRUE);
}

static SlResearchTopic *
find_topic (SlResearchPage *self,
            GVariant       *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->topics && i < self->topics->len; i++)
    if (g_strcmp0 (sl_record_get_id (g_ptr_array_index (self->topics, i)), id) == 0)
      return g_ptr_array_index (self->topics, i);

  return NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlResearchPage *self = SL_RESEARCH_PAGE (widget);
  SlResearchTopic *topic = find_topic (self, parameter);

  if (topic != NULL)
    open_dialog (self, topic, FALSE);
}

static void
undo_delete_cb (SlResearchPage *self)
{
  sl_record_undo_restore (GTK_WIDGET (self), self->ledger, (GObject **) &self->deleted,
                          (SlRecordSaveFunc) sl_ledger_save_research_topic,
                          (SlRecordReloadFunc) sl_research_page_reload,
                          _("The Topic Was Not Restored"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlResearchPage *self = SL_RESEARCH_PAGE (widget);
  SlResearchTopic *topic = find_topic (self, parameter);

  sl_record_undo_delete (widget, self->ledger, topic, (GObject **) &self->deleted,
                         (SlRecordReloadFunc) sl_research_page_reload,
                         _("The Topic Was Not Deleted"), _("Topic deleted"), G_CALLBACK (undo_delete_cb));
}

/* Object ----------------------------------------------------------------- */

static void
sl_research_page_dispose (GObject *object)
{
  SlResearchPage *self = SL_RESEARCH_PAGE (object);

  /* AdwBin unparents its child itself; the template must not do it too. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_RESEARCH_PAGE);
  g_clear_object (&self->ledger);
  g_clear_object (&self->deleted);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->leaders, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_research_page_parent_class)->dispose (object);
}

static void
sl_research_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlResearchPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlResearchPage, year);
  /* Leaders may have changed on the members page. */
  iface->reload = (SlYearPageReloadFunc) sl_research_page_reload;
}

static void
sl_research_page_class_init (SlResearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_research_page_dispose;
  sl_year_page_class_install (object_class);
  sl_year_page_class_reload_on_map (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-research-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlResearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SlResearchPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SlResearchPage, topics_group);
  gtk_widget_class_bind_template_child (widget_class, SlResearchPage, topics_list);
  gtk_widget_class_bind_template_child (widget_class, SlResearchPage, missing_group);
  gtk_widget_class_bind_template_child (widget_class, SlResearchPage, missing_list);

  gtk_widget_class_install_action (widget_class, "research.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "research.add-for", "s", add_for_action);
  gtk_widget_class_install_action (widget_class, "research.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "research.delete", "s", delete_action);
}

static void
sl_research_page_init (SlResearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
