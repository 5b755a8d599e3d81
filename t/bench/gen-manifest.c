/*
 * gen-manifest: writes a deterministic, realistic sea and air cargo
 * manifest as CSV, for the benchmark and for test fixtures.
 *
 * The same seed gives the same bytes on every machine: the generator has
 * its own PRNG (splitmix64) and uses integer arithmetic only, so neither
 * the C library's rand() nor its floating-point formatting can make two
 * machines disagree. Rows do not depend on -n, so the first 100 rows of a
 * long run equal a run of -n 100 with the same seed and type.
 *
 * The content exercises a manifest reader the way real exports do: rows
 * grouped by voyage and bill, quoted fields with commas, doubled quotes
 * and the odd embedded newline, UTF-8 names and addresses, dates in
 * several formats, UN/LOCODEs with and without their space, HS codes with
 * and without dots, vague descriptions, and container and air waybill
 * numbers whose check digits are right in most rows and wrong in a few.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OUT_CAP		(256 * 1024)
#define OUT_FLUSH	(64 * 1024)
#define FIELD_MAX	512
#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

/* Days from 2024-01-01 over which departures spread. */
#define DATE_SPAN	1000

static const char header[] =
    "B/L No,Master B/L,Doc Type,Mode,Carrier,Vessel,Voyage,"
    "Departure Date,Arrival Date,Country of Origin,Destination Country,"
    "Port of Loading,Transit Ports,Port of Discharge,"
    "Shipper,Shipper Address,Shipper Country,"
    "Consignee,Consignee Address,Consignee Country,Notify Party,"
    "Container No,Seal No,Container Type,Packages,Package Type,"
    "Gross Weight (KG),Volume (M3),HS Code,Description of Goods,"
    "Marks and Numbers,Value,Currency,Freight Terms,UN Number\n";

enum mode { SEA, AIR, MIXED };
enum doc { DOC_BL, DOC_HBL, DOC_AWB, DOC_HAWB };

/* ---- tables ---------------------------------------------------------- */

/*
 * Lists are written as '|'-separated strings so that a country or a
 * carrier reads as one line of the table; they are split once at start.
 */
struct country_src {
	const char *code;	/* ISO 3166-1 alpha-2 */
	const char *name;	/* what some exports write instead */
	unsigned from, to;	/* weights as origin and as destination */
	const char *sea;	/* sea ports, UN/LOCODE */
	const char *air;	/* airports, UN/LOCODE */
	const char *cities;
	const char *streets;
	const char *addr;	/* %n number, %s street, %c city, %p postcode */
	const char *postcode;	/* 9 a digit, A a letter, others as is */
	const char *stems;	/* company names: stem, trade, legal form */
	const char *trades;
	const char *forms;
	const char *given;	/* private persons, for air parcels */
	const char *family;
};

