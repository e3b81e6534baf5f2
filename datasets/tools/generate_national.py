#!/usr/bin/env python3
"""Encode the two national tables of shared/data into Harmoni datasets.

    python3 datasets/tools/generate_national.py          # --data ../shared/data, writes datasets/

Writes
  datasets/norge/kilder.harmoni        the sources of the two tables (ids prefixed `norge_`)
  datasets/norge/kommuner-2019.harmoni municipality + population for every row of 1.1.2019
  datasets/norge/kommuner-2020.harmoni municipality + population for every row of 1.1.2020
  datasets/norge/reform-2020.harmoni   one `merger` block per row of municipal-reform-2020.tsv
  datasets/sammenslaing.harmoni        the three `merger` rows of nye Asker (3025), in the
                                       shipped dataset, with their source

Ids in `norge/`: `k2019_0101` (the municipality 0101 of 1.1.2019), `k2020_3001`; a merger row is
`merger k2020_3005.k2019_0602`. The folder `norge/` is not part of the default dataset load (the
loader reads one folder, not its subfolders); `harmoni new merger` reads it.

Every value keeps its status, its method string verbatim and its source. The script re-reads what
it wrote and checks that every TSV row became exactly one block with the same numbers; two runs
give identical files. Standard library only.
"""

import argparse
import os
import re
import sys

POP_FILE = "population-norway.tsv"
REFORM_FILE = "municipal-reform-2020.tsv"
NYE_ASKER = {"0220": "asker", "0627": "royken", "0628": "hurum", "3025": "nye_asker"}
GROUPS_FIRST = ["age_0", "age_1-5", "age_6-9", "age_10-15", "age_16-19", "age_20-66", "age_67-79", "age_80+"]
STATUSES = {"published": "published", "derived": "derived", "carried-forward": "carried_forward",
            "estimated": "estimated"}
NUMBER_RE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
HEADER = """# {what}
#
# Generert fra shared/data av datasets/tools/generate_national.py (kilde: {files}).
# Syntaks: docs/LANGUAGE.md. Status, metode og kilde står ordrett fra TSV-filen.
"""


class DataError(Exception):
    pass


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(header):
            raise DataError("%s:%d: %d fields, header has %d" % (path, number, len(fields), len(header)))
        row = dict(zip(header, fields))
        row["_line"] = number
        rows.append(row)
    return header, rows


def fmt_number(raw):
    """'5328212' -> '5 328 212'; '0.35' -> '0,35' (decimals kept as printed)."""
    if not NUMBER_RE.match(raw):
        raise DataError("not a number: %r" % raw)
    sign = "-" if raw.startswith("-") else ""
    whole, _, frac = raw.lstrip("-").partition(".")
    if len(whole) >= 4:
        head = len(whole) % 3 or 3
        whole = " ".join([whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)])
    return sign + whole + ("," + frac if frac else "")


def fmt_string(s):
    if any(c in s for c in "\n\t\r"):
        raise DataError("string spans lines: %r" % s)
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def code_id(year, code):
    """`k2019_0101`; a region code that is not a number (`21-22`, `Rest`) becomes `k2020_21_22`, `k2020_rest`."""
    return "k%s_%s" % (year, re.sub(r"[^0-9A-Za-z]", "_", code).lower())


def group_name(column):
    return column.replace("+", "_plus").replace("-", "_")


class Sources:
    """One `source` block per distinct (title, url), ids `norge_…` in order of first use."""

    def __init__(self, prefix):
        self.prefix = prefix
        self.ids = {}

    def ref(self, row):
        key = (row["source_title"], row["source_url"])
        if key not in self.ids:
            self.ids[key] = self.prefix + self.slug(row)
        return self.ids[key]

    def slug(self, row):
        url = row["source_url"]
        base = url.rsplit("/", 1)[-1] or row["source_title"]
        text = re.sub(r"[^a-z0-9]+", "_", base.lower()).strip("_")
        candidate, n = text, 2
        while candidate in (v[len(self.prefix):] for v in self.ids.values()):
            candidate, n = "%s_%d" % (text, n), n + 1
        return candidate

    def blocks(self):
        out = []
        for (title, url), sid in self.ids.items():
            out.append("source %s {\n  title = %s\n  url = %s\n}\n" % (sid, fmt_string(title), fmt_string(url)))
        return out


def provenance(row, source_id):
    status = STATUSES.get(row["status"])
    if status is None:
        raise DataError("line %d: unknown status %r" % (row["_line"], row["status"]))
    lines = ["  status = %s" % status]
    if row["method"]:
        lines.append("  method = %s" % fmt_string(row["method"]))
    elif status != "published":
        raise DataError("line %d: %s without method" % (row["_line"], status))
    lines.append("  source = %s" % source_id)
    if row["note"]:
        lines.append("  note = %s" % fmt_string(row["note"]))
    return lines


def population_block(mid, row, header, source_id):
    lines = ["population %s {" % mid, "  date = %s" % row["date"]]
    ages = [c for c in header if c.startswith("age_")]
    ordered = GROUPS_FIRST + [c for c in ages if c not in GROUPS_FIRST]
    for column in ordered:
        if row[column] == "":
            raise DataError("line %d: empty %s" % (row["_line"], column))
        lines.append("  %s = %s" % (group_name(column), fmt_number(row[column])))
    lines.append("  total = %s" % fmt_number(row["total"]))
    lines += provenance(row, source_id)
    return "\n".join(lines) + "\n}\n"


