/*
 * mt_swar: byte tests eight at a time in a 64-bit word, for the scans
 * that run over every byte of every record (escaping, white space
 * folding). Each mask has the high bit of every byte that matches, and no
 * other bit; bytes are loaded little-endian, so byte i is bits 8i..8i+7.
 */
#ifndef MT_SWAR_H
#define MT_SWAR_H

#include <stdint.h>
#include <string.h>

#define MT_SWAR_ONES	0x0101010101010101ULL
#define MT_SWAR_HIGH	0x8080808080808080ULL

static inline uint64_t
mt_swar_load(const void *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

/*
 * The n bytes at p (0 < n < 8) in the low bytes of a word, the others
 * set to fill. Built from narrow loads, which a store just before does
 * not stall the way an 8-byte load of a copied tail does.
 */
static inline uint64_t
mt_swar_load_tail(const void *p, size_t n, unsigned char fill)
{
	const unsigned char *b = p;
	uint64_t v;
	uint32_t x, y;

	if (n >= 4) {
		memcpy(&x, b, 4);
		memcpy(&y, b + n - 4, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		x = __builtin_bswap32(x);
		y = __builtin_bswap32(y);
#endif
		v = (uint64_t)x | (uint64_t)y << (8 * (n - 4));
	} else {
		v = (uint64_t)b[0] | (uint64_t)b[n / 2] << (8 * (n / 2)) |
		    (uint64_t)b[n - 1] << (8 * (n - 1));
	}
	return v | ((fill * MT_SWAR_ONES) << (8 * n));
}

/* Bytes below n (1 <= n <= 128); bytes of 0x80 and above never match. */
static inline uint64_t
mt_swar_lt(uint64_t v, unsigned n)
{
	uint64_t t = (v & ~MT_SWAR_HIGH) + (0x80 - n) * MT_SWAR_ONES;

	return ~(t | v) & MT_SWAR_HIGH;
}

/* Bytes equal to c. */
static inline uint64_t
mt_swar_eq(uint64_t v, unsigned char c)
{
	return mt_swar_lt(v ^ (c * MT_SWAR_ONES), 1);
}

/* Index of the first matching byte of a non-zero mask. */
static inline unsigned
mt_swar_first(uint64_t m)
{
	return (unsigned)__builtin_ctzll(m) / 8;
}

#endif
