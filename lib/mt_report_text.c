/*
 * mt_report_text: the report for a terminal or a mail (an aligned
 * inspection list, each record's reasons below it, then the summary), and
 * the alert lines for sharing red-lane consignments with other units.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_report.h"

/*
 * Columns of the inspection list's first line per record; shipper,
 * consignee, goods and reasons follow on lines of their own.
 */
enum { C_RANK, C_SCORE, C_LANE, C_DOC, C_CTR, C_ROUTE, NCOLS,
	C_SHIPPER = NCOLS, C_CONSIGNEE, C_GOODS };

static const char *const heads[NCOLS] = {
	"#", "SCORE", "LANE", "DOCUMENT", "CONTAINER", "ROUTE"
};
/* Natural widths are capped here, and shrink to fit down to mins. */
static const size_t caps[NCOLS] = { 8, 8, 6, 26, 13, 60 };
static const size_t mins[NCOLS] = { 1, 5, 4, 8, 9, 10 };
/* The columns that give up room, the widest first. */
static const int shrinkable[] = { C_ROUTE, C_DOC };

/* The labels of the lines under a record. */
static const char *const labels[] = { "shipper", "consignee", "goods",
	"reasons" };
#define LABEL_W		9	/* "consignee" */

#define GAP		2	/* spaces between columns */
#define ELLIPSIS	"\xe2\x80\xa6"

static const char *const lane_colour[MT_RL_COUNT] = {
	"\033[1;31m", "\033[33m", "\033[32m", ""
};
#define RESET	"\033[0m"

/* A cell's text: cleaned for one terminal line. */
static void
cell(struct mt_report *r, const struct mt_str *f, int c, size_t rank,
    struct mt_buf *b)
{
	static const char arrow[] = " \xe2\x86\x92 ";
	struct mt_str v;
	char num[32];

