/* sl-binder-zip.c — the year's binder as a ZIP of numbered folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same parts as the PDF, one file each, in the sections' numbered
 * folders (`01-学习计划/`, `02-中心组学习/2023-03-29-第2次集体学习/`):
 * each document as PDF (and the ledgers as xlsx too), each attachment as
 * it was attached, the year's archive.json, a README.txt in Chinese
 * listing it all, and SHA256SUMS, which `sha256sum -c` checks.
 *
 * libarchive writes it, with the names in UTF-8 and the ZIP's UTF-8 flag
 * (bit 11) set, so that Windows Explorer and WPS show the Chinese names.
 * The same ledger gives the same bytes: every entry's time is the
 * ledger's last change, owner 0, mode 0644 (folders 0755), in a fixed
 * order.
 */

#define G_LOG_DOMAIN "sl-binder-zip"

#include "config.h"

#include <archive.h>
#include <errno.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sl-archive-year.h"
#include "sl-binder.h"
#include "sl-document-pages.h"
#include "sl-ledger-tables.h"
#include "sl-xlsx-writer.h"

typedef struct
{
  SlBinder       *binder;
  struct archive *archive;
  const char     *path;
  GString        *sums;     /* SHA256SUMS */
  GString        *readme;   /* README.txt */
  char           *scratch;  /* a private folder for the spreadsheets */
} Zip;

static gboolean
archive_failed (Zip     *zip,
                GError **error)
{
  g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
               _("Cannot write %s: %s"), zip->path, archive_error_string (zip->archive));
  return FALSE;
}

static struct archive_entry *
new_entry (Zip        *zip,
           const char *name,
           gboolean    folder,
           gsize       size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, folder ? AE_IFDIR : AE_IFREG);
  archive_entry_set_perm (entry, folder ? 0755 : 0644);
  archive_entry_set_size (entry, folder ? 0 : (la_int64_t) size);
  archive_entry_set_mtime (entry, (time_t) zip->binder->stamp, 0);
  archive_entry_set_uid (entry, 0);
  archive_entry_set_gid (entry, 0);

  return entry;
}

static gboolean
add_folder (Zip         *zip,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_strconcat (name, "/", NULL);
  struct archive_entry *entry = new_entry (zip, path, TRUE, 0);
  int status = archive_write_header (zip->archive, entry);

  archive_entry_free (entry);
  return status == ARCHIVE_OK || archive_failed (zip, error);
}

static gboolean
add_file (Zip           *zip,
          const char    *name,
          gconstpointer  data,
          gsize          size,
          GError       **error)
{
  struct archive_entry *entry = new_entry (zip, name, FALSE, size);
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  int status = archive_write_header (zip->archive, entry);

  archive_entry_free (entry);
  if (status != ARCHIVE_OK ||
      (size > 0 && archive_write_data (zip->archive, data, size) != (la_ssize_t) size))
    return archive_failed (zip, error);

  g_string_append_printf (zip->sums, "%s  %s\n", sum, name);
  return TRUE;
}

/* A file of the scratch folder, added in chunks: a ledger's PDF or the
 * year's archive.json can be tens of megabytes, and is never held whole. */
static gboolean
add_file_from (Zip         *zip,
               const char  *name,
               const char  *file,
               GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (64 * 1024);
  struct archive_entry *entry;
  GStatBuf info;
  FILE *in = g_fopen (file, "rb");
  gsize size, done = 0;
  int status;

  if (in == NULL || g_stat (file, &info) != 0)
    {
      int saved_errno = errno;

      if (in != NULL)
        fclose (in);
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: %s"), zip->path, g_strerror (saved_errno));
      return FALSE;
    }

  size = info.st_size;
  entry = new_entry (zip, name, FALSE, size);
  status = archive_write_header (zip->archive, entry);
  archive_entry_free (entry);

  while (status == ARCHIVE_OK && done < size)
    {
      gsize n = fread (buffer, 1, MIN (size - done, 64 * 1024), in);

      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      if (archive_write_data (zip->archive, buffer, n) != (la_ssize_t) n)
        status = ARCHIVE_FATAL;
      done += n;
    }
  fclose (in);

  if (status != ARCHIVE_OK)
    return archive_failed (zip, error);
  if (done != size)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: %s"), zip->path, g_strerror (EIO));
      return FALSE;
    }

  g_string_append_printf (zip->sums, "%s  %s\n", g_checksum_get_string (checksum), name);
  return TRUE;
}

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return fwrite (data, 1, length, closure) == length
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* A part's PDF, through a file of the scratch folder. */
static gboolean
add_pdf (Zip           *zip,
         SlBinderPart  *part,
         const char    *name,
         GError       **error)
{
  g_autofree char *file = g_build_filename (zip->scratch, "part.pdf", NULL);
  FILE *out = g_fopen (file, "wb");
  gboolean ok;

  if (out == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: %s"), file, g_strerror (saved_errno));
      return FALSE;
    }

  ok = sl_binder_write_part_pdf (zip->binder, part, write_to_file, out, error);
  if (fclose (out) != 0 && ok)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                   _("Cannot write %s: %s"), file, g_strerror (errno));
      ok = FALSE;
    }
  ok = ok && add_file_from (zip, name, file, error);
  g_unlink (file);

  return ok;
}

