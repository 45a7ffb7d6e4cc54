#!/usr/bin/env bash
# check-package.sh — the Debian package builds, is lintian-clean, and its program runs
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-package.sh SOURCE-DIR DATA-DIR
#
# Builds study-ledger_VERSION_ARCH.deb with `dpkg-buildpackage -us -uc -b`
# from a clean copy of the committed tree (git archive HEAD; without git or
# outside a repository, the tree less its build folders), so that nothing
# untracked reaches the package and the source tree is left as it was. Then
# lintian must report no error and no warning; the package must hold the
# files an installation needs; and, unpacked with dpkg-deb -x (not
# installed), its study-ledger must run: --help, import-archive, check and a
# PDF export, which needs the pages module from the unpacked tree.
# Output is TAP, for meson: skipped ("1..0 # SKIP", exit 0, as meson's TAP
# reader wants; 77 would count as an error) only when dpkg-buildpackage is
# missing. Exit status 1 when a check failed.

set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: check-package.sh SOURCE-DIR DATA-DIR" >&2
  exit 2
fi
srcdir=$1
datadir=$2

# Not a Debian system: nothing to test. On a Debian system, a missing
# debhelper or lintian is a failure: build-aux/setup.sh installs them.
if ! command -v dpkg-buildpackage >/dev/null; then
  echo "1..0 # SKIP dpkg-buildpackage is not installed: not a Debian system"
  exit 0
fi
for tool in dh lintian dpkg-deb; do
  if ! command -v "$tool" >/dev/null; then
    echo "not ok 1 - $tool is installed (build-aux/setup.sh installs debhelper, lintian, dpkg-dev)"
    echo "1..1"
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/check-package.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

n=0
failed=0
ok ()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
# Prints a file indented as TAP diagnostics.
diag ()   { sed 's/^/# /' "$1"; }
finish () { echo "1..$n"; exit $failed; }

# 1. A clean copy of the source tree.
tree=$work/src/study-ledger
mkdir -p "$tree"
if git -C "$srcdir" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  how="git archive HEAD"
  git -C "$srcdir" archive --format=tar HEAD | tar -x -C "$tree"
else
  how="copy without build folders"
  tar -C "$srcdir" --exclude='./_build*' --exclude='./build' --exclude='./obj-*' \
      --exclude='./.git' --exclude='./debian/study-ledger' -cf - . | tar -x -C "$tree"
fi
if [ -f "$tree/debian/control" ] && [ -f "$tree/meson.build" ]; then
  ok "clean copy of the source tree ($how)"
else
  not_ok "clean copy of the source tree ($how): no debian/control or meson.build"
  finish
fi

# A repository of the copy, to see afterwards what the build left in it.
git_tree=no
if command -v git >/dev/null \
   && (cd "$tree" && git init -q . && git add -A . \
         && git -c user.name=check -c user.email=check@localhost commit -q -m tree) >/dev/null 2>&1; then
  git_tree=yes
fi

version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" "$tree/meson.build" | head -n 1)
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
deb=$work/src/study-ledger_${version}_${arch}.deb

