/*
 * Unit tests of mt_rxlit: required literals of regular expressions. The
 * examples pin the choices down; the property tests check what matters,
 * that whenever PCRE2 (through mt_rx, with the options the tools use)
 * matches a subject, the subject contains one of the literals.
 */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_rx.h"
#include "mt_rxlit.h"
#include "mt_util.h"

#define I	MT_RX_CASELESS
#define KELVIN	"\xe2\x84\xaa"		/* U+212A, caselessly k */
#define LONG_S	"\xc5\xbf"		/* U+017F, caselessly s */
#define E_ACUTE	"\xc3\xa9"
#define E_ACUTE_UP "\xc3\x89"

static const struct {
	const char *pat;
	unsigned flags;
	size_t minlen;
	const char *want[8];	/* in order; none: no set */
} cases[] = {
	/* Caseless s and k are spelt both ways: s and U+017F, k and U+212A. */
	{ "said to contain|general cargo|fak", I, 3,
	    { "said to contain", LONG_S "aid to contain", "general cargo",
	    "fak", "fa" KELVIN } },
	{ "said to contain|general cargo", I, 3,
	    { "said to contain", LONG_S "aid to contain", "general cargo" } },
	{ "general cargo|consolidated", I, 3,
	    { "general cargo", "consolidated", "con" LONG_S "olidated" } },
	{ "CIGARETTE", 0, 3, { "cigarette" } },
	{ "\\bgifts?\\b", I, 3, { "gift" } },
	{ "^(?:to order|order of)", I, 3, { "to order", "order of" } },
	{ "foo(bar)?baz", 0, 3, { "foo" } },
	{ "foo(bar)baz", 0, 3, { "foo" } },
	{ "fo(barx)baz", 0, 3, { "barx" } },
	{ "a.b", 0, 3, { NULL } },
	{ "a.b", 0, 1, { "a" } },
	{ "(?i)abc", 0, 3, { NULL } },
	{ "abc", MT_RX_EXTENDED, 3, { NULL } },
	{ "\\p{L}+abc", 0, 3, { NULL } },
	{ "[abc]def", 0, 3, { "def" } },
	{ "ab*c", 0, 1, { "a" } },
	{ "ab*cd", 0, 1, { "cd" } },
	{ "caf" E_ACUTE, 0, 3, { "caf" E_ACUTE } },
	{ "CAF" E_ACUTE_UP, 0, 3, { "caf" E_ACUTE_UP } },
	{ "caf" E_ACUTE, I, 3, { "caf" } },
	{ "caf" E_ACUTE "?s", 0, 3, { "caf" } },
	{ "x{2,}yz", 0, 2, { "yz" } },
	{ "x{2,}yz", 0, 1, { "yz" } },
	{ "tea\\tpot", 0, 3, { "tea" } },
	{ "tea\tpot", 0, 3, { "tea" } },
	{ "a\\.com", 0, 3, { "a.com" } },
	{ "a\\\\com", 0, 3, { "com" } },
	{ "abc\\d+defg", 0, 3, { "defg" } },
	/* Quantifiers. */
	{ "abc+de", 0, 3, { "abc" } },
	{ "ab+cde", 0, 3, { "cde" } },
	{ "abcd{2}ef", 0, 3, { "abcd" } },
	{ "abcd{0,2}efg", 0, 3, { "abc" } },
	{ "abcd{,2}efg", 0, 3, { "abc" } },
	{ "abcd{ 1 , 2 }efg", 0, 3, { "abcd" } },
	{ "abcd*?efg", 0, 3, { "abc" } },
	{ "abcd++efg", 0, 3, { "abcd" } },
	{ "a{b}cde", 0, 3, { "a{b}cde" } },
	{ "a{}b", 0, 3, { "a{}b" } },
	{ "{abc}", 0, 3, { "{abc}" } },
	{ "{2}abc", 0, 3, { NULL } },
	{ "*abc", 0, 3, { NULL } },
	{ "abc|+d", 0, 3, { NULL } },
	{ "abc?*d", 0, 3, { NULL } },
	/* Groups and alternations. */
	{ "(abc|def)+x", 0, 3, { "abc", "def" } },
	{ "(abc|def)*xyz", 0, 3, { "xyz" } },
	{ "(abc|def){0,3}xy", 0, 3, { NULL } },
	{ "(abc|def){1,3}", 0, 3, { "abc", "def" } },
	{ "(abc|)xy", 0, 3, { NULL } },
	{ "(?:abc|(?:def|ghi))", 0, 3, { "abc", "def", "ghi" } },
	{ "abc|abc", 0, 3, { "abc" } },
	{ "ABC|abc", 0, 3, { "abc" } },
	{ "abc|", 0, 3, { NULL } },
	{ "|abc", 0, 3, { NULL } },
	{ "", 0, 3, { NULL } },
	{ "()", 0, 1, { NULL } },
	{ "(abc", 0, 3, { NULL } },
	{ "abc)", 0, 3, { NULL } },
	{ "(?=abc)def", 0, 3, { "def" } },
	{ "(?<!abc)def", 0, 3, { "def" } },
	{ "(?<=ab(c|d))efg", 0, 3, { "efg" } },
	{ "(?!abc)", 0, 3, { NULL } },
	{ "(?<name>abc)", 0, 3, { NULL } },
	{ "(?|abc)", 0, 3, { NULL } },
	{ "(?#abc)def", 0, 3, { NULL } },
	{ "(?>abc)", 0, 3, { NULL } },
	{ "(*UCP)abc", 0, 3, { NULL } },
	{ "(abc)\\1", 0, 3, { NULL } },
	{ "abc(?", 0, 3, { NULL } },
	{ "abc(?<", 0, 3, { NULL } },
	{ "abc(?<:d)", 0, 3, { NULL } },
	{ "abc(?<=d", 0, 3, { NULL } },
	{ "abc(", 0, 3, { NULL } },
	/* Classes. */
	{ "[]abc]def", 0, 3, { "def" } },
	{ "[^]abc]def", 0, 3, { "def" } },
	{ "[[:alpha:]]def", 0, 3, { "def" } },
	{ "[[:alpha:]x]def", 0, 3, { "def" } },
	{ "[a\\]b]def", 0, 3, { "def" } },
	{ "[\\p{L}]def", 0, 3, { "def" } },
	{ "[\\x{41}-\\x{5a}]def", 0, 3, { "def" } },
	{ "[(]abc[)]", 0, 3, { "abc" } },
	{ "[|]abc", 0, 3, { "abc" } },
	{ "[\\c]abc]", 0, 3, { NULL } },
	{ "[\\Q]\\E]abc", 0, 3, { NULL } },
	{ "[abc", 0, 3, { NULL } },
	{ "]abc", 0, 3, { "]abc" } },
	/* Escapes. */
	{ "\\Qabc\\E", 0, 3, { NULL } },
	{ "abc\\K", 0, 3, { NULL } },
	{ "\\x41bcd", 0, 3, { NULL } },
	{ "\\N{U+41}bcd", 0, 3, { NULL } },
	{ "\\Nbcd", 0, 3, { "bcd" } },
	{ "abc\\", 0, 3, { NULL } },
	{ "\\u0041bc", 0, 3, { NULL } },
	{ "ab\\ cd", 0, 3, { "ab cd" } },
	{ "#ab cd", 0, 3, { "#ab cd" } },
	/* Caseless k and s; non-ASCII. */
	{ "kit|cat", 0, 3, { "kit", "cat" } },
	{ "kit|cat", I, 3, { "kit", KELVIN "it", "cat" } },
	{ "kilo", I, 3, { "kilo", KELVIN "ilo" } },
	{ "KILOS", I, 3, { "kilos", KELVIN "ilos", "kilo" LONG_S,
	    KELVIN "ilo" LONG_S } },
	/* Too many spellings: k and s break runs instead. */
	{ "sssssskilo", I, 3, { "ilo" } },
	{ "m" E_ACUTE "xico", I, 3, { "xico" } },
	{ "\xe6\xb7\xb1\xe5\x9c\xb3", 0, 3, { "\xe6\xb7\xb1\xe5\x9c\xb3" } },
	{ "\xe6\xb7\xb1\xe5\x9c\xb3", I, 3, { NULL } },
	{ "ab\xe9", 0, 2, { NULL } },		/* not UTF-8 */
	{ "ab\xc3", 0, 2, { NULL } },
};

