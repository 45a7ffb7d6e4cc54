/* sl-json-text.h — JSON text written as json-glib 1.6's pretty generator writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deepest nesting the writer follows. */
#define SL_JSON_TEXT_MAX_DEPTH 16

/* A writer into @out; all of it on the stack, nothing to free. */
typedef struct
{
  GString *out;
  guint    depth;                              /* of the first value written */
  guint    open;                               /* containers open */
  guint8   is_array[SL_JSON_TEXT_MAX_DEPTH];   /* per depth: an array, not an object */
  guint8   empty[SL_JSON_TEXT_MAX_DEPTH];      /* per depth: nothing in it yet */
} SlJsonText;

void sl_json_text_init         (SlJsonText  *text,
                                GString     *out,
                                guint        depth);

void sl_json_text_begin_object (SlJsonText  *text);
void sl_json_text_end_object   (SlJsonText  *text);
void sl_json_text_begin_array  (SlJsonText  *text);
void sl_json_text_end_array    (SlJsonText  *text);

/* The key of the next member of the open object. */
void sl_json_text_key          (SlJsonText  *text,
                                const char  *key);

/* A value: a member's (after sl_json_text_key()) or the open array's next. */
void sl_json_text_string       (SlJsonText  *text,
                                const char  *value);   /* NULL: null */
void sl_json_text_null         (SlJsonText  *text);
void sl_json_text_boolean      (SlJsonText  *text,
                                gboolean     value);
void sl_json_text_int          (SlJsonText  *text,
                                gint64       value);
void sl_json_text_double       (SlJsonText  *text,
                                double       value);

/* The opening quote and key of a string member whose value the caller
 * writes itself, raw (base64: nothing to escape), then closes with
 * sl_json_text_close_string(). */
void sl_json_text_open_string  (SlJsonText  *text);
void sl_json_text_close_string (SlJsonText  *text);

/* @value escaped as the generator escapes it, without the quotes. */
void sl_json_text_escape       (GString     *out,
                                const char  *value);

G_END_DECLS
