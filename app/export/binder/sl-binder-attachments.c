/* sl-binder-attachments.c — a meeting's attachments on the binder's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inspection wants the signed sign-in sheet and the photos "directly
 * after" their record. A PNG is decoded by Cairo; a JPEG (what scanners
 * and phones make) is not decoded at all: Cairo's PDF surface embeds its
 * bytes as they are (CAIRO_MIME_TYPE_JPEG), so the scan keeps its quality
 * and the binder its size. A PDF's pages are drawn by poppler onto the
 * binder's surface, as vectors. Anything else (a Word file) gets a page
 * that names it; the ZIP carries the original.
 */

#define G_LOG_DOMAIN "sl-binder-attachments"

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "sl-attachments.h"
#include "sl-binder.h"

typedef enum
{
  FILE_OTHER,
  FILE_PNG,
  FILE_JPEG,
  FILE_PDF,
} FileKind;

struct _SlBinderFile
{
  FileKind          kind;
  GBytes           *bytes;
  cairo_surface_t  *image;      /* PNG, JPEG */
  PopplerDocument  *document;   /* PDF */
};

static gboolean
append_chunk (gpointer      data,
              const guchar *chunk,
              gsize         size,
              GError      **error)
{
  g_byte_array_append (data, chunk, size);
  return TRUE;
}

GBytes *
sl_binder_read_attachment (SlBinder     *self,
                           SlBinderPart *part,
                           GError      **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();

  if (!sl_attachments_read (self->ledger, part->attachment, append_chunk, data, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* A JPEG's size from its first frame header (SOFn), without decoding it. */
static gboolean
jpeg_size (const guchar *data,
           gsize         size,
           int          *width,
           int          *height,
           int          *components)
{
  gsize i = 2;

  while (i + 9 < size)
    {
      guint marker, length;

      if (data[i] != 0xff)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01)
        {
          i += 2;
          continue;
        }
      length = (data[i + 2] << 8) | data[i + 3];
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          *height = (data[i + 5] << 8) | data[i + 6];
          *width = (data[i + 7] << 8) | data[i + 8];
          *components = data[i + 9];
          return *width > 0 && *height > 0;
        }
      i += 2 + length;
    }

  return FALSE;
}

typedef struct
{
  const guchar *data;
  gsize         size;
  gsize         offset;
} Reader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *buffer,
          unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buffer, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

SlBinderFile *
sl_binder_file_new (GBytes     *bytes,
                    const char *media_type)
{
  SlBinderFile *file = g_new0 (SlBinderFile, 1);
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  int width, height, components;

  file->bytes = g_bytes_ref (bytes);

  /* By the bytes: a media type is what the file claimed when attached. */
  if (size > 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      Reader reader = { data, size, 0 };
      cairo_surface_t *image = cairo_image_surface_create_from_png_stream (read_png, &reader);

      if (cairo_surface_status (image) == CAIRO_STATUS_SUCCESS)
        {
          file->kind = FILE_PNG;
          file->image = image;
        }
      else
        cairo_surface_destroy (image);
    }
  else if (size > 4 && data[0] == 0xff && data[1] == 0xd8 &&
           jpeg_size (data, size, &width, &height, &components) &&
           (components == 1 || components == 3))
    {
      /* The pixels are never read: the PDF takes the JPEG's bytes. */
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);

      if (cairo_surface_status (image) == CAIRO_STATUS_SUCCESS &&
          cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG, data, size,
                                       (cairo_destroy_func_t) g_bytes_unref,
                                       g_bytes_ref (bytes)) == CAIRO_STATUS_SUCCESS)
        {
          file->kind = FILE_JPEG;
          file->image = image;
        }
      else
        cairo_surface_destroy (image);
    }
  else if (size > 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      file->document = poppler_document_new_from_bytes (bytes, NULL, NULL);
      if (file->document != NULL && poppler_document_get_n_pages (file->document) > 0)
        file->kind = FILE_PDF;
      else
        g_clear_object (&file->document);
    }

  (void) media_type;
  return file;
}

void
sl_binder_file_free (SlBinderFile *file)
{
  if (file == NULL)
    return;

  g_clear_pointer (&file->image, cairo_surface_destroy);
  g_clear_object (&file->document);
  g_bytes_unref (file->bytes);
  g_free (file);
}

gboolean
sl_binder_file_is_shown (SlBinderFile *file)
{
  return file->kind != FILE_OTHER;
}

guint
sl_binder_file_get_n_pages (SlBinderFile *file)
{
  if (file->kind == FILE_PDF)
    return poppler_document_get_n_pages (file->document);
  return 1;
}

static void
get_size (SlBinderFile *file,
          guint         page,
          double       *width,
          double       *height)
{
  *width = *height = 1;

  if (file->kind == FILE_PDF)
    {
      PopplerPage *each = poppler_document_get_page (file->document, page);

      if (each != NULL)
        {
          poppler_page_get_size (each, width, height);
          g_object_unref (each);
        }
    }
  else if (file->image != NULL)
    {
      *width = cairo_image_surface_get_width (file->image);
      *height = cairo_image_surface_get_height (file->image);
    }
}

gboolean
sl_binder_file_is_landscape (SlBinderFile *file,
                             guint         page)
{
  double width, height;

  if (file->kind == FILE_OTHER)
    return FALSE;

  get_size (file, page, &width, &height);
  return width > height * 1.05;
}

void
sl_binder_file_draw (SlBinderFile *file,
                     guint         page,
                     cairo_t      *cr,
                     double        x,
                     double        y,
                     double        width,
                     double        height)
{
  double own_width, own_height, scale;

  if (file->kind == FILE_OTHER || width <= 0 || height <= 0)
    return;

  get_size (file, page, &own_width, &own_height);
  scale = MIN (width / own_width, height / own_height);

  cairo_save (cr);
  /* Centred across the frame, from its top. */
  cairo_translate (cr, x + (width - own_width * scale) / 2, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, own_width, own_height);
  cairo_clip (cr);

  if (file->kind == FILE_PDF)
    {
      PopplerPage *each = poppler_document_get_page (file->document, page);

      if (each != NULL)
        {
          poppler_page_render_for_printing (each, cr);
          g_object_unref (each);
        }
    }
  else
    {
      cairo_set_source_surface (cr, file->image, 0, 0);
      cairo_paint (cr);
    }

  cairo_restore (cr);
}
