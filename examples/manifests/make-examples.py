#!/usr/bin/env python3
"""make-examples.py: write the example manifests of manifest-tools.

    python3 make-examples.py [DIR]

writes, into DIR (by default the directory of this script):

  sea-2026-11-23.csv       sea cargo for Bremerhaven (DEBRV): a terminal's
                           B/L and container list, comma-separated UTF-8,
                           English headings that manifest-parse knows;
  air-2026-11-23.csv.gz    air cargo for Frankfurt (DEFRA) and Leipzig
                           (DELEJ): master and house air waybills, the same
                           dialect with air headings, gzip;
  hamburg-2026-11-23.csv   sea cargo for Hamburg (DEHAM) as a port community
                           system exports it: semicolon-separated Latin-1,
                           German headings (read with hamburg.map), decimal
                           comma, dates DD.MM.YYYY, CR LF line ends.

The example day is Monday 23 November 2026: vessels and flights arrive on
that day or close to it, and risk-score --date 2026-11-23 scores them as
on that day.

Most consignments are ordinary trade, drawn at random from the tables
below: goods typical of each origin, fictional shippers, consignees and
forwarders, real carriers, vessels, ports and airports. Into that trade
a few consignments are planted that the default rule set
(examples/rules/default.rules) sends to the red or the yellow lane, each
with a story of the kind published seizure and targeting reports tell:
cocaine in reefers, cigarettes under cover loads, counterfeits, weapons
and dual-use goods, wildlife, undervaluation, watch-listed parties, bad
data. They are written out by hand in the functions planted_sea(),
planted_hamburg() and planted_air(), each with a comment saying what it
is and where it should land.

Every company and person named here is fictional; only the carriers,
and the names of vessels and flights, are real or realistic. The
watch-listed and trusted parties are those of examples/lists/, some
written as exports write them (upper case, another legal form), which
their party-name key still matches.

The output depends only on this script: one seeded random.Random per
file, integer and fixed-point formatting, gzip with a zero time stamp and
no file name. Python 3, standard library only.
"""

import csv
import datetime as dt
import gzip
import io
import os
import random
import sys

D = dt.date


# ---------------------------------------------------------------------------
# Identifiers

def _iso6346_values():
    vals, v = {}, 10
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if v % 11 == 0:
            v += 1
        vals[c] = v
        v += 1
    return vals


ISO6346 = _iso6346_values()


def iso6346_check(first10):
    """Check digit of an ISO 6346 container number (owner, U, serial)."""
    total = 0
    for i, c in enumerate(first10):
        total += (ISO6346[c] if c.isalpha() else int(c)) << i
    return total % 11 % 10


def awb(prefix, serial):
    """An air waybill number: 3-digit prefix, 7-digit serial, serial mod 7."""
    return "%s-%07d%d" % (prefix, serial, serial % 7)


