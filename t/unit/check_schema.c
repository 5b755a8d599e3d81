/*
 * Unit tests of mt_schema: matching keys, canonical names, a sample of
 * the built-in synonyms with their units and document types, names left
 * unmapped on purpose, and mapping files with each error's exact text.
 */
#include "config.h"

#include <check.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mt_schema.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static struct mt_colmap
map(const struct mt_mapping *m, const char *name)
{
	/* a block of exactly the name's length: no reading past it */
	size_t n = strlen(name);
	char *p = malloc(n > 0 ? n : 1);
	struct mt_colmap cm;

	ck_assert_ptr_nonnull(p);
	memcpy(p, name, n);
	cm = mt_schema_map(m, p, n);
	free(p);
	return cm;
}

static const char *
target_name(int t)
{
	if (t == MT_COL_UNMAPPED)
		return "(unmapped)";
	if (t == MT_COL_IGNORE)
		return "(ignored)";
	if (t >= 0 && t < MT_NTARGETS)
		return mt_field_names[t];
	return "(bad target)";
}

/* --- keys ---------------------------------------------------------------- */

static const struct {
	const char *in;
	size_t outsz;
	const char *want;
} key_cases[] = {
	{ "B/L No", 64, "blno" },
	{ "BL_NO", 64, "blno" },
	{ "bl no.", 64, "blno" },
	{ "Bill of Lading", 64, "billoflading" },
	{ "AWB No.", 64, "awbno" },
	{ "Gross Weight (KG)", 64, "grossweightkg" },
	{ "  Container-No  ", 64, "containerno" },
	{ "HS-Code 2022", 64, "hscode2022" },
	{ "A1_b2", 64, "a1b2" },
	{ "ZYXWVUTSRQPONMLKJIHGFEDCBA", 64, "zyxwvutsrqponmlkjihgfedcba" },
	{ "0123456789", 64, "0123456789" },
	{ "@[`{/:", 64, "" },		/* the neighbours of A-Z a-z 0-9 */
	{ "Poids brut (kg)", 64, "poidsbrutkg" },
	{ "Gew\xc3\xa4" "cht", 64, "gewcht" },	/* non-ASCII dropped */
	{ "", 64, "" },
	{ "---", 64, "" },
	{ "ABCDEF", 4, "abc" },		/* cut to the room given */
	{ "A-B-C-D", 3, "ab" },
	{ "ABC", 1, "" },
};

START_TEST(test_key)
{
	const char *in = key_cases[_i].in;
	size_t n = strlen(in), outsz = key_cases[_i].outsz, len;
	char *p = malloc(n > 0 ? n : 1), *out = malloc(outsz);

	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(out);
	memcpy(p, in, n);
	len = mt_schema_key(p, n, out, outsz);
	ck_assert_str_eq(out, key_cases[_i].want);
	ck_assert_uint_eq(len, strlen(key_cases[_i].want));
	free(p);
	free(out);
}
END_TEST

/* --- canonical names ----------------------------------------------------- */

START_TEST(test_field_lookup)
{
	int i;

	for (i = 0; i < MT_NTARGETS; i++)
		ck_assert_int_eq(mt_field_lookup(mt_field_names[i],
		    strlen(mt_field_names[i])), i);
	ck_assert_int_eq(mt_field_lookup("doc_no", 3), -1);
	ck_assert_int_eq(mt_field_lookup("doc_nos", 7), -1);
	ck_assert_int_eq(mt_field_lookup("Doc_No", 6), -1);
	ck_assert_int_eq(mt_field_lookup("docno", 5), -1);
	ck_assert_int_eq(mt_field_lookup("", 0), -1);
	ck_assert_int_eq(mt_field_lookup("score", 5), -1);
	ck_assert_str_eq(mt_field_names[MT_F_SOURCE], "source");
	ck_assert_str_eq(mt_field_names[MT_F_DQ], "dq");
	ck_assert_str_eq(mt_field_names[MT_X_WEIGHT_UNIT], "weight_unit");
	ck_assert_str_eq(mt_field_names[MT_X_VOLUME_UNIT], "volume_unit");
}
END_TEST

