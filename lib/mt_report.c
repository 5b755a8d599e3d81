/*
 * mt_report: the inspection list and the summary of a record stream, and
 * the helpers the report writers share.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "mt_expr.h"
#include "mt_norm.h"
#include "mt_rec.h"
#include "mt_report.h"

const char *const mt_report_lane_names[MT_RL_COUNT] = {
	"red", "yellow", "green", "none"
};

static const char *const field_names[MT_RF_COUNT] = {
	"doc_type", "doc_no", "container_no", "shipper_name",
	"consignee_name", "loading_place", "transit_places",
	"discharge_place", "description", "score", "lane", "hits",
	"reasons", "dq"
};

void
mt_report_init(struct mt_report *r, size_t limit)
{
	int i;

	memset(r, 0, sizeof *r);
	mt_topn_init(&r->list, limit);
	mt_tally_init(&r->rules, MT_REPORT_MAX_KEYS);
	mt_tally_init(&r->categories, MT_REPORT_MAX_KEYS);
	mt_tally_init(&r->dq, MT_REPORT_MAX_KEYS);
	mt_tally_init(&r->routes, MT_REPORT_MAX_KEYS);
	for (i = 0; i < MT_RF_COUNT; i++)
		r->col[i] = -1;
}

void
mt_report_free(struct mt_report *r)
{
	free(r->header);
	free(r->names);
	mt_topn_free(&r->list);
	mt_tally_free(&r->rules);
	mt_tally_free(&r->categories);
	mt_tally_free(&r->dq);
	mt_tally_free(&r->routes);
	free(r->fields);
	mt_buf_free(&r->buf);
}

void
mt_report_set_header(struct mt_report *r, const struct mt_str *names,
    size_t n)
{
	size_t i, len = 0;
	char *p;
	int f;

	for (i = 0; i < n; i++)
		len += names[i].n + 1;
	r->header = p = mt_xmalloc(len + 1);
	r->names = mt_xmalloc((n ? n : 1) * sizeof *r->names);
	r->fields = mt_xmalloc((n ? n : 1) * sizeof *r->fields);
	r->nnames = n;
	for (i = 0; i < n; i++) {
		memcpy(p, names[i].p, names[i].n);
		r->names[i].p = p;
		r->names[i].n = names[i].n;
		p += names[i].n;
		*p++ = i + 1 < n ? '\t' : '\0';
	}
	*p = '\0';
	for (f = 0; f < MT_RF_COUNT; f++)
		for (i = 0; i < n; i++)
			if (mt_str_eq(names[i], field_names[f])) {
				r->col[f] = (int)i;
				break;
			}
}

static struct mt_str
field(const struct mt_report *r, const struct mt_str *fields, size_t nf,
    enum mt_report_field f)
{
	struct mt_str none = { "", 0 };

	if (r->col[f] < 0 || (size_t)r->col[f] >= nf)
		return none;
	return fields[r->col[f]];
}

struct mt_str
mt_report_get(const struct mt_report *r, const struct mt_str *fields,
    enum mt_report_field f)
{
	return field(r, fields, r->nnames, f);
}

enum mt_report_lane
mt_report_lane_of(struct mt_str lane)
{
	int i;

	for (i = 0; i < MT_RL_NONE; i++)
		if (mt_str_eq(lane, mt_report_lane_names[i]))
			return (enum mt_report_lane)i;
	return MT_RL_NONE;
}

double
mt_report_pct(unsigned long long n, unsigned long long total)
{
	return total ? 100.0 * (double)n / (double)total : 0.0;
}

/* The score of a record, or NaN. */
static double
score_of(struct mt_str s)
{
	double v;

	return s.n > 0 && mt_expr_parse_number(s.p, s.n, &v) && isfinite(v) ?
	    v : NAN;
}

/* Does the comma-separated list p[0..n) hold the item w? */
static bool
in_list(const char *p, size_t n, struct mt_str w)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && p[j] != ','; j++)
			continue;
		if (j - i == w.n && memcmp(p + i, w.p, w.n) == 0)
			return true;
		i = j + 1;
	}
	return false;
}

/* Count each item of a comma-separated list once per record. */
static void
tally_list(struct mt_tally *t, struct mt_str list)
{
	struct mt_str w;
	size_t i = 0, j;

	while (i < list.n) {
		for (j = i; j < list.n && list.p[j] != ','; j++)
			continue;
		w.p = list.p + i;
		w.n = j - i;
		if (w.n > 0 && !in_list(list.p, i, w))
			mt_tally_add(t, w.p, w.n, 1);
		i = j + 1;
	}
}

