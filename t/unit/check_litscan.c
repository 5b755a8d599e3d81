/*
 * Unit tests of mt_litscan: many literals at once, ASCII-caseless.
 */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mt_litscan.h"

#define BIG	((size_t)1 << 24)	/* a table budget that is never hit */
#define MARK	7u

/* A scanner of the literals lits[0..n), literal i for id ids[i]. */
static struct mt_litscan *
scanner(const char *const *lits, const uint32_t *ids, size_t n)
{
	struct mt_litscan *s = mt_litscan_new();
	size_t i;

	for (i = 0; i < n; i++)
		mt_litscan_add(s, lits[i], strlen(lits[i]), ids[i]);
	ck_assert_int_eq(mt_litscan_build(s, BIG), 0);
	return s;
}

/* The ids found in text as a bit mask (ids < 32), seen cleared first. */
static uint32_t
found(const struct mt_litscan *s, const char *text, size_t n)
{
	uint32_t seen[32] = { 0 }, mask = 0, i;

	ck_assert_uint_le(mt_litscan_ids(s), 32);
	mt_litscan_run(s, text, n, seen, MARK);
	for (i = 0; i < 32; i++) {
		ck_assert(seen[i] == 0 || seen[i] == MARK);
		if (seen[i] == MARK)
			mask |= 1u << i;
	}
	return mask;
}

static uint32_t
found_str(const struct mt_litscan *s, const char *text)
{
	return found(s, text, strlen(text));
}

START_TEST(test_single)
{
	static const char *const lits[] = { "abc" };
	static const uint32_t ids[] = { 0 };
	struct mt_litscan *s = scanner(lits, ids, 1);

	ck_assert_uint_eq(mt_litscan_ids(s), 1);
	ck_assert_uint_eq(found_str(s, "abc"), 1);
	ck_assert_uint_eq(found_str(s, "abcxyz"), 1);
	ck_assert_uint_eq(found_str(s, "xyzabc"), 1);
	ck_assert_uint_eq(found_str(s, "xyabcyz"), 1);
	ck_assert_uint_eq(found_str(s, "aabbcc"), 0);
	ck_assert_uint_eq(found_str(s, "ab"), 0);
	ck_assert_uint_eq(found_str(s, "bc"), 0);
	ck_assert_uint_eq(found_str(s, ""), 0);
	/* Only n bytes are read. */
	ck_assert_uint_eq(found(s, "xabc", 3), 0);
	ck_assert_uint_gt(mt_litscan_size(s), 0);
	mt_litscan_free(s);
}
END_TEST

/* A-Z equal a-z, in the literal as in the text; nothing else folds. */
START_TEST(test_caseless)
{
	static const char *const lits[] = { "AbC", "x@y", "[z]" };
	static const uint32_t ids[] = { 0, 1, 2 };
	struct mt_litscan *s = scanner(lits, ids, 3);

	ck_assert_uint_eq(found_str(s, "abc"), 1);
	ck_assert_uint_eq(found_str(s, "ABC"), 1);
	ck_assert_uint_eq(found_str(s, "-aBc-"), 1);
	ck_assert_uint_eq(found_str(s, "X@Y"), 2);
	/* '@' is 'A' - 1 and '`' is 'a' - 1: neighbours, not cases. */
	ck_assert_uint_eq(found_str(s, "x`y"), 0);
	ck_assert_uint_eq(found_str(s, "[Z]"), 4);
	ck_assert_uint_eq(found_str(s, "{z}"), 0);
	mt_litscan_free(s);
}
END_TEST

/* Bytes past ASCII are exact: é (C3 A9) is not É (C3 89). */
START_TEST(test_nonascii)
{
	static const char *const lits[] = { "caf\xc3\xa9", "\xc3\x89t\xc3\xa9" };
	static const uint32_t ids[] = { 0, 1 };
	struct mt_litscan *s = scanner(lits, ids, 2);

	ck_assert_uint_eq(found_str(s, "CAF\xc3\xa9 noir"), 1);
	ck_assert_uint_eq(found_str(s, "CAF\xc3\x89"), 0);
	ck_assert_uint_eq(found_str(s, "\xc3\x89T\xc3\xa9"), 2);
	ck_assert_uint_eq(found_str(s, "\xc3\xa9t\xc3\xa9"), 0);
	mt_litscan_free(s);
}
END_TEST

