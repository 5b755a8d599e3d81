/*
 * mt_rxlit: required literals of a pattern, by recursive descent over
 * PCRE2's syntax (10.42, and 10.43's quantifiers) in lib/mt_rx.c's modes.
 *
 * In a sequence, literal characters that must follow one another make a
 * run; each run of at least minlen bytes, and each group that must match,
 * is a set the sequence may use, and it keeps the best. An alternation has
 * a set only when each branch has one: their union. Anything else ends the
 * run and adds nothing, which is always safe; what could change the
 * meaning of what follows it (options, \Q, verbs ...) gives up.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mt_rxlit.h"
#include "mt_util.h"

/* Deeper nesting is given up on; PCRE2 itself allows 250. */
#define MAX_DEPTH	64

struct parser {
	const char *p;
	size_t n, i;		/* length, next byte */
	size_t minlen;
	bool caseless;
	bool ks;		/* caseless k and s are literal, for expand() */
	bool fail;		/* not understood: give up on the pattern */
	int depth;
};

/* What the quantifier after an item, if any, makes of it. */
enum quant {
	Q_ONCE,			/* none */
	Q_OPT,			/* ?, *, {0,...}: maybe not there at all */
	Q_MORE			/* +, {n,...} with n >= 1: there, maybe more */
};

static void parse_alt(struct parser *ps, struct mt_rxlit *out);

void
mt_rxlit_free(struct mt_rxlit *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->lit[i]);
	free(l->lit);
	free(l->len);
	memset(l, 0, sizeof(*l));
}

/* Add a literal unless the set holds it already; sets stay small. */
static void
set_add(struct mt_rxlit *s, const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->len[i] == len && memcmp(s->lit[i], p, len) == 0)
			return;
	s->lit = mt_xrealloc(s->lit, (s->n + 1) * sizeof(*s->lit));
	s->len = mt_xrealloc(s->len, (s->n + 1) * sizeof(*s->len));
	s->lit[s->n] = mt_xstrndup(p, len);
	s->len[s->n++] = len;
}

static size_t
shortest(const struct mt_rxlit *s)
{
	size_t i, m = SIZE_MAX;

	for (i = 0; i < s->n; i++)
		if (s->len[i] < m)
			m = s->len[i];
	return m;
}

/*
 * Offer set s (used up) to a sequence whose best set is *best: better is a
 * longer shortest literal (rarer by chance), then fewer; ties keep *best.
 */
static void
offer(struct mt_rxlit *best, struct mt_rxlit *s)
{
	size_t ls = shortest(s), lb = shortest(best);

	if (s->n > 0 && (best->n == 0 || ls > lb ||
	    (ls == lb && s->n < best->n))) {
		mt_rxlit_free(best);
		*best = *s;
		memset(s, 0, sizeof(*s));
	} else
		mt_rxlit_free(s);
}

/* End the run of literal bytes: offer it if it is long enough. */
static void
end_run(const struct parser *ps, struct mt_buf *run, struct mt_rxlit *best)
{
	struct mt_rxlit s = { 0 };

	if (run->len >= ps->minlen) {
		set_add(&s, run->buf, run->len);
		offer(best, &s);
	}
	run->len = 0;
}

static bool
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/*
 * Whether ASCII c may be in a literal. The prefilter scans escaped values,
 * where control characters and backslashes differ (DEL goes too).
 * Caseless, k matches U+212A KELVIN SIGN and s U+017F LONG S, unseen by an
 * ASCII-caseless scan; no other ASCII character has such a partner. They
 * are literal only on the pass whose literals expand() spells both ways.
 */
static bool
lit_byte(const struct parser *ps, unsigned char c)
{
	if (c < 0x20 || c == 0x7f || c == '\\')
		return false;
	return !ps->caseless || ps->ks ||
	    (c != 'k' && c != 'K' && c != 's' && c != 'S');
}

/* Length of the UTF-8 character at p[i], 0 if none: PCRE2 rejects it. */
static size_t
utf8_len(const struct parser *ps, size_t i)
{
	unsigned char c = (unsigned char)ps->p[i];
	size_t len, k;

	if (c < 0x80)
		return 1;
	len = c < 0xc2 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
	if (len == 0 || len > ps->n - i)
		return 0;
	for (k = 1; k < len; k++)
		if (((unsigned char)ps->p[i + k] & 0xc0) != 0x80)
			return 0;
	return len;
}

