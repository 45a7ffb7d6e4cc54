/* sl-binder-pdf.c — the year's binder drawn as one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contents page must give the page each section starts on, and comes
 * before them: the parts are laid out once to count their pages, then the
 * contents is laid out (its own length moves everything after it), and
 * only then is each part laid out again and drawn. A part's renderer lives
 * only while it is counted or drawn, so that a year of 500 meetings is
 * bound in bounded memory. Sections and meetings are the PDF's bookmarks,
 * with the contents' titles.
 *
 * The same ledger gives the same bytes: the PDF's dates are the ledger's
 * last change (sl_ledger_query_last_change()), never the clock.
 */

#define G_LOG_DOMAIN "sl-binder-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-binder.h"
#include "sl-binder-pages.h"
#include "sl-attachment.h"
#include "sl-attachments.h"
#include "sl-wording.h"
#include "sl-document.h"
#include "sl-document-pages.h"
#include "sl-page-fonts.h"
#include "sl-evidence.h"
#include "sl-ledger.h"
#include "sl-ledger-changes.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-research-topic.h"
#include "sl-table.h"
#include "sl-table-pages.h"
#include "sl-wording.h"

/* Drawing ------------------------------------------------------------------ */

static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* As sl-pdf-export.c: metrics unhinted, one unit a point. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);

  return context;
}

/* A part's pages, laid out: the document's renderer, or the frames of an
 * attachment (with the file, in @file, to draw in them). */
static SlPageRenderer *
part_renderer (SlBinder      *self,
               SlBinderPart  *part,
               PangoContext  *context,
               SlBinderFile **file,
               GError       **error)
{
  g_autoptr(SlPageRenderer) renderer = NULL;

  switch (part->kind)
    {
    case SL_BINDER_PART_DOCUMENT:
      {
        SlDocumentRequest request = {
          .kind = part->document,
          .year = self->year,
          .organization = self->organization,
          .meeting = part->meeting,
          .today = self->today,
        };

        renderer = sl_document_pages_new (self->ledger, &request, error);
        break;
      }

    case SL_BINDER_PART_RESEARCH:
      {
        g_autoptr(GPtrArray) tables = sl_binder_research_tables (self, error);

        if (tables != NULL)
          renderer = SL_PAGE_RENDERER (sl_table_pages_new (tables));
        break;
      }

    case SL_BINDER_PART_ATTACHMENT:
      {
        g_autoptr(GBytes) bytes = sl_binder_read_attachment (self, part, error);
        g_autoptr(SlBinderFile) shown = NULL;
        g_autoptr(GArray) landscape = g_array_new (FALSE, FALSE, sizeof (gboolean));
        const char *slash = strrchr (part->name, '/');
        const char *name = slash != NULL ? slash + 1 : part->name;   /* after 附件/ */
        /* "附件：签到表扫描件（签到表.png）": what it is, then the file. */
        g_autofree char *caption = g_strdup_printf ("附件：%s（%s）",
                                                    sl_wording_attachment_kind (part->attachment_kind),
                                                    name);
        g_autofree char *note = NULL;
        guint n;

        if (bytes == NULL)
          return NULL;

        shown = sl_binder_file_new (bytes, part->media_type);
        n = sl_binder_file_get_n_pages (shown);
        for (guint i = 0; i < n; i++)
          {
            gboolean across = sl_binder_file_is_landscape (shown, i);
            g_array_append_val (landscape, across);
          }
        if (!sl_binder_file_is_shown (shown))
          note = g_strdup_printf ("此附件（%s，%" G_GSIZE_FORMAT " 字节）不能在页面上显示，"
                                  "原件见电子档案包（ZIP）。",
                                  part->media_type != NULL ? part->media_type : "文件",
                                  g_bytes_get_size (bytes));

        renderer = SL_PAGE_RENDERER (sl_binder_pages_new_attachment (caption, note, n,
                                                                     (gboolean *) landscape->data));
        if (file != NULL)
          *file = g_steal_pointer (&shown);
        break;
      }

    default:
      g_return_val_if_reached (NULL);
    }

  if (renderer != NULL)
    sl_page_renderer_layout (renderer, context, SL_PAGE_A4_WIDTH, SL_PAGE_A4_HEIGHT);

  return g_steal_pointer (&renderer);
}

/* Draws @renderer's pages, numbered from @first of @total (0: their own
 * numbers), and @file's pages in their frames. */
