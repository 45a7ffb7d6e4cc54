/* sl-record.c — base class of every record that carries an archive id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record has two identities: the UUID that the archive and the command
 * line use, stable for life and across desks, and the integer key of its
 * row in this database (0 until it is first saved). References between
 * objects are UUIDs; the ledger translates them to keys when it writes.
 */

#define G_LOG_DOMAIN "sl-record"

#include "config.h"

#include "sl-record.h"
#include "sl-util.h"

typedef struct
{
  char   *id;
  gint64  key;
  gint64  change_count;  /* of the row when read; -1: not read from a ledger */
} SlRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SlRecord, sl_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_record_constructed (GObject *object)
{
  SlRecord *self = SL_RECORD (object);
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  G_OBJECT_CLASS (sl_record_parent_class)->constructed (object);

  if (priv->id == NULL)
    priv->id = g_uuid_string_random ();
}

static void
sl_record_finalize (GObject *object)
{
  SlRecord *self = SL_RECORD (object);
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (sl_record_parent_class)->finalize (object);
}

static void
sl_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SlRecord *self = SL_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, sl_record_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SlRecord *self = SL_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      sl_record_set_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_record_class_init (SlRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sl_record_constructed;
  object_class->finalize = sl_record_finalize;
  object_class->get_property = sl_record_get_property;
  object_class->set_property = sl_record_set_property;

  /* Not construct-only: an archive import builds the object first and
   * then reads its id, like every other field.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_record_init (SlRecord *self)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  priv->change_count = -1;
}

const char *
sl_record_get_id (SlRecord *self)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_return_val_if_fail (SL_IS_RECORD (self), NULL);

  return priv->id;
}

void
sl_record_set_id (SlRecord   *self,
                  const char *id)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_return_if_fail (SL_IS_RECORD (self));

  /* A record always has an id; NULL asks for a fresh one. */
  if (id == NULL)
    {
      if (priv->id != NULL)
        return;
      priv->id = g_uuid_string_random ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      return;
    }

  if (sl_set_str (&priv->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
sl_record_get_key (SlRecord *self)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_return_val_if_fail (SL_IS_RECORD (self), 0);

  return priv->key;
}

void
sl_record_set_key (SlRecord *self,
                   gint64    key)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_return_if_fail (SL_IS_RECORD (self));

  priv->key = key;
}

/**
 * sl_record_get_change_count:
 *
 * The row's change counter (schema 5) when the record was read from the
 * ledger or last saved there, or -1 for a record that was not (new, or
 * read from an archive). A save of a record with a count is refused when
 * the row's count differs: another program wrote it meanwhile.
 */
gint64
sl_record_get_change_count (SlRecord *self)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_return_val_if_fail (SL_IS_RECORD (self), -1);

  return priv->change_count;
}

void
sl_record_set_change_count (SlRecord *self,
                            gint64    change_count)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_return_if_fail (SL_IS_RECORD (self));

  priv->change_count = change_count;
}

/* The archive's ids are UUID strings (8-4-4-4-12 hex digits, either case).
 * g_uuid_string_is_valid() checks the same shape.
 */
gboolean
sl_is_uuid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}
