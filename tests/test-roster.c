/* test-roster.c — roster files imported into a real ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test works on a real SQLite file in a fresh temporary folder. What
 * the ledger holds is read back through a second, freshly opened SlLedger
 * on the same file, so that the assertions see the rows on disk and not
 * the live lists of the ledger that did the import.
 *
 * Fixtures under tests/data/:
 *   roster-same-utf8.csv        CRLF lines as Excel writes them, names with
 *                               inner, full-width and trailing blanks, one
 *                               date spelling per row, a rare character
 *                               (䶮, four bytes in GB18030)
 *   roster-same-utf8-bom.csv    the same bytes behind a UTF-8 BOM
 *   roster-same-gb18030.csv     the same text, `iconv -t GB18030`
 *   roster-same-utf8-phone.csv  the same, with 李强's phone changed
 *   roster-duplicate.csv        a phone change, a new organization, then
 *                               王芳 twice in one organization
 *   roster-utf8.csv, roster-no-name.csv, roster-bad-*.csv: shared with
 *                               test-csv.c
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sl-csv-reader.h"
#include "sl-ledger.h"
#include "sl-member.h"
#include "sl-organization.h"
#include "sl-roster-import.h"
#include "sl-roster-problems.h"
#include "sl-test-util.h"

/* ------------------------------------------------------------------ */
/* Fixture: a temporary folder with a ledger file in it               */
/* ------------------------------------------------------------------ */

typedef struct
{
  char     *folder;
  char     *path;
  SlLedger *ledger;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = make_temp_folder ("test-roster-XXXXXX");
  fixture->path = g_build_filename (fixture->folder, "ledger.db", NULL);
  fixture->ledger = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->ledger);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->ledger);
  remove_tree (fixture->folder);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

static char *
fixture_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* ------------------------------------------------------------------ */
/* Snapshots: what the file holds, as one comparable text             */
/* ------------------------------------------------------------------ */

#define NO_IDS   FALSE
#define WITH_IDS TRUE

static void
append_field (GString    *out,
              const char *value)
{
  g_string_append_c (out, '|');
  g_string_append (out, value != NULL ? value : "∅");
}

/* Every organization and every member of the file at @path, one line
 * each, read through a ledger opened just for this. Organizations are
 * named by their name (ids differ between files), members by id too when
 * @with_ids. */
static char *
snapshot (const char *path,
          gboolean    with_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  GListModel *organizations;
  GListModel *members;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ledger);

  organizations = sl_ledger_get_organizations (ledger);
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);
      g_autofree char *kind = g_strdup_printf ("%d", sl_organization_get_kind (organization));

      g_string_append (out, "organization");
      if (with_ids)
        append_field (out, sl_record_get_id (SL_RECORD (organization)));
      append_field (out, sl_organization_get_name (organization));
      append_field (out, kind);
      g_string_append_c (out, '\n');
    }

  members = sl_ledger_get_members (ledger);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      SlOrganization *organization =
        sl_ledger_find_organization (ledger, sl_member_get_organization (member));
      g_autofree char *sort = g_strdup_printf ("%d", sl_member_get_sort (member));

      /* A member's organization is either none or one the ledger has. */
      if (sl_member_get_organization (member) != NULL)
        g_assert_nonnull (organization);

      g_string_append (out, "member");
      if (with_ids)
        append_field (out, sl_record_get_id (SL_RECORD (member)));
      append_field (out, sl_member_get_name (member));
      append_field (out, sl_member_get_gender (member));
      append_field (out, sl_member_get_post (member));
      append_field (out, organization ? sl_organization_get_name (organization) : NULL);
      append_field (out, sl_member_get_party_joined_on (member));
      append_field (out, sl_member_get_phone (member));
      append_field (out, sl_member_get_note (member));
      append_field (out, sort);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* The member of @name in the file at @path, read afresh; NULL if none. */
