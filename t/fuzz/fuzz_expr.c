/*
 * Fuzz target: the expression compiler and evaluator. The input's first
 * line is an expression, its second a header (tab-separated names), and
 * every further line a record evaluated against it.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "mt_expr.h"
#include "mt_lists.h"
#include "mt_util.h"

#define MAX_FIELDS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Split p..end at c into at most max pieces. */
static size_t
split(const char *p, const char *end, char c, struct mt_str *out, size_t max)
{
	size_t n = 0;
	const char *q;

	while (n < max) {
		q = memchr(p, c, (size_t)(end - p));
		out[n].p = p;
		out[n].n = (size_t)((q ? q : end) - p);
		n++;
		if (q == NULL)
			break;
		p = q + 1;
	}
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *nl, *hl;
	struct mt_str names[MAX_FIELDS], values[MAX_FIELDS];
	struct mt_expr_ctx ctx;
	struct mt_expr_error err;
	struct mt_lists *lists;
	struct mt_list *l;
	struct mt_expr *e;
	size_t nnames, nvalues;

	if ((nl = memchr(p, '\n', size)) == NULL)
		return 0;
	hl = memchr(nl + 1, '\n', (size_t)(end - nl - 1));
	nnames = split(nl + 1, hl ? hl : end, '\t', names, MAX_FIELDS);
	lists = mt_lists_new();
	l = mt_lists_add(lists, "ports", 5);
	mt_list_add(l, "NLRTM", 5);
	mt_list_add(l, "SGSIN", 5);
	memset(&ctx, 0, sizeof ctx);
	ctx.source = "fuzz";
	ctx.fields = names;
	ctx.nfields = nnames;
	ctx.lists = lists;
	ctx.today = "2026-11-23";
	memset(&err, 0, sizeof err);
	e = mt_expr_compile(p, (size_t)(nl - p), &ctx, &err);
	if (e == NULL) {
		char buf[512];

		(void)mt_expr_error_format(&err, buf, sizeof buf);
		mt_expr_error_free(&err);
		mt_lists_free(lists);
		return 0;
	}
	for (p = hl ? hl + 1 : end; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		nvalues = split(p, nl, '\t', values, MAX_FIELDS);
		(void)mt_expr_eval(e, values, nvalues);
	}
	mt_expr_free(e);
	mt_lists_free(lists);
	return 0;
}
