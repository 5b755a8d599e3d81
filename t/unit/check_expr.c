/*
 * Unit tests of mt_expr, mt_rx and mt_lists: what the data-driven tests in
 * t/expr/ cannot see: the syntax tree, the fields an expression reads,
 * the contents of the error struct for expressions placed inside a file,
 * the matched text, added functions, number and date parsing, list files
 * and key functions, and regular-expression limits.
 */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mt_expr.h"
#include "mt_lists.h"
#include "mt_rx.h"
#include "mt_util.h"

/* A header like the canonical schema's, shortened. */
static const struct mt_str schema[] = {
	{ "source", 6 }, { "line", 4 }, { "mode", 4 },
	{ "origin_country", 14 }, { "consignee_name", 14 },
	{ "packages", 8 }, { "gross_weight_kg", 15 }, { "hs_code", 7 },
	{ "description", 11 }, { "arrival_date", 12 },
};
#define NSCHEMA (sizeof(schema) / sizeof(schema[0]))
enum { F_SOURCE, F_LINE, F_MODE, F_ORIGIN, F_CONSIGNEE, F_PACKAGES,
	F_WEIGHT, F_HS, F_DESC, F_ARRIVAL };

static struct mt_expr_ctx
ctx_new(void)
{
	struct mt_expr_ctx ctx = { 0 };

	ctx.fields = schema;
	ctx.nfields = NSCHEMA;
	ctx.today = "2026-11-23";
	return ctx;
}

static struct mt_expr *
compile_ok(const char *text, const struct mt_expr_ctx *ctx)
{
	struct mt_expr_error err;
	struct mt_expr *e = mt_expr_compile(text, strlen(text), ctx, &err);

	ck_assert_msg(e != NULL, "%s: %s", text, e ? "" : err.msg);
	return e;
}

/* The tree of text as an S-expression, in a static buffer. */
static const char *
dump(const char *text)
{
	static char out[512];
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr *e = compile_ok(text, &ctx);
	struct mt_buf b = { 0 };

	mt_expr_dump(e, &b);
	snprintf(out, sizeof(out), "%.*s", (int)b.len, b.buf);
	mt_buf_free(&b);
	mt_expr_free(e);
	return out;
}

/* A record of the schema with a few values set, the rest empty. */
struct record {
	struct mt_str v[NSCHEMA];
};

static void
set(struct record *r, size_t field, const char *value)
{
	r->v[field].p = value;
	r->v[field].n = strlen(value);
}

/* --- the syntax tree ----------------------------------------------------- */

static const struct {
	const char *text, *tree;
} trees[] = {
	/* not binds looser than comparison */
	{ "not mode > origin_country", "(! (> mode origin_country))" },
	{ "!mode == \"sea\"", "(! (== mode \"sea\"))" },
	{ "!mode && source", "(&& (! (bool mode)) (bool source))" },
	{ "mode || source && line",
	  "(|| (bool mode) (&& (bool source) (bool line)))" },
	{ "mode and source or line",
	  "(|| (&& (bool mode) (bool source)) (bool line))" },
	{ "mode || source || line",
	  "(|| (bool mode) (bool source) (bool line))" },
	{ "packages + line * 2 > 1",
	  "(> (+ (num packages) (* (num line) 2)) 1)" },
	{ "-packages * 2 < 0", "(< (* (- (num packages)) 2) 0)" },
	{ "packages - line - 1 > 0",
	  "(> (- (- (num packages) (num line)) 1) 0)" },
	/* numeric as soon as one side is a number */
	{ "packages == 10", "(== (num packages) 10)" },
	{ "packages == line", "(== packages line)" },
	{ "len(mode) >= 3", "(>= (len mode) 3)" },
	{ "\"12\" < packages", "(< \"12\" packages)" },
	{ "len(packages + 1) > 1", "(> (len (str (+ (num packages) 1))) 1)" },
	/* constants folded */
	{ "gross_weight_kg > 2 * 10000", "(> (num gross_weight_kg) 20000)" },
	{ "lower(\"ABC\") == mode", "(== \"abc\" mode)" },
	{ "1 + 2 * 3", "true" },
	{ "1 > 2 && mode == \"sea\"", "false" },
	{ "1 < 2 && mode == \"sea\"", "(== mode \"sea\")" },
	{ "1 < 2 || mode == \"sea\"", "true" },
	{ "today() == arrival_date", "(== \"2026-11-23\" arrival_date)" },
	{ "days(\"2026-11-01\", today()) == 22", "true" },
	{ "1 / 0 > 0", "false" },
	/* regular expressions, lists */
	{ "description ~ /a\\/b/i", "(~ description /a\\/b/i)" },
	{ "description !~ /x/sm", "(!~ description /x/ms)" },
	{ "mode in (\"sea\", \"air\")", "(in mode (\"sea\" \"air\"))" },
	{ "mode not in (\"rail\")", "(not-in mode (\"rail\"))" },
	{ "hs_chapter(hs_code) == 93", "(== (num (hs_chapter hs_code)) 93)" },
};

