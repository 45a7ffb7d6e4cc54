/* sl-canonical-json.c — JSON written one way only (RFC 8785), for hashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A finalised meeting's hash (docs/archive.md, "The hash form of a
 * meeting") must come out the same from any program that reads the
 * archive: the JSON Canonicalization Scheme fixes the one text of a value.
 * Object keys sorted by their UTF-16 code units, no white space, strings
 * with the fewest escapes (\" \\ \b \f \n \r \t, other control characters
 * as \u00xx), everything else as UTF-8, numbers with no fraction as
 * integers. For the archive's data this equals Python's
 * json.dumps (form, ensure_ascii=False, sort_keys=True,
 * separators=(",", ":")), which the tests compare against.
 */

#define G_LOG_DOMAIN "sl-archive"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sl-canonical-json.h"

/* Whether a member is left out of the hash form: null, false, "" or [],
 * so that keys added by later versions, absent from old records, do not
 * change old hashes. */
static gboolean
is_empty_value (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_ARRAY:
      return json_array_get_length (json_node_get_array (node)) == 0;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return !json_node_get_boolean (node);
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return *json_node_get_string (node) == '\0';
      return FALSE;
    case JSON_NODE_OBJECT:
    default:
      return FALSE;
    }
}

/**
 * sl_canonical_json_prune:
 *
 * Returns a copy of @node in which, at every depth, the members of objects
 * whose value is null, false, "" or [] are left out. Elements of arrays
 * are kept as they are (pruned inside).
 */
