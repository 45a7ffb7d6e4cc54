/* sl-record-sync.c — giving a record the values of a newer copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Property by property, so that only what changed notifies; the live
 * stores (sl-ledger.c) and the watch (sl-ledger-watch.c) both use it.
 * Knows records only, so that SlLedger can use it from below the watch.
 */

#define G_LOG_DOMAIN "sl-ledger-watch"

#include "config.h"

#include "sl-record-sync.h"

static gboolean is_value_property (GParamSpec *spec);

/**
 * sl_ledger_sync_record:
 * @held: the object that views show
 * @fresh: a newer copy of the same record, just read
 * @keep: (nullable): names of properties to leave as they are
 *
 * Gives @held the values of @fresh, its key and its change count.
 * Properties whose values are objects (a meeting's lists) are not
 * touched.
 */
void
sl_ledger_sync_record (SlRecord           *held,
                       SlRecord           *fresh,
                       const char * const *keep)
{
  g_autofree GParamSpec **specs = NULL;
  guint n = 0;

  g_return_if_fail (SL_IS_RECORD (held));
  g_return_if_fail (G_OBJECT_TYPE (held) == G_OBJECT_TYPE (fresh));

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (fresh), &n);

  g_object_freeze_notify (G_OBJECT (held));
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *spec = specs[i];
      g_auto(GValue) now = G_VALUE_INIT;
      g_auto(GValue) newer = G_VALUE_INIT;

      if (!is_value_property (spec) ||
          (keep != NULL && g_strv_contains (keep, spec->name)))
        continue;

      g_value_init (&now, spec->value_type);
      g_value_init (&newer, spec->value_type);
      g_object_get_property (G_OBJECT (held), spec->name, &now);
      g_object_get_property (G_OBJECT (fresh), spec->name, &newer);
      if (g_param_values_cmp (spec, &now, &newer) != 0)
        g_object_set_property (G_OBJECT (held), spec->name, &newer);
    }
  sl_record_set_key (held, sl_record_get_key (fresh));
  sl_record_set_change_count (held, sl_record_get_change_count (fresh));
  g_object_thaw_notify (G_OBJECT (held));
}

static gboolean
is_value_property (GParamSpec *spec)
{
  return (spec->flags & (G_PARAM_READABLE | G_PARAM_WRITABLE)) == (G_PARAM_READABLE | G_PARAM_WRITABLE) &&
         !(spec->flags & G_PARAM_CONSTRUCT_ONLY) &&
         !g_type_is_a (spec->value_type, G_TYPE_OBJECT);
}

/**
 * sl_ledger_changed_properties:
 *
 * Returns: (transfer full): the names of the properties (not lists) whose
 *   values differ between @a and @b, two copies of one kind of record
 */
GStrv
sl_ledger_changed_properties (SlRecord *a,
                              SlRecord *b)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree GParamSpec **specs = NULL;
  guint n = 0;

  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), NULL);

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!is_value_property (specs[i]) || g_str_equal (specs[i]->name, "id"))
        continue;

      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (G_OBJECT (a), specs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), specs[i]->name, &vb);
      if (g_param_values_cmp (specs[i], &va, &vb) != 0)
        g_strv_builder_add (names, specs[i]->name);
    }

  return g_strv_builder_end (names);
}
