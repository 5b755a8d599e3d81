/*
 * mt_iso_tables: the ISO 3166-1 and ISO 4217 data behind mt_check, compiled
 * in so that no tool reads a file at run time. Internal to lib/: the data
 * are in mt_iso_tables.c, written by lib/gen-iso-tables.py from Debian's
 * iso-codes; change the generator, not the data.
 */
#ifndef MT_ISO_TABLES_H
#define MT_ISO_TABLES_H

#include <stddef.h>
#include <stdint.h>

/* Longest name key; the generated file asserts that every key fits. */
#define MT_ISO_KEY_MAX 64

/* A country, in alpha-2 order. Names are UTF-8; absent ones are NULL. */
struct mt_iso_country {
	char alpha2[3];
	char alpha3[4];
	const char *name;
	const char *official_name;
	const char *common_name;
};

extern const struct mt_iso_country mt_iso_country[];
extern const size_t mt_iso_ncountry;

/*
 * Alpha-2 code "XY" to 1 + its index in mt_iso_country, at
 * (X - 'A') * 26 + (Y - 'A'); 0 when no such country.
 */
extern const unsigned char mt_iso_alpha2_index[26 * 26];

/* ISO 4217 alphabetic codes, sorted. */
extern const char mt_iso_currency[][4];
extern const size_t mt_iso_ncurrency;

/*
 * Currency "XYZ" exists when bit (Z - 'A') of word (X - 'A') * 26 + (Y - 'A')
 * is set: one read answers mt_check_currency.
 */
extern const uint32_t mt_iso_currency_set[26 * 26];

/*
 * Alpha-3 codes and names (ISO, official, common, the usual variants and
 * aliases) as keys of upper-case ASCII letters and digits, sorted by
 * strcmp, each with the index of its country in mt_iso_country. Keys that
 * would name two countries are left out.
 */
struct mt_iso_key {
	const char *key;
	unsigned char country;
};

extern const struct mt_iso_key mt_iso_key[];
extern const size_t mt_iso_nkey;

/*
 * ASCII for the UTF-8 sequences C3 80 to C3 BF (U+00C0 to U+00FF), at the
 * second byte minus 0x80: the fold the keys were made with.
 */
extern const char mt_iso_fold_latin1[64][3];

#endif