class Gen:
    """Random choices and unique numbers for one file."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used = set()

    def pick(self, seq):
        return self.r.choice(seq)

    def wpick(self, pairs):
        """Pick from (item, weight) pairs."""
        total = sum(w for _, w in pairs)
        x = self.r.uniform(0, total)
        for item, w in pairs:
            x -= w
            if x <= 0:
                return item
        return pairs[-1][0]

    def between(self, lo, hi):
        return self.r.uniform(lo, hi)

    def int(self, lo, hi):
        return self.r.randint(lo, hi)

    def chance(self, p):
        return self.r.random() < p

    def unique(self, make):
        while True:
            v = make()
            if v not in self.used:
                self.used.add(v)
                return v

    def container(self, owner):
        def make():
            first = "%s%06d" % (owner, self.r.randrange(1000000))
            return first + str(iso6346_check(first))
        return self.unique(make)

    def digits(self, n):
        return "".join(str(self.r.randrange(10)) for _ in range(n))


# ---------------------------------------------------------------------------
# Goods. Each kind: (description, HS code) variants, the package kind, kg
# per package, density of the packed cargo in kg/m3 (so that volumes fit
# the weights), USD per kg, and the trade of the importer that buys it.

def goods(variants, pkg, kgpp, dens, usd, trade, reefer=False, un=""):
    return dict(variants=variants, pkg=pkg, kgpp=kgpp, dens=dens, usd=usd,
                trade=trade, reefer=reefer, un=un)


G = {
    # Asia: consumer and industrial goods
    "led": goods([("LED PANEL LIGHTS 600X600MM", "94054290"),
                  ("LED BULBS E27 9W", "85395200"),
                  ("LED FLOODLIGHTS 100W, ALUMINIUM HOUSING", "94054290")],
                 "CTNS", (6, 12), (150, 220), (5, 9), "lighting"),
    "furniture": goods([("OFFICE CHAIRS, SWIVEL, KD", "94013900"),
                        ("WOODEN DINING TABLES, KD", "94036010"),
                        ("UPHOLSTERED SOFAS, FABRIC", "94016100"),
                        ("METAL BED FRAMES, KD", "94032080")],
                       "CTNS", (12, 35), (110, 200), (2.5, 5), "furniture"),
    "gardenfurn": goods([("GARDEN FURNITURE, ALUMINIUM AND POLYRATTAN", "94037900"),
                         ("TEAK GARDEN BENCHES", "94036010")],
                        "CTNS", (10, 30), (90, 160), (3, 6), "furniture"),
    "fabric": goods([("POLYESTER FABRIC, DYED, 150CM WIDTH", "54075200"),
                     ("COTTON DENIM FABRIC, 12 OZ", "52094200"),
                     ("KNITTED FLEECE FABRIC, POLYESTER", "60019200")],
                    "ROLLS", (25, 60), (350, 550), (2.5, 4.5), "textile"),
    "apparel": goods([("MEN'S COTTON T-SHIRTS, KNITTED", "61091000"),
                      ("LADIES' KNITTED PULLOVERS", "61103099"),
                      ("MEN'S WOVEN TROUSERS, COTTON", "62034231"),
                      ("CHILDREN'S WINTER JACKETS, POLYESTER", "62014000"),
                      ("LADIES' DRESSES, VISCOSE", "62044400"),
                      ("MEN'S DENIM JEANS", "62034231"),
                      ("KNITTED SWEATERS, ACRYLIC", "61103099")],
                     "CTNS", (8, 16), (180, 300), (7, 16), "fashion"),
    "shoes": goods([("SPORTS SHOES, TEXTILE UPPERS", "64041100"),
                    ("LEATHER SAFETY SHOES", "64034000"),
                    ("CHILDREN'S RUBBER BOOTS", "64019990")],
                   "CTNS", (8, 14), (150, 250), (9, 18), "shoes"),
    "toys": goods([("PLUSH TOYS", "95030041"),
                   ("PLASTIC CONSTRUCTION TOYS", "95030039"),
                   ("BOARD GAMES", "95049080")],
                  "CTNS", (5, 12), (70, 180), (4, 9), "toys"),
    "xmas": goods([("CHRISTMAS DECORATIONS, GLASS BAUBLES", "95051010"),
                   ("ARTIFICIAL CHRISTMAS TREES", "95051090"),
                   ("LED CHRISTMAS LIGHT CHAINS", "94054090")],
                  "CTNS", (5, 12), (60, 140), (3, 6), "decor"),
    "tyres": goods([("PASSENGER CAR TYRES, RADIAL", "40111000"),
                    ("TRUCK TYRES 315/80R22.5", "40112090"),
                    ("BICYCLE TYRES AND TUBES", "40115000")],
                   "PCS", (8, 55), (300, 450), (2.3, 3.5), "tyres"),
    "houseware": goods([("STAINLESS STEEL COOKWARE SETS", "73239300"),
                        ("PORCELAIN DINNER PLATES AND BOWLS", "69111000"),
                        ("GLASS FOOD STORAGE CONTAINERS", "70134999"),
                        ("BAMBOO CUTTING BOARDS", "44191200")],
                       "CTNS", (8, 20), (250, 500), (2, 4), "houseware"),
    "appliances": goods([("MICROWAVE OVENS", "85165000"),
                         ("ELECTRIC KETTLES", "85167100"),
                         ("VACUUM CLEANERS, CORDED", "85081100"),
                         ("HOUSEHOLD REFRIGERATORS", "84182100")],
                        "CTNS", (5, 45), (120, 200), (5, 9), "electro"),
    "tools": goods([("HAND TOOLS: SPANNERS AND SOCKET SETS", "82041100"),
                    ("STEEL SCREWS AND BOLTS", "73181595"),
                    ("PLIERS AND CUTTERS", "82032000")],
                   "CTNS", (15, 25), (900, 2200), (2, 6), "tools"),
    "bikes": goods([("BICYCLES, 28 INCH, PARTLY ASSEMBLED", "87120030"),
                    ("BICYCLE FRAMES AND FORKS", "87149110")],
                   "CTNS", (16, 28), (90, 150), (8, 20), "bikes"),
    "ebikes": goods([("ELECTRIC BICYCLES WITH LITHIUM ION BATTERY", "87116010")],
                    "CTNS", (26, 32), (90, 140), (25, 40), "bikes", un="3171"),
    "solar": goods([("SOLAR MODULES, MONOCRYSTALLINE 450W", "85414300")],
                   "PALLETS", (600, 750), (220, 280), (2.2, 3), "solar"),
    "laptops": goods([("LAPTOP COMPUTERS", "84713000")],
                     "CTNS", (8, 12), (150, 220), (150, 280), "it"),
    "monitors": goods([("COMPUTER MONITORS 27 INCH", "85285210"),
                       ('LED TELEVISIONS 55" 4K', "85287291")],
                      "CTNS", (8, 22), (110, 170), (12, 22), "it"),
    "phones": goods([("MOBILE PHONES (SMARTPHONES)", "85171300")],
                    "CTNS", (8, 12), (200, 300), (180, 350), "telecom"),
    "batteries": goods([("LITHIUM ION BATTERIES", "85076000")],
                       "CTNS", (10, 20), (500, 800), (10, 20), "electro", un="3480"),
    "autoparts": goods([("AUTO PARTS: BRAKE DISCS AND PADS", "87083010"),
                        ("ALUMINIUM ALLOY WHEELS", "87087050"),
                        ("SHOCK ABSORBERS FOR CARS", "87088020")],
                       "CTNS", (15, 25), (500, 1200), (3, 6), "auto"),
    "steelpipe": goods([("WELDED STEEL PIPES, GALVANISED", "73063077"),
                        ("SEAMLESS STEEL TUBES", "73043992")],
                       "BUNDLES", (1500, 3000), (2500, 4500), (0.8, 1.3), "steel"),
    "aluprofile": goods([("ALUMINIUM EXTRUDED PROFILES", "76042100")],
                        "BUNDLES", (300, 800), (600, 1000), (4, 5), "alu"),
    "lvt": goods([("PVC VINYL FLOORING (LVT), CLICK SYSTEM", "39181090")],
                 "PALLETS", (900, 1100), (1500, 1900), (1.2, 1.8), "flooring"),
    "oakfloor": goods([("ENGINEERED OAK FLOORING", "44187500")],
                      "PALLETS", (700, 950), (550, 700), (4, 6), "flooring"),
    "tiles": goods([("PORCELAIN FLOOR TILES 60X60CM", "69072100")],
                   "PALLETS", (1100, 1400), (1800, 2200), (0.4, 0.7), "flooring"),
    "luggage": goods([("BACKPACKS, POLYESTER", "42029291"),
                      ("TRAVEL SUITCASES, ABS", "42021219"),
                      ("UMBRELLAS, FOLDING", "66019100")],
                     "CTNS", (6, 15), (60, 120), (4, 8), "bags"),
    "pollock": goods([("FROZEN ALASKA POLLOCK FILLETS", "03047500"),
                      ("FROZEN COD FILLETS, SKINLESS", "03047190")],
                     "CTNS", (20, 23), (550, 700), (3.2, 4.5), "seafood", reefer=True),
    "rubber": goods([("NATURAL RUBBER TSR 20", "40012200")],
                    "BALES", (33, 35), (800, 950), (1.6, 1.9), "rubber"),
    "pineapplecan": goods([("CANNED PINEAPPLE SLICES IN LIGHT SYRUP", "20082000")],
                          "CTNS", (14, 18), (650, 800), (1.1, 1.5), "food"),
    "rice": goods([("THAI HOM MALI JASMINE RICE", "10063098")],
                  "BAGS", (20, 25), (750, 850), (0.9, 1.2), "food"),
    "cashew": goods([("CASHEW KERNELS WW320", "08013200")],
                    "CTNS", (22, 23), (550, 650), (6, 8), "nuts"),
    "pepper": goods([("BLACK PEPPER, WHOLE, 550 G/L", "09041100")],
                    "BAGS", (25, 50), (450, 600), (4.5, 6.5), "spices"),
    "coconut": goods([("DESICCATED COCONUT, FINE GRADE", "08011100")],
                     "BAGS", (25, 25), (400, 500), (2.2, 3), "food"),
    "tea": goods([("CEYLON BLACK TEA, ORTHODOX BOP", "09024000")],
                  "BAGS", (40, 55), (300, 400), (3, 5), "tea"),
    "towels": goods([("TERRY TOWELS, 100% COTTON", "63026000"),
                     ("COTTON BED LINEN SETS", "63023100")],
                    "CTNS", (15, 25), (250, 350), (4, 7), "hometextile"),
    "yarn": goods([("COTTON YARN, COMBED, NE 30/1", "52052400")],
                  "CTNS", (45, 60), (400, 500), (2.8, 3.6), "textile"),
    "pharma": goods([("PHARMACEUTICALS: PARACETAMOL TABLETS 500MG", "30049000"),
                     ("PHARMACEUTICALS: METFORMIN TABLETS", "30049000")],
                    "CTNS", (8, 15), (250, 350), (6, 12), "pharma"),
    "granite": goods([("POLISHED GRANITE SLABS", "68029310")],
                     "CRATES", (1800, 2500), (2400, 2700), (0.4, 0.7), "stone"),
    "basmati": goods([("INDIAN BASMATI RICE 1121, STEAMED", "10063098")],
                     "BAGS", (20, 40), (750, 850), (1.1, 1.5), "food"),
    "basmati_pk": goods([("PAKISTANI BASMATI RICE, SUPER KERNEL", "10063098")],
                        "BAGS", (20, 40), (750, 850), (1.0, 1.4), "food"),
    "castings": goods([("GREY IRON CASTINGS, MACHINED", "73251000")],
                      "PALLETS", (600, 1000), (1500, 3000), (2, 3.5), "machinery"),
    "cumin": goods([("CUMIN SEEDS, EUROPEAN QUALITY", "09093100")],
                   "BAGS", (25, 50), (400, 550), (3.5, 5), "spices"),
    "guar": goods([("GUAR GUM POWDER, 200 MESH", "13023290")],
                  "BAGS", (25, 25), (550, 700), (1.5, 2.5), "chem"),
    "footballs": goods([("FOOTBALLS, HAND STITCHED", "95066210")],
                       "CTNS", (12, 18), (60, 100), (6, 10), "sport"),
    "surgical": goods([("SURGICAL INSTRUMENTS, STAINLESS STEEL", "90189084")],
                      "CTNS", (10, 20), (300, 500), (20, 45), "medical"),
    "salt": goods([("HIMALAYAN ROCK SALT, PINK, FINE", "25010091")],
                  "BAGS", (25, 25), (1100, 1300), (0.3, 0.5), "food"),
    "hdpe": goods([("HDPE GRANULES, BLOW MOULDING GRADE", "39012090")],
                  "BAGS", (25, 25), (500, 600), (1.0, 1.3), "chem"),
    "pp": goods([("POLYPROPYLENE HOMOPOLYMER GRANULES", "39021000")],
                "BAGS", (25, 25), (500, 600), (1.0, 1.3), "chem"),
    "aluingot": goods([("PRIMARY ALUMINIUM INGOTS P1020A", "76011000")],
                      "BUNDLES", (900, 1100), (1500, 2300), (2.4, 2.8), "metals"),
    "dates": goods([("DATES, KHALAS, PITTED", "08041000")],
                   "CTNS", (5, 10), (500, 650), (2, 4), "nuts"),
    "machparts": goods([("GEARBOXES FOR INDUSTRIAL DRIVES", "84834029"),
                        ("CENTRIFUGAL PUMPS, CAST IRON", "84137035"),
                        ("BALL BEARINGS", "84821010")],
                       "CRATES", (200, 900), (700, 1500), (8, 18), "machinery"),
    # The Americas
    "bananas": goods([("FRESH BANANAS, CAVENDISH", "08039010")],
                     "BOXES", (18.6, 19.2), (360, 420), (0.65, 0.9), "fruit", reefer=True),
    "pineapples": goods([("FRESH PINEAPPLES MD2", "08043000")],
                        "BOXES", (12, 13), (350, 420), (0.7, 1.0), "fruit", reefer=True),
    "avocados": goods([("FRESH AVOCADOS HASS", "08044000")],
                      "BOXES", (4.1, 4.4), (300, 380), (2, 3), "fruit", reefer=True),
    "mangoes": goods([("FRESH MANGOES KENT", "08045000")],
                     "BOXES", (4.1, 4.6), (300, 380), (1.2, 1.8), "fruit", reefer=True),
    "grapes": goods([("FRESH TABLE GRAPES, RED GLOBE", "08061010")],
                    "BOXES", (8.2, 8.6), (300, 380), (1.8, 2.6), "fruit", reefer=True),
    "blueberries": goods([("FRESH BLUEBERRIES", "08104030")],
                         "CTNS", (1.6, 2.0), (220, 280), (5, 8), "fruit", reefer=True),
    "limes": goods([("FRESH TAHITI LIMES", "08055090")],
                   "BOXES", (4.6, 4.9), (350, 420), (1.2, 1.6), "fruit", reefer=True),
    "shrimp": goods([("FROZEN WHITE SHRIMP (PENAEUS VANNAMEI), HEAD-ON", "03061792")],
                    "CTNS", (20, 22), (550, 650), (5.5, 7.5), "seafood", reefer=True),
    "tuna": goods([("CANNED TUNA IN SUNFLOWER OIL", "16041418")],
                  "CTNS", (9, 12), (700, 850), (4, 6), "food"),
    "beef": goods([("FROZEN BONELESS BEEF CUTS", "02023090")],
                  "CTNS", (20, 27), (600, 700), (6, 9), "meat", reefer=True),
    "coffee": goods([("GREEN COFFEE BEANS, ARABICA", "09011100")],
                    "BAGS", (60, 70), (550, 650), (5, 8), "coffee"),
    "cocoa": goods([("COCOA BEANS, FINE FLAVOUR", "18010000")],
                   "BAGS", (62, 69), (550, 650), (6, 9), "cocoa"),
    "ojuice": goods([("FROZEN CONCENTRATED ORANGE JUICE, 66 BRIX", "20091100")],
                    "DRUMS", (260, 280), (900, 1100), (2.5, 4), "fruit", reefer=True),
    "tobleaf": goods([("UNMANUFACTURED TOBACCO, FLUE-CURED VIRGINIA, STRIPS", "24012035")],
                     "CASES", (190, 200), (300, 380), (4, 6), "tobacco"),
    "pulp": goods([("BLEACHED EUCALYPTUS KRAFT PULP", "47032900")],
                  "UNITS", (2000, 2100), (700, 800), (0.5, 0.7), "paper"),
    "hides": goods([("WET BLUE BOVINE HIDES", "41041190")],
                   "PALLETS", (900, 1200), (600, 900), (1.2, 2.0), "leather"),
    "wine": goods([("RED WINE, CABERNET SAUVIGNON, IN BOTTLES", "22042138")],
                  "CTNS", (14, 17), (600, 800), (3, 6), "wine"),
    "copper": goods([("COPPER CATHODES, GRADE A", "74031100")],
                    "BUNDLES", (2400, 2600), (4000, 6000), (9, 11), "metals"),
    "fishmeal": goods([("FISHMEAL, STEAM DRIED, 67% PROTEIN", "23012000")],
                      "BAGS", (50, 50), (500, 600), (1.6, 2.0), "feed"),
    "quinoa": goods([("ORGANIC WHITE QUINOA", "10085000")],
                    "BAGS", (25, 25), (650, 750), (2, 3), "food"),
    "lumber": goods([("WHITE OAK LUMBER, KILN DRIED", "44079190")],
                    "BUNDLES", (1500, 2500), (600, 700), (1.5, 2.5), "timber"),
    "whiskey": goods([("BOURBON WHISKEY, 70CL BOTTLES", "22083011")],
                     "CTNS", (14, 16), (600, 750), (8, 14), "wine"),
    "medical": goods([("MEDICAL DEVICES: INFUSION PUMPS", "90189084"),
                      ("ORTHOPAEDIC IMPLANTS, TITANIUM", "90213100")],
                     "CTNS", (8, 20), (150, 300), (40, 100), "medical"),
    "almonds": goods([("CALIFORNIA ALMONDS, SHELLED, NONPAREIL", "08021290")],
                     "CTNS", (22.6, 22.8), (550, 650), (5, 7), "nuts"),
    "pistachios": goods([("PISTACHIOS IN SHELL, ROASTED", "08025100")],
                        "BAGS", (25, 25), (450, 550), (8, 10), "nuts"),
    "lldpe": goods([("LINEAR LOW DENSITY POLYETHYLENE, FILM GRADE", "39011010")],
                   "BAGS", (25, 25), (500, 600), (1.0, 1.3), "chem"),
    "cranberries": goods([("DRIED SWEETENED CRANBERRIES", "20089300")],
                         "CTNS", (11, 12), (500, 600), (4, 6), "food"),
    # Africa
    "cocoa_wa": goods([("RAW COCOA BEANS, MAIN CROP", "18010000")],
                      "BAGS", (62.5, 64), (550, 650), (6, 9), "cocoa"),
    "sapele": goods([("SAWN TIMBER, SAPELE, KILN DRIED", "44074910")],
                    "BUNDLES", (1500, 2500), (600, 700), (0.9, 1.3), "timber"),
    "rcn": goods([("RAW CASHEW NUTS IN SHELL", "08013100")],
                 "BAGS", (80, 80), (500, 600), (1.2, 1.6), "nuts"),
    "sesame": goods([("NATURAL SESAME SEEDS, 99.95% PURITY", "12074090")],
                    "BAGS", (50, 50), (550, 650), (1.4, 1.8), "nuts"),
    "shea": goods([("UNREFINED SHEA BUTTER", "15159099")],
                  "CTNS", (25, 25), (800, 900), (2, 3), "food"),
    "hibiscus": goods([("DRIED HIBISCUS FLOWERS", "12119086")],
                      "BAGS", (25, 25), (150, 250), (2, 3), "tea"),
    "bananas_wa": goods([("FRESH BANANAS", "08039010")],
                        "BOXES", (18.6, 19.2), (360, 420), (0.6, 0.8), "fruit", reefer=True),
}


# ---------------------------------------------------------------------------
# Places and parties

CITIES_DE = [
    # (city, postcodes, streets)
    ("Bremen", ["28197", "28217", "28309", "28199"], ["Industriestraße", "Hansator", "Ludwig-Erhard-Straße", "Hemelinger Hafendamm"]),
    ("Bremerhaven", ["27568", "27572", "27580"], ["Barkhausenstraße", "Am Seedeich", "Grimsbystraße", "Lloydstraße"]),
    ("Hamburg", ["20457", "20539", "21107", "22113", "22525"], ["Überseeallee", "Am Sandtorkai", "Billstraße", "Ausschläger Weg", "Osterfeldstraße"]),
    ("Hannover", ["30453", "30179", "30559"], ["Am Lindener Hafen", "Vahrenwalder Straße", "Hansastraße"]),
    ("Osnabrück", ["49084", "49090"], ["Hafenringstraße", "Pagenstecherstraße"]),
    ("Dortmund", ["44147", "44139", "44369"], ["Westfalendamm", "Speicherstraße", "Huckarder Straße"]),
    ("Duisburg", ["47119", "47138", "47059"], ["Am Blumenkampshof", "Hafenstraße", "Ruhrorter Straße"]),
    ("Köln", ["50829", "50997", "51149"], ["Gottfried-Hagen-Straße", "Industriestraße", "Mathias-Brüggen-Straße"]),
    ("Düsseldorf", ["40231", "40549", "40591"], ["Erkrather Straße", "Königsberger Straße", "Fringsstraße"]),
    ("Frankfurt am Main", ["60314", "60528", "60327"], ["Hanauer Landstraße", "Lyoner Straße", "Gutleutstraße"]),
    ("Kassel", ["34123", "34134"], ["Sandershäuser Straße", "Falderbaumstraße"]),
    ("Bielefeld", ["33609", "33719"], ["Eckendorfer Straße", "Herforder Straße"]),
    ("Nürnberg", ["90451", "90449", "90411"], ["Hafenstraße", "Südwestpark", "Schafhofstraße"]),
    ("München", ["80807", "80939", "81829"], ["Frankfurter Ring", "Landsberger Straße"]),
    ("Stuttgart", ["70435", "70327"], ["Heilbronner Straße", "Ulmer Straße"]),
    ("Leipzig", ["04347", "04129", "04158"], ["Torgauer Straße", "Maximilianallee", "Zschortauer Straße"]),
    ("Berlin", ["12057", "13407", "12277"], ["Wolfener Straße", "Lahnstraße", "Motzener Straße"]),
    ("Magdeburg", ["39126", "39106"], ["Saalestraße", "Sülzeweg"]),
    ("Oldenburg", ["26122", "26135"], ["Stau", "Osterstraße"]),
    ("Münster", ["48155", "48163"], ["Hafenweg", "Kesslerweg"]),
    ("Mannheim", ["68159", "68219"], ["Rheinvorlandstraße", "Industriestraße"]),
]

SURNAMES = ["Hoffmann", "Becker", "Schulte", "Brandt", "Kruse", "Lange", "Vogt",
            "Wendt", "Petersen", "Carstens", "Jansen", "Meyer", "Voss", "Hinrichs",
            "Albers", "Tiedemann", "Lüders", "Möller", "Böhm", "Köhler",
            "Schröder", "Hartmann", "Wolff", "Engel", "Thiele", "Ahrens",
            "Ehlers", "Dreyer", "Harms", "Stührmann", "Kaiser", "Rademacher",
            "Witt", "Claußen", "Bruns", "Sievers", "Hagedorn", "Frerichs"]
PREFIXES = ["Nord", "Hansa", "Weser", "Elbe", "Rhein", "Main", "Alster", "Teuto",
            "Ems", "Harz", "Spree", "Isar", "Saale", "Küsten", "Nordsee", "Ruhr"]
TRADES = {
    "lighting": ["Leuchten", "Lichttechnik", "Beleuchtung"],
    "furniture": ["Möbel", "Wohnen", "Büromöbel", "Einrichtungshaus"],
    "textile": ["Textil", "Stoffe", "Textilwerke"],
    "fashion": ["Mode", "Bekleidung", "Fashion", "Textilvertrieb"],
    "shoes": ["Schuh", "Schuhvertrieb", "Footwear"],
    "toys": ["Spielwaren", "Spielzeug"],
    "decor": ["Dekoration", "Festartikel", "Wohnaccessoires"],
    "tyres": ["Reifen", "Reifenservice", "Räder"],
    "houseware": ["Haushaltswaren", "Küchenwelt", "Tischkultur"],
    "electro": ["Elektro", "Elektrogeräte", "Hausgeräte"],
    "tools": ["Werkzeuge", "Befestigungstechnik", "Eisenwaren"],
    "bikes": ["Fahrradteile", "Zweirad", "Bikes"],
    "solar": ["Solartechnik", "Energiesysteme"],
    "it": ["Computertechnik", "IT-Systeme", "Datentechnik"],
    "telecom": ["Mobilfunk", "Telekommunikation"],
    "auto": ["Autoteile", "Fahrzeugteile", "Kfz-Teile"],
    "steel": ["Stahlhandel", "Rohrhandel", "Metallhandel"],
    "alu": ["Aluminiumsysteme", "Metallbau"],
    "flooring": ["Bodenbeläge", "Fliesen", "Parkett"],
    "bags": ["Lederwaren", "Taschen", "Reisegepäck"],
    "seafood": ["Fischhandel", "Seafood", "Fischfeinkost"],
    "rubber": ["Gummiwerke", "Dichtungstechnik"],
    "food": ["Feinkost", "Lebensmittel", "Asia-Food"],
    "nuts": ["Nusskontor", "Trockenfrüchte", "Saaten"],
    "spices": ["Gewürze", "Gewürzmühle"],
    "tea": ["Teehandel", "Teekontor"],
    "hometextile": ["Heimtextilien", "Frottier"],
    "pharma": ["Pharma", "Arzneimittel"],
    "stone": ["Naturstein", "Steinwerk"],
    "chem": ["Kunststoffe", "Polymere", "Kunststofftechnik"],
    "fruit": ["Fruchthandel", "Frischfrucht", "Reiferei", "Fruchtkontor"],
    "coffee": ["Kaffeerösterei", "Kaffeekontor", "Kaffee"],
    "cocoa": ["Kakao", "Schokoladenwerke"],
    "meat": ["Fleischwaren", "Fleischhandel"],
    "wine": ["Weinkontor", "Weinhandel", "Spirituosen"],
    "metals": ["Metalle", "Kupferwerk", "Metallwerke"],
    "timber": ["Holzhandel", "Edelhölzer", "Holzwerke"],
    "paper": ["Papierfabrik", "Papierwerke"],
    "leather": ["Lederfabrik", "Gerberei"],
    "tobacco": ["Tabakwerke", "Rohtabak"],
    "machinery": ["Maschinenbau", "Antriebstechnik", "Anlagenbau"],
    "medical": ["Medizintechnik", "Medizinprodukte"],
    "sport": ["Sportartikel", "Sport"],
    "feed": ["Futtermittel", "Mischfutterwerk"],
}
LEGAL_DE = [("GmbH", 10), ("GmbH & Co. KG", 4), ("AG", 1), ("KG", 1), ("e.K.", 1)]

# Importers outside Germany whose goods come through the German ports.
FOREIGN_CNEE = [
    ("AT", "Wien", "1110", ["Simmeringer Hauptstraße", "Alberner Hafenzufahrtsstraße"], ["GmbH"]),
    ("AT", "Linz", "4020", ["Industriezeile", "Regensburger Straße"], ["GmbH"]),
    ("CH", "Basel", "4057", ["Hafenstrasse", "Westquaistrasse"], ["AG", "GmbH"]),
    ("CZ", "Praha", "190 00", ["Kolbenova", "Sokolovska"], ["s.r.o.", "a.s."]),
    ("PL", "Poznan", "61-131", ["ul. Gdynska", "ul. Krancowa"], ["Sp. z o.o."]),
    ("HU", "Budapest", "1097", ["Konyves Kalman korut", "Gubacsi ut"], ["Kft."]),
]


class Parties:
    """Fictional importers, exporters and forwarders, kept per trade so that
    regular importers come back with more consignments."""

    def __init__(self, g):
        self.g = g
        # The trusted traders of examples/lists/trusted-parties.txt import
        # machinery and foodstuffs.
        self.cnee = {"machinery": [("Model Compliance Trading GmbH", "Hafenstraße 48, 47119 Duisburg", "DE")],
                     "food": [("Example Reliable Imports Ltd.", "Am Sandtorkai 70, 20457 Hamburg", "DE")]}
        self.shpr = {}
        self.names = set()

    def _fresh(self, make):
        return self.g.unique(make)

    def german_address(self, city=None):
        g = self.g
        if city is None:
            city = g.pick(CITIES_DE)
        name, codes, streets = city
        return "%s %d, %s %s" % (g.pick(streets), g.int(1, 180), g.pick(codes), name)

    def consignee(self, trade):
        pool = self.cnee.setdefault(trade, [])
        if len(pool) < 4 and (not pool or self.g.chance(0.45)):
            pool.append(self._new_cnee(trade))
        return self.g.pick(pool)

    def _new_cnee(self, trade):
        g = self.g
        if g.chance(0.08):
            cty, city, plz, streets, forms = g.pick(FOREIGN_CNEE)
            name = self._fresh(lambda: "%s %s %s" % (
                g.pick(PREFIXES), g.pick(TRADES[trade]), g.pick(forms)))
            addr = "%s %d, %s %s" % (g.pick(streets), g.int(1, 90), plz, city)
            return (name, addr, cty)
        words = TRADES[trade]
        form = g.wpick(LEGAL_DE)
        if g.chance(0.5):
            name = self._fresh(lambda: "%s %s %s" % (g.pick(SURNAMES), g.pick(words), form))
        else:
            name = self._fresh(lambda: "%s-%s %s" % (g.pick(PREFIXES), g.pick(words), form))
        return (name, self.german_address(), "DE")

    def shipper(self, cty, trade, pol=None):
        key = (pol if cty == "CN" else cty, trade)
        pool = self.shpr.setdefault(key, [])
        if len(pool) < 3 and (not pool or self.g.chance(0.5)):
            new = self._new_shpr(cty, trade, pol)
            if new:
                pool.append(new)
        return self.g.pick(pool)

    def _new_shpr(self, cty, trade, pol):
        """A new exporter, or None when the names of that country run out."""
        g = self.g
        make = cn_shipper if cty == "CN" else SHIPPER_STYLE[cty]
        for _ in range(50):
            name, addr = make(g, trade, pol)
            if name not in self.names:
                break
        else:
            return None
        self.names.add(name)
        if cty in ASIA and g.chance(0.06):
            # the street left out: only district and city
            addr = ", ".join(addr.split(", ")[1:])
        return (name, addr, cty)


# Exporters. Each country: how its companies are named for a trade, and
# where they are. Chinese exporters sit near the port that loads them.

CN_REGIONS = {
    "CNNGB": [("Ningbo", "Zhejiang", ["Beilun", "Yinzhou", "Zhenhai"]), ("Yiwu", "Zhejiang", ["Futian", "Beiyuan"]),
              ("Cixi", "Zhejiang", ["Hushan"]), ("Taizhou", "Zhejiang", ["Huangyan", "Luqiao"])],
    "CNSHA": [("Shanghai", "", ["Jiading", "Songjiang", "Pudong New"]), ("Suzhou", "Jiangsu", ["Wujiang", "Xiangcheng"]),
              ("Hangzhou", "Zhejiang", ["Xiaoshan", "Yuhang"]), ("Wuxi", "Jiangsu", ["Xishan", "Huishan"])],
    "CNYTN": [("Shenzhen", "Guangdong", ["Baoan", "Longgang"]), ("Dongguan", "Guangdong", ["Chang'an", "Houjie"]),
              ("Guangzhou", "Guangdong", ["Panyu", "Baiyun"]), ("Foshan", "Guangdong", ["Nanhai", "Shunde"]),
              ("Zhongshan", "Guangdong", ["Xiaolan", "Guzhen"])],
    "CNXMN": [("Xiamen", "Fujian", ["Huli", "Jimei"]), ("Quanzhou", "Fujian", ["Jinjiang", "Licheng"]),
              ("Fuzhou", "Fujian", ["Cangshan"])],
    "CNTAO": [("Qingdao", "Shandong", ["Jimo", "Huangdao"]), ("Weifang", "Shandong", ["Kuiwen"]),
              ("Yantai", "Shandong", ["Fushan"])],
    "CNTXG": [("Tianjin", "", ["Binhai New", "Xiqing"]), ("Langfang", "Hebei", ["Anci"]), ("Cangzhou", "Hebei", ["Yunhe"])],
    "CNPEK": [("Beijing", "", ["Chaoyang", "Daxing"]), ("Tianjin", "", ["Xiqing"])],
}
CN_REGIONS["CNPVG"] = CN_REGIONS["CNSHA"]
CN_KIND = {"lighting": "Lighting", "furniture": "Furniture", "textile": "Textile",
           "fashion": "Garments", "shoes": "Shoes", "toys": "Toys", "decor": "Crafts",
           "tyres": "Tyre", "houseware": "Houseware", "electro": "Electrical Appliances",
           "tools": "Hardware Tools", "bikes": "Bicycle", "solar": "New Energy",
           "it": "Electronic Technology", "telecom": "Communication Technology",
           "auto": "Auto Parts", "steel": "Steel Pipe", "alu": "Aluminium",
           "flooring": "Building Materials", "bags": "Luggage", "seafood": "Aquatic Products",
           "food": "Foodstuffs", "machinery": "Machinery", "chem": "Plastics"}


def cn_shipper(g, trade, pol):
    city, prov, districts = g.pick(CN_REGIONS.get(pol) or CN_REGIONS[g.pick(sorted(CN_REGIONS))])
    brand = g.pick(["Haixin", "Jinlong", "Ruifeng", "Hongda", "Xinyuan", "Tianhe", "Mingyang",
                    "Huatai", "Dongsheng", "Baoli", "Yongkang", "Kaida", "Sanli", "Jiahe", "Fuda",
                    "Huamei", "Xinda", "Lianfa", "Shengtai", "Jinhui", "Yuanfeng", "Chuangyi"])
    kind = CN_KIND.get(trade, "Industrial")
    form = "Import & Export Co., Ltd." if g.chance(0.3) else "Co., Ltd."
    name = "%s %s %s %s" % (city, brand, kind, form)
    addr = "No. %d %s Road, %s District, %s%s" % (
        g.int(1, 999), g.pick(["Jiangnan", "Huancheng", "Xingye", "Gongye", "Binhai", "Chuangxin",
                               "Kaifa", "Jinqiao", "Changjiang", "Zhongshan"]),
        g.pick(districts), city, ", " + prov if prov else "")
    return name, addr


def by_trade(trade, table, default):
    return table.get(trade, default)


# Per country: (name(g, trade), address(g)).
def _simple(names, addrs):
    def make(g, trade, pol):
        fmt = g.pick(by_trade(trade, names, names["*"]))
        return fmt % g.pick(names["@"]) if "%s" in fmt else fmt, g.pick(addrs)(g)
    return make


def _a(fmt, *ranges):
    """An address template whose %d are filled from ranges."""
    return lambda g: fmt % tuple(g.int(lo, hi) for lo, hi in ranges)


SHIPPER_STYLE = {
    "KR": _simple({"@": ["Daeyang", "Hanbit", "Seojin", "Woosung", "Mirae", "Dongil"],
                   "tyres": ["%s Tire Co., Ltd."], "auto": ["%s Auto Parts Co., Ltd."],
                   "it": ["%s Display Co., Ltd."], "chem": ["%s Chemical Co., Ltd."],
                   "*": ["%s Industrial Co., Ltd.", "%s Precision Co., Ltd."]},
                  [_a("%d, Noksansaneopjung-ro, Gangseo-gu, Busan", (10, 300)),
                   _a("%d, Sinsan-ro, Saha-gu, Busan", (10, 300)),
                   _a("%d, Yeocheon-ro, Nam-gu, Ulsan", (10, 300))]),
    "VN": _simple({"@": ["Phu Thanh", "Minh Long", "Viet Hung", "Tan Phat", "Hoa Binh", "An Khang"],
                   "furniture": ["%s Furniture Joint Stock Company"], "fashion": ["%s Garment Co., Ltd."],
                   "shoes": ["%s Footwear Co., Ltd."], "nuts": ["%s Cashew Joint Stock Company"],
                   "spices": ["%s Spices Co., Ltd."], "*": ["%s Manufacturing Co., Ltd."]},
                  [_a("Lot B%d, Song Than Industrial Park, Di An, Binh Duong", (1, 40)),
                   _a("Lot C%d, My Phuoc 2 Industrial Park, Ben Cat, Binh Duong", (1, 40)),
                   _a("Road %d, Bien Hoa 2 Industrial Zone, Dong Nai", (1, 12))]),
    "TH": _simple({"@": ["Siam", "Chao Phraya", "Rattana", "Suphan", "Mae Klong"],
                   "food": ["%s Canning Co., Ltd.", "%s Rice Co., Ltd."], "rubber": ["%s Rubber Co., Ltd."],
                   "auto": ["%s Auto Parts Co., Ltd."], "*": ["%s Industries Co., Ltd."]},
                  [_a("%d/%d Moo 4, Bang Phli, Samut Prakan 10540", (10, 999), (1, 99)),
                   _a("%d/%d Moo 2, Si Racha, Chonburi 20230", (10, 999), (1, 99)),
                   _a("%d Moo 7, Mueang Rayong, Rayong 21000", (10, 999))]),
    "MY": _simple({"@": ["Klang Valley", "Kinta", "Selangor", "Muar"],
                   "rubber": ["%s Rubber Sdn. Bhd."], "furniture": ["%s Furniture Sdn. Bhd."],
                   "*": ["%s Industries Sdn. Bhd."]},
                  [_a("Lot %d, Jalan Perindustrian %d, 42000 Port Klang, Selangor", (100, 9000), (1, 12)),
                   _a("Lot %d, Kawasan Perindustrian Bukit Pasir, 84300 Muar, Johor", (100, 9000))]),
    "ID": _simple({"@": ["Sinar Abadi", "Mitra Jaya", "Karya Makmur", "Bumi Sentosa", "Cahaya Utama"],
                   "*": ["PT %s"]},
                  [_a("Jl. Raya Cakung Cilincing No. %d, Jakarta Utara", (1, 150)),
                   _a("Jl. Industri Selatan %d Blok GG No. %d, Cikarang, Bekasi", (1, 9), (1, 40)),
                   _a("Jl. Rungkut Industri III No. %d, Surabaya", (1, 90))]),
    "BD": _simple({"@": ["Karnaphuli", "Meghna", "Padma", "Jamuna", "Surma"],
                   "*": ["%s Knitwear Ltd.", "%s Apparels Ltd.", "%s Fashions Ltd."]},
                  [_a("Plot %d, CEPZ, Chattogram", (1, 120)), _a("Plot %d, DEPZ, Ashulia, Savar, Dhaka", (1, 120))]),
    "IN": _simple({"@": ["Shree Ganesh", "Bharat", "Sagar", "Navkar", "Aravali", "Kaveri", "Rajdhani",
                         "Vindhya", "Malabar", "Coromandel"],
                   "textile": ["%s Spinning Mills Pvt. Ltd."], "hometextile": ["%s Home Textiles Pvt. Ltd."],
                   "fashion": ["%s Exports Pvt. Ltd."], "pharma": ["%s Pharmaceuticals Pvt. Ltd."],
                   "stone": ["%s Granites Pvt. Ltd."], "food": ["%s Agro Foods Pvt. Ltd."],
                   "machinery": ["%s Castings Pvt. Ltd."], "spices": ["%s Spices Pvt. Ltd."],
                   "chem": ["%s Gums Pvt. Ltd."], "shoes": ["%s Footwear Pvt. Ltd."],
                   "*": ["%s Industries Pvt. Ltd."]},
                  [_a("Plot No. %d, GIDC Estate, Naroda, Ahmedabad, Gujarat", (1, 400)),
                   _a("Plot No. %d, MIDC Bhosari, Pune, Maharashtra", (1, 400)),
                   _a("%d, Kangeyam Road, Tiruppur, Tamil Nadu", (1, 400)),
                   _a("Plot No. %d, SIPCOT Industrial Park, Hosur, Tamil Nadu", (1, 400)),
                   _a("Plot No. %d, RIICO Industrial Area, Jodhpur, Rajasthan", (1, 400))]),
    "PK": _simple({"@": ["Indus", "Ravi", "Chenab", "Margalla", "Sialkot Star"],
                   "hometextile": ["%s Textile Mills (Pvt.) Ltd."], "sport": ["%s Sports (Pvt.) Ltd."],
                   "medical": ["%s Surgical (Pvt.) Ltd."], "food": ["%s Rice Mills (Pvt.) Ltd."],
                   "fashion": ["%s Denim (Pvt.) Ltd."], "*": ["%s Enterprises (Pvt.) Ltd."]},
                  [_a("Plot %d, S.I.T.E., Karachi", (1, 90)), _a("Plot %d, Korangi Industrial Area, Karachi", (1, 90)),
                   _a("%d Small Industrial Estate, Sialkot", (1, 90)), _a("%d Sargodha Road, Faisalabad", (1, 90))]),
    "LK": _simple({"@": ["Lanka", "Kandy Hills", "Ceylon Highlands", "Dambulla"],
                   "tea": ["%s Tea Exporters (Pvt) Ltd"], "food": ["%s Coconut Products (Pvt) Ltd"],
                   "*": ["%s Rubber Products (Pvt) Ltd"]},
                  [_a("No. %d, Galle Road, Colombo 3", (1, 300)), _a("No. %d, Kandy Road, Kelaniya", (1, 300))]),
    "BR": _simple({"@": ["Cerrado", "Mogiana", "Serra Azul", "Santa Clara", "Três Pontas", "Sul Mineira", "Vale do Mucuri"],
                   "coffee": ["%s Cafés Especiais Ltda.", "Cooperativa %s de Cafeicultores"],
                   "fruit": ["%s Frutas Ltda."], "meat": ["Frigorífico %s S.A."], "tobacco": ["%s Tabacos Ltda."],
                   "paper": ["Celulose %s S.A."], "leather": ["Curtume %s Ltda."], "*": ["%s Comercial Ltda."]},
                  [_a("Rua XV de Novembro, %d, Santos, SP", (10, 300)), _a("Avenida Brasil, %d, Varginha, MG", (10, 2500)),
                   _a("Rodovia BR-428, Km %d, Petrolina, PE", (1, 150)),
                   _a("Rua Marechal Floriano, %d, Santa Cruz do Sul, RS", (10, 2000)),
                   _a("Rodovia BR-101, Km %d, Mucuri, BA", (800, 900))]),
    "AR": _simple({"@": ["Pampa", "La Pampeana", "Río de la Plata", "Los Andes", "Mendocina"],
                   "meat": ["Frigorífico %s S.A."], "wine": ["Bodegas %s S.A."], "leather": ["Curtiembre %s S.A."],
                   "*": ["%s Exportadora S.A."]},
                  [_a("Av. del Libertador %d, Buenos Aires", (100, 7000)), _a("Ruta Nacional 8 Km %d, Pilar, Buenos Aires", (50, 70)),
                   _a("Calle San Martín %d, Luján de Cuyo, Mendoza", (100, 3000))]),
    "UY": _simple({"@": ["Oriental", "Tacuarembó Sur", "Canelones"], "meat": ["Frigorífico %s S.A."],
                   "*": ["Celulosa %s S.A."]},
                  [_a("Ruta %d Km %d, Canelones", (1, 8), (20, 60)), _a("Ruta 5 Km %d, Durazno", (180, 190))]),
    "CL": _simple({"@": ["Los Robles", "Valle Central", "Andes Sur", "Atacama"],
                   "wine": ["Viña %s S.A."], "metals": ["Minera %s SpA"], "paper": ["Celulosa %s S.A."],
                   "*": ["%s SpA"]},
                  [_a("Av. Apoquindo %d, Las Condes, Santiago", (1000, 7000)),
                   _a("Camino a Melipilla %d, Padre Hurtado", (1000, 9000)),
                   _a("Av. Grecia %d, Antofagasta", (100, 2000))]),
    "PE": _simple({"@": ["Los Médanos", "Valle de Ica", "Chavimochic", "Pacífico Sur", "Virú Norte"],
                   "fruit": ["Agrícola %s S.A.C.", "Agroindustrias %s S.A.C."], "feed": ["Pesquera %s S.A.C."],
                   "metals": ["Minera %s S.A.C."], "*": ["Inversiones %s S.A.C."]},
                  [_a("Av. Javier Prado Este %d, San Isidro, Lima", (100, 4000)),
                   _a("Panamericana Sur Km %d, Ica", (290, 310)), _a("Av. La Marina %d, San Miguel, Lima", (100, 3000)),
                   _a("Panamericana Norte Km %d, Virú, La Libertad", (510, 520))]),
    "EC": _simple({"@": ["El Oro", "Los Ríos", "Puerto Bolívar", "Machala", "Guayas"],
                   "fruit": ["Bananera %s S.A.", "Exportadora Frutal %s Cía. Ltda."],
                   "seafood": ["Camaronera %s S.A."], "cocoa": ["Cacao Nacional %s S.A."],
                   "food": ["Conservas %s S.A."], "*": ["Exportadora %s S.A."]},
                  [_a("Av. 25 de Julio %d, Guayaquil", (100, 2000)), _a("Km %d Vía a Daule, Guayaquil", (4, 26)),
                   _a("Av. Bolívar Madero Vargas %d, Machala", (100, 900))]),
    "CO": _simple({"@": ["Urabá Verde", "Magdalena Fruit", "Café de Huila", "Sierra Nevada", "Antioquia Agro"],
                   "coffee": ["C.I. %s S.A.S."], "fruit": ["Comercializadora %s S.A.S."], "*": ["%s S.A.S."]},
                  [_a("Carrera %d No. %d-%d, Apartadó, Antioquia", (90, 110), (90, 110), (1, 99)),
                   _a("Calle %d No. %d-%d, Santa Marta", (10, 30), (1, 20), (1, 99)),
                   _a("Carrera %d No. %d-%d, Neiva, Huila", (1, 20), (1, 50), (1, 99))]),
    "CR": _simple({"@": ["Pococí", "Siquirres", "La Rita", "Guápiles"],
                   "*": ["Frutas Tropicales de %s S.A.", "Agroindustrial %s S.A."]},
                  [_a("%d m Norte de la Iglesia Católica, Guápiles, Limón", (1, 9)),
                   _a("Finca %d, Siquirres, Limón", (1, 40))]),
    "HN": _simple({"@": ["Marcala"], "*": ["Cooperativa Cafetalera de %s"]},
                  [_a("Barrio El Centro, Calle %d, Marcala, La Paz", (1, 9))]),
    "PY": _simple({"@": ["Chaco"], "*": ["Agroganadera del %s S.R.L."]},
                  [_a("Ruta %d Km %d, Villa Hayes", (1, 9), (10, 90))]),
    "US": _simple({"@": ["Blue Ridge", "Great Lakes", "Chesapeake", "Tidewater", "Carolina", "Golden State",
                         "Sierra Valley", "Appalachian"],
                   "timber": ["%s Hardwoods Inc."], "wine": ["%s Distillers LLC"], "medical": ["%s Medical Systems Inc."],
                   "chem": ["%s Polymers LLC"], "nuts": ["%s Nut Growers Inc."], "food": ["%s Fruit Co-op Inc."],
                   "*": ["%s Industrial Supply Inc."]},
                  [_a("%d Commerce Drive, Charlotte, NC 28208", (100, 9999)), _a("%d Harbor Road, Baltimore, MD 21224", (100, 9999)),
                   _a("%d Industrial Parkway, Savannah, GA 31408", (100, 9999)),
                   _a("%d Crows Landing Road, Modesto, CA 95351", (100, 9999)),
                   _a("%d Main Street, Louisville, KY 40202", (100, 999))]),
    "CA": _simple({"@": ["Maritime", "Nova Scotia", "Ontario"],
                   "timber": ["%s Forest Products Ltd."], "*": ["%s Polymers Ltd."]},
                  [_a("%d Barrington Street, Halifax, NS B3J 1S9", (100, 2000))]),
    "NG": _simple({"@": ["Ogun", "Kaduna", "Niger Delta", "Lagos Coastal"],
                   "nuts": ["%s Agro Commodities Ltd."], "tea": ["%s Agro Export Ltd."], "*": ["%s Ventures Ltd."]},
                  [_a("%d Creek Road, Apapa, Lagos", (1, 99)), _a("%d Ikorodu Road, Lagos", (1, 300)),
                   _a("%d Bompai Road, Kano", (1, 99))]),
    "GH": _simple({"@": ["Ashanti", "Volta", "Tema Coast", "Kumasi"],
                   "cocoa": ["%s Cocoa Traders Ltd."], "food": ["%s Shea Processing Ltd."], "*": ["%s Agro Exports Ltd."]},
                  [_a("Plot %d, Heavy Industrial Area, Tema", (1, 200)), _a("Plot %d, Community 9, Tema", (1, 200))]),
    "CI": _simple({"@": ["des Lagunes", "du Nord", "de San Pedro", "du Bandama"],
                   "cocoa": ["Société Ivoirienne de Cacao %s SA"], "nuts": ["Anacarde %s SARL"],
                   "fruit": ["Plantations %s SA"], "rubber": ["Hévéa %s SA"], "*": ["Export %s SARL"]},
                  [_a("Zone Industrielle de Vridi, Rue %d, Abidjan", (1, 40)), _a("Zone Portuaire, Lot %d, San-Pédro", (1, 99))]),
    "CM": _simple({"@": ["du Littoral", "de la Sanaga", "de l'Est", "du Moungo"],
                   "timber": ["Bois Tropicaux %s SARL", "Scierie %s SARL"], "fruit": ["Plantations %s SA"],
                   "*": ["Export %s SARL"]},
                  [_a("BP %d, Zone Portuaire, Douala", (1000, 9999)), _a("Rue %d, Bonabéri, Douala", (1, 90))]),
    "AE": _simple({"@": ["Al Khaleej", "Emirates Gulf", "Al Hamra", "Dubai Coast"],
                   "metals": ["%s Aluminium LLC"], "nuts": ["%s Dates Factory LLC"], "*": ["%s Trading LLC"]},
                  [_a("Plot S%d, Jebel Ali Industrial Area 1, Dubai", (10, 900)), _a("Plot %d, Mussafah M%d, Abu Dhabi", (1, 90), (1, 40))]),
    "SA": _simple({"@": ["Al Jubail", "Yanbu Coast", "Eastern Province"], "*": ["%s Petrochemical Co."]},
                  [_a("Industrial City, Street %d, Al Jubail 31961", (100, 300))]),
}


# Forwarders (NVOCCs) that issue house bills: origin office, destination
# agent and the prefix of their house bill numbers.
FORWARDERS = [
    ("Silkway Cargo Services Ltd.", "Room 1208, Tower B, Jinqiao Plaza, 88 Binhe Road, Shenzhen", "CN", "SWC"),
    ("Oriental Bridge Logistics (Ningbo) Co., Ltd.", "No. 55 Zhongshan East Road, Ningbo, Zhejiang", "CN", "OBL"),
    ("Sino-Euro Freight Forwarding Co., Ltd.", "16F, 1088 Pudong Avenue, Shanghai", "CN", "SEF"),
    ("Pacific Rim Logistics Pte. Ltd.", "10 Changi South Lane #04-01, Singapore 486162", "SG", "PRL"),
    ("Mumbai Seaways Forwarders Pvt. Ltd.", "Office 402, Sai Chambers, Sector 11, CBD Belapur, Navi Mumbai", "IN", "MSF"),
]
AGENTS_DE = [
    ("Weserport Spedition GmbH", "Hansator 12, 28217 Bremen"),
    ("Elbkai Logistik GmbH", "Am Sandtorkai 38, 20457 Hamburg"),
    ("Nordsee Cargo Service GmbH", "Barkhausenstraße 4, 27568 Bremerhaven"),
    ("Sample Verified Logistics B.V.", "Waalhaven Zuidzijde 21, 3089 JH Rotterdam"),
]


# ---------------------------------------------------------------------------
# Records. A record is a dict of the canonical fields; each layout writes
# the fields its own way.

FIELDS = ["doc_no", "master", "doc_type", "carrier", "conveyance", "voyage",
          "dep", "arr", "origin", "dest", "pol", "transit", "pod",
          "shp", "shp_addr", "shp_cty", "cne", "cne_addr", "cne_cty", "notify",
          "cntr", "seal", "ctype", "pkgs", "pkg_type", "kg", "m3", "hs",
          "desc", "marks", "value", "cur", "terms", "un"]


def rec(**kw):
    r = {f: "" for f in FIELDS}
    r.update(kw)
    return r


def cargo(g, kind, kg=None, pkgs=None, dens=None):
    """Packages, weight, volume, value of a lot of goods of one kind."""
    k = G[kind]
    kgpp = g.between(*k["kgpp"])
    if pkgs is None:
        pkgs = max(1, int(kg / kgpp))
    kg = pkgs * kgpp
    m3 = kg / (dens or g.between(*k["dens"]))
    value = kg * g.between(*k["usd"])
    return pkgs, round(kg, 2), round(m3, 3), round(value, 2)


# ---------------------------------------------------------------------------
# Sea: vessel calls. Each call has its loading ports, with departure dates,
# the transhipment ports of cargo that comes on a feeder, and the goods of
# each origin.

ORIGIN_GOODS = {
    "CN": [("led", 4), ("furniture", 5), ("gardenfurn", 2), ("fabric", 3), ("apparel", 5),
           ("shoes", 3), ("toys", 4), ("xmas", 2), ("tyres", 3), ("houseware", 4),
           ("appliances", 4), ("tools", 3), ("bikes", 2), ("ebikes", 1), ("solar", 3),
           ("laptops", 1), ("monitors", 2), ("batteries", 1), ("autoparts", 3),
           ("steelpipe", 2), ("aluprofile", 2), ("lvt", 2), ("oakfloor", 1), ("tiles", 1),
           ("luggage", 3), ("machparts", 2)],
    "CN_NORTH": [("pollock", 4), ("tyres", 3), ("steelpipe", 3), ("machparts", 3),
                 ("autoparts", 2), ("houseware", 2), ("apparel", 2), ("furniture", 2)],
    "KR": [("tyres", 3), ("autoparts", 3), ("monitors", 2), ("hdpe", 2), ("machparts", 2)],
    "VN": [("furniture", 4), ("gardenfurn", 2), ("apparel", 4), ("shoes", 4), ("cashew", 3), ("pepper", 2)],
    "TH": [("pineapplecan", 3), ("rice", 3), ("rubber", 2), ("autoparts", 2), ("tuna", 1)],
    "MY": [("rubber", 3), ("furniture", 2)],
    "ID": [("rubber", 2), ("furniture", 2), ("shoes", 2), ("coconut", 1)],
    "BD": [("apparel", 1)],
    "IN": [("yarn", 3), ("towels", 3), ("apparel", 3), ("pharma", 2), ("granite", 2),
           ("basmati", 2), ("castings", 2), ("cumin", 1), ("guar", 1), ("shoes", 1)],
    "PK": [("towels", 3), ("apparel", 2), ("footballs", 1), ("surgical", 1), ("basmati_pk", 2), ("salt", 1)],
    "LK": [("tea", 3), ("coconut", 2), ("tyres", 1)],
    "AE": [("aluingot", 3), ("dates", 1)],
    "SA": [("pp", 3)],
    "EC": [("bananas", 8), ("shrimp", 4), ("cocoa", 2), ("tuna", 1)],
    "PE": [("avocados", 2), ("grapes", 3), ("blueberries", 3), ("mangoes", 2), ("fishmeal", 1),
           ("quinoa", 1), ("copper", 1)],
    "CO": [("bananas", 5), ("coffee", 2), ("avocados", 1)],
    "CR": [("pineapples", 4), ("bananas", 3)],
    "CL": [("wine", 2), ("copper", 2), ("pulp", 1)],
    "BR": [("coffee", 6), ("ojuice", 2), ("tobleaf", 2), ("pulp", 2), ("hides", 1), ("beef", 2),
           ("mangoes", 1), ("limes", 1)],
    "AR": [("beef", 3), ("wine", 2), ("hides", 1)],
    "UY": [("beef", 3), ("pulp", 2)],
    "HN": [("coffee", 1)],
    "US": [("lumber", 3), ("whiskey", 2), ("medical", 2), ("almonds", 2), ("pistachios", 1),
           ("lldpe", 2), ("machparts", 2), ("cranberries", 1)],
    "CA": [("lldpe", 1), ("lumber", 1)],
    "NG": [("sesame", 3), ("hibiscus", 2), ("rcn", 1)],
    "GH": [("cocoa_wa", 3), ("shea", 2), ("rcn", 1)],
    "CI": [("cocoa_wa", 4), ("rcn", 2), ("bananas_wa", 2), ("rubber", 1)],
    "CM": [("sapele", 3), ("bananas_wa", 2), ("cocoa_wa", 1)],
}


def leg(pol, dep, cty, n, transit=(), goods_key=None):
    return dict(pol=pol, dep=dep, cty=cty, n=n, transit=list(transit), goods=goods_key or cty)


SEA_CALLS = [
    dict(carrier="MSC", bl="MEDU", vessel="MSC ISABELLA", voyage="FA547W", arr=D(2026, 11, 23),
         owners=["MSCU", "MEDU", "MSDU", "MSMU", "TGHU", "FSCU", "CAIU"], reefer_owners=["MSDU", "CAIU"],
         seal=lambda g: "FJ" + g.digits(7), hbl=0.45,
         legs=[leg("KRPUS", D(2026, 10, 10), "KR", 3),
               leg("CNNGB", D(2026, 10, 13), "CN", 9),
               leg("CNSHA", D(2026, 10, 15), "CN", 9),
               leg("CNYTN", D(2026, 10, 18), "CN", 8),
               leg("VNSGN", D(2026, 10, 17), "VN", 4, ["SGSIN"]),
               leg("THLCH", D(2026, 10, 16), "TH", 3, ["SGSIN"]),
               leg("IDJKT", D(2026, 10, 19), "ID", 2, ["SGSIN"]),
               leg("MYPKG", D(2026, 10, 24), "MY", 2)]),
    dict(carrier="Hapag-Lloyd", bl="HLCU", vessel="BERLIN EXPRESS", voyage="2642W", arr=D(2026, 11, 23),
         owners=["HLXU", "HLBU", "HAMU", "UACU", "TCLU", "SEGU"], reefer_owners=["HLBU"],
         seal=lambda g: "HLD" + g.digits(7), hbl=0.4,
         legs=[leg("CNTAO", D(2026, 10, 11), "CN", 4, goods_key="CN_NORTH"),
               leg("CNNGB", D(2026, 10, 14), "CN", 7),
               leg("CNSHA", D(2026, 10, 16), "CN", 7),
               leg("CNYTN", D(2026, 10, 19), "CN", 6),
               leg("VNSGN", D(2026, 10, 20), "VN", 3, ["MYTPP"]),
               leg("THLCH", D(2026, 10, 19), "TH", 2, ["MYTPP"])]),
    dict(carrier="Maersk", bl="MAEU", vessel="MAERSK NORTHWOOD", voyage="645N", arr=D(2026, 11, 22),
         owners=["MNBU", "MSKU", "MRKU", "MRSU", "SUDU"], reefer_owners=["MNBU", "SUDU"],
         seal=lambda g: "ML" + g.digits(7), hbl=0.1,
         legs=[leg("PECLL", D(2026, 10, 28), "PE", 9),
               leg("CLSAI", D(2026, 10, 22), "CL", 3, ["PECLL"]),
               leg("ECPSJ", D(2026, 10, 31), "EC", 8),
               leg("ECGYE", D(2026, 11, 1), "EC", 8),
               leg("COSMR", D(2026, 11, 6), "CO", 6),
               leg("CRMOB", D(2026, 11, 8), "CR", 6)]),
    dict(carrier="Hapag-Lloyd", bl="HLCU", vessel="SEASPAN AMAZON", voyage="2645E", arr=D(2026, 11, 23),
         owners=["HLXU", "HLBU", "TGHU", "FSCU"], reefer_owners=["HLBU"],
         seal=lambda g: "HLD" + g.digits(7), hbl=0.2,
         legs=[leg("USSAV", D(2026, 11, 10), "US", 7),
               leg("USCHS", D(2026, 11, 11), "US", 5),
               leg("USORF", D(2026, 11, 13), "US", 6),
               leg("USNYC", D(2026, 11, 14), "US", 7),
               leg("CAHAL", D(2026, 11, 16), "CA", 2)]),
    dict(carrier="MSC", bl="MEDU", vessel="MSC SHREYA B", voyage="IN546R", arr=D(2026, 11, 24),
         owners=["MSCU", "MEDU", "TGHU", "TCLU", "GESU"], reefer_owners=["MSDU"],
         seal=lambda g: "FJ" + g.digits(7), hbl=0.35,
         legs=[leg("INNSA", D(2026, 10, 26), "IN", 11),
               leg("INMUN", D(2026, 10, 28), "IN", 8),
               leg("PKKHI", D(2026, 10, 30), "PK", 6),
               leg("LKCMB", D(2026, 10, 22), "LK", 3, ["INNSA"]),
               leg("AEJEA", D(2026, 11, 2), "AE", 3),
               leg("SAJED", D(2026, 10, 29), "SA", 2, ["AEJEA"])]),
    dict(carrier="CMA CGM", bl="CMDU", vessel="CMA CGM NIAGARA", voyage="0MWB5N1MA", arr=D(2026, 11, 23),
         owners=["CMAU", "CGMU", "ECMU", "APZU", "TEMU"], reefer_owners=["CGMU"],
         seal=lambda g: "F" + g.digits(7), hbl=0.2,
         legs=[leg("CIABJ", D(2026, 11, 4), "CI", 6),
               leg("GHTEM", D(2026, 11, 6), "GH", 5),
               leg("NGAPP", D(2026, 11, 2), "NG", 4, ["MAPTM"]),
               leg("CMDLA", D(2026, 10, 31), "CM", 4, ["MAPTM"])]),
]

# Hamburg calls: the same structure.
HAM_CALLS = [
    dict(carrier="COSCO Shipping Lines", bl="COSU", vessel="COSCO SHIPPING ARIES", voyage="046W",
         arr=D(2026, 11, 23), owners=["CSNU", "CBHU", "CCLU", "OOLU", "TGBU"], reefer_owners=["CXRU"],
         seal=lambda g: "CS" + g.digits(7), hbl=0.45,
         legs=[leg("CNXMN", D(2026, 10, 17), "CN", 7),
               leg("CNNGB", D(2026, 10, 13), "CN", 14),
               leg("CNSHA", D(2026, 10, 15), "CN", 14),
               leg("CNYTN", D(2026, 10, 19), "CN", 10),
               leg("VNSGN", D(2026, 10, 20), "VN", 4, ["SGSIN"]),
               leg("MYPKG", D(2026, 10, 24), "MY", 2)]),
    dict(carrier="CMA CGM", bl="CMDU", vessel="CMA CGM TROCADERO", voyage="0FLF9W1MA",
         arr=D(2026, 11, 24), owners=["CMAU", "CGMU", "ECMU", "APZU", "TEMU"], reefer_owners=["CGMU"],
         seal=lambda g: "F" + g.digits(7), hbl=0.35,
         legs=[leg("CNTXG", D(2026, 10, 9), "CN", 6, goods_key="CN_NORTH"),
               leg("CNTAO", D(2026, 10, 11), "CN", 6, goods_key="CN_NORTH"),
               leg("KRPUS", D(2026, 10, 13), "KR", 5),
               leg("CNSHA", D(2026, 10, 16), "CN", 8)]),
    dict(carrier="Hapag-Lloyd", bl="HLCU", vessel="SANTOS EXPRESS", voyage="2644N",
         arr=D(2026, 11, 22), owners=["HLXU", "HLBU", "UACU", "SEGU"], reefer_owners=["HLBU"],
         seal=lambda g: "HLD" + g.digits(7), hbl=0.1,
         legs=[leg("ARBUE", D(2026, 10, 30), "AR", 5),
               leg("UYMVD", D(2026, 11, 1), "UY", 4),
               leg("BRRIG", D(2026, 11, 3), "BR", 4),
               leg("BRPNG", D(2026, 11, 5), "BR", 5),
               leg("BRSSZ", D(2026, 11, 7), "BR", 10)]),
    dict(carrier="MSC", bl="MEDU", vessel="MSC LAURENCE", voyage="NW546A",
         arr=D(2026, 11, 23), owners=["MSCU", "MEDU", "MSDU", "CAIU"], reefer_owners=["MSDU", "CAIU"],
         seal=lambda g: "FJ" + g.digits(7), hbl=0.1,
         legs=[leg("ECGYE", D(2026, 10, 30), "EC", 7),
               leg("PECLL", D(2026, 10, 27), "PE", 5),
               leg("CRMOB", D(2026, 11, 5), "CR", 4),
               leg("HNPCR", D(2026, 11, 3), "HN", 2, ["CRMOB"])]),
    dict(carrier="Hapag-Lloyd", bl="HLCU", vessel="AL ZUBARA", voyage="2643W",
         arr=D(2026, 11, 23), owners=["HLXU", "UACU", "TCLU"], reefer_owners=["HLBU"],
         seal=lambda g: "HLD" + g.digits(7), hbl=0.35,
         legs=[leg("INNSA", D(2026, 10, 27), "IN", 7),
               leg("INMUN", D(2026, 10, 29), "IN", 5),
               leg("PKKHI", D(2026, 10, 31), "PK", 4),
               leg("LKCMB", D(2026, 10, 24), "LK", 2, ["INNSA"])]),
    dict(carrier="ACL", bl="ACLU", vessel="ATLANTIC SEA", voyage="AS2646E",
         arr=D(2026, 11, 24), owners=["ACLU", "TGHU"], reefer_owners=["TRIU"],
         seal=lambda g: "ACL" + g.digits(6), hbl=0.2,
         legs=[leg("USBAL", D(2026, 11, 12), "US", 4),
               leg("USNYC", D(2026, 11, 14), "US", 5),
               leg("CAHAL", D(2026, 11, 16), "CA", 2)]),
]


def ctype_for(g, kind):
    k = G[kind]
    if k["reefer"]:
        return g.wpick([("45R1", 8), ("22R1", 1)]) if kind != "ojuice" else "22R1"
    dens = sum(k["dens"]) / 2
    if dens > 900:
        return "22G1"
    if dens > 550:
        return g.wpick([("22G1", 3), ("42G1", 1)])
    return g.wpick([("45G1", 6), ("42G1", 2), ("22G1", 1)])


def fcl_cargo(g, kind, ctype):
    """Cargo that fills one container of ctype."""
    k = G[kind]
    dens = g.between(*k["dens"])
    if ctype.startswith("2"):
        vol_cap, kg_cap = g.between(24, 30), g.between(17000, 26500)
    elif ctype.startswith("42"):
        vol_cap, kg_cap = g.between(50, 62), g.between(18000, 26500)
    else:
        vol_cap, kg_cap = g.between(56, 70), g.between(18000, 27000)
    if ctype[2] == "R":
        vol_cap *= 0.85
    kg = min(kg_cap, vol_cap * dens)
    return cargo(g, kind, kg=kg, dens=dens)


def marks_for(g, cne, pkgs, kind):
    if g.chance(0.35):
        return "N/M"
    code = "".join(w[0] for w in cne.split()[:3]).upper()
    return "%s/PO %s/C-NO. 1-%d" % (code, g.digits(7), pkgs)


def sea_value(g, value, cty):
    """Value and currency as the B/L gives them (often not at all)."""
    if g.chance(0.12):
        return "", ""
    cur = "USD"
    if cty in ("US", "CA"):
        cur = g.wpick([("USD", 4), ("EUR", 1)])
    elif g.chance(0.08):
        cur = "EUR"
        value = value * 0.92
    return round(value, 2), cur


def terms_for(g, cty):
    # FOB sales from Asia and the Americas are mostly freight collect.
    if cty in ("CN", "VN", "TH", "MY", "ID", "KR", "BD", "IN", "PK", "LK"):
        return g.wpick([("prepaid", 3), ("collect", 2)])
    if cty in ("US", "CA"):
        return g.wpick([("prepaid", 3), ("collect", 1)])
    return g.wpick([("prepaid", 4), ("collect", 1)])


def bl_number(g, call, pol):
    b = call["bl"]
    if b == "MEDU":
        return g.unique(lambda: "MEDU" + g.pick("ABFGJKMNRS") + g.digits(6))
    if b == "HLCU":
        return g.unique(lambda: "HLCU" + pol[2:] + "2610" + g.pick("ABCDEFGH") + g.digits(4))
    if b == "MAEU":
        return g.unique(lambda: "MAEU" + "26" + g.digits(7))
    if b == "CMDU":
        return g.unique(lambda: "CMDU" + pol[2:] + g.digits(7))
    if b == "COSU":
        return g.unique(lambda: "COSU" + "64" + g.digits(8))
    if b == "ACLU":
        return g.unique(lambda: "ACLU" + pol[2:] + g.digits(6))
    raise ValueError(b)


def owner_for(g, call, ctype):
    return g.pick(call["reefer_owners"] if ctype[2] == "R" else call["owners"])


def base(call, lg):
    return dict(carrier=call["carrier"], conveyance=call["vessel"], voyage=call["voyage"],
                dep=lg["dep"], arr=call["arr"], pol=lg["pol"], transit=list(lg["transit"]),
                pod=call["pod"])


ASIA = ("CN", "VN", "TH", "MY", "ID", "KR", "IN", "PK", "LK", "BD")

# Goods often sold under a letter of credit, whose bills are made out "to
# order" and endorsed by the bank.
LC_GOODS = ("rice", "basmati", "basmati_pk", "yarn", "towels", "granite", "pepper", "cashew", "cumin",
            "guar", "sesame", "rcn", "steelpipe", "aluingot", "copper", "pulp", "hides")
LC_BANKS = ["TO ORDER", "TO THE ORDER OF SHIPPER", "TO ORDER OF NORDWEST HANDELSBANK AG",
            "TO ORDER OF BREMER KONTOR BANK AG"]

# What small shippers write instead of a description, by kind of goods.
SHORT_DESC = {"furniture": "FURNITURE", "gardenfurn": "FURNITURE", "toys": "TOYS",
              "apparel": "GARMENTS", "shoes": "FOOTWEAR", "autoparts": "SPARE PARTS",
              "tools": "TOOLS", "houseware": "HOUSEHOLD GOODS", "appliances": "ELECTRICAL APPLIANCES",
              "luggage": "BAGS AND UMBRELLAS", "machparts": "MACHINERY PARTS", "xmas": "X-MAS DECORATION"}


def forwarder_for(g, cty):
    if cty == "CN":
        return g.pick(FORWARDERS[:3])
    if cty in ("IN", "PK", "LK", "BD"):
        return FORWARDERS[4]
    return FORWARDERS[3]


def make_call(g, parties, call):
    """The B/Ls of one vessel call: a list of lists of records (one list per
    B/L, all its containers)."""
    bls = []
    for lg in call["legs"]:
        cty = lg["cty"]
        pool = ORIGIN_GOODS[lg["goods"]]
        for _ in range(lg["n"]):
            kind = g.wpick(pool)
            asian_dry = cty in ASIA and not G[kind]["reefer"]
            if asian_dry and g.chance(call["hbl"] / 2):
                bls.append(lcl_consol(g, parties, call, lg))
            else:
                bls.append(fcl_bl(g, parties, call, lg, kind,
                                  house=asian_dry and g.chance(call["hbl"])))
    g.r.shuffle(bls)
    return bls


def everyday(g, kind, hs, desc, lcl=False):
    """The small faults of real bills: a description cut to a word, an HS
    code missing or given to four digits. (Not on reefers: the fruit and
    fish exporters file their bills through the carriers' systems.)"""
    if G[kind]["reefer"]:
        return hs, desc
    if lcl and kind in SHORT_DESC and g.chance(0.07):
        desc = SHORT_DESC[kind]
    if g.chance(0.04 if lcl else 0.02):
        hs = ""
    elif g.chance(0.025):
        hs = hs[:4]
    return hs, desc


def fcl_bl(g, parties, call, lg, kind, house=False, n_cntr=None):
    cty = lg["cty"]
    k = G[kind]
    shp, shp_addr, shp_cty = parties.shipper(cty, k["trade"], lg["pol"])
    cne, cne_addr, cne_cty = parties.consignee(k["trade"])
    ctype = ctype_for(g, kind)
    if n_cntr is None:
        n_cntr = g.wpick([(1, 12), (2, 4), (3, 2), (4, 1)])
    desc, hs = g.pick(k["variants"])
    hs, desc = everyday(g, kind, hs, desc)
    if house:
        fwd = forwarder_for(g, cty)
        doc_no = g.unique(lambda: fwd[3] + lg["pol"][2:] + g.digits(7))
        master = bl_number(g, call, lg["pol"])
        doc_type = "HBL"
        notify = g.pick(AGENTS_DE)[0]
    else:
        doc_no = bl_number(g, call, lg["pol"])
        master = ""
        doc_type = "BL"
        notify = g.pick(["SAME AS CONSIGNEE", "", cne]) if g.chance(0.6) else g.pick(AGENTS_DE)[0]
    if kind in LC_GOODS and not house and g.chance(0.3):
        notify = cne
        cne, cne_addr = g.pick(LC_BANKS), ""
    terms = terms_for(g, cty)
    out = []
    for _ in range(n_cntr):
        pkgs, kg, m3, value = fcl_cargo(g, kind, ctype)
        val, cur = sea_value(g, value, cty)
        out.append(rec(doc_no=doc_no, master=master, doc_type=doc_type, **base(call, lg),
                       origin=cty, dest=cne_cty, shp=shp, shp_addr=shp_addr, shp_cty=shp_cty,
                       cne=cne, cne_addr=cne_addr, cne_cty=cne_cty if cne_addr else "", notify=notify,
                       cntr=g.container(owner_for(g, call, ctype)), seal=call["seal"](g), ctype=ctype,
                       pkgs=pkgs, pkg_type=k["pkg"], kg=kg, m3=m3, hs=hs, desc=desc,
                       marks=marks_for(g, cne, pkgs, kind), value=val, cur=cur, terms=terms,
                       un=k["un"]))
    return out


def lcl_consol(g, parties, call, lg):
    """An LCL container of a forwarder: several house bills under one master."""
    cty = lg["cty"]
    fwd = forwarder_for(g, cty)
    master = bl_number(g, call, lg["pol"])
    ctype = g.pick(["45G1", "42G1", "22G1"])
    cntr = g.container(owner_for(g, call, ctype))
    seal = call["seal"](g)
    agent = g.pick(AGENTS_DE)
    pool = [p for p in ORIGIN_GOODS[lg["goods"]] if not G[p[0]]["reefer"]]
    room = {"2": 30.0, "4": 62.0}[ctype[0]] * g.between(0.6, 0.95)
    kg_room = g.between(9000, 20000)
    out = []
    for i in range(g.int(3, 6)):
        kind = g.wpick(pool)
        k = G[kind]
        dens = g.between(*k["dens"])
        m3 = min(g.between(1.5, 14), room)
        kg = min(m3 * dens, kg_room, 6000)
        if i > 0 and (room < 1.5 or kg_room < 200):
            break
        shp, shp_addr, shp_cty = parties.shipper(cty, k["trade"], lg["pol"])
        cne, cne_addr, cne_cty = parties.consignee(k["trade"])
        dest = cne_cty
        notify = agent[0]
        if g.chance(0.08):
            # door delivery by the agent, who is then the consignee
            notify = cne
            dest = cne_cty
            cne, cne_addr, cne_cty = agent[0], agent[1], "DE" if "Rotterdam" not in agent[1] else "NL"
        desc, hs = g.pick(k["variants"])
        hs, desc = everyday(g, kind, hs, desc, lcl=True)
        pkgs, kg, m3, value = cargo(g, kind, kg=max(kg, k["kgpp"][1]), dens=dens)
        room -= m3
        kg_room -= kg
        val, cur = sea_value(g, value, cty)
        out.append(rec(doc_no=g.unique(lambda: fwd[3] + lg["pol"][2:] + g.digits(7)), master=master,
                       doc_type="HBL", **base(call, lg), origin=cty, dest=dest,
                       shp=shp, shp_addr=shp_addr, shp_cty=shp_cty, cne=cne, cne_addr=cne_addr,
                       cne_cty=cne_cty, notify=notify, cntr=cntr, seal=seal, ctype=ctype,
                       pkgs=pkgs, pkg_type=k["pkg"], kg=kg, m3=m3, hs=hs, desc=desc,
                       marks=marks_for(g, cne, pkgs, kind), value=val, cur=cur,
                       terms=terms_for(g, cty), un=k["un"]))
    return out


def find_leg(call, pol):
    for lg in call["legs"]:
        if lg["pol"] == pol:
            return lg
    raise KeyError(pol)


def planted_bl(g, call, pol, rows, transit=None, dep=None):
    """Complete hand-written records of one planted B/L with the fields of its
    call and leg; each row dict gives at least what makes the story."""
    lg = dict(find_leg(call, pol))
    if transit is not None:
        lg["transit"] = transit
    if dep is not None:
        lg["dep"] = dep
    out = []
    for r in rows:
        full = rec(**base(call, lg))
        full.update(r)
        full["planted"] = True
        out.append(full)
    return out


def insert_planted(g, bls, planted):
    for bl in planted:
        bls.insert(g.int(0, len(bls)), bl)


# ---------------------------------------------------------------------------
# Planted consignments: sea, Bremerhaven

def planted_sea(g, calls):
    msc, hl, mae, hlus, mscin, cma = calls
    out = {id(c): [] for c in calls}

    # 1. Narcotics, red. Bananas from Guayaquil on a direct service, yet
    # routed through Cartagena (a listed hub); reefer, freight collect, to a
    # trading company whose only address is a post-office box.
    # NARC-REEFER, OP-REEFER-HUB, ROUTE-HUB, FREIGHT-COLLECT-RISK,
    # CNEE-INTERMEDIARY, ADDR-CNEE-INCOMPLETE: 80.
    out[id(mae)].append(planted_bl(g, mae, "ECGYE", [dict(
        doc_no="MAEU264417203", doc_type="BL", origin="EC", dest="DE",
        shp="Agroexportadora Río Guayas S.A.", shp_addr="Km 4.5 Vía a Daule, Guayaquil", shp_cty="EC",
        cne="Hanseatic Fresh Trading GmbH", cne_addr="Postfach 12 04 33, 27518 Bremerhaven", cne_cty="DE",
        notify="Hanseatic Fresh Trading GmbH", cntr="MNBU" + "377215" + str(iso6346_check("MNBU377215")),
        seal="ML4410927", ctype="45R1", pkgs=1080, pkg_type="BOXES", kg=20952.0, m3=56.2,
        hs="08039010", desc="FRESH BANANAS, CAVENDISH", marks="HFT/GYE/1-1080",
        value=15714.0, cur="USD", terms="collect")], transit=["COCTG"], dep=D(2026, 10, 30)))

    # 2. Narcotics, red. A shipper on the watch list (Pacifica Frutas
    # Tropicales S.A.S.) ships a reefer of bananas from Santa Marta to a
    # ripening firm. PARTY-WATCH (forced red) and NARC-REEFER: 85.
    out[id(mae)].append(planted_bl(g, mae, "COSMR", [dict(
        doc_no="MAEU264425118", doc_type="BL", origin="CO", dest="DE",
        shp="PACIFICA FRUTAS TROPICALES SAS", shp_addr="Calle 10 No. 3-76, Santa Marta, Magdalena", shp_cty="CO",
        cne="Fruchthof Weserland GmbH", cne_addr="Am Fruchthof 7, 28197 Bremen", cne_cty="DE",
        notify="SAME AS CONSIGNEE", cntr="MNBU" + "912604" + str(iso6346_check("MNBU912604")),
        seal="ML4410388", ctype="45R1", pkgs=1080, pkg_type="BOXES", kg=20736.0, m3=55.9,
        hs="08039010", desc="FRESH BANANAS, CAVENDISH, 18.14 KG NET", marks="PFT/SMR/1-1080",
        value=16200.0, cur="USD", terms="prepaid")]))

    # 3. Tobacco, yellow. Four containers of gypsum plasterboard from Sohar,
    # transhipped at Jebel Ali, sold by a free-zone company known only by
    # its P.O. box to a building-materials firm "c/o" a forwarder; one
    # container without a seal. TOB-COVER, ROUTE-HUB, ADDR-SHPR-INCOMPLETE,
    # ADDR-CNEE-INCOMPLETE: 50 (60 with SEAL-MISSING).
    rows = []
    for i, (serial, seal, pk, kg) in enumerate([("504216", "FJ2281940", 1100, 21450.0),
                                                ("517733", "FJ2281941", 1100, 21382.5),
                                                ("509928", "", 1100, 21505.0),
                                                ("511480", "FJ2281943", 1080, 21060.0)]):
        owner = ["MSCU", "MEDU", "TGHU", "MSCU"][i]
        first = owner + serial
        rows.append(dict(doc_no="MEDUJE415530", doc_type="BL", origin="OM", dest="DE", pol="OMSOH",
                         shp="Gulf Interiors Building Materials FZE",
                         shp_addr="P.O. Box 263541, Jebel Ali Free Zone, Dubai", shp_cty="AE",
                         cne="Weserland Bau GmbH",
                         cne_addr="c/o Nordkai Spedition, Am Seedeich 12, 27572 Bremerhaven", cne_cty="DE",
                         notify="Nordkai Spedition GmbH", cntr=first + str(iso6346_check(first)), seal=seal,
                         ctype="22G1", pkgs=pk, pkg_type="PCS", kg=kg, m3=round(kg / 780, 3),
                         hs="68091100", desc="GYPSUM PLASTERBOARD 12.5MM, 1200X2400MM",
                         marks="WLB/BRV", value=round(kg * 0.19, 2), cur="USD", terms="prepaid"))
    out[id(mscin)].append(planted_bl(g, mscin, "AEJEA", rows, transit=["AEJEA"], dep=D(2026, 10, 30)))

    # 4. Counterfeits, yellow. "Branded" sports shoes from Putian at 1.25
    # USD a kilo, on a house bill to an import-export firm.
    # CNEE-INTERMEDIARY, CFT-BRAND, REV-UNDERVALUE: 45.
    out[id(msc)].append(planted_bl(g, msc, "CNYTN", [dict(
        doc_no="SWCYTN6182047", master="MEDUFK882731", doc_type="HBL", origin="CN", dest="DE",
        shp="Putian Xinghai Shoes Co., Ltd.", shp_addr="No. 18 Gongye Road, Hanjiang District, Putian, Fujian",
        shp_cty="CN", cne="Rhein-Ruhr Sportartikel Import-Export GmbH",
        cne_addr="Bahnhofstraße 112, 47051 Duisburg", cne_cty="DE", notify="Weserport Spedition GmbH",
        cntr="TGHU" + "804511" + str(iso6346_check("TGHU804511")), seal="FJ7718204", ctype="45G1",
        pkgs=1450, pkg_type="CTNS", kg=11600.0, m3=63.8, hs="64041100",
        desc="BRANDED SHOES, SPORTS STYLE, ASSORTED SIZES", marks="RRS/DUI/1-1450",
        value=14500.0, cur="USD", terms="collect")]))

    # 5. Weapons, red. Shotgun parts from Karachi under a bland
    # description, transhipped at Jebel Ali, to a "general trading" firm.
    # CNEE-INTERMEDIARY, ROUTE-HUB, STRAT-HS, WEAP-ARMS (forced yellow): 80.
    out[id(mscin)].append(planted_bl(g, mscin, "PKKHI", [dict(
        doc_no="MEDUKR408716", doc_type="BL", origin="PK", dest="DE",
        shp="Indus Precision Sporting Goods (Pvt.) Ltd.", shp_addr="Plot 41, Sector 7-A, Korangi Industrial Area, Karachi",
        shp_cty="PK", cne="Al-Noor General Trading GmbH", cne_addr="Lindenstraße 9, 33602 Bielefeld",
        cne_cty="DE", notify="SAME AS CONSIGNEE",
        cntr="GESU" + "611287" + str(iso6346_check("GESU611287")), seal="FJ3309126", ctype="22G1",
        pkgs=64, pkg_type="CTNS", kg=1152.0, m3=4.1, hs="93052000",
        desc="SPORTING GOODS ACCESSORIES", marks="ANGT/BI/1-64",
        value=9800.0, cur="USD", terms="prepaid")], transit=["AEJEA"], dep=D(2026, 10, 27)))

    # 6. Strategic goods, yellow. Frequency converters (dual-use) from
    # Shanghai to a holding company at a "c/o" address, notify party in
    # Almaty: goods that could have gone to Kazakhstan directly go round
    # by Bremerhaven. STRAT-HS, STRAT-DUALUSE-DESC, ADDR-CNEE-INCOMPLETE: 45.
    out[id(msc)].append(planted_bl(g, msc, "CNSHA", [dict(
        doc_no="MEDUSH571209", doc_type="BL", origin="CN", dest="KZ",
        shp="Shanghai Hengtai Drive Technology Co., Ltd.", shp_addr="No. 1555 Jinqiao Road, Pudong New District, Shanghai",
        shp_cty="CN", cne="Ostwind Industrial Holdings GmbH",
        cne_addr="c/o Kanzlei Dr. Reimers, Schwachhauser Heerstraße 56, 28209 Bremen", cne_cty="DE",
        notify="Zhetysu Energy Systems LLP, Almaty",
        cntr="MSMU" + "520863" + str(iso6346_check("MSMU520863")), seal="FJ6604471", ctype="22G1",
        pkgs=38, pkg_type="CASES", kg=6840.0, m3=21.5, hs="85044088",
        desc="FREQUENCY CONVERTERS 400V 75KW, IP54", marks="OIH/KZ/1-38",
        value=148200.0, cur="USD", terms="prepaid")]))

    # 7. Wildlife, yellow. "Processed cow horns and hooves" from Lagos via
    # Tanger Med: the by-product heading 0507 under which pangolin scales
    # and ivory have been declared. WILD-PRODUCTS (forced yellow), ROUTE-HUB: 50.
    out[id(cma)].append(planted_bl(g, cma, "NGAPP", [dict(
        doc_no="CMDUAPP1187734", doc_type="BL", origin="NG", dest="DE",
        shp="Kano Agro Allied By-Products Ltd.", shp_addr="14 Murtala Mohammed Way, Kano", shp_cty="NG",
        cne="Hornwerk Naturprodukte GmbH", cne_addr="Gewerbering 4, 26954 Nordenham", cne_cty="DE",
        notify="SAME AS CONSIGNEE", cntr="CMAU" + "718240" + str(iso6346_check("CMAU718240")),
        seal="F4471882", ctype="22G1", pkgs=380, pkg_type="BAGS", kg=9500.0, m3=27.4,
        hs="05079000", desc="PROCESSED COW HORNS AND HOOVES, DRIED", marks="HWN/1-380",
        value=6650.0, cur="USD", terms="prepaid")]))

    # 8. Revenue, yellow. Dresses and blouses from Chittagong at 1.40 USD a
    # kilo, "said to contain", to an import-export firm with no street
    # number. REV-UNDERVALUE, CNEE-INTERMEDIARY, ADDR-CNEE-INCOMPLETE,
    # DESC-STC: 40.
    out[id(msc)].append(planted_bl(g, msc, "THLCH", [dict(
        doc_no="MEDUCG219854", doc_type="BL", origin="BD", dest="DE", pol="BDCGP",
        dep=D(2026, 10, 13),
        shp="Karnaphuli Fashion Wear Ltd.", shp_addr="Plot 27, CEPZ, Chattogram", shp_cty="BD",
        cne="Kasim Textil Import-Export GmbH", cne_addr="Kaiserstraße, Offenbach am Main", cne_cty="DE",
        notify="SAME AS CONSIGNEE", cntr="MEDU" + "873392" + str(iso6346_check("MEDU873392")),
        seal="FJ5529180", ctype="45G1", pkgs=920, pkg_type="CTNS", kg=9200.0, m3=41.6,
        hs="62044300", desc="SAID TO CONTAIN LADIES DRESSES AND BLOUSES, 100% POLYESTER",
        marks="KTI/OF/1-920", value=12880.0, cur="USD", terms="collect")], transit=["SGSIN"]))

    # 9. Watch list, red. Diamond saw blades for "Ardennes Diamonds NV":
    # the watch list has the party as Ardennes Diamonds BV; the party-name
    # key drops either legal form. PARTY-WATCH: 60.
    out[id(hl)].append(planted_bl(g, hl, "CNSHA", [dict(
        doc_no="HLCUSHA2610F5532", doc_type="BL", origin="CN", dest="BE",
        shp="Danyang Jinggong Diamond Tools Co., Ltd.", shp_addr="No. 8 Yunyang Road, Danyang, Jiangsu",
        shp_cty="CN", cne="Ardennes Diamonds NV", cne_addr="Hoveniersstraat 30, 2018 Antwerpen", cne_cty="BE",
        notify="SAME AS CONSIGNEE", cntr="HLXU" + "627014" + str(iso6346_check("HLXU627014")),
        seal="HLD5507213", ctype="22G1", pkgs=210, pkg_type="CTNS", kg=4410.0, m3=5.9,
        hs="82022000", desc="DIAMOND SAW BLADES AND CORE DRILL BITS", marks="ADNV/ANR/1-210",
        value=52900.0, cur="USD", terms="prepaid")]))

    # 10. Data quality, yellow. A house bill with nothing to profile: "said
    # to contain general cargo", no HS code, to order, no seal, and a
    # container number whose check digit is wrong (HLXU 305571 has check
    # digit 6, not 4). DESC-VAGUE, DESC-STC, HS-MISSING, CNEE-TO-ORDER,
    # CTR-CHECK-DIGIT, SEAL-MISSING: 60.
    bad = "HLXU305571"
    wrong = str((iso6346_check(bad) + 8) % 10)
    out[id(hl)].append(planted_bl(g, hl, "CNYTN", [dict(
        doc_no="SEFYTN6140275", master="HLCUYTN2610C1187", doc_type="HBL", origin="CN", dest="DE",
        shp="Shenzhen Yida Supply Chain Management Co., Ltd.", shp_addr="No. 3012 Bao'an Avenue, Baoan District, Shenzhen",
        shp_cty="CN", cne="TO ORDER", cne_addr="", cne_cty="", notify="Elbkai Logistik GmbH",
        cntr=bad + wrong, seal="", ctype="45G1", pkgs=612, pkg_type="PKGS", kg=7930.0, m3=58.0,
        hs="", desc="SAID TO CONTAIN GENERAL CARGO", marks="N/M", value="", cur="", terms="collect")]))
    return out


# ---------------------------------------------------------------------------
# Planted consignments: Hamburg

def planted_hamburg(g, calls):
    cosco, cma, santos, mscw, zubara, acl = calls
    out = {id(c): [] for c in calls}

    # 1. Narcotics, red. Pineapples from Moín transhipped at Cartagena, to
    # order, freight collect; the exporter's address has no street number.
    # NARC-REEFER, OP-REEFER-HUB, ROUTE-HUB, FREIGHT-COLLECT-RISK,
    # CNEE-TO-ORDER, ADDR-SHPR-INCOMPLETE: 75.
    out[id(mscw)].append(planted_bl(g, mscw, "CRMOB", [dict(
        doc_no="MEDUML772190", doc_type="BL", origin="CR", dest="DE",
        shp="Exportadora Piña Dorada del Caribe S.A.", shp_addr="Barrio Los Cocos, Limón", shp_cty="CR",
        cne="TO ORDER", cne_addr="", cne_cty="", notify="Alsterfrucht Handels GmbH, Hamburg",
        cntr="MSDU" + "845126" + str(iso6346_check("MSDU845126")), seal="FJ8830417", ctype="45R1",
        pkgs=1386, pkg_type="BOXES", kg=17325.0, m3=46.2, hs="08043000",
        desc="FRESH PINEAPPLES MD2, GOLDEN", marks="PDC/1-1386",
        value=13860.0, cur="USD", terms="collect")], transit=["COCTG"]))

    # 2. Narcotics, yellow. Bananas declared as grown in Paraguay, which
    # exports none overseas, loaded at Montevideo, freight collect.
    # ORIGIN-IMPLAUSIBLE, NARC-REEFER, FREIGHT-COLLECT-RISK: 50.
    out[id(santos)].append(planted_bl(g, santos, "UYMVD", [dict(
        doc_no="HLCUMVD2610A7741", doc_type="BL", origin="PY", dest="DE",
        shp="Frutícola del Chaco S.R.L.", shp_addr="Ruta 9 Km 38, Villa Hayes", shp_cty="PY",
        cne="Elbfrucht Import GmbH", cne_addr="Banksstraße 28, 20097 Hamburg", cne_cty="DE",
        notify="SAME AS CONSIGNEE", cntr="HLBU" + "917355" + str(iso6346_check("HLBU917355")),
        seal="HLD6623810", ctype="45R1", pkgs=1040, pkg_type="BOXES", kg=19760.0, m3=52.0,
        hs="08039010", desc="FRESH BANANAS", marks="EFI/1-1040",
        value=12350.0, cur="USD", terms="collect")]))

    # 3. Tobacco, red. Plastic houseware from a shipper on the watch list
    # (Red Lantern Household Goods Co.), whose earlier loads hid
    # cigarettes, for a Polish importer. PARTY-WATCH: 60.
    out[id(cosco)].append(planted_bl(g, cosco, "CNNGB", [dict(
        doc_no="COSU6418825710", doc_type="BL", origin="CN", dest="PL",
        shp="RED LANTERN HOUSEHOLD GOODS CO., LTD", shp_addr="No. 219 Xingning Road, Yinzhou District, Ningbo",
        shp_cty="CN", cne="Wisla Dom Sp. z o.o.", cne_addr="ul. Przemyslowa 18, 85-758 Bydgoszcz", cne_cty="PL",
        notify="SAME AS CONSIGNEE", cntr="CBHU" + "731802" + str(iso6346_check("CBHU731802")),
        seal="CS4471025", ctype="45G1", pkgs=1260, pkg_type="CTNS", kg=8820.0, m3=66.5, hs="39249000",
        desc="PLASTIC HOUSEWARE: STORAGE BOXES, BUCKETS, BASKETS", marks="WD/BYD/1-1260",
        value=11470.0, cur="USD", terms="prepaid")]))

    # 4. Tobacco, yellow. Bed linen from Mundra transhipped at Jebel Ali
    # to a new trading company without a street number.
    # TOB-COVER, ROUTE-HUB, CNEE-INTERMEDIARY, ADDR-CNEE-INCOMPLETE: 55.
    out[id(zubara)].append(planted_bl(g, zubara, "INMUN", [dict(
        doc_no="HLCUMUN2610D3308", doc_type="BL", origin="IN", dest="DE",
        shp="Kutch Coast Home Linen Pvt. Ltd.", shp_addr="Survey No. 112, Mundra Road, Anjar, Gujarat",
        shp_cty="IN", cne="Elbe Textil Trading UG (haftungsbeschränkt)", cne_addr="Wandsbeker Chaussee, Hamburg",
        cne_cty="DE", notify="SAME AS CONSIGNEE", cntr="UACU" + "582264" + str(iso6346_check("UACU582264")),
        seal="HLD7720415", ctype="45G1", pkgs=980, pkg_type="CTNS", kg=14210.0, m3=61.3, hs="63023100",
        desc="COTTON BED LINEN SETS", marks="ETT/HAM/1-980",
        value=41200.0, cur="USD", terms="collect")], transit=["AEJEA"]))

    # 5. Counterfeits, yellow. "Designer handbags" to an import & export
    # firm with a P.O. box. CFT-BRAND, CNEE-INTERMEDIARY,
    # ADDR-CNEE-INCOMPLETE: 40.
    out[id(cosco)].append(planted_bl(g, cosco, "CNYTN", [dict(
        doc_no="OBLYTN6207718", master="COSU6418830044", doc_type="HBL", origin="CN", dest="DE",
        shp="Guangzhou Meiyi Leather Goods Co., Ltd.", shp_addr="No. 63 Shiling Avenue, Huadu District, Guangzhou",
        shp_cty="CN", cne="Alsterblick Mode Import & Export e.K.", cne_addr="Postfach 30 12 11, 20305 Hamburg",
        cne_cty="DE", notify="Elbkai Logistik GmbH", cntr="TGBU" + "668139" + str(iso6346_check("TGBU668139")),
        seal="CS4489013", ctype="42G1", pkgs=380, pkg_type="CTNS", kg=3420.0, m3=30.4, hs="42022100",
        desc="DESIGNER HANDBAGS AND BELTS", marks="ABM/1-380",
        value=17100.0, cur="USD", terms="collect")]))

    # 6. Strategic goods, yellow. A 5-axis machining centre from Tianjin to a
    # Hamburg trading company, notify party in Almaty.
    # CNEE-INTERMEDIARY, STRAT-HS, STRAT-DUALUSE-DESC: 45.
    out[id(cma)].append(planted_bl(g, cma, "CNTXG", [dict(
        doc_no="CMDUTXG8802716", doc_type="BL", origin="CN", dest="KZ",
        shp="Tianjin Ruiqi CNC Machine Tool Co., Ltd.", shp_addr="No. 77 Haitai Road, Binhai New District, Tianjin",
        shp_cty="CN", cne="Baltic Bridge Trading GmbH", cne_addr="Am Sandtorkai 41, 20457 Hamburg",
        cne_cty="DE", notify="Aral Machinery LLP, Almaty", cntr="CMAU" + "407718" + str(iso6346_check("CMAU407718")),
        seal="F5518820", ctype="42G1", pkgs=3, pkg_type="CASES", kg=11480.0, m3=48.6, hs="84571090",
        desc="5-AXIS VERTICAL MACHINING CENTRE VMC-1160 WITH ACCESSORIES", marks="BBT/KZ/1-3",
        value=386000.0, cur="USD", terms="prepaid")]))

    # 7. Wildlife, yellow. Furniture of Indian rosewood (Dalbergia latifolia,
    # CITES Appendix II): the permit has to be checked.
    # WILD-PRODUCTS (forced yellow): 40.
    out[id(zubara)].append(planted_bl(g, zubara, "INNSA", [dict(
        doc_no="HLCUNSA2610B9260", doc_type="BL", origin="IN", dest="DE",
        shp="Saharanpur Heritage Woodcraft Pvt. Ltd.", shp_addr="Plot No. 14, Ambala Road, Saharanpur, Uttar Pradesh",
        shp_cty="IN", cne="Kontor Indisches Wohnen GmbH", cne_addr="Osterfeldstraße 44, 22529 Hamburg",
        cne_cty="DE", notify="SAME AS CONSIGNEE", cntr="HLXU" + "893507" + str(iso6346_check("HLXU893507")),
        seal="HLD7716022", ctype="45G1", pkgs=146, pkg_type="CRATES", kg=7300.0, m3=62.0, hs="94036090",
        desc="ROSEWOOD FURNITURE (DALBERGIA LATIFOLIA): SIDEBOARDS AND TABLES", marks="KIW/1-146",
        value=58400.0, cur="USD", terms="prepaid")]))

    # 8. Revenue, yellow. Smartphones at 12 USD a kilo (a tenth of their
    # price) to a mobile "trading" firm. REV-UNDERVALUE, STRAT-HS,
    # CNEE-INTERMEDIARY: 45.
    out[id(cosco)].append(planted_bl(g, cosco, "CNYTN", [dict(
        doc_no="COSU6418836625", doc_type="BL", origin="CN", dest="DE",
        shp="Shenzhen Topwave Communication Technology Co., Ltd.", shp_addr="No. 9 Keji South Road, Nanshan District, Shenzhen",
        shp_cty="CN", cne="Elbe Mobile Trading GmbH", cne_addr="Billstraße 83, 20539 Hamburg", cne_cty="DE",
        notify="SAME AS CONSIGNEE", cntr="CSNU" + "276950" + str(iso6346_check("CSNU276950")),
        seal="CS4493377", ctype="22G1", pkgs=460, pkg_type="CTNS", kg=2300.0, m3=9.2, hs="85171300",
        desc="SMARTPHONES 6.7 INCH, 128GB, DUAL SIM", marks="EMT/1-460",
        value=27600.0, cur="USD", terms="prepaid")]))

    # 9. Watch list, red. Coffee from Paulista Exportadora Ltda., named in
    # an earlier seizure of cocaine hidden in coffee bags, freight collect
    # from Santos. PARTY-WATCH, FREIGHT-COLLECT-RISK: 70.
    out[id(santos)].append(planted_bl(g, santos, "BRSSZ", [dict(
        doc_no="HLCUSSZ2610E4417", doc_type="BL", origin="BR", dest="DE",
        shp="Paulista Exportadora Ltda.", shp_addr="Rua XV de Novembro, 95, Santos, SP", shp_cty="BR",
        cne="Hanse Kaffeekontor GmbH", cne_addr="Am Sandtorkai 5, 20457 Hamburg", cne_cty="DE",
        notify="SAME AS CONSIGNEE", cntr="HLXU" + "160429" + str(iso6346_check("HLXU160429")),
        seal="HLD6631902", ctype="22G1", pkgs=320, pkg_type="BAGS", kg=19200.0, m3=31.0, hs="09011100",
        desc="BRAZIL GREEN COFFEE BEANS, ARABICA, NY 2/3, SCREEN 17/18", marks="HKK/SSZ/1-320",
        value=121000.0, cur="USD", terms="collect")]))

    # 10. Data quality, yellow. A forwarder's "FAK" master bill to its own
    # Hamburg office, with no shipper, an HS code of chapter 99 and a
    # container number with a wrong check digit. CNEE-INTERMEDIARY,
    # DESC-VAGUE, HS-INVALID, CTR-CHECK-DIGIT, DQ-MISSING: 55.
    bad = "TGBU512287"
    out[id(cosco)].append(planted_bl(g, cosco, "CNSHA", [dict(
        doc_no="COSU6418840318", doc_type="BL", origin="CN", dest="DE",
        shp="", shp_addr="", shp_cty="", cne="Elbkai Logistik GmbH", cne_addr="Am Sandtorkai 38, 20457 Hamburg",
        cne_cty="DE", notify="SAME AS CONSIGNEE", cntr=bad + str((iso6346_check(bad) + 3) % 10),
        seal="CS4490715", ctype="45G1", pkgs=742, pkg_type="PKGS", kg=9870.0, m3=63.0, hs="99999999",
        desc="FAK", marks="N/M", value="", cur="", terms="prepaid")]))

    # 11. Watch list, red. Frozen pollock with a notify party on the watch
    # list (Oceanic Star Shipping Agency Ltd.). PARTY-WATCH: 60.
    out[id(cma)].append(planted_bl(g, cma, "CNTAO", [dict(
        doc_no="CMDUTAO8806120", doc_type="BL", origin="CN", dest="DE",
        shp="Qingdao Haiyun Aquatic Products Co., Ltd.", shp_addr="No. 36 Haixi Road, Huangdao District, Qingdao",
        shp_cty="CN", cne="Carstens Fischfeinkost GmbH", cne_addr="Große Elbstraße 141, 22767 Hamburg",
        cne_cty="DE", notify="Oceanic Star Shipping Agency Ltd.",
        cntr="CGMU" + "560781" + str(iso6346_check("CGMU560781")), seal="F5520034", ctype="45R1",
        pkgs=1150, pkg_type="CTNS", kg=24150.0, m3=38.5, hs="03047500",
        desc="FROZEN ALASKA POLLOCK FILLETS, SKINLESS, BONELESS", marks="CFF/1-1150",
        value=89400.0, cur="USD", terms="prepaid")]))
    return out


# ---------------------------------------------------------------------------
# Sea layouts

SEA_HEADER = ["B/L No", "Master B/L", "Doc Type", "Mode", "Carrier", "Vessel", "Voyage",
              "Departure Date", "Arrival Date", "Country of Origin", "Destination Country",
              "Port of Loading", "Transit Ports", "Port of Discharge", "Shipper",
              "Shipper Address", "Shipper Country", "Consignee", "Consignee Address",
              "Consignee Country", "Notify Party", "Container No", "Seal No", "Container Type",
              "Packages", "Package Type", "Gross Weight (KG)", "Volume (M3)", "HS Code",
              "Description of Goods", "Marks and Numbers", "Value", "Currency", "Freight Terms",
              "UN Number"]


def fmt_num(x, nd):
    return "" if x == "" else "%.*f" % (nd, x)


def sea_row(r):
    return [r["doc_no"], r["master"], r["doc_type"], "SEA", r["carrier"], r["conveyance"],
            r["voyage"], r["dep"].isoformat() if r["dep"] else "", r["arr"].isoformat(),
            r["origin"], r["dest"], r["pol"], " ".join(r["transit"]), r["pod"], r["shp"],
            r["shp_addr"], r["shp_cty"], r["cne"], r["cne_addr"], r["cne_cty"], r["notify"],
            r["cntr"], r["seal"], r["ctype"], str(r["pkgs"]), r["pkg_type"], fmt_num(r["kg"], 2),
            fmt_num(r["m3"], 3), r["hs"], r["desc"], r["marks"], fmt_num(r["value"], 2),
            r["cur"], r["terms"].upper(), r["un"]]


HAM_HEADER = ["Konnossement-Nr.", "Master-Konnossement", "Dokumentart", "Verkehrszweig",
              "Reederei", "Schiffsname", "Reise-Nr.", "Abfahrtsdatum", "Ankunftsdatum",
              "Ursprungsland", "Bestimmungsland", "Ladehafen", "Umschlaghäfen", "Löschhafen",
              "Versender", "Anschrift Versender", "Land Versender", "Empfänger",
              "Anschrift Empfänger", "Land Empfänger", "Meldeadresse", "Container-Nr.",
              "Plomben-Nr.", "Containertyp", "Anzahl Packstücke", "Packstückart",
              "Bruttogewicht (kg)", "Volumen (m³)", "Zolltarifnummer", "Warenbezeichnung",
              "Zeichen und Nummern", "Warenwert", "Währung", "Frachtzahlung", "UN-Nr."]

PKG_DE = {"CTNS": "Kartons", "PALLETS": "Paletten", "BAGS": "Säcke", "BOXES": "Kartons",
          "ROLLS": "Rollen", "BALES": "Ballen", "BUNDLES": "Bunde", "CRATES": "Kisten",
          "CASES": "Kisten", "DRUMS": "Fässer", "UNITS": "Einheiten", "PCS": "Stück",
          "PKGS": "Packstücke"}


def de_num(x, nd, group=True):
    """A number as a German export writes it: 18.450,00."""
    if x == "":
        return ""
    s = "%.*f" % (nd, x)
    whole, _, frac = s.partition(".")
    if group:
        neg = whole.startswith("-")
        whole = whole.lstrip("-")
        parts = []
        while len(whole) > 3:
            parts.insert(0, whole[-3:])
            whole = whole[:-3]
        parts.insert(0, whole)
        whole = ("-" if neg else "") + ".".join(parts)
    return whole + ("," + frac if nd else "")


def de_date(d):
    return d.strftime("%d.%m.%Y")


def ham_row(r):
    return [r["doc_no"], r["master"], r["doc_type"], "1", r["carrier"], r["conveyance"],
            r["voyage"], de_date(r["dep"]) if r["dep"] else "", de_date(r["arr"]), r["origin"],
            r["dest"], r["pol"], " ".join(r["transit"]), r["pod"], r["shp"], r["shp_addr"],
            r["shp_cty"], r["cne"], r["cne_addr"], r["cne_cty"], r["notify"], r["cntr"], r["seal"],
            r["ctype"], de_num(r["pkgs"], 0), PKG_DE.get(r["pkg_type"], r["pkg_type"]),
            de_num(r["kg"], 2), de_num(r["m3"], 3, group=False), r["hs"], r["desc"], r["marks"],
            de_num(r["value"], 2), r["cur"], r["terms"].capitalize(), r["un"]]


def build_sea(seed, calls, pod, planted_fn):
    g = Gen(seed)
    parties = Parties(g)
    for c in calls:
        c["pod"] = pod
    per_call = []
    for c in calls:
        per_call.append(make_call(g, parties, c))
    planted = planted_fn(g, calls)
    rows = []
    for c, bls in zip(calls, per_call):
        for bl in planted[id(c)]:
            for r in bl:
                r["pod"] = pod
        insert_planted(g, bls, planted[id(c)])
        for bl in bls:
            rows.extend(bl)
    return g, rows


# Everyday blemishes of real exports, each on an ordinary row.
def blemish_sea(g, rows):
    """Everyday blemishes of real exports, each on one ordinary row: a date
    written day first, a UN/LOCODE with its space, a seal not transmitted,
    an HS code with separators, a country written as a name, a size/type
    written 40HC."""
    plain = [r for r in rows if not r.get("planted") and r["doc_type"] == "BL"
             and r["cne"] != "TO ORDER" and r["seal"]]
    marks = {}
    for what, ok in (("date", lambda r: True), ("space", lambda r: True),
                     ("seal", lambda r: r["ctype"][2] != "R"), ("dots", lambda r: len(r["hs"]) == 8),
                     ("country", lambda r: r["origin"] in COUNTRY_NAMES), ("40hc", lambda r: r["ctype"] == "45G1")):
        cands = [r for r in plain if ok(r) and not any(r is m for m in marks.values())]
        marks[what] = g.pick(cands)
    marks.pop("seal")["seal"] = ""
    return marks


COUNTRY_NAMES = {"CN": "China", "IN": "India", "US": "United States", "BR": "Brazil",
                 "VN": "Viet Nam", "EC": "Ecuador", "PE": "Peru"}


def write_sea(path, rows, marks):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(SEA_HEADER)
    for r in rows:
        row = sea_row(r)
        if r is marks.get("date"):
            row[7] = r["dep"].strftime("%d/%m/%Y")
        if r is marks.get("space"):
            row[11] = r["pol"][:2] + " " + r["pol"][2:]
        if r is marks.get("dots"):
            row[28] = "%s.%s.%s" % (r["hs"][:4], r["hs"][4:6], r["hs"][6:])
        if r is marks.get("country"):
            row[9] = COUNTRY_NAMES[r["origin"]]
        if r is marks.get("40hc"):
            row[23] = "40HC"
        w.writerow(row)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return len(rows)


def write_ham(path, rows, marks):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(HAM_HEADER)
    for r in rows:
        row = ham_row(r)
        if r is marks.get("date"):
            row[7] = r["dep"].isoformat()
        if r is marks.get("space"):
            row[11] = r["pol"][:2] + " " + r["pol"][2:]
        if r is marks.get("dots"):
            row[28] = "%s %s %s" % (r["hs"][:4], r["hs"][4:6], r["hs"][6:])
        if r is marks.get("40hc"):
            row[23] = "40HC"
        w.writerow(row)
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode("latin-1"))
    return len(rows)


