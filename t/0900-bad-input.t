#!/bin/sh
# Bad input, one row of t/bad-input.table per case: every tool that
# reads a kind of input is fed the damaged, empty, huge or hostile forms
# of it, and each row checks the exit status, a line of standard error
# that names the file (and the line), and the number of records that
# still come out. The table's own comments describe its columns.
. "$top_srcdir/t/lib.sh"

TABLE="$top_srcdir/t/bad-input.table"
tab=$(printf '\t')
W="$TMP/work"
mkdir "$W" || exit 1

# The rows, without comments and blank lines.
grep -v -e '^#' -e '^[[:space:]]*$' "$TABLE" >"$TMP/rows"
nrows=$(wc -l <"$TMP/rows")
nfields=$(awk -F '\t+' 'NF >= 7 && $7 != "-"' "$TMP/rows" | wc -l)
plan $((nrows * 3 + nfields))

# --- helpers the COMMAND column may call ---------------------------------

# skip REASON: give up on this row; its checks are reported as skipped.
skip() {
	printf '%s\n' "$*" >"$TMP/skip"
	exit 77
}

# need_unreadable FILE: skip the row when FILE can be read despite mode
# 000, as it can by root.
need_unreadable() {
	if cat "$1" >/dev/null 2>&1; then
		skip "$1 is readable despite chmod 000 (running as root?)"
	fi
}

# need_sigpipe: skip the row when this shell was started with SIGPIPE
# ignored (the tools inherit that and see EPIPE, a write error, instead).
need_sigpipe() {
	{ dd if=/dev/zero bs=65536 count=64 2>/dev/null
	  echo $? >"$TMP/sigpipe.rc"; } | dd bs=1 count=1 of=/dev/null 2>/dev/null
	[ "$(cat "$TMP/sigpipe.rc")" -gt 128 ] ||
		skip "SIGPIPE is ignored in this environment"
}

# pipe_head CMD...: CMD | head -n 1, with the exit status of CMD.
pipe_head() {
	{ "$@"; echo $? >"$TMP/pipe.rc"; } | head -n 1
	return "$(cat "$TMP/pipe.rc")"
}

# --- generated inputs -----------------------------------------------------

# gz_stored_cut PAYLOAD MISSING: a gzip member of one stored deflate
# block that says it holds MISSING bytes more than PAYLOAD, which is all
# there is: a file truncated right after PAYLOAD, whatever the gzip
# implementation would have made of the data.
gz_stored_cut() {
	gz_n=$(($(wc -c <"$1") + $2))
	gz_nn=$((65535 - gz_n))
	printf '\037\213\010\000\000\000\000\000\000\003\000'
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $((gz_n % 256)) \
	    $((gz_n / 256)) $((gz_nn % 256)) $((gz_nn / 256)))"
	cat "$1"
}

# gz_bad_crc FILE: FILE gzipped, with one byte of its CRC-32 changed.
gz_bad_crc() {
	gzip -n -c "$1" >"$1.crc"
	gz_size=$(wc -c <"$1.crc")
	gz_b=$(od -An -tu1 -j $((gz_size - 8)) -N 1 "$1.crc" | tr -d ' ')
	printf "$(printf '\\%03o' $(((gz_b + 1) % 256)))" |
		dd of="$1.crc" bs=1 seek=$((gz_size - 8)) conv=notrunc 2>/dev/null
	cat "$1.crc"
	rm -f "$1.crc"
}

# a_run N CHAR: N bytes of CHAR.
a_run() {
	dd if=/dev/zero bs=1048576 count=$(($1 / 1048576)) 2>/dev/null |
		tr '\0' "$2"
}

