/* sl-organization.h — a party group, party committee or branch that keeps a ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"
#include "sl-enum-types.h"

G_BEGIN_DECLS

#define SL_TYPE_ORGANIZATION (sl_organization_get_type ())

G_DECLARE_FINAL_TYPE (SlOrganization, sl_organization, SL, ORGANIZATION, SlRecord)

SlOrganization    *sl_organization_new        (void);

const char        *sl_organization_get_name   (SlOrganization    *self);
void               sl_organization_set_name   (SlOrganization    *self,
                                               const char        *name);
SlOrganizationKind sl_organization_get_kind   (SlOrganization    *self);
void               sl_organization_set_kind   (SlOrganization    *self,
                                               SlOrganizationKind kind);
const char        *sl_organization_get_parent (SlOrganization    *self);
void               sl_organization_set_parent (SlOrganization    *self,
                                               const char        *parent);

G_END_DECLS