# ---------------------------------------------------------------------------
# Air

AIRLINES = {
    # code: (name, AWB prefix)
    "LH": ("Lufthansa Cargo", "020"), "CX": ("Cathay Cargo", "160"), "CK": ("China Cargo Airlines", "112"),
    "EK": ("Emirates SkyCargo", "176"), "QR": ("Qatar Airways Cargo", "157"), "TK": ("Turkish Cargo", "235"),
    "ET": ("Ethiopian Cargo", "071"), "LA": ("LATAM Cargo", "045"), "UA": ("United Cargo", "016"),
    "KE": ("Korean Air Cargo", "180"), "SQ": ("Singapore Airlines Cargo", "618"), "CA": ("Air China Cargo", "999"),
}

# Flights of the day: code, flight, from, via, to, departure, arrival.
FLIGHTS = [
    ("CK", "CK221", "CNPVG", [], "DEFRA", D(2026, 11, 22), D(2026, 11, 22)),
    ("LH", "LH8407", "CNPVG", [], "DEFRA", D(2026, 11, 22), D(2026, 11, 23)),
    ("CX", "CX089", "HKHKG", [], "DEFRA", D(2026, 11, 22), D(2026, 11, 23)),
    ("CA", "CA1045", "CNPEK", [], "DELEJ", D(2026, 11, 22), D(2026, 11, 23)),
    ("CX", "CX3211", "HKHKG", [], "DELEJ", D(2026, 11, 23), D(2026, 11, 23)),
    ("EK", "EK9903", "AEDXB", [], "DEFRA", D(2026, 11, 23), D(2026, 11, 23)),
    ("QR", "QR8207", "QADOH", [], "DEFRA", D(2026, 11, 22), D(2026, 11, 23)),
    ("TK", "TK6413", "TRIST", [], "DEFRA", D(2026, 11, 23), D(2026, 11, 23)),
    ("ET", "ET3727", "ETADD", [], "DEFRA", D(2026, 11, 22), D(2026, 11, 23)),
    ("LA", "LA8074", "BRVCP", [], "DEFRA", D(2026, 11, 22), D(2026, 11, 23)),
    ("UA", "UA8960", "USORD", [], "DEFRA", D(2026, 11, 22), D(2026, 11, 23)),
    ("KE", "KE0529", "KRICN", [], "DEFRA", D(2026, 11, 23), D(2026, 11, 23)),
    ("SQ", "SQ7328", "SGSIN", [], "DEFRA", D(2026, 11, 22), D(2026, 11, 23)),
    ("LH", "LH8231", "INBOM", [], "DEFRA", D(2026, 11, 23), D(2026, 11, 23)),
]


