/*
 * mt_canon: source row to canonical record. Each value is normalised into
 * a per-row arena sized before the row starts, so pointers into it stay
 * valid while later fields look at earlier ones (the document type
 * decides the mode, the mode how a container number is checked).
 *
 * Two rules for a value that is not right: a typed value (date, number,
 * enumeration) that cannot be read is emptied, since downstream tools
 * rely on its form; a code that can be read but fails a check (country,
 * place, currency, container, HS code) is kept. Both are named in dq.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_canon.h"
#include "mt_check.h"
#include "mt_norm.h"
#include "mt_rec.h"
#include "mt_swar.h"

/*
 * Enumerated values repeat from row to row ("SEA", "PP", "40HC"): each
 * table remembers its last source value and what it gave.
 */
#define ENUM_MEMO	4	/* values remembered: BL, HBL, AWB, HAWB */

struct enum_memo {
	struct {
		char raw[32];
		size_t rawn;		/* > sizeof raw: empty slot */
		const char *result;	/* NULL: not in the table */
		size_t resultn;
	} slot[ENUM_MEMO];
	unsigned next;			/* slot to replace */
	bool ready;
};

/* A field's last source value and what it gave (see context_field). */
struct field_memo {
	bool valid;
	bool clean;
	size_t rawn, outn, flagsn;
	char raw[64];
	char out[64];
	char flags[64];
};

struct mt_canon {
	struct mt_canon_opts opts;
	int col[MT_NTARGETS];		/* source column of each target, or -1 */
	const char *doc_hint;		/* document type the doc_no header implies */
	enum mt_scale weight_scale;
	enum mt_scale volume_scale;
	size_t ncols;
	size_t *extra;			/* source columns kept with keep_extra */
	struct mt_str *xval;		/* their values in this row */
	size_t nextra;
	char **names;			/* output names */
	size_t nnames;
	const char **nameset;		/* the same, hashed (see name_taken) */
	size_t nameset_cap;
	struct mt_buf arena;
	struct mt_str src[MT_NTARGETS];	/* trimmed source values */
	bool src_clean[MT_NTARGETS];	/* ASCII, nothing to fold or escape */
	struct mt_str val[MT_NFIELDS];
	bool clean[MT_NFIELDS];
	struct mt_buf dq;
	char linebuf[24];
	struct enum_memo memo_doc, memo_mode, memo_freight, memo_ctype;
	struct field_memo memo[MT_NFIELDS];
	const char *source;		/* the last source name and its length */
	size_t sourcen;
};

struct mt_canon *
mt_canon_new(const struct mt_canon_opts *opts)
{
	struct mt_canon *c = mt_xcalloc(1, sizeof *c);

	c->opts = *opts;
	return c;
}

static void
free_names(struct mt_canon *c)
{
	size_t i;

	for (i = MT_NFIELDS; i < c->nnames; i++)
		free(c->names[i]);
	free(c->names);
	c->names = NULL;
	c->nnames = 0;
}

void
mt_canon_free(struct mt_canon *c)
{
	if (c == NULL)
		return;
	free_names(c);
	free(c->nameset);
	free(c->extra);
	free(c->xval);
	mt_buf_free(&c->arena);
	mt_buf_free(&c->dq);
	free(c);
}

/*
 * The output names so far, in an open-addressing hash set, so that a
 * header of 100,000 unmapped columns is named in linear time.
 */
static uint64_t
name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static bool
name_taken(struct mt_canon *c, const char *s)
{
	size_t i = (size_t)name_hash(s) & (c->nameset_cap - 1);

	while (c->nameset[i] != NULL) {
		if (strcmp(c->nameset[i], s) == 0)
			return true;
		i = (i + 1) & (c->nameset_cap - 1);
	}
	return false;
}

static void
name_add(struct mt_canon *c, const char *s)
{
	size_t i = (size_t)name_hash(s) & (c->nameset_cap - 1);

	while (c->nameset[i] != NULL)
		i = (i + 1) & (c->nameset_cap - 1);
	c->nameset[i] = s;
}

/* A header as a field name: lower case, other runs of bytes as '_'. */
static char *
extra_name(struct mt_canon *c, struct mt_str h, size_t col)
{
	struct mt_buf b = { 0 };
	char suffix[32];
	size_t i, base;
	int k;
	bool gap = false;

	for (i = 0; i < h.n; i++) {
		char ch = h.p[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (gap && b.len > 0)
				mt_buf_addc(&b, '_');
			gap = false;
			mt_buf_addc(&b, ch);
		} else
			gap = true;
	}
	if (b.len == 0) {
		snprintf(suffix, sizeof suffix, "column_%zu", col + 1);
		mt_buf_add(&b, suffix, strlen(suffix));
	} else if (b.buf[0] < 'a' || b.buf[0] > 'z') {
		mt_buf_reserve(&b, 2);
		memmove(b.buf + 2, b.buf, b.len);
		memcpy(b.buf, "x_", 2);
		b.len += 2;
	}
	mt_buf_addc(&b, '\0');
	base = b.len - 1;
	for (k = 2; name_taken(c, b.buf); k++) {
		b.len = base;
		snprintf(suffix, sizeof suffix, "_%d", k);
		mt_buf_add(&b, suffix, strlen(suffix) + 1);
	}
	return b.buf;
}

