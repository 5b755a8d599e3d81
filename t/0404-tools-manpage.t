#!/bin/sh
# man/manifest-tools.7, the overview, against the tools: every command of
# its EXAMPLES section runs from the top of a tree whose examples/ is the
# source tree's, with MANIFEST_TOOLS_DATADIR set to examples as the page
# says, and prints what the page shows; the page names every tool.
. "$top_srcdir/t/lib.sh"

PAGE="$top_srcdir/man/manifest-tools.7"
CMDS="$TMP/cmds"
WORK="$TMP/work"
mkdir "$CMDS" "$WORK" || exit 1
ln -s "$top_srcdir/examples" "$WORK/examples" || exit 1
MANIFEST_TOOLS_DATADIR=examples
MANIFEST_TOOLS_BIN="$top_builddir/bin"
export MANIFEST_TOOLS_DATADIR MANIFEST_TOOLS_BIN

man_examples "$PAGE" "$CMDS"
count=$man_count

plan $((count + 5))

for tool in manifest-parse risk-score manifest-select manifest-report; do
	if grep -q "^\\.SS $(echo "$tool" | sed 's/-/\\\\-/')\$" "$PAGE"; then
		ok "a paragraph on $tool"
	else
		not_ok "a paragraph on $tool"
	fi
done
man_check_uses "$CMDS" manifest-parse 2

man_run_examples "$CMDS" "$WORK"
done_testing
