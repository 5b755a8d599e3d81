/*
 * Unit tests of mt_party: party-name keys for watch lists.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_lists.h"
#include "mt_party.h"

static const struct {
	const char *in;
	const char *key;
} cases[] = {
	{ "Acme Trading Co., Ltd.", "ACME TRADING" },
	{ "ACME TRADING", "ACME TRADING" },
	{ "  acme   trading  ", "ACME TRADING" },
	{ "Acme Trading Company Limited", "ACME TRADING" },
	{ "Müller GmbH", "MüLLER" },
	{ "Sinar Jaya Sdn. Bhd.", "SINAR JAYA" },
	{ "Global Imports B.V.", "GLOBAL IMPORTS" },
	{ "Nordic Freight A/S", "NORDIC FREIGHT" },
	{ "Smith & Sons Inc", "SMITH AND SONS" },
	{ "Smith&Sons", "SMITH AND SONS" },
	{ "Smith and Sons, Inc.", "SMITH AND SONS" },
	{ "CO", "CO" },
	{ "Co. Ltd.", "CO" },
	{ "LTD", "LTD" },
	{ "", "" },
	{ "...", "" },
	{ "Limited Express Co", "LIMITED EXPRESS" },
	{ "Coastal Lines", "COASTAL LINES" },
	{ "TRADING 2000 LLC", "TRADING 2000" },
	{ "O'Brien Logistics", "O BRIEN LOGISTICS" },
	{ "Meyer GmbH & Co. KG", "MEYER" },
	{ "Smith & Co.", "SMITH" },
	{ "Smith and Company", "SMITH" },
	{ "Smith & Sons", "SMITH AND SONS" },
	{ "Sands & Co", "SANDS" },
	{ "Gulf Star General Trading FZE", "GULF STAR GENERAL TRADING" },
	{ "Al Noor FZCO", "AL NOOR" },
	{ "Siam Rice PCL", "SIAM RICE" },
	{ "Exportadora Paulista EIRELI", "EXPORTADORA PAULISTA" },
	{ "Shenzhen 深圳 Trading Co.", "SHENZHEN 深圳 TRADING" },
	{ "Fratelli Rossi S.p.A.", "FRATELLI ROSSI" },
	{ "J.P. Morgan", "JP MORGAN" },
	{ "No.5 Trading", "NO 5 TRADING" },
	{ "A.Moller", "A MOLLER" },
};

START_TEST(test_keys)
{
	struct mt_buf b = { 0 };

	mt_party_key(&b, cases[_i].in, strlen(cases[_i].in), NULL);
	ck_assert_msg(b.len == strlen(cases[_i].key) &&
	    (b.len == 0 || memcmp(b.buf, cases[_i].key, b.len) == 0),
	    "'%s': want '%s', got '%.*s'", cases[_i].in, cases[_i].key,
	    (int)b.len, b.buf ? b.buf : "");
	mt_buf_free(&b);
}
END_TEST

/*
 * Every legal form goes, in any case, and words that only look like one
 * (a prefix, a longer word, the next in order) stay.
 */
static const char *const forms[] = {
	"ZAO", "TBK", "SRO", "SRL", "SPZOO", "SPA", "SL", "SDN", "SAS",
	"SARL", "SAC", "SA", "PVT", "PTY", "PTE", "PT", "PLC", "PJSC", "PCL",
	"OYJ", "OY", "OOO", "OAO", "NV", "LTDA", "LTD", "LP", "LLP", "LLC",
	"LIMITED", "LDA", "KK", "KG", "KFT", "JSC", "INCORPORATED", "INC",
	"GMBH", "FZLLC", "FZE", "FZCO", "FZC", "EIRL", "EIRELI", "CV",
	"CORPORATION", "CORP", "COMPANY", "CO", "CIA", "BVBA", "BV", "BHD",
	"ASA", "AS", "AG", "AB",
};

START_TEST(test_every_form)
{
	static const char *const not_forms[] = {
		"A", "ABC", "AGS", "COMPANYS", "LTDX", "S", "SAB", "SARLS",
		"EIRELIS", "ZZZ", "INCORPORATE", "AAAAAAAAAAAAA",
	};
	struct mt_buf b = { 0 };
	char name[64];
	size_t i, n;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		n = (size_t)snprintf(name, sizeof name, "Acme %s", forms[i]);
		b.len = 0;
		mt_party_key(&b, name, n, NULL);
		ck_assert_msg(b.len == 4 && memcmp(b.buf, "ACME", 4) == 0,
		    "'%s': got '%.*s'", name, (int)b.len, b.buf);
	}
	for (i = 0; i < sizeof not_forms / sizeof not_forms[0]; i++) {
		n = (size_t)snprintf(name, sizeof name, "Acme %s",
		    not_forms[i]);
		b.len = 0;
		mt_party_key(&b, name, n, NULL);
		ck_assert_msg(b.len == n && memcmp(b.buf + 5, not_forms[i],
		    n - 5) == 0, "'%s': got '%.*s'", name, (int)b.len, b.buf);
	}
	mt_buf_free(&b);
}
END_TEST

/* The key is appended: what the buffer held stays. */
START_TEST(test_appends)
{
	struct mt_buf b = { 0 };

	mt_buf_add(&b, "x|", 2);
	mt_party_key(&b, "Acme Co", 7, NULL);
	ck_assert_uint_eq(b.len, 6);
	ck_assert_int_eq(memcmp(b.buf, "x|ACME", 6), 0);
	mt_buf_free(&b);
}
END_TEST

/* Only n bytes are read: the rest of a longer string is not the name. */
START_TEST(test_counted)
{
	struct mt_buf b = { 0 };

	mt_party_key(&b, "Acme Ltd and more", 8, NULL);
	ck_assert_uint_eq(b.len, 4);
	ck_assert_int_eq(memcmp(b.buf, "ACME", 4), 0);
	mt_buf_free(&b);
}
END_TEST

/* As a list's key function: the example matches. */
START_TEST(test_list)
{
	struct mt_lists *ls = mt_lists_new();
	struct mt_list *l = mt_lists_add(ls, "watch", 5);

	ck_assert_int_eq(mt_list_set_key(l, mt_party_key, NULL), 0);
	mt_list_add(l, "ACME TRADING", 12);
	ck_assert(mt_list_contains(l, "Acme Trading Co., Ltd.", 22));
	ck_assert(mt_list_contains(l, "acme trading", 12));
	ck_assert(!mt_list_contains(l, "Acme Shipping Ltd", 17));
	mt_lists_free(ls);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("party");
	TCase *tc = tcase_create("keys");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, test_keys, 0,
	    (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, test_every_form);
	tcase_add_test(tc, test_appends);
	tcase_add_test(tc, test_counted);
	tcase_add_test(tc, test_list);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