size_t
mt_canon_header(struct mt_canon *c, const struct mt_str *names, size_t n,
    mt_canon_note_fn note, void *ctx)
{
	struct mt_colmap cm;
	size_t i, mapped = 0;
	int t;

	for (t = 0; t < MT_NTARGETS; t++)
		c->col[t] = -1;
	c->doc_hint = NULL;
	c->weight_scale = c->volume_scale = MT_SCALE_1;
	memset(c->memo, 0, sizeof c->memo);
	c->source = NULL;	/* a new input may reuse the old name's memory */
	c->ncols = n;
	free(c->extra);
	free(c->xval);
	c->extra = mt_xmalloc((n ? n : 1) * sizeof *c->extra);
	c->xval = mt_xmalloc((n ? n : 1) * sizeof *c->xval);
	c->nextra = 0;
	free_names(c);
	c->names = mt_xmalloc((MT_NFIELDS + n) * sizeof *c->names);
	free(c->nameset);
	for (c->nameset_cap = 64; c->nameset_cap < 2 * (MT_NFIELDS + n);)
		c->nameset_cap *= 2;
	c->nameset = mt_xcalloc(c->nameset_cap, sizeof *c->nameset);
	for (t = 0; t < MT_NFIELDS; t++) {
		c->names[t] = (char *)mt_field_names[t];
		name_add(c, c->names[t]);
	}
	c->nnames = MT_NFIELDS;

	for (i = 0; i < n; i++) {
		cm = mt_schema_map(c->opts.mapping, names[i].p, names[i].n);
		if (cm.target < 0 && cm.target != MT_COL_UNMAPPED)
			continue;
		if (cm.target >= 0 && c->col[cm.target] >= 0) {
			note(ctx, i, names[i], "maps to a field an earlier column "
			    "already gives");
			cm.target = MT_COL_IGNORE;	/* said once is enough */
		}
		if (cm.target < 0) {
			if (c->opts.keep_extra) {
				char *x = extra_name(c, names[i], i);

				c->extra[c->nextra++] = i;
				c->names[c->nnames++] = x;
				name_add(c, x);
			} else if (cm.target == MT_COL_UNMAPPED)
				note(ctx, i, names[i], "maps to no field");
			continue;
		}
		if (cm.target < 0 || cm.target >= MT_NTARGETS)
			continue;
		c->col[cm.target] = (int)i;
		if (cm.target == MT_F_GROSS_WEIGHT_KG)
			c->weight_scale = cm.scale;
		else if (cm.target == MT_F_VOLUME_M3)
			c->volume_scale = cm.scale;
		else if (cm.target == MT_F_DOC_NO)
			c->doc_hint = cm.doc_type;
		if (cm.target < MT_NFIELDS)
			mapped++;
	}
	return mapped;
}

const char *const *
mt_canon_names(const struct mt_canon *c, size_t *n)
{
	*n = c->nnames;
	return (const char *const *)c->names;
}

/* --- helpers over the row arena ------------------------------------- */

/*
 * The length a normaliser returned; -1 (a value over mt_norm's size
 * limit of some hundreds of MiB) gives an empty value, never a huge one.
 */
static size_t
nonneg(int n)
{
	return n < 0 ? 0 : (size_t)n;
}

/*
 * Space for one value. The arena is sized for the row's worst case before
 * the row starts (pointers into it must not move), so running out is a
 * bug here, never bad input: stop rather than write past it.
 */
static char *
arena_take(struct mt_canon *c, size_t n)
{
	char *p = c->arena.buf + c->arena.len;

	if (n > c->arena.cap - c->arena.len)
		abort();
	c->arena.len += n;
	return p;
}

static void
flag(struct mt_canon *c, const char *f)
{
	if (c->dq.len > 0)
		mt_buf_addc(&c->dq, ',');
	mt_buf_add(&c->dq, f, strlen(f));
}

static void
set(struct mt_canon *c, int f, const char *p, size_t n)
{
	c->val[f].p = p;
	c->val[f].n = n;
	c->clean[f] = false;
}

/* A value from a normaliser; plain when made only of plain ASCII. */
static void
assign(struct mt_canon *c, int f, struct mt_str v, bool plain)
{
	c->val[f] = v;
	c->clean[f] = plain;
}

static void
set_str(struct mt_canon *c, int f, const char *s)
{
	set(c, f, s, strlen(s));
}

static bool
is_ascii_letter(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* A letter, ASCII or the lead byte of a UTF-8 letter ("12 CAJAS", "5 Kisten", "3 ЯЩИКА"). */
static bool
is_letter(char ch)
{
	return is_ascii_letter(ch) || (unsigned char)ch >= 0xc2;
}

/* A kind of package after a count: a word, no digit in it ("CTNS"). */
static bool
package_word(const char *p, size_t n)
{
	size_t i;

	if (!is_letter(p[0]))
		return false;
	for (i = 0; i < n && p[i] != ' '; i++)
		if (p[i] >= '0' && p[i] <= '9')
			return false;
	return true;
}

static bool
is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' ||
	    ch == '\v' || ch == '\f';
}

/*
 * Whether a trimmed value has white space to fold: a control byte below
 * 0x0e (tab, line ends, VT, FF; other controls only cost a slow look) or
 * two spaces in a row. Eight bytes a step: this runs on most fields.
 */
static bool
needs_fold(const char *p, size_t n)
{
	uint64_t v, sp, prev_sp = 0;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		v = mt_swar_load(p + i);
		sp = mt_swar_eq(v, ' ');
		if (mt_swar_lt(v, 0x0e) || (sp & (sp >> 8)) || (prev_sp && (sp & 0x80)))
			return true;
		prev_sp = sp >> 63;
	}
	for (; i < n; i++) {
		if (is_space(p[i]) && (p[i] != ' ' || prev_sp))
			return true;
		prev_sp = p[i] == ' ';
	}
	return false;
}

/*
 * A value that is plain: ASCII, no control byte below 0x0e, no '\\', no
 * two spaces in a row. Most values are; they skip UTF-8 validation,
 * white space folding and escaping, in one pass of eight bytes a step.
 */
static bool
plain_ascii(const char *p, size_t n)
{
	uint64_t v, sp, prev_sp = 0;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		v = mt_swar_load(p + i);
		sp = mt_swar_eq(v, ' ');
		if ((v & MT_SWAR_HIGH) | mt_swar_lt(v, 0x0e) |
		    mt_swar_eq(v, '\\') | (sp & (sp >> 8)) | (prev_sp & sp))
			return false;
		prev_sp = (sp >> 63) << 7;
	}
	if (i < n) {
		/* The last bytes, padded with a letter that matches nothing. */
		v = mt_swar_load_tail(p + i, n - i, 'A');
		sp = mt_swar_eq(v, ' ');
		if ((v & MT_SWAR_HIGH) | mt_swar_lt(v, 0x0e) |
		    mt_swar_eq(v, '\\') | (sp & (sp >> 8)) | (prev_sp & sp))
			return false;
	}
	return true;
}

/* Free text: trimmed, each run of white space one space. */
static void
put_text(struct mt_canon *c, int f, struct mt_str s, bool plain)
{
	char *o;
	size_t i, k = 0;
	bool gap = false;

	if (plain || !needs_fold(s.p, s.n)) {	/* the common case */
		set(c, f, s.p, s.n);
		c->clean[f] = plain;
		return;
	}
	o = arena_take(c, s.n);
	for (i = 0; i < s.n; i++) {
		if (is_space(s.p[i])) {
			gap = true;
			continue;
		}
		if (gap && k > 0)
			o[k++] = ' ';
		gap = false;
		o[k++] = s.p[i];
	}
	set(c, f, o, k);
}

/* A free-text field straight from its source column. */
static void
text_field(struct mt_canon *c, int f)
{
	put_text(c, f, c->src[f], c->src_clean[f]);
}

