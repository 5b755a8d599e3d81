/*
 * Unit tests of mt_norm. Every input is copied into a block of exactly
 * its size (an empty input is the end of a one-byte block), and every
 * output buffer is exactly the size the interface promises, so that a
 * read past s + n or a write past the buffer shows under valgrind and
 * AddressSanitizer.
 */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_norm.h"

/* A byte string that may hold NUL: B("a\0b") keeps all three bytes. */
struct bytes {
	const char *p;
	size_t n;
};
#define B(s)	{ (s), sizeof(s) - 1 }

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* U+FFFD REPLACEMENT CHARACTER */
#define R	"\xEF\xBF\xBD"

struct exact {
	char *block;
	const char *p;
	size_t n;
};

static struct exact
exact_copy(const char *s, size_t n)
{
	struct exact e;

	e.block = malloc(n > 0 ? n : 1);
	ck_assert_ptr_nonnull(e.block);
	if (n > 0)
		memcpy(e.block, s, n);
	e.p = n > 0 ? e.block : e.block + 1;
	e.n = n;
	return e;
}

static char *
out_buffer(size_t size)
{
	char *p = malloc(size > 0 ? size : 1);

	ck_assert_ptr_nonnull(p);
	return p;
}

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

/* Result of a normalising call against the expected text, NULL for -1. */
static void
check_result(const char *what, const char *in, size_t inlen, int got,
    const char *out, const char *want, size_t wantlen)
{
	if (want == NULL) {
		ck_assert_msg(got == -1, "%s(\"%s\") = \"%s\", want -1", what,
		    show(in, inlen), got >= 0 ? show(out, got) : "?");
		return;
	}
	ck_assert_msg(got >= 0 && (size_t)got == wantlen &&
	    memcmp(out, want, wantlen) == 0,
	    "%s(\"%s\") = %d \"%s\", want \"%s\"", what, show(in, inlen), got,
	    got >= 0 ? show(out, got) : "", show(want, wantlen));
}

/* Trimming. */

static const struct {
	struct bytes in, want;
} trim_cases[] = {
	{ B("  abc  "), B("abc") },
	{ B("\xC2\xA0" "abc" "\xC2\xA0"), B("abc") },
	{ B("\xC2\xA0 \t abc \r\n\xC2\xA0"), B("abc") },
	{ B(" \t\r\n\v\f "), B("") },
	{ B("\xC2\xA0\xC2\xA0 "), B("") },
	{ B(""), B("") },
	{ B("a b"), B("a b") },
	{ B("a\xC2\xA0" "b"), B("a\xC2\xA0" "b") },
	{ B("\xE2\x80\xAF" "x"), B("\xE2\x80\xAF" "x") },
	{ B("x\xC2"), B("x\xC2") },
	{ B("\xA0x"), B("\xA0x") },
	{ B("\xC2"), B("\xC2") },
	{ B("x\0"), B("x\0") },
};

START_TEST(test_trim)
{
	struct exact e = exact_copy(trim_cases[_i].in.p, trim_cases[_i].in.n);
	const char *s = e.p;
	size_t n = e.n;

	mt_trim(&s, &n);
	ck_assert_msg(n == trim_cases[_i].want.n &&
	    memcmp(s, trim_cases[_i].want.p, n) == 0 &&
	    s >= e.p && s + n <= e.p + e.n,
	    "mt_trim(\"%s\") = \"%s\"", show(e.p, e.n), show(s, n));
	free(e.block);
}
END_TEST

/* Dates. */

