#!/usr/bin/env bash
# The built gazetteer layers (geodata/out) exist, open with GDAL, carry the core fields, and the
# curated regions have the shapes the geoparser relies on.
#
# usage: tests/cli/geodata_layers.sh [CONFLICTMAP_BINARY]   (the binary is not used)
# env:   CONFLICTMAP_GEODATA  the built folder (default: geodata/out next to this script)
# Build it first: geodata/fetch_sources.sh .cache/sources &&
#   /usr/bin/python3 geodata/build_geodata.py --sources .cache/sources --out geodata/out
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
geo=${CONFLICTMAP_GEODATA:-$here/../../geodata/out}

die() { echo "geodata_layers: FAIL: $*" >&2; exit 1; }

[[ -d $geo ]] || die "$geo does not exist: build it with geodata/build_geodata.py"
command -v ogrinfo >/dev/null || die "ogrinfo not found (package gdal-bin)"
py=/usr/bin/python3
[[ -x $py ]] && $py -c 'import osgeo' 2>/dev/null || die "$py with osgeo not found (package python3-gdal)"

layers=(places admin0 admin1 regions facilities admin2)
for l in "${layers[@]}"; do
  for ext in shp shx dbf prj cpg; do
    [[ -s $geo/$l.$ext ]] || die "$geo/$l.$ext missing or empty"
  done
  [[ $(tr -d '\r\n' <"$geo/$l.cpg") == UTF-8 ]] || die "$geo/$l.cpg does not say UTF-8"
  [[ -s $geo/${l}_names.csv ]] || die "$geo/${l}_names.csv missing"
  [[ $(head -n1 "$geo/${l}_names.csv" | tr -d '\r') == id,name ]] \
    || die "$geo/${l}_names.csv: header is not id,name"
  info=$(ogrinfo -ro -so "$geo/$l.shp" "$l" 2>&1) || die "ogrinfo cannot open $geo/$l.shp: $info"
  for field in id name kind country pop geonameid; do
    grep -q "^$field: " <<<"$info" || die "$l.shp lacks core field '$field'"
  done
  count=$(sed -n 's/^Feature Count: //p' <<<"$info")
  [[ ${count:-0} -gt 0 ]] || die "$l.shp has no features"
  echo "ok: $l.shp opens, $count features"
done
for t in aliases demonyms; do
  [[ -s $geo/$t.csv ]] || die "$geo/$t.csv missing"
done

# Attribute and geometry checks in one Python run (GDAL's own bindings).
GEO=$geo "$py" - <<'EOF' || die "attribute/geometry checks failed (see above)"
import csv, os, sys
from osgeo import ogr
ogr.UseExceptions()
geo = os.environ["GEO"]
errors = []

def err(msg):
    errors.append(msg)
    print("  " + msg, file=sys.stderr)

kinds = {"places": {"city"}, "admin0": {"country"}, "admin1": {"admin1"},
         "regions": {"region", "water"}, "facilities": {"poi"}, "admin2": {"admin2"}}