/* Upper case, characters of drop removed. */
static struct mt_str
code(struct mt_canon *c, struct mt_str s, const char *drop)
{
	struct mt_str r;
	char *o = arena_take(c, mt_norm_outsize(s.n));

	r.p = o;
	r.n = nonneg(mt_norm_code(s.p, s.n, drop, o));
	return r;
}

/* Letters and digits only, upper case: keys for enumerations. */
static size_t
enum_key(struct mt_str s, char *out, size_t outsz)
{
	size_t i, k = 0;

	for (i = 0; i < s.n && k + 1 < outsz; i++) {
		char ch = s.p[i];

		if (ch >= 'a' && ch <= 'z')
			out[k++] = (char)(ch - 'a' + 'A');
		else if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))
			out[k++] = ch;
	}
	out[k] = '\0';
	return k;
}

static const char *
lookup(const char *const (*tab)[2], const char *key)
{
	size_t i;

	for (i = 0; tab[i][0] != NULL; i++)
		if (strcmp(tab[i][0], key) == 0)
			return tab[i][1];
	return NULL;
}

static const char *const doc_types[][2] = {
	{ "BL", "BL" }, { "MBL", "BL" }, { "BOL", "BL" }, { "OBL", "BL" },
	{ "MBOL", "BL" }, { "BILLOFLADING", "BL" }, { "MASTERBL", "BL" },
	{ "OCEANBL", "BL" }, { "SEAWAYBILL", "BL" }, { "SWB", "BL" },
	{ "HBL", "HBL" }, { "HBOL", "HBL" }, { "HOUSEBL", "HBL" },
	{ "HOUSEBILLOFLADING", "HBL" },
	{ "AWB", "AWB" }, { "MAWB", "AWB" }, { "AIRWAYBILL", "AWB" },
	{ "MASTERAWB", "AWB" }, { "MASTERAIRWAYBILL", "AWB" },
	{ "HAWB", "HAWB" }, { "HOUSEAWB", "HAWB" }, { "HOUSEAIRWAYBILL", "HAWB" },
	{ "CMR", "CMR" }, { "ROADWAYBILL", "CMR" },
	{ "RWB", "RWB" }, { "CIM", "RWB" }, { "SMGS", "RWB" },
	{ "RAILWAYBILL", "RWB" },
	{ NULL, NULL }
};

static const char *const modes[][2] = {
	{ "SEA", "sea" }, { "OCEAN", "sea" }, { "MARITIME", "sea" },
	{ "VESSEL", "sea" }, { "SEAFREIGHT", "sea" }, { "1", "sea" },
	{ "AIR", "air" }, { "AIRFREIGHT", "air" }, { "4", "air" },
	{ "RAIL", "rail" }, { "RAILWAY", "rail" }, { "TRAIN", "rail" }, { "2", "rail" },
	{ "ROAD", "road" }, { "TRUCK", "road" }, { "LORRY", "road" }, { "3", "road" },
	{ NULL, NULL }
};

static const char *const mode_of_doc[][2] = {
	{ "BL", "sea" }, { "HBL", "sea" }, { "AWB", "air" }, { "HAWB", "air" },
	{ "CMR", "road" }, { "RWB", "rail" }, { NULL, NULL }
};

static const char *const freight[][2] = {
	{ "PREPAID", "prepaid" }, { "PP", "prepaid" }, { "P", "prepaid" },
	{ "PPD", "prepaid" }, { "FREIGHTPREPAID", "prepaid" },
	{ "COLLECT", "collect" }, { "CC", "collect" }, { "C", "collect" },
	{ "COL", "collect" }, { "COLL", "collect" }, { "FREIGHTCOLLECT", "collect" },
	{ NULL, NULL }
};

/* Usual non-ISO container size/type names and their ISO 6346 codes. */
static const char *const container_types[][2] = {
	{ "20GP", "22G1" }, { "20DC", "22G1" }, { "20DV", "22G1" }, { "20ST", "22G1" },
	{ "40GP", "42G1" }, { "40DC", "42G1" }, { "40DV", "42G1" }, { "40ST", "42G1" },
	{ "40HC", "45G1" }, { "40HQ", "45G1" }, { "40HCDV", "45G1" },
	{ "45HC", "L5G1" }, { "45HQ", "L5G1" },
	{ "20RF", "22R1" }, { "20RE", "22R1" }, { "20REEFER", "22R1" },
	{ "40RF", "42R1" }, { "40RE", "42R1" }, { "40RH", "45R1" },
	{ "40HR", "45R1" }, { "40RQ", "45R1" }, { "40REEFER", "45R1" },
	{ "20OT", "22U1" }, { "40OT", "42U1" },
	{ "20FR", "22P1" }, { "40FR", "42P1" }, { "20FL", "22P1" }, { "40FL", "42P1" },
	{ "20TK", "22T1" }, { "20TANK", "22T1" },
	{ NULL, NULL }
};

/* ISO 6346 size and type: two size characters, a type letter, a digit. */
static bool
iso_type_shape(struct mt_str s)
{
	size_t i;

	if (s.n != 4)
		return false;
	for (i = 0; i < 4; i++) {
		char ch = s.p[i];
		bool digit = ch >= '0' && ch <= '9', upper = ch >= 'A' && ch <= 'Z';

		if (i == 2 ? !upper : i == 3 ? !digit : !(digit || upper))
			return false;
	}
	return true;
}

static bool
all_digits(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return n > 0;
}

/* --- one field at a time --------------------------------------------- */

static const char *
lookup_memo(struct enum_memo *m, struct mt_str s, const char *const (*tab)[2],
    size_t *n)
{
	char key[64];
	unsigned i;

	if (!m->ready) {
		for (i = 0; i < ENUM_MEMO; i++)
			m->slot[i].rawn = SIZE_MAX;
		m->ready = true;
	}
	for (i = 0; i < ENUM_MEMO; i++)
		if (m->slot[i].rawn == s.n &&
		    memcmp(s.p, m->slot[i].raw, s.n) == 0) {
			*n = m->slot[i].resultn;
			return m->slot[i].result;
		}
	i = m->next;
	m->next = (m->next + 1) % ENUM_MEMO;
	m->slot[i].result = NULL;
	m->slot[i].resultn = 0;
	if (s.n < sizeof key && enum_key(s, key, sizeof key) > 0 &&
	    (m->slot[i].result = lookup(tab, key)) != NULL)
		m->slot[i].resultn = strlen(m->slot[i].result);
	if (s.n <= sizeof m->slot[i].raw) {
		memcpy(m->slot[i].raw, s.p, s.n);
		m->slot[i].rawn = s.n;
	} else
		m->slot[i].rawn = SIZE_MAX;	/* never matches */
	*n = m->slot[i].resultn;
	return m->slot[i].result;
}