static SlMember *
load_member (const char *path,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  GListModel *members;
  SlMember *found = NULL;

  g_assert_no_error (error);
  members = sl_ledger_get_members (ledger);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);

      if (g_strcmp0 (sl_member_get_name (member), name) == 0)
        {
          g_assert_null (found);
          found = g_object_ref (member);
        }
    }

  return found;
}

/* The name of the organization of @member in the file at @path. */
static char *
organization_name_of (const char *path,
                      SlMember   *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) ledger = sl_ledger_open (path, &error);
  SlOrganization *organization;

  g_assert_no_error (error);
  organization = sl_ledger_find_organization (ledger, sl_member_get_organization (member));
  return organization ? g_strdup (sl_organization_get_name (organization)) : NULL;
}

static guint
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;

  return n;
}

static void
import_fixture (Fixture        *fixture,
                const char     *name,
                const char     *organization,
                SlRosterCounts *counts)
{
  g_autofree char *file = fixture_file (name);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = sl_roster_import (fixture->ledger, file, organization, counts, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* ------------------------------------------------------------------ */
/* The three encodings                                                */
/* ------------------------------------------------------------------ */

/* The people of roster-same-*.csv, as the ledger must hold them. */
static const struct {
  const char *name;
  const char *gender;
  const char *post;
  const char *organization;
  const char *joined_on;
  const char *phone;
  const char *note;
} same_people[] = {
  { "王芳", "女", "支部书记", "机关第一党支部", "2019-07-01", "13800000001", "负责宣传,组织" },
  { "李强", "男", "组织委员", "机关第一党支部", "2019-07-01", "13800000002", NULL },
  { "张堃", "男", NULL,       "机关第二党支部", "2018-03-01", NULL,          NULL },
  { "陈喆", "女", "宣传委员", "机关第二党支部", "2015-06-01", "13800000004", NULL },
  { "刘䶮", "男", "党员",     "机关第二党支部", "2010-10-01", NULL,          "他说\"好\"" },
};

static void
assert_same_people (const char *path)
{
  g_autofree char *text = snapshot (path, NO_IDS);

  g_assert_cmpuint (count_lines_starting (text, "member"), ==, G_N_ELEMENTS (same_people));
  g_assert_cmpuint (count_lines_starting (text, "organization"), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (same_people); i++)
    {
      g_autoptr(SlMember) member = load_member (path, same_people[i].name);
      g_autofree char *organization = NULL;

      if (member == NULL)
        g_error ("%s is not in the ledger:\n%s", same_people[i].name, text);

      organization = organization_name_of (path, member);
      g_assert_cmpstr (sl_member_get_gender (member), ==, same_people[i].gender);
      g_assert_cmpstr (sl_member_get_post (member), ==, same_people[i].post);
      g_assert_cmpstr (organization, ==, same_people[i].organization);
      g_assert_cmpstr (sl_member_get_party_joined_on (member), ==, same_people[i].joined_on);
      g_assert_null (sl_member_get_joined_on (member));
      g_assert_cmpstr (sl_member_get_phone (member), ==, same_people[i].phone);
      g_assert_cmpstr (sl_member_get_note (member), ==, same_people[i].note);
      g_assert_cmpstr (sl_member_get_left_on (member), ==, NULL);
    }
}

static void
test_encodings_agree (void)
{
  const char *names[] = {
    "roster-same-utf8.csv",
    "roster-same-utf8-bom.csv",
    "roster-same-gb18030.csv",
  };
  g_autofree char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      Fixture fixture = { 0 };
      SlRosterCounts counts = { 0 };
      g_autofree char *text = NULL;

      g_test_message ("%s", names[i]);
      fixture_set_up (&fixture, NULL);

      import_fixture (&fixture, names[i], NULL, &counts);
      g_assert_cmpuint (counts.added, ==, G_N_ELEMENTS (same_people));
      g_assert_cmpuint (counts.updated, ==, 0);
      g_assert_cmpuint (counts.unchanged, ==, 0);
      g_assert_cmpuint (counts.organizations_added, ==, 2);

      assert_same_people (fixture.path);

      /* Field for field and in the same roster order, whatever the
       * encoding. */
      text = snapshot (fixture.path, NO_IDS);
      if (first == NULL)
        first = g_steal_pointer (&text);
      else
        g_assert_cmpstr (text, ==, first);

      fixture_tear_down (&fixture, NULL);
    }
}

/* One ledger, the three files one after the other: the second and third
 * find nothing to change. */
static void
test_encodings_match_each_other (Fixture       *fixture,
                                 gconstpointer  data)
{
  SlRosterCounts counts = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after_bom = NULL;
  g_autofree char *after_gb18030 = NULL;

  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);
  before = snapshot (fixture->path, WITH_IDS);

  import_fixture (fixture, "roster-same-utf8-bom.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, G_N_ELEMENTS (same_people));
  g_assert_cmpuint (counts.organizations_added, ==, 0);
  after_bom = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (after_bom, ==, before);

  import_fixture (fixture, "roster-same-gb18030.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, G_N_ELEMENTS (same_people));
  g_assert_cmpuint (counts.organizations_added, ==, 0);
  after_gb18030 = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (after_gb18030, ==, before);
}

/* ------------------------------------------------------------------ */
/* Organizations                                                      */
/* ------------------------------------------------------------------ */

static void
test_organizations_from_column (Fixture       *fixture,
                                gconstpointer  data)
{
  SlRosterCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) fresh = NULL;
  GListModel *organizations;
  struct { const char *name; const char *organization; } expected[] = {
    { "王芳", "第一党支部" },
    { "李强", "第一党支部" },
    { "张堃", "第二党支部" },
    { "陈喆", "第二党支部" },
    { "刘昇", "第二党支部" },
    { "赵珺", NULL },          /* no 所属支部 cell: no organization */
  };

  import_fixture (fixture, "roster-utf8.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (counts.organizations_added, ==, 2);

  fresh = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  organizations = sl_ledger_get_organizations (fresh);
  g_assert_cmpuint (g_list_model_get_n_items (organizations), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SlOrganization) organization = g_list_model_get_item (organizations, i);

      /* Named 支部: guessed to be branches. */
      g_assert_cmpint (sl_organization_get_kind (organization), ==, SL_ORGANIZATION_KIND_BRANCH);
    }
  g_assert_nonnull (sl_ledger_find_organization_by_name (fresh, "第一党支部"));
  g_assert_nonnull (sl_ledger_find_organization_by_name (fresh, "第二党支部"));
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (fresh)), ==,
                    G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SlMember) member = load_member (fixture->path, expected[i].name);
      g_autofree char *organization = NULL;

      g_assert_nonnull (member);
      organization = organization_name_of (fixture->path, member);
      g_assert_cmpstr (organization, ==, expected[i].organization);
      /* The file's order is the roster order. */
      if (i > 0)
        {
          g_autoptr(SlMember) previous = load_member (fixture->path, expected[i - 1].name);
          g_assert_cmpint (sl_member_get_sort (previous), <, sl_member_get_sort (member));
        }
    }
}