def flight(code):
    for f in FLIGHTS:
        if f[1] == code:
            return f
    raise KeyError(code)


# Air goods: description, HS, kg per piece, USD per kg, trade.
AIR_B2B = {
    "CN": [("ELECTRONIC COMPONENTS: CAPACITORS AND RESISTORS", "85322400", (8, 15), (40, 90), "it"),
           ("PRINTED CIRCUIT BOARD ASSEMBLIES", "85371098", (5, 12), (60, 150), "it"),
           ("LITHIUM ION BATTERIES PACKED WITH EQUIPMENT", "85076000", (10, 18), (25, 45), "electro"),
           ("MOBILE PHONE DISPLAYS, SPARE", "85177900", (6, 10), (80, 200), "telecom"),
           ("LAPTOP COMPUTERS", "84713000", (9, 12), (150, 260), "it"),
           ("LED DRIVERS AND POWER SUPPLIES", "85044030", (10, 16), (20, 40), "lighting"),
           ("SAMPLES OF POLYESTER FABRIC, UNCUT", "54075200", (3, 8), (5, 12), "textile"),
           ("LADIES' KNITTED DRESSES", "61044300", (8, 14), (15, 30), "fashion"),
           ("SOLAR INVERTERS 10KW", "85044090", (20, 30), (25, 45), "solar")],
    "HK": [("WATCH MOVEMENTS AND PARTS", "91089000", (2, 5), (200, 600), "it"),
           ("SEMICONDUCTOR DEVICES: MICROCONTROLLERS", "85423190", (3, 8), (300, 900), "it"),
           ("CAMERA MODULES FOR SMARTPHONES", "85258900", (4, 9), (120, 300), "telecom")],
    "KR": [("SEMICONDUCTOR MEMORY MODULES", "85423239", (3, 8), (500, 1500), "it"),
           ("OLED DISPLAY PANELS", "85249100", (8, 15), (150, 400), "it"),
           ("COSMETICS: SKIN CARE CREAMS", "33049900", (8, 14), (30, 60), "pharma")],
    "IN": [("PHARMACEUTICALS: AMOXICILLIN CAPSULES", "30041000", (10, 18), (20, 50), "pharma"),
           ("LADIES' EMBROIDERED COTTON KURTAS", "62044200", (8, 14), (15, 30), "fashion"),
           ("STAINLESS STEEL VALVES, INVESTMENT CAST", "84818081", (15, 30), (10, 20), "machinery"),
           ("FRESH OKRA AND CURRY LEAVES", "07099990", (5, 10), (3, 6), "food")],
    "AE": [("GOLD JEWELLERY, 18 CARAT", "71131900", (1, 3), (40000, 60000), "decor"),
           ("AIRCRAFT SPARE PARTS: BRAKE ASSEMBLY", "88073000", (30, 60), (150, 400), "machinery")],
    "TR": [("MEN'S WOVEN SHIRTS, COTTON", "62052000", (10, 15), (12, 25), "fashion"),
           ("DRIED APRICOTS", "08131000", (10, 12), (7, 10), "nuts"),
           ("AUTOMOTIVE WIRING HARNESSES", "85443000", (12, 20), (15, 30), "auto")],
    "ET": [("FRESH CUT ROSES", "06031100", (12, 16), (4, 7), "decor"),
           ("FRESH GREEN BEANS", "07082000", (5, 6), (2, 4), "food")],
    "KE": [("FRESH CUT ROSES", "06031100", (12, 16), (4, 7), "decor"),
           ("FRESH AVOCADOS HASS", "08044000", (4, 4.5), (2.5, 3.5), "fruit")],
    "BR": [("ORTHOPAEDIC IMPLANTS", "90213100", (5, 12), (200, 500), "medical"),
           ("FRESH PAPAYAS", "08072000", (3.5, 4), (2, 3), "fruit"),
           ("AIRCRAFT PARTS: LANDING GEAR COMPONENTS", "88073000", (40, 80), (100, 300), "machinery")],
    "PE": [("FRESH ASPARAGUS, GREEN", "07092000", (5, 5.5), (4, 6), "food"),
           ("FRESH BLUEBERRIES", "08104030", (1.6, 2.0), (6, 9), "fruit")],
    "CO": [("FRESH CUT ROSES", "06031100", (12, 16), (4, 7), "decor"),
           ("FRESH CARNATIONS", "06031200", (12, 16), (3, 6), "decor")],
    "EC": [("FRESH CUT ROSES", "06031100", (12, 16), (4, 7), "decor")],
    "US": [("MEDICAL DEVICES: CARDIAC STENTS", "90219010", (2, 5), (2000, 6000), "medical"),
           ("DIAGNOSTIC REAGENTS, 2-8 C", "38220000", (10, 20), (150, 400), "pharma"),
           ("AIRCRAFT ENGINE PARTS: TURBINE BLADES", "84119100", (10, 30), (800, 2000), "machinery"),
           ("PHARMACEUTICALS: MONOCLONAL ANTIBODIES, 2-8 C", "30021500", (10, 25), (3000, 9000), "pharma"),
           ("LIVE LOBSTERS, CHILLED", "03063210", (12, 15), (25, 35), "seafood")],
    "SG": [("SEMICONDUCTOR TEST EQUIPMENT PARTS", "90319000", (10, 30), (200, 600), "machinery"),
           ("PHARMACEUTICALS: VACCINES, 2-8 C", "30024100", (15, 25), (500, 2000), "pharma")],
    "VN": [("MEN'S DOWN JACKETS", "62014000", (10, 15), (25, 40), "fashion"),
           ("SPORTS SHOES, TEXTILE UPPERS", "64041100", (8, 12), (20, 35), "shoes")],
    "LK": [("FRESH YELLOWFIN TUNA LOINS, CHILLED", "03023290", (20, 30), (10, 14), "seafood")],
}

