/* test-records.c — the record objects */
#include "config.h"
#include "sl-attendance.h"
#include "sl-branch-report.h"
#include "sl-guest.h"
#include "sl-measure.h"
#include "sl-meeting.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-plan.h"
#include "sl-plan-item.h"
#include "sl-research-topic.h"
#include "sl-speech.h"
#include "sl-study.h"
#include "sl-study-note.h"
#include "sl-talk.h"
#include "sl-topic.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* Each CHECK_* sets a property through its setter, reads it back through
 * the getter and g_object_get(), and counts notify: once for a change,
 * never for the same value again (a copy, so that contents are compared,
 * not pointers), once more for the reset, once for g_object_set().
 */
#define CHECK_STRING(object, prefix, field, name, value)                  \
  G_STMT_START {                                                        \
    g_autofree char *got = NULL;                                        \
    g_autofree char *copy = g_strdup (value);                           \
    guint n_notify = 0;                                                 \
    gulong handler = g_signal_connect (object, "notify::" name,         \
                                       G_CALLBACK (count_notify),       \
                                       &n_notify);                      \
    prefix##_set_##field (object, value);                               \
    g_assert_cmpstr (prefix##_get_##field (object), ==, value);         \
    g_object_get (object, name, &got, NULL);                            \
    g_assert_cmpstr (got, ==, value);                                   \
    g_assert_cmpint (n_notify, ==, 1);                                  \
    prefix##_set_##field (object, copy);                                \
    g_assert_cmpint (n_notify, ==, 1);                                  \
    prefix##_set_##field (object, NULL);                                \
    g_assert_cmpstr (prefix##_get_##field (object), ==, NULL);          \
    g_assert_cmpint (n_notify, ==, 2);                                  \
    g_object_set (object, name, value, NULL);                           \
    g_assert_cmpstr (prefix##_get_##field (object), ==, value);         \
    g_assert_cmpint (n_notify, ==, 3);                                  \
    g_signal_handler_disconnect (object, handler);                      \
  } G_STMT_END

#define CHECK_SCALAR(object, prefix, field, name, ctype, value, unset)   \
  G_STMT_START {                                                        \
    ctype got = unset;                                                  \
    guint n_notify = 0;                                                 \
    gulong handler = g_signal_connect (object, "notify::" name,         \
                                       G_CALLBACK (count_notify),       \
                                       &n_notify);                      \
    prefix##_set_##field (object, value);                               \
    g_assert_cmpint (prefix##_get_##field (object), ==, value);         \
    g_object_get (object, name, &got, NULL);                            \
    g_assert_cmpint (got, ==, value);                                   \
    g_assert_cmpint (n_notify, ==, 1);                                  \
    prefix##_set_##field (object, value);                               \
    g_assert_cmpint (n_notify, ==, 1);                                  \
    prefix##_set_##field (object, unset);                               \
    g_assert_cmpint (prefix##_get_##field (object), ==, unset);         \
    g_assert_cmpint (n_notify, ==, 2);                                  \
    g_object_set (object, name, value, NULL);                           \
    g_assert_cmpint (prefix##_get_##field (object), ==, value);         \
    g_assert_cmpint (n_notify, ==, 3);                                  \
    g_signal_handler_disconnect (object, handler);                      \
  } G_STMT_END

#define CHECK_BOOL(object, prefix, field, name) \
  CHECK_SCALAR (object, prefix, field, name, gboolean, TRUE, FALSE)
#define CHECK_INT(object, prefix, field, name, value) \
  CHECK_SCALAR (object, prefix, field, name, int, value, 0)
/* g_object_get() stores an enum as a gint. */
#define CHECK_ENUM(object, prefix, field, name, value) \
  CHECK_SCALAR (object, prefix, field, name, int, value, 0)

/* Properties every record class has in common: a writable property set to
 * the value it already holds does not notify, and every property is
 * declared with explicit notify and static strings.
 */
static void
check_no_spurious_notify (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  guint n_notify = 0;

  g_signal_connect (object, "notify", G_CALLBACK (count_notify), &n_notify);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true ((pspec->flags & G_PARAM_STATIC_STRINGS) == G_PARAM_STATIC_STRINGS);

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);
      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpint (n_notify, ==, 0);
    }

  g_signal_handlers_disconnect_by_func (object, count_notify, &n_notify);
}

static void
test_member_properties (void)
{
  g_autoptr(SlMember) member = sl_member_new ();

  g_assert_true (sl_is_uuid (sl_record_get_id (SL_RECORD (member))));
  sl_member_set_name (member, "王芳");
  g_assert_cmpstr (sl_member_get_name (member), ==, "王芳");
}

static void
test_organization_properties (void)
{
  g_autoptr(SlOrganization) org = sl_organization_new ();

  g_assert_true (sl_is_uuid (sl_record_get_id (SL_RECORD (org))));
  g_assert_cmpint (sl_organization_get_kind (org), ==, SL_ORGANIZATION_KIND_NONE);

  CHECK_STRING (org, sl_organization, name, "name", "中共某某局机关第一支部委员会");
  CHECK_ENUM (org, sl_organization, kind, "kind", SL_ORGANIZATION_KIND_BRANCH);
  CHECK_STRING (org, sl_organization, parent, "parent", "0b8f2b4e-4a4d-4f6e-9a57-3c1d2e5f6a7b");

  check_no_spurious_notify (G_OBJECT (org));
}

static void
test_plan_properties (void)
{
  g_autoptr(SlPlan) plan = sl_plan_new ();
  g_autoptr(SlPlanItem) item = sl_plan_item_new ();
  g_autoptr(GListModel) items = NULL;
  GListModel *model;
  SlPlanItem *first;

  g_assert_cmpint (sl_plan_get_year (plan), ==, 0);

  CHECK_STRING (plan, sl_plan, organization, "organization", "org-1");
  CHECK_INT (plan, sl_plan, year, "year", 2023);
  CHECK_STRING (plan, sl_plan, title, "title", "2023年党组理论学习中心组学习计划");
  CHECK_STRING (plan, sl_plan, guiding, "guiding", "坚持以……为指导，\n深入学习。");
  CHECK_STRING (plan, sl_plan, focus, "focus", "学习重点");
  CHECK_STRING (plan, sl_plan, forms, "forms", "集中学习、专题研讨");
  CHECK_STRING (plan, sl_plan, requirements, "requirements", "学习要求");

  model = sl_plan_get_items (plan);
  g_assert_true (G_IS_LIST_STORE (model));
  g_assert_true (g_list_model_get_item_type (model) == SL_TYPE_PLAN_ITEM);
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 0);

  g_list_store_append (G_LIST_STORE (model), item);
  g_object_get (plan, "items", &items, NULL);
  g_assert_true (items == model);
  g_assert_cmpint (g_list_model_get_n_items (items), ==, 1);
  first = g_list_model_get_item (items, 0);
  g_assert_true (first == item);
  g_object_unref (first);

  check_no_spurious_notify (G_OBJECT (plan));
}

static void
test_plan_item_properties (void)
{
  static const char * const leads[] = { "member-1", "member-2", NULL };
  static const char * const speakers[] = { "member-3", NULL };
  g_autoptr(SlPlanItem) item = sl_plan_item_new ();
  g_auto(GStrv) got = NULL;
  g_auto(GStrv) copy = NULL;
  guint n_notify = 0;

  g_assert_true (sl_is_uuid (sl_record_get_id (SL_RECORD (item))));

  CHECK_INT (item, sl_plan_item, month, "month", 12);
  CHECK_STRING (item, sl_plan_item, planned_on, "planned-on", "2023-03-15");
  CHECK_STRING (item, sl_plan_item, theme, "theme", "学习主题");
  CHECK_STRING (item, sl_plan_item, content, "content", "学习内容");
  CHECK_ENUM (item, sl_plan_item, form, "form", SL_STUDY_FORM_SEMINAR);
  CHECK_STRING (item, sl_plan_item, scope, "scope", "党组成员");
  CHECK_STRING (item, sl_plan_item, department, "department", "办公室");
  CHECK_ENUM (item, sl_plan_item, status, "status", SL_PLAN_ITEM_STATUS_ADJUSTED);
  CHECK_STRING (item, sl_plan_item, note, "note", "备注");

  /* The vectors are never NULL, only empty. */
  g_assert_true (sl_plan_item_get_leads (item) != NULL);
  g_assert_true (sl_plan_item_get_leads (item)[0] == NULL);
  g_assert_true (sl_plan_item_get_speakers (item) != NULL);
  g_assert_true (sl_plan_item_get_speakers (item)[0] == NULL);

  g_signal_connect (item, "notify::leads", G_CALLBACK (count_notify), &n_notify);
  sl_plan_item_set_leads (item, leads);
  g_assert_true (g_strv_equal (sl_plan_item_get_leads (item), leads));
  g_object_get (item, "leads", &got, NULL);
  g_assert_true (g_strv_equal ((const char * const *) got, leads));
  g_assert_cmpint (n_notify, ==, 1);

  copy = g_strdupv ((char **) leads);
  sl_plan_item_set_leads (item, (const char * const *) copy);
  g_assert_cmpint (n_notify, ==, 1);

  sl_plan_item_set_leads (item, NULL);
  g_assert_true (sl_plan_item_get_leads (item) != NULL);
  g_assert_true (sl_plan_item_get_leads (item)[0] == NULL);
  g_assert_cmpint (n_notify, ==, 2);

  g_object_set (item, "leads", leads, NULL);
  g_assert_true (g_strv_equal (sl_plan_item_get_leads (item), leads));
  g_assert_cmpint (n_notify, ==, 3);

  sl_plan_item_set_speakers (item, speakers);
  g_assert_true (g_strv_equal (sl_plan_item_get_speakers (item), speakers));
  g_assert_true (g_strv_equal (sl_plan_item_get_leads (item), leads));
  g_assert_cmpint (n_notify, ==, 3);

  g_signal_handlers_disconnect_by_func (item, count_notify, &n_notify);

  check_no_spurious_notify (G_OBJECT (item));
}

static void
test_plan_item_month_range (void)
{
  g_autoptr(SlPlanItem) item = sl_plan_item_new ();

  sl_plan_item_set_month (item, 5);

  g_test_expect_message ("sl-plan-item", G_LOG_LEVEL_CRITICAL, "*month <= 12*");
  sl_plan_item_set_month (item, 13);
  g_test_assert_expected_messages ();

  g_assert_cmpint (sl_plan_item_get_month (item), ==, 5);
}

static void
test_meeting_properties (void)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();

  g_assert_true (sl_is_uuid (sl_record_get_id (SL_RECORD (meeting))));
  g_assert_cmpint (sl_meeting_get_kind (meeting), ==, SL_MEETING_KIND_NONE);
  g_assert_cmpint (sl_meeting_get_year (meeting), ==, 0);

  CHECK_STRING (meeting, sl_meeting, organization, "organization", "org-1");
  CHECK_ENUM (meeting, sl_meeting, kind, "kind", SL_MEETING_KIND_CENTRAL_GROUP);
  CHECK_INT (meeting, sl_meeting, sequence, "sequence", 3);
  CHECK_STRING (meeting, sl_meeting, title, "title", "2023年第3次党组理论学习中心组学习");
  CHECK_STRING (meeting, sl_meeting, date, "date", "2023-05-06");
  CHECK_STRING (meeting, sl_meeting, start, "start", "09:00");
  CHECK_STRING (meeting, sl_meeting, end, "end", "11:30");
  CHECK_STRING (meeting, sl_meeting, place, "place", "三楼会议室");
  CHECK_STRING (meeting, sl_meeting, chair, "chair", "member-1");
  CHECK_STRING (meeting, sl_meeting, recorder, "recorder", "member-2");
  CHECK_ENUM (meeting, sl_meeting, form, "form", SL_STUDY_FORM_COLLECTIVE_STUDY);
  CHECK_STRING (meeting, sl_meeting, theme, "theme", "主题");
  CHECK_BOOL (meeting, sl_meeting, expanded, "expanded");
  CHECK_STRING (meeting, sl_meeting, plan_item, "plan-item", "item-1");
  CHECK_STRING (meeting, sl_meeting, chair_summary, "chair-summary", "主持人总结：\n一、……");
  CHECK_STRING (meeting, sl_meeting, decisions, "decisions", "会议议定");
  CHECK_STRING (meeting, sl_meeting, note, "note", "备注");

  g_assert_cmpint (sl_meeting_get_year (meeting), ==, 2023);
  sl_meeting_set_date (meeting, "2023-02-30");
  g_assert_cmpint (sl_meeting_get_year (meeting), ==, 0);
  sl_meeting_set_date (meeting, NULL);
  g_assert_cmpint (sl_meeting_get_year (meeting), ==, 0);

  check_no_spurious_notify (G_OBJECT (meeting));
}

static void
check_child_list (SlMeeting  *meeting,
                  GListModel *model,
                  const char *name,
                  GType       item_type)
{
  g_autoptr(GListModel) got = NULL;
  g_autoptr(GObject) item = g_object_new (item_type, NULL);
  g_autoptr(GObject) first = NULL;

  g_assert_true (G_IS_LIST_STORE (model));
  g_assert_true (g_list_model_get_item_type (model) == item_type);
  g_object_get (meeting, name, &got, NULL);
  g_assert_true (got == model);

  g_list_store_append (G_LIST_STORE (model), item);
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_true (first == item);
}

static void
test_meeting_children (void)
{
  SlMeeting *meeting = sl_meeting_new ();
  GObject *study;

  check_child_list (meeting, sl_meeting_get_studies (meeting), "studies", SL_TYPE_STUDY);
  check_child_list (meeting, sl_meeting_get_attendance (meeting), "attendance", SL_TYPE_ATTENDANCE);
  check_child_list (meeting, sl_meeting_get_guests (meeting), "guests", SL_TYPE_GUEST);
  check_child_list (meeting, sl_meeting_get_speeches (meeting), "speeches", SL_TYPE_SPEECH);
  check_child_list (meeting, sl_meeting_get_measures (meeting), "measures", SL_TYPE_MEASURE);

  /* The meeting owns its rows: they go with it. */
  study = g_list_model_get_item (sl_meeting_get_studies (meeting), 0);
  g_object_add_weak_pointer (study, (gpointer *) &study);
  g_object_unref (study);
  g_assert_true (study != NULL);
  g_assert_finalize_object (meeting);
  g_assert_true (study == NULL);
}

static void
append_attendance (SlMeeting          *meeting,
                   SlAttendanceStatus  status)
{
  g_autoptr(SlAttendance) row = sl_attendance_new ();

  sl_attendance_set_status (row, status);
  g_list_store_append (G_LIST_STORE (sl_meeting_get_attendance (meeting)), row);
}

static void
test_meeting_count_attendance (void)
{
  g_autoptr(SlMeeting) meeting = sl_meeting_new ();
  guint expected = 99, present = 99, leave = 99, absent = 99;

  sl_meeting_count_attendance (meeting, &expected, &present, &leave, &absent);
  g_assert_cmpint (expected, ==, 0);
  g_assert_cmpint (present, ==, 0);
  g_assert_cmpint (leave, ==, 0);
  g_assert_cmpint (absent, ==, 0);

  append_attendance (meeting, SL_ATTENDANCE_STATUS_PRESENT);
  append_attendance (meeting, SL_ATTENDANCE_STATUS_LEAVE);
  append_attendance (meeting, SL_ATTENDANCE_STATUS_PRESENT);
  append_attendance (meeting, SL_ATTENDANCE_STATUS_ABSENT);
  append_attendance (meeting, SL_ATTENDANCE_STATUS_PRESENT);
  append_attendance (meeting, SL_ATTENDANCE_STATUS_LEAVE);
  /* Not filled in yet: expected, but in no column. */
  append_attendance (meeting, SL_ATTENDANCE_STATUS_NONE);

  sl_meeting_count_attendance (meeting, &expected, &present, &leave, &absent);
  g_assert_cmpint (expected, ==, 7);
  g_assert_cmpint (present, ==, 3);
  g_assert_cmpint (leave, ==, 2);
  g_assert_cmpint (absent, ==, 1);

  /* Any out-pointer may be NULL. */
  expected = absent = 99;
  sl_meeting_count_attendance (meeting, &expected, NULL, NULL, &absent);
  g_assert_cmpint (expected, ==, 7);
  g_assert_cmpint (absent, ==, 1);
  sl_meeting_count_attendance (meeting, NULL, NULL, NULL, NULL);
}

static void
test_study_properties (void)
{
  g_autoptr(SlStudy) study = sl_study_new ();

  g_assert_true (sl_is_uuid (sl_record_get_id (SL_RECORD (study))));

  CHECK_STRING (study, sl_study, title, "title", "《论党的自我革命》");
  CHECK_STRING (study, sl_study, source, "source", "求是");
  CHECK_STRING (study, sl_study, published_on, "published-on", "2023-07-01");
  CHECK_STRING (study, sl_study, lead, "lead", "member-1");
  CHECK_BOOL (study, sl_study, first_topic, "first-topic");
  CHECK_STRING (study, sl_study, summary, "summary", "学习要点");

  check_no_spurious_notify (G_OBJECT (study));
}

static void
test_attendance_properties (void)
{
  g_autoptr(SlAttendance) row = sl_attendance_new ();

  /* Not a record: attendance rows have no id. */
  g_assert_true (!SL_IS_RECORD (row));
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (row), "id") == NULL);
  g_assert_cmpint (sl_attendance_get_status (row), ==, SL_ATTENDANCE_STATUS_NONE);
  g_assert_cmpint (sl_attendance_get_leave_kind (row), ==, SL_LEAVE_KIND_NONE);

  CHECK_STRING (row, sl_attendance, member, "member", "member-1");
  CHECK_ENUM (row, sl_attendance, status, "status", SL_ATTENDANCE_STATUS_LEAVE);
  CHECK_ENUM (row, sl_attendance, leave_kind, "leave-kind", SL_LEAVE_KIND_SICK);
  CHECK_STRING (row, sl_attendance, reason, "reason", "住院");
  CHECK_BOOL (row, sl_attendance, late, "late");
  CHECK_BOOL (row, sl_attendance, left_early, "left-early");
  CHECK_BOOL (row, sl_attendance, has_makeup, "has-makeup");
  CHECK_STRING (row, sl_attendance, makeup_on, "makeup-on", "2023-05-10");
  CHECK_STRING (row, sl_attendance, makeup_method, "makeup-method", "自学");
  CHECK_STRING (row, sl_attendance, makeup_evidence, "makeup-evidence", "学习笔记");

  check_no_spurious_notify (G_OBJECT (row));
}