static void
test_organization_option (Fixture       *fixture,
                          gconstpointer  data)
{
  SlRosterCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLedger) fresh = NULL;
  SlOrganization *organization;
  GListModel *members;

  import_fixture (fixture, "roster-utf8.csv", "机关第一党支部", &counts);
  g_assert_cmpuint (counts.added, ==, 6);
  g_assert_cmpuint (counts.organizations_added, ==, 1);

  fresh = sl_ledger_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_organizations (fresh)), ==, 1);
  organization = sl_ledger_find_organization_by_name (fresh, "机关第一党支部");
  g_assert_nonnull (organization);
  g_assert_null (sl_ledger_find_organization_by_name (fresh, "第一党支部"));
  g_assert_null (sl_ledger_find_organization_by_name (fresh, "第二党支部"));

  /* Every row, whatever its 所属支部 cell says or lacks. */
  members = sl_ledger_get_members (fresh);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SlMember) member = g_list_model_get_item (members, i);
      g_assert_cmpstr (sl_member_get_organization (member), ==,
                       sl_record_get_id (SL_RECORD (organization)));
    }
}

/* An organization the ledger already has is used, not created again. */
static void
test_organization_option_existing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(SlOrganization) organization = sl_organization_new ();
  g_autoptr(GError) error = NULL;
  SlRosterCounts counts = { 0 };
  g_autofree char *text = NULL;

  sl_organization_set_name (organization, "局党组");
  sl_organization_set_kind (organization, SL_ORGANIZATION_KIND_PARTY_GROUP);
  sl_ledger_save_organization (fixture->ledger, organization, &error);
  g_assert_no_error (error);

  import_fixture (fixture, "roster-same-utf8.csv", "局党组", &counts);
  g_assert_cmpuint (counts.organizations_added, ==, 0);
  g_assert_cmpuint (counts.added, ==, G_N_ELEMENTS (same_people));

  text = snapshot (fixture->path, NO_IDS);
  g_assert_cmpuint (count_lines_starting (text, "organization"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "member"), ==, G_N_ELEMENTS (same_people));
  for (guint i = 0; i < G_N_ELEMENTS (same_people); i++)
    {
      g_autoptr(SlMember) member = load_member (fixture->path, same_people[i].name);
      g_assert_nonnull (member);
      g_assert_cmpstr (sl_member_get_organization (member), ==,
                       sl_record_get_id (SL_RECORD (organization)));
    }
}

