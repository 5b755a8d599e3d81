/*
 * mt_rules: rules files of risk-rules(5).
 *
 * A file is read whole (rules files are small, and the `when` of a rule
 * runs over several lines) and parsed line by line. A mistake is reported
 * and parsing goes on at the next statement, so that one run of
 * `risk-score --check` shows every mistake of a file.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mt_norm.h"
#include "mt_party.h"
#include "mt_rules.h"
#include "mt_schema.h"

/* The largest rules file read, a guard against reading the wrong file. */
#define MAX_FILE	(64u << 20)
#define MAX_ID		64

const char *const mt_lane_names[3] = { "green", "yellow", "red" };

const char *const mt_rule_categories[MT_RULE_NCATEGORIES] = {
	"narcotics", "tobacco", "counterfeit", "weapons", "wildlife",
	"revenue", "security", "data-quality"
};

/* The fields risk-score writes: no rule may read them. */
static const char *const written[] = { "score", "lane", "hits", "reasons" };

/* Where something was set, for "first at" in messages. */
struct place {
	const char *file;
	unsigned long line;
};

/* A list, where it was declared, and whether it holds party names. */
struct listdecl {
	struct mt_list *list;
	struct place at;
	bool parties;
};

struct mt_rules {
	FILE *diag;
	size_t errors, warnings;
	char **files;			/* names of the files loaded */
	size_t nfiles;
	struct mt_rule *v;
	size_t n, cap;
	struct mt_lists *lists;
	struct listdecl *decls;
	size_t ndecls;
	int threshold[3];		/* by lane; [GREEN] unused */
	struct place thr_at[3];		/* file NULL: the default */
	long today;
	char today_text[11];
	struct mt_str *fields;		/* what the rules were compiled with */
	size_t nfields, nheader;
	struct mt_expr_memo *memo;	/* calls shared by the rules */
};

/* The state of parsing one file. */
struct parse {
	struct mt_rules *rs;
	const char *file;		/* as named, owned by rs->files */
	char *dir;			/* its folder, for list paths */
	char *text;
	size_t size;
	size_t pos;			/* start of the next line */
	unsigned long lineno;		/* of the current line */
	char *line;			/* the current line, NUL-terminated */
	size_t len;
};

