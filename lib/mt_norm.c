/*
 * mt_norm: bring the values sources write to the canonical forms of the
 * record stream.
 *
 * manifest-parse calls these on every field of every row, so each is one
 * pass over a counted string into the caller's buffer, with no allocation.
 * Character classes, number parsing and number formatting are written out
 * here because <ctype.h>, strtod and printf follow LC_CTYPE and
 * LC_NUMERIC, and the record stream is C-locale whatever the user's locale.
 * Decimals are rewritten as strings, never through a double, so that what
 * the source wrote is what the record holds.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "mt_norm.h"

/* Longest input taken, so that every output length (at most 3n) fits an int. */
#define MAXLEN		((size_t)INT_MAX / 4)

/* Kilograms in an avoirdupois pound, exact by definition. */
#define KG_PER_LB	0.45359237

/* The high bit of each byte of a 64-bit word: any of them set means non-ASCII. */
#define HIGHBITS	UINT64_C(0x8080808080808080)

static int
is_digit(unsigned char c)
{
	return (unsigned)(c - '0') < 10;
}

static int
is_alpha(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26;
}

static unsigned char
to_upper(unsigned char c)
{
	return c ^ ((unsigned)(c - 'a') < 26) << 5;
}

static unsigned char
to_lower(unsigned char c)
{
	return c | ((unsigned)(c - 'A') < 26) << 5;
}

/* Space, tab, LF, VT, FF, CR. */
static int
is_space(unsigned char c)
{
	return c == ' ' || (unsigned)(c - '\t') < 5;
}

/* Length of the white space at s[i]: 1 for ASCII, 2 for NO-BREAK SPACE, else 0. */
static size_t
space_len(const unsigned char *s, size_t n, size_t i)
{
	if (is_space(s[i]))
		return 1;
	if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)
		return 2;
	return 0;
}

void
mt_trim(const char **str, size_t *np)
{
	const unsigned char *s = (const unsigned char *)*str;
	size_t n = *np, k;

	while (n > 0 && (k = space_len(s, n, 0)) > 0) {
		s += k;
		n -= k;
	}
	/* C2 cannot be a continuation byte, so C2 A0 at the end is always NBSP. */
	for (;;) {
		if (n > 0 && is_space(s[n - 1]))
			n--;
		else if (n > 1 && s[n - 2] == 0xC2 && s[n - 1] == 0xA0)
			n -= 2;
		else
			break;
	}
	*str = (const char *)s;
	*np = n;
}

/* Dates. */

static const char month_names[12][10] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* Month 1..12 from an English name or its first three letters, any case; 0 if none. */
static int
month_from_name(const unsigned char *s, size_t len)
{
	char low[9];
	size_t i;
	int m;

	if (len < 3 || len > sizeof(low))
		return 0;
	for (i = 0; i < len; i++)
		low[i] = to_lower(s[i]);
	if (len == 4 && memcmp(low, "sept", 4) == 0)
		return 9;
	for (m = 0; m < 12; m++) {
		if (len == 3 || strlen(month_names[m]) == len)
			if (memcmp(low, month_names[m], len) == 0)
				return m + 1;
	}
	return 0;
}

/* Read at most max digits from s[*i]; returns how many, their value in *v. */
static size_t
read_digits(const unsigned char *s, size_t n, size_t *i, size_t max, int *v)
{
	size_t k = 0;
	int x = 0;

	while (*i < n && k < max && is_digit(s[*i])) {
		x = x * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	*v = x;
	return k;
}

/* Read a month name at s[*i]; 0 if it is not one. */
static int
read_month(const unsigned char *s, size_t n, size_t *i)
{
	size_t a = *i;

	while (*i < n && is_alpha(s[*i]))
		(*i)++;
	return month_from_name(s + a, *i - a);
}

/*
 * What may follow a date: nothing, or 'T' or spaces then a time of day
 * H:MM or HH:MM, after which seconds, fractions and zones are not looked
 * at, since only the date is kept.
 */
static int
time_ok(const unsigned char *s, size_t n, size_t i)
{
	size_t from = i;
	int h, m;

	if (i == n)
		return 1;
	if (s[i] == 'T' || s[i] == 't')
		i++;
	else
		while (i < n && s[i] == ' ')
			i++;
	if (i == from)
		return 0;
	if (read_digits(s, n, &i, 2, &h) == 0 || i >= n || s[i] != ':')
		return 0;
	i++;
	if (read_digits(s, n, &i, 2, &m) != 2 || (i < n && is_digit(s[i])))
		return 0;
	return h < 24 && m < 60;
}

static int
date_exists(int y, int m, int d)
{
	static const unsigned char mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int last;

	/* Outside these years a manifest date is an error in the data. */
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1)
		return 0;
	last = mdays[m - 1];
	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		last = 29;
	return d <= last;
}

