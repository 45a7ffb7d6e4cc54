/* sl-member-dialog.c — add a member, or change one as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing a member saves each field as it is applied (the entry rows'
 * apply button or Enter; switches and the organization at once): there is
 * no Save button to forget. A field the ledger refuses goes back to what
 * it was, and a toast says why. A new member is only written when Add is
 * pressed, since a member without a name cannot be saved.
 *
 * Two members of one name in one organization (sl_roster_find_namesakes)
 * need a note that tells them apart: the dialog explains, marks the note,
 * and saves nothing until one is written.
 */

#define G_LOG_DOMAIN "sl-member-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-combo-row-keys.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-member.h"
#include "sl-member-dialog.h"
#include "sl-organization.h"
#include "sl-roster-import.h"
#include "sl-save-queue.h"
#include "sl-ui-util.h"
#include "sl-util.h"

struct _SlMemberDialog
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwHeaderBar    *header_bar;
  GtkWidget       *cancel_button;
  GtkWidget       *add_button;
  AdwEntryRow     *name_row;
  AdwEntryRow     *post_row;
  AdwEntryRow     *note_row;
  AdwComboRow     *organization_row;
  AdwComboRow     *gender_row;
  GtkStringList   *organization_names;
  GtkSwitch       *leadership_switch;
  GtkSwitch       *central_group_switch;
  AdwEntryRow     *joined_row;
  AdwEntryRow     *left_row;

  /* owned references */
  SlLedger        *ledger;
  SlMember        *member;          /* NULL while adding */
  GPtrArray       *organization_ids;

  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (SlMemberDialog, sl_member_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_MEMBER_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (SlMemberDialog *self,
       const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, sl_ui_toast_new_printf ("%s", message));
}