# gen NAME: make the input file NAME in the work folder, once.
gen() {
	[ -e "$1" ] && return 0
	case $1 in
	good.csv)
		printf 'Shipper,Consignee,Description,Gross Weight\nA,B,C,1\n' >"$1" ;;
	good.tsv)
		printf 'doc_no\tdescription\tdq\nA1\tgoods a\t\nA2\tgoods b\t\n' >"$1" ;;
	empty.tsv)
		: >"$1" ;;
	header-only.tsv)
		printf 'doc_no\tdescription\tdq\n' >"$1" ;;
	bom-only.tsv)
		printf '\357\273\277' >"$1" ;;
	nul.tsv)
		printf 'doc_no\tdescription\tdq\nA\000B\tgoods\t\nC\tgoods\000\t\n' >"$1" ;;
	bad-utf8.tsv)
		printf 'doc_no\tdescription\tdq\nA\377B\tgoods\t\nC\tgoods \300\257\t\n' >"$1" ;;
	ragged.tsv)
		printf 'doc_no\tdescription\tdq\nR1\tgoods\t\nR2\nR3\tgoods\t\textra\nR4\tgoods\t\n' >"$1" ;;
	open-quote.tsv)
		printf 'doc_no\tdescription\tdq\nQ1\t"unterminated goods\t\nQ2\tgoods\t\n' >"$1" ;;
	cr.tsv)
		printf 'doc_no\tdescription\tdq\rA1\tgoods\t\rA2\tgoods\t\r' >"$1" ;;
	dates.tsv)
		printf 'doc_no\tdeparture_date\tarrival_date\nA\t2026-02-30\t2026-03-05\nB\t2026-02-27\t2026-03-05\n' >"$1" ;;
	weights.tsv)
		printf 'doc_no\tgross_weight_kg\nA\t1.234,5 kg\nB\t1234.5\nC\t-5\n' >"$1" ;;
	catastrophic.tsv)
		# /^(a|a)*$/ against forty a and a ! hits the match limit.
		printf 'doc_no\tdescription\nC0\tok\nC1\t%s!\nC2\tok\n' \
		    "$(awk 'BEGIN { while (n++ < 40) printf "a" }')" >"$1" ;;
	big-field.csv)
		# A 64 MiB description between two ordinary rows.
		{ printf 'Shipper,Consignee,Description,Gross Weight\nA,B,'
		  a_run 67108864 a
		  printf ',1\nC,D,E,2\n'; } >"$1" ;;
	big-field.tsv)
		gen big-field.csv
		manifest-parse big-field.csv >"$1" 2>/dev/null ;;
	wide.csv)
		# 100,000 columns: four mapped, 99,996 that map to no field.
		awk 'BEGIN {
			printf "Shipper,Consignee,Description,Gross Weight"
			for (i = 5; i <= 100000; i++) printf ",x%d", i
			printf "\n"
			for (r = 1; r <= 2; r++) {
				printf "S%d,C%d,goods,%d", r, r, r
				for (i = 5; i <= 100000; i++) printf ",%d", i
				printf "\n"
			}
		}' >"$1" ;;
	wide.tsv)
		awk 'BEGIN {
			printf "doc_no\tdescription"
			for (i = 3; i <= 100000; i++) printf "\tx%d", i
			printf "\n"
			for (r = 1; r <= 2; r++) {
				printf "W%d\tgoods", r
				for (i = 3; i <= 100000; i++) printf "\t%d", i
				printf "\n"
			}
		}' >"$1" ;;
	many.csv)
		# Megabytes of output: more than a pipe holds, even enlarged.
		awk 'BEGIN { print "Shipper,Consignee,Description,Gross Weight"
			for (i = 1; i <= 30000; i++)
				printf "Shipper %d,Consignee %d,goods %d,%d\n", i, i, i, i }' >"$1" ;;
	many.tsv)
		awk 'BEGIN { print "doc_no\tdescription\tdq"
			for (i = 1; i <= 100000; i++)
				printf "M%d\tgoods number %d of many\t\n", i, i }' >"$1" ;;
	cut.csv.gz)
		printf 'Shipper,Consignee,Description,Gross Weight\nA,B,C,1\nD,E,F,2\nG,H,partial' >cut.payload
		gz_stored_cut cut.payload 100 >"$1" ;;
	cut.tsv.gz)
		printf 'doc_no\tdescription\tdq\nA1\tgoods a\t\nA2\tgoods b\t\n' >cut.payload
		gz_stored_cut cut.payload 100 >"$1" ;;
	head.tsv.gz)
		# gzip data that ends inside the header line.
		gen good.tsv
		gzip -n -c good.tsv | head -c 10 >"$1" ;;
	narrow.tsv)
		# Canonical fields the default rules read are missing.
		printf 'doc_no\tdescription\nA\tgoods\nB\tmore goods\n' >"$1" ;;
	crc.csv.gz)
		printf 'Shipper,Consignee,Description,Gross Weight\nA,B,C,1\nD,E,F,2\nG,H,I,3\n' >crc.csv
		gz_bad_crc crc.csv >"$1" ;;
	crc.tsv.gz)
		gen good.tsv
		gz_bad_crc good.tsv >"$1" ;;
	junk.csv.gz | junk.tsv.gz)
		case $1 in *csv*) gen good.csv; gzip -n -c good.csv >"$1" ;;
		*) gen good.tsv; gzip -n -c good.tsv >"$1" ;; esac
		printf 'this is not gzip' >>"$1" ;;
	adir)
		mkdir "$1" ;;
	unreadable.csv | unreadable.tsv | unreadable.rules)
		case $1 in
		*.csv) gen good.csv; cp good.csv "$1" ;;
		*.tsv) gen good.tsv; cp good.tsv "$1" ;;
		*) gen basic.rules; cp basic.rules "$1" ;;
		esac
		chmod 000 "$1" ;;
	basic.rules)
		printf 'rule GOODS {\n\treason "goods"\n\tweight 10\n\twhen description ~ /goods/i\n}\n' >"$1" ;;
	catastrophic.rules)
		printf 'rule CAT {\n\treason "catastrophic"\n\tweight 5\n\twhen description ~ /^(a|a)*$/\n}\n' >"$1" ;;
	syntax-40.rules)
		# The '(' opened on line 40 is never closed.
		{ i=1; while [ $i -le 30 ]; do echo "# comment line $i"; i=$((i + 1)); done
		  printf 'rule R1 {\n reason "one"\n weight 5\n when description ~ /x/\n}\n'
		  printf 'rule R2 {\n reason "two"\n weight 5\n when description ~ /y/\n  && (doc_no == "A"\n}\n'
		} >"$1" ;;
	unknown-field.rules)
		printf 'rule W {\n reason "w"\n weight 5\n when weight > 5\n}\n' >"$1" ;;
	missing-list.rules)
		printf 'list watch = "lists/no-such-list.txt"\nrule W {\n reason "w"\n weight 5\n when doc_no in @watch\n}\n' >"$1" ;;
	nul.rules)
		printf 'rule W {\n reason "w"\n weight 5\n when doc_no == "A\000"\n}\n' >"$1" ;;
	bad-utf8.rules)
		printf '# caf\351\nrule W {\n reason "w"\n weight 5\n when doc_no == "A"\n}\n' >"$1" ;;
	bad-utf8-list.rules)
		gen bad-utf8.list
		printf 'list watch = "bad-utf8.list"\nrule W {\n reason "w"\n weight 5\n when doc_no in @watch\n}\n' >"$1" ;;
	nul.list)
		printf 'A1\nB\000C\nD\n' >"$1" ;;
	bad-utf8.list)
		printf 'A1\nB\377C\nD\n' >"$1" ;;
	days.rules)
		printf 'rule D {\n reason "d"\n weight 5\n when days(departure_date, arrival_date) > 1\n}\n' >"$1" ;;
	heavy.rules)
		printf 'rule H {\n reason "h"\n weight 5\n when gross_weight_kg > 1000\n}\n' >"$1" ;;
	*)
		echo "# no generator for input '$1'" >&2
		return 1 ;;
	esac
}

