/* sl-meeting-attachments.c — the files kept with a meeting, in its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 附件: the scan of the signed sign-in sheet, photos, materials, kept
 * inside the ledger (sl-attachments.c). Each row shows a thumbnail (an
 * image's own pixels, a PDF's first page through poppler), the original
 * name, the kind, the size; it opens with the default application (a
 * copy written to the cache folder first), saves a copy (a temporary file
 * beside the target, renamed over it) and is deleted with an undo toast:
 * the bytes are kept in a temporary file until then, and undo adds them
 * back. Files come from a file chooser or are dropped on the section.
 *
 * Adding reads the whole file (up to 50 MB) into the ledger: it runs in
 * a thread, on a connection of its own, so the window does not stall.
 * A final meeting's attachments are part of its hash: a change needs a
 * reason, the editing session's or one asked for here.
 */

#define G_LOG_DOMAIN "sl-meeting-attachments"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "sl-attachment.h"
#include "sl-attachments.h"
#include "sl-database.h"
#include "sl-ledger.h"
#include "sl-meeting.h"
#include "sl-meeting-attachments.h"
#include "sl-ui-labels.h"
#include "sl-record.h"

/* Larger files show an icon: a thumbnail must not read 50 MB. */
#define THUMBNAIL_MAX_BYTES (20 * 1024 * 1024)
#define THUMBNAIL_HEIGHT 48

struct _SlMeetingAttachments
{
  AdwBin      parent_instance;

  SlLedger   *ledger;
  char       *meeting_id;
  char       *by;
  char       *reason;
  gboolean    final;

  GtkWidget  *list;
  GtkWidget  *kind_drop;
  GtkWidget  *add_button;
  GPtrArray  *rows;        /* SlAttachment, in the list's order */
  GArray     *thumbnails;  /* gboolean per row */
  guint       adding;
};