static void
diag(struct mt_rules *rs, const char *kind, const char *file,
    unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void
diag(struct mt_rules *rs, const char *kind, const char *file,
    unsigned long line, unsigned long col, const char *fmt, ...)
{
	struct mt_buf b = { 0 };
	char head[64];
	va_list ap;
	int n;

	mt_buf_add(&b, file, strlen(file));
	n = col > 0 ? snprintf(head, sizeof head, ":%lu:%lu: ", line, col) :
	    snprintf(head, sizeof head, ":%lu: ", line);
	mt_buf_add(&b, head, (size_t)n);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	mt_buf_reserve(&b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.buf + b.len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b.len += (size_t)n;
	fprintf(rs->diag, "%s: %s", mt_progname(), kind);
	/* Words of the rules file: no terminal controls. */
	mt_write_safe(rs->diag, b.buf, b.len);
	fputc('\n', rs->diag);
	mt_buf_free(&b);
}

/* Columns count characters, from 1. */
static unsigned long
col_of(const char *line, const char *at)
{
	unsigned long c = 1;

	for (; line < at; line++)
		if (((unsigned char)*line & 0xc0) != 0x80)
			c++;
	return c;
}

static void
perr(struct parse *ps, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
perr(struct parse *ps, const char *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag(ps->rs, "", ps->file, ps->lineno,
	    at ? col_of(ps->line, at) : 0, "%s", msg);
	ps->rs->errors++;
}

struct mt_rules *
mt_rules_new(FILE *diagfp)
{
	struct mt_rules *rs = mt_xcalloc(1, sizeof(*rs));

	rs->diag = diagfp ? diagfp : stderr;
	rs->lists = mt_lists_new();
	rs->memo = mt_expr_memo_new();
	rs->threshold[MT_LANE_YELLOW] = 40;
	rs->threshold[MT_LANE_RED] = 70;
	return rs;
}

void
mt_rules_free(struct mt_rules *rs)
{
	size_t i;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].id);
		free(rs->v[i].reason);
		free(rs->v[i].when);
		mt_expr_free(rs->v[i].expr);
	}
	free(rs->v);
	for (i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	free(rs->decls);
	free(rs->fields);
	mt_lists_free(rs->lists);
	mt_expr_memo_free(rs->memo);
	free(rs);
}

/* --- lines and words ------------------------------------------------------ */

/* Move to the next line; false at the end of the file. */
static bool
next_line(struct parse *ps)
{
	char *p, *end;

	if (ps->pos >= ps->size)
		return false;
	p = ps->text + ps->pos;
	end = memchr(p, '\n', ps->size - ps->pos);
	if (end == NULL)
		end = ps->text + ps->size;
	ps->pos = (size_t)(end - ps->text) + 1;
	*end = '\0';
	if (end > p && end[-1] == '\r')
		*--end = '\0';
	ps->line = p;
	ps->len = (size_t)(end - p);
	ps->lineno++;
	if (!mt_utf8_valid(p, ps->len)) {
		perr(ps, NULL, "the line is not valid UTF-8 (save the file as UTF-8)");
		*p = '\0';
		ps->len = 0;
	}
	return true;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static char *
skip_blank(char *p)
{
	while (is_blank(*p))
		p++;
	return p;
}

/* A line with nothing but white space or a comment. */
static bool
is_empty_line(const char *line)
{
	while (is_blank(*line))
		line++;
	return *line == '\0' || *line == '#';
}

/* A line that is `}` alone (white space around it allowed). */
static bool
is_close(const char *line)
{
	while (is_blank(*line))
		line++;
	if (*line != '}')
		return false;
	line++;
	while (is_blank(*line))
		line++;
	return *line == '\0';
}

/* The word at *p (up to white space); *p moves past it and its blanks. */
static char *
word(char **p, size_t *n)
{
	char *w = *p, *q = w;

	while (*q != '\0' && !is_blank(*q))
		q++;
	*n = (size_t)(q - w);
	*p = skip_blank(q);
	return w;
}

/* After a complete value: nothing, or a comment. */
static bool
at_end(struct parse *ps, char *p, const char *what)
{
	p = skip_blank(p);
	if (*p == '\0' || *p == '#')
		return true;
	perr(ps, p, "unexpected text after %s", what);
	return false;
}

/*
 * A quoted string at *p with \" and \\ escapes, into a new string; NULL
 * after an error. *p moves past the closing quote.
 */
static char *
quoted(struct parse *ps, char **p, const char *what)
{
	struct mt_buf b = { 0 };
	char *q = *p;

	if (*q != '"') {
		perr(ps, q, "expected %s in double quotes", what);
		return NULL;
	}
	for (q++; *q != '"'; q++) {
		if (*q == '\0') {
			perr(ps, *p, "%s: no closing '\"'", what);
			mt_buf_free(&b);
			return NULL;
		}
		if (*q == '\\') {
			if (q[1] != '"' && q[1] != '\\') {
				perr(ps, q, "unknown escape in %s: write \\\\ "
				    "for a backslash, \\\" for a quote", what);
				mt_buf_free(&b);
				return NULL;
			}
			q++;
		}
		mt_buf_addc(&b, *q);
	}
	*p = q + 1;
	mt_buf_addc(&b, '\0');
	return b.buf;
}

/* A whole number from lo to hi; false after an error. */
static bool
integer(struct parse *ps, char **p, long lo, long hi, const char *what,
    long *out)
{
	char *q = *p, *w;
	long v = 0;
	bool neg = false;
	size_t n;

	w = word(&q, &n);
	if (n > 0 && (*w == '-' || *w == '+')) {
		neg = *w == '-';
		w++;
		n--;
	}
	if (n == 0 || n > 6 || strspn(w, "0123456789") < n) {
		perr(ps, *p, "%s: expected a whole number from %ld to %ld",
		    what, lo, hi);
		return false;
	}
	while (n-- > 0)
		v = v * 10 + (*w++ - '0');
	if (neg)
		v = -v;
	if (v < lo || v > hi) {
		perr(ps, *p, "%s: %ld is not from %ld to %ld", what, v, lo, hi);
		return false;
	}
	*out = v;
	*p = q;
	return true;
}

static bool
valid_id(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || n > MAX_ID)
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');

		if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-')))
			return false;
	}
	return true;
}

/* --- statements ----------------------------------------------------------- */

