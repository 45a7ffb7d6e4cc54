/* sl-binder-pages.h — the binder's own pages: cover, 卷内目录, dividers,
 * and the frames its attachments are drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-page-renderer.h"

G_BEGIN_DECLS

#define SL_TYPE_BINDER_PAGES (sl_binder_pages_get_type ())

G_DECLARE_FINAL_TYPE (SlBinderPages, sl_binder_pages, SL, BINDER_PAGES, SlPageRenderer)

/* A line of the contents: a section (level 0) or a meeting (level 1). */
typedef struct
{
  const char *title;
  guint       level;
  guint       page;    /* where it starts in the binder, from 1 */
} SlBinderLine;

SlBinderPages *sl_binder_pages_new_cover      (const char   *unit,
                                               int           year,
                                               const char   *made);
/* @lines: (element-type SlBinderLine): borrowed until the pages are laid out */
SlBinderPages *sl_binder_pages_new_contents   (GArray       *lines);
SlBinderPages *sl_binder_pages_new_divider    (const char   *title,
                                               const char   *note);
/* @n_pages frames, each with @caption above it (and its page of the
 * attachment when there are several); @landscape: (array length=n_pages) */
SlBinderPages *sl_binder_pages_new_attachment (const char   *caption,
                                               const char   *note,
                                               guint         n_pages,
                                               const gboolean *landscape);

/* Where an attachment's page @page goes, in points from the paper's top
 * left corner (valid after layout). */
void           sl_binder_pages_get_frame      (SlBinderPages *self,
                                               guint          page,
                                               double        *x,
                                               double        *y,
                                               double        *width,
                                               double        *height);

G_END_DECLS
