/* sl-save-queue.c — saves that wait for a busy ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While another program writes a long import, the ledger is locked and a
 * save from the window fails with SL_DATABASE_ERROR_BUSY. Such a save is
 * not lost and not reported as done: sl_save_queue_save() keeps the record
 * and tries again every SL_SAVE_QUEUE_RETRY_MS on the main loop until the
 * ledger takes it (::saved), or refuses it for another reason (::refused,
 * with the error: another program changed the row meanwhile, say).
 * n-pending says how many wait, for the window to show. One queue per
 * ledger, so that every page and dialog shares it and closing the window
 * can try them all once more (sl_save_queue_flush()).
 */

#define G_LOG_DOMAIN "sl-save-queue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-database.h"
#include "sl-ledger-private.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-research-topic.h"
#include "sl-save-queue.h"

#define QUEUE_KEY "sl-save-queue"

struct _SlSaveQueue
{
  GObject    parent_instance;

  SlLedger  *ledger;    /* not a reference: the ledger owns the queue */
  GPtrArray *pending;   /* SlRecord, owned, in the order queued */
  guint      source;
};

G_DEFINE_FINAL_TYPE (SlSaveQueue, sl_save_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
save_record (SlSaveQueue  *self,
             SlRecord     *record,
             GError      **error)
{
  if (SL_IS_MEMBER (record))
    return sl_ledger_save_member (self->ledger, SL_MEMBER (record), error);
  if (SL_IS_ORGANIZATION (record))
    return sl_ledger_save_organization (self->ledger, SL_ORGANIZATION (record), error);
  if (SL_IS_MEETING (record))
    return sl_ledger_save_meeting (self->ledger, SL_MEETING (record), SL_SAVE_REPLACE, error);
  if (SL_IS_PLAN (record))
    return sl_ledger_save_plan (self->ledger, SL_PLAN (record), SL_SAVE_REPLACE, error);
  if (SL_IS_RESEARCH_TOPIC (record))
    return sl_ledger_save_research_topic (self->ledger, SL_RESEARCH_TOPIC (record), error);

  g_return_val_if_reached (FALSE);
}

static gboolean
is_busy (const GError *error)
{
  return g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY);
}

static gboolean retry_cb (gpointer data);

