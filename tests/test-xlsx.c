/* test-xlsx.c — the spreadsheets, read back by real readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A realistic year (tests/data/year-2023.json, or a small year built here
 * when that file is missing) is exported as every spreadsheet document.
 * Then:
 *   - openpyxl (tests/check-xlsx.py, under Debian's /usr/bin/python3)
 *     checks the form: merged title, headers in order, print titles, frozen
 *     panes, real dates, numbers, percentages, A4 set-up; and reads the
 *     attendance sheet's totals, which must equal SlStatistics;
 *   - LibreOffice converts every sheet to CSV, which must hold the names
 *     and the dates as a secretary reads them (skipped without soffice);
 *   - failed exports leave no file and no temporary file behind;
 *   - the command line's usage errors exit 2, and a good line writes.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sl-archive.h"
#include "sl-attendance.h"
#include "sl-document.h"
#include "sl-ledger.h"
#include "sl-ledger-tables.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-statistics.h"
#include "sl-study.h"
#include "sl-table.h"
#include "sl-xlsx-writer.h"
#include "sl-test-util.h"

#define YEAR  2023
#define TODAY "2023-11-20"
#define PYTHON "/usr/bin/python3"

static const SlDocumentKind year_documents[] = {
  SL_DOCUMENT_FIRST_TOPIC_LEDGER, SL_DOCUMENT_CENTRAL_GROUP_LEDGER, SL_DOCUMENT_MEETINGS_LEDGER,
  SL_DOCUMENT_PLAN, SL_DOCUMENT_ATTENDANCE, SL_DOCUMENT_MEASURES, SL_DOCUMENT_ANNUAL_REPORT,
  SL_DOCUMENT_PLAN_PROGRESS,
};

typedef struct
{
  char     *folder;
  char     *out;       /* the exported documents, and nothing else */
  SlLedger *ledger;
} Fixture;

/* The small year, for when tests/data/year-2023.json is not there -------- */

static SlMember *
add_member (SlLedger       *ledger,
            SlOrganization *organization,
            const char     *name,
            int             sort)
{
  g_autoptr(GError) error = NULL;
  SlMember *member = sl_member_new ();

  sl_member_set_name (member, name);
  sl_member_set_organization (member, sl_record_get_id (SL_RECORD (organization)));
  sl_member_set_leadership (member, TRUE);
  sl_member_set_central_group (member, TRUE);
  sl_member_set_sort (member, sort);
  sl_ledger_save_member (ledger, member, &error);
  g_assert_no_error (error);
  return member;
}

static void
add_meeting (SlLedger       *ledger,
             SlOrganization *organization,
             SlMeetingKind   kind,
             const char     *date,
             SlMember      **people,
             const char     *marks,
             const char     *plan_item,
             const char     *due_on)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStudy) study = sl_study_new ();
  g_autoptr(SlMeasure) measure = sl_measure_new ();

  sl_meeting_set_organization (meeting, sl_record_get_id (SL_RECORD (organization)));
  sl_meeting_set_kind (meeting, kind);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_sequence (meeting, 1);
  sl_meeting_set_chair (meeting, sl_record_get_id (SL_RECORD (people[0])));
  sl_meeting_set_form (meeting, SL_STUDY_FORM_COLLECTIVE_STUDY);
  sl_meeting_set_plan_item (meeting, plan_item);

  sl_study_set_title (study, "习近平在二十届中央纪委二次全会上发表重要讲话");
  sl_study_set_source (study, "《人民日报》");
  sl_study_set_published_on (study, "2023-01-10");
  sl_study_set_lead (study, sl_record_get_id (SL_RECORD (people[0])));
  sl_study_set_first_topic (study, kind == SL_MEETING_KIND_PARTY_GROUP);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);

  for (guint i = 0; marks[i] != '\0'; i++)
    {
      g_autoptr(SlAttendance) row = sl_attendance_new ();

      sl_attendance_set_member (row, sl_record_get_id (SL_RECORD (people[i])));
      sl_attendance_set_status (row, marks[i] == 'P' ? SL_ATTENDANCE_STATUS_PRESENT
                                     : marks[i] == 'A' ? SL_ATTENDANCE_STATUS_ABSENT
                                     : SL_ATTENDANCE_STATUS_LEAVE);
      if (marks[i] == 'M')
        {
          sl_attendance_set_has_makeup (row, TRUE);
          sl_attendance_set_makeup_on (row, date);
        }
      g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), row);
    }

  sl_measure_set_text (measure, "制定贯彻落实工作方案");
  sl_measure_set_owner (measure, sl_record_get_id (SL_RECORD (people[1])));
  sl_measure_set_department (measure, "办公室");
  sl_measure_set_due_on (measure, due_on);
  sl_measure_set_status (measure, SL_MEASURE_STATUS_IN_PROGRESS);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), measure);

  sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);
}

