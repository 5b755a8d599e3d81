/*
 * Unit tests of mt_score: the score, its bounds and the lanes; forced
 * lanes; the hits and reasons fields byte for byte; validity windows;
 * the counters; a regular expression at its limit; and, above all, that
 * the prefilter never changes a result: random rule sets scored over
 * random records with and without it must agree on everything.
 */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_expr.h"
#include "mt_rules.h"
#include "mt_rx.h"
#include "mt_rxlit.h"
#include "mt_score.h"
#include "mt_util.h"

/* The header of the records scored; seal_no and others are absent. */
static const struct mt_str header[] = {
	{ "description", 11 }, { "consignee_name", 14 }, { "marks", 5 },
	{ "packages", 8 }, { "gross_weight_kg", 15 }, { "transit_places", 14 },
};
enum { F_DESC, F_CONS, F_MARKS, F_PKGS, F_WEIGHT, F_TRANSIT, NF };

#define TODAY	"2026-11-23"

/* A rule set and its scorer; diagnostics in memory. */
struct fx {
	struct mt_rules *rs;
	struct mt_score *s;
	FILE *fp;
	char *diag;
	size_t ndiag;
};

/* Rules of one or more files, compiled for today; no message allowed. */
static void
fx_open_files(struct fx *f, const char *const *texts, size_t n,
    const char *today, bool prefilter)
{
	char name[32];
	size_t i, errors = 0;

	memset(f, 0, sizeof(*f));
	f->fp = open_memstream(&f->diag, &f->ndiag);
	ck_assert_ptr_nonnull(f->fp);
	f->rs = mt_rules_new(f->fp);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), i == 0 ? "r.rules" : "r%zu.rules",
		    i + 1);
		errors += mt_rules_load_text(f->rs, name, texts[i],
		    strlen(texts[i]));
	}
	errors += mt_rules_compile(f->rs, header, NF, today, NULL);
	fflush(f->fp);
	ck_assert_msg(errors == 0 && f->ndiag == 0, "%s", f->diag);
	f->s = mt_score_new(f->rs, prefilter);
	ck_assert_ptr_nonnull(f->s);
}

static void
fx_open(struct fx *f, const char *text, bool prefilter)
{
	fx_open_files(f, &text, 1, TODAY, prefilter);
}

static void
fx_close(struct fx *f)
{
	mt_score_free(f->s);
	mt_rules_free(f->rs);
	fclose(f->fp);
	free(f->diag);
}

/* A record: values by field, NULL for empty. */
struct rec {
	const char *v[NF];
};

static int
score(struct fx *f, const struct rec *r, size_t n,
    struct mt_score_result *res)
{
	struct mt_str v[NF];
	size_t i;

	for (i = 0; i < NF; i++) {
		v[i].p = r->v[i] != NULL ? r->v[i] : "";
		v[i].n = strlen(v[i].p);
	}
	return mt_score_record(f->s, v, n, res);
}

/* A counted string as a C string, in one of a few static buffers. */
static const char *
cstr(struct mt_str s)
{
	static char buf[4][1 << 17];
	static int k;

	k = (k + 1) % 4;
	ck_assert_ptr_nonnull(s.p);
	snprintf(buf[k], sizeof(buf[k]), "%.*s", (int)s.n, s.p);
	ck_assert_uint_eq(strlen(buf[k]), s.n);
	return buf[k];
}

/* --- the score and the lanes ----------------------------------------------- */

#define MARKS_RULE(id, w) "rule " id " {\n reason \"" id "\"\n weight " w \
	"\n when contains(marks, \"<" id ">\")\n}\n"

/* J first: the sum is bounded once, at the end, not on the way. */
static const char sum_rules[] =
    MARKS_RULE("J", "-100") MARKS_RULE("A", "15") MARKS_RULE("B", "10")
    MARKS_RULE("C", "50") MARKS_RULE("D", "-20") MARKS_RULE("E", "40")
    MARKS_RULE("F", "35") MARKS_RULE("G", "30") MARKS_RULE("H", "39")
    MARKS_RULE("I", "69") MARKS_RULE("Z", "0");

static const struct {
	const char *marks;
	int score;
	enum mt_lane lane;
	const char *hits;
} sums[] = {
	{ "", 0, MT_LANE_GREEN, "" },
	/* the examples of risk-rules(5) */
	{ "<A><B><C>", 75, MT_LANE_RED, "A,B,C" },
	{ "<A><B><C><D>", 55, MT_LANE_YELLOW, "A,B,C,D" },
	{ "<C><E><F><G>", 100, MT_LANE_RED, "C,E,F,G" },
	{ "<D>", 0, MT_LANE_GREEN, "D" },
	/* bounds of the total, not of each step */
	{ "<J><C>", 0, MT_LANE_GREEN, "J,C" },
	{ "<J><C><E><G>", 20, MT_LANE_GREEN, "J,C,E,G" },
	{ "<C><E><F><G><D>", 100, MT_LANE_RED, "C,D,E,F,G" },
	{ "<G><A><J>", 0, MT_LANE_GREEN, "J,A,G" },
	{ "<J><C><E><G><F><A><B>", 80, MT_LANE_RED, "J,A,B,C,E,F,G" },
	{ "<I><A><B><C><E><F><G><H>", 100, MT_LANE_RED, "A,B,C,E,F,G,H,I" },
	/* the thresholds themselves */
	{ "<H>", 39, MT_LANE_GREEN, "H" },
	{ "<E>", 40, MT_LANE_YELLOW, "E" },
	{ "<I>", 69, MT_LANE_YELLOW, "I" },
	{ "<E><G>", 70, MT_LANE_RED, "E,G" },
	/* a rule of weight 0 hits all the same; a rule hits once */
	{ "<Z>", 0, MT_LANE_GREEN, "Z" },
	{ "<C><C><C>", 50, MT_LANE_YELLOW, "C" },
};

START_TEST(score_sums)
{
	struct fx f;
	struct mt_score_result res;
	struct rec r = { { NULL } };

	fx_open(&f, sum_rules, _i % 2 == 0);
	r.v[F_MARKS] = sums[_i].marks;
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_int_eq(res.score, sums[_i].score);
	ck_assert_str_eq(mt_lane_names[res.lane], mt_lane_names[sums[_i].lane]);
	ck_assert_str_eq(cstr(res.hits), sums[_i].hits);
	fx_close(&f);
}
END_TEST

static const struct {
	const char *marks;
	int score;
	enum mt_lane lane;
} edges[] = {
	{ "", 0, MT_LANE_GREEN },
	{ "<Z>", 0, MT_LANE_GREEN },
	{ "<P1>", 1, MT_LANE_YELLOW },
	{ "<P99>", 99, MT_LANE_YELLOW },
	{ "<P100>", 100, MT_LANE_RED },
	{ "<P1><P99>", 100, MT_LANE_RED },
	{ "<P1><P99><M1>", 99, MT_LANE_YELLOW },
	{ "<P1><M1>", 0, MT_LANE_GREEN },
};