static void
threshold_stmt(struct parse *ps, char *p)
{
	struct mt_rules *rs = ps->rs;
	char *w = p;
	size_t n;
	long v;
	enum mt_lane lane;

	w = word(&p, &n);
	if (n == 3 && memcmp(w, "red", 3) == 0)
		lane = MT_LANE_RED;
	else if (n == 6 && memcmp(w, "yellow", 6) == 0)
		lane = MT_LANE_YELLOW;
	else {
		perr(ps, w, "threshold: expected red or yellow, found '%.*s'",
		    (int)n, w);
		return;
	}
	if (!integer(ps, &p, 1, 100, "threshold", &v) ||
	    !at_end(ps, p, "the threshold"))
		return;
	if (rs->thr_at[lane].file != NULL && rs->threshold[lane] != (int)v) {
		perr(ps, w, "threshold %s set to %ld, but to %d at %s:%lu",
		    mt_lane_names[lane], v, rs->threshold[lane],
		    rs->thr_at[lane].file, rs->thr_at[lane].line);
		return;
	}
	rs->threshold[lane] = (int)v;
	rs->thr_at[lane].file = ps->file;
	rs->thr_at[lane].line = ps->lineno;
}

/* The path of a list file: as written when absolute, else by the file. */
static char *
list_path(const struct parse *ps, const char *name)
{
	char *path;
	size_t n;

	if (name[0] == '/' || ps->dir == NULL)
		return mt_xstrdup(name);
	n = strlen(ps->dir) + strlen(name) + 2;
	path = mt_xmalloc(n);
	snprintf(path, n, "%s/%s", ps->dir, name);
	return path;
}

/* The entries of an inline list, up to its `}`. */
static void
list_block(struct parse *ps, struct mt_list *l, unsigned long open)
{
	char *p, *e;

	while (next_line(ps)) {
		if (is_close(ps->line))
			return;
		p = skip_blank(ps->line);
		if (*p == '\0' || *p == '#')
			continue;
		e = p + strlen(p);
		while (e > p && is_blank(e[-1]))
			e--;
		if (l != NULL)
			(void)mt_list_add(l, p, (size_t)(e - p));
	}
	perr(ps, NULL, "end of file inside the list opened on line %lu: "
	    "no '}' line", open);
}

static void
list_stmt(struct parse *ps, char *p, bool parties)
{
	struct mt_rules *rs = ps->rs;
	struct mt_list *l = NULL;
	char *name, *file = NULL, *path, err[512];
	size_t n, i;
	unsigned long open = ps->lineno;

	name = word(&p, &n);
	if (!mt_lists_valid_name(name, n)) {
		perr(ps, name, "'%.*s' is not a list name (a letter or _, "
		    "then letters, digits, _)", (int)n, name);
		if (*p == '{')
			list_block(ps, NULL, open);
		return;
	}
	for (i = 0; i < rs->ndecls; i++)
		if (strlen(mt_list_name(rs->decls[i].list)) == n &&
		    memcmp(mt_list_name(rs->decls[i].list), name, n) == 0) {
			perr(ps, name, "list '%.*s' is declared twice: first "
			    "at %s:%lu", (int)n, name, rs->decls[i].at.file,
			    rs->decls[i].at.line);
			if (*p == '{')
				list_block(ps, NULL, open);
			return;
		}
	if (*p == '{') {
		if (!at_end(ps, p + 1, "'{'")) {
			list_block(ps, NULL, open);
			return;
		}
	} else if (*p == '=') {
		p = skip_blank(p + 1);
		if ((file = quoted(ps, &p, "the list file")) == NULL)
			return;
		if (!at_end(ps, p, "the list file")) {
			free(file);
			return;
		}
	} else {
		perr(ps, *p ? p : NULL, "expected '= \"FILE\"' or '{' after the "
		    "list name");
		return;
	}
	l = mt_lists_add(rs->lists, name, n);
	if (parties)
		(void)mt_list_set_key(l, mt_party_key, NULL);
	rs->decls = mt_xrealloc(rs->decls, (rs->ndecls + 1) *
	    sizeof(*rs->decls));
	rs->decls[rs->ndecls].list = l;
	rs->decls[rs->ndecls].at.file = ps->file;
	rs->decls[rs->ndecls].at.line = ps->lineno;
	rs->decls[rs->ndecls].parties = parties;
	rs->ndecls++;
	if (*p == '{') {
		list_block(ps, l, open);
		return;
	}
	path = list_path(ps, file);
	if (mt_list_load(l, path, err, sizeof err) < 0)
		perr(ps, strchr(ps->line, '"'), "list file: %s", err);
	free(path);
	free(file);
}

