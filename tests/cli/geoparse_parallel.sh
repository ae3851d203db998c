#!/usr/bin/env bash
# Many articles on all cores, and the JSON-lines stream: output order and content are those of a
# sequential run; a bad line gets an error line of its own and the stream goes on.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
D=$TMP/in; mkdir -p "$D/sub"
places=(Latakia Tartus Homs Damascus Aleppo Idlib Hama Raqqa Palmyra Deir\ ez-Zor Baghdad Mosul)
for i in "${!places[@]}"; do
    # sub/ sorts after the top-level names: a folder is expanded in path order, recursively
    f=$D/$(printf 'a%02d.txt' "$i"); [ $((i % 3)) -eq 0 ] && f=$D/sub/$(printf 'b%02d.txt' "$i")
    printf 'On 3 March 2016 shelling hit %s. Later the convoy moved from %s to %s.\n' \
        "${places[$i]}" "${places[$i]}" "${places[$(((i + 5) % 12))]}" > "$f"
done
printf 'PK\003\004\000\000binary\000\000data' > "$D/a99.txt"

expect_exit 2 "folder, one thread" -- geoparse --json --jobs 1 "$D"
cp "$TMP/out" "$TMP/seq.json"; cp "$TMP/err" "$TMP/seq.err"
expect_exit 2 "folder, four threads" -- geoparse --json --jobs 4 "$D"
cmp -s "$TMP/out" "$TMP/seq.json" || fail "parallel --json differs from sequential"
cmp -s "$TMP/err" "$TMP/seq.err" || fail "parallel stderr differs from sequential: $(cat "$TMP/err")"
expect_err_line "a99.txt" "the binary file among the folder's articles"
/usr/bin/python3 -c "
import json; a=json.load(open('$TMP/seq.json'))['articles']
names=[x['file'].split('/in/',1)[1] for x in a]
assert names==sorted(names) and len(names)==12 and names[-1]=='sub/b09.txt', names
assert a[0]['mentions'][0]['name']=='Tartus', a[0]['mentions'][0]
" || fail "folder: articles in path order, each parsed"
expect_exit 2 "GeoJSON, four threads" -- geoparse --geojson --jobs 4 "$D"
cp "$TMP/out" "$TMP/par.geojson"
expect_exit 2 "GeoJSON, one thread" -- geoparse --geojson --jobs 1 "$D"
cmp -s "$TMP/out" "$TMP/par.geojson" || fail "parallel --geojson differs from sequential"

# --jsonl: ids kept in order, offsets index the UTF-8 bytes of "text", a bad line is reported
# where it was and the stream goes on.
cat > "$TMP/in.jsonl" <<'JSONL'
{"id":"first","text":"Café owners in Homs said jets struck Aleppo on Monday.","published":"2016-03-09"}
this is not json

{"id":7,"text":"Ships left Tartus."}
{"id":"bad-date","text":"Ships left Tartus.","published":"2015-02-30"}
{"id":"last","text":"Nothing happened anywhere."}
JSONL
"$BIN" geoparse --jsonl --jobs 3 < "$TMP/in.jsonl" > "$TMP/out" 2> "$TMP/err"
[ $? -eq 2 ] || fail "--jsonl with bad lines should exit 2"
/usr/bin/python3 -c "
import json
rows=[json.loads(l) for l in open('$TMP/out')]
assert [r['id'] for r in rows]==['first',None,7,'bad-date','last'], [r.get('id') for r in rows]
text='Café owners in Homs said jets struck Aleppo on Monday.'.encode()
ms=rows[0]['mentions']
assert [m['name'] for m in ms]==['Homs','Aleppo'], ms
for m in ms: assert text[m['start']:m['end']].decode()==m['text'], m
assert ms[1]['date']=='2016-03-07', ms[1]
assert rows[0]['published']=='2016-03-09' and 'events' in rows[0]
assert 'line 2' in rows[1]['error'] and 'mentions' not in rows[1]
assert rows[2]['mentions'][0]['name']=='Tartus'
assert 'published' in rows[3]['error']
assert rows[4]['mentions']==[]
" || fail "--jsonl output: $(head -c 600 "$TMP/out")"
[ "$(grep -c '' "$TMP/err")" -eq 2 ] || fail "--jsonl: one stderr line per bad line expected: $(cat "$TMP/err")"
"$BIN" geoparse --jsonl --jobs 1 < "$TMP/in.jsonl" > "$TMP/seq.jsonl" 2>/dev/null
cmp -s "$TMP/out" "$TMP/seq.jsonl" || fail "--jsonl with threads differs from one thread"

expect_exit 2 "--jsonl with files" -- geoparse --jsonl "$D/a01.txt"
expect_err_line "stdin" "--jsonl with files"
finish
