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

# --- manual pages ----------------------------------------------------------
# For the tests that hold a page to its tool. In EXAMPLES each command is
# a line "$ command" inside .EX/.EE, and the lines after it up to the next
# command or .EE are what it prints on standard output and standard error.
# A command followed by "$ echo $?" may exit with the status printed
# there; any other must exit 0.

# unroff FILE...: the roff escapes the pages use, back to the text they
# stand for; \e first, through a byte the pages do not have, so that \e-
# stays \-.
man_soh=$(printf '\001')
unroff() {
	sed -e "s/\\\\e/$man_soh/g" -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" \
	    -e 's/\\(dq/"/g' -e 's/\\&//g' -e 's/\\(:u/ü/g' \
	    -e "s/\\\\('e/é/g" -e 's/\\(ti/~/g' -e 's/\\(ha/^/g' \
	    -e "s/$man_soh/\\\\/g" "$@"
}

# man_examples PAGE DIR: split the EXAMPLES of PAGE into DIR/cmd.N.sh (the
# command) and DIR/out.N.txt (what it prints), unroffed; sets man_count
# to the number of commands.
man_examples() {
	awk -v dir="$2" '
		/^\.SH / { on = $2 == "EXAMPLES"; next }
		!on { next }
		/^\.EX$/ { inex = 1; cur = 0; next }
		/^\.EE$/ { inex = 0; next }
		!inex { next }
		/^\$ / {
			n++
			cur = n
			print substr($0, 3) > (dir "/cmd." n)
			close(dir "/cmd." n)
			printf "" > (dir "/out." n)
			close(dir "/out." n)
			next
		}
		cur { print >> (dir "/out." cur); close(dir "/out." cur) }
		END { print n + 0 > (dir "/count") }
	' "$1"
	man_count=$(cat "$2/count")
	man_i=1
	while [ "$man_i" -le "$man_count" ]; do
		unroff "$2/cmd.$man_i" >"$2/cmd.$man_i.sh"
		unroff "$2/out.$man_i" >"$2/out.$man_i.txt"
		man_i=$((man_i + 1))
	done
}

# man_check_uses DIR TOOL MIN: one check that at least MIN commands of
# the examples in DIR start with TOOL.
man_check_uses() {
	man_n=$(cat "$1"/cmd.*.sh | grep -c "^$2 ")
	if [ "$man_n" -ge "$3" ]; then
		ok "EXAMPLES has $man_n commands that start with $2"
	else
		not_ok "EXAMPLES has $man_n commands that start with $2 ($3 or more expected)"
	fi
}

# man_run_examples DIR WORK: run the man_count commands of DIR in turn in
# the folder WORK, one check each: the exit status and the output the
# page shows.
man_run_examples() {
	man_i=1
	man_last_rc=0
	while [ "$man_i" -le "$man_count" ]; do
		man_cmd=$(cat "$1/cmd.$man_i.sh")
		# The TAP description stops before a backslash, which echo may
		# read.
		man_desc=${man_cmd%%\\*}
		[ "$man_desc" = "$man_cmd" ] || man_desc="$man_desc..."
		if [ "$man_cmd" = 'echo $?' ]; then
			printf '%s\n' "$man_last_rc" >"$TMP/got"
			if cmp -s "$1/out.$man_i.txt" "$TMP/got"; then
				ok "example: exit status $man_last_rc as the page says"
			else
				not_ok "example: exit status $man_last_rc as the page says"
				echo "#   the page says: $(cat "$1/out.$man_i.txt")"
			fi
			man_i=$((man_i + 1))
			continue
		fi
		man_want_rc=0
		[ "$man_i" -lt "$man_count" ] &&
		    [ "$(cat "$1/cmd.$((man_i + 1)).sh")" = 'echo $?' ] &&
		    man_want_rc=$(cat "$1/out.$((man_i + 1)).txt")
		man_last_rc=0
		(cd "$2" && sh -c "$man_cmd") >"$TMP/got" 2>&1 ||
		    man_last_rc=$?
		if [ "$man_last_rc" = "$man_want_rc" ] &&
		    cmp -s "$1/out.$man_i.txt" "$TMP/got"; then
			ok "example: $man_desc"
		else
			not_ok "example: $man_desc"
			echo "#   exit status $man_last_rc, expected $man_want_rc; output (page, got):"
			diff -u "$1/out.$man_i.txt" "$TMP/got" | sed 's/^/#   /' |
			    head -n 40
		fi
		man_i=$((man_i + 1))
	done
}