START_TEST(tree_shapes)
{
	ck_assert_str_eq(dump(trees[_i].text), trees[_i].tree);
}
END_TEST

/* --- fields -------------------------------------------------------------- */

START_TEST(field_span_and_list)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr *e;
	const size_t *f;
	size_t n;

	e = compile_ok("gross_weight_kg > 20000 && description ~ /x/ && "
	    "mode == \"sea\" && gross_weight_kg < 1e6", &ctx);
	ck_assert_uint_eq(mt_expr_field_span(e), F_DESC + 1);
	f = mt_expr_fields(e, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(f[0], F_MODE);
	ck_assert_uint_eq(f[1], F_WEIGHT);
	ck_assert_uint_eq(f[2], F_DESC);
	mt_expr_free(e);

	e = compile_ok("source == \"a\"", &ctx);
	ck_assert_uint_eq(mt_expr_field_span(e), 1);
	mt_expr_free(e);

	e = compile_ok("1 < 2", &ctx);
	ck_assert_uint_eq(mt_expr_field_span(e), 0);
	mt_expr_fields(e, &n);
	ck_assert_uint_eq(n, 0);
	mt_expr_free(e);

	/* A branch folded away reads nothing. */
	e = compile_ok("1 > 2 && arrival_date == \"x\" || mode == \"air\"",
	    &ctx);
	ck_assert_uint_eq(mt_expr_field_span(e), F_MODE + 1);
	mt_expr_free(e);
}
END_TEST

START_TEST(fewer_values_than_fields)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr *e = compile_ok("empty(description) && "
	    "!(gross_weight_kg > 0) && mode == \"sea\"", &ctx);
	struct mt_str v[3] = { { "f", 1 }, { "1", 1 }, { "sea", 3 } };

	/* Values past n are empty: the reader may split only so far. */
	ck_assert_int_eq(mt_expr_eval(e, v, 3), 1);
	mt_expr_free(e);
}
END_TEST

/* --- errors -------------------------------------------------------------- */

START_TEST(error_struct)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr_error err;
	const char *text = "gross_weight_kg > 1 &&\n\tdescripton ~ /x/";

	/* An expression that starts at line 12, column 6 of a rules file. */
	ctx.source = "rules/ccp.rules";
	ctx.line = 12;
	ctx.col = 6;
	ck_assert_ptr_null(mt_expr_compile(text, strlen(text), &ctx, &err));
	ck_assert_str_eq(err.source, "rules/ccp.rules");
	ck_assert_uint_eq(err.line, 13);
	ck_assert_uint_eq(err.col, 2);
	ck_assert_str_eq(err.text, "\tdescripton ~ /x/");
	ck_assert_uint_eq(err.caret, 1);
	ck_assert_msg(strncmp(err.msg, "unknown field 'descripton' (did you "
	    "mean 'description'?): the fields are source, line, mode", 80) ==
	    0, "%s", err.msg);
	mt_expr_error_free(&err);

	/* On the first line the column counts from where the text starts. */
	text = "mode == \"sé\" && len(mode,)";
	ck_assert_ptr_null(mt_expr_compile(text, strlen(text), &ctx, &err));
	ck_assert_uint_eq(err.line, 12);
	ck_assert_uint_eq(err.col, 6 + 25);	/* characters, not bytes */
	ck_assert_uint_eq(err.caret, 26);	/* bytes */
	ck_assert_str_eq(err.msg, "expected a value, found ')'");
	mt_expr_error_free(&err);
	mt_expr_error_free(&err);	/* twice is harmless */
}
END_TEST

START_TEST(error_format)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr_error err;
	const char *want = "expression:1:7: expected a value, found end of "
	    "expression\n  mode >\n        ^";
	char buf[256], small[10];
	size_t len;

	ck_assert_ptr_null(mt_expr_compile("mode >", 6, &ctx, &err));
	len = mt_expr_error_format(&err, buf, sizeof(buf));
	ck_assert_str_eq(buf, want);
	ck_assert_uint_eq(len, strlen(want));
	/* snprintf-like: the length needed, the text cut and terminated */
	ck_assert_uint_eq(mt_expr_error_format(&err, small, sizeof(small)),
	    len);
	ck_assert_str_eq(small, "expressio");
	ck_assert_uint_eq(mt_expr_error_format(&err, NULL, 0), len);
	mt_expr_error_free(&err);
}
END_TEST

START_TEST(error_print)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr_error err;
	char *text = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&text, &size);

	ck_assert_ptr_nonnull(fp);
	ck_assert_ptr_null(mt_expr_compile("mode = 1", 8, &ctx, &err));
	mt_expr_error_print(&err, "manifest-select: ", fp);
	fclose(fp);
	ck_assert_str_eq(text, "manifest-select: expression:1:6: unexpected "
	    "'=': use '==' to compare\n  mode = 1\n       ^\n");
	free(text);
	mt_expr_error_free(&err);
}
END_TEST

START_TEST(error_null_err)
{
	struct mt_expr_ctx ctx = ctx_new();

	ck_assert_ptr_null(mt_expr_compile("((", 2, &ctx, NULL));
}
END_TEST

