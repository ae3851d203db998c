#!/usr/bin/env bash
# A missing, truncated or wrongly-typed shapefile: exit 2, one line naming the file.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
export XDG_CACHE_HOME="$TMP/cache"  # never touch the user's cache

# -L: the geodata folder may be a symlink (worktrees share one); copying the link instead of the
# files would make the damage below land on the real data.
fresh() { rm -rf "$TMP/g"; cp -rL "$CONFLICTMAP_GEODATA" "$TMP/g"; }

fresh; rm "$TMP/g/admin1.shp"
expect_exit 2 "missing .shp" -- --geodata "$TMP/g" gazetteer lookup Homs
expect_err_line "$TMP/g/admin1.shp" "missing .shp"

fresh; rm "$TMP/g/places.dbf"
expect_exit 2 "missing .dbf" -- --geodata "$TMP/g" gazetteer lookup Homs
expect_err_line "$TMP/g/places.dbf" "missing .dbf"

fresh; truncate -s 5000 "$TMP/g/places.shp"
expect_exit 2 "truncated .shp" -- --geodata "$TMP/g" gazetteer lookup Homs
expect_err_line "$TMP/g/places.shp" "truncated .shp"

fresh; truncate -s 100 "$TMP/g/regions.shp"
expect_exit 2 "truncated header" -- --geodata "$TMP/g" gazetteer lookup Homs
expect_err_line "$TMP/g/regions.shp" "truncated header"

fresh; for e in shp shx dbf; do cp "$TMP/g/places.$e" "$TMP/g/admin0.$e"; done
expect_exit 2 "points where polygons belong" -- --geodata "$TMP/g" gazetteer lookup Homs
expect_err_line "$TMP/g/admin0.shp: has points, expected polygons" "points where polygons belong"

fresh; echo "not a shapefile" > "$TMP/g/facilities.shp"
expect_exit 2 "text in a .shp" -- --geodata "$TMP/g" gazetteer lookup Homs
expect_err_line "$TMP/g/facilities.shp" "text in a .shp"

# After all that, the intact data still works (nothing cached from a broken state).
expect_exit 0 "intact data" -- gazetteer lookup Homs --json
finish