/* ------------------------------------------------------------------ */
/* Importing again                                                    */
/* ------------------------------------------------------------------ */

static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  SlRosterCounts counts = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, G_N_ELEMENTS (same_people));
  first = snapshot (fixture->path, WITH_IDS);

  memset (&counts, 0xff, sizeof counts);
  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, G_N_ELEMENTS (same_people));
  g_assert_cmpuint (counts.organizations_added, ==, 0);

  /* Same members with the same ids, same organizations, same order. */
  second = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (second, ==, first);

  /* And through a ledger that did not do the first import. */
  g_clear_object (&fixture->ledger);
  {
    g_autoptr(GError) error = NULL;
    fixture->ledger = sl_ledger_open (fixture->path, &error);
    g_assert_no_error (error);
  }
  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, G_N_ELEMENTS (same_people));
  third = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (third, ==, first);
}

static void
test_import_twice_with_organization (Fixture       *fixture,
                                     gconstpointer  data)
{
  SlRosterCounts counts = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  import_fixture (fixture, "roster-utf8.csv", "机关第一党支部", &counts);
  first = snapshot (fixture->path, WITH_IDS);

  import_fixture (fixture, "roster-utf8.csv", "机关第一党支部", &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 6);
  g_assert_cmpuint (counts.organizations_added, ==, 0);
  second = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (second, ==, first);
}

static void
test_edited_copy (Fixture       *fixture,
                  gconstpointer  data)
{
  SlRosterCounts counts = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(SlMember) member = NULL;
  g_autoptr(GString) edited = NULL;

  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);
  before = snapshot (fixture->path, WITH_IDS);
  g_assert_nonnull (strstr (before, "13800000002"));

  import_fixture (fixture, "roster-same-utf8-phone.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, G_N_ELEMENTS (same_people) - 1);
  g_assert_cmpuint (counts.organizations_added, ==, 0);

  member = load_member (fixture->path, "李强");
  g_assert_nonnull (member);
  g_assert_cmpstr (sl_member_get_phone (member), ==, "13900000002");

  /* Nothing else changed: not the other members, not 李强's id. */
  edited = g_string_new (before);
  g_assert_cmpuint (g_string_replace (edited, "13800000002", "13900000002", 0), ==, 1);
  expected = g_string_free (g_steal_pointer (&edited), FALSE);
  after = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (after, ==, expected);
}