G_DEFINE_FINAL_TYPE (SlMeetingAttachments, sl_meeting_attachments, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds in the order the chooser lists them (sl-ui-labels.c names them). */
static const char *kinds[] = {
  "signed_sheet", "photo", "material", "speech", "minutes", "other",
};

static void
toast (SlMeetingAttachments *self,
       AdwToast             *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
toast_text (SlMeetingAttachments *self,
            const char           *text)
{
  toast (self, adw_toast_new (text));
}

/* Reading an attachment -------------------------------------------------------------- */

static gboolean
sink_bytes (gpointer      data,
            const guchar *chunk,
            gsize         size,
            GError      **error)
{
  g_byte_array_append (data, chunk, size);
  return TRUE;
}

static gboolean
sink_stream (gpointer      data,
             const guchar *chunk,
             gsize         size,
             GError      **error)
{
  return g_output_stream_write_all (data, chunk, size, NULL, NULL, error);
}

/* Writes the attachment to @path: GIO writes a temporary file beside it
 * and renames it over @path once complete (g_file_replace()), so a
 * failure never leaves half a file under the name. */
static gboolean
write_copy (SlMeetingAttachments  *self,
            SlAttachment          *attachment,
            const char            *path,
            GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (!sl_attachments_read (self->ledger, sl_record_get_key (SL_RECORD (attachment)), sink_stream, stream,
                            error))
    {
      /* Cancelled before closing: the temporary file goes, @path stays. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* A copy in a private folder, under the attachment's own name. */
static char *
temporary_copy (SlMeetingAttachments  *self,
                SlAttachment          *attachment,
                GError               **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = g_path_get_basename (sl_attachment_get_name (attachment));
  g_autofree char *path = NULL;

  folder = g_build_filename (g_get_user_cache_dir (), "study-ledger", "attachments",
                             sl_record_get_id (SL_RECORD (attachment)), NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create %s: %s"), folder, g_strerror (saved));
      return NULL;
    }
  path = g_build_filename (folder, name, NULL);
  if (!write_copy (self, attachment, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

static GdkTexture *
pdf_thumbnail (GBytes *bytes)
{
  g_autoptr(GObject) document = G_OBJECT (poppler_document_new_from_bytes (bytes, NULL, NULL));
  g_autoptr(GObject) page = NULL;
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale;
  int w, h;
  GdkTexture *texture;

  if (document == NULL || poppler_document_get_n_pages (POPPLER_DOCUMENT (document)) < 1)
    return NULL;
  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0));
  poppler_page_get_size (POPPLER_PAGE (page), &width, &height);
  if (width <= 0 || height <= 0)
    return NULL;

  scale = 2.0 * THUMBNAIL_HEIGHT / height;
  w = MAX (1, (int) (width * scale));
  h = MAX (1, (int) (height * scale));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (POPPLER_PAGE (page), cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, pixels,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

/* The thumbnail of an image or a PDF, from its bytes; NULL for others. */
static GdkTexture *
thumbnail (SlMeetingAttachments *self,
           SlAttachment         *attachment)
{
  const char *type = sl_attachment_get_media_type (attachment);
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean image = type != NULL && g_str_has_prefix (type, "image/");
  gboolean pdf = g_strcmp0 (type, "application/pdf") == 0;
  GdkTexture *texture;

  if ((!image && !pdf) || sl_attachment_get_size (attachment) > THUMBNAIL_MAX_BYTES ||
      sl_attachment_get_size (attachment) == 0)
    return NULL;

  data = g_byte_array_sized_new (sl_attachment_get_size (attachment));
  if (!sl_attachments_read (self->ledger, sl_record_get_key (SL_RECORD (attachment)), sink_bytes, data, &error))
    {
      g_debug ("No thumbnail of %s: %s", sl_attachment_get_name (attachment), error->message);
      return NULL;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  if (pdf)
    return pdf_thumbnail (bytes);

  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    g_debug ("No thumbnail of %s: %s", sl_attachment_get_name (attachment), error->message);
  return texture;
}

/* Rows ------------------------------------------------------------------------------- */

static SlAttachment *
attachment_of (SlMeetingAttachments *self,
               GtkWidget            *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  int index = row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  return index >= 0 && (guint) index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

static void
open_clicked (GtkWidget            *button,
              SlMeetingAttachments *self)
{
  SlAttachment *attachment = attachment_of (self, button);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  if (attachment == NULL)
    return;
  if (!(path = temporary_copy (self, attachment, &error)) ||
      !(uri = g_filename_to_uri (path, NULL, &error)) ||
      !g_app_info_launch_default_for_uri (uri, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Cannot open “%s”: %s"), sl_attachment_get_name (attachment),
                                               error->message);
      toast_text (self, text);
    }
}

static void
on_save_response (GtkNativeDialog      *chooser,
                  int                   response,
                  SlMeetingAttachments *self)
{
  SlAttachment *attachment = g_object_get_data (G_OBJECT (chooser), "sl-attachment");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      g_autofree char *text = NULL;

      if (write_copy (self, attachment, path, &error))
        text = g_strdup_printf (_("Saved a copy as %s"), path);
      else
        text = g_strdup_printf (_("Not saved: %s"), error->message);
      toast_text (self, text);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_clicked (GtkWidget            *button,
              SlMeetingAttachments *self)
{
  SlAttachment *attachment = attachment_of (self, button);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (attachment == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), sl_attachment_get_name (attachment));
  g_object_set_data_full (G_OBJECT (chooser), "sl-attachment", g_object_ref (attachment), g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Reasons ---------------------------------------------------------------------------- */

typedef void (*ReasonDone) (SlMeetingAttachments *self, const char *reason, gpointer data);

typedef struct
{
  ReasonDone     done;
  gpointer       data;
  GDestroyNotify free;
} ReasonCall;

static void
on_reason_response (AdwMessageDialog     *dialog,
                    const char           *response,
                    SlMeetingAttachments *self)
{
  ReasonCall *call = g_object_get_data (G_OBJECT (dialog), "sl-call");
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_str_equal (response, "change") && *reason != '\0')
    call->done (self, reason, call->data);
}

static void
reason_call_free (gpointer data)
{
  ReasonCall *call = data;

  if (call->free != NULL)
    call->free (call->data);
  g_free (call);
}

/* Calls @done with the reason of a change to a final meeting's
 * attachments (asked for when the session has none), or NULL for a
 * draft. */
static void
with_reason (SlMeetingAttachments *self,
             const char           *suggestion,
             ReasonDone            done,
             gpointer              data,
             GDestroyNotify        free_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ReasonCall *call;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!self->final || self->reason != NULL)
    {
      done (self, self->final ? self->reason : NULL, data);
      if (free_data != NULL)
        free_data (data);
      return;
    }

  call = g_new0 (ReasonCall, 1);
  call->done = done;
  call->data = data;
  call->free = free_data;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Reason for the Revision"),
                                   _("This meeting is final: its attachments are part of its check code. "
                                     "The change is kept as a revision, with a reason."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "change", _("_Keep the Change"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "sl-attachment-reason-dialog");
  g_object_set_data_full (G_OBJECT (dialog), "sl-call", call, reason_call_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reason_response), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deleting, with undo ---------------------------------------------------------------- */

typedef struct
{
  SlMeetingAttachments *self;   /* weak */
  char                 *path;   /* the bytes, kept for undo */
  char                 *kind;
  char                 *measure;
  char                 *reason;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  if (deleted->self != NULL)
    g_object_remove_weak_pointer (G_OBJECT (deleted->self), (gpointer *) &deleted->self);
  if (deleted->path != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (deleted->path);
      g_unlink (deleted->path);
      g_rmdir (folder);
    }
  g_free (deleted->path);
  g_free (deleted->kind);
  g_free (deleted->measure);
  g_free (deleted->reason);
  g_free (deleted);
}

static void
on_undo (AdwToast *toast,
         Deleted  *deleted)
{
  SlMeetingAttachments *self = deleted->self;
  g_autoptr(SlAttachment) added = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->meeting_id == NULL)
    return;
  added = sl_attachments_add_file (self->ledger, self->meeting_id, deleted->kind, deleted->measure,
                                   deleted->path, self->by, deleted->reason, &error);
  if (added == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not restored: %s"), error->message);
      toast_text (self, text);
    }
  sl_meeting_attachments_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_with_reason (SlMeetingAttachments *self,
                    const char           *reason,
                    gpointer              data)
{
  SlAttachment *attachment = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  Deleted *deleted;
  AdwToast *undo;

  /* The bytes first, for undo; then the row. */
  if (!(path = temporary_copy (self, attachment, &error)) ||
      !sl_attachments_remove (self->ledger, sl_record_get_id (SL_RECORD (attachment)), self->by, reason, &error))
    {
      text = g_strdup_printf (_("Not deleted: %s"), error->message);
      toast_text (self, text);
      if (path != NULL)
        g_unlink (path);
      return;
    }

  deleted = g_new0 (Deleted, 1);
  deleted->self = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &deleted->self);
  deleted->path = g_steal_pointer (&path);
  deleted->kind = g_strdup (sl_attachment_get_kind (attachment));
  deleted->measure = g_strdup (sl_attachment_get_measure (attachment));
  deleted->reason = reason ? g_strdup_printf (_("Undone: %s"), reason) : NULL;

  text = g_strdup_printf (_("Deleted “%s”"), sl_attachment_get_name (attachment));
  undo = adw_toast_new (text);
  adw_toast_set_button_label (undo, _("_Undo"));
  g_signal_connect_data (undo, "button-clicked", G_CALLBACK (on_undo), deleted,
                         (GClosureNotify) (void (*) (void)) deleted_free, 0);
  toast (self, undo);

  sl_meeting_attachments_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_clicked (GtkWidget            *button,
                SlMeetingAttachments *self)
{
  SlAttachment *attachment = attachment_of (self, button);
  g_autofree char *suggestion = NULL;

  if (attachment == NULL)
    return;
  suggestion = g_strdup_printf (_("Attachment removed: %s"), sl_attachment_get_name (attachment));
  with_reason (self, suggestion, delete_with_reason, g_object_ref (attachment), g_object_unref);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             GCallback   callback,
             gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
attachment_row (SlMeetingAttachments *self,
                SlAttachment         *attachment,
                gboolean             *has_thumbnail)
{
  g_autoptr(GdkTexture) texture = thumbnail (self, attachment);
  g_autofree char *size = g_format_size (sl_attachment_get_size (attachment));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *picture;

  subtitle = g_strdup_printf ("%s · %s · %s", sl_ui_attachment_kind_label (sl_attachment_get_kind (attachment)), size,
                              sl_attachment_get_media_type (attachment) ? sl_attachment_get_media_type (attachment)
                                                                         : "—");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_attachment_get_name (attachment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (texture != NULL)
    {
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, THUMBNAIL_HEIGHT * 4 / 3, THUMBNAIL_HEIGHT);
      gtk_widget_add_css_class (picture, "sl-thumbnail");
    }
  else
    {
      picture = gtk_image_new_from_icon_name ("text-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (picture), 32);
      gtk_widget_set_size_request (picture, THUMBNAIL_HEIGHT * 4 / 3, THUMBNAIL_HEIGHT);
    }
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);
  *has_thumbnail = texture != NULL;

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-open-symbolic", _("Open with the default application"),
                                          G_CALLBACK (open_clicked), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("document-save-as-symbolic", _("Save a copy…"),
                                          G_CALLBACK (save_clicked), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Delete"),
                                          G_CALLBACK (delete_clicked), self));
  return row;
}

void
sl_meeting_attachments_reload (SlMeetingAttachments *self)
{
  g_autoptr(SlMeeting) meeting = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  GtkWidget *child;

  g_return_if_fail (SL_IS_MEETING_ATTACHMENTS (self));

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->thumbnails, 0);

  gtk_widget_set_sensitive (self->add_button, self->meeting_id != NULL);
  if (self->ledger == NULL || self->meeting_id == NULL ||
      !(meeting = sl_ledger_load_meeting (self->ledger, self->meeting_id, NULL)) ||
      !(attachments = sl_attachments_load (self->ledger, sl_record_get_key (SL_RECORD (meeting)), NULL)))
    return;

  for (guint i = 0; i < attachments->len; i++)
    {
      SlAttachment *attachment = g_ptr_array_index (attachments, i);
      gboolean has_thumbnail = FALSE;

      gtk_list_box_append (GTK_LIST_BOX (self->list), attachment_row (self, attachment, &has_thumbnail));
      g_ptr_array_add (self->rows, g_object_ref (attachment));
      g_array_append_val (self->thumbnails, has_thumbnail);
    }
}

/* Adding, off the main loop ---------------------------------------------------------- */

typedef struct
{
  char *ledger_path;
  char *meeting_id;
  char *kind;
  char *path;
  char *by;
  char *reason;
} AddJob;

static void
add_job_free (gpointer data)
{
  AddJob *job = data;

  g_free (job->ledger_path);
  g_free (job->meeting_id);
  g_free (job->kind);
  g_free (job->path);
  g_free (job->by);
  g_free (job->reason);
  g_free (job);
}

static void
add_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  AddJob *job = data;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(SlAttachment) attachment = NULL;
  GError *error = NULL;

  /* A connection of its own: the window's stays on the main thread. */
  if (!(ledger = sl_ledger_open (job->ledger_path, &error)) ||
      !(attachment = sl_attachments_add_file (ledger, job->meeting_id, job->kind, NULL, job->path,
                                              job->by, job->reason, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
add_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  SlMeetingAttachments *self = SL_MEETING_ATTACHMENTS (source);
  AddJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->adding--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *text = g_strdup_printf (_("Not attached: %s: %s"), name, error->message);
      toast_text (self, text);
    }
  if (g_strcmp0 (job->meeting_id, self->meeting_id) == 0)
    sl_meeting_attachments_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

typedef struct
{
  char *path;
  char *kind;
} AddRequest;

static void
add_request_free (gpointer data)
{
  AddRequest *request = data;

  g_free (request->path);
  g_free (request->kind);
  g_free (request);
}

static void
add_with_reason (SlMeetingAttachments *self,
                 const char           *reason,
                 gpointer              data)
{
  AddRequest *request = data;
  g_autoptr(GTask) task = NULL;
  AddJob *job = g_new0 (AddJob, 1);

  job->ledger_path = g_strdup (sl_database_get_path (sl_ledger_get_database (self->ledger)));
  job->meeting_id = g_strdup (self->meeting_id);
  job->kind = g_strdup (request->kind);
  job->path = g_strdup (request->path);
  job->by = g_strdup (self->by);
  job->reason = g_strdup (reason);

  self->adding++;
  task = g_task_new (self, NULL, add_done, NULL);
  g_task_set_task_data (task, job, add_job_free);
  g_task_run_in_thread (task, add_thread);
}

void
sl_meeting_attachments_add_file (SlMeetingAttachments *self,
                                 const char           *path,
                                 const char           *kind)
{
  g_autofree char *name = NULL;
  g_autofree char *suggestion = NULL;
  AddRequest *request;

  g_return_if_fail (SL_IS_MEETING_ATTACHMENTS (self));

  if (self->ledger == NULL || self->meeting_id == NULL)
    return;

  request = g_new0 (AddRequest, 1);
  request->path = g_strdup (path);
  request->kind = g_strdup (kind);
  name = g_path_get_basename (path);
  suggestion = g_strdup_printf (_("Attachment added: %s"), name);
  with_reason (self, suggestion, add_with_reason, request, add_request_free);
}

static const char *
selected_kind (SlMeetingAttachments *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind_drop));

  return selected < G_N_ELEMENTS (kinds) ? kinds[selected] : "other";
}

static void
on_open_response (GtkNativeDialog      *chooser,
                  int                   response,
                  SlMeetingAttachments *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            sl_meeting_attachments_add_file (self, path, selected_kind (self));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_clicked (SlMeetingAttachments *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Files"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget        *target,
         const GValue         *value,
         double                x,
         double                y,
         SlMeetingAttachments *self)
{
  GSList *files = NULL;

  if (self->meeting_id == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = g_slist_prepend (NULL, g_value_get_object (value));

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        sl_meeting_attachments_add_file (self, path, selected_kind (self));
    }
  g_slist_free (files);
  return files != NULL;
}

/* The object ------------------------------------------------------------------------- */

void
sl_meeting_attachments_set (SlMeetingAttachments *self,
                            SlLedger             *ledger,
                            const char           *meeting_id,
                            gboolean              final,
                            const char           *by,
                            const char           *reason)
{
  g_return_if_fail (SL_IS_MEETING_ATTACHMENTS (self));

  g_set_object (&self->ledger, ledger);
  g_free (self->meeting_id);
  self->meeting_id = g_strdup (meeting_id);
  g_free (self->by);
  self->by = g_strdup (by);
  g_free (self->reason);
  self->reason = g_strdup (reason);
  self->final = final;
  sl_meeting_attachments_reload (self);
}

guint
sl_meeting_attachments_get_n_items (SlMeetingAttachments *self)
{
  g_return_val_if_fail (SL_IS_MEETING_ATTACHMENTS (self), 0);
  return self->rows->len;
}

gboolean
sl_meeting_attachments_has_thumbnail (SlMeetingAttachments *self,
                                      guint                 index)
{
  g_return_val_if_fail (SL_IS_MEETING_ATTACHMENTS (self), FALSE);
  return index < self->thumbnails->len && g_array_index (self->thumbnails, gboolean, index);
}

static void
sl_meeting_attachments_dispose (GObject *object)
{
  SlMeetingAttachments *self = SL_MEETING_ATTACHMENTS (object);

  g_clear_object (&self->ledger);
  G_OBJECT_CLASS (sl_meeting_attachments_parent_class)->dispose (object);
}

static void
sl_meeting_attachments_finalize (GObject *object)
{
  SlMeetingAttachments *self = SL_MEETING_ATTACHMENTS (object);

  g_free (self->meeting_id);
  g_free (self->by);
  g_free (self->reason);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->thumbnails);
  G_OBJECT_CLASS (sl_meeting_attachments_parent_class)->finalize (object);
}

static void
sl_meeting_attachments_class_init (SlMeetingAttachmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_meeting_attachments_dispose;
  object_class->finalize = sl_meeting_attachments_finalize;

  /**
   * SlMeetingAttachments::changed:
   *
   * An attachment was added or deleted (a final meeting's hash changed).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_meeting_attachments_init (SlMeetingAttachments *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *target;

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->thumbnails = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, sl_ui_attachment_kind_label (kinds[i]));
  self->kind_drop = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_widget_set_valign (self->kind_drop, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->kind_drop, _("The kind of the files added next"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of attachment"), -1);
  self->add_button = gtk_button_new_with_mnemonic (_("_Attach…"));
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->add_button, _("Attach files, or drop them here (up to 50 MB each)"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked), self);
  gtk_box_append (GTK_BOX (header), self->kind_drop);
  gtk_box_append (GTK_BOX (header), self->add_button);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Attachments"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The scanned sign-in sheet, photos, materials: kept inside the ledger"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), header);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  {
    GtkWidget *placeholder = gtk_label_new (_("No attachments: drop files here or use Attach…"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->list);
  adw_bin_set_child (ADW_BIN (self), group);
  gtk_widget_set_name (GTK_WIDGET (self), "sl-attachments");

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
sl_meeting_attachments_new (void)
{
  return g_object_new (SL_TYPE_MEETING_ATTACHMENTS, NULL);
}