static void
do_enum(struct mt_canon *c, int f, struct mt_str s, const char *const (*tab)[2],
    struct enum_memo *memo, const char *bad)
{
	const char *v;
	size_t vn;

	if (s.n == 0)
		return;
	if ((v = lookup_memo(memo, s, tab, &vn)) != NULL) {
		set(c, f, v, vn);
		c->clean[f] = true;
		return;
	}
	set(c, f, "", 0);
	flag(c, bad);
}

static void
do_date(struct mt_canon *c, int f, struct mt_str s, const char *bad)
{
	char *o;
	int n;

	if (s.n == 0)
		return;
	o = arena_take(c, mt_norm_outsize(s.n));
	if ((n = mt_norm_date(s.p, s.n, c->opts.date_order, o)) < 0) {
		set(c, f, "", 0);
		flag(c, bad);
		return;
	}
	assign(c, f, (struct mt_str){ o, (size_t)n }, true);
}

static void
do_country(struct mt_canon *c, int f, struct mt_str s, const char *bad)
{
	const char *cc;

	if (s.n == 0)
		return;
	if ((cc = mt_country_lookup(s.p, s.n)) != NULL) {
		set_str(c, f, cc);
		return;
	}
	assign(c, f, code(c, s, NULL), c->src_clean[f]);
	flag(c, bad);
}

static void
do_place(struct mt_canon *c, int f, struct mt_str s, const char *bad)
{
	char *o;
	int n;

	if (s.n == 0)
		return;
	o = arena_take(c, mt_norm_outsize(s.n));
	n = (int)nonneg(mt_norm_locode(s.p, s.n, o));
	assign(c, f, (struct mt_str){ o, (size_t)n }, c->src_clean[f]);
	if (mt_check_unlocode(o, (size_t)n) != MT_CHECK_OK)
		flag(c, bad);
}

static void
do_transit(struct mt_canon *c, struct mt_str s)
{
	char *o;
	size_t i, start;
	int n;
	bool bad = false;

	if (s.n == 0)
		return;
	o = arena_take(c, mt_norm_outsize(s.n));
	n = (int)nonneg(mt_norm_places(s.p, s.n, o));
	assign(c, MT_F_TRANSIT_PLACES, (struct mt_str){ o, (size_t)n },
	    c->src_clean[MT_F_TRANSIT_PLACES]);
	for (i = start = 0; i <= (size_t)n; i++)
		if (i == (size_t)n || o[i] == ' ') {
			if (i > start && mt_check_unlocode(o + start,
			    i - start) != MT_CHECK_OK)
				bad = true;
			start = i + 1;
		}
	if (bad)
		flag(c, "transit_places_invalid");
}

/* "123-12345675" from any spacing of the eleven digits. */
static struct mt_str
awb_form(struct mt_canon *c, struct mt_str s)
{
	char digits[12], *o;
	size_t i, k = 0;

	for (i = 0; i < s.n; i++) {
		if (s.p[i] >= '0' && s.p[i] <= '9') {
			if (k == 11)
				return s;
			digits[k++] = s.p[i];
		} else if (s.p[i] != '-' && s.p[i] != ' ')
			return s;
	}
	if (k != 11)
		return s;
	o = arena_take(c, 12);
	memcpy(o, digits, 3);
	o[3] = '-';
	memcpy(o + 4, digits + 3, 8);
	s.p = o;
	s.n = 12;
	return s;
}

static void
check_awb(struct mt_canon *c, int f, const char *digit_flag,
    const char *bad_flag)
{
	struct mt_str v = awb_form(c, c->val[f]);

	if (v.p != c->val[f].p)
		assign(c, f, v, true);	/* rewritten from digits */
	switch (mt_check_awb(v.p, v.n)) {
	case MT_CHECK_OK:
		break;
	case MT_CHECK_DIGIT:
		flag(c, digit_flag);
		break;
	default:
		flag(c, bad_flag);
		break;
	}
}

static void
do_conveyance(struct mt_canon *c, struct mt_str s)
{
	const char *p = s.p;
	size_t n = s.n;

	put_text(c, MT_F_CONVEYANCE, s, c->src_clean[MT_F_CONVEYANCE]);
	if (n >= 3 && (p[0] | 0x20) == 'i' && (p[1] | 0x20) == 'm' &&
	    (p[2] | 0x20) == 'o') {
		p += 3;
		n -= 3;
		while (n > 0 && (*p == ' ' || *p == ':' || *p == '.')) {
			p++;
			n--;
		}
	} else if (n != 7)
		return;
	if (n == 7 && all_digits(p, n) &&
	    mt_check_imo(p, n) == MT_CHECK_DIGIT)
		flag(c, "imo_check_digit");
}

static void
do_container(struct mt_canon *c, struct mt_str s)
{
	struct mt_str v;
	bool iso_shape;

	if (s.n == 0)
		return;
	v = code(c, s, " -./");
	assign(c, MT_F_CONTAINER_NO, v, c->src_clean[MT_F_CONTAINER_NO]);
	switch (mt_check_iso6346(v.p, v.n)) {
	case MT_CHECK_OK:
		return;
	case MT_CHECK_DIGIT:
		flag(c, "container_check_digit");
		return;
	default:
		break;
	}
	/* Air cargo travels in ULDs ("AKE12345LH"), not ISO containers. */
	iso_shape = v.n == 11 && all_digits(v.p + 4, 7);
	if (!iso_shape && mt_str_eq(c->val[MT_F_MODE], "air"))
		return;
	flag(c, "container_invalid");
}

static void
do_container_type(struct mt_canon *c, struct mt_str s)
{
	struct mt_str v;
	const char *iso;
	size_t isolen;

	if (s.n == 0)
		return;
	if ((iso = lookup_memo(&c->memo_ctype, s, container_types,
	    &isolen)) != NULL) {
		set(c, MT_F_CONTAINER_TYPE, iso, isolen);
		c->clean[MT_F_CONTAINER_TYPE] = true;
		return;
	}
	v = code(c, s, " -'\"/");
	assign(c, MT_F_CONTAINER_TYPE, v, c->src_clean[MT_F_CONTAINER_TYPE]);
	if (!iso_type_shape(v))
		flag(c, "container_type_invalid");
}