static struct mt_rule *
find_rule(const struct mt_rules *rs, const char *id, size_t n)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strlen(rs->v[i].id) == n && memcmp(rs->v[i].id, id, n) == 0)
			return &rs->v[i];
	return NULL;
}

/* Skip to the `}` of a rule after an error in it. */
static void
skip_block(struct parse *ps, const char *id, size_t n, unsigned long open)
{
	while (next_line(ps))
		if (is_close(ps->line))
			return;
	perr(ps, NULL, "end of file inside rule %.*s (line %lu): no '}' line",
	    (int)n, id, open);
}

/*
 * The `when` text from p to the `}` line: later lines are taken whole,
 * comment lines as empty lines, so that positions stay right.
 */
static bool
when_text(struct parse *ps, struct mt_rule *r, char *p, unsigned long open)
{
	struct mt_buf b = { 0 };

	r->when_line = ps->lineno;
	r->when_col = col_of(ps->line, p);
	mt_buf_add(&b, p, strlen(p));
	for (;;) {
		if (!next_line(ps)) {
			perr(ps, NULL, "end of file inside rule %s (line %lu): "
			    "no '}' line", r->id, open);
			mt_buf_free(&b);
			return false;
		}
		if (is_close(ps->line))
			break;
		mt_buf_addc(&b, '\n');
		if (*skip_blank(ps->line) != '#')
			mt_buf_add(&b, ps->line, ps->len);
	}
	r->nwhen = b.len;
	mt_buf_addc(&b, '\0');
	r->when = b.buf;
	return true;
}

static bool
date_value(struct parse *ps, char **p, const char *what, long *days)
{
	char *w;
	size_t n;

	w = word(p, &n);
	if (!mt_expr_parse_date(w, n, days)) {
		perr(ps, w, "%s: expected a date YYYY-MM-DD, found '%.*s'", what,
		    (int)n, w);
		return false;
	}
	return true;
}

/* One attribute line of a rule; false after an error. */
static bool
attribute(struct parse *ps, struct mt_rule *r, char *p, unsigned seen[])
{
	static const char *const keys[] = {
		"reason", "weight", "category", "from", "until", "lane", "when"
	};
	char *key, *w;
	size_t n, k, i;
	long v;

	key = word(&p, &n);
	for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (strlen(keys[k]) == n && memcmp(keys[k], key, n) == 0)
			break;
	if (k == sizeof keys / sizeof keys[0]) {
		perr(ps, key, "unknown attribute '%.*s' (reason, weight, "
		    "category, from, until, lane, when)", (int)n, key);
		return false;
	}
	if (seen[k]) {
		perr(ps, key, "%s given twice in rule %s (first on line %u)",
		    keys[k], r->id, seen[k]);
		return false;
	}
	seen[k] = (unsigned)ps->lineno;
	if (k != 6 && *p == '\0') {
		perr(ps, key, "%s: no value", keys[k]);
		return false;
	}
	switch (k) {
	case 0:
		if ((r->reason = quoted(ps, &p, "the reason")) == NULL)
			return false;
		if (r->reason[0] == '\0') {
			perr(ps, key, "the reason is empty");
			return false;
		}
		return at_end(ps, p, "the reason");
	case 1:
		if (!integer(ps, &p, -100, 100, "weight", &v))
			return false;
		r->weight = (int)v;
		return at_end(ps, p, "the weight");
	case 2:
		w = word(&p, &n);
		for (i = 0; i < MT_RULE_NCATEGORIES; i++)
			if (strlen(mt_rule_categories[i]) == n &&
			    memcmp(mt_rule_categories[i], w, n) == 0)
				break;
		if (i == MT_RULE_NCATEGORIES) {
			perr(ps, w, "unknown category '%.*s' (narcotics, "
			    "tobacco, counterfeit, weapons, wildlife, revenue, "
			    "security, data-quality)", (int)n, w);
			return false;
		}
		r->category = (int)i;
		return at_end(ps, p, "the category");
	case 3:
		return date_value(ps, &p, "from", &r->from) &&
		    at_end(ps, p, "the date");
	case 4:
		return date_value(ps, &p, "until", &r->until) &&
		    at_end(ps, p, "the date");
	case 5:
		w = word(&p, &n);
		if (n == 3 && memcmp(w, "red", 3) == 0)
			r->lane = MT_LANE_RED;
		else if (n == 6 && memcmp(w, "yellow", 6) == 0)
			r->lane = MT_LANE_YELLOW;
		else {
			perr(ps, w, "lane: expected red or yellow, found "
			    "'%.*s'", (int)n, w);
			return false;
		}
		return at_end(ps, p, "the lane");
	default:
		return true;
	}
}