static const struct {
	const char *in;
	enum mt_date_order order;
	const char *want;
} date_cases[] = {
	/* year first, whatever the order */
	{ "2026-03-04", MT_DMY, "2026-03-04" },
	{ "2026/03/04", MT_DMY, "2026-03-04" },
	{ "2026.03.04", MT_MDY, "2026-03-04" },
	{ "20260304", MT_YMD, "2026-03-04" },
	{ "20260304", MT_MDY, "2026-03-04" },
	{ "2026-3-4", MT_DMY, "2026-03-04" },
	{ "2026/3/04", MT_MDY, "2026-03-04" },
	{ "2026-03/04", MT_DMY, NULL },
	{ "2026-003-04", MT_DMY, NULL },
	{ "2026-03-004", MT_DMY, NULL },
	/* day or month first */
	{ "04/03/2026", MT_DMY, "2026-03-04" },
	{ "04/03/2026", MT_MDY, "2026-04-03" },
	{ "04/03/2026", MT_YMD, "2026-03-04" },
	{ "03/04/2026", MT_DMY, "2026-04-03" },
	{ "03/04/2026", MT_MDY, "2026-03-04" },
	{ "13/04/2026", MT_MDY, NULL },
	{ "13/04/2026", MT_DMY, "2026-04-13" },
	{ "04/13/2026", MT_MDY, "2026-04-13" },
	{ "04/13/2026", MT_DMY, NULL },
	{ "4.3.2026", MT_DMY, "2026-03-04" },
	{ "04.03.2026", MT_DMY, "2026-03-04" },
	{ "04-03-2026", MT_DMY, "2026-03-04" },
	{ "4/3/2026", MT_MDY, "2026-04-03" },
	{ "4/03/2026", MT_DMY, "2026-03-04" },
	{ "04/03-2026", MT_DMY, NULL },
	{ "04/03/26", MT_DMY, NULL },
	{ "04 03 2026", MT_DMY, NULL },
	{ "004/03/2026", MT_DMY, NULL },
	{ "04/03/02026", MT_DMY, NULL },
	/* month names */
	{ "04-Mar-2026", MT_DMY, "2026-03-04" },
	{ "4-mar-2026", MT_MDY, "2026-03-04" },
	{ "04 Mar 2026", MT_DMY, "2026-03-04" },
	{ "04/Mar/2026", MT_DMY, "2026-03-04" },
	{ "04-Mar-26", MT_DMY, "2026-03-04" },
	{ "04-MAR-99", MT_DMY, "1999-03-04" },
	{ "4-mar-70", MT_DMY, "1970-03-04" },
	{ "4-mar-69", MT_DMY, "2069-03-04" },
	{ "31-Dec-00", MT_DMY, "2000-12-31" },
	{ "4 Mar 26", MT_DMY, "2026-03-04" },
	{ "4 March 2026", MT_DMY, "2026-03-04" },
	{ "4 SEPTEMBER 2026", MT_DMY, "2026-09-04" },
	{ "4-Sept-2026", MT_DMY, "2026-09-04" },
	{ "4 sep 2026", MT_DMY, "2026-09-04" },
	{ "1 jan 2026", MT_DMY, "2026-01-01" },
	{ "28 Feb 2026", MT_DMY, "2026-02-28" },
	{ "30-apr-2026", MT_DMY, "2026-04-30" },
	{ "31 may 2026", MT_DMY, "2026-05-31" },
	{ "30 Jun 2026", MT_DMY, "2026-06-30" },
	{ "31 July 2026", MT_DMY, "2026-07-31" },
	{ "31 Aug 2026", MT_DMY, "2026-08-31" },
	{ "31 oct 2026", MT_DMY, "2026-10-31" },
	{ "30 NOV 2026", MT_DMY, "2026-11-30" },
	{ "31 December 2026", MT_DMY, "2026-12-31" },
	{ "Mar 4, 2026", MT_DMY, "2026-03-04" },
	{ "March 4, 2026", MT_DMY, "2026-03-04" },
	{ "SEPT 4, 2026", MT_DMY, "2026-09-04" },
	{ "Sep 04 2026", MT_DMY, "2026-09-04" },
	{ "May 31,2026", MT_DMY, "2026-05-31" },
	{ "june 1, 2026", MT_DMY, "2026-06-01" },
	{ "4-Mar/2026", MT_DMY, NULL },
	{ "4.Mar.2026", MT_DMY, NULL },
	{ "4-Marc-2026", MT_DMY, NULL },
	{ "4-Ma-2026", MT_DMY, NULL },
	{ "4-Mar-202", MT_DMY, NULL },
	{ "4-Mar-2", MT_DMY, NULL },
	{ "4-Mar-02026", MT_DMY, NULL },
	{ "4-Septem-2026", MT_DMY, NULL },
	{ "4-Septembers-2026", MT_DMY, NULL },
	{ "Mar 4 , 2026", MT_DMY, NULL },
	{ "Mar 4, 26", MT_DMY, NULL },
	{ "Mar4, 2026", MT_DMY, NULL },
	{ "Mar 2026", MT_DMY, NULL },
	{ "Foo 4, 2026", MT_DMY, NULL },
	{ "31 Feb 2026", MT_DMY, NULL },
	/* a time is ignored */
	{ "2026-03-04T10:00", MT_DMY, "2026-03-04" },
	{ "2026-03-04 10:00:00", MT_DMY, "2026-03-04" },
	{ "04/03/2026 00:00", MT_DMY, "2026-03-04" },
	{ "03/04/2026 00:00", MT_MDY, "2026-03-04" },
	{ "2026-03-04T10:00:00Z", MT_DMY, "2026-03-04" },
	{ "2026-03-04T10:00:00.123+01:00", MT_DMY, "2026-03-04" },
	{ "20260304 9:30", MT_DMY, "2026-03-04" },
	{ "04-Mar-2026 10:00 PM", MT_DMY, "2026-03-04" },
	{ "Mar 4, 2026 23:59", MT_DMY, "2026-03-04" },
	{ "2026-03-04  10:00", MT_DMY, "2026-03-04" },
	{ "2026-03-04t10:00", MT_DMY, "2026-03-04" },
	{ "2026-03-04T24:00", MT_DMY, NULL },
	{ "2026-03-04T10:60", MT_DMY, NULL },
	{ "2026-03-04 10", MT_DMY, NULL },
	{ "2026-03-04T", MT_DMY, NULL },
	{ "2026-03-04x", MT_DMY, NULL },
	{ "2026-03-04 x", MT_DMY, NULL },
	{ "2026-03-04T10:0", MT_DMY, NULL },
	{ "2026-03-04T10:000", MT_DMY, NULL },
	{ "2026-03-04T100:00", MT_DMY, NULL },
	{ "2026-03-04\t10:00", MT_DMY, NULL },
	{ "2026-03-04T:00", MT_DMY, NULL },
	/* the calendar */
	{ "2026-02-30", MT_DMY, NULL },
	{ "2025-02-29", MT_DMY, NULL },
	{ "2024-02-29", MT_DMY, "2024-02-29" },
	{ "2000-02-29", MT_DMY, "2000-02-29" },
	{ "1900-02-29", MT_DMY, NULL },
	{ "2026-02-28", MT_DMY, "2026-02-28" },
	{ "2026-04-31", MT_DMY, NULL },
	{ "2026-04-30", MT_DMY, "2026-04-30" },
	{ "2026-12-31", MT_DMY, "2026-12-31" },
	{ "2026-13-01", MT_DMY, NULL },
	{ "2026-00-10", MT_DMY, NULL },
	{ "2026-01-00", MT_DMY, NULL },
	{ "2026-01-32", MT_DMY, NULL },
	{ "1899-12-31", MT_DMY, NULL },
	{ "1900-01-01", MT_DMY, "1900-01-01" },
	{ "2099-12-31", MT_DMY, "2099-12-31" },
	{ "2100-01-01", MT_DMY, NULL },
	{ "29/02/2024", MT_DMY, "2024-02-29" },
	{ "02/29/2024", MT_MDY, "2024-02-29" },
	{ "29-Feb-2025", MT_DMY, NULL },
	{ "30/02/2026", MT_DMY, NULL },
	/* trimming and garbage */
	{ "  2026-03-04  ", MT_DMY, "2026-03-04" },
	{ "\xC2\xA0" "2026-03-04" "\xC2\xA0", MT_DMY, "2026-03-04" },
	{ "", MT_DMY, NULL },
	{ "   ", MT_DMY, NULL },
	{ "abc", MT_DMY, NULL },
	{ "2026", MT_DMY, NULL },
	{ "2026-03", MT_DMY, NULL },
	{ "2026-03-", MT_DMY, NULL },
	{ "202603041", MT_DMY, NULL },
	{ "2026030", MT_DMY, NULL },
	{ "tomorrow", MT_DMY, NULL },
	{ "32/01/2026", MT_DMY, NULL },
	{ "-2026-03-04", MT_DMY, NULL },
	{ "2026--03-04", MT_DMY, NULL },
	{ "2026-03-04-", MT_DMY, NULL },
	{ "4", MT_DMY, NULL },
	{ "4/", MT_DMY, NULL },
	{ "4-", MT_DMY, NULL },
	{ "4-M", MT_DMY, NULL },
	{ "Mar", MT_DMY, NULL },
	{ "Mar ", MT_DMY, NULL },
	{ "Mar 4", MT_DMY, NULL },
	{ "Mar 4,", MT_DMY, NULL },
	{ "0000-00-00", MT_DMY, NULL },
	{ "99999999", MT_DMY, NULL },
};

START_TEST(test_date)
{
	const char *in = date_cases[_i].in, *want = date_cases[_i].want;
	struct exact e = exact_copy(in, strlen(in));
	char *out = out_buffer(mt_norm_outsize(e.n));
	int got = mt_norm_date(e.p, e.n, date_cases[_i].order, out);

	check_result("mt_norm_date", e.p, e.n, got, out, want,
	    want ? strlen(want) : 0);
	free(out);
	free(e.block);
}
END_TEST

