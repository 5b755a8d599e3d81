#!/usr/bin/env python3
"""Write lib/mt_iso_tables.c from Debian's iso-codes JSON files.

The tools must not read any file at run time to know a country or a
currency, so the ISO 3166-1 and ISO 4217 lists are compiled in. Run this
when iso-codes changes and commit its output:

    python3 lib/gen-iso-tables.py [-d /usr/share/iso-codes/json] [-o FILE]

Country names are matched by key: the name brought to upper-case ASCII
letters and digits by name_key() below, which mt_check.c repeats byte for
byte in C. The fold of accented Latin-1 letters is written into the
generated file so that both sides use one table. Keys that would name two
different countries are dropped, with a note on stderr: a wrong country is
worse than none.
"""

import argparse
import json
import os
import subprocess
import sys

JSON_DIR = "/usr/share/iso-codes/json"

# Must not exceed MT_ISO_KEY_MAX of mt_iso_tables.h; the generated file
# asserts it at compile time.
KEY_MAX = 64

# Usual names that are not in ISO 3166-1 but that sources write. Only
# names that cannot mean another country: no "Congo", "Guinea", "Virgin
# Islands" or "America".
ALIASES = [
    ("USA", "US"),
    ("UK", "GB"),
    ("Great Britain", "GB"),
    ("Britain", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Northern Ireland", "GB"),
    ("South Korea", "KR"),
    ("Korea", "KR"),
    ("North Korea", "KP"),
    ("DPRK", "KP"),
    ("Russia", "RU"),
    ("Iran", "IR"),
    ("Syria", "SY"),
    ("Vietnam", "VN"),
    ("Laos", "LA"),
    ("Lao PDR", "LA"),
    ("Taiwan", "TW"),
    ("Bolivia", "BO"),
    ("Venezuela", "VE"),
    ("Tanzania", "TZ"),
    ("Moldova", "MD"),
    ("Holland", "NL"),
    ("Czech Republic", "CZ"),
    ("Ivory Coast", "CI"),
    ("Macau", "MO"),
    ("Hong Kong", "HK"),
    ("UAE", "AE"),
    ("Emirates", "AE"),
    ("Turkey", "TR"),
    ("Turkiye", "TR"),
    ("Burma", "MM"),
    ("Cape Verde", "CV"),
    ("Swaziland", "SZ"),
    ("Macedonia", "MK"),
    ("Congo DR", "CD"),
    ("DR Congo", "CD"),
    ("DRC", "CD"),
    ("Democratic Republic of Congo", "CD"),
    ("Congo-Kinshasa", "CD"),
    ("Congo-Brazzaville", "CG"),
    ("Republic of Congo", "CG"),
    ("Palestine", "PS"),
    ("Vatican", "VA"),
    ("Vatican City", "VA"),
    ("Brunei", "BN"),
    ("East Timor", "TL"),
    ("Micronesia", "FM"),
    ("Bosnia", "BA"),
    ("Republic of Ireland", "IE"),
    ("Eire", "IE"),
    ("US Virgin Islands", "VI"),
]

# ASCII letters for the UTF-8 sequences C3 80 to C3 BF (U+00C0 to
# U+00FF), indexed by the second byte minus 0x80. Sources write names with
# and without accents ("Curaçao", "Curacao"); both must give one key.
FOLD_LATIN1 = [
    "A", "A", "A", "A", "A", "A", "AE", "C",    # U+00C0
    "E", "E", "E", "E", "I", "I", "I", "I",     # U+00C8
    "D", "N", "O", "O", "O", "O", "O", "",      # U+00D0, U+00D7 is x
    "O", "U", "U", "U", "U", "Y", "TH", "SS",   # U+00D8
    "A", "A", "A", "A", "A", "A", "AE", "C",    # U+00E0
    "E", "E", "E", "E", "I", "I", "I", "I",     # U+00E8
    "D", "N", "O", "O", "O", "O", "O", "",      # U+00F0, U+00F7 is /
    "O", "U", "U", "U", "U", "Y", "TH", "Y",    # U+00F8
]


def is_alnum(b):
    return 0x30 <= b <= 0x39 or 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A


def is_separator(b):
    return b < 0x80 and not is_alnum(b)


def name_key(text):
    """The matching key of a name, as mt_check.c computes it.

    Upper-case ASCII letters and digits; '&' reads as AND; accented
    Latin-1 letters fold to ASCII; other bytes are dropped; a leading
    article "the" is skipped ("The Gambia", "the State of Eritrea").
    """
    s = text.encode("utf-8")
    n = len(s)
    i = 0
    while i < n and is_separator(s[i]):
        i += 1
    if (i + 3 < n and s[i:i + 3].upper() == b"THE"
            and is_separator(s[i + 3])):
        i += 3
    key = []
    while i < n:
        b = s[i]
        if is_alnum(b):
            key.append(chr(b).upper())
        elif b == 0x26:
            key.append("AND")
        elif b == 0xC3 and i + 1 < n and 0x80 <= s[i + 1] <= 0xBF:
            i += 1
            key.append(FOLD_LATIN1[s[i] - 0x80])
        i += 1
    return "".join(key)


def unfolded(text):
    """Characters of text that name_key drops although they are letters."""
    return sorted({c for c in text
                   if ord(c) > 0x7F and not 0xC0 <= ord(c) <= 0xFF
                   and c.isalpha()})


def variants(name):
    """Other ways sources write an ISO name.

    "Korea, Republic of" is also "Republic of Korea"; "Falkland Islands
    (Malvinas)" also "Falkland Islands"; "Saint Lucia" also "St Lucia".
    """
    out = [name]
    if ", " in name:
        head, tail = name.split(", ", 1)
        if tail.endswith(" of") or tail.endswith(" of the"):
            out.append(tail + " " + head)
    if "(" in name and name.endswith(")"):
        out.append(name[:name.index("(")].strip())
    for v in list(out):
        if v.startswith("Saint "):
            out.append("St " + v[len("Saint "):])
    return out


def iso_codes_version():
    try:
        r = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", "iso-codes"],
            capture_output=True, text=True, check=False)
    except OSError:
        return None
    if r.returncode != 0 or not r.stdout.strip():
        return None
    return r.stdout.strip()


