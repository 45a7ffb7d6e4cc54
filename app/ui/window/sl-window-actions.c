/* sl-window-actions.c — the window's commands (win.*) and which are enabled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command of the window is an action, installed in one function
 * (_sl_window_class_actions_init()), so that the menu, the buttons and the
 * keyboard shortcuts name it instead of calling code; one function
 * (_sl_window_actions_update()) says which are possible now. The actions
 * that need a file ask for it here, then hand it to the long jobs
 * (sl-window-jobs.c).
 */

#define G_LOG_DOMAIN "sl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-binder-job.h"
#include "sl-document-dialog.h"
#include "sl-ledger.h"
#include "sl-ledger-queries.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-meetings-page.h"
#include "sl-member-record-page.h"
#include "sl-organization-dialog.h"
#include "sl-search-page.h"
#include "sl-util.h"
#include "sl-window.h"
#include "sl-window-private.h"

/* Choosing a file ------------------------------------------------------- */

typedef void (*ChooserDone) (SlWindow *self,
                             GFile    *file);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SlWindow        *self)
{
  ChooserDone done = g_object_get_data (G_OBJECT (chooser), "sl-done");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    done (self, file);
}

static void
choose_file (SlWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *filter_name,
             const char           *pattern,
             const char           *suggested_name,
             ChooserDone           done)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (filter_name != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }

  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_object_set_data (G_OBJECT (chooser), "sl-done", done);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static char *
dated_file_name (const char *format)
{
  g_autofree char *today = sl_today ();

  return g_strdup_printf (format, today);
}

/* A page saved a record in a year the selector may not list yet (a
 * meeting moved to 2030): list it now, not at the next page switch. */
static void
refresh_years_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _sl_window_refresh_years (SL_WINDOW (widget));
}

/* The window's file actions: what each chooser asks and offers, and
 * the job that takes the file chosen. */
typedef struct
{
  const char           *action;
  GtkFileChooserAction  mode;
  const char           *title;        /* N_(), as the words below */
  const char           *accept;
  const char           *filter_name;
  const char           *pattern;
  const char           *dated_name;   /* the name offered, %s today's date; NULL: none */
  ChooserDone           done;
} FileAction;

static const FileAction file_actions[] = {
  { "win.import-roster", GTK_FILE_CHOOSER_ACTION_OPEN, N_("Import Roster"), N_("_Open"),
    N_("Rosters saved by Excel or WPS (CSV)"), "*.[cC][sS][vV]", NULL,
    sl_window_import_roster },
  { "win.import-archive", GTK_FILE_CHOOSER_ACTION_OPEN, N_("Import Archive"), N_("_Open"),
    N_("Study Ledger archives (JSON)"), "*.[jJ][sS][oO][nN]", NULL,
    sl_window_import_archive },
  { "win.export-archive", GTK_FILE_CHOOSER_ACTION_SAVE, N_("Export Archive"), N_("_Export"),
    N_("Study Ledger archives (JSON)"), "*.[jJ][sS][oO][nN]",
    /* Translators: the file name an exported archive is offered; %s is
     * today's date. */
    N_("study-ledger-%s.json"),
    sl_window_export_archive },
  { "win.backup", GTK_FILE_CHOOSER_ACTION_SAVE, N_("Back Up the Ledger"), N_("_Save"),
    N_("Study Ledger databases"), "*.db",
    /* Translators: the file name a backup is offered; %s is today's date. */
    N_("study-ledger-backup-%s.db"),
    sl_window_back_up },
  { "win.restore", GTK_FILE_CHOOSER_ACTION_OPEN, N_("Restore From a Backup"), N_("_Open"),
    N_("Study Ledger databases"), "*.db", NULL,
    sl_window_restore },
};

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    {
      const FileAction *file = &file_actions[i];
      g_autofree char *name = NULL;

      if (!g_str_equal (file->action, action_name))
        continue;

      if (file->dated_name != NULL)
        name = dated_file_name (_(file->dated_name));
      choose_file (SL_WINDOW (widget), file->mode, _(file->title), _(file->accept),
                   _(file->filter_name), file->pattern, name, file->done);
      return;
    }

  g_assert_not_reached ();
}

/* Documents ------------------------------------------------------------- */

static void
export_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  SlDocumentDialog *dialog = sl_document_dialog_new (widget, _sl_window_database_path (self), self->year);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_binder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  sl_binder_choose_and_export (widget, self->ledger, _sl_window_database_path (self), self->year);
}

/* One document of a meeting, or of a year, asked for by a page (the
 * meeting editor's print and export buttons): (kind code, year, meeting
 * id or ""). The page need not know the document dialog. */
static gboolean
document_request_from (GVariant          *parameter,
                       SlDocumentRequest *request)
{
  const char *kind = NULL;
  const char *meeting = NULL;
  int year = 0;

  g_variant_get_child (parameter, 0, "&s", &kind);
  g_variant_get_child (parameter, 1, "i", &year);
  g_variant_get_child (parameter, 2, "&s", &meeting);

  *request = (SlDocumentRequest) { .year = year, .meeting = *meeting ? meeting : NULL };
  if (!sl_document_kind_from_code (kind, &request->kind))
    {
      g_warning ("There is no document named %s", kind);
      return FALSE;
    }
  /* The member card names a member where others name a meeting. */
  if (request->kind == SL_DOCUMENT_MEMBER_CARD)
    {
      request->member = request->meeting;
      request->meeting = NULL;
    }
  return TRUE;
}

static void
print_document_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SlDocumentRequest request;

  if (document_request_from (parameter, &request))
    sl_document_print (widget, _sl_window_database_path (SL_WINDOW (widget)), &request);
}