/* Every day from 1900 to 2099 round-trips, and the day after each month's last is refused. */
START_TEST(test_date_calendar)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	char in[40], out[40 + 64];
	int y, m, d, last, got, ndays = 0;

	for (y = 1900; y <= 2099; y++) {
		for (m = 1; m <= 12; m++) {
			last = mdays[m - 1];
			if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
				last = 29;
			for (d = 1; d <= last + 1; d++) {
				snprintf(in, sizeof(in), "%d/%d/%04d", d, m, y);
				got = mt_norm_date(in, strlen(in), MT_DMY, out);
				if (d > last) {
					ck_assert_msg(got == -1, "%s accepted", in);
					continue;
				}
				snprintf(in, sizeof(in), "%04d-%02d-%02d", y, m, d);
				ck_assert_msg(got == 10 && memcmp(out, in, 10) == 0,
				    "day %d/%d/%d", d, m, y);
				ndays++;
			}
		}
	}
	/* 200 years of 365 days, plus 49 leap days (2000 is one, 1900 not) */
	ck_assert_int_eq(ndays, 200 * 365 + 49);
}
END_TEST

/* Decimals. */

#define A	MT_DEC_AUTO
#define P	MT_DEC_POINT
#define C	MT_DEC_COMMA

static const struct {
	struct bytes in;
	enum mt_decimal dec;
	const char *want;
	size_t used;
} decimal_cases[] = {
	{ B("12.345,5"), A, "12345.5", 8 },
	{ B("12.345,5"), C, "12345.5", 8 },
	{ B("12.345,5"), P, "12.345", 6 },
	{ B("12,345.5"), A, "12345.5", 8 },
	{ B("12,345.5"), P, "12345.5", 8 },
	{ B("12,345.5"), C, "12.345", 6 },
	{ B("1,234"), A, "1234", 5 },
	{ B("1,234"), P, "1234", 5 },
	{ B("1,234"), C, "1.234", 5 },
	{ B("1,5"), A, "1.5", 3 },
	{ B("1,5"), C, "1.5", 3 },
	{ B("1,5"), P, "1", 1 },
	{ B("1.234"), A, "1234", 5 },
	{ B("1.234"), P, "1.234", 5 },
	{ B("1.234"), C, "1234", 5 },
	{ B("1.5"), A, "1.5", 3 },
	{ B("1,234,567.89"), A, "1234567.89", 12 },
	{ B("1,234,567.89"), P, "1234567.89", 12 },
	{ B("1.234.567,89"), A, "1234567.89", 12 },
	{ B("1,234,567"), A, "1234567", 9 },
	{ B("1.234.567"), A, "1234567", 9 },
	{ B("12 345,5"), A, "12345.5", 8 },
	{ B("12 345,5"), C, "12345.5", 8 },
	{ B("12 345.5"), A, "12345.5", 8 },
	{ B("12 345,500"), A, "12345.5", 10 },
	{ B("1 234,567"), A, "1234.567", 9 },
	{ B("12'345.50"), A, "12345.5", 9 },
	{ B("12'345.50"), P, "12345.5", 9 },
	{ B("1'234'567.5"), A, "1234567.5", 11 },
	{ B("1\xC2\xA0" "234,5"), A, "1234.5", 8 },
	{ B("1\xE2\x80\xAF" "234,5"), A, "1234.5", 9 },
	{ B("1\xE2\x80\xAF" "234,5"), C, "1234.5", 9 },
	{ B("1 234 567"), A, "1234567", 9 },
	{ B("0012345.50"), A, "12345.5", 10 },
	{ B("0012345.50"), P, "12345.5", 10 },
	{ B("-0.0"), A, "0", 4 },
	{ B("-0"), A, "0", 2 },
	{ B("+0"), A, "0", 2 },
	{ B("-000.000"), A, "0", 8 },
	{ B("+3"), A, "3", 2 },
	{ B("-3"), A, "-3", 2 },
	{ B(".5"), A, "0.5", 2 },
	{ B(".5"), P, "0.5", 2 },
	{ B(",5"), C, "0.5", 2 },
	{ B(",5"), A, "0.5", 2 },
	{ B("5."), A, "5", 2 },
	{ B("5."), P, "5", 2 },
	{ B("5,"), A, "5", 2 },
	{ B("5,"), P, "5", 1 },
	{ B("5,"), C, "5", 2 },
	{ B("-.5"), A, "-0.5", 3 },
	{ B("-0.50"), A, "-0.5", 5 },
	{ B("-12.340"), P, "-12.34", 7 },
	/* one '.' before exactly three digits is read as grouping by AUTO */
	{ B("-12.340"), A, "-12340", 7 },
	{ B("907.185"), A, "907185", 7 },
	{ B("907.1850"), A, "907.185", 8 },
	/* Indian grouping */
	{ B("1,23,456"), A, "123456", 8 },
	{ B("1,23,456"), P, "123456", 8 },
	{ B("12,34,56,789"), A, "123456789", 12 },
	{ B("1,23,456.78"), A, "123456.78", 11 },
	{ B("1,23"), A, "1.23", 4 },
	{ B("1,23"), P, "1", 1 },
	{ B("1,23,45"), A, "1", 1 },
	{ B("1,23,456,789"), P, "123456", 8 },
	{ B("123,45,678"), P, "123", 3 },
	{ B("1,234,56"), P, "1234", 5 },
	{ B("1,2345"), P, "1", 1 },
	/* where grouping cannot be */
	{ B("1234,567"), A, "1234.567", 8 },
	{ B("1234.567"), A, "1234.567", 8 },
	{ B("0.500"), A, "0.5", 5 },
	{ B("0,500"), A, "0.5", 5 },
	{ B("0,123"), P, "0", 1 },
	{ B("1,234 567"), A, "1234", 5 },
	{ B("1,234.5"), C, "1.234", 5 },
	{ B("1, 234"), A, "1", 2 },
	{ B("1..5"), A, "1", 2 },
	/* no exponent; stops before what cannot continue */
	{ B("1e5"), A, "1", 1 },
	{ B(" 12 kg"), A, "12", 3 },
	{ B("12 CTNS"), A, "12", 2 },
	{ B("\xC2\xA0" "7"), A, "7", 3 },
	{ B("\t-7\n"), A, "-7", 3 },
	{ B("007"), A, "7", 3 },
	{ B("000"), A, "0", 3 },
	{ B("0.000"), A, "0", 5 },
	{ B("12345678901234567890123.45"), A, "12345678901234567890123.45", 26 },
	{ B("1\0" "5"), A, "1", 1 },
	/* no digit */
	{ B("abc"), A, NULL, 0 },
	{ B(""), A, NULL, 0 },
	{ B("-"), A, NULL, 0 },
	{ B("+"), A, NULL, 0 },
	{ B("."), A, NULL, 0 },
	{ B("-."), A, NULL, 0 },
	{ B(" "), A, NULL, 0 },
	{ B(","), C, NULL, 0 },
	{ B("e5"), A, NULL, 0 },
	{ B("- 5"), A, NULL, 0 },
	{ B("--5"), A, NULL, 0 },
	{ B(",5"), P, NULL, 0 },
};