static void
test_attendance_made_up (void)
{
  g_autoptr(SlAttendance) row = sl_attendance_new ();

  g_assert_true (!sl_attendance_is_made_up (row));

  sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_LEAVE);
  g_assert_true (!sl_attendance_is_made_up (row));
  sl_attendance_set_has_makeup (row, TRUE);
  g_assert_true (sl_attendance_is_made_up (row));

  sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_ABSENT);
  g_assert_true (sl_attendance_is_made_up (row));

  /* A makeup only counts for someone who missed the meeting. */
  sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_PRESENT);
  g_assert_true (!sl_attendance_is_made_up (row));
  sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_NONE);
  g_assert_true (!sl_attendance_is_made_up (row));

  sl_attendance_set_status (row, SL_ATTENDANCE_STATUS_ABSENT);
  sl_attendance_set_has_makeup (row, FALSE);
  g_assert_true (!sl_attendance_is_made_up (row));
}

static void
test_guest_properties (void)
{
  g_autoptr(SlGuest) guest = sl_guest_new ();

  g_assert_true (!SL_IS_RECORD (guest));

  CHECK_STRING (guest, sl_guest, name, "name", "李明");
  CHECK_STRING (guest, sl_guest, post, "post", "纪检监察组组长");

  check_no_spurious_notify (G_OBJECT (guest));
}

