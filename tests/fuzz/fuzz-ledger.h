/* fuzz-ledger.h — a small ledger in a temporary folder for the fuzz targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One ledger per target and process, made on the first input and reused:
 * each input runs inside a transaction that is rolled back afterwards, so
 * every input sees the same records and the file never grows. The ids are
 * fixed, so that corpus files can refer to the ledger's records.
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "sl-attendance.h"
#include "sl-ledger.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-speech.h"
#include "sl-study.h"

#define FUZZ_ORGANIZATION "0b7c5e1a-7d3f-4c1e-9a55-000000000001"
#define FUZZ_MEMBER_FMT   "0b7c5e1a-7d3f-4c1e-9a55-0000000001%02u"
#define FUZZ_N_MEMBERS    4

typedef struct
{
  char     *folder;
  SlLedger *ledger;
} FuzzLedger;

/* Stops the process with a message: a fuzz finding. */
#define FUZZ_FAIL(...)                                                   \
  G_STMT_START {                                                       \
    fprintf (stderr, "fuzz finding: " __VA_ARGS__);                    \
    fputc ('\n', stderr);                                              \
    abort ();                                                          \
  } G_STMT_END

#define FUZZ_CHECK(condition, error)                                     \
  G_STMT_START {                                                       \
    if (!(condition))                                                  \
      FUZZ_FAIL ("%s: %s", #condition, (error) ? (error)->message : "(no error)"); \
  } G_STMT_END

static void
fuzz_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          fuzz_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fuzz_add_meeting (SlLedger   *ledger,
                  const char *id,
                  const char *date,
                  const char *title,
                  const char *study,
                  const char *speech,
                  const char *measure)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlStudy) s = sl_study_new ();
  g_autoptr(SlSpeech) p = sl_speech_new ();
  g_autoptr(SlMeasure) m = sl_measure_new ();
  g_autoptr(GError) error = NULL;

  sl_record_set_id (SL_RECORD (meeting), id);
  sl_meeting_set_organization (meeting, FUZZ_ORGANIZATION);
  sl_meeting_set_kind (meeting, SL_MEETING_KIND_CENTRAL_GROUP);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, title);
  sl_meeting_set_theme (meeting, "学习贯彻习近平新时代中国特色社会主义思想 Theme");

  for (guint i = 0; i < FUZZ_N_MEMBERS; i++)
    {
      g_autoptr(SlAttendance) row = sl_attendance_new ();
      g_autofree char *member = g_strdup_printf (FUZZ_MEMBER_FMT, i);

      sl_attendance_set_member (row, member);
      sl_attendance_set_status (row, i == 3 ? SL_ATTENDANCE_STATUS_LEAVE : SL_ATTENDANCE_STATUS_PRESENT);
      g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), row);
    }

  sl_study_set_title (s, study);
  sl_study_set_summary (s, "结合实际，研究部署落实措施。\r\n第二行 with ASCII words.");
  sl_study_set_first_topic (s, TRUE);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), s);
  sl_speech_set_points (p, speech);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_speeches (meeting)), p);
  sl_measure_set_text (m, measure);
  sl_measure_set_status (m, SL_MEASURE_STATUS_OPEN);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_measures (meeting)), m);

  if (!sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error))
    FUZZ_FAIL ("cannot set up the ledger: %s", error->message);
}

/* Makes the ledger on first use: one organization, four members, three
 * meetings with studies, speeches and measures. */
static SlLedger *
fuzz_ledger_get (FuzzLedger *fuzz)
{
  static const char *names[] = { "王芳", "李明", "Zhang Wei", "欧阳　娜" };
  g_autoptr(SlOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (fuzz->ledger != NULL)
    return fuzz->ledger;

  fuzz->folder = g_dir_make_tmp ("sl-fuzz-XXXXXX", &error);
  if (fuzz->folder == NULL)
    FUZZ_FAIL ("cannot make a folder: %s", error->message);
  path = g_build_filename (fuzz->folder, "ledger.db", NULL);
  fuzz->ledger = sl_ledger_open (path, &error);
  if (fuzz->ledger == NULL)
    FUZZ_FAIL ("cannot open a ledger: %s", error->message);

  organization = sl_organization_new ();
  sl_record_set_id (SL_RECORD (organization), FUZZ_ORGANIZATION);
  sl_organization_set_name (organization, "机关第一党支部");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_BRANCH);
  if (!sl_ledger_save_organization (fuzz->ledger, organization, &error))
    FUZZ_FAIL ("cannot set up the ledger: %s", error->message);

  for (guint i = 0; i < FUZZ_N_MEMBERS; i++)
    {
      g_autoptr(SlMember) member = sl_member_new ();
      g_autofree char *id = g_strdup_printf (FUZZ_MEMBER_FMT, i);

      sl_record_set_id (SL_RECORD (member), id);
      sl_member_set_name (member, names[i]);
      sl_member_set_organization (member, FUZZ_ORGANIZATION);
      sl_member_set_sort (member, i);
      if (!sl_ledger_save_member (fuzz->ledger, member, &error))
        FUZZ_FAIL ("cannot set up the ledger: %s", error->message);
    }

  fuzz_add_meeting (fuzz->ledger, "0b7c5e1a-7d3f-4c1e-9a55-000000000201", "2023-03-05",
                    "党组理论学习中心组2023年第一次集中学习", "学习党的二十大精神",
                    "要把学习成果转化为推动高质量发展的实际行动", "制定“学习月”活动方案");
  fuzz_add_meeting (fuzz->ledger, "0b7c5e1a-7d3f-4c1e-9a55-000000000202", "2023-06-12",
                    "生态文明 专题研讨", "Study on ecological civilization, \"quoted\"",
                    "生态优先，绿色发展；AND OR NOT NEAR(a b) * ^ - :", "measure 100% done_");
  fuzz_add_meeting (fuzz->ledger, "0b7c5e1a-7d3f-4c1e-9a55-000000000203", "2023-09-20",
                    NULL, "意识形态工作责任制", "😀 emoji 👍🏽 and a tab\there", "整改落实");

  return fuzz->ledger;
}

static void
fuzz_ledger_clear (FuzzLedger *fuzz)
{
  g_clear_object (&fuzz->ledger);
  if (fuzz->folder != NULL)
    fuzz_remove_tree (fuzz->folder);
  g_clear_pointer (&fuzz->folder, g_free);
}