static const struct country_src country_src[] = {
	{ "CN", "China", 340, 10, "CNSHA|CNNGB|CNYTN|CNTAO|CNXMN|CNSZX",
	  "CNPVG|CNCAN|CNSZX",
	  "Shanghai|Ningbo|Shenzhen 深圳|Qingdao|Yiwu|Guangzhou|Xiamen",
	  "Jinqiao Rd|Zhongshan Rd|Binhai Ave|Gongye Rd|Huaxia Rd|Renmin Rd",
	  "%n %s, %c", "",
	  "Haitian|Shenzhen 深圳 Huaxin|Jinhua|Jinhai|Hairun|Baiyun|Kaida|"
	  "Meilong",
	  "Trading|Imp. & Exp.|Electronics|Textile|Industrial|Furniture",
	  "Co., Ltd.|Co., Ltd|Ltd.",
	  "Wei|Li|Jing|Hao|Min", "Wang|Zhang|Chen|Liu|Huang" },
	{ "HK", "Hong Kong", 25, 5, "HKHKG", "HKHKG",
	  "Kwai Chung|Kowloon Bay|Kowloon|Wan Chai",
	  "Container Port Rd|Hoi Bun Rd|Canton Rd|Harbour Rd",
	  "%n %s, %c", "",
	  "Pacific Rim|Golden Bridge|Harbour Link|Victoria|Oriental Star",
	  "Trading|Enterprises|Logistics|Holdings",
	  "Ltd.|Limited|Co. Ltd",
	  "Ka Ming|Siu Wai|Mei Ling", "Chan|Wong|Leung|Cheung" },
	{ "TW", "Taiwan", 20, 3, "TWKHH|TWKEL", "TWTPE",
	  "Kaohsiung|Taipei|Taichung|Keelung",
	  "Zhonghua 5th Rd|Minsheng E Rd|Chenggong 2nd Rd",
	  "No. %n, %s, %c %p", "999",
	  "Formosa|Evertop|Sunrise|Kaohsiung Harbour",
	  "Precision|Electronics|Plastics",
	  "Co., Ltd.|Corp.",
	  "Chia-Hao|Yu-Ting", "Lin|Chen|Tsai" },
	{ "KR", "Korea, Republic of", 40, 10, "KRPUS|KRINC", "KRSEL",
	  "Busan|Incheon|Seoul|Changwon",
	  "Jungang-daero|Teheran-ro|Haeun-daero|Chungjang-daero",
	  "%n %s, %c", "",
	  "Daehan|Hanil|Seoyang|Kumho|Samhwa",
	  "Industrial|Electronics|Chemical|Tire",
	  "Co., Ltd.|Corp.",
	  "Min-jun|Seo-yeon", "Kim|Lee|Park" },
	{ "JP", "Japan", 25, 15, "JPTYO|JPYOK|JPUKB|JPNGO", "JPTYO|JPOSA",
	  "Tokyo|Yokohama|Kobe|Nagoya",
	  "Kaigan 1-chome|Shiba 3-chome|Honcho 2-chome",
	  "%n-%n %s, %c", "",
	  "Nippon Kogyo|Sanwa|Daiichi|Yamato|Tokai",
	  "Shoji|Seiki|Denki|Trading",
	  "K.K.|Co., Ltd.|Corp.",
	  "Haruto|Yui", "Sato|Suzuki|Takahashi" },
	{ "VN", "Viet Nam", 60, 3, "VNSGN|VNHPH|VNCMT", "VNSGN|VNHAN",
	  "Ho Chi Minh City|Hai Phong|Binh Duong|Dong Nai",
	  "Nguyen Van Linh St|Le Thanh Ton St|Tran Hung Dao St",
	  "%n %s, %c", "",
	  "Saigon|Thanh Cong|Viet Tien|Hoang Long|Mekong",
	  "Garment|Seafood|Furniture|Coffee",
	  "JSC|Co., Ltd|Corp.",
	  "Anh|Minh", "Nguyen|Tran|Le" },
	{ "TH", "Thailand", 25, 3, "THLCH|THBKK", "THBKK",
	  "Laem Chabang|Bangkok|Samut Prakan|Rayong",
	  "Sukhumvit Rd|Rama IV Rd|Bangna-Trad Rd",
	  "%n %s, %c %p", "99999",
	  "Siam|Thai Union|Chao Phraya|Eastern Star",
	  "Rubber|Foods|Auto Parts|Industries",
	  "Co., Ltd.|PCL",
	  "Somchai|Nattaya", "Srisuk|Chaiyaporn" },
	{ "MY", "Malaysia", 25, 3, "MYPKG|MYTPP|MYPEN", "MYKUL",
	  "Port Klang|Johor Bahru|Shah Alam|Penang",
	  "Jalan Kem|Jalan Perusahaan|Jalan Tun Razak",
	  "%n %s, %p %c", "99999",
	  "Klang Valley|Malaya|Sri Damai|Perdana",
	  "Gloves|Palm Oil|Electronics|Furniture",
	  "Sdn. Bhd.|Bhd.",
	  "Ahmad|Siti", "Abdullah|Tan|Lim" },
	{ "SG", "Singapore", 15, 5, "SGSIN", "SGSIN",
	  "Singapore", "Pioneer Rd|Tuas Ave 1|Keppel Rd|Jurong Port Rd",
	  "%n %s, %c %p", "999999",
	  "Lion City|Straits|Temasek|Marina", "Trading|Logistics|Marine",
	  "Pte. Ltd.|Pte Ltd",
	  "Wei Ming|Hui Min", "Tan|Ng|Lim" },
	{ "IN", "India", 45, 8, "INNSA|INMUN|INMAA", "INBOM|INDEL|INMAA",
	  "Navi Mumbai|Mundra|Chennai|Tiruppur|Ludhiana",
	  "MIDC Area|GIDC Estate|Mount Rd|Nehru Place",
	  "%n %s, %c %p", "999999",
	  "Shree Ganesh|Bharat|Sai Krishna|Mahalaxmi|Surya",
	  "Exports|Textiles|Pharma|Engineering",
	  "Pvt. Ltd.|Pvt Ltd|LLP",
	  "Rahul|Priya", "Sharma|Patel|Iyer" },
	{ "AE", "United Arab Emirates", 25, 25, "AEJEA|AEKHL", "AEDXB",
	  "Jebel Ali Free Zone|Deira, Dubai|Sharjah|Abu Dhabi",
	  "Street S%n|Al Maktoum Rd|Sheikh Zayed Rd",
	  "WH %n, %s, %c", "",
	  "Al Noor|Gulf Star|Emirates Bridge|Desert Rose|Al Safa",
	  "General Trading|Trading|Logistics",
	  "FZE|LLC|FZCO|L.L.C.",
	  "Mohammed|Fatima", "Al Hashimi|Khan" },
	{ "TR", "Turkey", 35, 25, "TRMER|TRIST|TRIZM", "TRIST",
	  "İstanbul|Mersin|Bursa|Çorlu|İzmir|Gaziantep",
	  "Atatürk Cad.|OSB 2. Cad.|Cumhuriyet Cad.|İnönü Sok.",
	  "%s No: %n, %c", "",
	  "Ünal|Yıldız|Özkan|Anadolu|Ege|Karadeniz",
	  "Tekstil|Gıda|Makina|Dış Ticaret",
	  "A.Ş.|Ltd. Şti.",
	  "Mehmet|Ayşe", "Yılmaz|Kaya|Demir" },
	{ "DE", "Germany", 40, 120, "DEHAM|DEBRV", "DEFRA|DEMUC|DELEJ",
	  "Hamburg|Bremen|Düsseldorf|Köln|München|Stuttgart|Nürnberg",
	  "Hafenstraße|Industriestr.|Sandtorkai|Lindenallee|Schillerstr.",
	  "%s %n, %p %c", "99999",
	  "Müller|Schneider|Becker|Hoffmann|Nordsee|Rheinland|Hansa|Weber",
	  "Logistik|Maschinenbau|Handels|Elektro|Textil|Import-Export",
	  "GmbH|GmbH & Co. KG|AG|e.K.",
	  "Jürgen|Anna|Lukas", "Schäfer|Fischer|Wagner" },
	{ "NL", "Netherlands", 20, 120, "NLRTM|NLAMS", "NLAMS",
	  "Rotterdam|Amsterdam|Venlo|Tilburg|Eindhoven",
	  "Maasvlakteweg|Waalhaven OZ|Europaweg|Keizersgracht|Industrieweg",
	  "%s %n, %p %c", "9999 AA",
	  "Van der Berg|De Vries|Hollandia|Maas|Oranje|Zuidhaven",
	  "Logistics|Trading|Import|Distributie",
	  "B.V.|N.V.",
	  "Jan|Sanne|Daan", "de Jong|Jansen|Bakker" },
	{ "BE", "Belgium", 10, 70, "BEANR|BEZEE", "BEBRU|BELGG",
	  "Antwerpen|Zeebrugge|Gent|Liège|Bruxelles",
	  "Noorderlaan|Havenlaan|Rue de la Loi|Kaai",
	  "%s %n, %p %c", "9999",
	  "Scheldt|Flandria|Brabo|Meuse|Ardennes",
	  "Trading|Logistics|Diamonds|Chemicals",
	  "BV|NV|SA|SRL",
	  "Pieter|Emma", "Peeters|Maes|Dubois" },
	{ "PL", "Poland", 10, 60, "PLGDN|PLGDY", "PLWAW",
	  "Łódź|Gdańsk|Gdynia|Kraków|Warszawa|Poznań",
	  "ul. Piotrkowska|ul. Morska|ul. Świętokrzyska|ul. Przemysłowa",
	  "%s %n, %p %c", "99-999",
	  "Bałtyk|Polimex|Wisła|Mazowsze|Śląsk",
	  "Handel|Logistyka|Import|Meble",
	  "Sp. z o.o.|S.A.|Sp. j.",
	  "Jan|Katarzyna|Łukasz", "Kowalski|Nowak|Wiśniewska" },
	{ "GB", "United Kingdom", 15, 70, "GBFXT|GBSOU|GBLGP", "GBLON|GBMAN",
	  "Felixstowe|Southampton|London|Manchester|Birmingham",
	  "Dock Rd|Western Ave|High St|Trafford Park Rd",
	  "%n %s, %c %p", "AA9 9AA",
	  "Albion|Thames|Crown|Northern|Britannia",
	  "Imports|Trading|Supplies|Distribution",
	  "Ltd|Limited|PLC",
	  "Oliver|Amelia", "Smith|Jones|Taylor" },
	{ "FR", "France", 15, 40, "FRLEH|FRFOS", "FRPAR",
	  "Le Havre|Marseille|Paris|Lyon|Roissy",
	  "Quai de l'Europe|Rue de la Paix|Bd Jules Durand|Av. de l'Industrie",
	  "%n %s, %p %c", "99999",
	  "Atlantique|Méditerranée|Provence|Lumière|Seine",
	  "Distribution|Import|Négoce|Logistique",
	  "SAS|SARL|SA",
	  "Léa|Thomas", "Martin|Bernard|Lefèvre" },
	{ "ES", "Spain", 15, 35, "ESVLC|ESALG|ESBCN", "ESMAD",
	  "Valencia|Algeciras|Barcelona|Madrid|Zaragoza",
	  "C/ del Puerto|Av. de la Industria|C/ Mayor|Pol. Ind. Norte",
	  "%s %n, %p %c", "99999",
	  "Ibérica|Levante|Costa Brava|Castilla",
	  "Importaciones|Distribución|Comercial|Logística",
	  "S.L.|S.A.",
	  "Javier|Lucía", "García|Martínez|Núñez" },
	{ "IT", "Italy", 25, 35, "ITGOA|ITSPE|ITGIT", "ITMIL",
	  "Genova|La Spezia|Milano|Prato|Napoli",
	  "Via del Commercio|Via Roma|Viale Industria|Corso Italia",
	  "%s %n, %p %c", "99999",
	  "Ligure|Adriatica|Tirrena|Lombarda|Toscana",
	  "Importazioni|Tessile|Alimentari|Meccanica",
	  "S.r.l.|S.p.A.",
	  "Marco|Giulia", "Rossi|Russo|Ferrari" },
	{ "US", "United States", 40, 160, "USLAX|USLGB|USNYC|USSAV|USHOU|USSEA",
	  "USNYC|USCHI|USMIA|USLAX|USATL",
	  "Long Beach, CA|Los Angeles, CA|Newark, NJ|Savannah, GA|Houston, TX|"
	  "Miami, FL|Chicago, IL",
	  "Harbor Blvd|Commerce Dr|Ocean Ave|Main St|Port Rd",
	  "%n %s, %c %p", "99999",
	  "Pacific Coast|Great Lakes|Liberty|Summit|Atlantic|Lone Star|"
	  "Golden State",
	  "Imports|Distribution|Supply|Trading|Logistics",
	  "Inc.|LLC|Corp.",
	  "Michael|Jennifer|David", "Johnson|Williams|Brown" },
	{ "BR", "Brazil", 30, 25, "BRSSZ|BRITJ|BRPNG|BRRIG", "BRSAO|BRVCP",
	  "São Paulo|Santos|Itajaí|Paranaguá|Curitiba",
	  "Rua do Comércio|Av. Paulista|Rod. Anchieta|Rua XV de Novembro",
	  "%s %n, %c %p", "99999-999",
	  "São Jorge|Paulista|Atlântico|Sul Brasil|Cerrado",
	  "Comércio|Exportadora|Alimentos|Café",
	  "Ltda.|S.A.|Eireli",
	  "João|Ana", "Silva|Santos|Conceição" },
	{ "CO", "Colombia", 25, 8, "COCTG|COBUN|COSMR", "COBOG|COMDE",
	  "Cartagena|Buenaventura|Bogotá|Medellín|Santa Marta",
	  "Calle %n|Carrera %n|Av. El Dorado",
	  "%s # %n-%n, %c", "",
	  "Andina|Caribe|Flores del Campo|Cafetera|Pacífico",
	  "Exportaciones|Comercializadora|Flores",
	  "S.A.S.|Ltda.",
	  "Andrés|Valentina", "Gómez|Rodríguez" },
	{ "EC", "Ecuador", 25, 5, "ECGYE|ECPSJ", "ECUIO|ECGYE",
	  "Guayaquil|Quito|Machala|Manta",
	  "Av. 9 de Octubre|Av. Las Américas|Calle Bolívar",
	  "%s %n, %c", "",
	  "Bananera Pacífico|Flores Andinas|Costa Azul|Guayas",
	  "Export|Agrícola|Acuacultura",
	  "S.A.|Cía. Ltda.",
	  "Diego|María", "Mendoza|Vera" },
	{ "PA", "Panama", 15, 5, "PAONX|PAMIT|PABLB", "PAPTY",
	  "Zona Libre de Colón|Panamá|Balboa",
	  "Calle 16|Av. Santa Isabel|Calle 50",
	  "%s, Edif. %n, %c", "",
	  "Colón Free Zone|Istmo|Canal|Caribe Libre",
	  "Trading|Import Export|Distribuidora",
	  "S.A.|Corp.|Inc.",
	  "Carlos|Isabel", "Pérez|Castillo" },
};

struct carrier_src {
	const char *name;
	const char *bl;		/* B/L prefix (SCAC) */
	unsigned digits;	/* digits after it */
	const char *owners;	/* container owner codes of the line */
	const char *vessels;
};

