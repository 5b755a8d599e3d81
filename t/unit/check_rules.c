/*
 * Unit tests of mt_rules: rules files of risk-rules(5) parsed into their
 * rules, lists and thresholds; the exact text of every diagnostic, with
 * its line and column; recovery after errors; several files in one run;
 * list files; compiling against a header; validity windows; the lint
 * warnings; dates.
 *
 * The tool's tests (t/0300-score.t, t/0301-score-check.t) see the same
 * module through risk-score; these look at the struct mt_rule fields and
 * at the edges the tool does not reach.
 */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mt_expr.h"
#include "mt_lists.h"
#include "mt_rules.h"
#include "mt_util.h"

/*
 * The header rules are compiled against: fields of the canonical schema,
 * not all of them (seal_no, container_no, notify_name ... are absent), and
 * one field of its own.
 */
static const struct mt_str header[] = {
	{ "description", 11 }, { "consignee_name", 14 },
	{ "shipper_name", 12 }, { "packages", 8 }, { "gross_weight_kg", 15 },
	{ "extra", 5 },
};
#define NHEADER (sizeof(header) / sizeof(header[0]))
enum { H_DESC, H_CONSIGNEE, H_SHIPPER, H_PACKAGES, H_WEIGHT, H_EXTRA };

#define TODAY	"2026-11-23"

/* Days since 1970-01-01 of dates used below. */
#define D_2026_11_16	20773L
#define D_2026_12_15	20802L

/* A rule set under test, its diagnostics in memory. */
struct rt {
	struct mt_rules *rs;
	FILE *fp;
	char *diag;
	size_t ndiag;
};

static void
rt_open(struct rt *t)
{
	memset(t, 0, sizeof(*t));
	t->fp = open_memstream(&t->diag, &t->ndiag);
	ck_assert_ptr_nonnull(t->fp);
	t->rs = mt_rules_new(t->fp);
	ck_assert_ptr_nonnull(t->rs);
}

static size_t
rt_load(struct rt *t, const char *name, const char *text)
{
	return mt_rules_load_text(t->rs, name, text, strlen(text));
}

/* What was written to the diagnostics so far. */
static const char *
rt_diag(struct rt *t)
{
	fflush(t->fp);
	return t->diag != NULL ? t->diag : "";
}

static size_t
rt_compile(struct rt *t, const char *today)
{
	return mt_rules_compile(t->rs, header, NHEADER, today, NULL);
}

static void
rt_close(struct rt *t)
{
	mt_rules_free(t->rs);
	fclose(t->fp);
	free(t->diag);
}

/* A rule set from text that must load and compile without a word. */
static void
rt_good(struct rt *t, const char *text)
{
	rt_open(t);
	ck_assert_msg(rt_load(t, "r.rules", text) == 0, "%s", rt_diag(t));
	ck_assert_msg(rt_compile(t, TODAY) == 0, "%s", rt_diag(t));
	ck_assert_str_eq(rt_diag(t), "");
}

static struct mt_list *
list_named(struct rt *t, const char *name)
{
	return mt_lists_get(mt_rules_lists(t->rs), name, strlen(name));
}

static void
assert_entry(struct mt_list *l, size_t i, const char *want)
{
	struct mt_str e = mt_list_entry(l, i);

	ck_assert_msg(e.n == strlen(want) && memcmp(e.p, want, e.n) == 0,
	    "entry %zu: want '%s', got '%.*s'", i, want, (int)e.n, e.p);
}

/* --- statements parsed into the rule fields ------------------------------ */

static const char every_field[] =
    "# rules\n"						/* 1 */
    "threshold red 80   # raised\n"			/* 2 */
    "threshold yellow 30\n"				/* 3 */
    "\n"						/* 4 */
    "rule VAGUE-01 {   # data quality\n"		/* 5 */
    "\treason   \"Say \\\"STC\\\" \\\\ vague\"\n"	/* 6 */
    "\tweight   +5\n"					/* 7 */
    "\tcategory data-quality\n"				/* 8 */
    "\tfrom     2026-11-16\n"			/* 9 */
    "\tuntil    2026-12-15   # op end\n"		/* 10 */
    "\tlane     yellow\n"				/* 11 */
    "\twhen     description ~ /said to contain/i\n"	/* 12 */
    "\t# not an attribute\n"				/* 13 */
    "\t         || description ~ /\\bfak\\b/i\n"	/* 14 */
    "}\n"						/* 15 */
    "rule n.0_x-9 {\n"					/* 16 */
    "\tweight -0\n"					/* 17 */
    "\t  # a comment between attributes\n"		/* 18 */
    "\n"						/* 19 */
    "\treason \"z\"\n"					/* 20 */
    "\twhen\n"						/* 21 */
    "\t  packages > 1\n"				/* 22 */
    "  }  \n";						/* 23 */

START_TEST(parse_every_field)
{
	struct rt t;
	struct mt_rule *r;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", every_field), 0);
	ck_assert_str_eq(rt_diag(&t), "");
	ck_assert_uint_eq(mt_rules_count(t.rs), 2);
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_RED), 80);
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_YELLOW), 30);

	r = mt_rules_at(t.rs, 0);
	ck_assert_str_eq(r->id, "VAGUE-01");
	ck_assert_str_eq(r->reason, "Say \"STC\" \\ vague");
	ck_assert_int_eq(r->weight, 5);
	ck_assert_int_eq(r->category, 7);
	ck_assert_str_eq(mt_rule_categories[r->category], "data-quality");
	ck_assert_int_eq(r->from, D_2026_11_16);
	ck_assert_int_eq(r->until, D_2026_12_15);
	ck_assert_int_eq(r->lane, MT_LANE_YELLOW);
	ck_assert_str_eq(r->file, "r.rules");
	ck_assert_uint_eq(r->line, 5);
	/* The comment line is an empty line: line 14 stays line 3 of when. */
	ck_assert_str_eq(r->when, "description ~ /said to contain/i\n\n"
	    "\t         || description ~ /\\bfak\\b/i");
	ck_assert_uint_eq(r->nwhen, strlen(r->when));
	ck_assert_uint_eq(r->when_line, 12);
	ck_assert_uint_eq(r->when_col, 11);	/* the tab counts as one */
	ck_assert_ptr_null(r->expr);
	ck_assert(!r->absent);

	r = mt_rules_at(t.rs, 1);
	ck_assert_str_eq(r->id, "n.0_x-9");
	ck_assert_str_eq(r->reason, "z");
	ck_assert_int_eq(r->weight, 0);
	ck_assert_int_eq(r->category, -1);
	ck_assert_int_eq(r->from, LONG_MIN);
	ck_assert_int_eq(r->until, LONG_MAX);
	ck_assert_int_eq(r->lane, MT_LANE_GREEN);
	ck_assert_uint_eq(r->line, 16);
	/* `when` alone: the text starts at the end of its line. */
	ck_assert_str_eq(r->when, "\n\t  packages > 1");
	ck_assert_uint_eq(r->when_line, 21);
	ck_assert_uint_eq(r->when_col, 6);

	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	ck_assert_ptr_nonnull(mt_rules_at(t.rs, 0)->expr);
	ck_assert_ptr_nonnull(mt_rules_at(t.rs, 1)->expr);
	ck_assert_uint_eq(mt_rules_errors(t.rs), 0);
	rt_close(&t);
}
END_TEST

/* CR LF line ends and no line end at the end: the same rules. */
START_TEST(parse_crlf)
{
	struct rt t;
	struct mt_buf b = { 0 };
	const char *p;
	struct mt_rule *r;

	for (p = every_field; *p != '\0'; p++) {
		if (*p == '\n')
			mt_buf_addc(&b, '\r');
		mt_buf_addc(&b, *p);
	}
	rt_open(&t);
	/* Without the last CR LF. */
	ck_assert_uint_eq(mt_rules_load_text(t.rs, "r.rules", b.buf,
	    b.len - 2), 0);
	ck_assert_str_eq(rt_diag(&t), "");
	ck_assert_uint_eq(mt_rules_count(t.rs), 2);
	r = mt_rules_at(t.rs, 0);
	ck_assert_str_eq(r->reason, "Say \"STC\" \\ vague");
	ck_assert_str_eq(r->when, "description ~ /said to contain/i\n\n"
	    "\t         || description ~ /\\bfak\\b/i");
	ck_assert_int_eq(r->until, D_2026_12_15);
	r = mt_rules_at(t.rs, 1);
	ck_assert_str_eq(r->when, "\n\t  packages > 1");
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_RED), 80);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	rt_close(&t);
	mt_buf_free(&b);
}
END_TEST

/* The last line read without its line end. */
START_TEST(parse_last_line_without_lf)
{
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", "threshold red 60"), 0);
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_RED), 60);
	ck_assert_uint_eq(rt_load(&t, "s.rules", "rule A {\n reason \"a\"\n"
	    " weight 1\n when packages > 1\n}"), 0);
	ck_assert_uint_eq(mt_rules_count(t.rs), 1);
	ck_assert_str_eq(rt_diag(&t), "");
	rt_close(&t);
}
END_TEST

