#!/bin/sh
# man/risk-score.1 and man/risk-rules.5 against the tool: every command of
# risk-score(1)'s EXAMPLES runs and prints what the page shows, the
# options of the page and of --help are the same, the SYNOPSIS is
# usage(), and the example rules file of risk-rules(5) compiles.
#
# The examples run in one scratch folder in which t/ and examples/ are the
# source tree's (see t/0201-select-manpage.t).
. "$top_srcdir/t/lib.sh"

PAGE="$top_srcdir/man/risk-score.1"
CMDS="$TMP/cmds"
WORK="$TMP/work"
mkdir "$CMDS" "$WORK" || exit 1
ln -s "$top_srcdir/t" "$WORK/t" || exit 1
ln -s "$top_srcdir/examples" "$WORK/examples" || exit 1
MANIFEST_TOOLS_DATADIR=examples
export MANIFEST_TOOLS_DATADIR

man_examples "$PAGE" "$CMDS"
count=$man_count

plan $((count + 7))

man_check_uses "$CMDS" risk-score 6
man_run_examples "$CMDS" "$WORK"
man_check_options "$PAGE" risk-score 'parallel|sshlogin'
man_check_synopsis "$PAGE" risk-score

# The complete example of risk-rules(5): ccp.rules and its watch list,
# the first two .EX blocks of EXAMPLES, compile without a warning.
RULES="$top_srcdir/man/risk-rules.5"
mkdir -p "$TMP/ccp/lists"
sed -n '/^\.SH EXAMPLES/,$p' "$RULES" | awk -v dir="$TMP/ccp" '
	/^\.EX/ { n++; ex = 1; next }
	/^\.EE/ { ex = 0; next }
	ex && n == 1 { print > (dir "/lists/watch-parties.txt") }
	ex && n == 2 { print > (dir "/ccp.rules.roff") }'
unroff "$TMP/ccp/lists/watch-parties.txt" >"$TMP/ccp/w" &&
	mv "$TMP/ccp/w" "$TMP/ccp/lists/watch-parties.txt"
unroff "$TMP/ccp/ccp.rules.roff" >"$TMP/ccp/ccp.rules"
run risk-score --check --date 2026-11-23 -r "$TMP/ccp/ccp.rules"
check_rc 0 "the example ccp.rules of risk-rules(5) compiles"
check_grep '^[0-9]+ rules, [0-9]+ in force on 2026-11-23; [0-9]+ lists?; thresholds yellow 40, red 70; 0 warnings$' \
    "$TMP/out" "and has no warning"
done_testing
