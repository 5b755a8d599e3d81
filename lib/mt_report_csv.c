/*
 * mt_report_csv: the listed records for spreadsheets, every field, with
 * libcsv's writer. Text that a spreadsheet would run as a formula (a cell
 * beginning with = + - @ tab or CR: the OWASP CSV injection rule) gets a
 * leading apostrophe; plain decimal numbers stay numbers.
 */
#include "config.h"

#include <csv.h>
#include <stdbool.h>
#include <string.h>

#include "mt_report.h"

/* -?digits(.digits)? : a number a spreadsheet reads as such. */
static bool
plain_number(const char *p, size_t n)
{
	size_t i = 0, d;

	if (i < n && p[i] == '-')
		i++;
	for (d = i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		continue;
	if (i == d)
		return false;
	if (i < n && p[i] == '.') {
		for (d = ++i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			continue;
		if (i == d)
			return false;
	}
	return i == n;
}

static bool
formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	    c == '\r';
}

static void
put_cell(struct mt_out *o, struct mt_buf *tmp, const char *p, size_t n)
{
	size_t need;

	if (n == 0 || plain_number(p, n)) {
		mt_out_write(o, p, n);
		return;
	}
	if (formula_start(p[0])) {
		/* Quote the apostrophe and the text together. */
		mt_buf_reserve(tmp, n + 1);
		memmove(tmp->buf + 1, p, n);
		tmp->buf[0] = '\'';
		p = tmp->buf;
		n++;
	}
	need = 2 * n + 2;
	mt_out_reserve(o, need);
	o->len += csv_write(o->buf + o->len, need, p, n);
}

void
mt_report_write_csv(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt)
{
	struct mt_buf b = { 0 }, q = { 0 };
	const struct mt_str *f;
	size_t i, k;

	if (opt->bom)
		mt_out_puts(o, "\xef\xbb\xbf");
	for (k = 0; k < r->nnames; k++) {
		if (k > 0)
			mt_out_putc(o, ',');
		mt_out_write(o, r->names[k].p, r->names[k].n);
	}
	if (r->nnames > 0)
		mt_out_puts(o, "\r\n");
	for (i = 0; i < r->list.n; i++) {
		f = mt_report_entry(r, i);
		for (k = 0; k < r->nnames; k++) {
			if (k > 0)
				mt_out_putc(o, ',');
			b.len = 0;
			mt_report_clean(&b, f[k], 0);
			/* tmp must not be b: put_cell reads b while writing q */
			mt_buf_reserve(&q, b.len + 1);
			put_cell(o, &q, b.buf, b.len);
		}
		mt_out_puts(o, "\r\n");
	}
	mt_buf_free(&b);
	mt_buf_free(&q);
}
