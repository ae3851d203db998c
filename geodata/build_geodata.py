#!/usr/bin/python3
"""Build conflictmap's gazetteer layers (ESRI Shapefiles, EPSG:4326, UTF-8) from registry data.

usage: /usr/bin/python3 geodata/build_geodata.py --sources .cache/sources --out geodata/out [--force]

Run it with Debian's /usr/bin/python3: it needs the `osgeo` bindings of the python3-gdal package,
which a pyenv or venv `python3` found first on PATH usually lacks. The sources folder is what
geodata/fetch_sources.sh fills (cities500.txt, admin2.json and world_map.gpkg).

Inputs: the three sources plus the curated tables next to this script (countries.csv,
admin1_fixes.csv, regions.csv, facilities.csv, aliases.csv, demonyms.csv).
Output (the layout the C++ gazetteer reads; see geodata/SOURCES.md):
  places.shp admin0.shp admin1.shp regions.shp facilities.shp admin2.shp   (+ .dbf .shx .prj .cpg)
  places_names.csv admin0_names.csv admin1_names.csv regions_names.csv facilities_names.csv
  admin2_names.csv
  aliases.csv demonyms.csv   (copied unchanged)
  stamp.json                 (hashes of every input; the build is skipped while they match)

The build writes into a temporary sibling folder and renames it into place at the end, so a
failed build leaves the previous output untouched.
"""

import argparse
import csv
import hashlib
import json
import os
import re
import shutil
import sys
import time
import unicodedata

import divisions  # geodata/divisions.py: admin1 populations and the admin2 layer

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP_VERSION = 1

CURATED = ["countries.csv", "admin1_fixes.csv", "regions.csv", "facilities.csv",
           "aliases.csv", "demonyms.csv", "label_points.csv", "display_names.csv"]
SOURCES = ["cities500.txt", "admin2.json", "world_map.gpkg"]
# Debian's wamerican word list: tells the geoparser which capitalized words are ordinary English
# words ("Mission", "Band") rather than names.
DICTIONARY = "/usr/share/dict/american-english"
LAYERS = ["places", "admin0", "admin1", "regions", "facilities", "admin2"]
KINDS = {"country", "admin1", "admin2", "region", "city", "poi", "water"}


class BuildError(Exception):
    pass


def fail(msg):
    raise BuildError(msg)


def log(msg):
    print(msg, flush=True)


# ---------------------------------------------------------------------------------------------
# names

_TRANSLIT = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
    "ə": "e", "ǝ": "e", "ʻ": "", "ʼ": "", "‘": "", "’": "", "`": "", "'": "", "´": "",
    "-": " ", "–": " ", "—": " ", "_": " ", ".": " ", ",": " ", "(": " ", ")": " ",
})


def norm(s):
    """Loose comparison key: accents and apostrophes dropped, case folded, punctuation to spaces."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_TRANSLIT)
    return " ".join(s.split())


def split_list(s):
    return [x.strip() for x in (s or "").split(";") if x.strip()]


def clean_name(s):
    return " ".join((s or "").split())


def utf8_truncate(s, limit=254):
    b = s.encode("utf-8")
    if len(b) <= limit:
        return s
    return b[:limit].decode("utf-8", "ignore")


class NameSet:
    """Alternate names of one feature: deduplicated (case-insensitively), never the primary name."""

    def __init__(self, primary):
        self.primary = primary
        self.seen = {primary.casefold()}
        self.items = []

    def add(self, name):
        name = clean_name(name)
        if not name:
            return
        key = name.casefold()
        if key in self.seen:
            return
        self.seen.add(key)
        self.items.append(name)

    def discard(self, name):
        key = clean_name(name).casefold()
        self.items = [x for x in self.items if x.casefold() != key]
        if key != self.primary.casefold():
            self.seen.add(key)  # stays out even if added again later


# ---------------------------------------------------------------------------------------------
# input helpers

def read_table(path, columns):
    """Read a curated CSV; the header must be exactly `columns`."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if header != columns:
                fail(f"{path}: header must be {','.join(columns)} (found {header})")
            rows = []
            for lineno, row in enumerate(reader, start=2):
                if not row or all(not c.strip() for c in row):
                    continue
                if len(row) != len(columns):
                    fail(f"{path}:{lineno}: expected {len(columns)} columns, found {len(row)}")
                rows.append((lineno, dict(zip(columns, (c.strip() for c in row)))))
            return rows
    except OSError as e:
        fail(f"{path}: cannot read ({e.strerror})")
    except UnicodeDecodeError as e:
        fail(f"{path}: not UTF-8 ({e})")


def file_digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_common_words(path):
    """The dictionary's ordinary words: lower-case entries, without possessives, one a line."""
    words = set()
    with open(DICTIONARY, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if len(w) >= 3 and w[0].islower() and "'" not in w:
                words.add(w)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(words)) + "\n")
    return len(words)


def compute_stamp(sources_dir):
    inputs = {}
    for name in SOURCES:
        p = os.path.join(sources_dir, name)
        if not os.path.isfile(p):
            fail(f"{p}: missing (run geodata/fetch_sources.sh {sources_dir})")
        inputs["sources/" + name] = {"size": os.path.getsize(p), "sha256": file_digest(p)}
    for name in CURATED + [os.path.basename(__file__), "divisions.py"]:
        p = os.path.join(HERE, name)
        if not os.path.isfile(p):
            fail(f"{p}: missing")
        inputs["geodata/" + name] = {"size": os.path.getsize(p), "sha256": file_digest(p)}
    if not os.path.isfile(DICTIONARY):
        fail(f"{DICTIONARY}: missing (install Debian's wamerican package)")
    inputs["dictionary"] = {"size": os.path.getsize(DICTIONARY), "sha256": file_digest(DICTIONARY)}
    return {"version": STAMP_VERSION, "inputs": inputs}