/* Thresholds at the ends of their range. */
START_TEST(score_threshold_edges)
{
	struct fx f;
	struct mt_score_result res;
	struct rec r = { { NULL } };

	fx_open(&f, "threshold yellow 1\nthreshold red 100\n"
	    MARKS_RULE("Z", "0") MARKS_RULE("P1", "1") MARKS_RULE("P99", "99")
	    MARKS_RULE("P100", "+100") MARKS_RULE("M1", "-1"), true);
	r.v[F_MARKS] = edges[_i].marks;
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_int_eq(res.score, edges[_i].score);
	ck_assert_str_eq(mt_lane_names[res.lane], mt_lane_names[edges[_i].lane]);
	fx_close(&f);
}
END_TEST

#define LANE_RULE(id, w, lane) "rule " id " {\n reason \"" id "\"\n weight " \
	w "\n lane " lane "\n when contains(marks, \"<" id ">\")\n}\n"

static const struct {
	const char *marks;
	int score;
	enum mt_lane lane;
} forced[] = {
	{ "<FY>", 0, MT_LANE_YELLOW },
	{ "<FR>", 0, MT_LANE_RED },
	{ "<FY><FR>", 0, MT_LANE_RED },
	{ "<FY><E>", 40, MT_LANE_YELLOW },
	{ "<FY><C><E>", 90, MT_LANE_RED },	/* yellow does not lower red */
	{ "<FY2><G>", 75, MT_LANE_RED },
	{ "<FY2>", 45, MT_LANE_YELLOW },
	{ "<FR><D>", 0, MT_LANE_RED },		/* the score is still bounded */
	{ "<FR2><C>", 60, MT_LANE_RED },
	{ "<D><FY>", 0, MT_LANE_YELLOW },
	{ "<C>", 50, MT_LANE_YELLOW },
};

/* Forced lanes raise the lane, never lower it, and leave the score. */
START_TEST(score_forced_lanes)
{
	struct fx f;
	struct mt_score_result res;
	struct rec r = { { NULL } };

	fx_open(&f, LANE_RULE("FY", "0", "yellow") LANE_RULE("FR", "0", "red")
	    MARKS_RULE("C", "50") MARKS_RULE("E", "40") MARKS_RULE("G", "30")
	    MARKS_RULE("D", "-20") LANE_RULE("FY2", "45", "yellow")
	    LANE_RULE("FR2", "10", "red"), _i % 2 == 1);
	r.v[F_MARKS] = forced[_i].marks;
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_int_eq(res.score, forced[_i].score);
	ck_assert_str_eq(mt_lane_names[res.lane],
	    mt_lane_names[forced[_i].lane]);
	fx_close(&f);
}
END_TEST

/* Hits and reasons in rule order: files in the order loaded. */
START_TEST(hits_in_rule_order)
{
	static const char *const files[] = {
		"rule R1 {\n reason \"one\"\n weight 1\n"
		" when contains(marks, \"1\")\n}\n"
		"rule R2 {\n reason \"two\"\n weight 2\n"
		" when contains(marks, \"2\")\n}\n",
		"rule R3 {\n reason \"three\"\n weight -3\n"
		" when contains(marks, \"3\")\n}\n"
		"rule R0 {\n reason \"zero\"\n weight 0\n"
		" when contains(marks, \"0\")\n}\n",
	};
	struct fx f;
	struct mt_score_result res;
	struct rec r = { { NULL } };

	fx_open_files(&f, files, 2, TODAY, true);
	r.v[F_MARKS] = "0 3 1";
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_str_eq(cstr(res.hits), "R1,R3,R0");
	ck_assert_str_eq(cstr(res.reasons), "R1 +1 one; R3 -3 three; R0 +0 zero");
	ck_assert_int_eq(res.score, 0);

	/* The next record starts afresh. */
	r.v[F_MARKS] = "2";
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_str_eq(cstr(res.hits), "R2");
	ck_assert_str_eq(cstr(res.reasons), "R2 +2 two");
	r.v[F_MARKS] = "";
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_uint_eq(res.hits.n, 0);
	ck_assert_uint_eq(res.reasons.n, 0);
	ck_assert_ptr_nonnull(res.hits.p);
	ck_assert_ptr_nonnull(res.reasons.p);
	fx_close(&f);
}
END_TEST

/* --- reasons --------------------------------------------------------------- */

#define A10 "AAAAAAAAAA"
#define E10 "éééééééééé"
#define RULE(id, body) "rule " id " {\n" body "}\n"