static void
test_speech_properties (void)
{
  g_autoptr(SlSpeech) speech = sl_speech_new ();

  g_assert_true (!SL_IS_RECORD (speech));

  CHECK_STRING (speech, sl_speech, speaker, "speaker", "member-1");
  CHECK_STRING (speech, sl_speech, speaker_name, "speaker-name", "李明（列席）");
  CHECK_STRING (speech, sl_speech, points, "points", "一是……；二是……。");

  check_no_spurious_notify (G_OBJECT (speech));
}

static void
test_measure_properties (void)
{
  g_autoptr(SlMeasure) measure = sl_measure_new ();

  g_assert_true (sl_is_uuid (sl_record_get_id (SL_RECORD (measure))));

  CHECK_STRING (measure, sl_measure, text, "text", "建立学习台账");
  CHECK_STRING (measure, sl_measure, owner, "owner", "member-1");
  CHECK_STRING (measure, sl_measure, department, "department", "办公室");
  CHECK_STRING (measure, sl_measure, due_on, "due-on", "2023-06-30");
  CHECK_ENUM (measure, sl_measure, status, "status", SL_MEASURE_STATUS_IN_PROGRESS);
  CHECK_STRING (measure, sl_measure, done_on, "done-on", "2023-06-20");
  CHECK_STRING (measure, sl_measure, progress, "progress", "已完成初稿");

  check_no_spurious_notify (G_OBJECT (measure));
}

