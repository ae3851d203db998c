#!/usr/bin/env bash
# On glibc the program restarts itself once, at the very start, with glibc.malloc.hugetlb=1 added
# to GLIBC_TUNABLES (large blocks on transparent huge pages: half the page faults, which cost
# ~10 us each on a virtual machine). The user's own tunables are kept; a user who says what
# hugetlb should be, a sanitized build, and a kernel without huge pages get no restart. Arguments,
# standard input and the exit code are those of a run without it.
. "$(dirname "$0")/lib.bash"
command -v strace >/dev/null || { echo "FAIL: strace not found (scripts/debian-packages-test.txt)" >&2; exit 1; }

restarts=yes
# A sanitizer brings its own allocator; the dev preset's test environment names it.
[ -n "${ASAN_OPTIONS:-}" ] && restarts=no
thp=/sys/kernel/mm/transparent_hugepage/enabled
{ [ -r "$thp" ] && ! grep -q '\[never\]' "$thp"; } || restarts=no

# traced TUNABLES ARGS...: runs the program under strace (exec calls only), with GLIBC_TUNABLES
# set to TUNABLES ("-" for unset); stdout in $TMP/out, the program's exec calls in $TMP/execs.
traced() {
    local tunables=$1
    shift
    local -a envs=(env -u GLIBC_TUNABLES)
    [ "$tunables" != - ] && envs=(env GLIBC_TUNABLES="$tunables")
    # LeakSanitizer cannot run under ptrace.
    "${envs[@]}" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -qq -v -s 1000 -e trace=execve -o "$TMP/trace" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    echo $? >"$TMP/code"
    grep -E 'execve\(.*= 0$' "$TMP/trace" >"$TMP/execs"
}
execs() { grep -c '' "$TMP/execs"; }

traced - --version
[ "$(cat "$TMP/out")" = "conflictmap 0.1.0" ] || fail "--version after a restart: $(cat "$TMP/out")"
if [ "$restarts" = yes ]; then
    [ "$(execs)" -eq 2 ] || fail "expected one restart, saw $(execs) exec calls: $(cut -c1-200 "$TMP/execs")"
    grep -q '"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"' "$TMP/execs" || fail "the restart does not ask for huge pages"
    grep -q -- '"--version"\]' <(tail -1 "$TMP/execs") || fail "the restart lost the arguments: $(tail -1 "$TMP/execs" | cut -c1-200)"
else
    [ "$(execs)" -eq 1 ] || fail "no restart expected here, saw $(execs) exec calls"
fi

# The user's tunables stay, with ours after them.
traced glibc.malloc.arena_max=4 --version
if [ "$restarts" = yes ]; then
    grep -q '"GLIBC_TUNABLES=glibc.malloc.arena_max=4:glibc.malloc.hugetlb=1"' "$TMP/execs" ||
        fail "the user's GLIBC_TUNABLES were not kept: $(grep -o 'GLIBC_TUNABLES=[^"]*' "$TMP/execs" | tr '\n' ' ')"
fi

# A user who has said what hugetlb should be is obeyed: no restart.
traced glibc.malloc.hugetlb=0 --version
[ "$(execs)" -eq 1 ] || fail "restarted although GLIBC_TUNABLES sets hugetlb: $(execs) exec calls"

# Standard input and the exit code come through the restart.
printf '{"id":1,"text":"Shelling hit Aleppo on Monday."}\n' >"$TMP/line.jsonl"
traced - geoparse --jsonl <"$TMP/line.jsonl"
[ "$(cat "$TMP/code")" -eq 0 ] || fail "geoparse --jsonl from stdin: exit $(cat "$TMP/code"): $(head -c 300 "$TMP/err")"
grep -q '"name":"Aleppo"' "$TMP/out" || fail "geoparse --jsonl from stdin lost its input: $(head -c 300 "$TMP/out")"
traced - geoparse "$TMP/missing.txt"
[ "$(cat "$TMP/code")" -eq 2 ] || fail "a missing file: exit $(cat "$TMP/code") after the restart, expected 2"

finish