# E-commerce parcels: description, HS, kg, USD.
ECOM = [("PHONE CASES, SILICONE", "39269097", (0.2, 0.6), (4, 15)),
        ("BLUETOOTH EARPHONES", "85183000", (0.2, 0.4), (12, 35)),
        ("LED STRIP LIGHTS 5M", "94054290", (0.3, 0.8), (8, 20)),
        ("WOMEN'S DRESS, POLYESTER", "62044300", (0.3, 0.6), (10, 25)),
        ("MEN'S HOODIE, COTTON", "61102099", (0.5, 0.9), (12, 28)),
        ("KIDS' TOY CAR, PLASTIC", "95030099", (0.4, 1.5), (6, 20)),
        ("KITCHEN UTENSILS, SILICONE", "39241000", (0.3, 1.0), (5, 15)),
        ("YOGA MAT, TPE", "95069190", (0.9, 1.4), (10, 22)),
        ("CAR PHONE HOLDER", "87089997", (0.1, 0.3), (4, 12)),
        ("HAIR DRYER", "85163100", (0.6, 1.0), (15, 30)),
        ("SMART WATCH, FITNESS TRACKER", "85176200", (0.1, 0.3), (18, 45)),
        ("WOMEN'S SHOULDER BAG, PU", "42022290", (0.4, 0.8), (9, 25)),
        ("RUNNING SHOES", "64041100", (0.7, 1.1), (18, 40)),
        ("USB CHARGING CABLES", "85444290", (0.1, 0.3), (3, 9)),
        ("CHRISTMAS TREE ORNAMENTS, PLASTIC", "95051090", (0.3, 0.9), (5, 15)),
        ("PHONE SCREEN PROTECTORS", "39199080", (0.05, 0.2), (3, 8)),
        ("WIRELESS MOUSE", "84716070", (0.1, 0.2), (6, 15)),
        ("MAKE-UP BRUSH SET", "96034090", (0.2, 0.4), (6, 14))]