START_TEST(error_empty_text)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr_error err;

	ck_assert_ptr_null(mt_expr_compile(NULL, 0, &ctx, &err));
	ck_assert_str_eq(err.msg, "expected a value, found end of expression");
	ck_assert_uint_eq(err.col, 1);
	ck_assert_str_eq(err.text, "");
	mt_expr_error_free(&err);
}
END_TEST

START_TEST(error_no_fields)
{
	struct mt_expr_ctx ctx = { 0 };
	struct mt_expr_error err;

	ck_assert_ptr_null(mt_expr_compile("a", 1, &ctx, &err));
	ck_assert_str_eq(err.msg, "unknown field 'a': there are no fields");
	mt_expr_error_free(&err);
}
END_TEST

/* --- evaluation ---------------------------------------------------------- */

START_TEST(matched_text)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr *e = compile_ok("gross_weight_kg > 20000 && "
	    "description ~ /said to contain|general cargo/i", &ctx);
	const struct mt_expr_match *m;
	struct record r = { 0 };
	size_t n;

	set(&r, F_WEIGHT, "25000");
	set(&r, F_DESC, "1 X 40HC SAID TO CONTAIN GENERAL CARGO");
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
	m = mt_expr_matches(e, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(m[0].field, F_DESC);
	ck_assert_uint_eq(m[0].text.n, 15);
	ck_assert_int_eq(memcmp(m[0].text.p, "SAID TO CONTAIN", 15), 0);
	/* No backslash, no copy: the text is in the record. */
	ck_assert_ptr_eq(m[0].text.p, r.v[F_DESC].p + 9);

	/* A value is unescaped before it is matched. */
	set(&r, F_DESC, "GENERAL\\tCARGO");
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 0);
	set(&r, F_DESC, "x general\\\\cargo general cargo");
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
	m = mt_expr_matches(e, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(m[0].text.n, 13);
	ck_assert_int_eq(memcmp(m[0].text.p, "general cargo", 13), 0);

	/* Each evaluation starts afresh. */
	set(&r, F_WEIGHT, "100");
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 0);
	mt_expr_matches(e, &n);
	ck_assert_uint_eq(n, 0);
	mt_expr_free(e);
}
END_TEST

START_TEST(matched_text_several)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr *e = compile_ok("description ~ /a.b/ && "
	    "lower(consignee_name) ~ /logistics/ && mode !~ /air/", &ctx);
	const struct mt_expr_match *m;
	struct record r = { 0 };
	size_t n;

	set(&r, F_DESC, "a\\tb");
	set(&r, F_CONSIGNEE, "ACME LOGISTICS");
	set(&r, F_MODE, "sea");
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
	m = mt_expr_matches(e, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(m[0].field, F_DESC);
	ck_assert_uint_eq(m[0].text.n, 3);
	ck_assert_int_eq(memcmp(m[0].text.p, "a\tb", 3), 0);
	/* Not a bare field: no field index. */
	ck_assert_uint_eq(m[1].field, SIZE_MAX);
	ck_assert_int_eq(memcmp(m[1].text.p, "logistics", 9), 0);
	mt_expr_free(e);
}
END_TEST

START_TEST(limit_is_an_error)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr *e = compile_ok("description ~ /^(a+)+$/", &ctx);
	struct record r = { 0 };
	char subject[42];
	clock_t t0;

	memset(subject, 'a', 40);
	subject[40] = 'b';
	subject[41] = '\0';
	set(&r, F_DESC, subject);
	t0 = clock();
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), -1);
	ck_assert_msg((double)(clock() - t0) / CLOCKS_PER_SEC < 0.5,
	    "the limit took too long");
	ck_assert_str_eq(mt_expr_errmsg(e),
	    "regular expression /^(a+)+$/ hit its match limit");
	/* The expression stays usable after an error. */
	subject[40] = '\0';
	set(&r, F_DESC, subject);
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
	ck_assert_str_eq(mt_expr_errmsg(e), "");
	mt_expr_free(e);
}
END_TEST

START_TEST(shared_rx_env)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_rx_env *env = mt_rx_env_new(NULL);
	struct mt_expr *a, *b;
	struct record r = { 0 };

	ctx.rx = env;
	a = compile_ok("description ~ /cargo/", &ctx);
	b = compile_ok("consignee_name ~ /^to order$/i", &ctx);
	set(&r, F_DESC, "general cargo");
	set(&r, F_CONSIGNEE, "TO ORDER");
	ck_assert_int_eq(mt_expr_eval(a, r.v, NSCHEMA), 1);
	ck_assert_int_eq(mt_expr_eval(b, r.v, NSCHEMA), 1);
	mt_expr_free(a);
	mt_expr_free(b);
	mt_rx_env_free(env);
}
END_TEST