# --- the rows -------------------------------------------------------------

# subst TEXT FROM TO: TEXT with every FROM replaced by TO.
subst() {
	s_in=$1 s_out=
	while :; do
		case $s_in in
		*"$2"*) s_out=$s_out${s_in%%"$2"*}$3; s_in=${s_in#*"$2"} ;;
		*) break ;;
		esac
	done
	printf '%s' "$s_out$s_in"
}

# ere_quote TEXT: TEXT with the characters special to grep -E escaped.
ere_quote() {
	printf '%s' "$1" | sed 's/[]^$.*+?(){}|\\[]/\\&/g'
}

# values NAME: the values of field NAME in $TMP/out, joined by |. cut,
# not awk: a 64 MiB value takes awk seconds to split.
values() {
	v_col=$(head -n 1 "$TMP/out" | tr '\t' '\n' | grep -n -x -- "$1" |
	    cut -d : -f 1)
	[ -n "$v_col" ] || { echo "(no field $1)"; return; }
	tail -n +2 "$TMP/out" | cut -f "$v_col" | tr '\n' '|' | sed 's/|$//'
}

# skip_checks N DESC REASON: N skipped checks.
skip_checks() {
	sk_i=0
	while [ $sk_i -lt "$1" ]; do
		ok "$2 # SKIP $3"
		sk_i=$((sk_i + 1))
	done
}

