#!/usr/bin/env bash
# The bad-input battery for articles, sidecars, workspaces and arguments (layers: bad_layers.sh;
# geodata: broken_geodata.sh; export options: export_inputs.sh). Each bad input gets exit 2 and
# one stderr line naming it and the problem; odd but readable input is read; nothing crashes.
# The 100 MB article is in bench/bad_input_100mb.sh (it takes seconds, tests stay fast).
. "$(dirname "$0")/lib.bash"
: "${CONFLICTMAP_GEODATA:?}"
D=$TMP/in; mkdir -p "$D"

# mentions FILE: the mention texts of the last geoparse --json output, one per line.
mentions() { /usr/bin/python3 -c "import json; [print(m['text']) for a in json.load(open('$TMP/out'))['articles'] for m in a['mentions']]"; }

# --- Articles
printf 'Troops in Homs\0 and more in Latakia.' > "$D/nul_early.txt"
expect_exit 2 "NUL bytes near the start" -- geoparse --json "$D/nul_early.txt"
expect_err_line "$D/nul_early.txt: binary file, not text" "NUL bytes near the start"

/usr/bin/python3 -c "import sys; sys.stdout.buffer.write(b'Convoys waited near Aleppo. ' * 400 + b'\0\0\x01 Jets hit Homs\0on Monday.')" > "$D/nul_late.txt"
expect_exit 0 "a stray NUL deep in a text file" -- geoparse --json "$D/nul_late.txt"
mentions | grep -qx Homs || fail "a stray NUL: Homs after it not found"

printf '%s' '<html><head><title>Notes</title><style>.Damascus { color: red }</style>
<script>var city = "Aleppo"; if (a < b && c > d) { x = "<p>Raqqa</p>"; }</script></head>
<body><p>Jets hit Latakia.</p><script type="text/x-template">Tartus</script><!-- Idlib -->
<noscript>Hama</noscript><p>Ships left Homs.</p><script>unclosed "Deir ez-Zor"' > "$D/scripts.html"
expect_exit 0 "HTML with scripts, styles and comments" -- geoparse --json "$D/scripts.html"
[ "$(mentions | tr '\n' ' ')" = "Latakia Homs " ] || fail "HTML: only the body text gives mentions, got: $(mentions | tr '\n' ' ')"

printf '\xff\xfeT\0r\0o\0o\0p\0s\0 \0i\0n\0 \0H\0o\0m\0s\0.\0' > "$D/utf16.txt"
expect_exit 0 "UTF-16 with a byte-order mark" -- geoparse --json "$D/utf16.txt"
mentions | grep -qx Homs || fail "UTF-16: Homs not found"

head -c 3000 /dev/urandom > "$D/random.txt"
expect_exit 2 "random bytes" -- geoparse --json "$D/random.txt"
expect_err_line "$D/random.txt" "random bytes"

yes 'Officials said convoys moved from Homs toward the coast on Monday while talks continued.' | head -c 10000000 > "$D/ten_mb.txt"
expect_exit 0 "a 10 MB article" -- geoparse --geojson "$D/ten_mb.txt"
[ "$(grep -o '"text":"Homs"' "$TMP/out" | wc -l)" -ge 100000 ] || fail "10 MB article: fewer Homs mentions than sentences"

# Only regular files: a named pipe without a writer would block for ever, a device never ends.
mkfifo "$D/fifo.txt"
expect_exit 2 "a named pipe" -- geoparse --json "$D/fifo.txt"
expect_err_line "$D/fifo.txt: is not a regular file (a named pipe)" "a named pipe"
expect_exit 2 "an endless device" -- geoparse --json /dev/zero
expect_err_line "/dev/zero: is not a regular file (a device)" "an endless device"
# Over the stated limit (256 MB): refused before anything is read (a sparse file, no disk used).
truncate -s 300M "$D/huge.txt"
expect_exit 2 "an article over 256 MB" -- geoparse --json "$D/huge.txt"
expect_err_line "$D/huge.txt: is 300 MB; an article may be at most 256 MB" "an article over 256 MB"
# Names that cannot be looked at say why, not "missing".
ln -s "$D/loop_b.txt" "$D/loop_a.txt"; ln -s "$D/loop_a.txt" "$D/loop_b.txt"
expect_exit 2 "a loop of symbolic links" -- geoparse --json "$D/loop_a.txt"
expect_err_line "$D/loop_a.txt: cannot open: a loop of symbolic links" "a loop of symbolic links"
long=$D/$(printf 'x%.0s' $(seq 300)).txt
expect_exit 2 "a name too long" -- geoparse --json "$long"
expect_err_line "the name is too long" "a name too long"

