/* sl-reports-page.c — branches' half-year reports and members' own study notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two registers an inspection asks for beside the meetings: each branch's
 * 思想政治工作情况报告 for each half-year (the rule branch_report_half_year
 * counts them), and the members' own study records (自学笔记、心得体会、
 * 调研报告) with who checked the notebook and when. Both are short flat
 * lists of the year, one above the other, each with its form; deleting
 * either can be undone from the toast.
 */

#define G_LOG_DOMAIN "sl-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-branch-report.h"
#include "sl-date.h"
#include "sl-ledger.h"
#include "sl-ledger-people.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-record-dialog.h"
#include "sl-record-list.h"
#include "sl-record-undo.h"
#include "sl-reports-page.h"
#include "sl-study-note.h"
#include "sl-ui-labels.h"
#include "sl-ui-util.h"
#include "sl-util.h"
#include "sl-year-page.h"

struct _SlReportsPage
{
  AdwBin        parent_instance;

  SlRecordList *reports_list;
  SlRecordList *notes_list;

  /* owned references */
  SlLedger     *ledger;
  GPtrArray    *reports;      /* SlBranchReport of the year */
  GPtrArray    *notes;        /* SlStudyNote of the year */
  GPtrArray    *branches;     /* SlOrganization the report form offers */
  GPtrArray    *members;      /* SlMember the note form offers */
  SlRecord     *deleted;      /* for undo: a report or a note */

  int           year;
};

static void sl_reports_page_year_page_init (SlYearPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlReportsPage, sl_reports_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_YEAR_PAGE, sl_reports_page_year_page_init))

static const char *
period_label (const char *period)
{
  if (period != NULL && g_str_has_suffix (period, "-H1"))
    return _("first half");
  if (period != NULL && g_str_has_suffix (period, "-H2"))
    return _("second half");
  return "";
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *edit_action,
         const char *delete_action,
         const char *id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             sl_record_list_row_button ("document-edit-symbolic", _("Edit"), edit_action, id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             sl_record_list_row_button ("user-trash-symbolic", _("Delete"), delete_action, id));
  return row;
}

static GtkWidget *
report_row (SlReportsPage  *self,
            SlBranchReport *report)
{
  const char *period = sl_branch_report_get_period (report);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_append_printf (subtitle, "%s · %s %s",
                          sl_ui_organization_name (self->ledger, sl_branch_report_get_organization (report)),
                          period ? period : "", period_label (period));
  if (sl_branch_report_get_received_on (report) != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("received"), sl_branch_report_get_received_on (report));
  if (sl_branch_report_get_note (report) != NULL)
    g_string_append_printf (subtitle, "\n%s", sl_branch_report_get_note (report));

  return new_row (sl_branch_report_get_title (report) ? sl_branch_report_get_title (report)
                  : _("Report on members' thinking"),
                  subtitle->str, "reports.edit-report", "reports.delete-report",
                  sl_record_get_id (SL_RECORD (report)));
}

static GtkWidget *
note_row (SlReportsPage *self,
          SlStudyNote   *note)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_append_printf (subtitle, "%s · %s · %s",
                          sl_ui_member_name (self->ledger, sl_study_note_get_member (note)),
                          sl_study_note_get_date (note) ? sl_study_note_get_date (note) : "",
                          sl_ui_study_note_kind_label (sl_study_note_get_kind (note)));
  if (sl_study_note_get_size (note) != NULL)
    g_string_append_printf (subtitle, " · %s", sl_study_note_get_size (note));
  if (sl_study_note_get_checked_by (note) != NULL || sl_study_note_get_checked_on (note) != NULL)
    g_string_append_printf (subtitle, "\n%s %s %s", _("Checked by"),
                            sl_study_note_get_checked_by (note) ? sl_study_note_get_checked_by (note) : "",
                            sl_study_note_get_checked_on (note) ? sl_study_note_get_checked_on (note) : "");

  return new_row (sl_study_note_get_title (note) ? sl_study_note_get_title (note) : _("Untitled"),
                  subtitle->str, "reports.edit-note", "reports.delete-note",
                  sl_record_get_id (SL_RECORD (note)));
}

