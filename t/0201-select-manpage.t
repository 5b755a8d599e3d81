#!/bin/sh
# man/manifest-select.1 against the tool: every command of its EXAMPLES
# section runs and prints what the page shows, the options of the page
# and of --help are the same, and the SYNOPSIS is usage().
#
# The examples are written as t/lib.sh describes (man_examples). They run
# in turn in one scratch folder in which t/ and examples/ are the source
# tree's, so that they read the files of the tree as from its top and
# write their own files elsewhere (make distcheck has a read-only source
# tree).
. "$top_srcdir/t/lib.sh"

PAGE="$top_srcdir/man/manifest-select.1"
CMDS="$TMP/cmds"
WORK="$TMP/work"
mkdir "$CMDS" "$WORK" || exit 1
ln -s "$top_srcdir/t" "$WORK/t" || exit 1
ln -s "$top_srcdir/examples" "$WORK/examples" || exit 1

man_examples "$PAGE" "$CMDS"
count=$man_count

plan $((count + 6))

man_check_uses "$CMDS" manifest-select 10

# The examples select from the stream their first command makes.
if [ "$(cat "$CMDS/cmd.1.sh")" = \
    'manifest-parse examples/manifests/sea-2026-11-23.csv examples/manifests/air-2026-11-23.csv.gz > day.tsv' ]; then
	ok "the first example makes day.tsv from examples/manifests"
else
	not_ok "the first example makes day.tsv from examples/manifests"
	echo "#   it is: $(cat "$CMDS/cmd.1.sh")"
fi

man_run_examples "$CMDS" "$WORK"

# Options: the tags of OPTIONS, and every long option named in the page,
# against --help; the lines about GNU parallel name its own options.
man_check_options "$PAGE" manifest-select 'parallel'

man_check_synopsis "$PAGE" manifest-select
done_testing