static char *
entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
mark_error (AdwEntryRow *row,
            gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* The days a member is expected: real days, the last not before the first. */
static gboolean
check_dates (const char  *joined_on,
             const char  *left_on,
             AdwEntryRow *joined_row,
             AdwEntryRow *left_row,
             GError     **error)
{
  gboolean joined_ok = joined_on == NULL || sl_date_is_valid (joined_on);
  gboolean left_ok = left_on == NULL || sl_date_is_valid (left_on);

  mark_error (joined_row, !joined_ok);
  mark_error (left_row, !left_ok);

  if (!joined_ok || !left_ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a day; write it as 2023-07-01"),
                   joined_ok ? left_on : joined_on);
      return FALSE;
    }

  if (joined_on != NULL && left_on != NULL && g_strcmp0 (left_on, joined_on) < 0)
    {
      mark_error (left_row, TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The day left comes before the day joined"));
      return FALSE;
    }

  return TRUE;
}

/* Namesakes ------------------------------------------------------------------ */

static void
on_namesake_response (SlMemberDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

/* TRUE when @name may be used in @organization with @note; else marks the
 * note and explains in a dialog. @exclude: the member being edited. */
static gboolean
check_namesakes (SlMemberDialog *self,
                 const char     *name,
                 const char     *organization,
                 const char     *note,
                 const char     *exclude)
{
  g_autoptr(GPtrArray) namesakes = sl_roster_find_namesakes (self->ledger, name, organization, exclude);
  SlOrganization *found = organization ? sl_ledger_find_organization (self->ledger, organization) : NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  mark_error (self->note_row, FALSE);
  if (sl_roster_note_tells_apart (namesakes, note))
    return TRUE;

  mark_error (self->note_row, TRUE);
  /* Translators: the organization's name, then the member's name. */
  body = g_strdup_printf (_("%s already has a member named %s. Write in Note what tells the two apart "
                            "(a department, a post, a year of birth), so that records and sign-in "
                            "sheets do not mix them up."),
                          found ? sl_organization_get_name (found) : _("The ledger"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Namesake"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "note", _("_Write a Note"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_namesake_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

static void show_member (SlMemberDialog *self);

/* Saves the member; FALSE and a toast when the ledger refuses, and the
 * caller puts the field back. A ledger busy with another program's import
 * keeps the change: it waits in the save queue, which stores it when the
 * ledger is free. A member that another program changed since it was
 * read is not saved: the dialog shows the newer version instead, for the
 * user to redo the change on it. */
static gboolean
save (SlMemberDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->member == NULL || self->loading)
    return TRUE;

  if (!sl_save_queue_save (sl_save_queue_get (self->ledger), SL_RECORD (self->member), &error))
    {
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY))
        {
          toast (self, _("Ledger busy: saving when it is free"));
          return TRUE;
        }

      if (g_error_matches (error, SL_LEDGER_ERROR, SL_LEDGER_ERROR_CHANGED))
        {
          /* The store's object takes the row's values, this one included. */
          sl_ledger_reload (self->ledger);
          show_member (self);
          toast (self, _("Changed elsewhere; reloaded, redo your change"));
          return TRUE;
        }

      {
        g_autofree char *text = sl_ui_error_text (error);

        toast (self, text);
      }
      return FALSE;
    }

  return TRUE;
}

static void
name_apply_cb (SlMemberDialog *self)
{
  g_autofree char *typed = entry_text (self->name_row);
  g_autofree char *name = typed ? sl_normalize_name (typed) : NULL;
  g_autofree char *old = NULL;

  if (self->member == NULL)
    return;

  if (name == NULL || *name == '\0')
    {
      mark_error (self->name_row, TRUE);
      toast (self, _("A member needs a name"));
      return;
    }

  mark_error (self->name_row, FALSE);
  if (!check_namesakes (self, name, sl_member_get_organization (self->member),
                        sl_member_get_note (self->member), sl_record_get_id (SL_RECORD (self->member))))
    return;

  old = g_strdup (sl_member_get_name (self->member));
  sl_member_set_name (self->member, name);
  if (!save (self))
    sl_member_set_name (self->member, old);
  set_entry_text (self->name_row, sl_member_get_name (self->member));
}

static void
post_apply_cb (SlMemberDialog *self)
{
  g_autofree char *post = entry_text (self->post_row);
  g_autofree char *old = NULL;

  if (self->member == NULL)
    return;

  old = g_strdup (sl_member_get_post (self->member));
  sl_member_set_post (self->member, post);
  if (!save (self))
    {
      sl_member_set_post (self->member, old);
      set_entry_text (self->post_row, old);
    }
}

static void
note_apply_cb (SlMemberDialog *self)
{
  g_autofree char *note = entry_text (self->note_row);
  g_autofree char *old = NULL;

  if (self->member == NULL)
    return;

  if (!check_namesakes (self, sl_member_get_name (self->member), sl_member_get_organization (self->member),
                        note, sl_record_get_id (SL_RECORD (self->member))))
    return;

  old = g_strdup (sl_member_get_note (self->member));
  sl_member_set_note (self->member, note);
  if (!save (self))
    {
      sl_member_set_note (self->member, old);
      set_entry_text (self->note_row, old);
    }
}

static void
dates_apply_cb (SlMemberDialog *self)
{
  g_autofree char *joined_on = entry_text (self->joined_row);
  g_autofree char *left_on = entry_text (self->left_row);
  g_autofree char *old_joined = NULL;
  g_autofree char *old_left = NULL;
  g_autoptr(GError) error = NULL;

  if (self->member == NULL)
    return;

  if (!check_dates (joined_on, left_on, self->joined_row, self->left_row, &error))
    {
      {
        g_autofree char *text = sl_ui_error_text (error);

        toast (self, text);
      }
      return;
    }

  old_joined = g_strdup (sl_member_get_joined_on (self->member));
  old_left = g_strdup (sl_member_get_left_on (self->member));
  sl_member_set_joined_on (self->member, joined_on);
  sl_member_set_left_on (self->member, left_on);
  if (!save (self))
    {
      sl_member_set_joined_on (self->member, old_joined);
      sl_member_set_left_on (self->member, old_left);
    }
}

static const char *
selected_organization (SlMemberDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->organization_row);

  /* Item 0 is "no organization". */
  if (self->organization_ids == NULL || selected == 0 || selected > self->organization_ids->len)
    return NULL;
  return g_ptr_array_index (self->organization_ids, selected - 1);
}

/* The combo position of @organization: 0 is "no organization". */
static guint
organization_position (SlMemberDialog *self,
                       const char     *organization)
{
  for (guint i = 0; organization != NULL && i < self->organization_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->organization_ids, i), organization))
      return i + 1;

  return 0;
}

