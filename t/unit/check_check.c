/*
 * Unit tests of mt_check: the test vectors of the domain notes, the edges
 * of each format, country and currency codes, country names, and the
 * consistency of the generated ISO tables the lookups rely on.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "mt_check.h"
#include "mt_iso_tables.h"

/* Most cases are C strings; the functions take counted strings. */
static enum mt_check
iso6346(const char *s)
{
	return mt_check_iso6346(s, strlen(s));
}

static enum mt_check
awb(const char *s)
{
	return mt_check_awb(s, strlen(s));
}

static enum mt_check
imo(const char *s)
{
	return mt_check_imo(s, strlen(s));
}

static enum mt_check
unlocode(const char *s)
{
	return mt_check_unlocode(s, strlen(s));
}

static enum mt_check
hs(const char *s)
{
	return mt_check_hs(s, strlen(s));
}

static bool
country(const char *s)
{
	return mt_check_country(s, strlen(s));
}

static bool
currency(const char *s)
{
	return mt_check_currency(s, strlen(s));
}

static const char *
lookup(const char *s)
{
	return mt_country_lookup(s, strlen(s));
}

/* --- ISO 6346 ------------------------------------------------------------ */

static const char *const iso6346_valid[] = {
	"CSQU3054383", "TCNU7200794", "TOLU4734787",
	"GYOU4047990", "TASU1170000",	/* remainder 10, written 0 */
	"HASU5044950", "BGBU5086915", "MRKU5140903",
	"CSQJ3054386", "CSQZ3054387",	/* other categories */
};

START_TEST(iso6346_valid_vectors)
{
	const char *s = iso6346_valid[_i];

	ck_assert_msg(iso6346(s) == MT_CHECK_OK, "%s", s);
}
END_TEST

START_TEST(iso6346_every_other_digit_fails)
{
	char s[12];
	char d;

	memcpy(s, iso6346_valid[_i], sizeof(s));
	for (d = '0'; d <= '9'; d++) {
		if (d == iso6346_valid[_i][10])
			continue;
		s[10] = d;
		ck_assert_msg(iso6346(s) == MT_CHECK_DIGIT, "%s", s);
	}
}
END_TEST

START_TEST(iso6346_invalid)
{
	ck_assert_int_eq(iso6346("CSQU3054384"), MT_CHECK_DIGIT);
	ck_assert_int_eq(iso6346("CSQU3054Z83"), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346("CSQU305438"), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346("CSQU30543830"), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346(""), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346("csqu3054383"), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346("CSQu3054383"), MT_CHECK_FORMAT);
	/* Letter O for digit 0 and the other way round. */
	ck_assert_int_eq(iso6346("CSQU3O54383"), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346("T0LU4734787"), MT_CHECK_FORMAT);
	/* Category other than U, J, Z. */
	ck_assert_int_eq(iso6346("CSQX3054383"), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346("CSQ U3054383"), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346("CSQU 3054383"), MT_CHECK_FORMAT);
	ck_assert_int_eq(iso6346("CSQU305438-3"), MT_CHECK_FORMAT);
}
END_TEST

START_TEST(iso6346_counted)
{
	/* Only n bytes are read; none needs a NUL after it. */
	ck_assert_int_eq(mt_check_iso6346("CSQU3054383XYZ", 11), MT_CHECK_OK);
	ck_assert_int_eq(mt_check_iso6346("CSQU3054383", 10), MT_CHECK_FORMAT);
	ck_assert_int_eq(mt_check_iso6346(NULL, 0), MT_CHECK_FORMAT);
}
END_TEST

/* --- air waybill --------------------------------------------------------- */

static const char *const awb_valid[] = {
	"123-12345675", "888-11111111", "933-34099074",
	"205-33450222", "006-96667465",
	"12312345675", "88811111111", "00696667465",
	"000-00000000", "999-99999992",
};

START_TEST(awb_valid_vectors)
{
	const char *s = awb_valid[_i];

	ck_assert_msg(awb(s) == MT_CHECK_OK, "%s", s);
}
END_TEST