static void
rule_stmt(struct parse *ps, char *p)
{
	struct mt_rules *rs = ps->rs;
	struct mt_rule r, *dup;
	unsigned seen[7] = { 0 };
	unsigned long open = ps->lineno;
	char *id, *q;
	size_t n;
	bool ok = true;

	id = word(&p, &n);
	if (n > 1 && id[n - 1] == '{' && *p == '\0') {
		/* "rule A{": the brace against the id. */
		n--;
		p = id + n;
	}
	if (!valid_id(id, n)) {
		perr(ps, id, "'%.*s' is not a rule id (a letter or digit, then "
		    "letters, digits, '_', '.', '-'; at most %d)", (int)n, id,
		    MAX_ID);
		ok = false;
	} else if ((dup = find_rule(rs, id, n)) != NULL) {
		perr(ps, id, "rule id %.*s is used twice: first at %s:%lu",
		    (int)n, id, dup->file, dup->line);
		ok = false;
	}
	if (*p != '{') {
		perr(ps, *p ? p : NULL, "expected '{' after the rule id");
		return;		/* no block to skip: it may not be one */
	}
	if (!at_end(ps, p + 1, "'{'")) {
		skip_block(ps, id, n, open);	/* a block all the same */
		return;
	}
	if (!ok) {
		char *idcopy = mt_xstrndup(id, n);

		/* The line is overwritten as the block is skipped. */
		skip_block(ps, idcopy, n, open);
		free(idcopy);
		return;
	}
	memset(&r, 0, sizeof r);
	r.id = mt_xstrndup(id, n);
	r.category = -1;
	r.from = LONG_MIN;
	r.until = LONG_MAX;
	r.lane = MT_LANE_GREEN;
	r.file = ps->file;
	r.line = open;
	for (;;) {
		if (!next_line(ps)) {
			perr(ps, NULL, "end of file inside rule %s (line %lu): "
			    "no '}' line", r.id, open);
			ok = false;
			break;
		}
		if (is_close(ps->line))
			break;
		if (is_empty_line(ps->line))
			continue;
		q = skip_blank(ps->line);
		if (!attribute(ps, &r, q, seen)) {
			ok = false;
			skip_block(ps, r.id, strlen(r.id), open);
			break;
		}
		if (strncmp(q, "when", 4) == 0 && (is_blank(q[4]) ||
		    q[4] == '\0')) {
			ok = when_text(ps, &r, skip_blank(q + 4), open);
			break;
		}
	}
	if (ok && (!seen[0] || !seen[1] || !seen[6])) {
		diag(rs, "", ps->file, open, 0, "rule %s has no %s", r.id,
		    !seen[0] ? "reason" : !seen[1] ? "weight" : "when");
		rs->errors++;
		ok = false;
	}
	if (ok && r.from > r.until) {
		diag(rs, "", ps->file, seen[4], 0, "rule %s: until is before "
		    "from", r.id);
		rs->errors++;
		ok = false;
	}
	if (ok && strspn(r.when, " \t\n") == r.nwhen) {
		diag(rs, "", ps->file, seen[6], 0, "rule %s: when has no "
		    "expression", r.id);
		rs->errors++;
		ok = false;
	}
	if (!ok) {
		free(r.id);
		free(r.reason);
		free(r.when);
		return;
	}
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 16;
		rs->v = mt_xrealloc(rs->v, rs->cap * sizeof(*rs->v));
	}
	rs->v[rs->n++] = r;
}

