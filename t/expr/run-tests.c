/*
 * run-tests: the data-driven tests of the expression language. Reads
 * the t/expr/NAME.test files (each describes the format at its top) and
 * prints TAP: one test per record of a case and one per %%FAIL case.
 *
 *	run-tests FILE...
 *
 * A file that cannot be read or is malformed ends the run with
 * "Bail out!", since its cases cannot be counted.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_expr.h"
#include "mt_lists.h"
#include "mt_util.h"

#define DEFAULT_TODAY "2026-11-23"

struct line {
	char *p;
	size_t n;
	unsigned long no;
};

/* One check: an expression with a record and a result, or a failure. */
struct check {
	const char *file;
	unsigned long lineno;	/* of the record, or of %%FAIL */
	char *expr;
	char *header;
	char *record;		/* NULL for a compile failure */
	char *expect;		/* "true", "false", "%%ERROR msg", error text */
	struct mt_lists *lists;	/* of the file, not owned */
	char *today;		/* not owned */
};

struct suite {
	struct check *v;
	size_t n, cap;
	struct mt_lists **lists;	/* one per file, freed at the end */
	size_t nlists;
	void **pool;			/* everything else to free at the end */
	size_t npool, cpool;
};

static void *
keep(struct suite *s, void *p)
{
	if (s->npool == s->cpool) {
		s->cpool = s->cpool ? s->cpool * 2 : 256;
		s->pool = mt_xrealloc(s->pool, s->cpool * sizeof(*s->pool));
	}
	s->pool[s->npool++] = p;
	return p;
}

static void
bail(const char *file, unsigned long no, const char *msg)
{
	printf("Bail out! %s:%lu: %s\n", file, no, msg);
	exit(1);
}

static struct check *
add_check(struct suite *s)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = mt_xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	memset(&s->v[s->n], 0, sizeof(s->v[0]));
	return &s->v[s->n++];
}

/* Split at tabs into counted strings; returns how many. */
static size_t
split(char *p, size_t n, struct mt_str **out)
{
	size_t count = 1, i, k = 0, start = 0;
	struct mt_str *v;

	for (i = 0; i < n; i++)
		count += p[i] == '\t';
	v = mt_xcalloc(count, sizeof(*v));
	for (i = 0; i <= n; i++)
		if (i == n || p[i] == '\t') {
			v[k].p = p + start;
			v[k].n = i - start;
			k++;
			start = i + 1;
		}
	*out = v;
	return count;
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? mt_xstrndup(path, (size_t)(slash - path + 1)) :
	    mt_xstrdup("");
}

/* %%LIST, %%LISTFILE and %%TODAY lines between cases. */
static void
directive(struct suite *s, const char *file, const struct line *l,
    struct mt_lists *lists, char **today)
{
	struct mt_str *f;
	struct mt_list *list;
	char err[512], *path, *dir;
	size_t n, i;

	if (strncmp(l->p, "%%TODAY ", 8) == 0) {
		*today = keep(s, mt_xstrdup(l->p + 8));
		return;
	}
	if (strncmp(l->p, "%%LIST ", 7) == 0) {
		n = split(l->p + 7, l->n - 7, &f);
		if ((list = mt_lists_add(lists, f[0].p, f[0].n)) == NULL)
			bail(file, l->no, "bad or duplicate list name");
		for (i = 1; i < n; i++)
			mt_list_add(list, f[i].p, f[i].n);
		free(f);
		return;
	}
	if (strncmp(l->p, "%%LISTFILE ", 11) == 0) {
		n = split(l->p + 11, l->n - 11, &f);
		if (n != 2)
			bail(file, l->no, "%%LISTFILE NAME<TAB>PATH");
		if ((list = mt_lists_add(lists, f[0].p, f[0].n)) == NULL)
			bail(file, l->no, "bad or duplicate list name");
		dir = dir_of(file);
		path = mt_xmalloc(strlen(dir) + f[1].n + 1);
		sprintf(path, "%s%.*s", dir, (int)f[1].n, f[1].p);
		if (mt_list_load(list, path, err, sizeof(err)) < 0)
			bail(file, l->no, err);
		free(path);
		free(dir);
		free(f);
		return;
	}
	bail(file, l->no, "unknown directive");
}

static void
add_block(struct suite *s, const char *file, struct line *b, size_t n,
    struct mt_lists *lists, char *today)
{
	struct mt_buf text = { 0 };
	struct check *c;
	size_t i;

	if (strcmp(b[0].p, "%%FAIL") == 0) {
		if (n < 4)
			bail(file, b[0].no, "%%FAIL needs an expression, a "
			    "header and the error text");
		for (i = 3; i < n; i++) {
			if (i > 3)
				mt_buf_addc(&text, '\n');
			mt_buf_add(&text, b[i].p, b[i].n);
		}
		mt_buf_addc(&text, '\0');
		c = add_check(s);
		c->file = file;
		c->lineno = b[0].no;
		c->expr = b[1].p;
		c->header = b[2].p;
		c->expect = keep(s, text.buf);
		c->lists = lists;
		c->today = today;
		return;
	}
	if (n < 4 || n % 2 != 0)
		bail(file, b[0].no, "a case is an expression, a header, then "
		    "pairs of record and result");
	for (i = 2; i < n; i += 2) {
		c = add_check(s);
		c->file = file;
		c->lineno = b[i].no;
		c->expr = b[0].p;
		c->header = b[1].p;
		c->record = b[i].p;
		c->expect = b[i + 1].p;
		c->lists = lists;
		c->today = today;
	}
}