static void
draw_pages (cairo_surface_t *surface,
            cairo_t         *cr,
            SlPageRenderer  *renderer,
            SlBinderFile    *file,
            guint            first,
            guint            total)
{
  guint n = sl_page_renderer_get_n_pages (renderer);

  if (total > 0)
    sl_page_renderer_set_numbering (renderer, first, total);

  for (guint page = 0; page < n; page++)
    {
      double width, height;

      sl_page_renderer_get_page_size (renderer, page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      sl_page_renderer_draw_page (renderer, cr, page);
      if (file != NULL)
        {
          double x, y, frame_width, frame_height;

          sl_binder_pages_get_frame (SL_BINDER_PAGES (renderer), page,
                                     &x, &y, &frame_width, &frame_height);
          sl_binder_file_draw (file, page, cr, x, y, frame_width, frame_height);
        }
      cairo_show_page (cr);
    }
}

/* Cairo 1.16 writes the dates it is given without the “D:” that PDF
 * dates begin with (ISO 32000-1, 7.9.4): “/CreationDate (20231226190000-05'00)”,
 * which readers such as pypdf refuse, and only its own clock's date with
 * it. The document information dictionary is written uncompressed, each
 * entry indented by three spaces: the output is passed on through this
 * filter, which writes “ /CreationDate (D:” over “   /CreationDate (”
 * where fourteen digits follow. The length is the same, so that cairo's
 * cross-reference offsets still hold. A few bytes are held back from each
 * write in case an entry is split between two. */
typedef struct
{
  cairo_write_func_t write;
  gpointer           closure;
  GByteArray        *held;
} DateFilter;

static const cairo_user_data_key_t date_filter_key;

#define DATE_DIGITS 14
#define DATE_HOLD   48   /* longer than a key and its digits */

static void
date_filter_fix (DateFilter *filter)
{
  static const struct { const char *from, *to; } keys[] = {
    { "   /CreationDate (", " /CreationDate (D:" },
    { "   /ModDate (",      " /ModDate (D:" },
  };
  guint8 *data = filter->held->data;
  gsize length = filter->held->len;

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gsize key = strlen (keys[k].from);

      for (gsize at = 0; at + key + DATE_DIGITS <= length; at++)
        {
          gboolean digits = TRUE;

          if (data[at] != ' ' || memcmp (data + at, keys[k].from, key) != 0)
            continue;
          for (gsize i = 0; i < DATE_DIGITS && digits; i++)
            digits = g_ascii_isdigit (data[at + key + i]);
          if (digits)
            memcpy (data + at, keys[k].to, key);
        }
    }
}

static cairo_status_t
date_filter_pass (DateFilter *filter,
                  gsize       keep)
{
  gsize n = filter->held->len > keep ? filter->held->len - keep : 0;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;

  if (n > 0)
    {
      status = filter->write (filter->closure, filter->held->data, n);
      g_byte_array_remove_range (filter->held, 0, n);
    }
  return status;
}

static cairo_status_t
date_filter_write (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  DateFilter *filter = closure;

  g_byte_array_append (filter->held, data, length);
  date_filter_fix (filter);
  return date_filter_pass (filter, DATE_HOLD);
}

static void
date_filter_free (DateFilter *filter)
{
  g_byte_array_unref (filter->held);
  g_free (filter);
}

static cairo_surface_t *
create_surface (SlBinder          *self,
                cairo_write_func_t write,
                gpointer           closure,
                const char        *title)
{
  cairo_surface_t *surface;
  /* The binder's time with its offset, as the cover's date and the ZIP's
   * times: a reader shows the same day as the cover. */
  g_autoptr(GDateTime) stamp = sl_binder_stamp_time (self);
  g_autofree char *date = g_date_time_format (stamp, "%Y-%m-%dT%H:%M:%S%:z");
  DateFilter *filter = g_new0 (DateFilter, 1);

  filter->write = write;
  filter->closure = closure;
  filter->held = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (date_filter_write, filter,
                                                 SL_PAGE_A4_WIDTH, SL_PAGE_A4_HEIGHT);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      date_filter_free (filter);
      return surface;
    }
  cairo_surface_set_user_data (surface, &date_filter_key, filter, NULL);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Study Ledger " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  return surface;
}

