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
 * Legal forms, as words after upper-casing and punctuation removal, in
 * byte order. Two-word forms ("SDN BHD") are matched word by word from
 * the end.
 */
static const struct legal_form {
	const char *w;
	size_t n;
} legal_forms[] = {
#define F(w)	{ w, sizeof(w) - 1 }
	F("AB"), F("AG"), F("AS"), F("ASA"), F("BHD"), F("BV"),
	F("BVBA"), F("CIA"), F("CO"), F("COMPANY"), F("CORP"),
	F("CORPORATION"), F("CV"), F("EIRELI"), F("EIRL"), F("FZC"),
	F("FZCO"), F("FZE"), F("FZLLC"), F("GMBH"), F("INC"),
	F("INCORPORATED"), F("JSC"), F("KFT"), F("KG"), F("KK"),
	F("LDA"), F("LIMITED"), F("LLC"), F("LLP"), F("LP"), F("LTD"),
	F("LTDA"), F("NV"), F("OAO"), F("OOO"), F("OY"), F("OYJ"),
	F("PCL"), F("PJSC"), F("PLC"), F("PT"), F("PTE"), F("PTY"),
	F("PVT"), F("SA"), F("SAC"), F("SARL"), F("SAS"), F("SDN"),
	F("SL"), F("SPA"), F("SPZOO"), F("SRL"), F("SRO"), F("TBK"),
	F("ZAO"),
#undef F
};

/* The longest legal form, INCORPORATED: longer words are none. */
#define LEGAL_FORM_MAX 12

/* Word w of n bytes against form f, in byte order; short: no memcmp. */
static int
compare_form(const char *w, size_t n, const struct legal_form *f)
{
	size_t i, m = n < f->n ? n : f->n;

	for (i = 0; i < m; i++)
		if (w[i] != f->w[i])
			return (unsigned char)w[i] < (unsigned char)f->w[i] ?
			    -1 : 1;
	return n < f->n ? -1 : n > f->n;
}

/* The forms are in byte order: a binary search. */
static int
is_legal_form(const char *w, size_t n)
{
	size_t lo = 0, hi = sizeof legal_forms / sizeof legal_forms[0], mid;
	int c;

	if (n < 2 || n > LEGAL_FORM_MAX)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = compare_form(w, n, &legal_forms[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/*
 * A byte's part in a key: the byte itself, upper-cased, for the bytes of
 * words (ASCII letters and digits, and every byte of a multi-byte UTF-8
 * character), 0 for the others.
 */
#define KB(c)	((c) >= 'a' && (c) <= 'z' ? (c) - 32 : \
		 ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9') || \
		 (c) >= 0x80 ? (c) : 0)
#define KB4(c)	KB(c), KB((c) + 1), KB((c) + 2), KB((c) + 3)
#define KB16(c)	KB4(c), KB4((c) + 4), KB4((c) + 8), KB4((c) + 12)
#define KB64(c)	KB16(c), KB16((c) + 16), KB16((c) + 32), KB16((c) + 48)
static const unsigned char key_byte[256] = {
	KB64(0), KB64(64), KB64(128), KB64(192)
};
#undef KB64
#undef KB16
#undef KB4
#undef KB

static int
word_byte(unsigned char c)
{
	return key_byte[c] != 0;
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
	size_t start = out->len, i, k, end, w, seglen = 0;
	int in_word = 0, dropped;

	char *o;

	(void)arg;
	/* At most 4 bytes a byte ("&" to " AND"): no check per byte. */
	mt_buf_reserve(out, 4 * n + 1);
	o = out->buf;
	k = start;		/* kept in a local: o may alias out */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i], u = key_byte[c];

		if (u != 0) {
			if (!in_word) {
				if (k > start)
					o[k++] = ' ';
				seglen = 0;
				in_word = 1;
			}
			seglen++;
			o[k++] = (char)u;
			continue;
		}
		if (in_word && joins_letters(p, n, i, seglen)) {
			seglen = 0;
			continue;
		}
		if (c == '&') {
			/* "A&B" and "A AND B" are one name. */
			if (k > start)
				o[k++] = ' ';
			memcpy(o + k, "AND", 3);
			k += 3;
		}
		in_word = 0;
	}
	out->len = k;
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