START_TEST(test_decimal)
{
	struct exact e = exact_copy(decimal_cases[_i].in.p,
	    decimal_cases[_i].in.n);
	const char *want = decimal_cases[_i].want;
	char *out = out_buffer(mt_norm_outsize(e.n));
	size_t used = 12345;
	double val = 0.5;
	int got = mt_norm_decimal(e.p, e.n, decimal_cases[_i].dec, out, &val,
	    &used);

	check_result("mt_norm_decimal", e.p, e.n, got, out, want,
	    want ? strlen(want) : 0);
	ck_assert_msg(used == decimal_cases[_i].used,
	    "mt_norm_decimal(\"%s\", %d): used %zu, want %zu", show(e.p, e.n),
	    decimal_cases[_i].dec, used, decimal_cases[_i].used);
	if (got >= 0)
		ck_assert_msg(!signbit(val) || out[0] == '-',
		    "negative value for \"%s\"", show(out, got));
	/* NULL for *val and *used is allowed */
	ck_assert_int_eq(mt_norm_decimal(e.p, e.n, decimal_cases[_i].dec, out,
	    NULL, NULL), got);
	free(out);
	free(e.block);
}
END_TEST

static const struct {
	const char *in;
	enum mt_decimal dec;
	double val;
} value_cases[] = {
	{ "12345.5", A, 12345.5 },
	{ "-0.5", A, -0.5 },
	{ "0.1", A, 0.1 },
	{ "0.3", A, 0.3 },
	{ "1e5", A, 1.0 },
	{ "1,234,567.89", A, 1234567.89 },
	{ "1.234.567,89", A, 1234567.89 },
	{ "0.000001", A, 1e-6 },
	{ "123456789012345", A, 123456789012345.0 },
	{ "999999999999999", A, 999999999999999.0 },
	{ "0.123456789012345", A, 0.123456789012345 },
	{ "-0", A, 0.0 },
	{ "907.185", P, 907.185 },
	{ "45.359", P, 45.359 },
	{ "12345678901234567890123456789", A, 1.2345678901234568e28 },
	{ "0.00000000000000000000000001", A, 1e-26 },
	{ "1000000000000000000000000000000", A, 1e30 },
};

START_TEST(test_decimal_value)
{
	const char *in = value_cases[_i].in;
	struct exact e = exact_copy(in, strlen(in));
	char *out = out_buffer(mt_norm_outsize(e.n));
	double val = -12345, want = value_cases[_i].val;
	int got = mt_norm_decimal(e.p, e.n, value_cases[_i].dec, out, &val,
	    NULL);

	ck_assert_int_ge(got, 1);
	if (fabs(want) < 1e15 && fabs(want) > 1e-15)
		ck_assert_msg(val == want, "value of \"%s\" = %.17g, want %.17g",
		    in, val, want);
	else
		ck_assert_msg(fabs(val - want) <= fabs(want) * 1e-15,
		    "value of \"%s\" = %.17g, want %.17g", in, val, want);
	ck_assert(!signbit(val) || want < 0);
	free(out);
	free(e.block);
}
END_TEST

/* Weights and units. */

static const struct {
	const char *in;
	enum mt_decimal dec;
	int unit;
	const char *want;
} weight_cases[] = {
	{ "1.234,5 kg", A, MT_UNIT_NONE, "1234.5" },
	{ "2,000 LBS", A, MT_UNIT_NONE, "907.185" },
	{ "12.5 t", A, MT_UNIT_NONE, "12500" },
	{ "12.5 MT", A, MT_UNIT_NONE, "12500" },
	{ "12.5mt", A, MT_UNIT_NONE, "12500" },
	{ "1 lb", A, MT_UNIT_NONE, "0.454" },
	{ "1 lb", A, MT_UNIT_KG, "0.454" },
	{ "100", A, MT_UNIT_LB, "45.359" },
	{ "100 kg", A, MT_UNIT_LB, "100" },
	{ "100 kg", A, MT_UNIT_T, "100" },
	{ "12 furlongs", A, MT_UNIT_NONE, NULL },
	{ "100", A, MT_UNIT_NONE, "100" },
	{ "100", A, MT_UNIT_KG, "100" },
	{ "100", A, MT_UNIT_T, "100000" },
	{ "0012.50", A, MT_UNIT_NONE, "12.5" },
	{ "0012.50 KGS", A, MT_UNIT_LB, "12.5" },
	{ "0.0001 t", A, MT_UNIT_NONE, "0.1" },
	{ "0.0000001 t", A, MT_UNIT_NONE, "0" },
	{ "-1 lb", A, MT_UNIT_NONE, "-0.454" },
	{ "-0.0001 lb", A, MT_UNIT_NONE, "0" },
	{ "1.0005 t", A, MT_UNIT_NONE, "1000.5" },
	{ "2.5 t", A, MT_UNIT_NONE, "2500" },
	{ "0.5 lb", A, MT_UNIT_NONE, "0.227" },
	{ "5 pounds", A, MT_UNIT_NONE, "2.268" },
	{ "1,000.000 lbs", A, MT_UNIT_NONE, "453.592" },
	{ "1 KGS.", A, MT_UNIT_NONE, "1" },
	{ "3 Metric Tons", A, MT_UNIT_NONE, "3000" },
	{ "2 tonnes", A, MT_UNIT_NONE, "2000" },
	{ "12,5 KGM", C, MT_UNIT_NONE, "12.5" },
	{ "1 LBR", A, MT_UNIT_NONE, "0.454" },
	{ "1.5 TNE", A, MT_UNIT_NONE, "1500" },
	{ " 7 kg ", A, MT_UNIT_NONE, "7" },
	{ "1000000000000 t", A, MT_UNIT_NONE, "1000000000000000" },
	{ "10000000000000000 t", A, MT_UNIT_NONE, NULL },
	{ "12 kg gross", A, MT_UNIT_NONE, NULL },
	{ "1e5 kg", A, MT_UNIT_NONE, NULL },
	{ "1,234.5 kg", C, MT_UNIT_NONE, NULL },
	{ "kg", A, MT_UNIT_NONE, NULL },
	{ "kg 12", A, MT_UNIT_NONE, NULL },
	{ "", A, MT_UNIT_NONE, NULL },
	{ "  ", A, MT_UNIT_NONE, NULL },
	{ "5", A, 7, NULL },
	{ "5 kg", A, 7, "5" },
};

