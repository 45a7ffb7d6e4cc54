/* sl-roster-dialog.c — a roster file's people, shown before they are imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A roster from Excel is checked before anything is written: the dialog
 * lists the rows as they were read (names normalized, dates understood) and
 * asks where they go: the organization each row names, an organization of
 * the ledger, or a new one. A file that could not be read shows the reader's
 * message instead, which names the line and the column to fix. Import emits
 * "import"; the window runs it in a worker thread.
 *
 * The rows are plain structs; the column view shows a list of their
 * indices, which is all a list model needs here.
 */

#define G_LOG_DOMAIN "sl-roster-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-combo-row-keys.h"
#include "sl-column-fold.h"
#include "sl-csv-reader.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-organization.h"
#include "sl-roster-dialog.h"
#include "sl-roster-import.h"
#include "sl-roster-problems.h"

struct _SlRosterDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *cancel_button;
  GtkWidget      *import_button;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  AdwPreferencesGroup *target_group;
  AdwComboRow    *target_row;
  GtkStringList  *target_names;
  AdwEntryRow    *new_name_row;
  GtkLabel       *problem_label;
  GtkStringList  *row_indices;
  GtkColumnViewColumn *line_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *gender_column;
  GtkColumnViewColumn *post_column;
  GtkColumnViewColumn *organization_column;
  GtkColumnViewColumn *joined_column;
  GtkColumnViewColumn *phone_column;

  /* owned references */
  SlLedger       *ledger;
  GPtrArray      *rows;            /* SlRosterRow */
  GHashTable     *line_problems;   /* line → char *: its problems, errors first */
  GHashTable     *line_errors;     /* the lines with an error */
  GHashTable     *line_warnings;   /* the lines with a warning */
  GHashTable     *line_labels;     /* the bound 行 cells' labels (unowned) */
  GPtrArray      *targets;         /* char *: an organization's name; NULL entries for "as the file says" */
  gboolean        has_file_organizations;
  gboolean        importable;      /* roster.import enabled */
};

G_DEFINE_FINAL_TYPE (SlRosterDialog, sl_roster_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The targets: [as the file says,] the ledger's organizations, a new one. */
enum { TARGET_FILE, TARGET_EXISTING, TARGET_NEW };

static int
target_kind (SlRosterDialog *self,
             guint           selected)
{
  guint first_existing = self->has_file_organizations ? 1 : 0;

  if (self->has_file_organizations && selected == 0)
    return TARGET_FILE;
  if (selected >= first_existing + self->targets->len)
    return TARGET_NEW;
  return TARGET_EXISTING;
}

char *
sl_roster_dialog_get_target (SlRosterDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);
  guint first_existing = self->has_file_organizations ? 1 : 0;
  char *name;

  g_return_val_if_fail (SL_IS_ROSTER_DIALOG (self), NULL);

  switch (target_kind (self, selected))
    {
    case TARGET_FILE:
      return NULL;
    case TARGET_EXISTING:
      return g_strdup (g_ptr_array_index (self->targets, selected - first_existing));
    case TARGET_NEW:
    default:
      name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row))));
      if (*name == '\0')
        g_clear_pointer (&name, g_free);
      return name;
    }
}

/* A 行 cell: its line marked, its problems in its tooltip. */
static void
style_line_label (SlRosterDialog *self,
                  GtkWidget      *label)
{
  guint line = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "sl-line"));
  const char *problems = self->line_problems ? g_hash_table_lookup (self->line_problems, GUINT_TO_POINTER (line)) : NULL;
  gboolean error = problems != NULL && g_hash_table_contains (self->line_errors, GUINT_TO_POINTER (line));
  gboolean warning = problems != NULL && g_hash_table_contains (self->line_warnings, GUINT_TO_POINTER (line));
  g_autofree char *text = g_strdup_printf ("%u", line);

  /* One colour per label: a line with an error and a warning too (a
   * repeated name with no 所属支部) is red and carries the warning's
   * sign, so that fixing the error does not bring a surprise. */
  if (error && warning)
    {
      g_free (text);
      text = g_strdup_printf ("%u ⚠", line);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, problems);
  if (error)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (problems != NULL && !error)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
  if (problems != NULL)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