static int
report_order (gconstpointer a,
              gconstpointer b)
{
  SlBranchReport *x = *(SlBranchReport **) a, *y = *(SlBranchReport **) b;
  int by_period = g_strcmp0 (sl_branch_report_get_period (x), sl_branch_report_get_period (y));

  return by_period ? by_period
         : g_strcmp0 (sl_branch_report_get_received_on (x), sl_branch_report_get_received_on (y));
}

static int
note_order (gconstpointer a,
            gconstpointer b)
{
  return -g_strcmp0 (sl_study_note_get_date (*(SlStudyNote **) a),
                     sl_study_note_get_date (*(SlStudyNote **) b));
}

void
sl_reports_page_reload (SlReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *description = NULL;
  GListModel *model;

  g_return_if_fail (SL_IS_REPORTS_PAGE (self));

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  sl_record_list_clear (self->reports_list);
  sl_record_list_clear (self->notes_list);
  self->reports = g_ptr_array_new_with_free_func (g_object_unref);
  self->notes = g_ptr_array_new_with_free_func (g_object_unref);
  self->branches = g_ptr_array_new_with_free_func (g_object_unref);
  self->members = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->ledger == NULL || self->year <= 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.add-report", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.add-note", FALSE);
      return;
    }

  /* Branches report; a ledger of one party group alone has its own. */
  model = sl_ledger_get_organizations (self->ledger);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (model, i);

      if (sl_organization_get_kind (organization) == SL_ORGANIZATION_KIND_BRANCH)
        g_ptr_array_add (self->branches, g_steal_pointer (&organization));
    }
  for (guint i = 0; self->branches->len == 0 && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (self->branches, g_list_model_get_item (model, i));

  model = sl_ledger_get_members (self->ledger);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (model, i);
      const char *left = sl_member_get_left_on (member);

      if (left == NULL || sl_date_get_year (left) >= self->year)
        g_ptr_array_add (self->members, g_steal_pointer (&member));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.add-report", self->branches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.add-note", self->members->len > 0);

  prefix = g_strdup_printf ("%04d-", self->year);
  if ((reports = sl_ledger_load_branch_reports (self->ledger, &error)) == NULL)
    {
      g_warning ("Cannot read the branch reports: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    if (g_str_has_prefix (sl_branch_report_get_period (g_ptr_array_index (reports, i)), prefix))
      g_ptr_array_add (self->reports, g_object_ref (g_ptr_array_index (reports, i)));
  g_ptr_array_sort (self->reports, report_order);

  if ((notes = sl_ledger_load_study_notes (self->ledger, &error)) == NULL)
    g_warning ("Cannot read the study notes: %s", error->message);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const char *date = sl_study_note_get_date (g_ptr_array_index (notes, i));

      if (date != NULL && sl_date_get_year (date) == self->year)
        g_ptr_array_add (self->notes, g_object_ref (g_ptr_array_index (notes, i)));
    }
  g_ptr_array_sort (self->notes, note_order);

  for (guint i = 0; i < self->reports->len; i++)
    sl_record_list_append (self->reports_list, report_row (self, g_ptr_array_index (self->reports, i)));
  for (guint i = 0; i < self->notes->len; i++)
    sl_record_list_append (self->notes_list, note_row (self, g_ptr_array_index (self->notes, i)));

  description = g_strdup_printf (_("Each branch reports on its members' thinking every half-year: "
                                   "%u reports of %d."), self->reports->len, self->year);
  sl_record_list_set_description (self->reports_list, description);
  g_clear_pointer (&description, g_free);
  description = g_strdup_printf (_("Members' own notes, reflections and research reports, and "
                                   "who checked them: %u in %d."), self->notes->len, self->year);
  sl_record_list_set_description (self->notes_list, description);
}

