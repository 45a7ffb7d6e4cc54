/* test-records.c — the record objects */
#include "config.h"
#include "sl-member.h"

static void
test_member_properties (void)
{
  g_autoptr(SlMember) member = sl_member_new ();

  g_assert_true (sl_is_uuid (sl_record_get_id (SL_RECORD (member))));
  sl_member_set_name (member, "王芳");
  g_assert_cmpstr (sl_member_get_name (member), ==, "王芳");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/records/member/properties", test_member_properties);
  return g_test_run ();
}
