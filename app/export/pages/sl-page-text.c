/* sl-page-text.c — text measured and broken for the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the renderers do with text before it goes on a page, none of which
 * needs the pages themselves: lists of names packed into lines, a title
 * broken into balanced lines, a layout's line extents and width, a runt
 * last line avoided, lines justified, a time written the Chinese way.
 * Declared in sl-page-renderer.h with the rest of the renderers' helpers.
 */

#define G_LOG_DOMAIN "sl-page-renderer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sl-page-renderer.h"

/* The length of @entry without what is in brackets: 刘志强（公假） is 3. */
static guint
name_length (const char *entry)
{
  guint length = 0, depth = 0;

  for (const char *p = entry; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_str_has_prefix (p, "（"))
        depth++;
      else if (g_str_has_prefix (p, "）") && depth > 0)
        depth--;
      else if (depth == 0)
        length++;
    }
  return length;
}

/**
 * sl_page_text_split_list:
 *
 * Whether @text is a list of names joined by 、 (“张建国、孙堃、李红梅”,
 * “缺席：王喆”, “邓晓岚（普查中心主任）、韩立”): names are short, and what
 * is in brackets after one (a post, a reason) does not count.
 *
 * Returns: (transfer full) (nullable): the entries, each with the 、 or ：
 *   after it, or %NULL when @text is not such a list
 */
char **
sl_page_text_split_list (const char *text)
{
  g_autoptr(GPtrArray) entries = NULL;
  const char *start;

  if (text == NULL || strchr (text, '\n') != NULL
      || (strstr (text, "、") == NULL && strstr (text, "：") == NULL))
    return NULL;

  entries = g_ptr_array_new_with_free_func (g_free);
  start = text;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_str_has_prefix (p, "、") || g_str_has_prefix (p, "："))
      {
        const char *end = g_utf8_next_char (p);

        g_ptr_array_add (entries, g_strndup (start, end - start));
        start = end;
      }
  if (*start != '\0')
    g_ptr_array_add (entries, g_strdup (start));

  for (guint i = 0; i < entries->len; i++)
    if (name_length (g_ptr_array_index (entries, i)) > 9)
      return NULL;

  g_ptr_array_add (entries, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&entries), FALSE);
}

/**
 * sl_page_renderer_pack_list:
 *
 * A list of names (sl_page_text_split_list()) broken into lines of @width
 * after a 、 or a ： only: a name is never split over two lines. An entry
 * wider than @width is left to wrap. Other text is returned as it is.
 *
 * Returns: (transfer full): @text, with line breaks where they go
 */
char *
sl_page_renderer_pack_list (SlPageRenderer *self,
                            SlPageFont      font,
                            double          size,
                            const char     *text,
                            double          width)
{
  g_auto(GStrv) entries = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  g_autoptr(GString) packed = NULL;
  gsize line_start = 0;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), NULL);

  if (!(entries = sl_page_text_split_list (text)))
    return g_strdup (text);

  probe = sl_page_renderer_create_layout (self, font, size, NULL, -1);
  packed = g_string_new (NULL);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *tried = g_strconcat (packed->str + line_start, entries[i], NULL);

      pango_layout_set_text (probe, tried, -1);
      if (packed->len > line_start && sl_page_layout_get_width (probe) > width)
        {
          g_string_append_c (packed, '\n');
          line_start = packed->len;
        }
      g_string_append (packed, entries[i]);
    }

  return g_string_free (g_steal_pointer (&packed), FALSE);
}

static gboolean
is_digit_at (const char *p)
{
  return p != NULL && g_ascii_isdigit (*p);
}

/* What a break between @before and @after costs, in points: a title is
 * not broken inside a number, between a number and its 年, before closing
 * or after opening punctuation; it breaks best before a year or after
 * the name of an organization. */
static double
break_penalty (const char *before,
               const char *after,
               double      size)
{
  static const char *closing[] = { "，", "。", "、", "；", "：", "）", "》", "”", "’", "！", "？" };
  static const char *opening[] = { "（", "《", "“", "‘" };
  static const char *units[] = { "年", "月", "日", "次", "期", "届", "号", "%" };
  static const char *names[] = { "党组", "党委", "中心组", "委员会", "支部", "局", "办公室" };

  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    if (g_str_has_prefix (after, closing[i]))
      return 1000;
  for (guint i = 0; i < G_N_ELEMENTS (opening); i++)
    if (g_str_has_prefix (g_utf8_prev_char (after), opening[i]) && g_utf8_prev_char (after) >= before)
      return 1000;
  if (is_digit_at (g_utf8_prev_char (after)) && is_digit_at (after))
    return 1000;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (is_digit_at (g_utf8_prev_char (after)) && g_str_has_prefix (after, units[i]))
      return 1000;
  if (is_digit_at (after))
    return -2 * size;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize length = strlen (names[i]);

      if ((gsize) (after - before) >= length && strncmp (after - length, names[i], length) == 0)
        return -size;
    }
  return 0;
}

