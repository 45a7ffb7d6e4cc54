/* test-crash.c — a writer killed at random moments loses nothing it committed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promise: whatever the ledger said was saved is there after a crash,
 * and the file is never left damaged or half-written. The test starts a
 * child, which drives the core through writes on a
 * real SQLite file, the way the window and the command line do: new
 * meetings with attendance (SlLedger), attendance edits, archive imports
 * (sl_archive_import_data) and roster imports. After each write has
 * committed, the child prints one line that names it on its standard
 * output, a pipe; it fsyncs nothing and never closes the ledger. The
 * parent kills it with SIGKILL at a random moment (before the first write,
 * right after a committed one, or anywhere in a run of them), then opens
 * the ledger as the next start of the application would, and checks:
 *
 *   - SQLite's integrity check and foreign-key check pass (sl_database_check);
 *   - every write the child reported is there: every meeting, every
 *     attendance row with its latest reported edit or a later one, every
 *     member that a roster or an archive brought;
 *   - every meeting in the file, reported or not, is whole: its title says
 *     how many attendance rows were saved with it (a transaction is all
 *     or nothing).
 *
 * What was reported is kept for the rest of the run, so a write must also
 * survive all the crashes after it. The number of kills is at least 200
 * (SL_CRASH_KILLS for more); the kill moments and the children's choices
 * come from the GTest seed, so a failing run is repeated with --seed.
 * Every fourth child is this program run afresh with --child (exec: the
 * start of the application as it really happens); the others are forked
 * from the parent, which has no ledger open then, so that 200 kills fit
 * in well under a minute even in the sanitized build.
 * A write may be committed and not yet reported when the kill comes: the
 * checks allow for that one (an edit's value may be newer than reported).
 */

#include "config.h"

#include <fcntl.h>
#include <glib-unix.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "reliability-util.h"
#include "sl-archive.h"
#include "sl-csv-reader.h"
#include "sl-roster-import.h"

#define CRASH_ORGANIZATION "c2a5b0e1-0000-4000-8000-000000000001"
#define CRASH_ORGANIZATION_NAME "崩溃测试党支部"
#define CRASH_MEMBER_FMT "c2a5b0e1-0000-4000-8000-0000000001%02u"
#define CRASH_N_MEMBERS 8
#define MIN_KILLS 200

/* The child --------------------------------------------------------------- */

/* Where the child reports: its standard output when exec'd; the pipe when
 * forked, whose standard output still carries the parent's TAP stream. */
static int report_fd = STDOUT_FILENO;

static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

/* One write(2) per line: a pipe takes writes up to PIPE_BUF whole, so a
 * kill never leaves half a line. */
