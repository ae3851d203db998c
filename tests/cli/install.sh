#!/usr/bin/env bash
# `cmake --install` gives a conflictmap that needs nothing of the source tree: it runs from the
# prefix and finds the geodata at its own ../share/conflictmap/geodata or through --geodata, and
# says where it looked when there is none. A build-tree executable finds the source tree's
# geodata/out beside its build folder. Nothing here uses $CONFLICTMAP_GEODATA but to know where
# the real geodata is.
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
BUILD=$(dirname "$BIN")
[ -f "$BUILD/cmake_install.cmake" ] || skip "no cmake_install.cmake beside $BIN"
command -v cmake >/dev/null || skip "no cmake to install with"
GEODATA=$CONFLICTMAP_GEODATA
unset CONFLICTMAP_GEODATA CMAP_SHARED_DIR CONFLICTMAP_CORPUS
cd "$TMP" || exit 1

P=$TMP/prefix
cmake --install "$BUILD" --prefix "$P" --component runtime >"$TMP/install.log" 2>&1 ||
    fail "cmake --install: $(tail -3 "$TMP/install.log")"
BUILT=$BIN
BIN=$P/bin/conflictmap
[ -x "$BIN" ] || { fail "no executable at bin/conflictmap"; finish; }

expect_exit 0 "installed --version" -- --version
grep -q '^conflictmap [0-9]' "$TMP/out" || fail "installed --version: $(head -c 200 "$TMP/out")"

expect_exit 2 "installed, no geodata" -- gazetteer lookup Homs --json
expect_err_line "$P/share/conflictmap/geodata: no such geodata folder" "installed, no geodata"

# is_syrian_homs: the lookup's first candidate is Homs in Syria.
is_syrian_homs() {
    /usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(0 if r and r[0]["country"] == "SY" else 1)' \
        "$TMP/out" || fail "$1: $(head -c 300 "$TMP/out")"
}
expect_exit 0 "installed, --geodata" -- --geodata "$GEODATA" gazetteer lookup Homs --json
is_syrian_homs "installed, --geodata"

mkdir -p "$P/share/conflictmap"
ln -s "$GEODATA" "$P/share/conflictmap/geodata"
expect_exit 0 "installed, geodata beside it" -- gazetteer lookup Homs --json
is_syrian_homs "installed, geodata beside it"

# The build tree's executable: the source tree's geodata/out, when the build folder is in it.
if [ "$(realpath -q "$BUILD/../geodata/out")" = "$(realpath -q "$GEODATA")" ]; then
    BIN=$BUILT
    expect_exit 0 "build tree, geodata/out of the source tree" -- gazetteer lookup Homs --json
    is_syrian_homs "build tree, geodata/out of the source tree"
fi
finish