static const struct carrier_src carrier_src[] = {
	{ "MAERSK", "MAEU", 9, "MSKU|MRKU|MAEU|MRSU",
	  "MAERSK ESSEN|MAERSK HANGZHOU|MADRID MAERSK|MARY MAERSK" },
	{ "MSC", "MEDU", 8, "MSCU|MEDU|MSDU|MSMU",
	  "MSC GULSUN|MSC OSCAR|MSC IRINA|MSC LORETO|MSC ANNA" },
	{ "CMA CGM", "CMDU", 10, "CMAU|CGMU|ECMU|APZU",
	  "CMA CGM JACQUES SAADE|CMA CGM MARCO POLO|CMA CGM TAGE" },
	{ "COSCO", "COSU", 10, "CSNU|CBHU|CCLU|OOLU",
	  "COSCO SHIPPING UNIVERSE|COSCO SHIPPING ARIES|OOCL HONG KONG" },
	{ "HAPAG-LLOYD", "HLCU", 10, "HLBU|HLXU|FANU|UACU",
	  "BERLIN EXPRESS|HAMBURG EXPRESS|AL MURAYKH|AL NEFUD" },
	{ "EVERGREEN", "EGLV", 10, "EGHU|EISU|EMCU|EGSU",
	  "EVER GIVEN|EVER ACE|EVER ALOT|EVER GOLDEN" },
	{ "ONE", "ONEY", 10, "ONEU|NYKU|MOLU|KKFU",
	  "ONE APUS|ONE INNOVATION|ONE STORK" },
	{ "HMM", "HDMU", 10, "HMMU|HDMU|KKTU",
	  "HMM ALGECIRAS|HMM OSLO|HMM COPENHAGEN" },
	{ "YANG MING", "YMLU", 9, "YMLU|YMMU",
	  "YM WARRANTY|YM WELLNESS|YM TRIUMPH" },
	{ "ZIM", "ZIMU", 9, "ZIMU|ZCSU|JXLU",
	  "ZIM KINGSTON|ZIM SAMMY OFER|ZIM MOUNT EVEREST" },
};

/* Leasing companies' boxes travel with every line. */
static const char leased_src[] =
    "TGHU|TCNU|TRHU|SEGU|FCIU|GESU|BMOU|TEMU|TLLU|CAIU";

struct airline {
	const char *name;
	const char *iata;	/* flight prefix and ULD owner */
	const char *prefix;	/* air waybill prefix */
};

static const struct airline airlines[] = {
	{ "LUFTHANSA CARGO", "LH", "020" },
	{ "EMIRATES", "EK", "176" },
	{ "CATHAY PACIFIC", "CX", "160" },
	{ "SINGAPORE AIRLINES", "SQ", "618" },
	{ "AIR FRANCE", "AF", "057" },
	{ "KLM", "KL", "074" },
	{ "CARGOLUX", "CV", "172" },
	{ "AIR CHINA CARGO", "CA", "999" },
	{ "CHINA SOUTHERN", "CZ", "784" },
	{ "TURKISH CARGO", "TK", "235" },
	{ "KOREAN AIR", "KE", "180" },
	{ "QATAR AIRWAYS", "QR", "157" },
	{ "ETIHAD CARGO", "EY", "607" },
};

struct forwarder {
	const char *name;
	const char *code;	/* prefix of its house bill numbers */
};

static const struct forwarder forwarders[] = {
	{ "Kuehne + Nagel Ltd.", "KN" },
	{ "DHL Global Forwarding", "DGF" },
	{ "DB Schenker", "SCH" },
	{ "DSV Air & Sea A/S", "DSV" },
	{ "Expeditors Intl.", "EXP" },
	{ "CEVA Logistics", "CEVA" },
	{ "Nippon Express", "NEX" },
	{ "Kerry Logistics", "KLN" },
	{ "Sinotrans Ltd.", "SNL" },
	{ "GEODIS", "GEO" },
	{ "Bolloré Logistics", "BOL" },
	{ "Hellmann Worldwide Logistics", "HWL" },
};

static const char sea_hubs_src[] =
    "SGSIN|MYPKG|MYTPP|LKCMB|AEJEA|EGPSD|MAPTM|ESALG|PAONX|KRPUS|HKHKG|COCTG";
static const char air_hubs_src[] =
    "AEDXB|QADOH|DEFRA|NLAMS|HKHKG|TRIST|LULUX|SGSIN|KRSEL";
static const char uld_src[] = "AKE|AKE|AKH|PMC|PMC|PAG|PLA|RKN";
static const char pkg_src[] =
    "CARTONS|PALLETS|PACKAGES|BAGS|DRUMS|CASES|ROLLS|BALES|CRATES|PIECES|"
    "COILS|BUNDLES|BOXES";
/* Abbreviations some exports use for the same kinds, same order. */
static const char pkg_short_src[] =
    "CTNS|PLTS|PKGS|BAGS|DRMS|CS|RLS|BLS|CRT|PCS|COILS|BDLS|BXS";
static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

enum pkg { P_CTN, P_PLT, P_PKG, P_BAG, P_DRM, P_CAS, P_ROL, P_BAL, P_CRT,
    P_PCS, P_COI, P_BDL, P_BOX };

#define G_REEFER	1	/* travels in a reefer box */
#define G_VAGUE		2	/* a description customs refuse or flag */
#define G_PARCEL	4	/* an e-commerce parcel to a private person */

struct goods {
	const char *desc;
	const char *hs;		/* ten digits */
	unsigned char pkg;
	unsigned char flags;
	unsigned pk_min, pk_max;	/* packages in one box */
	unsigned kg_min, kg_max;	/* per package, tenths of a kg */
	unsigned cents_kg;	/* value, US cents per kg */
	unsigned density;	/* kg per m3 as packed */
	unsigned un;		/* UN number of dangerous goods, or 0 */
};