static const struct {
	const char *what;
	const char *rules;
	const char *desc, *cons, *marks, *transit, *pkgs;
	const char *reasons;
} reasons[] = {
	{ "every part", RULE("VAGUE-01", " reason \"Vague goods description\"\n"
	  " weight 15\n category data-quality\n"
	  " when description ~ /said to contain|general cargo/i\n"),
	  "1 X 40HC SAID TO CONTAIN GENERAL CARGO", NULL, NULL, NULL, NULL,
	  "VAGUE-01 +15 [data-quality] Vague goods description (matched "
	  "\"SAID TO CONTAIN\")" },
	{ "weight 0, no category, no match", RULE("Z", " reason \"Watched\"\n"
	  " weight 0\n when packages > 1\n"),
	  NULL, NULL, NULL, NULL, "2", "Z +0 Watched" },
	{ "negative weight", RULE("AEO-01", " reason \"Consignee is an "
	  "authorised economic operator\"\n weight -20\n"
	  " when consignee_name == \"Rheinland\"\n"),
	  NULL, "Rheinland", NULL, NULL, NULL,
	  "AEO-01 -20 Consignee is an authorised economic operator" },
	{ "escapes of the reason undone", RULE("Q", " reason \"Say \\\"hi\\\""
	  " \\\\ bye; ok\"\n weight +1\n when packages > 1\n"),
	  NULL, NULL, NULL, NULL, "2", "Q +1 Say \"hi\" \\ bye; ok" },
	{ "a forced lane", RULE("WATCH-01", " reason \"Party on the watch "
	  "list\"\n weight 50\n lane red\n when consignee_name == \"X\"\n"),
	  NULL, "X", NULL, NULL, NULL,
	  "WATCH-01 +50 Party on the watch list [lane red]" },
	{ "two matches and a lane", RULE("TOB", " lane yellow\n"
	  " category tobacco\n reason \"Boards\"\n weight 30\n"
	  " when description ~ /gypsum/i && transit_places ~ /AEJEA/\n"),
	  "GYPSUM BOARDS", NULL, NULL, "SGSIN AEJEA", NULL,
	  "TOB +30 [tobacco] Boards (matched \"GYPSUM\", \"AEJEA\") "
	  "[lane yellow]" },
	{ "three texts at most", RULE("M", " reason \"m\"\n weight 1\n"
	  " when description ~ /a+/ && marks ~ /b+/ &&\n"
	  "  consignee_name ~ /c+/ && transit_places ~ /d+/\n"),
	  "xaay", "c", "bb", "ddd", NULL,
	  "M +1 m (matched \"aa\", \"bb\", \"c\")" },
	{ "the same text once", RULE("D", " reason \"d\"\n weight 1\n"
	  " when description ~ /gypsum/i && marks ~ /gypsum/i &&\n"
	  "  consignee_name ~ /Gypsum/ && transit_places ~ /AE/\n"),
	  "GYPSUM", "Gypsum", "GYPSUM", "AEJEA", NULL,
	  "D +1 d (matched \"GYPSUM\", \"Gypsum\", \"AE\")" },
	{ "empty matches left out", RULE("E", " reason \"e\"\n weight 1\n"
	  " when description ~ /^/ && marks ~ /b*/ && consignee_name ~ /c/\n"),
	  "abc", "c", "xyz", NULL, NULL, "E +1 e (matched \"c\")" },
	{ "only empty matches", RULE("E", " reason \"e\"\n weight 1\n"
	  " when description ~ /z*/\n"),
	  "abc", NULL, NULL, NULL, NULL, "E +1 e" },
	{ "41 characters cut", RULE("L", " reason \"l\"\n weight 1\n"
	  " when description ~ /A+/\n"),
	  "x" A10 A10 A10 A10 "A" "x", NULL, NULL, NULL, NULL,
	  "L +1 l (matched \"" A10 A10 A10 A10 "...\")" },
	{ "40 characters whole", RULE("L", " reason \"l\"\n weight 1\n"
	  " when description ~ /A+/\n"),
	  A10 A10 A10 A10, NULL, NULL, NULL, NULL,
	  "L +1 l (matched \"" A10 A10 A10 A10 "\")" },
	{ "41 characters of 2 bytes", RULE("L", " reason \"l\"\n weight 1\n"
	  " when description ~ /é+/\n"),
	  E10 E10 E10 E10 "é", NULL, NULL, NULL, NULL,
	  "L +1 l (matched \"" E10 E10 E10 E10 "...\")" },
	{ "40 characters of 2 bytes", RULE("L", " reason \"l\"\n weight 1\n"
	  " when description ~ /é+/\n"),
	  E10 E10 E10 E10, NULL, NULL, NULL, NULL,
	  "L +1 l (matched \"" E10 E10 E10 E10 "\")" },
	{ "cut after a character of 3 bytes", RULE("L", " reason \"l\"\n"
	  " weight 1\n when description ~ /.+/\n"),
	  "AAAAAAAAA" A10 A10 A10 "深圳", NULL, NULL, NULL, NULL,
	  "L +1 l (matched \"AAAAAAAAA" A10 A10 A10 "深...\")" },
	{ "a tab unescaped", RULE("T", " reason \"t\"\n weight 1\n"
	  " when description ~ /gypsum.board/i\n"),
	  "GYPSUM\\tBOARD", NULL, NULL, NULL, NULL,
	  "T +1 t (matched \"GYPSUM\tBOARD\")" },
	{ "a backslash unescaped", RULE("B", " reason \"b\"\n weight 1\n"
	  " when description ~ /:.T/\n"),
	  "C:\\\\TEMP", NULL, NULL, NULL, NULL,
	  "B +1 b (matched \":\\T\")" },
	{ "!~ gives no text", RULE("N", " reason \"n\"\n weight 1\n"
	  " when description !~ /x/ && marks ~ /m/\n"),
	  "abc", NULL, "m", NULL, NULL, "N +1 n (matched \"m\")" },
	{ "|| stops at the first", RULE("O", " reason \"o\"\n weight 1\n"
	  " when description ~ /a/ || marks ~ /b/\n"),
	  "a", NULL, "b", NULL, NULL, "O +1 o (matched \"a\")" },
	{ "|| goes on after a miss", RULE("O", " reason \"o\"\n weight 1\n"
	  " when description ~ /a/ || marks ~ /b/\n"),
	  "x", NULL, "b", NULL, NULL, "O +1 o (matched \"b\")" },
	{ "the text of a function", RULE("F", " reason \"f\"\n weight 1\n"
	  " when lower(description) ~ /gypsum board/\n"),
	  "GYPSUM BOARD", NULL, NULL, NULL, NULL,
	  "F +1 f (matched \"gypsum board\")" },
	{ "the first match in the value", RULE("V", " reason \"v\"\n"
	  " weight 1\n when description ~ /o+/\n"),
	  "fo boooo", NULL, NULL, NULL, NULL, "V +1 v (matched \"o\")" },
	{ "a match of a rule that failed is not its", RULE("A", " reason "
	  "\"a\"\n weight 1\n when description ~ /x/ && marks ~ /y/\n")
	  RULE("B", " reason \"b\"\n weight 2\n category revenue\n"
	  " when consignee_name ~ /z/\n"),
	  "x", "z", "q", NULL, NULL, "B +2 [revenue] b (matched \"z\")" },
	{ "two rules", RULE("A", " reason \"a\"\n weight 1\n"
	  " when description ~ /x/\n")
	  RULE("B", " reason \"b\"\n weight -2\n category revenue\n"
	  " when consignee_name ~ /z/\n"),
	  "x", "z", NULL, NULL, NULL,
	  "A +1 a (matched \"x\"); B -2 [revenue] b (matched \"z\")" },
};

START_TEST(reasons_text)
{
	struct fx f;
	struct mt_score_result res;
	struct rec r = { { NULL } };

	fx_open(&f, reasons[_i].rules, _i % 2 == 0);
	r.v[F_DESC] = reasons[_i].desc;
	r.v[F_CONS] = reasons[_i].cons;
	r.v[F_MARKS] = reasons[_i].marks;
	r.v[F_TRANSIT] = reasons[_i].transit;
	r.v[F_PKGS] = reasons[_i].pkgs;
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_msg(strcmp(cstr(res.reasons), reasons[_i].reasons) == 0,
	    "%s: want\n%s\ngot\n%s", reasons[_i].what, reasons[_i].reasons,
	    cstr(res.reasons));
	fx_close(&f);
}
END_TEST

/* --- windows, counters, fields --------------------------------------------- */

static const char window_rules[] =
    "rule OLD {\n reason \"old\"\n weight 50\n lane red\n until 2026-11-22\n"
    " when description ~ /x/\n}\n"
    "rule NEW {\n reason \"new\"\n weight 50\n from 2026-11-24\n"
    " when description ~ /x/\n}\n"
    "rule NOW {\n reason \"now\"\n weight 10\n from 2026-11-23\n"
    " until 2026-11-23\n when description ~ /x/\n}\n";