START_TEST(test_weight)
{
	const char *in = weight_cases[_i].in, *want = weight_cases[_i].want;
	struct exact e = exact_copy(in, strlen(in));
	char *out = out_buffer(mt_norm_outsize(e.n));
	double kg = -12345;
	int got = mt_norm_weight(e.p, e.n, weight_cases[_i].dec,
	    (enum mt_unit)weight_cases[_i].unit, out, &kg);
	char text[64];

	check_result("mt_norm_weight", e.p, e.n, got, out, want,
	    want ? strlen(want) : 0);
	if (got >= 0) {
		/* *kg is the value written */
		memcpy(text, out, got);
		text[got] = '\0';
		ck_assert_msg(kg == strtod(text, NULL), "*kg %.17g for \"%s\"",
		    kg, text);
		ck_assert(!signbit(kg) || kg < 0);
		ck_assert_int_eq(mt_norm_weight(e.p, e.n, weight_cases[_i].dec,
		    (enum mt_unit)weight_cases[_i].unit, out, NULL), got);
	}
	free(out);
	free(e.block);
}
END_TEST

static const struct {
	const char *in;
	int want;
} unit_cases[] = {
	{ "", MT_UNIT_NONE },
	{ "  ", MT_UNIT_NONE },
	{ "kg", MT_UNIT_KG },
	{ " KG ", MT_UNIT_KG },
	{ "Kgs.", MT_UNIT_KG },
	{ "kilo", MT_UNIT_KG },
	{ "KILOS", MT_UNIT_KG },
	{ "kilogram", MT_UNIT_KG },
	{ "Kilograms", MT_UNIT_KG },
	{ "KGM", MT_UNIT_KG },
	{ "\xC2\xA0kg\xC2\xA0", MT_UNIT_KG },
	{ "lb", MT_UNIT_LB },
	{ "LBS", MT_UNIT_LB },
	{ "lb.", MT_UNIT_LB },
	{ "pound", MT_UNIT_LB },
	{ "Pounds", MT_UNIT_LB },
	{ "LBR", MT_UNIT_LB },
	{ "t", MT_UNIT_T },
	{ "T.", MT_UNIT_T },
	{ "mt", MT_UNIT_T },
	{ "MT.", MT_UNIT_T },
	{ "ton", MT_UNIT_T },
	{ "tons", MT_UNIT_T },
	{ "tonne", MT_UNIT_T },
	{ "TONNES", MT_UNIT_T },
	{ "metric ton", MT_UNIT_T },
	{ "Metric  Tons", MT_UNIT_T },
	{ "metric\ttonne", MT_UNIT_T },
	{ "metric tonnes.", MT_UNIT_T },
	{ "TNE", MT_UNIT_T },
	{ ".", -1 },
	{ " . ", -1 },
	{ "kg kg", -1 },
	{ "furlongs", -1 },
	{ "g", -1 },
	{ "kg..", -1 },
	{ "kg .", -1 },
	{ "k g", -1 },
	{ "metrictons", -1 },
	{ "metric", -1 },
	{ "a very long unit name", -1 },
	{ "metric tonnes tonnes", -1 },
};

START_TEST(test_unit)
{
	const char *in = unit_cases[_i].in;
	struct exact e = exact_copy(in, strlen(in));
	int got = mt_norm_unit(e.p, e.n);

	ck_assert_msg(got == unit_cases[_i].want, "mt_norm_unit(\"%s\") = %d, want %d",
	    in, got, unit_cases[_i].want);
	free(e.block);
}
END_TEST

/* Counts. */

static const struct {
	const char *in;
	enum mt_decimal dec;
	const char *want;
	long long count;
	const char *rest;
} count_cases[] = {
	{ "12 CTNS", A, "12", 12, "CTNS" },
	{ "1,200", A, "1200", 1200, "" },
	{ "-3", A, "-3", -3, "" },
	{ "12.0", A, "12", 12, "" },
	{ "12.00 PKGS", A, "12", 12, "PKGS" },
	{ "12CTNS", A, "12", 12, "CTNS" },
	{ " 7  pallets  ", A, "7", 7, "pallets" },
	{ "1.200 CTNS", C, "1200", 1200, "CTNS" },
	{ "1 234 BAGS", A, "1234", 1234, "BAGS" },
	{ "12 x 20' containers", A, "12", 12, "x 20' containers" },
	{ "0", A, "0", 0, "" },
	{ "-0", A, "0", 0, "" },
	{ "9223372036854775807", A, "9223372036854775807", LLONG_MAX, "" },
	{ "-9223372036854775807", A, "-9223372036854775807", -LLONG_MAX, "" },
	{ "12.5", A, NULL, 0, NULL },
	{ "1.200", P, NULL, 0, NULL },
	{ "x", A, NULL, 0, NULL },
	{ "", A, NULL, 0, NULL },
	{ "CTNS 12", A, NULL, 0, NULL },
	{ "9223372036854775808", A, NULL, 0, NULL },
	{ "99999999999999999999", A, NULL, 0, NULL },
};

START_TEST(test_count)
{
	const char *in = count_cases[_i].in, *want = count_cases[_i].want;
	struct exact e = exact_copy(in, strlen(in));
	char *out = out_buffer(mt_norm_outsize(e.n));
	long long count = -12345;
	const char *rest = NULL;
	size_t restn = 12345;
	int got = mt_norm_count(e.p, e.n, count_cases[_i].dec, out, &count,
	    &rest, &restn);

	check_result("mt_norm_count", e.p, e.n, got, out, want,
	    want ? strlen(want) : 0);
	if (want != NULL) {
		ck_assert_msg(count == count_cases[_i].count,
		    "count of \"%s\" = %lld", in, count);
		ck_assert_msg(rest >= e.p && rest + restn <= e.p + e.n &&
		    restn == strlen(count_cases[_i].rest) &&
		    memcmp(rest, count_cases[_i].rest, restn) == 0,
		    "rest of \"%s\" = \"%s\"", in, show(rest, restn));
		ck_assert_int_eq(mt_norm_count(e.p, e.n, count_cases[_i].dec,
		    out, NULL, NULL, NULL), got);
	}
	free(out);
	free(e.block);
}
END_TEST

/* Codes and places. */

