#!/usr/bin/env bash
# Opens Harmoni's .xlsx exports in LibreOffice Calc (headless, Norwegian locale) and reads the
# cells back: numbers must be numbers shown in Norwegian formats (`1 434 426`, `28 430 kr`,
# `31,9 %`), statuses in their own column, and each area's budget rows must sum to its sum row.
# Installs libreoffice-calc-nogui if missing (as root; ≈ 45 s measured). Called by
# Tests/browser/check-html.sh. Usage: bash Tests/xlsx/check-libreoffice.sh HARMONI OUTDIR
set -euo pipefail
bin="$1"
out="$2"
if ! command -v soffice >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing libreoffice-calc-nogui (apt-get)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
  else
    echo "LibreOffice is missing: sudo apt-get install -y libreoffice-calc-nogui" >&2
    exit 2
  fi
fi
rm -rf "$out" && mkdir -p "$out"
(cd "$out" && "$bin" -e 'export budget to "budget.xlsx"
export diff sfo to "sfo.xlsx"' >/dev/null)
convert() { # file shown(true|false) folder
  mkdir -p "$out/$3"
  # CSV filter options: ; separator, " quotes, UTF-8, …, token 9 = save cell contents as shown.
  LANG=nb_NO.UTF-8 LC_ALL=nb_NO.UTF-8 timeout 120 soffice --headless -env:UserInstallation="file://$out/profile" \
    --convert-to "csv:Text - txt - csv (StarCalc):59,34,76,1,,1044,false,true,$2,false,false,-1" \
    --outdir "$out/$3" "$out/$1" >"$out/$3.log" 2>&1
}
convert budget.xlsx true shown
convert budget.xlsx false raw
convert sfo.xlsx true shown
/usr/bin/python3 - "$out" <<'PY'
import csv, glob, re, sys
out = sys.argv[1]
def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.reader(f, delimiter=';'))
problems = []
shown = glob.glob(out + '/shown/budget-Skyggebudsjett*.csv')
raw = glob.glob(out + '/raw/budget-Skyggebudsjett*.csv')
sfo = glob.glob(out + '/shown/sfo-Sammenligning*.csv')
if not (shown and raw and sfo):
    print('  LibreOffice wrote no sheets:', sorted(glob.glob(out + '/*/*.csv')))
    sys.exit(1)
budget_shown, budget_raw, sfo_shown = rows(shown[0]), rows(raw[0]), rows(sfo[0])
header = budget_raw[1]
if header[2] != '2020 (1 000 kr)' or header[3] != '2020 (status)':
    problems.append('budget header: %r' % header[:4])
grouped = re.compile(r'^-?\d{1,3}([\s\u00a0\u202f]\d{3})*$')
numbers = 0
for row in budget_shown[2:]:
    for i in (2, 4, 6, 8):
        if i < len(row) and row[i]:
            numbers += 1
            if not grouped.match(row[i]):
                problems.append('not a Norwegian grouped number: %r' % row[i])
if numbers < 20:
    problems.append('only %d numbers in the budget sheet' % numbers)
sums, checked = {}, 0
for row in budget_raw[2:]:
    if len(row) < 9 or row[0] in ('alle', 'Alle områder', 'All areas'):
        continue
    values = [row[i] for i in (2, 4, 6, 8)]
    if not all(re.fullmatch(r'-?\d+([.,]\d+)?', v) for v in values):
        continue
    values = [float(v.replace(',', '.')) for v in values]
    if row[1].startswith('Sum '):
        if sums.get(row[0]) != values:
            problems.append('%s: rows sum to %r, sum row %r' % (row[0], sums.get(row[0]), values))
        checked += 1
    else:
        sums[row[0]] = [a + b for a, b in zip(sums.get(row[0], [0, 0, 0, 0]), values)]
if checked < 2:
    problems.append('only %d sums checked' % checked)
cells = [c for r in sfo_shown for c in r]
for want in (r'^28[\s\u00a0\u202f]430 kr$', r'^31,9 %$', r'^30[\s\u00a0\u202f]539,83 kr$', r'^estimert$'):
    if not any(re.match(want, c) for c in cells):
        problems.append('SFO sheet: no cell like %s' % want)
for p in problems:
    print('  ' + p)
print('  %d budget numbers in Norwegian format, %d area sums right, SFO formats kr and %% shown' % (numbers, checked))
sys.exit(1 if problems else 0)
PY