static const struct goods goods[] = {
	{ "MEN'S COTTON T-SHIRTS", "6109100010", P_CTN, 0,
	  200, 1400, 80, 180, 900, 180, 0 },
	{ "LADIES' KNITTED PULLOVERS, ACRYLIC", "6110309000", P_CTN, 0,
	  200, 1200, 70, 160, 1400, 150, 0 },
	{ "POLYESTER FILAMENT YARN", "5402330000", P_CTN, 0,
	  300, 1100, 180, 260, 180, 420, 0 },
	{ "DENIM FABRIC, 98% COTTON 2% ELASTANE", "5209420000", P_ROL, 0,
	  80, 400, 400, 700, 450, 500, 0 },
	{ "FOOTWEAR, RUBBER SOLES", "6404199000", P_CTN, 0,
	  300, 1500, 60, 140, 1100, 160, 0 },
	{ "LED LIGHTING FIXTURES", "9405420000", P_CTN, 0,
	  200, 1600, 40, 160, 1200, 140, 0 },
	{ "15\" LCD MONITORS", "8528520000", P_CTN, 0,
	  300, 1200, 50, 80, 2500, 160, 0 },
	{ "27\" LED MONITORS, MODEL P27Q", "8528520000", P_CTN, 0,
	  200, 700, 80, 110, 2800, 150, 0 },
	{ "LAPTOP COMPUTERS", "8471300000", P_CTN, 0,
	  100, 1200, 40, 90, 12000, 200, 0 },
	{ "MOBILE PHONES AND ACCESSORIES", "8517130000", P_CTN, 0,
	  100, 900, 30, 120, 15000, 220, 0 },
	{ "LITHIUM ION BATTERIES", "8507600090", P_CTN, 0,
	  100, 800, 100, 250, 1800, 600, 3480 },
	{ "LI-ION BATTERIES IN EQUIPMENT", "8507600090", P_CTN, 0,
	  50, 600, 50, 150, 2400, 300, 3481 },
	{ "SOLAR PANELS, MONOCRYSTALLINE 410W", "8541430000", P_PLT, 0,
	  20, 36, 6000, 7500, 30, 330, 0 },
	{ "PASSENGER CAR TYRES 205/55R16", "4011100000", P_PCS, 0,
	  600, 1200, 80, 110, 350, 280, 0 },
	{ "TRUCK TYRES 315/80R22.5", "4011200000", P_PCS, 0,
	  100, 300, 450, 700, 300, 350, 0 },
	{ "AUTO PARTS: BRAKE PADS, DISCS", "8708309900", P_PLT, 0,
	  12, 24, 6000, 9500, 550, 900, 0 },
	{ "SEAMLESS STEEL PIPES 6\" SCH40", "7304190000", P_BDL, 0,
	  8, 30, 8000, 16000, 110, 2500, 0 },
	{ "ALUMINIUM PROFILES, ANODISED", "7604109000", P_BDL, 0,
	  20, 60, 2500, 5000, 350, 900, 0 },
	{ "HAND TOOLS: SPANNERS AND WRENCHES", "8204110000", P_CTN, 0,
	  300, 1500, 100, 200, 400, 700, 0 },
	{ "PLASTIC HOUSEWARE", "3924900090", P_CTN, 0,
	  400, 1600, 30, 90, 250, 90, 0 },
	{ "HDPE GRANULES", "3901200000", P_BAG, 0,
	  900, 1100, 250, 250, 120, 600, 0 },
	{ "PVC VINYL FLOORING", "3918101000", P_PLT, 0,
	  18, 24, 9000, 12000, 160, 1300, 0 },
	{ "CERAMIC FLOOR TILES 60X60 CM", "6907210000", P_PLT, 0,
	  16, 24, 10000, 13000, 60, 1800, 0 },
	{ "GYPSUM PLASTERBOARD", "6809110000", P_PLT, 0,
	  16, 26, 9000, 11000, 15, 800, 0 },
	{ "FURNITURE, KNOCKED DOWN", "9403600090", P_PKG, 0,
	  60, 400, 200, 600, 300, 160, 0 },
	{ "OFFICE CHAIRS, SWIVEL", "9401310000", P_CTN, 0,
	  120, 400, 150, 220, 450, 90, 0 },
	{ "MATTRESSES, POCKET SPRING", "9404290000", P_PCS, 0,
	  60, 180, 250, 400, 350, 70, 0 },
	{ "PLUSH TOYS", "9503004100", P_CTN, 0,
	  300, 1200, 40, 80, 700, 60, 0 },
	{ "CHRISTMAS DECORATIONS", "9505100000", P_CTN, 0,
	  400, 1800, 30, 80, 500, 70, 0 },
	{ "BICYCLES", "8712003000", P_CTN, 0,
	  80, 300, 160, 250, 600, 110, 0 },
	{ "ELECTRIC SCOOTERS", "8711600000", P_CTN, 0,
	  100, 300, 180, 260, 1400, 150, 3171 },
	{ "WASHING MACHINES, FRONT LOADING", "8450111900", P_PCS, 0,
	  60, 120, 650, 800, 450, 160, 0 },
	{ "REFRIGERATORS, HOUSEHOLD", "8418210000", P_PCS, 0,
	  40, 90, 600, 900, 500, 120, 0 },
	{ "AIR CONDITIONERS, SPLIT SYSTEM", "8415101000", P_CTN, 0,
	  80, 240, 300, 500, 700, 200, 0 },
	{ "FROZEN SHRIMP (PENAEUS VANNAMEI)", "0306171000", P_CTN, G_REEFER,
	  1000, 2000, 100, 120, 850, 550, 0 },
	{ "FRESH BANANAS", "0803901000", P_CTN, G_REEFER,
	  900, 1080, 180, 200, 60, 520, 0 },
	{ "FRESH CUT ROSES", "0603110000", P_BOX, G_REEFER,
	  150, 400, 100, 150, 600, 180, 0 },
	{ "FROZEN CHICKEN CUTS, HALAL", "0207140000", P_CTN, G_REEFER,
	  1200, 1800, 140, 160, 250, 600, 0 },
	{ "GREEN COFFEE BEANS, NOT ROASTED", "0901110000", P_BAG, 0,
	  300, 320, 600, 700, 450, 650, 0 },
	{ "CANNED TUNA IN OIL", "1604141600", P_CTN, 0,
	  1200, 1800, 90, 110, 450, 800, 0 },
	{ "EXTRA VIRGIN OLIVE OIL", "1509200000", P_CTN, 0,
	  1000, 1600, 90, 120, 600, 850, 0 },
	{ "RED WINE IN BOTTLES 75 CL", "2204210600", P_CTN, 0,
	  900, 1300, 130, 150, 500, 700, 0 },
	{ "PHARMACEUTICAL PRODUCTS", "3004900000", P_CTN, 0,
	  100, 600, 50, 150, 6000, 250, 0 },
	{ "NITRILE GLOVES, POWDER FREE", "4015120000", P_CTN, 0,
	  1200, 2000, 50, 80, 300, 300, 0 },
	{ "SKIN CARE PREPARATIONS", "3304990000", P_CTN, 0,
	  300, 1200, 50, 120, 1200, 400, 0 },
	{ "PERFUMES IN SPRAY BOTTLES", "3303001000", P_CTN, 0,
	  200, 900, 60, 110, 3000, 450, 1266 },
	{ "PAINT, SOLVENT BASED, IN TINS", "3208109000", P_DRM, 0,
	  60, 80, 1800, 2200, 350, 1100, 1263 },
	{ "CAUSTIC SODA FLAKES", "2815110000", P_BAG, 0,
	  800, 1080, 250, 250, 45, 900, 1823 },
	{ "MACHINERY PARTS", "8487900000", P_CAS, 0,
	  4, 40, 2000, 9000, 900, 700, 0 },
	{ "CNC VERTICAL MACHINING CENTRE", "8457101000", P_CRT, 0,
	  1, 3, 45000, 80000, 1800, 600, 0 },
	{ "CENTRIFUGAL PUMPS", "8413708100", P_CAS, 0,
	  10, 60, 800, 2500, 1200, 700, 0 },
	{ "ELECTRIC MOTORS, AC", "8501520000", P_PLT, 0,
	  10, 30, 5000, 9000, 900, 1100, 0 },
	{ "COPPER WIRE, REFINED", "7408110000", P_COI, 0,
	  10, 24, 8000, 11000, 950, 2200, 0 },
	{ "STAINLESS STEEL SHEETS", "7219340000", P_COI, 0,
	  3, 5, 45000, 60000, 280, 4000, 0 },
	{ "GLASS BOTTLES FOR BEVERAGES", "7010909100", P_PLT, 0,
	  18, 22, 8000, 10000, 80, 350, 0 },
	{ "KRAFT PAPER IN ROLLS", "4804310000", P_ROL, 0,
	  18, 30, 8000, 12000, 90, 650, 0 },
	{ "COTTON BED LINEN, PRINTED", "6302310000", P_BAL, 0,
	  60, 200, 800, 1200, 700, 300, 0 },
	{ "CARPETS, POLYPROPYLENE", "5703200000", P_ROL, 0,
	  60, 200, 400, 900, 400, 350, 0 },
	{ "TREADMILLS", "9506911000", P_CTN, 0,
	  30, 90, 700, 1100, 450, 180, 0 },
	{ "WRIST WATCHES, QUARTZ", "9102110000", P_CTN, 0,
	  10, 80, 80, 150, 9000, 200, 0 },
	{ "LADIES' HANDBAGS, LEATHER", "4202210000", P_CTN, 0,
	  80, 400, 80, 150, 4500, 120, 0 },
	{ "SUNGLASSES", "9004101000", P_CTN, 0,
	  60, 300, 50, 90, 5000, 120, 0 },
	{ "INTEGRATED CIRCUITS", "8542310000", P_CTN, 0,
	  10, 80, 50, 150, 90000, 150, 0 },
	{ "PRINTED CIRCUIT ASSEMBLIES", "8473302000", P_CTN, 0,
	  50, 300, 80, 150, 8000, 200, 0 },
	{ "SMART WATCHES", "8517620000", P_CTN, 0,
	  20, 200, 50, 100, 20000, 180, 0 },
	{ "HUMAN HAIR EXTENSIONS", "6704200000", P_CTN, 0,
	  20, 120, 80, 150, 12000, 150, 0 },
	{ "USED AUTOMOTIVE ENGINES", "8407340000", P_PLT, 0,
	  10, 24, 1800, 2800, 300, 600, 0 },
	{ "POLISHED MARBLE SLABS", "6802210000", P_CRT, 0,
	  6, 10, 18000, 26000, 60, 2500, 0 },
	{ "LONG GRAIN WHITE RICE", "1006309800", P_BAG, 0,
	  500, 1040, 250, 500, 60, 780, 0 },
	{ "REFINED CANE SUGAR", "1701991000", P_BAG, 0,
	  500, 540, 500, 500, 55, 800, 0 },
	{ "UREA FERTILIZER, GRANULAR", "3102101000", P_BAG, 0,
	  500, 540, 500, 500, 40, 750, 0 },
	/* What targeting rules are written against. */
	{ "GENERAL CARGO", "", P_PKG, G_VAGUE,
	  10, 900, 50, 2500, 500, 250, 0 },
	{ "SAID TO CONTAIN PARTS", "", P_PKG, G_VAGUE,
	  10, 600, 100, 3000, 500, 400, 0 },
	{ "FAK", "", P_PKG, G_VAGUE,
	  20, 900, 80, 2500, 400, 250, 0 },
	{ "GIFTS", "", P_CTN, G_VAGUE,
	  20, 800, 50, 300, 800, 120, 0 },
	{ "STC GENERAL MERCHANDISE", "", P_PKG, G_VAGUE,
	  50, 1200, 60, 2200, 400, 250, 0 },
	{ "DAILY NECESSITIES", "", P_CTN, G_VAGUE,
	  200, 1500, 60, 200, 300, 150, 0 },
	{ "SPARE PARTS", "", P_PKG, G_VAGUE,
	  10, 300, 200, 3000, 700, 500, 0 },
	{ "CONSOLIDATED CARGO", "", P_PKG, G_VAGUE,
	  20, 800, 80, 2000, 500, 200, 0 },
	/* House air waybills of e-commerce: short, generic descriptions. */
	{ "CLOTHING", "6109100000", P_PKG, G_PARCEL,
	  1, 3, 3, 30, 3000, 150, 0 },
	{ "SHOES", "6404190000", P_PKG, G_PARCEL,
	  1, 2, 8, 25, 3500, 200, 0 },
	{ "PHONE CASES", "3926909700", P_PKG, G_PARCEL,
	  1, 2, 2, 15, 4000, 150, 0 },
	{ "COSMETICS", "3304990000", P_PKG, G_PARCEL,
	  1, 2, 3, 20, 6000, 300, 0 },
	{ "TOYS", "9503007000", P_PKG, G_PARCEL,
	  1, 3, 3, 40, 2500, 100, 0 },
	{ "HANDBAG", "4202220000", P_PKG, G_PARCEL,
	  1, 1, 5, 20, 5000, 120, 0 },
	{ "JEWELRY", "7117190000", P_PKG, G_PARCEL,
	  1, 1, 1, 5, 20000, 300, 0 },
	{ "HEADPHONES", "8518300000", P_PKG, G_PARCEL,
	  1, 2, 3, 10, 9000, 200, 0 },
	{ "BOOKS", "4901990000", P_PKG, G_PARCEL,
	  1, 2, 5, 40, 1500, 500, 0 },
	{ "WATCH", "9102110000", P_PKG, G_PARCEL,
	  1, 1, 1, 5, 30000, 250, 0 },
	{ "PHONE ACCESSORIES", "8517790000", P_PKG, G_PARCEL,
	  1, 3, 2, 20, 6000, 200, 0 },
	{ "KITCHEN TOOLS", "8215990000", P_PKG, G_PARCEL,
	  1, 2, 5, 40, 1500, 250, 0 },
	{ "VITAMINS", "2106909200", P_BAG, G_PARCEL,
	  1, 2, 3, 20, 4000, 400, 0 },
	{ "E-CIGARETTES", "8543400000", P_PKG, G_PARCEL,
	  1, 3, 3, 30, 8000, 250, 0 },
	{ "LED STRIP LIGHTS", "9405420000", P_PKG, G_PARCEL,
	  1, 2, 3, 20, 2500, 200, 0 },
};

