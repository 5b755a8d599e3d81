#!/bin/sh
# man/manifest-parse.1 against the tool: every command of its EXAMPLES
# section runs and prints what the page shows, the options of the page
# and of --help are the same, DATA-QUALITY FLAGS lists the flags the code
# has, and the SYNOPSIS is usage().
#
# In EXAMPLES each command is a line "$ command" inside .EX/.EE, and the
# lines after it up to the next command or .EE are what it prints on
# standard output and standard error. A command followed by "$ echo $?"
# may exit with the status printed there; any other must exit 0. The
# commands run in turn in one scratch folder in which t/ and examples/
# are the source tree's, so that they read the files of the tree as from
# its top and write their own files elsewhere (make distcheck has a
# read-only source tree).
. "$top_srcdir/t/lib.sh"

PAGE="$top_srcdir/man/manifest-parse.1"
CMDS="$TMP/cmds"
WORK="$TMP/work"
mkdir "$CMDS" "$WORK" || exit 1
ln -s "$top_srcdir/t" "$WORK/t" || exit 1
ln -s "$top_srcdir/examples" "$WORK/examples" || exit 1

# The roff escapes the page uses, back to the text they stand for; \e
# first, through a byte the page does not have, so that \e- stays \-.
soh=$(printf '\001')
unroff() {
	sed -e "s/\\\\e/$soh/g" -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" \
	    -e 's/\\(dq/"/g' -e 's/\\&//g' -e 's/\\(:u/ü/g' \
	    -e "s/\\\\('e/é/g" -e "s/$soh/\\\\/g" "$@"
}

# Split EXAMPLES into cmd.N (the command) and out.N (what it prints).
awk -v dir="$CMDS" '
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
' "$PAGE"
count=$(cat "$CMDS/count")
i=1
while [ "$i" -le "$count" ]; do
	unroff "$CMDS/cmd.$i" >"$CMDS/cmd.$i.sh"
	unroff "$CMDS/out.$i" >"$CMDS/out.$i.txt"
	i=$((i + 1))
done

plan $((count + 6))

n=$(cat "$CMDS"/cmd.*.sh | grep -c '^manifest-parse ')
if [ "$n" -ge 5 ]; then
	ok "EXAMPLES has $n commands that start with manifest-parse"
else
	not_ok "EXAMPLES has $n commands that start with manifest-parse (5 or more expected)"
fi

i=1
last_rc=0
while [ "$i" -le "$count" ]; do
	cmd=$(cat "$CMDS/cmd.$i.sh")
	# The TAP description stops before a backslash, which echo may read.
	desc=${cmd%%\\*}
	[ "$desc" = "$cmd" ] || desc="$desc..."
	if [ "$cmd" = 'echo $?' ]; then
		printf '%s\n' "$last_rc" >"$TMP/got"
		if cmp -s "$CMDS/out.$i.txt" "$TMP/got"; then
			ok "example: exit status $last_rc as the page says"
		else
			not_ok "example: exit status $last_rc as the page says"
			echo "#   the page says: $(cat "$CMDS/out.$i.txt")"
		fi
		i=$((i + 1))
		continue
	fi
	want_rc=0
	[ "$i" -lt "$count" ] &&
	    [ "$(cat "$CMDS/cmd.$((i + 1)).sh")" = 'echo $?' ] &&
	    want_rc=$(cat "$CMDS/out.$((i + 1)).txt")
	last_rc=0
	(cd "$WORK" && sh -c "$cmd") >"$TMP/got" 2>&1 || last_rc=$?
	if [ "$last_rc" = "$want_rc" ] && cmp -s "$CMDS/out.$i.txt" "$TMP/got"
	then
		ok "example: $desc"
	else
		not_ok "example: $desc"
		echo "#   exit status $last_rc, expected $want_rc; output (page, got):"
		diff -u "$CMDS/out.$i.txt" "$TMP/got" | sed 's/^/#   /' | head -n 40
	fi
	i=$((i + 1))
done

# Options: the tags of OPTIONS, and every long option named in the page,
# against --help.
run manifest-parse --help
grep -o -- '--[a-z][a-z-]*' "$TMP/out" | sort -u >"$TMP/help-long"
sed -n 's/^  \(-[A-Za-z]\), .*/\1/p' "$TMP/out" | sort -u >"$TMP/help-short"
awk '/^\.SH / { on = $2 == "OPTIONS"; next }
	on && tag { print; tag = 0 }
	on && /^\.TP/ { tag = 1 }' "$PAGE" | unroff >"$TMP/tags"
grep -o -- '--[a-z][a-z-]*' "$TMP/tags" | sort -u >"$TMP/page-long"
check_file_same "$TMP/help-long" "$TMP/page-long" \
    "the long options of --help are those of OPTIONS"
awk '{ print $2 }' "$TMP/tags" | grep -- '^-[A-Za-z],\{0,1\}$' | tr -d , |
    sort -u >"$TMP/page-short"
check_file_same "$TMP/help-short" "$TMP/page-short" \
    "the short options of --help are those of OPTIONS"
unroff "$PAGE" | grep -o -- '--[a-z][a-z-]*' | sort -u |
    comm -23 - "$TMP/help-long" >"$TMP/unknown"
if [ -s "$TMP/unknown" ]; then
	not_ok "every long option the page names is in --help"
	sed 's/^/#   not in --help: /' "$TMP/unknown"
else
	ok "every long option the page names is in --help"
fi

# DATA-QUALITY FLAGS: the flags lib/mt_canon.c can put in dq, no more.
grep -oE '"([a-z_]+_(invalid|check_digit|nonpositive|negative)|missing_[a-z_]+)"' \
    "$top_srcdir/lib/mt_canon.c" | tr -d '"' | sort -u >"$TMP/flags-code"
awk '/^\.SH / { on = $0 ~ /DATA-QUALITY FLAGS/; next }
	on && tag { print $2; tag = 0 }
	on && /^\.T[PQ]$/ { tag = 1 }' "$PAGE" | sort -u >"$TMP/flags-page"
check_file_same "$TMP/flags-code" "$TMP/flags-page" \
    "DATA-QUALITY FLAGS lists the flags of lib/mt_canon.c"

# SYNOPSIS as it reads, from the font macros: .B and .I join their
# arguments with spaces, .RB, .IR and the like alternate fonts and join
# them with nothing.
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
' "$PAGE" | unroff | tr -s ' ' >"$TMP/synopsis"
manifest-parse --help | sed -n '1,/^$/p' | sed -e '/^$/d' -e 's/^usage: //' |
    tr '\n' ' ' | tr -s ' ' | sed 's/ $//' >"$TMP/usage"
echo >>"$TMP/usage"
check_file_same "$TMP/usage" "$TMP/synopsis" "SYNOPSIS is usage()"
done_testing