static void
statement(struct parse *ps)
{
	char *p = skip_blank(ps->line), *w;
	size_t n;

	if (*p == '\0' || *p == '#')
		return;
	w = word(&p, &n);
	if (n == 4 && memcmp(w, "rule", 4) == 0)
		rule_stmt(ps, p);
	else if (n == 4 && memcmp(w, "list", 4) == 0)
		list_stmt(ps, p, false);
	else if (n == 7 && memcmp(w, "parties", 7) == 0)
		list_stmt(ps, p, true);
	else if (n == 9 && memcmp(w, "threshold", 9) == 0)
		threshold_stmt(ps, p);
	else if (is_close(w))
		perr(ps, w, "'}' with no block open");
	else
		perr(ps, w, "expected rule, list, parties or threshold, found "
		    "'%.*s'", (int)n, w);
}

/* "PROG: PATH: why", the path without terminal controls. */
static void
file_error(struct mt_rules *rs, const char *path, const char *why)
{
	fprintf(rs->diag, "%s: ", mt_progname());
	mt_write_safe(rs->diag, path, strlen(path));
	fprintf(rs->diag, ": %s\n", why);
	rs->errors++;
}

/* The whole file; NULL after a message. */
static char *
read_file(struct mt_rules *rs, const char *path, size_t *size)
{
	FILE *fp;
	struct mt_buf b = { 0 };
	size_t got;

	if ((fp = fopen(path, "rb")) == NULL) {
		file_error(rs, path, strerror(errno));
		return NULL;
	}
	do {
		mt_buf_reserve(&b, 65536);
		got = fread(b.buf + b.len, 1, 65536, fp);
		b.len += got;
	} while (got > 0 && b.len <= MAX_FILE);
	if (ferror(fp) || b.len > MAX_FILE) {
		file_error(rs, path, ferror(fp) ? strerror(errno) :
		    "larger than 64 MiB: not a rules file");
		fclose(fp);
		mt_buf_free(&b);
		return NULL;
	}
	fclose(fp);
	mt_buf_addc(&b, '\0');
	*size = b.len - 1;
	return b.buf;
}

/* Parse text (size bytes, NUL after them, owned by the caller). */
static size_t
load_text(struct mt_rules *rs, const char *path, char *text, size_t size)
{
	struct parse ps;
	size_t before = rs->errors;
	const char *slash;
	char *nul;

	memset(&ps, 0, sizeof ps);
	ps.rs = rs;
	ps.text = text;
	ps.size = size;
	rs->files = mt_xrealloc(rs->files, (rs->nfiles + 1) * sizeof(char *));
	rs->files[rs->nfiles] = mt_xstrdup(path);
	ps.file = rs->files[rs->nfiles++];
	if ((slash = strrchr(path, '/')) != NULL)
		ps.dir = mt_xstrndup(path, slash == path ? 1 :
		    (size_t)(slash - path));
	/* A byte order mark, as some editors write: skipped. */
	if (ps.size >= 3 && memcmp(ps.text, "\xef\xbb\xbf", 3) == 0)
		ps.pos = 3;
	if ((nul = memchr(ps.text, '\0', ps.size)) != NULL) {
		ps.lineno = 1;
		for (const char *q = ps.text; q < nul; q++)
			ps.lineno += *q == '\n';
		diag(rs, "", ps.file, ps.lineno, 0, "NUL byte: not a rules "
		    "file");
		rs->errors++;
	} else
		while (next_line(&ps))
			statement(&ps);
	free(ps.dir);
	return rs->errors - before;
}

size_t
mt_rules_load(struct mt_rules *rs, const char *path)
{
	size_t size, errors;
	char *text;

	if ((text = read_file(rs, path, &size)) == NULL)
		return 1;
	errors = load_text(rs, path, text, size);
	free(text);
	return errors;
}

size_t
mt_rules_load_text(struct mt_rules *rs, const char *name, const char *text,
    size_t size)
{
	char *copy = mt_xmalloc(size + 1);
	size_t errors;

	memcpy(copy, text, size);
	copy[size] = '\0';
	errors = load_text(rs, name, copy, size);
	free(copy);
	return errors;
}

/* --- compiling ------------------------------------------------------------ */

static bool
is_written(struct mt_str name)
{
	size_t i;

	for (i = 0; i < sizeof written / sizeof written[0]; i++)
		if (mt_str_eq(name, written[i]))
			return true;
	return false;
}