static const struct {
	const char *text;
	int weight;
} weights[] = {
	{ "10", 10 }, { "+5", 5 }, { "-0", 0 }, { "+0", 0 }, { "0", 0 },
	{ "100", 100 }, { "-100", -100 }, { "+100", 100 }, { "007", 7 },
	{ "-20   # trusted", -20 }, { "\t15\t", 15 },
};

START_TEST(parse_weights)
{
	char text[256];
	struct rt t;

	snprintf(text, sizeof(text), "rule A {\n reason \"a\"\n weight %s\n"
	    " when packages > 1\n}\n", weights[_i].text);
	rt_open(&t);
	ck_assert_msg(rt_load(&t, "r.rules", text) == 0, "%s", rt_diag(&t));
	ck_assert_int_eq(mt_rules_at(t.rs, 0)->weight, weights[_i].weight);
	rt_close(&t);
}
END_TEST

START_TEST(parse_categories)
{
	char text[256];
	struct rt t;

	snprintf(text, sizeof(text), "rule A {\n category %s\n reason \"a\"\n"
	    " weight 1\n when packages > 1\n}\n", mt_rule_categories[_i]);
	rt_open(&t);
	ck_assert_msg(rt_load(&t, "r.rules", text) == 0, "%s", rt_diag(&t));
	ck_assert_int_eq(mt_rules_at(t.rs, 0)->category, _i);
	rt_close(&t);
}
END_TEST

/* The names, in the order of risk-rules(5). */
START_TEST(names_in_order)
{
	static const char *const cats[] = {
		"narcotics", "tobacco", "counterfeit", "weapons", "wildlife",
		"revenue", "security", "data-quality"
	};
	size_t i;

	ck_assert_uint_eq(MT_RULE_NCATEGORIES, 8);
	for (i = 0; i < MT_RULE_NCATEGORIES; i++)
		ck_assert_str_eq(mt_rule_categories[i], cats[i]);
	ck_assert_str_eq(mt_lane_names[MT_LANE_GREEN], "green");
	ck_assert_str_eq(mt_lane_names[MT_LANE_YELLOW], "yellow");
	ck_assert_str_eq(mt_lane_names[MT_LANE_RED], "red");
}
END_TEST

static const char *const good_ids[] = {
	"A", "0", "a.b", "A_", "A-", "x.", "9-z", "OP_PLASTER_2026",
	"ccp.drugs.reefer",
	"A234567890123456789012345678901234567890123456789012345678901234",
};

START_TEST(parse_good_ids)
{
	char text[256];
	struct rt t;

	snprintf(text, sizeof(text), "rule %s {\n reason \"a\"\n weight 1\n"
	    " when packages > 1\n}\n", good_ids[_i]);
	rt_open(&t);
	ck_assert_msg(rt_load(&t, "r.rules", text) == 0, "%s", rt_diag(&t));
	ck_assert_str_eq(mt_rules_at(t.rs, 0)->id, good_ids[_i]);
	rt_close(&t);
}
END_TEST

/* --- errors, each with its exact message ----------------------------------- */

#define P "risk-score: r.rules:"
#define ID_RULES "(a letter or digit, then letters, digits, '_', '.', '-'; " \
	"at most 64)"
#define RULE(body) "rule A {\n" body "}\n"

static const struct {
	const char *what;
	const char *text;
	const char *diag;
	size_t errors, rules;
} bad[] = {
	/* statements */
	{ "unknown statement", "  rules A\n",
	  P "1:3: expected rule, list, parties or threshold, found 'rules'\n",
	  1, 0 },
	{ "keyword in upper case", "Threshold red 70\n",
	  P "1:1: expected rule, list, parties or threshold, found "
	  "'Threshold'\n", 1, 0 },
	{ "'}' alone", "threshold red 70\n  }  \n",
	  P "2:3: '}' with no block open\n", 1, 0 },
	{ "'}' and more", "} x\n",
	  P "1:1: expected rule, list, parties or threshold, found '}'\n",
	  1, 0 },
	/* thresholds */
	{ "threshold lane", "threshold green 10\n",
	  P "1:11: threshold: expected red or yellow, found 'green'\n", 1, 0 },
	{ "threshold 0", "threshold red 0\n",
	  P "1:15: threshold: 0 is not from 1 to 100\n", 1, 0 },
	{ "threshold 101", "threshold yellow 101\n",
	  P "1:18: threshold: 101 is not from 1 to 100\n", 1, 0 },
	{ "threshold not a number", "threshold red 7O\n",
	  P "1:15: threshold: expected a whole number from 1 to 100\n", 1, 0 },
	{ "threshold no value", "threshold red\n",
	  P "1:14: threshold: expected a whole number from 1 to 100\n", 1, 0 },
	{ "threshold then text", "threshold red 70 80\n",
	  P "1:18: unexpected text after the threshold\n", 1, 0 },
	/* rule lines */
	{ "rule without '{'", "rule A\n",
	  P "1: expected '{' after the rule id\n", 1, 0 },
	{ "rule id not valid", "rule -A {\n reason \"a\"\n weight 1\n"
	  " when packages > 1\n}\n",
	  P "1:6: '-A' is not a rule id " ID_RULES "\n", 1, 0 },
	{ "rule id '_' first", "rule _A {\n}\n",
	  P "1:6: '_A' is not a rule id " ID_RULES "\n", 1, 0 },
	{ "rule id with ';'", "rule A;B {\n}\n",
	  P "1:6: 'A;B' is not a rule id " ID_RULES "\n", 1, 0 },
	{ "rule id not ASCII", "rule Ä {\n}\n",
	  P "1:6: 'Ä' is not a rule id " ID_RULES "\n", 1, 0 },
	{ "rule id of 65", "rule "
	  "A2345678901234567890123456789012345678901234567890123456789012345"
	  " {\n}\n",
	  P "1:6: 'A2345678901234567890123456789012345678901234567890123456789"
	  "012345' is not a rule id " ID_RULES "\n", 1, 0 },
	/* attributes */
	{ "unknown attribute", RULE("  weigth 1\n"),
	  P "2:3: unknown attribute 'weigth' (reason, weight, category, from, "
	  "until, lane, when)\n", 1, 0 },
	{ "attribute twice", RULE(" reason \"a\"\n weight 1\n reason \"b\"\n"),
	  P "4:2: reason given twice in rule A (first on line 2)\n", 1, 0 },
	{ "attribute without value", RULE(" weight   \n"),
	  P "2:2: weight: no value\n", 1, 0 },
	{ "empty reason", RULE(" reason \"\"\n"),
	  P "2:2: the reason is empty\n", 1, 0 },
	{ "reason not quoted", RULE(" reason abc\n"),
	  P "2:9: expected the reason in double quotes\n", 1, 0 },
	{ "reason not closed", RULE(" reason \"abc\n"),
	  P "2:9: the reason: no closing '\"'\n", 1, 0 },
	{ "reason closed by an escaped quote", RULE(" reason \"abc\\\"\n"),
	  P "2:9: the reason: no closing '\"'\n", 1, 0 },
	{ "unknown escape", RULE(" reason \"a\\nb\"\n"),
	  P "2:11: unknown escape in the reason: write \\\\ for a backslash, "
	  "\\\" for a quote\n", 1, 0 },
	{ "text after the reason", RULE(" reason \"é\" x\n"),
	  P "2:13: unexpected text after the reason\n", 1, 0 },
	{ "weight 101", RULE(" weight 101\n"),
	  P "2:9: weight: 101 is not from -100 to 100\n", 1, 0 },
	{ "weight -101", RULE(" weight -101\n"),
	  P "2:9: weight: -101 is not from -100 to 100\n", 1, 0 },
	{ "weight 999999", RULE(" weight 999999\n"),
	  P "2:9: weight: 999999 is not from -100 to 100\n", 1, 0 },
	{ "weight 1.5", RULE(" weight 1.5\n"),
	  P "2:9: weight: expected a whole number from -100 to 100\n", 1, 0 },
	{ "weight +", RULE(" weight +\n"),
	  P "2:9: weight: expected a whole number from -100 to 100\n", 1, 0 },
	{ "weight --5", RULE(" weight --5\n"),
	  P "2:9: weight: expected a whole number from -100 to 100\n", 1, 0 },
	{ "weight 5kg", RULE(" weight 5kg\n"),
	  P "2:9: weight: expected a whole number from -100 to 100\n", 1, 0 },
	{ "weight 1e2", RULE(" weight 1e2\n"),
	  P "2:9: weight: expected a whole number from -100 to 100\n", 1, 0 },
	{ "weight then text", RULE(" weight 10 x\n"),
	  P "2:12: unexpected text after the weight\n", 1, 0 },
	{ "unknown category", RULE(" category drugs\n"),
	  P "2:11: unknown category 'drugs' (narcotics, tobacco, counterfeit, "
	  "weapons, wildlife, revenue, security, data-quality)\n", 1, 0 },
	{ "category in upper case", RULE(" category Narcotics\n"),
	  P "2:11: unknown category 'Narcotics' (narcotics, tobacco, "
	  "counterfeit, weapons, wildlife, revenue, security, data-quality)\n",
	  1, 0 },
	{ "lane green", RULE(" lane green\n"),
	  P "2:7: lane: expected red or yellow, found 'green'\n", 1, 0 },
	{ "lane in upper case", RULE(" lane RED\n"),
	  P "2:7: lane: expected red or yellow, found 'RED'\n", 1, 0 },
	{ "from not a date", RULE(" from 2026-02-29\n"),
	  P "2:7: from: expected a date YYYY-MM-DD, found '2026-02-29'\n",
	  1, 0 },
	{ "until not a date", RULE(" until 2026-1-1\n"),
	  P "2:8: until: expected a date YYYY-MM-DD, found '2026-1-1'\n",
	  1, 0 },
	{ "date then text", RULE(" until 2026-12-15 x\n"),
	  P "2:19: unexpected text after the date\n", 1, 0 },
	/* whole rules */
	{ "from after until", RULE(" reason \"a\"\n weight 1\n"
	  " from 2026-12-16\n until 2026-12-15\n when packages > 1\n"),
	  P "5: rule A: until is before from\n", 1, 0 },
	{ "no reason", RULE(" weight 1\n when packages > 1\n"),
	  P "1: rule A has no reason\n", 1, 0 },
	{ "no weight", RULE(" reason \"a\"\n when packages > 1\n"),
	  P "1: rule A has no weight\n", 1, 0 },
	{ "no when", RULE(" reason \"a\"\n weight 1\n"),
	  P "1: rule A has no when\n", 1, 0 },
	{ "when not last", RULE(" reason \"a\"\n when packages > 1\n"
	  " weight 1\n"),
	  P "1: rule A has no weight\n", 1, 0 },
	{ "empty when", RULE(" reason \"a\"\n weight 1\n when\n  \t\n"),
	  P "4: rule A: when has no expression\n", 1, 0 },
	{ "when of a comment", RULE(" reason \"a\"\n weight 1\n when\n"
	  "  # nothing yet\n"),
	  P "4: rule A: when has no expression\n", 1, 0 },
	/* lists */
	{ "list name not valid", "list 1x {\n a\n}\n",
	  P "1:6: '1x' is not a list name (a letter or _, then letters, "
	  "digits, _)\n", 1, 0 },
	{ "list without '{' or '='", "list L\n",
	  P "1: expected '= \"FILE\"' or '{' after the list name\n", 1, 0 },
	{ "list with a word", "list L x\n",
	  P "1:8: expected '= \"FILE\"' or '{' after the list name\n", 1, 0 },
	{ "list file not quoted", "list L = x\n",
	  P "1:10: expected the list file in double quotes\n", 1, 0 },
	{ "list file then text", "list L = \"a\" b\n",
	  P "1:14: unexpected text after the list file\n", 1, 0 },
	{ "list '{' then text", "list L { a\n b\n}\n",
	  P "1:10: unexpected text after '{'\n", 1, 0 },
	/* the end of the file inside a block */
	{ "rule not closed", "rule A {\n\treason \"a\"\n\tweight 1\n",
	  P "3: end of file inside rule A (line 1): no '}' line\n", 1, 0 },
	{ "when not closed", "rule A {\n\treason \"a\"\n\tweight 1\n"
	  "\twhen description ~ /x/\n\t  && packages > 1\n",
	  P "5: end of file inside rule A (line 1): no '}' line\n", 1, 0 },
	{ "list not closed", "list L {\n a\n",
	  P "2: end of file inside the list opened on line 1: no '}' line\n",
	  1, 0 },
	{ "bad list not closed", "list 1x {\n a\n",
	  P "1:6: '1x' is not a list name (a letter or _, then letters, "
	  "digits, _)\n"
	  P "2: end of file inside the list opened on line 1: no '}' line\n",
	  2, 0 },
};

