/* test-document-names.c — the file names the window offers for a meeting's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The minutes of every meeting were offered as "2023年会议记录.pdf", so
 * one export overwrote another: a meeting's document is named after its
 * date and title, in a form any file system takes.
 *
 * Inside the documents, a title headed by its unit's name must not say
 * part of the name twice (市生态环境局机关第一党支部机关第一党支部… was
 * printed for a branch's plan titled 机关第一党支部2023年度…).
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "sl-document-types.h"
#include "sl-binder-job.h"
#include "sl-export-job.h"
#include "sl-ledger.h"
#include "sl-organization.h"
#include "sl-test-util.h"
#include "sl-wording.h"

static void
test_meeting_name (void)
{
  g_autofree char *name = sl_document_meeting_file_name ("2023-03-29", "第2次集体学习",
                                                         SL_DOCUMENT_MINUTES, SL_DOCUMENT_FORMAT_PDF);
  g_autofree char *expected = g_strdup_printf ("2023-03-29-第2次集体学习-%s.pdf",
                                               sl_document_kind_get_label (SL_DOCUMENT_MINUTES));
  g_autofree char *other = sl_document_meeting_file_name ("2023-04-12", "第3次集体学习",
                                                          SL_DOCUMENT_MINUTES, SL_DOCUMENT_FORMAT_PDF);

  g_assert_cmpstr (name, ==, expected);
  g_assert_cmpstr (name, !=, other);
}

static void
test_sanitised (void)
{
  g_autofree char *name = sl_document_meeting_file_name ("2023-03-29", "学习《条例》: A/B \"专题\"?*<>|\\\t.",
                                                         SL_DOCUMENT_SIGN_IN, SL_DOCUMENT_FORMAT_PDF);
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".pdf"));

  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  for (const char *p = "/\\:*?\"<>|\t"; *p != '\0'; p++)
    g_assert_null (strchr (stem, *p));
  g_assert_nonnull (strstr (name, "学习《条例》_ A_B _专题_"));
}

static void
test_long_title (void)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (int i = 0; i < 100; i++)
    g_string_append (title, "滨");
  name = sl_document_meeting_file_name ("2023-03-29", title->str,
                                        SL_DOCUMENT_MINUTES, SL_DOCUMENT_FORMAT_PDF);

  /* Cut at a character, short enough for any file system. */
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), <, 255);
  g_assert_true (g_str_has_suffix (name, ".pdf"));
}

/* The year's binder is offered after the organization it binds (the
 * top one), not as 2023年度学习档案.pdf for every organization. */
static void
test_binder_name (void)
{
  g_autofree char *folder = make_temp_folder ("test-document-names-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  g_autoptr(SlOrganization) top = sl_organization_new ();
  g_autoptr(SlOrganization) branch = sl_organization_new ();
  g_autofree char *empty = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  empty = sl_binder_default_name (ledger, 2023);
  g_assert_cmpstr (empty, ==, "2023 Study Binder.pdf");

  sl_organization_set_name (top, "中共临江市统计局党组");
  sl_organization_set_kind (top, SL_ORGANIZATION_KIND_PARTY_GROUP);
  g_assert_true (sl_ledger_save_organization (ledger, top, &error));
  g_assert_no_error (error);
  sl_organization_set_name (branch, "机关/第一党支部");
  sl_organization_set_kind (branch, SL_ORGANIZATION_KIND_BRANCH);
  sl_organization_set_parent (branch, sl_record_get_id (SL_RECORD (top)));
  g_assert_true (sl_ledger_save_organization (ledger, branch, &error));
  g_assert_no_error (error);

  name = sl_binder_default_name (ledger, 2023);
  g_assert_cmpstr (name, ==, "中共临江市统计局党组 2023 Study Binder.pdf");

  g_clear_object (&ledger);
  remove_tree (folder);
}

static void
test_under_unit (void)
{
  static const struct { const char *unit, *title, *expected; } cases[] = {
    { "市生态环境局党组", "理论学习中心组2023年度学习计划",
      "市生态环境局党组理论学习中心组2023年度学习计划" },
    /* The whole name already there. */
    { "市生态环境局党组", "市生态环境局党组理论学习中心组2023年度学习计划",
      "市生态环境局党组理论学习中心组2023年度学习计划" },
    /* The name's end: joined on it, the longest end first. */
    { "市生态环境局机关第一党支部", "机关第一党支部2023年度党员学习教育计划",
      "市生态环境局机关第一党支部2023年度党员学习教育计划" },
    { "市生态环境局机关第一党支部", "第一党支部2023年第1次支部党员大会",
      "市生态环境局机关第一党支部2023年第1次支部党员大会" },
    { "市生态环境局党组", "党组会议", "市生态环境局党组会议" },
    { "中共临江市统计局机关委员会第二党总支", "第二党总支委员会2024年第3次会议",
      "中共临江市统计局机关委员会第二党总支委员会2024年第3次会议" },
    /* Words in common are a coincidence, not the body named again. */
    { "市生态环境局党组", "组织生活会", "市生态环境局党组组织生活会" },
    { "市生态环境局党组", "党组织书记抓基层党建述职评议会",
      "市生态环境局党组党组织书记抓基层党建述职评议会" },
    { "市政务服务中心", "中心组2024年学习计划", "市政务服务中心中心组2024年学习计划" },
    { "临江大学", "大学生党员发展工作计划", "临江大学大学生党员发展工作计划" },
    { "Statistics Bureau G20", "20次会议", "Statistics Bureau G2020次会议" },
    { NULL, "2023年第3次党组会议", "2023年第3次党组会议" },
    { "", "2023年第3次党组会议", "2023年第3次党组会议" },
    { "市生态环境局党组", "", "市生态环境局党组" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *headed = sl_wording_under_unit (cases[i].unit, cases[i].title);

      g_assert_cmpstr (headed, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-names/meeting", test_meeting_name);
  g_test_add_func ("/document-names/sanitised", test_sanitised);
  g_test_add_func ("/document-names/long-title", test_long_title);
  g_test_add_func ("/document-names/binder", test_binder_name);
  g_test_add_func ("/document-names/under-unit", test_under_unit);

  return g_test_run ();
}