static void
build_small_year (SlLedger *ledger)
{
  g_autoptr(SlOrganization) bureau = sl_organization_new ();
  g_autoptr(SlPlan) plan = sl_plan_new ();
  g_autoptr(SlPlanItem) item = sl_plan_item_new ();
  g_autoptr(GError) error = NULL;
  SlMember *people[4];

  sl_organization_set_name (bureau, "某某市统计局党组");
  sl_organization_set_kind (bureau, SL_ORGANIZATION_KIND_PARTY_GROUP);
  sl_ledger_save_organization (ledger, bureau, &error);
  g_assert_no_error (error);

  people[0] = add_member (ledger, bureau, "张建国", 1);
  people[1] = add_member (ledger, bureau, "孙堃", 2);
  people[2] = add_member (ledger, bureau, "李红梅", 3);
  people[3] = add_member (ledger, bureau, "王喆", 4);

  sl_plan_set_organization (plan, sl_record_get_id (SL_RECORD (bureau)));
  sl_plan_set_year (plan, YEAR);
  sl_plan_set_title (plan, "2023年度理论学习中心组学习计划");
  sl_plan_item_set_month (item, 3);
  sl_plan_item_set_theme (item, "专题一：深入学习贯彻党的二十大精神");
  sl_plan_item_set_form (item, SL_STUDY_FORM_SEMINAR);
  g_list_store_append (G_LIST_STORE (sl_plan_get_items (plan)), item);
  sl_ledger_save_plan (ledger, plan, SL_SAVE_REPLACE, &error);
  g_assert_no_error (error);

  add_meeting (ledger, bureau, SL_MEETING_KIND_PARTY_GROUP, "2023-01-16", people, "PPLA", NULL,
               "2023-03-31");
  add_meeting (ledger, bureau, SL_MEETING_KIND_CENTRAL_GROUP, "2023-03-05", people, "PMPP",
               sl_record_get_id (SL_RECORD (item)), "2023-12-31");
  add_meeting (ledger, bureau, SL_MEETING_KIND_IDEOLOGY, "2023-06-26", people, "PPPL", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_object_unref (people[i]);
}

/* Fixture --------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "data", "year-2023.json", NULL);

  fixture->folder = make_temp_folder ("test-xlsx-XXXXXX");
  fixture->out = g_build_filename (fixture->folder, "out", NULL);
  g_assert_cmpint (g_mkdir (fixture->out, 0755), ==, 0);

  path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (path, &error);
  g_assert_no_error (error);

  if (g_file_test (archive, G_FILE_TEST_EXISTS))
    {
      SlArchiveCounts counts = { 0 };

      sl_archive_import (fixture->ledger, archive, FALSE, &counts, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (counts.meetings, >, 0);
    }
  else
    build_small_year (fixture->ledger);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ledger);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->out);
}

static GPtrArray *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

/* The party group: the organization whose own attendance sheet is checked
 * besides the whole ledger's. */
static SlOrganization *
party_group (SlLedger *ledger)
{
  GListModel *organizations = sl_ledger_get_organizations (ledger);

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

      if (sl_organization_get_kind (organization) == SL_ORGANIZATION_KIND_PARTY_GROUP)
        return organization;   /* the live list keeps it */
    }
  g_assert_not_reached ();
}

