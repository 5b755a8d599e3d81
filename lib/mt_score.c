/*
 * mt_score: the scorer of risk-rules(5).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_litscan.h"
#include "mt_rxlit.h"
#include "mt_score.h"

/* Literals shorter than this find too much to be worth scanning for. */
#define MIN_LITERAL	3
/* Tables of one field's scanner; beyond, its rules go unguarded. */
#define MAX_SCAN	(4u << 20)
/* Matched texts quoted per hit, and their length in characters. */
#define MAX_QUOTES	3
#define MAX_QUOTE	40

struct field_scan {
	size_t field;
	struct mt_litscan *scan;
};

struct rule_state {
	struct mt_rule *r;
	struct mt_expr *expr;	/* the rule's, or the scorer's own copy */
	bool active;		/* in force today */
	bool guarded;		/* evaluated only when seen[] says so */
	unsigned long long hits;
};

struct mt_score {
	struct mt_rules *rs;
	struct rule_state *rules;
	size_t nrules;
	size_t *active;		/* indexes of the rules in force, in order */
	size_t nactive;
	struct field_scan *scans;
	size_t nscans;
	uint32_t *seen;		/* by guard id: the mark of the last record */
	uint32_t nids;		/* guard ids: the rules', then regexes' */
	uint32_t mark;
	size_t span;
	size_t nguarded;
	int red, yellow;
	unsigned long long lanes[3];
	unsigned long long evaluated;
	struct mt_expr_rec *rec;	/* the record, shared by the rules */
	struct mt_rx_env *rx;		/* for own copies of the expressions */
	bool own;
	bool prefilter;
	struct mt_buf hits, reasons;
	char err[512];
};

static bool
usable(const struct mt_rx *rx, void *arg)
{
	struct mt_rxlit lit;
	const char *pat;
	size_t n;
	bool ok;

	(void)arg;
	pat = mt_rx_pattern(rx, &n);
	ok = mt_rxlit_required(pat, n, mt_rx_flags(rx), MIN_LITERAL, &lit);
	if (ok)
		mt_rxlit_free(&lit);
	return ok;
}

static struct field_scan *
scan_for(struct mt_score *s, size_t field)
{
	size_t i;

	for (i = 0; i < s->nscans; i++)
		if (s->scans[i].field == field)
			return &s->scans[i];
	s->scans = mt_xrealloc(s->scans, (s->nscans + 1) * sizeof(*s->scans));
	s->scans[s->nscans].field = field;
	s->scans[s->nscans].scan = mt_litscan_new();
	return &s->scans[s->nscans++];
}

/*
 * A guard for one regular expression on a field, when it has literals:
 * ids after those of the rules, so that one seen[] serves both.
 */
static uint32_t
guard_match(size_t field, const struct mt_rx *rx, uint32_t old, void *arg)
{
	struct mt_score *s = arg;
	struct field_scan *fs;
	struct mt_rxlit lit;
	const char *pat;
	size_t len, j;

	(void)old;
	pat = mt_rx_pattern(rx, &len);
	if (!mt_rxlit_required(pat, len, mt_rx_flags(rx), MIN_LITERAL, &lit))
		return UINT32_MAX;
	fs = scan_for(s, field);
	for (j = 0; j < lit.n; j++)
		mt_litscan_add(fs->scan, lit.lit[j], lit.len[j], s->nids);
	mt_rxlit_free(&lit);
	return s->nids++;
}

/* Take the guards off the regular expressions on a field. */
static uint32_t
unguard_match(size_t field, const struct mt_rx *rx, uint32_t old, void *arg)
{
	const size_t *unscanned = arg;

	(void)rx;
	return field == *unscanned ? UINT32_MAX : old;
}

/* Give rule i a guard when its expression has one. */
static void
guard(struct mt_score *s, size_t i)
{
	struct mt_expr_need *need;
	struct mt_rxlit lit;
	const char *pat;
	size_t n, k, j, len;

	n = mt_expr_needs(s->rules[i].expr, usable, NULL, &need);
	for (k = 0; k < n; k++) {
		struct field_scan *fs = scan_for(s, need[k].field);

		pat = mt_rx_pattern(need[k].rx, &len);
		if (!mt_rxlit_required(pat, len, mt_rx_flags(need[k].rx),
		    MIN_LITERAL, &lit))
			abort();	/* usable() said it would */
		for (j = 0; j < lit.n; j++)
			mt_litscan_add(fs->scan, lit.lit[j], lit.len[j],
			    (uint32_t)i);
		mt_rxlit_free(&lit);
	}
	if (n > 0)
		s->rules[i].guarded = true;
	free(need);
	/* And each regular expression of the rule on a field its own. */
	mt_expr_guard_matches(s->rules[i].expr, guard_match, s);
}

