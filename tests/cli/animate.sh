#!/usr/bin/env bash
# animate plays the timeline into MP4 and GIF files that ffmpeg decodes, with the number of frames
# asked for and a map that changes from the first frame to the last; bad input is refused with
# one line, exit 2, and no file left behind.
. "$(dirname "$0")/lib.bash"
mkdir "$TMP/empty"
# The built-in briefing, without its articles: events from September 2015 appear as it plays.
A=(animate --corpus "$TMP/empty" --from 2015-08-25 --to 2015-10-10)

frames() { ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$1"; }
# The decoded frame N (from 0) as raw RGB.
frame() { ffmpeg -v error -i "$1" -vf "select=eq(n\\,$2)" -vsync passthrough -frames:v 1 -f rawvideo -pix_fmt rgb24 "$3"; }

expect_exit 0 "MP4, 2 s at 5 fps" -- "${A[@]}" --size 160x90 --fps 5 --duration 2 --out "$TMP/a.mp4"
[ "$(frames "$TMP/a.mp4")" = 10 ] || fail "MP4: $(frames "$TMP/a.mp4") frames, expected 10"
codec=$(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name,pix_fmt,width,height -of csv=p=0 "$TMP/a.mp4")
case "$codec" in h264,160,90,yuv420p | mpeg4,160,90,yuv420p) ;; *) fail "MP4 stream: $codec" ;; esac
frame "$TMP/a.mp4" 0 "$TMP/first.rgb" && frame "$TMP/a.mp4" 9 "$TMP/last.rgb" || fail "MP4: cannot decode frames"
[ -s "$TMP/first.rgb" ] && ! cmp -s "$TMP/first.rgb" "$TMP/last.rgb" || fail "MP4: the first and last frames are the same"

# GIF, 15 days a frame: 08-25, 09-09, 09-24, 10-09, and 10-10 itself.
expect_exit 0 "GIF, 15 days a frame" -- "${A[@]}" --size 160x90 --fps 4 --days-per-frame 15 --out "$TMP/a.gif"
[ "$(frames "$TMP/a.gif")" = 5 ] || fail "GIF: $(frames "$TMP/a.gif") frames, expected 5"
frame "$TMP/a.gif" 0 "$TMP/gfirst.rgb" && frame "$TMP/a.gif" 4 "$TMP/glast.rgb" || fail "GIF: cannot decode frames"
[ -s "$TMP/gfirst.rgb" ] && ! cmp -s "$TMP/gfirst.rgb" "$TMP/glast.rgb" || fail "GIF: the first and last frames are the same"
# 4 fps is 25 hundredths of a second a frame; the file loops.
/usr/bin/python3 - "$TMP/a.gif" <<'PY' || fail "GIF timing or loop"
import sys
data = open(sys.argv[1], "rb").read()
delays = [int.from_bytes(data[i + 4:i + 6], "little") for i in range(len(data) - 8) if data[i:i + 3] == b"\x21\xf9\x04"]
if delays != [25] * 5 or b"NETSCAPE2.0" not in data:
    sys.exit(f"delays {delays}, loop {b'NETSCAPE2.0' in data}")
PY
# The MP4 frame is what export draws for the same day (up to the video's lossy coding).
expect_exit 0 "export of the last day" -- export --corpus "$TMP/empty" --date 2015-10-10 --size 160x90 --out "$TMP/last.png"
ffmpeg -v error -i "$TMP/last.png" -f rawvideo -pix_fmt rgb24 "$TMP/export.rgb"
/usr/bin/python3 - "$TMP/export.rgb" "$TMP/last.rgb" "$TMP/first.rgb" <<'PY' || fail "MP4 last frame differs from export"
import sys
exp, last, first = (open(p, "rb").read() for p in sys.argv[1:4])
mean = lambda a, b: sum(abs(x - y) for x, y in zip(a, b)) / len(a)
# H.264 at crf 20 stays within a few levels on average; another day's map is much further.
if not (len(exp) == len(last) and mean(exp, last) < 4 and mean(exp, last) < mean(exp, first)):
    sys.exit(f"mean difference {mean(exp, last):.2f} to the last frame, {mean(exp, first):.2f} to the first")
PY

OUT=$TMP/bad.mp4
expect_refused() {
    local text=$1 what=$2
    shift 3
    expect_exit 2 "$what" -- "$@"
    expect_err_line "$text" "$what"
    [ -z "$(ls -A "$TMP" | grep -e '^bad' -e partial)" ] || fail "$what: left $(ls -A "$TMP")"
}
B=(animate --corpus "$TMP/empty" --size 160x90)
expect_refused "--from" "from after to" -- "${B[@]}" --from 2015-10-10 --to 2015-09-01 --fps 5 --out "$OUT"
expect_refused "--from" "from not a day" -- "${B[@]}" --from 2015-10 --to 2015-11-01 --fps 5 --out "$OUT"
expect_refused "--fps" "fps 0" -- "${B[@]}" --from 2015-09-01 --to 2015-10-01 --fps 0 --out "$OUT"
expect_refused "--fps" "fps 121" -- "${B[@]}" --from 2015-09-01 --to 2015-10-01 --fps 121 --out "$OUT"
expect_refused ".mp4 or .gif" "unknown extension" -- "${B[@]}" --from 2015-09-01 --to 2015-10-01 --fps 5 --out "$TMP/bad.avi"
expect_refused "even" "odd size for MP4" -- animate --size 161x90 --from 2015-09-01 --to 2015-10-01 --fps 5 --out "$OUT"
expect_refused "missing" "output in a missing folder" -- "${B[@]}" --from 2015-09-01 --to 2015-10-01 --fps 5 --out "$TMP/missing/a.gif"
mkdir "$TMP/dir.gif"
expect_refused "dir.gif" "output that is a folder" -- "${B[@]}" --from 2015-09-01 --to 2015-10-01 --fps 5 --out "$TMP/dir.gif"
expect_refused "--days-per-frame" "too many frames" -- "${B[@]}" --from 2005-01-01 --to 2015-01-01 --fps 5 \
    --days-per-frame 0.01 --out "$OUT"
expect_refused "--duration" "negative duration" -- "${B[@]}" --from 2015-09-01 --to 2015-10-01 --fps 5 --duration -1 --out "$OUT"
# FFmpeg is opened when the first MP4 is written: where its soname names no library (the loader
# searches LD_LIBRARY_PATH first), the MP4 is refused with one line naming the Debian package.
avcodec=libavcodec.so.$(pkg-config --modversion libavcodec | cut -d. -f1)
mkdir "$TMP/lib" && echo "not a library" >"$TMP/lib/$avcodec"
LD_LIBRARY_PATH="$TMP/lib" expect_refused "needs $avcodec, which cannot be loaded (Debian package ${avcodec/.so./})" \
    "MP4 without libavcodec" -- "${B[@]}" --from 2015-09-01 --to 2015-10-01 --fps 5 --out "$OUT"
finish