static const struct {
	struct bytes in;
	const char *drop;
	struct bytes want;
} code_cases[] = {
	{ B("csqu 305438-3"), " -./", B("CSQU3054383") },
	{ B("CSQU 305438/3"), " -./", B("CSQU3054383") },
	{ B("4011.20.00"), " .", B("40112000") },
	{ B("4011 20 00"), " .", B("40112000") },
	{ B("abc-1"), NULL, B("ABC-1") },
	{ B("abc-1"), "", B("ABC-1") },
	{ B(" ab "), NULL, B("AB") },
	{ B("\xC2\xA0" "ab"), NULL, B("AB") },
	{ B(""), " ", B("") },
	{ B("   "), NULL, B("") },
	{ B("a b"), NULL, B("A B") },
	{ B("\xC3\xA4x"), NULL, B("\xC3\xA4X") },
	{ B("x\xE1y"), NULL, B("X\xE1Y") },
	{ B("a\0b"), "", B("A\0B") },
	{ B("a\0b"), NULL, B("A\0B") },
	{ B("zZ09@[`{"), NULL, B("ZZ09@[`{") },
	{ B("--..//"), " -./", B("") },
};

START_TEST(test_code)
{
	struct exact e = exact_copy(code_cases[_i].in.p, code_cases[_i].in.n);
	char *out = out_buffer(mt_norm_outsize(e.n));
	int got = mt_norm_code(e.p, e.n, code_cases[_i].drop, out);

	check_result("mt_norm_code", e.p, e.n, got, out, code_cases[_i].want.p,
	    code_cases[_i].want.n);
	free(out);
	free(e.block);
}
END_TEST

static const struct {
	const char *in, *want;
} locode_cases[] = {
	{ "nl rtm", "NLRTM" },
	{ "NL-RTM", "NLRTM" },
	{ "NL.RTM", "NLRTM" },
	{ "NLRTM", "NLRTM" },
	{ "nlrtm", "NLRTM" },
	{ " NL RTM ", "NLRTM" },
	{ "\xC2\xA0nl-rtm", "NLRTM" },
	{ "NL  RTM", "NL RTM" },
	{ "N LRTM", "N LRTM" },
	{ "NLRT-M", "NLRT-M" },
	{ "us2ny", "US2NY" },
	{ "", "" },
	{ "NL", "NL" },
	{ "NL-", "NL" },
};

START_TEST(test_locode)
{
	const char *in = locode_cases[_i].in, *want = locode_cases[_i].want;
	struct exact e = exact_copy(in, strlen(in));
	char *out = out_buffer(mt_norm_outsize(e.n));
	int got = mt_norm_locode(e.p, e.n, out);

	check_result("mt_norm_locode", e.p, e.n, got, out, want, strlen(want));
	free(out);
	free(e.block);
}
END_TEST

static const struct {
	const char *in, *want;
} places_cases[] = {
	{ "NL RTM SG SIN", "NLRTM SGSIN" },
	{ "CNSHA > SGSIN > NLRTM", "CNSHA SGSIN NLRTM" },
	{ "CNSHA,SGSIN", "CNSHA SGSIN" },
	{ "", "" },
	{ "  ", "" },
	{ ",;/|>", "" },
	{ " - -> ", "" },
	{ "cnsha; sgsin | nl-rtm / aeJEA", "CNSHA SGSIN NLRTM AEJEA" },
	{ "CNSHA -> SGSIN", "CNSHA SGSIN" },
	{ "CNSHA->SGSIN", "CNSHA SGSIN" },
	{ "CNSHA-->SGSIN", "CNSHA SGSIN" },
	{ "CNSHA - SGSIN - NLRTM", "CNSHA SGSIN NLRTM" },
	{ "CNSHA-", "CNSHA" },
	{ "-CNSHA", "-CNSHA" },
	{ "NL--RTM", "NL-RTM" },
	{ "NL,RTM", "NL RTM" },
	{ "NL RTM SG", "NLRTM SG" },
	{ "NL SG SIN", "NL SGSIN" },
	{ "NL RTM RTM", "NLRTM RTM" },
	{ ",,CNSHA,,", "CNSHA" },
	{ "nl rtm", "NLRTM" },
	{ "NL\tRTM\nSG SIN", "NLRTM SGSIN" },
	{ "CN SHA\xC2\xA0SG SIN", "CNSHA SGSIN" },
	{ "N1 RTM", "N1 RTM" },
	{ "NL RT1", "NLRT1" },
	{ "NL-RTM SG-SIN", "NLRTM SGSIN" },
	{ "NL > RTM", "NL RTM" },
};

START_TEST(test_places)
{
	const char *in = places_cases[_i].in, *want = places_cases[_i].want;
	struct exact e = exact_copy(in, strlen(in));
	char *out = out_buffer(mt_norm_outsize(e.n));
	int got = mt_norm_places(e.p, e.n, out);

	check_result("mt_norm_places", e.p, e.n, got, out, want, strlen(want));
	free(out);
	free(e.block);
}
END_TEST

/* UTF-8. */