/* Any bytes, NUL among them; n, not a terminator, ends a literal. */
START_TEST(test_nul)
{
	struct mt_litscan *s = mt_litscan_new();

	mt_litscan_add(s, "a\0b", 3, 0);
	mt_litscan_add(s, "\0", 1, 1);
	ck_assert_int_eq(mt_litscan_build(s, BIG), 0);
	ck_assert_uint_eq(found(s, "xa\0bx", 5), 3);
	ck_assert_uint_eq(found(s, "ab\0", 3), 2);
	ck_assert_uint_eq(found(s, "ab", 2), 0);
	mt_litscan_free(s);
}
END_TEST

START_TEST(test_longer_than_text)
{
	static const char *const lits[] = { "container" };
	static const uint32_t ids[] = { 0 };
	struct mt_litscan *s = scanner(lits, ids, 1);

	ck_assert_uint_eq(found_str(s, "contain"), 0);
	ck_assert_uint_eq(found_str(s, "c"), 0);
	ck_assert_uint_eq(found_str(s, "CONTAINER"), 1);
	mt_litscan_free(s);
}
END_TEST

/* The classic set: overlaps, and "he" ending inside "she" and "hers". */
START_TEST(test_classic)
{
	static const char *const lits[] = { "he", "she", "his", "hers" };
	static const uint32_t ids[] = { 0, 1, 2, 3 };
	struct mt_litscan *s = scanner(lits, ids, 4);

	ck_assert_uint_eq(found_str(s, "ushers"), 1 | 2 | 8);
	ck_assert_uint_eq(found_str(s, "she"), 1 | 2);
	ck_assert_uint_eq(found_str(s, "ahishers"), 15);
	ck_assert_uint_eq(found_str(s, "hi s"), 0);
	ck_assert_uint_eq(found_str(s, "hhis"), 4);
	ck_assert_uint_eq(found_str(s, "SHEHIS"), 1 | 2 | 4);
	mt_litscan_free(s);
}
END_TEST

/*
 * A literal that ends inside another, and is not a prefix of it, is
 * found only through the dictionary links merged into the longer one's
 * state: "bc" in "abcd", "cd" at its end.
 */
START_TEST(test_suffix)
{
	static const char *const lits[] = { "abcd", "cd", "bc", "d" };
	static const uint32_t ids[] = { 0, 1, 2, 3 };
	struct mt_litscan *s = scanner(lits, ids, 4);

	ck_assert_uint_eq(found_str(s, "abcd"), 15);
	ck_assert_uint_eq(found_str(s, "abc"), 4);
	ck_assert_uint_eq(found_str(s, "xbcd"), 2 | 4 | 8);
	ck_assert_uint_eq(found_str(s, "abce"), 4);
	ck_assert_uint_eq(found_str(s, "ABCDABC"), 15);
	mt_litscan_free(s);
}
END_TEST

START_TEST(test_shared_ids)
{
	/* "dg" for two ids; id 2 has three literals, one a copy. */
	static const char *const lits[] = { "dg", "dg", "imo", "un", "IMO" };
	static const uint32_t ids[] = { 0, 1, 2, 2, 2 };
	struct mt_litscan *s = scanner(lits, ids, 5);

	ck_assert_uint_eq(mt_litscan_ids(s), 3);
	ck_assert_uint_eq(found_str(s, "class DG"), 3);
	ck_assert_uint_eq(found_str(s, "UN1203"), 4);
	ck_assert_uint_eq(found_str(s, "imo 3"), 4);
	ck_assert_uint_eq(found_str(s, "DG/UN/imo"), 7);
	ck_assert_uint_eq(found_str(s, "d g"), 0);
	mt_litscan_free(s);
}
END_TEST

/* Repeats: a self-looping state and a chain of nested suffixes. */
START_TEST(test_repeats)
{
	static const char *const lits[] = { "-", "-", "a", "aa", "aaa" };
	static const uint32_t ids[] = { 0, 1, 2, 3, 4 };
	struct mt_litscan *s = scanner(lits, ids, 5);

	ck_assert_uint_eq(found_str(s, "----------"), 3);
	ck_assert_uint_eq(found_str(s, "aAaAaA"), 28);
	ck_assert_uint_eq(found_str(s, "a-a-a"), 7);
	ck_assert_uint_eq(found_str(s, "aa-a"), 15);
	mt_litscan_free(s);
}
END_TEST