/* A spreadsheet, through a file of its own: libxlsxwriter writes files. */
static gboolean
add_xlsx (Zip           *zip,
          SlBinderPart  *part,
          const char    *name,
          GError       **error)
{
  SlBinder *binder = zip->binder;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *file = g_build_filename (zip->scratch, "table.xlsx", NULL);
  gboolean ok;

  if (part->kind == SL_BINDER_PART_RESEARCH)
    tables = sl_binder_research_tables (binder, error);
  else
    {
      SlDocumentRequest request = {
        .kind = part->document,
        .year = binder->year,
        .organization = binder->organization,
        .today = binder->today,
      };
      tables = sl_ledger_tables_build (binder->ledger, &request, error);
    }

  if (tables == NULL || !sl_xlsx_write_tables_created (tables, file, binder->stamp, error))
    return FALSE;

  ok = add_file_from (zip, name, file, error);
  g_unlink (file);

  return ok;
}

static gboolean
add_part (Zip           *zip,
          const char    *folder,
          SlBinderPart  *part,
          GError       **error)
{
  g_autofree char *name = g_build_path ("/", folder, part->name, NULL);

  g_string_append_printf (zip->readme, "    %s\n", part->name);

  if (part->kind == SL_BINDER_PART_ATTACHMENT)
    {
      g_autoptr(GBytes) bytes = sl_binder_read_attachment (zip->binder, part, error);

      return bytes != NULL &&
             add_file (zip, name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
    }
  else
    {
      if (!add_pdf (zip, part, name, error))
        return FALSE;

      if (part->xlsx)
        {
          g_autofree char *base = g_strndup (name, strlen (name) - strlen (".pdf"));
          g_autofree char *xlsx = g_strconcat (base, ".xlsx", NULL);

          g_string_append_printf (zip->readme, "    %s\n", strrchr (xlsx, '/') + 1);
          return add_xlsx (zip, part, xlsx, error);
        }
    }

  return TRUE;
}

static gboolean
write_zip (Zip     *zip,
           GError **error)
{
  SlBinder *binder = zip->binder;
  g_autofree char *json = g_build_filename (zip->scratch, "archive.json", NULL);
  g_autoptr(GDateTime) stamp = sl_binder_stamp_time (binder);
  g_autofree char *exported_at = g_date_time_format (stamp, "%Y-%m-%dT%H:%M:%S%:z");
  gboolean ok;
  guint done = 0;

  g_string_append_printf (zip->readme,
                          "%s%d年度学习档案（电子档案包）\r\n"
                          "\r\n"
                          "由“学习台账”（Study Ledger %s）按台账数据生成，数据截至 %s。\r\n"
                          "各部分按档案顺序编号；每件材料为单独的 PDF 文件，台账另附 xlsx 表格，"
                          "会议附件按原件保存在各会议的“附件”文件夹中。\r\n"
                          "archive.json 为本年度记录的交换格式数据，可用 study-ledger import-archive 导入。\r\n"
                          "SHA256SUMS 为各文件的校验值，可用“sha256sum -c SHA256SUMS”核对。\r\n"
                          "\r\n"
                          "目录：\r\n",
                          binder->unit, binder->year, PACKAGE_VERSION, binder->made);

  for (guint i = 0; i < binder->sections->len; i++)
    {
      SlBinderSection *section = g_ptr_array_index (binder->sections, i);

      g_string_append_printf (zip->readme, "\r\n%s/  %s\r\n", section->folder, section->title);
      if (!add_folder (zip, section->folder, error))
        return FALSE;
      if (section->entries->len == 0)
        g_string_append (zip->readme, "    本年度无此项材料。\r\n");

      for (guint j = 0; j < section->entries->len; j++)
        {
          SlBinderEntry *entry = g_ptr_array_index (section->entries, j);
          g_autofree char *folder = NULL;

          if (entry->folder != NULL)
            {
              folder = g_build_path ("/", section->folder, entry->folder, NULL);
              g_string_append_printf (zip->readme, "  %s/  %s\r\n", entry->folder, entry->title);
              if (!add_folder (zip, folder, error))
                return FALSE;
            }
          else
            folder = g_strdup (section->folder);

          for (guint k = 0; k < entry->parts->len; k++)
            {
              SlBinderPart *part = g_ptr_array_index (entry->parts, k);

              if (!sl_binder_step (binder, (double) done++ / MAX (binder->n_parts, 1),
                                   entry->title != NULL ? entry->title : part->name, error) ||
                  !add_part (zip, folder, part, error))
                return FALSE;
            }
        }
    }

  /* Streamed into a file, then into the ZIP in chunks: libarchive wants
   * an entry's size before its data. */
  ok = sl_binder_step (binder, (double) done / MAX (binder->n_parts, 1), "archive.json", error) &&
       sl_archive_export_year (binder->ledger, binder->year, binder->organization,
                               exported_at, json, error) &&
       add_file_from (zip, "archive.json", json, error);
  g_unlink (json);
  if (!ok)
    return FALSE;
  g_string_append (zip->readme, "\r\narchive.json  本年度记录（交换格式）\r\n"
                                "README.txt  本说明\r\n"
                                "SHA256SUMS  校验值\r\n");

  /* README lines for parts were written with "\n": Notepad wants CRLF. */
  {
    g_auto(GStrv) lines = g_strsplit (zip->readme->str, "\n", -1);
    g_autofree char *joined = NULL;

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_suffix (lines[i], "\r"))
        lines[i][strlen (lines[i]) - 1] = '\0';
    joined = g_strjoinv ("\r\n", lines);
    if (!add_file (zip, "README.txt", joined, strlen (joined), error))
      return FALSE;
  }

  /* Last, so that it lists every other file. */
  {
    g_autofree char *sums = g_strdup (zip->sums->str);

    return add_file (zip, "SHA256SUMS", sums, strlen (sums), error);
  }
}

