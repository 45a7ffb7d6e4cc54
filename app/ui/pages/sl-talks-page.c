/* sl-talks-page.c — the register of heart-to-heart talks (谈心谈话)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The work plan has leaders talk with members under a written procedure
 * and keep a record: who talked with whom (a member, or someone typed by
 * name), when, where, how, why, what was said and what follows. The page
 * lists the year's talks, newest first; a form adds or changes one, and a
 * deletion can be undone from its toast.
 */

#define G_LOG_DOMAIN "sl-talks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-date.h"
#include "sl-ledger.h"
#include "sl-ledger-people.h"
#include "sl-ledger-queries.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-record-dialog.h"
#include "sl-record-list.h"
#include "sl-record-undo.h"
#include "sl-talk.h"
#include "sl-talks-page.h"
#include "sl-ui-labels.h"
#include "sl-ui-util.h"
#include "sl-util.h"
#include "sl-year-page.h"

struct _SlTalksPage
{
  AdwBin        parent_instance;

  SlRecordList *list;

  /* owned references */
  SlLedger     *ledger;
  GPtrArray    *talks;      /* SlTalk of the year, newest first */
  GPtrArray    *members;    /* SlMember the form offers, in roster order */
  GHashTable   *rows;       /* talk id → row (the list owns it) */
  SlTalk       *deleted;    /* for undo */

  int           year;
};

static void sl_talks_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlTalksPage, sl_talks_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE, sl_talks_page_year_page_init))

static char *
counterpart_name (SlTalksPage *self,
                  SlTalk      *talk)
{
  if (sl_talk_get_counterpart (talk) != NULL)
    return g_strdup (sl_ui_member_name (self->ledger, sl_talk_get_counterpart (talk)));
  return g_strdup (sl_talk_get_counterpart_name (talk) ? sl_talk_get_counterpart_name (talk) : "");
}

static GtkWidget *
talk_row (SlTalksPage *self,
          SlTalk      *talk)
{
  GtkWidget *row = adw_action_row_new ();
  const char *id = sl_record_get_id (SL_RECORD (talk));
  g_autofree char *with = counterpart_name (self, talk);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* 2025-03-05  王建国 → 李红梅 */
  title = g_strdup_printf ("%s  %s → %s", sl_talk_get_date (talk) ? sl_talk_get_date (talk) : "",
                           sl_ui_member_name (self->ledger, sl_talk_get_initiator (talk)), with);

  g_string_append (subtitle, sl_ui_talk_kind_label (sl_talk_get_kind (talk)));
  g_string_append_printf (subtitle, " · %s", sl_ui_talk_form_label (sl_talk_get_form (talk)));
  if (sl_talk_get_place (talk) != NULL)
    g_string_append_printf (subtitle, " · %s", sl_talk_get_place (talk));
  if (sl_talk_get_topic (talk) != NULL)
    g_string_append_printf (subtitle, "\n%s：%s", _("Subject"), sl_talk_get_topic (talk));
  if (sl_talk_get_points (talk) != NULL)
    g_string_append_printf (subtitle, "\n%s：%s", _("Main points"), sl_talk_get_points (talk));
  if (sl_talk_get_follow_up (talk) != NULL)
    g_string_append_printf (subtitle, "\n%s：%s", _("Follow-up"), sl_talk_get_follow_up (talk));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             sl_record_list_row_button ("document-edit-symbolic", _("Edit Talk"),
                                                        "talks.edit", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             sl_record_list_row_button ("user-trash-symbolic", _("Delete Talk"),
                                                        "talks.delete", id));
  g_hash_table_insert (self->rows, g_strdup (id), row);
  return row;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  return -g_strcmp0 (sl_talk_get_date (*(SlTalk **) a), sl_talk_get_date (*(SlTalk **) b));
}

void
sl_talks_page_reload (SlTalksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *description = NULL;
  GListModel *members;

  g_return_if_fail (SL_IS_TALKS_PAGE (self));

  g_clear_pointer (&self->talks, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_hash_table_remove_all (self->rows);
  sl_record_list_clear (self->list);
  self->talks = g_ptr_array_new_with_free_func (g_object_unref);
  self->members = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.add",
                                 self->ledger != NULL && self->year > 0 &&
                                 sl_ledger_query_default_organization (self->ledger) != NULL);
  if (self->ledger == NULL || self->year <= 0)
    return;

  if ((all = sl_ledger_load_talks (self->ledger, &error)) == NULL)
    {
      g_warning ("Cannot read the talks: %s", error->message);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      SlTalk *talk = g_ptr_array_index (all, i);

      if (sl_talk_get_date (talk) != NULL && sl_date_get_year (sl_talk_get_date (talk)) == self->year)
        g_ptr_array_add (self->talks, g_object_ref (talk));
    }
  g_ptr_array_sort (self->talks, newest_first);

  /* Members on the roster some time in the year: who talks, and with whom. */
  members = sl_ledger_get_members (self->ledger);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      const char *left = sl_member_get_left_on (member);

      if (left == NULL || sl_date_get_year (left) >= self->year)
        g_ptr_array_add (self->members, g_steal_pointer (&member));
    }

  for (guint i = 0; i < self->talks->len; i++)
    sl_record_list_append (self->list, talk_row (self, g_ptr_array_index (self->talks, i)));

  description = g_strdup_printf (_("%u talks in %d"), self->talks->len, self->year);
  sl_record_list_set_description (self->list, description);
}