/* Only found ids are set, to the mark given; the others keep theirs. */
START_TEST(test_mark)
{
	static const char *const lits[] = { "oil", "gas", "ore" };
	static const uint32_t ids[] = { 0, 5, 2 };
	struct mt_litscan *s = scanner(lits, ids, 3);
	uint32_t seen[6] = { 9, 9, 9, 9, 9, 9 }, i;

	ck_assert_uint_eq(mt_litscan_ids(s), 6);
	mt_litscan_run(s, "crude oil and gas", 17, seen, 1);
	for (i = 0; i < 6; i++)
		ck_assert_uint_eq(seen[i], i == 0 || i == 5 ? 1 : 9);
	/* The next record's mark leaves the last one's where not found. */
	mt_litscan_run(s, "iron ore", 8, seen, 2);
	ck_assert_uint_eq(seen[0], 1);
	ck_assert_uint_eq(seen[2], 2);
	ck_assert_uint_eq(seen[5], 1);
	mt_litscan_run(s, "GAS", 3, seen, 0);
	ck_assert_uint_eq(seen[5], 0);
	mt_litscan_run(s, "", 0, seen, 3);
	mt_litscan_run(s, NULL, 0, seen, 3);
	for (i = 0; i < 6; i++)
		ck_assert_uint_ne(seen[i], 3);
	mt_litscan_free(s);
}
END_TEST

START_TEST(test_maxbytes)
{
	static const char *const lits[] = { "bill of lading", "waybill", "ladder" };
	static const uint32_t ids[] = { 0, 1, 2 };
	struct mt_litscan *s = scanner(lits, ids, 3);
	size_t need = mt_litscan_size(s), i;
	uint32_t seen[3] = { 0 };

	mt_litscan_free(s);
	/* Too small by a byte, or far too small: -1, and run is a no-op. */
	for (i = 0; i < 3; i++) {
		size_t budget = i == 0 ? need - 1 : i == 1 ? 64 : 0;

		s = mt_litscan_new();
		mt_litscan_add(s, lits[0], strlen(lits[0]), 0);
		mt_litscan_add(s, lits[1], strlen(lits[1]), 1);
		mt_litscan_add(s, lits[2], strlen(lits[2]), 2);
		ck_assert_int_eq(mt_litscan_build(s, budget), -1);
		ck_assert_uint_eq(mt_litscan_size(s), 0);
		mt_litscan_run(s, "waybill", 7, seen, 1);
		ck_assert_uint_eq(seen[1], 0);
		mt_litscan_free(s);
	}
	/* Exactly enough is enough. */
	s = mt_litscan_new();
	for (i = 0; i < 3; i++)
		mt_litscan_add(s, lits[i], strlen(lits[i]), (uint32_t)i);
	ck_assert_int_eq(mt_litscan_build(s, need), 0);
	ck_assert_uint_eq(found_str(s, "WAYBILL"), 2);
	mt_litscan_free(s);
}
END_TEST

/* No literals: nothing is found, and the scan still runs. */
START_TEST(test_empty)
{
	struct mt_litscan *s = mt_litscan_new();

	ck_assert_int_eq(mt_litscan_build(s, BIG), 0);
	ck_assert_uint_eq(mt_litscan_ids(s), 0);
	mt_litscan_run(s, "anything", 8, NULL, 1);
	mt_litscan_free(s);
	mt_litscan_free(NULL);
}
END_TEST

/* Every byte a literal of its own: the most classes there can be. */
START_TEST(test_all_bytes)
{
	struct mt_litscan *s = mt_litscan_new();
	uint32_t seen[256] = { 0 }, i;
	char text[256];

	for (i = 0; i < 256; i++) {
		char c = (char)i;

		mt_litscan_add(s, &c, 1, i);
		text[i] = (char)(255 - i);
	}
	ck_assert_int_eq(mt_litscan_build(s, BIG), 0);
	mt_litscan_run(s, text, 256, seen, 1);
	for (i = 0; i < 256; i++)
		ck_assert_uint_eq(seen[i], 1);
	memset(seen, 0, sizeof seen);
	mt_litscan_run(s, "Q", 1, seen, 1);
	for (i = 0; i < 256; i++)
		ck_assert_uint_eq(seen[i], i == 'Q' || i == 'q');
	mt_litscan_free(s);
}
END_TEST