/* Rules out of force are not tried: no hit, no weight, no lane. */
START_TEST(out_of_force)
{
	static const struct {
		const char *today, *hits;
		int score;
		enum mt_lane lane;
	} days[] = {
		/* by rule: OLD, NEW, NOW */
		{ "2026-11-22", "OLD", 50, MT_LANE_RED },
		{ "2026-11-24", "NEW", 50, MT_LANE_YELLOW },
		{ "2026-11-23", "NOW", 10, MT_LANE_GREEN },
	};
	const char *text = window_rules;
	struct mt_score_result res;
	struct rec r = { { NULL } };
	struct fx f;
	size_t i;

	r.v[F_DESC] = "x";
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		fx_open_files(&f, &text, 1, days[i].today, false);
		ck_assert_int_eq(score(&f, &r, NF, &res), 0);
		ck_assert_str_eq(cstr(res.hits), days[i].hits);
		ck_assert_int_eq(res.score, days[i].score);
		ck_assert_int_eq(res.lane, days[i].lane);
		/* Only the rule in force was evaluated. */
		ck_assert_uint_eq(mt_score_evaluated(f.s), 1);
		ck_assert_uint_eq(mt_score_rule_hits(f.s, i), 1);
		ck_assert_uint_eq(mt_score_rule_hits(f.s, (i + 1) % 3), 0);
		ck_assert_uint_eq(mt_score_rule_hits(f.s, (i + 2) % 3), 0);
		fx_close(&f);
	}
}
END_TEST

static const char count_rules[] =
    MARKS_RULE("A", "40") MARKS_RULE("B", "70")
    "rule C {\n reason \"c\"\n weight 0\n when description ~ /gypsum/i\n}\n"
    "rule OLD {\n reason \"o\"\n weight 100\n until 2026-11-22\n"
    " when description ~ /gypsum/i\n}\n";

static const struct rec count_recs[] = {
	{ { "FROZEN FISH", NULL, NULL } },
	{ { "Gypsum board", NULL, "<A>" } },
	{ { "GYPSUM\\tBOARD", NULL, "<B>" } },
	{ { "gyp sum", NULL, "<A><B>" } },
	{ { NULL } },
	{ { "PLASTERBOARD (GYPSUM)", "gypsum", "<A>" } },
};

START_TEST(counters)
{
	/* Per scorer: with the prefilter, C is tried only where "gypsum" is. */
	static const unsigned long long evaluated[2] = { 6 * 3, 6 * 2 + 3 };
	struct mt_score_result res;
	struct fx f;
	size_t i;
	int pre;

	for (pre = 0; pre < 2; pre++) {
		fx_open(&f, count_rules, pre);
		ck_assert_uint_eq(mt_score_guarded(f.s), pre ? 1 : 0);
		ck_assert_uint_eq(mt_score_evaluated(f.s), 0);
		for (i = 0; i < sizeof(count_recs) / sizeof(count_recs[0]); i++)
			ck_assert_int_eq(score(&f, &count_recs[i], NF, &res), 0);
		ck_assert_uint_eq(mt_score_lane_count(f.s, MT_LANE_GREEN), 2);
		ck_assert_uint_eq(mt_score_lane_count(f.s, MT_LANE_YELLOW), 2);
		ck_assert_uint_eq(mt_score_lane_count(f.s, MT_LANE_RED), 2);
		ck_assert_uint_eq(mt_score_rule_hits(f.s, 0), 3);
		ck_assert_uint_eq(mt_score_rule_hits(f.s, 1), 2);
		ck_assert_uint_eq(mt_score_rule_hits(f.s, 2), 3);
		ck_assert_uint_eq(mt_score_rule_hits(f.s, 3), 0);
		ck_assert_uint_eq(mt_score_evaluated(f.s), evaluated[pre]);
		fx_close(&f);
	}
}
END_TEST

/* Caseless, k is also U+212A KELVIN SIGN and s U+017F LONG S. */
START_TEST(prefilter_kelvin_long_s)
{
	static const char *const values[] = {
		"\xe2\x84\xaaIO\xc5\xbfK",	/* KIOSK */
		"a \xe2\x84\xaaiosk",
		"kio\xc5\xbf\xe2\x84\xaa!",
		"KIOSK",
	};
	struct mt_score_result res;
	struct rec r = { { NULL } };
	struct fx f;
	size_t i;
	int pre;

	for (pre = 0; pre < 2; pre++) {
		memset(&r, 0, sizeof(r));
		fx_open(&f, "rule K {\n reason \"k\"\n weight 1\n"
		    " when description ~ /kiosk/i\n}\n"
		    "rule S {\n reason \"s\"\n weight 2\n"
		    " when marks ~ /\\bsks\\b|ssss|kkkk/i\n}\n", pre);
		ck_assert_uint_eq(mt_score_guarded(f.s), pre ? 2 : 0);
		for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
			r.v[F_DESC] = values[i];
			ck_assert_int_eq(score(&f, &r, NF, &res), 0);
			ck_assert_msg(strcmp(cstr(res.hits), "K") == 0,
			    "%s: %s", values[i], cstr(res.hits));
		}
		r.v[F_DESC] = NULL;
		r.v[F_MARKS] = "\xc5\xbf\xe2\x84\xaa\xc5\xbf";
		ck_assert_int_eq(score(&f, &r, NF, &res), 0);
		ck_assert_str_eq(cstr(res.hits), "S");
		r.v[F_MARKS] = "\xc5\xbfs\xc5\xbfS";
		ck_assert_int_eq(score(&f, &r, NF, &res), 0);
		ck_assert_str_eq(cstr(res.hits), "S");
		r.v[F_MARKS] = "\xe2\x84\xaak\xe2\x84\xaaK";
		ck_assert_int_eq(score(&f, &r, NF, &res), 0);
		ck_assert_str_eq(cstr(res.hits), "S");
		fx_close(&f);
	}
}
END_TEST

