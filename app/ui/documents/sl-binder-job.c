/* sl-binder-job.c — the year's binder from the window, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year of 500 meetings takes a while to bind; the window keeps drawing.
 * The worker opens its own read-only connection (a SQLite connection
 * belongs to its thread) and runs sl_binder_export(), which reports its
 * progress between items and checks the cancellable there; the progress
 * is kept under a lock and shown by a timeout on the main loop, so that
 * the worker never touches a widget. Cancelled or failed, the binder
 * leaves no file (sl_document_write_file()).
 *
 * A ledger of several organisations is bound whole, as `export
 * inspection-package` without --organization binds it, or for one
 * organisation chosen in the file chooser (its 组织 choice, the
 * command's --organization).
 */

#define G_LOG_DOMAIN "sl-binder-job"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-binder-export.h"
#include "sl-binder-job.h"
#include "sl-ledger.h"
#include "sl-ledger-paths.h"
#include "sl-document.h"
#include "sl-organization.h"
#include "sl-record.h"
#include "sl-ui-util.h"

typedef struct
{
  /* set before the thread starts, then only read */
  char            *database_path;
  char            *path;
  int              year;
  char            *organization;   /* an id, or NULL for all */
  SlBinderFormat   format;
  GCancellable    *cancellable;

  /* the worker's progress, under lock */
  GMutex           lock;
  double           fraction;
  char            *item;

  /* the fonts that stood in, set by the worker before it returns */
  char            *note;

  /* main thread only */
  GtkWidget       *owner;
  GtkWindow       *dialog;
  GtkProgressBar  *bar;
  GtkLabel        *item_label;
  guint            timeout;
} BinderJob;

static void
binder_job_free (BinderJob *job)
{
  g_clear_handle_id (&job->timeout, g_source_remove);
  if (job->dialog != NULL)
    gtk_window_destroy (job->dialog);
  g_clear_object (&job->owner);
  g_clear_object (&job->cancellable);
  g_mutex_clear (&job->lock);
  g_free (job->item);
  g_free (job->note);
  g_free (job->database_path);
  g_free (job->organization);
  g_free (job->path);
  g_free (job);
}

static void
progress_cb (double      fraction,
             const char *item,
             gpointer    data)
{
  BinderJob *job = data;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  if (item != NULL && g_strcmp0 (item, job->item) != 0)
    {
      g_free (job->item);
      job->item = g_strdup (item);
    }
  g_mutex_unlock (&job->lock);
}

static gboolean
show_progress_cb (gpointer data)
{
  BinderJob *job = data;
  g_autofree char *item = NULL;
  double fraction;

  g_mutex_lock (&job->lock);
  fraction = job->fraction;
  item = g_strdup (job->item);
  g_mutex_unlock (&job->lock);

  gtk_progress_bar_set_fraction (job->bar, fraction);
  /* What is being bound: a meeting's line of the contents, a ledger. */
  if (item != NULL && g_strcmp0 (item, gtk_label_get_label (job->item_label)) != 0)
    gtk_label_set_label (job->item_label, item);
  return G_SOURCE_CONTINUE;
}

static void
binder_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BinderJob *job = task_data;
  g_autoptr(SlLedger) ledger = NULL;
  GError *error = NULL;

  ledger = sl_ledger_open_read_only (job->database_path, &error);
  if (ledger == NULL ||
      !sl_database_check_output_path (job->database_path, job->path, &error) ||
      !sl_binder_export (ledger, job->year, job->organization, job->format, job->path,
                         progress_cb, job, cancellable, &error))
    g_task_return_error (task, error);
  else
    {
      /* This thread's note: the binder was drawn here. */
      job->note = sl_document_take_note ();
      g_task_return_boolean (task, TRUE);
    }
}

