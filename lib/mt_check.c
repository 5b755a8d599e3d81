/*
 * mt_check: checks of container, air waybill, IMO, UN/LOCODE and HS
 * numbers, and of ISO 3166-1 countries and ISO 4217 currencies.
 *
 * These run on every record of files of millions, so each check is a few
 * comparisons and table reads: country and currency codes are found in
 * tables indexed by their letters, names by binary search in the sorted
 * keys of mt_iso_tables.c. Nothing allocates and nothing depends on the
 * locale: character classes are spelt out instead of taken from <ctype.h>.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mt_check.h"
#include "mt_iso_tables.h"

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_letter(unsigned char c)
{
	return is_upper(c) || (c >= 'a' && c <= 'z');
}

static unsigned char
to_upper(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static bool
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

static bool
all_upper(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_upper(s[i]))
			return false;
	return true;
}

/*
 * ISO 6346 gives letters the values 10 to 38, leaving out the multiples
 * of 11 (11, 22, 33) so that no letter weighs the same as a carry.
 */
static const unsigned char iso6346_value[26] = {
	10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24,	/* A-M */
	25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38	/* N-Z */
};

enum mt_check
mt_check_iso6346(const char *s, size_t n)
{
	unsigned sum = 0;
	size_t i;

	if (n != 11 || !all_upper(s, 4) || !all_digits(s + 4, 7))
		return MT_CHECK_FORMAT;
	/* Category: U freight container, J detachable equipment, Z trailer. */
	if (s[3] != 'U' && s[3] != 'J' && s[3] != 'Z')
		return MT_CHECK_FORMAT;
	for (i = 0; i < 4; i++)
		sum += (unsigned)iso6346_value[s[i] - 'A'] << i;
	for (i = 4; i < 10; i++)
		sum += (unsigned)(s[i] - '0') << i;
	/* A remainder of 10 is written 0: such numbers are valid too. */
	return sum % 11 % 10 == (unsigned)(s[10] - '0') ?
	    MT_CHECK_OK : MT_CHECK_DIGIT;
}

enum mt_check
mt_check_awb(const char *s, size_t n)
{
	const char *serial;
	unsigned long value = 0;
	size_t i;

	/* The hyphen after the airline prefix is the only separator used. */
	if (n == 12 && s[3] == '-')
		serial = s + 4;
	else if (n == 11)
		serial = s + 3;
	else
		return MT_CHECK_FORMAT;
	if (!all_digits(s, 3) || !all_digits(serial, 8))
		return MT_CHECK_FORMAT;
	for (i = 0; i < 7; i++)
		value = value * 10 + (unsigned long)(serial[i] - '0');
	return value % 7 == (unsigned long)(serial[7] - '0') ?
	    MT_CHECK_OK : MT_CHECK_DIGIT;
}

enum mt_check
mt_check_imo(const char *s, size_t n)
{
	unsigned sum = 0;
	size_t i;

	if (n != 7 || !all_digits(s, 7))
		return MT_CHECK_FORMAT;
	for (i = 0; i < 6; i++)
		sum += (unsigned)(s[i] - '0') * (unsigned)(7 - i);
	return sum % 10 == (unsigned)(s[6] - '0') ?
	    MT_CHECK_OK : MT_CHECK_DIGIT;
}

/* UN/LOCODE location letters and digits; 0 and 1 would read as O and I. */
static bool
is_locode_char(unsigned char c)
{
	return is_upper(c) || (c >= '2' && c <= '9');
}

enum mt_check
mt_check_unlocode(const char *s, size_t n)
{
	if (n != 5 || !mt_check_country(s, 2))
		return MT_CHECK_FORMAT;
	if (!is_locode_char(s[2]) || !is_locode_char(s[3]) ||
	    !is_locode_char(s[4]))
		return MT_CHECK_FORMAT;
	return MT_CHECK_OK;
}