static void
report (const char *format,
        ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gssize length, done = 0;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  length = strlen (line);
  g_assert_cmpint (length, <, 4096);
  while (done < length)
    {
      gssize n = write (report_fd, line + done, length - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (4);
      done += n;
    }
}

static G_NORETURN void
child_fail (const char *what,
            GError     *error)
{
  g_printerr ("crash child: %s: %s\n", what, error ? error->message : "(no error)");
  _exit (3);
}

static char *
crash_member (guint i)
{
  return g_strdup_printf (CRASH_MEMBER_FMT, i);
}

static void
child_set_up (SlLedger *ledger)
{
  g_autoptr(SlOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;

  if (sl_ledger_find_organization (ledger, CRASH_ORGANIZATION) != NULL)
    return;

  if (!sl_ledger_begin (ledger, &error))
    child_fail ("begin", error);

  organization = sl_organization_new ();
  sl_record_set_id (SL_RECORD (organization), CRASH_ORGANIZATION);
  sl_organization_set_name (organization, CRASH_ORGANIZATION_NAME);
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_BRANCH);
  if (!sl_ledger_save_organization (ledger, organization, &error))
    child_fail ("organization", error);

  for (guint i = 0; i < CRASH_N_MEMBERS; i++)
    {
      g_autoptr(SlMember) member = sl_member_new ();
      g_autofree char *id = crash_member (i);
      g_autofree char *name = g_strdup_printf ("固定成员%u", i);

      sl_record_set_id (SL_RECORD (member), id);
      sl_member_set_name (member, name);
      sl_member_set_organization (member, CRASH_ORGANIZATION);
      sl_member_set_sort (member, i);
      if (!sl_ledger_save_member (ledger, member, &error))
        child_fail ("member", error);
    }

  if (!sl_ledger_commit (ledger, &error))
    child_fail ("commit", error);
  report ("S\n");
}

static GPtrArray *
child_load_meetings (SlLedger *ledger)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = sl_database_prepare (sl_ledger_get_database (ledger),
                              "SELECT uuid FROM meetings ORDER BY id DESC LIMIT 100", &error);
  if (stmt == NULL)
    child_fail ("meetings", error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (sl_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  return ids;
}

static char *
random_date (GRand *rand)
{
  return g_strdup_printf ("2023-%02d-%02d", g_rand_int_range (rand, 1, 13),
                          g_rand_int_range (rand, 1, 29));
}

static void
child_new_meeting (SlLedger  *ledger,
                   GRand     *rand,
                   GPtrArray *meetings,
                   guint      generation,
                   guint      step)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  g_autoptr(SlStudy) study = sl_study_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *date = random_date (rand);
  g_autofree char *reason = g_strdup_printf ("seq %u.%u", generation, step);
  guint n = g_rand_int_range (rand, 1, CRASH_N_MEMBERS + 1);
  g_autofree char *title = g_strdup_printf ("会议 %u.%u n=%u", generation, step, n);
  const char *id = sl_record_get_id (SL_RECORD (meeting));

  sl_meeting_set_organization (meeting, CRASH_ORGANIZATION);
  sl_meeting_set_kind (meeting, g_rand_boolean (rand) ? SL_MEETING_KIND_PARTY_GROUP
                                                      : SL_MEETING_KIND_CENTRAL_GROUP);
  sl_meeting_set_date (meeting, date);
  sl_meeting_set_title (meeting, title);
  sl_meeting_set_theme (meeting, "学习贯彻党的二十大精神，推动高质量发展");
  sl_study_set_title (study, "第一议题：学习重要讲话精神");
  sl_study_set_first_topic (study, TRUE);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_studies (meeting)), study);

  g_string_append_printf (line, "M %s %u %u", id, generation, step);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlAttendance) row = sl_attendance_new ();
      g_autofree char *member = crash_member (i);

      sl_attendance_set_member (row, member);
      sl_attendance_set_status (row, g_rand_int_range (rand, 1, 4));
      sl_attendance_set_reason (row, reason);
      g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), row);
      g_string_append_printf (line, " %s", member);
    }

  if (!sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error))
    child_fail ("save meeting", error);

  report ("%s\n", line->str);
  g_ptr_array_add (meetings, g_strdup (id));
}

static void
child_edit_attendance (SlLedger  *ledger,
                       GRand     *rand,
                       GPtrArray *meetings,
                       guint      generation,
                       guint      step)
{
  const char *id = g_ptr_array_index (meetings, g_rand_int_range (rand, 0, meetings->len));
  g_autoptr(GError) error = NULL;
  g_autoptr(SlMeeting) meeting = sl_ledger_load_meeting (ledger, id, &error);
  g_autoptr(SlAttendance) row = NULL;
  g_autofree char *reason = g_strdup_printf ("seq %u.%u", generation, step);
  GListModel *attendance;

  if (meeting == NULL)
    child_fail ("load meeting", error);
  attendance = sl_meeting_get_attendance (meeting);
  if (g_list_model_get_n_items (attendance) == 0)
    child_fail ("meeting without attendance", NULL);

  row = g_list_model_get_item (attendance, g_rand_int_range (rand, 0, g_list_model_get_n_items (attendance)));
  sl_attendance_set_status (row, g_rand_int_range (rand, 1, 4));
  sl_attendance_set_reason (row, reason);
  if (sl_attendance_get_status (row) == SL_ATTENDANCE_STATUS_LEAVE)
    sl_attendance_set_leave_kind (row, SL_LEAVE_KIND_SICK);

  if (!sl_ledger_save_meeting (ledger, meeting, SL_SAVE_REPLACE, &error))
    child_fail ("edit attendance", error);

  report ("A %s %u %u %s\n", id, generation, step, sl_attendance_get_member (row));
}

