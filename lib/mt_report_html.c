/*
 * mt_report_html: the report as one self-contained HTML file: inline CSS,
 * inline SVG charts, no script, nothing fetched from elsewhere, a print
 * stylesheet. Every value from the input is cleaned to valid UTF-8 (an
 * invalid sequence shows as U+FFFD, a control as U+FFFD) and
 * HTML-escaped, so a shipper named <script> shows as text.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_report.h"

static const char css[] =
"*{box-sizing:border-box}\n"
"body{font:14px/1.4 system-ui,-apple-system,\"Segoe UI\",Roboto,"
"\"Helvetica Neue\",Arial,sans-serif;color:#1d2329;background:#fff;"
"margin:0 auto;padding:1.5em 2em;max-width:1600px}\n"
"h1{font-size:1.6em;margin:0 0 .2em}\n"
"h2{font-size:1.2em;margin:1.6em 0 .6em;border-bottom:2px solid #d0d7de;"
"padding-bottom:.2em}\n"
".meta{color:#57606a;margin:.1em 0}\n"
".lanes{display:flex;gap:1em;margin:1.2em 0;flex-wrap:wrap}\n"
".card{border:1px solid #d0d7de;border-left-width:8px;border-radius:4px;"
"padding:.5em 1em;min-width:9em}\n"
".card .n{display:block;font-size:1.6em;font-weight:600}\n"
".card.red{border-left-color:#c62828}.card.yellow{border-left-color:"
"#e0a800}.card.green{border-left-color:#2e7d32}.card.none{"
"border-left-color:#8c959f}\n"
".charts{display:grid;grid-template-columns:repeat(auto-fit,"
"minmax(420px,1fr));gap:1em}\n"
"figure{margin:0;border:1px solid #d0d7de;border-radius:4px;"
"padding:.6em}\n"
"figcaption{font-weight:600;margin-bottom:.4em}\n"
"svg{width:100%;height:auto;font:11px system-ui,Arial,sans-serif}\n"
"svg .bar{fill:#4f6d8a}svg .red{fill:#c62828}svg .yellow{fill:#e0a800}"
"svg .green{fill:#2e7d32}svg .none{fill:#8c959f}\n"
"svg text{fill:#1d2329}svg .axis{stroke:#8c959f}\n"
"table{border-collapse:collapse;width:100%}\n"
"th,td{border-bottom:1px solid #d0d7de;padding:.35em .5em;"
"text-align:left;vertical-align:top}\n"
"th{background:#f3f5f7;position:sticky;top:0}\n"
"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
"td.code{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;"
"white-space:nowrap}\n"
"td.route{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;"
"min-width:9em}\n"
"td.reasons{min-width:18em}\n"
"td.text{min-width:7em;overflow-wrap:anywhere}\n"
"td.num,td.lanecell{white-space:nowrap}\n"
".scroll{overflow-x:auto}\n"
"tr.red td:first-child{box-shadow:inset 4px 0 #c62828}\n"
"tr.yellow td:first-child{box-shadow:inset 4px 0 #e0a800}\n"
".lane{display:inline-block;padding:0 .5em;border-radius:3px;"
"font-weight:600;color:#fff;background:#8c959f}\n"
".lane.red{background:#c62828}.lane.yellow{background:#e0a800;"
"color:#1d2329}.lane.green{background:#2e7d32}\n"
"ul.reasons{margin:0;padding-left:1.1em}\n"
"ul.reasons li{margin:.1em 0}\n"
".tables{display:grid;grid-template-columns:repeat(auto-fit,"
"minmax(320px,1fr));gap:1.5em}\n"
"caption{text-align:left;font-weight:600;padding:.3em 0}\n"
".empty{color:#57606a;font-style:italic}\n"
"footer{margin-top:2em;color:#57606a;font-size:.9em}\n"
"@media print{\n"
"@page{size:A4 landscape;margin:12mm}\n"
"body{font-size:9pt;padding:0;max-width:none}\n"
"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
"th{position:static}\n"
"thead{display:table-header-group}\n"
"tr,figure,.card{break-inside:avoid}\n"
".charts{grid-template-columns:1fr 1fr}\n"
"h2{break-after:avoid}\n"
"}\n";

/* Text as HTML: cleaned to valid UTF-8, then escaped. */
static void
esc_clean(struct mt_out *o, struct mt_buf *b, struct mt_str v,
    unsigned flags)
{
	size_t i;

	b->len = 0;
	mt_report_clean(b, v, flags | MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
	for (i = 0; i < b->len; i++)
		switch (b->buf[i]) {
		case '&':
			mt_out_puts(o, "&amp;");
			break;
		case '<':
			mt_out_puts(o, "&lt;");
			break;
		case '>':
			mt_out_puts(o, "&gt;");
			break;
		case '"':
			mt_out_puts(o, "&quot;");
			break;
		case '\'':
			mt_out_puts(o, "&#39;");
			break;
		default:
			mt_out_putc(o, b->buf[i]);
		}
}

/* A stream value. */
static void
esc(struct mt_out *o, struct mt_buf *b, struct mt_str v)
{
	esc_clean(o, b, v, 0);
}

/* A C string that is not from a stream (title, file name, label). */
static void
esc_raw(struct mt_out *o, struct mt_buf *b, const char *s, size_t n)
{
	struct mt_str v = { s, n };

	esc_clean(o, b, v, MT_CLEAN_RAW);
}

static void
printf_out(struct mt_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
printf_out(struct mt_out *o, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n > 0)
		mt_out_write(o, line, (size_t)n < sizeof line ? (size_t)n :
		    sizeof line - 1);
}

/* --- charts -------------------------------------------------------------- */

struct bar {
	const char *label;	/* escaped as in a stream */
	size_t len;
	unsigned long long n;
	const char *cls;	/* CSS class of the bar */
};

#define LABEL_COLS	26	/* a label is cut to this many columns */

/* Horizontal bars, one row each: label, bar, count. */
static void
hbars(struct mt_out *o, struct mt_buf *b, const char *id,
    const char *caption, const struct bar *v, size_t n)
{
	const double left = 190, barw = 220, row = 20;
	unsigned long long max = 0;
	size_t i, k, w;
	double h = n ? row * (double)n + 6 : 30, len;

	printf_out(o, "<figure id=\"%s\"><figcaption>%s</figcaption>\n", id,
	    caption);
	printf_out(o, "<svg viewBox=\"0 0 480 %.0f\" role=\"img\" "
	    "aria-label=\"%s\">\n", h, caption);
	if (n == 0)
		mt_out_puts(o, "<text x=\"10\" y=\"20\">None</text>\n");
	for (i = 0; i < n; i++)
		if (v[i].n > max)
			max = v[i].n;
	for (i = 0; i < n; i++) {
		double y = row * (double)i + 3;

		len = max ? barw * (double)v[i].n / (double)max : 0;
		if (len < 1 && v[i].n > 0)
			len = 1;
		mt_out_puts(o, "<g><title>");
		esc(o, b, (struct mt_str){ v[i].label, v[i].len });
		printf_out(o, ": %llu</title>", v[i].n);
		printf_out(o, "<text x=\"%.0f\" y=\"%.0f\" "
		    "text-anchor=\"end\">", left - 6, y + 13);
		k = mt_report_fit(v[i].label, v[i].len, LABEL_COLS, &w);
		esc(o, b, (struct mt_str){ v[i].label, k });
		if (k < v[i].len)
			mt_out_puts(o, "\xe2\x80\xa6");
		mt_out_puts(o, "</text>");
		printf_out(o, "<rect class=\"%s\" x=\"%.0f\" y=\"%.0f\" "
		    "width=\"%.1f\" height=\"%.0f\"/>", v[i].cls, left, y + 2,
		    len, row - 6);
		printf_out(o, "<text x=\"%.1f\" y=\"%.0f\">%llu</text></g>\n",
		    left + len + 4, y + 13, v[i].n);
	}
	mt_out_puts(o, "</svg></figure>\n");
}

/* The bars of the top max items of a tally. */
static struct bar *
tally_bars(const struct mt_tally *t, size_t max, size_t *n)
{
	const struct mt_tally_item **s = mt_tally_sorted(t);
	struct bar *v;
	size_t i;

	*n = t->n < max ? t->n : max;
	v = mt_xcalloc(*n ? *n : 1, sizeof *v);
	for (i = 0; i < *n; i++) {
		v[i].label = s[i]->key;
		v[i].len = s[i]->len;
		v[i].n = s[i]->count;
		v[i].cls = "bar";
	}
	free(s);
	return v;
}

/* Vertical bars: records per score band. */
static void
score_chart(struct mt_report *r, struct mt_out *o)
{
	const double left = 30, bottom = 170, colw = 44, maxh = 140;
	unsigned long long max = 0;
	double h;
	int i;

	mt_out_puts(o, "<figure id=\"chart-scores\"><figcaption>Score "
	    "distribution</figcaption>\n<svg viewBox=\"0 0 480 200\" "
	    "role=\"img\" aria-label=\"Score distribution\">\n");
	for (i = 0; i < 10; i++)
		if (r->scores[i] > max)
			max = r->scores[i];
	printf_out(o, "<line class=\"axis\" x1=\"%.0f\" y1=\"%.0f\" "
	    "x2=\"%.0f\" y2=\"%.0f\"/>\n", left, bottom, left + 10 * colw,
	    bottom);
	for (i = 0; i < 10; i++) {
		h = max ? maxh * (double)r->scores[i] / (double)max : 0;
		if (h < 1 && r->scores[i] > 0)
			h = 1;
		printf_out(o, "<g><title>score %d to %d: %llu</title>"
		    "<rect class=\"bar\" x=\"%.0f\" y=\"%.1f\" width=\"%.0f\" "
		    "height=\"%.1f\"/>", i * 10, i == 9 ? 100 : i * 10 + 9,
		    r->scores[i], left + i * colw + 4, bottom - h,
		    colw - 8, h);
		printf_out(o, "<text x=\"%.0f\" y=\"%.1f\" "
		    "text-anchor=\"middle\">%llu</text>", left + i * colw +
		    colw / 2, bottom - h - 4, r->scores[i]);
		printf_out(o, "<text x=\"%.0f\" y=\"%.0f\" "
		    "text-anchor=\"middle\">%d</text></g>\n", left + i * colw +
		    colw / 2, bottom + 16, i * 10);
	}
	mt_out_puts(o, "</svg></figure>\n");
}

static void
charts(struct mt_report *r, struct mt_out *o, struct mt_buf *b)
{
	static const char *const cls[MT_RL_COUNT] = {
		"red", "yellow", "green", "none"
	};
	struct bar lanes[MT_RL_COUNT], *v;
	size_t n = 0;
	int l;

	mt_out_puts(o, "<section class=\"charts\">\n");
	score_chart(r, o);
	for (l = 0; l < MT_RL_COUNT; l++) {
		if (l == MT_RL_NONE && r->lanes[l] == 0)
			continue;
		lanes[n].label = l == MT_RL_NONE ? "no lane" :
		    mt_report_lane_names[l];
		lanes[n].len = strlen(lanes[n].label);
		lanes[n].n = r->lanes[l];
		lanes[n].cls = cls[l];
		n++;
	}
	hbars(o, b, "chart-lanes", "Records by lane", lanes, n);
	v = tally_bars(&r->rules, 15, &n);
	hbars(o, b, "chart-rules", "Hits per rule", v, n);
	free(v);
	v = tally_bars(&r->routes, 10, &n);
	hbars(o, b, "chart-routes", "Top routes of the listed records", v,
	    n);
	free(v);
	mt_out_puts(o, "</section>\n");
}

/* --- the list and the summary -------------------------------------------- */

static void
route(struct mt_report *r, struct mt_out *o, struct mt_buf *b,
    const struct mt_str *f)
{
	struct mt_buf t = { 0 };

	mt_report_route(r, f, r->nnames, &t, " \xe2\x86\x92 ",
	    MT_CLEAN_CONTROLS | MT_CLEAN_ONELINE);
	esc_raw(o, b, t.buf, t.len);
	mt_buf_free(&t);
}

static void
reasons(struct mt_report *r, struct mt_out *o, struct mt_buf *b,
    const struct mt_str *f)
{
	struct mt_str hits = mt_report_get(r, f, MT_RF_HITS);
	struct mt_str all = mt_report_get(r, f, MT_RF_REASONS), e, id, rest;
	size_t pos = 0, k;

	if (all.n == 0)
		return;
	mt_out_puts(o, "<ul class=\"reasons\">");
	while (mt_report_next_reason(all, hits, &pos, &e)) {
		for (k = 0; k < e.n && e.p[k] != ' '; k++)
			continue;
		id.p = e.p;
		id.n = k;
		rest.p = e.p + k;
		rest.n = e.n - k;
		mt_out_puts(o, "<li><b>");
		esc(o, b, id);
		mt_out_puts(o, "</b>");
		esc(o, b, rest);
		mt_out_puts(o, "</li>");
	}
	mt_out_puts(o, "</ul>");
}

static void
cell(struct mt_report *r, struct mt_out *o, struct mt_buf *b,
    const struct mt_str *f, enum mt_report_field rf, const char *cls)
{
	if (cls != NULL)
		printf_out(o, "<td class=\"%s\">", cls);
	else
		mt_out_puts(o, "<td>");
	esc(o, b, mt_report_get(r, f, rf));
	mt_out_puts(o, "</td>");
}

static void
inspection_list(struct mt_report *r, struct mt_out *o, struct mt_buf *b)
{
	const struct mt_str *f;
	struct mt_str dt;
	enum mt_report_lane lane;
	size_t i;

	mt_out_puts(o, "<section id=\"list\">\n<h2>Inspection list</h2>\n");
	if (r->list.n == 0) {
		mt_out_puts(o, "<p class=\"empty\">No records listed.</p>\n"
		    "</section>\n");
		return;
	}
	mt_out_puts(o, "<div class=\"scroll\">\n<table id=\"inspections\">\n<thead><tr>"
	    "<th class=\"num\">#</th><th class=\"num\">Score</th>"
	    "<th>Lane</th><th>Document</th><th>Container</th><th>Route</th>"
	    "<th>Shipper</th><th>Consignee</th><th>Goods</th>"
	    "<th>Reasons</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < r->list.n; i++) {
		f = mt_report_entry(r, i);
		lane = mt_report_lane_of(mt_report_get(r, f, MT_RF_LANE));
		printf_out(o, "<tr class=\"%s\"><td class=\"num\">%zu</td>",
		    mt_report_lane_names[lane], i + 1);
		cell(r, o, b, f, MT_RF_SCORE, "num");
		mt_out_puts(o, "<td class=\"lanecell\">");
		if (mt_report_get(r, f, MT_RF_LANE).n > 0) {
			printf_out(o, "<span class=\"lane %s\">",
			    mt_report_lane_names[lane]);
			esc(o, b, mt_report_get(r, f, MT_RF_LANE));
			mt_out_puts(o, "</span>");
		}
		mt_out_puts(o, "</td><td class=\"code\">");
		dt = mt_report_get(r, f, MT_RF_DOC_TYPE);
		if (dt.n > 0) {
			esc(o, b, dt);
			mt_out_putc(o, ' ');
		}
		esc(o, b, mt_report_get(r, f, MT_RF_DOC_NO));
		mt_out_puts(o, "</td>");
		cell(r, o, b, f, MT_RF_CONTAINER_NO, "code");
		mt_out_puts(o, "<td class=\"route\">");
		route(r, o, b, f);
		mt_out_puts(o, "</td>");
		cell(r, o, b, f, MT_RF_SHIPPER, "text");
		cell(r, o, b, f, MT_RF_CONSIGNEE, "text");
		cell(r, o, b, f, MT_RF_DESCRIPTION, "text");
		mt_out_puts(o, "<td class=\"reasons\">");
		reasons(r, o, b, f);
		mt_out_puts(o, "</td></tr>\n");
	}
	mt_out_puts(o, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void
count_table(struct mt_out *o, struct mt_buf *b, const char *id,
    const char *caption, const char *what, const struct mt_tally *t,
    unsigned long long total)
{
	const struct mt_tally_item **v;
	size_t i;

	if (t->n == 0)
		return;
	v = mt_tally_sorted(t);
	printf_out(o, "<table id=\"%s\"><caption>%s</caption>\n<thead><tr>"
	    "<th>%s</th><th class=\"num\">Records</th><th class=\"num\">"
	    "Share</th></tr></thead>\n<tbody>\n", id, caption, what);
	for (i = 0; i <= t->n; i++) {
		unsigned long long n;

		if (i == t->n) {
			if (t->other == 0)
				break;
			n = t->other;
			mt_out_puts(o, "<tr><td>(other)");
		} else {
			n = v[i]->count;
			mt_out_puts(o, "<tr><td>");
			esc(o, b, (struct mt_str){ v[i]->key, v[i]->len });
		}
		printf_out(o, "</td><td class=\"num\">%llu</td><td "
		    "class=\"num\">%.1f%%</td></tr>\n", n,
		    mt_report_pct(n, total));
	}
	mt_out_puts(o, "</tbody></table>\n");
	free(v);
}

void
mt_report_write_html(struct mt_report *r, struct mt_out *o,
    const struct mt_report_opts *opt)
{
	static const char *const cls[MT_RL_COUNT] = {
		"red", "yellow", "green", "none"
	};
	struct mt_buf b = { 0 };
	size_t i;
	int l;

	mt_out_puts(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"manifest-report "
	    PACKAGE_VERSION "\">\n<title>");
	esc_raw(o, &b, opt->title, strlen(opt->title));
	mt_out_puts(o, ", ");
	esc_raw(o, &b, opt->date, strlen(opt->date));
	mt_out_puts(o, "</title>\n<style>\n");
	mt_out_puts(o, css);
	mt_out_puts(o, "</style>\n</head>\n<body>\n<header>\n<h1>");
	esc_raw(o, &b, opt->title, strlen(opt->title));
	mt_out_puts(o, "</h1>\n<p class=\"meta\">");
	esc_raw(o, &b, opt->date, strlen(opt->date));
	printf_out(o, " \xc2\xb7 %llu records screened \xc2\xb7 %llu listed",
	    r->records, r->listed);
	if (r->list.n < r->listed)
		printf_out(o, ", the %zu highest shown", r->list.n);
	mt_out_puts(o, "</p>\n");
	if (opt->ninputs > 0) {
		mt_out_puts(o, "<p class=\"meta\">From ");
		for (i = 0; i < opt->ninputs; i++) {
			if (i > 0)
				mt_out_puts(o, ", ");
			esc_raw(o, &b, opt->inputs[i], strlen(opt->inputs[i]));
		}
		mt_out_puts(o, "</p>\n");
	}
	mt_out_puts(o, "</header>\n<section class=\"lanes\" "
	    "aria-label=\"Records by lane\">\n");
	for (l = 0; l < MT_RL_COUNT; l++) {
		if (l == MT_RL_NONE && r->lanes[l] == 0)
			continue;
		printf_out(o, "<div class=\"card %s\"><span class=\"n\">%llu"
		    "</span>%s (%.1f%%)</div>\n", cls[l], r->lanes[l],
		    l == MT_RL_NONE ? "no lane" : mt_report_lane_names[l],
		    mt_report_pct(r->lanes[l], r->records));
	}
	mt_out_puts(o, "</section>\n");
	charts(r, o, &b);
	inspection_list(r, o, &b);
	mt_out_puts(o, "<section id=\"summary\">\n<h2>Summary</h2>\n"
	    "<div class=\"tables\">\n");
	count_table(o, &b, "by-category", "Records by category of the rules "
	    "hit", "Category", &r->categories, r->records);
	count_table(o, &b, "by-rule", "Rules hit", "Rule", &r->rules,
	    r->records);
	count_table(o, &b, "by-dq", "Data-quality flags", "Flag", &r->dq,
	    r->records);
	mt_out_puts(o, "</div>\n</section>\n<footer>manifest-report "
	    PACKAGE_VERSION ": scores, lanes and reasons as risk-score wrote "
	    "them (risk-rules(5)).</footer>\n</body>\n</html>\n");
	mt_buf_free(&b);
}