# man_check_options PAGE TOOL [SKIP]: three checks: the long and the short
# options of TOOL --help are the tags of OPTIONS, and every long option
# the page names is in --help. Lines of the page that match the
# extended regular expression SKIP (another program's options) are left
# out of the last check.
man_check_options() {
	run "$2" --help
	grep -o -- '--[a-z][a-z-]*' "$TMP/out" | sort -u >"$TMP/help-long"
	sed -n 's/^  \(-[A-Za-z]\), .*/\1/p' "$TMP/out" | sort -u \
	    >"$TMP/help-short"
	awk '/^\.SH / { on = $2 == "OPTIONS"; next }
		on && tag { print; tag = 0 }
		on && /^\.TP/ { tag = 1 }' "$1" | unroff >"$TMP/tags"
	grep -o -- '--[a-z][a-z-]*' "$TMP/tags" | sort -u >"$TMP/page-long"
	check_file_same "$TMP/help-long" "$TMP/page-long" \
	    "the long options of --help are those of OPTIONS"
	awk '{ print $2 }' "$TMP/tags" | grep -- '^-[A-Za-z],\{0,1\}$' |
	    tr -d , | sort -u >"$TMP/page-short"
	check_file_same "$TMP/help-short" "$TMP/page-short" \
	    "the short options of --help are those of OPTIONS"
	if [ -n "${3:-}" ]; then
		unroff "$1" | grep -Ev -- "$3"
	else
		unroff "$1"
	fi | grep -o -- '--[a-z][a-z-]*' | sort -u |
	    comm -23 - "$TMP/help-long" >"$TMP/unknown"
	if [ -s "$TMP/unknown" ]; then
		not_ok "every long option the page names is in --help"
		sed 's/^/#   not in --help: /' "$TMP/unknown"
	else
		ok "every long option the page names is in --help"
	fi
}

# man_check_synopsis PAGE TOOL: one check that SYNOPSIS reads as the
# usage of TOOL --help. It reads the font macros: .B and .I join their
# arguments with spaces, .RB, .IR and the like alternate fonts and join
# them with nothing.
man_check_synopsis() {
	awk '
		function args(s,    q, c, i, cur, k) {
			k = 0; cur = ""; q = 0
			for (i = 1; i <= length(s); i++) {
				c = substr(s, i, 1)
				if (c == "\"") { q = !q; continue }
				if (c == " " && !q) {
					if (cur != "") { A[++k] = cur; cur = "" }
					continue
				}
				cur = cur c
			}
			if (cur != "") A[++k] = cur
			return k
		}
		/^\.SH / { on = $2 == "SYNOPSIS"; next }
		!on || $1 !~ /^\.([BI]|[BIR][BIR])$/ { next }
		{
			m = $1; rest = substr($0, length(m) + 2)
			k = args(rest); t = ""
			for (j = 1; j <= k; j++)
				t = t (m ~ /^\.[BI]$/ && j > 1 ? " " : "") A[j]
			line = line (line == "" ? "" : " ") t
		}
		END { print line }
	' "$1" | unroff | tr -s ' ' >"$TMP/synopsis"
	"$2" --help | sed -n '1,/^$/p' | sed -e '/^$/d' -e 's/^usage: //' |
	    tr '\n' ' ' | tr -s ' ' | sed 's/ $//' >"$TMP/usage"
	echo >>"$TMP/usage"
	check_file_same "$TMP/usage" "$TMP/synopsis" "SYNOPSIS is usage()"
}

done_testing() {
	[ "$tap_failed" -eq 0 ]
}
