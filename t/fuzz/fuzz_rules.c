/*
 * Fuzz target: the rules-file compiler and the scorer. The input is a
 * rules file (risk-rules(5)), loaded, compiled against the canonical
 * schema and, when it has no errors, linted and used to score fixed
 * records and records made from the input's own lines and literals.
 *
 * Oracles (abort() when one fails):
 *  - the scorer with its literal prefilter and the scorer without it
 *    give the same score, lane, hits and reasons when the latter has
 *    no error (a regular expression the prefilter rules out is not
 *    run, so it hits no limit), and so does a scorer
 *    with copies of its own of the expressions (mt_score_new_private,
 *    as the threads of risk-score use);
 *  - both agree with a reference that evaluates every rule in force on
 *    its own with mt_expr_eval (score, lane, hits);
 *  - a rule the prefilter evaluates is one the plain scorer evaluates,
 *    so an error with the prefilter is an error without it;
 *  - scoring only the first mt_score_span() values changes nothing;
 *  - the per-rule hit counts and per-lane counts of the two scorers agree.
 *
 * List files are read relative to the current directory: inputs whose
 * list or parties statements could name a path outside it are rejected,
 * and the target is best run from an empty directory.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_rules.h"
#include "mt_schema.h"
#include "mt_score.h"
#include "mt_util.h"

#define TODAY		"2026-11-23"
#define MAX_DERIVED	512	/* bytes of input in one derived value */
#define LONG_LEN	2048

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;
static struct mt_str names[MT_NFIELDS];
static char long_desc[LONG_LEN + 1], long_name[LONG_LEN + 1];
static char long_addr[LONG_LEN + 1];

/* A field and its escaped value, for the fixed records. */
struct kv {
	int field;
	const char *value;
};

static const struct kv rec_plain[] = {
	{ MT_F_SOURCE, "day.csv" }, { MT_F_LINE, "2" },
	{ MT_F_DOC_TYPE, "BL" }, { MT_F_DOC_NO, "MAEU123456789" },
	{ MT_F_MODE, "sea" }, { MT_F_CARRIER, "MAEU" },
	{ MT_F_CONVEYANCE, "9321483" }, { MT_F_VOYAGE, "245W" },
	{ MT_F_DEPARTURE_DATE, "2026-10-01" },
	{ MT_F_ARRIVAL_DATE, "2026-11-20" },
	{ MT_F_ORIGIN_COUNTRY, "CO" }, { MT_F_DESTINATION_COUNTRY, "NL" },
	{ MT_F_LOADING_PLACE, "COCTG" },
	{ MT_F_TRANSIT_PLACES, "PAONX AEJEA EGPSD" },
	{ MT_F_DISCHARGE_PLACE, "NLRTM" },
	{ MT_F_SHIPPER_NAME, "Acme Trading Co., Ltd." },
	{ MT_F_SHIPPER_ADDRESS, "P.O. Box 12, Cartagena" },
	{ MT_F_SHIPPER_COUNTRY, "CO" },
	{ MT_F_CONSIGNEE_NAME, "TO ORDER" },
	{ MT_F_CONSIGNEE_ADDRESS, "c/o Global Logistics, Apt 4" },
	{ MT_F_CONSIGNEE_COUNTRY, "NL" },
	{ MT_F_NOTIFY_NAME, "Smith & Sons Pte. Ltd." },
	{ MT_F_CONTAINER_NO, "MSKU9070323" }, { MT_F_SEAL_NO, "" },
	{ MT_F_CONTAINER_TYPE, "45R1" }, { MT_F_PACKAGES, "1200" },
	{ MT_F_PACKAGE_TYPE, "CTNS" }, { MT_F_GROSS_WEIGHT_KG, "29000.5" },
	{ MT_F_VOLUME_M3, "67.3" }, { MT_F_HS_CODE, "080390" },
	{ MT_F_DESCRIPTION, "1200 CTNS SAID TO CONTAIN FRESH BANANAS, "
	    "general cargo, replica watches, ivory" },
	{ MT_F_MARKS, "N/M" }, { MT_F_VALUE, "15000" },
	{ MT_F_CURRENCY, "USD" }, { MT_F_FREIGHT_TERMS, "collect" },
	{ MT_F_UN_NUMBER, "1234" },
	{ MT_F_DQ, "container_check_digit missing_seal weight_invalid" },
	{ -1, NULL }
};