static int
is_numeric_sep(unsigned char c)
{
	return c == '-' || c == '/' || c == '.';
}

static int
is_name_sep(unsigned char c)
{
	return c == '-' || c == '/' || c == ' ';
}

/* 1 or 2 digits at s[*i]. */
static int
read_day_or_month(const unsigned char *s, size_t n, size_t *i, int *v)
{
	return read_digits(s, n, i, 2, v) > 0;
}

int
mt_norm_date(const char *str, size_t n, enum mt_date_order order, char *out)
{
	const unsigned char *s;
	size_t i = 0, k;
	int a, b, y, m, d;
	unsigned char sep;

	mt_trim(&str, &n);
	s = (const unsigned char *)str;
	if (n == 0)
		return -1;
	if (is_alpha(s[0])) {
		/* "Mon DD, YYYY", the comma or the space optional, not both */
		if ((m = read_month(s, n, &i)) == 0 || i >= n || s[i] != ' ')
			return -1;
		i++;
		if (!read_day_or_month(s, n, &i, &d))
			return -1;
		k = i;
		if (i < n && s[i] == ',')
			i++;
		if (i < n && s[i] == ' ')
			i++;
		if (i == k || read_digits(s, n, &i, 4, &y) != 4)
			return -1;
	} else {
		/* Up to 9 digits, so that 8 means exactly 8. */
		k = read_digits(s, n, &i, 9, &a);
		if (k == 8) {
			y = a / 10000;
			m = a / 100 % 100;
			d = a % 100;
		} else if (k == 4) {
			y = a;
			if (i >= n || !is_numeric_sep(sep = s[i++]) ||
			    !read_day_or_month(s, n, &i, &m) ||
			    i >= n || s[i++] != sep ||
			    !read_day_or_month(s, n, &i, &d))
				return -1;
		} else if (k == 1 || k == 2) {
			if (i + 1 >= n)
				return -1;
			sep = s[i++];
			if (is_alpha(s[i])) {
				d = a;
				if (!is_name_sep(sep) ||
				    (m = read_month(s, n, &i)) == 0 ||
				    i >= n || s[i++] != sep)
					return -1;
				k = read_digits(s, n, &i, 4, &y);
				if (k == 2)
					y += y < 70 ? 2000 : 1900;
				else if (k != 4)
					return -1;
			} else {
				if (!is_numeric_sep(sep) ||
				    !read_day_or_month(s, n, &i, &b) ||
				    i >= n || s[i++] != sep ||
				    read_digits(s, n, &i, 4, &y) != 4)
					return -1;
				if (order == MT_MDY) {
					m = a;
					d = b;
				} else {
					d = a;
					m = b;
				}
			}
		} else
			return -1;
	}
	if (!time_ok(s, n, i) || !date_exists(y, m, d))
		return -1;
	out[0] = '0' + y / 1000;
	out[1] = '0' + y / 100 % 10;
	out[2] = '0' + y / 10 % 10;
	out[3] = '0' + y % 10;
	out[4] = '-';
	out[5] = '0' + m / 10;
	out[6] = '0' + m % 10;
	out[7] = '-';
	out[8] = '0' + d / 10;
	out[9] = '0' + d % 10;
	return 10;
}

/* Decimals. */

/*
 * Length of a thousands separator at s[i], 0 if there is none; the
 * decimal point `point` is never one (0: both '.' and ',' are).
 */
static size_t
group_sep_len(const unsigned char *s, size_t n, size_t i, unsigned char point)
{
	unsigned char c = s[i];

	if (c == ' ' || c == '\'' || ((c == ',' || c == '.') && c != point))
		return 1;
	if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)
		return 2;
	if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0xAF)
		return 3;
	return 0;
}

