#!/usr/bin/env bash
# Checks Harmoni's HTML reports in a real browser (headless Chromium).
#
# For each report it takes an A4-sized screenshot, dumps the rendered DOM, prints it to PDF and
# collects the browser's console, then fails if the page is empty (no heading, too little text,
# a blank screenshot), if printing does not start each section on a new page, or if the console
# shows anything: an uncaught error, a console message, or a Content-Security-Policy violation
# (a script or an external resource the page tried to use).
#
# Reports checked:
#   1. the golden report of the tests (Tests/HarmoniTests/__Snapshots__/export/report.html):
#      synthetic tables with an estimate, a missing value, two charts and three sources;
#   2. the hostile report of the tests (…/__Snapshots__/export/hostile.html): `<script>`,
#      `onerror=`, `javascript:` addresses, quotes and newlines in every name, note and source;
#      any of them that became markup would run or load and show in the console;
#   3. a live report: `harmoni -e 'export report to "report.html"'` on the shipped datasets
#      (it holds the tables of every show statement that exists in this build);
#   4. the report of every shipped scenario (`harmoni run --output x.html scenarios/….harmoni`).
# Every table and text block is measured against the page at the printable width of A4
# portrait (703 px) and at 1280 px; one wider than the page fails (--self-test proves it can).
#
# Then Tests/xlsx/check-libreoffice.sh opens the .xlsx exports in LibreOffice Calc and reads the
# cells back (numbers, Norwegian formats, the budget's sums).
#
# Usage: bash Tests/browser/check-html.sh [--self-test]
#   --self-test  also proves the checks can fail: a blank page and a page with a script error
#                must both be rejected.
# Output (screenshots, DOM, logs) goes to $HARMONI_BROWSER_OUT or /tmp/harmoni-browser.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
out="${HARMONI_BROWSER_OUT:-${TMPDIR:-/tmp}/harmoni-browser}"
mkdir -p "$out"
self_test=false
for arg in "$@"; do
  case "$arg" in
    --self-test) self_test=true ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing chromium (apt-get)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    browser="$(command -v chromium)"
  else
    echo "chromium is missing: sudo apt-get install -y chromium" >&2
    exit 2
  fi
fi

# Runs the browser on one page: screenshot, DOM and console log.
render() { # name file
  local name="$1" file="$2" url
  url="file://$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
  local flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
    --enable-logging=stderr --v=0 --window-size=1240,1754)
  rm -f "$out/$name.png"
  timeout 120 "$browser" "${flags[@]}" --screenshot="$out/$name.png" "$url" >/dev/null 2>"$out/$name.screenshot.log" || true
  timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$out/$name.dom.html" 2>"$out/$name.dom.log" || true
  rm -f "$out/$name.pdf"
  timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$url" >/dev/null 2>"$out/$name.pdf.log" || true
  measure "$name" "$file"
}

# Measures every table (and text block) against the page: a copy of the page with a measuring
# script that writes «WIDE …» into the DOM for each element wider than the body, rendered at the
# printable width of A4 portrait (703 px) and at 1280 px. (The script runs only in the copy; the
# report itself stays script-free under its Content-Security-Policy.)
measure() { # name file
  local name="$1" file="$2" copy width
  copy="$out/$name.measure.html"
  sed -e 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' "$file" >"$copy"
  cat >>"$copy" <<'JS'
<script>
(function () {
  var body = document.body, limit = body.clientWidth + 1, out = [];
  document.querySelectorAll('table, p, li, h1, h2, h3, figure').forEach(function (el) {
    var r = el.getBoundingClientRect(), b = body.getBoundingClientRect();
    if (r.right > b.right + 1 || el.scrollWidth > el.clientWidth + 1) {
      out.push('WIDE ' + el.tagName + ' ' + Math.round(r.width) + '>' + Math.round(b.width) + ' ' + (el.textContent || '').slice(0, 60));
    }
  });
  var pre = document.createElement('pre'); pre.id = 'measured'; pre.textContent = out.join('\n') || 'OK';
  document.body.appendChild(pre);
})();
</script>
JS
  for width in 703 1280; do
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
      --window-size=$width,1000 --dump-dom "file://$copy" 2>/dev/null |
      sed -n '/<pre id="measured">/,/<\/pre>/p' >"$out/$name.width-$width.txt" || true
  done
}