static void
open_file_cb (AdwToast *toast,
              gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "sl-uri");
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Cannot open %s: %s", uri, error->message);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  BinderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWidget *owner = job->owner;
  gboolean alive = gtk_widget_get_root (owner) != NULL && !gtk_widget_in_destruction (owner);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (alive && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sl_ui_show_error (owner, _("The Year’s Binder Was Not Exported"), error);
    }
  else if (alive)
    {
      g_autofree char *name = g_path_get_basename (job->path);
      AdwToast *toast = sl_ui_toast_new_printf (_("Exported %s"), name);

      adw_toast_set_button_label (toast, C_("toast", "Open"));
      g_object_set_data_full (G_OBJECT (toast), "sl-uri",
                              g_filename_to_uri (job->path, NULL, NULL), g_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (open_file_cb), NULL);
      sl_ui_add_toast (owner, toast);

      /* Which characters no font has and which fonts stood in for the
       * standard's, as for any export: a toast a line. */
      if (job->note != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (job->note, "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            {
              toast = sl_ui_toast_new_printf ("%s", lines[i]);
              adw_toast_set_timeout (toast, 10);
              sl_ui_add_toast (owner, toast);
            }
        }
    }
}

static void
cancel_cb (GtkButton *button,
           gpointer   user_data)
{
  g_cancellable_cancel (user_data);
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  g_cancellable_cancel (user_data);
  return TRUE;   /* the window goes when the job does */
}

/* A small window: what is bound, the bar, Cancel. */
static void
show_dialog (BinderJob *job)
{
  GtkRoot *root = gtk_widget_get_root (job->owner);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label, *item, *bar, *cancel;
  g_autofree char *name = g_path_get_basename (job->path);

  job->dialog = GTK_WINDOW (gtk_window_new ());
  /* For the window test (test-window-binder.c), which looks for it. */
  gtk_widget_set_name (GTK_WIDGET (job->dialog), "binder-progress");
  gtk_window_set_title (job->dialog, _("Exporting the Year’s Binder"));
  gtk_window_set_modal (job->dialog, TRUE);
  gtk_window_set_resizable (job->dialog, FALSE);
  gtk_window_set_default_size (job->dialog, 360, -1);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (job->dialog, GTK_WINDOW (root));

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  label = gtk_label_new (name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "heading");
  item = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (item), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (item), 0);
  gtk_label_set_width_chars (GTK_LABEL (item), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (item), 36);
  gtk_widget_add_css_class (item, "dim-label");
  bar = gtk_progress_bar_new ();
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_END);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), item);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_window_set_child (job->dialog, box);

  job->bar = GTK_PROGRESS_BAR (bar);
  job->item_label = GTK_LABEL (item);
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_cb), job->cancellable);
  g_signal_connect (job->dialog, "close-request", G_CALLBACK (close_request_cb), job->cancellable);
  job->timeout = g_timeout_add (100, show_progress_cb, job);

  gtk_window_present (job->dialog);
}

static void
start (GtkWidget  *owner,
       const char *database_path,
       int         year,
       const char *organization,
       const char *path)
{
  BinderJob *job = g_new0 (BinderJob, 1);
  g_autoptr(GTask) task = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  job->database_path = g_strdup (database_path);
  job->path = g_strdup (path);
  job->year = year;
  job->organization = organization != NULL && *organization != '\0' ? g_strdup (organization) : NULL;
  job->format = g_str_has_suffix (lower, ".zip") ? SL_BINDER_FORMAT_ZIP : SL_BINDER_FORMAT_PDF;
  job->cancellable = g_cancellable_new ();
  job->owner = g_object_ref (owner);
  g_mutex_init (&job->lock);

  show_dialog (job);

  task = g_task_new (NULL, job->cancellable, done_cb, NULL);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, job, (GDestroyNotify) binder_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, binder_thread);
}

#define ORGANIZATION_CHOICE "organization"

/* The 组织 choice of the chooser, where the ledger has more than one
 * organisation: all of them first (the default, as the command line
 * without --organization), then each by name, its id the choice's. */
