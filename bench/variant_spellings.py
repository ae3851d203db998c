#!/usr/bin/env python3
"""How many of the spellings conflict reporting uses for its towns `conflictmap geoparse` finds and
places: each spelling in bench/variant_spellings.csv is put into a two-sentence story of our own
that names the town's country and no other town (the hardest case: no place nearby to lean on),
and counts as found when a mention covers it and as placed when that mention lies within 161 km
of the town. Coordinates are rounded from GeoNames; the spellings are those wires, local outlets
and monitors use (Arabic, Russian and Ukrainian names in English, French and German styles).

    bench/variant_spellings.py [--bin build/conflictmap] [--misses] [--neighbour]

With --neighbour the story also names the nearest other town of the list in the same country
(within 200 km, by its first spelling), as reports usually name places together: the case the
guards against ordinary words let through most.
"""
import argparse, csv, json, math, os, subprocess, sys, tempfile

COUNTRY = {"SY": "Syria", "IQ": "Iraq", "UA": "Ukraine", "LY": "Libya", "YE": "Yemen", "RU": "Russia", "GE": "Georgia"}


def km(a, b, c, d):
    h = math.sin(math.radians(c - a) / 2) ** 2 + math.cos(math.radians(a)) * math.cos(math.radians(c)) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/conflictmap")
    ap.add_argument("--misses", action="store_true", help="list the spellings not found or misplaced")
    ap.add_argument("--neighbour", action="store_true", help="name the nearest other town of the list too")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    items = []
    towns = []
    with open(os.path.join(here, "variant_spellings.csv"), newline="") as f:
        for r in csv.DictReader(f):
            towns.append((r["country"], float(r["lat"]), float(r["lon"]), r["spellings"].split(";")[0]))
            for s in r["spellings"].split(";"):
                items.append((r["country"], float(r["lat"]), float(r["lon"]), s))

    def neighbour(cc, lat, lon):
        near = [(km(lat, lon, t[1], t[2]), t[3]) for t in towns if t[0] == cc and (t[1], t[2]) != (lat, lon)]
        near = [n for n in near if n[0] <= 200]
        return min(near)[1] if near else None
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k, (cc, lat, lon, s) in enumerate(items):
            path = os.path.join(tmp, f"{k:04d}.txt")
            other = neighbour(cc, lat, lon) if args.neighbour else None
            near = f" near {other}" if other else ""
            with open(path, "x") as f:
                f.write(f"Fighting in {COUNTRY[cc]} continued{near}. Government forces shelled {s} on Monday, residents said.\n")
            files.append(path)
        out = subprocess.run([args.bin, "geoparse", "--json", *files], capture_output=True, text=True, check=True).stdout
    found = placed = 0
    misses = []
    for (cc, lat, lon, s), doc in zip(items, json.loads(out)["articles"]):
        hits = [m for m in doc["mentions"] if m["text"] != COUNTRY[cc] and (s in m["text"] or m["text"] in s)]
        if not hits:
            misses.append(f"not found: {s}")
            continue
        found += 1
        d = km(lat, lon, hits[0]["lat"], hits[0]["lon"])
        if d <= 161:
            placed += 1
        else:
            misses.append(f"misplaced: {s} -> {hits[0]['name']} ({hits[0]['country']}), {d:.0f} km")
    n = len(items)
    print(f"{n} spellings of {len({(i[1], i[2]) for i in items})} towns: found {found} ({found / n:.3f}), "
          f"within 161 km {placed} ({placed / n:.3f})")
    if args.misses:
        print("\n".join(misses))


if __name__ == "__main__":
    sys.exit(main())