START_TEST(compile_free_loop)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_lists *ls = mt_lists_new();
	struct mt_list *l = mt_lists_add(ls, "countries", 9);
	struct record r = { 0 };
	struct mt_expr *e;
	int i;

	mt_list_add(l, "CO", 2);
	ctx.lists = ls;
	set(&r, F_ORIGIN, "CO");
	set(&r, F_DESC, "Général\\tcargo");
	set(&r, F_WEIGHT, "30000");
	set(&r, F_PACKAGES, "3");
	for (i = 0; i < 500; i++) {
		e = compile_ok("(origin_country in @countries || "
		    "origin_country in (\"PE\", \"BO\")) && "
		    "gross_weight_kg / packages > 1000 && "
		    "upper(substr(description, 1, 7)) ~ /^GÉNÉRAL$/i && "
		    "len(lower(description)) == 13 && "
		    "days(\"2026-01-01\", today()) > 0", &ctx);
		ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
		mt_expr_free(e);
	}
	/* And compile errors, which own strings of their own. */
	for (i = 0; i < 500; i++) {
		struct mt_expr_error err;

		ck_assert_ptr_null(mt_expr_compile("len(x", 5, &ctx, &err));
		mt_expr_error_free(&err);
	}
	mt_lists_free(ls);
}
END_TEST

/* Big values, many string results: the scratch arena grows, then holds. */
START_TEST(scratch_growth)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr *e = compile_ok("lower(description) == "
	    "upper(description) || "
	    "len(lower(upper(lower(description)))) == 100000", &ctx);
	struct record r = { 0 };
	char *big = malloc(100001);
	int i;

	memset(big, 'x', 100000);
	big[100000] = '\0';
	big[5] = '\\';
	big[6] = 't';
	set(&r, F_DESC, big);
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 0);
	big[6] = '\\';
	for (i = 0; i < 3; i++)
		ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 0);
	big[5] = 'x';
	big[6] = 'x';
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
	mt_expr_free(e);
	free(big);
}
END_TEST

/* --- added functions ----------------------------------------------------- */

static int calls;

static void
fn_twice(struct mt_expr_value *ret, const struct mt_expr_value *a, size_t n,
    struct mt_expr_scratch *s, void *data)
{
	calls++;
	ret->num = a[0].num * 2 + (n > 1 ? a[1].num : 0) +
	    *(const double *)data;
}

static void
fn_initials(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	char *out = mt_expr_alloc(s, a[0].str.n);
	size_t i, k = 0;

	for (i = 0; i < a[0].str.n; i++)
		if (i == 0 || a[0].str.p[i - 1] == ' ')
			out[k++] = a[0].str.p[i];
	ret->str.p = out;
	ret->str.n = k;
}

static void
fn_len_bytes(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	ret->num = (double)a[0].str.n;
}

START_TEST(added_functions)
{
	static const double zero = 0;
	const struct mt_expr_func funcs[] = {
		{ "twice", MT_EXPR_NUM, "n|n", fn_twice, (void *)&zero, true },
		{ "initials", MT_EXPR_STR, "s", fn_initials, NULL, false },
		{ "len", MT_EXPR_NUM, "s", fn_len_bytes, NULL, true },
	};
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr_error err;
	struct record r = { 0 };
	struct mt_expr *e;

	ctx.funcs = funcs;
	ctx.nfuncs = 3;
	set(&r, F_PACKAGES, "21");
	set(&r, F_CONSIGNEE, "to order of bank");
	set(&r, F_DESC, "é");

	e = compile_ok("twice(packages) == 42 && twice(1, 1) == 3 && "
	    "initials(consignee_name) == \"toob\" && initials(\"a b\") == "
	    "\"ab\" && len(description) == 2", &ctx);
	/* twice(1, 1) is pure with constant arguments: called once, now. */
	ck_assert_int_eq(calls, 1);
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
	ck_assert_int_eq(calls, 2);
	mt_expr_free(e);

	ck_assert_ptr_null(mt_expr_compile("twice()", 7, &ctx, &err));
	ck_assert_str_eq(err.msg, "twice() takes 1 or 2 arguments, found 0");
	mt_expr_error_free(&err);
	ck_assert_ptr_null(mt_expr_compile("nope(1)", 7, &ctx, &err));
	ck_assert_msg(strstr(err.msg, ", word_count, words, twice, initials, len")
	    != NULL, "%s", err.msg);
	mt_expr_error_free(&err);
}
END_TEST

/*
 * Expressions compiled with one memo and evaluated on one record make a
 * pure call of the same fields and constants once a record; its string
 * stays good for every expression of the record. Other arguments, an
 * impure function, or evaluation without the record call each time.
 */
static int initials_calls;

static void
fn_initials_counted(struct mt_expr_value *ret, const struct mt_expr_value *a,
    size_t n, struct mt_expr_scratch *s, void *data)
{
	initials_calls++;
	fn_initials(ret, a, n, s, data);
}

