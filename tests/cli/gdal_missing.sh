#!/usr/bin/env bash
# GDAL is opened when the first vector file is read or written, not at start-up: without a
# loadable libgdal, commands that read no vector file still work (a warm gazetteer cache), and
# one that does is one line naming its file and GDAL's Debian package, exit 2, nothing written.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}" "${CMAP_GDAL_SONAME:?}"
export XDG_CACHE_HOME="$TMP/cache"  # never touch the user's cache

expect_exit 0 "gazetteer built with GDAL" -- gazetteer lookup Homs
mkdir "$TMP/empty"
without_library "$CMAP_GDAL_SONAME"

expect_exit 0 "--version without GDAL" -- --version
expect_exit 0 "lookup from the cache without GDAL" -- gazetteer lookup Homs
grep -q "Homs" "$TMP/out" || fail "lookup from the cache without GDAL: no Homs in $(head -c 300 "$TMP/out")"

XDG_CACHE_HOME="$TMP/cold" expect_exit 2 "gazetteer build without GDAL" -- gazetteer lookup Homs
expect_err_line "needs $CMAP_GDAL_SONAME, which cannot be loaded (Debian package $package)" "gazetteer build without GDAL"
grep -qF "$CONFLICTMAP_GEODATA/" "$TMP/err" || fail "gazetteer build without GDAL: the line names no geodata file: $(cat "$TMP/err")"

expect_exit 2 "export-data without GDAL" -- --geodata "$TMP/empty" export-data --corpus "$TMP/empty" --out "$TMP/bare.geojson"
expect_err_line "$TMP/bare.geojson: needs $CMAP_GDAL_SONAME, which cannot be loaded (Debian package $package)" "export-data without GDAL"
left=$(find "$TMP" -maxdepth 1 -name '*bare*')  # the file, or its partial copy
[ -z "$left" ] || fail "export-data without GDAL left $left"
finish