guint
sl_reports_page_get_n_reports (SlReportsPage *self)
{
  g_return_val_if_fail (SL_IS_REPORTS_PAGE (self), 0);
  return self->reports ? self->reports->len : 0;
}

guint
sl_reports_page_get_n_notes (SlReportsPage *self)
{
  g_return_val_if_fail (SL_IS_REPORTS_PAGE (self), 0);
  return self->notes ? self->notes->len : 0;
}

/* Forms ------------------------------------------------------------------ */

static gpointer
find_in (GPtrArray *records,
         GVariant  *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; records && i < records->len; i++)
    if (g_strcmp0 (sl_record_get_id (g_ptr_array_index (records, i)), id) == 0)
      return g_ptr_array_index (records, i);
  return NULL;
}

static guint
position_of (GPtrArray  *records,
             const char *id)
{
  for (guint i = 0; id != NULL && i < records->len; i++)
    if (g_strcmp0 (sl_record_get_id (g_ptr_array_index (records, i)), id) == 0)
      return i;
  return 0;
}

static gboolean
save_record (SlLedger  *ledger,
             gpointer   record,
             GError   **error)
{
  if (SL_IS_BRANCH_REPORT (record))
    return sl_ledger_save_branch_report (ledger, SL_BRANCH_REPORT (record), error);
  return sl_ledger_save_study_note (ledger, SL_STUDY_NOTE (record), error);
}

static void
dialog_response_cb (SlRecordDialog *dialog,
                    const char     *response,
                    SlReportsPage  *self)
{
  SlRecord *record = g_object_get_data (G_OBJECT (dialog), "record");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->ledger == NULL)
    return;

  if (SL_IS_BRANCH_REPORT (record))
    {
      SlBranchReport *report = SL_BRANCH_REPORT (record);
      g_autofree char *received = sl_record_dialog_get_text (dialog, "received-on");
      g_autofree char *title = sl_record_dialog_get_text (dialog, "title");
      g_autofree char *note = sl_record_dialog_get_text (dialog, "note");
      g_autofree char *period = g_strdup_printf ("%04d-H%u", self->year,
                                                 sl_record_dialog_get_choice (dialog, "period") + 1);
      guint branch = sl_record_dialog_get_choice (dialog, "branch");

      if (branch < self->branches->len)
        sl_branch_report_set_organization (report,
                                           sl_record_get_id (g_ptr_array_index (self->branches, branch)));
      sl_branch_report_set_period (report, period);
      sl_branch_report_set_received_on (report, received);
      sl_branch_report_set_title (report, title);
      sl_branch_report_set_note (report, note);
    }
  else
    {
      SlStudyNote *note = SL_STUDY_NOTE (record);
      g_autofree char *date = sl_record_dialog_get_text (dialog, "date");
      g_autofree char *title = sl_record_dialog_get_text (dialog, "title");
      g_autofree char *size = sl_record_dialog_get_text (dialog, "size");
      g_autofree char *checked_by = sl_record_dialog_get_text (dialog, "checked-by");
      g_autofree char *checked_on = sl_record_dialog_get_text (dialog, "checked-on");
      guint member = sl_record_dialog_get_choice (dialog, "member");

      if (member < self->members->len)
        sl_study_note_set_member (note, sl_record_get_id (g_ptr_array_index (self->members, member)));
      sl_study_note_set_date (note, date);
      sl_study_note_set_title (note, title);
      sl_study_note_set_kind (note, sl_record_dialog_get_choice (dialog, "kind"));
      sl_study_note_set_size (note, size);
      sl_study_note_set_checked_by (note, checked_by);
      sl_study_note_set_checked_on (note, checked_on);
    }

  if (!save_record (self->ledger, record, &error))
    sl_ui_show_error (GTK_WIDGET (self), _("The Record Was Not Saved"), error);
  sl_reports_page_reload (self);
}

