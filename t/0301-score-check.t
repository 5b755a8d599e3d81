#!/bin/sh
# risk-score --check: every mistake of a rules file at FILE:LINE:COL with
# exit 2; warnings that do not stop a run; the same mistakes stop scoring.
. "$top_srcdir/t/lib.sh"

plan 59

cd "$TMP" || exit 1

# check_rules TEXT EXPECTED-STDERR DESC: --check on a file holding TEXT
# exits 2 and prints exactly EXPECTED-STDERR.
check_rules() {
	printf '%s\n' "$1" >r.rules
	run risk-score --check --date 2026-11-23 -r r.rules
	check_rc 2 "$3: exit 2"
	check_err "$2" "$3"
}

good='rule A {
	reason "a"
	weight 10
	when description ~ /x/
}'

printf '%s\n' "$good" >good.rules
run risk-score --check --date 2026-11-23 -r good.rules
check_rc 0 "a good file exits 0"
check_out "1 rule, 1 in force on 2026-11-23; 0 lists; thresholds yellow 40, red 70; 0 warnings" \
    "a good file: a summary on stdout"
check_err "" "a good file: nothing on stderr"

check_rules 'rule A {
	reason "a"
	weight 10
	when description ~ /x/ &&
}' "risk-score: r.rules:4:27: expected a value, found end of expression
  description ~ /x/ &&
                      ^" "a syntax error in when"

check_rules 'rule A {
	reason "a"
	weight 10
	when descripton ~ /x/
}' "risk-score: r.rules:4:7: unknown field 'descripton' (did you mean 'description'?): the fields are source, line, doc_type, doc_no, master_doc_no, mode, carrier, conveyance, voyage, departure_date, arrival_date, origin_country, destination_country, loading_place, transit_places, discharge_place, shipper_name, shipper_address, shipper_country, consignee_name, consignee_address, consignee_country, notify_name, container_no, seal_no, container_type, packages, package_type, gross_weight_kg, volume_m3, hs_code, description, marks, value, currency, freight_terms, un_number, dq
  descripton ~ /x/
  ^" "an unknown field"

check_rules 'rule A {
	reason "a"
	weight 10
	when description ~ /(x/
}' "risk-score: r.rules:4:24: invalid regular expression: missing closing parenthesis
  description ~ /(x/
                   ^" "a bad regex"

check_rules 'rule A {
	reason "a"
	weight 10
	when shipper_name in @nolist
}' "risk-score: r.rules:4:23: unknown list '@nolist': no lists are defined
  shipper_name in @nolist
                  ^" "an unknown list"

check_rules 'list ports = "lists/ports.txt"' \
    "risk-score: r.rules:1:14: list file: lists/ports.txt: No such file or directory" \
    "a missing list file"

check_rules '



rule A {
	reason "a"
	weight 10
	when description ~ /x/
}
rule A2 {
	reason "a"
	wieght 10
	when 1
}' "risk-score: r.rules:12:2: unknown attribute 'wieght' (reason, weight, category, from, until, lane, when)" \
    "an unknown attribute, on its line"

check_rules 'rule A {
	reason a
	weight 10
	when 1
}' "risk-score: r.rules:2:9: expected the reason in double quotes" "an unquoted reason"

check_rules 'rule A {
	reason "a
	weight 10
	when 1
}' "risk-score: r.rules:2:9: the reason: no closing '\"'" "an unterminated reason"

check_rules 'rule A {
	reason "a"
	weight ten
	when 1
}' "risk-score: r.rules:3:9: weight: expected a whole number from -100 to 100" "a weight that is no number"

check_rules 'rule A {
	reason "a"
	weight 10
	category drugs
	when 1
}' "risk-score: r.rules:4:11: unknown category 'drugs' (narcotics, tobacco, counterfeit, weapons, wildlife, revenue, security, data-quality)" \
    "an unknown category"

check_rules 'rule A {
	reason "a"
	weight 10
	from 2026-02-30
	when 1
}' "risk-score: r.rules:4:7: from: expected a date YYYY-MM-DD, found '2026-02-30'" \
    "a date that does not exist"

check_rules 'rule A {
	reason "a"
	weight 10
	from 2026-12-01
	until 2026-11-01
	when 1
}' "risk-score: r.rules:5: rule A: until is before from" "until before from"

check_rules 'rule A {
	reason "a"
	weight 10
	lane blue
	when 1
}' "risk-score: r.rules:4:7: lane: expected red or yellow, found 'blue'" "an unknown lane"

check_rules 'rule A {
	reason "a"
	when 1
}' "risk-score: r.rules:1: rule A has no weight" "a rule with no weight"

check_rules 'rule A {
	reason "a"
	weight 10
	when 1' "risk-score: r.rules:4: end of file inside rule A (line 1): no '}' line" \
    "a rule with no closing brace"

check_rules 'rule bad id {
}' "risk-score: r.rules:1:10: expected '{' after the rule id
risk-score: r.rules:2:1: '}' with no block open" "an id with a space"

check_rules 'threshold red 30
threshold yellow 50' "risk-score: r.rules:2: threshold yellow (50) must be below threshold red (30)" \
    "thresholds in the wrong order"

check_rules 'rule A {
	reason "a"
	weight 10
	when lane == "red"
}' "risk-score: r.rules:4:7: unknown field 'lane' (did you mean 'line'?): the fields are source, line, doc_type, doc_no, master_doc_no, mode, carrier, conveyance, voyage, departure_date, arrival_date, origin_country, destination_country, loading_place, transit_places, discharge_place, shipper_name, shipper_address, shipper_country, consignee_name, consignee_address, consignee_country, notify_name, container_no, seal_no, container_type, packages, package_type, gross_weight_kg, volume_m3, hs_code, description, marks, value, currency, freight_terms, un_number, dq
  lane == \"red\"
  ^" "a rule may not read what risk-score writes"

