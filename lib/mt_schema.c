/*
 * mt_schema: canonical field names and the synonyms of source columns.
 * Synonyms are stored as matching keys (lower-case letters and digits
 * only), so "B/L No", "BL_NO" and "bl no." all find "blno".
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt_schema.h"
#include "mt_util.h"

const char *const mt_field_names[MT_NTARGETS] = {
	"source", "line", "doc_type", "doc_no", "master_doc_no", "mode",
	"carrier", "conveyance", "voyage", "departure_date", "arrival_date",
	"origin_country", "destination_country", "loading_place",
	"transit_places", "discharge_place", "shipper_name", "shipper_address",
	"shipper_country", "consignee_name", "consignee_address",
	"consignee_country", "notify_name", "container_no", "seal_no",
	"container_type", "packages", "package_type", "gross_weight_kg",
	"volume_m3", "hs_code", "description", "marks", "value", "currency",
	"freight_terms", "un_number", "dq",
	"weight_unit", "volume_unit",
};

struct synonym {
	const char *key;
	int target;
	enum mt_scale scale;
	const char *doc_type;
};

#define S(k, f)		{ k, f, MT_SCALE_1, NULL }
#define SU(k, f, u)	{ k, f, u, NULL }
#define SD(k, f, d)	{ k, f, MT_SCALE_1, d }

/*
 * Header names seen in carriers', forwarders' and customs systems'
 * exports. Ambiguous words ("type", "date", "address", "name", "qty")
 * are left out: a wrong guess is worse than an unmapped column. So are
 * "origin" and "destination", which air exports use for airport codes
 * that would read as alpha-3 countries (FRA, CAN), and "freight", which
 * often holds the charges rather than the terms.
 */
