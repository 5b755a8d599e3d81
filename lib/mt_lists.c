/*
 * mt_lists: named lists as open-addressing hash sets.
 *
 * The bytes of every entry live in one pool; the entries array records
 * where, in the order they were added; the table maps hashes to entries
 * with linear probing and is kept at most half full, so that a lookup
 * that misses (the usual case for a watch list) ends after a probe or two.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "mt_lists.h"
#include "mt_norm.h"
#include "mt_swar.h"

struct entry {
	size_t off;		/* in pool */
	size_t len;
	uint64_t hash;
};

struct mt_list {
	char *name;
	struct mt_buf pool;
	struct entry *entries;
	size_t nentries, centries;
	size_t *table;		/* entry index + 1; 0 is a free slot */
	size_t tsize;		/* a power of two */
	mt_list_key_fn *key;
	void *key_arg;
	struct mt_buf scratch;	/* keys of looked-up values */
};

struct mt_lists {
	struct mt_list **v;
	size_t n, cap;
};

/*
 * Keys are hashed on every lookup, so eight bytes a step, each multiplied
 * in and folded, then mixed once more so that the low bits, which pick
 * the slot, depend on every byte.
 */
static uint64_t
hash_bytes(const char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;

	for (; n >= 8; p += 8, n -= 8) {
		h = (h ^ mt_swar_load(p)) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	if (n > 0)
		h = (h ^ mt_swar_load_tail(p, n, 0)) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	return h ^ (h >> 33);
}

struct mt_lists *
mt_lists_new(void)
{
	return mt_xcalloc(1, sizeof(struct mt_lists));
}

static void
list_free(struct mt_list *l)
{
	free(l->name);
	mt_buf_free(&l->pool);
	mt_buf_free(&l->scratch);
	free(l->entries);
	free(l->table);
	free(l);
}

void
mt_lists_free(struct mt_lists *ls)
{
	size_t i;

	if (ls == NULL)
		return;
	for (i = 0; i < ls->n; i++)
		list_free(ls->v[i]);
	free(ls->v);
	free(ls);
}

bool
mt_lists_valid_name(const char *name, size_t n)
{
	size_t i;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++) {
		char c = name[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '_')
			continue;
		if (i > 0 && c >= '0' && c <= '9')
			continue;
		return false;
	}
	return true;
}

struct mt_list *
mt_lists_get(const struct mt_lists *ls, const char *name, size_t n)
{
	size_t i;

	/* A handful of lists: a hash would not pay for itself. */
	for (i = 0; i < ls->n; i++)
		if (strlen(ls->v[i]->name) == n &&
		    memcmp(ls->v[i]->name, name, n) == 0)
			return ls->v[i];
	return NULL;
}

struct mt_list *
mt_lists_add(struct mt_lists *ls, const char *name, size_t n)
{
	struct mt_list *l;

	if (!mt_lists_valid_name(name, n) || mt_lists_get(ls, name, n))
		return NULL;
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 8;
		ls->v = mt_xrealloc(ls->v, ls->cap * sizeof(*ls->v));
	}
	l = mt_xcalloc(1, sizeof(*l));
	l->name = mt_xstrndup(name, n);
	ls->v[ls->n++] = l;
	return l;
}

size_t
mt_lists_count(const struct mt_lists *ls)
{
	return ls->n;
}

struct mt_list *
mt_lists_at(const struct mt_lists *ls, size_t i)
{
	return i < ls->n ? ls->v[i] : NULL;
}

const char *
mt_list_name(const struct mt_list *l)
{
	return l->name;
}

int
mt_list_set_key(struct mt_list *l, mt_list_key_fn *fn, void *arg)
{
	if (l->nentries > 0)
		return -1;
	l->key = fn;
	l->key_arg = arg;
	return 0;
}