START_TEST(shared_calls)
{
	static const double zero = 0;
	const struct mt_expr_func funcs[] = {
		{ "twice", MT_EXPR_NUM, "n|n", fn_twice, (void *)&zero, true },
		{ "ini", MT_EXPR_STR, "s", fn_initials_counted, NULL, true },
		{ "ini_impure", MT_EXPR_STR, "s", fn_initials_counted, NULL,
		    false },
	};
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr_memo *memo = mt_expr_memo_new();
	struct mt_expr_rec *rec = mt_expr_rec_new();
	struct record r = { 0 }, r2 = { 0 };
	struct mt_expr *a, *b, *c, *d;

	ctx.funcs = funcs;
	ctx.nfuncs = 3;
	ctx.memo = memo;
	set(&r, F_PACKAGES, "21");
	set(&r, F_CONSIGNEE, "to order of bank");
	set(&r2, F_PACKAGES, "5");
	set(&r2, F_CONSIGNEE, "acme trading");
	a = compile_ok("ini(consignee_name) == \"toob\" && twice(packages) "
	    "== 42", &ctx);
	b = compile_ok("ini(consignee_name) ~ /^to/ && twice(packages) > 40 "
	    "&& twice(packages, 1) == 43", &ctx);
	c = compile_ok("ini_impure(consignee_name) == \"toob\"", &ctx);
	d = compile_ok("ini(description) == \"\"", &ctx);

	calls = initials_calls = 0;
	mt_expr_rec_set(rec, r.v, NSCHEMA);
	ck_assert_int_eq(mt_expr_eval_rec(a, rec), 1);
	ck_assert_int_eq(mt_expr_eval_rec(b, rec), 1);
	ck_assert_int_eq(mt_expr_eval_rec(a, rec), 1);
	/* ini once; twice once for (packages), once for (packages, 1). */
	ck_assert_int_eq(initials_calls, 1);
	ck_assert_int_eq(calls, 2);
	ck_assert_int_eq(mt_expr_eval_rec(c, rec), 1);
	ck_assert_int_eq(mt_expr_eval_rec(c, rec), 1);
	ck_assert_int_eq(initials_calls, 3);
	ck_assert_int_eq(mt_expr_eval_rec(d, rec), 1);
	ck_assert_int_eq(initials_calls, 4);

	/* The next record calls again, with its own values; && stops. */
	mt_expr_rec_set(rec, r2.v, NSCHEMA);
	ck_assert_int_eq(mt_expr_eval_rec(a, rec), 0);
	ck_assert_int_eq(mt_expr_eval_rec(b, rec), 0);
	ck_assert_int_eq(initials_calls, 5);
	ck_assert_int_eq(calls, 2);

	/* Without the record, each evaluation calls. */
	ck_assert_int_eq(mt_expr_eval(a, r.v, NSCHEMA), 1);
	ck_assert_int_eq(mt_expr_eval(a, r.v, NSCHEMA), 1);
	ck_assert_int_eq(initials_calls, 7);

	mt_expr_free(a);
	mt_expr_free(b);
	mt_expr_free(c);
	mt_expr_free(d);
	mt_expr_rec_free(rec);
	mt_expr_memo_free(memo);
}
END_TEST

/* --- today --------------------------------------------------------------- */

START_TEST(today_default)
{
	struct mt_expr_ctx ctx = ctx_new();
	struct mt_expr *e;
	struct record r = { 0 };
	char now[16];
	time_t t = time(NULL);
	struct tm tm;

	ctx.today = NULL;
	e = compile_ok("arrival_date == today()", &ctx);
	localtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%d", &tm);
	set(&r, F_ARRIVAL, now);
	/* Unless the test runs across midnight. */
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
	mt_expr_free(e);
}
END_TEST

/* --- numbers and dates --------------------------------------------------- */

static const struct {
	const char *s;
	double d;
} numbers[] = {
	{ "0", 0 }, { "-3", -3 }, { "+3", 3 }, { "12345.5", 12345.5 },
	{ "0.1", 0.1 }, { ".5", 0.5 }, { "5.", 5 }, { "1e3", 1000 },
	{ "2.5E-1", 0.25 }, { "0.000001", 1e-6 }, { "007", 7 },
	{ "9007199254740993", 9007199254740993.0 },
	{ "123456789012345678901234567890", 1.2345678901234568e29 },
	{ "0.30000000000000004", 0.30000000000000004 },
	{ "1e-320", 1e-320 },
	{ "1.7976931348623157e308", 1.7976931348623157e308 },
	{ "00000000000000000000000001", 1 },
	{ "0.00000000000000000000000001", 1e-26 },
};

START_TEST(parse_numbers)
{
	double d = -1;

	ck_assert_msg(mt_expr_parse_number(numbers[_i].s,
	    strlen(numbers[_i].s), &d), "%s", numbers[_i].s);
	ck_assert_msg(d == numbers[_i].d, "%s: %.17g", numbers[_i].s, d);
}
END_TEST

static const char *const not_numbers[] = {
	"", "-", "+", ".", "e3", "1e", "1e+", " 1", "1 ", "1,5", "0x10",
	"inf", "nan", "Infinity", "1e999", "-1e999", "1..2", "1.2.3", "12kg",
	"--1", "1-", "\\t1",
};

START_TEST(parse_not_numbers)
{
	double d = 42;

	ck_assert_msg(!mt_expr_parse_number(not_numbers[_i],
	    strlen(not_numbers[_i]), &d), "%s", not_numbers[_i]);
	ck_assert(d == 42);
}
END_TEST

