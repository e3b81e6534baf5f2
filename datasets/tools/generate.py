#!/usr/bin/env python3
"""Generate the Harmoni dataset files in datasets/ from the curated TSV files in shared/data.

Usage:
    python3 datasets/tools/generate.py [--data DIR] [--out DIR] [--quiet]

--data defaults to ../shared/data relative to the repository root (the directory above
datasets/), --out defaults to datasets/ (the parent of this script's directory).

The output syntax is docs/LANGUAGE.md; the meaning of the TSV columns, statuses and encoding
rules is shared/data/README.md. Standard library only. The output is deterministic: running the
script twice gives byte-identical files.

After writing, the script re-reads every file it wrote and verifies that
  * each TSV row became exactly one block (kind, id, valid and value round-trip to the TSV),
  * the number of blocks per kind equals the number of TSV rows,
  * no number literal carries a decimal point and every number is grouped correctly,
  * every identifier is a legal Harmoni identifier and every `source` reference resolves.
It prints a summary and exits non-zero if a check fails.
"""

import argparse
import collections
import os
import re
import sys
import textwrap
import unicodedata

# ───────────────────────────── constants ─────────────────────────────

TSV_FILES = [
    "fees-2019.tsv",
    "rules-2019.tsv",
    "national.tsv",
    "population.tsv",
    "volumes-2019.tsv",
    "coverage-2019.tsv",
    "budgets-2019.tsv",
    "subsidies-2019.tsv",
    "households.tsv",
    "income-2018.tsv",
]

# income-2018.tsv names municipalities outside the dataset (Bærum, the national median):
# TSV code -> (id part of the `income` block, display name). The id part is a name, not a
# reference to a `municipality` block.
INCOME_REGIONS = {
    "0000": ("nasjonal", "Hele landet"),
    "0219": ("baerum", "Bærum"),
    "0220": ("asker", "Asker"),
    "0627": ("royken", "Røyken"),
    "0628": ("hurum", "Hurum"),
}

MUNICIPALITIES = {  # TSV code -> (id, number, display name)
    "0000": ("nasjonal", "0000", "Nasjonalt"),
    "0220": ("asker", "0220", "Asker"),
    "0627": ("royken", "0627", "Røyken"),
    "0628": ("hurum", "0628", "Hurum"),
    "3025": ("nye_asker", "3025", "Asker (nye Asker)"),
}
MUNI_ID = {code: v[0] for code, v in MUNICIPALITIES.items()}
MUNI_DISPLAY = {v[0]: v[2] for v in MUNICIPALITIES.values()}

AREA_NAMES_EN = {  # area id -> English display name (`name_en`, for --lang en)
    "administrasjon": "Administration and management",
    "oppvekst": "Childhood, education, knowledge",
    "helse": "Health, social services, care",
    "kultur": "Culture, sport, voluntary work",
    "klima": "Climate, environment and technical services",
    "eiendom": "Property",
    "nav": "NAV (labour and welfare)",
}

AREAS = [  # (id, TSV name) in the order of the seed documents
    ("administrasjon", "Administrasjon og ledelse"),
    ("oppvekst", "Oppvekst, undervisning, kunnskap"),
    ("helse", "Helse, sosial, omsorg"),
    ("kultur", "Kultur, idrett, frivillighet"),
    ("klima", "Klima, miljø og tekniske tjenester"),
    ("eiendom", "Eiendom"),
    ("nav", "NAV"),
]
AREA_ID = {name: aid for aid, name in AREAS}
# budgets-2019.tsv files the nye Asker totals under "Alle" (all areas); it is not an area block.
BUDGET_AREA_ID = dict(AREA_ID, Alle="alle")

SERVICE_NAMES = {
    "barnehage": "Barnehage",
    "sfo": "SFO",
    "kulturskole": "Kulturskole",
    "praktisk_bistand": "Praktisk bistand",
    "trygghetsalarm": "Trygghetsalarm",
    "korttidsopphold": "Korttidsopphold",
    "dag_nattopphold": "Dag- og nattopphold",
    "vann": "Vann",
    "avlop": "Avløp",
    "vann_avlop": "Vann og avløp",
    "renovasjon": "Renovasjon",
    "slam": "Slam",
    "byggesak": "Byggesak",
    "feiing": "Feiing",
    "husholdninger": "Husholdninger",
}
SERVICE_NAMES_EN = {  # service id -> English display name (`name_en`, for --lang en)
    "barnehage": "Kindergarten",
    "sfo": "After-school care (SFO)",
    "kulturskole": "School of arts",
    "praktisk_bistand": "Practical assistance",
    "trygghetsalarm": "Safety alarm",
    "korttidsopphold": "Short-term stay",
    "dag_nattopphold": "Day and night stay",
    "vann": "Water",
    "avlop": "Wastewater",
    "vann_avlop": "Water and wastewater",
    "renovasjon": "Waste collection",
    "slam": "Sludge",
    "byggesak": "Building applications",
    "feiing": "Chimney sweeping",
    "husholdninger": "Households",
}

# Display names of the fee lines (`line service.line` blocks): what tables show in place of the
# id. fees-2019.tsv has ids only; each name follows the line's note and source. (Norwegian, English)
LINE_NAMES = {
    ("barnehage", "full_plass_5d"): ("Full plass (5 dager)", "Full-time place (5 days)"),
    ("barnehage", "redusert_4d"): ("Redusert plass (4 dager)", "Reduced place (4 days)"),
    ("barnehage", "redusert_3d"): ("Redusert plass (3 dager)", "Reduced place (3 days)"),
    ("barnehage", "halv_plass"): ("Halv plass", "Half place"),
    ("barnehage", "kost"): ("Kostpenger", "Meals"),
    ("barnehage", "kost_lavest"): ("Kostpenger, laveste", "Meals, lowest"),
    ("barnehage", "kost_hoyest"): ("Kostpenger, høyeste", "Meals, highest"),
    ("sfo", "plass_5d"): ("Plass 5 dager i uken", "Place 5 days a week"),
    ("sfo", "plass_4d"): ("Plass 4 dager i uken", "Place 4 days a week"),
    ("sfo", "plass_3d"): ("Plass 3 dager i uken", "Place 3 days a week"),
    ("sfo", "ekstra_dag"): ("Ekstra dag", "Extra day"),
    ("sfo", "ferie_dag"): ("Feriedag", "Holiday day"),
    ("kulturskole", "ordinaer_undervisning"): ("Ordinær undervisning", "Regular tuition"),
    ("kulturskole", "gruppetilbud"): ("Gruppetilbud", "Group classes"),
    ("kulturskole", "gruppetilbud_5_7"): ("Gruppetilbud 5.–7. trinn", "Group classes, years 5–7"),
    ("kulturskole", "instrumentleie"): ("Instrumentleie", "Instrument hire"),
    ("kulturskole", "instrumentleie_fiolin"): ("Instrumentleie, fiolin", "Instrument hire, violin"),
    ("kulturskole", "sfo_kurs"): ("SFO-kurs", "After-school course"),
    ("praktisk_bistand", "timepris"): ("Timepris", "Price per hour"),
    ("trygghetsalarm", "abonnement"): ("Abonnement", "Subscription"),
    ("korttidsopphold", "dogn"): ("Per døgn", "Per day and night"),
    ("dag_nattopphold", "dag"): ("Per dag eller natt", "Per day or night"),
    ("vann", "fastledd"): ("Fastledd", "Fixed charge"),
    ("vann", "forbruk_m3"): ("Forbruk per m³", "Consumption per m³"),
    ("vann", "vannmalerleie"): ("Vannmålerleie", "Water meter rental"),
    ("avlop", "fastledd"): ("Fastledd", "Fixed charge"),
    ("avlop", "forbruk_m3"): ("Forbruk per m³", "Consumption per m³"),
    ("renovasjon", "grunnbelop"): ("Grunnbeløp", "Base charge"),
    ("renovasjon", "grunnbelop_sommer_fritid"): ("Grunnbeløp, fritidsbolig (sommer)", "Base charge, holiday home (summer)"),
    ("renovasjon", "variabel_2hjul_140_360l"): ("Restavfall, tohjulsbeholder 140–360 l", "Residual waste, two-wheel bin 140–360 l"),
    ("renovasjon", "variabel_4hjul_660_1000l"): ("Restavfall, firehjulsbeholder 660–1 000 l", "Residual waste, four-wheel bin 660–1 000 l"),
    ("renovasjon", "variabel_container_1100l"): ("Restavfall, container 1 100 l", "Residual waste, container 1 100 l"),
    ("renovasjon", "komposteringsfratrekk"): ("Fratrekk for hjemmekompostering", "Deduction for home composting"),
    ("renovasjon", "standard"): ("Standardabonnement", "Standard subscription"),
    ("renovasjon", "samarbeid"): ("Samarbeidsabonnement", "Shared subscription"),
    ("renovasjon", "storfamilie"): ("Storfamilie", "Large household"),
    ("renovasjon", "standard_hjemmekompost"): ("Standard, hjemmekompost", "Standard, home composting"),
    ("renovasjon", "samarbeid_hjemmekompost"): ("Samarbeid, hjemmekompost", "Shared, home composting"),
    ("renovasjon", "storfamilie_hjemmekompost"): ("Storfamilie, hjemmekompost", "Large household, home composting"),
    ("renovasjon", "hytte_standard_sommer"): ("Hytte, standard (sommer)", "Cabin, standard (summer)"),
    ("renovasjon", "hytte_samarbeid_sommer"): ("Hytte, samarbeid (sommer)", "Cabin, shared (summer)"),
    ("renovasjon", "hytte_standard_helar"): ("Hytte, standard (helår)", "Cabin, standard (all year)"),
    ("renovasjon", "hytte_samarbeid_helar"): ("Hytte, samarbeid (helår)", "Cabin, shared (all year)"),
    ("renovasjon", "gangtillegg_standard_per_10m"): ("Gangtillegg per 10 m", "Walking-distance surcharge per 10 m"),
    ("byggesak", "enebolig_200m2"): ("Enebolig 200 m²", "Detached house 200 m²"),
}

