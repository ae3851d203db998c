#!/usr/bin/env python3
"""Is the geoparser's `confidence` a probability? The reliability table on an annotated corpus.

usage: bench/confidence_reliability.py [--corpus CORPUS.all.jsonl] [--bin build/conflictmap]
                                       [--min-count 20] [--tolerance 0.1]

The corpus is score_corpus.py's (JSON lines: text, toponyms with start/end/lat/lon); the
default is $CMAP_SHARED_DIR/eval/geowebnews.all.jsonl (CMAP_SHARED_DIR defaults to ../shared).
Each article is written to its own file in a temporary folder, all are geoparsed in one run of
`conflictmap geoparse --json`, and mentions are matched to gold toponyms as score_corpus.py
matches them (its distance function is imported; the rule is the same): a gold toponym with
coordinates counts once, with the first predicted mention that overlaps it. That is the set
score_corpus.py's Acc@161 is taken over, so the table's overall share within 161 km is that
figure.

Per bin of confidence 0.1 wide: how many mentions, their mean confidence, the share placed within
161 km of the gold point, and the gap between the two; then the expected calibration error (the
gaps weighted by the bins' counts). Exits 1 when a bin of at least --min-count mentions misses by
more than --tolerance (the README's promise for confidence), so it can serve as a check.
"""
import argparse, importlib.util, json, os, subprocess, sys, tempfile


def load_scorer(corpus):
    # score_corpus.py sits beside the corpus in the shared eval folder.
    path = os.path.join(os.path.dirname(os.path.abspath(corpus)), "score_corpus.py")
    spec = importlib.util.spec_from_file_location("score_corpus", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    shared = os.environ.get("CMAP_SHARED_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(shared, "eval", "geowebnews.all.jsonl"))
    ap.add_argument("--bin", default="build/conflictmap")
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--tolerance", type=float, default=0.1)
    a = ap.parse_args()
    scorer = load_scorer(a.corpus)

    arts = [json.loads(l) for l in open(a.corpus, encoding="utf-8")]
    with tempfile.TemporaryDirectory(prefix="cmap-reliability-") as tmp:
        files = []
        for i, art in enumerate(arts):
            p = os.path.join(tmp, f"a{i:05d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(art["text"])
            files.append(p)
        out = subprocess.run([a.bin, "geoparse", "--json"] + files, capture_output=True)
    if out.returncode != 0:
        sys.stderr.write(out.stderr.decode(errors="replace")[-2000:])
        print(f"geoparse failed with exit code {out.returncode}")
        return 2
    pred = json.loads(out.stdout)
    by = {os.path.basename(x.get("file", "")): x for x in pred.get("articles", [])}

    pairs = []  # (confidence, placed within 161 km)
    for i, art in enumerate(arts):
        b = [0]  # character offset -> byte offset
        for ch in art["text"]:
            b.append(b[-1] + len(ch.encode("utf-8")))
        ments = by.get(f"a{i:05d}.txt", {}).get("mentions", [])
        for t in art["toponyms"]:
            if t.get("lat") is None:
                continue
            gs, ge = b[t["start"]], b[t["end"]]
            ov = [m for m in ments if int(m["start"]) < ge and gs < int(m["end"])]
            if not ov:
                continue
            m = ov[0]
            try:
                e = scorer.hav(float(m["lat"]), float(m["lon"]), t["lat"], t["lon"])
            except (KeyError, TypeError, ValueError):
                e = 20039.0
            pairs.append((float(m["confidence"]), e <= 161))

    bins = [[] for _ in range(10)]
    for c, hit in pairs:
        bins[min(9, max(0, int(c * 10)))].append((c, hit))
    print(f"{os.path.basename(a.corpus).split('.')[0]}: {len(pairs)} recognised gold toponyms with coordinates")
    print(f"{'bin':>9} {'count':>6} {'mean conf':>9} {'@161km':>7} {'|gap|':>6}")
    ece, failed = 0.0, []
    for k, rows in enumerate(bins):
        lo = k / 10
        if not rows:
            print(f"{lo:.1f}-{lo + 0.1:.1f} {0:6d} {'':>9} {'':>7} {'':>6}")
            continue
        conf = sum(c for c, _ in rows) / len(rows)
        share = sum(1 for _, h in rows if h) / len(rows)
        gap = abs(conf - share)
        ece += gap * len(rows) / len(pairs)
        flag = ""
        if len(rows) >= a.min_count and gap > a.tolerance:
            failed.append(f"{lo:.1f}-{lo + 0.1:.1f}")
            flag = "  <- off by more than the tolerance"
        print(f"{lo:.1f}-{lo + 0.1:.1f} {len(rows):6d} {conf:9.3f} {share:7.3f} {gap:6.3f}{flag}")
    overall = sum(1 for _, h in pairs if h) / len(pairs) if pairs else 0.0
    mean = sum(c for c, _ in pairs) / len(pairs) if pairs else 0.0
    print(f"all       {len(pairs):6d} {mean:9.3f} {overall:7.3f} {abs(mean - overall):6.3f}")
    print(f"expected calibration error {ece:.3f}")
    if failed:
        print(f"not calibrated: bins {', '.join(failed)} (>= {a.min_count} mentions) miss by more than {a.tolerance}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