static gboolean
finish_surface (cairo_surface_t *surface,
                cairo_t         *cr,
                GError         **error)
{
  cairo_status_t status = cr != NULL ? cairo_status (cr) : CAIRO_STATUS_SUCCESS;
  DateFilter *filter = cairo_surface_get_user_data (surface, &date_filter_key);

  if (cr != NULL)
    cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  /* What the filter still holds: the end of the file. */
  if (filter != NULL)
    {
      date_filter_fix (filter);
      if (status == CAIRO_STATUS_SUCCESS)
        status = date_filter_pass (filter, 0);
      date_filter_free (filter);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write the year’s binder: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
sl_binder_write_part_pdf (SlBinder           *self,
                          SlBinderPart       *part,
                          cairo_write_func_t  write,
                          gpointer            closure,
                          GError            **error)
{
  PangoContext *context = create_context ();
  g_autoptr(GObject) owner = G_OBJECT (context);   /* no autoptr for PangoContext in 1.50 */
  g_autoptr(SlPageRenderer) renderer = part_renderer (self, part, context, NULL, error);
  cairo_surface_t *surface;

  if (renderer == NULL)
    return FALSE;

  surface = create_surface (self, write, closure, sl_page_renderer_get_title (renderer)
                            ? sl_page_renderer_get_title (renderer) : part->name);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      draw_pages (surface, cr, renderer, NULL, 0, 0);
      return finish_surface (surface, cr, error);
    }

  return finish_surface (surface, NULL, error);
}

static char *
binder_title (SlBinder *self)
{
  return g_strdup_printf ("%s%d年度学习档案", self->unit, self->year);
}

/* The contents' lines: every section, and every meeting under it. */
static GArray *
contents_lines (SlBinder *self)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (SlBinderLine));

  for (guint i = 0; i < self->sections->len; i++)
    {
      SlBinderSection *section = g_ptr_array_index (self->sections, i);
      SlBinderLine line = { section->title, 0, section->first_page };

      g_array_append_val (lines, line);
      for (guint j = 0; j < section->entries->len; j++)
        {
          SlBinderEntry *entry = g_ptr_array_index (section->entries, j);
          SlBinderLine meeting = { entry->title, 1, entry->first_page };

          if (entry->title != NULL)
            g_array_append_val (lines, meeting);
        }
    }

  return lines;
}

/* Gives every section, entry and part its first page, the cover and
 * @n_contents pages of contents coming first; returns the pages in all. */
static guint
number_pages (SlBinder *self,
              guint     n_contents)
{
  guint page = 1 + n_contents + 1;

  for (guint i = 0; i < self->sections->len; i++)
    {
      SlBinderSection *section = g_ptr_array_index (self->sections, i);

      section->first_page = page++;   /* its divider */
      for (guint j = 0; j < section->entries->len; j++)
        {
          SlBinderEntry *entry = g_ptr_array_index (section->entries, j);

          entry->first_page = page;
          for (guint k = 0; k < entry->parts->len; k++)
            {
              SlBinderPart *part = g_ptr_array_index (entry->parts, k);

              part->first_page = page;
              page += part->n_pages;
            }
        }
    }

  return page - 1;
}

static const char *
empty_note (SlBinderSection *section)
{
  return section->entries->len == 0 ? "本年度无此项材料。" : NULL;
}