/* xorshift32: the same cases on every machine and every run. */
static uint32_t
rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static int
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether lit occurs in text, caselessly: the obvious way. */
static int
occurs(const char *lit, size_t ln, const char *text, size_t tn)
{
	size_t i, j;

	for (i = 0; i + ln <= tn; i++) {
		for (j = 0; j < ln; j++)
			if (lower((unsigned char)lit[j]) !=
			    lower((unsigned char)text[i + j]))
				break;
		if (j == ln)
			return 1;
	}
	return 0;
}

/*
 * nlit random literals of 1-8 bytes from alpha, for ids below nids, run
 * over random texts of 0-200 bytes: the ids marked must be exactly those
 * the brute-force search finds, and no others touched.
 */
static void
check_random(uint32_t seed, size_t nlit, uint32_t nids, const char *alpha,
    int rounds)
{
	size_t na = strlen(alpha), i, j, tn, *ln = calloc(nlit, sizeof *ln);
	char (*lits)[8] = calloc(nlit, sizeof *lits), text[200];
	uint32_t *id = calloc(nlit, sizeof *id), *seen, *want;
	struct mt_litscan *s = mt_litscan_new();
	uint32_t x = seed * 0x9e3779b9u;	/* spread small seeds */
	int round;

	for (i = 0; i < nlit; i++) {
		ln[i] = 1 + rnd(&x) % 8;
		for (j = 0; j < ln[i]; j++)
			lits[i][j] = alpha[rnd(&x) % na];
		id[i] = rnd(&x) % nids;
		mt_litscan_add(s, lits[i], ln[i], id[i]);
	}
	ck_assert_int_eq(mt_litscan_build(s, BIG), 0);
	seen = calloc(mt_litscan_ids(s), sizeof *seen);
	want = calloc(mt_litscan_ids(s), sizeof *want);
	for (round = 0; round < rounds; round++) {
		tn = rnd(&x) % 201;
		for (i = 0; i < tn; i++)
			text[i] = alpha[rnd(&x) % na];
		for (i = 0; i < mt_litscan_ids(s); i++)
			seen[i] = 2, want[i] = 2;
		for (i = 0; i < nlit; i++)
			if (occurs(lits[i], ln[i], text, tn))
				want[id[i]] = 1;
		mt_litscan_run(s, text, tn, seen, 1);
		for (i = 0; i < mt_litscan_ids(s); i++)
			ck_assert_msg(seen[i] == want[i],
			    "seed %#x round %d: id %zu: want %s", seed, round, i,
			    want[i] == 1 ? "found" : "not found");
	}
	mt_litscan_free(s);
	free(ln);
	free(lits);
	free(id);
	free(seen);
	free(want);
}

/*
 * Sets of 1-50 literals over a small alphabet, so that overlaps, shared
 * prefixes and suffixes abound; ids from a smaller range, so that some
 * are shared.
 */
START_TEST(test_random)
{
	uint32_t seed;

	for (seed = 1; seed <= 500; seed++)
		check_random(seed, 1 + seed * 7919 % 50, 40,
		    "abAB-\xc3\xa9\xe0", 20);
}
END_TEST

/* Thousands of literals: the table needs 32-bit entries. */
START_TEST(test_random_wide)
{
	check_random(0x12345u, 3000, 2000,
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 ./-", 30);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("litscan");
	TCase *tc = tcase_create("litscan");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_single);
	tcase_add_test(tc, test_caseless);
	tcase_add_test(tc, test_nonascii);
	tcase_add_test(tc, test_nul);
	tcase_add_test(tc, test_longer_than_text);
	tcase_add_test(tc, test_classic);
	tcase_add_test(tc, test_suffix);
	tcase_add_test(tc, test_shared_ids);
	tcase_add_test(tc, test_repeats);
	tcase_add_test(tc, test_mark);
	tcase_add_test(tc, test_maxbytes);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_all_bytes);
	tcase_add_test(tc, test_random);
	tcase_add_test(tc, test_random_wide);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
