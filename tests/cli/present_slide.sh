#!/usr/bin/env bash
# A slide exported from the command line is what presentation mode shows: the viewer started
# presenting at slide N (hidden `view --present N`), screenshot at the end of its fly-to and
# timeline glide, against `export --slide N` at the same size. Same tolerance as the render tests:
# at most 1% of pixels may differ by more than 16/255 in a channel.
. "$(dirname "$0")/lib.bash"
export CMAP_RECOVERY_DIR="$TMP/recovery"
[ -n "${DISPLAY:-}" ] || { echo "needs an X server (ctest runs under xvfb-run -a)" >&2; exit 1; }
: "${CMAP_SHARED_DIR:?}"
C=$CMAP_SHARED_DIR/corpus
SIZE=800x500

expect_exit 2 "a slide the briefing does not have" -- view --present 4 --screenshot "$TMP/x.png" --size $SIZE --no-recover
expect_err_line "--present 4: the workspace has 3 slides" "present 4"

# Slide 2 flies from the fitted view; slide 3 also glides the timeline from 2015 back to 2006.
expect_exit 0 "present slide 2" -- view --present 2 --screenshot "$TMP/present-2.png" --size $SIZE --no-recover
expect_exit 0 "present slide 3" -- view --present 3 --date 2015-09-01 --screenshot "$TMP/present-3.png" --size $SIZE --no-recover
for n in 2 3; do
    expect_exit 0 "export slide $n" -- export --slide $n --size $SIZE --corpus "$C" --out "$TMP/export-$n.png"
done

/usr/bin/python3 - "$TMP" <<'PY' || fail "presentation and export differ"
import struct, sys, zlib
def load(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, (path, depth, ctype, interlace)
            bpp = 4 if ctype == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line[j] for j in range(stride) if j % bpp < 3))  # RGB only
        prev = line
    return w, h, rows
tmp, bad = sys.argv[1], []
for n in (2, 3):
    pw, ph, p = load(f"{tmp}/present-{n}.png")
    ew, eh, e = load(f"{tmp}/export-{n}.png")
    if (pw, ph) != (ew, eh):
        bad.append(f"slide {n}: presentation {pw}x{ph}, export {ew}x{eh}"); continue
    differ = sum(1 for y in range(ph) for x in range(pw) if max(abs(p[y][3 * x + k] - e[y][3 * x + k]) for k in range(3)) > 16)
    print(f"slide {n}: {differ} of {pw * ph} pixels differ by more than 16/255")
    if differ > 0.01 * pw * ph: bad.append(f"slide {n}: {differ} pixels differ")
    if len(set(e)) < 50: bad.append(f"slide {n}: the export looks blank")
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
finish
