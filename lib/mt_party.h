/*
 * mt_party: the key under which party names (shippers, consignees,
 * notify parties) are compared with watch lists, so that "Acme Trading
 * Co., Ltd." and "ACME TRADING" meet: upper case, punctuation and runs
 * of white space as one space, "&" as AND, and legal forms at the end
 * (LTD, CO, LLC, INC, GMBH, SA, SDN BHD ...) dropped.
 */
#ifndef MT_PARTY_H
#define MT_PARTY_H

#include <stddef.h>

#include "mt_util.h"

/*
 * Append the key of the n bytes at p to out. The signature is that of
 * mt_list_key_fn (lib/mt_lists.h); arg is unused. A name that is nothing
 * but a legal form keeps it ("CO" stays "CO"); an empty name gives an
 * empty key.
 */
void mt_party_key(struct mt_buf *out, const char *p, size_t n, void *arg);

#endif
