/* sl-pool-page.c — the topic pool (议题库): texts waiting to be studied first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The work plan asks that important texts (central documents, speeches,
 * instructions) be studied "第一时间", as a meeting's first topic, within
 * timeliness_days (default 30) of being received. The page lists the
 * year's items with the status sl_topic_pool_load_year() gives them: 待学习,
 * 已学习 with the meeting that studied them (activating the row opens it),
 * 已逾期 in red. An item received late in one year and studied early in
 * the next shows in both; one still waiting from an earlier year is listed
 * too: it is the one most in need of a meeting. Items are few, so the list is a
 * list box filled again on every change.
 */

#define G_LOG_DOMAIN "sl-pool-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-date.h"
#include "sl-ledger.h"
#include "sl-ledger-people.h"
#include "sl-ledger-queries.h"
#include "sl-meeting.h"
#include "sl-organization.h"
#include "sl-pool-page.h"
#include "sl-record-dialog.h"
#include "sl-record-list.h"
#include "sl-record-undo.h"
#include "sl-rules.h"
#include "sl-topic.h"
#include "sl-topic-pool.h"
#include "sl-ui-labels.h"
#include "sl-ui-util.h"
#include "sl-util.h"
#include "sl-year-page.h"

struct _SlPoolPage
{
  AdwBin        parent_instance;

  SlRecordList *list;

  /* owned references */
  SlLedger     *ledger;
  GPtrArray    *entries;     /* SlPoolEntry shown, in the list's order */
  GPtrArray    *meetings;    /* SlMeeting of the year, for the planned meeting */
  GHashTable   *rows;        /* topic id → row (unowned: the list owns it) */
  SlTopic      *deleted;     /* for undo */

  int           year;
  guint         n_overdue;
  gboolean      dirty;
};

static void sl_pool_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlPoolPage, sl_pool_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE, sl_pool_page_year_page_init))

static const char *
meeting_title (SlPoolPage *self,
               const char *id)
{
  for (guint i = 0; id != NULL && self->meetings && i < self->meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (self->meetings, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (meeting)), id) == 0)
        return sl_meeting_get_title (meeting);
    }
  return NULL;
}

static GtkWidget *
status_label (SlPoolEntry *entry)
{
  GtkWidget *label = gtk_label_new (sl_pool_status_to_label (entry->status));

  gtk_widget_set_name (label, "status");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "sl-tag");
  gtk_widget_add_css_class (label, "caption-heading");
  switch (entry->status)
    {
    case SL_POOL_STATUS_OVERDUE: gtk_widget_add_css_class (label, "error"); break;
    case SL_POOL_STATUS_STUDIED: gtk_widget_add_css_class (label, "success"); break;
    case SL_POOL_STATUS_OPEN:
    default:                     gtk_widget_add_css_class (label, "dim-label"); break;
    }
  return label;
}

