/* sl-page-fonts.h — the typefaces of the pages and the families behind them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The typefaces of Chinese official documents, each a list of families
 * from the commercial fonts secretaries install to the free ones Debian
 * ships: Pango falls back along the list glyph by glyph. */
typedef enum
{
  SL_PAGE_FONT_BODY,     /* 仿宋: body text */
  SL_PAGE_FONT_TITLE,    /* 小标宋: titles */
  SL_PAGE_FONT_HEADING,  /* 黑体: “一、” headings, labels, table headers */
  SL_PAGE_FONT_KAI,      /* 楷体: “（一）” headings */
  SL_PAGE_FONT_SONG,     /* 宋体: page numbers */
} SlPageFont;

/* @font's description (family list and weight, no size) from the
 * families fontconfig has installed; asks fontconfig each call, so the
 * renderer keeps the result for its layout. */
PangoFontDescription *sl_page_font_resolve (SlPageFont font);

/* Which of the standard's faces (仿宋_GB2312, 方正小标宋简体, 黑体,
 * 楷体_GB2312) sl_page_font_resolve() found missing on this thread since
 * the last reset, and what stands in: “仿宋_GB2312 → Noto Serif CJK SC,
 * …”, or NULL when every face resolved was the real one. */
void                  sl_page_fonts_reset_stand_ins    (void);
char                 *sl_page_fonts_describe_stand_ins (void);
char                 *sl_page_fonts_stand_ins_note     (void);

/* The export's note: characters no font has (sl-page-glyphs.c) and the
 * stand-ins, a line each. */
void                  sl_page_fonts_reset_notes        (void);
char                 *sl_page_fonts_export_note        (void);

G_END_DECLS