START_TEST(load_errors)
{
	struct rt t;
	size_t errors;

	rt_open(&t);
	errors = rt_load(&t, "r.rules", bad[_i].text);
	ck_assert_msg(strcmp(rt_diag(&t), bad[_i].diag) == 0,
	    "%s: want\n%sgot\n%s", bad[_i].what, bad[_i].diag, rt_diag(&t));
	ck_assert_msg(errors == bad[_i].errors, "%s: %zu errors",
	    bad[_i].what, errors);
	ck_assert_uint_eq(mt_rules_errors(t.rs), bad[_i].errors);
	ck_assert_msg(mt_rules_count(t.rs) == bad[_i].rules, "%s: %zu rules",
	    bad[_i].what, mt_rules_count(t.rs));
	rt_close(&t);
}
END_TEST

/*
 * A block skipped after an error that reaches the end of the file is
 * still a block not closed: risk-rules(5) lists it among the errors, and
 * "one run reports all the errors it can find". The list statement
 * reports it ("bad list not closed" above); the rule statement should too.
 */
static const struct {
	const char *what;
	const char *text;
	const char *diag;
} unclosed_after_error[] = {
	{ "bad attribute", "rule A {\n\tweight x\n",
	  P "2:9: weight: expected a whole number from -100 to 100\n"
	  P "2: end of file inside rule A (line 1): no '}' line\n" },
	{ "bad id", "rule -A {\n\treason \"a\"\n",
	  P "1:6: '-A' is not a rule id " ID_RULES "\n"
	  P "2: end of file inside rule -A (line 1): no '}' line\n" },
};

START_TEST(load_unclosed_after_error)
{
	struct rt t;
	size_t errors, rules;
	char got[1024];

	rt_open(&t);
	errors = rt_load(&t, "r.rules", unclosed_after_error[_i].text);
	snprintf(got, sizeof(got), "%s", rt_diag(&t));
	rules = mt_rules_count(t.rs);
	rt_close(&t);
	ck_assert_msg(strcmp(got, unclosed_after_error[_i].diag) == 0,
	    "%s: want\n%sgot\n%s", unclosed_after_error[_i].what,
	    unclosed_after_error[_i].diag, got);
	ck_assert_uint_eq(errors, 2);
	ck_assert_uint_eq(rules, 0);
}
END_TEST

/* Several mistakes in one file: each reported, the good rules kept. */
START_TEST(load_recovers)
{
	static const char text[] =
	    "threshold red 0\n"				/* 1 */
	    "rule A {\n"				/* 2 */
	    "\treason \"a\"\n"				/* 3 */
	    "\tweight 200\n"				/* 4 */
	    "\twhen description ~ /x/\n"		/* 5 */
	    "}\n"					/* 6 */
	    "bogus\n"					/* 7 */
	    "rule B {\n"				/* 8 */
	    "\treason \"b\"\n"				/* 9 */
	    "\tlane blue\n"				/* 10 */
	    "\tweight 5\n"				/* 11 */
	    "\twhen description ~ /y/\n"		/* 12 */
	    "}\n"					/* 13 */
	    "list 9 {\n"				/* 14 */
	    "\tx\n"					/* 15 */
	    "}\n"					/* 16 */
	    "rule C {\n"				/* 17 */
	    "\treason \"c\"\n"				/* 18 */
	    "\tweight 5\n"				/* 19 */
	    "\twhen description ~ /z/\n"		/* 20 */
	    "}\n"					/* 21 */
	    "list L {\n"				/* 22 */
	    "\tx\n"					/* 23 */
	    "}\n";					/* 24 */
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", text), 5);
	ck_assert_str_eq(rt_diag(&t),
	    P "1:15: threshold: 0 is not from 1 to 100\n"
	    P "4:9: weight: 200 is not from -100 to 100\n"
	    P "7:1: expected rule, list, parties or threshold, found 'bogus'\n"
	    P "10:7: lane: expected red or yellow, found 'blue'\n"
	    P "14:6: '9' is not a list name (a letter or _, then letters, "
	    "digits, _)\n");
	ck_assert_uint_eq(mt_rules_count(t.rs), 1);
	ck_assert_str_eq(mt_rules_at(t.rs, 0)->id, "C");
	ck_assert_uint_eq(mt_rules_at(t.rs, 0)->line, 17);
	ck_assert_uint_eq(mt_lists_count(mt_rules_lists(t.rs)), 1);
	ck_assert_ptr_nonnull(list_named(&t, "L"));
	/* The bad threshold left the default. */
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_RED), 70);
	/* What loaded compiles; the count goes on from the load's. */
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	ck_assert_uint_eq(mt_rules_errors(t.rs), 5);
	rt_close(&t);
}
END_TEST

/* An error in one rule does not stop the next rule's errors. */
START_TEST(load_errors_in_each_rule)
{
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules",
	    "rule A {\n weight 1\n when packages > 1\n}\n"
	    "rule B {\n reason \"b\"\n when packages > 1\n}\n"
	    "rule A {\n reason \"a\"\n weight 1\n when packages > 1\n}\n"
	    "rule C {\n reason \"c\"\n weight 1\n when packages > 1\n}\n"), 2);
	/* A was refused: a second A is no duplicate. */
	ck_assert_str_eq(rt_diag(&t),
	    P "1: rule A has no reason\n"
	    P "5: rule B has no weight\n");
	ck_assert_uint_eq(mt_rules_count(t.rs), 2);
	ck_assert_str_eq(mt_rules_at(t.rs, 0)->id, "A");
	ck_assert_uint_eq(mt_rules_at(t.rs, 0)->line, 9);
	ck_assert_str_eq(mt_rules_at(t.rs, 1)->id, "C");
	rt_close(&t);
}
END_TEST

