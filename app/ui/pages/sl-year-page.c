/* sl-year-page.c — what every page that shows one year of a ledger has: ledger and year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview, meetings, plan, measures and research pages each show one
 * year of the window's ledger, bound to the window's "ledger" and "year".
 * As GNOME Calendar's GcalView does for its views, the two properties are
 * the interface's (g_object_interface_install_property); a page overrides
 * them and hands its get_property/set_property for them here, so the
 * storing, the reload and the notification are written once. A page
 * that must store what is being typed first says so in leave(). A page
 * that reads itself again whenever it is shown hands its reload here too
 * (sl_year_page_class_reload_on_map()), instead of a map of its own.
 */

#define G_LOG_DOMAIN "sl-year-page"

#include "config.h"

#include "sl-ledger.h"
#include "sl-year-page.h"

G_DEFINE_INTERFACE (SlYearPage, sl_year_page, GTK_TYPE_WIDGET)

static void
sl_year_page_default_init (SlYearPageInterface *iface)
{
  iface->ledger_offset = -1;
  iface->year_offset = -1;

  g_object_interface_install_property (iface,
    g_param_spec_object ("ledger", NULL, NULL, SL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static SlLedger **
ledger_field (SlYearPage *self)
{
  SlYearPageInterface *iface = SL_YEAR_PAGE_GET_IFACE (self);

  g_assert (iface->ledger_offset >= 0);
  return &G_STRUCT_MEMBER (SlLedger *, self, iface->ledger_offset);
}

static int *
year_field (SlYearPage *self)
{
  SlYearPageInterface *iface = SL_YEAR_PAGE_GET_IFACE (self);

  g_assert (iface->year_offset >= 0);
  return &G_STRUCT_MEMBER (int, self, iface->year_offset);
}

/* Called from a page's class_init. */
void
sl_year_page_class_override_properties (GObjectClass *object_class)
{
  g_object_class_override_property (object_class, SL_YEAR_PAGE_PROP_LEDGER, "ledger");
  g_object_class_override_property (object_class, SL_YEAR_PAGE_PROP_YEAR, "year");
}

void
sl_year_page_class_install (GObjectClass *object_class)
{
  object_class->get_property = sl_year_page_get_property;
  object_class->set_property = sl_year_page_set_property;
  sl_year_page_class_override_properties (object_class);
}

static void
map_and_reload (GtkWidget *widget)
{
  GtkWidgetClass *parent = g_type_class_peek_parent (GTK_WIDGET_GET_CLASS (widget));

  /* The nearest class above that maps otherwise: a page may be
   * subclassed, and its subclass inherit this map. */
  while (parent->map == map_and_reload)
    parent = g_type_class_peek_parent (parent);
  parent->map (widget);

  SL_YEAR_PAGE_GET_IFACE (widget)->reload (SL_YEAR_PAGE (widget));
}

void
sl_year_page_class_reload_on_map (GtkWidgetClass *widget_class)
{
  widget_class->map = map_and_reload;
}

void
sl_year_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SlYearPage *self = SL_YEAR_PAGE (object);

  switch (prop_id)
    {
    case SL_YEAR_PAGE_PROP_LEDGER: g_value_set_object (value, *ledger_field (self)); break;
    case SL_YEAR_PAGE_PROP_YEAR:   g_value_set_int (value, *year_field (self)); break;
    default:                       G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
sl_year_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SlYearPage *self = SL_YEAR_PAGE (object);

  switch (prop_id)
    {
    case SL_YEAR_PAGE_PROP_LEDGER: sl_year_page_set_ledger (self, g_value_get_object (value)); break;
    case SL_YEAR_PAGE_PROP_YEAR:   sl_year_page_set_year (self, g_value_get_int (value)); break;
    default:                       G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

SlLedger *
sl_year_page_get_ledger (SlYearPage *self)
{
  g_return_val_if_fail (SL_IS_YEAR_PAGE (self), NULL);
  return *ledger_field (self);
}

int
sl_year_page_get_year (SlYearPage *self)
{
  g_return_val_if_fail (SL_IS_YEAR_PAGE (self), 0);
  return *year_field (self);
}

static void
change (SlYearPage *self,
        const char *name,
        gpointer    new_value)
{
  SlYearPageInterface *iface = SL_YEAR_PAGE_GET_IFACE (self);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), name);

  if (iface->leave != NULL)
    iface->leave (self, pspec);

  if (g_str_equal (name, "ledger"))
    g_set_object (ledger_field (self), new_value);
  else
    *year_field (self) = GPOINTER_TO_INT (new_value);

  if (iface->changed != NULL)
    iface->changed (self, pspec);
  else if (iface->reload != NULL
           && (!iface->reload_when_shown || gtk_widget_get_mapped (GTK_WIDGET (self))))
    iface->reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
sl_year_page_set_ledger (SlYearPage *self,
                         SlLedger   *ledger)
{
  g_return_if_fail (SL_IS_YEAR_PAGE (self));
  g_return_if_fail (ledger == NULL || SL_IS_LEDGER (ledger));

  if (*ledger_field (self) != ledger)
    change (self, "ledger", ledger);
}

void
sl_year_page_set_year (SlYearPage *self,
                       int         year)
{
  g_return_if_fail (SL_IS_YEAR_PAGE (self));

  if (*year_field (self) != year)
    change (self, "year", GINT_TO_POINTER (year));
}

/* Reads the page again now (its SlYearPageInterface.reload). */
void
sl_year_page_reload (SlYearPage *self)
{
  g_return_if_fail (SL_IS_YEAR_PAGE (self));
  g_return_if_fail (SL_YEAR_PAGE_GET_IFACE (self)->reload != NULL);

  SL_YEAR_PAGE_GET_IFACE (self)->reload (self);
}
