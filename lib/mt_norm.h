/*
 * mt_norm: bring the values sources write to the canonical forms of the
 * record stream: trimmed text, ISO 8601 dates, C-locale decimals, weights
 * in kilograms, codes upper case without spaces.
 *
 * Every function reads a counted string (not NUL-terminated) and writes
 * into a caller's buffer `out` of at least mt_norm_outsize(n) bytes,
 * returning the length written, or -1 when the value cannot be brought to
 * the canonical form (out is then unspecified). Nothing allocates; nothing
 * depends on the locale.
 */
#ifndef MT_NORM_H
#define MT_NORM_H

#include <stddef.h>

/* Room any function here needs for an input of n bytes. */
#define mt_norm_outsize(n) ((n) + 64)

/*
 * Trim white space at both ends, in place on the counted string: ASCII
 * space, tab, CR, LF, VT, FF, and UTF-8 NO-BREAK SPACE (C2 A0).
 */
void mt_trim(const char **s, size_t *n);

/* Order of day, month and year in ambiguous all-numeric dates. */
enum mt_date_order { MT_DMY, MT_MDY, MT_YMD };

/*
 * Dates to "YYYY-MM-DD" (10 bytes written, returns 10). Accepted, after
 * trimming: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD; DD/MM/YYYY,
 * DD.MM.YYYY, DD-MM-YYYY (or month first with MT_MDY; MT_YMD only changes
 * nothing for these three but keeps year-first forms); one-digit day or
 * month allowed in separated forms; DD-Mon-YYYY, DD Mon YYYY, DD-Mon-YY,
 * DD/Mon/YYYY and "Mon DD, YYYY" with English month names or three-letter
 * abbreviations in any case; any of these followed by a time part
 * ("T10:00", " 10:00:00", " 00:00") which is ignored. Two-digit years are
 * 2000-2069 for 00-69 and 1970-1999 for 70-99. Returns -1 for anything
 * else, and for dates that do not exist (2026-02-30, 2025-02-29).
 */
int mt_norm_date(const char *s, size_t n, enum mt_date_order order, char *out);

/* Decimal separator convention for numbers. */
enum mt_decimal {
	MT_DEC_AUTO,	/* see mt_norm_decimal */
	MT_DEC_POINT,	/* 12,345.5 */
	MT_DEC_COMMA	/* 12.345,5 */
};

/*
 * A decimal number to canonical C-locale form: optional '-', digits, and
 * '.' with fraction digits only when the fraction is not zero; no leading
 * zeros ("0.5", "12345.5", "-3", "0"). Thousands separators accepted:
 * ',' or '.' (whichever is not the decimal separator), space, apostrophe,
 * NO-BREAK SPACE and NARROW NO-BREAK SPACE (E2 80 AF), each group after the
 * first of exactly three digits. A leading '+' is accepted.
 *
 * MT_DEC_AUTO: when both '.' and ',' occur, the last one is the decimal
 * separator; when only one kind occurs once and is followed by exactly three
 * digits it is a thousands separator ("1,234" is 1234, "1.234" is 1234),
 * otherwise it is the decimal separator ("1,5" is 1.5); several of one kind
 * are thousands separators ("1,234,567").
 *
 * Parsing stops at the first character that cannot continue the number;
 * *used (if not NULL) gets the count of bytes consumed including leading
 * white space, so callers can read a unit or a package type after it.
 * Returns -1 when no digit was read. The value is also stored in *val if
 * not NULL.
 */
int mt_norm_decimal(const char *s, size_t n, enum mt_decimal dec, char *out,
    double *val, size_t *used);

/* Mass units a weight may carry. */
enum mt_unit { MT_UNIT_NONE, MT_UNIT_KG, MT_UNIT_LB, MT_UNIT_T };

/*
 * Unit names, any case, surrounding white space and a trailing '.'
 * ignored: kg, kgs, kilo, kilos, kilogram(s) -> KG; lb, lbs, pound(s) -> LB;
 * t, mt, ton, tons, tonne, tonnes, metric ton(s) -> T (metric tonnes).
 * MT_UNIT_NONE for an empty string, -1 cast to enum for anything else.
 */
int mt_norm_unit(const char *s, size_t n);

/*
 * A weight to kilograms: a decimal (as mt_norm_decimal) optionally followed
 * by a unit (as mt_norm_unit); a unit in the value wins over `unit`, which
 * applies when the value has none (MT_UNIT_NONE means kilograms).
 * Kilograms are written exactly as mt_norm_decimal would; converted values
 * are rounded to three decimals, trailing zeros dropped (1 lb ->
 * "0.454", 2.5 t -> "2500"). *kg gets the value if not NULL.
 * Returns -1 for no number or an unknown unit.
 */
int mt_norm_weight(const char *s, size_t n, enum mt_decimal dec,
    enum mt_unit unit, char *out, double *kg);

/*
 * A count of packages: a non-negative or negative integer with thousands
 * separators (no fraction, "12.0" is -1 unless the fraction is zero),
 * optionally followed by a word for the kind of package ("12 CTNS"),
 * whose trimmed text is returned in *rest/*restn (empty if none).
 * Returns -1 for no integer.
 */
int mt_norm_count(const char *s, size_t n, enum mt_decimal dec, char *out,
    long long *count, const char **rest, size_t *restn);

/*
 * Codes: ASCII letters upper-cased, and every character of `drop`
 * removed (e.g. " -./" for container numbers, " ." for HS codes).
 * Never fails.
 */
int mt_norm_code(const char *s, size_t n, const char *drop, char *out);

/*
 * A UN/LOCODE: upper case, and one space, hyphen or dot between the
 * country and the location removed ("nl rtm" -> "NLRTM"). Never fails;
 * checking is mt_check_unlocode's job.
 */
int mt_norm_locode(const char *s, size_t n, char *out);

/*
 * Transit places: a list separated by white space, ',', ';', '/', '|'
 * or '>', each normalised as mt_norm_locode, written space-separated in
 * order; a two-letter item followed by a three-character item is one code
 * written with a space ("NL RTM SG SIN" -> "NLRTM SGSIN").
 */
int mt_norm_places(const char *s, size_t n, char *out);

/*
 * Replace every invalid UTF-8 sequence by U+FFFD (EF BF BD), writing at
 * most 3*n bytes to out (mt_norm_outsize does not cover this: use 3*n+4).
 * *bad gets the number of replacements. ASCII runs go fast.
 */
int mt_utf8_repair(const char *s, size_t n, char *out, size_t *bad);

/* True when s holds only valid UTF-8 (overlongs and surrogates invalid). */
int mt_utf8_valid(const char *s, size_t n);

#endif