/*
 * Build the scanners. One too large to build takes the guards off the
 * rules with literals in it: they are evaluated every time instead.
 */
static void
build_scans(struct mt_score *s)
{
	size_t i, j, k;

	for (i = 0; i < s->nscans; i++) {
		if (mt_litscan_build(s->scans[i].scan, MAX_SCAN) == 0)
			continue;
		mt_litscan_free(s->scans[i].scan);
		s->scans[i].scan = NULL;
		for (j = 0; j < s->nrules; j++) {
			struct mt_expr_need *need;
			size_t n;

			if (!s->rules[j].guarded)
				continue;
			n = mt_expr_needs(s->rules[j].expr, usable, NULL,
			    &need);
			for (k = 0; k < n; k++)
				if (need[k].field == s->scans[i].field)
					s->rules[j].guarded = false;
			free(need);
		}
		for (j = 0; j < s->nrules; j++)
			if (s->rules[j].active)
				mt_expr_guard_matches(s->rules[j].expr,
				    unguard_match, &s->scans[i].field);
	}
	for (i = j = 0; i < s->nscans; i++)
		if (s->scans[i].scan != NULL)
			s->scans[j++] = s->scans[i];
	s->nscans = j;
}

struct mt_score *
mt_score_new(struct mt_rules *rs, bool prefilter)
{
	return mt_score_new_private(rs, prefilter, false);
}

struct mt_score *
mt_score_new_private(struct mt_rules *rs, bool prefilter, bool own)
{
	struct mt_score *s = mt_xcalloc(1, sizeof(*s));
	size_t i, span;

	s->rs = rs;
	s->own = own;
	s->prefilter = prefilter;
	if (own && (s->rx = mt_rx_env_new(NULL)) == NULL)
		mt_die("out of memory");
	s->rec = mt_expr_rec_new();
	s->nrules = mt_rules_count(rs);
	s->rules = mt_xcalloc(s->nrules ? s->nrules : 1, sizeof(*s->rules));
	s->nids = (uint32_t)s->nrules;
	s->red = mt_rules_threshold(rs, MT_LANE_RED);
	s->yellow = mt_rules_threshold(rs, MT_LANE_YELLOW);
	for (i = 0; i < s->nrules; i++) {
		s->rules[i].r = mt_rules_at(rs, i);
		s->rules[i].active = s->rules[i].r->expr != NULL &&
		    mt_rule_in_force(rs, s->rules[i].r);
		if (!s->rules[i].active)
			continue;
		s->rules[i].expr = own ? mt_rules_compile_rule(rs,
		    s->rules[i].r, s->rx) : s->rules[i].r->expr;
		if (s->rules[i].expr == NULL)
			mt_die("rule %s: cannot compile it again",
			    s->rules[i].r->id);
		span = mt_expr_field_span(s->rules[i].expr);
		if (span > s->span)
			s->span = span;
		if (prefilter)
			guard(s, i);
	}
	build_scans(s);
	s->seen = mt_xcalloc(s->nids ? s->nids : 1, sizeof(*s->seen));
	s->active = mt_xcalloc(s->nrules ? s->nrules : 1, sizeof(*s->active));
	for (i = 0; i < s->nrules; i++) {
		s->nguarded += s->rules[i].guarded;
		if (s->rules[i].active)
			s->active[s->nactive++] = i;
	}
	return s;
}

void
mt_score_free(struct mt_score *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nscans; i++)
		mt_litscan_free(s->scans[i].scan);
	if (s->own)
		for (i = 0; i < s->nrules; i++)
			mt_expr_free(s->rules[i].expr);
	mt_rx_env_free(s->rx);
	free(s->scans);
	free(s->rules);
	free(s->active);
	free(s->seen);
	mt_expr_rec_free(s->rec);
	mt_buf_free(&s->hits);
	mt_buf_free(&s->reasons);
	free(s);
}

size_t
mt_score_span(const struct mt_score *s)
{
	return s->span;
}

/* The first max characters of t, "..." after them when cut. */
static void
add_quote(struct mt_buf *b, struct mt_str t)
{
	size_t i, chars = 0;

	mt_buf_addc(b, '"');
	for (i = 0; i < t.n; i++) {
		if (((unsigned char)t.p[i] & 0xc0) != 0x80 &&
		    chars++ == MAX_QUOTE)
			break;
		mt_buf_addc(b, t.p[i]);
	}
	if (i < t.n)
		mt_buf_add(b, "...", 3);
	mt_buf_addc(b, '"');
}