/* The header's fields, then the canonical ones it lacks. */
static void
set_fields(struct mt_rules *rs, const struct mt_str *fields, size_t n)
{
	size_t i, j;

	free(rs->fields);
	rs->fields = mt_xcalloc(n + MT_NFIELDS + 1, sizeof(*rs->fields));
	memcpy(rs->fields, fields, n * sizeof(*fields));
	rs->nheader = rs->nfields = n;
	for (i = 0; i < MT_NFIELDS; i++) {
		for (j = 0; j < n; j++)
			if (mt_str_eq(fields[j], mt_field_names[i]))
				break;
		if (j == n) {
			rs->fields[rs->nfields].p = mt_field_names[i];
			rs->fields[rs->nfields++].n = strlen(mt_field_names[i]);
		}
	}
}

static void
set_today(struct mt_rules *rs, const char *today)
{
	time_t t;
	struct tm tm;

	if (today != NULL && mt_rules_valid_date(today))
		memcpy(rs->today_text, today, 11);
	else {
		t = time(NULL);
		localtime_r(&t, &tm);
		strftime(rs->today_text, sizeof rs->today_text, "%Y-%m-%d",
		    &tm);
	}
	(void)mt_expr_parse_date(rs->today_text, 10, &rs->today);
}

struct mt_expr *
mt_rules_compile_rule(const struct mt_rules *rs, const struct mt_rule *r,
    struct mt_rx_env *rx)
{
	struct mt_expr_ctx ctx;

	memset(&ctx, 0, sizeof ctx);
	ctx.source = r->file;
	ctx.line = r->when_line;
	ctx.col = r->when_col;
	ctx.fields = rs->fields;
	ctx.nfields = rs->nfields;
	ctx.lists = rs->lists;
	ctx.rx = rx;
	ctx.today = rs->today_text;
	ctx.memo = rs->memo;
	return mt_expr_compile(r->when, r->nwhen, &ctx, NULL);
}

static void
compile_rule(struct mt_rules *rs, struct mt_rule *r, struct mt_rx_env *rx)
{
	struct mt_expr_ctx ctx;
	struct mt_expr_error err;
	const size_t *f;
	size_t nf, i;
	char prefix[64];

	memset(&ctx, 0, sizeof ctx);
	ctx.source = r->file;
	ctx.line = r->when_line;
	ctx.col = r->when_col;
	ctx.fields = rs->fields;
	ctx.nfields = rs->nfields;
	ctx.lists = rs->lists;
	ctx.rx = rx;
	ctx.today = rs->today_text;
	memset(&err, 0, sizeof err);
	mt_expr_free(r->expr);
	r->expr = mt_expr_compile(r->when, r->nwhen, &ctx, &err);
	if (r->expr == NULL) {
		snprintf(prefix, sizeof prefix, "%s: ", mt_progname());
		mt_expr_error_print(&err, prefix, rs->diag);
		mt_expr_error_free(&err);
		rs->errors++;
		return;
	}
	r->absent = false;
	f = mt_expr_fields(r->expr, &nf);
	for (i = 0; i < nf; i++) {
		if (is_written(rs->fields[f[i]])) {
			diag(rs, "", r->file, r->when_line, r->when_col,
			    "rule %s reads %.*s, which risk-score writes", r->id,
			    (int)rs->fields[f[i]].n, rs->fields[f[i]].p);
			rs->errors++;
			mt_expr_free(r->expr);
			r->expr = NULL;
			return;
		}
		if (f[i] >= rs->nheader)
			r->absent = true;
	}
}

size_t
mt_rules_compile(struct mt_rules *rs, const struct mt_str *fields,
    size_t nfields, const char *today, struct mt_rx_env *rx)
{
	size_t before = rs->errors, i;
	const struct place *at;

	set_fields(rs, fields, nfields);
	set_today(rs, today);
	if (rs->threshold[MT_LANE_YELLOW] >= rs->threshold[MT_LANE_RED]) {
		at = rs->thr_at[MT_LANE_YELLOW].file != NULL ?
		    &rs->thr_at[MT_LANE_YELLOW] : &rs->thr_at[MT_LANE_RED];
		diag(rs, "", at->file, at->line, 0, "threshold yellow (%d) must "
		    "be below threshold red (%d)",
		    rs->threshold[MT_LANE_YELLOW], rs->threshold[MT_LANE_RED]);
		rs->errors++;
	}
	for (i = 0; i < rs->n; i++)
		compile_rule(rs, &rs->v[i], rx);
	return rs->errors - before;
}