static void
child_import_archive (SlLedger  *ledger,
                      GRand     *rand,
                      GPtrArray *meetings,
                      guint      generation,
                      guint      step)
{
  g_autofree char *meeting = g_uuid_string_random ();
  g_autofree char *member = g_uuid_string_random ();
  g_autofree char *study = g_uuid_string_random ();
  g_autofree char *measure = g_uuid_string_random ();
  g_autofree char *fixed = crash_member (0);
  g_autofree char *date = g_strdup_printf ("2023-%02d-%02d", g_rand_int_range (rand, 1, 13),
                                           g_rand_int_range (rand, 1, 20));
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  SlArchiveCounts counts = { 0 };

  json = g_strdup_printf (
    "{ \"format\": \"study-ledger-archive\", \"version\": 1,\n"
    "  \"members\": [ { \"id\": \"%s\", \"name\": \"档案成员 %u.%u\", \"organization\": \"%s\" } ],\n"
    "  \"meetings\": [ { \"id\": \"%s\", \"organization\": \"%s\", \"kind\": \"central_group\",\n"
    "    \"date\": \"%s\", \"title\": \"档案会议 %u.%u n=2\", \"start\": \"09:00\", \"end\": \"11:00\",\n"
    "    \"studies\": [ { \"id\": \"%s\", \"title\": \"专题学习\", \"first_topic\": true } ],\n"
    "    \"attendance\": [\n"
    "      { \"member\": \"%s\", \"status\": \"leave\", \"leave_kind\": \"official\", \"reason\": \"seq %u.%u\",\n"
    "        \"makeup\": { \"on\": \"2023-12-28\", \"method\": \"自学\", \"evidence\": \"笔记\" } },\n"
    "      { \"member\": \"%s\", \"status\": \"present\", \"reason\": \"seq %u.%u\" } ],\n"
    "    \"measures\": [ { \"id\": \"%s\", \"text\": \"抓好落实\", \"status\": \"open\" } ] } ] }\n",
    member, generation, step, CRASH_ORGANIZATION,
    meeting, CRASH_ORGANIZATION, date, generation, step, study,
    member, generation, step, fixed, generation, step, measure);

  if (!sl_archive_import_data (ledger, json, strlen (json), "crash.json", FALSE, &counts, &error))
    child_fail ("import archive", error);

  report ("X %s %u %u %s %s\n", meeting, generation, step, member, fixed);
  g_ptr_array_add (meetings, g_strdup (meeting));
}

static void
child_import_roster (SlLedger *ledger,
                     GRand    *rand,
                     guint     generation,
                     guint     step)
{
  g_autofree char *name = g_strdup_printf ("名册成员G%uS%u", generation, step);
  g_autofree char *csv = g_strdup_printf ("姓名,性别,职务,所属支部,入党时间\r\n"
                                          "%s,%s,科员,%s,2010年7月1日\r\n",
                                          name, g_rand_boolean (rand) ? "男" : "女",
                                          CRASH_ORGANIZATION_NAME);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SlRosterCounts counts = { 0 };

  rows = sl_roster_parse ((const guint8 *) csv, strlen (csv), &error);
  if (rows == NULL)
    child_fail ("parse roster", error);
  if (!sl_roster_import_rows (ledger, rows, NULL, &counts, &error))
    child_fail ("import roster", error);
  if (counts.added != 1)
    child_fail ("roster member not added", NULL);

  report ("R %s\n", name);
}

static G_NORETURN int
child_main (const char *path,
            guint       generation,
            guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  ledger = sl_ledger_open (path, &error);
  if (ledger == NULL)
    child_fail ("open", error);
  report ("O\n");

  child_set_up (ledger);
  meetings = child_load_meetings (ledger);

  /* Until killed. */
  for (guint step = 1;; step++)
    {
      int op = g_rand_int_range (rand, 0, 10);

      if (op < 4 || meetings->len == 0)
        child_new_meeting (ledger, rand, meetings, generation, step);
      else if (op < 7)
        child_edit_attendance (ledger, rand, meetings, generation, step);
      else if (op < 9)
        child_import_archive (ledger, rand, meetings, generation, step);
      else
        child_import_roster (ledger, rand, generation, step);
    }
}