def note(msg):
    print("gen-iso-tables: " + msg, file=sys.stderr)


def c_string(s):
    """A C string literal; octal escapes, which stop after three digits."""
    if s is None:
        return "NULL"
    out = ['"']
    for b in s.encode("utf-8"):
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def load(json_dir):
    def read(name, top):
        with open(os.path.join(json_dir, name), encoding="utf-8") as f:
            return json.load(f)[top]

    countries = read("iso_3166-1.json", "3166-1")
    currencies = read("iso_4217.json", "4217")
    countries.sort(key=lambda c: c["alpha_2"])
    codes = sorted({c["alpha_3"] for c in currencies})
    for c in countries:
        if not (len(c["alpha_2"]) == 2 and c["alpha_2"].isascii()
                and c["alpha_2"].isupper()
                and len(c["alpha_3"]) == 3 and c["alpha_3"].isascii()
                and c["alpha_3"].isupper()):
            sys.exit("gen-iso-tables: bad country codes: %r" % c)
    for code in codes:
        if not (len(code) == 3 and code.isascii() and code.isupper()):
            sys.exit("gen-iso-tables: bad currency code: %r" % code)
    if len(countries) > 255:
        sys.exit("gen-iso-tables: more than 255 countries: widen the index")
    return countries, codes


def build_keys(countries):
    """Sorted (key, country index, alpha-2) of alpha-3 codes and names."""
    index = {c["alpha_2"]: i for i, c in enumerate(countries)}
    codes = {}      # key -> index, alpha-3 codes
    names = {}      # key -> set of indexes
    origin = {}     # key -> texts it came from, for the notes

    def add_name(text, i):
        if unfolded(text):
            note("letters %s of %r do not fold to ASCII"
                 % ("".join(unfolded(text)), text))
        k = name_key(text)
        if not k:
            return
        names.setdefault(k, set()).add(i)
        origin.setdefault(k, []).append("%s (%s)"
                                         % (text, countries[i]["alpha_2"]))

    for i, c in enumerate(countries):
        codes[c["alpha_3"]] = i
        for field in ("name", "official_name", "common_name"):
            if field in c:
                for v in variants(c[field]):
                    add_name(v, i)
    for text, a2 in ALIASES:
        if a2 not in index:
            sys.exit("gen-iso-tables: alias %r: no country %s" % (text, a2))
        add_name(text, index[a2])

    keys = {k: i for k, i in codes.items()}
    for k, owners in names.items():
        if len(k) > KEY_MAX:
            sys.exit("gen-iso-tables: key longer than %d: %s" % (KEY_MAX, k))
        if len(k) == 2 and k.isalpha() and k in index:
            # mt_country_lookup reads a two-letter key as an alpha-2 code.
            if owners != {index[k]}:
                note("dropped %s: it is the alpha-2 code of %s, not %s"
                     % (k, k, ", ".join(origin[k])))
            continue
        if k in codes:
            if owners != {codes[k]}:
                note("dropped name key %s: it is the alpha-3 code of %s, "
                     "not %s" % (k, countries[codes[k]]["alpha_2"],
                                 ", ".join(origin[k])))
            continue
        if len(owners) > 1:
            note("dropped key %s: ambiguous between %s"
                 % (k, ", ".join(origin[k])))
            continue
        keys[k] = next(iter(owners))
    # Byte order, which is strcmp's order for bsearch in mt_check.c.
    return sorted(((k, i, countries[i]["alpha_2"]) for k, i in keys.items()),
                  key=lambda e: e[0].encode("ascii"))