/* ---- the tables, split once ------------------------------------------ */

struct span {
	const char *p;
	size_t n;
};

struct words {
	struct span *v;
	unsigned n;
};

struct country {
	const struct country_src *src;
	struct words sea, air, cities, streets, stems, trades, forms;
	struct words given, family;
	unsigned companies;	/* distinct company names */
};

struct carrier {
	const struct carrier_src *src;
	struct words owners, vessels;
};

struct tables {
	struct country country[NITEMS(country_src)];
	struct carrier carrier[NITEMS(carrier_src)];
	struct words leased, sea_hubs, air_hubs, uld, pkg, pkg_short;
	unsigned from_total, to_total;
	unsigned first_vague;	/* vague goods follow the others */
	unsigned first_parcel;	/* and parcels close the table */
};

static void
die(const char *msg)
{
	fprintf(stderr, "gen-manifest: %s\n", msg);
	exit(2);
}

static void
split(struct words *w, const char *s)
{
	const char *p, *bar;
	unsigned i;

	w->n = 1;
	for (p = s; *p != '\0'; p++)
		if (*p == '|')
			w->n++;
	if ((w->v = calloc(w->n, sizeof(*w->v))) == NULL)
		die("out of memory");
	for (i = 0, p = s; i < w->n; i++, p = bar + 1) {
		if ((bar = strchr(p, '|')) == NULL)
			bar = p + strlen(p);
		w->v[i].p = p;
		w->v[i].n = (size_t)(bar - p);
	}
}

static void
tables_init(struct tables *t)
{
	unsigned i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < NITEMS(country_src); i++) {
		const struct country_src *s = &country_src[i];
		struct country *c = &t->country[i];

		c->src = s;
		split(&c->sea, s->sea);
		split(&c->air, s->air);
		split(&c->cities, s->cities);
		split(&c->streets, s->streets);
		split(&c->stems, s->stems);
		split(&c->trades, s->trades);
		split(&c->forms, s->forms);
		split(&c->given, s->given);
		split(&c->family, s->family);
		c->companies = c->stems.n * 3 * c->trades.n * c->forms.n;
		t->from_total += s->from;
		t->to_total += s->to;
	}
	for (i = 0; i < NITEMS(carrier_src); i++) {
		t->carrier[i].src = &carrier_src[i];
		split(&t->carrier[i].owners, carrier_src[i].owners);
		split(&t->carrier[i].vessels, carrier_src[i].vessels);
	}
	split(&t->leased, leased_src);
	split(&t->sea_hubs, sea_hubs_src);
	split(&t->air_hubs, air_hubs_src);
	split(&t->uld, uld_src);
	split(&t->pkg, pkg_src);
	split(&t->pkg_short, pkg_short_src);
	for (i = 0; i < NITEMS(goods) && !(goods[i].flags & G_VAGUE); i++)
		;
	t->first_vague = i;
	for (; i < NITEMS(goods) && !(goods[i].flags & G_PARCEL); i++)
		;
	t->first_parcel = i;
}

/* ---- random numbers --------------------------------------------------- */

/* splitmix64: tiny, fast, and the same on every machine. */
struct rng {
	uint64_t s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z;

	z = (r->s += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n); multiply-shift instead of modulo: no bias worth naming. */
static unsigned
below(struct rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * n) >> 32);
}

static unsigned
between(struct rng *r, unsigned lo, unsigned hi)
{
	return lo + below(r, hi - lo + 1);
}

/* True in per10k cases out of 10,000. */
static int
chance(struct rng *r, unsigned per10k)
{
	return below(r, 10000) < per10k;
}

static const struct span *
pick(struct rng *r, const struct words *w)
{
	return &w->v[below(r, w->n)];
}

/* ---- output ----------------------------------------------------------- */

/*
 * Rows go into one buffer written in blocks of at least 64 KiB: a field
 * is at most FIELD_MAX bytes, twice that quoted, so a row never comes near
 * the rest of the buffer.
 */
struct out {
	char *buf;
	size_t len;
};

static void
out_flush(struct out *o)
{
	size_t off = 0;
	ssize_t n;

	while (off < o->len) {
		n = write(STDOUT_FILENO, o->buf + off, o->len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "gen-manifest: write: %s\n",
			    strerror(errno));
			exit(2);
		}
		off += (size_t)n;
	}
	o->len = 0;
}

static void
out_add(struct out *o, const char *p, size_t n)
{
	if (o->len + n > OUT_CAP)
		die("row too long for the output buffer");
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

/* One field being composed before it is quoted as CSV needs. */
struct field {
	char s[FIELD_MAX];
	size_t n;
};

static void
f_add(struct field *f, const char *p, size_t n)
{
	if (f->n + n > FIELD_MAX)
		die("field too long");
	memcpy(f->s + f->n, p, n);
	f->n += n;
}

static void
f_str(struct field *f, const char *s)
{
	f_add(f, s, strlen(s));
}

static void
f_span(struct field *f, const struct span *s)
{
	f_add(f, s->p, s->n);
}

static void
f_chr(struct field *f, char c)
{
	f_add(f, &c, 1);
}

/* Decimal, left-padded with zeros to width digits. */
static void
f_uint(struct field *f, uint64_t v, unsigned width)
{
	char d[24];
	unsigned n = 0;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0 && n < sizeof(d));
	while (n < width && n < sizeof(d))
		d[n++] = '0';
	while (n > 0)
		f_chr(f, d[--n]);
}

/*
 * A fixed-point number: v holds scale decimals; shown of them are
 * written (truncated), and thousands are grouped with ',' if asked.
 */
static void
f_fixed(struct field *f, uint64_t v, unsigned scale, unsigned shown,
    int grouped)
{
	uint64_t unit = 1, ip, frac;
	unsigned i;
	char d[24];
	unsigned n = 0;

	for (i = 0; i < scale; i++)
		unit *= 10;
	ip = v / unit;
	frac = v % unit;
	do {
		if (grouped && n % 4 == 3)
			d[n++] = ',';
		d[n++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip != 0 && n < sizeof(d) - 1);
	while (n > 0)
		f_chr(f, d[--n]);
	if (shown == 0)
		return;
	for (i = shown; i < scale; i++)
		frac /= 10;
	f_chr(f, '.');
	f_uint(f, frac, shown);
}

static int
needs_quotes(const struct field *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->s[i] == ',' || f->s[i] == '"' || f->s[i] == '\n' ||
		    f->s[i] == '\r')
			return 1;
	return 0;
}

/* Write the field as CSV, then sep (',' or '\n'), and empty it. */
static void
put(struct out *o, struct field *f, char sep)
{
	size_t i, start;

	if (!needs_quotes(f)) {
		out_add(o, f->s, f->n);
	} else {
		out_add(o, "\"", 1);
		for (start = i = 0; i < f->n; i++) {
			if (f->s[i] != '"')
				continue;
			/* Copy through the quote, then write it again. */
			out_add(o, f->s + start, i + 1 - start);
			start = i;
		}
		out_add(o, f->s + start, f->n - start);
		out_add(o, "\"", 1);
	}
	out_add(o, &sep, 1);
	f->n = 0;
}

/* ---- identifiers ------------------------------------------------------ */

/*
 * ISO 6346 check digit of the first ten characters: letters count from
 * 10 up, skipping multiples of 11; each value is weighted by 2^i; the sum
 * is taken mod 11, then mod 10.
 */
static unsigned
iso6346_digit(const char *s)
{
	unsigned i, v, sum = 0;

	for (i = 0; i < 10; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z') {
			v = 10 + (unsigned)(s[i] - 'A');
			v += (v - 1) / 10;	/* skip 11, 22 and 33 */
		} else {
			v = (unsigned)(s[i] - '0');
		}
		sum += v << i;
	}
	return sum % 11 % 10;
}

/* Owner code and category, six-digit serial, check digit (right or not). */
static void
container_no(struct rng *r, char no[12], const struct span *owner, int right)
{
	unsigned d;

	memcpy(no, owner->p, 4);
	snprintf(no + 4, 8, "%06u", below(r, 1000000));
	d = iso6346_digit(no);
	if (!right)
		d = (d + between(r, 1, 9)) % 10;
	no[10] = (char)('0' + d);
	no[11] = '\0';
}

/* Airline prefix, seven-digit serial, serial mod 7 (right or not). */
static void
awb_no(struct rng *r, char *no, size_t size, const char *prefix, int right)
{
	unsigned serial = between(r, 1000000, 9999999);
	unsigned d = serial % 7;

	if (!right)
		d = (d + between(r, 1, 6)) % 7;
	snprintf(no, size, "%s-%07u%u", prefix, serial, d);
}

/* ---- dates ------------------------------------------------------------ */