/* The parent --------------------------------------------------------------- */

typedef struct
{
  guint generation;
  guint step;
} Seq;

typedef struct
{
  GHashTable *meetings;   /* uuid → itself */
  GHashTable *members;    /* uuid or name → itself */
  GHashTable *pairs;      /* "meeting member" → Seq, the latest reported */
  guint       writes;
  guint       setups;
} Expected;

static gboolean
seq_parse (const char *text,
           Seq        *seq)
{
  return text != NULL && sscanf (text, "seq %u.%u", &seq->generation, &seq->step) == 2;
}

static int
seq_compare (const Seq *a,
             const Seq *b)
{
  if (a->generation != b->generation)
    return a->generation < b->generation ? -1 : 1;
  if (a->step != b->step)
    return a->step < b->step ? -1 : 1;
  return 0;
}

static void
expect_pair (Expected   *expected,
             const char *meeting,
             const char *member,
             guint       generation,
             guint       step)
{
  char *key = g_strdup_printf ("%s %s", meeting, member);
  Seq *seq = g_hash_table_lookup (expected->pairs, key);

  if (seq == NULL)
    {
      seq = g_new0 (Seq, 1);
      g_hash_table_insert (expected->pairs, key, seq);
    }
  else
    g_free (key);

  seq->generation = generation;
  seq->step = step;
}

/* One line the child printed after a commit. */
static void
expect_line (Expected   *expected,
             const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n = g_strv_length (words);

  g_assert_cmpuint (n, >=, 1);
  switch (words[0][0])
    {
    case 'O':
      return;

    case 'S':
      expected->setups++;
      break;

    case 'M':
    case 'X':
      {
        guint generation, step;

        g_assert_cmpuint (n, >=, 5);
        generation = atoi (words[2]);
        step = atoi (words[3]);
        g_hash_table_add (expected->meetings, g_strdup (words[1]));
        for (guint i = 4; i < n; i++)
          {
            expect_pair (expected, words[1], words[i], generation, step);
            g_hash_table_add (expected->members, g_strdup (words[i]));
          }
      }
      break;

    case 'A':
      g_assert_cmpuint (n, ==, 5);
      expect_pair (expected, words[1], words[4], atoi (words[2]), atoi (words[3]));
      break;

    case 'R':
      g_assert_cmpuint (n, ==, 2);
      g_hash_table_add (expected->members, g_strdup (words[1]));
      break;

    default:
      g_error ("unknown line from the child: %s", line);
    }

  expected->writes++;
}

typedef struct
{
  GString *buffer;
  guint    lines;     /* complete lines seen from this child */
  guint    writes;    /* of which writes (not "O") */
} ChildOutput;

static void
take_lines (Expected    *expected,
            ChildOutput *output)
{
  char *newline;

  while ((newline = memchr (output->buffer->str, '\n', output->buffer->len)) != NULL)
    {
      g_autofree char *line = g_strndup (output->buffer->str, newline - output->buffer->str);

      g_string_erase (output->buffer, 0, newline - output->buffer->str + 1);
      expect_line (expected, line);
      output->lines++;
      if (line[0] != 'O')
        output->writes++;
    }
}

/* Reads what the child printed until @deadline (monotonic µs) or until
 * @until_writes writes were reported (0: only the deadline counts). A
 * child that ends by itself failed a write: its message is on stderr. */