def municipality_block(mid, number, name):
    return "municipality %s {\n  number = %s\n  name = %s\n}\n" % (mid, fmt_string(number), fmt_string(name))


def merger_block(new_id, old_id, row, source_id):
    lines = ["merger %s.%s {" % (new_id, old_id), "  share = %s" % fmt_number(row["share"])]
    lines.append("  valid = 2020-01-01...")
    lines += provenance(row, source_id)
    return "\n".join(lines) + "\n}\n"


def write(path, header, blocks):
    text = header + "\n" + "\n".join(blocks)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return text


def generate(data, out):
    pop_header, pop_rows = read_tsv(os.path.join(data, POP_FILE))
    _, reform_rows = read_tsv(os.path.join(data, REFORM_FILE))
    sources = Sources("norge_")
    files = {}
    for year in ("2019", "2020"):
        blocks, seen = [], set()
        for row in pop_rows:
            if not row["date"].startswith(year + "-"):
                continue
            mid = code_id(year, row["municipality"])
            if mid in seen:
                raise DataError("line %d: %s twice" % (row["_line"], mid))
            seen.add(mid)
            blocks.append(municipality_block(mid, row["municipality"], row["municipality_name"]))
            blocks.append(population_block(mid, row, pop_header, sources.ref(row)))
        what = "Folketall 1.1.%s for hver kommune i Norge (kommunestrukturen på den datoen), SSB 07459." % year
        files["norge/kommuner-%s.harmoni" % year] = (HEADER.format(what=what, files=POP_FILE), blocks)
    blocks = []
    for row in reform_rows:
        blocks.append(merger_block(code_id("2020", row["municipality_2020"]), code_id("2019", row["municipality_2019"]),
                                   row, sources.ref(row)))
    what = ("Kommunereformen 1.1.2020: hvilken kommune hver kommune av 1.1.2019 ble del av "
            "(`merger ny.gammel`, share = andel; delte kommuner er anslag).")
    files["norge/reform-2020.harmoni"] = (HEADER.format(what=what, files=REFORM_FILE), blocks)
    files["norge/kilder.harmoni"] = (
        HEADER.format(what="Kilder for folketallene og kommunereformen.", files=POP_FILE + ", " + REFORM_FILE),
        sources.blocks())
    # The shipped dataset: nye Asker's three rows, with their own copy of the source.
    shipped = Sources("reform_")
    blocks = []
    for row in reform_rows:
        if row["municipality_2020"] != "3025":
            continue
        blocks.append(merger_block(NYE_ASKER["3025"], NYE_ASKER[row["municipality_2019"]], row, shipped.ref(row)))
    if len(blocks) != 3:
        raise DataError("nye Asker: %d reform rows, expected 3" % len(blocks))
    what = ("Sammenslåingen: Asker, Røyken og Hurum ble nye Asker 1.1.2020 (municipal-reform-2020.tsv). "
            "Harmoni sammenligner kommunene som står her, i kommunenummer-orden.")
    files["sammenslaing.harmoni"] = (HEADER.format(what=what, files=REFORM_FILE), shipped.blocks() + blocks)
    written = {}
    for name in sorted(files):
        header, blocks = files[name]
        written[name] = write(os.path.join(out, name), header, blocks)
    verify(written, pop_rows, reform_rows)
    return written


def verify(written, pop_rows, reform_rows):
    """Every TSV row is exactly one block with the same numbers (re-read from the written text)."""
    blocks = {}
    for name, text in written.items():
        for match in re.finditer(r"^(\w+) ([\w.]+) \{\n(.*?)^\}", text, re.S | re.M):
            key = (match.group(1), match.group(2))
            if key in blocks:
                raise DataError("%s: %s %s twice" % (name, key[0], key[1]))
            blocks[key] = dict(re.findall(r"^  (\w+) = (.*)$", match.group(3), re.M))
    for row in pop_rows:
        mid = code_id(row["date"][:4], row["municipality"])
        block = blocks.get(("population", mid))
        if block is None or block["total"] != fmt_number(row["total"]) or block["date"] != row["date"]:
            raise DataError("%s line %d not written exactly" % (POP_FILE, row["_line"]))
        for column in [c for c in row if c.startswith("age_")]:
            if block[group_name(column)] != fmt_number(row[column]):
                raise DataError("%s line %d: %s" % (POP_FILE, row["_line"], column))
    for row in reform_rows:
        block = blocks.get(("merger", code_id("2020", row["municipality_2020"]) + "." + code_id("2019", row["municipality_2019"])))
        if block is None or block["share"] != fmt_number(row["share"]):
            raise DataError("%s line %d not written exactly" % (REFORM_FILE, row["_line"]))
    expected = len(pop_rows) * 2 + len(reform_rows) + 3
    counted = sum(1 for k in blocks if k[0] in ("population", "municipality", "merger"))
    if counted != expected:
        raise DataError("%d blocks written, %d expected" % (counted, expected))


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    datasets = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.path.join(os.path.dirname(datasets), "..", "shared", "data"))
    parser.add_argument("--out", default=datasets)
    args = parser.parse_args(argv)
    try:
        written = generate(os.path.normpath(args.data), args.out)
    except DataError as error:
        print("generate_national.py: %s" % error, file=sys.stderr)
        return 1
    for name in sorted(written):
        print("wrote %s (%d bytes)" % (os.path.join(args.out, name), len(written[name].encode("utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