/* Escapes, well-formed and not, in the record stream's form. */
static const struct kv rec_escaped[] = {
	{ MT_F_DOC_TYPE, "HAWB" }, { MT_F_MODE, "air" },
	{ MT_F_SHIPPER_NAME, "Acme\\tTrading\\\\Co" },
	{ MT_F_SHIPPER_ADDRESS, "line 1\\nline 2\\r\\n12 Main St" },
	{ MT_F_CONSIGNEE_NAME, "\\" }, { MT_F_CONSIGNEE_ADDRESS, "\\x\\q\\" },
	{ MT_F_NOTIFY_NAME, "\\\\\\\\t" },
	{ MT_F_TRANSIT_PLACES, "SGSIN\\tAEJEA\\nNLRTM" },
	{ MT_F_DESCRIPTION, "GENERAL CARGO\\nFAK\\n\\tparts\\ttiles\\\\x" },
	{ MT_F_HS_CODE, "\\t850440" }, { MT_F_PACKAGES, "1\\t2" },
	{ MT_F_GROSS_WEIGHT_KG, "12\\\\" }, { MT_F_DQ, "a\\nb" },
	{ -1, NULL }
};

/* Invalid UTF-8, and characters with ASCII case partners. */
static const struct kv rec_unicode[] = {
	{ MT_F_MODE, "\xe2\x84\xaa" },				/* KELVIN */
	{ MT_F_SHIPPER_NAME, "M\xc3\xbcller GmbH \xc3\x9f \xe1\xba\x9e" },
	{ MT_F_SHIPPER_ADDRESS, "\xff\xfe\xc3\x28 \xc0\xaf \xed\xa0\x80" },
	{ MT_F_CONSIGNEE_NAME, "\xc4\xb0STANBUL \xc4\xb1zmir \xc5\xbf" },
	{ MT_F_CONSIGNEE_ADDRESS, "\xe2\x84\xaa" "IT \xc5\xbf" "AID TO CONTAIN" },
	{ MT_F_DESCRIPTION, "\xc5\xbf" "aid to contain gift\xc5\xbf, "
	    "\xe2\x84\xaa" "ilo \xf0\x9f\x8d\x8c \xe2\x80\x99" "fak\xe2\x80\x99"
	    " \xc2\xa0general\xc2\xa0" "cargo \xf4\x90\x80\x80 \x80" },
	{ MT_F_HS_CODE, "\xd9\xa0\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xa5" },
	{ MT_F_PACKAGES, "\xef\xbc\x91" }, { MT_F_CURRENCY, "US\xc3" },
	{ MT_F_DQ, "\xce\xa3\xcf\x82\xcf\x83 \xc3\x85\xe2\x84\xab" },
	{ -1, NULL }
};

/* Numbers and dates at their edges. */
static const struct kv rec_numbers[] = {
	{ MT_F_DEPARTURE_DATE, "2026-02-30" },
	{ MT_F_ARRIVAL_DATE, "9999-12-31" }, { MT_F_PACKAGES, "0" },
	{ MT_F_GROSS_WEIGHT_KG, "1e308" }, { MT_F_VOLUME_M3, "-0" },
	{ MT_F_VALUE, "nan" }, { MT_F_UN_NUMBER, "inf" },
	{ MT_F_LINE, "0x10" }, { MT_F_VOYAGE, " 12 " },
	{ MT_F_HS_CODE, "9" }, { MT_F_CONTAINER_TYPE, "2" },
	{ MT_F_MODE, "sea" }, { MT_F_CONTAINER_NO, "X" },
	{ MT_F_DESCRIPTION, "-1.5e-3" }, { MT_F_CURRENCY, "EUR" },
	{ MT_F_ORIGIN_COUNTRY, "NL" }, { MT_F_DESTINATION_COUNTRY, "NL" },
	{ MT_F_LOADING_PLACE, "NLRTM" }, { MT_F_DISCHARGE_PLACE, "NLAMS" },
	{ -1, NULL }
};