static int
leap(unsigned y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 2024-01-01 as one of the formats exports use. */
static void
f_date(struct field *f, unsigned days, unsigned style)
{
	static const unsigned char mdays[] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned y = 2024, m = 0, len;

	for (;;) {
		len = leap(y) ? 366 : 365;
		if (days < len)
			break;
		days -= len;
		y++;
	}
	for (;;) {
		len = mdays[m] + (m == 1 && leap(y));
		if (days < len)
			break;
		days -= len;
		m++;
	}
	switch (style) {
	case 0:		/* 2025-03-07 */
		f_uint(f, y, 4);
		f_chr(f, '-');
		f_uint(f, m + 1, 2);
		f_chr(f, '-');
		f_uint(f, days + 1, 2);
		break;
	case 1:		/* 07/03/2025 */
		f_uint(f, days + 1, 2);
		f_chr(f, '/');
		f_uint(f, m + 1, 2);
		f_chr(f, '/');
		f_uint(f, y, 4);
		break;
	default:	/* 07-Mar-2025 */
		f_uint(f, days + 1, 2);
		f_chr(f, '-');
		f_add(f, months + 3 * m, 3);
		f_chr(f, '-');
		f_uint(f, y, 4);
		break;
	}
}

/* ---- parties ---------------------------------------------------------- */

enum party { P_COMPANY, P_PERSON, P_FORWARDER, P_TO_ORDER, P_NONE };

/*
 * Expand an address template. The street itself may hold a %n (a
 * numbered calle or street), hence one level of recursion.
 */
static void
f_address(struct field *f, struct rng *r, const struct country *c,
    const char *t, size_t n, int postcode)
{
	const struct span *s;
	const char *pc;
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i] != '%' || i + 1 == n) {
			f_chr(f, t[i]);
			continue;
		}
		switch (t[++i]) {
		case 'n':
			/* Most street numbers are small. */
			f_uint(f, 1 + below(r, 1 + below(r, 400)), 0);
			break;
		case 's':
			s = pick(r, &c->streets);
			f_address(f, r, c, s->p, s->n, postcode);
			break;
		case 'c':
			f_span(f, pick(r, &c->cities));
			break;
		case 'p':
			/* Left out: drop the space that went with it. */
			if (!postcode) {
				if (i + 1 < n && t[i + 1] == ' ')
					i++;
				else if (f->n > 0 && f->s[f->n - 1] == ' ')
					f->n--;
				break;
			}
			for (pc = c->src->postcode; *pc != '\0'; pc++) {
				if (*pc == '9')
					f_chr(f, (char)('0' + below(r, 10)));
				else if (*pc == 'A')
					f_chr(f, (char)('A' + below(r, 26)));
				else
					f_chr(f, *pc);
			}
			break;
		default:
			f_chr(f, t[i]);
			break;
		}
	}
}

/*
 * A party's name and address follow from its country and number alone,
 * so that a shipper seen again has the same address, as in real data.
 * A few have only a P.O. box or a city: an incomplete address is a risk
 * indicator.
 */
static void
f_party(struct field *name, struct field *addr, const struct tables *tb,
    unsigned ci, enum party kind, unsigned id, uint64_t seed)
{
	const struct country *c = &tb->country[ci];
	const char *t = c->src->addr;
	unsigned stem = 0, trade = 0, form = 0, k;
	struct rng r;

	if (kind == P_COMPANY) {
		/*
		 * A third of the names carry a trade: "Müller Textil GmbH".
		 * Numbers that give the same name are one party.
		 */
		stem = id % c->stems.n;
		k = id / c->stems.n;
		trade = k % (3 * c->trades.n);
		if (trade >= c->trades.n)
			trade = c->trades.n;
		form = k / (3 * c->trades.n) % c->forms.n;
		id = stem + c->stems.n * (trade + (c->trades.n + 1) * form);
	}
	r.s = seed ^ ((uint64_t)ci << 40) ^ ((uint64_t)kind << 32) ^ id;
	r.s = rng_next(&r);
	switch (kind) {
	case P_COMPANY:
		f_span(name, &c->stems.v[stem]);
		if (trade < c->trades.n) {
			f_chr(name, ' ');
			f_span(name, &c->trades.v[trade]);
		}
		f_chr(name, ' ');
		f_span(name, &c->forms.v[form]);
		break;
	case P_PERSON:
		f_span(name, pick(&r, &c->given));
		f_chr(name, ' ');
		f_span(name, pick(&r, &c->family));
		break;
	case P_FORWARDER:
		f_str(name, forwarders[id % NITEMS(forwarders)].name);
		break;
	case P_TO_ORDER:
		f_str(name, id % 2 ? "TO ORDER" : "TO THE ORDER OF SHIPPER");
		return;
	case P_NONE:
		return;
	}
	k = below(&r, 100);
	if (kind == P_COMPANY && k < 2) {
		f_str(addr, "P.O. BOX ");
		f_uint(addr, between(&r, 100, 99999), 0);
		f_str(addr, ", ");
		f_span(addr, pick(&r, &c->cities));
	} else if (kind == P_COMPANY && k < 4) {
		f_span(addr, pick(&r, &c->cities));
	} else {
		/* Many exports leave the postcode out. */
		f_address(addr, &r, c, t, strlen(t), k < 12);
	}
}

/* ---- what a row is made of -------------------------------------------- */

struct currency {
	const char *code;
	unsigned milli_per_usd;	/* exchange rate, thousandths */
	unsigned weight;
	unsigned decimals;
};

static const struct currency currencies[] = {
	{ "USD", 1000, 6000, 2 }, { "EUR", 920, 1800, 2 },
	{ "CNY", 7200, 700, 2 }, { "GBP", 790, 300, 2 },
	{ "JPY", 150000, 200, 0 }, { "TRY", 32000, 200, 2 },
	{ "INR", 83000, 200, 2 }, { "BRL", 5000, 150, 2 },
	{ "AED", 3670, 150, 2 }, { "KRW", 1330000, 100, 0 },
	{ "PLN", 4000, 100, 2 }, { "CHF", 880, 100, 2 },
};

static const char *const freight_terms[] = {
	"PREPAID", "PREPAID", "PREPAID", "COLLECT", "COLLECT",
	"PP", "PP", "PP", "CC", "CC"
};

/* What exporters append to a description on a line of its own. */
static const char *const desc_tails[] = {
	"SHIPPER'S LOAD, STOW AND COUNT",
	"NO SOLID WOOD PACKING MATERIAL",
	"FREIGHT PREPAID AS ARRANGED",
	"14 DAYS FREE TIME AT DESTINATION",
	"PO NO. 4500123456",
};

/* The last box of a voyage, for house bills consolidated in it. */
struct box {
	char no[12];
	char seal[16];
	const char *type;
	int spaced;		/* written "MSKU 1234565" */
};

struct voyage {
	enum mode mode;
	unsigned carrier;	/* sea carrier or airline */
	int carrier_code;	/* written as its SCAC or IATA code */
	unsigned vessel;
	unsigned number;	/* voyage or flight number */
	char bound;		/* voyage direction, sea */
	unsigned from, to;	/* countries of loading and discharge */
	const struct span *pol, *pod;
	unsigned ntransit;
	const struct span *transit[2];
	unsigned dep, arr;	/* days from 2024-01-01 */
	unsigned rows_left;
	char master[32];	/* last master document, for house bills */
	struct box box;
	int has_master, has_box;
};

struct bill {
	enum doc doc;
	char no[32];
	char master[32];
	unsigned origin;	/* country of the goods */
	enum party ship_kind, cons_kind;
	unsigned shipper, consignee;
	unsigned notify;	/* 0 same as consignee, 1 none, 2 a forwarder */
	unsigned notify_id;
	unsigned goods;
	unsigned currency;
	unsigned terms;
	unsigned boxes_left;
	unsigned marks;		/* style of the marks */
	char marks_code[4];
};

struct gen {
	struct rng r;
	uint64_t seed;
	enum mode mode;
	struct tables t;
	struct voyage v;
	struct bill b;
	struct field f, g;	/* g: the address beside a name */
	struct out o;
};

static unsigned
pick_country(struct gen *g, int as_dest)
{
	unsigned i, k;

	k = below(&g->r, as_dest ? g->t.to_total : g->t.from_total);
	for (i = 0; i < NITEMS(country_src) - 1; i++) {
		unsigned w = as_dest ? country_src[i].to : country_src[i].from;

		if (k < w)
			break;
		k -= w;
	}
	return i;
}

static int
span_eq(const struct span *a, const struct span *b)
{
	return a->n == b->n && memcmp(a->p, b->p, a->n) == 0;
}

/* Popular parties come back often, most appear seldom. */
static unsigned
skewed(struct rng *r, unsigned n)
{
	return below(r, 1 + below(r, n));
}

static void
new_voyage(struct gen *g)
{
	struct voyage *v = &g->v;
	struct rng *r = &g->r;
	const struct words *hubs;
	const struct span *h;
	unsigned i, tries, n;

	/*
	 * Air voyages are shorter lists: choosing them more often leaves
	 * about 60% of the rows of a mixed run to air, as the many house air
	 * waybills of e-commerce do.
	 */
	if (g->mode == MIXED)
		v->mode = chance(r, 8800) ? AIR : SEA;
	else
		v->mode = g->mode;
	v->from = pick_country(g, 0);
	do
		v->to = pick_country(g, 1);
	while (v->to == v->from);
	v->dep = below(r, DATE_SPAN);
	v->carrier_code = chance(r, 5000);
	if (v->mode == SEA) {
		v->carrier = below(r, NITEMS(carrier_src));
		v->vessel = below(r, g->t.carrier[v->carrier].vessels.n);
		v->number = between(r, 1, 999);
		v->bound = "EWNS"[below(r, 4)];
		v->pol = pick(r, &g->t.country[v->from].sea);
		v->pod = pick(r, &g->t.country[v->to].sea);
		n = chance(r, 4500) ? 1 + chance(r, 2200) : 0;
		hubs = &g->t.sea_hubs;
		v->arr = v->dep + between(r, 8, 45);
		v->rows_left = between(r, 20, 300);
	} else {
		v->carrier = below(r, NITEMS(airlines));
		v->number = between(r, 100, 9999);
		v->pol = pick(r, &g->t.country[v->from].air);
		v->pod = pick(r, &g->t.country[v->to].air);
		n = chance(r, 3000);
		hubs = &g->t.air_hubs;
		v->arr = v->dep + between(r, 0, 2);
		v->rows_left = between(r, 5, 60);
	}
	v->ntransit = 0;
	for (i = 0; i < n; i++) {
		for (tries = 0; tries < 8; tries++) {
			h = pick(r, hubs);
			if (!span_eq(h, v->pol) && !span_eq(h, v->pod) &&
			    (i == 0 || !span_eq(h, v->transit[0])))
				break;
		}
		if (tries < 8)
			v->transit[v->ntransit++] = h;
	}
	v->has_master = v->has_box = 0;
}

