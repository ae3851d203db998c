"""Checks where `geoparse --json` put named mentions, for the CLI tests.
usage: mentions_at.py OUT.json KM < WANT
WANT has a line per mention: text|kind|name|lat|lon (an empty name is not checked). Each text's
first mention must have that kind (and name) and lie within KM of lat/lon. Prints what is not so
on stderr; exits 1 when anything is not."""
import json
import math
import sys

mentions = json.load(open(sys.argv[1]))["articles"][0]["mentions"]
limit_km = float(sys.argv[2])


def km(a, b, c, d):
    h = math.sin(math.radians(c - a) / 2) ** 2 + math.cos(math.radians(a)) * math.cos(math.radians(c)) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


bad = []
for line in sys.stdin:
    if not line.strip():
        continue
    text, kind, name, lat, lon = line.rstrip("\n").split("|")
    got = [m for m in mentions if m["text"] == text]
    if not got:
        bad.append(f"{text!r} not found")
        continue
    m = got[0]
    if m["kind"] != kind or (name and m["name"] != name) or km(m["lat"], m["lon"], float(lat), float(lon)) > limit_km:
        bad.append(f"{text!r} -> {m['name']} ({m['kind']}) at {m['lat']:.3f},{m['lon']:.3f}")
for b in bad:
    print("  " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