static char *
export (Fixture        *fixture,
        SlDocumentKind  kind,
        const char     *organization,
        const char     *suffix)
{
  SlDocumentRequest request = { kind, YEAR, organization, NULL, TODAY };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s%s.xlsx", sl_document_kind_to_code (kind),
                                           suffix ? suffix : "");
  char *path = g_build_filename (fixture->out, name, NULL);

  g_assert_true (sl_document_export (fixture->ledger, &request, SL_DOCUMENT_FORMAT_XLSX, path,
                                     &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
export_all (Fixture *fixture)
{
  g_autoptr(GPtrArray) names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (year_documents); i++)
    g_free (export (fixture, year_documents[i], NULL, NULL));
  g_free (export (fixture, SL_DOCUMENT_ATTENDANCE,
                  sl_record_get_id (SL_RECORD (party_group (fixture->ledger))), "@party-group"));

  /* Exactly the documents: no temporary file left beside them. */
  names = list_folder (fixture->out);
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (year_documents) + 1);
  for (guint i = 0; i < names->len; i++)
    g_assert_true (g_str_has_suffix (g_ptr_array_index (names, i), ".xlsx"));
}

static gboolean
run (const char * const *argv,
     const char         *folder,
     char              **out,
     char              **err,
     int                *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (folder, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     out, err, status, &error))
    {
      g_test_message ("cannot run %s: %s", argv[0], error->message);
      return FALSE;
    }
  return TRUE;
}

/* openpyxl ------------------------------------------------------------- */

static JsonNode *
check_with_openpyxl (const char *folder)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-xlsx.py", NULL);
  g_autofree char *year = g_strdup_printf ("%d", YEAR);
  const char *argv[] = { PYTHON, script, "documents", folder, year, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (run (argv, folder, &out, &err, &status));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-xlsx.py failed: %s", err);

  return json_from_string (out, &error);
}

static void
assert_attendance (JsonObject   *document,
                   SlStatistics *stats)
{
  JsonObject *attendance = json_object_get_object_member (document, "attendance");
  JsonArray *members = json_object_get_array_member (attendance, "members");

  g_assert_cmpuint (json_array_get_length (members), ==, stats->members->len);
  g_assert_cmpuint (json_object_get_int_member (attendance, "meetings"), ==, stats->meetings_total);

  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *expected = g_ptr_array_index (stats->members, i);
      JsonObject *read = json_array_get_object_element (members, i);
      JsonObject *marks = json_object_get_object_member (read, "marks");
      struct { const char *key; double rate; } rates[] = {
        { "attendance_rate", sl_member_stats_attendance_rate (expected) },
        { "participation_rate", sl_member_stats_participation_rate (expected) },
      };

      g_assert_cmpstr (json_object_get_string_member (read, "name"), ==, expected->name);
      g_assert_cmpint (json_object_get_int_member (read, "expected"), ==, expected->expected);
      g_assert_cmpint (json_object_get_int_member (read, "present"), ==, expected->present);
      g_assert_cmpint (json_object_get_int_member (read, "leave"), ==, expected->leave);
      g_assert_cmpint (json_object_get_int_member (read, "absent"), ==, expected->absent);
      g_assert_cmpint (json_object_get_int_member (read, "made_up"), ==, expected->made_up);

      for (guint r = 0; r < G_N_ELEMENTS (rates); r++)
        {
          if (isnan (rates[r].rate))
            g_assert_true (json_object_get_null_member (read, rates[r].key));
          else
            g_assert_cmpfloat_with_epsilon (json_object_get_double_member (read, rates[r].key),
                                            rates[r].rate, 1e-9);
        }

      /* The matrix agrees with its own totals. */
      g_assert_cmpint (json_object_get_int_member (marks, "出"), ==, expected->present);
      g_assert_cmpint (json_object_get_int_member (marks, "假"), ==, expected->leave);
      g_assert_cmpint (json_object_get_int_member (marks, "缺"), ==, expected->absent);
      g_assert_cmpint (json_object_get_int_member (marks, "补"), ==, expected->made_up);
    }
}