/* "gross_weight_kg" as "GROSS WEIGHT KG". */
static void
spell_upper(const char *name, char *out, size_t outsz)
{
	size_t i;

	for (i = 0; name[i] != '\0' && i + 1 < outsz; i++)
		out[i] = name[i] == '_' ? ' ' :
		    (char)toupper((unsigned char)name[i]);
	out[i] = '\0';
}

/*
 * Every field a source can hold maps to itself, as written and in other
 * spellings of the same key; source, line and dq are the parser's own
 * and do not.
 */
START_TEST(test_canonical_names)
{
	struct mt_colmap cm;
	char upper[64];
	int i;

	for (i = MT_F_DOC_TYPE; i < MT_F_DQ; i++) {
		cm = map(NULL, mt_field_names[i]);
		ck_assert_msg(cm.target == i && cm.scale == MT_SCALE_1 &&
		    cm.doc_type == NULL, "%s maps to %s", mt_field_names[i],
		    target_name(cm.target));
		spell_upper(mt_field_names[i], upper, sizeof upper);
		cm = map(NULL, upper);
		ck_assert_msg(cm.target == i, "%s maps to %s", upper,
		    target_name(cm.target));
	}
	ck_assert_int_eq(map(NULL, "source").target, MT_COL_UNMAPPED);
	ck_assert_int_eq(map(NULL, "line").target, MT_COL_UNMAPPED);
	ck_assert_int_eq(map(NULL, "dq").target, MT_COL_UNMAPPED);
	ck_assert_int_eq(map(NULL, "weight_unit").target, MT_X_WEIGHT_UNIT);
	ck_assert_int_eq(map(NULL, "volume_unit").target, MT_X_VOLUME_UNIT);
}
END_TEST

/* --- synonyms ------------------------------------------------------------ */