def ecom_shipper(g):
    """An online seller in the Pearl River Delta or Zhejiang."""
    city, prov, districts = g.pick(CN_REGIONS["CNYTN"] + CN_REGIONS["CNNGB"][1:2])
    name = "%s %s E-Commerce Co., Ltd." % (city, g.pick(["Xinyue", "Kuaile", "Haoyun", "Meijia", "Lanhai",
                                                          "Jiayou", "Youpin", "Lexiang"]))
    addr = "No. %d %s Road, %s District, %s, %s" % (g.int(1, 600), g.pick(["Bantian", "Minzhi", "Xinhe", "Fuyuan"]),
                                                    g.pick(districts), city, prov)
    return name, addr


def ecom_word(desc):
    """The one word some sellers give for a parcel."""
    for words, short in ((("DRESS", "HOODIE"), "CLOTHING"), (("SHOES",), "SHOES"),
                         (("TOY",), "TOYS"), (("EARPHONES", "WATCH", "CABLES", "MOUSE", "LED"), "ELECTRONICS"),
                         (("BAG",), "BAG"), (("BRUSH",), "COSMETICS")):
        if any(w in desc for w in words):
            return short
    return "GOODS"


FIRST_NAMES = ["Lukas", "Anna", "Jonas", "Marie", "Leon", "Sophie", "Finn", "Emma", "Paul", "Mia",
               "Felix", "Lea", "Elias", "Hannah", "Noah", "Laura", "Ben", "Lena", "Tim", "Sarah",
               "Jan", "Julia", "Mehmet", "Ayse", "Piotr", "Katarzyna", "Dimitri", "Olga", "Luca", "Giulia"]
