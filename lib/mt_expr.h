/*
 * mt_expr: the expression language of manifest-expr(7), shared by
 * manifest-select and the `when` clauses of rules files.
 *
 * An expression is compiled once against a header (the field names), the
 * named lists and today's date: a lexer and a recursive-descent parser
 * build a typed syntax tree, constants are folded and regular expressions
 * compiled. It is then evaluated against each record's values, as they
 * stand in the record stream (escaped), without allocating in the steady
 * state.
 */
#ifndef MT_EXPR_H
#define MT_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mt_lists.h"
#include "mt_rx.h"
#include "mt_util.h"

/* Static types: every node of a compiled expression has one. */
enum mt_expr_type {
	MT_EXPR_BOOL,		/* a condition: comparison, match, and/or/not */
	MT_EXPR_NUM,		/* a double; NaN means "not a number" */
	MT_EXPR_STR		/* bytes; empty means unknown */
};

/* A value handed to and returned by a function. */
struct mt_expr_value {
	double num;
	struct mt_str str;
	bool b;
};

/* Memory for the strings functions return; reset before every evaluation. */
struct mt_expr_scratch;

/* n bytes that stay valid until the next evaluation. Never NULL. */
char *mt_expr_alloc(struct mt_expr_scratch *s, size_t n);

/*
 * A function of the language. args has one letter per argument, 's' for a
 * string and 'n' for a number; letters after a '|' are optional
 * arguments ("sn|n": a string, a number, and maybe another number).
 * Arguments arrive converted to those types; fn sets the member of ret
 * that matches type. A pure function of constant arguments is called once
 * at compile time. fn must not fail: an impossible result is "not a
 * number" or the empty string.
 */
typedef void mt_expr_fn(struct mt_expr_value *ret,
    const struct mt_expr_value *args, size_t nargs,
    struct mt_expr_scratch *s, void *data);

struct mt_expr_func {
	const char *name;
	enum mt_expr_type type;
	const char *args;
	mt_expr_fn *fn;
	void *data;
	bool pure;
};

/*
 * Calls shared by the expressions of a set (the rules of a rules file):
 * compiled with the same memo, expressions evaluated on one mt_expr_rec
 * make each call of a pure function of fields and constants once a
 * record, however many of them hold it (hs_chapter(hs_code) in ten
 * rules). A memo serves one set; compile with it from one thread at a
 * time.
 */
struct mt_expr_memo;
struct mt_expr_memo *mt_expr_memo_new(void);
void mt_expr_memo_free(struct mt_expr_memo *m);

/* What an expression is compiled against. Only fields is required. */
struct mt_expr_ctx {
	const char *source;		/* for messages; NULL: "expression" */
	unsigned long line, col;	/* where the text starts; 0 means 1 */
	const struct mt_str *fields;	/* the header's names */
	size_t nfields;
	struct mt_lists *lists;		/* for @name; may be NULL */
	struct mt_rx_env *rx;		/* shared by expressions; NULL: own */
	const char *today;		/* YYYY-MM-DD; NULL: the current date */
	const struct mt_expr_func *funcs;	/* added to the built-in ones */
	size_t nfuncs;
	struct mt_expr_memo *memo;	/* may be NULL: calls made each time */
};

/*
 * A compile error, at a line and a column (1-based, in characters) of the
 * source, with the line of the expression it is on and the byte offset of
 * the error in that line, for the caret display. The struct owns its
 * strings; release them with mt_expr_error_free.
 */
struct mt_expr_error {
	char *source;
	unsigned long line, col;
	char *msg;
	char *text;
	size_t caret;
};

/*
 * A successful match of a regular expression during the last evaluation;
 * field is SIZE_MAX when the value matched was not a bare field.
 */
struct mt_expr_match {
	size_t field;		/* the field matched, or SIZE_MAX */
	const struct mt_rx *rx;
	struct mt_str text;	/* the matched text, unescaped */
};

struct mt_expr;

/*
 * Compile n bytes of expression text. NULL on error, with err filled in
 * (err may be NULL).
 */
struct mt_expr *mt_expr_compile(const char *text, size_t n,
    const struct mt_expr_ctx *ctx, struct mt_expr_error *err);
/*
 * Check an expression when there is no header to compile it against (all
 * inputs empty), so that a mistake in a cron job shows on a quiet day
 * too: every name is taken for a field. True when it compiles; else
 * false with err filled in.
 */
bool mt_expr_syntax_ok(const char *text, size_t n,
    const struct mt_expr_ctx *ctx, struct mt_expr_error *err);
void mt_expr_free(struct mt_expr *e);