static bool
has(const struct mt_rxlit *l, size_t k, const char *want)
{
	return l->len[k] == strlen(want) && strcmp(l->lit[k], want) == 0;
}

START_TEST(test_cases)
{
	struct mt_rxlit l;
	const char *pat = cases[_i].pat;
	size_t nwant, k;
	bool ok;

	for (nwant = 0; nwant < 8 && cases[_i].want[nwant] != NULL; nwant++)
		continue;
	ok = mt_rxlit_required(pat, strlen(pat), cases[_i].flags,
	    cases[_i].minlen, &l);
	ck_assert_msg(ok == (nwant > 0), "/%s/: %s", pat,
	    ok ? "a set" : "no set");
	ck_assert_msg(l.n == nwant, "/%s/: %zu literals, want %zu", pat, l.n,
	    nwant);
	for (k = 0; k < nwant; k++)
		ck_assert_msg(has(&l, k, cases[_i].want[k]),
		    "/%s/: literal %zu is '%s', want '%s'", pat, k, l.lit[k],
		    cases[_i].want[k]);
	mt_rxlit_free(&l);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

/* At most MT_RXLIT_MAX literals. */
START_TEST(test_many)
{
	struct mt_buf b = { 0 };
	struct mt_rxlit l;
	int k;

	for (k = 0; k < MT_RXLIT_MAX; k++) {
		char w[8];

		snprintf(w, sizeof(w), "%sw%03d", k ? "|" : "", k);
		mt_buf_add(&b, w, strlen(w));
	}
	ck_assert(mt_rxlit_required(b.buf, b.len, 0, 3, &l));
	ck_assert_uint_eq(l.n, MT_RXLIT_MAX);
	ck_assert(has(&l, 0, "w000") && has(&l, MT_RXLIT_MAX - 1, "w063"));
	mt_rxlit_free(&l);
	mt_buf_add(&b, "|w064", 5);
	ck_assert(!mt_rxlit_required(b.buf, b.len, 0, 3, &l));
	ck_assert_uint_eq(l.n, 0);
	/* Duplicates count once. */
	b.len -= 5;
	mt_buf_add(&b, "|w000", 5);
	ck_assert(mt_rxlit_required(b.buf, b.len, 0, 3, &l));
	ck_assert_uint_eq(l.n, MT_RXLIT_MAX);
	mt_rxlit_free(&l);
	mt_buf_free(&b);
}
END_TEST

/* Only n bytes are read; a NUL in them is no literal; free is idempotent. */
START_TEST(test_counted)
{
	struct mt_rxlit l;

	ck_assert(mt_rxlit_required("abc)", 3, 0, 3, &l));
	ck_assert(l.n == 1 && has(&l, 0, "abc"));
	mt_rxlit_free(&l);
	mt_rxlit_free(&l);
	ck_assert(mt_rxlit_required("ab\0cdef", 7, 0, 2, &l));
	ck_assert(l.n == 1 && has(&l, 0, "cdef"));
	mt_rxlit_free(&l);
	ck_assert(!mt_rxlit_required(NULL, 0, 0, 1, &l));
	ck_assert_uint_eq(l.n, 0);
	/* minlen 0 is 1: an empty literal would be in every subject. */
	ck_assert(!mt_rxlit_required("a?", 2, 0, 0, &l));
}
END_TEST

/* Nesting deeper than PCRE2 users write gives up, without a crash. */
START_TEST(test_deep)
{
	struct mt_buf b = { 0 };
	struct mt_rxlit l;
	int k;

	for (k = 0; k < 10000; k++)
		mt_buf_addc(&b, '(');
	mt_buf_add(&b, "abc", 3);
	for (k = 0; k < 10000; k++)
		mt_buf_addc(&b, ')');
	ck_assert(!mt_rxlit_required(b.buf, b.len, 0, 3, &l));
	mt_buf_free(&b);
	ck_assert(mt_rxlit_required("((((abc))))", 11, 0, 3, &l));
	ck_assert(l.n == 1 && has(&l, 0, "abc"));
	mt_rxlit_free(&l);
}
END_TEST

/* --- property tests ---------------------------------------------------- */

static uint64_t rng_state;

static unsigned
rnd(unsigned n)
{
	/* xorshift64*: the same sequence on every run. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

static bool
contains_ci(const char *s, size_t n, const char *lit, size_t len)
{
	size_t i, k;

	for (i = 0; i + len <= n; i++) {
		for (k = 0; k < len; k++) {
			unsigned char c = (unsigned char)s[i + k];

			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c + 32);
			if (c != (unsigned char)lit[k])
				break;
		}
		if (k == len)
			return true;
	}
	return false;
}

struct stats {
	unsigned sets;		/* patterns with a set */
	unsigned matches;	/* matching subjects of those */
};

/*
 * Check one pattern against nsubj subjects made of pieces, and of slices
 * of the pattern itself, ASCII letters in random case.
 */
static void
check_pattern(struct mt_rx_env *env, const char *pat, unsigned flags,
    size_t minlen, const char *const *pieces, size_t npieces, int nsubj,
    struct stats *st)
{
	struct mt_rxlit l;
	struct mt_rx *rx;
	/* Zeroed: JIT code reads past the end, which valgrind would see. */
	char err[256], subj[256] = { 0 };
	size_t off, n, plen = strlen(pat), k, start, len;
	int s, j, np, rc;
	bool found;

	rx = mt_rx_compile(pat, plen, flags, err, sizeof(err), &off);
	if (rx == NULL || !mt_rxlit_required(pat, plen, flags, minlen, &l)) {
		mt_rx_free(rx);
		return;
	}
	st->sets++;
	for (s = 0; s < nsubj; s++) {
		n = 0;
		np = (int)rnd(7);
		for (j = 0; j < np; j++) {
			const char *p;

			if (rnd(3) == 0 && plen > 0) {
				start = rnd((unsigned)plen);
				len = 1 + rnd(6);
				if (len > plen - start)
					len = plen - start;
				p = pat + start;
			} else {
				p = pieces[rnd((unsigned)npieces)];
				len = strlen(p);
			}
			if (n + len > sizeof(subj))
				break;
			memcpy(subj + n, p, len);
			n += len;
		}
		for (k = 0; k < n; k++)
			if (((subj[k] >= 'a' && subj[k] <= 'z') ||
			    (subj[k] >= 'A' && subj[k] <= 'Z')) && rnd(4) == 0)
				subj[k] ^= 0x20;
		/* A random (a+)+ may hit the match limit: no answer then. */
		rc = mt_rx_match(env, rx, subj, n, NULL, NULL, NULL);
		if (rc <= 0)
			continue;
		st->matches++;
		found = false;
		for (k = 0; k < l.n && !found; k++)
			found = contains_ci(subj, n, l.lit[k], l.len[k]);
		ck_assert_msg(found, "/%s/%s matches '%.*s' but the set "
		    "(first '%s', %zu in all) misses it", pat,
		    flags & I ? "i" : "", (int)n, subj, l.lit[0], l.n);
	}
	mt_rx_free(rx);
	mt_rxlit_free(&l);
}

static const char *const words[] = {
	"a", "b", "c", "d", "e", "f", "g", "i", "k", "K", "s", "S", "o", "r",
	"t", "x", "y", "z", " ", ".", "{", "}", ",", "1", "2", "\t", "\n",
	"said to contain", "aid to contain", "general cargo", "fak", "fa",
	"consolidated", "con" LONG_S "olidated", "cigarette", "gift", "gifts",
	"to order", "order of", "foo", "bar", "baz", "def", "caf" E_ACUTE,
	"CAF" E_ACUTE_UP, "caf", "tea", "pot", "a.com", "{b}", "abc", "ab",
	"cd", "ef", "xyz", "kilo", KELVIN "ilo", LONG_S, KELVIN, E_ACUTE,
	E_ACUTE_UP, "m" E_ACUTE "xico", "]", "[", "w0", "\xe6\xb7\xb1",
};

static const struct {
	const char *pat;
	unsigned flags;
	size_t minlen;
} props[] = {
	{ "said to contain|general cargo", I, 3 },
	{ "general cargo|consolidated", I, 3 },
	{ "CIGARETTE", 0, 3 },
	{ "CIGARETTE", I, 3 },
	{ "\\bgifts?\\b", I, 3 },
	{ "^(?:to order|order of)", I, 3 },
	{ "^(?:to order|order of)", I | MT_RX_MULTILINE, 3 },
	{ "foo(bar)?baz", 0, 3 },
	{ "[abc]def", I, 3 },
	{ "ab*c", 0, 1 },
	{ "ab*c", I, 1 },
	{ "caf" E_ACUTE, 0, 3 },
	{ "caf" E_ACUTE, I, 3 },
	{ "x{2,}yz", I, 2 },
	{ "tea\\tpot", 0, 3 },
	{ "a\\.com", I, 3 },
	{ "a{b}c", 0, 3 },
	{ "a{,2}bc", I, 2 },
	{ "ab{0}c", 0, 1 },
	{ "(ab|cd)+ef", I, 2 },
	{ "(ab|cd)*ef", I, 2 },
	{ "kilo|cat", I, 2 },
	{ "kilo", 0, 2 },
	{ "m" E_ACUTE "xico", I, 3 },
	{ "[]a]bc", I, 2 },
	{ "[[:alpha:]]bc", I, 2 },
	{ "(?=abc)ab.", I, 2 },
	{ "(?<=a)bc|de", I, 2 },
	{ "a.c|d\\.", I | MT_RX_DOTALL, 1 },
};

START_TEST(test_property_fixed)
{
	struct mt_rx_env *env = mt_rx_env_new(NULL);
	struct stats st = { 0, 0 };
	size_t k;

	rng_state = 0x9e3779b97f4a7c15ULL;
	for (k = 0; k < sizeof(props) / sizeof(props[0]); k++)
		check_pattern(env, props[k].pat, props[k].flags,
		    props[k].minlen, words, sizeof(words) / sizeof(words[0]),
		    4000, &st);
	/* The test means something only if the patterns match. */
	ck_assert_uint_ge(st.sets, 25);
	ck_assert_uint_ge(st.matches, 2000);
	mt_rx_env_free(env);
}
END_TEST

/* More, or other, random patterns: cc -DRXLIT_PATTERNS=1000000 ... */
#ifndef RXLIT_PATTERNS
#define RXLIT_PATTERNS	5000
#endif
#ifndef RXLIT_SEED
#define RXLIT_SEED	0x2545f4914f6cdd1dULL
#endif

/* A random pattern of nest levels below depth. */
static void
gen(struct mt_buf *b, int depth)
{
	static const char *const lits[] = {
		"a", "b", "k", "K", "s", "S", "{", "}", ",", "1", "2", " ",
		E_ACUTE, E_ACUTE_UP, "\\.", "\\{", "\\\\", "\\ ", "]", "-",
		"#", "{a}", "{,}", "{1,2", "{ }", "a{", "\\#",
	};
	static const char *const others[] = {
		"\\d", "\\b", "\\w", "\\W", "\\s", "\\t", ".", "^", "$", "\\N",
		"[ab]", "[^a]", "[]a]", "[[:alpha:]]", "[k]", "[\\]s]", "[{]",
		"[^]]", "\\B", "\\h", "[[:a]", "[a[]", "[-k]", "[\\x{6b}]",
		"[[:^alpha:]]", "[\\d-]",
	};
	static const char *const opens[] = {
		"(", "(?:", "(?=", "(?!", "(?<=", "(?<!",
	};
	static const char *const quants[] = {
		"?", "*", "+", "{2}", "{0,2}", "{1,}", "{,2}", "??", "+?",
		"*+", "{1}", "{0}", "{1,3}?", "{ 1 }",
	};
	int branches = 1 + (int)rnd(depth > 0 ? 3 : 2), br, items, it;
	const char *p;

	for (br = 0; br < branches; br++) {
		if (br > 0)
			mt_buf_addc(b, '|');
		items = 1 + (int)rnd(6);
		for (it = 0; it < items; it++) {
			unsigned r = rnd(10);

			if (r < 6)
				p = lits[rnd(sizeof(lits) / sizeof(lits[0]))];
			else if (r < 8 || depth == 0)
				p = others[rnd(sizeof(others) /
				    sizeof(others[0]))];
			else {
				p = opens[rnd(sizeof(opens) /
				    sizeof(opens[0]))];
				mt_buf_add(b, p, strlen(p));
				gen(b, depth - 1);
				p = ")";
			}
			mt_buf_add(b, p, strlen(p));
			if (rnd(10) < 3) {
				p = quants[rnd(sizeof(quants) /
				    sizeof(quants[0]))];
				mt_buf_add(b, p, strlen(p));
			}
		}
	}
}

START_TEST(test_property_random)
{
	static const char *const alphabet[] = {
		"a", "b", "k", "K", "s", "S", "{", "}", ",", "1", "2", " ",
		".", "\\", "]", "-", "\t", "\n", "x", E_ACUTE, E_ACUTE_UP,
		KELVIN, LONG_S, "ab", "ka", "sa", "{2}", "a{", "\xe9",
	};
	struct mt_rx_env *env = mt_rx_env_new(NULL);
	struct stats st = { 0, 0 };
	struct mt_buf b = { 0 };
	int k;

	rng_state = RXLIT_SEED;
	for (k = 0; k < RXLIT_PATTERNS; k++) {
		unsigned flags = rnd(2) ? I : 0;

		if (rnd(8) == 0)
			flags |= MT_RX_MULTILINE | MT_RX_DOTALL;
		b.len = 0;
		gen(&b, 2);
		mt_buf_addc(&b, '\0');
		check_pattern(env, b.buf, flags, 1 + rnd(3), alphabet,
		    sizeof(alphabet) / sizeof(alphabet[0]), 200, &st);
	}
	ck_assert_uint_ge(st.sets, 500);
	ck_assert_uint_ge(st.matches, 5000);
	mt_buf_free(&b);
	mt_rx_env_free(env);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("rxlit");
	TCase *tc = tcase_create("examples");
	TCase *tp = tcase_create("property");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_cases, 0,
	    (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_many);
	tcase_add_test(tc, test_counted);
	tcase_add_test(tc, test_deep);
	suite_add_tcase(s, tc);
	/* A case of their own, for CK_RUN_CASE: seconds under valgrind. */
	tcase_set_timeout(tp, 600);
	tcase_add_test(tp, test_property_fixed);
	tcase_add_test(tp, test_property_random);
	suite_add_tcase(s, tp);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