	b->len = 0;
	switch (c) {
	case C_RANK:
		snprintf(num, sizeof num, "%zu", rank);
		mt_buf_add(b, num, strlen(num));
		break;
	case C_SCORE:
		mt_report_clean(b, mt_report_get(r, f, MT_RF_SCORE),
		    MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		break;
	case C_LANE:
		mt_report_clean(b, mt_report_get(r, f, MT_RF_LANE),
		    MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		break;
	case C_DOC:
		v = mt_report_get(r, f, MT_RF_DOC_TYPE);
		mt_report_clean(b, v, MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		if (v.n > 0)
			mt_buf_addc(b, ' ');
		mt_report_clean(b, mt_report_get(r, f, MT_RF_DOC_NO),
		    MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		break;
	case C_CTR:
		mt_report_clean(b, mt_report_get(r, f, MT_RF_CONTAINER_NO),
		    MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		break;
	case C_ROUTE:
		mt_report_route(r, f, r->nnames, b, arrow, MT_CLEAN_CONTROLS |
		    MT_CLEAN_ONELINE);
		break;
	case C_SHIPPER:
		mt_report_clean(b, mt_report_get(r, f, MT_RF_SHIPPER),
		    MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		break;
	case C_CONSIGNEE:
		mt_report_clean(b, mt_report_get(r, f, MT_RF_CONSIGNEE),
		    MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		break;
	case C_GOODS:
		mt_report_clean(b, mt_report_get(r, f, MT_RF_DESCRIPTION),
		    MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		break;
	}
}

static void
spaces(struct mt_out *o, size_t n)
{
	while (n-- > 0)
		mt_out_putc(o, ' ');
}

static void
pad(struct mt_buf *b, size_t n)
{
	while (n-- > 0)
		mt_buf_addc(b, ' ');
}

/* Append s in exactly w columns: cut with an ellipsis, or padded. */
static void
put_cell(struct mt_buf *row, const char *s, size_t n, size_t w, bool right)
{
	size_t sw = mt_report_width(s, n), k, kw;

	if (sw > w) {
		k = mt_report_fit(s, n, w - 1, &kw);
		mt_buf_add(row, s, k);
		mt_buf_add(row, ELLIPSIS, sizeof ELLIPSIS - 1);
		pad(row, w - 1 - kw);
		return;
	}
	if (right)
		pad(row, w - sw);
	mt_buf_add(row, s, n);
	if (!right)
		pad(row, w - sw);
}

/* Write a row without the spaces at its end. */
static void
put_row(struct mt_out *o, struct mt_buf *row)
{
	while (row->len > 0 && row->buf[row->len - 1] == ' ')
		row->len--;
	mt_out_write(o, row->buf, row->len);
	mt_out_putc(o, '\n');
	row->len = 0;
}

/* Widths of the columns: natural, capped, shrunk to fit the line. */
static void
widths(struct mt_report *r, const struct mt_report_opts *opt, size_t *w)
{
	struct mt_buf b = { 0 };
	const struct mt_str *f;
	size_t i, total, cw;
	int c, k, widest;

	for (c = 0; c < NCOLS; c++)
		w[c] = strlen(heads[c]);
	for (i = 0; i < r->list.n; i++) {
		f = mt_report_entry(r, i);
		for (c = 0; c < NCOLS; c++) {
			cell(r, f, c, i + 1, &b);
			cw = mt_report_width(b.buf, b.len);
			if (cw > w[c])
				w[c] = cw;
		}
	}
	mt_buf_free(&b);
	for (c = 0; c < NCOLS; c++)
		if (w[c] > caps[c])
			w[c] = caps[c];
	for (;;) {
		total = 0;
		for (c = 0; c < NCOLS; c++)
			total += w[c] + (c ? GAP : 0);
		if (total <= opt->width)
			return;
		widest = -1;
		for (k = 0; k < (int)(sizeof shrinkable / sizeof *shrinkable);
		    k++) {
			c = shrinkable[k];
			if (w[c] > mins[c] && (widest < 0 || w[c] > w[widest]))
				widest = c;
		}
		if (widest < 0)
			return;		/* as narrow as it goes */
		w[widest]--;
	}
}

static void
count_row(struct mt_out *o, const char *label, size_t lw,
    unsigned long long n, size_t nw, unsigned long long total)
{
	size_t w = mt_report_width(label, strlen(label));
	char line[64];

	mt_out_puts(o, "  ");
	mt_out_puts(o, label);
	spaces(o, w < lw ? lw - w + 2 : 2);
	snprintf(line, sizeof line, "%*llu", (int)nw, n);
	mt_out_puts(o, line);
	if (total > 0) {
		snprintf(line, sizeof line, "  %5.1f%%", mt_report_pct(n, total));
		mt_out_puts(o, line);
	}
	mt_out_putc(o, '\n');
}

/* A table of counts from a tally, the top max of it. */
static void
tally_rows(struct mt_out *o, const struct mt_tally *t, size_t max,
    size_t lw, size_t nw, unsigned long long total)
{
	const struct mt_tally_item **v = mt_tally_sorted(t);
	struct mt_buf b = { 0 };
	size_t i;

	for (i = 0; i < t->n && i < max; i++) {
		struct mt_str k = { v[i]->key, v[i]->len };

		b.len = 0;
		mt_report_clean(&b, k, MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
		mt_buf_addc(&b, '\0');
		count_row(o, b.buf, lw, v[i]->count, nw, total);
	}
	if (t->other > 0)
		count_row(o, "(other)", lw, t->other, nw, total);
	mt_buf_free(&b);
	free(v);
}

static size_t
tally_label_width(const struct mt_tally *t, size_t w)
{
	size_t i, k;

	for (i = 0; i < t->n; i++)
		if ((k = mt_report_width(t->items[i].key, t->items[i].len)) > w)
			w = k;
	return w;
}

#define TOP_RULES	10

static void
summary(struct mt_report *r, struct mt_out *o)
{
	size_t lw = 16, nw;
	char num[64];
	int l;

	lw = tally_label_width(&r->categories, lw);
	lw = tally_label_width(&r->rules, lw);
	lw = tally_label_width(&r->dq, lw);
	if (lw > 40)
		lw = 40;
	nw = (size_t)snprintf(num, sizeof num, "%llu", r->records);
	mt_out_puts(o, "\nSummary\n");
	count_row(o, "records screened", lw, r->records, nw, 0);
	count_row(o, "listed", lw, r->listed, nw, 0);
	for (l = 0; l < MT_RL_COUNT; l++) {
		char label[32];

		if (l == MT_RL_NONE && r->lanes[l] == 0)
			continue;
		snprintf(label, sizeof label, l == MT_RL_NONE ?
		    "no lane" : "%s lane", mt_report_lane_names[l]);
		count_row(o, label, lw, r->lanes[l], nw, r->records);
	}
	if (r->categories.n > 0) {
		mt_out_puts(o, "\nRecords by category of the rules hit\n");
		tally_rows(o, &r->categories, SIZE_MAX, lw, nw, r->records);
	}
	if (r->rules.n > 0) {
		if (r->rules.n > TOP_RULES)
			snprintf(num, sizeof num, " (top %d of %zu)", TOP_RULES,
			    r->rules.n);
		else
			num[0] = '\0';
		mt_out_puts(o, "\nRules hit");
		mt_out_puts(o, num);
		mt_out_putc(o, '\n');
		tally_rows(o, &r->rules, TOP_RULES, lw, nw, r->records);
	}
	if (r->dq.n > 0) {
		mt_out_puts(o, "\nData-quality flags\n");
		tally_rows(o, &r->dq, SIZE_MAX, lw, nw, r->records);
	}
}

/* A labelled line under a record, its text wrapped to the width. */
static void
detail(struct mt_out *o, const char *label, const char *s, size_t n,
    size_t indent, size_t width, bool first)
{
	size_t room = width > indent + LABEL_W + 1 + 20 ?
	    width - indent - LABEL_W - 1 : 20, i = 0, k, w, brk;

	do {
		spaces(o, indent);
		if (first) {
			mt_out_puts(o, label);
			spaces(o, LABEL_W + 1 - strlen(label));
		} else
			spaces(o, LABEL_W + 1 + (i > 0 ? 2 : 0));
		k = mt_report_fit(s + i, n - i, room - (i > 0 ? 2 : 0), &w);
		if (i + k < n) {
			/* Break at the last space that fits, if any. */
			for (brk = k; brk > 0 && s[i + brk] != ' '; brk--)
				continue;
			if (brk > 0)
				k = brk;
			if (k == 0)
				k = 1;
		}
		mt_out_write(o, s + i, k);
		mt_out_putc(o, '\n');
		i += k;
		while (i < n && s[i] == ' ')
			i++;
		first = false;
	} while (i < n);
}

void
mt_report_write_text(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt)
{
	struct mt_buf b = { 0 }, row = { 0 };
	const struct mt_str *f;
	size_t w[NCOLS], i, indent, pos;
	struct mt_str hits, reasons, e;
	enum mt_report_lane lane;
	char line[128];
	bool first;
	int c;

	mt_out_puts(o, opt->title);
	if (opt->date != NULL && opt->date[0] != '\0') {
		mt_out_puts(o, ", ");
		mt_out_puts(o, opt->date);
	}
	mt_out_putc(o, '\n');
	snprintf(line, sizeof line, "%llu %s screened, %llu listed",
	    r->records, r->records == 1 ? "record" : "records", r->listed);
	mt_out_puts(o, line);
	if (r->list.n < r->listed) {
		snprintf(line, sizeof line, ", the %zu highest shown",
		    r->list.n);
		mt_out_puts(o, line);
	} else if (r->list.n > 1 && mt_report_scored(r))
		mt_out_puts(o, ", highest score first");
	mt_out_putc(o, '\n');
	widths(r, opt, w);
	indent = w[C_RANK] + GAP;
	if (r->list.n > 0) {
		mt_out_putc(o, '\n');
		for (c = 0; c < NCOLS; c++) {
			if (c > 0)
				pad(&row, GAP);
			put_cell(&row, heads[c], strlen(heads[c]), w[c],
			    c == C_RANK || c == C_SCORE);
		}
		put_row(o, &row);
	}
	for (i = 0; i < r->list.n; i++) {
		f = mt_report_entry(r, i);
		lane = mt_report_lane_of(mt_report_get(r, f, MT_RF_LANE));
		if (i > 0)
			mt_out_putc(o, '\n');
		for (c = 0; c < NCOLS; c++) {
			if (c > 0)
				pad(&row, GAP);
			cell(r, f, c, i + 1, &b);
			if (c == C_LANE && opt->color && lane != MT_RL_NONE)
				mt_buf_add(&row, lane_colour[lane],
				    strlen(lane_colour[lane]));
			put_cell(&row, b.buf, b.len, w[c],
			    c == C_RANK || c == C_SCORE);
			if (c == C_LANE && opt->color && lane != MT_RL_NONE)
				mt_buf_add(&row, RESET, sizeof RESET - 1);
		}
		put_row(o, &row);
		for (c = C_SHIPPER; c <= C_GOODS; c++) {
			cell(r, f, c, i + 1, &b);
			if (b.len > 0)
				detail(o, labels[c - C_SHIPPER], b.buf, b.len,
				    indent, opt->width, true);
		}
		hits = mt_report_get(r, f, MT_RF_HITS);
		reasons = mt_report_get(r, f, MT_RF_REASONS);
		pos = 0;
		first = true;
		while (mt_report_next_reason(reasons, hits, &pos, &e)) {
			b.len = 0;
			mt_report_clean(&b, e, MT_CLEAN_CONTROLS |
			    MT_CLEAN_ONELINE);
			detail(o, labels[3], b.buf, b.len, indent, opt->width,
			    first);
			first = false;
		}
	}
	summary(r, o);
	mt_buf_free(&b);
	mt_buf_free(&row);
}

/* --- alert --------------------------------------------------------------- */

/* key=value, the value quoted when it needs to be (logfmt). */
static void
pair(struct mt_out *o, struct mt_buf *b, const char *key, bool first)
{
	bool quote = b->len == 0;
	size_t i;

	for (i = 0; i < b->len && !quote; i++)
		if (b->buf[i] == ' ' || b->buf[i] == '"' || b->buf[i] == '=' ||
		    b->buf[i] == '\\')
			quote = true;
	if (!first)
		mt_out_putc(o, ' ');
	mt_out_puts(o, key);
	mt_out_putc(o, '=');
	if (!quote) {
		mt_out_write(o, b->buf, b->len);
		return;
	}
	mt_out_putc(o, '"');
	for (i = 0; i < b->len; i++) {
		if (b->buf[i] == '"' || b->buf[i] == '\\')
			mt_out_putc(o, '\\');
		mt_out_putc(o, b->buf[i]);
	}
	mt_out_putc(o, '"');
}

static void
field_pair(struct mt_report *r, struct mt_out *o, struct mt_buf *b,
    const struct mt_str *f, enum mt_report_field rf, const char *key)
{
	b->len = 0;
	mt_report_clean(b, mt_report_get(r, f, rf), MT_CLEAN_CONTROLS |
	    MT_CLEAN_ONELINE);
	pair(o, b, key, false);
}

void
mt_report_write_alert(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt)
{
	struct mt_buf b = { 0 };
	const struct mt_str *f;
	size_t i;

	for (i = 0; i < r->list.n; i++) {
		f = mt_report_entry(r, i);
		if (mt_report_lane_of(mt_report_get(r, f, MT_RF_LANE)) !=
		    MT_RL_RED)
			continue;
		b.len = 0;
		mt_buf_add(&b, opt->date, strlen(opt->date));
		pair(o, &b, "date", true);
		mt_out_puts(o, " lane=red");
		field_pair(r, o, &b, f, MT_RF_SCORE, "score");
		field_pair(r, o, &b, f, MT_RF_DOC_TYPE, "doc_type");
		field_pair(r, o, &b, f, MT_RF_DOC_NO, "doc_no");
		field_pair(r, o, &b, f, MT_RF_CONTAINER_NO, "container_no");
		/* route=CNSHA>SGSIN>NLRTM, ? for a missing end */
		b.len = 0;
		mt_report_route(r, f, r->nnames, &b, ">", MT_CLEAN_CONTROLS |
		    MT_CLEAN_ONELINE);
		pair(o, &b, "route", false);
		field_pair(r, o, &b, f, MT_RF_SHIPPER, "shipper");
		field_pair(r, o, &b, f, MT_RF_CONSIGNEE, "consignee");
		field_pair(r, o, &b, f, MT_RF_HITS, "hits");
		field_pair(r, o, &b, f, MT_RF_REASONS, "reasons");
		mt_out_putc(o, '\n');
	}
	mt_buf_free(&b);
}
