#!/usr/bin/python3
# check-mnemonics.py — no two mnemonics alike in one view of a .ui file
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-mnemonics.py UI-FOLDER [PO-FILE...]
#
# Alt plus a letter activates the first widget whose label underlines it;
# a second one of the same letter is out of reach (it only cycles focus).
# In the Chinese interface the letters are those of the translations
# ("添加课题(_A)"), so each PO file given is checked too, as is English.
#
# A view is what is on screen at once: the template outside its stack
# pages, each stack page, each popover and each menu is its own view
# (their mnemonics are live only while they show). A label counts when
# its object sets use-underline (menus always underline), or when it is
# the label of a GtkLabel with a mnemonic widget.
#
# Some buttons are made in code and added to a view of a .ui file (the
# meeting editor's banners): a comment `check-mnemonics: NAME.ui` in the
# C source, on one of the three lines before `_with_mnemonic (_("…"))`,
# makes that label part of the template's view of NAME.ui. The C sources
# are read from the folder `app` beside UI-FOLDER.
#
# Before the tree, the script checks itself on a sample, so that a change
# that blinds it fails too.

import os
import re
import sys
import xml.etree.ElementTree as ET

SCOPES = {'GtkStackPage', 'AdwViewStackPage', 'GtkPopover', 'GtkPopoverMenu',
          'AdwLeafletPage', 'GtkShortcutsWindow', 'GtkDialog', 'AdwWindow',
          'AdwMessageDialog'}
TEXT_PROPERTIES = {'label', 'title'}


def read_po(path):
    """msgid -> msgstr of one PO file (plain entries, no context)."""
    entries = {}
    msgid = msgstr = None
    state = None
    with open(path, encoding='utf-8') as po:
        for line in po:
            line = line.strip()
            if line.startswith('msgctxt'):
                state = 'ctxt'
            elif line.startswith('msgid '):
                if msgid is not None and msgstr:
                    entries.setdefault(msgid, msgstr)
                msgid, msgstr, state = unquote(line[6:]), None, 'id'
            elif line.startswith('msgstr '):
                msgstr, state = unquote(line[7:]), 'str'
            elif line.startswith('"'):
                if state == 'id':
                    msgid += unquote(line)
                elif state == 'str':
                    msgstr += unquote(line)
    if msgid is not None and msgstr:
        entries.setdefault(msgid, msgstr)
    return entries


def unquote(text):
    text = text.strip()
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1]
    return text.replace('\\"', '"').replace('\\n', '\n').replace('\\\\', '\\')


def mnemonic(text):
    """The underlined letter of @text, lower case, or None."""
    match = re.search(r'_([^_])', text.replace('__', ''))
    return match.group(1).lower() if match else None


def labels(element, scope, found):
    """Appends (scope, text) for each underlined label under @element."""
    for child in element:
        if child.tag == 'menu':
            menu_labels(child, 'menu %s' % child.get('id', '?'), found)
            continue
        if child.tag in ('object', 'template'):
            klass = child.get('class') or child.get('parent') or ''
            inner = scope
            if klass in SCOPES and child.tag == 'object':
                inner = '%s %s' % (klass, child.get('id', '#%d' % len(found)))
            props = {p.get('name'): p for p in child.findall('property')}
            underline = props.get('use-underline')
            if (underline is not None and underline.text == 'True') or 'mnemonic-widget' in props:
                for name in TEXT_PROPERTIES:
                    if name in props and props[name].text:
                        found.append((inner, props[name].text, child.get('id')))
            labels(child, inner, found)
        else:
            labels(child, scope, found)


def menu_labels(menu, scope, found):
    for attribute in menu.iter('attribute'):
        if attribute.get('name') == 'label' and attribute.text:
            found.append((scope, attribute.text, None))


CODE_MARK = re.compile(r'check-mnemonics:\s*([\w.-]+\.ui)')
CODE_LABEL = re.compile(r'_with_mnemonic\s*\(\s*_\s*\(\s*"((?:[^"\\]|\\.)*)"')


