/*
 * mt_party: party-name keys for watch-list matching. Names are cut into
 * words of ASCII letters and digits (other UTF-8 bytes belong to words
 * as they are; single letters joined by dots or slashes are one word);
 * legal forms are dropped from the end, one after another, so that
 * "CO LTD" and "SDN BHD" go as well as "LTD".
 */
#include "config.h"

#include <string.h>

#include "mt_party.h"

/*
 * Legal forms, as words after upper-casing and punctuation removal.
 * Two-word forms ("SDN BHD") are matched word by word from the end.
 */
static const char *const legal_forms[] = {
	"AB", "AG", "AS", "ASA", "BHD", "BV", "BVBA", "CIA", "CO", "COMPANY",
	"CORP", "CORPORATION", "CV", "EIRL", "EIRELI", "FZC", "FZCO", "FZE",
	"FZLLC", "GMBH", "INC", "INCORPORATED", "JSC", "KFT", "KG", "KK",
	"LDA", "LIMITED", "LLC", "LLP", "LP", "LTD", "LTDA", "NV", "OAO",
	"OOO", "OY", "OYJ", "PCL", "PJSC", "PLC", "PT", "PTE", "PTY", "PVT",
	"SA", "SAC", "SAS", "SARL", "SDN", "SL", "SPA", "SPZOO", "SRL", "SRO",
	"TBK", "ZAO",
};

/* The longest legal form, INCORPORATED: longer words are none. */
#define LEGAL_FORM_MAX 12

static int
is_legal_form(const char *w, size_t n)
{
	size_t i;

	if (n < 2 || n > LEGAL_FORM_MAX)
		return 0;
	for (i = 0; i < sizeof legal_forms / sizeof legal_forms[0]; i++)
		if (legal_forms[i][0] == w[0] && strlen(legal_forms[i]) == n &&
		    memcmp(legal_forms[i], w, n) == 0)
			return 1;
	return 0;
}

static int
word_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

/*
 * A '.' or '/' between single letters joins them: "B.V.", "A/S" and
 * "S.p.A." are the words BV, AS and SPA.
 */
static int
joins_letters(const char *p, size_t n, size_t i, size_t seglen)
{
	return (p[i] == '.' || p[i] == '/') && seglen == 1 && i + 1 < n &&
	    word_byte((unsigned char)p[i + 1]) &&
	    (i + 2 == n || !word_byte((unsigned char)p[i + 2]));
}

void
mt_party_key(struct mt_buf *out, const char *p, size_t n, void *arg)
{
	size_t start = out->len, i, end, w, seglen = 0;
	int in_word = 0, dropped;

	char *o;

	(void)arg;
	/* At most 4 bytes a byte ("&" to " AND"): no check per byte. */
	mt_buf_reserve(out, 4 * n + 1);
	o = out->buf;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (in_word && joins_letters(p, n, i, seglen)) {
			seglen = 0;
			continue;
		}

		if (c == '&') {
			/* "A&B" and "A AND B" are one name. */
			if (out->len > start)
				o[out->len++] = ' ';
			memcpy(o + out->len, "AND", 3);
			out->len += 3;
			in_word = 0;
			continue;
		}
		if (!word_byte(c)) {
			in_word = 0;
			continue;
		}
		if (!in_word) {
			if (out->len > start)
				o[out->len++] = ' ';
			seglen = 0;
		}
		in_word = 1;
		seglen++;
		o[out->len++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
	}
	/*
	 * Drop legal forms from the end while a word stays before them, and
	 * an AND left before one: "Smith & Co." is SMITH, "Meyer GmbH & Co.
	 * KG" is MEYER.
	 */
	for (dropped = 0;; dropped = 1) {
		end = out->len;
		for (w = end; w > start && out->buf[w - 1] != ' '; w--)
			continue;
		if (w == start || (!is_legal_form(out->buf + w, end - w) &&
		    !(dropped && end - w == 3 &&
		    memcmp(out->buf + w, "AND", 3) == 0)))
			break;
		out->len = w - 1;	/* the word and the space before it */
	}
}