static void
test_openpyxl (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SlStatistics) all = NULL;
  g_autoptr(SlStatistics) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  SlDocumentRequest request = { SL_DOCUMENT_FIRST_TOPIC_LEDGER, YEAR, NULL, NULL, TODAY };
  SlOrganization *group = party_group (fixture->ledger);
  JsonObject *documents, *report;
  JsonArray *report_members;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip (PYTHON " is not installed");
      return;
    }

  export_all (fixture);
  root = check_with_openpyxl (fixture->out);
  g_assert_nonnull (root);
  documents = json_node_get_object (root);

  all = sl_statistics_compute (sl_ledger_get_database (fixture->ledger), YEAR, NULL, TODAY, &error);
  g_assert_no_error (error);
  own = sl_statistics_compute (sl_ledger_get_database (fixture->ledger), YEAR,
                               sl_record_get_id (SL_RECORD (group)), TODAY, &error);
  g_assert_no_error (error);

  assert_attendance (json_object_get_object_member (documents, "attendance"), all);
  assert_attendance (json_object_get_object_member (documents, "attendance@party-group"), own);

  /* The annual report lists the same people, in roster order. */
  report = json_object_get_object_member (documents, "annual-report");
  report_members = json_object_get_array_member (report, "members");
  g_assert_cmpuint (json_array_get_length (report_members), ==, all->members->len);
  for (guint i = 0; i < all->members->len; i++)
    g_assert_cmpstr (json_array_get_string_element (report_members, i), ==,
                     ((SlMemberStats *) g_ptr_array_index (all->members, i))->name);

  /* Titles come from the data: the organization and the year. */
  tables = sl_ledger_tables_build (fixture->ledger, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_true (strstr (sl_table_get_title (g_ptr_array_index (tables, 0)), "2023年第一议题学习台账"));
  request.organization = sl_record_get_id (SL_RECORD (group));
  g_clear_pointer (&tables, g_ptr_array_unref);
  tables = sl_ledger_tables_build (fixture->ledger, &request, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sl_table_get_title (g_ptr_array_index (tables, 0)),
                                   sl_organization_get_name (group)));
  g_assert_true (g_str_has_suffix (sl_table_get_title (g_ptr_array_index (tables, 0)),
                                   "2023年第一议题学习台账"));
}

/* LibreOffice ---------------------------------------------------------- */

static char *
read_csvs (const char *folder,
           const char *prefix)
{
  g_autoptr(GPtrArray) names = list_folder (folder);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".csv"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_string_append (all, text);
    }

  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_libreoffice (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = NULL;
  g_autofree char *csv = g_build_filename (fixture->folder, "csv", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *attendance = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *annual = NULL;
  g_autoptr(SlStatistics) stats = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }

  export_all (fixture);

  /* One run converts every file; “-1” writes every sheet of a workbook
   * (LibreOffice 7.2+), UTF-8, cells as they are shown. */
  profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", fixture->folder);
  g_ptr_array_add (argv, g_strdup (soffice));
  g_ptr_array_add (argv, g_strdup (profile));
  g_ptr_array_add (argv, g_strdup ("--headless"));
  g_ptr_array_add (argv, g_strdup ("--convert-to"));
  g_ptr_array_add (argv, g_strdup ("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,"
                                   "false,false,-1"));
  g_ptr_array_add (argv, g_strdup ("--outdir"));
  g_ptr_array_add (argv, g_strdup (csv));
  files = list_folder (fixture->out);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_build_filename (fixture->out, g_ptr_array_index (files, i), NULL));
  g_ptr_array_add (argv, NULL);

  g_assert_true (run ((const char * const *) argv->pdata, fixture->folder, &out, &err, &status));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("soffice failed: %s %s", out, err);

  /* Every document made at least one CSV, with its title. */
  for (guint i = 0; i < G_N_ELEMENTS (year_documents); i++)
    {
      g_autofree char *text = read_csvs (csv, sl_document_kind_to_code (year_documents[i]));

      g_assert_cmpuint (strlen (text), >, 0);
      g_assert_true (strstr (text, "2023年"));
    }

  stats = sl_statistics_compute (sl_ledger_get_database (fixture->ledger), YEAR, NULL, TODAY, &error);
  g_assert_no_error (error);

  /* The people, by name; rates shown as percentages; dates as 2023年3月5日. */
  attendance = read_csvs (csv, "attendance-");
  annual = read_csvs (csv, "annual-report");
  for (guint i = 0; i < stats->members->len; i++)
    {
      const SlMemberStats *member = g_ptr_array_index (stats->members, i);

      g_assert_true (strstr (attendance, member->name));
      g_assert_true (strstr (annual, member->name));
    }
  g_assert_true (g_regex_match_simple ("[0-9]+\\.[0-9]%", attendance, 0, 0));
  measures = read_csvs (csv, "measures");
  g_assert_true (g_regex_match_simple (",2023年[1-9][0-9]?月[1-9][0-9]?日,", measures, 0, 0));
  g_assert_false (strstr (measures, "2023-0"));
}

