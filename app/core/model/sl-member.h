/* sl-member.h — a person on the roster of an organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_MEMBER (sl_member_get_type ())

G_DECLARE_FINAL_TYPE (SlMember, sl_member, SL, MEMBER, SlRecord)

SlMember   *sl_member_new               (void);

const char *sl_member_get_name          (SlMember   *self);
void        sl_member_set_name          (SlMember   *self,
                                         const char *name);
const char *sl_member_get_gender        (SlMember   *self);
void        sl_member_set_gender        (SlMember   *self,
                                         const char *gender);
const char *sl_member_get_post          (SlMember   *self);
void        sl_member_set_post          (SlMember   *self,
                                         const char *post);
const char *sl_member_get_organization  (SlMember   *self);
void        sl_member_set_organization  (SlMember   *self,
                                         const char *organization);
gboolean    sl_member_get_leadership    (SlMember   *self);
void        sl_member_set_leadership    (SlMember   *self,
                                         gboolean    leadership);
gboolean    sl_member_get_central_group (SlMember   *self);
void        sl_member_set_central_group (SlMember   *self,
                                         gboolean    central_group);
const char *sl_member_get_joined_on     (SlMember   *self);
void        sl_member_set_joined_on     (SlMember   *self,
                                         const char *joined_on);
const char *sl_member_get_left_on       (SlMember   *self);
void        sl_member_set_left_on       (SlMember   *self,
                                         const char *left_on);
int         sl_member_get_sort          (SlMember   *self);
void        sl_member_set_sort          (SlMember   *self,
                                         int         sort);
const char *sl_member_get_phone         (SlMember   *self);
void        sl_member_set_phone         (SlMember   *self,
                                         const char *phone);
const char *sl_member_get_note          (SlMember   *self);
void        sl_member_set_note          (SlMember   *self,
                                         const char *note);

gboolean    sl_member_is_active_on      (SlMember   *self,
                                         const char *date);

/* Archive version 2 */
const char *sl_member_get_party_joined_on (SlMember *self);
void sl_member_set_party_joined_on (SlMember *self,
    const char *party_joined_on);

G_END_DECLS