LAST_NAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
              "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz",
              "Zimmermann", "Braun", "Krüger", "Hofmann", "Yilmaz", "Kaya", "Nowak", "Kowalski",
              "Popov", "Rossi", "Schäfer", "Bauer", "Lehmann", "Kaiser"]

AIR_FWD_ORIGIN = {
    "CN": [("Sino-Euro Freight Forwarding Co., Ltd.", "16F, 1088 Pudong Avenue, Shanghai", "SEF"),
           ("Silkway Cargo Services Ltd.", "Room 1208, Tower B, Jinqiao Plaza, 88 Binhe Road, Shenzhen", "SWC")],
    "HK": [("Harbour Gate Air Freight Ltd.", "Unit 6, 12/F, Cargo Centre, 2 Chun Ping Road, Kwai Chung", "HGA")],
    "IN": [("Mumbai Seaways Forwarders Pvt. Ltd.", "Office 402, Sai Chambers, Sector 11, CBD Belapur, Navi Mumbai", "MSF")],
    "US": [("Great Lakes Air Logistics Inc.", "1450 Touhy Avenue, Elk Grove Village, IL 60007", "GLA")],
    "TR": [("Bosphorus Air Cargo A.S.", "Cargo City, Blok 3, No. 14, Arnavutkoy, Istanbul", "BAC")],
    "KR": [("Hanil Global Air Cargo Co., Ltd.", "272, Gonghang-ro, Jung-gu, Incheon", "HGC")],
}
AIR_AGENTS_DE = [("Main-Air Spedition GmbH", "Cargo City Süd, Gebäude 558, 60549 Frankfurt am Main"),
                 ("Sachsen Air Cargo Service GmbH", "Frachtstraße 12, 04435 Schkeuditz"),
                 ("Rhein-Main Luftfracht Agentur GmbH", "Cargo City Nord, Tor 26, Gebäude 454, 60549 Frankfurt am Main")]


def air_agent(g, pod):
    """The receiving forwarder at the airport of arrival."""
    if pod == "DELEJ":
        return AIR_AGENTS_DE[1]
    return g.pick([AIR_AGENTS_DE[0], AIR_AGENTS_DE[2]])


def air_private(g):
    name = "%s %s" % (g.pick(FIRST_NAMES), g.pick(LAST_NAMES))
    city = g.pick(CITIES_DE)
    streets = ["Bahnhofstraße", "Lindenweg", "Goethestraße", "Schillerstraße", "Am Markt", "Gartenstraße",
               "Bergstraße", "Hauptstraße", "Rosenweg", "Kirchstraße", "Waldstraße", "Mozartstraße"]
    addr = "%s %d, %s %s" % (g.pick(streets), g.int(1, 120), g.pick(city[1]), city[0])
    return name, addr


AIR_HEADER = ["AWB No", "MAWB No", "Doc Type", "Mode", "Airline", "Flight No", "Flight Date",
              "Arrival Date", "Country of Origin", "Destination Country", "Airport of Departure",
              "Transit Airports", "Airport of Destination", "Shipper", "Shipper Address",
              "Shipper Country", "Consignee", "Consignee Address", "Consignee Country",
              "Notify Party", "ULD No", "Pieces", "Package Type", "Gross Weight (KG)",
              "Volume (M3)", "HS Code", "Description of Goods", "Marks and Numbers", "Value",
              "Currency", "Charges Code", "UN Number"]


def air_row(r):
    return [r["doc_no"], r["master"], r["doc_type"], "AIR", r["carrier"], r["conveyance"],
            r["dep"].isoformat(), r["arr"].isoformat(), r["origin"], r["dest"], r["pol"],
            " ".join(r["transit"]), r["pod"], r["shp"], r["shp_addr"], r["shp_cty"], r["cne"],
            r["cne_addr"], r["cne_cty"], r["notify"], r["cntr"], str(r["pkgs"]), r["pkg_type"],
            fmt_num(r["kg"], 1), fmt_num(r["m3"], 3), r["hs"], r["desc"], r["marks"],
            fmt_num(r["value"], 2), r["cur"], {"prepaid": "PP", "collect": "CC"}[r["terms"]], r["un"]]


class Air:
    def __init__(self, seed):
        self.g = Gen(seed)
        self.parties = Parties(self.g)

    def mawb(self, code):
        g = self.g
        prefix = AIRLINES[code][1]
        return g.unique(lambda: awb(prefix, g.int(1000000, 9999999)))

    def flight_base(self, fl, origin_pol=None, transit=None, dep=None):
        code, num, frm, via, to, fdep, arr = fl
        dep = dep or fdep
        return dict(carrier=AIRLINES[code][0], conveyance=num, dep=dep, arr=arr,
                    pol=origin_pol or frm, transit=list(transit if transit is not None else via), pod=to)

    def uld(self, code):
        g = self.g
        return g.unique(lambda: "%s%05d%s" % (g.pick(["PMC", "PAG", "AKE", "PLA"]), g.int(10000, 99999), code))

    def direct(self, fl, cty, pol=None, transit=None):
        """A master air waybill of one shipper to one consignee."""
        g = self.g
        desc, hs, kgpp, usd, trade = g.pick(AIR_B2B[cty])
        if cty not in AIR_ONLY:
            shp, shp_addr, shp_cty = self.parties.shipper(cty, trade, pol or fl[2])
        else:
            shp, shp_addr, shp_cty = air_shipper(g, cty, trade)
        cne, cne_addr, cne_cty = self.parties.consignee(trade)
        pcs = g.int(1, 40)
        kg = round(pcs * g.between(*kgpp), 1)
        m3 = round(kg / g.between(120, 250), 3)
        return [rec(doc_no=self.mawb(fl[0]), doc_type="AWB", **self.flight_base(fl, pol, transit),
                    origin=cty, dest=cne_cty, shp=shp, shp_addr=shp_addr, shp_cty=shp_cty,
                    cne=cne, cne_addr=cne_addr, cne_cty=cne_cty, notify="",
                    cntr=self.uld(fl[0]) if kg > 400 and g.chance(0.5) else "", pkgs=pcs,
                    pkg_type=g.pick(["PCS", "CTNS", "PKGS"]), kg=kg, m3=m3, hs=hs, desc=desc,
                    marks="N/M", value=round(kg * g.between(*usd), 2), cur="USD",
                    terms=g.wpick([("prepaid", 4), ("collect", 1)]),
                    un="3481" if "BATTERIES" in desc else "")]

    def consol(self, fl, cty, n, ecom=False, pol=None, transit=None):
        """A forwarder's consolidation: the master and its houses."""
        g = self.g
        fwd = g.pick(AIR_FWD_ORIGIN.get(cty, AIR_FWD_ORIGIN["CN"]))
        agent = air_agent(g, fl[4])
        master = self.mawb(fl[0])
        houses = []
        for _ in range(n):
            hawb = g.unique(lambda: fwd[2] + g.digits(8))
            if ecom:
                desc, hs, kg_r, usd_r = g.pick(ECOM)
                cne, cne_addr = air_private(g)
                cne_cty = "DE"
                shp, shp_addr = ecom_shipper(g)
                pcs = 1
                if g.chance(0.1):
                    desc = ecom_word(desc)
                if g.chance(0.05):
                    hs = ""
                kg = round(g.between(*kg_r) + 0.1, 1)
                value = round(g.between(*usd_r), 2)
                terms = "prepaid"
            else:
                desc, hs, kgpp, usd, trade = g.pick(AIR_B2B[cty])
                shp, shp_addr, _ = self.parties.shipper(cty, trade, pol or fl[2]) \
                    if cty not in AIR_ONLY else air_shipper(g, cty, trade)
                cne, cne_addr, cne_cty = self.parties.consignee(trade)
                pcs = g.int(1, 12)
                kg = round(pcs * g.between(*kgpp), 1)
                value = round(kg * g.between(*usd), 2)
                terms = g.wpick([("prepaid", 3), ("collect", 1)])
            m3 = round(max(kg / g.between(120, 250), 0.001), 3)
            houses.append(rec(doc_no=hawb, master=master, doc_type="HAWB",
                              **self.flight_base(fl, pol, transit), origin=cty, dest=cne_cty,
                              shp=shp, shp_addr=shp_addr, shp_cty=cty, cne=cne, cne_addr=cne_addr,
                              cne_cty=cne_cty, notify=agent[0] if not ecom else "", pkgs=pcs,
                              pkg_type="PCS" if not ecom else "PARCEL", kg=kg, m3=m3, hs=hs,
                              desc=desc, marks="N/M", value=value, cur="USD" if not ecom or g.chance(0.6) else "EUR",
                              terms=terms, un="3481" if "BATTERIES" in desc else ""))
        kg = round(sum(h["kg"] for h in houses), 1)
        mrow = rec(doc_no=master, doc_type="AWB", **self.flight_base(fl, pol, transit), origin=cty,
                   dest="DE", shp=fwd[0], shp_addr=fwd[1], shp_cty=cty if cty != "HK" else "HK",
                   cne=agent[0], cne_addr=agent[1], cne_cty="DE", notify="",
                   cntr=self.uld(fl[0]) if kg > 300 else "", pkgs=sum(h["pkgs"] for h in houses),
                   pkg_type="PCS", kg=kg, m3=round(sum(h["m3"] for h in houses), 3), hs="",
                   desc="CONSOLIDATION AS PER ATTACHED MANIFEST", marks="N/M", value="", cur="",
                   terms="prepaid")
        return [mrow] + houses


AIR_ONLY = ("HK", "TR", "ET", "KE", "SG", "AE")


def air_shipper(g, cty, trade=None):
    """Exporters of the countries whose cargo comes by air only."""
    kinds = {
        "HK": [("%s Electronics (HK) Ltd.", ["Kowloon Bay", "Victoria Harbour", "Tsuen Wan", "Sha Tin"],
                "Unit %d, %d/F, Kwun Tong Industrial Centre, Kowloon")],
        "TR": [("%s Tekstil San. ve Tic. A.S.", ["Bursa", "Denizli", "Ege"],
                "Organize Sanayi Bolgesi, %d. Cadde No. %d, Bursa"),
               ("%s Kuru Meyve Ihracat A.S.", ["Malatya", "Aydin"],
                "Kuyulu Mahallesi, %d. Sokak No. %d, Malatya"),
               ("%s Otomotiv Kablo San. A.S.", ["Gebze", "Kocaeli"],
                "Gebze OSB, %d. Cadde No. %d, Kocaeli")],
        "ET": [("%s Flowers PLC", ["Sebeta", "Holeta", "Ziway"],
                "Kebele %02d, House No. %d, Holeta")],
        "KE": [("%s Farms Ltd.", ["Naivasha", "Nanyuki", "Thika"],
                "Plot %d, Moi South Lake Road, Naivasha %d")],
        "SG": [("%s Pte. Ltd.", ["Jurong Precision", "Tuas Biomedical", "Woodlands Semitech"],
                "%d Tuas Avenue %d, Singapore")],
        "AE": [("%s Jewellery LLC", ["Gold Souk Star", "Deira Crown"],
                "Shop %d, Gold Souk, Deira, Dubai %d"),
               ("%s Aviation Services LLC", ["Al Qusais", "Dubai South"],
                "Warehouse %d, Dubai South Logistics District, Plot %d")],
    }
    options = kinds[cty]
    if cty == "TR":
        fmt, words, afmt = options[{"fashion": 0, "nuts": 1}.get(trade, 2)]
    elif cty == "AE":
        fmt, words, afmt = options[0 if trade == "decor" else 1]
    else:
        fmt, words, afmt = options[0]
    name = fmt % g.pick(words)
    addr = afmt % (g.int(1, 40), g.int(1, 90))
    return name, addr, cty