SELVKOST = {"vann", "avlop", "vann_avlop", "renovasjon", "slam", "feiing", "byggesak"}
# Services that appear in no TSV area column: their area follows from the seed documents
# (shared/data/README.md: VA, renovasjon, feiing and byggesak are Klima, miljø og tekniske tjenester).
EXTRA_SERVICE_AREAS = {"vann_avlop": "klima", "feiing": "klima"}
EXTRA_SERVICES = ["feiing"]  # services with no TSV row at all

STATUS = {
    "published": "published",
    "derived": "derived",
    "carried-forward": "carried_forward",
    "estimated": "estimated",
}
STATUS_ORDER = ["published", "derived", "carried_forward", "estimated"]

# TSV unit -> literal suffix, for units the literal carries exactly.
SUFFIX_UNITS = {
    "kr", "kr/mnd", "kr/år", "kr/semester", "kr/dag", "kr/døgn", "kr/time", "kr/m3", "kr/l/år",
    "%", "G", "timer/mnd", "timer/uke", "m3/år", "m3", "m2", "mnd", "år",
}

POPULATION_COLUMNS_FIRST = [
    "age_0", "age_1-5", "age_6-9", "age_10-15", "age_16-19", "age_20-66", "age_67-79", "age_80+",
]

FEIING_NOTE = (  # shown to users (Norwegian): no file path, no English
    "Ingen feie- og tilsynsgebyr for 2019 er funnet, heller ikke et landssnitt: verdien står som "
    "mangler, aldri som 0, og pipeløpet til husholdning (d) kan ikke prises."
)

IDENT_RE = re.compile(r"^[A-Za-z_æøåÆØÅ][A-Za-z0-9_æøåÆØÅ]*$")
NUMBER_RE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")



class DataError(Exception):
    pass


# ───────────────────────────── reading ─────────────────────────────

class Row(dict):
    """A TSV row; .file and .lineno locate it in shared/data."""

    file = ""
    lineno = 0

    @property
    def where(self):
        return "%s:%d" % (self.file, self.lineno)


def read_tsv(path):
    name = os.path.basename(path)
    with open(path, "rb") as fh:
        raw = fh.read()
    text = raw.decode("utf-8")
    if "\r" in text:
        raise DataError("%s: CR line ends" % name)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = lines[0].split("\t")
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(header):
            raise DataError("%s:%d: %d fields, header has %d" % (name, i, len(fields), len(header)))
        row = Row(zip(header, fields))
        row.file = name
        row.lineno = i
        rows.append(row)
    return header, rows


# ───────────────────────────── literals ─────────────────────────────

def fmt_number(raw):
    """'1408.43' -> '1 408,43'; '-1200' -> '-1 200'; keeps the decimals exactly as printed."""
    if not NUMBER_RE.match(raw):
        raise DataError("not a number: %r" % raw)
    sign = "-" if raw.startswith("-") else ""
    body = raw.lstrip("-")
    whole, _, frac = body.partition(".")
    if len(whole) >= 4:
        head = len(whole) % 3 or 3
        groups = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
        whole = " ".join(groups)
    return sign + whole + ("," + frac if frac else "")


def parse_number_literal(text):
    """Inverse of fmt_number for the verifier: '1 408,43' -> '1408.43'."""
    return text.replace(" ", "").replace(",", ".")


def fmt_string(s):
    if "\n" in s or "\t" in s or "\r" in s:
        raise DataError("string spans lines: %r" % s)
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def is_ident(s):
    return bool(IDENT_RE.match(s))


def encode_value(raw, unit):
    """TSV (value, unit) -> (literal or None, unit attribute or None)."""
    if raw == "":
        return None, (unit or None)
    if unit == "text":
        return fmt_string(raw), None
    if unit == "flag":
        if is_ident(raw):
            return raw, None
        return fmt_string(raw), "flag"
    num = fmt_number(raw)
    if unit in SUFFIX_UNITS:
        return "%s %s" % (num, unit), None
    if unit == "1000 kr":
        return num + " tkr", None
    if unit.startswith("1000 kr "):
        return num + " tkr", unit
    if unit.startswith("% "):
        return num + " %", unit
    if unit.startswith("kr per "):
        return num + " kr", unit
    return num, unit


def fmt_valid(frm, to):
    for d in (frm, to):
        if d and not DATE_RE.match(d):
            raise DataError("not an ISO date: %r" % d)
    if not frm and not to:
        return None
    if frm and frm == to:
        return frm
    return "%s...%s" % (frm, to)


# ───────────────────────────── identifiers ─────────────────────────────

def id_part(raw):
    """Return (identifier, changed?) for one dotted-path part."""
    if is_ident(raw):
        return raw, False
    s = raw.replace("+", "_plus")
    s = re.sub(r"[^A-Za-z0-9_æøåÆØÅ]", "_", s)
    s = re.sub(r"_+", "_", s)
    if not s or s[0].isdigit():
        s = "_" + s
    return s, True


def make_id(parts):
    """Dotted id from TSV parts; returns (id, comment or None)."""
    out, changed = [], False
    for p in parts:
        ident, c = id_part(p)
        out.append(ident)
        changed = changed or c
    comment = "id in shared/data: " + ".".join(parts) if changed else None
    return ".".join(out), comment


TRANSLIT = {"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a", "ß": "ss"}
SLUG_DROP = {"kommune", "i", "the", "a", "an"}
SLUG_MAX = 50
SLUG_HEAD = 24


