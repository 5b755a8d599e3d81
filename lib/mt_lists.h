/*
 * mt_lists: named lists of strings for `in @name` in expressions: watch
 * lists of parties, places, countries, HS codes. Each list is a hash set
 * matched on exact bytes, filled from a file of one entry per line or
 * entry by entry (lists written inline in a rules file).
 *
 * A list may carry a key function that maps every entry, and every value
 * looked up, to the form that is compared; party names compared after
 * normalisation of case, punctuation and legal suffixes plug in there.
 */
#ifndef MT_LISTS_H
#define MT_LISTS_H

#include <stdbool.h>
#include <stddef.h>

#include "mt_util.h"

struct mt_list;
struct mt_lists;

/*
 * A key function appends the key of the n bytes at p to out. It must be
 * deterministic: the same input always gives the same key.
 */
typedef void mt_list_key_fn(struct mt_buf *out, const char *p, size_t n,
    void *arg);

struct mt_lists *mt_lists_new(void);
void mt_lists_free(struct mt_lists *ls);

/* A list name: a letter or '_', then letters, digits and '_'. */
bool mt_lists_valid_name(const char *name, size_t n);

/*
 * Add an empty list. NULL when the name is not valid or a list of that
 * name exists already.
 */
struct mt_list *mt_lists_add(struct mt_lists *ls, const char *name, size_t n);

/* The list of that name, or NULL. */
struct mt_list *mt_lists_get(const struct mt_lists *ls, const char *name,
    size_t n);

/* The lists in the order they were added, for messages and listings. */
size_t mt_lists_count(const struct mt_lists *ls);
struct mt_list *mt_lists_at(const struct mt_lists *ls, size_t i);

const char *mt_list_name(const struct mt_list *l);

/*
 * Compare entries and values through fn. Only for an empty list: returns
 * -1 when the list has entries already.
 */
int mt_list_set_key(struct mt_list *l, mt_list_key_fn *fn, void *arg);

/* Add an entry; returns true if it was new, false for a duplicate. */
bool mt_list_add(struct mt_list *l, const char *p, size_t n);

/*
 * Add the entries of a file: one per line, white space around an entry
 * trimmed, CRLF line ends accepted, blank lines and lines whose first
 * non-blank character is '#' ignored. Returns 0, or -1 with a message in
 * err: "PATH: reason" when the file cannot be read, "PATH:LINE: reason"
 * for a line that is not valid UTF-8 or holds a NUL byte. Entries read
 * before an error stay in the list.
 */
int mt_list_load(struct mt_list *l, const char *path, char *err,
    size_t errsz);

/*
 * Whether the n bytes at p (through the key function, if any) are an
 * entry. Through a key function, a value whose key is empty is never one. Not reentrant for a list with a key function: the key is built
 * in the list's own buffer.
 */
bool mt_list_contains(struct mt_list *l, const char *p, size_t n);

/*
 * The same, building the key in scratch: reentrant, so that threads may
 * look up one list, each with its own scratch.
 */
bool mt_list_contains_r(const struct mt_list *l, const char *p, size_t n,
    struct mt_buf *scratch);

/*
 * For callers that look up one value in several lists of one key
 * function: whether the list has one, the key of a value appended to
 * out, and a lookup of a key made so (an empty key is never an entry).
 */
bool mt_list_has_key(const struct mt_list *l);
bool mt_list_same_key(const struct mt_list *a, const struct mt_list *b);
void mt_list_key_of(const struct mt_list *l, struct mt_buf *out,
    const char *p, size_t n);
bool mt_list_contains_key(const struct mt_list *l, const char *key,
    size_t n);

/* Entries (their keys, with a key function) in the order added. */
size_t mt_list_size(const struct mt_list *l);
struct mt_str mt_list_entry(const struct mt_list *l, size_t i);

#endif