START_TEST(span_and_short_records)
{
	struct mt_score_result res;
	struct rec r = { { NULL } };
	struct fx f;

	fx_open(&f, "rule A {\n reason \"a\"\n weight 10\n"
	    " when marks ~ /abc/\n}\n"
	    "rule B {\n reason \"b\"\n weight 20\n"
	    " when empty(transit_places) && description !~ /abc/\n}\n"
	    "rule C {\n reason \"c\"\n weight 40\n until 2026-01-01\n"
	    " when gross_weight_kg > 1\n}\n", _i);
	ck_assert_uint_eq(mt_score_span(f.s), F_TRANSIT + 1);
	/* Values beyond n are empty, whatever is there. */
	r.v[F_DESC] = "x";
	r.v[F_MARKS] = "abc";
	r.v[F_TRANSIT] = "AEJEA";
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_str_eq(cstr(res.hits), "A");
	ck_assert_int_eq(score(&f, &r, F_MARKS, &res), 0);
	ck_assert_str_eq(cstr(res.hits), "B");
	ck_assert_int_eq(score(&f, &r, 0, &res), 0);
	ck_assert_str_eq(cstr(res.hits), "B");
	ck_assert_int_eq(res.score, 20);
	fx_close(&f);

	/* Rules out of force do not count; no rule reads nothing. */
	fx_open(&f, "rule C {\n reason \"c\"\n weight 40\n until 2026-01-01\n"
	    " when transit_places == \"x\"\n}\n"
	    "rule D {\n reason \"d\"\n weight 40\n"
	    " when description == \"x\"\n}\n", _i);
	ck_assert_uint_eq(mt_score_span(f.s), 1);
	fx_close(&f);
	fx_open(&f, "rule D {\n reason \"d\"\n weight 40\n when 1 < 2\n}\n", _i);
	ck_assert_uint_eq(mt_score_span(f.s), 0);
	ck_assert_int_eq(score(&f, &r, 0, &res), 0);
	ck_assert_str_eq(cstr(res.hits), "D");
	fx_close(&f);
}
END_TEST

/* A field of the schema the header lacks reads as empty. */
START_TEST(absent_fields)
{
	struct mt_score_result res;
	struct rec r = { { "x" } };
	struct fx f;

	fx_open(&f, "rule A {\n reason \"a\"\n weight 10\n"
	    " when empty(seal_no) && seal_no !~ /abc/\n}\n"
	    "rule B {\n reason \"b\"\n weight 20\n when seal_no ~ /abc|^$/\n}\n"
	    "rule C {\n reason \"c\"\n weight 30\n when seal_no ~ /abcd/\n}\n",
	    _i);
	ck_assert(mt_rules_at(f.rs, 0)->absent);
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_str_eq(cstr(res.hits), "A,B");
	ck_assert_str_eq(cstr(res.reasons), "A +10 a; B +20 b");
	fx_close(&f);
}
END_TEST

START_TEST(no_rules)
{
	struct mt_score_result res;
	struct rec r = { { "x", "y", "z" } };
	struct fx f;

	fx_open(&f, "# nothing\n", _i);
	ck_assert_uint_eq(mt_score_span(f.s), 0);
	ck_assert_uint_eq(mt_score_guarded(f.s), 0);
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_int_eq(res.score, 0);
	ck_assert_int_eq(res.lane, MT_LANE_GREEN);
	ck_assert_ptr_nonnull(res.hits.p);
	ck_assert_uint_eq(res.hits.n, 0);
	ck_assert_ptr_nonnull(res.reasons.p);
	ck_assert_uint_eq(res.reasons.n, 0);
	ck_assert_uint_eq(mt_score_lane_count(f.s, MT_LANE_GREEN), 1);
	ck_assert_uint_eq(mt_score_evaluated(f.s), 0);
	fx_close(&f);
	mt_score_free(NULL);
}
END_TEST

/* A regular expression at its limit: -1, the rule named, the rest scored. */
START_TEST(match_limit)
{
	char subject[128] = { 0 };
	struct mt_score_result res;
	struct rec r = { { NULL } };
	struct fx f;

	fx_open(&f,
	    "rule B {\n reason \"b\"\n weight 5\n when packages > 1\n}\n"
	    "rule SLOW {\n reason \"slow\"\n weight 10\n"
	    " when description ~ /^(a+)+$/\n}\n"
	    "rule SLOW2 {\n reason \"slow2\"\n weight 20\n"
	    " when description ~ /^(a|aa)+$/\n}\n"
	    "rule C {\n reason \"c\"\n weight 30\n lane yellow\n"
	    " when description ~ /^a/\n}\n", _i);
	memset(subject, 'a', 40);
	subject[40] = 'b';
	subject[41] = '\0';
	r.v[F_DESC] = subject;
	r.v[F_PKGS] = "2";
	ck_assert_int_eq(score(&f, &r, NF, &res), -1);
	/* The first rule in error is named. */
	ck_assert_str_eq(mt_score_error(f.s), "rule SLOW (r.rules:6): regular "
	    "expression /^(a+)+$/ hit its match limit");
	ck_assert_int_eq(res.score, 35);
	ck_assert_int_eq(res.lane, MT_LANE_YELLOW);
	ck_assert_str_eq(cstr(res.hits), "B,C");
	ck_assert_str_eq(cstr(res.reasons), "B +5 b; C +30 c (matched \"a\") "
	    "[lane yellow]");
	ck_assert_uint_eq(mt_score_rule_hits(f.s, 1), 0);
	ck_assert_uint_eq(mt_score_lane_count(f.s, MT_LANE_YELLOW), 1);

	/* The scorer goes on. */
	subject[40] = '\0';
	ck_assert_int_eq(score(&f, &r, NF, &res), 0);
	ck_assert_int_eq(res.score, 65);
	ck_assert_str_eq(cstr(res.hits), "B,SLOW,SLOW2,C");
	fx_close(&f);
}
END_TEST

/*
 * The scan reads values escaped, the rules match them unescaped: a tab, a
 * line feed or a backslash in a match is never part of a literal.
 */
START_TEST(prefilter_escaped_values)
{
	static const struct {
		const char *desc, *hits;
	} recs[] = {
		{ "said\\\\to", "B" },
		{ "said\\to", "" },
		{ "GYPSUM\\tBOARD", "T" },
		{ "GYPSUM\\\\tBOARD", "" },
		{ "kilo\\nmetre", "N" },
		{ "x\\kilo\\\\\\nmetre", "" },
		{ "a\\\\\\tb", "" },
		{ "C:\\\\TEMP\\\\said\\\\to", "B" },
	};
	static const char rules[] =
	    "rule B {\n reason \"b\"\n weight 1\n"
	    " when description ~ /said\\\\to/\n}\n"
	    "rule T {\n reason \"t\"\n weight 1\n"
	    " when description ~ /gypsum\\tboard/i\n}\n"
	    "rule N {\n reason \"n\"\n weight 1\n"
	    " when description ~ /kilo\\nmetre/\n}\n";
	struct mt_score_result res;
	struct rec r = { { NULL } };
	struct fx f;
	size_t i;
	int pre;

	for (pre = 0; pre < 2; pre++) {
		fx_open(&f, rules, pre);
		ck_assert_uint_eq(mt_score_guarded(f.s), pre ? 3 : 0);
		for (i = 0; i < sizeof(recs) / sizeof(recs[0]); i++) {
			r.v[F_DESC] = recs[i].desc;
			ck_assert_int_eq(score(&f, &r, NF, &res), 0);
			ck_assert_msg(strcmp(cstr(res.hits), recs[i].hits) == 0,
			    "%s: '%s'", recs[i].desc, cstr(res.hits));
		}
		fx_close(&f);
	}
}
END_TEST

/* --- the prefilter changes nothing: a property test ------------------------ */

/* xorshift64*: the same sets and records on every machine. */
static uint64_t rng_state;