def slug(title, url, head_and_tail=False):
    text = title or url
    # Parenthesised asides ("(sideversjon 2019, …)") rarely name the source; drop them unless
    # the rest is too short to be useful.
    stripped = re.sub(r"\([^()]*\)", " ", text)
    if len(re.sub(r"[^A-Za-z0-9]", "", stripped)) >= 8:
        text = stripped
    text = "".join(TRANSLIT.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    tokens, seen = [], set()
    for t in re.split(r"[^a-z0-9]+", text):
        if not t or t in SLUG_DROP or t in seen:
            continue
        seen.add(t)
        tokens.append(t)
    out = "_".join(tokens)
    if len(out) > SLUG_MAX and not head_and_tail:
        out = ""
        for t in tokens:
            cand = t if not out else out + "_" + t
            if len(cand) > SLUG_MAX:
                break
            out = cand
        if not out:
            out = tokens[0][:SLUG_MAX]
    elif len(out) > SLUG_MAX:
        # Two long titles share their opening words: keep the opening words (who) and the
        # closing words (which document), where titles such as "SSB … rådata …, Personer2019.csv"
        # differ.
        head, i = "", 0
        while i < len(tokens) and len(head) + len(tokens[i]) + 1 <= SLUG_HEAD:
            head = tokens[i] if not head else head + "_" + tokens[i]
            i += 1
        if not head:
            head, i = tokens[0][:SLUG_HEAD], 1
        tail, j = [], len(tokens)
        while j > i and len(head) + 1 + len("_".join([tokens[j - 1]] + tail)) <= SLUG_MAX:
            tail.insert(0, tokens[j - 1])
            j -= 1
        out = "_".join([head] + tail)
    if not out:
        out = "kilde"
    if out[0].isdigit():
        out = "s_" + out
    return out


# ───────────────────────────── blocks ─────────────────────────────

class Block:
    def __init__(self, kind, ident, comments=None, origin=None):
        self.kind = kind
        self.ident = ident
        self.comments = list(comments or [])
        self.attrs = []  # (comments, name, value)
        self.origin = origin  # Row or None

    def add(self, name, value, comments=None):
        self.attrs.append((list(comments or []), name, value))

    def render(self):
        lines = ["# " + c for c in self.comments]
        lines.append("%s %s {" % (self.kind, self.ident))
        for comments, name, value in self.attrs:
            for c in comments:
                lines.append("  # " + c)
            if name is not None:
                lines.append("  %s = %s" % (name, value))
        lines.append("}")
        return "\n".join(lines)


class HarmoniFile:
    def __init__(self, name, header_lines):
        self.name = name
        self.header = header_lines
        self.items = []  # Block or ("section", title)

    def section(self, title):
        self.items.append(("section", title))

    def block(self, b):
        self.items.append(b)

    def blocks(self):
        return [i for i in self.items if isinstance(i, Block)]

    def render(self):
        head = []
        for h in self.header:
            head.extend(["# " + x for x in textwrap.wrap(h, 96, break_on_hyphens=False)] or ["#"])
        chunks = ["\n".join(head)]
        for item in self.items:
            if isinstance(item, Block):
                chunks.append(item.render())
            else:
                chunks.append("# ── %s ──" % item[1])
        return "\n\n".join(chunks) + "\n"


def header_for(what, tsv_files):
    return [
        what,
        "",
        "Generert fra shared/data av datasets/tools/generate.py (kilde: %s)." % ", ".join(tsv_files),
        "Syntaks: docs/LANGUAGE.md. Forklaring av status, metode og hull: datasets/README.md.",
        "",
        "Kommunens fagfolk kan rette ethvert tall her direkte: endre `value`, sett `status = own`, "
        "skriv hvordan tallet er funnet i `method` og oppgi kilden i `source` (en `source`-blokk i "
        "kilder.harmoni). Merk: å kjøre generatoren på nytt overskriver filen; ta vare på egne tall "
        "i git og sjekk diffen.",
    ]


# ───────────────────────────── the generator ─────────────────────────────

class Generator:
    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.tables = {}
        for f in TSV_FILES:
            path = os.path.join(data_dir, f)
            if not os.path.exists(path):
                raise DataError("missing %s" % path)
            self.tables[f] = read_tsv(path)
        self.notes = []  # special handling worth reporting
        self.sources = {}  # (title, url) -> id
        self.expected = []  # (row, kind, id, valid, value_literal)
        self.build_sources()
        self.build_services()

    def rows(self, f):
        return self.tables[f][1]

    def note(self, msg):
        if msg not in self.notes:
            self.notes.append(msg)

    # ── sources ──
    def build_sources(self):
        pairs = set()
        for f in TSV_FILES:
            header, rows = self.tables[f]
            if "source_title" not in header:
                continue
            for r in rows:
                if r["source_title"] or r["source_url"]:
                    pairs.add((r["source_title"], r["source_url"]))
                else:
                    self.note("%s: no source title and no url; `source` omitted" % r.where)
        heads = collections.Counter(slug(t, u) for t, u in pairs)
        used = collections.Counter()
        for title, url in sorted(pairs):
            base = slug(title, url)
            if heads[base] > 1 or any(h.startswith(base + "_") for h in heads):
                base = slug(title, url, head_and_tail=True)
            used[base] += 1
            sid = base if used[base] == 1 else "%s_%d" % (base, used[base])
            while sid in self.sources.values():  # a base that itself ends in _N
                used[base] += 1
                sid = "%s_%d" % (base, used[base])
            self.sources[(title, url)] = sid

    def source_ref(self, row):
        key = (row.get("source_title", ""), row.get("source_url", ""))
        return self.sources.get(key)

    # ── services ──
    def build_services(self):
        area_of, order = {}, []
        for f in ("fees-2019.tsv", "rules-2019.tsv", "volumes-2019.tsv", "coverage-2019.tsv"):
            header, rows = self.tables[f]
            for r in rows:
                s = r["service"]
                if s == "alle":
                    continue
                if s not in order:
                    order.append(s)
                if "area" in header:
                    a = AREA_ID.get(r["area"])
                    if a is None:
                        raise DataError("%s: unknown area %r" % (r.where, r["area"]))
                    if area_of.setdefault(s, a) != a:
                        raise DataError("%s: service %s filed under two areas" % (r.where, s))
        for s in EXTRA_SERVICES:
            if s not in order:
                order.append(s)
        for s in order:
            if s not in area_of:
                if s not in EXTRA_SERVICE_AREAS:
                    raise DataError("service %s has no area in any TSV file" % s)
                area_of[s] = EXTRA_SERVICE_AREAS[s]
                self.note("service %s: no `area` column in any row; area %s taken from the "
                          "seed documents (VA, renovasjon, feiing, byggesak = Klima, miljø og "
                          "tekniske tjenester)" % (s, area_of[s]))
            if s not in SERVICE_NAMES or s not in SERVICE_NAMES_EN:
                raise DataError("service %s has no display name in SERVICE_NAMES(_EN)" % s)
        area_rank = {aid: i for i, (aid, _) in enumerate(AREAS)}
        self.services = sorted(order, key=lambda s: (area_rank[area_of[s]], order.index(s)))
        self.service_area = area_of

    # ── value blocks ──
    def value_block(self, kind, ident_parts, row, value_col="value", unit_col="unit",
                    specific=(), muni=None):
        ident, idcomment = make_id(ident_parts)
        comments = [idcomment] if idcomment else []
        b = Block(kind, ident, comments, origin=row)
        lit, unit_attr = encode_value(row[value_col], row[unit_col])
        if lit is None:
            b.add(None, None, ["value: not published"])
            self.note("%s: empty value" % row.where)
        else:
            b.add("value", lit)
        if unit_attr is not None:
            b.add("unit", fmt_string(unit_attr))
        for name, value in specific:
            if value is not None:
                b.add(name, value)
        valid = fmt_valid(row.get("valid_from", ""), row.get("valid_to", ""))
        if valid is not None:
            b.add("valid", valid)
        self.provenance(b, row)
        self.expected.append((row, kind, ident, valid, lit))
        return b

    def provenance(self, b, row):
        st = STATUS.get(row["status"])
        if st is None:
            raise DataError("%s: unknown status %r" % (row.where, row["status"]))
        if not row["method"] and st != "published":
            raise DataError("%s: %s value without method" % (row.where, st))
        b.add("status", st)
        b.add("method", fmt_string(row["method"]))
        ref = self.source_ref(row)
        if ref:
            b.add("source", ref)
        if row.get("note"):
            b.add("note", fmt_string(row["note"]))

    def muni(self, row):
        code = row["municipality"]
        if code not in MUNI_ID:
            raise DataError("%s: unknown municipality %r" % (row.where, code))
        return MUNI_ID[code]

    def fee(self, r):
        m = self.muni(r)
        return self.value_block("fee", [m, r["service"], r["line"]], r, specific=[
            ("billed_months", fmt_number(r["billed_months"]) if r["billed_months"] else None),
            ("vat", r["vat"] or None),
        ])

    def rule(self, r):
        m = self.muni(r)
        return self.value_block("rule", [m, r["service"], r["rule"], r["parameter"]], r)

    def volume(self, r):
        m = self.muni(r)
        return self.value_block("volume", [m, r["service"], r["line"]], r, unit_col="volume_unit")

    def coverage(self, r):
        m = self.muni(r)
        return self.value_block("coverage", [m, r["service"], r["indicator"]], r, specific=[
            ("numerator", fmt_number(r["numerator"]) if r["numerator"] else None),
            ("denominator", fmt_number(r["denominator"]) if r["denominator"] else None),
        ])

    def budget(self, r):
        m = self.muni(r)
        area = BUDGET_AREA_ID.get(r["area"])
        if area is None:
            raise DataError("%s: unknown area %r" % (r.where, r["area"]))
        if area == "alle":
            self.note("%s: budget area 'Alle' (whole municipality) -> id part `alle` "
                      "(not an area block)" % r.where)
        measure, _ = id_part(r["measure"])
        return self.value_block("budget", [m, area, r["line"]], r, specific=[("measure", measure)])

    def subsidy(self, r):
        m = self.muni(r)
        b = self.value_block("subsidy", [m, r["scheme"], r["line"]], r)
        area = AREA_ID.get(r["area"])
        if area is None:
            raise DataError("%s: unknown area %r" % (r.where, r["area"]))
        b.comments.append("area: %s" % area)
        return b

    def parameter(self, r):
        return self.value_block("parameter", ["nasjonal", r["parameter"], r["line"]], r, specific=[
            ("kind", fmt_string(r["kind"])),
            ("vintage", fmt_string(r["vintage"])),
            ("use_in_model", r["use_in_model"]),
        ])

    def income(self, r):
        code = r["municipality"]
        if code not in INCOME_REGIONS:
            raise DataError("%s: unknown municipality %r in income-2018.tsv" % (r.where, code))
        region, name = INCOME_REGIONS[code]
        return self.value_block("income", [region, r["measure"]], r, specific=[
            ("kommunenummer", fmt_string(code)),
            ("kommune", fmt_string(name)),
        ])

    def inntekt(self):
        f = HarmoniFile("inntekt.harmoni", header_for(
            "Inntekt: publiserte kalibreringspunkter for inntekter (medianer, en nedre grense, et "
            "antall husholdninger). Dette er ikke en inntektsfordeling for husholdninger: ingen er "
            "funnet. Befolkningsmodellen kalibrerer en fordeling mot disse punktene.",
            ["income-2018.tsv"]))
        f.section("Kalibreringspunkter (income-2018.tsv)")
        for r in self.rows("income-2018.tsv"):
            f.block(self.income(r))
        return f

    def population(self, r):
        header = self.tables["population.tsv"][0]
        m = self.muni(r)
        b = Block("population", m, origin=r)
        if not DATE_RE.match(r["date"]):
            raise DataError("%s: bad date" % r.where)
        b.add("date", r["date"])
        age_cols = [c for c in header if c.startswith("age_")]
        ordered = POPULATION_COLUMNS_FIRST + [c for c in age_cols if c not in POPULATION_COLUMNS_FIRST]
        for col in ordered:
            name = col.replace("+", "_plus").replace("-", "_")
            if r[col] == "":
                b.add(None, None, ["%s: not published" % name])
            else:
                b.add(name, fmt_number(r[col]))
        b.add("total", fmt_number(r["total"]))
        self.provenance(b, r)
        self.expected.append((r, "population", m, r["date"], fmt_number(r["total"])))
        return b

    # ── files ──
    def kilder(self):
        f = HarmoniFile("kilder.harmoni", header_for(
            "Kilder: én `source`-blokk per kilde (tittel + adresse) som radene i shared/data viser til.",
            [t for t in TSV_FILES if "source_title" in self.tables[t][0]]))
        for (title, url), sid in sorted(self.sources.items(), key=lambda kv: kv[1]):
            b = Block("source", sid)
            if title:
                b.add("title", fmt_string(title))
            if url:
                b.add("url", fmt_string(url))
            f.block(b)
        return f

    def nasjonal(self):
        used = ["fees-2019.tsv", "rules-2019.tsv", "national.tsv", "population.tsv",
                "volumes-2019.tsv", "coverage-2019.tsv", "subsidies-2019.tsv"]
        f = HarmoniFile("nasjonal.harmoni", header_for(
            "Nasjonalt: tjenesteområder, tjenester, nasjonale parametre (G, maksimalpriser, "
            "deflator, referanseverdier), nasjonale regler og satser, og folketallet for hele landet.",
            used))
        f.section("Datasettet")
        b = Block("dataset", "nye_asker_2019")
        b.add("title", fmt_string("Asker, Røyken og Hurum 2019 (grunnlag for nye Asker 2020)"))
        b.add("baseline_year", "2019")
        f.block(b)
        f.section("Tjenesteområder")
        for aid, name in AREAS:
            b = Block("area", aid)
            b.add("name", fmt_string(name))
            b.add("name_en", fmt_string(AREA_NAMES_EN[aid]))
            f.block(b)
        f.section("Tjenester (service-id fra fees/rules/volumes/coverage, pluss feiing)")
        for s in self.services:
            b = Block("service", s)
            b.add("name", fmt_string(SERVICE_NAMES[s]))
            b.add("name_en", fmt_string(SERVICE_NAMES_EN[s]))
            b.add("area", self.service_area[s])
            b.add("selvkost", "yes" if s in SELVKOST else "no")
            f.block(b)
        f.section("Gebyrlinjer: visningsnavn (én `line`-blokk per linje i fees-2019.tsv)")
        for key in self.fee_lines():
            b = Block("line", "%s.%s" % key)
            b.add("name", fmt_string(LINE_NAMES[key][0]))
            b.add("name_en", fmt_string(LINE_NAMES[key][1]))
            f.block(b)
        f.section("Kommune")
        f.block(self.municipality_block("nasjonal"))
        self.muni_sections(f, "nasjonal", include_parameters=True)
        return f

    def fee_lines(self):
        """The distinct (service, line) pairs of fees-2019.tsv, by service order then row order;
        every one must have a display name in LINE_NAMES."""
        seen = []
        for r in self.rows("fees-2019.tsv"):
            key = (r["service"], r["line"])
            if key not in seen:
                if key not in LINE_NAMES:
                    raise DataError("%s: fee line %s.%s has no display name in LINE_NAMES" % ((r.where,) + key))
                seen.append(key)
        rank = {s: i for i, s in enumerate(self.services)}
        return sorted(seen, key=lambda k: (rank[k[0]], seen.index(k)))

    def municipality_block(self, mid):
        code = [c for c, v in MUNICIPALITIES.items() if v[0] == mid][0]
        _, number, name = MUNICIPALITIES[code]
        b = Block("municipality", mid)
        b.add("number", fmt_string(number))
        b.add("name", fmt_string(name))
        return b

    def muni_sections(self, f, mid, include_parameters=False, missing_feiing=False):
        def pick(tsv):
            return [r for r in self.rows(tsv) if self.muni(r) == mid]

        sections = [
            ("Befolkning", "population.tsv", self.population),
            ("Parametre", "national.tsv", self.parameter),
            ("Gebyrer", "fees-2019.tsv", self.fee),
            ("Regler", "rules-2019.tsv", self.rule),
            ("Volumer", "volumes-2019.tsv", self.volume),
            ("Dekningsgrader", "coverage-2019.tsv", self.coverage),
            ("Budsjetter", "budgets-2019.tsv", self.budget),
            ("Tilskudd", "subsidies-2019.tsv", self.subsidy),
        ]
        for title, tsv, fn in sections:
            if tsv == "national.tsv":
                if not include_parameters:
                    continue
                rows = self.rows(tsv)
            else:
                rows = pick(tsv)
            if not rows:
                continue
            f.section("%s (%s)" % (title, tsv))
            for r in rows:
                f.block(fn(r))
        if missing_feiing:
            f.section("Mangler (shared/data/README.md, Remaining gaps)")
            b = Block("missing", "%s.feiing" % mid)
            b.add("note", fmt_string(FEIING_NOTE))
            f.block(b)

    def municipality_file(self, mid, what):
        used = [t for t in TSV_FILES if t not in ("national.tsv", "households.tsv", "income-2018.tsv")
                and any(self.muni(r) == mid for r in self.rows(t))]
        f = HarmoniFile(mid.replace("_", "-") + ".harmoni", header_for(what, used))
        f.block(self.municipality_block(mid))
        self.muni_sections(f, mid, missing_feiing=mid in ("asker", "royken", "hurum"))
        return f

    # households.tsv gives each typical household's definition in English; the dataset carries a
    # Norwegian `definition` (what the Norwegian report prints), the English one as `definition_en`,
    # and a short display name in both languages (`name`, `name_en`) for table titles and rows.
    HOUSEHOLD_TEXT = {
        "a_familie_750k": (
            "Familie, 3 barn, 750 000 kr", "Family, 3 children, 750 000 kr",
            "To voksne og tre barn: to i barnehage på heltid, ett i SFO fem dager i uken"),
        "b_enslig_300k": (
            "Enslig forsørger, 300 000 kr", "Single parent, 300 000 kr",
            "Enslig forsørger med ett barn i barnehage på heltid og ett i SFO fem dager i uken"),
        "c_pensjonist_2_5G": (
            "Pensjonist, 2,5 G", "Pensioner, 2.5 G",
            "Enslig pensjonist med inntekt 2,5 G, 4 timer praktisk bistand i måneden og trygghetsalarm"),
        "d_ssb_standardbolig": (
            "SSBs standardbolig", "Standard dwelling (SSB)",
            "Enebolig på 120 m² BRA med 150 m³ vann i året, standard renovasjon og én pipe"),
    }

    def households(self):
        f = HarmoniFile("husholdninger.harmoni", header_for(
            "Typiske husholdninger (a)-(d): én `household`-blokk per husholdning, ett attributt "
            "per rad i households.tsv (navn = member_usage).", ["households.tsv", "fees-2019.tsv"]))
        fee_lines = {(r["service"], r["line"]) for r in self.rows("fees-2019.tsv")}
        by_hh = collections.OrderedDict()
        for r in self.rows("households.tsv"):
            by_hh.setdefault(r["household"], []).append(r)
        self.household_expect = []
        for hh, rows in by_hh.items():
            hid, idc = make_id([hh])
            b = Block("household", hid, [idc] if idc else [], origin=rows[0])
            names = set()
            for r in rows:
                name, changed = id_part(r["member_usage"])
                if name in names:
                    raise DataError("%s: %s repeated in household %s" % (r.where, name, hh))
                names.add(name)
                comments = []
                if changed:
                    comments.append("id in shared/data: %s" % r["member_usage"])
                if r["note"]:
                    comments.append(r["note"])
                q, unit = r["quantity"], r["unit"]
                if unit == "text":
                    lit = fmt_string(q)
                elif unit == "fee line":
                    svc = [s for s in self.services if s in name.split("_") or s in name]
                    svc = [s for s in svc if (s, q) in fee_lines]
                    if len(svc) == 1 and is_ident(q):
                        lit = "%s.%s" % (svc[0], q)
                    else:
                        lit = fmt_string(q)
                        comments.append("unit: %s" % unit)
                        self.note("%s: fee line %r not resolvable; written as a string" % (r.where, q))
                elif NUMBER_RE.match(q):
                    lit, unit_attr = encode_value(q, unit)
                    if unit_attr is not None:
                        lit = fmt_number(q)
                        comments.append("unit: %s" % unit)
                else:
                    lit = fmt_string(q)
                    comments.append("unit: %s" % unit)
                    self.note("%s: %s = %r (unit %r) is not a single literal; written as a string"
                              % (r.where, name, q, unit))
                if name == "definition" and hh in self.HOUSEHOLD_TEXT:
                    short_nb, short_en, definition_nb = self.HOUSEHOLD_TEXT[hh]
                    b.add("name", fmt_string(short_nb), ["display name (Norwegian)"])
                    b.add("name_en", fmt_string(short_en), ["display name (English)"])
                    b.add("definition", fmt_string(definition_nb), comments + ["Norwegian; shared/data has it in English (definition_en)"])
                    b.add("definition_en", lit, ["as in shared/data"])
                    self.household_expect.append((r, hid, "definition_en", lit))
                    continue
                b.add(name, lit, comments)
                self.household_expect.append((r, hid, name, lit))
            f.block(b)
        return f

    def generate(self):
        self.expected = []
        files = [
            self.kilder(),
            self.nasjonal(),
            self.municipality_file("asker", "Asker kommune (0220), 2019: gebyrer, regler, volumer, "
                                   "dekningsgrader, budsjetter, tilskudd og folketall."),
            self.municipality_file("royken", "Røyken kommune (0627), 2019: gebyrer, regler, volumer, "
                                   "dekningsgrader, budsjetter, tilskudd og folketall."),
            self.municipality_file("hurum", "Hurum kommune (0628), 2019: gebyrer, regler, volumer, "
                                   "dekningsgrader, budsjetter, tilskudd og folketall."),
            self.municipality_file("nye_asker", "Nye Asker kommune (3025, fra 1.1.2020): "
                                   "harmoniseringsprinsipper kjent høsten 2019, vedtatte "
                                   "budsjettrammer 2020 og folketall 1.1.2020."),
            self.households(),
            self.inntekt(),
        ]
        self.mark_same_validity(files)
        readme = self.readme(files)
        return files, readme

    def mark_same_validity(self, files):
        """Rows that share id *and* validity (national.tsv vintages) get a comment saying so."""
        for f in files:
            groups = collections.OrderedDict()
            for b in f.blocks():
                valid = [v for c, n, v in b.attrs if n in ("valid", "date")]
                groups.setdefault((b.kind, b.ident, tuple(valid)), []).append(b)
            for (kind, ident, valid), bl in groups.items():
                if len(bl) < 2:
                    continue
                where = ", ".join("%s:%d" % (b.origin.file, b.origin.lineno) for b in bl)
                self.note("%s %s: %d rows share id and validity %s (%s); told apart by "
                          "vintage/use_in_model" % (kind, ident, len(bl), valid[0] if valid else "-", where))
                for b in bl:
                    b.comments.append("same id and valid as %d other row(s) of another vintage; "
                                      "the model uses the row with use_in_model = yes" % (len(bl) - 1)
                                      if kind == "parameter" else
                                      "same id and valid as %d other row(s)" % (len(bl) - 1))

    # ── README ──
    def status_counts(self):
        """(muni, service) -> Counter(status) over fees + rules."""
        counts = collections.OrderedDict()
        for tsv in ("fees-2019.tsv", "rules-2019.tsv"):
            for r in self.rows(tsv):
                key = (self.muni(r), r["service"])
                counts.setdefault(key, collections.Counter())[STATUS[r["status"]]] += 1
        return counts

    def estimate_kinds(self, tsvs):
        kinds = collections.OrderedDict()
        for tsv in tsvs:
            for r in self.rows(tsv):
                if r["status"] != "estimated":
                    continue
                m = re.match(r"^estimated \(([^)]*)\)", r["method"])
                kind = m.group(1) if m else "(uten type)"
                m = self.muni(r) if "municipality" in r else "nasjonal"
                kinds.setdefault(kind, collections.Counter())[m] += 1
        return kinds

    def readme(self, files):
        L = []
        w = L.append
        w("# Harmoni-datasettene (2019)")
        w("")
        w("Denne mappen er **generert** av `datasets/tools/generate.py` fra de kuraterte TSV-filene i "
          "`shared/data/` (se `shared/data/README.md` for kolonner, kilder og kontrollregning). "
          "Syntaksen er beskrevet i `docs/LANGUAGE.md`. Denne README-en skrives av det samme skriptet, "
          "så tallene under stemmer alltid med filene.")
        w("")
        w("```")
        w("python3 datasets/tools/generate.py            # --data ../shared/data (standard), skriver datasets/")
        w("```")
        w("")
        w("Skriptet leser filene det har skrevet på nytt og kontrollerer at hver TSV-rad er blitt "
          "nøyaktig én blokk, at tallene er skrevet med desimalkomma og mellomrom som tusenskille, og "
          "at alle `source`-referanser finnes. To kjøringer gir identiske filer.")
        w("")
        w("## Filer")
        w("")
        w("| fil | innhold | blokker |")
        w("|---|---|---|")
        descr = {
            "kilder.harmoni": "alle kilder (`source`: tittel og adresse), én per unike (tittel, adresse) i TSV-filene",
            "nasjonal.harmoni": "tjenesteområder (`area`), tjenester (`service`), visningsnavn for gebyrlinjene (`line`), `municipality nasjonal`, "
                                "folketall for hele landet, nasjonale parametre (`parameter`, fra national.tsv), "
                                "nasjonale regler (`rule nasjonal.…`) og nasjonale tilskuddssatser (`subsidy nasjonal.…`)",
            "asker.harmoni": "Asker (0220): folketall, gebyrer, regler, volumer, dekningsgrader, budsjetter, tilskudd, mangler",
            "royken.harmoni": "Røyken (0627): som Asker",
            "hurum.harmoni": "Hurum (0628): som Asker",
            "nye-asker.harmoni": "nye Asker (3025, fra 2020): folketall 1.1.2020, harmoniseringsprinsipper (regler) "
                                 "og vedtatte budsjettrammer 2020 — ingen 2020-priser",
            "inntekt.harmoni": "publiserte kalibreringspunkter for inntekt (`income`, fra income-2018.tsv): "
                               "medianinntekter, en nedre grense og Hurums antall husholdninger — ikke en inntektsfordeling",
            "husholdninger.harmoni": "de fire typiske husholdningene (a)-(d) med medlemmer, inntekt og hvilke gebyrlinjer de bruker",
        }
        for f in files:
            kinds = collections.Counter(b.kind for b in f.blocks())
            w("| `%s` | %s | %s |" % (f.name, descr[f.name],
                                     ", ".join("%s %d" % (k, n) for k, n in sorted(kinds.items()))))
        w("")
        w("Blokk-id-er: gebyr `kommune.tjeneste.linje`, regel `kommune.tjeneste.regel.parameter`, "
          "volum `kommune.tjeneste.linje`, dekningsgrad `kommune.tjeneste.indikator`, budsjett "
          "`kommune.område.linje` (nye Askers totaler under området «Alle» har `alle` som område), "
          "tilskudd `kommune.ordning.linje`, parameter `nasjonal.parameter.linje`, inntektspunkt "
          "`område.mål` (området kan ligge utenfor de tre kommunene, f.eks. `baerum`). Samme id kan stå "
          "flere ganger med ulik `valid` (f.eks. barnehagepris før og etter 1.8.2019). Rekkefølgen "
          "innenfor hver seksjon er radrekkefølgen i TSV-filen.")
        w("")
        w("## Status")
        w("")
        w("Hver verdi har `status`, `method` (ordrett fra TSV) og `source`. Statusen sier hvor sikkert tallet er:")
        w("")
        w("| status | betydning |")
        w("|---|---|")
        w("| `published` | Tallet står i kilden for den oppgitte gyldighetsperioden. En nasjonal regel som binder "
          "alle kommuner (f.eks. forskriftens søskenmoderasjon) er `published` for hver kommune. |")
        w("| `derived` | Regnet ut **eksakt** fra publiserte tall etter regelen i `method` (andel av full plass, "
          "inkl. mva = ekskl. × 1,25, årspris = månedspris × betalte måneder, terskel = faktor × G, sum, "
          "vektet snitt, rest). |")
        w("| `carried_forward` | Kommunens eget tall for et **tidligere år**, framskrevet til 2019 med kommunal "
          "deflator (statsbudsjettets anslag: 2017 2,5 %, 2018 2,6 %, 2019 2,8 %). `method` viser grunnår, "
          "grunnverdi, faktorene, produktet og avrundingen. For regler som ikke er penger (timetak, "
          "stipuleringsbånd, rabattprosenter): publisert tidligere og brukt uendret. |")
        w("| `estimated` | Ingen publisert verdi finnes for kommunen og perioden. `method` starter med typen anslag "
          "i parentes (se under) og viser regnestykket. Står det `low confidence` i `note`, hviler tallet på "
          "en annen kommunes nivå eller en antakelse. |")
        w("| `own` | Kommunens eget tall, lagt inn av kommunens fagfolk (se siste avsnitt). Finnes ikke i de "
          "genererte filene. |")
        w("")
        w("En verdi regnet ut fra flere verdier får den svakeste statusen blant dem "
          "(published > derived > carried_forward > estimated).")
        w("")
        w("## Typer anslag")
        w("")
        w("Typen står i parentes først i `method` for `estimated`-verdier. Antall verdier av hver type, "
          "i gebyrer + regler per kommune og i de andre filene (volumer, dekningsgrader, budsjetter, "
          "tilskudd, nasjonale parametre) samlet:")
        w("")
        kinds = self.estimate_kinds(["fees-2019.tsv", "rules-2019.tsv"])
        other = self.estimate_kinds(["volumes-2019.tsv", "coverage-2019.tsv", "budgets-2019.tsv",
                                     "subsidies-2019.tsv", "national.tsv"])
        kind_text = collections.OrderedDict([
            ("undated own source", "kommunens egen pris eller regel fra en side uten årstall (gjaldt en gang før 2020), brukt uendret for 2019"),
            ("common RfD tariff", "Røykens RfD-renovasjonspris tatt fra Hurums (RfD hadde felles selvkostregnskap for eierkommunene fra 2018)"),
            ("national reference", "et nasjonalt tall (maksimum, snitt, sats eller andel) med kilde; referanseverdiene står i `nasjonal.harmoni` som `parameter`"),
            ("Asker per-capita × population", "Askers publiserte budsjett per innbygger i aktuell aldersgruppe × den andre kommunens folketall (bare budsjetter)"),
            ("mean of the other two", "snittet av de to andre kommunenes 2019-verdier (alltid `low confidence`)"),
            ("other-municipality fallback", "som over når bare én annen kommune har et tall (i praksis Askers), eller Askers forhold brukt på kommunens eget tall (alltid `low confidence`)"),
            ("own-figure assumption", "kommunens eget tall gjenbrukt for en nabolinje (Røyken: feriedag = dagpris)"),
            ("neighbour reference", "en nabokommunes publiserte sats i samme tariffmodell og hos samme driftsselskap (Røyken og Hurum: Liers VA-satser 2019 gjennom Viva IKS; alltid `low confidence`)"),
            ("unknown structure", "tariffmodellen er ikke kjent i det hele tatt"),
            ("proxy", "volum ut fra en nærliggende størrelse: abonnenter, målere og m3 ut fra antall privathusholdninger (× 150 m3, × 140 l)"),
            ("assumption", "en uttrykkelig antakelse: deltidselever i SFO delt likt på 4- og 3-dagersplass; deflator 2021-2023 holdt på 3,1 %"),
            ("remainder", "rest: total − deler"),
            ("ratio of estimates", "forhold mellom anslag"),
            ("sum of estimates", "sum av anslag"),
        ])
        for k in list(kinds) + list(other):
            if k not in kind_text:
                raise DataError("estimate kind %r not described in the README text" % k)
        w("| type | betydning | Asker | Røyken | Hurum | andre filer |")
        w("|---|---|---:|---:|---:|---:|")
        for k, text in kind_text.items():
            c = kinds.get(k, collections.Counter())
            o = sum(other.get(k, collections.Counter()).values())
            if not sum(c.values()) and not o:
                continue
            w("| `%s` | %s | %d | %d | %d | %d |" % (k, text, c["asker"], c["royken"], c["hurum"], o))
        w("")
        w("Estimeringsrekkefølgen (shared/data/README.md): (1) avledning fra kommunens egne publiserte "
          "tall, (2) kommunens eget siste publiserte tall framskrevet med deflator, (3) nasjonal "
          "referanse, (4) der tariffmodellen er kjent, men ingen av de tre har en sats i den: en "
          "nabokommunes publiserte sats hos samme driftsselskap og i samme modell (`neighbour "
          "reference`), (5) bare om ingenting annet finnes: snittet av de to andre kommunene.")
        w("")
        w("## Gebyrer og regler per kommune og tjeneste")
        w("")
        w("Antall verdier (gebyrer fra `fees-2019.tsv` + regler fra `rules-2019.tsv`) etter status.")
        w("")
        counts = self.status_counts()
        order = ["asker", "royken", "hurum", "nasjonal", "nye_asker"]
        w("| kommune | tjeneste | published | derived | carried_forward | estimated | sum | published eller derived |")
        w("|---|---|---:|---:|---:|---:|---:|---:|")

        def pct(c):
            tot = sum(c.values())
            return "%d %%" % round(100.0 * (c["published"] + c["derived"]) / tot) if tot else "–"

        for m in order:
            keys = [k for k in counts if k[0] == m]
            svc_rank = {s: i for i, s in enumerate(self.services + ["alle"])}
            keys.sort(key=lambda k: svc_rank.get(k[1], 999))
            total = collections.Counter()
            for k in keys:
                c = counts[k]
                total.update(c)
                w("| %s | %s | %d | %d | %d | %d | %d | %s |" % (
                    MUNI_DISPLAY[m], k[1], c["published"], c["derived"], c["carried_forward"],
                    c["estimated"], sum(c.values()), pct(c)))
            w("| **%s** | **alle** | **%d** | **%d** | **%d** | **%d** | **%d** | **%s** |" % (
                MUNI_DISPLAY[m], total["published"], total["derived"], total["carried_forward"],
                total["estimated"], sum(total.values()), pct(total)))
        w("")
        w("Bare gebyrene (`fees-2019.tsv`):")
        w("")
        w("| kommune | published | derived | carried_forward | estimated | sum | published eller derived |")
        w("|---|---:|---:|---:|---:|---:|---:|")
        for m in ["asker", "royken", "hurum"]:
            c = collections.Counter(STATUS[r["status"]] for r in self.rows("fees-2019.tsv")
                                    if self.muni(r) == m)
            w("| %s | %d | %d | %d | %d | %d | %s |" % (
                MUNI_DISPLAY[m], c["published"], c["derived"], c["carried_forward"], c["estimated"],
                sum(c.values()), pct(c)))
        w("")
        w("## Hull i datagrunnlaget")
        w("")
        w("Største hull først; hele listen står i `shared/data/README.md` (Remaining gaps).")
        w("")
        missing = [b.ident for f in files for b in f.blocks() if b.kind == "missing"]
        w("* **Feiing mangler** for alle tre kommuner: ingen feie- og tilsynsgebyr for 2019 er funnet, "
          "heller ikke et landssnitt. Det står som `missing`-blokker (%s), aldri som 0. Husholdning (d) "
          "sin pipe kan derfor ikke prises." % ", ".join("`%s`" % i for i in missing))
        hurum_fees = [r for r in self.rows("fees-2019.tsv") if self.muni(r) == "hurum"]
        hurum_pub = [r for r in hurum_fees if r["status"] == "published"]
        hurum_cf = collections.Counter(r["service"] for r in hurum_fees if r["status"] == "carried-forward")
        if not hurum_pub:
            w("* **Hurum har ingen publisert gebyr for 2019** (0 av %d gebyrverdier er `published`). Hurums egne "
              "tall er bare %s, framskrevet (`carried_forward`) fra 2018; alt annet er nasjonale referanser eller "
              "de andre kommunenes nivå (`estimated`)." % (
                  len(hurum_fees), " og ".join("%s (%d linjer)" % (s, n) for s, n in sorted(hurum_cf.items()))))
        else:
            w("* Hurum: %d av %d gebyrverdier er publisert." % (len(hurum_pub), len(hurum_fees)))
        va = [r for r in self.rows("fees-2019.tsv")
              if r["service"] in ("vann", "avlop") and self.muni(r) in ("royken", "hurum")]
        va_kinds = sorted({re.match(r"^estimated \(([^)]*)\)", r["method"]).group(1)
                           for r in va if r["status"] == "estimated"})
        w("* **Vann og avløp i Røyken og Hurum: kjent modell, anslåtte satser.** Begge brukte Viva IKS' "
          "todelte tariff (fastledd vann + fastledd avløp per år + pris per m3; `rule "
          "…vann_avlop.tariffmodell.fastledd = vann_og_avlop_pluss_kr_per_m3`, `published`). Satsene er "
          "ikke funnet: de %d VA-gebyrene (%s) er Liers 2019-satser (`%s`, `low confidence`). Asker hadde "
          "bare mengdepris og vannmålerleie, framskrevet fra 2018." % (
              len(va), ", ".join(sorted({"%s.%s" % (r["service"], r["line"]) for r in va})),
              "`, `".join(va_kinds)))
        w("* Askers prislister for 2019 (SFO, kulturskole, praktisk bistand, trygghetsalarm) er "
          "framskrevet fra 2016/2018; renovasjon er fra en udatert side.")
        w("* Budsjetter: Røyken/Hurum er anslag (Askers nivå per innbygger); helse, NAV og "
          "administrasjon er nasjonale **brutto**-anslag (må aldri legges sammen med netto-rader); "
          "klima og eiendom har ingen budsjettverdi.")
        w("* Volumer og inntektsfordelinger: ingen KOSTRA-tall; volumer er nasjonale forholdstall × "
          "folketall. Ingen inntektsfordeling for husholdninger er funnet: `inntekt.harmoni` har bare "
          "%d kalibreringspunkter (medianer for personer, en nedre grense, et antall husholdninger), så "
          "hvor mange brukere som ligger under 2 G / 3 G må anslås med en antatt fordeling." % (
              len(self.rows("income-2018.tsv"))))
        w("")
        w("## Slik legger du inn et eget tall")
        w("")
        w("Alle tall kan rettes direkte i `.harmoni`-filen. Finn blokken (f.eks. `fee hurum.sfo.plass_5d`) og:")
        w("")
        w("1. endre `value` (samme enhet; desimalkomma og mellomrom som tusenskille: `2 650 kr/mnd`, `15,66 kr/m3`);")
        w("2. sett `status = own`;")
        w("3. skriv i `method` hvor tallet kommer fra eller hvordan det er regnet (f.eks. `\"vedtatt i KS-sak 123/18\"`);")
        w("4. la `source` peke på en `source`-blokk i `kilder.harmoni` — legg til en ny blokk med `title` og `url` "
          "(eller en intern referanse) om kilden ikke finnes;")
        w("5. oppdater eller fjern `note` (ta bort `low confidence` når tallet ikke lenger er et anslag), og rett "
          "`valid` om gyldighetsperioden er en annen.")
        w("")
        w("Eksempel:")
        w("")
        w("```")
        w("fee hurum.sfo.plass_5d {")
        w("  value = 2 650 kr/mnd")
        w("  billed_months = 11")
        w("  vat = none")
        w("  valid = 2019-01-01...2019-12-31")
        w("  status = own")
        w("  method = \"Hurum kommune, prisliste SFO 2019 (internt arkiv)\"")
        w("  source = hurum_prisliste_sfo_2019")
        w("  note = \"EKSEMPEL: tallet og kilden er oppdiktet\"")
        w("}")
        w("```")
        w("")
        w("(Eksempelet er oppdiktet; tallet står ikke i datasettet.) Generatoren overskriver filene når den "
          "kjøres på nytt; eget tall bør derfor også meldes inn slik at det kommer inn i `shared/data`, eller "
          "bevares ved å sjekke diffen i git før en ny generering.")
        return "\n".join(L) + "\n"


# ───────────────────────────── verification ─────────────────────────────

BLOCK_START = re.compile(r"^([a-z_]+) ([A-Za-z0-9_æøåÆØÅ.]+) \{$")
ATTR = re.compile(r"^  ([A-Za-z_æøåÆØÅ][A-Za-z0-9_æøåÆØÅ]*) = (.+)$")
NUM_LIT = r"-?[0-9]{1,3}(?: [0-9]{3})*(?:,[0-9]+)?"
VALUE_FORMS = [
    re.compile(r'^"(?:[^"\\]|\\.)*"$'),                                   # string
    re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\.\.\.(?:[0-9]{4}-[0-9]{2}-[0-9]{2})?)?$"),  # date/range
    re.compile(r"^\.\.\.[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
    re.compile(r"^[A-Za-z_æøåÆØÅ][A-Za-z0-9_æøåÆØÅ]*(?:\.[A-Za-z_æøåÆØÅ][A-Za-z0-9_æøåÆØÅ]*)*$"),  # symbol/ref
    re.compile(r"^" + NUM_LIT + r"(?: (?:tkr|kr(?:/(?:mnd|år|semester|dag|døgn|time|m3|l/år))?|%|G|"
               r"timer/(?:mnd|uke)|m3/år|m3|m2|mnd|år))?$"),
]


def parse_harmoni(text, name, errors):
    blocks = []
    cur = None
    for i, line in enumerate(text.split("\n"), start=1):
        where = "%s:%d" % (name, i)
        code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line).split("#")[0]
        if re.search(r"[0-9]\.[0-9]", code):
            errors.append("%s: decimal point in a number literal: %s" % (where, line))
        if line == "" or line.lstrip().startswith("#"):
            continue
        if cur is None:
            m = BLOCK_START.match(line)
            if not m:
                errors.append("%s: expected a block start: %r" % (where, line))
                continue
            cur = {"kind": m.group(1), "id": m.group(2), "attrs": collections.OrderedDict(),
                   "where": where}
            for part in m.group(2).split("."):
                if not IDENT_RE.match(part):
                    errors.append("%s: bad identifier %r" % (where, part))
        elif line == "}":
            blocks.append(cur)
            cur = None
        else:
            m = ATTR.match(line)
            if not m:
                errors.append("%s: bad attribute line %r" % (where, line))
                continue
            key, val = m.group(1), m.group(2)
            if key in cur["attrs"]:
                errors.append("%s: attribute %s repeated" % (where, key))
            if key != "baseline_year" and not any(f.match(val) for f in VALUE_FORMS):
                errors.append("%s: value not a legal literal: %r" % (where, val))
            cur["attrs"][key] = val
    if cur is not None:
        errors.append("%s: unterminated block %s" % (name, cur["id"]))
    return blocks