/* --- warnings ------------------------------------------------------------- */

static void
date_text(long days, char *out)
{
	/* civil_from_days, H. Hinnant's algorithm. */
	long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned long doe = (unsigned long)(z - era * 146097);
	unsigned long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) /
	    365;
	long y = (long)yoe + era * 400;
	unsigned long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned long mp = (5 * doy + 2) / 153;
	unsigned long d = doy - (153 * mp + 2) / 5 + 1;
	unsigned long m = mp < 10 ? mp + 3 : mp - 9;

	if (m <= 2)
		y++;
	snprintf(out, 16, "%04ld-%02lu-%02lu", y % 10000, m % 100, d % 100);
}

struct lint_use {
	struct mt_rules *rs;
	struct mt_rule *r;
};

static bool
is_party_field(struct mt_str f)
{
	return mt_str_eq(f, "shipper_name") || mt_str_eq(f, "consignee_name") ||
	    mt_str_eq(f, "notify_name");
}

static void
lint_list_use(size_t field, struct mt_list *list, size_t pos, void *arg)
{
	struct lint_use *u = arg;
	struct mt_rules *rs = u->rs;
	size_t i;
	unsigned long line = u->r->when_line;

	if (field == SIZE_MAX || !is_party_field(rs->fields[field]))
		return;
	for (i = 0; i < rs->ndecls; i++)
		if (rs->decls[i].list == list && rs->decls[i].parties)
			return;
	for (i = 0; i < pos && i < u->r->nwhen; i++)
		line += u->r->when[i] == '\n';
	diag(rs, "warning: ", u->r->file, line, 0, "rule %s compares %.*s with "
	    "@%s, a plain list: names are compared exactly; declare it with "
	    "'parties' to compare party-name keys", u->r->id,
	    (int)rs->fields[field].n, rs->fields[field].p, mt_list_name(list));
	rs->warnings++;
}

size_t
mt_rules_lint(struct mt_rules *rs)
{
	struct lint_use u;
	size_t before = rs->warnings, i, j, nf;
	struct mt_rule *r;
	const size_t *f;
	char d[16];

	for (i = 0; i < rs->n; i++) {
		r = &rs->v[i];
		if (r->until < rs->today) {
			date_text(r->until, d);
			diag(rs, "warning: ", r->file, r->line, 0, "rule %s "
			    "expired on %s: it is skipped", r->id, d);
			rs->warnings++;
		} else if (r->from > rs->today) {
			date_text(r->from, d);
			diag(rs, "warning: ", r->file, r->line, 0, "rule %s is "
			    "not valid before %s: it is skipped until then",
			    r->id, d);
			rs->warnings++;
		}
		if (r->expr == NULL)
			continue;
		if (r->absent) {
			f = mt_expr_fields(r->expr, &nf);
			for (j = 0; j < nf && f[j] < rs->nheader; j++)
				;
			diag(rs, "warning: ", r->file, r->line, 0, "rule %s "
			    "reads %.*s, which the input does not have: it "
			    "is always empty", r->id,
			    (int)rs->fields[f[j]].n, rs->fields[f[j]].p);
			rs->warnings++;
		}
		u.rs = rs;
		u.r = r;
		mt_expr_list_uses(r->expr, lint_list_use, &u);
	}
	return rs->warnings - before;
}

/* --- queries -------------------------------------------------------------- */

size_t
mt_rules_errors(const struct mt_rules *rs)
{
	return rs->errors;
}

size_t
mt_rules_count(const struct mt_rules *rs)
{
	return rs->n;
}

struct mt_rule *
mt_rules_at(const struct mt_rules *rs, size_t i)
{
	return &rs->v[i];
}

struct mt_lists *
mt_rules_lists(const struct mt_rules *rs)
{
	return rs->lists;
}

bool
mt_rule_in_force(const struct mt_rules *rs, const struct mt_rule *r)
{
	return r->from <= rs->today && rs->today <= r->until;
}

int
mt_rules_threshold(const struct mt_rules *rs, enum mt_lane lane)
{
	return rs->threshold[lane];
}

bool
mt_rules_valid_date(const char *s)
{
	long d;

	return strlen(s) == 10 && mt_expr_parse_date(s, 10, &d);
}