static const struct {
	struct bytes in, want;
	size_t bad;
} utf8_cases[] = {
	{ B(""), B(""), 0 },
	{ B("plain ascii text, longer than sixteen bytes"),
	  B("plain ascii text, longer than sixteen bytes"), 0 },
	{ B("caf\xC3\xA9"), B("caf\xC3\xA9"), 0 },
	{ B("\xE2\x82\xAC 5"), B("\xE2\x82\xAC 5"), 0 },
	{ B("\xF0\x9F\x9A\xA2"), B("\xF0\x9F\x9A\xA2"), 0 },
	{ B("\xC2\x80"), B("\xC2\x80"), 0 },
	{ B("\xDF\xBF"), B("\xDF\xBF"), 0 },
	{ B("\xE0\xA0\x80"), B("\xE0\xA0\x80"), 0 },
	{ B("\xED\x9F\xBF"), B("\xED\x9F\xBF"), 0 },
	{ B("\xEE\x80\x80"), B("\xEE\x80\x80"), 0 },
	{ B("\xEF\xBF\xBF"), B("\xEF\xBF\xBF"), 0 },
	{ B("\xF0\x90\x80\x80"), B("\xF0\x90\x80\x80"), 0 },
	{ B("\xF4\x8F\xBF\xBF"), B("\xF4\x8F\xBF\xBF"), 0 },
	{ B("a\0b"), B("a\0b"), 0 },
	/* lone continuation bytes */
	{ B("\x80"), B(R), 1 },
	{ B("a\xBF" "b"), B("a" R "b"), 1 },
	{ B("\x80\x80"), B(R R), 2 },
	{ B("\xC3\xA9\xA9"), B("\xC3\xA9" R), 1 },
	/* cut short by the end, or by a byte that cannot continue */
	{ B("ab\xE2\x82"), B("ab" R), 1 },
	{ B("\xF0\x9F\x9A"), B(R), 1 },
	{ B("\xC3"), B(R), 1 },
	{ B("\xE2\x82" "x"), B(R "x"), 1 },
	{ B("\xE2" "x"), B(R "x"), 1 },
	{ B("\xF0\x9F" "x"), B(R "x"), 1 },
	{ B("\xE2\x82\xAC\xE2\x82"), B("\xE2\x82\xAC" R), 1 },
	{ B("\xC3\xC3\xA9"), B(R "\xC3\xA9"), 1 },
	/* overlong */
	{ B("\xC0\x80"), B(R R), 2 },
	{ B("\xC1\xBF"), B(R R), 2 },
	{ B("\xE0\x80\x80"), B(R R R), 3 },
	{ B("\xE0\x9F\xBF"), B(R R R), 3 },
	{ B("\xF0\x80\x80\x80"), B(R R R R), 4 },
	{ B("\xF0\x8F\xBF\xBF"), B(R R R R), 4 },
	/* surrogates */
	{ B("\xED\xA0\x80"), B(R R R), 3 },
	{ B("\xED\xBF\xBF"), B(R R R), 3 },
	{ B("\xED\xA0\x80\xED\xB0\x80"), B(R R R R R R), 6 },
	/* F5..FF, and above U+10FFFF */
	{ B("\xF5\x80\x80\x80"), B(R R R R), 4 },
	{ B("\xFF"), B(R), 1 },
	{ B("\xFE\xFE"), B(R R), 2 },
	{ B("\xF8\x88\x80\x80\x80"), B(R R R R R), 5 },
	{ B("\xF4\x90\x80\x80"), B(R R R R), 4 },
	{ B("\xF7\xBF\xBF\xBF"), B(R R R R), 4 },
	/* around the 8-byte steps */
	{ B("0123456789\x80" "0123456789"), B("0123456789" R "0123456789"), 1 },
	{ B("01234567\xC3\xA9" "01234567"), B("01234567\xC3\xA9" "01234567"), 0 },
	{ B("0123456\xC3\xA9" "01234567"), B("0123456\xC3\xA9" "01234567"), 0 },
	{ B("0123456\xC3"), B("0123456" R), 1 },
};

START_TEST(test_utf8)
{
	struct exact e = exact_copy(utf8_cases[_i].in.p, utf8_cases[_i].in.n);
	char *out = out_buffer(3 * e.n + 4);
	size_t bad = 12345;
	int got = mt_utf8_repair(e.p, e.n, out, &bad);

	check_result("mt_utf8_repair", e.p, e.n, got, out,
	    utf8_cases[_i].want.p, utf8_cases[_i].want.n);
	ck_assert_msg(bad == utf8_cases[_i].bad, "\"%s\": %zu bad, want %zu",
	    show(e.p, e.n), bad, utf8_cases[_i].bad);
	ck_assert_int_eq(mt_utf8_valid(e.p, e.n), bad == 0);
	ck_assert_int_eq(mt_utf8_repair(e.p, e.n, out, NULL), got);
	free(out);
	free(e.block);
}
END_TEST

/*
 * A reference decoder written differently from the library's: by code
 * point arithmetic instead of byte ranges. A prefix of a sequence of
 * `len` bytes is viable when some completion with continuation bytes
 * gives a scalar value of that length that is neither overlong, nor a
 * surrogate, nor above U+10FFFF.
 */
static int
ref_viable(const unsigned char *p, size_t k, size_t len)
{
	static const uint32_t lead_mask[5] = { 0, 0, 0x1F, 0x0F, 0x07 };
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	static const uint32_t max[5] = { 0, 0, 0x7FF, 0xFFFF, 0x10FFFF };
	uint32_t lo, hi;
	size_t i;

	lo = hi = p[0] & lead_mask[len];
	for (i = 1; i < len; i++) {
		lo = lo << 6 | (i < k ? p[i] & 0x3F : 0);
		hi = hi << 6 | (i < k ? p[i] & 0x3F : 0x3F);
	}
	if (lo < min[len])
		lo = min[len];
	if (hi > max[len])
		hi = max[len];
	if (lo > hi)
		return 0;
	return !(lo >= 0xD800 && hi <= 0xDFFF);
}

/* Length of the valid sequence at p, or 0 with *sub its maximal subpart. */
static size_t
ref_step(const unsigned char *p, size_t n, size_t *sub)
{
	size_t len, k;

	*sub = 1;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC0 && p[0] < 0xE0)
		len = 2;
	else if (p[0] >= 0xE0 && p[0] < 0xF0)
		len = 3;
	else if (p[0] >= 0xF0 && p[0] < 0xF8)
		len = 4;
	else
		return 0;
	if (!ref_viable(p, 1, len))
		return 0;
	for (k = 1; k < len; k++) {
		if (k >= n || (p[k] & 0xC0) != 0x80 || !ref_viable(p, k + 1, len)) {
			*sub = k;
			return 0;
		}
	}
	return len;
}

static size_t
ref_repair(const unsigned char *s, size_t n, unsigned char *out, size_t *bad)
{
	size_t i = 0, k = 0, len, sub;

	*bad = 0;
	while (i < n) {
		if ((len = ref_step(s + i, n - i, &sub)) > 0) {
			memcpy(out + k, s + i, len);
			k += len;
			i += len;
		} else {
			memcpy(out + k, R, 3);
			k += 3;
			i += sub;
			(*bad)++;
		}
	}
	return k;
}

/* Both implementations on the n bytes at s, in a block of exactly n. */
static void
compare_utf8(const char *s, size_t n)
{
	struct exact e = exact_copy(s, n);
	char *out = out_buffer(3 * n + 4), *again = out_buffer(3 * (3 * n) + 4);
	unsigned char *ref = malloc(3 * n + 4);
	size_t bad, refbad, bad2;
	int got;
	size_t reflen;

	ck_assert_ptr_nonnull(ref);
	got = mt_utf8_repair(e.p, n, out, &bad);
	reflen = ref_repair((const unsigned char *)e.p, n, ref, &refbad);
	ck_assert_msg(got >= 0 && (size_t)got == reflen &&
	    memcmp(out, ref, reflen) == 0 && bad == refbad,
	    "repair(\"%s\") = \"%s\" (%zu bad), reference \"%s\" (%zu bad)",
	    show(e.p, n), show(out, got > 0 ? got : 0), bad,
	    show((const char *)ref, reflen), refbad);
	ck_assert_int_eq(mt_utf8_valid(e.p, n), bad == 0);
	/* the repaired text is valid and repairs to itself */
	ck_assert(mt_utf8_valid(out, got));
	ck_assert_int_eq(mt_utf8_repair(out, got, again, &bad2), got);
	ck_assert(bad2 == 0 && memcmp(again, out, got) == 0);
	free(ref);
	free(again);
	free(out);
	free(e.block);
}