/* Cells that are empty in the file leave what the ledger knows alone. */
static void
test_empty_cells_keep_values (Fixture       *fixture,
                              gconstpointer  data)
{
  SlRosterCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *names_only = "姓名\r\n王芳\r\n李强\r\n";
  g_autofree char *file = g_build_filename (fixture->folder, "names-only.csv", NULL);

  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);
  before = snapshot (fixture->path, WITH_IDS);

  /* Only names: with --organization they are the 王芳 and 李强 of the
   * first import, whose other fields stay as they were. */
  g_file_set_contents (file, names_only, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sl_roster_import (fixture->ledger, file, "机关第一党支部", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 2);

  after = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (after, ==, before);
}

/* ------------------------------------------------------------------ */
/* Malformed files change nothing                                     */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *file;
  GQuark    (*domain) (void);
  int         code;
  const char *parts[3];   /* each must be in the message */
} Malformed;

static const Malformed malformed[] = {
  { "roster-no-name.csv",      sl_csv_error_quark,    SL_CSV_ERROR_NO_NAME_COLUMN,
    { "line 1", "姓名", NULL } },
  { "roster-bad-quote.csv",    sl_csv_error_quark,    SL_CSV_ERROR_QUOTE,
    { "line 3", "column 3", NULL } },
  { "roster-bad-encoding.csv", sl_csv_error_quark,    SL_CSV_ERROR_ENCODING,
    { "line 3", NULL } },
  { "roster-bad-date.csv",     sl_csv_error_quark,    SL_CSV_ERROR_ROW,
    { "line 3", "column 3", "2019-13-01" } },
  { "roster-duplicate.csv",    sl_roster_error_quark, SL_ROSTER_ERROR_DUPLICATE,
    { "line 5", "line 2", "王芳" } },
};

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  const Malformed *bad = data;
  SlRosterCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *file = fixture_file (bad->file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SlRosterCounts untouched;
  gboolean ok;

  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);
  before = snapshot (fixture->path, WITH_IDS);

  memset (&untouched, 0x5a, sizeof untouched);
  counts = untouched;
  ok = sl_roster_import (fixture->ledger, file, NULL, &counts, &error);
  g_assert_false (ok);
  g_assert_error (error, bad->domain (), bad->code);
  g_test_message ("%s", error->message);

  /* The message names the file, the line and (where it is one cell) the
   * column, on one line. */
  assert_message_contains (error, file);
  for (guint i = 0; i < G_N_ELEMENTS (bad->parts) && bad->parts[i] != NULL; i++)
    assert_message_contains (error, bad->parts[i]);
  g_assert_null (strchr (error->message, '\n'));

  /* A refused file reports no counts. */
  g_assert_cmpmem (&counts, sizeof counts, &untouched, sizeof untouched);

  /* Nothing of it reached the file... */
  after = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (after, ==, before);

  /* ...nor stayed behind in the importing ledger's lists. */
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (fixture->ledger)), ==,
                    G_N_ELEMENTS (same_people));
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_organizations (fixture->ledger)), ==, 2);
  g_assert_null (sl_ledger_find_organization_by_name (fixture->ledger, "机关第三党支部"));

  /* The ledger is still usable: the good file imports as unchanged. */
  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, G_N_ELEMENTS (same_people));
  g_clear_pointer (&after, g_free);
  after = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (after, ==, before);
}

/* The duplicate file came after a phone change and a new organization
 * were already written in the transaction; both must be gone, and the
 * importing ledger must not believe 王芳 has the new phone (else the next
 * import of the corrected file would find nothing to update). */
