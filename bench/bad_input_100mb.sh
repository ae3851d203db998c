#!/usr/bin/env bash
# A 100 MB article (one sentence repeated, generated here) through geoparse --json: it must come
# out whole, and the figures say what it costs. Too slow for the test suite, whose battery
# (tests/cli/bad_inputs.sh) reads a 10 MB one instead.
#   bench/bad_input_100mb.sh [build/conflictmap]
set -euo pipefail
BIN=${1:-build/conflictmap}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
yes 'Officials said convoys moved from Homs toward the coast on Monday while talks continued.' | head -c 100000000 > "$TMP/big.txt"
/usr/bin/time -f '%e %M' -o "$TMP/time" "$BIN" geoparse --json "$TMP/big.txt" > "$TMP/out.json"
read -r wall rss < "$TMP/time"
mentions=$(grep -o '"text":"Homs"' "$TMP/out.json" | wc -l)
/usr/bin/python3 -c "import json; json.load(open('$TMP/out.json'))" || { echo "bad_input_100mb: output is not valid JSON" >&2; exit 1; }
echo "100 MB article: ${wall} s, peak RSS $((rss / 1024)) MB, ${mentions} mentions of Homs"