static void
init(void)
{
	size_t i;

	if (devnull != NULL)
		return;
	if ((devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	for (i = 0; i < MT_NFIELDS; i++) {
		names[i].p = mt_field_names[i];
		names[i].n = strlen(mt_field_names[i]);
	}
	for (i = 0; i < LONG_LEN; i++) {
		long_desc[i] = "general cargo said to contain "[i % 30];
		long_name[i] = 'a';
		long_addr[i] = "\\t1 "[i % 4];
	}
	long_name[LONG_LEN - 1] = '!';
}

static void
fill(struct mt_str *v, const struct kv *kv)
{
	size_t i;

	for (i = 0; i < MT_NFIELDS; i++) {
		v[i].p = "";
		v[i].n = 0;
	}
	for (; kv->field >= 0; kv++) {
		v[kv->field].p = kv->value;
		v[kv->field].n = strlen(kv->value);
	}
}

/*
 * Whether a list or parties statement could name a file outside the
 * current directory: any such line with a slash. Cautious: lines that
 * are not statements (in a rule or a list) count too.
 */
static bool
names_a_path(const char *p, size_t size)
{
	const char *end = p + size, *nl, *q;

	if (size >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (q = p; q < nl && (*q == ' ' || *q == '\t'); q++)
			;
		if (((size_t)(nl - q) >= 4 && memcmp(q, "list", 4) == 0) ||
		    ((size_t)(nl - q) >= 7 && memcmp(q, "parties", 7) == 0))
			if (memchr(q, '/', (size_t)(nl - q)) != NULL)
				return true;
	}
	return false;
}

/*
 * A value made of n bytes of the input: at most MAX_DERIVED of them,
 * tabs and line ends (which a value of the record stream never holds
 * raw) turned into spaces; flip swaps the case of ASCII letters.
 */
static struct mt_str
derive(struct mt_buf *b, const char *p, size_t n, bool flip)
{
	struct mt_str s;
	size_t start = b->len, i;
	char c;

	if (n > MAX_DERIVED)
		n = MAX_DERIVED;
	for (i = 0; i < n; i++) {
		c = p[i];
		if (c == '\t' || c == '\n' || c == '\r' || c == '\0')
			c = ' ';
		else if (flip && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		else if (flip && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		mt_buf_addc(b, c);
	}
	/* Offsets for now: the buffer may move. */
	s.p = (const char *)(uintptr_t)start;
	s.n = n;
	return s;
}

static void
rebase(struct mt_str *v, size_t n, const struct mt_buf *b)
{
	const char *base = b->buf != NULL ? b->buf : "";
	size_t i;

	for (i = 0; i < n; i++)
		v[i].p = base + (uintptr_t)v[i].p;
}

/* Field i: line i (cyclically) of the input. */
static void
from_lines(struct mt_str *v, struct mt_buf *b, const char *p, size_t size)
{
	const char *end = p + size, *q = p, *nl;
	size_t i;

	for (i = 0; i < MT_NFIELDS; i++) {
		if (q >= end)
			q = p;
		if ((nl = memchr(q, '\n', (size_t)(end - q))) == NULL)
			nl = end;
		v[i] = derive(b, q, (size_t)(nl - q), false);
		q = nl < end ? nl + 1 : end;
	}
	rebase(v, MT_NFIELDS, b);
}

/*
 * Field i: the i-th text (cyclically) between two slashes or two double
 * quotes of the input, with the backslashes of escapes dropped: the
 * literals of its regular expressions and strings, roughly.
 */
static void
from_literals(struct mt_str *v, struct mt_buf *b, const char *p, size_t size,
    bool flip)
{
	const char *end = p + size, *q = p, *a, *z = NULL;
	struct mt_buf t = { 0 };
	size_t i, k, found = 0;

	for (i = 0; i < MT_NFIELDS; i++) {
		a = NULL;
		while (q < end) {
			if (*q == '/' || *q == '"') {
				for (z = q + 1; z < end && *z != *q &&
				    *z != '\n'; z++)
					if (*z == '\\' && z + 1 < end)
						z++;
				if (z < end && *z == *q) {
					a = q + 1;
					q = z + 1;
					break;
				}
			}
			q++;
		}
		if (a == NULL) {
			if (found == 0) {
				for (; i < MT_NFIELDS; i++)
					v[i] = derive(b, "", 0, false);
				break;
			}
			q = p;
			i--;
			continue;
		}
		found++;
		t.len = 0;
		for (k = 0; a + k < z; k++) {
			if (a[k] == '\\' && a + k + 1 < z)
				k++;
			mt_buf_addc(&t, a[k]);
		}
		v[i] = derive(b, t.buf ? t.buf : "", t.len, flip);
	}
	mt_buf_free(&t);
	rebase(v, MT_NFIELDS, b);
}

struct outcome {
	int rc;
	int score;
	enum mt_lane lane;
	char *hits, *reasons;
	size_t nhits, nreasons;
};

static void
take(struct outcome *o, int rc, const struct mt_score_result *res)
{
	o->rc = rc;
	o->score = res->score;
	o->lane = res->lane;
	o->nhits = res->hits.n;
	o->nreasons = res->reasons.n;
	o->hits = mt_xstrndup(res->hits.p, res->hits.n);
	o->reasons = mt_xstrndup(res->reasons.p, res->reasons.n);
}

static void
drop(struct outcome *o)
{
	free(o->hits);
	free(o->reasons);
}

static void
fail(const char *what, const struct outcome *a, const struct outcome *b)
{
	fprintf(stderr, "fuzz_rules: %s\n", what);
	fprintf(stderr, "  A: rc %d score %d lane %d\n     hits [%s]\n     "
	    "reasons [%s]\n", a->rc, a->score, (int)a->lane, a->hits,
	    a->reasons);
	fprintf(stderr, "  B: rc %d score %d lane %d\n     hits [%s]\n     "
	    "reasons [%s]\n", b->rc, b->score, (int)b->lane, b->hits,
	    b->reasons);
	abort();
}

static bool
same(const struct outcome *a, const struct outcome *b, bool reasons)
{
	return a->score == b->score && a->lane == b->lane &&
	    a->nhits == b->nhits && memcmp(a->hits, b->hits, a->nhits) == 0 &&
	    (!reasons || (a->nreasons == b->nreasons &&
	    memcmp(a->reasons, b->reasons, a->nreasons) == 0));
}

/* Every rule in force evaluated on its own, as risk-rules(5) says. */
static void
reference(struct mt_rules *rs, const struct mt_str *v, size_t n,
    struct outcome *o)
{
	struct mt_buf hits = { 0 };
	enum mt_lane forced = MT_LANE_GREEN, lane = MT_LANE_GREEN;
	struct mt_rule *r;
	long sum = 0;
	size_t i;
	int rc;

	memset(o, 0, sizeof *o);
	for (i = 0; i < mt_rules_count(rs); i++) {
		r = mt_rules_at(rs, i);
		if (r->expr == NULL || !mt_rule_in_force(rs, r))
			continue;
		rc = mt_expr_eval(r->expr, v, n);
		if (rc < 0)
			o->rc = -1;
		if (rc != 1)
			continue;
		sum += r->weight;
		if (r->lane > forced)
			forced = r->lane;
		if (hits.len > 0)
			mt_buf_addc(&hits, ',');
		mt_buf_add(&hits, r->id, strlen(r->id));
	}
	o->score = sum < 0 ? 0 : sum > 100 ? 100 : (int)sum;
	if (o->score >= mt_rules_threshold(rs, MT_LANE_RED))
		lane = MT_LANE_RED;
	else if (o->score >= mt_rules_threshold(rs, MT_LANE_YELLOW))
		lane = MT_LANE_YELLOW;
	o->lane = forced > lane ? forced : lane;
	o->nhits = hits.len;
	o->hits = mt_xstrndup(hits.buf ? hits.buf : "", hits.len);
	o->reasons = mt_xstrdup("");
	mt_buf_free(&hits);
}

/* Check one record; true when the plain scorer had an error on it. */
static bool
check_record(struct mt_rules *rs, struct mt_score *pf, struct mt_score *all,
    struct mt_score *own, const struct mt_str *v, size_t n)
{
	bool erred;
	struct mt_score_result res;
	struct outcome a, b, c, d, e, ref;
	size_t span;

	take(&a, mt_score_record(pf, v, n, &res), &res);
	take(&b, mt_score_record(all, v, n, &res), &res);
	/*
	 * A regular expression the prefilter knows cannot match is not
	 * run: where the plain scorer's run hits a limit (an error, and no
	 * hit for its rule), the prefilter's rule is decided as if the match
	 * failed (risk-score(1), --no-prefilter). Without an error, the two
	 * agree.
	 */
	if (b.rc == 0 && !same(&a, &b, true))
		fail("prefilter and no prefilter differ", &a, &b);
	take(&e, mt_score_record(own, v, n, &res), &res);
	if (!same(&a, &e, true) || a.rc != e.rc)
		fail("shared and own expressions differ", &a, &e);
	drop(&e);
	/* The prefilter evaluates fewer rules, never more. */
	if (a.rc < 0 && b.rc == 0)
		fail("an error with the prefilter, none without", &a, &b);
	reference(rs, v, n, &ref);
	if (!same(&b, &ref, false))
		fail("scorer and reference differ", &b, &ref);
	if (b.rc != ref.rc)
		fail("scorer and reference differ in errors", &b, &ref);
	/* Values past the span are never read. */
	span = mt_score_span(pf);
	if (span < n) {
		take(&c, mt_score_record(pf, v, span, &res), &res);
		if (!same(&a, &c, true) || a.rc != c.rc)
			fail("scoring the span only differs", &a, &c);
		take(&d, mt_score_record(all, v, span, &res), &res);
		if (!same(&b, &d, true) || b.rc != d.rc)
			fail("scoring the span only differs", &b, &d);
		drop(&c);
		drop(&d);
	}
	erred = b.rc < 0;
	drop(&a);
	drop(&b);
	drop(&ref);
	return erred;
}

static void
score_all(struct mt_rules *rs, const char *text, size_t size)
{
	struct mt_score *pf = mt_score_new(rs, true);
	struct mt_score *all = mt_score_new(rs, false);
	struct mt_score *own = mt_score_new_private(rs, true, true);
	struct mt_str v[MT_NFIELDS];
	struct mt_buf b = { 0 };
	size_t i;
	bool erred = false;

	if (mt_score_span(pf) != mt_score_span(all) ||
	    mt_score_span(pf) != mt_score_span(own) ||
	    mt_score_span(pf) > MT_NFIELDS ||
	    mt_score_guarded(pf) != mt_score_guarded(own))
		abort();
	if (mt_score_guarded(all) != 0)
		abort();

	fill(v, rec_plain);
	erred |= check_record(rs, pf, all, own, v, MT_NFIELDS);
	/* Short: the rest is empty. */
	erred |= check_record(rs, pf, all, own, v, 12);
	erred |= check_record(rs, pf, all, own, v, 0);
	fill(v, rec_escaped);
	erred |= check_record(rs, pf, all, own, v, MT_NFIELDS);
	fill(v, rec_unicode);
	erred |= check_record(rs, pf, all, own, v, MT_NFIELDS);
	fill(v, rec_numbers);
	erred |= check_record(rs, pf, all, own, v, MT_NFIELDS);
	fill(v, rec_plain);
	v[MT_F_DESCRIPTION].p = long_desc;
	v[MT_F_DESCRIPTION].n = LONG_LEN;
	v[MT_F_CONSIGNEE_NAME].p = long_name;
	v[MT_F_CONSIGNEE_NAME].n = LONG_LEN;
	v[MT_F_SHIPPER_ADDRESS].p = long_addr;
	v[MT_F_SHIPPER_ADDRESS].n = LONG_LEN;
	erred |= check_record(rs, pf, all, own, v, MT_NFIELDS);

	from_lines(v, &b, text, size);
	erred |= check_record(rs, pf, all, own, v, MT_NFIELDS);
	b.len = 0;
	from_literals(v, &b, text, size, false);
	erred |= check_record(rs, pf, all, own, v, MT_NFIELDS);
	b.len = 0;
	from_literals(v, &b, text, size, true);
	erred |= check_record(rs, pf, all, own, v, MT_NFIELDS);
	mt_buf_free(&b);

	/* Totals agree unless a record had an error (see check_record). */
	for (i = 0; i < 3 && !erred; i++)
		if (mt_score_lane_count(pf, (enum mt_lane)i) !=
		    mt_score_lane_count(all, (enum mt_lane)i))
			abort();
	for (i = 0; i < mt_rules_count(rs) && !erred; i++)
		if (mt_score_rule_hits(pf, i) != mt_score_rule_hits(all, i))
			abort();
	if (mt_score_evaluated(pf) > mt_score_evaluated(all))
		abort();
	mt_score_free(own);
	mt_score_free(pf);
	mt_score_free(all);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct mt_rules *rs;
	struct mt_rx_env *rx;

	init();
	if (names_a_path(text, size))
		return -1;
	if ((rx = mt_rx_env_new(NULL)) == NULL)
		abort();
	rs = mt_rules_new(devnull);
	(void)mt_rules_load_text(rs, "fuzz.rules", text, size);
	(void)mt_rules_compile(rs, names, MT_NFIELDS, TODAY, rx);
	if (mt_rules_errors(rs) == 0) {
		(void)mt_rules_lint(rs);
		score_all(rs, text, size);
	}
	mt_rules_free(rs);
	mt_rx_env_free(rx);
	return 0;
}