static gboolean
add_organization_choice (GObject        *owner,
                         GtkFileChooser *chooser,
                         SlLedger       *ledger)
{
  GListModel *organizations = ledger ? sl_ledger_get_organizations (ledger) : NULL;
  guint n = organizations ? g_list_model_get_n_items (organizations) : 0;
  GPtrArray *ids;
  GPtrArray *labels;

  if (n < 2)
    return FALSE;

  ids = g_ptr_array_new_with_free_func (g_free);
  labels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (ids, g_strdup (""));
  g_ptr_array_add (labels, g_strdup (_("All Organizations")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

      g_ptr_array_add (ids, g_strdup (sl_record_get_id (SL_RECORD (organization))));
      g_ptr_array_add (labels, g_strdup (sl_organization_get_name (organization)));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  /* The options live as long as the chooser: a chooser that keeps the
   * pointers it is given, not copies, reads them at the response. */
  g_object_set_data_full (owner, "sl-choice-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (owner, "sl-choice-labels", labels, (GDestroyNotify) g_ptr_array_unref);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_file_chooser_add_choice (chooser, ORGANIZATION_CHOICE, _("Organization"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (chooser, ORGANIZATION_CHOICE, "");
  G_GNUC_END_IGNORE_DEPRECATIONS
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GtkWidget *owner = user_data;

  if (response == GTK_RESPONSE_ACCEPT && gtk_widget_get_root (owner) != NULL)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      /* The 组织 choice, where the ledger has several: "" for all. */
      const char *organization = g_object_get_data (G_OBJECT (chooser), "sl-choice")
                                 ? gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), ORGANIZATION_CHOICE)
                                 : NULL;
      G_GNUC_END_IGNORE_DEPRECATIONS

      if (path != NULL)
        start (owner, g_object_get_data (G_OBJECT (chooser), "sl-database"),
               GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "sl-year")), organization, path);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (owner);
}

/**
 * sl_binder_default_name:
 * @ledger: (nullable): the ledger bound
 * @year: the year
 *
 * The file name the year's binder is offered: after the organization
 * it binds (the ledger's top one, which “all organizations” binds with
 * those below it), as 中共临江市统计局党组2023年度学习档案.pdf; an
 * archive room keeps the binders of several organizations side by side.
 * Without an organization, the year alone.
 */
char *
sl_binder_default_name (SlLedger *ledger,
                        int       year)
{
  GListModel *organizations = ledger ? sl_ledger_get_organizations (ledger) : NULL;
  guint n = organizations ? g_list_model_get_n_items (organizations) : 0;
  g_autofree char *top = NULL;

  for (guint i = 0; i < n && top == NULL; i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);
      const char *parent = sl_organization_get_parent (organization);
      const char *name = sl_organization_get_name (organization);

      if ((parent == NULL || *parent == '\0' || sl_ledger_find_organization (ledger, parent) == NULL) &&
          name != NULL && *name != '\0')
        top = g_strdup (name);
    }
  if (top == NULL)
    /* Translators: the file name the year's binder is offered; in Chinese
     * "%d年度学习档案.pdf". */
    return g_strdup_printf (_("%d Study Binder.pdf"), year);

  /* A name is one path element. */
  g_strdelimit (top, "/\\:*?\"<>|", '-');
  /* Translators: the file name the year's binder is offered, after the
   * organization: in Chinese "%s%d年度学习档案.pdf". */
  return g_strdup_printf (_("%s %d Study Binder.pdf"), top, year);
}

void
sl_binder_choose_and_export (GtkWidget  *owner,
                             SlLedger   *ledger,
                             const char *database_path,
                             int         year)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) zip = gtk_file_filter_new ();
  g_autofree char *name = sl_binder_default_name (ledger, year);
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (database_path != NULL);

  root = gtk_widget_get_root (owner);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  chooser = gtk_file_chooser_native_new (_("Export the Year’s Binder"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_filter_set_name (zip, _("ZIP archives with the originals"));
  gtk_file_filter_add_pattern (zip, "*.zip");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), zip);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  G_GNUC_END_IGNORE_DEPRECATIONS

  g_object_set_data_full (G_OBJECT (chooser), "sl-database", g_strdup (database_path), g_free);
  g_object_set_data (G_OBJECT (chooser), "sl-year", GINT_TO_POINTER (year));
  if (add_organization_choice (G_OBJECT (chooser), GTK_FILE_CHOOSER (chooser), ledger))
    g_object_set_data (G_OBJECT (chooser), "sl-choice", GINT_TO_POINTER (TRUE));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (owner));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
