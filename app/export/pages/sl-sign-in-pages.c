/* sl-sign-in-pages.c — a meeting's sign-in sheet (签到表), printed before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names are pre-printed in roster order (the roster is chosen where the
 * table is built, sl-ledger-tables.c, so that it is the same everywhere);
 * the 签名 column is wide and the rows tall enough for a pen. Under the
 * table, the counts for the recorder to fill in — 应到 is known before
 * the meeting and printed — and the recorder's signature.
 */

#define G_LOG_DOMAIN "sl-sign-in-pages"

#include "config.h"

#include <string.h>

#include "sl-sign-in-pages.h"
#include "sl-table-pages.h"

#define BODY_SIZE 14.0

struct _SlSignInPages
{
  SlPageRenderer  parent_instance;

  /* owned */
  SlTable        *table;
};

G_DEFINE_FINAL_TYPE (SlSignInPages, sl_sign_in_pages, SL_TYPE_PAGE_RENDERER)

/* Text in which each run between "[" and "]" is a blank to write in,
 * underlined; the brackets themselves are not printed. */
static PangoLayout *
create_form_layout (SlPageRenderer *renderer,
                    const char     *pattern)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) blanks = g_array_new (FALSE, FALSE, sizeof (guint));
  PangoLayout *layout;
  PangoAttrList *attributes;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '[' || *p == ']')
        {
          guint index = text->len;
          g_array_append_val (blanks, index);
        }
      else
        g_string_append_c (text, *p);
    }

  layout = sl_page_renderer_create_layout (renderer, SL_PAGE_FONT_BODY, BODY_SIZE, text->str, -1);
  attributes = pango_attr_list_copy (pango_layout_get_attributes (layout));
  for (guint i = 0; i + 1 < blanks->len; i += 2)
    {
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);

      underline->start_index = g_array_index (blanks, guint, i);
      underline->end_index = g_array_index (blanks, guint, i + 1);
      pango_attr_list_insert (attributes, underline);
    }
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

static guint
sl_sign_in_pages_layout (SlPageRenderer *renderer,
                         PangoContext   *context,
                         double          page_width,
                         double          page_height)
{
  SlSignInPages *self = SL_SIGN_IN_PAGES (renderer);
  SlTableStyle style = {
    .caption = SL_TABLE_CAPTION_TITLE,
    .font_size = 12,
    .min_row_height = 11 * SL_PAGE_MM,
    .hide_notes = TRUE,
  };
  g_autofree char *counts = NULL;
  g_autoptr(PangoLayout) count_line = NULL;
  g_autoptr(PangoLayout) recorder_line = NULL;
  double x, width, line_height, y;

  sl_table_pages_set_margins (renderer, FALSE);
  sl_page_renderer_set_footer (renderer, SL_PAGE_FOOTER_PAGE_OF_TOTAL);
  sl_page_renderer_add_page (renderer, FALSE);

  counts = g_strdup_printf ("应到[  %u  ]人　　实到[      ]人　　请假[      ]人　　缺席[      ]人",
                            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->table),
                                                                 SL_SIGN_IN_EXPECTED_KEY)));
  count_line = create_form_layout (renderer, counts);
  recorder_line = create_form_layout (renderer, "记录人签字：[                    ]");
  line_height = sl_page_layout_get_height (count_line);

  /* The two lines stay together, under the last rows, on their page: a
   * long roster (40 members, guests and blank rows) must not leave them
   * alone on a page of their own. */
  style.keep_with_end = 12 + 2 * line_height + 12;
  sl_table_pages_append (renderer, self->table, &style);
  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + 12);
  sl_page_renderer_ensure_space (renderer, 2 * line_height + 12);
  x = sl_page_renderer_get_left (renderer);
  width = sl_page_renderer_get_width (renderer);
  y = sl_page_renderer_get_y (renderer);

  sl_page_renderer_add_text (renderer, count_line, x, y);
  y += line_height + 12;
  sl_page_renderer_add_text (renderer, recorder_line,
                             x + width - sl_page_layout_get_width (recorder_line), y);
  sl_page_renderer_set_y (renderer, y + line_height);

  return sl_page_renderer_get_page_count (renderer);
}

static void
sl_sign_in_pages_dispose (GObject *object)
{
  SlSignInPages *self = SL_SIGN_IN_PAGES (object);

  g_clear_object (&self->table);

  G_OBJECT_CLASS (sl_sign_in_pages_parent_class)->dispose (object);
}

static void
sl_sign_in_pages_class_init (SlSignInPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlPageRendererClass *renderer_class = SL_PAGE_RENDERER_CLASS (klass);

  object_class->dispose = sl_sign_in_pages_dispose;
  renderer_class->layout = sl_sign_in_pages_layout;
}

static void
sl_sign_in_pages_init (SlSignInPages *self)
{
}

SlSignInPages *
sl_sign_in_pages_new (SlTable *table)
{
  SlSignInPages *self;

  g_return_val_if_fail (SL_IS_TABLE (table), NULL);

  self = g_object_new (SL_TYPE_SIGN_IN_PAGES, NULL);
  self->table = g_object_ref (table);
  sl_page_renderer_set_title (SL_PAGE_RENDERER (self), sl_table_get_title (table));

  return self;
}