/* Failures leave nothing ----------------------------------------------------- */

static void
assert_fails (Fixture          *fixture,
              SlDocumentRequest *request,
              SlDocumentFormat   format,
              const char        *path,
              int                code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_document_export (fixture->ledger, request, format, path, &error));
  g_assert_error (error, SL_DOCUMENT_ERROR, code);
  g_test_message ("%s", error->message);
}

static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  SlDocumentRequest request = { SL_DOCUMENT_ATTENDANCE, YEAR, NULL, NULL, TODAY };
  g_autofree char *missing = g_build_filename (fixture->folder, "no-such-folder", "a.xlsx", NULL);
  g_autofree char *folder = g_build_filename (fixture->out, "a-folder.xlsx", NULL);
  g_autofree char *path = g_build_filename (fixture->out, "a.xlsx", NULL);
  g_autoptr(GPtrArray) names = NULL;

  /* A folder that is not there. */
  assert_fails (fixture, &request, SL_DOCUMENT_FORMAT_XLSX, missing, SL_DOCUMENT_ERROR_WRITE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Written, but the rename onto a folder fails: the temporary file goes. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_fails (fixture, &request, SL_DOCUMENT_FORMAT_XLSX, folder, SL_DOCUMENT_ERROR_WRITE);

  /* A folder nobody may write in (root may write anywhere). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (fixture->folder, "locked", NULL);
      g_autofree char *inside = g_build_filename (locked, "a.xlsx", NULL);

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      assert_fails (fixture, &request, SL_DOCUMENT_FORMAT_XLSX, inside, SL_DOCUMENT_ERROR_WRITE);
      g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
      g_chmod (locked, 0755);
    }

  /* Requests that make no sense. */
  request.year = 0;
  assert_fails (fixture, &request, SL_DOCUMENT_FORMAT_XLSX, path, SL_DOCUMENT_ERROR_INVALID);
  request.year = YEAR;
  request.organization = "00000000-0000-4000-8000-000000000000";
  assert_fails (fixture, &request, SL_DOCUMENT_FORMAT_XLSX, path, SL_DOCUMENT_ERROR_NOT_FOUND);
  request.organization = NULL;
  request.kind = SL_DOCUMENT_MINUTES;
  request.meeting = "00000000-0000-4000-8000-000000000000";
  assert_fails (fixture, &request, SL_DOCUMENT_FORMAT_XLSX, path, SL_DOCUMENT_ERROR_UNSUPPORTED);
  request.kind = SL_DOCUMENT_SIGN_IN;
  assert_fails (fixture, &request, SL_DOCUMENT_FORMAT_PDF, path, SL_DOCUMENT_ERROR_NOT_FOUND);

  /* Nothing but the folder made above. */
  names = list_folder (fixture->out);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "a-folder.xlsx");

  /* And a good export replaces an old file whole. */
  request = (SlDocumentRequest) { SL_DOCUMENT_MEASURES, YEAR, NULL, NULL, TODAY };
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (sl_document_export (fixture->ledger, &request, SL_DOCUMENT_FORMAT_XLSX, path, NULL));
  {
    g_autofree char *text = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &text, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (memcmp (text, "PK", 2) == 0);
  }
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_folder (fixture->out);
  g_assert_cmpuint (names->len, ==, 2);
}

/* The command line ------------------------------------------------------ */