/* --- bytes: NUL, byte order mark, UTF-8 ----------------------------------- */

START_TEST(load_nul_byte)
{
	static const char text[] = "rule A {\n\treason \"a\"\n\tweight 1\n"
	    "\twhen description ~ /x/\n}\nrule B {\n\treason \"b\0\"\n";
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(mt_rules_load_text(t.rs, "r.rules", text,
	    sizeof(text) - 1), 1);
	ck_assert_str_eq(rt_diag(&t), P "7: NUL byte: not a rules file\n");
	/* The file is refused whole. */
	ck_assert_uint_eq(mt_rules_count(t.rs), 0);
	/* A NUL on the first line, or as the only byte. */
	ck_assert_uint_eq(mt_rules_load_text(t.rs, "n.rules", "\0", 1), 1);
	ck_assert_str_eq(rt_diag(&t), P "7: NUL byte: not a rules file\n"
	    "risk-score: n.rules:1: NUL byte: not a rules file\n");
	ck_assert_uint_eq(mt_rules_errors(t.rs), 2);
	rt_close(&t);
}
END_TEST

START_TEST(load_bom)
{
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules",
	    "\xef\xbb\xbfthreshold red 60\nrule A {\n reason \"a\"\n"
	    " weight 1\n when packages > 1\n}\n"), 0);
	ck_assert_str_eq(rt_diag(&t), "");
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_RED), 60);
	ck_assert_uint_eq(mt_rules_count(t.rs), 1);
	/* A mark and nothing else. */
	ck_assert_uint_eq(rt_load(&t, "e.rules", "\xef\xbb\xbf"), 0);
	/* Only at the start: elsewhere it is a character of the line. */
	ck_assert_uint_eq(rt_load(&t, "m.rules",
	    "threshold red 60\n\xef\xbb\xbfthreshold red 60\n"), 1);
	ck_assert_str_eq(rt_diag(&t), "risk-score: m.rules:2:1: expected "
	    "rule, list, parties or threshold, found '\xef\xbb\xbfthreshold'\n");
	rt_close(&t);
}
END_TEST

/*
 * The mark is ignored (risk-rules(5)): columns on the first line count
 * from the character after it, as in the same file without the mark.
 */
START_TEST(load_bom_columns)
{
	struct rt t;
	size_t errors;
	char got[1024];

	rt_open(&t);
	errors = rt_load(&t, "r.rules", "\xef\xbb\xbfthreshold red 0\n");
	snprintf(got, sizeof(got), "%s", rt_diag(&t));
	rt_close(&t);
	ck_assert_uint_eq(errors, 1);
	ck_assert_msg(strcmp(got, P "1:15: threshold: 0 is not from 1 to "
	    "100\n") == 0, "got %s", got);
}
END_TEST

static const char *const bad_utf8[] = {
	"\xff",			/* never in UTF-8 */
	"caf\xe9",		/* Latin-1 */
	"\xc3\x28",		/* a lead byte without its continuation */
	"\xc0\xaf",		/* overlong */
	"\xed\xa0\x80",		/* a surrogate */
	"\xe2\x84",		/* cut short at the end of the line */
};

START_TEST(load_invalid_utf8)
{
	char text[256];
	struct rt t;
	struct mt_rule *r;

	/* Between statements: the line is skipped, the rest is read. */
	snprintf(text, sizeof(text), "threshold red 60\nlist %s {\n"
	    "threshold yellow 20\n", bad_utf8[_i]);
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", text), 1);
	ck_assert_str_eq(rt_diag(&t),
	    P "2: the line is not valid UTF-8 (save the file as UTF-8)\n");
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_RED), 60);
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_YELLOW), 20);
	rt_close(&t);

	/* Inside a when: an empty line, so that the lines after hold. */
	snprintf(text, sizeof(text), "rule A {\n reason \"a\"\n weight 1\n"
	    " when description ~ /x/\n %s\n && packages > 1\n}\n",
	    bad_utf8[_i]);
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", text), 1);
	ck_assert_str_eq(rt_diag(&t),
	    P "5: the line is not valid UTF-8 (save the file as UTF-8)\n");
	ck_assert_uint_eq(mt_rules_count(t.rs), 1);
	r = mt_rules_at(t.rs, 0);
	ck_assert_str_eq(r->when, "description ~ /x/\n\n && packages > 1");
	rt_close(&t);

	/* The line of a reason: the rule has none. */
	snprintf(text, sizeof(text), "rule A {\n reason \"%s\"\n weight 1\n"
	    " when packages > 1\n}\n", bad_utf8[_i]);
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", text), 2);
	ck_assert_str_eq(rt_diag(&t),
	    P "2: the line is not valid UTF-8 (save the file as UTF-8)\n"
	    P "1: rule A has no reason\n");
	ck_assert_uint_eq(mt_rules_count(t.rs), 0);
	rt_close(&t);
}
END_TEST

/* --- thresholds ------------------------------------------------------------ */

START_TEST(thresholds)
{
	struct rt t;

	rt_open(&t);
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_YELLOW), 40);
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_RED), 70);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	rt_close(&t);

	/* Set; set again to the same value, in the file and in another. */
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "a.rules", "threshold red 60\n"
	    "threshold yellow 20\nthreshold red 60\n"), 0);
	ck_assert_uint_eq(rt_load(&t, "b.rules", "threshold yellow 20\n"), 0);
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_YELLOW), 20);
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_RED), 60);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	ck_assert_str_eq(rt_diag(&t), "");

	/* Another value: both places named, the first value kept. */
	ck_assert_uint_eq(rt_load(&t, "c.rules", "# c\n\n"
	    "threshold  yellow 25\n"), 1);
	ck_assert_str_eq(rt_diag(&t), "risk-score: c.rules:3:12: threshold "
	    "yellow set to 25, but to 20 at b.rules:1\n");
	ck_assert_int_eq(mt_rules_threshold(t.rs, MT_LANE_YELLOW), 20);
	rt_close(&t);

	/* Even the default value, once a file set another. */
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", "threshold red 80\n"
	    "threshold red 70\n"), 1);
	ck_assert_str_eq(rt_diag(&t), P "2:11: threshold red set to 70, but "
	    "to 80 at r.rules:1\n");
	rt_close(&t);
}
END_TEST

static const struct {
	const char *text;
	const char *diag;
} thr_order[] = {
	{ "threshold yellow 70\n",
	  P "1: threshold yellow (70) must be below threshold red (70)\n" },
	{ "threshold red 30\n",
	  P "1: threshold yellow (40) must be below threshold red (30)\n" },
	{ "# c\nthreshold red 40\n",
	  P "2: threshold yellow (40) must be below threshold red (40)\n" },
	{ "threshold red 50\nthreshold yellow 60\n",
	  P "2: threshold yellow (60) must be below threshold red (50)\n" },
	{ "threshold yellow 100\nthreshold red 100\n",
	  P "1: threshold yellow (100) must be below threshold red (100)\n" },
	/* Below is fine, by one point too. */
	{ "threshold red 10\nthreshold yellow 9\n", "" },
	{ "threshold red 100\nthreshold yellow 1\n", "" },
};

/* Yellow below red is checked when compiling, once all files are read. */
START_TEST(thresholds_order)
{
	struct rt t;
	size_t want = thr_order[_i].diag[0] != '\0';

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", thr_order[_i].text), 0);
	ck_assert_str_eq(rt_diag(&t), "");
	ck_assert_uint_eq(rt_compile(&t, TODAY), want);
	ck_assert_str_eq(rt_diag(&t), thr_order[_i].diag);
	ck_assert_uint_eq(mt_rules_errors(t.rs), want);
	rt_close(&t);
}
END_TEST

/* The order is for all files: a later file may fix it. */
START_TEST(thresholds_across_files)
{
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "a.rules", "threshold red 30\n"), 0);
	ck_assert_uint_eq(rt_load(&t, "b.rules", "threshold yellow 20\n"), 0);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	ck_assert_str_eq(rt_diag(&t), "");
	rt_close(&t);
}
END_TEST

/* --- lists ----------------------------------------------------------------- */

START_TEST(inline_lists)
{
	struct rt t;
	struct mt_list *l;

	rt_good(&t,
	    "list countries {   # source countries\n"
	    "   CO\n"
	    "\tPE\t\n"
	    "  # Colombia\n"
	    "\n"
	    "  BO   # Bolivia\n"
	    "  \"quoted\" \\x\n"
	    "  CO\n"
	    "}\n"
	    "list empty {\n"
	    "}\n"
	    "list Countries {\r\n"
	    " a b \r\n"
	    "}\r\n");
	ck_assert_uint_eq(mt_lists_count(mt_rules_lists(t.rs)), 3);
	l = list_named(&t, "countries");
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(mt_list_size(l), 4);
	assert_entry(l, 0, "CO");
	assert_entry(l, 1, "PE");
	/* An entry has no comment. */
	assert_entry(l, 2, "BO   # Bolivia");
	assert_entry(l, 3, "\"quoted\" \\x");
	ck_assert(mt_list_contains(l, "PE", 2));
	ck_assert(!mt_list_contains(l, "BO", 2));
	ck_assert(!mt_list_contains(l, "pe", 2));
	l = list_named(&t, "empty");
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(mt_list_size(l), 0);
	/* Case matters in names; CR LF ends are not part of entries. */
	l = list_named(&t, "Countries");
	ck_assert_ptr_nonnull(l);
	ck_assert_uint_eq(mt_list_size(l), 1);
	assert_entry(l, 0, "a b");
	rt_close(&t);
}
END_TEST