static void
sea_bl_no(struct gen *g, char *no, size_t size)
{
	const struct carrier_src *c = &carrier_src[g->v.carrier];
	uint64_t mod = 1;
	unsigned i;

	for (i = 0; i < c->digits; i++)
		mod *= 10;
	snprintf(no, size, "%s%0*" PRIu64, c->bl, (int)c->digits,
	    rng_next(&g->r) % mod);
}

static unsigned
pick_goods(struct gen *g)
{
	struct rng *r = &g->r;
	unsigned i, tries;

	if (g->b.cons_kind == P_PERSON)
		return g->t.first_parcel +
		    below(r, (unsigned)NITEMS(goods) - g->t.first_parcel);
	if (chance(r, 350))
		return g->t.first_vague +
		    below(r, g->t.first_parcel - g->t.first_vague);
	/*
	 * Air freight is mostly goods worth its price per kg, and dangerous
	 * goods are a small share of any manifest.
	 */
	for (tries = 0; ; tries++) {
		i = below(r, g->t.first_vague);
		if (tries == 3)
			return i;
		if (goods[i].un != 0 && !chance(r, 3000))
			continue;
		if (g->v.mode == SEA || goods[i].cents_kg >= 400)
			return i;
	}
}

static void
new_bill(struct gen *g)
{
	struct voyage *v = &g->v;
	struct bill *b = &g->b;
	struct rng *r = &g->r;
	const struct forwarder *fw;
	const struct country *to = &g->t.country[v->to];
	unsigned i, k;

	fw = &forwarders[below(r, NITEMS(forwarders))];
	b->master[0] = '\0';
	b->boxes_left = 1;
	if (v->mode == SEA && chance(r, 5000)) {
		b->doc = DOC_BL;
		sea_bl_no(g, b->no, sizeof(b->no));
		k = below(r, 100);
		if (k >= 95)
			b->boxes_left = between(r, 6, 20);
		else if (k >= 70)
			b->boxes_left = between(r, 2, 5);
	} else if (v->mode == SEA) {
		b->doc = DOC_HBL;
		snprintf(b->no, sizeof(b->no), "%s%.3s%07u", fw->code,
		    v->pol->p + 2, below(r, 10000000));
		if (!v->has_master || !chance(r, 6000)) {
			sea_bl_no(g, v->master, sizeof(v->master));
			v->has_master = 1;
		}
		memcpy(b->master, v->master, sizeof(b->master));
	} else if (chance(r, 4000)) {
		b->doc = DOC_AWB;
		awb_no(r, b->no, sizeof(b->no), airlines[v->carrier].prefix,
		    chance(r, 9800));
	} else {
		b->doc = DOC_HAWB;
		snprintf(b->no, sizeof(b->no), "%s%08u", fw->code,
		    below(r, 100000000));
		if (!v->has_master || !chance(r, 7000)) {
			awb_no(r, v->master, sizeof(v->master),
			    airlines[v->carrier].prefix, chance(r, 9800));
			v->has_master = 1;
		}
		memcpy(b->master, v->master, sizeof(b->master));
	}

	b->origin = chance(r, 800) ? pick_country(g, 0) : v->from;

	/* A master air waybill names the forwarders at both ends. */
	k = below(r, 10000);
	b->ship_kind = k < 20 ? P_NONE :
	    b->doc == DOC_AWB && k < 6000 ? P_FORWARDER : P_COMPANY;
	b->shipper = skewed(r, b->ship_kind == P_FORWARDER ?
	    NITEMS(forwarders) : g->t.country[v->from].companies);
	k = below(r, 10000);
	if (k < 30)
		b->cons_kind = P_NONE;
	else if (b->doc == DOC_AWB)
		b->cons_kind = k < 6000 ? P_FORWARDER : P_COMPANY;
	else if (b->doc == DOC_HAWB)
		b->cons_kind = k < 4000 ? P_PERSON :
		    k < 4500 ? P_FORWARDER : P_COMPANY;
	else
		b->cons_kind = k < 330 ? P_TO_ORDER :
		    k < 1000 ? P_FORWARDER : P_COMPANY;
	switch (b->cons_kind) {
	case P_PERSON:
		b->consignee = below(r, 100000);
		break;
	case P_FORWARDER:
	case P_TO_ORDER:
		b->consignee = below(r, NITEMS(forwarders));
		break;
	default:
		b->consignee = skewed(r, to->companies);
		break;
	}
	k = below(r, 10000);
	if (v->mode == SEA)
		b->notify = k < 2500 ? 0 : k < 8500 ? 1 : 2;
	else
		b->notify = k < 1000 ? 0 : k < 9500 ? 1 : 2;
	if (b->cons_kind == P_TO_ORDER && b->notify == 0)
		b->notify = 2;
	b->notify_id = below(r, NITEMS(forwarders));

	b->goods = pick_goods(g);
	k = below(r, 10000);	/* the weights add up to 10,000 */
	for (i = 0; i < NITEMS(currencies) - 1; i++) {
		if (k < currencies[i].weight)
			break;
		k -= currencies[i].weight;
	}
	b->currency = i;
	b->terms = below(r, NITEMS(freight_terms));
	b->marks = below(r, 100);
	for (i = 0; i < 3; i++)
		b->marks_code[i] = (char)('A' + below(r, 26));
	b->marks_code[3] = '\0';
}

/* ---- one row ---------------------------------------------------------- */

static void
put_port(struct gen *g, const struct span *p, char sep)
{
	/* Some exports keep the space of the printed code: "NL RTM". */
	if (chance(&g->r, 500)) {
		f_add(&g->f, p->p, 2);
		f_chr(&g->f, ' ');
		f_add(&g->f, p->p + 2, p->n - 2);
	} else {
		f_span(&g->f, p);
	}
	put(&g->o, &g->f, sep);
}

static void
put_country(struct gen *g, unsigned ci)
{
	/* A few exports write the name where a code belongs. */
	if (chance(&g->r, 200))
		f_str(&g->f, country_src[ci].name);
	else
		f_str(&g->f, country_src[ci].code);
	put(&g->o, &g->f, ',');
}

static void
put_party(struct gen *g, unsigned ci, enum party kind, unsigned id)
{
	f_party(&g->f, &g->g, &g->t, ci, kind, id, g->seed);
	put(&g->o, &g->f, ',');
	put(&g->o, &g->g, ',');
	if (kind == P_NONE || kind == P_TO_ORDER)
		put(&g->o, &g->f, ',');
	else
		put_country(g, ci);
}

/* A new box for a sea bill: the line's own or a leasing company's. */
static void
new_box(struct gen *g, const struct goods *gd)
{
	struct rng *r = &g->r;
	struct box *x = &g->v.box;
	const struct words *owners = &g->t.carrier[g->v.carrier].owners;
	const struct span *owner;
	static const char *const dry[] = {
		"45G1", "45G1", "45G1", "45G1", "42G1", "42G1", "22G1",
		"22G1", "22G1", "22G1", "22G1", "42U1", "22P1", "L5G1"
	};
	unsigned k;

	if (chance(r, 1500))
		owners = &g->t.leased;
	/*
	 * One draw per statement: the order in which arguments are evaluated
	 * is unspecified, and the output must not depend on the compiler.
	 */
	owner = pick(r, owners);
	container_no(r, x->no, owner, chance(r, 9700));
	x->spaced = chance(r, 200);
	if (gd->flags & G_REEFER)
		x->type = chance(r, 8000) ? "45R1" : "22R1";
	else
		x->type = dry[below(r, NITEMS(dry))];
	k = below(r, 100);
	if (k < 2)
		x->seal[0] = '\0';	/* a missing seal is a risk indicator */
	else if (k < 60)
		snprintf(x->seal, sizeof(x->seal), "%.2s%07u",
		    carrier_src[g->v.carrier].bl, below(r, 10000000));
	else
		snprintf(x->seal, sizeof(x->seal), "%u",
		    between(r, 100000, 99999999));
	g->v.has_box = 1;
}