static void
do_packages(struct mt_canon *c, struct mt_str s)
{
	char *o;
	const char *rest;
	size_t restn;
	long long count;
	int n;

	if (s.n == 0)
		return;
	o = arena_take(c, mt_norm_outsize(s.n));
	n = mt_norm_count(s.p, s.n, c->opts.decimal, o, &count, &rest, &restn);
	/* What follows the count names the packages ("12 CTNS"); anything
	 * else ("1,5" read with --decimal point, "1e5") is not a count. */
	if (n >= 0 && restn > 0 && !package_word(rest, restn))
		n = -1;
	if (n < 0) {
		set(c, MT_F_PACKAGES, "", 0);
		flag(c, "packages_invalid");
		return;
	}
	set(c, MT_F_PACKAGES, o, (size_t)n);
	c->clean[MT_F_PACKAGES] = true;
	if (restn > 0 && c->val[MT_F_PACKAGE_TYPE].n == 0) {
		struct mt_str r = { rest, restn };

		put_text(c, MT_F_PACKAGE_TYPE, r, false);
	}
	if (count <= 0)
		flag(c, "packages_nonpositive");
}

static enum mt_unit
scale_unit(enum mt_scale s)
{
	switch (s) {
	case MT_SCALE_LB:
		return MT_UNIT_LB;
	case MT_SCALE_T:
		return MT_UNIT_T;
	default:
		return MT_UNIT_NONE;
	}
}

/*
 * Most weights, volumes and values are plain ("667.18", "25000"): those
 * are written in canonical form here, without mt_norm_decimal's reading
 * of separators. A value qualifies when it is digits, optionally a point
 * and more digits, and the point cannot be a thousands separator: with
 * --decimal point, or with auto when the fraction is not three digits
 * long. Anything else returns -1 for the general path.
 */
static int
plain_decimal(struct mt_canon *c, struct mt_str s, char *out)
{
	size_t i = 0, dot = SIZE_MAX, k = 0, end;

	if (s.n == 0 || s.n > 40 || c->opts.decimal == MT_DEC_COMMA)
		return -1;
	for (i = 0; i < s.n; i++) {
		if (s.p[i] == '.' && dot == SIZE_MAX && i > 0 && i + 1 < s.n)
			dot = i;
		else if (s.p[i] < '0' || s.p[i] > '9')
			return -1;
	}
	if (dot != SIZE_MAX && s.n - dot - 1 == 3 &&
	    c->opts.decimal == MT_DEC_AUTO)
		return -1;
	end = dot == SIZE_MAX ? s.n : dot;
	for (i = 0; i + 1 < end && s.p[i] == '0'; i++)
		continue;		/* leading zeros */
	while (i < end)
		out[k++] = s.p[i++];
	if (dot != SIZE_MAX) {
		size_t last = s.n;

		while (last > dot + 1 && s.p[last - 1] == '0')
			last--;		/* trailing zeros of the fraction */
		if (last > dot + 1) {
			out[k++] = '.';
			for (i = dot + 1; i < last; i++)
				out[k++] = s.p[i];
		}
	}
	return (int)k;
}

static void
do_weight(struct mt_canon *c, struct mt_str s, struct mt_str unit)
{
	enum mt_unit u = scale_unit(c->weight_scale);
	double kg;
	char *o;
	int n;

	if (s.n == 0)
		return;
	if (unit.n > 0) {
		n = mt_norm_unit(unit.p, unit.n);
		if (n < 0) {
			flag(c, "weight_invalid");
			return;
		}
		u = (enum mt_unit)n;
	}
	o = arena_take(c, mt_norm_outsize(s.n));
	if (u == MT_UNIT_NONE && (n = plain_decimal(c, s, o)) >= 0)
		kg = n == 1 && o[0] == '0' ? 0 : 1;	/* only its sign counts */
	else if ((n = mt_norm_weight(s.p, s.n, c->opts.decimal, u, o,
	    &kg)) < 0) {
		set(c, MT_F_GROSS_WEIGHT_KG, "", 0);
		flag(c, "weight_invalid");
		return;
	}
	set(c, MT_F_GROSS_WEIGHT_KG, o, (size_t)n);
	c->clean[MT_F_GROSS_WEIGHT_KG] = true;
	if (kg <= 0)
		flag(c, "weight_nonpositive");
}

/* Canonical decimal of a double, three decimals at most. */
static size_t
format_decimal(double v, char *o)
{
	int n = snprintf(o, 40, "%.3f", v);

	while (n > 0 && o[n - 1] == '0')
		n--;
	if (n > 0 && o[n - 1] == '.')
		n--;
	if (n == 2 && o[0] == '-' && o[1] == '0')
		o[0] = '0', n = 1;
	return (size_t)n;
}

static bool
volume_unit_cft(struct mt_str u, bool *ok)
{
	char key[16];

	*ok = true;
	if (u.n == 0 || u.n >= sizeof key)
		return *ok = u.n == 0, false;
	enum_key(u, key, sizeof key);
	if (strcmp(key, "CFT") == 0 || strcmp(key, "FT3") == 0 ||
	    strcmp(key, "CUFT") == 0 || strcmp(key, "CUBICFEET") == 0)
		return true;
	if (strcmp(key, "M3") == 0 || strcmp(key, "CBM") == 0 ||
	    strcmp(key, "CUM") == 0 || strcmp(key, "CUBICMETERS") == 0 ||
	    strcmp(key, "CUBICMETRES") == 0)
		return false;
	*ok = false;
	return false;
}

/*
 * Volumes are written to the litre: with --decimal auto, a volume's one
 * '.' or ',' is its decimal separator, so 2.362 and 2,362 are 2.362 m3,
 * where the rule for other numbers would read 2362. Other forms (12.345,5
 * or 1,234,567) are left to that rule.
 */
static enum mt_decimal
volume_decimal(const struct mt_canon *c, struct mt_str s)
{
	size_t i = 0, seps = 0;
	char sep = 0;

	if (c->opts.decimal != MT_DEC_AUTO)
		return c->opts.decimal;
	while (i < s.n && (s.p[i] == ' ' || s.p[i] == '-' || s.p[i] == '+'))
		i++;
	for (; i < s.n; i++) {
		if (s.p[i] == '.' || s.p[i] == ',') {
			sep = s.p[i];
			seps++;
		} else if (s.p[i] < '0' || s.p[i] > '9')
			break;
	}
	if (seps != 1)
		return MT_DEC_AUTO;
	return sep == '.' ? MT_DEC_POINT : MT_DEC_COMMA;
}