static void
assert_cli (Fixture    *fixture,
            const char *database,
            int         expected,
            const char *expected_text,
            ...)
{
  const char *program = g_getenv ("STUDY_LEDGER");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) program);
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, (gpointer) database);
  g_ptr_array_add (argv, "export");
  va_start (args, expected_text);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (run ((const char * const *) argv->pdata, fixture->out, &out, &err, &status));
  g_test_message ("exit %d: %s%s", WEXITSTATUS (status), out, err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, expected);
  if (expected_text != NULL)
    g_assert_true (strstr (expected == 0 ? out : err, expected_text));
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  const char *program = g_getenv ("STUDY_LEDGER");
  const char *database = sl_database_get_path (sl_ledger_get_database (fixture->ledger));
  g_autoptr(GPtrArray) names = NULL;

  if (program == NULL || !g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("STUDY_LEDGER does not name the program");
      return;
    }

  assert_cli (fixture, database, 2, "--output", "attendance", "--year", "2023", NULL);
  assert_cli (fixture, database, 2, "--year", "attendance", "--output", "a.xlsx", NULL);
  assert_cli (fixture, database, 2, "--format", "attendance", "--year", "2023",
              "--output", "a.txt", NULL);
  assert_cli (fixture, database, 2, "pdf", "minutes", "--meeting", "x", "--output", "m.xlsx", NULL);
  assert_cli (fixture, database, 2, "pdf", "minutes", "--meeting", "x", "--format", "xlsx",
              "--output", "m.pdf", NULL);
  assert_cli (fixture, database, 2, NULL, "ledger", "--year", "2023", "--output", "a.xlsx", NULL);
  assert_cli (fixture, database, 1, "Nowhere", "attendance", "--year", "2023",
              "--organization", "Nowhere", "--output", "a.xlsx", NULL);

  /* Usage errors and failures wrote nothing. */
  names = list_folder (fixture->out);
  g_assert_cmpuint (names->len, ==, 0);

  assert_cli (fixture, database, 0, "Wrote measures.xlsx", "measures", "--year", "2023",
              "--output", "measures.xlsx", NULL);
  assert_cli (fixture, database, 0, "Wrote plan.data", "plan", "--year", "2023",
              "--format", "xlsx", "--output", "plan.data", NULL);
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_folder (fixture->out);
  g_assert_cmpuint (names->len, ==, 2);
}

/* The sign-in sheet's table, which the page renderer draws ---------------- */

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) error = NULL;
  SlDocumentRequest request = { SL_DOCUMENT_SIGN_IN, 0, NULL, NULL, TODAY };
  SlMeeting *meeting;
  SlTable *table;
  GListModel *attendance;

  meetings = sl_ledger_load_meetings (fixture->ledger, YEAR, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >, 0);
  meeting = g_ptr_array_index (meetings, 0);
  attendance = sl_meeting_get_attendance (meeting);
  request.meeting = sl_record_get_id (SL_RECORD (meeting));

  tables = sl_ledger_tables_build (fixture->ledger, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tables->len, ==, 1);
  table = g_ptr_array_index (tables, 0);
  g_assert_true (g_str_has_suffix (sl_table_get_title (table), "签到表"));
  g_assert_false (sl_table_get_landscape (table));
  g_assert_cmpstr (sl_table_get_column (table, 3)->title, ==, "签名");

  /* Names pre-printed in the order of the meeting's attendance, then the
   * 列席 guests and at least three blank rows for those who come unasked. */
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (table), SL_SIGN_IN_EXPECTED_KEY)),
                    ==, g_list_model_get_n_items (attendance));
  g_assert_cmpuint (sl_table_get_n_rows (table), >=,
                    g_list_model_get_n_items (sl_meeting_get_guests (meeting))
                    + g_list_model_get_n_items (attendance) + 3);
  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(SlAttendance) row = g_list_model_get_item (attendance, i);
      SlMember *member = sl_ledger_find_member (fixture->ledger, sl_attendance_get_member (row));

      g_assert_cmpstr (sl_table_get_cell (table, i, 1)->text, ==, sl_member_get_name (member));
      g_assert_cmpint (sl_table_get_cell (table, i, 3)->kind, ==, SL_CELL_EMPTY);
    }

  /* Minutes are pages, not a table. */
  request.kind = SL_DOCUMENT_MINUTES;
  g_clear_pointer (&tables, g_ptr_array_unref);
  tables = sl_ledger_tables_build (fixture->ledger, &request, &error);
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_UNSUPPORTED);
  g_assert_null (tables);
}

/* SlTable and its formats ------------------------------------------------- */