#define MAX_ERRORS_SHOWN 5

/* The problem line under the target row: every error, then every
 * warning, so that fixing the one shown reveals no second one. */
static char *
problem_text (GPtrArray *problems,
              guint     *n_errors)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) new_names = g_ptr_array_new ();
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) repeats = g_string_new (NULL);
  guint errors = 0, homeless = 0, n_repeats = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      SlRosterProblem *problem = g_ptr_array_index (problems, i);

      /* Every error at once (up to a screenful), so that fixing the
       * file is one round, not one per error. */
      if (problem->error)
        {
          if (errors == 0)
            g_string_append_printf (text, _("Cannot import: %s"), problem->message);
          else if (errors < MAX_ERRORS_SHOWN)
            g_string_append_printf (text, "\n%s", problem->message);
          errors++;
        }
      else if (problem->kind == SL_ROSTER_PROBLEM_NO_ORGANIZATION)
        homeless++;
      else if (problem->kind == SL_ROSTER_PROBLEM_NEW_ORGANIZATION &&
               g_hash_table_add (named, problem->organization))
        g_ptr_array_add (new_names, problem->organization);
      /* A row pasted twice: which line repeats which, as the CLI says. */
      else if (problem->kind == SL_ROSTER_PROBLEM_REPEAT && n_repeats++ < MAX_ERRORS_SHOWN)
        g_string_append_printf (repeats, "\n%s", problem->message);
    }

  if (errors > MAX_ERRORS_SHOWN)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u more line has an error; point at the red line "
                                              "numbers below to see which",
                                              "%u more lines have errors; point at the red line "
                                              "numbers below to see which",
                                              errors - MAX_ERRORS_SHOWN),
                              errors - MAX_ERRORS_SHOWN);
    }
  if (homeless > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u person has no 所属支部 in the file and will belong to no "
                                              "organization; fill in the column, or choose the organization above",
                                              "%u people have no 所属支部 in the file and will belong to no "
                                              "organization; fill in the column, or choose the organization above",
                                              homeless),
                              homeless);
    }
  if (new_names->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (new_names, NULL);
      /* Translators: the names are joined by 、 */
      names = g_strjoinv (_(", "), (char **) new_names->pdata);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("The ledger has no organization %s: importing adds it as a "
                                              "new one; correct the 所属支部 if it is misspelt, or choose "
                                              "the organization above",
                                              "The ledger has no organizations %s: importing adds them as "
                                              "new ones; correct the 所属支部 if they are misspelt, or choose "
                                              "the organization above",
                                              new_names->len - 1),
                              names);
    }
  if (repeats->len > 0)
    g_string_append (text, repeats->str + (text->len > 0 ? 0 : 1));
  *n_errors = errors;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
target_changed_cb (SlRosterDialog *self)
{
  int kind = target_kind (self, adw_combo_row_get_selected (self->target_row));
  g_autofree char *target = sl_roster_dialog_get_target (self);
  gboolean ok = self->rows != NULL && self->rows->len > 0 && (kind == TARGET_FILE || target != NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer label;
  guint errors = 0;

  /* What the import would refuse, or do unasked, said before it is
   * pressed: a person named twice blocks it; rows that would belong to
   * no organization, or to one the import adds, only warn. */
  g_hash_table_remove_all (self->line_problems);
  g_hash_table_remove_all (self->line_errors);
  g_hash_table_remove_all (self->line_warnings);
  if (self->rows != NULL && self->rows->len > 0 && (kind == TARGET_FILE || target != NULL))
    problems = sl_roster_list_problems (self->rows, target, self->ledger);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      SlRosterProblem *problem = g_ptr_array_index (problems, i);
      gpointer line = GUINT_TO_POINTER (problem->line);
      const char *before = g_hash_table_lookup (self->line_problems, line);

      /* Errors come first in the list, so first in each line's too. */
      g_hash_table_insert (self->line_problems, line,
                           before ? g_strconcat (before, "\n", problem->message, NULL) : g_strdup (problem->message));
      if (problem->error)
        g_hash_table_add (self->line_errors, line);
      else
        g_hash_table_add (self->line_warnings, line);
      if (i < 20)
        g_string_append_printf (all, "%s%s", all->len > 0 ? "\n" : "", problem->message);
    }
  if (problems != NULL && problems->len > 20)
    g_string_append_printf (all, "\n%s", _("… the rest at the marked line numbers below"));

  text = problems != NULL ? problem_text (problems, &errors) : g_strdup ("");
  if (errors > 0)
    ok = FALSE;
  gtk_label_set_text (self->problem_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->problem_label), all->len > 0 ? all->str : NULL);
  if (errors > 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "warning");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), *text != '\0');

  g_hash_table_iter_init (&iter, self->line_labels);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    style_line_label (self, label);

  gtk_widget_set_visible (GTK_WIDGET (self->new_name_row), kind == TARGET_NEW);
  self->importable = ok;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.import", ok);
}