static void
test_research_topic_properties (void)
{
  g_autoptr(SlResearchTopic) topic = sl_research_topic_new ();

  g_assert_true (sl_is_uuid (sl_record_get_id (SL_RECORD (topic))));

  CHECK_STRING (topic, sl_research_topic, organization, "organization", "org-1");
  CHECK_INT (topic, sl_research_topic, year, "year", 2023);
  CHECK_STRING (topic, sl_research_topic, lead, "lead", "member-1");
  CHECK_STRING (topic, sl_research_topic, title, "title", "关于基层党建工作的调研");
  CHECK_ENUM (topic, sl_research_topic, status, "status", SL_TOPIC_STATUS_DONE);
  CHECK_STRING (topic, sl_research_topic, note, "note", "备注");

  check_no_spurious_notify (G_OBJECT (topic));
}

/* The records that are only their fields (sl-record-fields.h): every
 * property through its own accessors and through GObject's. */
static void
test_topic_properties (void)
{
  g_autoptr(SlTopic) topic = sl_topic_new ();

  CHECK_STRING (topic, sl_topic, organization, "organization", "62c9f9b1-c1a6-541b-b10c-986195dc206a");
  CHECK_STRING (topic, sl_topic, title, "title", "习近平总书记在中央经济工作会议上的重要讲话");
  CHECK_ENUM (topic, sl_topic, source_kind, "source-kind", SL_TOPIC_SOURCE_SPEECH);
  CHECK_STRING (topic, sl_topic, source, "source", "新华社");
  CHECK_STRING (topic, sl_topic, published_on, "published-on", "2024-12-12");
  CHECK_STRING (topic, sl_topic, received_on, "received-on", "2024-12-13");
  CHECK_STRING (topic, sl_topic, planned_meeting, "planned-meeting", "e20472f6-70f4-5429-bcce-6c5709a2d5fb");
  CHECK_STRING (topic, sl_topic, note, "note", "列入次月党组会议");
  check_no_spurious_notify (G_OBJECT (topic));
}