static const struct {
	const char *name;
	int target;
	enum mt_scale scale;
	const char *doc_type;
} synonym_cases[] = {
	{ "B/L No", MT_F_DOC_NO, MT_SCALE_1, "BL" },
	{ "BILL OF LADING", MT_F_DOC_NO, MT_SCALE_1, "BL" },
	{ "Bill of Lading No.", MT_F_DOC_NO, MT_SCALE_1, "BL" },
	{ "BL_NUMBER", MT_F_DOC_NO, MT_SCALE_1, "BL" },
	{ "AWB No.", MT_F_DOC_NO, MT_SCALE_1, "AWB" },
	{ "Air Waybill", MT_F_DOC_NO, MT_SCALE_1, "AWB" },
	{ "HAWB", MT_F_DOC_NO, MT_SCALE_1, "HAWB" },
	{ "House B/L No", MT_F_DOC_NO, MT_SCALE_1, "HBL" },
	{ "CMR No", MT_F_DOC_NO, MT_SCALE_1, "CMR" },
	{ "Rail Waybill", MT_F_DOC_NO, MT_SCALE_1, "RWB" },
	{ "Document No", MT_F_DOC_NO, MT_SCALE_1, NULL },
	{ "MAWB", MT_F_MASTER_DOC_NO, MT_SCALE_1, NULL },
	{ "Master B/L", MT_F_MASTER_DOC_NO, MT_SCALE_1, NULL },
	{ "Doc Type", MT_F_DOC_TYPE, MT_SCALE_1, NULL },
	{ "Mode of Transport", MT_F_MODE, MT_SCALE_1, NULL },
	{ "Vessel Name", MT_F_CONVEYANCE, MT_SCALE_1, NULL },
	{ "Flight No", MT_F_CONVEYANCE, MT_SCALE_1, NULL },
	{ "Voyage No.", MT_F_VOYAGE, MT_SCALE_1, NULL },
	{ "ETD", MT_F_DEPARTURE_DATE, MT_SCALE_1, NULL },
	{ "ETA", MT_F_ARRIVAL_DATE, MT_SCALE_1, NULL },
	{ "Country of Origin", MT_F_ORIGIN_COUNTRY, MT_SCALE_1, NULL },
	{ "Port of Loading", MT_F_LOADING_PLACE, MT_SCALE_1, NULL },
	{ "POL", MT_F_LOADING_PLACE, MT_SCALE_1, NULL },
	{ "Port of Discharge", MT_F_DISCHARGE_PLACE, MT_SCALE_1, NULL },
	{ "POD", MT_F_DISCHARGE_PLACE, MT_SCALE_1, NULL },
	{ "Transhipment Ports", MT_F_TRANSIT_PLACES, MT_SCALE_1, NULL },
	{ "Shipper", MT_F_SHIPPER_NAME, MT_SCALE_1, NULL },
	{ "Exporter", MT_F_SHIPPER_NAME, MT_SCALE_1, NULL },
	{ "Consignor", MT_F_SHIPPER_NAME, MT_SCALE_1, NULL },
	{ "Shipper Address", MT_F_SHIPPER_ADDRESS, MT_SCALE_1, NULL },
	{ "Consignee", MT_F_CONSIGNEE_NAME, MT_SCALE_1, NULL },
	{ "Notify Party", MT_F_NOTIFY_NAME, MT_SCALE_1, NULL },
	{ "Container No", MT_F_CONTAINER_NO, MT_SCALE_1, NULL },
	{ "Cntr No", MT_F_CONTAINER_NO, MT_SCALE_1, NULL },
	{ "Seal No", MT_F_SEAL_NO, MT_SCALE_1, NULL },
	{ "Size/Type", MT_F_CONTAINER_TYPE, MT_SCALE_1, NULL },
	{ "No. of Packages", MT_F_PACKAGES, MT_SCALE_1, NULL },
	{ "Package Type", MT_F_PACKAGE_TYPE, MT_SCALE_1, NULL },
	{ "Gross Weight (KG)", MT_F_GROSS_WEIGHT_KG, MT_SCALE_1, NULL },
	{ "GW", MT_F_GROSS_WEIGHT_KG, MT_SCALE_1, NULL },
	{ "Weight LBS", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB, NULL },
	{ "Gross Weight (lb)", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB, NULL },
	{ "Gross Weight (t)", MT_F_GROSS_WEIGHT_KG, MT_SCALE_T, NULL },
	{ "Weight Unit", MT_X_WEIGHT_UNIT, MT_SCALE_1, NULL },
	{ "Volume CFT", MT_F_VOLUME_M3, MT_SCALE_CFT, NULL },
	{ "CBM", MT_F_VOLUME_M3, MT_SCALE_1, NULL },
	{ "Volume (m3)", MT_F_VOLUME_M3, MT_SCALE_1, NULL },
	{ "Volume UOM", MT_X_VOLUME_UNIT, MT_SCALE_1, NULL },
	{ "HS", MT_F_HS_CODE, MT_SCALE_1, NULL },
	{ "HTS", MT_F_HS_CODE, MT_SCALE_1, NULL },
	{ "Tariff", MT_F_HS_CODE, MT_SCALE_1, NULL },
	{ "Commodity Code", MT_F_HS_CODE, MT_SCALE_1, NULL },
	{ "TARIC Code", MT_F_HS_CODE, MT_SCALE_1, NULL },
	{ "Description of Goods", MT_F_DESCRIPTION, MT_SCALE_1, NULL },
	{ "Cargo Description", MT_F_DESCRIPTION, MT_SCALE_1, NULL },
	{ "Commodity", MT_F_DESCRIPTION, MT_SCALE_1, NULL },
	{ "Marks & Numbers", MT_F_MARKS, MT_SCALE_1, NULL },
	{ "Declared Value", MT_F_VALUE, MT_SCALE_1, NULL },
	{ "Currency Code", MT_F_CURRENCY, MT_SCALE_1, NULL },
	{ "Freight Terms", MT_F_FREIGHT_TERMS, MT_SCALE_1, NULL },
	{ "PP/CC", MT_F_FREIGHT_TERMS, MT_SCALE_1, NULL },
	{ "UN No", MT_F_UN_NUMBER, MT_SCALE_1, NULL },
};