static void
do_volume(struct mt_canon *c, struct mt_str s, struct mt_str unit)
{
	bool cft = c->volume_scale == MT_SCALE_CFT, ok;
	struct mt_str rest;
	double v;
	size_t used;
	char *o;
	int n;

	if (s.n == 0)
		return;
	if (unit.n > 0) {
		cft = volume_unit_cft(unit, &ok);
		if (!ok) {
			flag(c, "volume_invalid");
			return;
		}
	}
	o = arena_take(c, mt_norm_outsize(s.n));
	if (!cft && (n = plain_decimal(c, s, o)) >= 0) {
		set(c, MT_F_VOLUME_M3, o, (size_t)n);
		c->clean[MT_F_VOLUME_M3] = true;
		if (n == 1 && o[0] == '0')
			flag(c, "volume_nonpositive");
		return;
	}
	n = mt_norm_decimal(s.p, s.n, volume_decimal(c, s), o, &v, &used);
	rest.p = s.p + used;
	rest.n = s.n - used;
	mt_trim(&rest.p, &rest.n);
	if (n >= 0 && rest.n > 0) {
		cft = volume_unit_cft(rest, &ok);
		if (!ok)
			n = -1;
	}
	if (n < 0) {
		set(c, MT_F_VOLUME_M3, "", 0);
		flag(c, "volume_invalid");
		return;
	}
	if (cft)
		n = (int)format_decimal(v * 0.028316846592, o);
	set(c, MT_F_VOLUME_M3, o, (size_t)n);
	c->clean[MT_F_VOLUME_M3] = true;
	if (v <= 0)
		flag(c, "volume_nonpositive");
}

/* Three ASCII letters, either case: a currency code beside a value. */
static bool
alpha3(const char *p)
{
	return is_ascii_letter(p[0]) && is_ascii_letter(p[1]) &&
	    is_ascii_letter(p[2]);
}

/* "USD 12,000.00" and "12,000.00 USD" give the currency too. */
static void
do_value(struct mt_canon *c, struct mt_str s)
{
	struct mt_str cur = { NULL, 0 }, rest;
	size_t used;
	char *o;
	int n;

	if (s.n == 0)
		return;
	if (s.n > 4 && alpha3(s.p) && (s.p[3] == ' ' || (s.p[3] >= '0' &&
	    s.p[3] <= '9'))) {
		cur.p = s.p;
		cur.n = 3;
		s.p += 3;
		s.n -= 3;
		mt_trim(&s.p, &s.n);
	}
	o = arena_take(c, mt_norm_outsize(s.n));
	if (cur.n == 0 && (n = plain_decimal(c, s, o)) >= 0) {
		set(c, MT_F_VALUE, o, (size_t)n);
		c->clean[MT_F_VALUE] = true;
		return;
	}
	n = mt_norm_decimal(s.p, s.n, c->opts.decimal, o, NULL, &used);
	rest.p = s.p + used;
	rest.n = s.n - used;
	mt_trim(&rest.p, &rest.n);
	if (n >= 0 && rest.n == 3 && cur.n == 0 && alpha3(rest.p))
		cur = rest;
	else if (rest.n > 0)
		n = -1;
	if (n < 0) {
		set(c, MT_F_VALUE, "", 0);
		flag(c, "value_invalid");
		return;
	}
	set(c, MT_F_VALUE, o, (size_t)n);
	c->clean[MT_F_VALUE] = true;
	if (cur.n > 0 && c->val[MT_F_CURRENCY].n == 0)
		assign(c, MT_F_CURRENCY, code(c, cur, NULL), true);
	if (c->val[MT_F_VALUE].p[0] == '-')
		flag(c, "value_negative");
}

static void
do_un_number(struct mt_canon *c, struct mt_str s)
{
	struct mt_str v;

	if (s.n == 0)
		return;
	v = code(c, s, " .-");
	if (v.n >= 2 && v.p[0] == 'U' && v.p[1] == 'N') {
		v.p += 2;
		v.n -= 2;
	}
	assign(c, MT_F_UN_NUMBER, v, c->src_clean[MT_F_UN_NUMBER]);
	if (v.n != 4 || !all_digits(v.p, v.n))
		flag(c, "un_number_invalid");
}

/* --- fields that repeat down a manifest -------------------------------- */

/*
 * The vessel, the dates, the route and the countries are the same for
 * row after row of a manifest (one voyage, one flight): each remembers
 * its last source value, what it gave and the flags it raised, and a row
 * with the same value takes them without normalising again.
 */
static void
normalise_context(struct mt_canon *c, int f)
{
	struct mt_str s = c->src[f];

	switch (f) {
	case MT_F_CONVEYANCE:
		do_conveyance(c, s);
		break;
	case MT_F_DEPARTURE_DATE:
		do_date(c, f, s, "departure_date_invalid");
		break;
	case MT_F_ARRIVAL_DATE:
		do_date(c, f, s, "arrival_date_invalid");
		break;
	case MT_F_ORIGIN_COUNTRY:
		do_country(c, f, s, "origin_country_invalid");
		break;
	case MT_F_DESTINATION_COUNTRY:
		do_country(c, f, s, "destination_country_invalid");
		break;
	case MT_F_SHIPPER_COUNTRY:
		do_country(c, f, s, "shipper_country_invalid");
		break;
	case MT_F_CONSIGNEE_COUNTRY:
		do_country(c, f, s, "consignee_country_invalid");
		break;
	case MT_F_LOADING_PLACE:
		do_place(c, f, s, "loading_place_invalid");
		break;
	case MT_F_DISCHARGE_PLACE:
		do_place(c, f, s, "discharge_place_invalid");
		break;
	case MT_F_TRANSIT_PLACES:
		do_transit(c, s);
		break;
	default:
		abort();	/* not a field that repeats */
	}
}

static void
context_field(struct mt_canon *c, int f)
{
	struct field_memo *m = &c->memo[f];
	struct mt_str s = c->src[f], v;
	size_t d0 = c->dq.len, fl;

	if (m->valid && m->rawn == s.n && memcmp(m->raw, s.p, s.n) == 0) {
		set(c, f, m->out, m->outn);
		c->clean[f] = m->clean;
		if (m->flagsn > 0) {
			if (c->dq.len > 0)
				mt_buf_addc(&c->dq, ',');
			mt_buf_add(&c->dq, m->flags, m->flagsn);
		}
		return;
	}
	normalise_context(c, f);
	v = c->val[f];
	/* The flags this field raised, without the comma before them. */
	fl = c->dq.len - d0;
	if (fl > 0 && d0 > 0) {
		d0++;
		fl--;
	}
	m->valid = s.n <= sizeof m->raw && v.n <= sizeof m->out &&
	    fl <= sizeof m->flags;
	if (!m->valid)
		return;
	memcpy(m->raw, s.p, s.n);
	m->rawn = s.n;
	memcpy(m->out, v.p, v.n);
	m->outn = v.n;
	m->clean = c->clean[f];
	if (fl > 0)
		memcpy(m->flags, c->dq.buf + d0, fl);
	m->flagsn = fl;
}