static void
test_talk_properties (void)
{
  g_autoptr(SlTalk) talk = sl_talk_new ();

  CHECK_STRING (talk, sl_talk, organization, "organization", "62c9f9b1-c1a6-541b-b10c-986195dc206a");
  CHECK_STRING (talk, sl_talk, date, "date", "2025-03-04");
  CHECK_STRING (talk, sl_talk, place, "place", "三楼谈话室");
  CHECK_STRING (talk, sl_talk, initiator, "initiator", "王建国");
  CHECK_STRING (talk, sl_talk, counterpart, "counterpart", "李红梅");
  CHECK_STRING (talk, sl_talk, counterpart_name, "counterpart-name", "张志强");
  CHECK_ENUM (talk, sl_talk, form, "form", SL_TALK_FORM_PHONE);
  CHECK_ENUM (talk, sl_talk, kind, "kind", SL_TALK_KIND_ON_WARNING);
  CHECK_STRING (talk, sl_talk, topic, "topic", "廉洁自律");
  CHECK_STRING (talk, sl_talk, points, "points", "指出问题，提出要求");
  CHECK_STRING (talk, sl_talk, follow_up, "follow-up", "一个月后回访");
  check_no_spurious_notify (G_OBJECT (talk));
}

static void
test_branch_report_properties (void)
{
  g_autoptr(SlBranchReport) report = sl_branch_report_new ();

  CHECK_STRING (report, sl_branch_report, organization, "organization", "62c9f9b1-c1a6-541b-b10c-986195dc206a");
  CHECK_STRING (report, sl_branch_report, period, "period", "2025-Q1");
  CHECK_STRING (report, sl_branch_report, received_on, "received-on", "2025-04-03");
  CHECK_STRING (report, sl_branch_report, title, "title", "第一季度学习情况报告");
  CHECK_STRING (report, sl_branch_report, note, "note", "附签到表");
  check_no_spurious_notify (G_OBJECT (report));
}