static void
read_file(struct suite *s, const char *file)
{
	FILE *fp;
	struct line *lines = NULL;
	size_t nlines = 0, cap = 0, len, i, start;
	char *buf = NULL;
	size_t bufcap = 0;
	ssize_t got;
	unsigned long no = 0;
	struct mt_lists *lists = mt_lists_new();
	char *today = DEFAULT_TODAY;

	if ((fp = fopen(file, "r")) == NULL)
		bail(file, 0, strerror(errno));
	while ((got = getline(&buf, &bufcap, fp)) != -1) {
		len = (size_t)got;
		if (len > 0 && buf[len - 1] == '\n')
			len--;
		if (nlines == cap) {
			cap = cap ? cap * 2 : 256;
			lines = mt_xrealloc(lines, cap * sizeof(*lines));
		}
		lines[nlines].p = keep(s, mt_xstrndup(buf, len));
		lines[nlines].n = len;
		lines[nlines].no = ++no;
		nlines++;
	}
	free(buf);
	fclose(fp);
	s->lists = mt_xrealloc(s->lists, (s->nlists + 1) * sizeof(*s->lists));
	s->lists[s->nlists++] = lists;
	for (i = 0; i < nlines;) {
		if (lines[i].n == 0) {
			i++;
			continue;
		}
		if (lines[i].p[0] == '#') {
			i++;
			continue;
		}
		if (strncmp(lines[i].p, "%%", 2) == 0 &&
		    strcmp(lines[i].p, "%%FAIL") != 0) {
			directive(s, file, &lines[i], lists, &today);
			i++;
			continue;
		}
		for (start = i; i < nlines && lines[i].n > 0; i++)
			;
		add_block(s, file, lines + start, i - start, lists, today);
	}
	free(lines);
}

static void
diag(const char *what, const char *text)
{
	const char *p = text, *nl;

	printf("# %s:\n", what);
	for (;;) {
		nl = strchr(p, '\n');
		printf("#   %.*s\n", nl ? (int)(nl - p) : (int)strlen(p), p);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* Run one check; returns whether it passed, with what happened in got. */
static bool
run(const struct check *c, struct mt_buf *got)
{
	struct mt_expr_ctx ctx = { 0 };
	struct mt_expr_error err;
	struct mt_expr *e;
	struct mt_str *names, *vals = NULL;
	char *hdr = mt_xstrdup(c->header), *rec = NULL;
	size_t nnames, nvals = 0, len;
	int rc;

	nnames = split(hdr, strlen(hdr), &names);
	ctx.fields = names;
	ctx.nfields = nnames;
	ctx.lists = c->lists;
	ctx.today = c->today;
	got->len = 0;
	e = mt_expr_compile(c->expr, strlen(c->expr), &ctx, &err);
	if (e == NULL) {
		len = mt_expr_error_format(&err, NULL, 0);
		mt_buf_reserve(got, len + 1);
		mt_expr_error_format(&err, got->buf, len + 1);
		got->len = len;
		mt_expr_error_free(&err);
	} else if (c->record == NULL) {
		mt_buf_add(got, "(compiled)", 10);
	} else {
		/*
		 * PCRE2's JIT code may read a few bytes past the end of a
		 * subject (never past its page): zeroed padding keeps
		 * valgrind from reporting those reads of uninitialised memory.
		 */
		len = strlen(c->record);
		rec = mt_xcalloc(1, len + 64);
		memcpy(rec, c->record, len);
		nvals = split(rec, strlen(rec), &vals);
		if (nvals != nnames) {
			printf("Bail out! %s:%lu: %zu values, header has %zu\n",
			    c->file, c->lineno, nvals, nnames);
			exit(1);
		}
		rc = mt_expr_eval(e, vals, nvals);
		if (rc < 0) {
			mt_buf_add(got, "%%ERROR ", 8);
			mt_buf_add(got, mt_expr_errmsg(e),
			    strlen(mt_expr_errmsg(e)));
		} else {
			mt_buf_add(got, rc ? "true" : "false", rc ? 4 : 5);
		}
	}
	mt_buf_addc(got, '\0');
	got->len--;
	mt_expr_free(e);
	free(names);
	free(vals);
	free(hdr);
	free(rec);
	return strcmp(got->buf, c->expect) == 0;
}

int
main(int argc, char **argv)
{
	struct suite s = { 0 };
	struct mt_buf got = { 0 };
	const char *base;
	size_t i;
	int failed = 0;

	mt_set_progname(argv[0]);
	if (argc < 2) {
		fprintf(stderr, "usage: run-tests FILE...\n");
		return 2;
	}
	for (i = 1; i < (size_t)argc; i++)
		read_file(&s, argv[i]);
	printf("1..%zu\n", s.n);
	for (i = 0; i < s.n; i++) {
		const struct check *c = &s.v[i];
		bool ok = run(c, &got);

		base = strrchr(c->file, '/');
		base = base ? base + 1 : c->file;
		printf("%sok %zu - %s:%lu %s\n", ok ? "" : "not ", i + 1, base,
		    c->lineno, c->expr);
		if (!ok) {
			diag("expected", c->expect);
			diag("got", got.buf);
			failed++;
		}
	}
	mt_buf_free(&got);
	for (i = 0; i < s.nlists; i++)
		mt_lists_free(s.lists[i]);
	for (i = 0; i < s.npool; i++)
		free(s.pool[i]);
	free(s.lists);
	free(s.pool);
	free(s.v);
	return failed ? 1 : 0;
}