JsonNode *
sl_canonical_json_prune (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(JsonObject) pruned = json_object_new ();
        g_autoptr(GList) members = json_object_get_members (object);
        JsonNode *result;

        for (GList *l = members; l != NULL; l = l->next)
          {
            JsonNode *value = json_object_get_member (object, l->data);

            if (!is_empty_value (value))
              json_object_set_member (pruned, l->data, sl_canonical_json_prune (value));
          }

        result = json_node_new (JSON_NODE_OBJECT);
        json_node_set_object (result, pruned);
        return result;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_autoptr(JsonArray) pruned = json_array_sized_new (n);
        JsonNode *result;

        for (guint i = 0; i < n; i++)
          json_array_add_element (pruned, sl_canonical_json_prune (json_array_get_element (array, i)));

        result = json_node_new (JSON_NODE_ARRAY);
        json_node_set_array (result, pruned);
        return result;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* RFC 8785 orders keys by their UTF-16 code units: a character beyond the
 * BMP (a surrogate pair, 0xD800...) sorts before U+E000-U+FFFF, unlike
 * in code points. */
static int
compare_utf16 (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;

  while (*x != '\0' && *y != '\0')
    {
      gunichar cx = g_utf8_get_char (x), cy = g_utf8_get_char (y);
      guint16 ux[2], uy[2];

      if (cx != cy)
        {
          if (cx >= 0x10000)
            ux[0] = 0xD800 + ((cx - 0x10000) >> 10);
          else
            ux[0] = cx;
          if (cy >= 0x10000)
            uy[0] = 0xD800 + ((cy - 0x10000) >> 10);
          else
            uy[0] = cy;
          if (ux[0] != uy[0])
            return ux[0] < uy[0] ? -1 : 1;
          /* Both beyond the BMP with the same high surrogate. */
          ux[1] = 0xDC00 + ((cx - 0x10000) & 0x3FF);
          uy[1] = 0xDC00 + ((cy - 0x10000) & 0x3FF);
          return ux[1] < uy[1] ? -1 : 1;
        }
      x = g_utf8_next_char (x);
      y = g_utf8_next_char (y);
    }

  return (*x != '\0') - (*y != '\0');
}

/* The fewest significant digits that read back as @value (> 0, finite),
 * without the point ("24" for 2.4), and the decimal exponent of the first
 * (0 for 2.4). Each precision from 1 up is rounded correctly by printf;
 * the first that reads back is the shortest in all but a few values at a
 * power of two far from any ledger's data, where it is one digit longer
 * (still exact). */
static int
shortest_digits (double  value,
                 char   *digits,
                 int    *exponent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *e;
  int n = 0;

  for (int precision = 0; precision <= 16; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  /* buffer: d[.ddd]e±XX */
  e = strchr (buffer, 'e');
  *exponent = (int) g_ascii_strtoll (e + 1, NULL, 10);
  for (const char *p = buffer; p < e; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = *p;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  digits[n] = '\0';
  return n;
}

/**
 * sl_canonical_json_format_double:
 * @buffer: at least %SL_CANONICAL_NUMBER_SIZE bytes
 *
 * Writes @value as Python's repr() does, which is what json.dumps writes:
 * the shortest text that reads back as the same double ("2.4", not
 * 2.3999999999999999 as "%.17g" gives), a whole number with ".0", and
 * the exponent form below 1e-4 and from 1e16 ("1e-05", "1e+21"). JSON
 * has no NaN or infinity: they are written as null.
 */
const char *
sl_canonical_json_format_double (char   *buffer,
                                 double  value)
{
  char digits[24];
  char *out = buffer;
  int exponent, n, point;

  if (!isfinite (value))
    return strcpy (buffer, "null");
  if (value == 0)
    return strcpy (buffer, signbit (value) ? "-0.0" : "0.0");

  if (value < 0)
    *out++ = '-';
  n = shortest_digits (fabs (value), digits, &exponent);
  point = exponent + 1;   /* digits before the point */

  if (point > -4 && point <= 16)
    {
      if (point <= 0)
        {
          /* 0.000ddd */
          *out++ = '0';
          *out++ = '.';
          for (int i = point; i < 0; i++)
            *out++ = '0';
          memcpy (out, digits, n);
          out += n;
        }
      else
        {
          for (int i = 0; i < point; i++)
            *out++ = i < n ? digits[i] : '0';
          *out++ = '.';
          if (n > point)
            {
              memcpy (out, digits + point, n - point);
              out += n - point;
            }
          else
            *out++ = '0';
        }
      *out = '\0';
    }
  else
    {
      *out++ = digits[0];
      if (n > 1)
        {
          *out++ = '.';
          memcpy (out, digits + 1, n - 1);
          out += n - 1;
        }
      g_snprintf (out, SL_CANONICAL_NUMBER_SIZE - (out - buffer), "e%c%02d",
                  exponent < 0 ? '-' : '+', ABS (exponent));
    }

  return buffer;
}

static void
write_number (GString *out,
              double   value)
{
  char buffer[SL_CANONICAL_NUMBER_SIZE];

  /* What the archive's recipe gives (Python's json.dumps after numbers
   * with no fraction are made integers), which is RFC 8785 for every
   * value a ledger holds: whole numbers as integers, all their digits
   * ("%.0f" is exact), others in the shortest form that reads back the
   * same (not the 17 digits of g_ascii_dtostr(): 0.1, not
   * 0.10000000000000001). */
  if (isfinite (value) && value == floor (value))
    g_string_append_printf (out, "%.0f", value == 0 ? 0.0 : value);
  else
    g_string_append (out, sl_canonical_json_format_double (buffer, value));
}

static void
write_node (GString  *out,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          write_string (out, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else
          write_number (out, json_node_get_double (node));
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            write_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        g_autoptr(GPtrArray) keys = g_ptr_array_new ();

        for (GList *l = members; l != NULL; l = l->next)
          g_ptr_array_add (keys, l->data);
        g_ptr_array_sort (keys, compare_utf16);

        g_string_append_c (out, '{');
        for (guint i = 0; i < keys->len; i++)
          {
            const char *key = g_ptr_array_index (keys, i);

            if (i > 0)
              g_string_append_c (out, ',');
            write_string (out, key);
            g_string_append_c (out, ':');
            write_node (out, json_object_get_member (object, key));
          }
        g_string_append_c (out, '}');
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * sl_canonical_json_write:
 *
 * Returns @node as RFC 8785 text (UTF-8).
 */
char *
sl_canonical_json_write (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  write_node (out, node);
  return g_string_free (out, FALSE);
}

/* The lower-case hex SHA-256 of @data. */
char *
sl_canonical_json_sha256 (const char *data,
                          gssize      length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                      length < 0 ? strlen (data) : (gsize) length);
}