/* Party lists compare party-name keys, both ways; plain lists bytes. */
START_TEST(party_lists)
{
	struct rt t;
	struct mt_list *l;
	struct mt_rule *r;
	struct mt_str v[NHEADER];
	size_t i;

	rt_good(&t,
	    "parties watch {\n"
	    "  Acme Trading Co., Ltd.\n"
	    "}\n"
	    "parties rev {\n"
	    "  ACME TRADING\n"
	    "}\n"
	    "list plain {\n"
	    "  Acme Trading Co., Ltd.\n"
	    "}\n"
	    "rule W {\n reason \"w\"\n weight 1\n"
	    " when consignee_name in @watch\n}\n"
	    "rule R {\n reason \"r\"\n weight 1\n"
	    " when consignee_name in @rev\n}\n"
	    "rule P {\n reason \"p\"\n weight 1\n"
	    " when consignee_name in @plain\n}\n");
	l = list_named(&t, "watch");
	ck_assert(mt_list_contains(l, "ACME TRADING", 12));
	ck_assert(mt_list_contains(l, "acme trading, ltd.", 18));
	ck_assert(!mt_list_contains(l, "Acme Shipping", 13));
	l = list_named(&t, "rev");
	ck_assert(mt_list_contains(l, "Acme Trading Co., Ltd.", 22));
	l = list_named(&t, "plain");
	ck_assert(mt_list_contains(l, "Acme Trading Co., Ltd.", 22));
	ck_assert(!mt_list_contains(l, "ACME TRADING", 12));

	/* Through the compiled rules. */
	memset(v, 0, sizeof(v));
	for (i = 0; i < NHEADER; i++)
		v[i].p = "";
	v[H_CONSIGNEE].p = "ACME TRADING";
	v[H_CONSIGNEE].n = 12;
	r = mt_rules_at(t.rs, 0);
	ck_assert_int_eq(mt_expr_eval(r->expr, v, NHEADER), 1);
	r = mt_rules_at(t.rs, 2);
	ck_assert_int_eq(mt_expr_eval(r->expr, v, NHEADER), 0);
	v[H_CONSIGNEE].p = "Acme Trading Company Limited";
	v[H_CONSIGNEE].n = strlen(v[H_CONSIGNEE].p);
	r = mt_rules_at(t.rs, 1);
	ck_assert_int_eq(mt_expr_eval(r->expr, v, NHEADER), 1);
	rt_close(&t);
}
END_TEST

START_TEST(duplicate_lists)
{
	struct rt t;
	struct mt_list *l;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "a.rules",
	    "list L {\n a\n}\n"
	    "parties L {\n b\n}\n"
	    "list M {\n}\n"), 1);
	ck_assert_str_eq(rt_diag(&t), "risk-score: a.rules:4:9: list 'L' is "
	    "declared twice: first at a.rules:1\n");
	/* The second block was skipped, not read into the first list. */
	l = list_named(&t, "L");
	ck_assert_uint_eq(mt_list_size(l), 1);
	assert_entry(l, 0, "a");
	ck_assert_ptr_nonnull(list_named(&t, "M"));
	/* In another file. */
	ck_assert_uint_eq(rt_load(&t, "b.rules", "\nlist  M = \"x.txt\"\n"), 1);
	ck_assert_str_eq(rt_diag(&t) + strlen("risk-score: a.rules:4:9: list "
	    "'L' is declared twice: first at a.rules:1\n"),
	    "risk-score: b.rules:2:7: list 'M' is declared twice: first at "
	    "a.rules:7\n");
	ck_assert_uint_eq(mt_lists_count(mt_rules_lists(t.rs)), 2);
	rt_close(&t);
}
END_TEST

/* A temporary folder for list files, removed at the end. */
static char tmpdir[64];

static char *
tmp_path(const char *name)
{
	size_t n = strlen(tmpdir) + strlen(name) + 2;
	char *p = malloc(n);

	ck_assert_ptr_nonnull(p);
	snprintf(p, n, "%s/%s", tmpdir, name);
	return p;
}

static void
write_file(const char *name, const char *text, size_t n)
{
	char *path = tmp_path(name);
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(text, 1, n, fp), n);
	ck_assert_int_eq(fclose(fp), 0);
	free(path);
}

static void
tmp_setup(void)
{
	char *p;

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/check_rules.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	p = tmp_path("lists");
	ck_assert_int_eq(mkdir(p, 0700), 0);
	free(p);
}

static void
tmp_teardown(void)
{
	static const char *const files[] = {
		"lists/w.txt", "lists/bad.txt", "lists/nul.txt", "x.rules",
		"lists/y.rules",
		"crlf.rules", "lists",
	};
	size_t i;
	char *p;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		p = tmp_path(files[i]);
		(void)remove(p);
		free(p);
	}
	(void)rmdir(tmpdir);
}

static const char watch_txt[] =
    "# watch list\r\n"
    "  Acme Trading Co., Ltd.  \r\n"
    "\r\n"
    "\tBeta GmbH\r\n"
    "   # indented comment\n"
    "Gamma # not a comment\n"
    "last, no line end";

static const char bad_txt[] = "ok\n\xff\nlater\n";

static void
buf_puts(struct mt_buf *b, const char *s)
{
	mt_buf_add(b, s, strlen(s));
}

START_TEST(list_files)
{
	struct rt t;
	struct mt_buf text = { 0 };
	char *rules, *want, line[512];
	struct mt_list *l;

	write_file("lists/w.txt", watch_txt, sizeof(watch_txt) - 1);
	write_file("lists/bad.txt", bad_txt, sizeof(bad_txt) - 1);
	write_file("lists/nul.txt", "a\nb\0c\n", 6);
	rules = tmp_path("x.rules");
	/* Relative to the rules file's folder, or absolute. */
	buf_puts(&text, "list w = \"lists/w.txt\"\n");
	buf_puts(&text, "parties p = \"lists/w.txt\"  # keys\n");
	snprintf(line, sizeof(line), "list abs = \"%s/lists/w.txt\"\n", tmpdir);
	buf_puts(&text, line);
	buf_puts(&text, "list none = \"lists/none.txt\"\n");
	buf_puts(&text, "list bad = \"lists/bad.txt\"\n");
	buf_puts(&text, "list  nul  =  \"lists/nul.txt\"\n");
	buf_puts(&text, "list dir = \"lists\"\n");

	rt_open(&t);
	ck_assert_uint_eq(mt_rules_load_text(t.rs, rules, text.buf, text.len),
	    4);
	want = malloc(4096);
	snprintf(want, 4096,
	    "risk-score: %s:4:13: list file: %s/lists/none.txt: No such file "
	    "or directory\n"
	    "risk-score: %s:5:12: list file: %s/lists/bad.txt:2: entry is not "
	    "valid UTF-8\n"
	    "risk-score: %s:6:15: list file: %s/lists/nul.txt:2: NUL byte in "
	    "entry\n"
	    "risk-score: %s:7:12: list file: %s/lists: Is a directory\n",
	    rules, tmpdir, rules, tmpdir, rules, tmpdir, rules, tmpdir);
	ck_assert_str_eq(rt_diag(&t), want);

	l = list_named(&t, "w");
	ck_assert_uint_eq(mt_list_size(l), 4);
	assert_entry(l, 0, "Acme Trading Co., Ltd.");
	assert_entry(l, 1, "Beta GmbH");
	assert_entry(l, 2, "Gamma # not a comment");
	assert_entry(l, 3, "last, no line end");
	l = list_named(&t, "abs");
	ck_assert_uint_eq(mt_list_size(l), 4);
	l = list_named(&t, "p");
	ck_assert(mt_list_contains(l, "ACME TRADING", 12));
	ck_assert(mt_list_contains(l, "BETA", 4));
	ck_assert(!mt_list_contains(l, "Gamma", 5));
	/* The lists in error are declared, with what was read. */
	ck_assert_uint_eq(mt_list_size(list_named(&t, "none")), 0);
	ck_assert_uint_eq(mt_list_size(list_named(&t, "bad")), 1);
	rt_close(&t);
	free(want);
	free(rules);
	mt_buf_free(&text);
}
END_TEST