START_TEST(parse_number_counted)
{
	double d;

	/* Only n bytes count, the rest is another field. */
	ck_assert(mt_expr_parse_number("12\t34", 2, &d));
	ck_assert(d == 12);
	ck_assert(!mt_expr_parse_number(NULL, 0, &d));
}
END_TEST

START_TEST(parse_dates)
{
	long days;

	ck_assert(mt_expr_parse_date("1970-01-01", 10, &days));
	ck_assert_int_eq(days, 0);
	ck_assert(mt_expr_parse_date("2000-03-01", 10, &days));
	ck_assert_int_eq(days, 11017);
	ck_assert(mt_expr_parse_date("1969-12-31", 10, &days));
	ck_assert_int_eq(days, -1);
	ck_assert(mt_expr_parse_date("2024-02-29", 10, &days));
	ck_assert(mt_expr_parse_date("2000-02-29", 10, &days));
	ck_assert(!mt_expr_parse_date("1900-02-29", 10, &days));
	ck_assert(!mt_expr_parse_date("2026-02-29", 10, &days));
	ck_assert(!mt_expr_parse_date("2026-04-31", 10, &days));
	ck_assert(!mt_expr_parse_date("2026-00-10", 10, &days));
	ck_assert(!mt_expr_parse_date("2026-01-00", 10, &days));
	ck_assert(!mt_expr_parse_date("2026/01/01", 10, &days));
	ck_assert(!mt_expr_parse_date("2026-1-01", 9, &days));
	ck_assert(!mt_expr_parse_date("2026-01-01T", 11, &days));
	ck_assert(!mt_expr_parse_date("", 0, &days));
}
END_TEST

/* --- mt_rx --------------------------------------------------------------- */

START_TEST(rx_match_and_offsets)
{
	struct mt_rx_env *env = mt_rx_env_new(NULL);
	char err[128];
	size_t off, start = 99, len = 99;
	struct mt_rx *rx = mt_rx_compile("c(a|o)rgo", 9, MT_RX_CASELESS, err,
	    sizeof(err), &off);

	ck_assert_ptr_nonnull(rx);
	ck_assert_int_eq(mt_rx_match(env, rx, "GENERAL CARGO", 13, &start,
	    &len, NULL), 1);
	ck_assert_uint_eq(start, 8);
	ck_assert_uint_eq(len, 5);
	ck_assert_int_eq(mt_rx_match(env, rx, "GENERAL CARGO", 12, NULL, NULL,
	    NULL), 0);
	ck_assert_int_eq(mt_rx_match(env, rx, NULL, 0, NULL, NULL, NULL), 0);
	ck_assert_uint_eq(mt_rx_flags(rx), MT_RX_CASELESS);
	ck_assert_str_eq(mt_rx_pattern(rx, &len), "c(a|o)rgo");
	mt_rx_free(rx);
	mt_rx_env_free(env);
}
END_TEST

START_TEST(rx_compile_error)
{
	char err[128];
	size_t off = 0;

	ck_assert_ptr_null(mt_rx_compile("ab(c", 4, 0, err, sizeof(err),
	    &off));
	ck_assert_str_eq(err, "missing closing parenthesis");
	ck_assert_uint_eq(off, 4);
	ck_assert_ptr_null(mt_rx_compile("a**", 3, 0, err, sizeof(err),
	    &off));
	ck_assert_uint_eq(off, 2);
	/* Invalid UTF-8 in a pattern is a compile error. */
	ck_assert_ptr_null(mt_rx_compile("a\xe9", 2, 0, err, sizeof(err),
	    &off));
}
END_TEST

START_TEST(rx_flags)
{
	unsigned f;
	size_t bad = 0;

	ck_assert_int_eq(mt_rx_parse_flags("ixsm", 4, &f, &bad), 0);
	ck_assert_uint_eq(f, MT_RX_CASELESS | MT_RX_EXTENDED | MT_RX_DOTALL |
	    MT_RX_MULTILINE);
	ck_assert_int_eq(mt_rx_parse_flags("", 0, &f, &bad), 0);
	ck_assert_uint_eq(f, 0);
	ck_assert_int_eq(mt_rx_parse_flags("iig", 3, &f, &bad), -1);
	ck_assert_uint_eq(bad, 2);
}
END_TEST

START_TEST(rx_limits)
{
	struct mt_rx_limits lim = { .match = 1000 };
	struct mt_rx_env *env = mt_rx_env_new(&lim);
	char err[128];
	size_t off;
	const char *why = NULL;
	struct mt_rx *rx = mt_rx_compile("^(a|aa)+$", 9, 0, err, sizeof(err),
	    &off);

	ck_assert_int_eq(mt_rx_match(env, rx, "aaaaaaaaaaaaaaaaaaaaaaaab", 25,
	    NULL, NULL, &why), -1);
	ck_assert_str_eq(why, "hit its match limit");
	ck_assert_int_eq(mt_rx_match(env, rx, "aaaa", 4, NULL, NULL, &why), 1);
	mt_rx_free(rx);
	mt_rx_env_free(env);
}
END_TEST

