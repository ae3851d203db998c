#!/usr/bin/env bash
# Every command has --help; usage errors exit 2 with one line.
. "$(dirname "$0")/lib.bash"

for cmd in "" "gazetteer" "gazetteer lookup" "geoparse"; do
    # shellcheck disable=SC2086
    expect_exit 0 "--help for '$cmd'" -- $cmd --help
    grep -q "Usage" "$TMP/out" || fail "--help for '$cmd' prints no usage"
done
expect_exit 2 "unknown flag" -- --no-such-flag
expect_exit 2 "unknown command" -- frobnicate
expect_exit 2 "lookup without a name" -- gazetteer lookup
expect_exit 2 "negative limit" -- gazetteer lookup Homs --limit -3
expect_exit 2 "geoparse without files" -- geoparse
expect_exit 2 "json and geojson together" -- geoparse --json --geojson x.txt
expect_exit 2 "bad --published" -- geoparse --published 2015-02-30 x.txt
expect_err_line "--published" "bad --published"
expect_exit 2 "missing geodata folder" -- --geodata "$TMP/nope" gazetteer lookup Homs
expect_err_line "$TMP/nope" "missing geodata folder"
finish
