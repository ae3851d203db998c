#!/usr/bin/env bash
# PROJ is opened when the first projection or geodesic is made, not at start-up: without a
# loadable libproj, commands that project nothing (geoparse, gazetteer lookups from a warm cache)
# still work, and one that draws a map is one line naming PROJ's Debian package, exit 2, nothing
# written.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}" "${CMAP_PROJ_SONAME:?}"
export XDG_CACHE_HOME="$TMP/cache"  # never touch the user's cache

printf 'Ships unloaded armour at Tartus on Monday.\n' >"$TMP/a.txt"
# With PROJ: the gazetteer's and the base map's caches are made (GDAL, which needs PROJ, reads
# the shapefiles).
expect_exit 0 "an export with PROJ" -- export --size 64x36 --out "$TMP/warm.png" "$TMP/a.txt"
without_library "$CMAP_PROJ_SONAME"

expect_exit 0 "--version without PROJ" -- --version
expect_exit 0 "lookup from the cache without PROJ" -- gazetteer lookup Homs
grep -q "Homs" "$TMP/out" || fail "lookup from the cache without PROJ: no Homs in $(head -c 300 "$TMP/out")"
expect_exit 0 "geoparse without PROJ" -- geoparse --json "$TMP/a.txt"
grep -q '"name":"Tartus"' "$TMP/out" || fail "geoparse without PROJ: no Tartus in $(head -c 300 "$TMP/out")"

expect_exit 2 "export without PROJ" -- export --size 64x36 --out "$TMP/map.png" "$TMP/a.txt"
expect_err_line "needs $CMAP_PROJ_SONAME, which cannot be loaded (Debian package $package)" "export without PROJ"
left=$(find "$TMP" -maxdepth 1 -name '*map*')  # the image, or its partial copy
[ -z "$left" ] || fail "export without PROJ left $left"
finish