static GtkWidget *
entry_row (SlPoolPage  *self,
           SlPoolEntry *entry)
{
  SlTopic *topic = entry->topic;
  GtkWidget *row = adw_action_row_new ();
  const char *id = sl_record_get_id (SL_RECORD (topic));
  const char *title = sl_topic_get_title (topic);
  const char *planned = meeting_title (self, sl_topic_get_planned_meeting (topic));
  g_autoptr(GString) subtitle = g_string_new (sl_ui_topic_source_label (sl_topic_get_source_kind (topic)));

  if (sl_topic_get_source (topic) != NULL)
    g_string_append_printf (subtitle, " · %s", sl_topic_get_source (topic));
  if (sl_topic_get_published_on (topic) != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("published"), sl_topic_get_published_on (topic));
  if (sl_topic_get_received_on (topic) != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("received"), sl_topic_get_received_on (topic));
  if (entry->studied_on != NULL)
    g_string_append_printf (subtitle, "\n%s %s %s", _("Studied on"), entry->studied_on,
                            entry->meeting_title ? entry->meeting_title : "");
  else if (entry->due_on != NULL)
    g_string_append_printf (subtitle, "\n%s %s", _("To be studied by"), entry->due_on);
  if (planned != NULL)
    g_string_append_printf (subtitle, "\n%s %s", _("Planned for"), planned);
  if (sl_topic_get_note (topic) != NULL)
    g_string_append_printf (subtitle, "\n%s", sl_topic_get_note (topic));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : _("Untitled text"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label (entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             sl_record_list_row_button ("document-edit-symbolic", _("Edit Item"),
                                                        "pool.edit", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             sl_record_list_row_button ("user-trash-symbolic", _("Delete Item"),
                                                        "pool.delete", id));

  /* A studied item opens the meeting that studied it. */
  if (entry->meeting != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", entry->meeting);
      gtk_widget_set_tooltip_text (row, _("Open the meeting that studied it"));
    }

  g_hash_table_insert (self->rows, g_strdup (id), row);
  return row;
}

guint
sl_pool_page_count (SlLedger *ledger,
                    int       year,
                    guint    *overdue)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  *overdue = 0;
  if ((all = sl_topic_pool_load_year (ledger, NULL, year, NULL, &error)) == NULL)
    {
      g_warning ("Cannot read the topic pool: %s", error->message);
      return 0;
    }
  for (guint i = 0; i < all->len; i++)
    {
      SlPoolEntry *entry = g_ptr_array_index (all, i);

      if (!sl_pool_entry_shown_in_year (entry, year))
        continue;
      n++;
      *overdue += entry->status == SL_POOL_STATUS_OVERDUE;
    }
  return n;
}

static int
by_received (gconstpointer a,
             gconstpointer b)
{
  SlPoolEntry *x = *(SlPoolEntry **) a;
  SlPoolEntry *y = *(SlPoolEntry **) b;
  const char *rx = sl_topic_get_received_on (x->topic);
  const char *ry = sl_topic_get_received_on (y->topic);

  /* Newest first, as they arrive; undated last. */
  if ((rx == NULL) != (ry == NULL))
    return rx == NULL ? 1 : -1;
  return -g_strcmp0 (rx, ry);
}

/**
 * sl_pool_page_reload:
 *
 * Reads the pool again, now if the page is shown, else when it next is.
 */
void
sl_pool_page_reload (SlPoolPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *description = NULL;
  gboolean can_add;
  SlRules rules;

  g_return_if_fail (SL_IS_POOL_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_hash_table_remove_all (self->rows);
  sl_record_list_clear (self->list);
  self->n_overdue = 0;

  /* An item belongs to an organization's pool: none before a roster. */
  can_add = self->ledger != NULL && self->year > 0 &&
            sl_ledger_query_default_organization (self->ledger) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pool.add", can_add);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_pool_entry_free);
  if (self->ledger == NULL || self->year <= 0)
    return;

  if ((all = sl_topic_pool_load_year (self->ledger, NULL, self->year, NULL, &error)) == NULL)
    {
      g_warning ("Cannot read the topic pool: %s", error->message);
      return;
    }
  self->meetings = sl_ledger_load_meetings (self->ledger, self->year, NULL, FALSE, &error);
  if (self->meetings == NULL)
    {
      g_warning ("Cannot read the meetings of %d: %s", self->year, error->message);
      g_clear_error (&error);
    }

  for (guint i = 0; i < all->len; i++)
    if (sl_pool_entry_shown_in_year (g_ptr_array_index (all, i), self->year))
      g_ptr_array_add (self->entries, g_ptr_array_steal_index (all, i--));
  g_ptr_array_sort (self->entries, by_received);

  for (guint i = 0; i < self->entries->len; i++)
    {
      SlPoolEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->status == SL_POOL_STATUS_OVERDUE)
        self->n_overdue++;
      sl_record_list_append (self->list, entry_row (self, entry));
    }

  sl_rules_load (&rules, sl_ledger_get_database (self->ledger));
  description = g_strdup_printf (_("%u items in %d, %u overdue. An item is to be studied within "
                                   "%d days of being received."),
                                 self->entries->len, self->year, self->n_overdue,
                                 rules.timeliness_days);
  sl_record_list_set_description (self->list, description);
}

guint
sl_pool_page_get_n_items (SlPoolPage *self)
{
  g_return_val_if_fail (SL_IS_POOL_PAGE (self), 0);
  return self->entries ? self->entries->len : 0;
}

guint
sl_pool_page_get_n_overdue (SlPoolPage *self)
{
  g_return_val_if_fail (SL_IS_POOL_PAGE (self), 0);
  return self->n_overdue;
}

GtkWidget *
sl_pool_page_get_row (SlPoolPage *self,
                      const char *topic)
{
  g_return_val_if_fail (SL_IS_POOL_PAGE (self), NULL);
  return g_hash_table_lookup (self->rows, topic);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sl_pool_page_get_status_label (SlPoolPage *self,
                               const char *topic)
{
  GtkWidget *row = sl_pool_page_get_row (self, topic);

  return row ? find_named (row, "status") : NULL;
}

/* Actions ---------------------------------------------------------------- */

static SlTopic *
find_topic (SlPoolPage *self,
            GVariant   *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->entries && i < self->entries->len; i++)
    {
      SlPoolEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (entry->topic)), id) == 0)
        return entry->topic;
    }
  return NULL;
}