def code_labels(text, where, found):
    """Adds {ui-name: [(scope, label, where)]} for each marked label in @text."""
    lines = text.split('\n')
    for number, line in enumerate(lines):
        mark = CODE_MARK.search(line)
        if not mark:
            continue
        for following in lines[number + 1:number + 4]:
            label = CODE_LABEL.search(following)
            if label:
                found.setdefault(mark.group(1), []).append(
                    ('view', unquote('"%s"' % label.group(1)), where))
                break
        else:
            sys.exit('%s:%d: a check-mnemonics mark with no _with_mnemonic (_("…")) '
                     'on the next three lines' % (where, number + 1))


def read_code(folder):
    found = {}
    for base, _dirs, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith('.c'):
                path = os.path.join(base, name)
                with open(path, encoding='utf-8') as source:
                    code_labels(source.read(), path, found)
    return found


def check_tree(root, where, translations, extra=()):
    found = []
    labels(root, 'view', found)
    found += list(extra)
    problems = []
    for language, table in translations:
        seen = {}
        for scope, text, ident in found:
            shown = table.get(text, text) if table is not None else text
            key = mnemonic(shown)
            if key is None:
                continue
            other = seen.get((scope, key))
            if other is not None:
                problems.append('%s: %s: "%s" and "%s" share the mnemonic %s (%s)'
                                % (where, scope, other, shown, key.upper(), language))
            elif other is None:
                seen[(scope, key)] = shown
    return problems


def self_test():
    sample = ET.fromstring(
        '<interface><template class="X" parent="GtkBox">'
        '<child><object class="GtkButton"><property name="label">_Add</property>'
        '<property name="use-underline">True</property></object></child>'
        '<child><object class="GtkButton"><property name="label">_Apply</property>'
        '<property name="use-underline">True</property></object></child>'
        '<child><object class="GtkStackPage"><property name="child">'
        '<object class="GtkButton"><property name="label">_About</property>'
        '<property name="use-underline">True</property></object></property></object></child>'
        '</template></interface>')
    problems = check_tree(sample, 'sample', [('en', None)])
    if len(problems) != 1 or '_Apply' not in problems[0]:
        sys.exit('check-mnemonics.py is blind: the sample gave %r' % problems)
    translated = check_tree(sample, 'sample', [('zh', {'_Add': '添加(_B)', '_Apply': '应用(_A)'})])
    if translated:
        sys.exit('check-mnemonics.py misreads translations: %r' % translated)
    code = {}
    code_labels('/* check-mnemonics: x.ui */\n'
                'button = gtk_button_new_with_mnemonic (_("_Unlock…"));\n'
                'other = gtk_button_new_with_mnemonic (_("_Zoom"));\n', 'sample.c', code)
    single = ET.fromstring(
        '<interface><template class="X" parent="GtkBox">'
        '<child><object class="GtkLabel"><property name="label">S_ummary</property>'
        '<property name="use-underline">True</property></object></child>'
        '</template></interface>')
    problems = check_tree(single, 'sample', [('en', None)], code.get('x.ui', []))
    if len(code.get('x.ui', [])) != 1 or len(problems) != 1 or '_Unlock' not in problems[0]:
        sys.exit('check-mnemonics.py is blind to labels made in code: %r' % problems)


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: check-mnemonics.py UI-FOLDER [PO-FILE...]')
    self_test()
    translations = [('en', None)]
    for path in sys.argv[2:]:
        translations.append((os.path.basename(path), read_po(path)))
    problems = []
    folder = sys.argv[1]
    code_folder = os.path.join(os.path.dirname(os.path.abspath(folder)), 'app')
    code = read_code(code_folder) if os.path.isdir(code_folder) else {}
    for name in code:
        if not os.path.exists(os.path.join(folder, name)):
            problems.append('check-mnemonics mark names %s, which is not in %s' % (name, folder))
    for name in sorted(os.listdir(folder)):
        if name.endswith('.ui'):
            root = ET.parse(os.path.join(folder, name)).getroot()
            problems += check_tree(root, name, translations, code.get(name, []))
    for problem in problems:
        print(problem)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