/* Is the id at p (up to a space) one of the comma-separated hits? */
static bool
is_hit(struct mt_str hits, const char *p, size_t n)
{
	size_t i = 0, j;

	while (i < hits.n) {
		for (j = i; j < hits.n && hits.p[j] != ','; j++)
			continue;
		if (j - i == n && memcmp(hits.p + i, p, n) == 0)
			return true;
		i = j + 1;
	}
	return false;
}

/* Does an entry start at p: a hit's id, a space, a sign and a digit? */
static bool
entry_starts(struct mt_str hits, const char *p, size_t n)
{
	size_t k;

	for (k = 0; k < n && p[k] != ' '; k++)
		continue;
	if (k == 0 || k + 2 >= n || (p[k + 1] != '+' && p[k + 1] != '-') ||
	    p[k + 2] < '0' || p[k + 2] > '9')
		return false;
	return is_hit(hits, p, k);
}

bool
mt_report_next_reason(struct mt_str reasons, struct mt_str hits,
    size_t *pos, struct mt_str *entry)
{
	size_t i = *pos, k;

	if (i >= reasons.n)
		return false;
	for (k = i; k + 2 <= reasons.n; k++)
		if (reasons.p[k] == ';' && reasons.p[k + 1] == ' ' &&
		    entry_starts(hits, reasons.p + k + 2, reasons.n - k - 2))
			break;
	if (k + 2 > reasons.n)
		k = reasons.n;
	entry->p = reasons.p + i;
	entry->n = k - i;
	*pos = k < reasons.n ? k + 2 : reasons.n;
	return true;
}

struct mt_str
mt_report_reason_category(struct mt_str e)
{
	struct mt_str none = { "", 0 }, c;
	size_t i, j;

	/* "ID +W [category] ...": skip two words. */
	for (i = 0; i < e.n && e.p[i] != ' '; i++)
		continue;
	for (i++; i < e.n && e.p[i] != ' '; i++)
		continue;
	i++;
	if (i >= e.n || e.p[i] != '[')
		return none;
	for (j = i + 1; j < e.n && e.p[j] != ']' && e.p[j] != ' '; j++)
		continue;
	if (j >= e.n || e.p[j] != ']' || j == i + 1)
		return none;
	c.p = e.p + i + 1;
	c.n = j - i - 1;
	return c;
}

/* Categories of a record's hits, each counted once. */
static void
tally_categories(struct mt_report *r, struct mt_str reasons,
    struct mt_str hits)
{
	struct mt_str e, c, e2, c2;
	size_t pos = 0, pos2, start;
	bool seen;

	while (start = pos, mt_report_next_reason(reasons, hits, &pos, &e)) {
		c = mt_report_reason_category(e);
		if (c.n == 0)
			continue;
		/* Counted already, for an earlier entry of this record? */
		seen = false;
		pos2 = 0;
		while (!seen && pos2 < start &&
		    mt_report_next_reason(reasons, hits, &pos2, &e2)) {
			c2 = mt_report_reason_category(e2);
			seen = c2.n == c.n && memcmp(c2.p, c.p, c.n) == 0;
		}
		if (!seen)
			mt_tally_add(&r->categories, c.p, c.n, 1);
	}
}

void
mt_report_route(const struct mt_report *r, const struct mt_str *fields,
    size_t nf, struct mt_buf *b, const char *sep, unsigned flags)
{
	struct mt_str from = field(r, fields, nf, MT_RF_LOADING);
	struct mt_str via = field(r, fields, nf, MT_RF_TRANSIT);
	struct mt_str to = field(r, fields, nf, MT_RF_DISCHARGE), w;
	static const struct mt_str unknown = { "?", 1 };
	size_t i, j;

	if (from.n == 0 && via.n == 0 && to.n == 0)
		return;
	mt_report_clean(b, from.n ? from : unknown, flags);
	for (i = 0; i < via.n; i = j + 1) {
		for (j = i; j < via.n && via.p[j] != ' '; j++)
			continue;
		if (j == i)
			continue;
		w.p = via.p + i;
		w.n = j - i;
		mt_buf_add(b, sep, strlen(sep));
		mt_report_clean(b, w, flags);
	}
	mt_buf_add(b, sep, strlen(sep));
	mt_report_clean(b, to.n ? to : unknown, flags);
}