static void
write_row(struct gen *g)
{
	struct voyage *v = &g->v;
	struct bill *b = &g->b;
	struct rng *r = &g->r;
	struct field *f = &g->f;
	const struct goods *gd;
	const struct currency *cur;
	const struct span *uld;
	const char *p;
	uint64_t w, cap, vol, val, kgpp;
	unsigned pk, i, k, style, twenty = 0;

	if (v->rows_left == 0)
		new_voyage(g);
	v->rows_left--;
	if (b->boxes_left == 0)
		new_bill(g);
	b->boxes_left--;
	gd = &goods[b->goods];

	f_str(f, b->no);
	put(&g->o, f, ',');
	f_str(f, b->master);
	put(&g->o, f, ',');
	f_str(f, b->doc == DOC_BL ? "BL" : b->doc == DOC_HBL ? "HBL" :
	    b->doc == DOC_AWB ? "AWB" : "HAWB");
	put(&g->o, f, ',');
	f_str(f, v->mode == SEA ? "SEA" : "AIR");
	put(&g->o, f, ',');
	if (v->mode == SEA) {
		f_str(f, v->carrier_code ? carrier_src[v->carrier].bl :
		    carrier_src[v->carrier].name);
		put(&g->o, f, ',');
		f_span(f, &g->t.carrier[v->carrier].vessels.v[v->vessel]);
		put(&g->o, f, ',');
		f_uint(f, v->number, 3);
		f_chr(f, v->bound);
	} else {
		f_str(f, v->carrier_code ? airlines[v->carrier].iata :
		    airlines[v->carrier].name);
		put(&g->o, f, ',');
		f_str(f, airlines[v->carrier].iata);
		f_uint(f, v->number, 3);
		put(&g->o, f, ',');
	}
	put(&g->o, f, ',');

	k = below(r, 100);
	style = k < 85 ? 0 : k < 95 ? 1 : 2;
	f_date(f, v->dep, style);
	put(&g->o, f, ',');
	if (!chance(r, 30))
		f_date(f, v->arr, style);
	put(&g->o, f, ',');
	put_country(g, b->origin);
	f_str(f, country_src[v->to].code);
	put(&g->o, f, ',');
	put_port(g, v->pol, ',');
	for (i = 0; i < v->ntransit; i++) {
		if (i > 0)
			f_chr(f, ' ');
		f_span(f, v->transit[i]);
	}
	put(&g->o, f, ',');
	put_port(g, v->pod, ',');

	put_party(g, v->from, b->ship_kind, b->shipper);
	put_party(g, v->to, b->cons_kind, b->consignee);
	if (b->notify == 0)
		f_str(f, b->marks % 2 ? "SAME AS CONSIGNEE" : "SAME AS CNEE");
	else if (b->notify == 2)
		f_str(f, forwarders[b->notify_id].name);
	put(&g->o, f, ',');

	/* Container or ULD, packages, weight, volume. */
	kgpp = between(r, gd->kg_min, gd->kg_max);
	if (v->mode == SEA) {
		/* House bills often share a box (LCL): reuse the last one. */
		if (b->doc != DOC_HBL || !v->has_box || !chance(r, 5000))
			new_box(g, gd);
		twenty = v->box.type[0] == '2';
		if (v->box.spaced) {
			f_add(f, v->box.no, 4);
			f_chr(f, ' ');
			f_add(f, v->box.no + 4, 7);
		} else {
			f_add(f, v->box.no, 11);
		}
		put(&g->o, f, ',');
		f_str(f, v->box.seal);
		put(&g->o, f, ',');
		f_str(f, v->box.type);
		put(&g->o, f, ',');
		pk = between(r, gd->pk_min, gd->pk_max);
		if (twenty)
			pk = (pk + 1) / 2;
		if (b->doc == DOC_HBL)
			pk = (pk + 3) / 4;
		cap = twenty ? 2820000 : 2860000;
	} else {
		if (!chance(r, 3500)) {
			if (!v->has_box || !chance(r, 5000)) {
				uld = pick(r, &g->t.uld);
				snprintf(v->box.no, sizeof(v->box.no),
				    "%.3s%05u%s", uld->p, below(r, 100000),
				    airlines[v->carrier].iata);
				v->has_box = 1;
			}
			f_str(f, v->box.no);
		}
		put(&g->o, f, ',');
		put(&g->o, f, ',');
		put(&g->o, f, ',');
		k = gd->pk_max / 8;
		if (gd->flags & G_PARCEL)
			pk = between(r, gd->pk_min, gd->pk_max);
		else
			pk = between(r, 1, k < 1 ? 1 : k > 250 ? 250 : k);
		cap = 600000;
	}
	/* Weight in hundredths of a kg. */
	w = pk * kgpp * 10 + below(r, 100);
	if (w > cap && !chance(r, 200)) {
		pk = (unsigned)(cap / (kgpp * 10));
		if (pk == 0)
			pk = 1;
		w = pk * kgpp * 10 + below(r, 100);
	}
	f_uint(f, pk, 0);
	put(&g->o, f, ',');
	if (chance(r, 5000))
		f_span(f, &g->t.pkg_short.v[gd->pkg]);
	else
		f_span(f, &g->t.pkg.v[gd->pkg]);
	put(&g->o, f, ',');
	if (chance(r, 40)) {
		/* Weight missing, as exports write it. */
		f_str(f, "0");
	} else {
		k = chance(r, 4000) ? 1 : 2;
		f_fixed(f, w, 2, k, w >= 100000 && chance(r, 400));
	}
	put(&g->o, f, ',');
	/* Volume in thousandths of a m3, within what the box holds. */
	vol = w * 10 / gd->density + 1;
	if (v->mode == SEA) {
		cap = twenty ? 33000 : v->box.type[0] == 'L' ? 76000 : 67500;
		if (vol > cap)
			vol = cap - below(r, 4000);
	}
	if (!chance(r, 300))
		f_fixed(f, vol, 3, chance(r, 5000) ? 3 : 2, 0);
	put(&g->o, f, ',');

	/* HS code: dotted, six digits, ten digits; a few short or missing. */
	k = below(r, 1000);
	if (gd->flags & G_VAGUE) {
		if (k < 500)
			f_add(f, goods[below(r, g->t.first_vague)].hs, 6);
	} else if (k < 300) {
		f_add(f, gd->hs, 4);
		f_chr(f, '.');
		f_add(f, gd->hs + 4, 2);
		f_chr(f, '.');
		f_add(f, gd->hs + 6, 2);
	} else if (k < 750) {
		f_add(f, gd->hs, 6);
	} else if (k < 970) {
		f_add(f, gd->hs, 10);
	} else if (k < 985) {
		f_add(f, gd->hs, 4);
	}
	put(&g->o, f, ',');

	if (!(gd->flags & G_VAGUE) && chance(r, 250)) {
		f_uint(f, pk, 0);
		f_chr(f, ' ');
		f_span(f, &g->t.pkg.v[gd->pkg]);
		f_str(f, " OF ");
	}
	f_str(f, gd->desc);
	if (chance(r, 50)) {
		f_chr(f, '\n');
		f_str(f, desc_tails[below(r, NITEMS(desc_tails))]);
	}
	put(&g->o, f, ',');

	if (b->marks < 65) {
		f_str(f, "N/M");
	} else if (b->marks < 70) {
		f_str(f, "NO MARKS");
	} else if (b->marks < 90) {
		f_str(f, b->marks_code);
		f_chr(f, '/');
		f_add(f, v->pod->p + 2, 3);
		f_str(f, "/1-");
		f_uint(f, pk, 0);
	} else {
		f_str(f, "MADE IN ");
		for (p = country_src[b->origin].name; *p != '\0'; p++)
			f_chr(f, *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p);
	}
	put(&g->o, f, ',');

	/*
	 * Declared value: the goods' price per kg, give or take half. The
	 * value belongs to the declaration more than to the manifest, and a
	 * quarter of the rows leave it out.
	 */
	cur = &currencies[b->currency];
	if (!chance(r, 2500)) {
		val = w * gd->cents_kg / 100 * between(r, 50, 150) / 100;
		val = val * cur->milli_per_usd / 1000;
		if (cur->decimals == 0 || chance(r, 3000))
			f_fixed(f, val, 2, 0, 0);
		else
			f_fixed(f, val, 2, 2, 0);
	}
	put(&g->o, f, ',');
	f_str(f, cur->code);
	put(&g->o, f, ',');
	f_str(f, freight_terms[b->terms]);
	put(&g->o, f, ',');
	if (gd->un != 0) {
		if (chance(r, 1500))
			f_str(f, "UN");
		f_uint(f, gd->un, 4);
	}
	put(&g->o, f, '\n');
}

/* ---- main ------------------------------------------------------------- */

static void
usage(void)
{
	fputs("usage: gen-manifest [-n ROWS] [-s SEED] [-t sea|air|mixed]\n",
	    stderr);
	exit(2);
}

static uint64_t
number(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (*s < '0' || *s > '9')
		usage();
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0')
		usage();
	return v;
}

int
main(int argc, char *argv[])
{
	struct gen *g;
	uint64_t rows = 1000, i;
	int c;

	if ((g = calloc(1, sizeof(*g))) == NULL ||
	    (g->o.buf = malloc(OUT_CAP)) == NULL)
		die("out of memory");
	g->seed = 1;
	g->mode = MIXED;
	while ((c = getopt(argc, argv, "n:s:t:")) != -1) {
		switch (c) {
		case 'n':
			rows = number(optarg);
			break;
		case 's':
			g->seed = number(optarg);
			break;
		case 't':
			if (strcmp(optarg, "sea") == 0)
				g->mode = SEA;
			else if (strcmp(optarg, "air") == 0)
				g->mode = AIR;
			else if (strcmp(optarg, "mixed") == 0)
				g->mode = MIXED;
			else
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	tables_init(&g->t);
	g->r.s = g->seed;
	out_add(&g->o, header, sizeof(header) - 1);
	for (i = 0; i < rows; i++) {
		write_row(g);
		if (g->o.len >= OUT_FLUSH)
			out_flush(&g->o);
	}
	out_flush(&g->o);
	return 0;
}