static gboolean
read_until (GPid         pid,
            guint        number,
            int          fd,
            Expected    *expected,
            ChildOutput *output,
            gint64       deadline,
            guint        until_writes)
{
  while (until_writes == 0 || output->writes < until_writes)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      struct pollfd pfd = { fd, POLLIN, 0 };
      char chunk[4096];
      gssize n;
      int rc;

      if (left <= 0)
        return FALSE;

      rc = poll (&pfd, 1, (int) MAX (1, left / 1000));
      if (rc < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (rc, >=, 0);
      if (rc == 0)
        continue;

      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int status = 0;

          waitpid (pid, &status, 0);
          g_error ("child %u ended by itself (wait status %d) before it was killed: "
                   "a write failed, see its message above", number, status);
        }

      g_string_append_len (output->buffer, chunk, n);
      take_lines (expected, output);
    }

  return TRUE;
}

static void
drain (int          fd,
       Expected    *expected,
       ChildOutput *output)
{
  char chunk[4096];
  gssize n;

  while ((n = read (fd, chunk, sizeof chunk)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (output->buffer, chunk, n);
    }
  take_lines (expected, output);
  /* write(2) of a line to a pipe is atomic: nothing half is left. */
  g_assert_cmpuint (output->buffer->len, ==, 0);
}

static void
verify (const char *path,
        Expected   *expected,
        guint       kill_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) meetings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;

  /* The first child may be killed before the file exists at all. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpuint (expected->writes, ==, 0);
      return;
    }

  db = sl_database_open (path, &error);
  if (db == NULL)
    g_error ("after kill %u the ledger does not open: %s", kill_number, error->message);

  problems = sl_database_check (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("after kill %u: %s\n", kill_number, (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  /* Every meeting is whole: as many attendance rows as its title says. */
  stmt = sl_database_prepare (db,
                              "SELECT m.uuid, m.title, count (a.member_id) FROM meetings m "
                              "LEFT JOIN attendance a ON a.meeting_id = m.id GROUP BY m.id",
                              &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *title = sl_column_text (stmt, 1);
      const char *n = title ? strstr (title, " n=") : NULL;

      g_assert_nonnull (n);
      if ((guint) atoi (n + 3) != (guint) sqlite3_column_int (stmt, 2))
        g_error ("after kill %u, meeting “%s” has %d attendance rows", kill_number, title,
                 sqlite3_column_int (stmt, 2));
      g_hash_table_add (meetings, g_strdup (sl_column_text (stmt, 0)));
    }
  sqlite3_reset (stmt);

  stmt = sl_database_prepare (db, "SELECT uuid, name FROM members", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_hash_table_add (members, g_strdup (sl_column_text (stmt, 0)));
      g_hash_table_add (members, g_strdup (sl_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  stmt = sl_database_prepare (db,
                              "SELECT m.uuid || ' ' || p.uuid, a.reason FROM attendance a "
                              "JOIN meetings m ON m.id = a.meeting_id "
                              "JOIN members p ON p.id = a.member_id",
                              &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (reasons, g_strdup (sl_column_text (stmt, 0)),
                         g_strdup (sl_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  g_hash_table_iter_init (&iter, expected->meetings);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (meetings, key))
      g_error ("after kill %u the reported meeting %s is lost", kill_number, (char *) key);

  g_hash_table_iter_init (&iter, expected->members);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (members, key))
      g_error ("after kill %u the reported member %s is lost", kill_number, (char *) key);

  g_hash_table_iter_init (&iter, expected->pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *reason = g_hash_table_lookup (reasons, key);
      Seq found;

      if (reason == NULL || !seq_parse (reason, &found))
        g_error ("after kill %u the reported attendance %s is lost", kill_number, (char *) key);
      /* Newer is allowed: a write may commit just before its report. */
      if (seq_compare (&found, value) < 0)
        g_error ("after kill %u the attendance %s went back from seq %u.%u to %s",
                 kill_number, (char *) key, ((Seq *) value)->generation,
                 ((Seq *) value)->step, reason);
    }
}

static void
test_kill_writer (void)
{
  g_autofree char *folder = make_temp_folder ("sl-crash-XXXXXX");
  g_autofree char *path = g_build_filename (folder, "ledger.db", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *kills_text = g_getenv ("SL_CRASH_KILLS");
  guint kills = kills_text ? MAX ((guint) atoi (kills_text), 1) : MIN_KILLS;
  Expected expected = { 0 };
  gint64 start = g_get_monotonic_time ();
  guint by_mode[3] = { 0 };
  gint64 checking = 0;

  g_assert_nonnull (self);
  expected.meetings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  expected.members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  expected.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint k = 0; k < kills; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *generation = g_strdup_printf ("%u", k + 1);
      g_autofree char *seed = g_strdup_printf ("%u", (guint32) g_test_rand_int ());
      const char *argv[] = { self, "--child", path, generation, seed, NULL };
      ChildOutput output = { g_string_new (NULL), 0, 0 };
      int mode = g_test_rand_int_range (0, 3);
      int out_fd = -1;
      int wait_status = 0;
      GPid pid;

      if (k % 4 == 0)
        {
          g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
          g_assert_no_error (error);
        }
      else
        {
          int fds[2];

          g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, NULL));
          pid = fork ();
          g_assert_cmpint (pid, >=, 0);
          if (pid == 0)
            {
              /* No ledger is open in the parent now: nothing to share.
               * GTest's messages must not reach the parent's TAP. */
              int null = open ("/dev/null", O_WRONLY);

              dup2 (null, STDOUT_FILENO);
              close (null);
              close (fds[0]);
              report_fd = fds[1];
              /* The ids of new records come from GLib's random numbers:
               * a forked child must not repeat its siblings'. */
              g_random_set_seed ((guint32) strtoul (seed, NULL, 10) ^ (guint32) getpid ());
              child_main (path, k + 1, (guint32) strtoul (seed, NULL, 10));
              _exit (0);
            }
          close (fds[1]);
          out_fd = fds[0];
        }

      switch (mode)
        {
        case 0:
          /* Any moment of its life, opening included. */
          read_until (pid, k + 1, out_fd, &expected, &output,
                      g_get_monotonic_time () + g_test_rand_int_range (0, 40000), 0);
          break;

        case 1:
          /* Soon after the first committed write. */
          if (!read_until (pid, k + 1, out_fd, &expected, &output,
                           g_get_monotonic_time () + 30 * G_USEC_PER_SEC, 1))
            g_error ("child %u wrote nothing in 30 s", k + 1);
          read_until (pid, k + 1, out_fd, &expected, &output,
                      g_get_monotonic_time () + g_test_rand_int_range (0, 3000), 0);
          break;

        case 2:
          /* Right after the n-th report: most likely inside the next
           * transaction. */
          if (!read_until (pid, k + 1, out_fd, &expected, &output,
                           g_get_monotonic_time () + 30 * G_USEC_PER_SEC,
                           g_test_rand_int_range (1, 20)))
            g_error ("child %u stopped writing", k + 1);
          break;

        default:
          g_assert_not_reached ();
        }

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
      g_spawn_close_pid (pid);
      if (!WIFSIGNALED (wait_status) || WTERMSIG (wait_status) != SIGKILL)
        g_error ("child %u ended by itself (status %d) before it was killed", k + 1, wait_status);

      drain (out_fd, &expected, &output);
      close (out_fd);
      g_string_free (output.buffer, TRUE);
      by_mode[mode]++;

      checking -= g_get_monotonic_time ();
      verify (path, &expected, k + 1);
      checking += g_get_monotonic_time ();
    }

  g_test_message ("%u kills (%u anywhere, %u after the first write, %u amid writes) "
                  "in %.1f s (%.1f s of it checking): %u writes reported, %u meetings, "
                  "%u attendance rows, %u members checked after each",
                  kills, by_mode[0], by_mode[1], by_mode[2],
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                  checking / (double) G_USEC_PER_SEC,
                  expected.writes, g_hash_table_size (expected.meetings),
                  g_hash_table_size (expected.pairs), g_hash_table_size (expected.members));
  g_assert_cmpuint (expected.setups, >=, 1);
  g_assert_cmpuint (expected.writes, >, kills);

  g_hash_table_unref (expected.meetings);
  g_hash_table_unref (expected.members);
  g_hash_table_unref (expected.pairs);
  remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], (guint) atoi (argv[3]), (guint32) strtoul (argv[4], NULL, 10));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-writer", test_kill_writer);

  return g_test_run ();
}