/* Every one- and two-byte string. */
START_TEST(test_utf8_pairs)
{
	char s[2];
	int a, b;

	for (a = 0; a < 256; a++) {
		s[0] = (char)a;
		compare_utf8(s, 1);
		for (b = 0; b < 256; b++) {
			s[1] = (char)b;
			compare_utf8(s, 2);
		}
	}
}
END_TEST

/* Every three- and four-byte string over the bytes at the edges of the ranges. */
START_TEST(test_utf8_edges)
{
	static const unsigned char edge[] = {
		0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
		0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
		0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF
	};
	const size_t ne = sizeof(edge);
	char s[4];
	size_t a, b, c, d;

	for (a = 0; a < ne; a++)
		for (b = 0; b < ne; b++)
			for (c = 0; c < ne; c++) {
				s[0] = edge[a];
				s[1] = edge[b];
				s[2] = edge[c];
				compare_utf8(s, 3);
				/* four bytes only after a four-byte lead */
				if (edge[a] < 0xF0)
					continue;
				for (d = 0; d < ne; d++) {
					s[3] = edge[d];
					compare_utf8(s, 4);
				}
			}
}
END_TEST

/*
 * Every substring (each start, each length) of mixed text: the ASCII
 * fast path, valid sequences of every length and each kind of invalid
 * one, cut at every byte.
 */
static const struct bytes mixed[] = {
	B("Container CSQU3054383 \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x9A\xA2 "
	  "ok\x80 cut\xE2\x82 long\xC0\x80 sur\xED\xA0\x80 big\xF4\x90\x80\x80"
	  " \xF5\xFF end of a run of ascii\xC3\xA9"),
	B("\xE4\xB8\xAD\xE6\x96\x87 shipper \xD0\x9E\xD0\x9E\xD0\x9E "
	  "\xC2\xA0\xE2\x80\xAF" "12\xE2\x80\xAF" "345,5 \xF0\x90\x80\x80"
	  "\xEF\xBF\xBD\xEF\xBF" "abcdefghijklmnop\xDF"),
};

START_TEST(test_utf8_splits)
{
	const struct bytes *m = &mixed[_i];
	size_t start, len;

	for (start = 0; start <= m->n; start++)
		for (len = 0; start + len <= m->n; len++)
			compare_utf8(m->p + start, len);
}
END_TEST

/*
 * Every function on every prefix of assorted inputs, each in a block of
 * exactly its length: whatever the result, nothing may be read past the
 * end, and no output may pass the size the interface promises.
 */
static const struct bytes prefix_inputs[] = {
	B("2026-03-04T10:00:00Z"),
	B("04-Mar-2026 10:00"),
	B("September 30, 2026"),
	B("\xC2\xA0 1.234.567,89 KGS. \xC2\xA0"),
	B("-1\xE2\x80\xAF" "234\xE2\x80\xAF" "567.5 metric tons"),
	B("1,23,456.78 lbs"),
	B("12'345.50 t"),
	B("12 345,5 CTNS"),
	B("csqu 305438-3"),
	B("CNSHA -> SGSIN > NL RTM, AE JEA"),
	B("caf\xC3\xA9 \xF0\x9F\x9A\xA2\xE2\x82 \xED\xA0\x80"),
};

START_TEST(test_prefixes)
{
	const struct bytes *in = &prefix_inputs[_i];
	size_t n, used, restn, bad;
	const char *rest;
	long long count;
	double val;
	char *out;
	int got;
	struct exact e;

	for (n = 0; n <= in->n; n++) {
		e = exact_copy(in->p, n);
		out = out_buffer(mt_norm_outsize(n));
		got = mt_norm_date(e.p, n, MT_DMY, out);
		ck_assert(got == -1 || got == 10);
		got = mt_norm_decimal(e.p, n, MT_DEC_AUTO, out, &val, &used);
		ck_assert(got <= (int)mt_norm_outsize(n) && used <= n);
		got = mt_norm_decimal(e.p, n, MT_DEC_COMMA, out, &val, &used);
		ck_assert(got <= (int)mt_norm_outsize(n) && used <= n);
		got = mt_norm_weight(e.p, n, MT_DEC_AUTO, MT_UNIT_LB, out, &val);
		ck_assert(got <= (int)mt_norm_outsize(n));
		got = mt_norm_count(e.p, n, MT_DEC_POINT, out, &count, &rest,
		    &restn);
		ck_assert(got <= (int)mt_norm_outsize(n));
		(void)mt_norm_unit(e.p, n);
		ck_assert_int_le(mt_norm_code(e.p, n, " -./", out), (int)n);
		ck_assert_int_le(mt_norm_locode(e.p, n, out), (int)n);
		ck_assert_int_le(mt_norm_places(e.p, n, out), (int)n);
		free(out);
		out = out_buffer(3 * n + 4);
		ck_assert_int_le(mt_utf8_repair(e.p, n, out, &bad), (int)(3 * n));
		(void)mt_utf8_valid(e.p, n);
		free(out);
		free(e.block);
	}
}
END_TEST

static Suite *
norm_suite(void)
{
	Suite *s = suite_create("norm");
	TCase *tc;

	tc = tcase_create("trim");
	tcase_add_loop_test(tc, test_trim, 0, NELEM(trim_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("date");
	tcase_add_loop_test(tc, test_date, 0, NELEM(date_cases));
	tcase_add_test(tc, test_date_calendar);
	suite_add_tcase(s, tc);

	tc = tcase_create("decimal");
	tcase_add_loop_test(tc, test_decimal, 0, NELEM(decimal_cases));
	tcase_add_loop_test(tc, test_decimal_value, 0, NELEM(value_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("weight");
	tcase_add_loop_test(tc, test_weight, 0, NELEM(weight_cases));
	tcase_add_loop_test(tc, test_unit, 0, NELEM(unit_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("count");
	tcase_add_loop_test(tc, test_count, 0, NELEM(count_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("code");
	tcase_add_loop_test(tc, test_code, 0, NELEM(code_cases));
	tcase_add_loop_test(tc, test_locode, 0, NELEM(locode_cases));
	tcase_add_loop_test(tc, test_places, 0, NELEM(places_cases));
	suite_add_tcase(s, tc);

	tc = tcase_create("utf8");
	/* the exhaustive loops take a while under valgrind */
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, test_utf8, 0, NELEM(utf8_cases));
	tcase_add_test(tc, test_utf8_pairs);
	tcase_add_test(tc, test_utf8_edges);
	tcase_add_loop_test(tc, test_utf8_splits, 0, NELEM(mixed));
	suite_add_tcase(s, tc);

	tc = tcase_create("bounds");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_prefixes, 0, NELEM(prefix_inputs));
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(norm_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
