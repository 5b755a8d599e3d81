/*
 * Unit tests of mt_conv: Latin-1, Windows-1252 and UTF-16LE to UTF-8,
 * fed whole and in every chunk size and split, each chunk in a block of
 * exactly its size that is freed once converted; bytes a source encoding
 * does not define become U+FFFD and are counted.
 */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_conv.h"
#include "mt_util.h"

/* U+FFFD REPLACEMENT CHARACTER */
#define R	"\xEF\xBF\xBD"

/* Printable form of a byte string for failure messages. */
static const char *
show(const char *s, size_t n)
{
	static char buf[4][512];
	static int which;
	char *b = buf[which++ % 4];
	size_t i, k = 0;

	for (i = 0; i < n && k < sizeof(buf[0]) - 5; i++) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x7F && c != '\\')
			b[k++] = c;
		else
			k += snprintf(b + k, 5, "\\x%02X", c);
	}
	b[k] = '\0';
	return b;
}

static void
put_utf8(struct mt_buf *b, unsigned long cp)
{
	if (cp < 0x80) {
		mt_buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		mt_buf_addc(b, (char)(0xC0 | cp >> 6));
		mt_buf_addc(b, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		mt_buf_addc(b, (char)(0xE0 | cp >> 12));
		mt_buf_addc(b, (char)(0x80 | (cp >> 6 & 0x3F)));
		mt_buf_addc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		mt_buf_addc(b, (char)(0xF0 | cp >> 18));
		mt_buf_addc(b, (char)(0x80 | (cp >> 12 & 0x3F)));
		mt_buf_addc(b, (char)(0x80 | (cp >> 6 & 0x3F)));
		mt_buf_addc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

static void
put_utf16le(struct mt_buf *b, unsigned long cp)
{
	unsigned long hi, lo;

	if (cp < 0x10000) {
		mt_buf_addc(b, (char)(cp & 0xFF));
		mt_buf_addc(b, (char)(cp >> 8));
		return;
	}
	cp -= 0x10000;
	hi = 0xD800 | cp >> 10;
	lo = 0xDC00 | (cp & 0x3FF);
	put_utf16le(b, hi);
	put_utf16le(b, lo);
}

static struct mt_conv *
conv_open(const char *from)
{
	char err[256] = "";
	struct mt_conv *c = mt_conv_open(from, err, sizeof err);

	ck_assert_msg(c != NULL, "mt_conv_open(%s): %s", from, err);
	return c;
}

/* Convert one chunk, from a block of exactly its size, appending to out. */
static void
run_chunk(struct mt_conv *c, const char *p, size_t n, bool last,
    struct mt_buf *out)
{
	char *block = malloc(n > 0 ? n : 1);
	const char *o = NULL;
	size_t k;

	if (block == NULL)
		ck_abort_msg("out of memory");
	if (n > 0)
		memcpy(block, p, n);
	k = mt_conv_run(c, block, n, last, &o);
	free(block);
	if (o == NULL)
		ck_abort_msg("no output pointer");
	mt_buf_add(out, o, k);
}

/*
 * Convert in[0..n) cut at the offsets in cuts (ascending, each <= n),
 * the last chunk with last true; returns the bytes replaced.
 */
static unsigned long
run_cuts(const char *from, const char *in, size_t n, const size_t *cuts,
    size_t ncuts, struct mt_buf *out)
{
	struct mt_conv *c = conv_open(from);
	size_t i, start = 0;
	unsigned long replaced;

	out->len = 0;
	for (i = 0; i < ncuts; i++) {
		run_chunk(c, in + start, cuts[i] - start, false, out);
		start = cuts[i];
	}
	run_chunk(c, in + start, n - start, true, out);
	replaced = mt_conv_replaced(c);
	mt_conv_close(c);
	return replaced;
}

static void
check_output(const char *what, const struct mt_buf *got, const char *want,
    size_t wantn, unsigned long replaced, unsigned long want_replaced)
{
	if (got->len != wantn || memcmp(got->buf, want, wantn) != 0)
		ck_abort_msg("%s: \"%s\", want \"%s\"", what,
		    show(got->buf, got->len), show(want, wantn));
	if (replaced != want_replaced)
		ck_abort_msg("%s: %lu replaced, want %lu", what, replaced,
		    want_replaced);
}

/*
 * in fed whole, in every chunk size from 1 to its length, and split in
 * two at every point: each gives want, with want_replaced replacements.
 */
static void
check_all_chunkings(const char *from, const char *in, size_t n,
    const char *want, size_t wantn, unsigned long want_replaced)
{
	struct mt_buf out = { 0 };
	size_t *cuts = calloc(n + 1, sizeof *cuts), chunk, k, i;
	unsigned long rep;
	char what[128];

	ck_assert_ptr_nonnull(cuts);
	rep = run_cuts(from, in, n, NULL, 0, &out);
	snprintf(what, sizeof what, "%s, whole", from);
	check_output(what, &out, want, wantn, rep, want_replaced);
	for (chunk = 1; chunk <= n; chunk++) {
		for (k = 0, i = chunk; i < n; i += chunk)
			cuts[k++] = i;
		rep = run_cuts(from, in, n, cuts, k, &out);
		snprintf(what, sizeof what, "%s, chunks of %zu", from, chunk);
		check_output(what, &out, want, wantn, rep, want_replaced);
	}
	for (i = 0; i <= n; i++) {
		cuts[0] = i;
		rep = run_cuts(from, in, n, cuts, 1, &out);
		snprintf(what, sizeof what, "%s, split at %zu", from, i);
		check_output(what, &out, want, wantn, rep, want_replaced);
	}
	free(cuts);
	mt_buf_free(&out);
}

/* --- Latin-1 and Windows-1252 -------------------------------------------- */

START_TEST(test_latin1_all_bytes)
{
	static const char *const names[] = { "ISO-8859-1", "LATIN1", "latin1" };
	struct mt_buf want = { 0 };
	char in[256];
	size_t i;

	for (i = 0; i < 256; i++) {
		in[i] = (char)i;
		put_utf8(&want, i);
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		check_all_chunkings(names[i], in, 256, want.buf, want.len, 0);
	mt_buf_free(&want);
}
END_TEST

/* Windows-1252 0x80..0x9F; 0 where the code page defines nothing. */
static const unsigned long cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

START_TEST(test_cp1252_all_bytes)
{
	static const char *const names[] = { "CP1252", "WINDOWS-1252" };
	struct mt_buf want = { 0 };
	unsigned long undefined = 0;
	char in[256];
	size_t i;

	for (i = 0; i < 256; i++) {
		in[i] = (char)i;
		if (i < 0x80 || i > 0x9F) {
			put_utf8(&want, i);
		} else if (cp1252_high[i - 0x80] != 0) {
			put_utf8(&want, cp1252_high[i - 0x80]);
		} else {
			mt_buf_add(&want, R, 3);
			undefined++;
		}
	}
	ck_assert_uint_eq(undefined, 5);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		check_all_chunkings(names[i], in, 256, want.buf, want.len, 5);
	mt_buf_free(&want);
}
END_TEST

/* For string literals: their lengths without the NUL. */
#define CHECK_ALL(from, in, want, replaced) \
	check_all_chunkings(from, in, sizeof(in) - 1, want, sizeof(want) - 1, \
	    replaced)

START_TEST(test_cp1252_undefined)
{
	CHECK_ALL("CP1252", "a\x81" "b", "a" R "b", 1);
	CHECK_ALL("CP1252", "\x81", R, 1);
	CHECK_ALL("CP1252", "\x81\x81\x80", R R "\xE2\x82\xAC", 2);
	CHECK_ALL("CP1252", "Caf\xe9 \x93q\x94 \x8d\x8f\x90\x9d",
	    "Caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D " R R R R, 4);
}
END_TEST

/* A long input, in chunks of a few sizes. */
START_TEST(test_latin1_long)
{
	struct mt_buf in = { 0 }, want = { 0 }, out = { 0 };
	static const size_t chunks[] = { 1, 7, 4096, 65536, 0 };
	size_t i, k, ncuts, *cuts;
	unsigned long rep;
	char what[64];

	for (i = 0; i < 300000; i++) {
		unsigned char c = (unsigned char)(i * 7 + i / 256);

		mt_buf_addc(&in, (char)c);
		put_utf8(&want, c);
	}
	cuts = calloc(in.len + 1, sizeof *cuts);
	ck_assert_ptr_nonnull(cuts);
	for (k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
		ncuts = 0;
		if (chunks[k] > 0)
			for (i = chunks[k]; i < in.len; i += chunks[k])
				cuts[ncuts++] = i;
		rep = run_cuts("ISO-8859-1", in.buf, in.len, cuts, ncuts, &out);
		snprintf(what, sizeof what, "chunks of %zu", chunks[k]);
		check_output(what, &out, want.buf, want.len, rep, 0);
	}
	free(cuts);
	mt_buf_free(&in);
	mt_buf_free(&want);
	mt_buf_free(&out);
}
END_TEST

/* --- UTF-16LE ------------------------------------------------------------ */

START_TEST(test_utf16le_splits)
{
	static const unsigned long text[] = {
		'A', 0xE9, 0x20AC, 0x1F600, '\n', 0x4E2D, 0x10FFFF, 'z',
		0x1F6A2, 0xFFFD, 0,
	};
	struct mt_buf in = { 0 }, want = { 0 };
	size_t i;

	for (i = 0; text[i] != 0; i++) {
		put_utf16le(&in, text[i]);
		put_utf8(&want, text[i]);
	}
	check_all_chunkings("UTF-16LE", in.buf, in.len, want.buf, want.len, 0);
	mt_buf_free(&in);
	mt_buf_free(&want);
}
END_TEST

/* Every split into three chunks of a surrogate pair between letters. */
START_TEST(test_utf16le_three_chunks)
{
	/* a U+1F600 b */
	static const char in[] = "a\0\x3D\xD8\x00\xDE" "b\0";
	static const char want[] = "a\xF0\x9F\x98\x80" "b";
	struct mt_buf out = { 0 };
	size_t cuts[2], n = sizeof in - 1;
	unsigned long rep;
	char what[64];

	for (cuts[0] = 0; cuts[0] <= n; cuts[0]++)
		for (cuts[1] = cuts[0]; cuts[1] <= n; cuts[1]++) {
			rep = run_cuts("UTF-16LE", in, n, cuts, 2, &out);
			snprintf(what, sizeof what, "cut at %zu and %zu",
			    cuts[0], cuts[1]);
			check_output(what, &out, want, sizeof want - 1, rep, 0);
		}
	mt_buf_free(&out);
}
END_TEST

/* An incomplete unit at the very end: one U+FFFD, however it is fed. */
START_TEST(test_utf16le_incomplete_end)
{
	CHECK_ALL("UTF-16LE", "A\0B", "A" R, 1);
	CHECK_ALL("UTF-16LE", "\xAC", R, 1);
}
END_TEST

/* The held bytes are replaced by a last call with nothing new. */
START_TEST(test_incomplete_then_empty_last)
{
	struct mt_conv *c = conv_open("UTF-16LE");
	const char *o;
	size_t k;

	k = mt_conv_run(c, "A\0B", 3, false, &o);
	ck_assert_uint_eq(k, 1);
	ck_assert(memcmp(o, "A", 1) == 0);
	ck_assert_uint_eq(mt_conv_replaced(c), 0);
	k = mt_conv_run(c, "", 0, true, &o);
	ck_assert_uint_eq(k, 3);
	ck_assert(memcmp(o, R, 3) == 0);
	ck_assert_uint_eq(mt_conv_replaced(c), 1);
	mt_conv_close(c);
}
END_TEST

/* Nothing in, nothing out, with a pointer that can be used. */
START_TEST(test_empty)
{
	struct mt_conv *c = conv_open("CP1252");
	const char *o = NULL;

	ck_assert_uint_eq(mt_conv_run(c, "", 0, false, &o), 0);
	ck_assert_ptr_nonnull(o);
	ck_assert_uint_eq(mt_conv_run(c, "", 0, true, &o), 0);
	ck_assert_ptr_nonnull(o);
	ck_assert_uint_eq(mt_conv_replaced(c), 0);
	mt_conv_close(c);
}
END_TEST

/*
 * A UTF-16 unit that is not valid (a lone surrogate) is replaced as a
 * whole: skipping one byte of it would shift every later unit and turn
 * the rest of the input into unrelated characters.
 */
START_TEST(test_utf16le_lone_surrogate)
{
	static const struct {
		const char *in;
		size_t n;
	} cases[] = {
		{ "A\0\x00\xDC" "B\0C\0", 8 },		/* lone low */
		{ "A\0\x3D\xD8" "B\0C\0", 8 },	/* high, then no low */
	};
	struct mt_buf out = { 0 };
	unsigned long rep;
	size_t i, k, r;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rep = run_cuts("UTF-16LE", cases[i].in, cases[i].n, NULL, 0,
		    &out);
		/* "A", then one or more U+FFFD, then "BC" */
		k = 1;
		r = 0;
		while (k + 3 <= out.len && memcmp(out.buf + k, R, 3) == 0) {
			k += 3;
			r++;
		}
		ck_assert_msg(out.len >= 1 && out.buf[0] == 'A' && r >= 1 &&
		    k + 2 == out.len && memcmp(out.buf + k, "BC", 2) == 0,
		    "case %zu: \"%s\", want \"A\", U+FFFD, \"BC\"", i,
		    show(out.buf, out.len));
		ck_assert_uint_eq(rep, r);
	}
	mt_buf_free(&out);
}
END_TEST

/* --- UTF-8 in UTF-8 mode ------------------------------------------------- */

START_TEST(test_utf8_source)
{
	struct mt_buf out = { 0 };
	unsigned long rep;
	size_t k, r;

	CHECK_ALL("UTF-8", "a\xE2\x82\xAC" "b", "a\xE2\x82\xAC" "b", 0);
	CHECK_ALL("UTF-8", "a\xFF" "b", "a" R "b", 1);
	/* an incomplete sequence at the very end: replaced */
	rep = run_cuts("UTF-8", "a\xE2\x82", 3, NULL, 0, &out);
	for (k = 1, r = 0; k + 3 <= out.len && memcmp(out.buf + k, R, 3) == 0;
	    k += 3)
		r++;
	ck_assert_msg(out.buf[0] == 'a' && r >= 1 && k == out.len,
	    "\"%s\"", show(out.buf, out.len));
	ck_assert_uint_eq(rep, r);
	mt_buf_free(&out);
}
END_TEST

START_TEST(test_unknown_encoding)
{
	char err[256] = "";

	ck_assert_ptr_null(mt_conv_open("NO-SUCH-ENCODING", err, sizeof err));
	ck_assert_str_eq(err, "unknown encoding 'NO-SUCH-ENCODING' (iconv -l "
	    "lists the known ones)");
	ck_assert_ptr_null(mt_conv_open("UTF-9", err, 20));
	ck_assert_str_eq(err, "unknown encoding 'U");
}
END_TEST

static Suite *
conv_suite(void)
{
	Suite *s = suite_create("conv");
	TCase *tc;

	tc = tcase_create("single-byte");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_latin1_all_bytes);
	tcase_add_test(tc, test_cp1252_all_bytes);
	tcase_add_test(tc, test_cp1252_undefined);
	tcase_add_test(tc, test_latin1_long);
	tcase_add_test(tc, test_empty);
	suite_add_tcase(s, tc);

	tc = tcase_create("utf16");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_utf16le_splits);
	tcase_add_test(tc, test_utf16le_three_chunks);
	tcase_add_test(tc, test_utf16le_incomplete_end);
	tcase_add_test(tc, test_incomplete_then_empty_last);
	tcase_add_test(tc, test_utf16le_lone_surrogate);
	suite_add_tcase(s, tc);

	tc = tcase_create("other");
	tcase_add_test(tc, test_utf8_source);
	tcase_add_test(tc, test_unknown_encoding);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(conv_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