def literal_number(lit):
    """The number inside a literal ('1 408,43 kr/år' -> '1408.43'), or None."""
    m = re.match(r"^(" + NUM_LIT + r")(?: .*)?$", lit)
    if not m or lit.startswith('"'):
        return None
    return parse_number_literal(m.group(1))


def verify(gen, out_dir, files, readme):
    errors = []
    parsed = {}
    for f in files:
        with open(os.path.join(out_dir, f.name), "rb") as fh:
            raw = fh.read()
        text = raw.decode("utf-8")
        if "\r" in text or not text.endswith("\n") or text.endswith("\n\n"):
            errors.append("%s: line ends / final newline" % f.name)
        if text != f.render():
            errors.append("%s: file on disk differs from the rendered text" % f.name)
        parsed[f.name] = parse_harmoni(text, f.name, errors)
    with open(os.path.join(out_dir, "README.md"), encoding="utf-8") as fh:
        if fh.read() != readme:
            errors.append("README.md differs from the rendered text")

    all_blocks = [(n, b) for n, bl in parsed.items() for b in bl]
    source_ids = {b["id"] for n, b in all_blocks if b["kind"] == "source"}
    for n, b in all_blocks:
        if "source" in b["attrs"] and b["attrs"]["source"] not in source_ids:
            errors.append("%s: source %s does not resolve" % (b["where"], b["attrs"]["source"]))

    # every TSV row -> exactly one block with the same kind, id, valid and value
    index = collections.defaultdict(list)
    for n, b in all_blocks:
        index[(b["kind"], b["id"])].append(b)
    claimed = set()
    for row, kind, ident, valid, lit in gen.expected:
        cands = [b for b in index.get((kind, ident), [])
                 if (b["attrs"].get("valid") if kind != "population" else b["attrs"].get("date")) == valid
                 and b["attrs"].get("value" if kind != "population" else "total") == lit
                 and id(b) not in claimed]
        if kind != "population":
            cands = [b for b in cands if b["attrs"].get("method") == fmt_string(row["method"])]
        if not cands:
            errors.append("%s: no %s block %s with valid %s" % (row.where, kind, ident, valid))
            continue
        b = cands[0]
        claimed.add(id(b))
        src = row["total"] if kind == "population" else row["value"]
        got = literal_number(lit) if lit else None
        if NUMBER_RE.match(src) and got != src:
            errors.append("%s: value %s does not round-trip (%s)" % (row.where, src, got))
    # households: every row is an attribute
    hh = {b["id"]: b for n, b in all_blocks if b["kind"] == "household"}
    for row, hid, name, lit in gen.household_expect:
        if hh.get(hid, {}).get("attrs", {}).get(name) != lit:
            errors.append("%s: household %s.%s missing" % (row.where, hid, name))

    # counts: blocks per kind == TSV rows
    want = collections.Counter()
    per_file = {"fees-2019.tsv": "fee", "rules-2019.tsv": "rule", "national.tsv": "parameter",
                "population.tsv": "population", "volumes-2019.tsv": "volume",
                "coverage-2019.tsv": "coverage", "budgets-2019.tsv": "budget",
                "subsidies-2019.tsv": "subsidy", "income-2018.tsv": "income"}
    for tsv, kind in per_file.items():
        want[kind] = len(gen.rows(tsv))
    got = collections.Counter(b["kind"] for n, b in all_blocks)
    for kind, n in want.items():
        if got[kind] != n:
            errors.append("%d %s blocks, %d TSV rows" % (got[kind], kind, n))
    n_hh = len({r["household"] for r in gen.rows("households.tsv")})
    if got["household"] != n_hh:
        errors.append("%d household blocks, %d households" % (got["household"], n_hh))
    if got["line"] != len(gen.fee_lines()):
        errors.append("%d line blocks, %d distinct fee lines" % (got["line"], len(gen.fee_lines())))
    if got["source"] != len(gen.sources):
        errors.append("%d source blocks, %d distinct sources" % (got["source"], len(gen.sources)))
    return errors, parsed, want, got


