/*
 * mt_schema: the canonical schema (version 1) of manifest-records(5), and
 * how source columns map to it: built-in synonyms of the header names
 * real exports use, matched ignoring case, spaces and punctuation, and
 * mapping files for other layouts.
 */
#ifndef MT_SCHEMA_H
#define MT_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

enum mt_field {
	MT_F_SOURCE, MT_F_LINE, MT_F_DOC_TYPE, MT_F_DOC_NO, MT_F_MASTER_DOC_NO,
	MT_F_MODE, MT_F_CARRIER, MT_F_CONVEYANCE, MT_F_VOYAGE,
	MT_F_DEPARTURE_DATE, MT_F_ARRIVAL_DATE, MT_F_ORIGIN_COUNTRY,
	MT_F_DESTINATION_COUNTRY, MT_F_LOADING_PLACE, MT_F_TRANSIT_PLACES,
	MT_F_DISCHARGE_PLACE, MT_F_SHIPPER_NAME, MT_F_SHIPPER_ADDRESS,
	MT_F_SHIPPER_COUNTRY, MT_F_CONSIGNEE_NAME, MT_F_CONSIGNEE_ADDRESS,
	MT_F_CONSIGNEE_COUNTRY, MT_F_NOTIFY_NAME, MT_F_CONTAINER_NO,
	MT_F_SEAL_NO, MT_F_CONTAINER_TYPE, MT_F_PACKAGES, MT_F_PACKAGE_TYPE,
	MT_F_GROSS_WEIGHT_KG, MT_F_VOLUME_M3, MT_F_HS_CODE, MT_F_DESCRIPTION,
	MT_F_MARKS, MT_F_VALUE, MT_F_CURRENCY, MT_F_FREIGHT_TERMS,
	MT_F_UN_NUMBER, MT_F_DQ,
	MT_NFIELDS,
	/* Source columns that feed normalisation but are not written. */
	MT_X_WEIGHT_UNIT = MT_NFIELDS,
	MT_X_VOLUME_UNIT,
	MT_NTARGETS,
	MT_COL_IGNORE = -2,	/* dropped on purpose (mapping file "-") */
	MT_COL_UNMAPPED = -1
};

#define MT_SCHEMA_VERSION 1

extern const char *const mt_field_names[MT_NTARGETS];

/* Scale of a source column's unit: weights to kg, volumes to m3. */
enum mt_scale { MT_SCALE_1, MT_SCALE_LB, MT_SCALE_T, MT_SCALE_CFT };

/* What a source column is. */
struct mt_colmap {
	int target;		/* enum mt_field, MT_X_*, or MT_COL_* */
	enum mt_scale scale;
	const char *doc_type;	/* document type the header implies, or NULL */
};

/* User mappings, from mapping files; they come before the synonyms. */
struct mt_mapping;

struct mt_mapping *mt_mapping_new(void);
/*
 * Load a mapping file (format in manifest-parse(1)). Returns 0, or -1
 * with "FILE:LINE: reason" in err.
 */
int mt_mapping_load(struct mt_mapping *m, const char *path, char *err,
    size_t errsz);
void mt_mapping_free(struct mt_mapping *m);

/* Target field or pseudo-field by canonical name; -1 if none. */
int mt_field_lookup(const char *name, size_t n);

/* Map a source header name (user mappings first, then synonyms). */
struct mt_colmap mt_schema_map(const struct mt_mapping *m, const char *name,
    size_t n);

/* Header name reduced to a-z and 0-9, lower case: the matching key. */
size_t mt_schema_key(const char *name, size_t n, char *out, size_t outsz);

#endif