/**
 * sl_page_renderer_balance_lines:
 *
 * A title that needs two lines, broken where the two are of about the
 * same length and the words stay whole (GB/T 9704-2012 7.3.1: “回行时，要
 * 做到词意完整，排列对称，长短适宜”), as “某某局党组理论学习中心组 /
 * 2023年度学习计划” rather than “…中心组2023 / 年度学习计划”. A title of
 * one line, or of more than two, is returned as it is.
 *
 * Returns: (transfer full): @text, with a line break where it goes
 */
char *
sl_page_renderer_balance_lines (SlPageRenderer *self,
                                SlPageFont      font,
                                double          size,
                                const char     *text,
                                double          width)
{
  g_autoptr(PangoLayout) probe = NULL;
  const char *best = NULL;
  double best_cost = G_MAXDOUBLE;

  g_return_val_if_fail (SL_IS_PAGE_RENDERER (self), NULL);

  if (text == NULL)
    return g_strdup ("");

  probe = sl_page_renderer_create_layout (self, font, size, text, width);
  if (pango_layout_get_line_count (probe) != 2 || strchr (text, '\n') != NULL)
    return g_strdup (text);

  /* Breaks where a word surely ends (before a year, after an
   * organization's name) first; any other only when none of those fits. */
  pango_layout_set_width (probe, -1);
  for (guint pass = 0; pass < 2 && best == NULL; pass++)
    for (const char *p = g_utf8_next_char (text); *p != '\0'; p = g_utf8_next_char (p))
      {
        g_autofree char *first = g_strndup (text, p - text);
        double first_width, second_width, penalty, cost;

        penalty = break_penalty (text, p, size);
        if (pass == 0 && penalty >= 0)
          continue;

        pango_layout_set_text (probe, first, -1);
        first_width = sl_page_layout_get_width (probe);
        pango_layout_set_text (probe, p, -1);
        second_width = sl_page_layout_get_width (probe);
        if (first_width > width || second_width > width)
          continue;

        cost = fabs (first_width - second_width) + (pass == 0 ? 0 : penalty);
        if (cost < best_cost)
          {
            best_cost = cost;
            best = p;
          }
      }

  if (best == NULL)
    return g_strdup (text);

  return g_strdup_printf ("%.*s\n%s", (int) (best - text), text, best);
}

/* Layout measures ------------------------------------------------------------ */

/**
 * sl_page_layout_get_line_extents:
 *
 * The top, baseline and bottom of line @line of @layout, in points from
 * the layout's top.
 *
 * Returns: the number of lines of @layout
 */
int
sl_page_layout_get_line_extents (PangoLayout *layout,
                                 int          line,
                                 double      *top,
                                 double      *baseline,
                                 double      *bottom)
{
  PangoLayoutIter *iter;
  int index = 0;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  iter = pango_layout_get_iter (layout);
  while (index < line && pango_layout_iter_next_line (iter))
    index++;

  if (index == line)
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (top != NULL)
        *top = (double) logical.y / PANGO_SCALE;
      if (baseline != NULL)
        *baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (bottom != NULL)
        *bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
    }
  pango_layout_iter_free (iter);

  return pango_layout_get_line_count (layout);
}

