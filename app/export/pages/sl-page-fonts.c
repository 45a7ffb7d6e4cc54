/* sl-page-fonts.c — the typefaces of the pages and the families behind them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each typeface of a Chinese official document is a list of families;
 * fontconfig says which are installed, and the renderer
 * (sl-page-renderer.c) keeps the description for its layout.
 */

#define G_LOG_DOMAIN "sl-page-renderer"

#include "config.h"

#include <fontconfig/fontconfig.h>

#include "sl-page-fonts.h"

/* The first installed family of each list decides the look; the rest stay
 * for glyph fallback, which is what keeps 堃 and 喆 on the page when a
 * GB2312-only 仿宋 is installed. The free fonts last: when the 小标宋 a
 * title asks for is missing, Noto Serif CJK SC Bold comes closest to it. */
static const struct
{
  const char *families[7];
  PangoWeight free_weight;
} font_lists[] = {
  [SL_PAGE_FONT_BODY] = {
    { "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "FandolFang R",
      "Noto Serif CJK SC", NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_TITLE] = {
    { "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", NULL },
    PANGO_WEIGHT_BOLD },
  [SL_PAGE_FONT_HEADING] = {
    { "SimHei", "黑体", "Noto Sans CJK SC", NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_KAI] = {
    { "KaiTi", "楷体", "AR PL UKai CN", "Noto Serif CJK SC", NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_SONG] = {
    { "SimSun", "宋体", "Noto Serif CJK SC", NULL },
    PANGO_WEIGHT_NORMAL },
};

static gboolean
is_free_family (const char *family)
{
  return g_str_has_prefix (family, "Noto ")
      || g_str_has_prefix (family, "AR PL ")
      || g_str_has_prefix (family, "Fandol");
}

static gboolean
family_is_installed (const char *family)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *fonts;
  gboolean found;

  /* Matches any of a font's names, the Chinese as well as the English. */
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  fonts = FcFontList (NULL, pattern, objects);
  found = fonts != NULL && fonts->nfont > 0;

  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  return found;
}

PangoFontDescription *
sl_page_font_resolve (SlPageFont font)
{
  PangoFontDescription *description = pango_font_description_new ();
  g_autoptr(GString) families = g_string_new (NULL);
  const char *first = NULL;

  /* Only installed families go into the list: a missing one could be
   * taken by a fontconfig alias for some unrelated face. */
  for (guint i = 0; font_lists[font].families[i] != NULL; i++)
    {
      const char *family = font_lists[font].families[i];

      if (!family_is_installed (family))
        continue;
      if (first == NULL)
        first = family;
      if (families->len > 0)
        g_string_append_c (families, ',');
      g_string_append (families, family);
    }

  if (first == NULL)
    {
      /* Nothing of ours is installed: let fontconfig pick for zh-cn. */
      g_string_assign (families, font == SL_PAGE_FONT_HEADING ? "sans-serif" : "serif");
      first = "";
    }
  else if (font == SL_PAGE_FONT_HEADING)
    g_string_append (families, ",sans-serif");
  else
    g_string_append (families, ",serif");

  pango_font_description_set_family (description, families->str);
  pango_font_description_set_weight (description,
                                     is_free_family (first) ? font_lists[font].free_weight
                                                            : PANGO_WEIGHT_NORMAL);
  return description;
}