/* mt_rules_load: the file from disk, and files that cannot be read. */
START_TEST(load_from_file)
{
	static const char text[] = "list w = \"lists/w.txt\"\r\n"
	    "rule A {\r\n reason \"a\"\r\n weight 1\r\n"
	    " when consignee_name in @w\r\n}\r\n";
	struct rt t;
	char *rules, *missing, want[512];

	write_file("lists/w.txt", watch_txt, sizeof(watch_txt) - 1);
	write_file("crlf.rules", text, sizeof(text) - 1);
	rules = tmp_path("crlf.rules");
	missing = tmp_path("none.rules");
	rt_open(&t);
	ck_assert_uint_eq(mt_rules_load(t.rs, rules), 0);
	ck_assert_str_eq(rt_diag(&t), "");
	ck_assert_uint_eq(mt_rules_count(t.rs), 1);
	ck_assert_str_eq(mt_rules_at(t.rs, 0)->file, rules);
	ck_assert_str_eq(mt_rules_at(t.rs, 0)->when, "consignee_name in @w");
	ck_assert_uint_eq(mt_list_size(list_named(&t, "w")), 4);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);

	ck_assert_uint_eq(mt_rules_load(t.rs, missing), 1);
	snprintf(want, sizeof(want), "risk-score: %s: No such file or "
	    "directory\n", missing);
	ck_assert_str_eq(rt_diag(&t), want);
	ck_assert_uint_eq(mt_rules_load(t.rs, tmpdir), 1);
	snprintf(want + strlen(want), sizeof(want) - strlen(want),
	    "risk-score: %s: Is a directory\n", tmpdir);
	ck_assert_str_eq(rt_diag(&t), want);
	ck_assert_uint_eq(mt_rules_errors(t.rs), 2);
	ck_assert_uint_eq(mt_rules_count(t.rs), 1);
	rt_close(&t);
	free(rules);
	free(missing);
}
END_TEST

/* Rules named without a folder: list paths from the current directory. */
START_TEST(list_files_no_folder)
{
	struct rt t;
	char cwd[4096];

	write_file("lists/w.txt", watch_txt, sizeof(watch_txt) - 1);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(tmpdir), 0);
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "x.rules", "list w = \"lists/w.txt\"\n"
	    "list v = \"./lists/w.txt\"\n"), 0);
	ck_assert_uint_eq(mt_list_size(list_named(&t, "w")), 4);
	ck_assert_uint_eq(mt_list_size(list_named(&t, "v")), 4);
	ck_assert_uint_eq(rt_load(&t, "lists/y.rules", "list u = \"w.txt\"\n"
	    "list z = \"../lists/w.txt\"\n"), 0);
	ck_assert_uint_eq(mt_list_size(list_named(&t, "u")), 4);
	ck_assert_uint_eq(mt_list_size(list_named(&t, "z")), 4);
	ck_assert_str_eq(rt_diag(&t), "");
	rt_close(&t);
	ck_assert_int_eq(chdir(cwd), 0);
}
END_TEST

/* --- several files --------------------------------------------------------- */

START_TEST(duplicate_rule_ids)
{
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "a.rules", "# a\n"
	    "rule A {\n reason \"a\"\n weight 1\n when description ~ /x/\n}\n"),
	    0);
	ck_assert_uint_eq(rt_load(&t, "b.rules",
	    "rule B {\n reason \"b\"\n weight 2\n when description ~ /y/\n}\n"
	    "rule  A {\n reason \"again\"\n weight 3\n"
	    " when description ~ /z/\n}\n"
	    "rule C {\n reason \"c\"\n weight 4\n when description ~ /w/\n}\n"
	    "rule B {\n}\n"), 2);
	ck_assert_str_eq(rt_diag(&t),
	    "risk-score: b.rules:6:7: rule id A is used twice: first at "
	    "a.rules:2\n"
	    "risk-score: b.rules:16:6: rule id B is used twice: first at "
	    "b.rules:1\n");
	ck_assert_uint_eq(mt_rules_count(t.rs), 3);
	ck_assert_str_eq(mt_rules_at(t.rs, 0)->id, "A");
	ck_assert_str_eq(mt_rules_at(t.rs, 0)->reason, "a");
	ck_assert_str_eq(mt_rules_at(t.rs, 0)->file, "a.rules");
	ck_assert_str_eq(mt_rules_at(t.rs, 1)->id, "B");
	ck_assert_str_eq(mt_rules_at(t.rs, 1)->file, "b.rules");
	ck_assert_str_eq(mt_rules_at(t.rs, 2)->id, "C");
	ck_assert_uint_eq(mt_rules_at(t.rs, 2)->line, 11);
	/* Case matters. */
	ck_assert_uint_eq(rt_load(&t, "c.rules",
	    "rule a {\n reason \"a\"\n weight 1\n when description ~ /x/\n}\n"),
	    0);
	ck_assert_uint_eq(mt_rules_count(t.rs), 4);
	ck_assert_uint_eq(mt_rules_errors(t.rs), 2);
	rt_close(&t);
}
END_TEST

/* --- compiling ------------------------------------------------------------- */

START_TEST(compile_absent_fields)
{
	struct rt t;

	rt_good(&t,
	    "rule A {\n reason \"a\"\n weight 1\n"
	    " when seal_no == \"x\" || description ~ /x/\n}\n"
	    "rule B {\n reason \"b\"\n weight 1\n when extra == \"1\"\n}\n"
	    "rule C {\n reason \"c\"\n weight 1\n when description ~ /y/\n}\n"
	    "rule D {\n reason \"d\"\n weight 1\n"
	    " when 1 > 2 && seal_no == \"x\" || packages > 1\n}\n");
	ck_assert(mt_rules_at(t.rs, 0)->absent);
	ck_assert(!mt_rules_at(t.rs, 1)->absent);
	ck_assert(!mt_rules_at(t.rs, 2)->absent);
	/* A branch folded away reads nothing. */
	ck_assert(!mt_rules_at(t.rs, 3)->absent);

	/* Compiled again against a header that has it. */
	{
		static const struct mt_str h2[] = {
			{ "seal_no", 7 }, { "description", 11 },
			{ "extra", 5 }, { "packages", 8 },
		};

		ck_assert_uint_eq(mt_rules_compile(t.rs, h2, 4, TODAY, NULL),
		    0);
		ck_assert(!mt_rules_at(t.rs, 0)->absent);
	}
	/* And against one without the extra field: an error. */
	{
		static const struct mt_str h3[] = { { "description", 11 } };

		ck_assert_uint_eq(mt_rules_compile(t.rs, h3, 1, TODAY, NULL),
		    1);
		static const char want[] = "risk-score: r.rules:9:7: "
		    "unknown field 'extra'";

		ck_assert_msg(strncmp(rt_diag(&t), want, strlen(want)) == 0,
		    "%s", rt_diag(&t));
		ck_assert_ptr_null(mt_rules_at(t.rs, 1)->expr);
		ck_assert(mt_rules_at(t.rs, 0)->absent);
	}
	rt_close(&t);
}
END_TEST

static const char *const written[] = { "score", "lane", "hits", "reasons" };

/* What risk-score writes cannot be read, even from a header that has it. */
START_TEST(compile_written_fields)
{
	static const struct mt_str h[] = {
		{ "description", 11 }, { "score", 5 }, { "lane", 4 },
		{ "hits", 4 }, { "reasons", 7 },
	};
	char text[256], want[256];
	struct rt t;

	snprintf(text, sizeof(text), "rule A {\n reason \"a\"\n weight 1\n"
	    " when  description ~ /x/ &&\n   %s == \"1\"\n}\n"
	    "rule B {\n reason \"b\"\n weight 1\n when description ~ /y/\n}\n",
	    written[_i]);
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", text), 0);
	ck_assert_uint_eq(mt_rules_compile(t.rs, h, 5, TODAY, NULL), 1);
	snprintf(want, sizeof(want), P "4:8: rule A reads %s, which "
	    "risk-score writes\n", written[_i]);
	ck_assert_str_eq(rt_diag(&t), want);
	ck_assert_ptr_null(mt_rules_at(t.rs, 0)->expr);
	ck_assert_ptr_nonnull(mt_rules_at(t.rs, 1)->expr);
	rt_close(&t);

	/* A header without it: an unknown field, like any other. */
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", text), 0);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 1);
	snprintf(want, sizeof(want), P "5:4: unknown field '%s'", written[_i]);
	ck_assert_msg(strncmp(rt_diag(&t), want, strlen(want)) == 0, "%s",
	    rt_diag(&t));
	rt_close(&t);
}
END_TEST

/*
 * Errors in a when: at the line and column of the file, over comment
 * lines, with the caret display of manifest-expr(7).
 */
START_TEST(compile_error_positions)
{
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules",
	    "rule A {\n"				/* 1 */
	    " reason \"a\"\n"				/* 2 */
	    " weight 1\n"				/* 3 */
	    " when description ~ /x/\n"			/* 4 */
	    " # a comment\n"				/* 5 */
	    "   && nosuch > 1\n"			/* 6 */
	    "}\n"
	    "rule B {\n"				/* 8 */
	    " reason \"b\"\n"
	    " weight 1\n"
	    "\twhen\té ~ /x/\n"				/* 11 */
	    "}\n"
	    "rule C {\n"				/* 13 */
	    " reason \"c\"\n"
	    " weight 1\n"
	    " when description ~ /x/\n"			/* 16 */
	    " lane red\n"				/* 17 */
	    "}\n"
	    "rule D {\n"				/* 19 */
	    " reason \"d\"\n"
	    " weight 1\n"
	    " when packages >\n"			/* 22 */
	    "}\n"), 0);
	ck_assert_uint_eq(mt_rules_count(t.rs), 4);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 4);
	ck_assert_msg(strstr(rt_diag(&t), "risk-score: r.rules:6:7: unknown "
	    "field 'nosuch'") == rt_diag(&t), "%s", rt_diag(&t));
	ck_assert_msg(strstr(rt_diag(&t), "\n     && nosuch > 1\n        ^\n") !=
	    NULL, "%s", rt_diag(&t));
	/* After a tab and a character of two bytes. */
	ck_assert_msg(strstr(rt_diag(&t), "risk-score: r.rules:11:7: ") !=
	    NULL, "%s", rt_diag(&t));
	/* An attribute after when is part of the expression. */
	ck_assert_msg(strstr(rt_diag(&t), "risk-score: r.rules:17:") != NULL,
	    "%s", rt_diag(&t));
	ck_assert_msg(strstr(rt_diag(&t), "risk-score: r.rules:22:17: "
	    "expected a value, found end of expression\n  packages >\n"
	    "            ^\n") != NULL, "%s", rt_diag(&t));
	rt_close(&t);
}
END_TEST