# A syntax error on line 40 of a longer file is found there.
{
	i=1
	while [ $i -le 7 ]; do
		printf 'rule R%s {\n\treason "r"\n\tweight 1\n\twhen doc_no == "%s"\n}\n' $i $i
		i=$((i + 1))
	done
	printf '# line 36\nrule R8 {\n\treason "r"\n\tweight 1\n\twhen doc_no == == "x"\n}\n'
} >r40.rules
run risk-score --check -r r40.rules
check_rc 2 "a syntax error on line 40: exit 2"
check_grep '^risk-score: r40\.rules:40:17: ' err "a syntax error on line 40 is named at line 40"

# Every mistake of a file in one run.
printf 'rule A {\n\treason "a"\n\tweight 500\n\twhen 1\n}\nrule B {\n\treason "b"\n\tweight 1\n\twhen nofield == 1\n}\n' >two.rules
run risk-score --check -r two.rules
check_grep '^risk-score: two\.rules:3:9: weight: 500 is not from -100 to 100$' err "the first mistake"
check_grep "^risk-score: two\\.rules:9:7: unknown field 'nofield'" err "and the second, in the same run"

# Warnings: reported, exit 0.
cat >warn.rules <<'EOF'
list plain {
	ACME
}
rule OLD {
	reason "an operation that ended"
	weight 10
	until 2026-10-31
	when 1
}
rule SOON {
	reason "an operation to come"
	weight 10
	from 2027-01-01
	when 1
}
rule NAMES {
	reason "watch"
	weight 10
	when consignee_name in @plain
}
EOF
run risk-score --check --date 2026-11-23 -r warn.rules
check_rc 0 "warnings alone exit 0"
check_err "risk-score: warning: warn.rules:4: rule OLD expired on 2026-10-31: it is skipped
risk-score: warning: warn.rules:10: rule SOON is not valid before 2027-01-01: it is skipped until then
risk-score: warning: warn.rules:19: rule NAMES compares consignee_name with @plain, a plain list: names are compared exactly; declare it with 'parties' to compare party-name keys" \
    "expired, not yet valid, and a plain list of names"
check_out "3 rules, 1 in force on 2026-11-23; 1 list; thresholds yellow 40, red 70; 3 warnings" \
    "the summary counts the warnings"

# Against the header of a stream: a field it lacks is a warning.
printf 'doc_no\tdescription\nB1\tx\n' >s.tsv
printf 'rule SEAL {\n\treason "no seal"\n\tweight 5\n\twhen empty(seal_no)\n}\n' >seal.rules
run risk-score --check -r seal.rules s.tsv
check_rc 0 "a field the input lacks: exit 0"
check_err "risk-score: warning: seal.rules:1: rule SEAL reads seal_no, which the input does not have: it is always empty" \
    "a field the input lacks is a warning"
printf 'doc_no\tdescription\textra_code\nB1\tx\tZ9\n' >x.tsv
printf 'rule X {\n\treason "extra"\n\tweight 5\n\twhen extra_code == "Z9"\n}\n' >x.rules
run risk-score --check -r x.rules x.tsv
check_rc 0 "a field only the input has is known"
run risk-score -r x.rules x.tsv
check_field hits "X" "and scores"

# The same mistakes stop a scoring run before any record.
printf 'rule A {\n\treason "a"\n\tweight 10\n\twhen descripton ~ /x/\n}\n' >typo.rules
run risk-score -r typo.rules s.tsv
check_rc 2 "scoring with a bad rule exits 2"
check_file_same /dev/null out "and writes no record"

# Lists: NUL bytes and bad UTF-8 in a list file are named with the line.
printf 'A\nB\n\377\n' >bad.txt
printf 'list l = "bad.txt"\n' >l.rules
run risk-score --check -r l.rules
check_rc 2 "a list file with invalid UTF-8 exits 2"
check_err "risk-score: l.rules:1:10: list file: bad.txt:3: entry is not valid UTF-8" \
    "the list file's line is named"

# A byte order mark is accepted; a line that is not UTF-8 is an error.
printf '\357\273\277rule A {\n reason "a"\n weight 1\n when 1\n}\n' >bom.rules
run risk-score --check --date 2026-11-23 -r bom.rules
check_rc 0 "a byte order mark is accepted"
printf 'rule A {\n reason "caf\351"\n weight 1\n when 1\n}\n' >latin1.rules
run risk-score --check -r latin1.rules
check_err "risk-score: latin1.rules:2: the line is not valid UTF-8 (save the file as UTF-8)
risk-score: latin1.rules:1: rule A has no reason" "a line that is not UTF-8 is named"

# Text after the '{' of a rule: one error, the block skipped, not read as
# statements; a brace against the id is the rule's brace.
check_rules 'rule A { x
	reason "a"
	weight 1
	when 1
}' "risk-score: r.rules:1:10: unexpected text after '{'" "text after a rule's brace skips its block"
printf 'rule B{\n\treason "b"\n\tweight 2\n\twhen 1\n}\n' >brace.rules
run risk-score --check --date 2026-11-23 -r brace.rules
check_out "1 rule, 1 in force on 2026-11-23; 0 lists; thresholds yellow 40, red 70; 0 warnings" \
    "a brace against the rule id"

done_testing
