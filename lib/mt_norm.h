/*
 * mt_norm: bring the values sources write to the canonical forms of the
 * record stream: trimmed text, ISO 8601 dates, C-locale decimals, weights
 * in kilograms, codes upper case without spaces.
 *
 * Every function reads a counted string (not NUL-terminated, never read
 * past s + n) and writes into a caller's buffer `out` of at least
 * mt_norm_outsize(n) bytes, returning the length written (no NUL is
 * added), or -1 when the value cannot be brought to the canonical form
 * (out is then unspecified). Inputs longer than INT_MAX / 4 bytes return
 * -1 from every function that writes, including those that otherwise
 * never fail, so that a length always fits the int returned. Nothing
 * allocates; nothing depends on the locale.
 */
#ifndef MT_NORM_H
#define MT_NORM_H

#include <stddef.h>
#include <stdint.h>

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
 * trimming (D and M stand for one or two digits, Mon for a month name):
 *
 *   YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYYMMDD: always year, month, day;
 *   D/M/YYYY, D.M.YYYY, D-M-YYYY: day first with MT_DMY and MT_YMD (a
 *     year-last date has no year-first reading), month first with MT_MDY;
 *     "13/04/2026" under MT_MDY is -1, never swapped;
 *   D-Mon-YYYY, D Mon YYYY, D/Mon/YYYY, and the same with a two-digit
 *     year (D-Mon-YY): 00-69 are 2000-2069, 70-99 are 1970-1999;
 *   "Mon D, YYYY", "Mon D,YYYY", "Mon D YYYY".
 *
 * The two separators of a date are the same character. Month names are
 * English, in full or their first three letters, plus "Sept", any case.
 * Any of these may be followed by a time, 'T' or spaces then H:MM or
 * HH:MM (hour below 24, minute below 60), after which the rest (seconds,
 * fraction, zone, AM/PM) is ignored, as is the time itself: "T10:00",
 * " 10:00:00", " 00:00", "T10:00:00Z". Numeric two-digit years
 * ("03/04/26") are not accepted. Returns -1 for anything else, for years
 * outside 1900..2099 (an error in the data), and for dates that do not
 * exist in the Gregorian calendar (2026-02-30, 2025-02-29, 1900-02-29).
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
 * zeros, no trailing zeros, never "-0" ("0.5", "12345.5", "-3", "0").
 * Rewritten digit by digit, never through a double: "0012345.50" is
 * "12345.5". Accepted: leading white space (as mt_trim), a '-' or '+',
 * integer digits, then the decimal separator and fraction digits, either
 * side may be empty but not both (".5" is 0.5, "5." is 5). No exponent:
 * "1e5" is 1 with *used 1.
 *
 * Thousands separators: ',' or '.' (whichever is not the decimal
 * separator), space, apostrophe, NO-BREAK SPACE and NARROW NO-BREAK SPACE
 * (E2 80 AF), one kind in a number. When grouped, the first group has 1 to
 * 3 digits and does not start with 0, and the others have exactly three
 * ("1,234,567"), or, in Indian grouping, the first has 1 or 2 digits, the
 * middle ones two and the last three ("1,23,456" is 123456, "12,34,56,789"
 * is 123456789). A separator and group that do not fit end the number
 * before that separator ("1,2345" under MT_DEC_POINT is 1 with *used 1).
 *
 * MT_DEC_AUTO looks at the span of digits joined by single separators:
 * when both '.' and ',' occur, the last one is the decimal separator
 * ("12.345,5", "1,234,567.89"); several of one kind and none of the other
 * are thousands separators ("1,234,567", "1.234.567"); a single one is a
 * thousands separator when it follows a first group as above, with no
 * other separator before it, and is followed by exactly three digits
 * ("1,234" and "1.234" are 1234, "0.500" is 0.5, "1234.567" and
 * "12 345,500" keep the point), otherwise it is the decimal separator
 * ("1,5" is 1.5); with neither, '.' is, unless a ',' ends the span ("5,").
 *
 * Parsing stops at the first character that cannot continue the number;
 * *used (if not NULL) gets the count of bytes consumed including leading
 * white space, so callers can read a unit or a package type after it, and
 * 0 on failure. Returns -1 when no digit was read. On success the value is
 * also stored in *val if not NULL: the nearest double for up to 15
 * significant digits, within a few units in the last place beyond.
 */
int mt_norm_decimal(const char *s, size_t n, enum mt_decimal dec, char *out,
    double *val, size_t *used);

/* Mass units a weight may carry. */
enum mt_unit { MT_UNIT_NONE, MT_UNIT_KG, MT_UNIT_LB, MT_UNIT_T };