static void
organization_selected_cb (SlMemberDialog *self)
{
  g_autofree char *old = NULL;

  if (self->member == NULL || self->loading)
    return;

  /* Moved among namesakes without a note that tells them apart: stay. */
  if (!check_namesakes (self, sl_member_get_name (self->member), selected_organization (self),
                        sl_member_get_note (self->member), sl_record_get_id (SL_RECORD (self->member))))
    {
      self->loading = TRUE;
      adw_combo_row_set_selected (self->organization_row,
                                  organization_position (self, sl_member_get_organization (self->member)));
      self->loading = FALSE;
      return;
    }

  old = g_strdup (sl_member_get_organization (self->member));
  sl_member_set_organization (self->member, selected_organization (self));
  if (!save (self))
    sl_member_set_organization (self->member, old);
}

/* The genders the row offers: the roster's own words, none first. */
static const char * const genders[] = { NULL, "男", "女" };

static guint
gender_position (const char *gender)
{
  for (guint i = 1; i < G_N_ELEMENTS (genders); i++)
    if (g_strcmp0 (genders[i], gender) == 0)
      return i;
  return 0;
}

static const char *
selected_gender (SlMemberDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->gender_row);

  return selected < G_N_ELEMENTS (genders) ? genders[selected] : NULL;
}

static void
gender_selected_cb (SlMemberDialog *self)
{
  g_autofree char *old = NULL;

  if (self->member == NULL || self->loading)
    return;

  old = g_strdup (sl_member_get_gender (self->member));
  sl_member_set_gender (self->member, selected_gender (self));
  if (!save (self))
    sl_member_set_gender (self->member, old);
}

static void
leadership_toggled_cb (SlMemberDialog *self)
{
  gboolean active = gtk_switch_get_active (self->leadership_switch);

  if (self->member == NULL || self->loading)
    return;

  sl_member_set_leadership (self->member, active);
  if (!save (self))
    sl_member_set_leadership (self->member, !active);
}

static void
central_group_toggled_cb (SlMemberDialog *self)
{
  gboolean active = gtk_switch_get_active (self->central_group_switch);

  if (self->member == NULL || self->loading)
    return;

  sl_member_set_central_group (self->member, active);
  if (!save (self))
    sl_member_set_central_group (self->member, !active);
}

/* While adding: Add is possible with a name and sound dates. */
static void
validate_cb (SlMemberDialog *self)
{
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *joined_on = entry_text (self->joined_row);
  g_autofree char *left_on = entry_text (self->left_row);
  gboolean ok;

  if (self->member != NULL)
    return;

  ok = check_dates (joined_on, left_on, self->joined_row, self->left_row, NULL) && name != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.add", ok);
}

static void
entry_activated_cb (SlMemberDialog *self)
{
  /* Enter adds a new member; an edited field applies itself. */
  if (self->member == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "member.add", NULL);
}