# --- Sidecars
side() { printf 'Ships left Tartus.' > "$D/$1.txt"; printf '%s' "$2" > "$D/$1.meta.json"; }
side empty_meta ''
side array_meta '[{"published": "2015"}]'
side deep_meta "$(/usr/bin/python3 -c "print('{\"title\": ' + '[' * 100000 + ']' * 100000 + '}')")"
side overflow_meta '{"title": "T", "rating": 1e999}'
side leap_meta '{"published": "2015-02-29"}'
side badmonth_meta '{"published": "2015-13"}'
side null_meta '{"title": null, "published": null}'
printf '{"title": "Caf\xe9"}' > "$D/latin1_meta.meta.json"; printf 'Ships left Tartus.' > "$D/latin1_meta.txt"
for c in "empty_meta:not valid JSON" "array_meta:expected a JSON object, got array" \
         "deep_meta:title: expected a string or null, got array" "overflow_meta:not valid JSON" \
         "leap_meta:published: 2015-02-29 is not a valid date" "badmonth_meta:published: 2015-13 is not a valid date" \
         "latin1_meta:not valid JSON"; do
    n=${c%%:*}
    expect_exit 2 "sidecar $n" -- geoparse --json "$D/$n.txt"
    expect_err_line "$D/$n.meta.json: ${c#*:}" "sidecar $n"
done
expect_exit 0 "sidecar with nulls" -- geoparse --json "$D/null_meta.txt"

# --- Workspaces (through export, which reads them before anything else)
ws() { printf '%s' "$2" > "$D/$1.json"; }
ws ws_malformed '{"version": 1, "title": '
ws ws_empty ''
ws ws_newer '{"version": 2}'
ws ws_version_text '{"version": "1"}'
ws ws_huge '{"version": 1, "view": {"scale": 1e300}}'
ws ws_overflow '{"version": 1, "view": {"scale": 1e999}}'
ws ws_nan '{"version": 1, "view": {"scale": NaN}}'
ws ws_deep "{\"version\": 1, \"title\": $(/usr/bin/python3 -c "print('[' * 100000 + ']' * 100000)")}"
ws ws_style '{"version": 1, "layers": {"category:airstrike": 5}}'
ws ws_window '{"version": 1, "timeline": {"window_days": 1e10}}'
ws ws_missing_article '{"version": 1, "articles": [{"path": "no-such-article.txt"}]}'
for c in "ws_malformed:not valid JSON" "ws_empty:not valid JSON" "ws_newer:version 2 is newer than this conflictmap reads" \
         "ws_version_text:version: expected a number" "ws_huge:view.scale: 1e+300 is out of range" \
         "ws_overflow:not valid JSON" "ws_nan:not valid JSON" "ws_deep:title: expected a string" \
         "ws_style:layers.category:airstrike: expected an object" "ws_window:timeline.window_days: 1e+10 is out of range"; do
    n=${c%%:*}
    cp "$D/$n.json" "$TMP/before.json"
    expect_exit 2 "workspace $n" -- export --no-basemap --out "$TMP/map.png" --workspace "$D/$n.json"
    expect_err_line "$D/$n.json: ${c#*:}" "workspace $n"
    cmp -s "$D/$n.json" "$TMP/before.json" || fail "workspace $n: the file changed"
    [ ! -e "$TMP/map.png" ] || fail "workspace $n: an image was written"
done
expect_exit 2 "workspace naming a missing article" -- export --no-basemap --out "$TMP/map.png" --workspace "$D/ws_missing_article.json"
expect_err_line "no-such-article.txt: no such file" "workspace naming a missing article"

# --- Arguments
expect_exit 2 "unknown flag of a command" -- geoparse --no-such-flag "$D/null_meta.txt"
expect_err_line "--no-such-flag" "unknown flag of a command"
expect_exit 2 "negative export size" -- export --out "$TMP/map.png" --size -100x100
expect_err_line "--size" "negative export size"
expect_exit 2 "absurd export size" -- export --out "$TMP/map.png" --size 99999999999x99999999999
expect_err_line "--size" "absurd export size"
expect_exit 2 "negative window" -- export --out "$TMP/map.png" --date 2015-09-30 --mode window --window -5
expect_err_line "--window" "negative window"
expect_exit 2 "absurd window" -- export --out "$TMP/map.png" --date 2015-09-30 --mode window --window 99999999999999999999
expect_err_line "--window" "absurd window"
expect_exit 2 "absurd lookup limit" -- gazetteer lookup Homs --limit 99999999999999999999
expect_exit 2 "viewer window size" -- view --size -5x-5
expect_err_line "--size" "viewer window size"
expect_exit 2 "viewer frames" -- view --frames -1
expect_err_line "--frames" "viewer frames"

# Output that cannot be written: stdout on a full disk.
if [ -w /dev/full ]; then
    "$BIN" geoparse --json "$D/ten_mb.txt" > /dev/full 2>"$TMP/err"
    code=$?
    [ "$code" -eq 2 ] || fail "stdout on a full disk: exit $code, expected 2"
    expect_err_line "standard output: cannot write" "stdout on a full disk"
fi
finish