static void
update (SlSaveQueue *self,
        guint        before)
{
  if (self->pending->len > 0 && self->source == 0)
    self->source = g_timeout_add (SL_SAVE_QUEUE_RETRY_MS, retry_cb, self);
  else if (self->pending->len == 0)
    g_clear_handle_id (&self->source, g_source_remove);

  if (self->pending->len != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

/* Tries each waiting save once; the first error other than busy is
 * @error's. */
static gboolean
try_all (SlSaveQueue  *self,
         GError      **error)
{
  guint before = self->pending->len;
  gboolean ok = TRUE;

  g_object_ref (self);
  for (guint i = 0; i < self->pending->len;)
    {
      g_autoptr(SlRecord) record = g_object_ref (g_ptr_array_index (self->pending, i));
      g_autoptr(GError) local_error = NULL;

      if (save_record (self, record, &local_error))
        {
          g_ptr_array_remove_index (self->pending, i);
          g_signal_emit (self, signals[SAVED], 0, record);
        }
      else if (is_busy (local_error))
        {
          /* Still locked: the others would wait for it too. */
          if (ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
          break;
        }
      else
        {
          g_ptr_array_remove_index (self->pending, i);
          g_signal_emit (self, signals[REFUSED], 0, record, local_error);
          if (ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  update (self, before);
  g_object_unref (self);

  return ok;
}

static gboolean
retry_cb (gpointer data)
{
  SlSaveQueue *self = data;

  self->source = 0;
  try_all (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
sl_save_queue_dispose (GObject *object)
{
  SlSaveQueue *self = SL_SAVE_QUEUE (object);

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->pending != NULL && self->pending->len > 0)
    g_warning ("%u saves were still waiting for the ledger", self->pending->len);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_save_queue_parent_class)->dispose (object);
}

static void
sl_save_queue_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlSaveQueue *self = SL_SAVE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, self->pending ? self->pending->len : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_save_queue_class_init (SlSaveQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_save_queue_dispose;
  object_class->get_property = sl_save_queue_get_property;

  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlSaveQueue::saved:
   * @record: the record that waited and is now stored
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SL_TYPE_RECORD);

  /**
   * SlSaveQueue::refused:
   * @record: the record that waited
   * @error: why the ledger refused it; it is no longer queued
   */
  signals[REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, SL_TYPE_RECORD, G_TYPE_ERROR);
}

static void
sl_save_queue_init (SlSaveQueue *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

/* SlLedger's hook (sl-ledger-private.h): the stores read again leave a
 * waiting record's values alone. */
static gboolean
queue_holds (SlRecord *record,
             gpointer  data)
{
  SlSaveQueue *self = data;

  return self->pending != NULL && g_ptr_array_find (self->pending, record, NULL);
}

/**
 * sl_save_queue_get:
 *
 * Returns: (transfer none): @ledger's queue, made on first use
 */
SlSaveQueue *
sl_save_queue_get (SlLedger *ledger)
{
  SlSaveQueue *self;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);

  self = g_object_get_data (G_OBJECT (ledger), QUEUE_KEY);
  if (self == NULL)
    {
      self = g_object_new (SL_TYPE_SAVE_QUEUE, NULL);
      self->ledger = ledger;
      g_object_set_data_full (G_OBJECT (ledger), QUEUE_KEY, self, g_object_unref);
      /* The ledger lives as long as its queue: the hook never outlives it. */
      ledger->holds = queue_holds;
      ledger->holds_data = self;
    }

  return self;
}

/**
 * sl_save_queue_add:
 *
 * Queues @record's save, which is tried again shortly; a record queued
 * already keeps its place.
 */
void
sl_save_queue_add (SlSaveQueue *self,
                   SlRecord    *record)
{
  guint before;

  g_return_if_fail (SL_IS_SAVE_QUEUE (self));
  g_return_if_fail (SL_IS_RECORD (record));

  before = self->pending->len;
  if (!g_ptr_array_find (self->pending, record, NULL))
    g_ptr_array_add (self->pending, g_object_ref (record));
  update (self, before);
}

/**
 * sl_save_queue_save:
 *
 * Saves @record now. When the ledger is busy the save is queued and this
 * returns FALSE with SL_DATABASE_ERROR_BUSY: the caller shows that it
 * waits, and ::saved says when it is done. Any other error is the
 * save's, and nothing is queued.
 */
gboolean
sl_save_queue_save (SlSaveQueue  *self,
                    SlRecord     *record,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SL_IS_SAVE_QUEUE (self), FALSE);
  g_return_val_if_fail (SL_IS_RECORD (record), FALSE);

  /* A record that waits already goes on waiting, in its place. */
  if (g_ptr_array_find (self->pending, record, NULL))
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY,
                           _("The ledger is busy; the change waits to be saved"));
      return FALSE;
    }

  if (save_record (self, record, &local_error))
    return TRUE;

  if (is_busy (local_error))
    sl_save_queue_add (self, record);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * sl_save_queue_flush:
 *
 * Tries every waiting save once, now (closing the window).
 *
 * Returns: FALSE if some save is still waiting or was refused
 */
gboolean
sl_save_queue_flush (SlSaveQueue  *self,
                     GError      **error)
{
  g_return_val_if_fail (SL_IS_SAVE_QUEUE (self), FALSE);

  if (self->pending->len == 0)
    return TRUE;

  return try_all (self, error);
}

guint
sl_save_queue_get_n_pending (SlSaveQueue *self)
{
  g_return_val_if_fail (SL_IS_SAVE_QUEUE (self), 0);
  return self->pending->len;
}

/**
 * sl_save_queue_holds:
 *
 * Whether @record waits in @ledger's queue: its values are the user's,
 * not yet stored, and reading the ledger again must leave them alone.
 */
gboolean
sl_save_queue_holds (SlLedger *ledger,
                     SlRecord *record)
{
  SlSaveQueue *self;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), FALSE);

  self = g_object_get_data (G_OBJECT (ledger), QUEUE_KEY);
  return self != NULL && g_ptr_array_find (self->pending, record, NULL);
}
