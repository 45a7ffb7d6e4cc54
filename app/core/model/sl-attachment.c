/* sl-attachment.c — a file kept with a meeting: a signed sheet, a photo...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The description of an attachment; its bytes stay in the ledger and are
 * read and written in pieces (sl-attachments.c), never held here.
 * speech and measure hold the id of the part of the meeting it belongs
 * to, or NULL.
 */

#define G_LOG_DOMAIN "sl-attachment"

#include "config.h"

#include "sl-attachment.h"
#include "sl-util.h"

struct _SlAttachment
{
  SlRecord  parent_instance;

  /* owned */
  char     *kind;
  char     *name;
  char     *media_type;
  char     *sha256;
  char     *added_at;
  char     *speech;
  char     *measure;
  gint64    size;
};

G_DEFINE_FINAL_TYPE (SlAttachment, sl_attachment, SL_TYPE_RECORD)

static const char * const kinds[] = {
  "signed_sheet", "photo", "material", "speech", "minutes", "other",
};

static void
sl_attachment_finalize (GObject *object)
{
  SlAttachment *self = SL_ATTACHMENT (object);

  g_free (self->kind);
  g_free (self->name);
  g_free (self->media_type);
  g_free (self->sha256);
  g_free (self->added_at);
  g_free (self->speech);
  g_free (self->measure);

  G_OBJECT_CLASS (sl_attachment_parent_class)->finalize (object);
}

static void
sl_attachment_class_init (SlAttachmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_attachment_finalize;
}

static void
sl_attachment_init (SlAttachment *self)
{
}

SlAttachment *
sl_attachment_new (void)
{
  return g_object_new (SL_TYPE_ATTACHMENT, NULL);
}

#define DEFINE_STRING(field)                                  \
  const char *                                                \
  sl_attachment_get_##field (SlAttachment *self)              \
  {                                                           \
    g_return_val_if_fail (SL_IS_ATTACHMENT (self), NULL);     \
    return self->field;                                       \
  }                                                           \
  void                                                        \
  sl_attachment_set_##field (SlAttachment *self,              \
                             const char   *field)             \
  {                                                           \
    g_return_if_fail (SL_IS_ATTACHMENT (self));               \
    sl_set_str (&self->field, field);                         \
  }

DEFINE_STRING (kind)
DEFINE_STRING (name)
DEFINE_STRING (media_type)
DEFINE_STRING (sha256)
DEFINE_STRING (added_at)
DEFINE_STRING (speech)
DEFINE_STRING (measure)

#undef DEFINE_STRING

gint64
sl_attachment_get_size (SlAttachment *self)
{
  g_return_val_if_fail (SL_IS_ATTACHMENT (self), 0);
  return self->size;
}

void
sl_attachment_set_size (SlAttachment *self,
                        gint64        size)
{
  g_return_if_fail (SL_IS_ATTACHMENT (self));
  self->size = size;
}

gboolean
sl_attachment_kind_is_valid (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      return TRUE;
  return FALSE;
}

/* "signed_sheet, photo, ...", for messages. */
const char *
sl_attachment_kind_list (void)
{
  return "signed_sheet, photo, material, speech, minutes, other";
}
