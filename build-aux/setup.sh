#!/usr/bin/env bash
# setup.sh — prepare a Debian bookworm machine, build Study Ledger, run it or its tests
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian packages the build and the tests need (only the missing
# ones; `apt-get update` at most once), generates the zh_CN.UTF-8 locale,
# configures and builds the build directory, and stages an installation
# inside it (<builddir>/install, the build's prefix) so that the program
# started from the build tree finds its translations, icon and settings schema
# without root. Then, with --run, opens the window on the default database;
# with --test, runs every test under Xvfb and a private D-Bus session.

set -euo pipefail

usage ()
{
  cat <<'EOF'
Usage: build-aux/setup.sh [--builddir DIR] [--run | --test [MESON-TEST-ARGS...]]

Installs what is missing, then configures and builds DIR (default: _build).
  --run    then opens the application on the default database
  --test   then runs the test suite (extra arguments go to `meson test`)
EOF
}

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=$srcdir/_build
mode=build

while [ $# -gt 0 ]; do
  case $1 in
    --run)      mode=run; shift; break ;;
    --test)     mode=test; shift; break ;;
    --builddir) [ $# -ge 2 ] || { usage >&2; exit 2; }
                builddir=$2; shift 2 ;;
    -h|--help)  usage; exit 0 ;;
    *)          usage >&2; exit 2 ;;
  esac
done
if [ "$mode" != test ] && [ $# -gt 0 ]; then
  usage >&2
  exit 2
fi
case $builddir in
  /*) ;;
  *)  builddir=$PWD/$builddir ;;
esac
prefix=$builddir/install

say () { printf 'setup.sh: %s\n' "$*" >&2; }

packages=(
  libgtk-4-dev libadwaita-1-dev libxlsxwriter-dev libsqlite3-dev libcairo2-dev
  libpango1.0-dev libjson-glib-dev libarchive-dev libpoppler-glib-dev meson ninja-build gcc
  pkg-config gettext python3-pypdf
  xvfb xauth libxtst6 dbus dbus-x11 fonts-noto-cjk fonts-arphic-ukai poppler-utils
  python3-openpyxl desktop-file-utils appstream-util imagemagick locales
  clang libclang-rt-14-dev debhelper lintian dpkg-dev
)
# A spreadsheet program for the tests, without the desktop it recommends.
packages_no_recommends=(
  libreoffice-calc-nogui
)

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  as_root=(false)
fi

need_root ()
{
  if [ "${as_root[*]}" = false ]; then
    say "$1 needs root: run this script as root or install sudo"
    exit 1
  fi
}

missing_packages ()
{
  local package status
  for package in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case $status in
      *" ok installed") ;;
      *) printf '%s\n' "$package" ;;
    esac
  done
}

apt_updated=no
apt_install ()
{
  need_root "installing $*"
  if [ $apt_updated = no ]; then
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
    apt_updated=yes
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q -o Dpkg::Use-Pty=0 "$@" </dev/null
}

mapfile -t missing < <(missing_packages "${packages[@]}")
mapfile -t missing_no_recommends < <(missing_packages "${packages_no_recommends[@]}")
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt_install "${missing[@]}"
fi
if [ ${#missing_no_recommends[@]} -gt 0 ]; then
  say "installing ${missing_no_recommends[*]} (without recommends)"
  apt_install --no-install-recommends "${missing_no_recommends[@]}"
fi

# Tests and screenshots in Chinese need the locale; a fresh machine has only C.
if ! locale -a 2>/dev/null | grep -qiE '^zh_CN\.utf-?8$'; then
  need_root "generating the zh_CN.UTF-8 locale"
  say "generating the zh_CN.UTF-8 locale"
  "${as_root[@]}" sed -i 's/^# *\(zh_CN\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  if ! grep -q '^zh_CN\.UTF-8 UTF-8' /etc/locale.gen; then
    echo 'zh_CN.UTF-8 UTF-8' | "${as_root[@]}" tee -a /etc/locale.gen >/dev/null
  fi
  "${as_root[@]}" "$(command -v locale-gen || echo /usr/sbin/locale-gen)"
fi

if [ -f "$builddir/meson-private/coredata.dat" ]; then
  meson setup --reconfigure "$builddir" "$srcdir" --prefix "$prefix"
else
  meson setup "$builddir" "$srcdir" --prefix "$prefix"
fi
ninja -C "$builddir"
meson install -C "$builddir" --no-rebuild --quiet

case $mode in
  build)
    say "built in $builddir; start it with: build-aux/setup.sh --run"
    ;;

  run)
    export GSETTINGS_SCHEMA_DIR=$prefix/share/glib-2.0/schemas
    export XDG_DATA_DIRS=$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
    exec "$builddir/app/study-ledger"
    ;;

  test)
    # The cairo renderer: software GL is slow here and clips some glyphs.
    export GSK_RENDERER=cairo
    export GSETTINGS_SCHEMA_DIR=$builddir/resources
    exec xvfb-run -a -s '-screen 0 1280x1024x24' \
      dbus-run-session -- meson test -C "$builddir" --print-errorlogs "$@"
    ;;
esac