guint
sl_talks_page_get_n_talks (SlTalksPage *self)
{
  g_return_val_if_fail (SL_IS_TALKS_PAGE (self), 0);
  return self->talks ? self->talks->len : 0;
}

const char *
sl_talks_page_get_row_title (SlTalksPage *self,
                             const char  *talk)
{
  GtkWidget *row;

  g_return_val_if_fail (SL_IS_TALKS_PAGE (self), NULL);

  row = g_hash_table_lookup (self->rows, talk);
  return row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

/* Actions ---------------------------------------------------------------- */

static SlTalk *
find_talk (SlTalksPage *self,
           GVariant    *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->talks && i < self->talks->len; i++)
    if (g_strcmp0 (sl_record_get_id (g_ptr_array_index (self->talks, i)), id) == 0)
      return g_ptr_array_index (self->talks, i);
  return NULL;
}

static const char *
member_at (SlTalksPage *self,
           guint        position)
{
  /* Position 0 of both member choices is "none / by name". */
  if (position == 0 || position > self->members->len)
    return NULL;
  return sl_record_get_id (g_ptr_array_index (self->members, position - 1));
}

static guint
member_position (SlTalksPage *self,
                 const char  *member)
{
  for (guint i = 0; member != NULL && i < self->members->len; i++)
    if (g_strcmp0 (sl_record_get_id (g_ptr_array_index (self->members, i)), member) == 0)
      return i + 1;
  return 0;
}

static void
dialog_response_cb (SlRecordDialog *dialog,
                    const char     *response,
                    SlTalksPage    *self)
{
  SlTalk *talk = g_object_get_data (G_OBJECT (dialog), "talk");
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL, *place = NULL, *name = NULL, *topic = NULL;
  g_autofree char *points = NULL, *follow_up = NULL;
  const char *counterpart;

  if (!g_str_equal (response, "save") || self->ledger == NULL)
    return;

  date = sl_record_dialog_get_text (dialog, "date");
  place = sl_record_dialog_get_text (dialog, "place");
  name = sl_record_dialog_get_text (dialog, "counterpart-name");
  topic = sl_record_dialog_get_text (dialog, "topic");
  points = sl_record_dialog_get_text (dialog, "points");
  follow_up = sl_record_dialog_get_text (dialog, "follow-up");
  counterpart = member_at (self, sl_record_dialog_get_choice (dialog, "counterpart"));

  sl_talk_set_date (talk, date);
  sl_talk_set_place (talk, place);
  sl_talk_set_initiator (talk, member_at (self, sl_record_dialog_get_choice (dialog, "initiator")));
  sl_talk_set_counterpart (talk, counterpart);
  /* A member chosen is the counterpart; a typed name only stands in. */
  sl_talk_set_counterpart_name (talk, counterpart ? NULL : name);
  sl_talk_set_form (talk, sl_record_dialog_get_choice (dialog, "form"));
  sl_talk_set_kind (talk, sl_record_dialog_get_choice (dialog, "kind"));
  sl_talk_set_topic (talk, topic);
  sl_talk_set_points (talk, points);
  sl_talk_set_follow_up (talk, follow_up);

  if (!sl_ledger_save_talk (self->ledger, talk, &error))
    {
      sl_ui_show_error (GTK_WIDGET (self), _("The Talk Was Not Saved"), error);
      sl_talks_page_reload (self);
      return;
    }

  sl_talks_page_reload (self);
  if (g_object_get_data (G_OBJECT (dialog), "adding"))
    sl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Talk added")));
}