static void
test_table (void)
{
  g_autoptr(SlTable) table = sl_table_new ("某某局党组2023年出勤统计表");
  const char * const *notes;
  const SlCell *cell;
  char *text;

  sl_table_add_column (table, "日期", 7.5, FALSE);
  sl_table_add_column (table, "出席率", 4.5, FALSE);
  sl_table_add_column (table, "次数", 3, FALSE);
  sl_table_add_column (table, "备注", 8, TRUE);
  g_assert_cmpuint (sl_table_get_n_columns (table), ==, 4);
  g_assert_cmpstr (sl_table_get_name (table), ==, "某某局党组2023年出勤统计表");
  sl_table_set_name (table, "出勤统计");
  g_assert_cmpstr (sl_table_get_name (table), ==, "出勤统计");

  sl_table_begin_row (table);
  sl_table_add_date (table, "2023-03-05");
  sl_table_add_percent (table, 0.875);
  sl_table_add_number (table, 12);
  sl_table_add_text (table, "病假");
  sl_table_begin_row (table);
  sl_table_add_date (table, NULL);
  sl_table_add_percent (table, NAN);
  g_assert_cmpuint (sl_table_get_n_rows (table), ==, 2);

  cell = sl_table_get_cell (table, 0, 0);
  g_assert_cmpint (cell->kind, ==, SL_CELL_DATE);
  text = sl_cell_format (cell);
  g_assert_cmpstr (text, ==, "2023年3月5日");
  g_free (text);
  text = sl_cell_format (sl_table_get_cell (table, 0, 1));
  g_assert_cmpstr (text, ==, "87.5%");
  g_free (text);
  text = sl_cell_format (sl_table_get_cell (table, 0, 2));
  g_assert_cmpstr (text, ==, "12");
  g_free (text);

  /* Empty dates and rates, and the cells a short row lacks. */
  g_assert_cmpint (sl_table_get_cell (table, 1, 0)->kind, ==, SL_CELL_EMPTY);
  g_assert_cmpint (sl_table_get_cell (table, 1, 1)->kind, ==, SL_CELL_EMPTY);
  g_assert_cmpint (sl_table_get_cell (table, 1, 3)->kind, ==, SL_CELL_EMPTY);
  text = sl_cell_format (sl_table_get_cell (table, 1, 3));
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  g_assert_cmpstr (sl_table_get_notes (table)[0], ==, NULL);
  sl_table_add_note (table, "应到 12 人");
  sl_table_add_note (table, "实到 11 人");
  notes = sl_table_get_notes (table);
  g_assert_cmpstr (notes[0], ==, "应到 12 人");
  g_assert_cmpstr (notes[1], ==, "实到 11 人");
  g_assert_null (notes[2]);
}

/* Sheet names that Excel would refuse become ones it accepts. */
static void
test_sheet_names (void)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folder = g_dir_make_tmp ("test-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "names.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-xlsx.py", NULL);
  const char *argv[] = { PYTHON, script, "sheets", path, NULL };
  const char *wanted[] = {
    "计划/安排:表*?[1]", "计划/安排:表*?[1]", "'引号'",
    "中共临江市统计局党组理论学习中心组2023年度学习计划安排表", "中共临江市统计局党组理论学习中心组2023年度学习计划安排表",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *names;
  int status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      SlTable *table = sl_table_new ("标题");

      sl_table_set_name (table, wanted[i]);
      sl_table_add_column (table, "序号", 2.5, FALSE);
      g_ptr_array_add (tables, table);
    }
  g_assert_true (sl_xlsx_write_tables (tables, path, &error));
  g_assert_no_error (error);

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip (PYTHON " is not installed");
    }
  else
    {
      g_assert_true (run (argv, folder, &out, &err, &status));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      root = json_from_string (out, &error);
      g_assert_no_error (error);
      names = json_node_get_array (root);
      g_assert_cmpuint (json_array_get_length (names), ==, G_N_ELEMENTS (wanted));
      for (guint i = 0; i < json_array_get_length (names); i++)
        {
          const char *name = json_array_get_string_element (names, i);

          g_test_message ("sheet %u: %s", i, name);
          g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
          g_assert_null (strpbrk (name, ":\\/?*[]"));
          g_assert_false (name[0] == '\'');
          g_assert_false (g_hash_table_contains (seen, name));
          g_hash_table_add (seen, (gpointer) name);
        }
    }

  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/table", test_table);
  g_test_add_func ("/xlsx/sheet-names", test_sheet_names);
  g_test_add ("/xlsx/openpyxl", Fixture, NULL, fixture_set_up, test_openpyxl, fixture_tear_down);
  g_test_add ("/xlsx/libreoffice", Fixture, NULL, fixture_set_up, test_libreoffice, fixture_tear_down);
  g_test_add ("/xlsx/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);
  g_test_add ("/xlsx/sign-in", Fixture, NULL, fixture_set_up, test_sign_in, fixture_tear_down);
  g_test_add ("/xlsx/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
