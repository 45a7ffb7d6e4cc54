/* no-entry-module.c — a module that is not the pages: it loads, but has
 * no sl_pages_module_register (test-pages-module.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

int no_entry_module_answer (void);

int
no_entry_module_answer (void)
{
  return 42;
}
