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
#include <glib/gi18n-lib.h>

#include "sl-page-fonts.h"
#include "sl-page-glyphs.h"

/* The first installed family of each list decides the look; the rest stay
 * for glyph fallback, which is what keeps 堃 and 喆 on the page when a
 * GB2312-only 仿宋 is installed. The free fonts last: when the 小标宋 a
 * title asks for is missing, Noto Serif CJK SC Bold comes closest to it.
 * HanaMinA/HanaMinB (fonts-hanazono) at the very end, for the rare name
 * characters of the CJK extensions (陈𠀀) that no other font has; where it
 * is not installed either, the export says so (sl-page-glyphs.c). */
#define RARE_FAMILIES "HanaMinA", "HanaMinB"

static const struct
{
  const char *families[12];
  PangoWeight free_weight;
} font_lists[] = {
  [SL_PAGE_FONT_BODY] = {
    { "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "FandolFang R",
      "Noto Serif CJK SC", RARE_FAMILIES, NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_TITLE] = {
    { "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", RARE_FAMILIES, NULL },
    PANGO_WEIGHT_BOLD },
  [SL_PAGE_FONT_HEADING] = {
    { "SimHei", "黑体", "Noto Sans CJK SC", RARE_FAMILIES, NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_KAI] = {
    { "KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "AR PL UKai CN", "Noto Serif CJK SC",
      RARE_FAMILIES, NULL },
    PANGO_WEIGHT_NORMAL },
  [SL_PAGE_FONT_SONG] = {
    { "SimSun", "宋体", "Noto Serif CJK SC", RARE_FAMILIES, NULL },
    PANGO_WEIGHT_NORMAL },
};

/* The names the standard gives each face, for the note that says which
 * stand-in took its place; 宋体 only numbers the pages and is left out. */
static const char * const standard_names[] = {
  [SL_PAGE_FONT_BODY]    = "仿宋_GB2312",
  [SL_PAGE_FONT_TITLE]   = "方正小标宋简体",
  [SL_PAGE_FONT_HEADING] = "黑体",
  [SL_PAGE_FONT_KAI]     = "楷体_GB2312",
  [SL_PAGE_FONT_SONG]    = NULL,
};

/* The stand-ins the pages resolved on this thread since the last reset:
 * an export lays out and writes on one thread, so what it used is what
 * this thread resolved. */
typedef struct
{
  char *stand_in[SL_PAGE_FONT_SONG + 1];
} StandIns;

static void
stand_ins_free (gpointer data)
{
  StandIns *stand_ins = data;

  for (guint i = 0; i < G_N_ELEMENTS (stand_ins->stand_in); i++)
    g_free (stand_ins->stand_in[i]);
  g_free (stand_ins);
}

static GPrivate stand_ins_key = G_PRIVATE_INIT (stand_ins_free);

static StandIns *
get_stand_ins (void)
{
  StandIns *stand_ins = g_private_get (&stand_ins_key);

  if (stand_ins == NULL)
    g_private_set (&stand_ins_key, stand_ins = g_new0 (StandIns, 1));
  return stand_ins;
}

void
sl_page_fonts_reset_stand_ins (void)
{
  g_private_replace (&stand_ins_key, g_new0 (StandIns, 1));
}

char *
sl_page_fonts_describe_stand_ins (void)
{
  StandIns *stand_ins = get_stand_ins ();
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (stand_ins->stand_in); i++)
    {
      if (stand_ins->stand_in[i] == NULL || standard_names[i] == NULL)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "%s → %s", standard_names[i], stand_ins->stand_in[i]);
    }

  return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

static gboolean
is_free_family (const char *family)
{
  return g_str_has_prefix (family, "Noto ")
      || g_str_has_prefix (family, "AR PL ")
      || g_str_has_prefix (family, "Fandol")
      || g_str_has_prefix (family, "HanaMin");
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

  /* A free family first means the standard's face is missing: said, not
   * guessed (sl_page_fonts_describe_stand_ins()). */
  if (*first == '\0' || is_free_family (first))
    {
      StandIns *stand_ins = get_stand_ins ();

      g_free (stand_ins->stand_in[font]);
      stand_ins->stand_in[font] = g_strdup (*first != '\0' ? first : families->str);
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

/* The export's note for the user about the stand-ins since the last
 * reset, or %NULL when the standard's fonts were all there. */
char *
sl_page_fonts_stand_ins_note (void)
{
  g_autofree char *stand_ins = sl_page_fonts_describe_stand_ins ();

  if (stand_ins == NULL)
    return NULL;
  return g_strdup_printf (_("The standard's fonts are not installed; stand-ins used: %s. "
                            "To use the real ones, copy their TTF files into "
                            "~/.local/share/fonts and run fc-cache -f"),
                          stand_ins);
}

/* Starts an export's notes: the stand-ins and the characters drawn as
 * boxes, both kept per thread. */
void
sl_page_fonts_reset_notes (void)
{
  sl_page_fonts_reset_stand_ins ();
  sl_page_glyphs_reset ();
}

/* The export's note, one line for each thing to say since
 * sl_page_fonts_reset_notes(): characters no font has first (a name that
 * prints as a box matters more than a look), then the stand-ins; %NULL
 * when there is nothing to say. */
char *
sl_page_fonts_export_note (void)
{
  g_autofree char *glyphs = sl_page_glyphs_note ();
  g_autofree char *stand_ins = sl_page_fonts_stand_ins_note ();

  if (glyphs != NULL && stand_ins != NULL)
    return g_strconcat (glyphs, "\n", stand_ins, NULL);
  if (glyphs != NULL)
    return g_steal_pointer (&glyphs);
  return g_steal_pointer (&stand_ins);
}
