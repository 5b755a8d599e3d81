#!/bin/sh
# man/manifest-report.1 against the tool: every command of its EXAMPLES
# section runs and prints what the page shows, the options of the page
# and of --help are the same, and the SYNOPSIS is usage().
#
# The examples run in one scratch folder in which t/ and examples/ are the
# source tree's (see t/0201-select-manpage.t), with MANIFEST_TOOLS_DATADIR
# set to examples, as the page says, for the risk-score of the nightly
# run.
. "$top_srcdir/t/lib.sh"

PAGE="$top_srcdir/man/manifest-report.1"
CMDS="$TMP/cmds"
WORK="$TMP/work"
mkdir "$CMDS" "$WORK" || exit 1
ln -s "$top_srcdir/t" "$WORK/t" || exit 1
ln -s "$top_srcdir/examples" "$WORK/examples" || exit 1
MANIFEST_TOOLS_DATADIR=examples
export MANIFEST_TOOLS_DATADIR

man_examples "$PAGE" "$CMDS"
count=$man_count

# The routes of the text and JSON reports are joined by arrows, which the
# page writes \(->; unroff does not know that escape.
arrow=$(printf '\342\206\222')
i=1
while [ "$i" -le "$count" ]; do
	for f in "$CMDS/cmd.$i.sh" "$CMDS/out.$i.txt"; do
		sed "s/\\\\(->/$arrow/g" "$f" >"$TMP/arrow" &&
		    mv "$TMP/arrow" "$f"
	done
	i=$((i + 1))
done

plan $((count + 6))

man_check_uses "$CMDS" manifest-report 8

# The examples report on the stream their first command copies.
if [ "$(cat "$CMDS/cmd.1.sh")" = 'cp t/data/report.tsv report.tsv' ]; then
	ok "the first example copies t/data/report.tsv to report.tsv"
else
	not_ok "the first example copies t/data/report.tsv to report.tsv"
	echo "#   it is: $(cat "$CMDS/cmd.1.sh")"
fi

man_run_examples "$CMDS" "$WORK"

# Options: the tags of OPTIONS, and every long option named in the page,
# against --help.
man_check_options "$PAGE" manifest-report

man_check_synopsis "$PAGE" manifest-report
done_testing