# ───────────────────────────── main ─────────────────────────────

def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    out_default = os.path.dirname(here)
    repo_root = os.path.dirname(out_default)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(repo_root, "..", "shared", "data"),
                    help="directory with the shared/data TSV files (default: ../shared/data "
                         "relative to the repository root)")
    ap.add_argument("--out", default=out_default, help="output directory (default: datasets/)")
    ap.add_argument("--quiet", action="store_true", help="print only errors")
    args = ap.parse_args(argv)

    try:
        gen = Generator(os.path.normpath(args.data))
        files, readme = gen.generate()
        files2, readme2 = Generator(os.path.normpath(args.data)).generate()
        if [f.render() for f in files] != [f.render() for f in files2] or readme != readme2:
            raise DataError("generation is not deterministic")
    except DataError as e:
        print("error: %s" % e, file=sys.stderr)
        return 2

    os.makedirs(args.out, exist_ok=True)
    for f in files:
        with open(os.path.join(args.out, f.name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(f.render())
    with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(readme)

    errors, parsed, want, got = verify(gen, args.out, files, readme)
    if not args.quiet:
        print("data: %s" % os.path.normpath(args.data))
        print("wrote %s: %s, README.md" % (args.out, ", ".join(f.name for f in files)))
        print()
        kinds = sorted({b["kind"] for bl in parsed.values() for b in bl})
        w = max(len(k) for k in kinds)
        print("%-*s  %s" % (w, "kind", "  ".join("%s" % f.name.replace(".harmoni", "")[:9].rjust(9)
                                                  for f in files)) + "      total   TSV rows")
        for k in kinds:
            per = [sum(1 for b in parsed[f.name] if b["kind"] == k) for f in files]
            tsv = want.get(k)
            print("%-*s  %s  %9d   %s" % (w, k, "  ".join("%9d" % n for n in per), sum(per),
                                        "" if tsv is None else ("%d" % tsv) + (" ok" if tsv == sum(per) else " MISMATCH")))
        print()
        if gen.notes:
            print("special handling:")
            for n in gen.notes:
                print("  - " + n)
            print()
    if errors:
        print("%d check(s) failed:" % len(errors), file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    if not args.quiet:
        print("checks ok: every TSV row is one block, counts match, numbers use a decimal comma, "
              "references resolve, output deterministic")
    return 0


if __name__ == "__main__":
    sys.exit(main())