/* The slot holding these bytes, or the free slot that ends the probe. */
static size_t
probe(const struct mt_list *l, const char *p, size_t n, uint64_t h)
{
	size_t mask = l->tsize - 1, i = (size_t)h & mask;
	const struct entry *e;

	while (l->table[i] != 0) {
		e = &l->entries[l->table[i] - 1];
		if (e->hash == h && e->len == n &&
		    (n == 0 || memcmp(l->pool.buf + e->off, p, n) == 0))
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

static void
grow_table(struct mt_list *l)
{
	size_t size = l->tsize ? l->tsize * 2 : 16, i, j, mask = size - 1;
	size_t *t = mt_xcalloc(size, sizeof(*t));

	for (i = 0; i < l->nentries; i++) {
		j = (size_t)l->entries[i].hash & mask;
		while (t[j] != 0)
			j = (j + 1) & mask;
		t[j] = i + 1;
	}
	free(l->table);
	l->table = t;
	l->tsize = size;
}

static bool
add_key(struct mt_list *l, const char *p, size_t n)
{
	uint64_t h = hash_bytes(p, n);
	struct entry *e;
	size_t slot;

	if (l->tsize == 0)
		grow_table(l);
	slot = probe(l, p, n, h);
	if (l->table[slot] != 0)
		return false;
	if (l->nentries == l->centries) {
		l->centries = l->centries ? l->centries * 2 : 16;
		l->entries = mt_xrealloc(l->entries,
		    l->centries * sizeof(*l->entries));
	}
	e = &l->entries[l->nentries];
	e->off = l->pool.len;
	e->len = n;
	e->hash = h;
	mt_buf_add(&l->pool, p, n);
	l->table[slot] = ++l->nentries;
	if (l->nentries * 2 > l->tsize)
		grow_table(l);
	return true;
}

bool
mt_list_add(struct mt_list *l, const char *p, size_t n)
{
	if (l->key == NULL)
		return add_key(l, p, n);
	l->scratch.len = 0;
	l->key(&l->scratch, p, n, l->key_arg);
	return add_key(l, l->scratch.buf, l->scratch.len);
}

bool
mt_list_contains(struct mt_list *l, const char *p, size_t n)
{
	return mt_list_contains_r(l, p, n, &l->scratch);
}

bool
mt_list_contains_r(const struct mt_list *l, const char *p, size_t n,
    struct mt_buf *scratch)
{
	if (l->nentries == 0)
		return false;
	if (l->key != NULL) {
		scratch->len = 0;
		l->key(scratch, p, n, l->key_arg);
		p = scratch->buf;
		n = scratch->len;
		/* An empty key (a name of punctuation only) is no name. */
		if (n == 0)
			return false;
	}
	return l->table[probe(l, p, n, hash_bytes(p, n))] != 0;
}

bool
mt_list_has_key(const struct mt_list *l)
{
	return l->key != NULL;
}

bool
mt_list_same_key(const struct mt_list *a, const struct mt_list *b)
{
	return a->key == b->key && a->key_arg == b->key_arg;
}

void
mt_list_key_of(const struct mt_list *l, struct mt_buf *out, const char *p,
    size_t n)
{
	l->key(out, p, n, l->key_arg);
}

bool
mt_list_contains_key(const struct mt_list *l, const char *key, size_t n)
{
	if (l->nentries == 0 || n == 0)
		return false;
	return l->table[probe(l, key, n, hash_bytes(key, n))] != 0;
}

size_t
mt_list_size(const struct mt_list *l)
{
	return l->nentries;
}

struct mt_str
mt_list_entry(const struct mt_list *l, size_t i)
{
	struct mt_str s = { "", 0 };

	/* The pool has no buffer yet when every entry is empty. */
	if (i < l->nentries && l->entries[i].len > 0) {
		s.p = l->pool.buf + l->entries[i].off;
		s.n = l->entries[i].len;
	}
	return s;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

int
mt_list_load(struct mt_list *l, const char *path, char *err, size_t errsz)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0, a, b;
	ssize_t got;
	unsigned long lineno = 0;
	int rc = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((got = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (memchr(line, '\0', (size_t)got) != NULL) {
			snprintf(err, errsz, "%s:%lu: NUL byte in entry", path,
			    lineno);
			rc = -1;
			break;
		}
		/* Trimming the blanks also takes the CR of a CRLF line end. */
		b = (size_t)got;
		if (b > 0 && line[b - 1] == '\n')
			b--;
		while (b > 0 && is_blank(line[b - 1]))
			b--;
		for (a = 0; a < b && is_blank(line[a]); a++)
			;
		if (a == b || line[a] == '#')
			continue;
		if (!mt_utf8_valid(line + a, b - a)) {
			snprintf(err, errsz, "%s:%lu: entry is not valid UTF-8",
			    path, lineno);
			rc = -1;
			break;
		}
		mt_list_add(l, line + a, b - a);
	}
	if (rc == 0 && ferror(fp)) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		rc = -1;
	} else if (rc == 0 && !feof(fp)) {
		/* getline gave up on a line: out of memory. */
		snprintf(err, errsz, "%s:%lu: %s", path, lineno + 1,
		    strerror(errno ? errno : ENOMEM));
		rc = -1;
	}
	free(line);
	fclose(fp);
	return rc;
}
