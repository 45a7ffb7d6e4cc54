/* sl-branch-report.c — a branch's half-year report on its members' thinking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * organization is the reporting branch's id; period is "YYYY-H1" or "YYYY-H2".
 * Text properties are kept in one array indexed by property, codes in
 * another: the record is its fields, nothing more.
 */

#define G_LOG_DOMAIN "sl-branch-report"

#include "config.h"

#include "sl-branch-report.h"
#include "sl-record-fields.h"

enum {
  PROP_0,
  PROP_ORGANIZATION,
  PROP_PERIOD,
  PROP_RECEIVED_ON,
  PROP_TITLE,
  PROP_NOTE,
  N_PROPS
};

struct _SlBranchReport
{
  SlRecord  parent_instance;

  /* owned */
  char     *text[N_PROPS];
  int       code[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SlBranchReport, sl_branch_report, SL_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

#define DEFINE_STRING_PROPERTY(field, PROP) \
  SL_RECORD_FIELDS_STRING (sl_branch_report, SlBranchReport, SL_IS_BRANCH_REPORT, field, PROP)
#define DEFINE_ENUM_PROPERTY(field, PROP, Type) \
  SL_RECORD_FIELDS_ENUM (sl_branch_report, SlBranchReport, SL_IS_BRANCH_REPORT, field, PROP, Type)

DEFINE_STRING_PROPERTY (organization, PROP_ORGANIZATION)
DEFINE_STRING_PROPERTY (period, PROP_PERIOD)
DEFINE_STRING_PROPERTY (received_on, PROP_RECEIVED_ON)
DEFINE_STRING_PROPERTY (title, PROP_TITLE)
DEFINE_STRING_PROPERTY (note, PROP_NOTE)

#undef DEFINE_STRING_PROPERTY
#undef DEFINE_ENUM_PROPERTY

static void
sl_branch_report_finalize (GObject *object)
{
  SlBranchReport *self = SL_BRANCH_REPORT (object);

  sl_record_fields_clear (self->text, N_PROPS);

  G_OBJECT_CLASS (sl_branch_report_parent_class)->finalize (object);
}

static void
sl_branch_report_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SlBranchReport *self = SL_BRANCH_REPORT (object);

  sl_record_fields_get_property (object, self->text, self->code, N_PROPS, prop_id, value, pspec);
}

static void
sl_branch_report_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SlBranchReport *self = SL_BRANCH_REPORT (object);

  sl_record_fields_set_property (object, self->text, self->code, N_PROPS, prop_id, value, pspec);
}

static void
sl_branch_report_class_init (SlBranchReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE |
                             G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_STRINGS);

  object_class->finalize = sl_branch_report_finalize;
  object_class->get_property = sl_branch_report_get_property;
  object_class->set_property = sl_branch_report_set_property;

  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, flags);
  properties[PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED_ON] = g_param_spec_string ("received-on", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_branch_report_init (SlBranchReport *self)
{
}

SlBranchReport *
sl_branch_report_new (void)
{
  return g_object_new (SL_TYPE_BRANCH_REPORT, NULL);
}