static void
test_duplicate_then_corrected (Fixture       *fixture,
                               gconstpointer  data)
{
  SlRosterCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *duplicate = fixture_file ("roster-duplicate.csv");
  g_autofree char *corrected = g_build_filename (fixture->folder, "corrected.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(SlMember) wang = NULL;
  g_autoptr(SlMember) zhao = NULL;
  g_autofree char *zhao_organization = NULL;

  import_fixture (fixture, "roster-same-utf8.csv", NULL, &counts);

  g_assert_false (sl_roster_import (fixture->ledger, duplicate, NULL, &counts, &error));
  g_assert_error (error, SL_ROSTER_ERROR, SL_ROSTER_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* The same file without its last line. */
  g_file_get_contents (duplicate, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "王 芳,女,机关第一党支部,13700000002\n", "", 0), ==, 1);
  g_file_set_contents (corrected, text->str, text->len, &error);
  g_assert_no_error (error);

  g_assert_true (sl_roster_import (fixture->ledger, corrected, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  g_assert_cmpuint (counts.organizations_added, ==, 1);

  wang = load_member (fixture->path, "王芳");
  g_assert_nonnull (wang);
  g_assert_cmpstr (sl_member_get_phone (wang), ==, "13700000001");
  zhao = load_member (fixture->path, "赵珺");
  g_assert_nonnull (zhao);
  zhao_organization = organization_name_of (fixture->path, zhao);
  g_assert_cmpstr (zhao_organization, ==, "机关第三党支部");
}

/* One name twice is fine in two organizations, not in one. */
static void
test_same_name_two_organizations (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *two = "姓名,所属支部\n王芳,机关第一党支部\n王芳,机关第二党支部\n";
  g_autofree char *file = g_build_filename (fixture->folder, "two.csv", NULL);
  g_autoptr(GError) error = NULL;
  SlRosterCounts counts = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_file_set_contents (file, two, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sl_roster_import (fixture->ledger, file, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (counts.organizations_added, ==, 2);
  before = snapshot (fixture->path, WITH_IDS);

  /* With --organization the two rows fall into one organization. */
  g_assert_false (sl_roster_import (fixture->ledger, file, "机关第一党支部", &counts, &error));
  g_assert_error (error, SL_ROSTER_ERROR, SL_ROSTER_ERROR_DUPLICATE);
  assert_message_contains (error, "line 3");
  assert_message_contains (error, "line 2");
  after = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (after, ==, before);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->folder, "no-such-roster.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (fixture->path, WITH_IDS);
  g_autofree char *after = NULL;

  g_assert_false (sl_roster_import (fixture->ledger, file, NULL, NULL, &error));
  g_assert_error (error, SL_ROSTER_ERROR, SL_ROSTER_ERROR_READ);
  assert_message_contains (error, file);
  after = snapshot (fixture->path, WITH_IDS);
  g_assert_cmpstr (after, ==, before);
}

/* A second 王堃 in one organization clashes; in another organization, or
 * the member itself, does not. A note tells namesakes apart only when it
 * is written and differs from theirs. */
static void
test_namesakes (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SlOrganization) bureau = sl_organization_new ();
  g_autoptr(SlOrganization) branch = sl_organization_new ();
  g_autoptr(SlMember) first = sl_member_new ();
  g_autoptr(SlMember) elsewhere = sl_member_new ();
  g_autoptr(GPtrArray) clash = NULL;
  g_autoptr(GPtrArray) itself = NULL;
  g_autoptr(GPtrArray) other_org = NULL;
  g_autoptr(GPtrArray) free_name = NULL;
  g_autoptr(GPtrArray) spaced = NULL;
  g_autoptr(GError) error = NULL;
  const char *bureau_id, *branch_id;

  sl_organization_set_name (bureau, "某某局党组");
  sl_organization_set_name (branch, "机关第一党支部");
  sl_ledger_save_organization (fixture->ledger, bureau, &error);
  g_assert_no_error (error);
  sl_ledger_save_organization (fixture->ledger, branch, &error);
  g_assert_no_error (error);
  bureau_id = sl_record_get_id (SL_RECORD (bureau));
  branch_id = sl_record_get_id (SL_RECORD (branch));

  sl_member_set_name (first, "王堃");
  sl_member_set_organization (first, bureau_id);
  sl_member_set_note (first, "办公室");
  sl_ledger_save_member (fixture->ledger, first, &error);
  g_assert_no_error (error);
  sl_member_set_name (elsewhere, "李娜");
  sl_member_set_organization (elsewhere, branch_id);
  sl_ledger_save_member (fixture->ledger, elsewhere, &error);
  g_assert_no_error (error);

  clash = sl_roster_find_namesakes (fixture->ledger, "王堃", bureau_id, NULL);
  g_assert_cmpuint (clash->len, ==, 1);
  g_assert_true (g_ptr_array_index (clash, 0) == (gpointer) sl_ledger_find_member (fixture->ledger, sl_record_get_id (SL_RECORD (first))));
  spaced = sl_roster_find_namesakes (fixture->ledger, " 王　堃 ", bureau_id, NULL);
  g_assert_cmpuint (spaced->len, ==, 1);
  itself = sl_roster_find_namesakes (fixture->ledger, "王堃", bureau_id, sl_record_get_id (SL_RECORD (first)));
  g_assert_cmpuint (itself->len, ==, 0);
  other_org = sl_roster_find_namesakes (fixture->ledger, "王堃", branch_id, NULL);
  g_assert_cmpuint (other_org->len, ==, 0);
  free_name = sl_roster_find_namesakes (fixture->ledger, "王芳", bureau_id, NULL);
  g_assert_cmpuint (free_name->len, ==, 0);

  g_assert_false (sl_roster_note_tells_apart (clash, NULL));
  g_assert_false (sl_roster_note_tells_apart (clash, "  "));
  g_assert_false (sl_roster_note_tells_apart (clash, "办公室"));
  g_assert_false (sl_roster_note_tells_apart (clash, " 办公室 "));
  g_assert_true (sl_roster_note_tells_apart (clash, "财务科"));
  g_assert_true (sl_roster_note_tells_apart (free_name, NULL));
  g_assert_true (sl_roster_note_tells_apart (NULL, NULL));
}

/* Every problem of every row, errors first, each kind by line: what the
 * preview shows at once (sl-roster-problems.c). */
static void
test_problems_all (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Each repeated name differs in a cell (a row the same in every cell
   * is skipped: test-roster-repeats.c). */
  static const char csv[] = "姓名,所属支部,职务\n王芳,机关第一党支部,科员\n李强,,\n李 强,,科长\n"
                            "王芳,机关第一党支部,\n赵珺,机关第三支部,\n";
  static const struct { SlRosterProblemKind kind; guint line; } expected[] = {
    { SL_ROSTER_PROBLEM_DUPLICATE, 4 },
    { SL_ROSTER_PROBLEM_DUPLICATE, 5 },
    { SL_ROSTER_PROBLEM_NO_ORGANIZATION, 3 },
    { SL_ROSTER_PROBLEM_NO_ORGANIZATION, 4 },
    { SL_ROSTER_PROBLEM_NEW_ORGANIZATION, 6 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sl_roster_parse ((const guint8 *) csv, strlen (csv), &error);
  static const char one[] = "姓名,所属支部\n甲,机关第一党支部\n";
  g_autoptr(GPtrArray) first = sl_roster_parse ((const guint8 *) one, strlen (one), &error);
  g_autoptr(GPtrArray) problems = NULL;
  SlRosterProblem *problem;

  g_assert_no_error (error);
  g_assert_true (sl_roster_import_rows (fixture->ledger, first, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Without the ledger, no organization is called new. */
  problems = sl_roster_list_problems (rows, NULL, NULL);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected) - 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = sl_roster_list_problems (rows, NULL, fixture->ledger);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      problem = g_ptr_array_index (problems, i);
      g_assert_cmpint (problem->kind, ==, expected[i].kind);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpint (problem->error, ==, expected[i].kind == SL_ROSTER_PROBLEM_DUPLICATE);
    }
  problem = g_ptr_array_index (problems, 4);
  g_assert_cmpstr (problem->organization, ==, "机关第三支部");
  g_assert_nonnull (strstr (problem->message, "line 6"));

  /* The import refuses with the first error's words. */
  g_assert_false (sl_roster_check_rows (rows, NULL, &error));
  g_assert_error (error, SL_ROSTER_ERROR, SL_ROSTER_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, ((SlRosterProblem *) g_ptr_array_index (problems, 0))->message);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Into one organization: the repeats alone, 李强 and 王芳 as before. */
  problems = sl_roster_list_problems (rows, "机关第一党支部", fixture->ledger);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (((SlRosterProblem *) g_ptr_array_index (problems, 0))->line, ==, 4);
  g_assert_cmpuint (((SlRosterProblem *) g_ptr_array_index (problems, 1))->line, ==, 5);
}

/* A row's own faults: sl_roster_parse() refuses the file at the first,
 * sl_roster_parse_all() keeps every row and lists each fault as an error
 * among the repeats, by line; the import refuses the rows. */
static void
test_problems_rows (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char csv[] = "姓名,入党时间\n王芳,2019-07-01\n,2020-01-01\n李强,2019-13-45\n王芳,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strict = sl_roster_parse ((const guint8 *) csv, strlen (csv), &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SlRosterProblem *problem;

  g_assert_null (strict);
  g_assert_error (error, SL_CSV_ERROR, SL_CSV_ERROR_ROW);
  g_clear_error (&error);

  rows = sl_roster_parse_all ((const guint8 *) csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  problems = sl_roster_list_problems (rows, "机关第一党支部", fixture->ledger);
  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, SL_ROSTER_PROBLEM_ROW);
  g_assert_true (problem->error);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->message, "empty name"));
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpint (problem->kind, ==, SL_ROSTER_PROBLEM_ROW);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpstr (problem->message, ==, "line 4, column 2 (入党时间): “2019-13-45” is not a date; "
                                         "write dates as YYYY-MM-DD, for example 2019-07-01");
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpint (problem->kind, ==, SL_ROSTER_PROBLEM_DUPLICATE);
  g_assert_cmpuint (problem->line, ==, 5);

  g_assert_false (sl_roster_import_rows (fixture->ledger, rows, "机关第一党支部", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_cmpuint (g_list_model_get_n_items (sl_ledger_get_members (fixture->ledger)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/roster/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/roster/encodings/agree", test_encodings_agree);
  ADD ("encodings/same-ledger", test_encodings_match_each_other);
  ADD ("organizations/from-column", test_organizations_from_column);
  ADD ("organizations/option", test_organization_option);
  ADD ("organizations/option-existing", test_organization_option_existing);
  ADD ("again/same-file", test_import_twice);
  ADD ("again/same-file-organization", test_import_twice_with_organization);
  ADD ("again/edited-copy", test_edited_copy);
  ADD ("again/empty-cells", test_empty_cells_keep_values);
  ADD ("malformed/duplicate-then-corrected", test_duplicate_then_corrected);
  ADD ("malformed/same-name-two-organizations", test_same_name_two_organizations);
  ADD ("malformed/missing-file", test_missing_file);
  ADD ("namesakes", test_namesakes);
  ADD ("problems/all", test_problems_all);
  ADD ("problems/rows", test_problems_rows);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/roster/malformed/%s", malformed[i].file);
      g_test_add (path, Fixture, &malformed[i], fixture_set_up, test_malformed, fixture_tear_down);
    }

  return g_test_run ();
}