/* Lists are found by name at compile time, whatever file declares them. */
START_TEST(compile_lists_from_later_files)
{
	struct rt t;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "a.rules", "rule A {\n reason \"a\"\n"
	    " weight 1\n when description in @later\n}\n"), 0);
	ck_assert_uint_eq(rt_load(&t, "b.rules", "list later {\n x\n}\n"), 0);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	ck_assert_str_eq(rt_diag(&t), "");
	rt_close(&t);

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "a.rules", "rule A {\n reason \"a\"\n"
	    " weight 1\n when description in @Later\n}\n"
	    "list later {\n x\n}\n"), 0);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 1);
	ck_assert_msg(strncmp(rt_diag(&t), "risk-score: a.rules:4:",
	    22) == 0, "%s", rt_diag(&t));
	rt_close(&t);
}
END_TEST

/* --- validity windows ------------------------------------------------------ */

static const struct {
	const char *window;	/* from/until lines */
	const char *today;
	bool in_force;
} windows[] = {
	{ "", "2026-11-23", true },
	{ "", "1970-01-01", true },
	{ " from 2026-11-16\n", "2026-11-15", false },
	{ " from 2026-11-16\n", "2026-11-16", true },
	{ " from 2026-11-16\n", "9999-12-31", true },
	{ " until 2026-12-15\n", "2026-12-15", true },
	{ " until 2026-12-15\n", "2026-12-16", false },
	{ " until 2026-12-15\n", "0001-01-01", true },
	{ " from 2026-11-16\n until 2026-12-15\n", "2026-11-15", false },
	{ " from 2026-11-16\n until 2026-12-15\n", "2026-11-16", true },
	{ " from 2026-11-16\n until 2026-12-15\n", "2026-12-15", true },
	{ " from 2026-11-16\n until 2026-12-15\n", "2026-12-16", false },
	{ " until 2026-11-23\n from 2026-11-23\n", "2026-11-23", true },
	{ " until 2026-11-23\n from 2026-11-23\n", "2026-11-22", false },
	{ " until 2026-11-23\n from 2026-11-23\n", "2026-11-24", false },
	{ " from 2024-02-29\n until 2024-02-29\n", "2024-02-29", true },
	{ " from 2024-02-29\n until 2024-02-29\n", "2024-03-01", false },
	{ " from 2024-02-29\n until 2024-02-29\n", "2024-02-28", false },
	{ " from 2025-12-31\n until 2026-01-01\n", "2026-01-01", true },
	{ " from 2025-12-31\n until 2026-01-01\n", "2026-01-02", false },
};

START_TEST(in_force)
{
	char text[256];
	struct rt t;

	snprintf(text, sizeof(text), "rule A {\n reason \"a\"\n weight 1\n%s"
	    " when packages > 1\n}\n", windows[_i].window);
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", text), 0);
	ck_assert_uint_eq(rt_compile(&t, windows[_i].today), 0);
	ck_assert_msg(mt_rule_in_force(t.rs, mt_rules_at(t.rs, 0)) ==
	    windows[_i].in_force, "%s on %s", windows[_i].window,
	    windows[_i].today);
	/* Compiled again for another day. */
	ck_assert_uint_eq(rt_compile(&t, "2026-11-16"), 0);
	ck_assert_uint_eq(rt_compile(&t, windows[_i].today), 0);
	ck_assert(mt_rule_in_force(t.rs, mt_rules_at(t.rs, 0)) ==
	    windows[_i].in_force);
	rt_close(&t);
}
END_TEST

/* No day, or one that is not a date: the current date. */
START_TEST(in_force_today)
{
	static const char *const days[] = { NULL, "", "2026-02-30", "today",
	    "2026-11-23x" };
	char text[256], now[16];
	time_t clock = time(NULL);
	struct tm tm;
	struct rt t;
	size_t i;

	localtime_r(&clock, &tm);
	strftime(now, sizeof(now), "%Y-%m-%d", &tm);
	snprintf(text, sizeof(text), "rule A {\n reason \"a\"\n weight 1\n"
	    " from %s\n until %s\n when packages > 1\n}\n"
	    "rule B {\n reason \"b\"\n weight 1\n until 2000-01-01\n"
	    " when today() == \"%s\"\n}\n", now, now, now);
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", text), 0);
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		struct mt_str v = { "", 0 };

		ck_assert_uint_eq(rt_compile(&t, days[i]), 0);
		/* Unless the test runs across midnight. */
		ck_assert(mt_rule_in_force(t.rs, mt_rules_at(t.rs, 0)));
		ck_assert(!mt_rule_in_force(t.rs, mt_rules_at(t.rs, 1)));
		/* today() is the same day. */
		ck_assert_int_eq(mt_expr_eval(mt_rules_at(t.rs, 1)->expr, &v,
		    1), 1);
	}
	rt_close(&t);
}
END_TEST

/* --- lint ------------------------------------------------------------------ */

static const char lint_rules[] =
    "list plain {\n"					/* 1 */
    "\tX\n"						/* 2 */
    "}\n"						/* 3 */
    "parties watch {\n"					/* 4 */
    "\tX\n"						/* 5 */
    "}\n"						/* 6 */
    "rule OLD {\n"					/* 7 */
    "\treason \"o\"\n"					/* 8 */
    "\tweight 1\n"					/* 9 */
    "\tuntil 2026-11-22\n"				/* 10 */
    "\twhen description ~ /x/\n"			/* 11 */
    "}\n"						/* 12 */
    "rule NEW {\n"					/* 13 */
    "\treason \"n\"\n"					/* 14 */
    "\tweight 1\n"					/* 15 */
    "\tfrom 2026-11-24\n"				/* 16 */
    "\twhen description ~ /x/\n"			/* 17 */
    "}\n"						/* 18 */
    "rule EDGE {\n"					/* 19 */
    "\treason \"e\"\n"					/* 20 */
    "\tweight 1\n"					/* 21 */
    "\tfrom 2026-11-23\n"				/* 22 */
    "\tuntil 2026-11-23\n"				/* 23 */
    "\twhen description ~ /x/\n"			/* 24 */
    "}\n"						/* 25 */
    "rule ABS {\n"					/* 26 */
    "\treason \"a\"\n"					/* 27 */
    "\tweight 1\n"					/* 28 */
    "\twhen seal_no == \"1\" && container_no == \"2\"\n"	/* 29 */
    "}\n"						/* 30 */
    "rule PLAIN {\n"					/* 31 */
    "\treason \"p\"\n"					/* 32 */
    "\tweight 1\n"					/* 33 */
    "\twhen description ~ /x/\n"			/* 34 */
    "\t# which list?\n"					/* 35 */
    "\t  || consignee_name in @plain\n"			/* 36 */
    "}\n"						/* 37 */
    "rule FINE {\n"					/* 38 */
    "\treason \"f\"\n"					/* 39 */
    "\tweight 1\n"					/* 40 */
    "\twhen shipper_name in @watch || consignee_name in @watch\n"	/* 41 */
    "\t  || description in @plain || lower(shipper_name) in @plain\n"
    "\t  || shipper_name in (\"X\", \"Y\")\n"		/* 43 */
    "}\n"						/* 44 */
    "rule OLDPLAIN {\n"					/* 45 */
    "\treason \"op\"\n"					/* 46 */
    "\tweight 1\n"					/* 47 */
    "\tuntil 2025-01-01\n"				/* 48 */
    "\twhen shipper_name in @plain\n"			/* 49 */
    "}\n";						/* 50 */

START_TEST(lint)
{
	static const char want[] =
	    "risk-score: warning: r.rules:7: rule OLD expired on 2026-11-22: "
	    "it is skipped\n"
	    "risk-score: warning: r.rules:13: rule NEW is not valid before "
	    "2026-11-24: it is skipped until then\n"
	    "risk-score: warning: r.rules:26: rule ABS reads container_no, "
	    "which the input does not have: it is always empty\n"
	    "risk-score: warning: r.rules:36: rule PLAIN compares "
	    "consignee_name with @plain, a plain list: names are compared "
	    "exactly; declare it with 'parties' to compare party-name keys\n"
	    "risk-score: warning: r.rules:45: rule OLDPLAIN expired on "
	    "2025-01-01: it is skipped\n"
	    "risk-score: warning: r.rules:49: rule OLDPLAIN compares "
	    "shipper_name with @plain, a plain list: names are compared "
	    "exactly; declare it with 'parties' to compare party-name keys\n";
	struct rt t;

	rt_good(&t, lint_rules);
	ck_assert_uint_eq(mt_rules_lint(t.rs), 6);
	ck_assert_str_eq(rt_diag(&t), want);
	/* Warnings are no errors. */
	ck_assert_uint_eq(mt_rules_errors(t.rs), 0);
	rt_close(&t);
}
END_TEST