/* --- the row --------------------------------------------------------- */

/*
 * NUL is valid UTF-8 but no text: tools downstream read values as C
 * strings. Each becomes U+FFFD, flagged like any undecodable byte.
 */
static struct mt_str
without_nul(struct mt_canon *c, struct mt_str s)
{
	char *o;
	size_t i, k = 0;

	if (memchr(s.p, '\0', s.n) == NULL)
		return s;
	o = arena_take(c, 3 * s.n + 4);
	for (i = 0; i < s.n; i++) {
		if (s.p[i] != '\0') {
			o[k++] = s.p[i];
			continue;
		}
		memcpy(o + k, "\xef\xbf\xbd", 3);
		k += 3;
	}
	s.p = o;
	s.n = k;
	return s;
}

/* U+FFFD: a byte that could not be decoded (--encoding). */
static bool
has_replacement(struct mt_str s)
{
	return memchr(s.p, 0xef, s.n) != NULL &&
	    memmem(s.p, s.n, "\xef\xbf\xbd", 3) != NULL;
}

/*
 * Source value of a target: trimmed, valid UTF-8, or empty; *plain tells
 * whether it is plain ASCII (see plain_ascii).
 */
static struct mt_str
source_value(struct mt_canon *c, const struct mt_str *fields, int target,
    bool *plain, bool *bad_utf8)
{
	struct mt_str s = { "", 0 };
	int col = c->col[target];

	*plain = true;
	if (col < 0)
		return s;
	s = fields[col];
	if (s.n == 0)
		return s;
	/* Most values have nothing to trim: bytes that cannot start or end
	 * white space (NO-BREAK SPACE is C2 A0) skip the call. */
	if ((unsigned char)s.p[0] <= ' ' || (unsigned char)s.p[0] == 0xc2 ||
	    (unsigned char)s.p[s.n - 1] <= ' ' ||
	    (unsigned char)s.p[s.n - 1] == 0xa0)
		mt_trim(&s.p, &s.n);
	if ((*plain = plain_ascii(s.p, s.n)))
		return s;
	if (memchr(s.p, '\0', s.n) != NULL) {
		s = without_nul(c, s);
		*bad_utf8 = true;
	}
	if (!mt_utf8_valid(s.p, s.n)) {
		char *o = arena_take(c, 3 * s.n + 4);
		size_t bad;

		s.n = nonneg(mt_utf8_repair(s.p, s.n, o, &bad));
		s.p = o;
		*bad_utf8 = true;
	} else if (has_replacement(s))
		*bad_utf8 = true;	/* replaced while decoding */
	return s;
}

static void
set_line(struct mt_canon *c, unsigned long line)
{
	char *e = c->linebuf + sizeof c->linebuf, *p = e;

	do {
		*--p = (char)('0' + line % 10);
		line /= 10;
	} while (line > 0);
	assign(c, MT_F_LINE, (struct mt_str){ p, (size_t)(e - p) }, true);
}

/*
 * Copy a short value: most are under 16 bytes, and a call to memcpy
 * costs more than the copy. Overlapping loads stay inside the value.
 */
static inline void
copy_value(char *w, const char *p, size_t n)
{
	uint64_t a, b;

	if (n >= 8 && n <= 16) {
		memcpy(&a, p, 8);
		memcpy(&b, p + n - 8, 8);
		memcpy(w, &a, 8);
		memcpy(w + n - 8, &b, 8);
	} else if (n >= 4 && n < 8) {
		uint32_t x, y;

		memcpy(&x, p, 4);
		memcpy(&y, p + n - 4, 4);
		memcpy(w, &x, 4);
		memcpy(w + n - 4, &y, 4);
	} else if (n < 4) {
		while (n-- > 0)
			*w++ = *p++;
	} else
		memcpy(w, p, n);
}

/* The record: every value escaped unless known plain, in one pass. */
static void
write_record(struct mt_canon *c, const struct mt_str *fields,
    struct mt_out *o)
{
	struct mt_str x;
	size_t need = MT_NFIELDS + 1, i;
	char *w;
	int t;

	for (t = 0; t < MT_NFIELDS; t++)
		need += 2 * c->val[t].n;
	for (i = 0; i < c->nextra; i++)
		need += 2 * c->xval[i].n + 1;
	mt_out_reserve(o, need);
	w = o->buf + o->len;
	for (t = 0; t < MT_NFIELDS; t++) {
		if (t > 0)
			*w++ = '\t';
		if (c->clean[t]) {
			copy_value(w, c->val[t].p, c->val[t].n);
			w += c->val[t].n;
		} else
			w += mt_rec_escape(w, c->val[t].p, c->val[t].n);
	}
	for (i = 0; i < c->nextra; i++) {
		x = c->xval[i];
		*w++ = '\t';
		w += mt_rec_escape(w, x.p, x.n);
	}
	*w++ = '\n';
	o->len = (size_t)(w - o->buf);
	(void)fields;
}

/* Extra columns are kept as they are, but for invalid UTF-8. */
static void
extra_values(struct mt_canon *c, const struct mt_str *fields, bool *bad_utf8)
{
	struct mt_str x;
	size_t i, bad;
	char *r;

	for (i = 0; i < c->nextra; i++) {
		x = fields[c->extra[i]];
		if (memchr(x.p, '\0', x.n) != NULL) {
			x = without_nul(c, x);
			*bad_utf8 = true;
		}
		if (!mt_utf8_valid(x.p, x.n)) {
			r = arena_take(c, 3 * x.n + 4);
			x.n = nonneg(mt_utf8_repair(x.p, x.n, r, &bad));
			x.p = r;
			*bad_utf8 = true;
		} else if (has_replacement(x))
			*bad_utf8 = true;	/* replaced while decoding */
		c->xval[i] = x;
	}
}