static void
dialog_response_cb (SlRecordDialog *dialog,
                    const char     *response,
                    SlPoolPage     *self)
{
  SlTopic *topic = g_object_get_data (G_OBJECT (dialog), "topic");
  SlTopic *edited = topic;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *source = NULL, *published = NULL, *received = NULL, *note = NULL;
  guint planned;

  if (!g_str_equal (response, "save") || self->ledger == NULL)
    return;

  title = sl_record_dialog_get_text (dialog, "title");
  source = sl_record_dialog_get_text (dialog, "source");
  published = sl_record_dialog_get_text (dialog, "published-on");
  received = sl_record_dialog_get_text (dialog, "received-on");
  note = sl_record_dialog_get_text (dialog, "note");
  planned = sl_record_dialog_get_choice (dialog, "planned-meeting");

  /* A save that fails leaves the object changed: the page reads the
   * stored item again then. */
  sl_topic_set_title (edited, title);
  sl_topic_set_source_kind (edited, sl_record_dialog_get_choice (dialog, "source-kind"));
  sl_topic_set_source (edited, source);
  sl_topic_set_published_on (edited, published);
  sl_topic_set_received_on (edited, received);
  sl_topic_set_note (edited, note);
  sl_topic_set_planned_meeting (edited,
                                planned > 0 && self->meetings && planned <= self->meetings->len
                                ? sl_record_get_id (g_ptr_array_index (self->meetings, planned - 1))
                                : NULL);

  if (!sl_ledger_save_topic (self->ledger, edited, &error))
    {
      sl_ui_show_error (GTK_WIDGET (self), _("The Item Was Not Saved"), error);
      sl_pool_page_reload (self);
      return;
    }

  sl_pool_page_reload (self);
  if (g_object_get_data (G_OBJECT (dialog), "adding"))
    sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Item added to the topic pool")));
}

