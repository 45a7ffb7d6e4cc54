/* sl-member-card-pages.c — one member's year (个人学习档案) as printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4 portrait, meant to fit one or two pages: the title, who the member
 * is (name, post, organization, 入党时间, leadership and central group),
 * then the card's sections as small tables under 黑体 headings, drawn by
 * sl_table_pages_append() like every ledger, and at the foot the lines an
 * inspection's sample is signed on. The sections and their figures are
 * built in sl-member-card-table.c from SlStatistics, so the card says
 * what `stats --json` says.
 */

#define G_LOG_DOMAIN "sl-member-card-pages"

#include "config.h"

#include "sl-ledger.h"
#include "sl-member.h"
#include "sl-member-card-pages.h"
#include "sl-organization.h"
#include "sl-table-pages.h"
#include "sl-wording.h"

#define TITLE_SIZE  20.0
#define INFO_SIZE   12.0
#define TABLE_SIZE  10.5

struct _SlMemberCardPages
{
  SlPageRenderer  parent_instance;

  /* owned */
  SlLedger       *ledger;
  SlMember       *member;
  GPtrArray      *tables;
  int             year;
};

G_DEFINE_FINAL_TYPE (SlMemberCardPages, sl_member_card_pages, SL_TYPE_PAGE_RENDERER)

static void
gap (SlPageRenderer *renderer,
     double          height)
{
  sl_page_renderer_set_y (renderer, sl_page_renderer_get_y (renderer) + height);
}

static void
add_line (SlPageRenderer *renderer,
          SlPageFont      font,
          double          size,
          const char     *text,
          gboolean        centred)
{
  g_autoptr(PangoLayout) layout = sl_page_renderer_create_layout (renderer, font, size, text,
                                                                  sl_page_renderer_get_width (renderer));

  if (centred)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  sl_page_renderer_flow (renderer, layout, sl_page_renderer_get_left (renderer));
}

static char *
who_text (SlMemberCardPages *self)
{
  SlMember *member = self->member;
  const char *organization_id = sl_member_get_organization (member);
  SlOrganization *organization = organization_id ? sl_ledger_find_organization (self->ledger,
                                                                                 organization_id)
                                                 : NULL;
  const char *post = sl_member_get_post (member);
  g_autofree char *party = sl_wording_date (sl_member_get_party_joined_on (member));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) roles = g_string_new (NULL);

  if (sl_member_get_leadership (member))
    g_string_append (roles, "领导班子成员");
  if (sl_member_get_central_group (member))
    g_string_append_printf (roles, "%s理论学习中心组成员", roles->len ? "、" : "");

  g_string_append_printf (text, "姓名：%s　　职务：%s\n", sl_member_get_name (member),
                          post && *post ? post : "—");
  g_string_append_printf (text, "所属组织：%s　　入党时间：%s",
                          organization ? sl_organization_get_name (organization) : "—",
                          *party ? party : "—");
  if (roles->len > 0)
    g_string_append_printf (text, "\n身份：%s", roles->str);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
sl_member_card_pages_layout (SlPageRenderer *renderer,
                             PangoContext   *context,
                             double          page_width,
                             double          page_height)
{
  SlMemberCardPages *self = SL_MEMBER_CARD_PAGES (renderer);
  g_autofree char *year = g_strdup_printf ("（%d年度）", self->year);
  g_autofree char *who = who_text (self);

  sl_table_pages_set_margins (renderer, FALSE);
  sl_page_renderer_set_footer (renderer, SL_PAGE_FOOTER_PAGE_OF_TOTAL);
  sl_page_renderer_add_page (renderer, FALSE);

  add_line (renderer, SL_PAGE_FONT_TITLE, TITLE_SIZE, "个人学习档案", TRUE);
  add_line (renderer, SL_PAGE_FONT_BODY, INFO_SIZE + 2, year, TRUE);
  gap (renderer, 8);
  add_line (renderer, SL_PAGE_FONT_BODY, INFO_SIZE, who, FALSE);
  gap (renderer, 4);

  for (guint i = 0; i < self->tables->len; i++)
    {
      SlTable *table = g_ptr_array_index (self->tables, i);
      const SlTableStyle style = {
        .caption = SL_TABLE_CAPTION_HEADING,
        .heading = sl_table_get_title (table),
        .font_size = TABLE_SIZE,
      };

      gap (renderer, 4);
      sl_table_pages_append (renderer, table, &style);
    }

  /* Where an inspection signs the sample it took. */
  gap (renderer, 16);
  sl_page_renderer_ensure_space (renderer, 2 * INFO_SIZE);
  add_line (renderer, SL_PAGE_FONT_BODY, INFO_SIZE,
            "本人签字：＿＿＿＿＿　　审核人签字：＿＿＿＿＿　　日期：＿＿＿＿＿＿",
            FALSE);

  return sl_page_renderer_get_page_count (renderer);
}

static void
sl_member_card_pages_dispose (GObject *object)
{
  SlMemberCardPages *self = SL_MEMBER_CARD_PAGES (object);

  g_clear_object (&self->ledger);
  g_clear_object (&self->member);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_member_card_pages_parent_class)->dispose (object);
}

static void
sl_member_card_pages_class_init (SlMemberCardPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlPageRendererClass *renderer_class = SL_PAGE_RENDERER_CLASS (klass);

  object_class->dispose = sl_member_card_pages_dispose;
  renderer_class->layout = sl_member_card_pages_layout;
}

static void
sl_member_card_pages_init (SlMemberCardPages *self)
{
}

SlMemberCardPages *
sl_member_card_pages_new (SlLedger   *ledger,
                          SlMember   *member,
                          int         year,
                          const char *title,
                          GPtrArray  *tables)
{
  SlMemberCardPages *self;

  g_return_val_if_fail (SL_IS_LEDGER (ledger), NULL);
  g_return_val_if_fail (SL_IS_MEMBER (member), NULL);
  g_return_val_if_fail (tables != NULL, NULL);

  self = g_object_new (SL_TYPE_MEMBER_CARD_PAGES, NULL);
  self->ledger = g_object_ref (ledger);
  self->member = g_object_ref (member);
  self->tables = g_ptr_array_ref (tables);
  self->year = year;
  sl_page_renderer_set_title (SL_PAGE_RENDERER (self), title);

  return self;
}