/*
 * Whether a quantifier {n}, {n,}, {n,m} (10.43: {,m}, blanks) starts at
 * p[i]; its minimum in *min, the index after it in *end. Any digits,
 * commas and blanks with a digit count: a literal taken for a quantifier
 * only loses literals, the other way round would invent some.
 */
static bool
counted(const struct parser *ps, size_t i, size_t *min, size_t *end)
{
	const char *p = ps->p;
	size_t j;
	bool digit = false;

	for (j = i + 1; j < ps->n; j++) {
		if (p[j] >= '0' && p[j] <= '9')
			digit = true;
		else if (p[j] != ',' && p[j] != ' ' && p[j] != '\t')
			break;
	}
	if (!digit || j >= ps->n || p[j] != '}')
		return false;
	*end = j + 1;
	*min = 0;
	for (j = i + 1; p[j] == ' ' || p[j] == '\t'; j++)
		continue;
	/* Only whether it is 0 matters: stop before it could overflow. */
	for (; p[j] >= '0' && p[j] <= '9'; j++)
		if (*min < 1000000)
			*min = *min * 10 + (size_t)(p[j] - '0');
	return true;
}

/* The quantifier at p[i], if any, with its lazy or possessive mark. */
static enum quant
quant(struct parser *ps)
{
	enum quant q;
	size_t min, end;
	char c = ps->i < ps->n ? ps->p[ps->i] : '\0';

	if (c == '?' || c == '*' || c == '+') {
		q = c == '+' ? Q_MORE : Q_OPT;
		ps->i++;
	} else if (c == '{' && counted(ps, ps->i, &min, &end)) {
		q = min > 0 ? Q_MORE : Q_OPT;
		ps->i = end;
	} else
		return Q_ONCE;
	if (ps->i < ps->n && (ps->p[ps->i] == '?' || ps->p[ps->i] == '+'))
		ps->i++;
	return q;
}

/*
 * The escape at p[i]: true for ASCII punctuation, itself; false for \d,
 * \b, \t and the like, which end the run. Others (\p, \x, \Q, \c, \K,
 * \N{...}, digits ...) give up rather than risk a wrong literal.
 */
static bool
escape(struct parser *ps)
{
	unsigned char e = 0;	/* none, or a NUL: give up */

	if (ps->i + 1 < ps->n)
		e = (unsigned char)ps->p[ps->i + 1];
	ps->i += 2;
	if (e != 0 && e < 0x80 && !is_alnum(e))
		return true;
	if (!is_alnum(e) || strchr("dDwWsShHvVRNbBAzZGXCtnrfea", e) == NULL ||
	    (e == 'N' && ps->i < ps->n && ps->p[ps->i] == '{'))
		ps->fail = true;
	return false;
}

/*
 * Whether a POSIX name like [:alpha:] starts at p[i] in a class, and its
 * closing ':' ('.', '='): check_posix_syntax() of pcre2_compile.c.
 */
static bool
posix_name(const struct parser *ps, size_t i, size_t *term)
{
	const char *p = ps->p;
	char t;
	size_t j;

	if (ps->n - i < 4 || (p[i + 1] != ':' && p[i + 1] != '.' &&
	    p[i + 1] != '='))
		return false;
	t = p[i + 1];
	for (j = i + 2; ps->n - j >= 2; j++) {
		if (p[j] == '\\' && (p[j + 1] == ']' || p[j + 1] == '\\'))
			j++;
		else if ((p[j] == '[' && p[j + 1] == t) || p[j] == ']')
			return false;
		else if (p[j] == t && p[j + 1] == ']') {
			*term = j;
			return true;
		}
	}
	return false;
}

/*
 * Skip the class at p[i]. A ']' first (after any '^') is a member. An
 * escape is its letter, and a braced argument for \p \P \x \o; others
 * that could take a ']' with them (\c], \Q]\E) give up.
 */