/* libarchive writes an entry's DOS date and time (the time Explorer, WPS
 * and Python's zipfile show) from the machine's local time, so the same
 * ledger would give other bytes in another zone. The ZIP once written,
 * each entry's DOS time, in its local header and in the central directory,
 * is set to the binder's time (sl_binder_stamp_time()), which the cover
 * and the PDFs give. The "UT" extra field keeps the instant itself. */
static guint32
dos_time (SlBinder *binder)
{
  g_autoptr(GDateTime) time = sl_binder_stamp_time (binder);
  guint32 date = ((guint32) MAX (g_date_time_get_year (time) - 1980, 0) << 9) |
                 ((guint32) g_date_time_get_month (time) << 5) |
                 (guint32) g_date_time_get_day_of_month (time);
  guint32 clock = ((guint32) g_date_time_get_hour (time) << 11) |
                  ((guint32) g_date_time_get_minute (time) << 5) |
                  ((guint32) g_date_time_get_second (time) / 2);

  return date << 16 | clock;
}

static guint32
le32 (const guchar *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint64
le64 (const guchar *p)
{
  return (guint64) le32 (p) | (guint64) le32 (p + 4) << 32;
}

static gboolean
write_at (FILE          *file,
          guint64        offset,
          const guchar  *bytes,
          gsize          size)
{
  return fseeko (file, (off_t) offset, SEEK_SET) == 0 && fwrite (bytes, 1, size, file) == size;
}

static gboolean
read_at (FILE     *file,
         guint64   offset,
         guchar   *bytes,
         gsize     size)
{
  return fseeko (file, (off_t) offset, SEEK_SET) == 0 && fread (bytes, 1, size, file) == size;
}

/* The central directory's offset and entry count, from the end record (no
 * comment: libarchive writes none) or, for a ZIP64, its own end record. */
static gboolean
find_directory (FILE    *file,
                guint64  end,
                guint64 *offset,
                guint64 *count)
{
  guchar record[56];

  if (end < 22 || !read_at (file, end - 22, record, 22) || le32 (record) != 0x06054b50)
    return FALSE;
  *count = record[10] | record[11] << 8;
  *offset = le32 (record + 16);
  if (*count != 0xffff && *offset != 0xffffffff)
    return TRUE;

  /* ZIP64: the locator, 20 bytes before the end record, gives its place. */
  if (end < 42 || !read_at (file, end - 42, record, 20) || le32 (record) != 0x07064b50)
    return FALSE;
  if (!read_at (file, le64 (record + 8), record, 56) || le32 (record) != 0x06064b50)
    return FALSE;
  *count = le64 (record + 32);
  *offset = le64 (record + 48);
  return TRUE;
}

static gboolean
set_dos_times (Zip      *zip,
               GError  **error)
{
  guchar time[4], header[46];
  guint32 dos = dos_time (zip->binder);
  guint64 end, offset, count;
  FILE *file = g_fopen (zip->path, "r+b");
  gboolean ok;

  time[0] = dos & 0xff;
  time[1] = (dos >> 8) & 0xff;
  time[2] = (dos >> 16) & 0xff;
  time[3] = (dos >> 24) & 0xff;

  ok = file != NULL && fseeko (file, 0, SEEK_END) == 0 && (end = (guint64) ftello (file)) > 0 &&
       find_directory (file, end, &offset, &count);
  for (guint64 i = 0; ok && i < count; i++)
    {
      guint name, extra, comment;
      guint64 local;

      ok = read_at (file, offset, header, sizeof header) && le32 (header) == 0x02014b50;
      if (!ok)
        break;
      name = header[28] | header[29] << 8;
      extra = header[30] | header[31] << 8;
      comment = header[32] | header[33] << 8;
      local = le32 (header + 42);
      if (local == 0xffffffff)
        {
          /* ZIP64: the local header's offset is in the extra field, after
           * the sizes that are there too. */
          g_autofree guchar *fields = g_malloc (extra);
          guint at = 0;

          ok = read_at (file, offset + 46 + name, fields, extra);
          while (ok && at + 4 <= extra && (fields[at] | fields[at + 1] << 8) != 0x0001)
            at += 4 + (fields[at + 2] | fields[at + 3] << 8);
          if (ok && at + 4 <= extra)
            {
              guint skip = (le32 (header + 24) == 0xffffffff ? 8 : 0) +
                           (le32 (header + 20) == 0xffffffff ? 8 : 0);

              ok = at + 4 + skip + 8 <= extra;
              if (ok)
                local = le64 (fields + at + 4 + skip);
            }
          else
            ok = FALSE;
        }
      ok = ok && write_at (file, offset + 12, time, 4) && write_at (file, local + 10, time, 4);
      offset += 46 + name + extra + comment;
    }

  if (file != NULL && fclose (file) != 0)
    ok = FALSE;
  if (!ok)
    g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_WRITE,
                 _("Cannot write %s: %s"), zip->path, g_strerror (errno != 0 ? errno : EIO));
  return ok;
}