# 2. The package builds. Its version is meson.build's.
start=$(date +%s)
if (cd "$tree" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1 && [ -f "$deb" ]; then
  ok "dpkg-buildpackage -us -uc -b wrote $(basename "$deb") in $(($(date +%s) - start)) s"
else
  not_ok "dpkg-buildpackage -us -uc -b wrote $(basename "$deb")"
  tail -n 40 "$work/build.log" | diag /dev/stdin
  ls "$work/src" | diag /dev/stdin
  finish
fi

# 3. The build leaves nothing that git shows (debian/.gitignore, obj-*/ in
# .gitignore).
if [ $git_tree = yes ]; then
  (cd "$tree" && git status --porcelain) >"$work/status.log" 2>&1
  if [ -s "$work/status.log" ]; then
    not_ok "the build leaves no file that git status shows"
    diag "$work/status.log"
  else
    ok "the build leaves no file that git status shows"
  fi
fi

# 4. lintian: no error, no warning (debian/README.source explains what is
# overridden).
if lintian --fail-on error,warning "$deb" >"$work/lintian.log" 2>&1; then
  ok "lintian reports no error or warning"
else
  not_ok "lintian reports no error or warning"
  diag "$work/lintian.log"
fi

# 5. The files an installation needs, where the desktop looks for them.
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/contents"
missing=0
for file in \
    /usr/bin/study-ledger \
    /usr/libexec/study-ledger-window \
    "/usr/lib/$multiarch/study-ledger/study-ledger-pages.so" \
    /usr/share/applications/org.studyledger.StudyLedger.desktop \
    /usr/share/metainfo/org.studyledger.StudyLedger.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/org.studyledger.StudyLedger.svg \
    /usr/share/glib-2.0/schemas/org.studyledger.StudyLedger.gschema.xml \
    /usr/share/locale/zh_CN/LC_MESSAGES/study-ledger.mo \
    /usr/share/man/man1/study-ledger.1.gz \
    /usr/share/doc/study-ledger/copyright; do
  if ! grep -qxF "$file" "$work/contents"; then
    echo "# missing: $file"
    missing=1
  fi
done
if [ $missing -eq 0 ]; then
  ok "the package holds the program, window, pages module, desktop file, metainfo, icon, schema, zh_CN translation, manual page"
else
  not_ok "the package holds every file an installation needs"
fi

depends=$(dpkg-deb -f "$deb" Depends)
if [[ $depends == *fonts-noto-cjk* ]] && [[ $(dpkg-deb -f "$deb" Recommends) == *fonts-arphic-ukai* ]]; then
  ok "Depends names fonts-noto-cjk, Recommends fonts-arphic-ukai"
else
  not_ok "Depends names fonts-noto-cjk, Recommends fonts-arphic-ukai (Depends: $depends)"
fi

# The font with the rare name characters (CJK Extension B, 陈𠀀), 52 MB:
# recommended, not required; exports name what is missing without it.
recommends=$(dpkg-deb -f "$deb" Recommends)
if [[ $recommends == *fonts-hanazono* ]]; then
  ok "Recommends fonts-hanazono"
else
  not_ok "Recommends fonts-hanazono (Recommends: $recommends)"
fi

# 6. The unpacked program runs, from outside /usr: it must use its own
# module and translation, not look for them in /usr.
root=$work/root
dpkg-deb -x "$deb" "$root"
program=$root/usr/bin/study-ledger
ledger=$work/ledger.db
export XDG_DATA_HOME=$work/data

if "$program" --help >"$work/help.log" 2>&1 && grep -q 'import-archive' "$work/help.log"; then
  ok "study-ledger --help"
else
  not_ok "study-ledger --help"
  diag "$work/help.log"
fi

# Its own translation, from the unpacked tree (sl-relocation.c), where
# the machine has the locale (build-aux/setup.sh generates it).
if locale -a 2>/dev/null | grep -qiE '^zh_CN\.utf-?8$'; then
  if LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$program" --help >"$work/help-zh.log" 2>&1 \
     && grep -q '用法：' "$work/help-zh.log"; then
    ok "study-ledger --help in zh_CN, from the unpacked translation"
  else
    not_ok "study-ledger --help in zh_CN, from the unpacked translation"
    diag "$work/help-zh.log"
  fi
fi

if "$program" --database "$ledger" import-archive "$datadir/year-2023.json" >"$work/import.log" 2>&1; then
  ok "study-ledger import-archive year-2023.json"
else
  not_ok "study-ledger import-archive year-2023.json"
  diag "$work/import.log"
fi

if "$program" --database "$ledger" check >"$work/check.log" 2>&1; then
  ok "study-ledger check"
else
  not_ok "study-ledger check"
  diag "$work/check.log"
fi

pdf=$work/first-topic-ledger.pdf
if "$program" --database "$ledger" export first-topic-ledger --year 2023 --format pdf \
     --output "$pdf" >"$work/export.log" 2>&1 \
   && [ "$(head -c 5 "$pdf" 2>/dev/null)" = "%PDF-" ]; then
  ok "study-ledger export first-topic-ledger --format pdf (the unpacked pages module)"
else
  not_ok "study-ledger export first-topic-ledger --format pdf (the unpacked pages module)"
  diag "$work/export.log"
fi

finish
