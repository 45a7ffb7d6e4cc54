/* sl-year-page.h — what every page that shows one year of a ledger has: ledger and year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-types.h"

G_BEGIN_DECLS

#define SL_TYPE_YEAR_PAGE (sl_year_page_get_type ())

G_DECLARE_INTERFACE (SlYearPage, sl_year_page, SL, YEAR_PAGE, GtkWidget)

/* A page's own reload, e.g. (SlYearPageReloadFunc) sl_plan_page_reload. */
typedef void (*SlYearPageReloadFunc) (SlYearPage *self);

struct _SlYearPageInterface
{
  GTypeInterface parent_iface;

  /* Where the page keeps the two (G_STRUCT_OFFSET of its SlLedger * and
   * its int), as gtk_widget_class_bind_template_child() finds a child. */
  gssize ledger_offset;
  gssize year_offset;

  /* Optional: before @pspec ("ledger" or "year") changes, to store what
   * is being typed for the old one. */
  void (*leave)   (SlYearPage *self,
                   GParamSpec *pspec);
  /* After it changed: read the page again. */
  void (*changed) (SlYearPage *self,
                   GParamSpec *pspec);
  /* Optional: reads the page again; called after a change when @changed
   * is unset, and on map with sl_year_page_class_reload_on_map(). */
  SlYearPageReloadFunc reload;
  /* Whether @reload waits, on a change, until the page is shown (with
   * sl_year_page_class_reload_on_map(), it reads itself then). */
  gboolean             reload_when_shown;
};

/* The property ids the interface's properties take in a page class; a
 * page's own properties start at SL_YEAR_PAGE_N_PROPS. */
enum {
  SL_YEAR_PAGE_PROP_LEDGER = 1,
  SL_YEAR_PAGE_PROP_YEAR,
  SL_YEAR_PAGE_N_PROPS
};

void      sl_year_page_class_override_properties (GObjectClass *object_class);
/* Overrides the properties and hands them to the two functions below. */
void      sl_year_page_class_install (GObjectClass   *object_class);
/* The page reads itself again each time it is shown, for what other
 * pages changed meanwhile. */
void      sl_year_page_class_reload_on_map (GtkWidgetClass *widget_class);
void      sl_year_page_get_property (GObject      *object,
                                     guint         prop_id,
                                     GValue       *value,
                                     GParamSpec   *pspec);
void      sl_year_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec);

SlLedger *sl_year_page_get_ledger   (SlYearPage   *self);
void      sl_year_page_set_ledger   (SlYearPage   *self,
                                     SlLedger     *ledger);
int       sl_year_page_get_year     (SlYearPage   *self);
void      sl_year_page_set_year     (SlYearPage   *self,
                                     int           year);
void      sl_year_page_reload       (SlYearPage   *self);

G_END_DECLS
