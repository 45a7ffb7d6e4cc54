/* sl-meetings-page.c — the meetings of a year, and the editor that logs one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (A first shell: the list and the editor are being written.)
 */

#define G_LOG_DOMAIN "sl-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-ledger.h"
#include "sl-meetings-page.h"

struct _SlMeetingsPage
{
  AdwBin    parent_instance;

  /* owned */
  SlLedger *ledger;
  int       year;
};

G_DEFINE_FINAL_TYPE (SlMeetingsPage, sl_meetings_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LEDGER,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_meetings_page_dispose (GObject *object)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (object);

  g_clear_object (&self->ledger);

  G_OBJECT_CLASS (sl_meetings_page_parent_class)->dispose (object);
}

static void
sl_meetings_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER: g_value_set_object (value, self->ledger); break;
    case PROP_YEAR:   g_value_set_int (value, self->year); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meetings_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SlMeetingsPage *self = SL_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LEDGER: sl_meetings_page_set_ledger (self, g_value_get_object (value)); break;
    case PROP_YEAR:   sl_meetings_page_set_year (self, g_value_get_int (value)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_meetings_page_class_init (SlMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_meetings_page_dispose;
  object_class->get_property = sl_meetings_page_get_property;
  object_class->set_property = sl_meetings_page_set_property;

  properties[PROP_LEDGER] =
    g_param_spec_object ("ledger", NULL, NULL, SL_TYPE_LEDGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_meetings_page_init (SlMeetingsPage *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Meetings"));
  adw_bin_set_child (ADW_BIN (self), status);
}

SlLedger *
sl_meetings_page_get_ledger (SlMeetingsPage *self)
{
  g_return_val_if_fail (SL_IS_MEETINGS_PAGE (self), NULL);
  return self->ledger;
}

void
sl_meetings_page_set_ledger (SlMeetingsPage *self,
                             SlLedger       *ledger)
{
  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));

  if (g_set_object (&self->ledger, ledger))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEDGER]);
}

int
sl_meetings_page_get_year (SlMeetingsPage *self)
{
  g_return_val_if_fail (SL_IS_MEETINGS_PAGE (self), 0);
  return self->year;
}

void
sl_meetings_page_set_year (SlMeetingsPage *self,
                           int             year)
{
  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));

  if (self->year != year)
    {
      self->year = year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
}

void
sl_meetings_page_open_meeting (SlMeetingsPage *self,
                               const char     *id)
{
  g_return_if_fail (SL_IS_MEETINGS_PAGE (self));
}