START_TEST(test_synonyms)
{
	struct mt_colmap cm = map(NULL, synonym_cases[_i].name);
	const char *dt = synonym_cases[_i].doc_type;

	ck_assert_msg(cm.target == synonym_cases[_i].target,
	    "\"%s\" maps to %s, want %s", synonym_cases[_i].name,
	    target_name(cm.target), target_name(synonym_cases[_i].target));
	ck_assert_int_eq(cm.scale, synonym_cases[_i].scale);
	if (dt == NULL)
		ck_assert_ptr_null(cm.doc_type);
	else
		ck_assert_msg(cm.doc_type != NULL && strcmp(cm.doc_type, dt) ==
		    0, "\"%s\": doc_type %s, want %s", synonym_cases[_i].name,
		    cm.doc_type ? cm.doc_type : "NULL", dt);
}
END_TEST

/* Words too vague to guess: a wrong guess is worse than no mapping. */
static const char *const unmapped_cases[] = {
	"Address", "Name", "Type", "Date", "Qty", "a", "", " ", "#", "No.",
	"Origin", "Destination", "Freight", "Unknown Column", "Remarks",
	"Score", "Lane",
};

START_TEST(test_unmapped)
{
	struct mt_colmap cm = map(NULL, unmapped_cases[_i]);

	ck_assert_msg(cm.target == MT_COL_UNMAPPED, "\"%s\" maps to %s",
	    unmapped_cases[_i], target_name(cm.target));
	ck_assert_int_eq(cm.scale, MT_SCALE_1);
	ck_assert_ptr_null(cm.doc_type);
}
END_TEST

/* A name longer than the key buffer: unmapped, and nothing overruns. */
START_TEST(test_long_name)
{
	char name[1001];

	memset(name, 'x', 1000);
	name[1000] = '\0';
	ck_assert_int_eq(map(NULL, name).target, MT_COL_UNMAPPED);
	memcpy(name, "Container No", 12);
	ck_assert_int_eq(map(NULL, name).target, MT_COL_UNMAPPED);
}
END_TEST

/* --- mapping files ------------------------------------------------------- */

static char *
write_temp(const char *text)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	size_t n = strlen(text), len;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	len = strlen(dir) + 32;
	path = malloc(len);
	ck_assert_ptr_nonnull(path);
	snprintf(path, len, "%s/check_schema.XXXXXX", dir);
	fd = mkstemp(path);
	ck_assert_msg(fd >= 0, "mkstemp: %s", strerror(errno));
	ck_assert_int_eq(write(fd, text, n), (ssize_t)n);
	ck_assert_int_eq(close(fd), 0);
	return path;
}

static void
remove_temp(char *path)
{
	ck_assert_int_eq(unlink(path), 0);
	free(path);
}