GPtrArray *
sl_roster_dialog_get_rows (SlRosterDialog *self)
{
  g_return_val_if_fail (SL_IS_ROSTER_DIALOG (self), NULL);
  return self->rows;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlRosterDialog *self = SL_ROSTER_DIALOG (widget);
  g_autofree char *target = sl_roster_dialog_get_target (self);

  g_signal_emit (self, signals[SIGNAL_IMPORT], 0, target);
}

/* Cells: one text field of the row whose index the item holds. */

static const char *
row_field (SlRosterRow *row,
           const char  *field,
           char         buffer[16])
{
  if (g_str_equal (field, "line"))
    {
      g_snprintf (buffer, 16, "%u", row->line);
      return buffer;
    }
  if (g_str_equal (field, "name"))         return row->name;
  if (g_str_equal (field, "gender"))       return row->gender;
  if (g_str_equal (field, "post"))         return row->post;
  if (g_str_equal (field, "organization")) return row->organization;
  if (g_str_equal (field, "party_joined_on")) return row->party_joined_on;
  if (g_str_equal (field, "phone"))        return row->phone;
  return NULL;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SlRosterDialog           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (g_str_equal (g_object_get_data (G_OBJECT (factory), "sl-field"), "line"))
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SlRosterDialog           *self)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
  const char *field = g_object_get_data (G_OBJECT (factory), "sl-field");
  GtkWidget *label = gtk_list_item_get_child (list_item);
  char buffer[16];
  const char *text;

  if (self->rows == NULL || index >= self->rows->len)
    return;

  text = row_field (g_ptr_array_index (self->rows, index), field, buffer);
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (g_str_equal (field, "line"))
    {
      SlRosterRow *row = g_ptr_array_index (self->rows, index);

      g_object_set_data (G_OBJECT (label), "sl-line", GUINT_TO_POINTER (row->line));
      g_hash_table_add (self->line_labels, label);
      style_line_label (self, label);
    }
  else
    gtk_widget_set_tooltip_text (label, text);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SlRosterDialog           *self)
{
  if (self->line_labels != NULL)
    g_hash_table_remove (self->line_labels, gtk_list_item_get_child (list_item));
}

static void
set_factory (SlRosterDialog      *self,
             GtkColumnViewColumn *column,
             const char          *field)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "sl-field", (gpointer) field);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);
  gtk_column_view_column_set_factory (column, factory);
}

static void
fill (SlRosterDialog *self,
      SlLedger       *ledger)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);
  GListModel *organizations = sl_ledger_get_organizations (ledger);
  SlOrganization *fallback = sl_ledger_query_default_organization (ledger);
  guint selected = 0;
  guint n_file_organizations = 0;
  g_autoptr(GHashTable) file_organizations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      SlRosterRow *row = g_ptr_array_index (self->rows, i);

      if (row->organization != NULL)
        g_hash_table_add (file_organizations, row->organization);
      g_ptr_array_add (indices, g_strdup_printf ("%u", i));
    }
  g_ptr_array_add (indices, NULL);
  gtk_string_list_splice (self->row_indices, 0, 0, (const char * const *) indices->pdata);

  n_file_organizations = g_hash_table_size (file_organizations);
  self->has_file_organizations = n_file_organizations > 0;
  if (self->has_file_organizations)
    g_ptr_array_add (names, (gpointer) _("The organization each row names"));

  self->targets = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

      if (!self->has_file_organizations && organization == fallback)
        selected = names->len;
      g_ptr_array_add (self->targets, g_strdup (sl_organization_get_name (organization)));
      g_ptr_array_add (names, (gpointer) sl_organization_get_name (organization));
    }
  if (!self->has_file_organizations && fallback == NULL)
    selected = names->len;
  g_ptr_array_add (names, (gpointer) _("A new organization"));
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->target_names, 0, 0, (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->target_row, selected);

  summary = g_strdup_printf (ngettext ("%u person was read from the file. Members the ledger "
                                       "has already, by name within their organization, are "
                                       "updated; nothing is written until you import.",
                                       "%u people were read from the file. Members the ledger "
                                       "has already, by name within their organization, are "
                                       "updated; nothing is written until you import.",
                                       self->rows->len),
                             self->rows->len);
  adw_preferences_group_set_description (self->target_group, summary);
}

