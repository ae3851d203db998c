#!/usr/bin/env python3
"""Packs a shapefile into one input of the vector fuzz target (see fuzz_vector.cpp): a selector
byte 2, then .shp, .shx, .dbf and .prj, each as a 16-bit little-endian length and its bytes.
usage: pack_shapefile.py IN.shp OUT.bin"""
import os
import struct
import sys

src, out = sys.argv[1], sys.argv[2]
stem = os.path.splitext(src)[0]
data = bytearray([2])
for ext in ("shp", "shx", "dbf", "prj"):
    part = open(f"{stem}.{ext}", "rb").read() if os.path.exists(f"{stem}.{ext}") else b""
    if len(part) > 0xFFFF:
        sys.exit(f"{stem}.{ext}: too large for a fuzz input ({len(part)} bytes)")
    data += struct.pack("<H", len(part)) + part
open(out, "wb").write(data)