void
mt_canon_row(struct mt_canon *c, const struct mt_str *fields,
    const char *source, unsigned long line, struct mt_out *o)
{
	struct mt_str *src = c->src;
	size_t need = 64, i;
	bool bad_utf8 = false;
	int t;

	/*
	 * Room for the worst case of every column: NUL bytes replaced (3n + 4),
	 * then a UTF-8 repair that reserves three times that (9n + 4), then a
	 * normaliser's output from the result (at most 3n + 64), and a package
	 * type or air waybill form beside it. Untouched, most of it is never
	 * backed by memory.
	 */
	for (i = 0; i < c->ncols; i++)
		need += 16 * fields[i].n + 192;
	c->arena.len = 0;
	mt_buf_reserve(&c->arena, need);
	c->dq.len = 0;
	for (t = 0; t < MT_NTARGETS; t++)
		src[t] = source_value(c, fields, t, &c->src_clean[t], &bad_utf8);
	for (t = 0; t < MT_NFIELDS; t++) {
		c->val[t].p = "";
		c->val[t].n = 0;
		c->clean[t] = true;
	}

	if (source != c->source) {	/* the same name row after row */
		c->source = source;
		c->sourcen = strlen(source);
	}
	set(c, MT_F_SOURCE, source, c->sourcen);
	set_line(c, line);

	do_enum(c, MT_F_DOC_TYPE, src[MT_F_DOC_TYPE], doc_types,
	    &c->memo_doc, "doc_type_invalid");
	if (c->val[MT_F_DOC_TYPE].n == 0 && src[MT_F_DOC_TYPE].n == 0 &&
	    c->doc_hint != NULL && src[MT_F_DOC_NO].n > 0)
		set_str(c, MT_F_DOC_TYPE, c->doc_hint);
	do_enum(c, MT_F_MODE, src[MT_F_MODE], modes, &c->memo_mode,
	    "mode_invalid");
	if (src[MT_F_MODE].n == 0 && c->val[MT_F_DOC_TYPE].n > 0) {
		char key[8];
		const char *m;

		memcpy(key, c->val[MT_F_DOC_TYPE].p, c->val[MT_F_DOC_TYPE].n);
		key[c->val[MT_F_DOC_TYPE].n] = '\0';
		if ((m = lookup(mode_of_doc, key)) != NULL)
			set_str(c, MT_F_MODE, m);
	}

	if (src[MT_F_DOC_NO].n > 0) {
		assign(c, MT_F_DOC_NO, code(c, src[MT_F_DOC_NO], " "),
		    c->src_clean[MT_F_DOC_NO]);
		if (mt_str_eq(c->val[MT_F_DOC_TYPE], "AWB"))
			check_awb(c, MT_F_DOC_NO, "awb_check_digit", "awb_invalid");
	}
	if (src[MT_F_MASTER_DOC_NO].n > 0) {
		assign(c, MT_F_MASTER_DOC_NO, code(c, src[MT_F_MASTER_DOC_NO],
		    " "), c->src_clean[MT_F_MASTER_DOC_NO]);
		if (mt_str_eq(c->val[MT_F_DOC_TYPE], "HAWB"))
			check_awb(c, MT_F_MASTER_DOC_NO, "master_awb_check_digit",
			    "master_awb_invalid");
	}
	text_field(c, MT_F_CARRIER);
	context_field(c, MT_F_CONVEYANCE);
	text_field(c, MT_F_VOYAGE);
	context_field(c, MT_F_DEPARTURE_DATE);
	context_field(c, MT_F_ARRIVAL_DATE);
	context_field(c, MT_F_ORIGIN_COUNTRY);
	context_field(c, MT_F_DESTINATION_COUNTRY);
	context_field(c, MT_F_LOADING_PLACE);
	context_field(c, MT_F_TRANSIT_PLACES);
	context_field(c, MT_F_DISCHARGE_PLACE);
	text_field(c, MT_F_SHIPPER_NAME);
	text_field(c, MT_F_SHIPPER_ADDRESS);
	context_field(c, MT_F_SHIPPER_COUNTRY);
	text_field(c, MT_F_CONSIGNEE_NAME);
	text_field(c, MT_F_CONSIGNEE_ADDRESS);
	context_field(c, MT_F_CONSIGNEE_COUNTRY);
	text_field(c, MT_F_NOTIFY_NAME);
	do_container(c, src[MT_F_CONTAINER_NO]);
	text_field(c, MT_F_SEAL_NO);
	do_container_type(c, src[MT_F_CONTAINER_TYPE]);
	text_field(c, MT_F_PACKAGE_TYPE);
	do_packages(c, src[MT_F_PACKAGES]);
	do_weight(c, src[MT_F_GROSS_WEIGHT_KG], src[MT_X_WEIGHT_UNIT]);
	do_volume(c, src[MT_F_VOLUME_M3], src[MT_X_VOLUME_UNIT]);
	if (src[MT_F_HS_CODE].n > 0) {
		assign(c, MT_F_HS_CODE, code(c, src[MT_F_HS_CODE], " .-"),
		    c->src_clean[MT_F_HS_CODE]);
		if (mt_check_hs(c->val[MT_F_HS_CODE].p,
		    c->val[MT_F_HS_CODE].n) != MT_CHECK_OK)
			flag(c, "hs_invalid");
	}
	text_field(c, MT_F_DESCRIPTION);
	text_field(c, MT_F_MARKS);
	if (src[MT_F_CURRENCY].n > 0)
		assign(c, MT_F_CURRENCY, code(c, src[MT_F_CURRENCY], " "),
		    c->src_clean[MT_F_CURRENCY]);
	do_value(c, src[MT_F_VALUE]);
	if (c->val[MT_F_CURRENCY].n > 0 && !mt_check_currency(
	    c->val[MT_F_CURRENCY].p, c->val[MT_F_CURRENCY].n))
		flag(c, "currency_invalid");
	do_enum(c, MT_F_FREIGHT_TERMS, src[MT_F_FREIGHT_TERMS], freight,
	    &c->memo_freight, "freight_terms_invalid");
	do_un_number(c, src[MT_F_UN_NUMBER]);

	if (c->val[MT_F_SHIPPER_NAME].n == 0)
		flag(c, "missing_shipper");
	if (c->val[MT_F_CONSIGNEE_NAME].n == 0)
		flag(c, "missing_consignee");
	if (c->val[MT_F_DESCRIPTION].n == 0)
		flag(c, "missing_description");
	if (c->val[MT_F_GROSS_WEIGHT_KG].n == 0 &&
	    src[MT_F_GROSS_WEIGHT_KG].n == 0)
		flag(c, "missing_weight");
	extra_values(c, fields, &bad_utf8);
	if (bad_utf8)
		flag(c, "encoding_invalid");
	set(c, MT_F_DQ, c->dq.buf ? c->dq.buf : "", c->dq.len);
	write_record(c, fields, o);
}