gboolean
sl_binder_write_zip (SlBinder    *self,
                     const char  *path,
                     GError     **error)
{
  Zip zip = { self, archive_write_new (), path, g_string_new (NULL), g_string_new (NULL) };
  gboolean ok;

  zip.scratch = g_dir_make_tmp ("study-ledger-binder-XXXXXX", error);
  if (zip.scratch == NULL)
    ok = FALSE;
  else if (archive_write_set_format_zip (zip.archive) != ARCHIVE_OK ||
           archive_write_set_options (zip.archive, "zip:hdrcharset=UTF-8") != ARCHIVE_OK ||
           archive_write_open_filename (zip.archive, path) != ARCHIVE_OK)
    ok = archive_failed (&zip, error);
  else
    {
      ok = write_zip (&zip, error);
      if (archive_write_close (zip.archive) != ARCHIVE_OK && ok)
        ok = archive_failed (&zip, error);
      ok = ok && set_dos_times (&zip, error);
    }

  archive_write_free (zip.archive);
  if (zip.scratch != NULL)
    {
      static const char * const left[] = { "table.xlsx", "part.pdf", "archive.json" };

      /* Left by a part whose export failed or was cancelled. */
      for (guint i = 0; i < G_N_ELEMENTS (left); i++)
        {
          g_autofree char *file = g_build_filename (zip.scratch, left[i], NULL);

          g_unlink (file);
        }
      g_rmdir (zip.scratch);
      g_free (zip.scratch);
    }
  g_string_free (zip.sums, TRUE);
  g_string_free (zip.readme, TRUE);

  return ok;
}