def write(out, countries, currencies, keys, version):
    w = out.write
    w("/*\n")
    w(" * ISO 3166-1 countries and ISO 4217 currencies for mt_check.\n")
    w(" * Generated by lib/gen-iso-tables.py from the JSON files of\n")
    if version:
        w(" * Debian's iso-codes package, version %s. Do not edit: run\n"
          % version)
    else:
        w(" * Debian's iso-codes package. Do not edit: run\n")
    w(" * python3 lib/gen-iso-tables.py again and commit its output.\n")
    w(" */\n")
    w('#include "config.h"\n\n')
    w("#include <stddef.h>\n#include <stdint.h>\n\n")
    w('#include "mt_iso_tables.h"\n\n')

    w("const struct mt_iso_country mt_iso_country[] = {\n")
    for c in countries:
        fields = [c_string(c["alpha_2"]), c_string(c["alpha_3"]),
                  c_string(c["name"]), c_string(c.get("official_name")),
                  c_string(c.get("common_name"))]
        line = "\t{ " + ", ".join(fields) + " },\n"
        if len(line) + 7 > 80:
            line = ("\t{ " + ", ".join(fields[:3]) + ",\n\t    "
                    + ",\n\t    ".join(fields[3:]) + " },\n")
        w(line)
    w("};\n")
    w("const size_t mt_iso_ncountry = %d;\n\n" % len(countries))

    index = [0] * (26 * 26)
    for i, c in enumerate(countries):
        a, b = (ord(x) - 65 for x in c["alpha_2"])
        index[a * 26 + b] = i + 1
    w("const unsigned char mt_iso_alpha2_index[26 * 26] = {\n")
    for a in range(26):
        row = index[a * 26:(a + 1) * 26]
        w("\t/* %s */\n" % chr(65 + a))
        w("\t" + ", ".join("%3d" % v for v in row[:13]) + ",\n")
        w("\t" + ", ".join("%3d" % v for v in row[13:]) + ",\n")
    w("};\n\n")

    w("const char mt_iso_currency[][4] = {\n")
    for j in range(0, len(currencies), 8):
        w("\t" + ", ".join(c_string(c) for c in currencies[j:j + 8]) + ",\n")
    w("};\n")
    w("const size_t mt_iso_ncurrency = %d;\n\n" % len(currencies))

    bits = [0] * (26 * 26)
    for code in currencies:
        a, b, c = (ord(x) - 65 for x in code)
        bits[a * 26 + b] |= 1 << c
    w("const uint32_t mt_iso_currency_set[26 * 26] = {\n")
    for a in range(26):
        w("\t/* %s */\n" % chr(65 + a))
        for j in range(0, 26, 6):
            row = bits[a * 26 + j:a * 26 + min(j + 6, 26)]
            w("\t" + ", ".join("0x%07x" % v for v in row) + ",\n")
    w("};\n\n")

    longest = max(len(k) for k, _, _ in keys)
    w("_Static_assert(%d <= MT_ISO_KEY_MAX, \"a key is longer than "
      "MT_ISO_KEY_MAX\");\n\n" % longest)
    w("const struct mt_iso_key mt_iso_key[] = {\n")
    for k, i, a2 in keys:
        w("\t{ %s, %d },\t/* %s */\n" % (c_string(k), i, a2))
    w("};\n")
    w("const size_t mt_iso_nkey = %d;\n\n" % len(keys))

    w("const char mt_iso_fold_latin1[64][3] = {\n")
    for j in range(0, 64, 8):
        w("\t" + ", ".join(c_string(f) for f in FOLD_LATIN1[j:j + 8]) + ",\n")
    w("};\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(
        description="Write the ISO tables of mt_check from iso-codes.")
    ap.add_argument("-d", "--json-dir", default=JSON_DIR,
                    help="directory of iso_3166-1.json and iso_4217.json "
                    "(default %(default)s)")
    ap.add_argument("-o", "--output",
                    default=os.path.join(here, "mt_iso_tables.c"),
                    help="file to write, '-' for stdout "
                    "(default lib/mt_iso_tables.c)")
    args = ap.parse_args()

    countries, currencies = load(args.json_dir)
    keys = build_keys(countries)
    version = iso_codes_version()
    if args.output == "-":
        write(sys.stdout, countries, currencies, keys, version)
        return
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        write(f, countries, currencies, keys, version)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
