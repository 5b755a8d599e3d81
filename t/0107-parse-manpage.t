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

man_examples "$PAGE" "$CMDS"
count=$man_count

plan $((count + 6))

man_check_uses "$CMDS" manifest-parse 5
man_run_examples "$CMDS" "$WORK"

# Options: the tags of OPTIONS, and every long option named in the page,
# against --help.
man_check_options "$PAGE" manifest-parse 'parallel'

# DATA-QUALITY FLAGS: the flags lib/mt_canon.c can put in dq, no more.
grep -oE '"([a-z_]+_(invalid|check_digit|nonpositive|negative)|missing_[a-z_]+)"' \
    "$top_srcdir/lib/mt_canon.c" | tr -d '"' | sort -u >"$TMP/flags-code"
awk '/^\.SH / { on = $0 ~ /DATA-QUALITY FLAGS/; next }
	on && tag { print $2; tag = 0 }
	on && /^\.T[PQ]$/ { tag = 1 }' "$PAGE" | sort -u >"$TMP/flags-page"
check_file_same "$TMP/flags-code" "$TMP/flags-page" \
    "DATA-QUALITY FLAGS lists the flags of lib/mt_canon.c"

man_check_synopsis "$PAGE" manifest-parse
done_testing
