/* sl-record-fields.c — the GObject plumbing of records that are their fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See sl-record-fields.h. A property is an enumeration when its pspec
 * says so, and a string otherwise; index 0 (PROP_0) is never one.
 */

#define G_LOG_DOMAIN "sl-record"

#include "config.h"

#include "sl-record-fields.h"

void
sl_record_fields_get_property (GObject      *object,
                               char * const *text,
                               const int    *code,
                               guint         n_props,
                               guint         prop_id,
                               GValue       *value,
                               GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= n_props)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    g_value_set_enum (value, code[prop_id]);
  else
    g_value_set_string (value, text[prop_id]);
}

void
sl_record_fields_set_property (GObject      *object,
                               char        **text,
                               int          *code,
                               guint         n_props,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= n_props)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      if (code[prop_id] != g_value_get_enum (value))
        {
          code[prop_id] = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else if (sl_set_str (&text[prop_id], g_value_get_string (value)))
    g_object_notify_by_pspec (object, pspec);
}

void
sl_record_fields_clear (char  **text,
                        guint   n_props)
{
  for (guint i = 0; i < n_props; i++)
    g_clear_pointer (&text[i], g_free);
}