static const struct synonym synonyms[] = {
	S("doctype", MT_F_DOC_TYPE), S("documenttype", MT_F_DOC_TYPE),
	S("typeofdocument", MT_F_DOC_TYPE), S("transportdocumenttype", MT_F_DOC_TYPE),
	S("doctyp", MT_F_DOC_TYPE), S("documentkind", MT_F_DOC_TYPE),

	SD("blno", MT_F_DOC_NO, "BL"), SD("bl", MT_F_DOC_NO, "BL"),
	SD("blnumber", MT_F_DOC_NO, "BL"), SD("blnr", MT_F_DOC_NO, "BL"),
	SD("billoflading", MT_F_DOC_NO, "BL"), SD("billofladingno", MT_F_DOC_NO, "BL"),
	SD("billofladingnumber", MT_F_DOC_NO, "BL"), SD("bol", MT_F_DOC_NO, "BL"),
	SD("bolno", MT_F_DOC_NO, "BL"), SD("bolnumber", MT_F_DOC_NO, "BL"),
	SD("oceanbl", MT_F_DOC_NO, "BL"), SD("oceanblno", MT_F_DOC_NO, "BL"),
	SD("hbl", MT_F_DOC_NO, "HBL"), SD("hblno", MT_F_DOC_NO, "HBL"),
	SD("hblnumber", MT_F_DOC_NO, "HBL"), SD("housebl", MT_F_DOC_NO, "HBL"),
	SD("houseblno", MT_F_DOC_NO, "HBL"), SD("housebillofladingno", MT_F_DOC_NO, "HBL"),
	SD("housebilloflading", MT_F_DOC_NO, "HBL"),
	SD("awb", MT_F_DOC_NO, "AWB"), SD("awbno", MT_F_DOC_NO, "AWB"),
	SD("awbnumber", MT_F_DOC_NO, "AWB"), SD("airwaybill", MT_F_DOC_NO, "AWB"),
	SD("airwaybillno", MT_F_DOC_NO, "AWB"), SD("airwaybillnumber", MT_F_DOC_NO, "AWB"),
	SD("hawb", MT_F_DOC_NO, "HAWB"), SD("hawbno", MT_F_DOC_NO, "HAWB"),
	SD("hawbnumber", MT_F_DOC_NO, "HAWB"), SD("houseawb", MT_F_DOC_NO, "HAWB"),
	SD("houseawbno", MT_F_DOC_NO, "HAWB"), SD("houseairwaybill", MT_F_DOC_NO, "HAWB"),
	SD("houseairwaybillno", MT_F_DOC_NO, "HAWB"), SD("housewaybill", MT_F_DOC_NO, "HAWB"),
	SD("cmr", MT_F_DOC_NO, "CMR"), SD("cmrno", MT_F_DOC_NO, "CMR"),
	SD("cmrnumber", MT_F_DOC_NO, "CMR"),
	SD("rwb", MT_F_DOC_NO, "RWB"), SD("rwbno", MT_F_DOC_NO, "RWB"),
	SD("railwaybill", MT_F_DOC_NO, "RWB"), SD("railwaybillno", MT_F_DOC_NO, "RWB"),
	SD("cimno", MT_F_DOC_NO, "RWB"),
	S("docno", MT_F_DOC_NO), S("docnumber", MT_F_DOC_NO),
	S("documentno", MT_F_DOC_NO), S("documentnumber", MT_F_DOC_NO),
	S("transportdocumentno", MT_F_DOC_NO), S("transportdocumentnumber", MT_F_DOC_NO),
	S("transportdocument", MT_F_DOC_NO), S("waybill", MT_F_DOC_NO),
	S("waybillno", MT_F_DOC_NO), S("waybillnumber", MT_F_DOC_NO),
	S("consignmentno", MT_F_DOC_NO), S("consignmentnumber", MT_F_DOC_NO),

	S("masterdocno", MT_F_MASTER_DOC_NO), S("masterdocumentno", MT_F_MASTER_DOC_NO),
	S("masterdocumentnumber", MT_F_MASTER_DOC_NO), S("masterdocument", MT_F_MASTER_DOC_NO),
	S("mawb", MT_F_MASTER_DOC_NO), S("mawbno", MT_F_MASTER_DOC_NO),
	S("mawbnumber", MT_F_MASTER_DOC_NO), S("masterawb", MT_F_MASTER_DOC_NO),
	S("masterawbno", MT_F_MASTER_DOC_NO), S("masterairwaybill", MT_F_MASTER_DOC_NO),
	S("masterairwaybillno", MT_F_MASTER_DOC_NO), S("mbl", MT_F_MASTER_DOC_NO),
	S("mblno", MT_F_MASTER_DOC_NO), S("masterbl", MT_F_MASTER_DOC_NO),
	S("masterblno", MT_F_MASTER_DOC_NO), S("masterbilloflading", MT_F_MASTER_DOC_NO),
	S("masterbillofladingno", MT_F_MASTER_DOC_NO),

	S("mode", MT_F_MODE), S("transportmode", MT_F_MODE),
	S("modeoftransport", MT_F_MODE), S("mot", MT_F_MODE),

	S("carrier", MT_F_CARRIER), S("carriername", MT_F_CARRIER),
	S("carriercode", MT_F_CARRIER), S("shippingline", MT_F_CARRIER),
	S("airline", MT_F_CARRIER), S("scac", MT_F_CARRIER),
	S("vesseloperator", MT_F_CARRIER), S("oceancarrier", MT_F_CARRIER),

	S("conveyance", MT_F_CONVEYANCE), S("conveyancename", MT_F_CONVEYANCE),
	S("vessel", MT_F_CONVEYANCE), S("vesselname", MT_F_CONVEYANCE),
	S("ship", MT_F_CONVEYANCE), S("shipname", MT_F_CONVEYANCE),
	S("vesselimo", MT_F_CONVEYANCE), S("imo", MT_F_CONVEYANCE),
	S("imono", MT_F_CONVEYANCE), S("imonumber", MT_F_CONVEYANCE),
	S("flight", MT_F_CONVEYANCE), S("flightno", MT_F_CONVEYANCE),
	S("flightnumber", MT_F_CONVEYANCE), S("train", MT_F_CONVEYANCE),
	S("trainno", MT_F_CONVEYANCE), S("truck", MT_F_CONVEYANCE),
	S("truckno", MT_F_CONVEYANCE), S("vehicle", MT_F_CONVEYANCE),
	S("vehicleno", MT_F_CONVEYANCE), S("vehicleregistration", MT_F_CONVEYANCE),

	S("voyage", MT_F_VOYAGE), S("voyageno", MT_F_VOYAGE),
	S("voyagenumber", MT_F_VOYAGE), S("voy", MT_F_VOYAGE),
	S("voyno", MT_F_VOYAGE), S("trip", MT_F_VOYAGE), S("tripno", MT_F_VOYAGE),
	S("journeyno", MT_F_VOYAGE),

	S("departuredate", MT_F_DEPARTURE_DATE), S("dateofdeparture", MT_F_DEPARTURE_DATE),
	S("departure", MT_F_DEPARTURE_DATE), S("etd", MT_F_DEPARTURE_DATE),
	S("atd", MT_F_DEPARTURE_DATE), S("sailingdate", MT_F_DEPARTURE_DATE),
	S("loadingdate", MT_F_DEPARTURE_DATE), S("shippeddate", MT_F_DEPARTURE_DATE),
	S("shipdate", MT_F_DEPARTURE_DATE), S("onboarddate", MT_F_DEPARTURE_DATE),
	S("shippedonboarddate", MT_F_DEPARTURE_DATE), S("flightdate", MT_F_DEPARTURE_DATE),

	S("arrivaldate", MT_F_ARRIVAL_DATE), S("dateofarrival", MT_F_ARRIVAL_DATE),
	S("arrival", MT_F_ARRIVAL_DATE), S("eta", MT_F_ARRIVAL_DATE),
	S("ata", MT_F_ARRIVAL_DATE),

	S("origincountry", MT_F_ORIGIN_COUNTRY), S("countryoforigin", MT_F_ORIGIN_COUNTRY),
	S("coo", MT_F_ORIGIN_COUNTRY),
	S("countryorigin", MT_F_ORIGIN_COUNTRY), S("origincountrycode", MT_F_ORIGIN_COUNTRY),

	S("destinationcountry", MT_F_DESTINATION_COUNTRY),
	S("countryofdestination", MT_F_DESTINATION_COUNTRY),
	S("destcountry", MT_F_DESTINATION_COUNTRY),

	S("loadingplace", MT_F_LOADING_PLACE), S("portofloading", MT_F_LOADING_PLACE),
	S("pol", MT_F_LOADING_PLACE), S("loadingport", MT_F_LOADING_PLACE),
	S("portofload", MT_F_LOADING_PLACE), S("placeofloading", MT_F_LOADING_PLACE),
	S("loadport", MT_F_LOADING_PLACE), S("portofexport", MT_F_LOADING_PLACE),
	S("portofdeparture", MT_F_LOADING_PLACE), S("airportofdeparture", MT_F_LOADING_PLACE),
	S("departureairport", MT_F_LOADING_PLACE), S("originairport", MT_F_LOADING_PLACE),
	S("airportofloading", MT_F_LOADING_PLACE),

	S("transitplaces", MT_F_TRANSIT_PLACES), S("transitports", MT_F_TRANSIT_PLACES),
	S("transitport", MT_F_TRANSIT_PLACES), S("transit", MT_F_TRANSIT_PLACES),
	S("transhipmentport", MT_F_TRANSIT_PLACES), S("transhipmentports", MT_F_TRANSIT_PLACES),
	S("transshipmentport", MT_F_TRANSIT_PLACES), S("transshipmentports", MT_F_TRANSIT_PLACES),
	S("portsoftransit", MT_F_TRANSIT_PLACES), S("via", MT_F_TRANSIT_PLACES),
	S("routing", MT_F_TRANSIT_PLACES), S("transitairports", MT_F_TRANSIT_PLACES),

	S("dischargeplace", MT_F_DISCHARGE_PLACE), S("portofdischarge", MT_F_DISCHARGE_PLACE),
	S("pod", MT_F_DISCHARGE_PLACE), S("dischargeport", MT_F_DISCHARGE_PLACE),
	S("placeofdischarge", MT_F_DISCHARGE_PLACE), S("portofunloading", MT_F_DISCHARGE_PLACE),
	S("unloadingport", MT_F_DISCHARGE_PLACE), S("airportofdestination", MT_F_DISCHARGE_PLACE),
	S("destinationairport", MT_F_DISCHARGE_PLACE), S("airportofarrival", MT_F_DISCHARGE_PLACE),
	S("portofentry", MT_F_DISCHARGE_PLACE), S("portofarrival", MT_F_DISCHARGE_PLACE),

	S("shipper", MT_F_SHIPPER_NAME), S("shippername", MT_F_SHIPPER_NAME),
	S("exporter", MT_F_SHIPPER_NAME), S("exportername", MT_F_SHIPPER_NAME),
	S("consignor", MT_F_SHIPPER_NAME), S("consignorname", MT_F_SHIPPER_NAME),
	S("sender", MT_F_SHIPPER_NAME), S("sendername", MT_F_SHIPPER_NAME),
	S("shipperaddress", MT_F_SHIPPER_ADDRESS), S("shipperaddr", MT_F_SHIPPER_ADDRESS),
	S("exporteraddress", MT_F_SHIPPER_ADDRESS), S("consignoraddress", MT_F_SHIPPER_ADDRESS),
	S("senderaddress", MT_F_SHIPPER_ADDRESS),
	S("shippercountry", MT_F_SHIPPER_COUNTRY), S("exportercountry", MT_F_SHIPPER_COUNTRY),
	S("consignorcountry", MT_F_SHIPPER_COUNTRY), S("sendercountry", MT_F_SHIPPER_COUNTRY),

	S("consignee", MT_F_CONSIGNEE_NAME), S("consigneename", MT_F_CONSIGNEE_NAME),
	S("importer", MT_F_CONSIGNEE_NAME), S("importername", MT_F_CONSIGNEE_NAME),
	S("receiver", MT_F_CONSIGNEE_NAME), S("receivername", MT_F_CONSIGNEE_NAME),
	S("consigneeaddress", MT_F_CONSIGNEE_ADDRESS), S("consigneeaddr", MT_F_CONSIGNEE_ADDRESS),
	S("importeraddress", MT_F_CONSIGNEE_ADDRESS), S("receiveraddress", MT_F_CONSIGNEE_ADDRESS),
	S("consigneecountry", MT_F_CONSIGNEE_COUNTRY), S("importercountry", MT_F_CONSIGNEE_COUNTRY),
	S("receivercountry", MT_F_CONSIGNEE_COUNTRY),

	S("notifyname", MT_F_NOTIFY_NAME), S("notify", MT_F_NOTIFY_NAME),
	S("notifyparty", MT_F_NOTIFY_NAME), S("notifypartyname", MT_F_NOTIFY_NAME),

	S("containerno", MT_F_CONTAINER_NO), S("containernumber", MT_F_CONTAINER_NO),
	S("container", MT_F_CONTAINER_NO), S("containerid", MT_F_CONTAINER_NO),
	S("cntrno", MT_F_CONTAINER_NO), S("cntr", MT_F_CONTAINER_NO),
	S("cntrnumber", MT_F_CONTAINER_NO), S("ctnrno", MT_F_CONTAINER_NO),
	S("ctrno", MT_F_CONTAINER_NO), S("equipmentno", MT_F_CONTAINER_NO),
	S("equipmentnumber", MT_F_CONTAINER_NO), S("equipmentid", MT_F_CONTAINER_NO),
	S("uld", MT_F_CONTAINER_NO), S("uldno", MT_F_CONTAINER_NO),
	S("uldid", MT_F_CONTAINER_NO), S("uldnumber", MT_F_CONTAINER_NO),

	S("sealno", MT_F_SEAL_NO), S("seal", MT_F_SEAL_NO),
	S("sealnumber", MT_F_SEAL_NO), S("sealnumbers", MT_F_SEAL_NO),
	S("seals", MT_F_SEAL_NO), S("carrierseal", MT_F_SEAL_NO),

	S("containertype", MT_F_CONTAINER_TYPE), S("cntrtype", MT_F_CONTAINER_TYPE),
	S("containersizetype", MT_F_CONTAINER_TYPE), S("sizetype", MT_F_CONTAINER_TYPE),
	S("isotype", MT_F_CONTAINER_TYPE), S("isocode", MT_F_CONTAINER_TYPE),
	S("equipmenttype", MT_F_CONTAINER_TYPE), S("ctnrtype", MT_F_CONTAINER_TYPE),

	S("packages", MT_F_PACKAGES), S("pkgs", MT_F_PACKAGES), S("pkg", MT_F_PACKAGES),
	S("noofpackages", MT_F_PACKAGES), S("numberofpackages", MT_F_PACKAGES),
	S("noofpkgs", MT_F_PACKAGES), S("nopkgs", MT_F_PACKAGES),
	S("packagecount", MT_F_PACKAGES), S("totalpackages", MT_F_PACKAGES),
	S("pieces", MT_F_PACKAGES), S("pcs", MT_F_PACKAGES),
	S("noofpieces", MT_F_PACKAGES), S("numberofpieces", MT_F_PACKAGES),

	S("packagetype", MT_F_PACKAGE_TYPE), S("pkgtype", MT_F_PACKAGE_TYPE),
	S("kindofpackages", MT_F_PACKAGE_TYPE), S("packagekind", MT_F_PACKAGE_TYPE),
	S("packagingtype", MT_F_PACKAGE_TYPE), S("packaging", MT_F_PACKAGE_TYPE),

	S("grossweightkg", MT_F_GROSS_WEIGHT_KG), S("grossweight", MT_F_GROSS_WEIGHT_KG),
	S("grossweightkgs", MT_F_GROSS_WEIGHT_KG), S("gw", MT_F_GROSS_WEIGHT_KG),
	S("gwkg", MT_F_GROSS_WEIGHT_KG), S("gwt", MT_F_GROSS_WEIGHT_KG),
	S("grosswt", MT_F_GROSS_WEIGHT_KG), S("grosswtkg", MT_F_GROSS_WEIGHT_KG),
	S("weight", MT_F_GROSS_WEIGHT_KG), S("weightkg", MT_F_GROSS_WEIGHT_KG),
	S("weightkgs", MT_F_GROSS_WEIGHT_KG), S("grossmass", MT_F_GROSS_WEIGHT_KG),
	S("grossmasskg", MT_F_GROSS_WEIGHT_KG), S("kg", MT_F_GROSS_WEIGHT_KG),
	S("kgs", MT_F_GROSS_WEIGHT_KG),
	SU("grossweightlb", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB),
	SU("grossweightlbs", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB),
	SU("weightlb", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB),
	SU("weightlbs", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB),
	SU("gwlbs", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB),
	SU("grosswtlbs", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB),
	SU("lbs", MT_F_GROSS_WEIGHT_KG, MT_SCALE_LB),
	SU("grossweightt", MT_F_GROSS_WEIGHT_KG, MT_SCALE_T),
	SU("grossweightmt", MT_F_GROSS_WEIGHT_KG, MT_SCALE_T),
	SU("grossweighttonnes", MT_F_GROSS_WEIGHT_KG, MT_SCALE_T),
	SU("weightt", MT_F_GROSS_WEIGHT_KG, MT_SCALE_T),
	SU("weightmt", MT_F_GROSS_WEIGHT_KG, MT_SCALE_T),
	SU("weighttonnes", MT_F_GROSS_WEIGHT_KG, MT_SCALE_T),

	S("weightunit", MT_X_WEIGHT_UNIT), S("wtunit", MT_X_WEIGHT_UNIT),
	S("unitofweight", MT_X_WEIGHT_UNIT), S("grossweightunit", MT_X_WEIGHT_UNIT),
	S("weightuom", MT_X_WEIGHT_UNIT), S("wtuom", MT_X_WEIGHT_UNIT),
	S("gwunit", MT_X_WEIGHT_UNIT),

	S("volumem3", MT_F_VOLUME_M3), S("volume", MT_F_VOLUME_M3),
	S("vol", MT_F_VOLUME_M3), S("measurement", MT_F_VOLUME_M3),
	S("measurementm3", MT_F_VOLUME_M3), S("cbm", MT_F_VOLUME_M3),
	S("m3", MT_F_VOLUME_M3), S("volumecbm", MT_F_VOLUME_M3),
	S("cubicmeters", MT_F_VOLUME_M3), S("cubicmetres", MT_F_VOLUME_M3),
	SU("volumecft", MT_F_VOLUME_M3, MT_SCALE_CFT),
	SU("cft", MT_F_VOLUME_M3, MT_SCALE_CFT),
	SU("cubicfeet", MT_F_VOLUME_M3, MT_SCALE_CFT),
	S("volumeunit", MT_X_VOLUME_UNIT), S("unitofvolume", MT_X_VOLUME_UNIT),
	S("volumeuom", MT_X_VOLUME_UNIT),

	S("hscode", MT_F_HS_CODE), S("hs", MT_F_HS_CODE), S("hsno", MT_F_HS_CODE),
	S("hsnumber", MT_F_HS_CODE), S("hts", MT_F_HS_CODE), S("htscode", MT_F_HS_CODE),
	S("htsus", MT_F_HS_CODE), S("htsnumber", MT_F_HS_CODE),
	S("tariff", MT_F_HS_CODE), S("tariffcode", MT_F_HS_CODE),
	S("tariffno", MT_F_HS_CODE), S("tariffnumber", MT_F_HS_CODE),
	S("commoditycode", MT_F_HS_CODE), S("cncode", MT_F_HS_CODE),
	S("taric", MT_F_HS_CODE), S("tariccode", MT_F_HS_CODE),
	S("harmonizedcode", MT_F_HS_CODE), S("harmonisedcode", MT_F_HS_CODE),
	S("harmonizedsystemcode", MT_F_HS_CODE), S("harmonisedsystemcode", MT_F_HS_CODE),

	S("description", MT_F_DESCRIPTION), S("descriptionofgoods", MT_F_DESCRIPTION),
	S("goodsdescription", MT_F_DESCRIPTION), S("cargodescription", MT_F_DESCRIPTION),
	S("commodity", MT_F_DESCRIPTION), S("commoditydescription", MT_F_DESCRIPTION),
	S("desc", MT_F_DESCRIPTION), S("goods", MT_F_DESCRIPTION),
	S("itemdescription", MT_F_DESCRIPTION), S("productdescription", MT_F_DESCRIPTION),
	S("descriptionofcargo", MT_F_DESCRIPTION), S("natureofgoods", MT_F_DESCRIPTION),
	S("natureandquantityofgoods", MT_F_DESCRIPTION),

	S("marks", MT_F_MARKS), S("marksandnumbers", MT_F_MARKS),
	S("marksnumbers", MT_F_MARKS), S("marksandnos", MT_F_MARKS),
	S("marksnos", MT_F_MARKS), S("shippingmarks", MT_F_MARKS),

	S("value", MT_F_VALUE), S("declaredvalue", MT_F_VALUE),
	S("invoicevalue", MT_F_VALUE), S("customsvalue", MT_F_VALUE),
	S("goodsvalue", MT_F_VALUE), S("cargovalue", MT_F_VALUE),
	S("fobvalue", MT_F_VALUE), S("cifvalue", MT_F_VALUE),

	S("currency", MT_F_CURRENCY), S("currencycode", MT_F_CURRENCY),
	S("curr", MT_F_CURRENCY), S("cur", MT_F_CURRENCY),
	S("valuecurrency", MT_F_CURRENCY), S("invoicecurrency", MT_F_CURRENCY),

	S("freightterms", MT_F_FREIGHT_TERMS),
	S("freightpayment", MT_F_FREIGHT_TERMS), S("freightpaymentterms", MT_F_FREIGHT_TERMS),
	S("prepaidcollect", MT_F_FREIGHT_TERMS), S("ppcc", MT_F_FREIGHT_TERMS),
	S("chargescode", MT_F_FREIGHT_TERMS), S("freightpayable", MT_F_FREIGHT_TERMS),

	S("unnumber", MT_F_UN_NUMBER), S("unno", MT_F_UN_NUMBER), S("un", MT_F_UN_NUMBER),
	S("dgunnumber", MT_F_UN_NUMBER), S("dgunno", MT_F_UN_NUMBER),
	S("imdgun", MT_F_UN_NUMBER), S("unid", MT_F_UN_NUMBER),
	S("dangerousgoodsunnumber", MT_F_UN_NUMBER),
};