void
mt_report_add(struct mt_report *r, struct mt_str line,
    const struct mt_str *fields, size_t nf, bool listed)
{
	struct mt_str hits = field(r, fields, nf, MT_RF_HITS);
	double score = score_of(field(r, fields, nf, MT_RF_SCORE));
	int bin;

	r->records++;
	r->seq++;
	r->lanes[mt_report_lane_of(field(r, fields, nf, MT_RF_LANE))]++;
	if (isnan(score))
		r->unscored++;
	else {
		bin = score < 10 ? 0 : score >= 90 ? 9 : (int)(score / 10);
		r->scores[bin]++;
	}
	tally_list(&r->rules, hits);
	tally_categories(r, field(r, fields, nf, MT_RF_REASONS), hits);
	tally_list(&r->dq, field(r, fields, nf, MT_RF_DQ));
	if (!listed)
		return;
	r->listed++;
	/* Kept as in the stream, escapes and all, as the other keys are. */
	r->buf.len = 0;
	mt_report_route(r, fields, nf, &r->buf, " \xe2\x86\x92 ",
	    MT_CLEAN_RAW);
	if (r->buf.len > 0)
		mt_tally_add(&r->routes, r->buf.buf, r->buf.len, 1);
	(void)mt_topn_offer(&r->list, isnan(score) ? -HUGE_VAL : score, r->seq,
	    line.p, line.n);
}

void
mt_report_finish(struct mt_report *r)
{
	mt_topn_sort(&r->list, true);
}

bool
mt_report_scored(const struct mt_report *r)
{
	return r->list.n > 0 && r->list.v[0].key > -HUGE_VAL;
}

const struct mt_str *
mt_report_entry(struct mt_report *r, size_t i)
{
	const struct mt_topn_item *it = &r->list.v[i];

	(void)mt_rec_split_line(it->data, it->len, r->fields, r->nnames);
	return r->fields;
}

void
mt_report_clean(struct mt_buf *b, struct mt_str v, unsigned flags)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t start = b->len, i, k, bad;
	uint32_t cp;
	char *tmp;

	/* Unescape, then repair: both only ever shrink or triple. */
	mt_buf_reserve(b, 4 * v.n + 4);
	tmp = b->buf + start + 3 * v.n + 4;	/* the last v.n bytes */
	if (flags & MT_CLEAN_RAW) {
		if (v.n > 0)
			memcpy(tmp, v.p, v.n);
		k = v.n;
	} else
		k = mt_rec_unescape(v.p, v.n, tmp);
	if (mt_utf8_valid(tmp, k)) {
		memmove(b->buf + start, tmp, k);
		b->len = start + k;
	} else {
		char *fixed = mt_xmalloc(3 * k + 4);
		int m = mt_utf8_repair(tmp, k, fixed, &bad);

		if (m < 0) {		/* too long to repair: one U+FFFD */
			memcpy(fixed, fffd, 3);
			m = 3;
		}
		memcpy(b->buf + start, fixed, (size_t)m);
		b->len = start + (size_t)m;
		free(fixed);
	}
	if ((flags & (MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE)) == 0)
		return;
	/* Controls, in place where one byte becomes one byte. */
	for (i = start; i < b->len; ) {
		unsigned char c = (unsigned char)b->buf[i];

		if ((c == '\t' || c == '\n' || c == '\r') &&
		    (flags & MT_CLEAN_ONELINE)) {
			b->buf[i++] = ' ';
		} else if (((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f) && (flags & MT_CLEAN_CONTROLS)) {
			mt_buf_reserve(b, 2);
			memmove(b->buf + i + 3, b->buf + i + 1, b->len - i - 1);
			memcpy(b->buf + i, fffd, 3);
			b->len += 2;
			i += 3;
		} else if (c == 0xc2 && i + 1 < b->len &&
		    (unsigned char)b->buf[i + 1] >= 0x80 &&
		    (unsigned char)b->buf[i + 1] <= 0x9f &&
		    (flags & MT_CLEAN_CONTROLS)) {
			mt_buf_reserve(b, 1);
			memmove(b->buf + i + 3, b->buf + i + 2, b->len - i - 2);
			memcpy(b->buf + i, fffd, 3);
			b->len += 1;
			i += 3;
		} else if (c < 0x80) {
			i++;
		} else {
			k = mt_utf8_decode(b->buf + i, b->len - i, &cp);
			i += k ? k : 1;
		}
	}
}

/* Columns of one code point: wcwidth where the locale knows it. */
static size_t
cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x80)
		return cp >= 0x20 && cp != 0x7f;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : (size_t)w;
}

size_t
mt_report_width(const char *p, size_t n)
{
	size_t w;

	(void)mt_report_fit(p, n, SIZE_MAX, &w);
	return w;
}

size_t
mt_report_fit(const char *p, size_t n, size_t cols, size_t *w)
{
	size_t i = 0, k, cw, total = 0;
	uint32_t cp;

	while (i < n) {
		k = mt_utf8_decode(p + i, n - i, &cp);
		if (k == 0) {
			k = 1;
			cp = 0xfffd;
		}
		cw = cp_width(cp);
		if (total + cw > cols)
			break;
		total += cw;
		i += k;
	}
	*w = total;
	return i;
}