static void
test_study_note_properties (void)
{
  g_autoptr(SlStudyNote) note = sl_study_note_new ();

  CHECK_STRING (note, sl_study_note, member, "member", "0b0c5d7e-3f0a-4d55-9a59-6f7e8d9c0a1b");
  CHECK_STRING (note, sl_study_note, date, "date", "2025-05-20");
  CHECK_ENUM (note, sl_study_note, kind, "kind", SL_STUDY_NOTE_KIND_REFLECTION);
  CHECK_STRING (note, sl_study_note, title, "title", "学习《条例》心得体会");
  CHECK_STRING (note, sl_study_note, size, "size", "2000字");
  CHECK_STRING (note, sl_study_note, checked_by, "checked-by", "王五");
  CHECK_STRING (note, sl_study_note, checked_on, "checked-on", "2025-05-28");
  check_no_spurious_notify (G_OBJECT (note));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/records/member/properties", test_member_properties);
  g_test_add_func ("/records/organization/properties", test_organization_properties);
  g_test_add_func ("/records/plan/properties", test_plan_properties);
  g_test_add_func ("/records/plan-item/properties", test_plan_item_properties);
  g_test_add_func ("/records/plan-item/month-range", test_plan_item_month_range);
  g_test_add_func ("/records/meeting/properties", test_meeting_properties);
  g_test_add_func ("/records/meeting/children", test_meeting_children);
  g_test_add_func ("/records/meeting/count-attendance", test_meeting_count_attendance);
  g_test_add_func ("/records/study/properties", test_study_properties);
  g_test_add_func ("/records/attendance/properties", test_attendance_properties);
  g_test_add_func ("/records/attendance/made-up", test_attendance_made_up);
  g_test_add_func ("/records/guest/properties", test_guest_properties);
  g_test_add_func ("/records/speech/properties", test_speech_properties);
  g_test_add_func ("/records/measure/properties", test_measure_properties);
  g_test_add_func ("/records/research-topic/properties", test_research_topic_properties);
  g_test_add_func ("/records/topic/properties", test_topic_properties);
  g_test_add_func ("/records/talk/properties", test_talk_properties);
  g_test_add_func ("/records/branch-report/properties", test_branch_report_properties);
  g_test_add_func ("/records/study-note/properties", test_study_note_properties);
  return g_test_run ();
}
