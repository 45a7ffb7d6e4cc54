/* sl-json-document.h — a JSON text read into one block of memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_JSON_ERROR (sl_json_error_quark ())

typedef enum
{
  SL_JSON_ERROR_EMPTY,     /* nothing but white space */
  SL_JSON_ERROR_SYNTAX,    /* not JSON; the message says where */
  SL_JSON_ERROR_TRAILING,  /* a second value after the first */
} SlJsonError;

GQuark sl_json_error_quark (void);

typedef enum
{
  SL_JSON_NULL,
  SL_JSON_BOOLEAN,
  SL_JSON_NUMBER,
  SL_JSON_STRING,
  SL_JSON_ARRAY,
  SL_JSON_OBJECT,
} SlJsonKind;

typedef struct _SlJsonDocument SlJsonDocument;
typedef struct _SlJsonValue    SlJsonValue;

SlJsonDocument    *sl_json_document_parse       (const char            *data,
                                                 gsize                  length,
                                                 GError               **error);
void               sl_json_document_free        (SlJsonDocument        *self);
const SlJsonValue *sl_json_document_get_root    (SlJsonDocument        *self);

SlJsonKind         sl_json_value_get_kind       (const SlJsonValue     *value);
gboolean           sl_json_value_is_null        (const SlJsonValue     *value);
const char        *sl_json_value_get_string     (const SlJsonValue     *value);
gboolean           sl_json_value_get_boolean    (const SlJsonValue     *value);
gboolean           sl_json_value_get_integer    (const SlJsonValue     *value,
                                                 gint64                *integer);
gboolean           sl_json_value_get_double     (const SlJsonValue     *value,
                                                 double                *number);
guint              sl_json_value_get_length     (const SlJsonValue     *value);
const SlJsonValue *sl_json_value_get_element    (const SlJsonValue     *value,
                                                 guint                  index);
const SlJsonValue *sl_json_value_get_member     (const SlJsonValue     *value,
                                                 const char            *key);

gboolean           sl_json_find_member          (const char            *text,
                                                 gsize                  length,
                                                 const char            *key,
                                                 gsize                 *value_start,
                                                 gsize                 *value_end);
GArray            *sl_json_split_array          (const char            *text,
                                                 gsize                  length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlJsonDocument, sl_json_document_free)

G_END_DECLS
