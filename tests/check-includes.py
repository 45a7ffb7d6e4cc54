#!/usr/bin/python3
# check-includes.py — no circle of includes among the files of app/
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-includes.py APP-FOLDER
#
# A file is read after the files it includes: a newcomer starts from a
# header that includes nothing of ours and works upward. A circle has no
# such starting point, and it hides which of two files is the lower layer.
#
# The unit is the module: foo.h and foo.c together (a header and its source
# are one piece of code). Module A depends on module B when foo.c or foo.h
# of A has `#include "b.h"` for a b.h found under APP-FOLDER. Any circle
# of such dependencies fails, and is printed with the includes that make it.
# foo-private.h belongs to module foo: it is foo's own header, split off
# for the few files that may see inside. Generated headers
# (sl-enum-types.h, config.h) are not under APP-FOLDER and are left out.
#
# KNOWN lists the includes of a circle that was there before this check,
# each with the reason it is still there; a circle made of anything else
# fails. Remove an entry when its circle is gone. It is empty: the last
# circles (core/db, core/ledger, the evidence and the archive) were cut
# along the seams docs/architecture.md names; keep it so.
#
# Before the tree, the script checks itself on a sample circle, so that a
# change that blinds it fails too.

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.DOTALL)


KNOWN = set()


def module_of(name):
    module = os.path.splitext(os.path.basename(name))[0]
    return module[:-len('-private')] if module.endswith('-private') else module


def read_graph(files):
    """files: {path: text}. Returns {module: {module: path that includes}}."""
    headers = {module_of(p) for p in files if p.endswith('.h')}
    graph = {module_of(p): {} for p in files}
    for path, text in sorted(files.items()):
        source = module_of(path)
        for included in INCLUDE.findall(COMMENT.sub('', text)):
            target = module_of(included)
            if (included.endswith('.h') and target in headers and target != source
                    and (source, target) not in KNOWN):
                graph[source].setdefault(target, path)
    return graph


def find_cycles(graph):
    """Every strongly connected component of more than one module
    (Tarjan), each as a sorted list."""
    index = {}
    low = {}
    stack = []
    on_stack = set()
    cycles = []
    counter = [0]

    def visit(node):
        # Iterative, so that a deep tree cannot reach Python's recursion limit.
        work = [(node, iter(sorted(graph.get(node, {}))))]
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        while work:
            current, edges = work[-1]
            advanced = False
            for target in edges:
                if target not in index:
                    index[target] = low[target] = counter[0]
                    counter[0] += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, {})))))
                    advanced = True
                    break
                if target in on_stack:
                    low[current] = min(low[current], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[current])
            if low[current] == index[current]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == current:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def describe(graph, component):
    members = set(component)
    lines = []
    for source in component:
        for target, path in sorted(graph[source].items()):
            if target in members:
                lines.append('  %s includes %s.h' % (path, target))
    return '\n'.join(lines)


def self_test():
    circle = {
        'a/x.h': '#include "y.h"\n',
        'a/x.c': '#include "x.h"\n',
        'a/y.h': '/* #include "x.h" in a comment is not an include */\n',
        'a/y.c': '#include "y.h"\n#include "z.h"\n',
        'a/z.h': '#include <glib.h>\n',
        'a/z.c': '#include "x.h"\n',
        'a/w.c': '#include "w-private.h"\n',
        'a/w-private.h': '#include "w.h"\n',
        'a/w.h': '',
    }
    cycles = find_cycles(read_graph(circle))
    assert cycles == [['x', 'y', 'z']], cycles
    leaf = dict(circle)
    leaf['a/z.c'] = '#include "z.h"\n'
    assert find_cycles(read_graph(leaf)) == [], 'a tree reported as a circle'


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: check-includes.py APP-FOLDER')
    self_test()

    files = {}
    for folder, _, names in os.walk(sys.argv[1]):
        for name in names:
            if name.endswith(('.c', '.h')):
                path = os.path.join(folder, name)
                with open(path, encoding='utf-8') as f:
                    files[os.path.relpath(path, sys.argv[1])] = f.read()

    graph = read_graph(files)
    cycles = find_cycles(graph)
    for component in cycles:
        print('circle of includes among %s:\n%s' % (', '.join(component),
                                                     describe(graph, component)))
    if cycles:
        sys.exit(1)
    print('%d modules, no circle of includes' % len(graph))


if __name__ == '__main__':
    main()
