/* test-table-layout.c — column widths from what the columns hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl_table_layout_distribute() against hand-computed widths of the
 * `table-layout: auto` rule, and the measures and header words that feed
 * it, with Pango at the print size.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "sl-page-fonts.h"
#include "sl-table-layout.h"

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

/* More room than the maxima: each its maximum, the rest by the maxima. */
static void
test_distribute_roomy (void)
{
  const double min[] = { 10, 20, 30 };
  const double max[] = { 20, 40, 40 };
  double widths[3];

  assert_near (sl_table_layout_distribute (min, max, 3, 200, widths), 60);
  assert_near (widths[0], 20 + 100 * 20 / 100.0);
  assert_near (widths[1], 40 + 100 * 40 / 100.0);
  assert_near (widths[2], 40 + 100 * 40 / 100.0);
}

/* Between the minima and the maxima: the minimum and a share of the rest
 * in proportion to max - min, never over the maximum. */
static void
test_distribute_between (void)
{
  const double min[] = { 10, 20, 30, 50 };
  const double max[] = { 20, 80, 30, 50 };   /* wants 10, 60, 0, 0 */
  double widths[4];

  sl_table_layout_distribute (min, max, 4, 145, widths);   /* 35 over the minima */
  assert_near (widths[0], 10 + 35 * 10 / 70.0);
  assert_near (widths[1], 20 + 35 * 60 / 70.0);
  assert_near (widths[2], 30);
  assert_near (widths[3], 50);
  assert_near (widths[0] + widths[1] + widths[2] + widths[3], 145);

  /* Exactly the maxima. */
  sl_table_layout_distribute (min, max, 4, 180, widths);
  assert_near (widths[0], 20);
  assert_near (widths[1], 80);
}

/* Less than the minima: the minima, and their sum says by how much. */
static void
test_distribute_narrow (void)
{
  const double min[] = { 40, 60 };
  const double max[] = { 80, 90 };
  double widths[2];

  assert_near (sl_table_layout_distribute (min, max, 2, 70, widths), 100);
  assert_near (widths[0], 40);
  assert_near (widths[1], 60);
}

/* Empty columns: the room evenly. */
static void
test_distribute_empty (void)
{
  const double zero[] = { 0, 0 };
  double widths[2];

  sl_table_layout_distribute (zero, zero, 2, 50, widths);
  assert_near (widths[0], 25);
  assert_near (widths[1], 25);
}

static PangoLayout *
new_probe (double size)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC");

  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  g_object_unref (context);
  return layout;
}

/* Han text breaks between any two characters; a Latin word or a number
 * does not; the line is the longest paragraph. */
static void
test_measure (void)
{
  g_autoptr(PangoLayout) probe = new_probe (10.5);
  double han = 0, line = 0, word = 0, one = 0;

  sl_table_layout_measure (probe, "学", &one, NULL);
  sl_table_layout_measure (probe, "学习贯彻\n习近平新时代中国特色社会主义思想", &han, &line);
  g_assert_cmpfloat (han, <, 1.6 * one);
  g_assert_cmpfloat (line, >, 15 * one);
  g_assert_cmpfloat (line, <, 17 * one);

  sl_table_layout_measure (probe, "见 https://example.org/2023", &word, NULL);
  g_assert_cmpfloat (word, >, 5 * one);
}

/* Headers break between words only. */
static void
test_header_words (void)
{
  g_autoptr(PangoLayout) probe = new_probe (10.5);
  g_auto(GStrv) words = sl_table_layout_header_words ("1月9日\n党组会");
  g_auto(GStrv) slash = sl_table_layout_header_words ("责任领导/责任部门");
  g_auto(GStrv) bracket = sl_table_layout_header_words ("学习时长（分钟）");
  g_auto(GStrv) long_run = sl_table_layout_header_words ("第一议题学习内容");
  g_autofree char *packed = NULL;
  g_autofree char *narrow = NULL;
  double widest = 0, one = 0;

  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_cmpstr (words[0], ==, "1月9日");
  g_assert_cmpstr (words[1], ==, "\n");
  g_assert_cmpstr (slash[0], ==, "责任领导/");
  g_assert_cmpstr (slash[1], ==, "责任部门");
  g_assert_cmpstr (bracket[0], ==, "学习时长");
  g_assert_cmpstr (bracket[1], ==, "（分钟）");
  g_assert_cmpstr (long_run[0], ==, "第一议题");
  g_assert_cmpstr (long_run[1], ==, "学习内容");

  sl_table_layout_measure (probe, "学", NULL, &one);
  packed = sl_table_layout_pack_header (probe, "1月9日\n党组会", 3 * one, &widest);
  g_assert_cmpstr (packed, ==, "1月9日\n党组会");
  g_assert_cmpfloat (widest, >, 2.5 * one);
  narrow = sl_table_layout_pack_header (probe, "责任领导/责任部门", 6 * one, NULL);
  g_assert_cmpstr (narrow, ==, "责任领导/\n责任部门");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table-layout/distribute/roomy", test_distribute_roomy);
  g_test_add_func ("/table-layout/distribute/between", test_distribute_between);
  g_test_add_func ("/table-layout/distribute/narrow", test_distribute_narrow);
  g_test_add_func ("/table-layout/distribute/empty", test_distribute_empty);
  g_test_add_func ("/table-layout/measure", test_measure);
  g_test_add_func ("/table-layout/header-words", test_header_words);

  return g_test_run ();
}