START_TEST(rx_invalid_utf8_subject)
{
	struct mt_rx_env *env = mt_rx_env_new(NULL);
	char err[128];
	size_t off, start, len;
	struct mt_rx *rx = mt_rx_compile("caf.", 4, 0, err, sizeof(err), &off);

	/* Latin-1 "café": no error, and no match of the stray byte. */
	ck_assert_int_eq(mt_rx_match(env, rx, "caf\xe9", 4, NULL, NULL, NULL),
	    0);
	ck_assert_int_eq(mt_rx_match(env, rx, "\xff caf\xc3\xa9", 7, &start,
	    &len, NULL), 1);
	ck_assert_uint_eq(start, 2);
	ck_assert_uint_eq(len, 5);
	mt_rx_free(rx);
	mt_rx_env_free(env);
}
END_TEST

/* --- mt_lists ------------------------------------------------------------ */

START_TEST(lists_basic)
{
	struct mt_lists *ls = mt_lists_new();
	struct mt_list *a = mt_lists_add(ls, "countries", 9), *b;
	struct mt_str s;

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_null(mt_lists_add(ls, "countries", 9));
	ck_assert_ptr_null(mt_lists_add(ls, "1x", 2));
	ck_assert_ptr_null(mt_lists_add(ls, "", 0));
	ck_assert_ptr_null(mt_lists_add(ls, "a-b", 3));
	b = mt_lists_add(ls, "High_Risk2", 10);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_eq(mt_lists_get(ls, "countries", 9), a);
	ck_assert_ptr_null(mt_lists_get(ls, "countrie", 8));
	ck_assert_uint_eq(mt_lists_count(ls), 2);
	ck_assert_ptr_eq(mt_lists_at(ls, 1), b);
	ck_assert_ptr_null(mt_lists_at(ls, 2));
	ck_assert_str_eq(mt_list_name(b), "High_Risk2");

	ck_assert(mt_list_add(a, "CO", 2));
	ck_assert(mt_list_add(a, "PE", 2));
	ck_assert(!mt_list_add(a, "CO", 2));
	ck_assert(mt_list_add(a, "", 0));
	ck_assert_uint_eq(mt_list_size(a), 3);
	ck_assert(mt_list_contains(a, "CO", 2));
	ck_assert(mt_list_contains(a, "COL", 2));
	ck_assert(!mt_list_contains(a, "co", 2));
	ck_assert(mt_list_contains(a, "", 0));
	ck_assert(!mt_list_contains(b, "CO", 2));
	s = mt_list_entry(a, 1);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_int_eq(memcmp(s.p, "PE", 2), 0);
	ck_assert_uint_eq(mt_list_entry(a, 3).n, 0);
	mt_lists_free(ls);
	mt_lists_free(NULL);
}
END_TEST

START_TEST(lists_many)
{
	struct mt_lists *ls = mt_lists_new();
	struct mt_list *l = mt_lists_add(ls, "many", 4);
	char buf[32];
	int i, n;

	for (i = 0; i < 50000; i++) {
		n = snprintf(buf, sizeof(buf), "entry %d", i);
		ck_assert(mt_list_add(l, buf, (size_t)n));
	}
	ck_assert_uint_eq(mt_list_size(l), 50000);
	for (i = 0; i < 50000; i++) {
		n = snprintf(buf, sizeof(buf), "entry %d", i);
		ck_assert(mt_list_contains(l, buf, (size_t)n));
		n = snprintf(buf, sizeof(buf), "entry %d!", i);
		ck_assert(!mt_list_contains(l, buf, (size_t)n));
	}
	mt_lists_free(ls);
}
END_TEST

/* A stand-in for party-name normalisation: ASCII case only. */
static void
key_upper(struct mt_buf *out, const char *p, size_t n, void *arg)
{
	size_t i;

	(*(int *)arg)++;
	for (i = 0; i < n; i++)
		mt_buf_addc(out, p[i] >= 'a' && p[i] <= 'z' ?
		    (char)(p[i] - 32) : p[i]);
}

START_TEST(lists_key_function)
{
	struct mt_lists *ls = mt_lists_new();
	struct mt_list *l = mt_lists_add(ls, "parties", 7);
	struct mt_expr_ctx ctx = ctx_new();
	struct record r = { 0 };
	struct mt_expr *e;
	int keyed = 0;

	ck_assert_int_eq(mt_list_set_key(l, key_upper, &keyed), 0);
	ck_assert(mt_list_add(l, "Acme Trading", 12));
	ck_assert(!mt_list_add(l, "ACME TRADING", 12));
	ck_assert_int_eq(mt_list_set_key(l, NULL, NULL), -1);
	ck_assert(mt_list_contains(l, "acme trading", 12));
	ck_assert_uint_eq(mt_list_entry(l, 0).n, 12);
	ck_assert_int_eq(memcmp(mt_list_entry(l, 0).p, "ACME TRADING", 12), 0);

	ctx.lists = ls;
	e = compile_ok("consignee_name in @parties", &ctx);
	set(&r, F_CONSIGNEE, "acme TRADING");
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 1);
	set(&r, F_CONSIGNEE, "acme trading co");
	ck_assert_int_eq(mt_expr_eval(e, r.v, NSCHEMA), 0);
	ck_assert_int_eq(keyed, 5);
	mt_expr_free(e);
	mt_lists_free(ls);
}
END_TEST

