# Shared helpers for CLI tests: source it, then call expect_* with the binary in $BIN.
# Each failure prints what was expected and what came out; the script exits 1 at the end.
set -u
BIN=${1:?usage: $0 path/to/conflictmap}
FAILS=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

# expect_exit CODE DESCRIPTION -- ARGS...: runs $BIN ARGS, checks the exit code, keeps
# stdout in $TMP/out and stderr in $TMP/err.
expect_exit() {
    local code=$1 what=$2
    shift 3
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    [ "$got" -eq "$code" ] || fail "$what: exit $got, expected $code (stderr: $(head -c 300 "$TMP/err"))"
}

# expect_err_line TEXT DESCRIPTION: stderr is exactly one line and contains TEXT.
expect_err_line() {
    local lines
    lines=$(grep -c '' "$TMP/err")
    [ "$lines" -eq 1 ] || fail "$2: stderr has $lines lines, expected one: $(head -c 300 "$TMP/err")"
    grep -qF -- "$1" "$TMP/err" || fail "$2: stderr does not mention '$1': $(head -c 300 "$TMP/err")"
}

# skip REASON: the rest of the script cannot run here. ctest reports the test as skipped (exit 77,
# its SKIP_RETURN_CODE), never as passed; checks that failed before still fail it.
skip() {
    echo "SKIP: $*" >&2
    if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed" >&2; exit 1; fi
    exit 77
}

# without_library SONAME: from here on the program cannot load SONAME (the loader searches
# LD_LIBRARY_PATH first, and there the soname names a file that is no library); $package is the
# Debian package a message should name, Debian naming a library's package after its soname.
without_library() {
    mkdir -p "$TMP/lib"
    echo "not a library" >"$TMP/lib/$1"
    export LD_LIBRARY_PATH="$TMP/lib"
    package=${1/.so./}
}

finish() {
    if [ "$FAILS" -gt 0 ]; then echo "$FAILS check(s) failed" >&2; exit 1; fi
    echo "all checks passed"
}
