#!/bin/bash
# screenshots.sh — every page of the window at 1400, 700 and 360 px, light and dark
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/screenshots.sh [BUILDDIR] [OUTDIR]
#
# Opens the installed build (meson install into BUILDDIR/install, as
# setup.sh --run does) in Chinese under Xvfb on a ledger of a realistic
# year (tests/data/year-2023.json), with a fresh one for the welcome page,
# and writes OUTDIR/<page>-<width>-<light|dark>.png (docs/screenshots by
# default): the welcome page, the nine pages of the sidebar and a meeting
# open in the editor. The pictures are scaled by half and reduced to 64
# colours, so that the committed set stays small (SCREENSHOT_SCALE=100
# keeps full size and all colours, to look at details; SCREENSHOT_WIDTHS
# and SCREENSHOT_SCHEMES take fewer widths or schemes). Needs xvfb-run,
# xdotool and ImageMagick (import, convert), and the zh_CN.UTF-8 locale.

set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-$src/_build}
out=${2:-$src/docs/screenshots}
prefix=$builddir/install
height=900
scale=${SCREENSHOT_SCALE:-50}
widths=${SCREENSHOT_WIDTHS:-1400 700 360}
schemes=${SCREENSHOT_SCHEMES:-light dark}

for tool in xvfb-run xdotool import convert dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is needed" >&2; exit 1; }
done

ninja -C "$builddir" install >/dev/null
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$prefix/bin/study-ledger" --database "$work/year.db" import-archive "$src/tests/data/year-2023.json" >/dev/null

export GSETTINGS_SCHEMA_DIR=$prefix/share/glib-2.0/schemas
export XDG_DATA_DIRS=$prefix/share:/usr/local/share:/usr/share
export GSETTINGS_BACKEND=memory GSK_RENDERER=cairo
export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
export SL_TODAY=2023-12-31

# One session: opens the window on $1 at width $2, then for each
# name:keys pair presses the keys and takes the window. It fails when
# the window does not show (on a loaded machine, another X server may
# take the display xvfb-run picked): session() then tries again, on a
# fresh ledger for the welcome page, and shows the application's messages.
run_session () {
  local db=$1 width=$2 scheme=$3; shift 3
  ADW_DEBUG_COLOR_SCHEME=$scheme xvfb-run -a -s "-screen 0 ${width}x${height}x24" \
    dbus-run-session -- bash -s "$prefix" "$db" "$width" "$height" "$work" "$@" <<'SESSION'
prefix=$1 db=$2 width=$3 height=$4 work=$5; shift 5
"$prefix/bin/study-ledger" --database "$db" 2>"$work/app.log" &
app=$!
wid=
for _ in $(seq 120); do
  wid=$(xdotool search --onlyvisible --class study-ledger 2>/dev/null | head -1) && [ -n "$wid" ] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$wid" ]; then
  echo "screenshots.sh: no window at ${width} px" >&2
  kill "$app" 2>/dev/null
  exit 1
fi
xdotool windowmove "$wid" 0 0 windowsize "$wid" "$width" "$height"
sleep 3
for shot in "$@"; do
  name=${shot%%:*} keys=${shot#*:}
  for key in $keys; do
    case $key in
      # The first rows of the meetings list: a double click opens one.
      open-row) xdotool mousemove --window "$wid" $((width / 2)) 165 click --repeat 2 --delay 80 1 ;;
      *) xdotool key --window "$wid" "$key" ;;
    esac
    sleep 0.3
  done
  sleep 1.5
  import -window root "$work/$name.png"
done
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null
exit 0
SESSION
}

session () {
  local fresh=$1; shift
  for attempt in 1 2 3; do
    [ "$fresh" = fresh ] && rm -f "$1" "$1"-*
    run_session "$@" && return 0
    echo "screenshots.sh: attempt $attempt at $2 px failed; the application said:" >&2
    cat "$work/app.log" >&2 2>/dev/null || true
  done
  return 1
}

for width in $widths; do
  for scheme in $schemes; do
    variant=prefer-light
    [ "$scheme" = dark ] && variant=prefer-dark
    session fresh "$work/empty.db" "$width" "$variant" "welcome:"
    session kept "$work/year.db" "$width" "$variant" \
      "overview:ctrl+1" "meetings:ctrl+2" "meeting-editor:ctrl+2 open-row" \
      "plan:ctrl+3" "members:ctrl+4" "measures:ctrl+5" "research:ctrl+6" \
      "pool:ctrl+7" "talks:ctrl+8" "reports:ctrl+9"
    for page in welcome overview meetings meeting-editor plan members measures research \
                pool talks reports; do
      [ -f "$work/$page.png" ] || continue
      if [ "$scale" = 100 ]; then
        cp "$work/$page.png" "$out/$page-$width-$scheme.png"
      else
        convert "$work/$page.png" -resize "$scale%" -colors 64 "PNG8:$out/$page-$width-$scheme.png"
      fi
      rm -f "$work/$page.png"
    done
  done
done

echo "screenshots.sh: wrote $(ls "$out" | wc -l) pictures to $out"