static void
open_dialog (SlPoolPage *self,
             SlTopic    *topic,
             gboolean    adding)
{
  GtkWidget *dialog;
  SlRecordDialog *form;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_free);
  guint planned = 0;

  dialog = sl_record_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 adding ? _("New Topic-Pool Item") : _("Edit Topic-Pool Item"));
  form = SL_RECORD_DIALOG (dialog);

  for (int i = 0; i < SL_UI_N_TOPIC_SOURCES; i++)
    g_ptr_array_add (sources, (gpointer) sl_ui_topic_source_label (i));
  g_ptr_array_add (sources, NULL);

  g_ptr_array_add (meetings, g_strdup (_("None")));
  for (guint i = 0; self->meetings && i < self->meetings->len; i++)
    {
      SlMeeting *meeting = g_ptr_array_index (self->meetings, i);

      if (g_strcmp0 (sl_record_get_id (SL_RECORD (meeting)), sl_topic_get_planned_meeting (topic)) == 0)
        planned = i + 1;
      g_ptr_array_add (meetings, g_strdup_printf ("%s %s", sl_meeting_get_date (meeting),
                                                  sl_meeting_get_title (meeting)
                                                  ? sl_meeting_get_title (meeting) : ""));
    }
  g_ptr_array_add (meetings, NULL);

  sl_record_dialog_add_text (form, "title", _("Title"), sl_topic_get_title (topic), TRUE);
  sl_record_dialog_add_choice (form, "source-kind", _("Source kind"),
                               (const char * const *) sources->pdata, sl_topic_get_source_kind (topic));
  sl_record_dialog_add_text (form, "source", _("Source"), sl_topic_get_source (topic), FALSE);
  sl_record_dialog_add_date (form, "published-on", _("Published on"),
                             sl_topic_get_published_on (topic), self->year, FALSE);
  sl_record_dialog_add_date (form, "received-on", _("Received on"),
                             sl_topic_get_received_on (topic), self->year, FALSE);
  sl_record_dialog_add_choice (form, "planned-meeting", _("Planned meeting"),
                               (const char * const *) meetings->pdata, planned);
  sl_record_dialog_add_text (form, "note", _("Note"), sl_topic_get_note (topic), FALSE);

  g_object_set_data_full (G_OBJECT (dialog), "topic", g_object_ref (topic), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "adding", GINT_TO_POINTER (adding));
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlPoolPage *self = SL_POOL_PAGE (widget);
  SlOrganization *organization = sl_ledger_query_default_organization (self->ledger);
  g_autoptr(SlTopic) topic = sl_topic_new ();
  g_autofree char *today = sl_today ();

  if (organization == NULL)
    return;

  /* Mostly entered the day it arrives. */
  sl_topic_set_organization (topic, sl_record_get_id (SL_RECORD (organization)));
  sl_topic_set_source_kind (topic, SL_TOPIC_SOURCE_CENTRAL_DOCUMENT);
  if (sl_date_get_year (today) == self->year)
    sl_topic_set_received_on (topic, today);
  open_dialog (self, topic, TRUE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlPoolPage *self = SL_POOL_PAGE (widget);
  SlTopic *topic = find_topic (self, parameter);

  if (topic != NULL)
    open_dialog (self, topic, FALSE);
}

static void
undo_delete_cb (SlPoolPage *self)
{
  sl_record_undo_restore (GTK_WIDGET (self), self->ledger, (GObject **) &self->deleted,
                          (SlRecordSaveFunc) sl_ledger_save_topic,
                          (SlRecordReloadFunc) sl_pool_page_reload,
                          _("The Item Was Not Restored"));
}

/* The toast's button: the toast sits in the window's overlay, out of
 * reach of the page's actions, so it calls back; the action is for the
 * keyboard and tests. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_delete_cb (SL_POOL_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlPoolPage *self = SL_POOL_PAGE (widget);
  SlTopic *topic = find_topic (self, parameter);

  sl_record_undo_delete (widget, self->ledger, topic, (GObject **) &self->deleted,
                         (SlRecordReloadFunc) sl_pool_page_reload,
                         _("The Item Was Not Deleted"), _("Topic-pool item deleted"), G_CALLBACK (undo_delete_cb));
}

/* Object ----------------------------------------------------------------- */

static void
sl_pool_page_map (GtkWidget *widget)
{
  SlPoolPage *self = SL_POOL_PAGE (widget);

  GTK_WIDGET_CLASS (sl_pool_page_parent_class)->map (widget);

  /* A meeting saved meanwhile may have studied an item. */
  self->dirty = TRUE;
  sl_pool_page_reload (self);
}

static void
sl_pool_page_dispose (GObject *object)
{
  SlPoolPage *self = SL_POOL_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->ledger);
  g_clear_object (&self->deleted);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (sl_pool_page_parent_class)->dispose (object);
}

static void
sl_pool_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlPoolPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlPoolPage, year);
  iface->reload = (SlYearPageReloadFunc) sl_pool_page_reload;
}

static void
sl_pool_page_class_init (SlPoolPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_pool_page_dispose;
  sl_year_page_class_install (object_class);
  widget_class->map = sl_pool_page_map;

  gtk_widget_class_install_action (widget_class, "pool.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "pool.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "pool.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "pool.undo", NULL, undo_action);
}

static void
sl_pool_page_init (SlPoolPage *self)
{
  GtkWidget *box;
  GtkWidget *scroller = sl_record_list_scroller (&box);

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->list = SL_RECORD_LIST (sl_record_list_new (_("Topic Pool"), _("_Add to Pool"), "pool.add",
                                                   _("No texts are waiting in the pool. Add a "
                                                     "central document, speech or instruction "
                                                     "when it is received.")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_bin_set_child (ADW_BIN (self), scroller);
}