while IFS="$tab" read -r name input cmd want_rc want_err want_recs fields; do
	fields=${fields:--}
	nchecks=3
	[ "$fields" = - ] || nchecks=4
	rm -f "$TMP/skip"

	# The input: a generated file, or NAME=FORMAT written with printf.
	case $input in
	-) in_name= ;;
	*=*)
		in_name=${input%%=*}
		printf -- "${input#*=}" >"$W/$in_name" ;;
	*)
		in_name=$input
		(cd "$W" && gen "$in_name") </dev/null || { skip_checks $nchecks "$name" \
		    "no input $in_name"; continue; } ;;
	esac
	run_cmd=$(subst "$cmd" @IN "$in_name")
	# @{FILE}: a further generated file the command reads.
	while :; do
		case $run_cmd in
		*@\{*\}*)
			aux=${run_cmd#*@\{}
			aux=${aux%%\}*}
			(cd "$W" && gen "$aux") </dev/null || break
			run_cmd=$(subst "$run_cmd" "@{$aux}" "$aux") ;;
		*) break ;;
		esac
	done

	rc=0
	(cd "$W" && eval "$run_cmd") </dev/null >"$TMP/out" 2>"$TMP/err" ||
		rc=$?
	if [ "$rc" -eq 77 ] && [ -s "$TMP/skip" ]; then
		skip_checks $nchecks "$name" "$(cat "$TMP/skip")"
		continue
	fi
	echo "# $name: $run_cmd"

	# Exit status: one of the |-separated values.
	case "|$want_rc|" in
	*"|$rc|"*) ok "$name: exit status $rc" ;;
	*)
		not_ok "$name: exit status $rc, expected $want_rc"
		diag_file "$TMP/err" ;;
	esac

	# Standard error: - for none, else a line matches the ERE, where @IN
	# stands for the input's name.
	if [ "$want_err" = - ]; then
		if [ -s "$TMP/err" ]; then
			not_ok "$name: nothing on stderr"
			diag_file "$TMP/err"
		else
			ok "$name: nothing on stderr"
		fi
	else
		re=$(subst "$want_err" @IN "$(ere_quote "$in_name")")
		if grep -Eq -- "$re" "$TMP/err"; then
			ok "$name: stderr names what is wrong"
		else
			not_ok "$name: stderr names what is wrong"
			echo "#   no line matches /$re/ in:"
			diag_file "$TMP/err"
		fi
	fi

	# Records: - for no output at all, else a header and N records.
	lines=$(wc -l <"$TMP/out" | tr -d ' ')
	if [ "$want_recs" = - ]; then
		if [ -s "$TMP/out" ]; then
			not_ok "$name: nothing on stdout ($lines lines)"
		else
			ok "$name: nothing on stdout"
		fi
	elif [ "$lines" -ge 1 ] && [ $((lines - 1)) -eq "$want_recs" ]; then
		ok "$name: $want_recs records"
	else
		not_ok "$name: $want_recs records expected, $((lines - 1)) came"
	fi

	# Field values: NAME=V1|V2...;NAME=..., one value per record,
	# printf-escaped.
	[ "$fields" = - ] && continue
	: >"$TMP/fdiag"
	f_rest="$fields;"
	while [ -n "$f_rest" ]; do
		f_one=${f_rest%%;*}
		f_rest=${f_rest#*;}
		f_name=${f_one%%=*}
		# (x first: a format that starts with - is not an option.)
		f_want=$(printf "x${f_one#*=}")
		f_want=${f_want#x}
		f_got=$(values "$f_name")
		[ "$f_got" = "$f_want" ] ||
			echo "#   $f_name: expected '$f_want', got '$f_got'" >>"$TMP/fdiag"
	done
	if [ -s "$TMP/fdiag" ]; then
		not_ok "$name: field values"
		cat "$TMP/fdiag"
	else
		ok "$name: field values"
	fi
done <"$TMP/rows"

done_testing