START_TEST(test_mapping_good)
{
	char *path = write_temp(
	    "# mapping for the Acme export\n"
	    "\n"
	    "   \t\n"
	    "  # an indented comment\n"
	    "Consignor Ref = doc_no\n"
	    "  Gewicht (lbs)\t=\tgross_weight_kg:lb   \n"
	    "Internal Notes = -\n"
	    "Vol cuft=volume_m3:cft\n"
	    "Tonnage = gross_weight_kg:t\n"
	    "Net KG = gross_weight_kg:kg\n"
	    "Cubic = volume_m3:m3\n"
	    "Wt Unit Code = weight_unit\n"
	    "a=b = marks\n"
	    "Shipper = consignee_name\r\n"
	    "Weight = gross_weight_kg:lb\n"
	    "Twice = marks\n"
	    "Twice = description\n"
	    "No final line end = carrier");
	struct mt_mapping *m = mt_mapping_new();
	char err[256] = "";
	struct mt_colmap cm;

	ck_assert_int_eq(mt_mapping_load(m, path, err, sizeof err), 0);
	ck_assert_str_eq(err, "");

	cm = map(m, "CONSIGNOR_REF");
	ck_assert_int_eq(cm.target, MT_F_DOC_NO);
	ck_assert_ptr_null(cm.doc_type);
	cm = map(m, "gewicht lbs");
	ck_assert_int_eq(cm.target, MT_F_GROSS_WEIGHT_KG);
	ck_assert_int_eq(cm.scale, MT_SCALE_LB);
	ck_assert_int_eq(map(m, "Internal-Notes").target, MT_COL_IGNORE);
	cm = map(m, "Vol. (cuft)");
	ck_assert_int_eq(cm.target, MT_F_VOLUME_M3);
	ck_assert_int_eq(cm.scale, MT_SCALE_CFT);
	ck_assert_int_eq(map(m, "Tonnage").scale, MT_SCALE_T);
	cm = map(m, "Net KG");
	ck_assert_int_eq(cm.target, MT_F_GROSS_WEIGHT_KG);
	ck_assert_int_eq(cm.scale, MT_SCALE_1);
	cm = map(m, "cubic");
	ck_assert_int_eq(cm.target, MT_F_VOLUME_M3);
	ck_assert_int_eq(cm.scale, MT_SCALE_1);
	ck_assert_int_eq(map(m, "wt unit code").target, MT_X_WEIGHT_UNIT);
	/* the last '=' separates the sides */
	ck_assert_int_eq(map(m, "A=B").target, MT_F_MARKS);
	/* mappings come before the synonyms */
	ck_assert_int_eq(map(m, "Shipper").target, MT_F_CONSIGNEE_NAME);
	cm = map(m, "WEIGHT");
	ck_assert_int_eq(cm.target, MT_F_GROSS_WEIGHT_KG);
	ck_assert_int_eq(cm.scale, MT_SCALE_LB);
	/* the last line for a column counts */
	ck_assert_int_eq(map(m, "Twice").target, MT_F_DESCRIPTION);
	ck_assert_int_eq(map(m, "no final line end").target, MT_F_CARRIER);
	/* the rest still goes to the synonyms */
	ck_assert_int_eq(map(m, "Consignee").target, MT_F_CONSIGNEE_NAME);
	cm = map(m, "AWB No");
	ck_assert_int_eq(cm.target, MT_F_DOC_NO);
	ck_assert_str_eq(cm.doc_type, "AWB");
	ck_assert_int_eq(map(m, "Address").target, MT_COL_UNMAPPED);
	ck_assert_int_eq(map(m, "").target, MT_COL_UNMAPPED);

	mt_mapping_free(m);
	remove_temp(path);
}
END_TEST

/* A later file overrides an earlier one. */
START_TEST(test_mapping_two_files)
{
	char *a = write_temp("Ref = doc_no\nWeight = gross_weight_kg:lb\n");
	char *b = write_temp("Ref = master_doc_no\n");
	struct mt_mapping *m = mt_mapping_new();
	char err[256] = "";

	ck_assert_int_eq(mt_mapping_load(m, a, err, sizeof err), 0);
	ck_assert_int_eq(mt_mapping_load(m, b, err, sizeof err), 0);
	ck_assert_int_eq(map(m, "Ref").target, MT_F_MASTER_DOC_NO);
	ck_assert_int_eq(map(m, "Weight").scale, MT_SCALE_LB);
	mt_mapping_free(m);
	remove_temp(a);
	remove_temp(b);
}
END_TEST

START_TEST(test_mapping_empty_file)
{
	char *path = write_temp("");
	struct mt_mapping *m = mt_mapping_new();
	char err[256] = "";

	ck_assert_int_eq(mt_mapping_load(m, path, err, sizeof err), 0);
	ck_assert_int_eq(map(m, "Shipper").target, MT_F_SHIPPER_NAME);
	mt_mapping_free(m);
	remove_temp(path);
	mt_mapping_free(NULL);
}
END_TEST

#define UNKNOWN_FIELD	"unknown field (see manifest-records(5) for the " \
	"canonical fields)"
#define UNKNOWN_UNIT	"unknown unit (kg, lb, t, m3, cft)"
#define WRONG_UNIT	"unit does not apply to this field"