static int
next_sort (SlLedger *ledger)
{
  GListModel *members = sl_ledger_get_members (ledger);
  int sort = 0;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      sort = MAX (sort, sl_member_get_sort (member) + 1);
    }

  return sort;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlMemberDialog *self = SL_MEMBER_DIALOG (widget);
  g_autofree char *typed = entry_text (self->name_row);
  g_autofree char *name = typed ? sl_normalize_name (typed) : NULL;
  g_autofree char *post = entry_text (self->post_row);
  g_autofree char *note = entry_text (self->note_row);
  g_autofree char *joined_on = entry_text (self->joined_row);
  g_autofree char *left_on = entry_text (self->left_row);
  g_autoptr(SlMember) member = NULL;
  g_autoptr(GError) error = NULL;

  if (self->member != NULL)
    return;

  if (name == NULL || *name == '\0')
    {
      mark_error (self->name_row, TRUE);
      toast (self, _("A member needs a name"));
      return;
    }

  if (!check_dates (joined_on, left_on, self->joined_row, self->left_row, &error))
    {
      {
        g_autofree char *text = sl_ui_error_text (error);

        toast (self, text);
      }
      return;
    }

  if (!check_namesakes (self, name, selected_organization (self), note, NULL))
    return;

  member = sl_member_new ();
  sl_member_set_name (member, name);
  sl_member_set_gender (member, selected_gender (self));
  sl_member_set_post (member, post);
  sl_member_set_note (member, note);
  sl_member_set_organization (member, selected_organization (self));
  sl_member_set_leadership (member, gtk_switch_get_active (self->leadership_switch));
  sl_member_set_central_group (member, gtk_switch_get_active (self->central_group_switch));
  sl_member_set_joined_on (member, joined_on);
  sl_member_set_left_on (member, left_on);
  /* New members join the end of the roster. */
  sl_member_set_sort (member, next_sort (self->ledger));

  if (!sl_ledger_save_member (self->ledger, member, &error))
    {
      {
        g_autofree char *text = sl_ui_error_text (error);

        toast (self, text);
      }
      return;
    }

  g_signal_emit (self, signals[SIGNAL_MEMBER_ADDED], 0, member);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill (SlMemberDialog *self,
      const char     *organization)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *organizations = sl_ledger_get_organizations (self->ledger);
  guint selected = 0;

  self->loading = TRUE;

  self->organization_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (names, (gpointer) _("No organization"));
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) each = g_list_model_get_item (organizations, i);
      const char *id = sl_record_get_id (SL_RECORD (each));

      g_ptr_array_add (self->organization_ids, g_strdup (id));
      g_ptr_array_add (names, (gpointer) sl_organization_get_name (each));
      if (g_strcmp0 (id, organization) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->organization_names, 0, 0, (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->organization_row, selected);

  if (self->member != NULL)
    {
      set_entry_text (self->name_row, sl_member_get_name (self->member));
      set_entry_text (self->post_row, sl_member_get_post (self->member));
      set_entry_text (self->note_row, sl_member_get_note (self->member));
      /* A gender the roster wrote otherwise shows as none until chosen. */
  adw_combo_row_set_selected (self->gender_row, gender_position (sl_member_get_gender (self->member)));
  gtk_switch_set_active (self->leadership_switch, sl_member_get_leadership (self->member));
      gtk_switch_set_active (self->central_group_switch, sl_member_get_central_group (self->member));
      set_entry_text (self->joined_row, sl_member_get_joined_on (self->member));
      set_entry_text (self->left_row, sl_member_get_left_on (self->member));
    }

  self->loading = FALSE;
}

/* Shows the member's values: after another program changed it. The
 * field being typed in keeps what the user typed. */
static void
show_member (SlMemberDialog *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  AdwEntryRow *rows[] = { self->name_row, self->post_row, self->joined_row, self->left_row };
  const char *values[4];
  guint selected = 0;

  if (self->member == NULL)
    return;

  values[0] = sl_member_get_name (self->member);
  values[1] = sl_member_get_post (self->member);
  values[2] = sl_member_get_joined_on (self->member);
  values[3] = sl_member_get_left_on (self->member);

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (rows[i])))
      set_entry_text (rows[i], values[i]);
  gtk_switch_set_active (self->leadership_switch, sl_member_get_leadership (self->member));
  gtk_switch_set_active (self->central_group_switch, sl_member_get_central_group (self->member));
  for (guint i = 0; self->organization_ids != NULL && i < self->organization_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->organization_ids, i),
                   sl_member_get_organization (self->member)) == 0)
      selected = i + 1;
  adw_combo_row_set_selected (self->organization_row, selected);
  self->loading = FALSE;
}

