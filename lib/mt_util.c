/*
 * mt_util: program name, messages, checked allocation, byte buffers and
 * the checked close of standard output.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mt_util.h"

static const char *progname = "manifest-tools";

void
mt_set_progname(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	progname = slash ? slash + 1 : argv0;
}

const char *
mt_progname(void)
{
	return progname;
}

/* mt_write_safe, with a line feed shown as ? too unless keep_lf. */
static void
write_safe(FILE *fp, const char *p, size_t n, bool keep_lf)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		size_t len = 0;

		if ((c < 0x20 && c != '\t' && (c != '\n' || !keep_lf)) ||
		    c == 0x7f)
			len = 1;
		else if (c == 0xc2 && i + 1 < n &&
		    (unsigned char)p[i + 1] >= 0x80 &&
		    (unsigned char)p[i + 1] <= 0x9f)
			len = 2;	/* C1 controls, CSI among them */
		if (len == 0)
			continue;
		fwrite(p + start, 1, i - start, fp);
		fputc('?', fp);
		i += len - 1;
		start = i + 1;
	}
	fwrite(p + start, 1, n - start, fp);
}

void
mt_write_safe(FILE *fp, const char *p, size_t n)
{
	write_safe(fp, p, n, true);
}

void
mt_vwarn(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t len = strlen(fmt);
	char small[512], *msg = small;
	va_list aq;
	int n;

	fflush(stdout);
	va_copy(aq, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small) {
		msg = mt_xmalloc((size_t)n + 1);
		vsnprintf(msg, (size_t)n + 1, fmt, aq);
	}
	va_end(aq);
	fprintf(stderr, "%s: ", progname);
	/*
	 * Names and text from the input: no terminal controls, and no line
	 * feed, so that a message is one line whatever a file name holds.
	 */
	if (n > 0)
		write_safe(stderr, msg, (size_t)n, false);
	if (msg != small)
		free(msg);
	if (len > 0 && fmt[len - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
mt_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mt_vwarn(fmt, ap);
	va_end(ap);
}

void
mt_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mt_vwarn(fmt, ap);
	va_end(ap);
	exit(2);
}

static void *
checked(void *p)
{
	if (p == NULL)
		mt_die("out of memory");
	return p;
}

void *
mt_xmalloc(size_t n)
{
	return checked(malloc(n ? n : 1));
}

void *
mt_xrealloc(void *p, size_t n)
{
	return checked(realloc(p, n ? n : 1));
}

void *
mt_xcalloc(size_t nmemb, size_t size)
{
	return checked(calloc(nmemb ? nmemb : 1, size ? size : 1));
}

char *
mt_xstrdup(const char *s)
{
	return checked(strdup(s));
}

char *
mt_xstrndup(const char *s, size_t n)
{
	char *d = mt_xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void
mt_buf_reserve(struct mt_buf *b, size_t n)
{
	size_t need, cap;

	if (n <= b->cap - b->len)
		return;
	need = b->len + n;
	if (need < b->len)
		mt_die("out of memory");
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->buf = mt_xrealloc(b->buf, cap);
	b->cap = cap;
}

void
mt_buf_add(struct mt_buf *b, const void *p, size_t n)
{
	mt_buf_reserve(b, n);
	if (n)
		memcpy(b->buf + b->len, p, n);
	b->len += n;
}

void
mt_buf_addc(struct mt_buf *b, char c)
{
	mt_buf_reserve(b, 1);
	b->buf[b->len++] = c;
}

void
mt_buf_free(struct mt_buf *b)
{
	free(b->buf);
	b->buf = NULL;
	b->len = b->cap = 0;
}

bool
mt_str_eq(struct mt_str s, const char *c)
{
	return strlen(c) == s.n && memcmp(s.p, c, s.n) == 0;
}

int
mt_close_stdout(void)
{
	int bad = ferror(stdout);

	if (fclose(stdout) != 0 || bad) {
		mt_warn("write error on standard output:");
		return 2;
	}
	return 0;
}