static void
skip_class(struct parser *ps)
{
	const char *p = ps->p;
	size_t i = ps->i + 1, term;
	unsigned char e;

	if (i < ps->n && p[i] == '^')
		i++;
	if (i < ps->n && p[i] == ']')
		i++;
	while (i < ps->n && p[i] != ']') {
		if (p[i] == '[' && posix_name(ps, i, &term)) {
			i = term + 2;
			continue;
		}
		if (p[i++] != '\\' || i >= ps->n)
			continue;
		e = (unsigned char)p[i++];
		if (!is_alnum(e))
			continue;	/* punctuation, or a UTF-8 lead byte */
		if (strchr("dDwWsShHvVpPxobtnrfea0123456789", e) == NULL)
			ps->fail = true;
		if (strchr("pPxo", e) != NULL && i < ps->n && p[i] == '{')
			while (i < ps->n && p[i++] != '}')
				continue;
	}
	if (i >= ps->n)
		ps->fail = true;	/* no ']': PCRE2 rejects it */
	ps->i = i + 1;
}

/*
 * The group at p[i]: its set in *g; none for a lookaround. Other "(?"
 * and "(*" forms (options, names, conditions, comments, verbs) give up.
 */
static void
group(struct parser *ps, struct mt_rxlit *g)
{
	const char *p = ps->p;
	size_t i = ps->i + 1;
	bool look = false;

	memset(g, 0, sizeof(*g));
	if (i < ps->n && p[i] == '*')
		ps->fail = true;
	else if (i < ps->n && p[i] == '?') {
		if (i + 1 < ps->n && p[i + 1] == '<')
			i++;
		if (i + 1 < ps->n && (p[i + 1] == '=' || p[i + 1] == '!'))
			look = true;
		else if (i + 1 >= ps->n || p[i + 1] != ':' || p[i] == '<')
			ps->fail = true;
		i += 2;
	}
	if (ps->fail || ++ps->depth > MAX_DEPTH) {
		ps->fail = true;
		return;
	}
	ps->i = i;
	parse_alt(ps, g);
	ps->depth--;
	if (ps->i >= ps->n || p[ps->i] != ')')
		ps->fail = true;	/* unclosed */
	ps->i++;
	if (ps->fail || look)
		mt_rxlit_free(g);
}