# The sources' sizes (geodata/SOURCES.md): GeoNames cities500 has 199,568 places; admin2 keeps the
# divisions placed by their places or seat (about 30,000 of 47,643); every admin1 unit but a few
# islands and slivers has places, so a population.
minimum = {"places": 199000, "admin0": 230, "admin1": 4500, "regions": 80, "facilities": 100, "admin2": 28000}
datasets = {}
for layer, allowed in kinds.items():
    ds = ogr.Open(os.path.join(geo, layer + ".shp"))
    datasets[layer] = ds
    lyr = ds.GetLayer(0)
    ids = set()
    bad_geom = 0
    for f in lyr:
        fid = f.GetField("id")
        if fid in ids:
            err(f"{layer}: id {fid} is not unique")
        ids.add(fid)
        if f.GetField("kind") not in allowed:
            err(f"{layer}: id {fid} has kind {f.GetField('kind')!r}")
        if not f.GetField("name"):
            err(f"{layer}: id {fid} has no name")
        cc = f.GetField("country") or ""
        if cc and (len(cc) != 2 or not cc.isupper()):
            err(f"{layer}: id {fid} has country {cc!r}")
        g = f.GetGeometryRef()
        if g is None or g.IsEmpty() or (layer not in ("places", "facilities", "admin2") and not g.IsValid()):
            bad_geom += 1
    if bad_geom:
        err(f"{layer}: {bad_geom} empty or invalid geometries")
    if len(ids) < minimum[layer]:
        err(f"{layer}: {len(ids)} features, expected at least {minimum[layer]}")
    with open(os.path.join(geo, layer + "_names.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if int(row["id"]) not in ids:
                err(f"{layer}_names.csv: id {row['id']} is not in {layer}.shp")
                break
    print(f"ok: {layer}: {len(ids)} unique ids, kinds {sorted(allowed)}")

def point(lon, lat):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(lon, lat)
    return p

regions = {}
for f in datasets["regions"].GetLayer(0):
    regions[f.GetField("name")] = f.GetGeometryRef().Clone()
checks = [
    ("North Caucasus", "Grozny", 45.70, 43.31, True),
    ("North Caucasus", "Moscow", 37.62, 55.75, False),
    ("Central Asia", "Tashkent", 69.24, 41.31, True),
    ("Black Sea", "34E 43.5N", 34.0, 43.5, True),
    ("Black Sea", "Ankara", 32.85, 39.93, False),
    ("Caspian Sea", "51E 42N", 51.0, 42.0, True),
    ("Mediterranean Sea", "the Ionian Sea (18E 35N)", 18.0, 35.0, True),
    ("Mediterranean Sea", "the Black Sea (34E 43.5N)", 34.0, 43.5, False),
    ("Middle East", "Damascus", 36.29, 33.51, True),
    ("Europe", "Paris", 2.35, 48.85, True),
    ("Europe", "Vladivostok", 131.9, 43.1, False),
]
for name, what, lon, lat, expect in checks:
    g = regions.get(name)
    if g is None:
        err(f"regions.shp: no region named {name!r}")
        continue
    got = g.Contains(point(lon, lat))
    if got != expect:
        err(f"regions.shp: {name} {'does not contain' if expect else 'contains'} {what}")
    else:
        print(f"ok: {name} {'contains' if expect else 'does not contain'} {what}")

# GeoNames alternate spellings reach the city: Al Lādhiqīyah -> Latakia (173576).
hits = set()
with open(os.path.join(geo, "places_names.csv"), encoding="utf-8", newline="") as fh:
    for row in csv.DictReader(fh):
        if row["name"] in ("Al Lādhiqīyah", "Al Ladhiqiyah"):
            hits.add(int(row["id"]))
if 173576 not in hits:
    err(f"places_names.csv: 'Al Lādhiqīyah' does not lead to Latakia (173576); found {sorted(hits)}")
else:
    print("ok: places_names.csv: Al Lādhiqīyah -> 173576 (Latakia)")

# Provinces carry the population of their places: Virginia is a state of millions.
pops = {}
for f in datasets["admin1"].GetLayer(0):
    pops[(f.GetField("country"), f.GetField("name"))] = f.GetField("pop")
for key, least in [(("US", "Virginia"), 4_000_000), (("SY", "Aleppo Governorate"), 2_000_000)]:
    if (pops.get(key) or 0) < least:
        err(f"admin1.shp: {key[1]} ({key[0]}) has population {pops.get(key)}, expected at least {least}")
    else:
        print(f"ok: admin1: {key[1]} ({key[0]}) population {pops[key]}")
# A district tied to its places: Manbij District lies around Manbij, its core name without the noun.
found = [f for f in datasets["admin2"].GetLayer(0) if f.GetField("name") == "Manbij District"]
if not found:
    err("admin2.shp: no Manbij District")
else:
    f = found[0]
    g = f.GetGeometryRef()
    if f.GetField("country") != "SY" or f.GetField("core") != "Manbij" or abs(g.GetX() - 37.95) > 0.5 or abs(g.GetY() - 36.53) > 0.5:
        err(f"admin2.shp: Manbij District is {f.GetField('country')} {f.GetField('core')!r} at {g.GetX():.2f},{g.GetY():.2f}")
    else:
        print(f"ok: admin2: Manbij District at {g.GetX():.2f},{g.GetY():.2f}, core 'Manbij'")
# A province named with its designator ("Latakia Governorate") has the name without it as a core,
# for "Latakia province" in running text.
found = [f for f in datasets["admin1"].GetLayer(0) if f.GetField("name") == "Latakia Governorate"]
cores = (found[0].GetField("cores") or "").split(";") if found else []
if "Latakia" not in cores:
    err(f"admin1.shp: Latakia Governorate's cores are {cores}, expected 'Latakia' among them")
else:
    print(f"ok: admin1: Latakia Governorate's cores {cores}")

sys.exit(1 if errors else 0)
EOF
echo "geodata_layers: all checks passed"