def expected_outputs():
    files = []
    for layer in LAYERS:
        files += [layer + ext for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")]
        files.append(layer + "_names.csv")
    return files + ["aliases.csv", "demonyms.csv", "common_words.txt", "stamp.json"]


def up_to_date(out_dir, stamp):
    try:
        with open(os.path.join(out_dir, "stamp.json"), encoding="utf-8") as f:
            old = json.load(f)
    except (OSError, ValueError):
        return False
    if {k: old.get(k) for k in stamp} != stamp:  # the stored stamp also records counts
        return False
    return all(os.path.isfile(os.path.join(out_dir, f)) for f in expected_outputs())


# ---------------------------------------------------------------------------------------------
# geometry helpers (osgeo imported lazily so --help and the up-to-date check stay cheap)

ogr = osr = gdal = None


def import_gdal():
    global ogr, osr, gdal
    try:
        from osgeo import gdal as _gdal, ogr as _ogr, osr as _osr
    except ImportError:
        fail(f"python module 'osgeo' not found for {sys.executable}: run this script with "
             "Debian's /usr/bin/python3 (package python3-gdal)")
    gdal, ogr, osr = _gdal, _ogr, _osr
    gdal.UseExceptions()
    ogr.UseExceptions()
    osr.UseExceptions()


def polygon_parts(g):
    """All polygons in g (Polygon, MultiPolygon or a collection), as a flat list of clones."""
    if g is None or g.IsEmpty():
        return []
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPolygon:
        return [g.Clone()]
    if t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        out = []
        for i in range(g.GetGeometryCount()):
            out += polygon_parts(g.GetGeometryRef(i))
        return out
    return []  # points and lines left over by MakeValid/Intersection are dropped


def multipolygon(parts, min_area=0.0):
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in parts:
        if p.GetArea() > min_area:
            mp.AddGeometry(p)
    return mp


def make_valid_multi(g, min_area=0.0):
    """Return g as a valid, non-empty-or-empty MultiPolygon (2D)."""
    g = g.Clone()
    g.FlattenTo2D()
    if not g.IsValid():
        fixed = g.MakeValid()
        if fixed is None or not fixed.IsValid():
            fixed = g.Buffer(0)
        g = fixed
    mp = multipolygon(polygon_parts(g), min_area)
    if not mp.IsEmpty() and not mp.IsValid():
        mp = multipolygon(polygon_parts(mp.Buffer(0)), min_area)
    return mp


def union_all(geoms):
    parts = []
    for g in geoms:
        parts += polygon_parts(g)
    if not parts:
        return ogr.Geometry(ogr.wkbMultiPolygon)
    return make_valid_multi(multipolygon(parts).UnionCascaded())


def geom_from_wkt(wkt, where):
    try:
        g = ogr.CreateGeometryFromWkt(wkt)
    except Exception as e:  # noqa: BLE001 - GDAL raises RuntimeError with its own message
        fail(f"{where}: bad WKT ({e})")
    if g is None or g.IsEmpty():
        fail(f"{where}: bad WKT (empty)")
    g = make_valid_multi(g)
    if g.IsEmpty():
        fail(f"{where}: WKT is not a polygon")
    return g


# ---------------------------------------------------------------------------------------------
# sources

CODE_LIKE = re.compile(r"^[A-Z0-9]{2,5}$")  # IATA/ICAO/other codes among GeoNames alternate names


def useful_alternate(name):
    """GeoNames alternate names that help a news matcher. Left out: codes (DAM, LTK, QHS) and
    all-lowercase ASCII romanizations generated from other scripts (hms, trtws, xin cheng), which
    mostly collide with ordinary words and match nothing a reader would write."""
    if not name or CODE_LIKE.match(name):
        return False
    if name.isascii() and not any(c.isupper() for c in name):
        return False
    return True


def read_places(path):
    places = []
    with open(path, encoding="utf-8", newline="") as f:
        for lineno, line in enumerate(f, start=1):
            r = line.rstrip("\r\n").split("\t")
            if len(r) != 19:
                fail(f"{path}:{lineno}: expected 19 tab-separated columns, found {len(r)}")
            try:
                gid = int(r[0])
                lat = float(r[4])
                lon = float(r[5])
                pop = int(r[14] or 0)
            except ValueError:
                fail(f"{path}:{lineno}: bad number in geonameid/latitude/longitude/population")
            places.append((gid, r[1], r[2], r[3], lat, lon, r[7], r[8], r[10], pop, r[11]))
    return places


def read_layer(ds, name, fields):
    lyr = ds.GetLayerByName(name)
    if lyr is None:
        fail(f"world_map.gpkg: layer '{name}' not found")
    defn = lyr.GetLayerDefn()
    have = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
    missing = [f for f in fields if f not in have]
    if missing:
        fail(f"world_map.gpkg: layer '{name}' lacks field(s) {', '.join(missing)}")
    out = []
    for f in lyr:
        rec = {k: f.GetField(k) for k in fields}
        rec["fid"] = f.GetFID()
        g = f.GetGeometryRef()
        rec["geom"] = make_valid_multi(g) if g is not None else ogr.Geometry(ogr.wkbMultiPolygon)
        out.append(rec)
    return out


def valid_a2(s):
    return bool(s) and len(s) == 2 and s.isalpha() and s.isupper()


# ---------------------------------------------------------------------------------------------
# the build

class Build:
    def __init__(self, sources_dir, out_dir):
        self.src = sources_dir
        self.out = out_dir
        self.warnings = []

    def warn(self, msg):
        self.warnings.append(msg)
        log("warning: " + msg)

    # --- countries ---------------------------------------------------------------------------
    def load_countries(self, gpkg):
        table = read_table(os.path.join(HERE, "countries.csv"), ["iso_a2", "iso_a3", "name"])
        by_a2, by_a3 = {}, {}
        for lineno, r in table:
            if not valid_a2(r["iso_a2"]) or not r["name"]:
                fail(f"countries.csv:{lineno}: need an ISO alpha-2 code and a name")
            if r["iso_a2"] in by_a2:
                fail(f"countries.csv:{lineno}: {r['iso_a2']} listed twice")
            by_a2[r["iso_a2"]] = r
            if r["iso_a3"]:
                by_a3[r["iso_a3"]] = r
        self.country_names = {k: v["name"] for k, v in by_a2.items()}

        feats = read_layer(gpkg, "countries", ["iso_a2", "NAME", "FIPS_10_", "ISO_A3", "WB_A2"])
        self.admin0 = {}       # iso2 -> record
        self.unassigned_land = []
        for f in feats:
            raw = f["iso_a2"] or ""
            a2 = None
            if valid_a2(raw) and raw in by_a2:
                a2 = raw
            elif f["ISO_A3"] in by_a3:
                a2 = by_a3[f["ISO_A3"]]["iso_a2"]
            elif valid_a2(f["WB_A2"] or "") and f["WB_A2"] in by_a2:
                a2 = f["WB_A2"]
            if a2 is None:
                # Natural Earth's catch-all of small disputed/leased areas (iso_a2 "-1", no
                # name); its pieces come back through admin1_fixes.csv.
                self.unassigned_land.append(f["geom"])
                continue
            if a2 != raw:
                log(f"admin0: fixed iso_a2 of {f['NAME'] or a2}: {raw!r} -> {a2}")
            if a2 in self.admin0:
                fail(f"world_map.gpkg countries: two features resolve to {a2}")
            iso3 = f["ISO_A3"] if f["ISO_A3"] and f["ISO_A3"] != "-99" else by_a2[a2]["iso_a3"]
            names = NameSet(by_a2[a2]["name"])
            if f["NAME"]:
                names.add(f["NAME"])
            self.admin0[a2] = {"id": f["fid"], "iso2": a2, "iso3": iso3, "names": names,
                               "geom": f["geom"]}
        missing = sorted(set(by_a2) - set(self.admin0))
        if missing:
            fail(f"countries.csv lists {', '.join(missing)} but world_map.gpkg has no such country")

    # --- admin1 ------------------------------------------------------------------------------
    def load_admin1(self, gpkg):
        cols = ["country", "match", "name", "names", "assign", "admin0", "drop_names", "note"]
        fixes = {}
        for lineno, r in read_table(os.path.join(HERE, "admin1_fixes.csv"), cols):
            key = (r["country"], r["match"])
            if key in fixes:
                fail(f"admin1_fixes.csv:{lineno}: {r['country']} {r['match']!r} listed twice")
            if r["assign"] and not valid_a2(r["assign"]):
                fail(f"admin1_fixes.csv:{lineno}: assign must be an ISO alpha-2 code")
            if r["admin0"] not in ("", "move"):
                fail(f"admin1_fixes.csv:{lineno}: admin0 must be empty or 'move'")
            if r["admin0"] and r["assign"] not in self.admin0:
                fail(f"admin1_fixes.csv:{lineno}: cannot move into {r['assign'] or '(none)'}: "
                     "no such country polygon")
            fixes[key] = (lineno, r)

        feats = read_layer(gpkg, "states_provinces",
                           ["iso_a2", "name", "woe_label", "woe_name", "admin", "gn_name"])
        used = set()
        unnamed = 0
        units = []
        for f in feats:
            raw_cc = f["iso_a2"] or ""
            ne_name = clean_name(f["name"])
            if not ne_name:
                unnamed += 1
                continue
            lineno, fix = fixes.get((raw_cc, ne_name), (None, None))
            if fix:
                if (raw_cc, ne_name) in used:
                    fail(f"admin1_fixes.csv:{lineno}: {raw_cc} {ne_name!r} matches more than one "
                         "unit; a fix must name a unique unit")
                used.add((raw_cc, ne_name))
            # "Homs (Hims)": the part before the brackets is the name, the bracketed part another
            m = re.fullmatch(r"(.+?)\s*\((.+)\)", ne_name)
            base, paren = (m.group(1), m.group(2)) if m else (ne_name, None)
            primary = fix["name"] if fix and fix["name"] else base
            names = NameSet(primary)
            for n in [ne_name, base, paren] + (split_list(fix["names"]) if fix else []):
                if n:
                    names.add(n)
            cand = [f["gn_name"], f["woe_name"]]
            if f["woe_label"]:
                cand.append(f["woe_label"].split(",")[0])
            country = fix["assign"] if fix and fix["assign"] else (raw_cc if valid_a2(raw_cc) else "")
            units.append({"id": f["fid"], "raw_cc": raw_cc, "ne_name": ne_name, "country": country,
                          "names": names, "cand": [clean_name(c) for c in cand if c],
                          "drop": split_list(fix["drop_names"]) if fix else [],
                          "move": bool(fix and fix["admin0"] == "move"),
                          "admin": self.country_names.get(country, clean_name(f["admin"])),
                          "geom": f["geom"]})
        unused = [f"admin1_fixes.csv:{ln}: {k[0]} {k[1]!r}" for k, (ln, _) in fixes.items()
                  if k not in used]
        if unused:
            fail("admin1 fix matches no unit in world_map.gpkg (data changed?): " + "; ".join(unused))

        # Natural Earth's other label fields (gn_name, woe_name, woe_label) add spellings, but
        # some name a neighbouring unit (Rif Dimashq's woe_name is "Damascus"): keep a candidate
        # only when it is not the name of another unit of the same country.
        taken = {}
        for u in units:
            for n in [u["ne_name"], u["names"].primary]:
                taken.setdefault((u["raw_cc"], norm(n)), set()).add(u["id"])
        for u in units:
            for c in u["cand"]:
                if re.search(r"\d", c):
                    continue  # internal labels such as "GAZ-00 (Gaza Strip aggregation)"
                if taken.get((u["raw_cc"], norm(c)), {u["id"]}) - {u["id"]}:
                    continue
                u["names"].add(c)
            for d in u["drop"]:
                u["names"].discard(d)
            del u["cand"], u["drop"]
        self.admin1 = units
        log(f"admin1: {len(units)} units ({unnamed} unnamed slivers skipped)")

        # Units moved between countries (Crimea, Northern Cyprus, ...) change the country polygons.
        for u in units:
            if not u["move"]:
                continue
            src = self.admin0.get(u["raw_cc"]) if valid_a2(u["raw_cc"]) else None
            if src is not None and src["iso2"] != u["country"]:
                src["geom"] = make_valid_multi(src["geom"].Difference(u["geom"]), min_area=1e-6)
            dst = self.admin0[u["country"]]
            dst["geom"] = union_all([dst["geom"], u["geom"]])
            log(f"admin0: {u['names'].primary} counted with {u['country']}"
                + (f" (taken out of {src['iso2']})" if src is not None and src["iso2"] != u["country"] else ""))

    def admin1_populations(self, places):
        pops, tested = divisions.admin1_populations(self.admin1, places, ogr)
        for u, n in zip(self.admin1, pops):
            u["pop"] = n
        empty = sum(1 for n in pops if n == 0)
        log(f"admin1: populations summed from places ({tested} polygons tested, {empty} units without places)")

    def admin1_codes(self, places):
        codes, outcome = divisions.admin1_codes(self.admin1, places, ogr)
        for u, (a1, a2) in zip(self.admin1, codes):
            u["admin1"], u["admin2"] = a1, a2
        log(f"admin1: {outcome['code'] + outcome['admin2']} units with GeoNames codes ({outcome['code']} by admin1, "
            f"{outcome['admin2']} by admin1 and admin2); none for {outcome['shared']} sharing a code with another "
            f"unit, {outcome['mixed']} holding places of several, {outcome['empty']} without places")

    # --- regions -----------------------------------------------------------------------------
    def admin1_lookup(self, cc, name, where):
        key = norm(name)
        hits = [u for u in self.admin1
                if (cc == "*" or u["country"] == cc)
                and (norm(u["names"].primary) == key or any(norm(n) == key for n in u["names"].items))]
        if not hits:
            fail(f"{where}: admin1 member {cc}:{name} not found in world_map.gpkg states_provinces "
                 "(check the spelling, or add the name in admin1_fixes.csv)")
        if len(hits) > 1:
            exact = [u for u in hits if norm(u["names"].primary) == key]
            if len(exact) == 1:
                return exact[0]
            fail(f"{where}: admin1 member {cc}:{name} is ambiguous: "
                 + ", ".join(f"{u['country']}:{u['names'].primary}" for u in hits))
        return hits[0]

    def land_near(self, env):
        minx, maxx, miny, maxy = env
        box = ogr.CreateGeometryFromWkt(
            f"POLYGON(({minx} {miny},{maxx} {miny},{maxx} {maxy},{minx} {maxy},{minx} {miny}))")
        geoms = [c["geom"] for c in self.admin0.values()] + self.unassigned_land
        return union_all([g for g in geoms if g.Intersects(box)])

    def build_regions(self):
        cols = ["id", "name", "kind", "members", "aliases", "wkt", "note"]
        rows = read_table(os.path.join(HERE, "regions.csv"), cols)
        by_name, ids = {}, set()
        for lineno, r in rows:
            where = f"regions.csv:{lineno}"
            try:
                rid = int(r["id"])
            except ValueError:
                fail(f"{where}: id must be an integer")
            if rid in ids:
                fail(f"{where}: id {rid} used twice")
            ids.add(rid)
            if r["kind"] not in ("region", "water"):
                fail(f"{where}: kind must be region or water")
            if not r["name"]:
                fail(f"{where}: empty name")
            if norm(r["name"]) in by_name:
                fail(f"{where}: name {r['name']!r} used twice")
            if r["kind"] == "region" and not r["members"]:
                fail(f"{where}: a region needs members")
            if r["kind"] == "water" and not r["members"] and not r["wkt"]:
                fail(f"{where}: a water body needs an outline (wkt) or members")
            by_name[norm(r["name"])] = (lineno, rid, r)

        done, busy = {}, set()

        def resolve(key):
            if key in done:
                return done[key]
            lineno, rid, r = by_name[key]
            where = f"regions.csv:{lineno} ({r['name']})"
            if key in busy:
                fail(f"{where}: members refer back to this region")
            busy.add(key)
            geoms, minus, countries = [], [], set()
            for tok in split_list(r["members"]):
                if tok.startswith("-@"):
                    ref = norm(tok[2:])
                    if ref not in by_name:
                        fail(f"{where}: member {tok} names no region in regions.csv")
                    minus.append(resolve(ref)[0])
                elif tok.startswith("@"):
                    ref = norm(tok[1:])
                    if ref not in by_name:
                        fail(f"{where}: member {tok} names no region in regions.csv")
                    g, ccs = resolve(ref)
                    geoms.append(g)
                    countries |= ccs
                elif ":" in tok:
                    cc, name = tok.split(":", 1)
                    if cc != "*" and not valid_a2(cc):
                        fail(f"{where}: member {tok}: expected CC:admin1 name")
                    u = self.admin1_lookup(cc, name.strip(), where)
                    geoms.append(u["geom"])
                    countries.add(u["country"])
                else:
                    if tok not in self.admin0:
                        fail(f"{where}: member {tok} is not a country code in countries.csv")
                    geoms.append(self.admin0[tok]["geom"])
                    countries.add(tok)
            if geoms:
                g = union_all(geoms)
                if r["wkt"]:
                    g = make_valid_multi(g.Intersection(geom_from_wkt(r["wkt"], where)), 1e-6)
                if minus:
                    g = make_valid_multi(g.Difference(union_all(minus)), 1e-6)
            else:
                outline = geom_from_wkt(r["wkt"], where)
                land = self.land_near(outline.GetEnvelope())
                g = make_valid_multi(outline.Difference(land), min_area=1e-4)
            if g.IsEmpty():
                fail(f"{where}: the resulting polygon is empty")
            busy.discard(key)
            done[key] = (g, countries)
            return done[key]

        self.regions = []
        for key, (lineno, rid, r) in by_name.items():
            g, countries = resolve(key)
            countries.discard("")
            names = NameSet(r["name"])
            for a in split_list(r["aliases"]):
                names.add(a)
            self.regions.append({"id": rid, "name": r["name"], "kind": r["kind"],
                                 "country": next(iter(countries)) if len(countries) == 1 else "",
                                 "members": r["members"], "names": names, "geom": g})

    # --- facilities --------------------------------------------------------------------------
    # Facilities named after where they stand ("Bab al-Hawa Border Crossing", "Ras Lanuf Oil
    # Terminal") are often named by that place alone ("aid crossed at Bab al-Hawa", "the ports of
    # Ras Lanuf and Es Sider"). Of these kinds, the facility's own name less its kind words becomes
    # one of its names where no place anywhere has that name: a town of the name stays the town
    # ("Rafah"). Not from the other names, which hold the other side's town ("Cilvegozu border
    # gate"), nor for bases, airports or dams, named after people too ("King Abdulaziz Air Base").
    BARE_NAME_KINDS = {"border_crossing": ["border crossing", "border gate", "crossing point", "crossing",
                                           "checkpoint"],
                       "infrastructure": ["oil terminal", "oil port", "terminal"]}

    def add_bare_names(self, places):
        wanted = []  # (facility, normalized bare name, bare name)
        for fac in self.facilities:
            low = fac["name"].casefold()
            kind = next((k for k in self.BARE_NAME_KINDS.get(fac["category"], []) if low.endswith(" " + k)), None)
            if kind:
                bare = fac["name"][: len(fac["name"]) - len(kind)].strip()
                if len(norm(bare)) >= 4:
                    wanted.append((fac, norm(bare), bare))
        keys = {key for _, key, _ in wanted}
        starts = {key[:3] for key in keys}
        taken = set()
        for p in places:  # only names that start like a wanted one are normalized whole: 200k places
            for x in [p[1], p[2]] + p[3].split(","):
                if x and norm(x[:6])[:3] in starts and norm(x) in keys:
                    taken.add(norm(x))
        added = 0
        for fac, key, bare in wanted:
            if key not in taken:
                before = len(fac["names"].items)
                fac["names"].add(bare)
                added += len(fac["names"].items) - before
        return added

    def build_facilities(self):
        cols = ["id", "name", "aliases", "country", "lat", "lon", "category", "source"]
        self.facilities = []
        ids = set()
        for lineno, r in read_table(os.path.join(HERE, "facilities.csv"), cols):
            where = f"facilities.csv:{lineno} ({r['name']})"
            try:
                fid = int(r["id"])
                lat = float(r["lat"])
                lon = float(r["lon"])
            except ValueError:
                fail(f"{where}: id, lat and lon must be numbers")
            if fid in ids:
                fail(f"{where}: id {fid} used twice")
            ids.add(fid)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                fail(f"{where}: lat/lon out of range")
            if not r["name"] or not r["category"] or not r["source"]:
                fail(f"{where}: name, category and source are required")
            cc = r["country"]
            if cc:
                if not valid_a2(cc):
                    fail(f"{where}: country must be an ISO alpha-2 code or empty")
                # sanity check of hand-entered coordinates: inside (or within ~50 km of) a
                # polygon of the stated country
                pt = ogr.Geometry(ogr.wkbPoint)
                pt.AddPoint_2D(lon, lat)
                polys = ([self.admin0[cc]["geom"]] if cc in self.admin0 else []) + \
                        [u["geom"] for u in self.admin1 if u["country"] == cc]
                if not polys:
                    fail(f"{where}: no polygon for country {cc}")
                if not any(p.Distance(pt) <= 0.5 for p in polys):
                    fail(f"{where}: ({lat}, {lon}) is not in or near {cc}")
            names = NameSet(r["name"])
            for a in split_list(r["aliases"]):
                names.add(a)
            self.facilities.append({"id": fid, "name": r["name"], "country": cc, "lat": lat,
                                    "lon": lon, "category": r["category"], "source": r["source"],
                                    "names": names})

    # --- alias tables ------------------------------------------------------------------------
    def check_targets(self, fname, first_col):
        cols = [first_col, "kind", "country", "geonameid", "name"]
        rows = read_table(os.path.join(HERE, fname), cols)
        place_ids = self.place_index
        for lineno, r in rows:
            where = f"{fname}:{lineno} ({r[first_col]})"
            kind, cc, name = r["kind"], r["country"], r["name"]
            if not r[first_col]:
                fail(f"{where}: empty {first_col}")
            if kind not in KINDS:
                fail(f"{where}: kind must be one of {', '.join(sorted(KINDS))}")
            if cc and not valid_a2(cc):
                fail(f"{where}: country must be an ISO alpha-2 code or empty")
            if r["geonameid"]:
                try:
                    gid = int(r["geonameid"])
                except ValueError:
                    fail(f"{where}: geonameid must be a number")
                if gid not in place_ids:
                    fail(f"{where}: geonameid {gid} is not in cities500.txt")
                if kind != "city" or (cc and place_ids[gid][1] != cc):
                    fail(f"{where}: geonameid {gid} is a city in {place_ids[gid][1]}")
                continue
            if kind == "country":
                ok = cc in self.admin0 and (not name or norm(name) == norm(self.admin0[cc]["names"].primary))
            elif kind == "admin1":
                ok = any(u["country"] == cc and norm(u["names"].primary) == norm(name)
                         for u in self.admin1)
            elif kind in ("region", "water"):
                ok = any(x["kind"] == kind and norm(x["name"]) == norm(name)
                         and (not cc or x["country"] == cc) for x in self.regions)
            elif kind == "poi":
                ok = any(norm(x["name"]) == norm(name) and (not cc or x["country"] == cc)
                         for x in self.facilities)
            else:  # city by name
                ok = any(norm(n) == norm(name) and c == cc for n, c in place_ids.values())
            if not ok:
                fail(f"{where}: target {kind} {cc or '-'} {name!r} is not in the gazetteer "
                     "(names must match the layer's 'name' field)")
        return len(rows)

    def apply_label_points(self):
        """label_points.csv: kind (country|region|water), key (ISO alpha-2 or region name), lat, lon."""
        path = os.path.join(HERE, "label_points.csv")
        for lineno, r in read_table(path, ["kind", "key", "lat", "lon", "source"]):
            where = f"label_points.csv:{lineno}"
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except ValueError:
                fail(f"{where}: lat and lon must be numbers")
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                fail(f"{where}: {lat},{lon} is not a coordinate")
            if r["kind"] == "country":
                target = self.admin0.get(r["key"])
            else:
                target = next((x for x in self.regions if x["kind"] == r["kind"] and x["name"] == r["key"]), None)
            if target is None:
                fail(f"{where}: no {r['kind']} {r['key']!r}")
            pt = ogr.Geometry(ogr.wkbPoint)
            pt.AddPoint_2D(lon, lat)
            if not target["geom"].Buffer(0.5).Contains(pt):
                fail(f"{where}: {lat},{lon} is not inside {r['key']}")
            target["label"] = (lat, lon)

    # --- writing -----------------------------------------------------------------------------
    def create_layer(self, tmp, name, geom_type, extras):
        drv = ogr.GetDriverByName("ESRI Shapefile")
        ds = drv.CreateDataSource(os.path.join(tmp, name + ".shp"))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        lyr = ds.CreateLayer(name, srs, geom_type, options=["ENCODING=UTF-8", "RESIZE=YES"])
        core = [("id", ogr.OFTInteger64, 0), ("name", ogr.OFTString, 254),
                ("kind", ogr.OFTString, 8), ("country", ogr.OFTString, 2),
                ("pop", ogr.OFTInteger64, 0), ("geonameid", ogr.OFTInteger64, 0)]
        for fname, ftype, width in core + extras:
            fd = ogr.FieldDefn(fname, ftype)
            if width:
                fd.SetWidth(width)
            lyr.CreateField(fd)
        return ds, lyr

    @staticmethod
    def write_names(path, rows):
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "name"])
            w.writerows(rows)
        return len(rows)

    def write_places(self, tmp, places):
        ds, lyr = self.create_layer(tmp, "places", ogr.wkbPoint,
                                    [("asciiname", ogr.OFTString, 254), ("fcode", ogr.OFTString, 10),
                                     ("admin1", ogr.OFTString, 20), ("admin2", ogr.OFTString, 80)])
        defn = lyr.GetLayerDefn()
        names = []
        # display_names.csv: the name news and maps use where GeoNames' main one differs; the
        # GeoNames name stays findable as an alternate.
        display = {}
        for lineno, r in read_table(os.path.join(HERE, "display_names.csv"), ["geonameid", "name", "note"]):
            try:
                display[int(r["geonameid"])] = r["name"]
            except ValueError:
                fail(f"display_names.csv:{lineno}: geonameid must be a number")
        missing = sorted(set(display) - {p[0] for p in places})
        if missing:
            fail(f"display_names.csv: no place with geonameid {missing[0]}")
        for gid, geonames_name, ascii_, alts, lat, lon, fcode, cc, adm1, pop, adm2 in places:
            name = display.get(gid, geonames_name)
            f = ogr.Feature(defn)
            f.SetField(0, gid)
            f.SetField(1, utf8_truncate(name))
            f.SetField(2, "city")
            f.SetField(3, cc)
            f.SetField(4, pop)
            f.SetField(5, gid)
            f.SetField(6, utf8_truncate(ascii_))
            f.SetField(7, fcode)
            f.SetField(8, adm1)
            f.SetField(9, adm2)
            pt = ogr.Geometry(ogr.wkbPoint)
            pt.AddPoint_2D(lon, lat)
            f.SetGeometryDirectly(pt)
            lyr.CreateFeature(f)
            ns = NameSet(name)
            ns.add(geonames_name)
            ns.add(ascii_)
            for a in alts.split(","):
                if useful_alternate(a):
                    ns.add(a)
            names += [(gid, n) for n in ns.items]
        ds = None
        return self.write_names(os.path.join(tmp, "places_names.csv"), names)

    def write_polygons(self, tmp, layer, recs, extras, extra_values):
        # label_lat/label_lon: a published reference centre where one is curated (empty otherwise);
        # the gazetteer prefers it to the polygon's computed centre.
        ds, lyr = self.create_layer(tmp, layer, ogr.wkbMultiPolygon,
                                    extras + [("label_lat", ogr.OFTReal, 0), ("label_lon", ogr.OFTReal, 0)])
        defn = lyr.GetLayerDefn()
        names = []
        for r in recs:
            f = ogr.Feature(defn)
            f.SetField(0, r["id"])
            f.SetField(1, utf8_truncate(r["name"]))
            f.SetField(2, r["kind"])
            f.SetField(3, r["country"])
            f.SetField(4, r.get("pop", 0))
            f.SetField(5, 0)
            values = extra_values(r)
            for i, v in enumerate(values):
                f.SetField(6 + i, utf8_truncate(v))
            if r.get("label"):
                f.SetField(6 + len(values), r["label"][0])
                f.SetField(7 + len(values), r["label"][1])
            g = r["geom"]
            if g.IsEmpty() or not g.IsValid():
                fail(f"{layer}: geometry of {r['name']!r} is empty or invalid")
            f.SetGeometry(g)
            lyr.CreateFeature(f)
            names += [(r["id"], n) for n in r["names"].items]
        ds = None
        return self.write_names(os.path.join(tmp, layer + "_names.csv"), names)

    def write_facilities(self, tmp):
        ds, lyr = self.create_layer(tmp, "facilities", ogr.wkbPoint,
                                    [("category", ogr.OFTString, 32), ("source", ogr.OFTString, 254)])
        defn = lyr.GetLayerDefn()
        names = []
        for r in self.facilities:
            f = ogr.Feature(defn)
            for i, v in enumerate([r["id"], utf8_truncate(r["name"]), "poi", r["country"], 0, 0,
                                   r["category"], utf8_truncate(r["source"])]):
                f.SetField(i, v)
            pt = ogr.Geometry(ogr.wkbPoint)
            pt.AddPoint_2D(r["lon"], r["lat"])
            f.SetGeometryDirectly(pt)
            lyr.CreateFeature(f)
            names += [(r["id"], n) for n in r["names"].items]
        ds = None
        return self.write_names(os.path.join(tmp, "facilities_names.csv"), names)

    def build_admin2(self, places):
        units, by_seat, skipped = divisions.read_admin2(os.path.join(self.src, "admin2.json"), places, norm, fail)
        for u in units:
            u["names"] = NameSet(u["name"])
        self.admin2 = units
        log(f"admin2: {len(units)} divisions ({by_seat} placed at their seat, {skipped} without any place left out)")

    def write_admin2(self, tmp):
        # `core`: the name without its designator; `cores` adds the town a Slavic district is named
        # by (;-separated). The gazetteer lets running text name a division by them only with a
        # designator after ("Tartus district"). min_lon..max_lat: the box of its places.
        ds, lyr = self.create_layer(tmp, "admin2", ogr.wkbPoint,
                                    [("admin1", ogr.OFTString, 20), ("admin2", ogr.OFTString, 80),
                                     ("core", ogr.OFTString, 254), ("cores", ogr.OFTString, 254),
                                     ("min_lon", ogr.OFTReal, 0), ("min_lat", ogr.OFTReal, 0),
                                     ("max_lon", ogr.OFTReal, 0), ("max_lat", ogr.OFTReal, 0)])
        defn = lyr.GetLayerDefn()
        names = []
        for u in self.admin2:
            f = ogr.Feature(defn)
            values = [u["id"], utf8_truncate(u["name"]), "admin2", u["country"], u["pop"], 0,
                      u["admin1"], u["code"], utf8_truncate(u["core"]),
                      utf8_truncate(";".join(u["cores"])), *[round(v, 5) for v in u["box"]]]
            for k, v in enumerate(values):
                f.SetField(k, v)
            pt = ogr.Geometry(ogr.wkbPoint)
            pt.AddPoint_2D(u["lon"], u["lat"])
            f.SetGeometryDirectly(pt)
            lyr.CreateFeature(f)
            names += [(u["id"], n) for n in u["names"].items]
        ds = None
        return self.write_names(os.path.join(tmp, "admin2_names.csv"), names)

    # --- driver ------------------------------------------------------------------------------
    def run(self, tmp, stamp):
        t0 = time.monotonic()
        places = read_places(os.path.join(self.src, "cities500.txt"))
        self.place_index = {p[0]: (p[1], p[7]) for p in places}
        log(f"places: {len(places)} rows read ({time.monotonic() - t0:.1f}s)")

        gpkg_path = os.path.join(self.src, "world_map.gpkg")
        try:
            gpkg = ogr.Open(gpkg_path)
        except RuntimeError as e:
            fail(f"{gpkg_path}: cannot open ({e})")
        self.load_countries(gpkg)
        self.load_admin1(gpkg)
        gpkg = None

        pop = {}
        for p in places:
            pop[p[7]] = pop.get(p[7], 0) + p[9]
        for c in self.admin0.values():
            c["pop"] = pop.get(c["iso2"], 0)
        self.admin1_populations(places)
        self.admin1_codes(places)
        self.build_admin2(places)
        log(f"admin0: {len(self.admin0)} countries ({time.monotonic() - t0:.1f}s)")

        self.build_regions()
        log(f"regions: {len(self.regions)} ({time.monotonic() - t0:.1f}s)")
        self.build_facilities()
        log(f"facilities: {len(self.facilities)} ({self.add_bare_names(places)} named by their place alone)")
        n_alias = self.check_targets("aliases.csv", "alias")
        n_demo = self.check_targets("demonyms.csv", "demonym")

        self.apply_label_points()
        counts = {}
        counts["places_names"] = self.write_places(tmp, places)
        counts["places"] = len(places)
        admin0 = sorted(self.admin0.values(), key=lambda c: c["id"])
        for c in admin0:
            c.update(name=c["names"].primary, kind="country", country=c["iso2"])
        counts["admin0_names"] = self.write_polygons(
            tmp, "admin0", admin0, [("iso_a3", ogr.OFTString, 3)], lambda c: [c["iso3"]])
        counts["admin0"] = len(admin0)
        for u in self.admin1:
            u.update(name=u["names"].primary, kind="admin1")
        # `cores`: its names without their designator (;-separated), which the gazetteer lets
        # running text use only with a designator after ("Latakia province").
        counts["admin1_names"] = self.write_polygons(
            tmp, "admin1", self.admin1,
            [("admin", ogr.OFTString, 254), ("admin1", ogr.OFTString, 20), ("admin2", ogr.OFTString, 80),
             ("cores", ogr.OFTString, 254)],
            lambda u: [u["admin"], u["admin1"], u["admin2"],
                       ";".join(divisions.admin1_cores([u["names"].primary] + u["names"].items))])
        counts["admin1"] = len(self.admin1)
        counts["regions_names"] = self.write_polygons(
            tmp, "regions", sorted(self.regions, key=lambda r: r["id"]),
            [("members", ogr.OFTString, 254)], lambda r: [r["members"]])
        counts["regions"] = len(self.regions)
        counts["facilities_names"] = self.write_facilities(tmp)
        counts["facilities"] = len(self.facilities)
        counts["admin2_names"] = self.write_admin2(tmp)
        counts["admin2"] = len(self.admin2)
        for name in ("aliases.csv", "demonyms.csv"):
            shutil.copyfile(os.path.join(HERE, name), os.path.join(tmp, name))
        counts["common_words"] = write_common_words(os.path.join(tmp, "common_words.txt"))
        counts["aliases"], counts["demonyms"] = n_alias, n_demo

        # every layer must open again, with the core fields
        for layer in LAYERS:
            ds = ogr.Open(os.path.join(tmp, layer + ".shp"))
            lyr = ds.GetLayer(0)
            defn = lyr.GetLayerDefn()
            have = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
            lacking = {"id", "name", "kind", "country", "pop", "geonameid"} - have
            if lacking or lyr.GetFeatureCount() != counts[layer]:
                fail(f"{layer}.shp: written layer does not read back (fields {sorted(have)})")
            ds = None

        stamp = dict(stamp, counts=counts)
        with open(os.path.join(tmp, "stamp.json"), "w", encoding="utf-8") as f:
            json.dump(stamp, f, indent=1, sort_keys=True)
            f.write("\n")
        return counts


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Build conflictmap's gazetteer shapefiles. Run with /usr/bin/python3 "
                    "(needs python3-gdal's osgeo).")
    ap.add_argument("--sources", required=True,
                    help="folder with cities500.txt, admin2.json and world_map.gpkg (geodata/fetch_sources.sh)")
    ap.add_argument("--out", required=True, help="output folder, e.g. geodata/out")
    ap.add_argument("--force", action="store_true", help="rebuild even when up to date")
    args = ap.parse_args(argv)

    t0 = time.monotonic()
    out_dir = os.path.abspath(args.out)
    tmp = None
    try:
        stamp = compute_stamp(args.sources)
        if not args.force and up_to_date(out_dir, stamp):
            log(f"geodata: {out_dir} is up to date")
            return 0
        import_gdal()
        parent = os.path.dirname(out_dir)
        os.makedirs(parent, exist_ok=True)
        tmp = os.path.join(parent, f".{os.path.basename(out_dir)}.tmp-{os.getpid()}")
        if os.path.exists(tmp):
            shutil.rmtree(tmp)
        os.makedirs(tmp)
        build = Build(os.path.abspath(args.sources), out_dir)
        counts = build.run(tmp, stamp)
        # swap the finished folder into place
        old = None
        if os.path.exists(out_dir):
            old = os.path.join(parent, f".{os.path.basename(out_dir)}.old-{os.getpid()}")
            os.rename(out_dir, old)
        os.rename(tmp, out_dir)
        tmp = None
        if old:
            shutil.rmtree(old, ignore_errors=True)
        summary = ", ".join(f"{k} {v}" for k, v in counts.items())
        log(f"geodata: built {out_dir} in {time.monotonic() - t0:.1f}s ({summary})")
        if build.warnings:
            log(f"geodata: {len(build.warnings)} warning(s)")
        return 0
    except BuildError as e:
        print(f"build_geodata.py: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("build_geodata.py: interrupted", file=sys.stderr)
        return 1
    finally:
        if tmp and os.path.exists(tmp):
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