static gboolean
write_pdf (SlBinder           *self,
           cairo_write_func_t  write,
           gpointer            closure,
           GError            **error)
{
  PangoContext *context = create_context ();
  g_autoptr(GObject) owner = G_OBJECT (context);   /* no autoptr for PangoContext in 1.50 */
  g_autoptr(SlPageRenderer) cover = NULL;
  g_autoptr(SlPageRenderer) contents = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *title = binder_title (self);
  g_autofree char *made = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint done = 0, n_contents = 1, total;
  double share = self->n_parts > 0 ? 1.0 / (2 * self->n_parts) : 0;

  /* 1. Count each part's pages. */
  for (guint i = 0; i < self->sections->len; i++)
    {
      SlBinderSection *section = g_ptr_array_index (self->sections, i);

      for (guint j = 0; j < section->entries->len; j++)
        {
          SlBinderEntry *entry = g_ptr_array_index (section->entries, j);

          for (guint k = 0; k < entry->parts->len; k++)
            {
              SlBinderPart *part = g_ptr_array_index (entry->parts, k);
              g_autoptr(SlPageRenderer) renderer = NULL;

              if (!sl_binder_step (self, share * done++, entry->title ? entry->title : part->name,
                                   error) ||
                  !(renderer = part_renderer (self, part, context, NULL, error)))
                return FALSE;
              part->n_pages = sl_page_renderer_get_n_pages (renderer);
            }
        }
    }

  /* 2. The contents, until its length and the numbers in it agree: more
   * contents pages move every number after them. */
  for (guint tries = 0; tries < 4; tries++)
    {
      guint counted;

      total = number_pages (self, n_contents);
      g_clear_pointer (&lines, g_array_unref);
      lines = contents_lines (self);
      g_clear_object (&contents);
      contents = SL_PAGE_RENDERER (sl_binder_pages_new_contents (lines));
      counted = sl_page_renderer_layout (contents, context, SL_PAGE_A4_WIDTH, SL_PAGE_A4_HEIGHT);
      if (counted == n_contents)
        break;
      n_contents = counted;
    }

  /* 3. Draw: cover, contents, then each section's divider and parts. */
  made = sl_wording_date (self->made);
  cover = SL_PAGE_RENDERER (sl_binder_pages_new_cover (self->unit, self->year, made));
  sl_page_renderer_layout (cover, context, SL_PAGE_A4_WIDTH, SL_PAGE_A4_HEIGHT);

  surface = create_surface (self, write, closure, title);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return finish_surface (surface, NULL, error);
  cr = cairo_create (surface);

  draw_pages (surface, cr, cover, NULL, 1, 0);
  draw_pages (surface, cr, contents, NULL, 2, total);

  for (guint i = 0; i < self->sections->len; i++)
    {
      SlBinderSection *section = g_ptr_array_index (self->sections, i);
      g_autoptr(SlPageRenderer) divider = NULL;
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 0]", section->first_page);
      int outline;

      outline = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section->title,
                                               link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
      divider = SL_PAGE_RENDERER (sl_binder_pages_new_divider (section->title,
                                                               empty_note (section)));
      sl_page_renderer_layout (divider, context, SL_PAGE_A4_WIDTH, SL_PAGE_A4_HEIGHT);
      draw_pages (surface, cr, divider, NULL, section->first_page, total);

      for (guint j = 0; j < section->entries->len; j++)
        {
          SlBinderEntry *entry = g_ptr_array_index (section->entries, j);

          if (entry->title != NULL)
            {
              g_autofree char *entry_link = g_strdup_printf ("page=%u pos=[0 0]",
                                                             entry->first_page);
              cairo_pdf_surface_add_outline (surface, outline, entry->title, entry_link, 0);
            }

          for (guint k = 0; k < entry->parts->len; k++)
            {
              SlBinderPart *part = g_ptr_array_index (entry->parts, k);
              g_autoptr(SlPageRenderer) renderer = NULL;
              g_autoptr(SlBinderFile) file = NULL;
              GError *local = NULL;

              if (!sl_binder_step (self, share * done++, entry->title ? entry->title : part->name,
                                   &local) ||
                  !(renderer = part_renderer (self, part, context, &file, &local)))
                {
                  finish_surface (surface, cr, NULL);
                  g_propagate_error (error, local);
                  return FALSE;
                }

              /* The ledger changed between the passes: its numbers would lie. */
              if (sl_page_renderer_get_n_pages (renderer) != part->n_pages)
                {
                  finish_surface (surface, cr, NULL);
                  g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                               _("The ledger changed while the year’s binder was made; "
                                 "export it again"));
                  return FALSE;
                }
              draw_pages (surface, cr, renderer, file, part->first_page, total);
            }
        }
    }

  return finish_surface (surface, cr, error);
}

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return fwrite (data, 1, length, closure) == length
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
sl_binder_write (SlLedger        *ledger,
                 int              year,
                 const char      *organization,
                 SlBinderFormat   format,
                 const char      *path,
                 SlBinderProgress progress,
                 gpointer         data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(SlBinder) self = NULL;
  gboolean ok;

  /* No transaction around it all: the documents each read in one of
   * their own (and would refuse to nest), and a ledger that changes
   * between the passes is caught by the page counts (write_pdf()). */
  self = sl_binder_new (ledger, year, organization, error);
  if (self == NULL)
    return FALSE;
  self->progress = progress;
  self->progress_data = data;
  self->cancellable = cancellable;
  sl_page_fonts_reset_notes ();

  if (format == SL_BINDER_FORMAT_ZIP)
    ok = sl_binder_write_zip (self, path, error);
  else
    {
      /* The temporary file sl_document_write_file() made, truncated in
       * place: it flushes this very file before renaming it. */
      FILE *file = g_fopen (path, "wb");
      int saved_errno = errno;

      if (file == NULL)
        {
          g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                       _("Cannot write %s: %s"), path, g_strerror (saved_errno));
          ok = FALSE;
        }
      else
        {
          ok = write_pdf (self, write_to_file, file, error);
          saved_errno = errno;
          if (fclose (file) != 0 && ok)
            {
              g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                           _("Cannot write %s: %s"), path, g_strerror (errno));
              ok = FALSE;
            }
        }
    }

  if (ok)
    {
      /* The fonts that stood in and the characters no font has, said
       * once for the whole binder, as for any PDF (sl-pdf-export.c). */
      g_autofree char *note = sl_page_fonts_export_note ();

      sl_document_set_note (note);
      sl_binder_step (self, 1.0, NULL, NULL);
    }

  return ok;
}