double
sl_page_layout_get_height (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
sl_page_layout_get_width (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/**
 * sl_page_layout_avoid_runt:
 *
 * A paragraph whose last line holds only a character or two and its
 * punctuation (“效。”) is set a hair tighter, if that takes the runt back
 * into the line above.
 *
 * Returns: the letter spacing set, in points (0 or less), for
 *   sl_page_layout_justify()
 */
double
sl_page_layout_avoid_runt (PangoLayout *layout)
{
  PangoLayoutLine *last;
  PangoAttrList *attributes;
  PangoAttrList *original;
  PangoRectangle logical;
  int n_lines, n_chars, spacing;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  n_lines = pango_layout_get_line_count (layout);
  if (n_lines < 2)
    return 0;
  last = pango_layout_get_line_readonly (layout, n_lines - 1);
  n_chars = g_utf8_strlen (pango_layout_get_text (layout) + last->start_index, last->length);
  if (n_chars == 0 || n_chars > 2)
    return 0;

  /* How much tighter: the runt's width spread over the paragraph, never
   * more than a twentieth of a character. */
  pango_layout_line_get_extents (last, NULL, &logical);
  original = pango_layout_get_attributes (layout);
  attributes = original != NULL ? pango_attr_list_copy (original) : pango_attr_list_new ();
  if (original != NULL)
    pango_attr_list_ref (original);
  spacing = -MIN (logical.width / n_chars / 20,
                  2 * logical.width / MAX (g_utf8_strlen (pango_layout_get_text (layout), -1), 1));
  pango_attr_list_insert_before (attributes, pango_attr_letter_spacing_new (spacing));
  pango_layout_set_attributes (layout, attributes);
  if (pango_layout_get_line_count (layout) == n_lines)
    {
      pango_layout_set_attributes (layout, original);
      spacing = 0;
    }

  pango_attr_list_unref (attributes);
  if (original != NULL)
    pango_attr_list_unref (original);

  return (double) spacing / PANGO_SCALE;
}

/**
 * sl_page_layout_justify:
 * @spacing: the letter spacing @layout already has, in points
 * @width: where the lines are to end, in points; a little less than the
 *   layout's width, so that the spacing added still lets each line fit
 *   when Pango breaks the lines again
 *
 * Makes every line but the last of a paragraph reach @width, as Chinese
 * text is set. Pango 1.50 justifies at spaces only, and Chinese has none:
 * a line with half-width digits or Latin in it ends short. The room left
 * on each line goes between its characters as letter spacing. Lines with
 * much room (a long unbreakable word pushed to the next) are left as they
 * are rather than spaced out.
 */
void
sl_page_layout_justify (PangoLayout *layout,
                        double       spacing,
                        double       width)
{
  const char *text;
  PangoAttrList *attributes;
  PangoAttrList *original;
  GSList *lines;
  int layout_width, target, indent, n_lines;
  g_autofree int *starts = NULL;
  gboolean changed = FALSE;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  layout_width = pango_layout_get_width (layout);
  if (layout_width <= 0)
    return;
  target = MIN ((int) (width * PANGO_SCALE), layout_width);

  text = pango_layout_get_text (layout);
  indent = pango_layout_get_indent (layout);
  n_lines = pango_layout_get_line_count (layout);
  starts = g_new (int, n_lines);
  original = pango_layout_get_attributes (layout);
  attributes = original != NULL ? pango_attr_list_copy (original) : pango_attr_list_new ();
  if (original != NULL)
    pango_attr_list_ref (original);

  lines = pango_layout_get_lines_readonly (layout);
  for (int i = 0; lines != NULL; lines = lines->next, i++)
    {
      PangoLayoutLine *line = lines->data;
      PangoLayoutLine *next = lines->next != NULL ? lines->next->data : NULL;
      PangoRectangle logical;
      PangoAttribute *attribute;
      int room, slack, n_chars, extra, offset;

      starts[i] = line->start_index;
      if (next == NULL || next->is_paragraph_start)
        continue;   /* a paragraph's last line stays ragged */

      pango_layout_line_get_extents (line, NULL, &logical);
      offset = line->is_paragraph_start ? MAX (indent, 0) : MAX (-indent, 0);
      room = target - offset - logical.width;
      slack = layout_width - target;
      n_chars = g_utf8_strlen (text + line->start_index, line->length);
      if (n_chars < 2 || room <= 0 || room > 1.5 * logical.width / n_chars)
        continue;

      /* While breaking, Pango counts the spacing after a line's last
       * character too (and drops it afterwards): n gaps must fit where
       * n - 1 are wanted. */
      extra = MIN (room / (n_chars - 1), (room + slack) / n_chars - 1);
      if (extra <= 0)
        continue;

      attribute = pango_attr_letter_spacing_new ((int) (spacing * PANGO_SCALE) + extra);
      attribute->start_index = line->start_index;
      attribute->end_index = line->start_index + line->length;
      pango_attr_list_change (attributes, attribute);
      changed = TRUE;
    }

  if (changed)
    {
      pango_layout_set_attributes (layout, attributes);

      /* The spacing fills what was left, so the breaks should not move;
       * should rounding move one, the text stays as it was. */
      lines = pango_layout_get_lines_readonly (layout);
      for (int i = 0; lines != NULL; lines = lines->next, i++)
        if (i >= n_lines || ((PangoLayoutLine *) lines->data)->start_index != starts[i])
          {
            changed = FALSE;
            break;
          }
      if (!changed || pango_layout_get_line_count (layout) != n_lines)
        pango_layout_set_attributes (layout, original);
    }

  pango_attr_list_unref (attributes);
  if (original != NULL)
    pango_attr_list_unref (original);
}

/* Wording ------------------------------------------------------------------ */

char *
sl_page_format_time (const char *time)
{
  if (time == NULL)
    return g_strdup ("");
  if (time[0] == '0' && g_ascii_isdigit (time[1]))
    time++;
  return g_strdup (time);
}
