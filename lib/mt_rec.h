/*
 * mt_rec: the record stream of manifest-records(5): a header line of
 * tab-separated names, then one record per line with as many
 * tab-separated values, backslash escapes inside values. Writing escapes
 * values; reading splits lines into fields without copying them and
 * checks every line's field count.
 */
#ifndef MT_REC_H
#define MT_REC_H

#include <stdbool.h>
#include <stddef.h>

#include "mt_out.h"
#include "mt_util.h"

/*
 * Escape a value into out, which has room for 2 * n bytes; returns the
 * length written.
 */
size_t mt_rec_escape(char *out, const char *p, size_t n);

/* Write a value with \t \n \r \\ escaped. */
void mt_rec_put(struct mt_out *o, const char *p, size_t n);

/* Write a header line from names. */
void mt_rec_put_header(struct mt_out *o, const char *const *names, size_t n);

/*
 * Unescape a value into out (at least n bytes); returns the length.
 * A backslash before any other character, or at the end, is kept as is.
 */
size_t mt_rec_unescape(const char *p, size_t n, char *out);

/* A field name: [a-z][a-z0-9_]*. */
bool mt_rec_valid_name(const char *p, size_t n);

/* Outcomes of mt_rec_next. */
enum {
	MT_REC_ERROR = -2,	/* input error: stop reading this file */
	MT_REC_BAD = -1,	/* a line with the wrong field count: skipped */
	MT_REC_EOF = 0,
	MT_REC_OK = 1
};

struct mt_rec_reader;

/*
 * Open path ("-" for standard input), plain or gzip. On failure NULL with
 * the reason in err.
 */
struct mt_rec_reader *mt_rec_open(const char *path, char *err, size_t errsz);

/*
 * Read the header line. MT_REC_OK, MT_REC_EOF for empty input, or
 * MT_REC_ERROR (bad name, duplicate name, input error).
 */
int mt_rec_read_header(struct mt_rec_reader *r);

/* Header names (valid after mt_rec_read_header). */
const struct mt_str *mt_rec_names(const struct mt_rec_reader *r, size_t *n);

/* The header line as read, without its line end. */
struct mt_str mt_rec_header_line(const struct mt_rec_reader *r);

/*
 * Next record; lines equal to the header are skipped. Fields stay valid
 * until the next call. MT_REC_BAD and MT_REC_ERROR leave a message for
 * mt_rec_error ("7: 3 fields, header has 4": the line first, so that
 * FILE:MESSAGE reads as FILE:LINE: ...).
 */
int mt_rec_next(struct mt_rec_reader *r);

/* The next line, not split: for scans of the raw text. */
int mt_rec_next_line(struct mt_rec_reader *r, struct mt_str *line);

/* Split the line last returned by mt_rec_next_line. */
int mt_rec_split(struct mt_rec_reader *r);

/*
 * Check the field count of that line but split only its first span
 * fields: for readers that look at a few fields of every record.
 * mt_rec_nfields then gives span.
 */
int mt_rec_split_span(struct mt_rec_reader *r, size_t span);

/*
 * Split a line apart from a reader: its first span fields into fields,
 * and the number of fields it has (tabs plus one) returned.
 */
size_t mt_rec_split_line(const char *p, size_t n, struct mt_str *fields,
    size_t span);

const struct mt_str *mt_rec_fields(const struct mt_rec_reader *r);
size_t mt_rec_nfields(const struct mt_rec_reader *r);
struct mt_str mt_rec_line(const struct mt_rec_reader *r);
unsigned long mt_rec_lineno(const struct mt_rec_reader *r);
const char *mt_rec_error(const struct mt_rec_reader *r);
struct mt_zio *mt_rec_zio(const struct mt_rec_reader *r);
void mt_rec_close(struct mt_rec_reader *r);

#endif
