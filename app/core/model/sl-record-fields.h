/* sl-record-fields.h — records that are their fields, in two arrays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The topic pool's items, the talks, the branch reports and the study
 * notes hold nothing but their fields: every string property in one
 * array indexed by its property id (text[]), every enumeration in another
 * (code[]). Their accessors and their GObject plumbing are written here
 * once; each class names its arrays and its pspecs (properties[]).
 */

#pragma once

#include <glib-object.h>

#include "sl-util.h"

G_BEGIN_DECLS

/* prefix_get_field () and prefix_set_field () of the string property
 * PROP of a TypeName, whose instance has text[] and whose file keeps the
 * pspecs in properties[]; CHECK is the type's SL_IS_ macro. */
#define SL_RECORD_FIELDS_STRING(prefix, TypeName, CHECK, field, PROP)           \
  const char *                                                                  \
  prefix##_get_##field (TypeName *self)                                         \
  {                                                                             \
    g_return_val_if_fail (CHECK (self), NULL);                                  \
    return self->text[PROP];                                                    \
  }                                                                             \
  void                                                                          \
  prefix##_set_##field (TypeName   *self,                                       \
                        const char *value)                                      \
  {                                                                             \
    g_return_if_fail (CHECK (self));                                            \
    if (sl_set_str (&self->text[PROP], value))                                  \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
  }

/* The same for the enumeration property PROP, of type Type, in code[]. */
#define SL_RECORD_FIELDS_ENUM(prefix, TypeName, CHECK, field, PROP, Type)       \
  Type                                                                          \
  prefix##_get_##field (TypeName *self)                                         \
  {                                                                             \
    g_return_val_if_fail (CHECK (self), 0);                                     \
    return (Type) self->code[PROP];                                             \
  }                                                                             \
  void                                                                          \
  prefix##_set_##field (TypeName *self,                                         \
                        Type      value)                                        \
  {                                                                             \
    g_return_if_fail (CHECK (self));                                            \
    if (self->code[PROP] != (int) value)                                        \
      {                                                                         \
        self->code[PROP] = value;                                               \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
      }                                                                         \
  }

void sl_record_fields_get_property (GObject      *object,
                                    char * const *text,
                                    const int    *code,
                                    guint         n_props,
                                    guint         prop_id,
                                    GValue       *value,
                                    GParamSpec   *pspec);
void sl_record_fields_set_property (GObject      *object,
                                    char        **text,
                                    int          *code,
                                    guint         n_props,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec);
void sl_record_fields_clear        (char        **text,
                                    guint         n_props);

G_END_DECLS