/*
 * MT_DEC_AUTO: the decimal point for the number at s[i] (after the sign),
 * from the '.' and ',' in its span of digits joined by single separators.
 */
static unsigned char
auto_point(const unsigned char *s, size_t n, size_t i)
{
	size_t start = i, lead = 0, ndot = 0, ncomma = 0, last = 0, len;
	int seen = 0, last_first = 0;
	unsigned char c;

	while (i < n) {
		c = s[i];
		if (is_digit(c)) {
			i++;
			continue;
		}
		len = group_sep_len(s, n, i, 0);
		if (len == 0 || i + len >= n || !is_digit(s[i + len]))
			break;
		if (!seen)
			lead = i - start;
		if (c == '.' || c == ',') {
			ndot += c == '.';
			ncomma += c == ',';
			last = i;
			last_first = !seen;
		}
		seen = 1;
		i += len;
	}
	if (ndot && ncomma)
		return s[last];
	if (ndot + ncomma == 0)
		return i < n && s[i] == ',' ? ',' : '.';
	c = s[last];
	if (ndot + ncomma > 1)
		return c == '.' ? ',' : '.';
	/*
	 * One '.' or ','. It is a thousands separator only where it could
	 * be one: after a first group of 1 to 3 digits not starting with 0,
	 * and before exactly three digits.
	 */
	for (i = last + 1; i < n && is_digit(s[i]); i++)
		;
	if (i - last - 1 == 3 && last_first && lead >= 1 && lead <= 3 &&
	    s[start] != '0')
		return c == '.' ? ',' : '.';
	return c;
}

/*
 * The number at s into out, canonical; returns its length, or -1 when no
 * digit was read, and the bytes read in *used. out[0] and out[1] are kept
 * free while parsing for a '-' and a '0' that are only known at the end.
 */
static int
parse_decimal(const unsigned char *s, size_t n, enum mt_decimal dec,
    char *out, size_t *used)
{
	size_t i = 0, k, g, len, first, start, ok_i, ok_o, point_at;
	size_t o = 2, b = 2;
	int neg = 0, groups = 0;
	unsigned char point, tsep = 0;

	while (i < n && (k = space_len(s, n, i)) > 0)
		i += k;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	if (dec == MT_DEC_POINT)
		point = '.';
	else if (dec == MT_DEC_COMMA)
		point = ',';
	else
		point = auto_point(s, n, i);

	/* Leading zeros are read but not written. */
	for (start = i; i < n && is_digit(s[i]); i++)
		if (o > 2 || s[i] != '0')
			out[o++] = s[i];
	first = i - start;
	ok_i = i;
	ok_o = o;
	/*
	 * Groups: all of three digits (groups == 3), or Indian lakh and
	 * crore grouping, of two digits then a last one of three
	 * (groups == 2, "1,23,456"). One kind of separator per number.
	 * A group that does not fit ends the number at the last point
	 * where it was whole.
	 */
	if (first >= 1 && first <= 3 && s[start] != '0') {
		while (i < n && (len = group_sep_len(s, n, i, point)) > 0 &&
		    (tsep == 0 || s[i] == tsep)) {
			tsep = s[i];
			for (g = 0, k = i + len; k < n && is_digit(s[k]); k++, g++)
				out[o++] = s[k];
			i = k;
			if (g == 3) {
				ok_i = i;
				ok_o = o;
				if (groups == 2)
					break;
				groups = 3;
			} else if (g == 2 && groups != 3 && first <= 2)
				groups = 2;
			else
				break;
		}
		i = ok_i;
		o = ok_o;
	}

	point_at = o;
	if (i < n && s[i] == point) {
		out[o++] = '.';
		for (i++; i < n && is_digit(s[i]); i++)
			out[o++] = s[i];
		if (first == 0 && o == point_at + 1)
			return -1;
		while (out[o - 1] == '0')
			o--;
		if (out[o - 1] == '.')
			o--;
	} else if (first == 0)
		return -1;

	if (o == 2 || out[2] == '.')
		out[--b] = '0';
	if (neg && o > 2)
		out[--b] = '-';
	memmove(out, out + b, o - b);
	*used = i;
	return (int)(o - b);
}