/* One item of a sequence, with its quantifier. */
static void
item(struct parser *ps, struct mt_buf *run, struct mt_rxlit *best)
{
	struct mt_rxlit g;
	const char *lp = ps->p + ps->i;
	unsigned char c = (unsigned char)*lp;
	size_t len = 1, k, min, end;
	bool lit = false;
	enum quant q;

	if (c == '(') {
		/* A group is an item of its own: no run goes through it. */
		end_run(ps, run, best);
		group(ps, &g);
		if (!ps->fail && quant(ps) != Q_OPT)
			offer(best, &g);
		else
			mt_rxlit_free(&g);
		return;
	}
	if (c == '*' || c == '+' || c == '?' ||
	    (c == '{' && counted(ps, ps->i, &min, &end))) {
		ps->fail = true;	/* nothing to repeat */
		return;
	}
	if (c == '[')
		skip_class(ps);
	else if (c == '.' || c == '^' || c == '$')
		ps->i++;
	else if (c == '\\') {
		lp++;
		lit = escape(ps) && lit_byte(ps, (unsigned char)*lp);
	} else if ((len = utf8_len(ps, ps->i)) == 0)
		ps->fail = true;
	else {
		/* Caseless, non-ASCII letters have other cases. */
		lit = c < 0x80 ? lit_byte(ps, c) : !ps->caseless;
		ps->i += len;
	}
	if (ps->fail)
		return;
	q = quant(ps);
	if (!lit || q == Q_OPT) {
		end_run(ps, run, best);
		return;
	}
	for (k = 0; k < len; k++) {
		c = (unsigned char)lp[k];
		mt_buf_addc(run, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
	}
	/* Repeated, the character need not be followed by the next item. */
	if (q == Q_MORE)
		end_run(ps, run, best);
}

/* A sequence, up to '|', ')' or the end: the best set of its items. */
static void
parse_seq(struct parser *ps, struct mt_rxlit *best)
{
	struct mt_buf run = { 0 };

	while (!ps->fail && ps->i < ps->n && ps->p[ps->i] != '|' &&
	    ps->p[ps->i] != ')')
		item(ps, &run, best);
	end_run(ps, &run, best);
	mt_buf_free(&run);
}

/* An alternation, up to ')' or the end: the union if each branch has a set. */
static void
parse_alt(struct parser *ps, struct mt_rxlit *out)
{
	struct mt_rxlit b;
	bool all = true;
	size_t k;

	memset(out, 0, sizeof(*out));
	for (;;) {
		memset(&b, 0, sizeof(b));
		parse_seq(ps, &b);
		all = all && b.n > 0;
		for (k = 0; all && k < b.n; k++)
			set_add(out, b.lit[k], b.len[k]);
		if (!all || out->n > MT_RXLIT_MAX) {
			all = false;
			mt_rxlit_free(out);
		}
		mt_rxlit_free(&b);
		if (ps->fail || ps->i >= ps->n || ps->p[ps->i] != '|')
			break;
		ps->i++;
	}
	if (ps->fail)
		mt_rxlit_free(out);
}

/* How many spellings a literal has: 2 for each k and s in it. */
static size_t
spellings(const char *p, size_t n)
{
	size_t i, count = 1;

	for (i = 0; i < n && count <= MT_RXLIT_MAX; i++)
		if (p[i] == 'k' || p[i] == 's')
			count *= 2;
	return count;
}

/*
 * Each literal spelt every way its caseless k and s can be: as the ASCII
 * letter (the scan takes either case) or as U+212A, U+017F. False when
 * that makes more than MT_RXLIT_MAX literals.
 */
static bool
expand(struct mt_rxlit *in, struct mt_rxlit *out)
{
	size_t i, v, j, total = 0, nv, len;
	char *q;

	for (i = 0; i < in->n; i++) {
		total += spellings(in->lit[i], in->len[i]);
		if (total > MT_RXLIT_MAX)
			return false;
	}
	out->lit = mt_xcalloc(total, sizeof(*out->lit));
	out->len = mt_xcalloc(total, sizeof(*out->len));
	out->n = 0;
	for (i = 0; i < in->n; i++) {
		nv = spellings(in->lit[i], in->len[i]);
		for (v = 0; v < nv; v++) {
			size_t bit = 0;

			q = mt_xmalloc(3 * in->len[i] + 1);
			for (j = len = 0; j < in->len[i]; j++) {
				char c = in->lit[i][j];

				if ((c == 'k' || c == 's') && (v >> bit++) & 1) {
					if (c == 'k') {
						q[len++] = '\xe2';
						q[len++] = '\x84';
						q[len++] = '\xaa';
					} else {
						q[len++] = '\xc5';
						q[len++] = '\xbf';
					}
				} else
					q[len++] = c;
			}
			q[len] = '\0';
			out->lit[out->n] = q;
			out->len[out->n++] = len;
		}
	}
	return true;
}

static bool
required(const char *pat, size_t n, unsigned flags, size_t minlen, bool ks,
    struct mt_rxlit *out)
{
	struct parser ps = { pat, n, 0, minlen > 0 ? minlen : 1,
	    (flags & MT_RX_CASELESS) != 0, ks, false, 0 };

	memset(out, 0, sizeof(*out));
	/* In x mode blanks and comments are not literal: not worth it. */
	if (flags & MT_RX_EXTENDED)
		return false;
	parse_alt(&ps, out);
	/* Stopped before the end: at a ')' that closes nothing. */
	if (ps.fail || ps.i < n) {
		mt_rxlit_free(out);
		return false;
	}
	return out->n > 0;
}

bool
mt_rxlit_required(const char *pat, size_t n, unsigned flags, size_t minlen,
    struct mt_rxlit *out)
{
	struct mt_rxlit with_ks;

	/*
	 * Caseless, first with k and s as letters, spelt both ways after;
	 * when that makes too many literals, with k and s breaking runs.
	 */
	if ((flags & MT_RX_CASELESS) &&
	    required(pat, n, flags, minlen, true, &with_ks)) {
		bool ok = expand(&with_ks, out);

		mt_rxlit_free(&with_ks);
		if (ok)
			return true;
	}
	return required(pat, n, flags, minlen, false, out);
}