#undef S
#undef SU
#undef SD

/* A mapping file entry: source header key -> target. */
struct mapping_entry {
	char *key;
	struct mt_colmap map;
};

struct mt_mapping {
	struct mapping_entry *e;
	size_t n;
	size_t cap;
};

size_t
mt_schema_key(const char *name, size_t n, char *out, size_t outsz)
{
	size_t i, k = 0;
	char c;

	for (i = 0; i < n && k + 1 < outsz; i++) {
		c = name[i];
		if (c >= 'A' && c <= 'Z')
			out[k++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[k++] = c;
	}
	out[k] = '\0';
	return k;
}

int
mt_field_lookup(const char *name, size_t n)
{
	int i;

	for (i = 0; i < MT_NTARGETS; i++)
		if (strlen(mt_field_names[i]) == n &&
		    memcmp(mt_field_names[i], name, n) == 0)
			return i;
	return -1;
}

struct mt_colmap
mt_schema_map(const struct mt_mapping *m, const char *name, size_t n)
{
	struct mt_colmap cm = { MT_COL_UNMAPPED, MT_SCALE_1, NULL };
	char key[256];
	size_t i;

	mt_schema_key(name, n, key, sizeof key);
	/* The last mapping line for a column wins, so a later -m file
	 * overrides an earlier one. */
	if (m != NULL)
		for (i = m->n; i-- > 0;)
			if (strcmp(m->e[i].key, key) == 0)
				return m->e[i].map;
	if (key[0] == '\0')
		return cm;
	for (i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
		if (strcmp(synonyms[i].key, key) == 0) {
			cm.target = synonyms[i].target;
			cm.scale = synonyms[i].scale;
			cm.doc_type = synonyms[i].doc_type;
			return cm;
		}
	/* Canonical names themselves: records re-parsed from CSV exports. */
	for (i = MT_F_DOC_TYPE; i < MT_F_DQ; i++) {
		char ck[64];

		mt_schema_key(mt_field_names[i], strlen(mt_field_names[i]),
		    ck, sizeof ck);
		if (strcmp(ck, key) == 0) {
			cm.target = (int)i;
			return cm;
		}
	}
	return cm;
}

struct mt_mapping *
mt_mapping_new(void)
{
	return mt_xcalloc(1, sizeof(struct mt_mapping));
}

void
mt_mapping_free(struct mt_mapping *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free(m->e[i].key);
	free(m->e);
	free(m);
}

static const struct {
	const char *name;
	enum mt_scale scale;
	int target;		/* the field the unit applies to */
} units[] = {
	{ "kg", MT_SCALE_1, MT_F_GROSS_WEIGHT_KG },
	{ "lb", MT_SCALE_LB, MT_F_GROSS_WEIGHT_KG },
	{ "t", MT_SCALE_T, MT_F_GROSS_WEIGHT_KG },
	{ "m3", MT_SCALE_1, MT_F_VOLUME_M3 },
	{ "cft", MT_SCALE_CFT, MT_F_VOLUME_M3 },
};

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/*
 * One line: "Source Header = field" or "Source Header = field:unit" or
 * "Source Header = -". Returns NULL or an error text.
 */
static const char *
parse_mapping_line(struct mt_mapping *m, char *line)
{
	char *eq, *src, *dst, *unit, key[256];
	struct mt_colmap cm = { MT_COL_UNMAPPED, MT_SCALE_1, NULL };
	size_t i;
	int f;

	if ((eq = strrchr(line, '=')) == NULL)
		return "expected 'Source column = field'";
	*eq = '\0';
	src = trim(line);
	dst = trim(eq + 1);
	if (*src == '\0')
		return "no source column before '='";
	if (mt_schema_key(src, strlen(src), key, sizeof key) == 0)
		return "source column has no letters or digits";
	if (strcmp(dst, "-") == 0) {
		cm.target = MT_COL_IGNORE;
	} else {
		if ((unit = strchr(dst, ':')) != NULL)
			*unit++ = '\0';
		f = mt_field_lookup(dst, strlen(dst));
		if (f < 0 || f == MT_F_SOURCE || f == MT_F_LINE || f == MT_F_DQ)
			return "unknown field (see manifest-records(5) for the "
			    "canonical fields)";
		cm.target = f;
		if (unit != NULL) {
			for (i = 0; i < sizeof units / sizeof units[0]; i++)
				if (strcmp(units[i].name, unit) == 0)
					break;
			if (i == sizeof units / sizeof units[0])
				return "unknown unit (kg, lb, t, m3, cft)";
			if (units[i].target != f)
				return "unit does not apply to this field";
			cm.scale = units[i].scale;
		}
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->e = mt_xrealloc(m->e, m->cap * sizeof *m->e);
	}
	m->e[m->n].key = mt_xstrdup(key);
	m->e[m->n].map = cm;
	m->n++;
	return NULL;
}

int
mt_mapping_load(struct mt_mapping *m, const char *path, char *err,
    size_t errsz)
{
	FILE *fp;
	char *line = NULL, *s;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	const char *why;
	int rc = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if ((why = parse_mapping_line(m, s)) != NULL) {
			snprintf(err, errsz, "%s:%lu: %s", path, lineno, why);
			rc = -1;
			break;
		}
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
