# t/lib.sh: helpers for the TAP tests of the tools.
#
# A test file sources this, calls plan N, then runs commands with `run`
# and checks what they did with the check_* functions. Each check prints
# one TAP line; a failing check shows what was expected and what came.

set -u

: "${top_srcdir:?run the tests with make check}"
: "${top_builddir:?run the tests with make check}"
DATA="$top_srcdir/t/data"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mt-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
LC_ALL=C
export LC_ALL

tap_n=0
tap_failed=0

plan() { echo "1..$1"; }

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}

# Show a file to the TAP log as diagnostics.
diag_file() {
	sed 's/^/#   /' "$1" | head -n 40
}

# run CMD...: run with stdout, stderr and status saved in $TMP/out,
# $TMP/err and $rc. Standard input is /dev/null unless redirected.
run() {
	rc=0
	"$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
}

# run_in FILE CMD...: the same with FILE as standard input.
run_in() {
	local in=$1
	shift
	rc=0
	"$@" <"$in" >"$TMP/out" 2>"$TMP/err" || rc=$?
}

check_rc() {
	if [ "$rc" -eq "$1" ]; then
		ok "$2"
	else
		not_ok "$2"
		echo "#   exit status $rc, expected $1; stderr:"
		diag_file "$TMP/err"
	fi
}

# check_out EXPECTED DESC: stdout equals the text EXPECTED (plus a newline).
check_out() {
	printf '%s\n' "$1" >"$TMP/expected"
	check_file_same "$TMP/expected" "$TMP/out" "$2"
}

# check_err EXPECTED DESC: stderr equals the text EXPECTED exactly.
check_err() {
	if [ -z "$1" ]; then
		: >"$TMP/expected"
	else
		printf '%s\n' "$1" >"$TMP/expected"
	fi
	check_file_same "$TMP/expected" "$TMP/err" "$2"
}

check_file_same() {
	if cmp -s "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3"
		echo "#   differences (expected, got):"
		diff -u "$1" "$2" | sed 's/^/#   /' | head -n 40
	fi
}

# check_grep PATTERN FILE DESC: FILE has a line matching PATTERN (grep -E).
check_grep() {
	if grep -Eq -- "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3"
		echo "#   no line matches /$1/ in:"
		diag_file "$2"
	fi
}

# field NAME: print the named field of every record of $TMP/out.
field() {
	awk -F '\t' -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++)
		if ($i == name) col = i; next } { print $col }' "$TMP/out"
}

# check_field NAME EXPECTED DESC: the field's values, one per line.
check_field() {
	field "$1" >"$TMP/got"
	printf '%s\n' "$2" >"$TMP/expected"
	check_file_same "$TMP/expected" "$TMP/got" "$3"
}

done_testing() {
	[ "$tap_failed" -eq 0 ]
}
