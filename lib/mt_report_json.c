/*
 * mt_report_json: JSON Lines: one object per listed record, every field
 * (numbers as numbers, hits and dq as arrays, an empty value as null),
 * then one object holding the summary.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_report.h"

/* The fields of manifest-records(5) that hold numbers. */
static const char *const numeric[] = {
	"line", "packages", "gross_weight_kg", "volume_m3", "value", "score",
	NULL
};
/* And those that hold comma-separated lists. */
static const char *const lists[] = { "hits", "dq", NULL };

static bool
among(struct mt_str name, const char *const *set)
{
	for (; *set != NULL; set++)
		if (mt_str_eq(name, *set))
			return true;
	return false;
}

/* The JSON number grammar (RFC 8259, section 6). */
static bool
json_number(const char *p, size_t n)
{
	size_t i = 0, d;

	if (i < n && p[i] == '-')
		i++;
	if (i < n && p[i] == '0')
		i++;
	else {
		for (d = i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			continue;
		if (i == d || p[d] == '0')
			return false;
	}
	if (i < n && p[i] == '.') {
		for (d = ++i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			continue;
		if (i == d)
			return false;
	}
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '+' || p[i] == '-'))
			i++;
		for (d = i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			continue;
		if (i == d)
			return false;
	}
	return i == n;
}

/* A JSON string of valid UTF-8 text. */
static void
json_string(struct mt_out *o, const char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	mt_out_putc(o, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '"' || c == '\\') {
			mt_out_putc(o, '\\');
			mt_out_putc(o, (char)c);
		} else if (c == '\n')
			mt_out_puts(o, "\\n");
		else if (c == '\t')
			mt_out_puts(o, "\\t");
		else if (c == '\r')
			mt_out_puts(o, "\\r");
		else if (c < 0x20) {
			mt_out_puts(o, "\\u00");
			mt_out_putc(o, hex[c >> 4]);
			mt_out_putc(o, hex[c & 15]);
		} else
			mt_out_putc(o, (char)c);
	}
	mt_out_putc(o, '"');
}

static void
json_value(struct mt_out *o, struct mt_buf *b, struct mt_str v,
    unsigned flags)
{
	b->len = 0;
	mt_report_clean(b, v, flags);
	json_string(o, b->buf, b->len);
}

static void
json_key(struct mt_out *o, const char *key, bool first)
{
	if (!first)
		mt_out_putc(o, ',');
	json_string(o, key, strlen(key));
	mt_out_putc(o, ':');
}

static void
json_count(struct mt_out *o, const char *key, unsigned long long n,
    bool first)
{
	char num[32];

	json_key(o, key, first);
	snprintf(num, sizeof num, "%llu", n);
	mt_out_puts(o, num);
}

/* [{"KEY":"...","records":N,"percent":P}, ...] from a tally. */
static void
json_tally(struct mt_out *o, struct mt_buf *b, const char *name,
    const char *key, const struct mt_tally *t, unsigned long long total)
{
	const struct mt_tally_item **v = mt_tally_sorted(t);
	struct mt_str other = { "(other)", 7 };
	char num[64];
	size_t i;

	json_key(o, name, false);
	mt_out_putc(o, '[');
	for (i = 0; i <= t->n; i++) {
		struct mt_str k;
		unsigned long long n;

		if (i == t->n) {
			if (t->other == 0)
				break;
			k = other;
			n = t->other;
		} else {
			k.p = v[i]->key;
			k.n = v[i]->len;
			n = v[i]->count;
		}
		if (i > 0)
			mt_out_putc(o, ',');
		mt_out_putc(o, '{');
		json_key(o, key, true);
		json_value(o, b, k, 0);
		json_count(o, "records", n, false);
		if (total > 0) {
			json_key(o, "percent", false);
			snprintf(num, sizeof num, "%.1f",
			    mt_report_pct(n, total));
			mt_out_puts(o, num);
		}
		mt_out_putc(o, '}');
	}
	mt_out_putc(o, ']');
	free(v);
}

static void
record(struct mt_report *r, struct mt_out *o, struct mt_buf *b,
    const struct mt_str *f)
{
	size_t k, i, j;

	mt_out_putc(o, '{');
	for (k = 0; k < r->nnames; k++) {
		char *name = mt_xstrndup(r->names[k].p, r->names[k].n);

		json_key(o, name, k == 0);
		free(name);
		if (among(r->names[k], lists)) {
			mt_out_putc(o, '[');
			for (i = 0; i < f[k].n; i = j + 1) {
				struct mt_str item;

				for (j = i; j < f[k].n && f[k].p[j] != ','; j++)
					continue;
				item.p = f[k].p + i;
				item.n = j - i;
				if (i > 0)
					mt_out_putc(o, ',');
				json_value(o, b, item, 0);
			}
			mt_out_putc(o, ']');
		} else if (f[k].n == 0)
			mt_out_puts(o, "null");
		else if (among(r->names[k], numeric) &&
		    json_number(f[k].p, f[k].n))
			mt_out_write(o, f[k].p, f[k].n);
		else
			json_value(o, b, f[k], 0);
	}
	mt_out_puts(o, "}\n");
}

void
mt_report_write_json(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt)
{
	struct mt_buf b = { 0 };
	struct mt_str s;
	size_t i;
	int l;

	for (i = 0; i < r->list.n; i++)
		record(r, o, &b, mt_report_entry(r, i));
	mt_out_puts(o, "{\"summary\":{");
	json_key(o, "title", true);
	s.p = opt->title;
	s.n = strlen(opt->title);
	json_value(o, &b, s, MT_CLEAN_RAW);
	json_key(o, "date", false);
	s.p = opt->date;
	s.n = strlen(opt->date);
	json_value(o, &b, s, MT_CLEAN_RAW);
	json_key(o, "inputs", false);
	mt_out_putc(o, '[');
	for (i = 0; i < opt->ninputs; i++) {
		if (i > 0)
			mt_out_putc(o, ',');
		s.p = opt->inputs[i];
		s.n = strlen(opt->inputs[i]);
		json_value(o, &b, s, MT_CLEAN_RAW);
	}
	mt_out_putc(o, ']');
	json_count(o, "records", r->records, false);
	json_count(o, "listed", r->listed, false);
	json_count(o, "shown", r->list.n, false);
	json_key(o, "lanes", false);
	mt_out_putc(o, '{');
	for (l = 0; l < MT_RL_COUNT; l++)
		json_count(o, mt_report_lane_names[l], r->lanes[l], l == 0);
	mt_out_putc(o, '}');
	json_key(o, "scores", false);
	mt_out_putc(o, '[');
	for (l = 0; l < 10; l++) {
		char num[32];

		snprintf(num, sizeof num, "%s%llu", l ? "," : "", r->scores[l]);
		mt_out_puts(o, num);
	}
	mt_out_putc(o, ']');
	json_count(o, "unscored", r->unscored, false);
	json_tally(o, &b, "categories", "category", &r->categories,
	    r->records);
	json_tally(o, &b, "rules", "rule", &r->rules, r->records);
	json_tally(o, &b, "dq", "flag", &r->dq, r->records);
	json_tally(o, &b, "routes", "route", &r->routes, 0);
	mt_out_puts(o, "}}\n");
	mt_buf_free(&b);
}
