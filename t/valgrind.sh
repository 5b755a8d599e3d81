#!/bin/sh
# Run TAP tests with every tool under valgrind: memory errors and definite
# leaks make the tool exit 99, which no test expects, so they fail the
# test. Run from the top build directory (make check-valgrind does):
#
#   sh t/valgrind.sh t/0300-score.t t/0301-score-check.t
#
# Exit status 0 when every test passed, 1 otherwise, 2 when valgrind is
# missing.
set -u
top_builddir=$PWD
top_srcdir=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v valgrind >/dev/null; then
	echo "valgrind: not installed (apt-get install valgrind)" >&2
	exit 2
fi
wrap=$top_builddir/t/valgrind-bin
mkdir -p "$wrap"
for tool in manifest-parse risk-score manifest-select manifest-report; do
	[ -x "$top_builddir/bin/$tool" ] || continue
	cat >"$wrap/$tool" <<EOF
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
    --errors-for-leak-kinds=definite "$top_builddir/bin/$tool" "\$@"
EOF
	chmod +x "$wrap/$tool"
done
status=0
for t in "$@"; do
	log=$top_builddir/${t%.t}.valgrind.log
	if top_srcdir=$top_srcdir top_builddir=$top_builddir \
	    PATH="$wrap:$top_builddir/bin:$PATH" LC_ALL=C \
	    MANIFEST_TOOLS_DATADIR="$top_srcdir/examples" \
	    sh "$top_srcdir/$t" >"$log" 2>&1; then
		echo "valgrind: PASS: $t ($(grep -c '^ok' "$log") checks)"
	else
		echo "valgrind: FAIL: $t (see $log)"
		grep -E '^not ok' "$log" | head -n 5
		status=1
	fi
done
exit "$status"
