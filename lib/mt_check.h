/*
 * mt_check: checks of the identifiers found in manifests: ISO 6346
 * container numbers, air waybill numbers, IMO ship numbers, UN/LOCODE,
 * ISO 3166-1 alpha-2 countries, ISO 4217 currencies and HS codes.
 * Pure functions over counted strings: no allocation, no state.
 * Inputs are already normalised (upper case, no spaces) unless a function
 * says otherwise.
 */
#ifndef MT_CHECK_H
#define MT_CHECK_H

#include <stdbool.h>
#include <stddef.h>

enum mt_check {
	MT_CHECK_OK = 0,	/* well formed, check digit right */
	MT_CHECK_FORMAT,	/* not of the identifier's shape */
	MT_CHECK_DIGIT		/* right shape, wrong check digit */
};

/* "CSQU3054383": 3-letter owner, category U/J/Z, 6 digits, check digit. */
enum mt_check mt_check_iso6346(const char *s, size_t n);

/* "123-12345675" or "12312345675": prefix, serial, serial mod 7. */
enum mt_check mt_check_awb(const char *s, size_t n);

/* "9319466": 7 digits, weighted sum 7..2 of the first six mod 10. */
enum mt_check mt_check_imo(const char *s, size_t n);

/*
 * UN/LOCODE without its space: "NLRTM". MT_CHECK_FORMAT unless an ISO 3166
 * alpha-2 country followed by three characters from A-Z and 2-9.
 */
enum mt_check mt_check_unlocode(const char *s, size_t n);

/*
 * HS code, digits only: MT_CHECK_OK for 6 to 10 digits in chapters 01 to
 * 97 other than 77, MT_CHECK_FORMAT otherwise.
 */
enum mt_check mt_check_hs(const char *s, size_t n);

/* Exactly two upper-case letters that are an ISO 3166-1 alpha-2 code. */
bool mt_check_country(const char *s, size_t n);

/* Exactly three upper-case letters that are an ISO 4217 code. */
bool mt_check_currency(const char *s, size_t n);

/*
 * A country as sources write it, trimmed but in any case: an alpha-2 code,
 * an alpha-3 code, or an English name (ISO name, official name, common name,
 * or one of a few usual aliases such as "USA", "UK", "South Korea"),
 * matched ignoring case, spaces and punctuation. Returns the alpha-2 code
 * as a static string, or NULL.
 */
const char *mt_country_lookup(const char *s, size_t n);

#endif