/*
 * Evaluate against a record's values, escaped as in the record stream and
 * indexed like the header. Values beyond n are taken as empty. Returns 1
 * for true, 0 for false, -1 for an error whose message mt_expr_errmsg
 * gives (a regular expression that hit a limit). Strings seen through
 * mt_expr_matches stay valid until the next evaluation and as long as
 * the values do.
 */
int mt_expr_eval(struct mt_expr *e, const struct mt_str *values, size_t n);
const char *mt_expr_errmsg(const struct mt_expr *e);

/*
 * A record evaluated by several expressions: each field is read as a
 * number, and unescaped, once for all of them. Set it to each record,
 * then evaluate with mt_expr_eval_rec (same results as mt_expr_eval);
 * strings of the record stay valid until the next mt_expr_rec_set. The
 * expressions evaluated on one record share one memo, or have none.
 */
struct mt_expr_rec;
struct mt_expr_rec *mt_expr_rec_new(void);
void mt_expr_rec_free(struct mt_expr_rec *r);
void mt_expr_rec_set(struct mt_expr_rec *r, const struct mt_str *values,
    size_t n);
int mt_expr_eval_rec(struct mt_expr *e, struct mt_expr_rec *r);

/*
 * Guards of regular expressions, for a prefilter: fn gets each regular
 * expression matched against a bare field, with its guard so far
 * (UINT32_MAX: none), and returns its guard. In mt_expr_eval_rec, a
 * guarded match is tried only when seen[guard] == mark (set with
 * mt_expr_rec_set_seen), and otherwise taken to fail: the caller
 * promises that it cannot match then.
 */
typedef uint32_t mt_expr_guard_fn(size_t field, const struct mt_rx *rx,
    uint32_t guard, void *arg);
void mt_expr_guard_matches(struct mt_expr *e, mt_expr_guard_fn *fn,
    void *arg);
void mt_expr_rec_set_seen(struct mt_expr_rec *r, const uint32_t *seen,
    uint32_t mark);

/* Regular expression matches of the last evaluation, in the order made. */
const struct mt_expr_match *mt_expr_matches(const struct mt_expr *e,
    size_t *n);

/*
 * One more than the highest field index the expression reads (0 when it
 * reads none): a reader need split a record only that far.
 */
size_t mt_expr_field_span(const struct mt_expr *e);

/* The indexes of the fields the expression reads, ascending. */
const size_t *mt_expr_fields(const struct mt_expr *e, size_t *n);

/*
 * A regular expression on a field: of the needs mt_expr_needs returns,
 * one must match for the expression to be true.
 */
struct mt_expr_need {
	size_t field;
	const struct mt_rx *rx;
};

/* Whether a need on rx is of use to the caller (it can test for it). */
typedef bool mt_expr_usable_fn(const struct mt_rx *rx, void *arg);

/*
 * Set *out to a malloc'd array of needs, at least one of which must match
 * for the expression to be true, and return how many; 0 (and NULL) when
 * no such set of usable needs is known, e.g. for an expression with no
 * regular expression or one true when a match fails. Free *out.
 */
size_t mt_expr_needs(const struct mt_expr *e, mt_expr_usable_fn *usable,
    void *arg, struct mt_expr_need **out);

/*
 * Call fn for every `in @list` of the expression with the field looked up
 * (SIZE_MAX when the value is not a bare field), the list and the byte
 * offset of the `in` in the expression text.
 */
typedef void mt_expr_list_use_fn(size_t field, struct mt_list *list,
    size_t pos, void *arg);
void mt_expr_list_uses(const struct mt_expr *e, mt_expr_list_use_fn *fn,
    void *arg);

/* The syntax tree as an S-expression, for tests and --explain output. */
void mt_expr_dump(const struct mt_expr *e, struct mt_buf *out);

/*
 * Write the error as
 *	SOURCE:LINE:COL: MESSAGE
 *	  TEXT
 *	  ^
 * into buf, snprintf-style: returns the length of the whole text, which
 * may exceed size. No line end after the caret.
 */
size_t mt_expr_error_format(const struct mt_expr_error *err, char *buf,
    size_t size);
/*
 * The same on fp, with prefix (may be NULL) before the first line and a
 * newline after the last.
 */
void mt_expr_error_print(const struct mt_expr_error *err, const char *prefix,
    FILE *fp);
void mt_expr_error_free(struct mt_expr_error *err);

/*
 * A number as the language reads it from a value: optional sign, digits
 * with an optional '.' fraction, optional exponent; nothing else, not even
 * spaces. False for anything else, and for magnitudes beyond a double.
 */
bool mt_expr_parse_number(const char *p, size_t n, double *out);

/* A YYYY-MM-DD date to days since 1970-01-01; false if not a real date. */
bool mt_expr_parse_date(const char *p, size_t n, long *days);

#endif
