#!/usr/bin/env python3
"""Writes a synthetic ACLED-style event CSV (issue 6, "Scale"): N events in the box 25..60E,
25..50N between 2015 and 2023, clustered on a few thousand sites like real conflict data, with
ACLED's columns, event types, and geo/time precision codes. Deterministic for a given N and seed.
Usage: bench/make_events.py N OUT.csv [SEED]"""
import csv
import random
import sys
from datetime import date, timedelta

TYPES = [  # (event_type, sub_event_type, weight)
    ("Battles", "Armed clash", 30),
    ("Explosions/Remote violence", "Air/drone strike", 15),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 20),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 5),
    ("Violence against civilians", "Attack", 10),
    ("Protests", "Peaceful protest", 10),
    ("Strategic developments", "Agreement", 3),
    ("Strategic developments", "Headquarters or base established", 2),
    ("Strategic developments", "Non-violent transfer of territory", 5),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 6)
    sites = [(rng.uniform(25, 60), rng.uniform(25, 50)) for _ in range(3000)]
    weights = [rng.paretovariate(1.2) for _ in sites]  # a few hot spots, a long tail
    types = [(t, s) for t, s, _ in TYPES]
    type_weights = [w for _, _, w in TYPES]
    start, days = date(2015, 1, 1), (date(2023, 12, 31) - date(2015, 1, 1)).days
    site_of = rng.choices(range(len(sites)), weights=weights, k=n)
    type_of = rng.choices(range(len(types)), weights=type_weights, k=n)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["event_date", "event_type", "sub_event_type", "latitude", "longitude", "geo_precision",
                    "time_precision", "notes", "source"])
        for i in range(n):
            lon, lat = sites[site_of[i]]
            geo = rng.choices((1, 2, 3), weights=(70, 25, 5))[0]
            if geo > 1:  # a nearby town or the region's centre: the point moves a little
                lon += rng.uniform(-0.2, 0.2) * geo
                lat += rng.uniform(-0.2, 0.2) * geo
            d = start + timedelta(days=rng.randrange(days + 1))
            tp = rng.choices((1, 2, 3), weights=(85, 12, 3))[0]
            event_type, sub = types[type_of[i]]
            w.writerow([f"{d.day} {MONTHS[d.month - 1]} {d.year}", event_type, sub, f"{lat:.4f}", f"{lon:.4f}", geo, tp,
                        f"Synthetic event {i}.", f"Source {i % 97}"])


if __name__ == "__main__":
    main()