static void
open_dialog (SlTalksPage *self,
             SlTalk      *talk,
             gboolean     adding)
{
  GtkWidget *dialog;
  SlRecordDialog *form;
  g_autoptr(GPtrArray) initiators = g_ptr_array_new ();
  g_autoptr(GPtrArray) counterparts = g_ptr_array_new ();
  g_autoptr(GPtrArray) forms = g_ptr_array_new ();
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  g_ptr_array_add (initiators, (gpointer) "—");
  g_ptr_array_add (counterparts, (gpointer) _("Someone not on the roster (type the name)"));
  for (guint i = 0; i < self->members->len; i++)
    {
      const char *name = sl_member_get_name (g_ptr_array_index (self->members, i));

      g_ptr_array_add (initiators, (gpointer) name);
      g_ptr_array_add (counterparts, (gpointer) name);
    }
  g_ptr_array_add (initiators, NULL);
  g_ptr_array_add (counterparts, NULL);
  for (int i = 0; i < SL_UI_N_TALK_FORMS; i++)
    g_ptr_array_add (forms, (gpointer) sl_ui_talk_form_label (i));
  g_ptr_array_add (forms, NULL);
  for (int i = 0; i < SL_UI_N_TALK_KINDS; i++)
    g_ptr_array_add (kinds, (gpointer) sl_ui_talk_kind_label (i));
  g_ptr_array_add (kinds, NULL);

  dialog = sl_record_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 adding ? _("New Talk") : _("Edit Talk"));
  form = SL_RECORD_DIALOG (dialog);
  sl_record_dialog_add_date (form, "date", _("Date"), sl_talk_get_date (talk), self->year, TRUE);
  sl_record_dialog_add_choice (form, "initiator", _("Talked"),
                               (const char * const *) initiators->pdata,
                               member_position (self, sl_talk_get_initiator (talk)));
  sl_record_dialog_add_choice (form, "counterpart", _("With"),
                               (const char * const *) counterparts->pdata,
                               member_position (self, sl_talk_get_counterpart (talk)));
  sl_record_dialog_add_text (form, "counterpart-name", _("Name, when not on the roster"),
                             sl_talk_get_counterpart_name (talk), FALSE);
  sl_record_dialog_add_text (form, "place", _("Place"), sl_talk_get_place (talk), FALSE);
  sl_record_dialog_add_choice (form, "form", _("Form of talk"), (const char * const *) forms->pdata,
                               sl_talk_get_form (talk));
  sl_record_dialog_add_choice (form, "kind", _("Kind"), (const char * const *) kinds->pdata,
                               sl_talk_get_kind (talk));
  sl_record_dialog_add_text (form, "topic", _("Subject"), sl_talk_get_topic (talk), FALSE);
  sl_record_dialog_add_text (form, "points", _("Main points"), sl_talk_get_points (talk), FALSE);
  sl_record_dialog_add_text (form, "follow-up", _("Follow-up"), sl_talk_get_follow_up (talk), FALSE);

  g_object_set_data_full (G_OBJECT (dialog), "talk", g_object_ref (talk), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "adding", GINT_TO_POINTER (adding));
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlTalksPage *self = SL_TALKS_PAGE (widget);
  SlOrganization *organization = sl_ledger_query_default_organization (self->ledger);
  g_autoptr(SlTalk) talk = sl_talk_new ();
  g_autofree char *today = sl_today ();

  if (organization == NULL)
    return;

  sl_talk_set_organization (talk, sl_record_get_id (SL_RECORD (organization)));
  sl_talk_set_form (talk, SL_TALK_FORM_IN_PERSON);
  sl_talk_set_kind (talk, SL_TALK_KIND_ROUTINE);
  if (sl_date_get_year (today) == self->year)
    sl_talk_set_date (talk, today);
  open_dialog (self, talk, TRUE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlTalksPage *self = SL_TALKS_PAGE (widget);
  SlTalk *talk = find_talk (self, parameter);

  if (talk != NULL)
    open_dialog (self, talk, FALSE);
}

static void
undo_delete_cb (SlTalksPage *self)
{
  sl_record_undo_restore (GTK_WIDGET (self), self->ledger, (GObject **) &self->deleted,
                          (SlRecordSaveFunc) sl_ledger_save_talk,
                          (SlRecordReloadFunc) sl_talks_page_reload,
                          _("The Talk Was Not Restored"));
}

/* The toast's button calls back (the toast is out of the page's action
 * scope); the action is for the keyboard and tests. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_delete_cb (SL_TALKS_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlTalksPage *self = SL_TALKS_PAGE (widget);
  SlTalk *talk = find_talk (self, parameter);

  sl_record_undo_delete (widget, self->ledger, talk, (GObject **) &self->deleted,
                         (SlRecordReloadFunc) sl_talks_page_reload,
                         _("The Talk Was Not Deleted"), _("Talk deleted"), G_CALLBACK (undo_delete_cb));
}

/* Object ----------------------------------------------------------------- */

static void
sl_talks_page_dispose (GObject *object)
{
  SlTalksPage *self = SL_TALKS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->ledger);
  g_clear_object (&self->deleted);
  g_clear_pointer (&self->talks, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (sl_talks_page_parent_class)->dispose (object);
}

static void
sl_talks_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlTalksPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlTalksPage, year);
  /* Members may have changed on the members page. */
  iface->reload = (SlYearPageReloadFunc) sl_talks_page_reload;
  iface->reload_when_shown = TRUE;
}

static void
sl_talks_page_class_init (SlTalksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_talks_page_dispose;
  sl_year_page_class_install (object_class);
  sl_year_page_class_reload_on_map (widget_class);

  gtk_widget_class_install_action (widget_class, "talks.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "talks.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "talks.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "talks.undo", NULL, undo_action);
}

static void
sl_talks_page_init (SlTalksPage *self)
{
  GtkWidget *box;
  GtkWidget *scroller = sl_record_list_scroller (&box);

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->list = SL_RECORD_LIST (sl_record_list_new (_("Heart-to-Heart Talks"), _("_Add Talk"), "talks.add",
                                                   _("No talks recorded this year. Record each talk: "
                                                     "who talked with whom, when, and what follows.")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_bin_set_child (ADW_BIN (self), scroller);
}