START_TEST(awb_invalid)
{
	ck_assert_int_eq(awb("123-12345674"), MT_CHECK_DIGIT);
	ck_assert_int_eq(awb("12312345674"), MT_CHECK_DIGIT);
	/* serial mod 7 is never 7, 8 or 9 */
	ck_assert_int_eq(awb("123-12345677"), MT_CHECK_DIGIT);
	ck_assert_int_eq(awb("123-12345679"), MT_CHECK_DIGIT);
	ck_assert_int_eq(awb(""), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("123-1234567"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("123-123456755"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("1231234567"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("123123456755"), MT_CHECK_FORMAT);
	/* Only a hyphen, only after the prefix. */
	ck_assert_int_eq(awb("123 12345675"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("123/12345675"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("1231-2345675"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("123-1234567-5"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("123--12345675"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("-12312345675"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("123-1234567O"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("I23-12345675"), MT_CHECK_FORMAT);
	ck_assert_int_eq(awb("12a-12345675"), MT_CHECK_FORMAT);
	ck_assert_int_eq(mt_check_awb("123-12345675", 11), MT_CHECK_FORMAT);
	ck_assert_int_eq(mt_check_awb("123-123456750", 12), MT_CHECK_OK);
}
END_TEST

/* --- IMO ----------------------------------------------------------------- */

START_TEST(imo_vectors)
{
	ck_assert_int_eq(imo("9319466"), MT_CHECK_OK);
	ck_assert_int_eq(imo("8814275"), MT_CHECK_OK);
	ck_assert_int_eq(imo("9074729"), MT_CHECK_OK);
	ck_assert_int_eq(imo("8814274"), MT_CHECK_DIGIT);
	ck_assert_int_eq(imo("9319467"), MT_CHECK_DIGIT);
}
END_TEST

START_TEST(imo_format)
{
	ck_assert_int_eq(imo(""), MT_CHECK_FORMAT);
	ck_assert_int_eq(imo("931946"), MT_CHECK_FORMAT);
	ck_assert_int_eq(imo("93194660"), MT_CHECK_FORMAT);
	ck_assert_int_eq(imo("IMO9319466"), MT_CHECK_FORMAT);
	ck_assert_int_eq(imo("931946O"), MT_CHECK_FORMAT);
	ck_assert_int_eq(imo("9319 466"), MT_CHECK_FORMAT);
	ck_assert_int_eq(imo("-931946"), MT_CHECK_FORMAT);
	ck_assert_int_eq(mt_check_imo("93194661", 7), MT_CHECK_OK);
}
END_TEST

/* --- UN/LOCODE ----------------------------------------------------------- */

START_TEST(unlocode_valid)
{
	ck_assert_int_eq(unlocode("NLRTM"), MT_CHECK_OK);
	ck_assert_int_eq(unlocode("SGSIN"), MT_CHECK_OK);
	ck_assert_int_eq(unlocode("CNSHA"), MT_CHECK_OK);
	ck_assert_int_eq(unlocode("DEHAM"), MT_CHECK_OK);
	ck_assert_int_eq(unlocode("USNYC"), MT_CHECK_OK);
	ck_assert_int_eq(unlocode("GB2AB"), MT_CHECK_OK);
	ck_assert_int_eq(unlocode("FR99Z"), MT_CHECK_OK);
}
END_TEST

START_TEST(unlocode_invalid)
{
	ck_assert_int_eq(unlocode(""), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("NL RTM"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("NLRT"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("NLRTMX"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("nlrtm"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("NLrtm"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("nlRTM"), MT_CHECK_FORMAT);
	/* Not ISO 3166-1 alpha-2 countries. */
	ck_assert_int_eq(unlocode("XXRTM"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("UKLON"), MT_CHECK_FORMAT);
	/* 0 and 1 are not used in the location part. */
	ck_assert_int_eq(unlocode("NLRT0"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("NLRT1"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("NL-TM"), MT_CHECK_FORMAT);
	ck_assert_int_eq(unlocode("N1RTM"), MT_CHECK_FORMAT);
	ck_assert_int_eq(mt_check_unlocode("NLRTMX", 5), MT_CHECK_OK);
}
END_TEST

/* --- HS ------------------------------------------------------------------ */

START_TEST(hs_valid)
{
	ck_assert_int_eq(hs("401120"), MT_CHECK_OK);
	ck_assert_int_eq(hs("4011200"), MT_CHECK_OK);
	ck_assert_int_eq(hs("40112000"), MT_CHECK_OK);
	ck_assert_int_eq(hs("401120000"), MT_CHECK_OK);
	ck_assert_int_eq(hs("4011200000"), MT_CHECK_OK);
	ck_assert_int_eq(hs("010121"), MT_CHECK_OK);
	ck_assert_int_eq(hs("970110"), MT_CHECK_OK);
	ck_assert_int_eq(hs("760110"), MT_CHECK_OK);
	ck_assert_int_eq(hs("780110"), MT_CHECK_OK);
}
END_TEST

START_TEST(hs_invalid)
{
	ck_assert_int_eq(hs(""), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("40112"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("40112000000"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("4011.20"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("4011.20.00"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("4011 20"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("40112O"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("000000"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("001120"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("770000"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("77000000"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("980000"), MT_CHECK_FORMAT);
	ck_assert_int_eq(hs("990000"), MT_CHECK_FORMAT);
	ck_assert_int_eq(mt_check_hs("401120.00", 6), MT_CHECK_OK);
}
END_TEST

/* --- ISO 3166-1 and ISO 4217 codes -------------------------------------- */

START_TEST(country_codes)
{
	ck_assert(country("US"));
	ck_assert(country("GB"));
	ck_assert(country("CN"));
	ck_assert(country("NL"));
	ck_assert(country("AX"));
	ck_assert(country("ZW"));
	ck_assert(country("AD"));
	ck_assert(!country("us"));
	ck_assert(!country("Us"));
	ck_assert(!country("UK"));
	ck_assert(!country("XX"));
	ck_assert(!country("AA"));
	ck_assert(!country("ZZ"));
	ck_assert(!country("USA"));
	ck_assert(!country("U"));
	ck_assert(!country(""));
	ck_assert(!country("U "));
	ck_assert(!country("@A"));
	ck_assert(!country("[A"));
	ck_assert(!country("\303\205X"));
	ck_assert(mt_check_country("USA", 2));
}
END_TEST

START_TEST(currency_codes)
{
	ck_assert(currency("USD"));
	ck_assert(currency("EUR"));
	ck_assert(currency("CNY"));
	ck_assert(currency("GBP"));
	ck_assert(currency("AED"));
	ck_assert(currency("XXX"));
	ck_assert(!currency("XYZ"));
	ck_assert(!currency("usd"));
	ck_assert(!currency("Usd"));
	ck_assert(!currency("US"));
	ck_assert(!currency("USDX"));
	ck_assert(!currency(""));
	ck_assert(!currency("AAA"));
	ck_assert(!currency("ZZZ"));
	ck_assert(!currency("US$"));
	ck_assert(!currency("U D"));
	ck_assert(mt_check_currency("EURO", 3));
}
END_TEST

/* --- country lookup ------------------------------------------------------ */

struct lookup_case {
	const char *text;
	const char *alpha2;	/* NULL: no country */
};

static const struct lookup_case lookup_cases[] = {
	/* alpha-2 in any case */
	{ "US", "US" }, { "us", "US" }, { "uS", "US" }, { "nl", "NL" },
	{ "U.S.", "US" }, { "n l", "NL" },
	/* alpha-3 in any case */
	{ "USA", "US" }, { "usa", "US" }, { "GBR", "GB" }, { "deu", "DE" },
	{ "CHN", "CN" }, { "ARE", "AE" },
	/* ISO names */
	{ "Germany", "DE" }, { "GERMANY", "DE" }, { "germany", "DE" },
	{ "United Kingdom", "GB" }, { "United States", "US" },
	{ "Viet Nam", "VN" }, { "Guinea", "GN" }, { "Guinea-Bissau", "GW" },
	{ "Congo", "CG" }, { "Czechia", "CZ" }, { "Eswatini", "SZ" },
	/* official names */
	{ "Federal Republic of Germany", "DE" },
	{ "United Kingdom of Great Britain and Northern Ireland", "GB" },
	{ "United States of America", "US" },
	{ "People's Republic of China", "CN" },
	{ "Kingdom of the Netherlands", "NL" },
	{ "State of Eritrea", "ER" }, { "the State of Eritrea", "ER" },
	/* common names */
	{ "South Korea", "KR" }, { "North Korea", "KP" }, { "Syria", "SY" },
	{ "Laos", "LA" }, { "Taiwan", "TW" }, { "Vietnam", "VN" },
	/* aliases */
	{ "UK", "GB" }, { "u.k.", "GB" }, { "Great Britain", "GB" },
	{ "England", "GB" }, { "UAE", "AE" }, { "U.A.E.", "AE" },
	{ "Korea", "KR" }, { "Russia", "RU" }, { "Holland", "NL" },
	{ "Ivory Coast", "CI" }, { "Burma", "MM" }, { "Macau", "MO" },
	{ "Turkey", "TR" }, { "Turkiye", "TR" }, { "Swaziland", "SZ" },
	{ "Cape Verde", "CV" }, { "Macedonia", "MK" }, { "DRC", "CD" },
	{ "DR Congo", "CD" }, { "Congo DR", "CD" }, { "Vatican", "VA" },
	{ "Czech Republic", "CZ" }, { "Palestine", "PS" },
	/* punctuation, spaces and order of ISO's "X, Y of" names */
	{ "Korea, Republic of", "KR" }, { "KOREA REPUBLIC OF", "KR" },
	{ "Republic of Korea", "KR" }, { "korea,republic of", "KR" },
	{ "Korea, Democratic People's Republic of", "KP" },
	{ "Democratic Peoples Republic of Korea", "KP" },
	{ "Iran, Islamic Republic of", "IR" },
	{ "Islamic Republic of Iran", "IR" },
	{ "Congo, The Democratic Republic of the", "CD" },
	{ "Democratic Republic of the Congo", "CD" },
	{ "Tanzania, United Republic of", "TZ" },
	{ "Virgin Islands, British", "VG" }, { "British Virgin Islands", "VG" },
	{ "Virgin Islands, U.S.", "VI" },
	{ "Guinea Bissau", "GW" }, { "  Germany  ", "DE" },
	{ "Trinidad & Tobago", "TT" }, { "Bosnia & Herzegovina", "BA" },
	{ "The Netherlands", "NL" }, { "the gambia", "GM" },
	{ "St. Lucia", "LC" }, { "St Kitts and Nevis", "KN" },
	{ "Falkland Islands", "FK" }, { "Falkland Islands (Malvinas)", "FK" },
	{ "Sint Maarten", "SX" }, { "Saint Martin", "MF" },
	/* accented names, in UTF-8 and without accents */
	{ "C\303\264te d'Ivoire", "CI" }, { "Cote d'Ivoire", "CI" },
	{ "COTE D IVOIRE", "CI" }, { "C\303\224TE D'IVOIRE", "CI" },
	{ "T\303\274rkiye", "TR" }, { "Cura\303\247ao", "CW" },
	{ "Curacao", "CW" }, { "R\303\251union", "RE" },
	{ "\303\205land Islands", "AX" }, { "Aland Islands", "AX" },
	{ "Saint Barth\303\251lemy", "BL" },
	/* misses */
	{ "", NULL }, { " ", NULL }, { "X", NULL }, { "XX", NULL },
	{ "xx", NULL }, { "ZZZ", NULL }, { "Atlantis", NULL },
	{ "America", NULL }, { "Europe", NULL }, { "Virgin Islands", NULL },
	{ "Korea, Republic", NULL }, { "Germany GmbH", NULL },
	{ "The", NULL }, { "the the Gambia", NULL }, { "...", NULL },
	{ "\303\303", NULL }, { "\377\376", NULL },
};

START_TEST(lookup_table)
{
	const struct lookup_case *c = &lookup_cases[_i];
	const char *got = lookup(c->text);

	if (c->alpha2 == NULL)
		ck_assert_msg(got == NULL, "\"%s\": got %s, want none",
		    c->text, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, c->alpha2) == 0,
		    "\"%s\": got %s, want %s", c->text, got ? got : "none",
		    c->alpha2);
}
END_TEST

START_TEST(lookup_counted)
{
	char big[4096];

	ck_assert_pstr_eq(mt_country_lookup("USAX", 3), "US");
	ck_assert_pstr_eq(mt_country_lookup("GermanyXYZ", 7), "DE");
	ck_assert_pstr_eq(mt_country_lookup("US", 1), NULL);
	ck_assert_pstr_eq(mt_country_lookup(NULL, 0), NULL);
	/* A long value is refused without writing past the key buffer. */
	memset(big, 'A', sizeof(big));
	ck_assert_pstr_eq(mt_country_lookup(big, sizeof(big)), NULL);
	memset(big, '&', sizeof(big));
	ck_assert_pstr_eq(mt_country_lookup(big, sizeof(big)), NULL);
	memset(big, ' ', sizeof(big));
	memcpy(big + 2000, "Japan", 5);
	ck_assert_pstr_eq(mt_country_lookup(big, sizeof(big)), "JP");
}
END_TEST

START_TEST(lookup_static_result)
{
	/* The result is the table's own string, the same for every spelling. */
	ck_assert_ptr_eq(lookup("de"), lookup("Germany"));
	ck_assert_ptr_eq(lookup("DEU"), lookup("DE"));
}
END_TEST

/* --- generated tables ---------------------------------------------------- */

START_TEST(tables_keys_sorted)
{
	size_t i;

	ck_assert_uint_gt(mt_iso_nkey, mt_iso_ncountry);
	for (i = 0; i < mt_iso_nkey; i++) {
		ck_assert_uint_lt(mt_iso_key[i].country, mt_iso_ncountry);
		ck_assert_uint_le(strlen(mt_iso_key[i].key), MT_ISO_KEY_MAX);
		if (i > 0)
			ck_assert_msg(strcmp(mt_iso_key[i - 1].key,
			    mt_iso_key[i].key) < 0, "%s before %s",
			    mt_iso_key[i - 1].key, mt_iso_key[i].key);
	}
}
END_TEST

START_TEST(tables_every_country)
{
	const struct mt_iso_country *c;
	char lower[3];
	size_t i;

	ck_assert_uint_ge(mt_iso_ncountry, 249);
	for (i = 0; i < mt_iso_ncountry; i++) {
		c = &mt_iso_country[i];
		ck_assert(country(c->alpha2));
		ck_assert_ptr_eq(lookup(c->alpha2), c->alpha2);
		lower[0] = (char)(c->alpha2[0] - 'A' + 'a');
		lower[1] = (char)(c->alpha2[1] - 'A' + 'a');
		lower[2] = '\0';
		ck_assert_ptr_eq(lookup(lower), c->alpha2);
		ck_assert_ptr_eq(lookup(c->alpha3), c->alpha2);
		ck_assert_ptr_eq(lookup(c->name), c->alpha2);
		if (c->official_name)
			ck_assert_ptr_eq(lookup(c->official_name), c->alpha2);
		if (c->common_name)
			ck_assert_ptr_eq(lookup(c->common_name), c->alpha2);
		if (i > 0)
			ck_assert_str_lt(mt_iso_country[i - 1].alpha2,
			    c->alpha2);
	}
}
END_TEST

START_TEST(tables_every_currency)
{
	size_t i;
	int a, b, c, n = 0;
	char code[4] = { 0, 0, 0, 0 };

	ck_assert_uint_ge(mt_iso_ncurrency, 150);
	for (i = 0; i < mt_iso_ncurrency; i++)
		ck_assert_msg(currency(mt_iso_currency[i]), "%s",
		    mt_iso_currency[i]);
	/* The bitmap holds these codes and no other. */
	for (a = 'A'; a <= 'Z'; a++)
		for (b = 'A'; b <= 'Z'; b++)
			for (c = 'A'; c <= 'Z'; c++) {
				code[0] = (char)a;
				code[1] = (char)b;
				code[2] = (char)c;
				n += currency(code);
			}
	ck_assert_int_eq(n, (int)mt_iso_ncurrency);
}
END_TEST

static Suite *
check_suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc;

	tc = tcase_create("iso6346");
	tcase_add_loop_test(tc, iso6346_valid_vectors, 0,
	    sizeof(iso6346_valid) / sizeof(iso6346_valid[0]));
	tcase_add_loop_test(tc, iso6346_every_other_digit_fails, 0,
	    sizeof(iso6346_valid) / sizeof(iso6346_valid[0]));
	tcase_add_test(tc, iso6346_invalid);
	tcase_add_test(tc, iso6346_counted);
	suite_add_tcase(s, tc);

	tc = tcase_create("awb");
	tcase_add_loop_test(tc, awb_valid_vectors, 0,
	    sizeof(awb_valid) / sizeof(awb_valid[0]));
	tcase_add_test(tc, awb_invalid);
	suite_add_tcase(s, tc);

	tc = tcase_create("imo");
	tcase_add_test(tc, imo_vectors);
	tcase_add_test(tc, imo_format);
	suite_add_tcase(s, tc);

	tc = tcase_create("unlocode");
	tcase_add_test(tc, unlocode_valid);
	tcase_add_test(tc, unlocode_invalid);
	suite_add_tcase(s, tc);

	tc = tcase_create("hs");
	tcase_add_test(tc, hs_valid);
	tcase_add_test(tc, hs_invalid);
	suite_add_tcase(s, tc);

	tc = tcase_create("codes");
	tcase_add_test(tc, country_codes);
	tcase_add_test(tc, currency_codes);
	suite_add_tcase(s, tc);

	tc = tcase_create("lookup");
	tcase_add_loop_test(tc, lookup_table, 0,
	    sizeof(lookup_cases) / sizeof(lookup_cases[0]));
	tcase_add_test(tc, lookup_counted);
	tcase_add_test(tc, lookup_static_result);
	suite_add_tcase(s, tc);

	tc = tcase_create("tables");
	tcase_add_test(tc, tables_keys_sorted);
	tcase_add_test(tc, tables_every_country);
	tcase_add_test(tc, tables_every_currency);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(check_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed != 0;
}
