/*
 * mt_util: what every module and tool needs: the program name in messages,
 * checked allocation, a growable byte buffer, a counted string, and the
 * checked close of standard output.
 */
#ifndef MT_UTIL_H
#define MT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A counted string that does not own its bytes. */
struct mt_str {
	const char *p;
	size_t n;
};

/* A growable byte buffer; len bytes of data in buf, cap allocated. */
struct mt_buf {
	char *buf;
	size_t len;
	size_t cap;
};

/* Name used as the prefix of every message; set once from argv[0]. */
void mt_set_progname(const char *argv0);
const char *mt_progname(void);

/*
 * Messages on stderr, prefixed with "progname: ". When the format ends in
 * ':' the text of errno is appended (sbase's eprintf convention).
 */
void mt_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void mt_vwarn(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/*
 * Write n bytes of message text to fp with terminal controls shown as
 * '?': C0 controls but tab and newline, DEL, and C1 controls (U+0080 to
 * U+009F), so that a name from the input cannot drive the terminal.
 * mt_warn writes its messages so, with a line feed shown as ? as well:
 * each message is one line.
 */
void mt_write_safe(FILE *fp, const char *p, size_t n);

/* mt_warn, then exit(2). For tools only, never for lib code. */
void mt_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Allocation that cannot fail: on exhaustion, report and exit 2. */
void *mt_xmalloc(size_t n);
void *mt_xrealloc(void *p, size_t n);
void *mt_xcalloc(size_t nmemb, size_t size);
char *mt_xstrdup(const char *s);
char *mt_xstrndup(const char *s, size_t n);

/* Buffer: make room for n more bytes, append, reset. */
void mt_buf_reserve(struct mt_buf *b, size_t n);
void mt_buf_add(struct mt_buf *b, const void *p, size_t n);
void mt_buf_addc(struct mt_buf *b, char c);
void mt_buf_free(struct mt_buf *b);

/* Compare a counted string with a C string. */
bool mt_str_eq(struct mt_str s, const char *c);

/*
 * Close stdout and report a failed write or close (disk full, closed pipe
 * without SIGPIPE); returns 0 or 2, the exit status to use.
 */
int mt_close_stdout(void);

#endif