static const double pow10_exact[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
 * The double of a canonical decimal. With at most 15 significant digits
 * and 22 fraction digits both the digits and the power of ten are exact
 * doubles, so the one division or product is correctly rounded.
 */
static double
canon_value(const char *p, int len)
{
	uint64_t m = 0;
	int i, nd = 0, e = 0, frac = 0, neg = 0;
	double v;

	for (i = 0; i < len; i++) {
		if (p[i] == '-')
			neg = 1;
		else if (p[i] == '.')
			frac = 1;
		else if (nd < 19) {
			m = m * 10 + (unsigned)(p[i] - '0');
			nd += m != 0;
			e -= frac;
		} else
			e += !frac;
	}
	v = (double)m;
	for (; e > 22; e -= 22)
		v *= 1e22;
	for (; e < -22; e += 22)
		v /= 1e22;
	v = e < 0 ? v / pow10_exact[-e] : v * pow10_exact[e];
	return neg ? -v : v;
}

int
mt_norm_decimal(const char *s, size_t n, enum mt_decimal dec, char *out,
    double *val, size_t *used)
{
	size_t u = 0;
	int len = -1;

	if (n <= MAXLEN)
		len = parse_decimal((const unsigned char *)s, n, dec, out, &u);
	if (used)
		*used = len < 0 ? 0 : u;
	if (len >= 0 && val)
		*val = canon_value(out, len);
	return len;
}

/* Weights. */

static const struct {
	const char *name;
	enum mt_unit unit;
} unit_names[] = {
	{ "kg", MT_UNIT_KG }, { "kgs", MT_UNIT_KG }, { "kgm", MT_UNIT_KG },
	{ "kilo", MT_UNIT_KG }, { "kilos", MT_UNIT_KG },
	{ "kilogram", MT_UNIT_KG }, { "kilograms", MT_UNIT_KG },
	{ "lb", MT_UNIT_LB }, { "lbs", MT_UNIT_LB }, { "lbr", MT_UNIT_LB },
	{ "pound", MT_UNIT_LB }, { "pounds", MT_UNIT_LB },
	{ "t", MT_UNIT_T }, { "mt", MT_UNIT_T }, { "tne", MT_UNIT_T },
	{ "ton", MT_UNIT_T }, { "tons", MT_UNIT_T },
	{ "tonne", MT_UNIT_T }, { "tonnes", MT_UNIT_T },
	{ "metric ton", MT_UNIT_T }, { "metric tons", MT_UNIT_T },
	{ "metric tonne", MT_UNIT_T }, { "metric tonnes", MT_UNIT_T },
};

int
mt_norm_unit(const char *str, size_t n)
{
	const unsigned char *s;
	char low[16];
	size_t i, k = 0, w;

	mt_trim(&str, &n);
	s = (const unsigned char *)str;
	if (n == 0)
		return MT_UNIT_NONE;
	if (s[n - 1] == '.')
		n--;
	if (n == 0 || n > sizeof(low))
		return -1;
	/* Lower case, inner white space runs as one space ("metric  tons"). */
	for (i = 0; i < n; i += w) {
		if ((w = space_len(s, n, i)) > 0) {
			if (low[k - 1] != ' ')
				low[k++] = ' ';
		} else {
			low[k++] = to_lower(s[i]);
			w = 1;
		}
	}
	for (i = 0; i < sizeof(unit_names) / sizeof(unit_names[0]); i++)
		if (strlen(unit_names[i].name) == k &&
		    memcmp(unit_names[i].name, low, k) == 0)
			return unit_names[i].unit;
	return -1;
}

/* Write an unsigned integer; returns its length. */
static int
write_uint(uint64_t v, char *out)
{
	char tmp[20];
	int k = 0, len;

	do {
		tmp[k++] = '0' + v % 10;
		v /= 10;
	} while (v != 0);
	for (len = 0; k > 0; len++)
		out[len] = tmp[--k];
	return len;
}

/*
 * v rounded to three decimals (half away from zero), trailing zeros and
 * point dropped, never "-0"; *val gets the value written. -1 when it is
 * too large for the rounding in 64-bit integers (or not a number).
 */
static int
write_thousandths(double v, char *out, double *val)
{
	double a = v < 0 ? -v : v;
	uint64_t r, frac;
	int len = 0, neg;

	if (!(a * 1000.0 < 9e18))
		return -1;
	r = (uint64_t)(a * 1000.0 + 0.5);
	neg = v < 0 && r != 0;
	if (val)
		*val = neg ? -((double)r / 1000.0) : (double)r / 1000.0;
	if (neg)
		out[len++] = '-';
	len += write_uint(r / 1000, out + len);
	if ((frac = r % 1000) != 0) {
		out[len++] = '.';
		out[len++] = '0' + frac / 100;
		if (frac % 100 != 0)
			out[len++] = '0' + frac / 10 % 10;
		if (frac % 10 != 0)
			out[len++] = '0' + frac % 10;
	}
	return len;
}

int
mt_norm_weight(const char *s, size_t n, enum mt_decimal dec,
    enum mt_unit unit, char *out, double *kg)
{
	double v;
	size_t used;
	int len, u;

	if ((len = mt_norm_decimal(s, n, dec, out, &v, &used)) < 0)
		return -1;
	if ((u = mt_norm_unit(s + used, n - used)) < 0)
		return -1;
	if (u == MT_UNIT_NONE)
		u = unit;
	switch (u) {
	case MT_UNIT_NONE:
	case MT_UNIT_KG:
		if (kg)
			*kg = v;
		return len;
	case MT_UNIT_LB:
		return write_thousandths(v * KG_PER_LB, out, kg);
	case MT_UNIT_T:
		return write_thousandths(v * 1000.0, out, kg);
	default:
		return -1;
	}
}

/* Counts. */

int
mt_norm_count(const char *s, size_t n, enum mt_decimal dec, char *out,
    long long *count, const char **rest, size_t *restn)
{
	const char *r;
	size_t used, rn;
	long long c = 0;
	int len, i, neg, d;

	if ((len = mt_norm_decimal(s, n, dec, out, NULL, &used)) < 0)
		return -1;
	/* The canonical form has a point only for a fraction that is not zero. */
	neg = out[0] == '-';
	for (i = neg; i < len; i++) {
		if (out[i] == '.')
			return -1;
		d = out[i] - '0';
		if (c > (LLONG_MAX - d) / 10)
			return -1;
		c = c * 10 + d;
	}
	r = s + used;
	rn = n - used;
	mt_trim(&r, &rn);
	if (count)
		*count = neg ? -c : c;
	if (rest)
		*rest = r;
	if (restn)
		*restn = rn;
	return len;
}

/* Codes and places. */

int
mt_norm_code(const char *str, size_t n, const char *drop, char *out)
{
	const unsigned char *s, *d;
	uint64_t set[4] = { 0, 0, 0, 0 };
	size_t i, k = 0;
	unsigned char c;

	if (n > MAXLEN)
		return -1;
	mt_trim(&str, &n);
	s = (const unsigned char *)str;
	if (drop != NULL)
		for (d = (const unsigned char *)drop; *d != '\0'; d++)
			set[*d >> 6] |= UINT64_C(1) << (*d & 63);
	/* Every byte is written; the cursor moves past the ones kept. */
	for (i = 0; i < n; i++) {
		c = s[i];
		out[k] = to_upper(c);
		k += !(set[c >> 6] >> (c & 63) & 1);
	}
	return (int)k;
}

int
mt_norm_locode(const char *str, size_t n, char *out)
{
	const unsigned char *s;
	size_t i, k = 0;
	unsigned char c;

	if (n > MAXLEN)
		return -1;
	mt_trim(&str, &n);
	s = (const unsigned char *)str;
	for (i = 0; i < n; i++) {
		c = s[i];
		if (i == 2 && (c == ' ' || c == '-' || c == '.'))
			continue;
		out[k++] = to_upper(c);
	}
	return (int)k;
}

static int
is_list_sep(unsigned char c)
{
	return c == ',' || c == ';' || c == '/' || c == '|' || c == '>';
}

static int
is_item_end(const unsigned char *s, size_t n, size_t i)
{
	return i >= n || space_len(s, n, i) > 0 || is_list_sep(s[i]);
}

/*
 * Where the dashes at s[i] end when they are a separator of their own
 * ("->", " - ", "CNSHA->SGSIN"), not part of an item ("NL-RTM"); else i.
 */
static size_t
arrow_end(const unsigned char *s, size_t n, size_t i)
{
	size_t j;

	for (j = i; j < n && s[j] == '-'; j++)
		;
	return j > i && is_item_end(s, n, j) ? j : i;
}

static int
is_alnum(unsigned char c)
{
	return is_alpha(c) || is_digit(c);
}

int
mt_norm_places(const char *str, size_t n, char *out)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, a, j, w, k = 0;
	int country = 0, ws_only;

	if (n > MAXLEN)
		return -1;
	while (i < n) {
		/* Separators, and the dashes of arrows ("->", " - ") as one. */
		ws_only = 1;
		while (i < n) {
			if ((w = space_len(s, n, i)) > 0) {
				i += w;
			} else if (is_list_sep(s[i])) {
				ws_only = 0;
				i++;
			} else if ((j = arrow_end(s, n, i)) > i) {
				ws_only = 0;
				i = j;
			} else
				break;
		}
		if (i >= n)
			break;
		for (a = i; !is_item_end(s, n, i); ) {
			if (s[i] != '-')
				i++;
			else if ((j = arrow_end(s, n, i)) > i)
				break;
			else
				while (s[i] == '-')
					i++;
		}
		/* "NL RTM": a country, then its location after white space. */
		if (country && ws_only && i - a == 3 && is_alnum(s[a]) &&
		    is_alnum(s[a + 1]) && is_alnum(s[a + 2])) {
			for (j = a; j < i; j++)
				out[k++] = to_upper(s[j]);
			country = 0;
			continue;
		}
		if (k > 0)
			out[k++] = ' ';
		country = i - a == 2 && is_alpha(s[a]) && is_alpha(s[a + 1]);
		k += mt_norm_locode(str + a, i - a, out + k);
	}
	return (int)k;
}