enum mt_check
mt_check_hs(const char *s, size_t n)
{
	int chapter;

	if (n < 6 || n > 10 || !all_digits(s, n))
		return MT_CHECK_FORMAT;
	chapter = (s[0] - '0') * 10 + (s[1] - '0');
	/* Chapter 77 is kept free for a future use of the nomenclature. */
	if (chapter < 1 || chapter > 97 || chapter == 77)
		return MT_CHECK_FORMAT;
	return MT_CHECK_OK;
}

/* The country of a two-letter code in either case, or NULL. */
static const struct mt_iso_country *
alpha2_country(unsigned char a, unsigned char b)
{
	unsigned i;

	if (!is_letter(a) || !is_letter(b))
		return NULL;
	a = to_upper(a);
	b = to_upper(b);
	i = mt_iso_alpha2_index[(a - 'A') * 26 + (b - 'A')];
	return i ? &mt_iso_country[i - 1] : NULL;
}

bool
mt_check_country(const char *s, size_t n)
{
	return n == 2 && all_upper(s, 2) && alpha2_country(s[0], s[1]) != NULL;
}

bool
mt_check_currency(const char *s, size_t n)
{
	uint32_t word;

	if (n != 3 || !all_upper(s, 3))
		return false;
	word = mt_iso_currency_set[(s[0] - 'A') * 26 + (s[1] - 'A')];
	return (word >> (s[2] - 'A')) & 1;
}

/* Bytes between words of a name: ASCII other than letters and digits. */
static bool
is_separator(unsigned char c)
{
	return c < 0x80 && !is_letter(c) && !is_digit(c);
}

/*
 * The key of a name: upper-case ASCII letters and digits, '&' read as
 * AND, accented Latin-1 letters folded to ASCII, every other byte dropped,
 * and a leading "the" skipped. It must give the keys name_key() of
 * gen-iso-tables.py gives, byte for byte, or names stop matching.
 * Returns the length of the key written to key (NUL-terminated), or
 * MT_ISO_KEY_MAX + 1 when the key would be longer than any in the table.
 */
static size_t
name_key(const char *str, size_t n, char *key)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len = 0, add_len;
	char letter[2] = { 0, 0 };
	const char *add;

	while (i < n && is_separator(s[i]))
		i++;
	if (n - i > 3 && to_upper(s[i]) == 'T' && to_upper(s[i + 1]) == 'H' &&
	    to_upper(s[i + 2]) == 'E' && is_separator(s[i + 3]))
		i += 3;
	for (; i < n; i++) {
		if (is_letter(s[i]) || is_digit(s[i])) {
			letter[0] = (char)to_upper(s[i]);
			add = letter;
		} else if (s[i] == '&') {
			add = "AND";
		} else if (s[i] == 0xC3 && i + 1 < n &&
		    s[i + 1] >= 0x80 && s[i + 1] <= 0xBF) {
			add = mt_iso_fold_latin1[s[++i] - 0x80];
		} else {
			continue;
		}
		add_len = strlen(add);
		if (add_len > MT_ISO_KEY_MAX - len)
			return MT_ISO_KEY_MAX + 1;
		memcpy(key + len, add, add_len);
		len += add_len;
	}
	key[len] = '\0';
	return len;
}

static int
key_cmp(const void *key, const void *entry)
{
	return strcmp(key, ((const struct mt_iso_key *)entry)->key);
}

const char *
mt_country_lookup(const char *s, size_t n)
{
	char key[MT_ISO_KEY_MAX + 1];
	const struct mt_iso_country *c;
	const struct mt_iso_key *k;
	size_t len;

	/* Most sources write the code itself: no key, no search. */
	if (n == 2 && (c = alpha2_country(s[0], s[1])) != NULL)
		return c->alpha2;
	len = name_key(s, n, key);
	if (len == 0 || len > MT_ISO_KEY_MAX)
		return NULL;
	/* "U.S.", "n l": a code under punctuation or spaces. */
	if (len == 2 && (c = alpha2_country(key[0], key[1])) != NULL)
		return c->alpha2;
	/* Alpha-3 codes are keys too; the generator gave them precedence. */
	k = bsearch(key, mt_iso_key, mt_iso_nkey, sizeof(*k), key_cmp);
	return k ? mt_iso_country[k->country].alpha2 : NULL;
}
