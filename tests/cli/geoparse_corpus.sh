#!/usr/bin/env bash
# The seed corpus (read from the shared folder, never copied here): contract fields, offsets,
# every mention of the key places found and resolved, no people or organisations, dates.
. "$(dirname "$0")/lib.bash"
: "${CMAP_SHARED_DIR:?}"
C=$CMAP_SHARED_DIR/corpus
[ -d "$C" ] || { echo "seed corpus not found in $C" >&2; exit 1; }
expect_exit 0 "geoparse the seed corpus" -- geoparse --json "$C"/*.txt
/usr/bin/python3 - "$TMP/out" <<'PY' || fail "seed corpus checks"
import json, re, sys
out = json.load(open(sys.argv[1]))
bad = []
arts = out["articles"]
if len(arts) != 3: bad.append(f"{len(arts)} articles")
mkeys = {"start", "end", "text", "name", "kind", "country", "lat", "lon", "geonameid", "confidence", "date", "date_precision", "date_first", "date_last", "sentence", "role"}
ekeys = {"date", "date_precision", "date_first", "date_last", "category", "mentions", "sentence"}
kinds = {"country", "admin1", "region", "city", "poi", "water"}
for a in arts:
    raw = open(a["file"], "rb").read()
    ms = a["mentions"]
    for m in ms:
        if set(m) != mkeys: bad.append(f"mention fields {sorted(m)}")
        if raw[m["start"]:m["end"]].decode() != m["text"]: bad.append(f"offsets of {m['text']!r}")
        if m["kind"] not in kinds: bad.append(f"kind {m['kind']}")
        s, e = m["sentence"]
        if not (s <= m["start"] and m["end"] <= e): bad.append(f"sentence of {m['text']!r}")
    for ev in a["events"]:
        if set(ev) != ekeys: bad.append(f"event fields {sorted(ev)}")
        for i in ev["mentions"]:
            if not 0 <= i < len(ms): bad.append("event mention index")
    text = raw.decode()
    # Every occurrence of the key places is a mention resolved to the right place.
    for name, ok in [("Latakia", lambda m: m["country"] == "SY"), ("Tartus", lambda m: m["country"] == "SY"),
                     ("Homs", lambda m: m["country"] == "SY"), ("Damascus", lambda m: m["country"] == "SY"),
                     ("North Caucasus", lambda m: m["kind"] == "region")]:
        for occ in re.finditer(re.escape(name), text):
            b = len(text[:occ.start()].encode())
            hit = [m for m in ms if m["start"] <= b < m["end"]]
            if not hit or not ok(hit[0]): bad.append(f"{a['file']}: {name} at {b} -> {hit[:1]}")
    for person in ["Obama", "Genieve", "David", "Bildt", "Karl", "Jamestown", "Brookings", "Forbes", "Islamic State", "State Department", "Kerry", "Putin", "Assad"]:
        for m in ms:
            if person in m["text"] and "Assad International" not in m["text"] and "Bassel" not in m["text"]:
                bad.append(f"{a['file']}: person/organisation {m['text']!r} reported as {m['name']}")
    for m in ms:
        if m["text"] == "Homs" and m["date"] != "2015-09-15": bad.append(f"Homs dated {m['date']}")
        if m["text"] in ("Kremlin",) and "25 de enero" in text[:2000] and m["date"] != "2005-01-25":
            # the Spanish caption's Kremlin meeting
            s = text.encode()[m["sentence"][0]:m["sentence"][1]].decode()
            if "enero" in s: bad.append(f"Kremlin meeting dated {m['date']}")
    kremlin = [ev for ev in a["events"] if any(ms[i]["text"].endswith("Kremlin") for i in ev["mentions"])
               and "enero" in raw[ev["sentence"][0]:ev["sentence"][1]].decode()]
    for ev in kremlin:
        if ev["date"] != "2005-01-25" or ev["category"] != "meeting": bad.append(f"Kremlin meeting event {ev}")
if not any(m["text"] == "Homs" for a in arts for m in a["mentions"]): bad.append("Homs not found")
for b in bad: print("  ", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
finish