static void
add_reason(struct mt_score *s, const struct rule_state *rt)
{
	const struct mt_rule *r = rt->r;
	const struct mt_expr_match *m;
	struct mt_str quoted[MAX_QUOTES];
	size_t nm, i, j, nq = 0;
	char num[16];

	if (s->reasons.len > 0)
		mt_buf_add(&s->reasons, "; ", 2);
	mt_buf_add(&s->reasons, r->id, strlen(r->id));
	snprintf(num, sizeof num, " %+d ", r->weight);
	mt_buf_add(&s->reasons, num, strlen(num));
	if (r->category >= 0) {
		mt_buf_addc(&s->reasons, '[');
		mt_buf_add(&s->reasons, mt_rule_categories[r->category],
		    strlen(mt_rule_categories[r->category]));
		mt_buf_add(&s->reasons, "] ", 2);
	}
	mt_buf_add(&s->reasons, r->reason, strlen(r->reason));
	m = mt_expr_matches(rt->expr, &nm);
	for (i = 0; i < nm && nq < MAX_QUOTES; i++) {
		if (m[i].text.n == 0)
			continue;	/* an empty match says nothing */
		for (j = 0; j < nq; j++)
			if (quoted[j].n == m[i].text.n && (m[i].text.n == 0 ||
			    memcmp(quoted[j].p, m[i].text.p, m[i].text.n) == 0))
				break;
		if (j < nq)
			continue;
		mt_buf_add(&s->reasons, nq == 0 ? " (matched " : ", ",
		    nq == 0 ? 10 : 2);
		add_quote(&s->reasons, m[i].text);
		quoted[nq++] = m[i].text;
	}
	if (nq > 0)
		mt_buf_addc(&s->reasons, ')');
	if (r->lane != MT_LANE_GREEN) {
		mt_buf_add(&s->reasons, " [lane ", 7);
		mt_buf_add(&s->reasons, mt_lane_names[r->lane],
		    strlen(mt_lane_names[r->lane]));
		mt_buf_addc(&s->reasons, ']');
	}
}

int
mt_score_record(struct mt_score *s, const struct mt_str *values, size_t n,
    struct mt_score_result *res)
{
	struct rule_state *rt;
	enum mt_lane lane = MT_LANE_GREEN, forced = MT_LANE_GREEN;
	long sum = 0;
	size_t i, k;
	int rc, status = 0;

	if (++s->mark == 0) {
		memset(s->seen, 0, s->nids * sizeof(*s->seen));
		s->mark = 1;
	}
	for (i = 0; i < s->nscans; i++)
		if (s->scans[i].field < n)
			mt_litscan_run(s->scans[i].scan,
			    values[s->scans[i].field].p,
			    values[s->scans[i].field].n, s->seen, s->mark);
	s->hits.len = 0;
	s->reasons.len = 0;
	mt_expr_rec_set(s->rec, values, n);
	/*
	 * Without the prefilter, guards are not looked at, even those a
	 * scorer with it left on expressions shared with this one.
	 */
	mt_expr_rec_set_seen(s->rec, s->prefilter ? s->seen : NULL, s->mark);
	for (k = 0; k < s->nactive; k++) {
		i = s->active[k];
		rt = &s->rules[i];
		if (rt->guarded && s->seen[i] != s->mark)
			continue;
		s->evaluated++;
		rc = mt_expr_eval_rec(rt->expr, s->rec);
		if (rc < 0) {
			if (status == 0)
				snprintf(s->err, sizeof s->err, "rule %s "
				    "(%s:%lu): %s", rt->r->id, rt->r->file,
				    rt->r->line, mt_expr_errmsg(rt->expr));
			status = -1;
			continue;
		}
		if (rc == 0)
			continue;
		rt->hits++;
		sum += rt->r->weight;
		if (rt->r->lane > forced)
			forced = rt->r->lane;
		if (s->hits.len > 0)
			mt_buf_addc(&s->hits, ',');
		mt_buf_add(&s->hits, rt->r->id, strlen(rt->r->id));
		add_reason(s, rt);
	}
	res->score = sum < 0 ? 0 : sum > 100 ? 100 : (int)sum;
	if (res->score >= s->red)
		lane = MT_LANE_RED;
	else if (res->score >= s->yellow)
		lane = MT_LANE_YELLOW;
	res->lane = forced > lane ? forced : lane;
	s->lanes[res->lane]++;
	res->hits.p = s->hits.buf ? s->hits.buf : "";
	res->hits.n = s->hits.len;
	res->reasons.p = s->reasons.buf ? s->reasons.buf : "";
	res->reasons.n = s->reasons.len;
	return status;
}

const char *
mt_score_error(const struct mt_score *s)
{
	return s->err;
}

unsigned long long
mt_score_lane_count(const struct mt_score *s, enum mt_lane lane)
{
	return s->lanes[lane];
}

unsigned long long
mt_score_rule_hits(const struct mt_score *s, size_t i)
{
	return s->rules[i].hits;
}

size_t
mt_score_guarded(const struct mt_score *s)
{
	return s->nguarded;
}

unsigned long long
mt_score_evaluated(const struct mt_score *s)
{
	return s->evaluated;
}