static void
present (SlReportsPage  *self,
         SlRecordDialog *dialog,
         SlRecord       *record)
{
  g_object_set_data_full (G_OBJECT (dialog), "record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_report_dialog (SlReportsPage  *self,
                    SlBranchReport *report,
                    gboolean        adding)
{
  g_autoptr(GPtrArray) branches = g_ptr_array_new ();
  const char *halves[] = { NULL, NULL, NULL };
  SlRecordDialog *dialog;

  for (guint i = 0; i < self->branches->len; i++)
    g_ptr_array_add (branches, (gpointer) sl_organization_get_name (g_ptr_array_index (self->branches, i)));
  g_ptr_array_add (branches, NULL);
  halves[0] = _("First half (H1)");
  halves[1] = _("Second half (H2)");

  dialog = SL_RECORD_DIALOG (sl_record_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   adding ? _("New Branch Report") : _("Edit Branch Report")));
  sl_record_dialog_add_choice (dialog, "branch", _("Branch"), (const char * const *) branches->pdata,
                               position_of (self->branches, sl_branch_report_get_organization (report)));
  sl_record_dialog_add_choice (dialog, "period", _("Half-year"), halves,
                               g_str_has_suffix (sl_branch_report_get_period (report) ?
                                                 sl_branch_report_get_period (report) : "", "-H2") ? 1 : 0);
  sl_record_dialog_add_date (dialog, "received-on", _("Received on"),
                             sl_branch_report_get_received_on (report), self->year, FALSE);
  sl_record_dialog_add_text (dialog, "title", _("Title"), sl_branch_report_get_title (report), TRUE);
  sl_record_dialog_add_text (dialog, "note", _("Note"), sl_branch_report_get_note (report), FALSE);
  present (self, dialog, SL_RECORD (report));
}

static void
open_note_dialog (SlReportsPage *self,
                  SlStudyNote   *note,
                  gboolean       adding)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  SlRecordDialog *dialog;

  for (guint i = 0; i < self->members->len; i++)
    g_ptr_array_add (members, (gpointer) sl_member_get_name (g_ptr_array_index (self->members, i)));
  g_ptr_array_add (members, NULL);
  for (int i = 0; i < SL_UI_N_STUDY_NOTE_KINDS; i++)
    g_ptr_array_add (kinds, (gpointer) sl_ui_study_note_kind_label (i));
  g_ptr_array_add (kinds, NULL);

  dialog = SL_RECORD_DIALOG (sl_record_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   adding ? _("New Study Note") : _("Edit Study Note")));
  sl_record_dialog_add_choice (dialog, "member", _("Member"), (const char * const *) members->pdata,
                               position_of (self->members, sl_study_note_get_member (note)));
  sl_record_dialog_add_date (dialog, "date", _("Date"), sl_study_note_get_date (note), self->year, TRUE);
  sl_record_dialog_add_text (dialog, "title", _("Title"), sl_study_note_get_title (note), TRUE);
  sl_record_dialog_add_choice (dialog, "kind", _("Kind"), (const char * const *) kinds->pdata,
                               sl_study_note_get_kind (note));
  sl_record_dialog_add_text (dialog, "size", _("Length or pages"), sl_study_note_get_size (note), FALSE);
  sl_record_dialog_add_text (dialog, "checked-by", _("Checked by"), sl_study_note_get_checked_by (note), FALSE);
  sl_record_dialog_add_date (dialog, "checked-on", _("Checked on"),
                             sl_study_note_get_checked_on (note), self->year, FALSE);
  present (self, dialog, SL_RECORD (note));
}

/* Actions ---------------------------------------------------------------- */