static uint32_t
below(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32) % n;
}

static void
bprintf(struct mt_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
bprintf(struct mt_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	mt_buf_reserve(b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/*
 * The words of patterns and values, with other spellings: k and s, whose
 * caseless partners are outside ASCII, letters outside ASCII with cases
 * of their own, and i, whose dotted and dotless kin are no partners.
 */
static const char *const words[][3] = {
	{ "kilo" }, { "ski" }, { "sake" }, { "kiosk" }, { "glass" },
	{ "mask" }, { "tabak" }, { "desk" }, { "stock" }, { "fish" },
	{ "ice" }, { "cargo" }, { "SKS" }, { "kk" }, { "ss" }, { "Kask" },
	{ "café", "CAFÉ", "Café" }, { "straße", "STRASSE", "STRAẞE" },
	{ "über", "ÜBER" }, { "ökse", "ÖKSE" }, { "σας", "ΣΑΣ", "σασ" },
	{ "işık", "IŞIK", "İşık" }, { "tabakskiosk" }, { "said to" },
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static const char *
spelling(void)
{
	size_t w = below(NWORDS), n = 1;

	while (n < 3 && words[w][n] != NULL)
		n++;
	return words[w][below((uint32_t)n)];
}

/* Made-up words added to alternations, for scanners of many states. */
static unsigned made_up;

static void
add_made_up(struct mt_buf *b)
{
	static const char letters[] = "abcdefghklmnoprstuvyz";
	unsigned i, j, n = below(made_up + 1), len;

	for (i = 0; i < n; i++) {
		mt_buf_addc(b, '|');
		len = 4 + below(5);
		for (j = 0; j < len; j++)
			mt_buf_addc(b, letters[below(sizeof(letters) - 1)]);
	}
}

static void
add_pattern(struct mt_buf *b)
{
	const char *w1 = spelling(), *w2 = spelling(), *w3 = spelling();

	switch (below(20)) {
	case 0: case 1: bprintf(b, "%s", w1); break;
	case 2: bprintf(b, "%s|%s", w1, w2); add_made_up(b); break;
	case 3:
		bprintf(b, "\\b(%s|%s", w1, w2);
		add_made_up(b);
		bprintf(b, ")\\b");
		break;
	case 4: bprintf(b, "%s.*%s", w1, w2); break;
	case 5: bprintf(b, "%s\\s*%s", w1, w2); break;
	case 6: bprintf(b, "(?:%s|%s)s?", w1, w2); break;
	case 7: bprintf(b, "^%s", w1); break;
	case 8: bprintf(b, "%s$", w1); break;
	case 9: bprintf(b, "(%s|%s|%s)+", w1, w2, w3); break;
	case 10: bprintf(b, "%s[ .-]%s", w1, w2); break;
	case 11: bprintf(b, "(%s)?%s", w1, w2); break;
	case 12: bprintf(b, "%s %s", w1, w2); break;
	case 13: bprintf(b, "%s\\t%s", w1, w2); break;
	case 14: bprintf(b, "%s(?=%s)", w1, w2); break;
	case 15: bprintf(b, "%s{1,2}x?", w1); break;
	case 16: bprintf(b, "(?i)%s", w1); break;
	case 17: bprintf(b, "%s\\.%s|%s\\\\%s", w1, w2, w3, w1); break;
	case 18: bprintf(b, "(%s|)", w1); break;
	default: bprintf(b, "[ks]%s\\\\?%s", w1, w2); break;
	}
}

static const char *const rx_fields[] = {
	"description", "consignee_name", "marks", "transit_places", "seal_no",
};
static const char *const flag_sets[] = {
	"", "", "i", "i", "i", "i", "is", "m", "im", "x", "ix",
};

static void
add_atom(struct mt_buf *b)
{
	unsigned k = below(100);
	const char *f = rx_fields[below(5)];
	const char *fl = flag_sets[below(sizeof(flag_sets) /
	    sizeof(flag_sets[0]))];

	if (k < 70) {
		bprintf(b, "%s ~ /", f);
		add_pattern(b);
		bprintf(b, "/%s", fl);
	} else if (k < 75) {
		bprintf(b, "%s !~ /", f);
		add_pattern(b);
		bprintf(b, "/%s", fl);
	} else if (k < 80) {
		bprintf(b, "lower(%s) ~ /", f);
		add_pattern(b);
		bprintf(b, "/%s", fl);
	} else if (k < 85)
		bprintf(b, "packages > %u", below(20));
	else if (k < 90)
		bprintf(b, "gross_weight_kg / packages >= %u", below(5000));
	else if (k < 95)
		bprintf(b, "len(%s) > %u", f, below(20));
	else
		bprintf(b, "contains(%s, \"%s\")", f, spelling());
}

static void
add_expr(struct mt_buf *b, int depth)
{
	unsigned k = below(100), n, i;

	if (depth == 0 || k < 40) {
		add_atom(b);
		return;
	}
	if (k < 45) {
		bprintf(b, "!(");
		add_expr(b, depth - 1);
		bprintf(b, ")");
		return;
	}
	n = 2 + below(2);
	bprintf(b, "(");
	for (i = 0; i < n; i++) {
		if (i > 0)
			bprintf(b, k < 70 ? " && " : "\n  || ");
		add_expr(b, depth - 1);
	}
	bprintf(b, ")");
}

static void
add_rules(struct mt_buf *b, size_t n)
{
	static const char *const lanes[] = { "", " lane yellow\n",
	    " lane red\n", "", "", "" };
	size_t i;

	for (i = 0; i < n; i++) {
		bprintf(b, "rule R%zu {\n reason \"r%zu\"\n weight %d\n%s", i, i,
		    (int)below(91) - 30, lanes[below(6)]);
		if (below(3) == 0)
			bprintf(b, " category %s\n",
			    mt_rule_categories[below(MT_RULE_NCATEGORIES)]);
		bprintf(b, " when ");
		add_expr(b, 2);
		bprintf(b, "\n}\n");
	}
}

/* A value of the words in random case, with other spellings, escaped. */
static void
add_value(struct mt_buf *b)
{
	static const char *const seps[] = {
		" ", " ", " ", "\\t", "", "-", ".", "\\\\", "\\n", "\\", ", ",
	};
	size_t nw = below(5), i;
	const char *w;
	char c;

	for (i = 0; i < nw; i++) {
		if (i > 0 || below(4) == 0)
			bprintf(b, "%s", seps[below(sizeof(seps) /
			    sizeof(seps[0]))]);
		for (w = spelling(); *w != '\0'; w++) {
			c = *w;
			if ((c == 'k' || c == 'K') && below(4) == 0)
				bprintf(b, "\xe2\x84\xaa");
			else if ((c == 's' || c == 'S') && below(4) == 0)
				bprintf(b, "\xc5\xbf");
			else if (c == 'i' && below(8) == 0)
				bprintf(b, below(2) ? "\xc4\xb0" : "\xc4\xb1");
			else if (((c >= 'a' && c <= 'z') ||
			    (c >= 'A' && c <= 'Z')) && below(3) == 0)
				mt_buf_addc(b, (char)(c ^ 0x20));
			else
				mt_buf_addc(b, c);
		}
	}
	if (below(10) == 0)
		bprintf(b, "\\t");
}

/*
 * Zeroes after the value: PCRE2's JIT code may read a few bytes past the
 * end of a subject, which valgrind would see as uninitialised.
 */
static void
pad(struct mt_buf *b)
{
	mt_buf_reserve(b, 64);
	memset(b->buf + b->len, 0, 64);
}

/* Whether a value holds one of the spellings an ASCII scan cannot see. */
static bool
has_partner(struct mt_str v)
{
	return memmem(v.p, v.n, "\xe2\x84\xaa", 3) != NULL ||
	    memmem(v.p, v.n, "\xc5\xbf", 2) != NULL;
}

/* The test of mt_score for a need, to tell guarded rules. */
static bool
usable(const struct mt_rx *rx, void *arg)
{
	struct mt_rxlit lit;
	const char *pat;
	size_t n;
	bool ok;

	(void)arg;
	pat = mt_rx_pattern(rx, &n);
	ok = mt_rxlit_required(pat, n, mt_rx_flags(rx), 3, &lit);
	mt_rxlit_free(&lit);
	return ok;
}

static bool
is_guarded(struct mt_rules *rs, size_t i)
{
	struct mt_rule *r = mt_rules_at(rs, i);
	struct mt_expr_need *need;
	size_t n;

	if (r->expr == NULL || !mt_rule_in_force(rs, r))
		return false;
	n = mt_expr_needs(r->expr, usable, NULL, &need);
	free(need);
	return n > 0;
}

/* Many small sets, and a few large ones, whose scanners have wide tables. */
static const struct {
	size_t sets, minrules, maxrules, records;
	unsigned made_up;
} configs[] = {
	{ 300, 1, 8, 150, 0 },
	{ 300, 1, 8, 150, 2 },
	{ 4, 800, 1000, 100, 24 },
};

/* A counted string for "%.*s", cut: check's messages are short. */
#define SP(s)	(int)((s).n < 300 ? (s).n : 300), (s).p

START_TEST(prefilter_changes_nothing)
{
	const size_t nsets = configs[_i].sets, nrecords = configs[_i].records;
	struct mt_buf text = { 0 }, vals[NF];
	struct mt_score_result r1, r0;
	struct mt_str v[NF];
	unsigned long long *hits_before, *hits_before0;
	size_t set, rec, i, n, nv, nrules, sets_guarded = 0;
	size_t guarded_rules = 0, all_rules = 0;
	unsigned long long ev1 = 0, ev0 = 0, hits = 0, guarded_hits = 0;
	unsigned long long partner_hits = 0;
	bool *guarded, hit;
	struct fx f1, f0;
	const char *tp;
	int rc1, rc0;
	unsigned k;

	memset(vals, 0, sizeof(vals));
	hits_before = calloc(configs[_i].maxrules, sizeof(*hits_before));
	hits_before0 = calloc(configs[_i].maxrules, sizeof(*hits_before0));
	guarded = calloc(configs[_i].maxrules, sizeof(*guarded));
	ck_assert(hits_before != NULL && hits_before0 != NULL &&
	    guarded != NULL);
	rng_state = 0x9e3779b97f4a7c15ULL ^ (uint64_t)_i;
	made_up = configs[_i].made_up;
	for (set = 0; set < nsets; set++) {
		text.len = 0;
		nrules = configs[_i].minrules + below((uint32_t)
		    (configs[_i].maxrules - configs[_i].minrules + 1));
		add_rules(&text, nrules);
		mt_buf_addc(&text, '\0');
		tp = text.buf;
		fx_open_files(&f1, &tp, 1, TODAY, true);
		fx_open_files(&f0, &tp, 1, TODAY, false);
		ck_assert_uint_eq(mt_rules_count(f1.rs), nrules);
		ck_assert_uint_eq(mt_score_guarded(f0.s), 0);
		for (i = n = 0; i < nrules; i++)
			n += guarded[i] = is_guarded(f1.rs, i);
		ck_assert_msg(mt_score_guarded(f1.s) == n, "%zu guarded, "
		    "%zu with needs:\n%s", mt_score_guarded(f1.s), n, tp);
		sets_guarded += n > 0;
		guarded_rules += n;
		all_rules += nrules;
		ck_assert_uint_eq(mt_score_span(f1.s), mt_score_span(f0.s));

		for (rec = 0; rec < nrecords; rec++) {
			for (i = 0; i < NF; i++) {
				vals[i].len = 0;
				k = below(10);
				if (i == F_PKGS && k == 1)
					bprintf(&vals[i], "x");
				else if (i == F_PKGS && k > 1)
					bprintf(&vals[i], "%u", below(21));
				else if (i == F_WEIGHT && k > 0)
					bprintf(&vals[i], "%u", below(30000));
				else if (i != F_PKGS && i != F_WEIGHT)
					add_value(&vals[i]);
				pad(&vals[i]);
				v[i].p = vals[i].buf != NULL ? vals[i].buf :
				    "";
				v[i].n = vals[i].len;
			}
			/* Now and then fewer values than fields. */
			nv = below(8) == 0 ? below(NF + 1) : NF;
			for (i = 0; i < nrules; i++) {
				hits_before[i] = mt_score_rule_hits(f1.s, i);
				hits_before0[i] = mt_score_rule_hits(f0.s, i);
			}
			rc1 = mt_score_record(f1.s, v, nv, &r1);
			rc0 = mt_score_record(f0.s, v, nv, &r0);
			/* The first rule that hit one way only, for the message. */
			for (i = 0; i < nrules - 1; i++)
				if ((mt_score_rule_hits(f1.s, i) > hits_before[i]) !=
				    (mt_score_rule_hits(f0.s, i) > hits_before0[i]))
					break;
			ck_assert_msg(rc1 == rc0 && r1.score == r0.score &&
			    r1.lane == r0.lane &&
			    strcmp(cstr(r1.hits), cstr(r0.hits)) == 0 &&
			    strcmp(cstr(r1.reasons), cstr(r0.reasons)) == 0,
			    "set %zu, record %zu (%zu values):\n"
			    "description=%.*s\nconsignee_name=%.*s\nmarks=%.*s\n"
			    "packages=%.*s\ngross_weight_kg=%.*s\n"
			    "transit_places=%.*s\n"
			    "with the prefilter: %d %d %.*s [%.*s]\n"
			    "without:            %d %d %.*s [%.*s]\n"
			    "rule %s: when %.500s",
			    set, rec, nv, SP(v[0]), SP(v[1]), SP(v[2]), SP(v[3]),
			    SP(v[4]), SP(v[5]), rc1, r1.score, SP(r1.hits),
			    SP(r1.reasons), rc0, r0.score, SP(r0.hits),
			    SP(r0.reasons), mt_rules_at(f1.rs, i)->id,
			    mt_rules_at(f1.rs, i)->when);
			hits += r1.hits.n > 0;
			hit = false;
			for (i = 0; i < nrules; i++)
				if (guarded[i] &&
				    mt_score_rule_hits(f1.s, i) > hits_before[i]) {
					guarded_hits++;
					hit = true;
				}
			/* A text quoted in the reasons has U+212A or U+017F. */
			partner_hits += hit && has_partner(r1.reasons);
		}
		for (i = 0; i < nrules; i++)
			ck_assert_uint_eq(mt_score_rule_hits(f1.s, i),
			    mt_score_rule_hits(f0.s, i));
		for (i = 0; i < 3; i++)
			ck_assert_uint_eq(mt_score_lane_count(f1.s, i),
			    mt_score_lane_count(f0.s, i));
		ck_assert(mt_score_evaluated(f1.s) <= mt_score_evaluated(f0.s));
		ev1 += mt_score_evaluated(f1.s);
		ev0 += mt_score_evaluated(f0.s);
		fx_close(&f1);
		fx_close(&f0);
	}
	/* Not vacuous: guards were made, saved work, and guarded rules hit,
	 * also on values spelt with the partners of k and s. */
	ck_assert_msg(sets_guarded >= nsets / 2, "%zu sets of %zu guarded",
	    sets_guarded, nsets);
	ck_assert_msg(guarded_rules >= all_rules / 4, "%zu of %zu rules "
	    "guarded", guarded_rules, all_rules);
	ck_assert_msg(ev1 < ev0 * 9 / 10, "evaluated %llu of %llu", ev1, ev0);
	ck_assert_msg(hits >= nsets * nrecords / 10, "%llu records hit", hits);
	ck_assert_msg(guarded_hits >= 500, "%llu hits of guarded rules",
	    guarded_hits);
	ck_assert_msg(partner_hits >= 20, "%llu records with hits of guarded "
	    "rules whose reasons quote U+212A or U+017F", partner_hits);
	mt_buf_free(&text);
	for (i = 0; i < NF; i++)
		mt_buf_free(&vals[i]);
	free(hits_before);
	free(hits_before0);
	free(guarded);
}
END_TEST

/*
 * A scanner whose tables would pass their budget is not built: the rules
 * with literals in it go unguarded, are tried on every record, and score
 * as they would without the prefilter; other fields keep their guards.
 */
START_TEST(prefilter_scan_too_large)
{
	static const char letters[] = "abcdefghijlmnopqrtuvwxyz";
	struct mt_buf text = { 0 }, desc = { 0 };
	struct mt_score_result r1, r0;
	struct rec r = { { NULL } };
	struct fx f1, f0;
	const char *tp;
	char word[11], first[11] = "";
	size_t i, j, k;

	rng_state = 42;
	for (i = 0; i < 300; i++) {
		bprintf(&text, "rule W%zu {\n reason \"w\"\n weight 1\n"
		    " when description ~ /", i);
		for (j = 0; j < 60; j++) {
			for (k = 0; k < 10; k++)
				word[k] = letters[below(sizeof(letters) - 1)];
			word[10] = '\0';
			if (i == 299 && j == 59)
				memcpy(first, word, sizeof(word));
			bprintf(&text, "%s%s", j > 0 ? "|" : "", word);
		}
		bprintf(&text, "/\n}\n");
	}
	bprintf(&text, "rule M {\n reason \"m\"\n weight 2\n"
	    " when marks ~ /gypsum/i\n}\n");
	mt_buf_addc(&text, '\0');
	tp = text.buf;
	fx_open_files(&f1, &tp, 1, TODAY, true);
	fx_open_files(&f0, &tp, 1, TODAY, false);
	/* Only M keeps its guard. */
	ck_assert_uint_eq(mt_score_guarded(f1.s), 1);

	bprintf(&desc, "x %s y", first);
	pad(&desc);
	r.v[F_DESC] = desc.buf;
	r.v[F_MARKS] = "GYPSUM";
	ck_assert_int_eq(score(&f1, &r, NF, &r1), 0);
	ck_assert_int_eq(score(&f0, &r, NF, &r0), 0);
	ck_assert_str_eq(cstr(r1.hits), "W299,M");
	ck_assert_str_eq(cstr(r1.hits), cstr(r0.hits));
	ck_assert_str_eq(cstr(r1.reasons), cstr(r0.reasons));
	r.v[F_MARKS] = "plaster";
	ck_assert_int_eq(score(&f1, &r, NF, &r1), 0);
	ck_assert_str_eq(cstr(r1.hits), "W299");
	/* All 301 rules tried on the first record, the 300 on the second. */
	ck_assert_uint_eq(mt_score_evaluated(f1.s), 301 + 300);
	fx_close(&f1);
	fx_close(&f0);
	mt_buf_free(&text);
	mt_buf_free(&desc);
}
END_TEST

static Suite *
score_suite(void)
{
	Suite *s = suite_create("score");
	TCase *tc;

	tc = tcase_create("score");
	tcase_add_loop_test(tc, score_sums, 0, sizeof(sums) / sizeof(sums[0]));
	tcase_add_loop_test(tc, score_threshold_edges, 0,
	    sizeof(edges) / sizeof(edges[0]));
	tcase_add_loop_test(tc, score_forced_lanes, 0,
	    sizeof(forced) / sizeof(forced[0]));
	tcase_add_test(tc, hits_in_rule_order);
	suite_add_tcase(s, tc);

	tc = tcase_create("reasons");
	tcase_add_loop_test(tc, reasons_text, 0,
	    sizeof(reasons) / sizeof(reasons[0]));
	suite_add_tcase(s, tc);

	tc = tcase_create("scorer");
	tcase_add_test(tc, out_of_force);
	tcase_add_test(tc, counters);
	tcase_add_test(tc, prefilter_kelvin_long_s);
	tcase_add_test(tc, prefilter_escaped_values);
	tcase_add_loop_test(tc, span_and_short_records, 0, 2);
	tcase_add_loop_test(tc, absent_fields, 0, 2);
	tcase_add_loop_test(tc, no_rules, 0, 2);
	tcase_add_loop_test(tc, match_limit, 0, 2);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tc = tcase_create("prefilter");
	tcase_add_loop_test(tc, prefilter_changes_nothing, 0,
	    sizeof(configs) / sizeof(configs[0]));
	tcase_add_test(tc, prefilter_scan_too_large);
	tcase_set_timeout(tc, 600);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr;
	int failed;

	mt_set_progname("risk-score");
	sr = srunner_create(score_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
