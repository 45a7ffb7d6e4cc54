/* sl-rules.c — the compliance thresholds, settings with defaults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules vary between units, so they live in the ledger file itself: a
 * ledger handed to another desk keeps its own unit's thresholds.
 */

#define G_LOG_DOMAIN "sl-rules"

#include "config.h"

#include <stdlib.h>

#include "sl-database.h"
#include "sl-rules.h"

typedef enum { RULE_INT, RULE_RATE } RuleKind;

static const struct
{
  const char *key;
  RuleKind    kind;
  gsize       offset;
} rule_fields[] = {
  { "central_group_per_year",       RULE_INT,  G_STRUCT_OFFSET (SlRules, central_group_per_year) },
  { "central_group_bimonthly",      RULE_INT,  G_STRUCT_OFFSET (SlRules, central_group_bimonthly) },
  { "ideology_half_year",           RULE_INT,  G_STRUCT_OFFSET (SlRules, ideology_half_year) },
  { "situation_analysis_half_year", RULE_INT,  G_STRUCT_OFFSET (SlRules, situation_analysis_half_year) },
  { "research_topic_per_leader",    RULE_INT,  G_STRUCT_OFFSET (SlRules, research_topic_per_leader) },
  { "attendance_threshold",         RULE_RATE, G_STRUCT_OFFSET (SlRules, attendance_threshold) },
  { "absence_limit",                RULE_INT,  G_STRUCT_OFFSET (SlRules, absence_limit) },
  { "leave_limit",                  RULE_INT,  G_STRUCT_OFFSET (SlRules, leave_limit) },
  { "central_group_ideology_per_year", RULE_INT, G_STRUCT_OFFSET (SlRules, central_group_ideology_per_year) },
  { "timeliness_days",              RULE_INT,  G_STRUCT_OFFSET (SlRules, timeliness_days) },
  { "speech_per_central_group_member", RULE_INT, G_STRUCT_OFFSET (SlRules, speech_per_central_group_member) },
  { "branch_report_half_year",      RULE_INT,  G_STRUCT_OFFSET (SlRules, branch_report_half_year) },
  { "draft_warning_days",           RULE_INT,  G_STRUCT_OFFSET (SlRules, draft_warning_days) },
  { "require_signed_sheet",         RULE_INT,  G_STRUCT_OFFSET (SlRules, require_signed_sheet) },
  { "sign_in_time_column",          RULE_INT,  G_STRUCT_OFFSET (SlRules, sign_in_time_column) },
};

void
sl_rules_init_defaults (SlRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->central_group_per_year = 6;
  rules->central_group_bimonthly = 1;
  rules->ideology_half_year = 1;
  rules->situation_analysis_half_year = 1;
  rules->research_topic_per_leader = 1;
  rules->attendance_threshold = 0.8;
  rules->absence_limit = 3;
  rules->leave_limit = 6;
  rules->central_group_ideology_per_year = 2;
  rules->timeliness_days = 30;
  rules->speech_per_central_group_member = 1;
  rules->branch_report_half_year = 1;
  rules->draft_warning_days = 7;
  rules->require_signed_sheet = 1;
  rules->sign_in_time_column = 0;
}

void
sl_rules_load (SlRules    *rules,
               SlDatabase *database)
{
  g_return_if_fail (rules != NULL);
  g_return_if_fail (SL_IS_DATABASE (database));

  sl_rules_init_defaults (rules);

  for (guint i = 0; i < G_N_ELEMENTS (rule_fields); i++)
    {
      const char *text = sl_database_get_setting (database, rule_fields[i].key);
      gpointer field = G_STRUCT_MEMBER_P (rules, rule_fields[i].offset);
      char *end = NULL;

      if (text == NULL)
        continue;

      /* A value that does not parse keeps the default. */
      if (rule_fields[i].kind == RULE_INT)
        {
          gint64 value = g_ascii_strtoll (text, &end, 10);
          if (end != text && *end == '\0' && value >= 0 && value <= G_MAXINT)
            *(int *) field = (int) value;
        }
      else
        {
          double value = g_ascii_strtod (text, &end);
          if (end != text && *end == '\0' && value >= 0.0 && value <= 1.0)
            *(double *) field = value;
        }
    }
}

gboolean
sl_rules_save (const SlRules  *rules,
               SlDatabase     *database,
               GError        **error)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (SL_IS_DATABASE (database), FALSE);

  if (!sl_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rule_fields); i++)
    {
      gconstpointer field = G_STRUCT_MEMBER_P ((gpointer) rules, rule_fields[i].offset);
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      if (rule_fields[i].kind == RULE_INT)
        g_snprintf (text, sizeof text, "%d", *(const int *) field);
      else
        g_ascii_dtostr (text, sizeof text, *(const double *) field);

      if (!sl_database_set_setting (database, rule_fields[i].key, text, error))
        {
          sl_database_rollback (database);
          return FALSE;
        }
    }

  return sl_database_commit (database, error);
}