static void
add_report_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SlReportsPage *self = SL_REPORTS_PAGE (widget);
  g_autoptr(SlBranchReport) report = sl_branch_report_new ();
  g_autofree char *today = sl_today ();
  g_autofree char *period = g_strdup_printf ("%04d-H1", self->year);

  if (self->branches->len == 0)
    return;
  sl_branch_report_set_organization (report, sl_record_get_id (g_ptr_array_index (self->branches, 0)));
  sl_branch_report_set_period (report, period);
  if (sl_date_get_year (today) == self->year)
    sl_branch_report_set_received_on (report, today);
  open_report_dialog (self, report, TRUE);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SlReportsPage *self = SL_REPORTS_PAGE (widget);
  g_autoptr(SlStudyNote) note = sl_study_note_new ();
  g_autofree char *today = sl_today ();

  if (self->members->len == 0)
    return;
  sl_study_note_set_member (note, sl_record_get_id (g_ptr_array_index (self->members, 0)));
  sl_study_note_set_kind (note, SL_STUDY_NOTE_KIND_NOTES);
  if (sl_date_get_year (today) == self->year)
    sl_study_note_set_date (note, today);
  open_note_dialog (self, note, TRUE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlReportsPage *self = SL_REPORTS_PAGE (widget);
  gpointer record;

  if ((record = find_in (self->reports, parameter)) != NULL)
    open_report_dialog (self, record, FALSE);
  else if ((record = find_in (self->notes, parameter)) != NULL)
    open_note_dialog (self, record, FALSE);
}

static void
undo_delete_cb (SlReportsPage *self)
{
  sl_record_undo_restore (GTK_WIDGET (self), self->ledger, (GObject **) &self->deleted,
                          save_record, (SlRecordReloadFunc) sl_reports_page_reload,
                          _("The Record Was Not Restored"));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_delete_cb (SL_REPORTS_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlReportsPage *self = SL_REPORTS_PAGE (widget);
  gpointer record = find_in (self->reports, parameter);

  if (record == NULL)
    record = find_in (self->notes, parameter);
  sl_record_undo_delete (widget, self->ledger, record, (GObject **) &self->deleted,
                         (SlRecordReloadFunc) sl_reports_page_reload,
                         _("The Record Was Not Deleted"),
                         record != NULL && SL_IS_BRANCH_REPORT (record)
                         ? _("Branch report deleted") : _("Study note deleted"),
                         G_CALLBACK (undo_delete_cb));
}

/* Object ----------------------------------------------------------------- */

static void
sl_reports_page_dispose (GObject *object)
{
  SlReportsPage *self = SL_REPORTS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->ledger);
  g_clear_object (&self->deleted);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_reports_page_parent_class)->dispose (object);
}

static void
sl_reports_page_year_page_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = G_STRUCT_OFFSET (SlReportsPage, ledger);
  iface->year_offset = G_STRUCT_OFFSET (SlReportsPage, year);
  iface->reload = (SlYearPageReloadFunc) sl_reports_page_reload;
  iface->reload_when_shown = TRUE;
}

static void
sl_reports_page_class_init (SlReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_reports_page_dispose;
  sl_year_page_class_install (object_class);
  sl_year_page_class_reload_on_map (widget_class);

  gtk_widget_class_install_action (widget_class, "reports.add-report", NULL, add_report_action);
  gtk_widget_class_install_action (widget_class, "reports.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "reports.edit-report", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "reports.edit-note", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "reports.delete-report", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "reports.delete-note", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "reports.undo", NULL, undo_action);
}

static void
sl_reports_page_init (SlReportsPage *self)
{
  GtkWidget *box;
  GtkWidget *scroller = sl_record_list_scroller (&box);

  self->reports_list = SL_RECORD_LIST (sl_record_list_new (_("Branch Reports on Members' Thinking"),
                                                           _("_Add Report"), "reports.add-report",
                                                           _("No branch has reported for this year yet.")));
  self->notes_list = SL_RECORD_LIST (sl_record_list_new (_("Members' Study Notes"),
                                                         _("Add _Note"), "reports.add-note",
                                                         _("No study notes recorded for this year.")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->reports_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notes_list));
  adw_bin_set_child (ADW_BIN (self), scroller);
}
