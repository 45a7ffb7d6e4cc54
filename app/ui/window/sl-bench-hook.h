/* sl-bench-hook.h — the benchmark's first-frame probe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sl_bench_hook_attach (GtkWindow *window);

G_END_DECLS
