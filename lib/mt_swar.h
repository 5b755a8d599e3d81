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