/* A file in the temporary directory with the given bytes. */
static char *
temp_file(const char *bytes, size_t n)
{
	char *path = mt_xstrdup("/tmp/check_expr.XXXXXX");
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, bytes, n), (ssize_t)n);
	close(fd);
	return path;
}

START_TEST(lists_load)
{
	static const char text[] =
	    "# watch list\n"
	    "ACME TRADING\r\n"
	    "  \t Blue Sky Logistics  \n"
	    "\n"
	    "   # indented comment\n"
	    "\r\n"
	    "Ünal Dış Ticaret\n"
	    "last line without newline";
	struct mt_lists *ls = mt_lists_new();
	struct mt_list *l = mt_lists_add(ls, "parties", 7);
	char *path = temp_file(text, sizeof(text) - 1), err[256];

	ck_assert_int_eq(mt_list_load(l, path, err, sizeof(err)), 0);
	ck_assert_uint_eq(mt_list_size(l), 4);
	ck_assert(mt_list_contains(l, "ACME TRADING", 12));
	ck_assert(mt_list_contains(l, "Blue Sky Logistics", 18));
	ck_assert(mt_list_contains(l, "Ünal Dış Ticaret",
	    strlen("Ünal Dış Ticaret")));
	ck_assert(mt_list_contains(l, "last line without newline", 25));
	ck_assert(!mt_list_contains(l, "# watch list", 12));
	unlink(path);
	free(path);
	mt_lists_free(ls);
}
END_TEST

START_TEST(lists_load_errors)
{
	struct mt_lists *ls = mt_lists_new();
	struct mt_list *l = mt_lists_add(ls, "x", 1);
	char *path, err[512], want[512];

	ck_assert_int_eq(mt_list_load(l, "/nonexistent/list.txt", err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "/nonexistent/list.txt: No such file or "
	    "directory");

	path = temp_file("ok\n# c\nLatin-1 caf\xe9\n", 20);
	ck_assert_int_eq(mt_list_load(l, path, err, sizeof(err)), -1);
	snprintf(want, sizeof(want), "%s:3: entry is not valid UTF-8", path);
	ck_assert_str_eq(err, want);
	/* Entries read before the error stay. */
	ck_assert(mt_list_contains(l, "ok", 2));
	unlink(path);
	free(path);

	path = temp_file("a\nb\0c\n", 6);
	ck_assert_int_eq(mt_list_load(l, path, err, sizeof(err)), -1);
	snprintf(want, sizeof(want), "%s:2: NUL byte in entry", path);
	ck_assert_str_eq(err, want);
	unlink(path);
	free(path);
	mt_lists_free(ls);
}
END_TEST

static Suite *
expr_suite(void)
{
	Suite *s = suite_create("expr");
	TCase *tc;

	tc = tcase_create("tree");
	tcase_add_loop_test(tc, tree_shapes, 0,
	    sizeof(trees) / sizeof(trees[0]));
	suite_add_tcase(s, tc);

	tc = tcase_create("fields");
	tcase_add_test(tc, field_span_and_list);
	tcase_add_test(tc, fewer_values_than_fields);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, error_struct);
	tcase_add_test(tc, error_format);
	tcase_add_test(tc, error_print);
	tcase_add_test(tc, error_null_err);
	tcase_add_test(tc, error_empty_text);
	tcase_add_test(tc, error_no_fields);
	suite_add_tcase(s, tc);

	tc = tcase_create("eval");
	tcase_add_test(tc, matched_text);
	tcase_add_test(tc, matched_text_several);
	tcase_add_test(tc, limit_is_an_error);
	tcase_add_test(tc, shared_rx_env);
	tcase_add_test(tc, compile_free_loop);
	tcase_add_test(tc, scratch_growth);
	tcase_add_test(tc, added_functions);
	tcase_add_test(tc, shared_calls);
	tcase_add_test(tc, today_default);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_loop_test(tc, parse_numbers, 0,
	    sizeof(numbers) / sizeof(numbers[0]));
	tcase_add_loop_test(tc, parse_not_numbers, 0,
	    sizeof(not_numbers) / sizeof(not_numbers[0]));
	tcase_add_test(tc, parse_number_counted);
	tcase_add_test(tc, parse_dates);
	suite_add_tcase(s, tc);

	tc = tcase_create("rx");
	tcase_add_test(tc, rx_match_and_offsets);
	tcase_add_test(tc, rx_compile_error);
	tcase_add_test(tc, rx_flags);
	tcase_add_test(tc, rx_limits);
	tcase_add_test(tc, rx_invalid_utf8_subject);
	suite_add_tcase(s, tc);

	tc = tcase_create("lists");
	tcase_add_test(tc, lists_basic);
	tcase_add_test(tc, lists_many);
	tcase_add_test(tc, lists_key_function);
	tcase_add_test(tc, lists_load);
	tcase_add_test(tc, lists_load_errors);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(expr_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