/*
 * Unit names, any case, surrounding white space and one trailing '.'
 * ignored, inner white space runs read as one space: kg, kgs, kilo, kilos,
 * kilogram(s), KGM -> KG; lb, lbs, pound(s), LBR -> LB; t, mt, ton, tons,
 * tonne, tonnes, metric ton(s), metric tonne(s), TNE -> T (metric
 * tonnes). KGM, LBR and TNE are the UN/ECE Recommendation 20 codes that
 * EDIFACT-derived exports carry. MT_UNIT_NONE for an empty (or all white
 * space) string, -1 for anything else, "." included.
 */
int mt_norm_unit(const char *s, size_t n);

/*
 * A weight to kilograms: a decimal (as mt_norm_decimal) optionally followed
 * by a unit (as mt_norm_unit) and nothing else; a unit in the value wins
 * over `unit`, which applies when the value has none (MT_UNIT_NONE means
 * kilograms). Kilograms are written exactly as mt_norm_decimal would;
 * pounds (0.45359237 kg) and tonnes are converted through a double and
 * rounded to three decimals, half away from zero, trailing zeros and a
 * trailing '.' dropped, never "-0" (1 lb -> "0.454", 2.5 t -> "2500").
 * *kg gets the value written if not NULL. Returns -1 for no number, an
 * unknown unit or text after the unit, a `unit` outside the enum, or a
 * converted weight of 9e15 kg or more.
 */
int mt_norm_weight(const char *s, size_t n, enum mt_decimal dec,
    enum mt_unit unit, char *out, double *kg);

/*
 * A count of packages: an integer, negative too, read as mt_norm_decimal
 * reads a number (thousands separators, "1,200" is 1200), with a fraction
 * only if it is zero ("12.0" is 12, "12.5" is -1), optionally followed by
 * a word for the kind of package ("12 CTNS"), whose trimmed text is
 * returned in *rest and *restn (empty if none). Returns -1 for no number,
 * a fraction that is not zero, or a count beyond the range of long long.
 */
int mt_norm_count(const char *s, size_t n, enum mt_decimal dec, char *out,
    long long *count, const char **rest, size_t *restn);

/*
 * Codes: trimmed as mt_trim, ASCII letters upper-cased, and every byte
 * that occurs in the C string `drop` removed (e.g. " -./" for container
 * numbers, " ." for HS codes); drop NULL or "" removes nothing. Other
 * bytes, NUL and non-ASCII included, are copied. Never fails.
 */
int mt_norm_code(const char *s, size_t n, const char *drop, char *out);

/*
 * A UN/LOCODE: trimmed, upper case, and one space, hyphen or dot right
 * after the two characters of the country removed ("nl rtm", "NL-RTM",
 * "NL.RTM" -> "NLRTM"; "NL  RTM" -> "NL RTM"). Never fails; checking is
 * mt_check_unlocode's job.
 */
int mt_norm_locode(const char *s, size_t n, char *out);

/*
 * Transit places: a list separated by runs of white space (as mt_trim),
 * ',', ';', '/', '|', '>' and items made only of '-' (the arrows "->" and
 * " - "), each item normalised as mt_norm_locode, written separated by
 * one space in order ("CNSHA > SGSIN > NLRTM" -> "CNSHA SGSIN NLRTM").
 * A two-letter item followed, across white space only, by an item of
 * three letters or digits is one code written with a space ("NL RTM SG
 * SIN" -> "NLRTM SGSIN"; "NL,RTM" stays two items). An empty list or one
 * of separators only is "" (returns 0). Never fails.
 */
int mt_norm_places(const char *s, size_t n, char *out);

/*
 * Replace every invalid UTF-8 sequence by U+FFFD (EF BF BD), writing at
 * most 3*n bytes to out (mt_norm_outsize does not cover this: use 3*n+4).
 * Valid is as RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF. Each maximal subpart of an ill-formed sequence (the longest
 * prefix that some valid sequence starts with, or else one byte) is one
 * replacement, the practice of the Unicode Standard (3.9) and of browsers:
 * a lone continuation byte, C0..C1, F5..FF, and a sequence cut short by
 * its end or by a byte that cannot continue it are each one U+FFFD;
 * C0 80 is two, ED A0 80 (a surrogate) three, F4 90 80 80 (above
 * U+10FFFF) four. *bad, if not NULL, gets the number of replacements.
 * ASCII runs go 8 bytes at a time.
 */
int mt_utf8_repair(const char *s, size_t n, char *out, size_t *bad);

/* True when s holds only valid UTF-8, as mt_utf8_repair judges it. */
int mt_utf8_valid(const char *s, size_t n);

/*
 * The character at the start of s (n bytes): its length in bytes, 1 to 4,
 * with the code point in *cp; 0 when s is empty or does not start with a
 * valid UTF-8 sequence (the same rules as mt_utf8_valid).
 */
size_t mt_utf8_decode(const char *s, size_t n, uint32_t *cp);

#endif
