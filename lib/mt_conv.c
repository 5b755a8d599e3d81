/*
 * mt_conv: streaming iconv to UTF-8 with replacement of invalid bytes.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_conv.h"
#include "mt_util.h"

struct mt_conv {
	iconv_t cd;
	size_t unit;		/* bytes of one code unit: 1, 2 (UTF-16), 4 */
	struct mt_buf held;	/* an incomplete sequence from the last chunk */
	struct mt_buf out;
	unsigned long replaced;
};

/*
 * The size of a code unit of an encoding, found by encoding "A" and "AA"
 * (the difference leaves out a byte order mark): after a bad sequence the
 * reader skips one unit, so that UTF-16 stays in step.
 */
static size_t
code_unit(const char *enc)
{
	iconv_t cd = iconv_open(enc, "UTF-8");
	char in[2] = { 'A', 'A' }, out[32], *ip, *op;
	size_t il, ol, one, two;

	if (cd == (iconv_t)-1)
		return 1;
	ip = in, il = 1, op = out, ol = sizeof out;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		iconv_close(cd);
		return 1;
	}
	one = sizeof out - ol;
	iconv(cd, NULL, NULL, NULL, NULL);
	ip = in, il = 2, op = out, ol = sizeof out;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		iconv_close(cd);
		return 1;
	}
	two = sizeof out - ol;
	iconv_close(cd);
	return two > one && two - one <= 4 ? two - one : 1;
}

struct mt_conv *
mt_conv_open(const char *from, char *err, size_t errsz)
{
	struct mt_conv *c;
	iconv_t cd = iconv_open("UTF-8", from);

	if (cd == (iconv_t)-1) {
		snprintf(err, errsz, "unknown encoding '%s' (iconv -l lists "
		    "the known ones)", from);
		return NULL;
	}
	c = mt_xcalloc(1, sizeof *c);
	c->cd = cd;
	c->unit = code_unit(from);
	return c;
}

static void
replace(struct mt_conv *c)
{
	mt_buf_add(&c->out, "\xef\xbf\xbd", 3);
	c->replaced++;
}

/* Convert all of in, except an incomplete tail when !last. */
static size_t
convert(struct mt_conv *c, const char *in, size_t n, bool last)
{
	char *ip = (char *)in, *op;
	size_t il = n, ol, before;

	while (il > 0) {
		mt_buf_reserve(&c->out, 4 * il + 16);
		op = c->out.buf + c->out.len;
		ol = c->out.cap - c->out.len;
		before = ol;
		if (iconv(c->cd, &ip, &il, &op, &ol) != (size_t)-1) {
			c->out.len += before - ol;
			break;
		}
		c->out.len += before - ol;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !last)
			return il;	/* incomplete: keep for the next chunk */
		/* EILSEQ, or EINVAL at the very end: one unit replaced. */
		replace(c);
		ip += il < c->unit ? il : c->unit;
		il -= il < c->unit ? il : c->unit;
	}
	if (last) {
		mt_buf_reserve(&c->out, 64);
		op = c->out.buf + c->out.len;
		ol = c->out.cap - c->out.len;
		before = ol;
		(void)iconv(c->cd, NULL, NULL, &op, &ol);
		c->out.len += before - ol;
	}
	return 0;
}

size_t
mt_conv_run(struct mt_conv *c, const char *in, size_t n, bool last,
    const char **out)
{
	size_t left;

	c->out.len = 0;
	if (c->held.len > 0) {
		/* Complete the held sequence with the new bytes. */
		struct mt_buf tmp = { 0 };

		mt_buf_add(&tmp, c->held.buf, c->held.len);
		mt_buf_add(&tmp, in, n);
		c->held.len = 0;
		left = convert(c, tmp.buf, tmp.len, last);
		mt_buf_add(&c->held, tmp.buf + tmp.len - left, left);
		mt_buf_free(&tmp);
	} else {
		left = convert(c, in, n, last);
		mt_buf_add(&c->held, in + n - left, left);
	}
	*out = c->out.buf ? c->out.buf : "";
	return c->out.len;
}

unsigned long
mt_conv_replaced(const struct mt_conv *c)
{
	return c->replaced;
}

void
mt_conv_close(struct mt_conv *c)
{
	if (c == NULL)
		return;
	iconv_close(c->cd);
	mt_buf_free(&c->held);
	mt_buf_free(&c->out);
	free(c);
}