/* The member changed (sl_ledger_reload() after another program wrote).
 * The dialog's own changes pass here too, and show what the fields hold:
 * each apply reads its fields before it sets the member. */
static void
member_notify_cb (SlMemberDialog *self)
{
  if (!self->loading)
    show_member (self);
}

static void
sl_member_dialog_dispose (GObject *object)
{
  SlMemberDialog *self = SL_MEMBER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_MEMBER_DIALOG);
  if (self->member != NULL)
    g_signal_handlers_disconnect_by_data (self->member, self);
  g_clear_object (&self->ledger);
  g_clear_object (&self->member);
  g_clear_pointer (&self->organization_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_member_dialog_parent_class)->dispose (object);
}

static void
sl_member_dialog_class_init (SlMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_member_dialog_dispose;

  /**
   * SlMemberDialog::member-added:
   * @member: the member just saved
   */
  signals[SIGNAL_MEMBER_ADDED] =
    g_signal_new ("member-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-member-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, post_row);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, gender_row);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, organization_names);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, leadership_switch);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, central_group_switch);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, joined_row);
  gtk_widget_class_bind_template_child (widget_class, SlMemberDialog, left_row);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, post_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, organization_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, gender_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, leadership_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, central_group_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "member.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_member_dialog_init (SlMemberDialog *self)
{
  GtkStringList *gender_names;

  gtk_widget_init_template (GTK_WIDGET (self));
  sl_combo_row_keys_install (self->organization_row);
  sl_combo_row_keys_install (self->gender_row);

  gender_names = gtk_string_list_new ((const char *[]) { _("Not given"), C_("gender", "Male"),
                                                         C_("gender", "Female"), NULL });
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (gender_names));
  g_object_unref (gender_names);
}

GtkWidget *
sl_member_dialog_new (GtkWindow  *parent,
                      SlLedger   *ledger,
                      SlMember   *member,
                      const char *organization)
{
  SlMemberDialog *self;
  gboolean adding = member == NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (member == NULL || SL_IS_MEMBER (member), NULL);

  self = g_object_new (SL_TYPE_MEMBER_DIALOG, "transient-for", parent, NULL);
  self->ledger = g_object_ref (ledger);
  self->member = member ? g_object_ref (member) : NULL;

  if (adding && organization == NULL)
    {
      SlOrganization *fallback = sl_ledger_query_default_organization (ledger);
      organization = fallback ? sl_record_get_id (SL_RECORD (fallback)) : NULL;
    }

  fill (self, adding ? organization : sl_member_get_organization (member));
  if (!adding)
    g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), self, G_CONNECT_SWAPPED);

  adw_window_title_set_title (self->window_title, adding ? _("New Member") : _("Edit Member"));
  gtk_window_set_title (GTK_WINDOW (self), adding ? _("New Member") : _("Edit Member"));
  gtk_widget_set_visible (self->cancel_button, adding);
  gtk_widget_set_visible (self->add_button, adding);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, !adding);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !adding);

  /* Existing members save field by field, on apply. */
  adw_entry_row_set_show_apply_button (self->name_row, !adding);
  adw_entry_row_set_show_apply_button (self->post_row, !adding);
  adw_entry_row_set_show_apply_button (self->note_row, !adding);
  adw_entry_row_set_show_apply_button (self->joined_row, !adding);
  adw_entry_row_set_show_apply_button (self->left_row, !adding);

  if (adding)
    validate_cb (self);

  sl_ui_fit_dialog (GTK_WINDOW (self), parent);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