static void
save_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SlDocumentRequest request;
  SlDocumentFormat format;
  const char *code = NULL;
  g_autofree char *name = NULL;

  g_variant_get_child (parameter, 3, "&s", &code);
  if (!sl_document_format_from_code (code, &format))
    {
      g_warning ("There is no document format %s", code);
      return;
    }

  if (!document_request_from (parameter, &request))
    return;

  /* A member's card after the member: 张三2023年个人学习档案.pdf. */
  if (request.member != NULL)
    {
      SlMember *member = sl_ledger_find_member (SL_WINDOW (widget)->ledger, request.member);

      if (member != NULL)
        /* Translators: a file name: the member's name, the year */
        name = g_strdup_printf (_("%s%d Personal Study Record.%s"), sl_member_get_name (member),
                                request.year, code);
    }

  /* A meeting's document is named after the meeting, not only the year. */
  if (request.meeting != NULL)
    {
      g_autoptr(SlMeeting) meeting = sl_ledger_load_meeting (SL_WINDOW (widget)->ledger,
                                                             request.meeting, NULL);

      if (meeting != NULL)
        name = sl_document_meeting_file_name (sl_meeting_get_date (meeting),
                                              sl_meeting_get_title (meeting),
                                              request.kind, format);
    }

  sl_document_choose_and_export_as (widget, _sl_window_database_path (SL_WINDOW (widget)),
                                    &request, format, name);
}

/* Navigation ------------------------------------------------------------ */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    {
      g_warning ("There is no page named %s", name);
      return;
    }

  sl_window_show_page (self, name);
  /* By its shortcut (Ctrl+2): the keys act in the page, Return on its
   * list opens the row; the sidebar's row showed the page again. */
  _sl_window_focus_page (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  sl_window_show_page (self, "search");
  sl_search_page_focus (SL_SEARCH_PAGE (sl_window_get_page (self, "search")));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
organizations_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (sl_organization_dialog_new (GTK_WINDOW (self), self->ledger)));
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  /* A meeting is held by an organization: a ledger without one asks for
   * it first, rather than refusing the meeting. */
  if (g_list_model_get_n_items (sl_ledger_get_organizations (self->ledger)) == 0)
    {
      organizations_action (widget, "win.organizations", NULL);
      return;
    }

  sl_window_show_page (self, "meetings");

  /* The meetings page owns its editor; it says whether it can start one. */
  if (!gtk_widget_activate_action (sl_window_get_page (self, "meetings"), "meetings.new", NULL))
    g_debug ("The meetings page has no meetings.new action");
}

static void
open_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  int year = sl_ledger_query_meeting_year (self->ledger, id);

  /* A search hit or a plan item may name a meeting of another year. */
  if (year > 0)
    sl_window_set_year (self, year);

  sl_window_show_page (self, "meetings");
  sl_meetings_page_open_meeting (SL_MEETINGS_PAGE (sl_window_get_page (self, "meetings")), id);
}

/* A member's year (个人学习档案), from the members page. */
static void
open_member_record_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  sl_window_show_page (self, "member-record");
  sl_member_record_page_set_member (SL_MEMBER_RECORD_PAGE (sl_window_get_page (self, "member-record")),
                                    g_variant_get_string (parameter, NULL));
}

/* The shortcuts window costs start-up as much as a page: built when
 * first asked for, then kept by GtkApplicationWindow, which also makes
 * it transient for this window. This class action hides the one that
 * GtkApplicationWindow adds under the same name. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/studyledger/StudyLedger/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

void
_sl_window_actions_update (SlWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = self->ledger != NULL;
  gboolean idle = ready && self->busy == 0;

  gtk_widget_action_set_enabled (widget, "win.show-page", ready);
  gtk_widget_action_set_enabled (widget, "win.search", ready && !self->empty);
  gtk_widget_action_set_enabled (widget, "win.new-meeting", ready);
  gtk_widget_action_set_enabled (widget, "win.open-meeting", ready);
  gtk_widget_action_set_enabled (widget, "win.import-roster", idle);
  gtk_widget_action_set_enabled (widget, "win.organizations", idle);
  gtk_widget_action_set_enabled (widget, "win.import-archive", idle);
  gtk_widget_action_set_enabled (widget, "win.export-archive", idle && !self->empty);
  gtk_widget_action_set_enabled (widget, "win.backup", idle && !self->empty);
  gtk_widget_action_set_enabled (widget, "win.export-document", ready && !self->empty);
  gtk_widget_action_set_enabled (widget, "win.export-binder", ready && !self->empty);
  gtk_widget_action_set_enabled (widget, "win.print-document", ready);
  gtk_widget_action_set_enabled (widget, "win.save-document", ready);
}

/* Installing ------------------------------------------------------------ */

/* Every command of the window, and every shortcut, in one place. */
void
_sl_window_class_actions_init (SlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.open-meeting", "s", open_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.open-member-record", "s", open_member_record_action);
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.organizations", NULL, organizations_action);
  gtk_widget_class_install_action (widget_class, "win.import-archive", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.export-archive", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "win.export-document", NULL, export_document_action);
  gtk_widget_class_install_action (widget_class, "win.export-binder", NULL, export_binder_action);
  gtk_widget_class_install_action (widget_class, "win.print-document", "(sis)", print_document_action);
  gtk_widget_class_install_action (widget_class, "win.save-document", "(siss)", save_document_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-years", NULL, refresh_years_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-meeting", NULL);
  for (guint i = 0; i < _SL_WINDOW_N_SIDEBAR_PAGES; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", _sl_window_sidebar_pages[i]);
}