def planted_air(a):
    g = a.g
    out = []

    # 1. Narcotics, yellow. A courier-style parcel of "samples" from Lima,
    # routed through Bogotá and Viracopos, freight collect, to a private
    # person "c/o" another name; no HS code; the shipper's address has no
    # number. DESC-VAGUE, HS-MISSING, ADDR-CNEE-INCOMPLETE,
    # ADDR-SHPR-INCOMPLETE, ROUTE-ILLOGICAL, FREIGHT-COLLECT-RISK: 60.
    fl = flight("LA8074")
    m = awb("045", 4471206)
    out.append([rec(doc_no="AND71204583", master=m, doc_type="HAWB",
                    **a.flight_base(fl, "PELIM", ["COBOG", "BRVCP"], dep=D(2026, 11, 21)),
                    origin="PE", dest="DE", shp="Artesanías del Sol E.I.R.L.", shp_addr="Jr. Ayacucho, Cercado de Lima",
                    shp_cty="PE", cne="Jonas Albrecht", cne_addr="c/o Schmitt, Gutleutstraße 84, 60329 Frankfurt am Main",
                    cne_cty="DE", notify="", pkgs=2, pkg_type="PCS", kg=11.4, m3=0.048, hs="",
                    desc="SAMPLES", marks="N/M", value=40.0, cur="USD", terms="collect"),
                rec(doc_no="AND71204584", master=m, doc_type="HAWB",
                    **a.flight_base(fl, "PELIM", ["COBOG", "BRVCP"], dep=D(2026, 11, 21)),
                    origin="PE", dest="DE", shp="Agroexportadora Virú Norte S.A.C.",
                    shp_addr="Panamericana Norte Km 515, Virú, La Libertad", shp_cty="PE",
                    cne="Frischdienst Rhein-Main GmbH", cne_addr="Lyoner Straße 14, 60528 Frankfurt am Main",
                    cne_cty="DE", notify="Main-Air Spedition GmbH", pkgs=180, pkg_type="CTNS", kg=990.0,
                    m3=5.2, hs="07092000", desc="FRESH ASPARAGUS, GREEN", marks="FRM/1-180",
                    value=4950.0, cur="USD", terms="prepaid"),
                rec(doc_no=m, doc_type="AWB", **a.flight_base(fl, "PELIM", ["COBOG", "BRVCP"], dep=D(2026, 11, 21)),
                     origin="PE", dest="DE", shp="Andes Air Cargo S.A.C.",
                    shp_addr="Av. Elmer Faucett 2851, Callao", shp_cty="PE", cne="Main-Air Spedition GmbH",
                    cne_addr="Cargo City Süd, Gebäude 558, 60549 Frankfurt am Main", cne_cty="DE",
                    pkgs=182, pkg_type="PCS", kg=1001.4, m3=5.248, hs="",
                    desc="CONSOLIDATION AS PER ATTACHED MANIFEST", marks="N/M", terms="prepaid")])

    # 2. Watch list, red. "Geisha" green coffee samples shipped by Northgate
    # Commodities S.A. (watch list) from Panama, freight collect.
    # PARTY-WATCH, FREIGHT-COLLECT-RISK: 70.
    out.append([rec(doc_no=awb("045", 4471352), doc_type="AWB", **a.flight_base(fl, "PAPTY", ["BRVCP"], dep=D(2026, 11, 21)),
                     origin="PA", dest="DE", shp="Northgate Commodities S.A.",
                    shp_addr="Zona Libre de Colón, Calle 16, Edificio 41, Colón", shp_cty="PA",
                    cne="Kaffeemanufaktur Sachsenhausen GmbH", cne_addr="Schweizer Straße 61, 60594 Frankfurt am Main",
                    cne_cty="DE", pkgs=24, pkg_type="CTNS", kg=396.0, m3=1.9, hs="09011100",
                    desc="GREEN COFFEE SAMPLES, PANAMA GEISHA, WASHED", marks="KMS/1-24",
                    value=7900.0, cur="USD", terms="collect")])

    # 3. Counterfeits, yellow. "Luxury brand" watches at 7.50 USD a kilo to a
    # private person. CFT-BRAND, CFT-ECOM, REV-UNDERVALUE: 45.
    # 4. Counterfeits, red. Brand-name handbags for Acme Trading (watch
    # list). PARTY-WATCH, CFT-BRAND, CNEE-INTERMEDIARY: 90.
    # Both travel in an e-commerce consolidation from Hong Kong.
    fl = flight("CX3211")
    m = awb("160", 6620914)
    p1, a1 = "Kevin Schulz", "Bergstraße 4, 04109 Leipzig"
    rows = [rec(doc_no="HGA30715526", master=m, doc_type="HAWB", **a.flight_base(fl), origin="CN",
                dest="DE", shp="Shenzhen Haoyun E-Commerce Co., Ltd.", shp_addr="No. 218 Bantian Road, Longgang District, Shenzhen, Guangdong",
                shp_cty="CN", cne=p1, cne_addr=a1, cne_cty="DE", pkgs=1, pkg_type="PARCEL", kg=0.8,
                m3=0.004, hs="91021100", desc="LUXURY BRAND WATCHES", marks="N/M", value=6.0, cur="USD",
                terms="prepaid"),
            rec(doc_no="HGA30715581", master=m, doc_type="HAWB", **a.flight_base(fl), origin="CN",
                dest="DE", shp="Guangzhou Meijia E-Commerce Co., Ltd.", shp_addr="No. 88 Baiyun Avenue North, Baiyun District, Guangzhou",
                shp_cty="CN", cne="ACME TRADING LIMITED", cne_addr="Torgauer Straße 231, 04347 Leipzig",
                cne_cty="DE", pkgs=14, pkg_type="CTNS", kg=126.0, m3=0.92, hs="42022100",
                desc="BRAND NAME HANDBAGS, LADIES", marks="ACME/1-14", value=840.0, cur="USD",
                terms="prepaid")]
    for _ in range(16):
        desc, hs, kg_r, usd_r = g.pick(ECOM)
        name, addr = air_private(g)
        eshp, eaddr = ecom_shipper(g)
        rows.append(rec(doc_no=g.unique(lambda: "HGA" + g.digits(8)), master=m, doc_type="HAWB",
                        **a.flight_base(fl), origin="CN", dest="DE",
                        shp=eshp, shp_addr=eaddr, shp_cty="CN", cne=name, cne_addr=addr, cne_cty="DE", pkgs=1,
                        pkg_type="PARCEL", kg=round(g.between(*kg_r) + 0.1, 1),
                        m3=0, hs=hs, desc=desc, marks="N/M",
                        value=round(g.between(*usd_r), 2), cur="USD", terms="prepaid"))
    for r in rows:
        r["m3"] = r["m3"] or round(r["kg"] / g.between(120, 250), 3)
    g.r.shuffle(rows)
    kg = round(sum(r["kg"] for r in rows), 1)
    out.append([rec(doc_no=m, doc_type="AWB", **a.flight_base(fl), origin="CN", dest="DE",
                    shp="Harbour Gate Air Freight Ltd.", shp_addr="Unit 6, 12/F, Cargo Centre, 2 Chun Ping Road, Kwai Chung",
                    shp_cty="HK", cne="Sachsen Air Cargo Service GmbH", cne_addr="Frachtstraße 12, 04435 Schkeuditz",
                    cne_cty="DE", cntr="AKE31208CX", pkgs=sum(r["pkgs"] for r in rows), pkg_type="PCS",
                    kg=kg, m3=round(sum(r["m3"] for r in rows), 3), hs="",
                    desc="CONSOLIDATION AS PER ATTACHED MANIFEST", marks="N/M", terms="prepaid")] + rows)

    # 5. Weapons, yellow. Rifle scopes to a private person.
    # WEAP-ARMS (forced yellow): 40.
    # 6. Strategic goods, yellow. Thermal imaging camera modules to a trading
    # company, onward to Kazakhstan. STRAT-HS, STRAT-DUALUSE-DESC,
    # CNEE-INTERMEDIARY: 45.
    # 7. Strategic goods, red. Drone flight controllers to an Estonian
    # trading firm, notify party on the watch list (Silverline Global
    # Logistics LLC). PARTY-WATCH, CNEE-INTERMEDIARY, STRAT-HS,
    # STRAT-DUALUSE-DESC: 100.
    # 8. Revenue, yellow. Laptops at 7.50 USD a kilo to a trading firm.
    # REV-UNDERVALUE, STRAT-HS, CNEE-INTERMEDIARY: 45.
    fl = flight("CK221")
    m = awb("112", 5302278)
    agent = AIR_AGENTS_DE[0]
    rows = [rec(doc_no="SEF26118804", master=m, doc_type="HAWB", **a.flight_base(fl), origin="CN", dest="DE",
                shp="Ningbo Yongkang Outdoor Optics Co., Ltd.", shp_addr="No. 402 Xingye Road, Yinzhou District, Ningbo, Zhejiang",
                shp_cty="CN", cne="Markus Weidinger", cne_addr="Am Wiesengrund 17, 34127 Kassel", cne_cty="DE",
                notify=agent[0], pkgs=3, pkg_type="CTNS", kg=7.8, m3=0.041, hs="90131000",
                desc="RIFLE SCOPES 3-9X40 AND MOUNTS", marks="N/M", value=186.0, cur="USD", terms="prepaid"),
            rec(doc_no="SEF26118817", master=m, doc_type="HAWB", **a.flight_base(fl), origin="CN", dest="KZ",
                shp="Wuhan Guanghe Infrared Technology Co., Ltd.", shp_addr="No. 1 Gaoxin 4th Road, East Lake Hi-Tech Zone, Wuhan, Hubei",
                shp_cty="CN", cne="Steppe Industrial Trading GmbH", cne_addr="Mainzer Landstraße 176, 60327 Frankfurt am Main",
                cne_cty="DE", notify="Qazaq Optic Systems LLP, Astana", pkgs=6, pkg_type="CTNS", kg=38.5,
                m3=0.21, hs="85258900", desc="THERMAL IMAGING CAMERA MODULES, 640X512, 12 MICRON",
                marks="SIT/KZ/1-6", value=41800.0, cur="USD", terms="prepaid"),
            rec(doc_no="SEF26118830", master=m, doc_type="HAWB", **a.flight_base(fl), origin="CN", dest="EE",
                shp="Shenzhen Feiyu Intelligent Technology Co., Ltd.", shp_addr="No. 6 Longgang Avenue, Longgang District, Shenzhen, Guangdong",
                shp_cty="CN", cne="Baltic Aero Trading OÜ", cne_addr="Peterburi tee 46, 11415 Tallinn",
                cne_cty="EE", notify="Silverline Global Logistics LLC", pkgs=9, pkg_type="CTNS", kg=64.0,
                m3=0.35, hs="85371098", desc="DRONE FLIGHT CONTROLLERS AND BRUSHLESS MOTORS",
                marks="BAT/TLL/1-9", value=23400.0, cur="USD", terms="prepaid"),
            rec(doc_no="SEF26118846", master=m, doc_type="HAWB", **a.flight_base(fl), origin="CN", dest="DE",
                shp="Shanghai Xinda Electronic Technology Co., Ltd.", shp_addr="No. 777 Jinqiao Road, Pudong New District, Shanghai",
                shp_cty="CN", cne="Rhein-Main Computer Trading GmbH", cne_addr="Hanauer Landstraße 291, 60314 Frankfurt am Main",
                cne_cty="DE", notify=agent[0], pkgs=40, pkg_type="CTNS", kg=380.0, m3=1.9, hs="84713000",
                desc="LAPTOP COMPUTERS 15.6 INCH, I7, 16GB", marks="RMC/1-40", value=2850.0, cur="USD",
                terms="prepaid")]
    for _ in range(7):
        desc, hs, kgpp, usd, trade = g.pick(AIR_B2B["CN"])
        shp, shp_addr, _ = a.parties.shipper("CN", trade, "CNPVG")
        cne, cne_addr, cne_cty = a.parties.consignee(trade)
        pcs = g.int(1, 10)
        kg = round(pcs * g.between(*kgpp), 1)
        rows.append(rec(doc_no=g.unique(lambda: "SEF2611" + g.digits(4)), master=m, doc_type="HAWB",
                        **a.flight_base(fl), origin="CN", dest=cne_cty, shp=shp, shp_addr=shp_addr,
                        shp_cty="CN", cne=cne, cne_addr=cne_addr, cne_cty=cne_cty, notify=agent[0],
                        pkgs=pcs, pkg_type="PCS", kg=kg, m3=round(kg / g.between(120, 250), 3), hs=hs,
                        desc=desc, marks="N/M", value=round(kg * g.between(*usd), 2), cur="USD",
                        terms="prepaid", un="3481" if "BATTERIES" in desc else ""))
    g.r.shuffle(rows)
    kg = round(sum(r["kg"] for r in rows), 1)
    out.append([rec(doc_no=m, doc_type="AWB", **a.flight_base(fl), origin="CN", dest="DE",
                    shp="Sino-Euro Freight Forwarding Co., Ltd.", shp_addr="16F, 1088 Pudong Avenue, Shanghai",
                    shp_cty="CN", cne=agent[0], cne_addr=agent[1], cne_cty="DE", cntr="PMC52207CK",
                    pkgs=sum(r["pkgs"] for r in rows), pkg_type="PCS", kg=kg,
                    m3=round(sum(r["m3"] for r in rows), 3), hs="",
                    desc="CONSOLIDATION AS PER ATTACHED MANIFEST", marks="N/M", terms="prepaid")] + rows)

    # 9. Wildlife, yellow. Live royal pythons from Lomé via Addis Ababa: a
    # CITES permit to check. WILD-PRODUCTS (forced yellow): 40.
    fl = flight("ET3727")
    out.append([rec(doc_no=awb("071", 3308415), doc_type="AWB", **a.flight_base(fl, "TGLFW", ["ETADD"], dep=D(2026, 11, 22)),
                     origin="TG", dest="DE", shp="Togo Reptile Ranch SARL",
                    shp_addr="Route de Kpalimé Km 12, Lomé", shp_cty="TG",
                    cne="Terraristik Hoffmann GmbH", cne_addr="Gewerbepark 9, 63110 Rodgau", cne_cty="DE",
                    pkgs=6, pkg_type="BOXES", kg=48.0, m3=0.62, hs="01062000",
                    desc="LIVE REPTILES: ROYAL PYTHONS (PYTHON REGIUS), CAPTIVE BRED", marks="TH/1-6",
                    value=1450.0, cur="USD", terms="prepaid")])

    # 10. Tobacco, yellow. Loose black tea from Sharjah (a listed free zone)
    # to a trading company. TOB-COVER, ROUTE-HUB, CNEE-INTERMEDIARY: 45.
    fl = flight("EK9903")
    m = awb("176", 2290433)
    agent = AIR_AGENTS_DE[2]
    out.append([rec(doc_no=m, doc_type="AWB", **a.flight_base(fl, "AESHJ", ["AEDXB"]), origin="AE", dest="DE",
                    shp="Al Nahda Freight Services LLC", shp_addr="Sharjah Airport International Free Zone, Warehouse Q3-114, Sharjah",
                    shp_cty="AE", cne=agent[0], cne_addr=agent[1], cne_cty="DE", pkgs=64, pkg_type="PCS",
                    kg=652.0, m3=3.3, hs="", desc="CONSOLIDATION AS PER ATTACHED MANIFEST", marks="N/M",
                    terms="prepaid"),
                rec(doc_no="ANF20461173", master=m, doc_type="HAWB", **a.flight_base(fl, "AESHJ", ["AEDXB"]),
                    origin="AE", dest="DE", shp="Saffron Leaf Tea Packing FZE",
                    shp_addr="Warehouse Q4-27, SAIF Zone, Sharjah", shp_cty="AE",
                    cne="Rhein-Main Orient Trading GmbH", cne_addr="Gutleutstraße 220, 60327 Frankfurt am Main",
                    cne_cty="DE", notify=agent[0], pkgs=64, pkg_type="CTNS", kg=652.0, m3=3.3, hs="09024000",
                    desc="BLACK TEA, LOOSE, IN CARTONS", marks="RMO/1-64", value=2280.0, cur="USD",
                    terms="prepaid")])

    # 11. Data quality, yellow. A house waybill with a vague description, no
    # HS code, no shipper address and 0 pieces: it cannot be assessed.
    # DESC-VAGUE, HS-MISSING, ADDR-SHPR-INCOMPLETE, AIR-PLACI, DQ-FLAGS: 50.
    fl = flight("QR8207")
    m = awb("157", 8805126)
    agent = AIR_AGENTS_DE[1]
    hs_rows = [rec(doc_no="QAF11870221", master=m, doc_type="HAWB", **a.flight_base(fl, "INDEL", ["QADOH"], dep=D(2026, 11, 22)),
                    origin="IN", dest="DE", shp="Om Sai Overseas", shp_addr="", shp_cty="IN",
                   cne="Vogt Elektrotechnik GmbH", cne_addr="Falderbaumstraße 21, 34123 Kassel", cne_cty="DE",
                   notify=agent[0], pkgs=0, pkg_type="PCS", kg=214.0, m3=1.1, hs="",
                   desc="GENERAL CARGO", marks="N/M", value=1900.0, cur="USD", terms="prepaid")]
    for _ in range(5):
        desc, hs, kgpp, usd, trade = g.pick(AIR_B2B["IN"])
        shp, shp_addr, _ = a.parties.shipper("IN", trade, "INDEL")
        cne, cne_addr, cne_cty = a.parties.consignee(trade)
        pcs = g.int(2, 20)
        kg = round(pcs * g.between(*kgpp), 1)
        hs_rows.append(rec(doc_no=g.unique(lambda: "QAF1187" + g.digits(4)), master=m, doc_type="HAWB",
                           **a.flight_base(fl, "INDEL", ["QADOH"], dep=D(2026, 11, 22)),  origin="IN",
                           dest=cne_cty, shp=shp, shp_addr=shp_addr, shp_cty="IN", cne=cne, cne_addr=cne_addr,
                           cne_cty=cne_cty, notify=agent[0], pkgs=pcs, pkg_type="PCS", kg=kg,
                           m3=round(kg / g.between(120, 250), 3), hs=hs, desc=desc, marks="N/M",
                           value=round(kg * g.between(*usd), 2), cur="USD", terms="prepaid"))
    g.r.shuffle(hs_rows)
    kg = round(sum(r["kg"] for r in hs_rows), 1)
    out.append([rec(doc_no=m, doc_type="AWB", **a.flight_base(fl, "INDEL", ["QADOH"], dep=D(2026, 11, 22)),
                    origin="IN", dest="DE", shp="Qutub Air Freight Pvt. Ltd.",
                    shp_addr="Cargo Terminal 2, IGI Airport, New Delhi 110037", shp_cty="IN",
                    cne=agent[0], cne_addr=agent[1], cne_cty="DE", pkgs=sum(r["pkgs"] for r in hs_rows) + 3,
                    pkg_type="PCS", kg=kg, m3=round(sum(r["m3"] for r in hs_rows), 3), hs="",
                    desc="CONSOLIDATION AS PER ATTACHED MANIFEST", marks="N/M", terms="prepaid")] + hs_rows)

    # 12. Watch list, red. Rough diamonds from Dubai for Ardennes Diamonds BV
    # (watch list), going on to Antwerp. PARTY-WATCH: 60.
    fl = flight("EK9903")
    out.append([rec(doc_no=awb("176", 2290541), doc_type="AWB", **a.flight_base(fl), origin="AE", dest="BE",
                    shp="Deira Crown Gems DMCC", shp_addr="Unit 1907, Almas Tower, Jumeirah Lakes Towers, Dubai",
                    shp_cty="AE", cne="Ardennes Diamonds BV", cne_addr="Hoveniersstraat 30, 2018 Antwerpen",
                    cne_cty="BE", notify="", pkgs=1, pkg_type="BOX", kg=2.1, m3=0.003, hs="71021000",
                    desc="ROUGH DIAMONDS, UNSORTED, KP CERTIFICATE AE-2026-118840", marks="ADBV/1",
                    value=1850000.0, cur="USD", terms="prepaid")])
    return out


def build_air(seed):
    a = Air(seed)
    g = a.g
    bls = []
    plan = [
        # flight, origin, consolidations (n houses, ecom?), direct masters
        ("CK221", "CN", [(6, False)], 3),
        ("LH8407", "CN", [(7, False), (18, True)], 4),
        ("CX089", "HK", [(5, False)], 3),
        ("CA1045", "CN", [(22, True), (20, True)], 1),
        ("CX3211", "CN", [(15, True)], 0),
        ("EK9903", "AE", [], 2),
        ("QR8207", "IN", [(5, False)], 2, "INBOM", ["QADOH"]),
        ("TK6413", "TR", [(6, False)], 3),
        ("ET3727", "ET", [], 3),
        ("LA8074", "BR", [], 3),
        ("UA8960", "US", [(6, False)], 6),
        ("KE0529", "KR", [(5, False)], 3),
        ("SQ7328", "SG", [], 3),
        ("LH8231", "IN", [(6, False)], 3),
    ]
    # cargo flown in on connections: (flight, origin country, airport, via)
    feeders = [("EK9903", "IN", "INBOM", ["AEDXB"], 2), ("EK9903", "KE", "KENBO", ["AEDXB"], 2),
               ("QR8207", "LK", "LKCMB", ["QADOH"], 2), ("QR8207", "VN", "VNSGN", ["QADOH"], 2),
               ("LA8074", "PE", "PELIM", ["BRVCP"], 2), ("LA8074", "CO", "COBOG", ["BRVCP"], 2),
               ("LA8074", "EC", "ECUIO", ["BRVCP"], 1), ("ET3727", "KE", "KENBO", ["ETADD"], 1)]
    for code, cty, consols, directs, *route in plan:
        fl = flight(code)
        pol, via = route or (None, None)
        for n, ecom in consols:
            bls.append(a.consol(fl, cty, n, ecom=ecom, pol=pol, transit=via))
        for _ in range(directs):
            bls.append(a.direct(fl, cty, pol=pol, transit=via))
    for code, cty, apt, via, n in feeders:
        fl = flight(code)
        for _ in range(n):
            bls.append(a.direct(fl, cty, pol=apt, transit=via))
    g.r.shuffle(bls)
    planted = planted_air(a)
    for bl in planted:
        for r in bl:
            r["planted"] = True
    insert_planted(g, bls, planted)
    rows = [r for bl in bls for r in bl]
    return g, rows


def write_air(path, rows, marks):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(AIR_HEADER)
    for r in rows:
        row = air_row(r)
        if r is marks.get("date"):
            row[6] = "%02d-%s-%d" % (r["dep"].day, "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()[r["dep"].month - 1], r["dep"].year)
        w.writerow(row)
    data = buf.getvalue().encode("utf-8")
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as z:
        z.write(data)
    with open(path, "wb") as f:
        f.write(raw.getvalue())
    return len(rows)


def main(argv):
    outdir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))

    g, rows = build_sea(20261123, SEA_CALLS, "DEBRV", planted_sea)
    n = write_sea(os.path.join(outdir, "sea-2026-11-23.csv"), rows, blemish_sea(g, rows))
    print("sea-2026-11-23.csv: %d rows" % n)

    g, rows = build_sea(20261124, HAM_CALLS, "DEHAM", planted_hamburg)
    n = write_ham(os.path.join(outdir, "hamburg-2026-11-23.csv"), rows, blemish_sea(g, rows))
    print("hamburg-2026-11-23.csv: %d rows" % n)

    g, rows = build_air(20261125)
    plain = [r for r in rows if r["doc_type"] == "AWB" and not r.get("planted")
             and not r["desc"].startswith("CONSOL")]
    n = write_air(os.path.join(outdir, "air-2026-11-23.csv.gz"), rows, {"date": plain[len(plain) // 2]})
    print("air-2026-11-23.csv.gz: %d rows" % n)


if __name__ == "__main__":
    main(sys.argv)