/*
 * A rule that failed to compile is still linted for its window, under the
 * name of its file.
 */
START_TEST(lint_after_compile_error)
{
	struct rt t;
	size_t before;

	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "x/o.rules", "list plain {\n}\n"
	    "rule A {\n reason \"a\"\n weight 1\n until 2026-01-01\n"
	    " when nosuch in @plain || shipper_name in @plain\n}\n"), 0);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 1);
	before = strlen(rt_diag(&t));
	ck_assert_uint_eq(mt_rules_lint(t.rs), 1);
	ck_assert_str_eq(rt_diag(&t) + before, "risk-score: warning: "
	    "x/o.rules:3: rule A expired on 2026-01-01: it is skipped\n");
	ck_assert_uint_eq(mt_rules_errors(t.rs), 1);
	rt_close(&t);
}
END_TEST

/* Dates in the warnings, from the first year to the last. */
static const struct {
	const char *attr, *date, *warning;
} lint_dates[] = {
	{ "until", "0000-01-01", "expired on 0000-01-01: it is skipped" },
	{ "until", "0000-02-29", "expired on 0000-02-29: it is skipped" },
	{ "until", "0001-01-01", "expired on 0001-01-01: it is skipped" },
	{ "until", "1600-02-29", "expired on 1600-02-29: it is skipped" },
	{ "until", "1969-12-31", "expired on 1969-12-31: it is skipped" },
	{ "until", "1970-01-01", "expired on 1970-01-01: it is skipped" },
	{ "until", "2024-02-29", "expired on 2024-02-29: it is skipped" },
	{ "from", "2026-11-24", "is not valid before 2026-11-24: it is "
	  "skipped until then" },
	{ "from", "2100-03-01", "is not valid before 2100-03-01: it is "
	  "skipped until then" },
	{ "from", "9999-12-31", "is not valid before 9999-12-31: it is "
	  "skipped until then" },
};

START_TEST(lint_window_dates)
{
	char text[256], want[256];
	struct rt t;

	snprintf(text, sizeof(text), "rule A {\n reason \"a\"\n weight 1\n"
	    " %s %s\n when description ~ /x/\n}\n", lint_dates[_i].attr,
	    lint_dates[_i].date);
	snprintf(want, sizeof(want), "risk-score: warning: r.rules:1: rule A "
	    "%s\n", lint_dates[_i].warning);
	rt_good(&t, text);
	ck_assert_uint_eq(mt_rules_lint(t.rs), 1);
	ck_assert_str_eq(rt_diag(&t), want);
	rt_close(&t);
}
END_TEST

/* --- dates ----------------------------------------------------------------- */

static const struct {
	const char *s;
	bool valid;
} dates[] = {
	{ "2026-11-23", true }, { "2024-02-29", true }, { "2000-02-29", true },
	{ "0001-01-01", true }, { "9999-12-31", true }, { "1970-01-01", true },
	{ "2026-02-29", false }, { "1900-02-29", false },
	{ "2026-13-01", false }, { "2026-00-10", false },
	{ "2026-01-00", false }, { "2026-04-31", false },
	{ "2026-01-32", false }, { "2026-1-01", false }, { "2026-01-1", false },
	{ "20260101", false }, { "2026-01-01 ", false }, { " 2026-01-01", false },
	{ "2026/01/01", false }, { "", false }, { "2026-01-01T00", false },
	{ "+026-01-01", false }, { "-026-01-01", false }, { "2026-0a-01", false },
	{ "2026-01-01\n", false }, { "２026-01-01", false },
};

START_TEST(valid_dates)
{
	ck_assert_msg(mt_rules_valid_date(dates[_i].s) == dates[_i].valid,
	    "'%s'", dates[_i].s);
}
END_TEST

/* --- odds and ends --------------------------------------------------------- */

START_TEST(empty_and_free)
{
	struct rt t;

	mt_rules_free(NULL);
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", ""), 0);
	ck_assert_uint_eq(rt_load(&t, "s.rules", "\n\n  \t\n# only\n"), 0);
	ck_assert_uint_eq(mt_rules_count(t.rs), 0);
	ck_assert_uint_eq(mt_lists_count(mt_rules_lists(t.rs)), 0);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	ck_assert_uint_eq(mt_rules_lint(t.rs), 0);
	ck_assert_str_eq(rt_diag(&t), "");
	rt_close(&t);
	/* Freed without compiling, with lists and rules. */
	rt_open(&t);
	ck_assert_uint_eq(rt_load(&t, "r.rules", lint_rules), 0);
	rt_close(&t);
}
END_TEST

/* Many rules: the array grows, the rules keep their order. */
START_TEST(many_rules)
{
	struct mt_buf b = { 0 };
	char line[256];
	struct rt t;
	int i;

	for (i = 0; i < 300; i++) {
		snprintf(line, sizeof(line), "rule R%d {\n reason \"r %d\"\n"
		    " weight %d\n when description ~ /w%d/\n}\n", i, i,
		    i % 201 - 100, i);
		mt_buf_add(&b, line, strlen(line));
	}
	rt_open(&t);
	ck_assert_uint_eq(mt_rules_load_text(t.rs, "r.rules", b.buf, b.len),
	    0);
	ck_assert_uint_eq(mt_rules_count(t.rs), 300);
	ck_assert_uint_eq(rt_compile(&t, TODAY), 0);
	for (i = 0; i < 300; i++) {
		struct mt_rule *r = mt_rules_at(t.rs, (size_t)i);

		snprintf(line, sizeof(line), "R%d", i);
		ck_assert_str_eq(r->id, line);
		ck_assert_int_eq(r->weight, i % 201 - 100);
		ck_assert_uint_eq(r->line, (unsigned long)i * 5 + 1);
		ck_assert_uint_eq(r->when_line, (unsigned long)i * 5 + 4);
	}
	rt_close(&t);
	mt_buf_free(&b);
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_test(tc, parse_every_field);
	tcase_add_test(tc, parse_crlf);
	tcase_add_test(tc, parse_last_line_without_lf);
	tcase_add_loop_test(tc, parse_weights, 0,
	    sizeof(weights) / sizeof(weights[0]));
	tcase_add_loop_test(tc, parse_categories, 0, MT_RULE_NCATEGORIES);
	tcase_add_test(tc, names_in_order);
	tcase_add_loop_test(tc, parse_good_ids, 0,
	    sizeof(good_ids) / sizeof(good_ids[0]));
	tcase_add_test(tc, empty_and_free);
	tcase_add_test(tc, many_rules);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_loop_test(tc, load_errors, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_loop_test(tc, load_unclosed_after_error, 0,
	    sizeof(unclosed_after_error) / sizeof(unclosed_after_error[0]));
	tcase_add_test(tc, load_recovers);
	tcase_add_test(tc, load_errors_in_each_rule);
	tcase_add_test(tc, load_nul_byte);
	tcase_add_test(tc, load_bom);
	tcase_add_test(tc, load_bom_columns);
	tcase_add_loop_test(tc, load_invalid_utf8, 0,
	    sizeof(bad_utf8) / sizeof(bad_utf8[0]));
	suite_add_tcase(s, tc);

	tc = tcase_create("thresholds");
	tcase_add_test(tc, thresholds);
	tcase_add_loop_test(tc, thresholds_order, 0,
	    sizeof(thr_order) / sizeof(thr_order[0]));
	tcase_add_test(tc, thresholds_across_files);
	suite_add_tcase(s, tc);

	tc = tcase_create("lists");
	tcase_add_checked_fixture(tc, tmp_setup, tmp_teardown);
	tcase_add_test(tc, inline_lists);
	tcase_add_test(tc, party_lists);
	tcase_add_test(tc, duplicate_lists);
	tcase_add_test(tc, list_files);
	tcase_add_test(tc, load_from_file);
	tcase_add_test(tc, list_files_no_folder);
	suite_add_tcase(s, tc);

	tc = tcase_create("files");
	tcase_add_test(tc, duplicate_rule_ids);
	suite_add_tcase(s, tc);

	tc = tcase_create("compile");
	tcase_add_test(tc, compile_absent_fields);
	tcase_add_loop_test(tc, compile_written_fields, 0,
	    sizeof(written) / sizeof(written[0]));
	tcase_add_test(tc, compile_error_positions);
	tcase_add_test(tc, compile_lists_from_later_files);
	tcase_add_loop_test(tc, in_force, 0,
	    sizeof(windows) / sizeof(windows[0]));
	tcase_add_test(tc, in_force_today);
	tcase_add_test(tc, lint);
	tcase_add_test(tc, lint_after_compile_error);
	tcase_add_loop_test(tc, lint_window_dates, 0,
	    sizeof(lint_dates) / sizeof(lint_dates[0]));
	tcase_add_loop_test(tc, valid_dates, 0,
	    sizeof(dates) / sizeof(dates[0]));
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	mt_set_progname("risk-score");
	sr = srunner_create(rules_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