/* UTF-8. */

/*
 * The sequence at s (n > 0 bytes, s[0] not ASCII): its length when it is
 * valid per RFC 3629, else 0 with *sub the length of its maximal subpart,
 * the longest prefix that some valid sequence starts with (Unicode 3.9,
 * "U+FFFD Substitution of Maximal Subparts"), as browsers and Python do.
 */
static size_t
utf8_seq(const unsigned char *s, size_t n, size_t *sub)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t need, i;

	*sub = 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0)
		need = 1;
	else if (c < 0xF0) {
		need = 2;
		/* Overlongs below U+0800; surrogates U+D800..U+DFFF. */
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else {
		need = 3;
		/* Overlongs below U+10000; above U+10FFFF. */
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	}
	if (n < 2 || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i <= need; i++) {
		if (i >= n || (s[i] & 0xC0) != 0x80) {
			*sub = i;
			return 0;
		}
	}
	return need + 1;
}

size_t
mt_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len, sub, i;
	uint32_t c;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((len = utf8_seq(s, n, &sub)) == 0)
		return 0;
	c = s[0] & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
	for (i = 1; i < len; i++)
		c = c << 6 | (s[i] & 0x3f);
	*cp = c;
	return len;
}

int
mt_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len, sub;
	uint64_t w;

	while (i < n) {
		if (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((w & HIGHBITS) == 0) {
				i += 8;
				continue;
			}
		}
		while (i < n && s[i] < 0x80)
			i++;
		if (i == n)
			break;
		if ((len = utf8_seq(s + i, n - i, &sub)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

int
mt_utf8_repair(const char *str, size_t n, char *out, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k = 0, nbad = 0, len, sub;
	uint64_t w;

	if (n > MAXLEN)
		return -1;
	while (i < n) {
		if (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((w & HIGHBITS) == 0) {
				memcpy(out + k, &w, 8);
				i += 8;
				k += 8;
				continue;
			}
		}
		while (i < n && s[i] < 0x80)
			out[k++] = s[i++];
		if (i == n)
			break;
		if ((len = utf8_seq(s + i, n - i, &sub)) > 0) {
			memcpy(out + k, s + i, len);
			i += len;
			k += len;
		} else {
			out[k++] = (char)0xEF;
			out[k++] = (char)0xBF;
			out[k++] = (char)0xBD;
			i += sub;
			nbad++;
		}
	}
	if (bad)
		*bad = nbad;
	return (int)k;
}
