#!/usr/bin/env bash
# A build without the GUI (cmake --preset gui-less): the commands that draw say in one line that
# this build cannot, and the ones that read and write data work as in the full build.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"

"$BIN" export --help 2>&1 | grep -q "needs a build with the viewer" || skip "this build has the viewer"

printf 'Convoys left Homs for Hama on 3 May 2015.\n' >"$TMP/a.txt"
expect_exit 2 "view without GL" -- view "$TMP/a.txt"
expect_err_line "this build has no viewer" "view without GL"
for cmd in export animate; do
    expect_exit 2 "$cmd without GL" -- "$cmd" --out "$TMP/a.png" "$TMP/a.txt"
    expect_err_line "$cmd needs OpenGL; this build has none" "$cmd without GL"
done
[ ! -e "$TMP/a.png" ] || fail "a PNG was written"

expect_exit 0 "geoparse" -- geoparse --json "$TMP/a.txt"
grep -q '"Hama"' "$TMP/out" || fail "geoparse without the GUI does not find Hama: $(head -c 300 "$TMP/out")"
expect_exit 0 "export-data" -- export-data --out "$TMP/a.geojson" "$TMP/a.txt"
grep -q '"Homs"' "$TMP/a.geojson" || fail "export-data without the GUI has no Homs"

finish