static void
sl_roster_dialog_dispose (GObject *object)
{
  SlRosterDialog *self = SL_ROSTER_DIALOG (object);

  g_clear_pointer (&self->line_labels, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_ROSTER_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->line_problems, g_hash_table_unref);
  g_clear_pointer (&self->line_errors, g_hash_table_unref);
  g_clear_pointer (&self->line_warnings, g_hash_table_unref);
  g_clear_object (&self->ledger);
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_roster_dialog_parent_class)->dispose (object);
}

static void
sl_roster_dialog_class_init (SlRosterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_roster_dialog_dispose;

  /**
   * SlRosterDialog::import:
   * @organization: (nullable): the organization's name for every row, or
   *   %NULL for each row's own
   */
  signals[SIGNAL_IMPORT] =
    g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/studyledger/StudyLedger/sl-roster-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, target_group);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, target_names);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, row_indices);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, line_column);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, name_column);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, gender_column);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, post_column);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, organization_column);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, joined_column);
  gtk_widget_class_bind_template_child (widget_class, SlRosterDialog, phone_column);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);

  gtk_widget_class_install_action (widget_class, "roster.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_roster_dialog_init (SlRosterDialog *self)
{
  self->line_problems = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->line_errors = g_hash_table_new (NULL, NULL);
  self->line_warnings = g_hash_table_new (NULL, NULL);
  self->line_labels = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  sl_combo_row_keys_install (self->target_row);

  set_factory (self, self->line_column, "line");
  set_factory (self, self->name_column, "name");
  set_factory (self, self->gender_column, "gender");
  set_factory (self, self->post_column, "post");
  set_factory (self, self->organization_column, "organization");
  set_factory (self, self->joined_column, "party_joined_on");
  set_factory (self, self->phone_column, "phone");
  /* On a narrow window: line, name and post (sl-column-fold.c). */
  sl_column_fold_attach (gtk_column_view_column_get_column_view (self->phone_column),
                         self->phone_column, 700, self->joined_column, 700,
                         self->organization_column, 520, self->gender_column, 440, NULL);
}

SlRosterDialog *
sl_roster_dialog_new (GtkWindow    *parent,
                      SlLedger     *ledger,
                      GFile        *file,
                      GPtrArray    *rows,
                      const GError *error)
{
  SlRosterDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail ((rows == NULL) != (error == NULL), NULL);

  self = g_object_new (SL_TYPE_ROSTER_DIALOG, "transient-for", parent, NULL);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  if (rows == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.import", FALSE);
      /* Nothing to import: the only way on is back. */
      gtk_widget_set_visible (self->import_button, FALSE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
      gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
      return self;
    }

  self->rows = g_ptr_array_ref (rows);
  self->ledger = g_object_ref (ledger);
  fill (self, ledger);
  gtk_stack_set_visible_child_name (self->stack, "rows");
  target_changed_cb (self);

  /* The keyboard: Return imports (from the new organization's name too),
   * Escape cancels. The focus starts on 导入 when the rows can be
   * imported, else on where they go; never on 取消, where Return threw
   * the preview away. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  adw_entry_row_set_activates_default (self->new_name_row, TRUE);
  gtk_widget_grab_focus (self->importable ? self->import_button : GTK_WIDGET (self->target_row));

  return self;
}