# Checks what render left; prints the problems and returns non-zero if there are any.
check() { # name
  local name="$1" problems=0 text size
  if [ ! -s "$out/$name.png" ]; then echo "  $name: no screenshot"; problems=1; fi
  size=$(stat -c %s "$out/$name.png" 2>/dev/null || echo 0)
  # A blank 1240×1754 page compresses to a few kilobytes; a page with text and tables does not.
  if [ "$size" -lt 20000 ]; then echo "  $name: the screenshot looks blank ($size bytes)"; problems=1; fi
  if ! grep -qi "<h1" "$out/$name.dom.html"; then echo "  $name: no heading in the rendered page"; problems=1; fi
  text=$(sed -e 's/<style[^<]*<\/style>//g' -e 's/<[^>]*>//g' "$out/$name.dom.html" | tr -s ' \n\t' ' ' | wc -c)
  if [ "$text" -lt 300 ]; then echo "  $name: almost no text in the rendered page ($text characters)"; problems=1; fi
  # Printing to A4 portrait: at least one page, and no table wider than the page (measured in the
  # browser at the printable width of A4, 186 mm ≈ 703 px, and at a 1280 px screen).
  local pages
  pages=$(python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page[^s]", open(sys.argv[1], "rb").read())))' "$out/$name.pdf" 2>/dev/null || echo 0)
  if [ "$pages" -lt 1 ]; then echo "  $name: printed no pages"; problems=1; fi
  for width in 703 1280; do
    if ! grep -q 'id="measured"' "$out/$name.width-$width.txt" 2>/dev/null; then
      echo "  $name: the tables could not be measured at $width px"; problems=1
    elif grep -q "WIDE" "$out/$name.width-$width.txt"; then
      echo "  $name: tables wider than the page at $width px:"; grep "WIDE" "$out/$name.width-$width.txt" | head -5 | sed 's/^/    /'; problems=1
    fi
  done
  if cat "$out/$name.screenshot.log" "$out/$name.dom.log" "$out/$name.pdf.log" | grep -E "CONSOLE|Uncaught" >"$out/$name.console.txt"; then
    echo "  $name: console messages:"; sed 's/^/    /' "$out/$name.console.txt" | cut -c1-300; problems=1
  fi
  return $problems
}

failures=0
check_page() { # name file
  render "$1" "$2"
  if check "$1"; then echo "ok   $1 ($out/$1.png, $out/$1.pdf)"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}

check_page golden-report "$root/Tests/HarmoniTests/__Snapshots__/export/report.html"
check_page hostile-report "$root/Tests/HarmoniTests/__Snapshots__/export/hostile.html"

echo "building harmoni…"
swift build --product harmoni >/dev/null
bin="$(swift build --show-bin-path)/harmoni"
live="$out/live"
rm -rf "$live" && mkdir -p "$live"
(cd "$live" && "$bin" -e 'export report to "report.html"' >/dev/null)
check_page live-report "$live/report.html"

# The report of every shipped scenario, as `harmoni run --output x.html` writes it.
for scenario in scenarios/*.harmoni; do
  name="scenario-$(basename "$scenario" .harmoni)"
  "$bin" run --force --output "$live/$name.html" "$scenario" >/dev/null
  check_page "$name" "$live/$name.html"
done

# The .xlsx exports in LibreOffice Calc: numbers, Norwegian formats, sums (installs it if missing).
if bash Tests/xlsx/check-libreoffice.sh "$bin" "$out/xlsx"; then
  echo "ok   xlsx in LibreOffice ($out/xlsx)"
else
  echo "FAIL xlsx in LibreOffice"; failures=$((failures + 1))
fi

if $self_test; then
  mkdir -p "$out/self-test"
  printf '<!DOCTYPE html><html><head><title>x</title></head><body></body></html>\n' >"$out/self-test/blank.html"
  printf '<!DOCTYPE html><html><body><h1>Rapport</h1><p>%s</p><script>throw new Error("boom")</script></body></html>\n' \
    "$(printf 'tekst %.0s' $(seq 1 200))" >"$out/self-test/error.html"
  printf '<!DOCTYPE html><html><body><h1>Rapport</h1><p>%s</p><table><tr>%s</tr></table></body></html>\n' \
    "$(printf 'tekst %.0s' $(seq 1 200))" "$(printf '<td style="white-space:nowrap">1 234 567 890 kr</td>%.0s' $(seq 1 12))" >"$out/self-test/wide.html"
  for page in blank error wide; do
    render "self-test-$page" "$out/self-test/$page.html"
    if check "self-test-$page" >/dev/null; then
      echo "FAIL self-test: the $page page was not rejected"; failures=$((failures + 1))
    else
      echo "ok   self-test: the $page page is rejected"
    fi
  done
fi

if [ "$failures" -gt 0 ]; then echo "$failures report(s) failed the browser check"; exit 1; fi
echo "all reports passed the browser check"