static const struct {
	const char *text;
	unsigned long line;
	const char *reason;
} mapping_errors[] = {
	{ "no equals sign\n", 1, "expected 'Source column = field'" },
	{ "# ok\n\nA = doc_no\nB doc_no\n", 4,
	    "expected 'Source column = field'" },
	{ " = doc_no\n", 1, "no source column before '='" },
	{ "=doc_no\n", 1, "no source column before '='" },
	{ "--- = doc_no\n", 1, "source column has no letters or digits" },
	{ "\xc3\xa9 = doc_no\n", 1, "source column has no letters or digits" },
	{ "A = nosuchfield\n", 1, UNKNOWN_FIELD },
	{ "A =\n", 1, UNKNOWN_FIELD },
	{ "A = Doc_No\n", 1, UNKNOWN_FIELD },
	{ "A = source\n", 1, UNKNOWN_FIELD },
	{ "A = line\n", 1, UNKNOWN_FIELD },
	{ "A = dq\n", 1, UNKNOWN_FIELD },
	{ "A = doc no\n", 1, UNKNOWN_FIELD },
	{ "A = :kg\n", 1, UNKNOWN_FIELD },
	{ "A = gross_weight_kg:stone\n", 1, UNKNOWN_UNIT },
	{ "A = gross_weight_kg:\n", 1, UNKNOWN_UNIT },
	{ "A = gross_weight_kg:KG\n", 1, UNKNOWN_UNIT },
	{ "A = gross_weight_kg:m3\n", 1, WRONG_UNIT },
	{ "A = volume_m3:kg\n", 1, WRONG_UNIT },
	{ "A = volume_m3:lb\n", 1, WRONG_UNIT },
	{ "A = doc_no:kg\n", 1, WRONG_UNIT },
	{ "A = weight_unit:kg\n", 1, WRONG_UNIT },
	{ "A = doc_no\r\nB = marks\r\nC = nope\r\n", 3, UNKNOWN_FIELD },
	{ "A = doc_no\nB = gross_weight_kg:lb\n\n# c\nC = -\nD\n", 6,
	    "expected 'Source column = field'" },
	{ "A = doc_no\nbad\nworse\n", 2, "expected 'Source column = field'" },
};

START_TEST(test_mapping_errors)
{
	char *path = write_temp(mapping_errors[_i].text);
	struct mt_mapping *m = mt_mapping_new();
	char err[512] = "", want[512];

	snprintf(want, sizeof want, "%s:%lu: %s", path,
	    mapping_errors[_i].line, mapping_errors[_i].reason);
	ck_assert_int_eq(mt_mapping_load(m, path, err, sizeof err), -1);
	ck_assert_str_eq(err, want);
	mt_mapping_free(m);
	remove_temp(path);
}
END_TEST

START_TEST(test_mapping_unreadable)
{
	struct mt_mapping *m = mt_mapping_new();
	char err[512] = "", want[512];
	const char *dir = getenv("TMPDIR");

	ck_assert_int_eq(mt_mapping_load(m, "/nonexistent/map.txt", err,
	    sizeof err), -1);
	ck_assert_str_eq(err,
	    "/nonexistent/map.txt: No such file or directory");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(want, sizeof want, "%s: Is a directory", dir);
	ck_assert_int_eq(mt_mapping_load(m, dir, err, sizeof err), -1);
	ck_assert_str_eq(err, want);
	mt_mapping_free(m);
}
END_TEST

static Suite *
schema_suite(void)
{
	Suite *s = suite_create("schema");
	TCase *tc;

	tc = tcase_create("names");
	tcase_add_loop_test(tc, test_key, 0, NELEM(key_cases));
	tcase_add_test(tc, test_field_lookup);
	tcase_add_test(tc, test_canonical_names);
	tcase_add_loop_test(tc, test_synonyms, 0, NELEM(synonym_cases));
	tcase_add_loop_test(tc, test_unmapped, 0, NELEM(unmapped_cases));
	tcase_add_test(tc, test_long_name);
	suite_add_tcase(s, tc);

	tc = tcase_create("mapping");
	tcase_add_test(tc, test_mapping_good);
	tcase_add_test(tc, test_mapping_two_files);
	tcase_add_test(tc, test_mapping_empty_file);
	tcase_add_loop_test(tc, test_mapping_errors, 0, NELEM(mapping_errors));
	tcase_add_test(tc, test_mapping_unreadable);
	suite_add_tcase(s, tc);

	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(schema_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
