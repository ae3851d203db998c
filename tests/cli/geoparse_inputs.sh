#!/usr/bin/env bash
# Bad article inputs: a clear line naming the file, exit 2, and the good files still come out.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
D=$TMP/in; mkdir -p "$D"

printf 'Jets landed in Latakia on Monday.' > "$D/good.txt"
printf '{"title": "T", "published": "2015-09-30"}' > "$D/good.meta.json"
: > "$D/empty.txt"
printf 'PK\003\004\000\000binary\000\000data' > "$D/binary.txt"
printf 'Caf\xe9 owners in Latakia \x93complained\x94.' > "$D/latin1.txt"
printf 'Ships left Tartus.' > "$D/badmeta.txt"
printf '{"title": "T", "published": ' > "$D/badmeta.meta.json"
printf 'Ships left Tartus.' > "$D/wrongtype.txt"
printf '{"title": 42, "published": "2015-02-30"}' > "$D/wrongtype.meta.json"
printf 'Ships left Tartus.' > "$D/dirmeta.txt"
mkdir "$D/dirmeta.meta.json"
/usr/bin/python3 -c "import sys; sys.stdout.write(('word ' * 4000000) + 'Homs')" > "$D/oneline.txt"

expect_exit 0 "good file" -- geoparse --json "$D/good.txt"
/usr/bin/python3 -c "
import json,sys; a=json.load(open('$TMP/out'))['articles'][0]
assert a['published']=='2015-09-30' and a['title']=='T', a
m=a['mentions'][0]; assert m['text']=='Latakia' and m['date']=='2015-09-28' and m['date_precision']=='day', m
" || fail "good file: published date, title and 'on Monday'"

expect_exit 0 "--published overrides the sidecar" -- geoparse --json --published 2015-10 "$D/good.txt"
grep -q '"published":"2015-10"' "$TMP/out" || fail "--published not applied"

expect_exit 0 "empty file" -- geoparse --json "$D/empty.txt"
grep -q '"mentions":\[\]' "$TMP/out" || fail "empty file should give no mentions"

expect_exit 2 "binary file" -- geoparse --json "$D/binary.txt"
expect_err_line "$D/binary.txt" "binary file"

expect_exit 0 "invalid UTF-8 read as Windows-1252" -- geoparse --json "$D/latin1.txt"
grep -q "Windows-1252" "$TMP/err" || fail "no Windows-1252 warning"
grep -q '"name":"Latakia"' "$TMP/out" || fail "Latakia not found in a Windows-1252 file"

expect_exit 2 "missing file" -- geoparse --json "$D/nope.txt"
expect_err_line "$D/nope.txt" "missing file"

expect_exit 2 "malformed sidecar" -- geoparse --json "$D/badmeta.txt"
expect_err_line "$D/badmeta.meta.json" "malformed sidecar"
expect_exit 2 "wrong types in sidecar" -- geoparse --json "$D/wrongtype.txt"
expect_err_line "$D/wrongtype.meta.json" "wrong types in sidecar"
expect_exit 2 "sidecar is a folder" -- geoparse --json "$D/dirmeta.txt"
expect_err_line "$D/dirmeta.meta.json" "sidecar is a folder"

expect_exit 0 "20 MB on one line" -- geoparse --json "$D/oneline.txt"
grep -q '"name":"Homs"' "$TMP/out" || fail "Homs at the end of a 20 MB line not found"

# Many files in one run: the bad ones are reported and skipped, the good ones still come out.
expect_exit 2 "a bad file among good ones" -- geoparse --json "$D/good.txt" "$D/nope.txt" "$D/binary.txt" "$D/empty.txt"
/usr/bin/python3 -c "
import json; a=json.load(open('$TMP/out'))['articles']
assert [x['file'].rsplit('/',1)[1] for x in a]==['good.txt','empty.txt'], a
" || fail "good files should still be printed"
[ "$(grep -c '' "$TMP/err")" -eq 2 ] || fail "one line per bad file expected: $(cat "$TMP/err")"

expect_exit 0 "GeoJSON" -- geoparse --geojson "$D/good.txt"
/usr/bin/python3 -c "
import json; g=json.load(open('$TMP/out'))
assert g['type']=='FeatureCollection' and g['features'][0]['geometry']['type']=='Point'
" || fail "GeoJSON is not a FeatureCollection of points"
cp "$TMP/out" "$TMP/m.geojson"
ogrinfo -ro -so -al "$TMP/m.geojson" 2>/dev/null | grep -q "Feature Count: 1" || fail "GDAL cannot read the GeoJSON"
finish
