//! Figures: percent, money, count, quantity, date, ordinal, multiplier.
//!
//! Works on the token stream in passes: dates first (so `كانون الثاني` is not an
//! ordinal), then numbers with what follows them (percent sign, currency,
//! unit, counted noun), then ordinals and multipliers in what is left.

use chrono::{Datelike, NaiveDate};
use khabar_core::{Figure, FigureValue};

use crate::numbers::{parse_at, Num};
use crate::text::{arabic_readings, Kind, Token};
use crate::words::WordSet;

pub(crate) struct Cx<'a> {
    pub chars: &'a [char],
    pub toks: &'a [Token],
    /// Tokens already used by an entity or another figure.
    pub used: Vec<bool>,
    pub published: Option<NaiveDate>,
    pub out: Vec<Figure>,
    /// Proclitic chars to skip at the start of a token when emitting (بثلاثة).
    pub lead: Option<(usize, usize)>,
    /// `593.000` is 593000 (Spanish, Russian), not 593.
    pub dot_thousands: bool,
    /// Countries the text names (first token, ISO 3166 alpha-2), in text order:
    /// they decide what a bare «ريال» or «دينار» is.
    pub countries: Vec<(usize, String)>,
    /// Named countries, demonyms and capitals (token, ISO code), sorted by
    /// token; found on first need.
    pub country_cues: std::cell::OnceCell<Vec<(usize, String)>>,
}

/// Countries whose currency name is shared (ريال، دينار…): demonym stems
/// (Arabic, inflected by [`country_cue`]) and other words that place a text there.
const COUNTRY_CUES: &[(&str, &[&str], &[&str])] = &[
    ("SA", &["سعودي"], &["الرياض", "جده", "saudi", "riyadh"]),
    ("QA", &["قطري"], &["الدوحه", "qatari", "doha"]),
    ("OM", &["عماني"], &["مسقط", "omani", "muscat"]),
    ("YE", &["يمني"], &["صنعاء", "عدن", "yemeni", "sanaa"]),
    ("IR", &["ايراني"], &["طهران", "iranian", "tehran"]),
    ("KW", &["كويتي"], &["kuwaiti"]),
    ("BH", &["بحريني"], &["المنامه", "bahraini", "manama"]),
    ("JO", &["اردني"], &["jordanian"]),
    ("IQ", &["عراقي"], &["بغداد", "iraqi", "baghdad"]),
    ("DZ", &["جزائري"], &["algerian", "algiers"]),
    ("TN", &["تونسي"], &["tunisian"]),
    ("LY", &["ليبي"], &["بنغازي", "libyan", "benghazi"]),
    ("RS", &["صربي"], &["بلغراد", "serbian", "belgrade"]),
    ("AE", &["اماراتي"], &["ابوظبي", "دبي", "emirati", "dubai"]),
    ("MA", &["مغربي"], &["الرباط", "moroccan", "rabat"]),
    ("EG", &["مصري"], &["القاهره", "egyptian", "cairo"]),
    ("GB", &["بريطاني"], &["لندن", "british", "london"]),
    ("SD", &["سوداني"], &["الخرطوم", "sudanese", "khartoum"]),
    ("LB", &["لبناني"], &["بيروت", "lebanese", "beirut"]),
    ("SY", &["سوري"], &["دمشق", "syrian", "damascus"]),
    (
        "TR",
        &["تركي"],
        &["انقره", "اسطنبول", "turkish", "ankara", "istanbul"],
    ),
    (
        "IN",
        &["هندي"],
        &["نيودلهي", "مومباي", "indian", "delhi", "mumbai"],
    ),
    ("NO", &["نرويجي"], &["اوسلو", "norwegian", "norway", "oslo"]),
    (
        "SE",
        &["سويدي"],
        &["ستوكهولم", "swedish", "sweden", "stockholm"],
    ),
    (
        "DK",
        &["دنماركي"],
        &["كوبنهاغن", "danish", "denmark", "copenhagen"],
    ),
    ("CZ", &["تشيكي"], &["براغ", "czech", "prague"]),
    (
        "PK",
        &["باكستاني"],
        &["كراتشي", "لاهور", "pakistani", "islamabad", "karachi"],
    ),
    ("ID", &["اندونيسي"], &["جاكرتا", "indonesian", "jakarta"]),
    ("LK", &["سريلانكي"], &["كولومبو", "colombo"]),
    ("NP", &["نيبالي"], &["كاتماندو", "kathmandu"]),
    ("MX", &["مكسيكي"], &["mexican"]),
    ("AR", &["ارجنتيني"], &["argentine", "argentinian"]),
    ("CL", &["تشيلي"], &["chilean"]),
    ("CO", &["كولومبي"], &["colombian"]),
    ("PH", &["فلبيني"], &["philippine", "filipino"]),
    ("CH", &["سويسري"], &["swiss"]),
    ("DJ", &["جيبوتي"], &["djiboutian"]),
    ("KM", &["قمري"], &["comorian"]),
    ("GN", &["غيني"], &["guinean"]),
    ("RW", &["رواندي"], &["rwandan"]),
    ("BI", &["بوروندي"], &["burundian"]),
    ("CD", &["كونغولي"], &["congolese"]),
    ("SN", &["سنغالي"], &["senegalese"]),
    ("CI", &["ايفواري"], &["ivorian"]),
    ("CM", &["كاميروني"], &["cameroonian"]),
    ("TD", &["تشادي"], &["chadian"]),
    ("GA", &["غابوني"], &["gabonese"]),
];

/// The country a normalised word places the text in (الإيرانية، طهران → IR).
fn country_cue(norm: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<crate::words::FxMap<String, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = crate::words::FxMap::default();
        for &(cc, stems, words) in COUNTRY_CUES {
            for stem in stems {
                for suffix in ["", "ه", "ين", "ون"] {
                    for article in ["", "ال"] {
                        m.insert(format!("{article}{stem}{suffix}"), cc);
                    }
                }
            }
            for w in words {
                m.insert((*w).to_string(), cc);
            }
        }
        m
    })
    .get(norm)
    .copied()
}

/// A currency name several countries use, written without its country
/// (`ريال`, `dinars`) → the country-specific codes it can stand for.
fn shared_currency(norm: &str) -> Option<&'static [(&'static str, &'static str)]> {
    const RIAL: &[(&str, &str)] = &[
        ("SA", "SAR"),
        ("QA", "QAR"),
        ("OM", "OMR"),
        ("YE", "YER"),
        ("IR", "IRR"),
    ];
    const DINAR: &[(&str, &str)] = &[
        ("KW", "KWD"),
        ("BH", "BHD"),
        ("JO", "JOD"),
        ("IQ", "IQD"),
        ("DZ", "DZD"),
        ("TN", "TND"),
        ("LY", "LYD"),
        ("RS", "RSD"),
    ];
    const DIRHAM: &[(&str, &str)] = &[("AE", "AED"), ("MA", "MAD")];
    const POUND: &[(&str, &str)] = &[
        ("EG", "EGP"),
        ("GB", "GBP"),
        ("SD", "SDG"),
        ("SS", "SSP"),
        ("LB", "LBP"),
        ("SY", "SYP"),
    ];
    const CROWN: &[(&str, &str)] = &[
        ("SE", "SEK"),
        ("NO", "NOK"),
        ("DK", "DKK"),
        ("CZ", "CZK"),
        ("IS", "ISK"),
    ];
    const LIRA: &[(&str, &str)] = &[("TR", "TRY"), ("LB", "LBP"), ("SY", "SYP")];
    const PESO: &[(&str, &str)] = &[
        ("MX", "MXN"),
        ("AR", "ARS"),
        ("CL", "CLP"),
        ("CO", "COP"),
        ("UY", "UYU"),
        ("PH", "PHP"),
        ("CU", "CUP"),
        ("DO", "DOP"),
    ];
    const FRANC: &[(&str, &str)] = &[
        ("CH", "CHF"),
        ("DJ", "DJF"),
        ("KM", "KMF"),
        ("GN", "GNF"),
        ("RW", "RWF"),
        ("BI", "BIF"),
        ("CD", "CDF"),
        ("SN", "XOF"),
        ("ML", "XOF"),
        ("CI", "XOF"),
        ("BF", "XOF"),
        ("NE", "XOF"),
        ("TG", "XOF"),
        ("BJ", "XOF"),
        ("GW", "XOF"),
        ("CM", "XAF"),
        ("GA", "XAF"),
        ("TD", "XAF"),
        ("CF", "XAF"),
        ("CG", "XAF"),
        ("GQ", "XAF"),
    ];
    const RUPEE: &[(&str, &str)] = &[
        ("IN", "INR"),
        ("PK", "PKR"),
        ("ID", "IDR"),
        ("LK", "LKR"),
        ("NP", "NPR"),
    ];
    const KWACHA: &[(&str, &str)] = &[("ZM", "ZMW"), ("MW", "MWK")];
    const SOM: &[(&str, &str)] = &[("KG", "KGS"), ("UZ", "UZS")];
    const SHILLING: &[(&str, &str)] = &[("KE", "KES"), ("UG", "UGX"), ("TZ", "TZS"), ("SO", "SOS")];
    Some(match norm {
        "kwacha" | "kwachas" | "كواشا" => KWACHA,
        "سوم" | "som" | "soms" | "soum" => SOM,
        "shilling" | "shillings" | "شلن" | "شلنات" | "شلنا" => SHILLING,
        "ريال" | "ريالا" | "ريالات" | "riyal" | "riyals" | "rial" | "rials" => RIAL,
        "دينار" | "دينارا" | "دنانير" | "dinar" | "dinars" => DINAR,
        "درهم" | "درهما" | "دراهم" | "dirham" | "dirhams" => DIRHAM,
        "جنيه" | "جنيها" | "جنيهات" => POUND,
        "crown" | "crowns" | "krone" | "kroner" | "kronor" | "كرونه" | "كرونات" => CROWN,
        "بيزو" | "بيزوات" | "peso" | "pesos" => PESO,
        "فرنك" | "فرنكا" | "فرنكات" | "franc" | "francs" => FRANC,
        "ليره" | "ليرات" | "lira" | "liras" => LIRA,
        "روبيه" | "روبيات" | "rupee" | "rupees" => RUPEE,
        _ => return None,
    })
}

/// Indefinite duals of common counted nouns: the word alone counts two (normalised).
static AR_DUAL_COUNTS: WordSet = WordSet::new(&[
    "عقدين",
    "قرنين",
    "نفقين",
    "مصنعين",
    "مشروعين",
    "عامين",
    "عامان",
    "سنتين",
    "سنتان",
    "شهرين",
    "شهران",
    "اسبوعين",
    "اسبوعان",
    "يومين",
    "يومان",
    "ساعتين",
    "ساعتان",
    "دقيقتين",
    "هدفين",
    "هدفان",
    "اتصالين",
    "جولتين",
    "مباراتين",
    // Nouns with broken plurals: their ين/ان form is only the dual.
    "طفلين",
    "طفلان",
    "رجلين",
    "رجلان",
    "شخصين",
    "شخصان",
    "مصرفين",
    "بنكين",
    "منزلين",
    "صاروخين",
    "جسرين",
    "حقلين",
    "بئرين",
    "خطين",
    "رائدين",
    "خفضين",
    "صفرين",
    "مطارين",
    "مقعدين",
    "قتيلين",
    "قتيلان",
    "جريحين",
    "ميناءين",
    "مستشفيين",
    "جنديين",
    "جنديان",
    "قاربين",
    "عضوين",
    "بندين",
    "مرسومين",
    "قرارين",
    "اجتماعين",
    "لقاءين",
]);

/// Words that never are the counted noun after a number (normalised): the
/// function words plus time and rate adverbs (سنويا، تقريبا) and pronoun forms.
static AR_FUNCTION: WordSet = WordSet::extending(
    crate::words::AR_FUNCTION_WORDS,
    &[
        "و",
        "سوي",
        "الا",
        "منها",
        "منه",
        "منهم",
        "عليها",
        "عليه",
        "فيها",
        "فيه",
        "لها",
        "له",
        "بها",
        "به",
        "غدا",
        "يوميا",
        "سنويا",
        "شهريا",
        "اسبوعيا",
        "تقريبا",
        "فقط",
        "فحسب",
        "حوالي",
        "قرابه",
        "اكثر",
        "اقل",
        "مقابل",
        "مقارنه",
        "بنسبه",
        "بقيمه",
        "بمقدار",
        "بواقع",
        "حسب",
        "بحسب",
        "ضمن",
        "تحت",
        "فوق",
        "اما",
        "وفي",
        "ومن",
        "والي",
        "وعلي",
        "بل",
        "مثل",
        "هم",
        "نحن",
        "وهو",
        "وهي",
        "الف",
        "صباحا",
        "مساء",
        "ظهرا",
        "فجرا",
        "ليلا",
        "بتوقيت",
    ],
);

pub(crate) static EN_FUNCTION: WordSet = WordSet::new(&[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "and",
    "or",
    "but",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "per",
    "than",
    "that",
    "which",
    "who",
    "it",
    "its",
    "this",
    "these",
    "those",
    "up",
    "down",
    "more",
    "less",
    "over",
    "under",
    "about",
    "after",
    "before",
    "since",
    "until",
    "when",
    "while",
    "during",
    "into",
    "out",
    "off",
    "between",
    "among",
    "percent",
    "pct",
    "a",
    "ago",
    "earlier",
    "later",
    "last",
    "next",
    "will",
    "would",
    "could",
    "can",
    "may",
    "so",
    "if",
    "not",
    "no",
    "yet",
    "still",
    "also",
    "against",
    "each",
    "all",
    "both",
    "or",
    "nor",
    "p",
    "m",
    "s",
    "says",
    "said",
    "on",
    "per",
    "cent",
    "vs",
    "versus",
    "through",
    "via",
    "like",
    "such",
    "including",
    "out",
]);

fn months_ar(w: &str) -> Option<u32> {
    Some(match w {
        "يناير" | "جانفي" => 1,
        "فبراير" | "شباط" | "فيفري" => 2,
        "مارس" | "اذار" => 3,
        "ابريل" | "نيسان" | "افريل" => 4,
        // Moroccan forms: ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر.
        "مايو" | "ايار" | "ماي" => 5,
        "يونيو" | "يونيه" | "حزيران" | "جوان" => 6,
        "يوليو" | "يوليه" | "تموز" | "جويليه" | "يوليوز" => 7,
        "اغسطس" | "اب" | "اوت" | "غشت" => 8,
        "سبتمبر" | "ايلول" | "شتنبر" => 9,
        "اكتوبر" => 10,
        "نوفمبر" | "نونبر" => 11,
        "ديسمبر" | "دجنبر" => 12,
        _ => return None,
    })
}

fn months_latin(w: &str) -> Option<u32> {
    Some(match w {
        "january" | "jan" | "enero" | "январь" | "января" | "январе" => 1,
        "february" | "feb" | "febrero" | "февраль" | "февраля" | "феврале" => {
            2
        }
        "march" | "mar" | "marzo" | "март" | "марта" | "марте" => 3,
        "april" | "apr" | "abril" | "апрель" | "апреля" | "апреле" => 4,
        "may" | "mayo" | "май" | "мая" | "мае" => 5,
        "june" | "jun" | "junio" | "июнь" | "июня" | "июне" => 6,
        "july" | "jul" | "julio" | "июль" | "июля" | "июле" => 7,
        "august" | "aug" | "agosto" | "август" | "августа" | "августе" => 8,
        "september" | "sep" | "sept" | "septiembre" | "сентябрь" | "сентября" | "сентябре" => {
            9
        }
        "october" | "oct" | "octubre" | "октябрь" | "октября" | "октябре" => {
            10
        }
        "november" | "nov" | "noviembre" | "ноябрь" | "ноября" | "ноябре" => 11,
        "december" | "dec" | "diciembre" | "декабрь" | "декабря" | "декабре" => {
            12
        }
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rel {
    None,
    Past,
    Next,
    Current,
}

fn rel_word(w: &str) -> Rel {
    match w {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "الفائت" | "الفائته" | "last"
        | "pasado" | "прошлого" | "прошлом" => Rel::Past,
        "المقبل"
        | "المقبله"
        | "القادم"
        | "القادمه"
        | "next"
        | "próximo"
        | "proximo"
        | "следующего"
        | "следующем" => Rel::Next,
        "الجاري" | "الجاريه" | "الحالي" | "الحاليه" | "this" | "current" | "este" | "этого"
        | "этом" | "текущего" => Rel::Current,
        _ => Rel::None,
    }
}

pub(crate) fn ordinal_ar(w: &str) -> Option<u32> {
    Some(match w {
        "الاول" | "الاولي" | "اول" | "اولي" => 1,
        "الثاني" | "الثانيه" | "ثاني" | "ثانيه" => 2,
        "الثالث" | "الثالثه" | "ثالث" | "ثالثه" => 3,
        "الرابع" | "الرابعه" | "رابع" | "رابعه" => 4,
        "الخامس" | "الخامسه" | "خامس" | "خامسه" => 5,
        "السادس" | "السادسه" | "سادس" | "سادسه" => 6,
        "السابع" | "السابعه" | "سابع" | "سابعه" => 7,
        "الثامن" | "الثامنه" | "ثامن" | "ثامنه" => 8,
        "التاسع" | "التاسعه" | "تاسع" | "تاسعه" => 9,
        "العاشر" | "العاشره" | "عاشر" | "عاشره" => 10,
        "الحادي" | "الحاديه" | "حادي" | "حاديه" => 11,
        _ => return None,
    })
}

/// Unit number words that take the article after a definite plural noun.
fn definite_number(w: &str) -> Option<f64> {
    Some(match w {
        "ثلاثه" => 3.0,
        "اربعه" => 4.0,
        "خمسه" => 5.0,
        "سته" => 6.0,
        "سبعه" => 7.0,
        "ثمانيه" => 8.0,
        "تسعه" => 9.0,
        "عشره" => 10.0,
        // Feminine forms, after a feminine or broken plural: "الدول الخمس".
        "ثلاث" => 3.0,
        "اربع" => 4.0,
        "خمس" => 5.0,
        "ست" => 6.0,
        "سبع" => 7.0,
        "ثماني" => 8.0,
        "تسع" => 9.0,
        "عشرين" => 20.0,
        "ثلاثين" => 30.0,
        "اربعين" => 40.0,
        "خمسين" => 50.0,
        "ستين" => 60.0,
        "سبعين" => 70.0,
        "ثمانين" => 80.0,
        "تسعين" => 90.0,
        "مئه" => 100.0,
        _ => return None,
    })
}

/// Tens in compound ordinals, after و: "الخامسة والأربعين".
fn ordinal_tens(w: &str) -> Option<f64> {
    Some(match w {
        "العشرين" => 20.0,
        "الثلاثين" => 30.0,
        "الاربعين" => 40.0,
        "الخمسين" => 50.0,
        "الستين" => 60.0,
        "السبعين" => 70.0,
        "الثمانين" => 80.0,
        "التسعين" => 90.0,
        // Nominative: "السادس والستون".
        "العشرون" => 20.0,
        "الثلاثون" => 30.0,
        "الاربعون" => 40.0,
        "الخمسون" => 50.0,
        "الستون" => 60.0,
        "السبعون" => 70.0,
        "الثمانون" => 80.0,
        "التسعون" => 90.0,
        _ => return None,
    })
}

fn ordinal_en(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fiftieth" => 50,
        "hundredth" => 100,
        _ => return None,
    })
}

/// Currency after a number: sequences of normalised tokens → ISO code.
const CURRENCIES: &[(&str, &str)] = &[
    ("دولار امريكي", "USD"),
    ("دولارا امريكيا", "USD"),
    ("دولار كندي", "CAD"),
    ("دولار استرالي", "AUD"),
    ("دولار سنغافوري", "SGD"),
    ("دولار هونغ كونغ", "HKD"),
    ("دولار", "USD"),
    ("دولارا", "USD"),
    ("دولارات", "USD"),
    ("يورو", "EUR"),
    ("يوروهات", "EUR"),
    ("روبل", "RUB"),
    ("روبلا", "RUB"),
    ("روبلات", "RUB"),
    ("ريال سعودي", "SAR"),
    ("ريالا سعوديا", "SAR"),
    ("ريال قطري", "QAR"),
    ("ريال عماني", "OMR"),
    ("ريال يمني", "YER"),
    ("ريال ايراني", "IRR"),
    ("ريال برازيلي", "BRL"),
    ("ريالا برازيليا", "BRL"),
    ("ريالات برازيلية", "BRL"),
    ("ريال", "SAR"),
    ("ريالا", "SAR"),
    ("ريالات", "SAR"),
    ("جنيه مصري", "EGP"),
    ("جنيها مصريا", "EGP"),
    ("جنيه استرليني", "GBP"),
    ("جنيها استرلينيا", "GBP"),
    ("جنيه سوداني", "SDG"),
    ("جنيه", "EGP"),
    ("جنيها", "EGP"),
    ("جنيهات", "EGP"),
    ("ليره تركيه", "TRY"),
    ("ليره لبنانيه", "LBP"),
    ("ليره سوريه", "SYP"),
    ("ليره", "TRY"),
    ("ليرات", "TRY"),
    ("درهم اماراتي", "AED"),
    ("درهما اماراتيا", "AED"),
    ("درهم مغربي", "MAD"),
    ("درهم", "AED"),
    ("درهما", "AED"),
    ("دراهم", "AED"),
    ("دينار كويتي", "KWD"),
    ("دينارا كويتيا", "KWD"),
    ("دينار بحريني", "BHD"),
    ("دينار اردني", "JOD"),
    ("دينار عراقي", "IQD"),
    ("دينار جزائري", "DZD"),
    ("دينار تونسي", "TND"),
    ("دينار ليبي", "LYD"),
    ("دينار", "KWD"),
    ("دينارا", "KWD"),
    ("دنانير", "KWD"),
    ("تينغي", "KZT"),
    ("تنغي", "KZT"),
    ("تينغ", "KZT"),
    ("يوان", "CNY"),
    ("دونغ", "VND"),
    ("ين ياباني", "JPY"),
    ("ين", "JPY"),
    ("روبيه هنديه", "INR"),
    ("روبيه اندونيسيه", "IDR"),
    ("روبيه باكستانيه", "PKR"),
    ("روبيه", "INR"),
    ("سوم", "KGS"),
    // The Bulgarian lev (ليف بلغاري), after a number.
    ("ليف", "BGN"),
    // The Ghanaian cedi (CLDR: سيدي غاني), after a number.
    ("سيدي", "GHS"),
    ("سيديا", "GHS"),
    ("فرنك سويسري", "CHF"),
    ("فرنك افريقي", "XOF"),
    ("فرنكات افريقيه", "XOF"),
    ("فرنك سيفا", "XOF"),
    ("فرنك", "CHF"),
    ("شيكل", "ILS"),
    ("شيكلا", "ILS"),
    ("شيكلات", "ILS"),
    ("شواكل", "ILS"),
    ("وون", "KRW"),
    ("هريفنا", "UAH"),
    ("هريفنيا", "UAH"),
    ("بيزو", "MXN"),
    ("راند", "ZAR"),
    ("اوقيه", "MRU"),
    ("اوقيات", "MRU"),
    ("ouguiya", "MRU"),
    ("ouguiyas", "MRU"),
    ("سنتا", "USD/100"),
    ("سنت", "USD/100"),
    ("سنتات", "USD/100"),
    ("هلله", "SAR/100"),
    ("قرشا", "EGP/100"),
    ("قرش", "EGP/100"),
    ("قروش", "EGP/100"),
    ("كوبيك", "RUB/100"),
    ("euro cents", "EUR/100"),
    ("cents", "USD/100"),
    ("cent", "USD/100"),
    ("копеек", "RUB/100"),
    ("копейки", "RUB/100"),
    ("копейка", "RUB/100"),
    ("céntimos", "EUR/100"),
    ("us dollars", "USD"),
    ("canadian dollars", "CAD"),
    ("australian dollars", "AUD"),
    ("hong kong dollars", "HKD"),
    ("singapore dollars", "SGD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("egyptian pounds", "EGP"),
    ("lebanese pounds", "LBP"),
    ("sudanese pounds", "SDG"),
    ("norwegian crowns", "NOK"),
    ("swedish crowns", "SEK"),
    ("danish crowns", "DKK"),
    ("czech crowns", "CZK"),
    ("crowns", "SEK"),
    ("crown", "SEK"),
    ("kroner", "NOK"),
    ("krone", "NOK"),
    ("kronor", "SEK"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("rupiah", "IDR"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("rouble", "RUB"),
    ("ruble", "RUB"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("rials", "IRR"),
    ("rial", "IRR"),
    ("riyals", "SAR"),
    ("riyal", "SAR"),
    ("dirhams", "AED"),
    ("dirham", "AED"),
    ("tenge", "KZT"),
    ("won", "KRW"),
    ("reais", "BRL"),
    ("rand", "ZAR"),
    ("naira", "NGN"),
    ("swiss francs", "CHF"),
    ("francs", "CHF"),
    ("shekels", "ILS"),
    ("ringgit", "MYR"),
    ("baht", "THB"),
    ("pesos", "MXN"),
    ("dinars", "KWD"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("rub", "RUB"),
    ("sar", "SAR"),
    ("aed", "AED"),
    ("egp", "EGP"),
    ("cny", "CNY"),
    ("jpy", "JPY"),
    ("inr", "INR"),
    ("idr", "IDR"),
    ("try", "TRY"),
    ("kzt", "KZT"),
    ("рублей", "RUB"),
    ("рубля", "RUB"),
    ("рубль", "RUB"),
    ("долларов", "USD"),
    ("доллара", "USD"),
    ("доллар", "USD"),
    ("евро", "EUR"),
    ("юаней", "CNY"),
    ("de dólares", "USD"),
    ("dólares", "USD"),
    ("de euros", "EUR"),
    ("de pesos", "MXN"),
];

/// ISO 4217 codes news writes before an amount (lowercased token).
fn iso_code_before(w: &str) -> Option<&'static str> {
    Some(match w {
        "aed" => "AED",
        "sar" => "SAR",
        "qar" => "QAR",
        "kwd" => "KWD",
        "bhd" => "BHD",
        "omr" => "OMR",
        "egp" => "EGP",
        "jod" => "JOD",
        "gbp" => "GBP",
        "chf" => "CHF",
        "jpy" => "JPY",
        "cny" => "CNY",
        "rub" => "RUB",
        "inr" => "INR",
        "try" => "TRY",
        "php" => "PHP",
        "mad" => "MAD",
        "dzd" => "DZD",
        "tnd" => "TND",
        "iqd" => "IQD",
        _ => return None,
    })
}

/// Currency symbols written before the number.
fn prefix_currency(toks: &[Token], i: usize) -> Option<(&'static str, usize)> {
    if i == 0 {
        return None;
    }
    let p = &toks[i - 1];
    let code = match p.norm.as_str() {
        "$" => {
            if i >= 2 && !p.space_before {
                match toks[i - 2].norm.as_str() {
                    "us" => return Some(("USD", i - 2)),
                    "a" => return Some(("AUD", i - 2)),
                    "c" => return Some(("CAD", i - 2)),
                    "hk" => return Some(("HKD", i - 2)),
                    "s" => return Some(("SGD", i - 2)),
                    "r" => return Some(("BRL", i - 2)),
                    _ => {}
                }
            }
            "USD"
        }
        "€" => "EUR",
        "£" => "GBP",
        "₹" | "rs" => "INR",
        "₽" => "RUB",
        "₺" => "TRY",
        "¥" => "JPY",
        "rp" => "IDR",
        "usd" => "USD",
        "eur" => "EUR",
        // "AED 2.7 billion", "SAR 5.6 billion": an ISO code written first.
        w if p.kind == Kind::Alpha && p.cap && w.len() == 3 => iso_code_before(w)?,
        _ => return None,
    };
    Some((code, i - 1))
}

/// Units after a number → (unit, tokens of the unit phrase).
const UNITS: &[(&str, &str)] = &[
    ("برميل يوميا", "bbl/d"),
    ("برميل من النفط يوميا", "bbl/d"),
    ("برميل نفط يوميا", "bbl/d"),
    ("برميل من الخام يوميا", "bbl/d"),
    ("برميل من النفط في اليوم", "bbl/d"),
    ("برميل يوميا من النفط", "bbl/d"),
    ("برميل في اليوم", "bbl/d"),
    ("براميل يوميا", "bbl/d"),
    ("برميلا يوميا", "bbl/d"),
    ("barrels per day", "bbl/d"),
    ("barrels a day", "bbl/d"),
    ("barrels of oil per day", "bbl/d"),
    ("barrels of oil a day", "bbl/d"),
    ("bpd", "bbl/d"),
    ("b / d", "bbl/d"),
    ("برميل", "bbl"),
    ("براميل", "bbl"),
    ("برميلا", "bbl"),
    ("barrels", "bbl"),
    ("barrel", "bbl"),
    ("طن", "t"),
    ("طنا", "t"),
    ("اطنان", "t"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("tonne", "t"),
    ("ton", "t"),
    ("metric tons", "t"),
    ("كيلوغرام", "kg"),
    ("كيلوغراما", "kg"),
    ("كيلوغرامات", "kg"),
    ("كيلوجرام", "kg"),
    ("كيلوجراما", "kg"),
    ("كلغ", "kg"),
    ("كغ", "kg"),
    ("كجم", "kg"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilogrammes", "kg"),
    ("kilos", "kg"),
    ("كيلومتر مربع", "km2"),
    ("كيلومترا مربعا", "km2"),
    ("كيلومترات مربعه", "km2"),
    ("كم مربع", "km2"),
    ("km2", "km2"),
    ("km ²", "km2"),
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("sq km", "km2"),
    ("كيلومتر", "km"),
    ("كيلومترا", "km"),
    ("كيلومترات", "km"),
    ("كم", "km"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("متر مكعب", "m3"),
    ("مترا مكعبا", "m3"),
    ("امتار مكعبه", "m3"),
    ("م3", "m3"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("m3", "m3"),
    ("m ³", "m3"),
    ("bcm", "m3"),
    ("متر", "m"),
    ("مترا", "m"),
    ("امتار", "m"),
    ("metres", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("meters", "m"),
    ("ميغاواط", "MW"),
    ("ميجاواط", "MW"),
    ("ميغاوات", "MW"),
    ("ميجاوات", "MW"),
    ("mw", "MW"),
    ("megawatts", "MW"),
    ("megawatt", "MW"),
    ("غيغاواط", "GW"),
    ("جيغاواط", "GW"),
    ("غيغاوات", "GW"),
    ("جيجاوات", "GW"),
    ("جيجاواط", "GW"),
    ("gw", "GW"),
    ("gigawatts", "GW"),
    ("gigawatt", "GW"),
    ("كيلوواط ساعه", "kWh"),
    ("كيلوواط في الساعه", "kWh"),
    ("kwh", "kWh"),
    ("kilowatt - hours", "kWh"),
    ("kilowatt hours", "kWh"),
    ("درجه مئويه", "C"),
    ("درجات مئويه", "C"),
    ("درجه مئويه تحت الصفر", "-C"),
    ("درجات مئويه تحت الصفر", "-C"),
    ("درجه تحت الصفر", "-C"),
    ("درجات تحت الصفر", "-C"),
    ("degrees celsius", "C"),
    ("degrees c", "C"),
    ("° c", "C"),
    ("°c", "C"),
    ("هكتار", "ha"),
    ("هكتارا", "ha"),
    ("هكتارات", "ha"),
    ("hectares", "ha"),
    ("ha", "ha"),
    ("тонн", "t"),
    ("тонны", "t"),
    ("км", "km"),
    ("баррелей в сутки", "bbl/d"),
    ("кубометров", "m3"),
    ("toneladas", "t"),
];

pub(crate) fn norm_seq(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    crate::text::tokenize(&chars)
        .into_iter()
        .map(|t| t.norm.to_string())
        .collect()
}

/// A phrase table compiled to token sequences, longest first.
pub(crate) struct Table {
    /// Rows by their first token, longest first.
    rows: crate::words::FxMap<String, Vec<(Vec<String>, &'static str)>>,
}

impl Table {
    pub(crate) fn new(rows: &[(&str, &'static str)]) -> Table {
        let mut map: crate::words::FxMap<String, Vec<(Vec<String>, &'static str)>> =
            Default::default();
        for (k, v) in rows {
            let seq = norm_seq(k);
            if let Some(first) = seq.first() {
                map.entry(first.clone()).or_default().push((seq, *v));
            }
        }
        for v in map.values_mut() {
            v.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
        }
        Table { rows: map }
    }

    /// Longest row matching at token `i` → (value, end token).
    fn at(&self, toks: &[Token], i: usize) -> Option<(&'static str, usize)> {
        let rows = self.rows.get(toks.get(i)?.norm.as_str())?;
        'rows: for (seq, v) in rows {
            if i + seq.len() > toks.len() {
                continue;
            }
            for (k, w) in seq.iter().enumerate() {
                let t = &toks[i + k];
                if t.kind == Kind::Break || t.norm != *w {
                    continue 'rows;
                }
            }
            return Some((v, i + seq.len()));
        }
        None
    }
}

/// Currency names generated from CLDR (`data/currencies.tsv`, by
/// `scripts/gen_currencies.py`), after the curated rows, which win on a tie.
const CLDR_CURRENCIES: &str = include_str!("../data/currencies.tsv");

fn currency_rows() -> Vec<(&'static str, &'static str)> {
    let generated = CLDR_CURRENCIES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'));
    CURRENCIES.iter().copied().chain(generated).collect()
}

pub(crate) struct Tables {
    currencies: Table,
    units: Table,
}

impl Tables {
    pub(crate) fn new() -> Tables {
        Tables {
            currencies: Table::new(&currency_rows()),
            units: Table::new(UNITS),
        }
    }
}

/// Remove float noise from scaled values: 4.1 × 10⁹ is 4100000000, not 4099999999.9999995.
fn tidy(v: f64) -> f64 {
    let r = v.round();
    if v.abs() >= 1000.0 && (v - r).abs() <= 1e-6 * v.abs() {
        return r;
    }
    let r = (v * 1e6).round() / 1e6;
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// Gregorian date of a day in the tabular (arithmetic) Islamic calendar;
/// within a day or two of the observed calendars (Umm al-Qura) news uses.
fn hijri_to_gregorian(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    if y < 1 {
        return None;
    }
    let julian_day = (11 * y + 3) / 30 + 354 * y + 30 * m - (m - 1) / 2 + d + 1_948_440 - 385;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(julian_day - 1_721_425).ok()?)
}

/// A definite plural noun (normalised): sound plurals (المباريات، اللاعبين)
/// and the أفعلة broken plural (الأندية).
fn is_definite_plural(w: &str) -> bool {
    let Some(b) = w.strip_prefix("ال") else {
        return false;
    };
    let n = b.chars().count();
    n >= 4
        && (b.ends_with("ات")
            || b.ends_with("ين") && n >= 5
            || b.ends_with("ون") && n >= 5
            || b.starts_with('ا') && b.ends_with('ه') && n == 5
            || matches!(b, "دول" | "فرق" | "اندي" | "شركات"))
}

/// An Arabic comparative, أفعل: اكبر، اسرع، اعلي، اكثر (normalised).
fn is_comparative(w: &str) -> bool {
    w.starts_with('ا') && w.chars().count() == 4 && !w.starts_with("ال")
        || matches!(w, "اكثر" | "اقل" | "اشد" | "اعلي" | "ادني")
}

fn is(t: Option<&Token>, words: &[&str]) -> bool {
    t.is_some_and(|t| words.contains(&t.norm.as_str()))
}

impl Cx<'_> {
    fn text(&self, a: usize, b: usize) -> (usize, usize, String) {
        let s = self.toks[a].start;
        let e = self.toks[b - 1].end;
        (s, e, self.chars[s..e].iter().collect())
    }

    fn free(&self, a: usize, b: usize) -> bool {
        b <= self.toks.len() && (a..b).all(|k| !self.used[k] && self.toks[k].kind != Kind::Break)
    }

    fn push(&mut self, a: usize, b: usize, kind: &str, value: FigureValue, unit: Option<String>) {
        if a >= b || !self.free(a, b) {
            return;
        }
        let (mut start, end, mut text) = self.text(a, b);
        if let Some((tok, k)) = self.lead {
            if tok == a && k > 0 {
                let t = &self.toks[a];
                start = crate::text::skip_norm_chars(self.chars, t.start, t.end, k);
                text = self.chars[start..end].iter().collect();
            }
        }
        for k in a..b {
            self.used[k] = true;
        }
        let value = match value {
            FigureValue::Number(v) => FigureValue::Number(tidy(v)),
            v => v,
        };
        self.out.push(Figure {
            kind: kind.to_string(),
            text,
            start,
            end,
            value,
            unit,
        });
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// Month name at `i` → (month, end token, ambiguous word).
    fn month_at(&self, i: usize) -> Option<(u32, usize, bool)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Arabic => {
                let n = self.tok(i + 1).map(|t| t.norm.as_str());
                let two = match (t.norm.as_str(), n) {
                    ("كانون", Some("الثاني")) => Some(1),
                    ("كانون", Some("الاول")) => Some(12),
                    ("تشرين", Some("الاول")) => Some(10),
                    ("تشرين", Some("الثاني")) => Some(11),
                    _ => None,
                };
                if let Some(m) = two {
                    return Some((m, i + 2, false));
                }
                let m = months_ar(&t.norm)?;
                Some((m, i + 1, matches!(t.norm.as_str(), "مارس" | "اب" | "اوت")))
            }
            Kind::Alpha => {
                let m = months_latin(&t.norm)?;
                let latin = t.norm.is_ascii();
                if latin && !t.cap {
                    return None;
                }
                let mut end = i + 1;
                if t.norm.len() <= 4
                    && !matches!(t.norm.as_str(), "june" | "july" | "may")
                    && latin
                    && is(self.tok(end), &["."])
                    && !self.toks[end].space_before
                {
                    end += 1;
                } else if latin
                    && t.norm.len() == 3
                    && t.norm != "may"
                    && self.day_value(end).is_none()
                {
                    // "Oct 30" (a dateline) is a date; "Jan" alone may be a name.
                    return None;
                }
                Some((m, end, t.norm == "may" || t.norm == "march"))
            }
            _ => None,
        }
    }

    /// A dual word at `i` (after `k` proclitic chars) counts two of itself.
    fn push_dual(&mut self, i: usize, k: usize) {
        let t = &self.toks[i];
        let s = crate::text::skip_norm_chars(self.chars, t.start, t.end, k);
        let unit: String = self.chars[s..t.end].iter().collect();
        self.push(i, i + 1, "count", FigureValue::Number(2.0), Some(unit));
    }

    /// A verb of doubling (تضاعف، مضاعفة، ضاعفت) earlier in the clause, up to
    /// eight words back.
    fn doubling_before(&self, i: usize) -> bool {
        (i.saturating_sub(8)..i)
            .rev()
            .take_while(|&k| {
                self.toks[k].kind != Kind::Break
                    && !matches!(self.toks[k].norm.as_str(), "." | "،" | ",")
            })
            .any(|k| self.toks[k].norm.contains("ضاعف"))
    }

    /// A comparative right before, the number written with ب: "أسرع بمرتين",
    /// "أكبر بثلاث مرات".
    fn comparative_before(&self, i: usize) -> bool {
        i > 0 && self.toks[i].norm.starts_with('ب') && is_comparative(&self.toks[i - 1].norm)
    }

    fn year_value(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number
            || t.norm.len() != 4
            || !t.norm.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let y: i32 = t.norm.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    }

    fn day_value(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || t.norm.len() > 2 || !t.norm.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let d: u32 = t.norm.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    fn resolve(&self, year: Option<i32>, month: u32, day: Option<u32>, rel: Rel) -> Option<String> {
        let year = match (year, self.published) {
            (Some(y), _) => Some(y),
            (None, Some(p)) => {
                let (py, pm) = (p.year(), p.month());
                Some(match rel {
                    Rel::Past => {
                        if month < pm {
                            py
                        } else {
                            py - 1
                        }
                    }
                    Rel::Next => {
                        if month > pm {
                            py
                        } else {
                            py + 1
                        }
                    }
                    Rel::Current | Rel::None => py,
                })
            }
            (None, None) => None,
        };
        Some(match (year, day) {
            (Some(y), Some(d)) => {
                NaiveDate::from_ymd_opt(y, month, d)?;
                format!("{y:04}-{month:02}-{d:02}")
            }
            (Some(y), None) => format!("{y:04}-{month:02}"),
            (None, Some(d)) => format!("--{month:02}-{d:02}"),
            (None, None) => format!("--{month:02}"),
        })
    }

    /// Relative year/month phrase at `i` (العام الماضي, this year...).
    fn relative_at(&self, i: usize) -> Option<(usize, usize, String)> {
        let p = self.published?;
        let t = self.tok(i)?;
        let first = t.norm.as_str();
        let (unit, rel, start_skip, end) = if t.kind == Kind::Arabic {
            let n = self.tok(i + 1)?;
            if matches!(first, "هذا" | "هذه") {
                let u = match n.norm.as_str() {
                    "العام" | "السنه" => 'y',
                    "الشهر" => 'm',
                    _ => return None,
                };
                (u, Rel::Current, 0, i + 2)
            } else {
                let mut found = None;
                for (k, w) in arabic_readings(first) {
                    let u = match w {
                        "العام" | "السنه" => 'y',
                        "الشهر" => 'm',
                        _ => continue,
                    };
                    found = Some((u, k));
                    break;
                }
                let (u, k) = found?;
                let r = rel_word(&n.norm);
                if r == Rel::None {
                    return None;
                }
                (u, r, k, i + 2)
            }
        } else if t.kind == Kind::Alpha {
            let r = rel_word(first);
            if r == Rel::None || !first.is_ascii() {
                return None;
            }
            let n = self.tok(i + 1)?;
            let u = match n.norm.as_str() {
                "year" => 'y',
                "month" => 'm',
                _ => return None,
            };
            (u, r, 0, i + 2)
        } else {
            return None;
        };
        let _ = start_skip;
        let delta = match rel {
            Rel::Past => -1,
            Rel::Next => 1,
            _ => 0,
        };
        let v = if unit == 'y' {
            format!("{:04}", p.year() + delta)
        } else {
            let total = p.year() * 12 + p.month0() as i32 + delta;
            format!(
                "{:04}-{:02}",
                total.div_euclid(12),
                total.rem_euclid(12) + 1
            )
        };
        Some((i, end, v))
    }

    /// Hijri month name at `i` (محرم … ذو الحجة) → (month, end token).
    fn hijri_month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.tok(i)?.norm.as_str();
        let next = self.tok(i + 1).map_or("", |t| t.norm.as_str());
        let two = |m: u32| Some((m, i + 2));
        let m = match w {
            "محرم" => 1,
            "صفر" => 2,
            "رجب" => 7,
            "شعبان" => 8,
            "رمضان" => 9,
            "شوال" => 10,
            "ربيع" => {
                return match next {
                    "الاول" => two(3),
                    "الثاني" | "الاخر" => two(4),
                    _ => None,
                }
            }
            "جمادي" => {
                return match next {
                    "الاولي" => two(5),
                    "الاخره" | "الثانيه" => two(6),
                    _ => None,
                }
            }
            "ذو" | "ذي" => {
                return match next {
                    "القعده" => two(11),
                    "الحجه" => two(12),
                    _ => None,
                }
            }
            _ => return None,
        };
        Some((m, i + 1))
    }

    /// Hijri date at `i`: day, month name, optional year and era mark
    /// (`15 رمضان 1447 هـ`) → (start, end, Gregorian ISO date). The month names
    /// double as personal names (رجب، رمضان، شعبان), so a day number must lead.
    /// A year-less date is placed in the Hijri year nearest `published`; without
    /// `published` it has no Gregorian reading and the value is `None` (the
    /// span is still a date, never a count).
    fn hijri_at(&self, i: usize) -> Option<(usize, usize, Option<String>)> {
        let d = self.day_value(i).filter(|&d| d <= 30)?;
        let (m, mut j) = self.hijri_month_at(i + 1)?;
        let mut year = None;
        if let Some(t) = self.tok(j) {
            if t.kind == Kind::Number && t.norm.len() == 4 {
                if let Some(y) = t
                    .norm
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1300..=1600).contains(y))
                {
                    year = Some(y);
                    j += 1;
                }
            }
        }
        if is(self.tok(j), &["ه", "هجري", "هجريه", "للهجره"]) {
            j += 1;
        }
        let date = match (year, self.published) {
            (Some(y), _) => hijri_to_gregorian(y, m, d),
            (None, Some(p)) => {
                // The Hijri year `published` falls in, as a year-less Gregorian
                // date takes the year of `published`. Hijri years are ~354 days:
                // 33 of them for every 32 Gregorian ones.
                let approx = (p.year() - 622) * 33 / 32;
                let year = (approx - 1..=approx + 2)
                    .rev()
                    .find(|&y| hijri_to_gregorian(y, 1, 1).is_some_and(|new_year| new_year <= p))?;
                hijri_to_gregorian(year, m, d)
            }
            (None, None) => None,
        };
        Some((i, j, date.map(|g| g.format("%Y-%m-%d").to_string())))
    }

    fn dates(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.used[i] {
                i += 1;
                continue;
            }
            if let Some((a, b, v)) = self.hijri_at(i) {
                if self.free(a, b) {
                    match v {
                        Some(v) => self.push(a, b, "date", FigureValue::Text(v), None),
                        None => self.used[a..b].iter_mut().for_each(|u| *u = true),
                    }
                    i = b;
                    continue;
                }
            }
            if let Some((a, b, v)) = self.relative_at(i) {
                if self.free(a, b) {
                    self.push(a, b, "date", FigureValue::Text(v), None);
                    i = b;
                    continue;
                }
            }
            if let Some((a, b, v)) = self.date_at(i) {
                if self.free(a, b) {
                    self.push(a, b, "date", FigureValue::Text(v), None);
                    i = b;
                    continue;
                }
            }
            // "12 و13 ديسمبر", "12-13 December", "من 13 إلى 20 ديسمبر": the first
            // day shares the month.
            if let (Some(d), true) = (
                self.day_value(i),
                is(
                    self.tok(i + 1),
                    &["و", "-", "–", "and", "الي", "حتي", "to", "until", "through"],
                ),
            ) {
                if let Some((a, b, v)) = self.date_at(i + 2) {
                    let day_first = a == i + 2 && v.len() >= 5 && self.day_value(a).is_some();
                    if day_first && self.free(i, i + 1) && self.free(a, b) {
                        let first = format!("{}{d:02}", &v[..v.len() - 2]);
                        self.push(i, i + 1, "date", FigureValue::Text(first), None);
                        self.push(a, b, "date", FigureValue::Text(v), None);
                        i = b;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// Numeric dates: 26/11/2025, 2025-11-26.
    fn numeric_date_at(&self, i: usize) -> Option<(usize, usize, String)> {
        let sep = |k: usize| {
            self.tok(k)
                .filter(|t| matches!(t.norm.as_str(), "/" | "-" | ".") && !t.space_before)
                .map(|t| t.norm.clone())
        };
        let glued = |k: usize| self.tok(k).is_some_and(|t| !t.space_before);
        if let Some(y) = self.year_value(i) {
            let s1 = sep(i + 1)?;
            let m = self.day_value(i + 2)?;
            if s1 == "-" && sep(i + 3).as_deref() == Some("-") && glued(i + 4) {
                let d = self.day_value(i + 4)?;
                NaiveDate::from_ymd_opt(y, m, d)?;
                return Some((i, i + 5, format!("{y:04}-{m:02}-{d:02}")));
            }
            return None;
        }
        let d = self.day_value(i)?;
        let s1 = sep(i + 1)?;
        let m = self.day_value(i + 2)?;
        if sep(i + 3).as_deref() != Some(s1.as_str()) || !glued(i + 4) {
            return None;
        }
        let y = self.year_value(i + 4)?;
        NaiveDate::from_ymd_opt(y, m, d)?;
        Some((i, i + 5, format!("{y:04}-{m:02}-{d:02}")))
    }

    /// "من العام نفسه", "من نفس العام", "من العام ذاته" at `j` → end token.
    fn same_year_at(&self, j: usize) -> Option<usize> {
        if !is(self.tok(j), &["من"]) {
            return None;
        }
        let year_word = ["العام", "السنه"];
        if is(self.tok(j + 1), &year_word)
            && is(self.tok(j + 2), &["نفسه", "ذاته", "نفسها", "ذاتها"])
        {
            return Some(j + 3);
        }
        (is(self.tok(j + 1), &["نفس"]) && is(self.tok(j + 2), &year_word)).then_some(j + 3)
    }

    /// The year of the last date found with one.
    fn last_year(&self) -> Option<i32> {
        self.out
            .iter()
            .rev()
            .find_map(|f| match (&f.kind[..], &f.value) {
                ("date", FigureValue::Text(v)) => v.get(..4)?.parse().ok(),
                _ => None,
            })
    }

    fn date_at(&self, i: usize) -> Option<(usize, usize, String)> {
        if let Some(d) = self.numeric_date_at(i) {
            return Some(d);
        }
        let mut day = None;
        let mut m_pos = i;
        let start = i;
        let t = self.tok(i)?;
        if let Some(d) = self.day_value(i) {
            if self.month_at(i + 1).is_some() {
                day = Some(d);
                m_pos = i + 1;
            } else if is(self.tok(i + 1), &["من"]) && self.month_at(i + 2).is_some() {
                day = Some(d);
                m_pos = i + 2;
            } else {
                return None;
            }
        } else if t.kind == Kind::Arabic
            && ordinal_ar(&t.norm).is_some()
            && t.norm.starts_with("ال")
        {
            if is(self.tok(i + 1), &["من"]) && self.month_at(i + 2).is_some() {
                day = ordinal_ar(&t.norm);
                m_pos = i + 2;
            } else if is(self.tok(i + 1), &["عشر"])
                && is(self.tok(i + 2), &["من"])
                && self.month_at(i + 3).is_some()
            {
                // "الثاني عشر من أكتوبر", "الحادي عشر من مايو".
                day = ordinal_ar(&t.norm).map(|d| if d == 11 { 11 } else { d + 10 });
                m_pos = i + 3;
            } else {
                return None;
            }
        }
        let mut rel = Rel::None;
        // English "last/next/this March".
        let mut pre_rel = false;
        if t.kind == Kind::Alpha && day.is_none() && self.month_at(i).is_none() {
            let r = rel_word(&t.norm);
            if r != Rel::None && t.norm.is_ascii() && self.month_at(i + 1).is_some() {
                rel = r;
                m_pos = i + 1;
                pre_rel = true;
            } else {
                return None;
            }
        }
        let (month, mut j, ambiguous) = self.month_at(m_pos)?;
        let mut strong = day.is_some() || pre_rel;
        // Paired names: يونيو/حزيران, (يونيو) حزيران.
        if is(self.tok(j), &["/", "-"]) {
            if let Some((m2, j2, _)) = self.month_at(j + 1) {
                if m2 == month {
                    j = j2;
                    strong = true;
                }
            }
        } else if is(self.tok(j), &["("]) {
            if let Some((m2, j2, _)) = self.month_at(j + 1) {
                if m2 == month && is(self.tok(j2), &[")"]) {
                    j = j2 + 1;
                    strong = true;
                }
            }
        }
        // English "June 9", "Oct. 14, 2025".
        if day.is_none() && self.toks[m_pos].kind == Kind::Alpha {
            if let Some(d) = self.day_value(j) {
                let after = self.tok(j + 1);
                let scale_after = after.is_some_and(|a| {
                    crate::numbers::scale_word(&a.norm).is_some() || a.norm == "%"
                });
                if !scale_after {
                    day = Some(d);
                    j += 1;
                    strong = true;
                }
            }
        }
        let mut year = None;
        let mut k = j;
        if is(self.tok(k), &[","]) && self.year_value(k + 1).is_some() {
            k += 1;
        }
        if let Some(y) = self.year_value(k) {
            year = Some(y);
            j = k + 1;
            strong = true;
        } else if is(self.tok(j), &["عام", "العام", "سنه"]) && self.year_value(j + 1).is_some()
        {
            year = self.year_value(j + 1);
            j += 2;
            strong = true;
        } else if let Some(b) = self.same_year_at(j) {
            // "سبتمبر من العام نفسه": the year of the date named before.
            year = self.last_year();
            if year.is_some() {
                j = b;
                strong = true;
            }
        } else if is(self.tok(j), &["من"]) {
            if let Some((_, b, v)) = self.relative_at(j + 1) {
                if v.len() == 4 {
                    year = v.parse().ok();
                    j = b;
                    strong = true;
                }
            }
        } else if let Some(n) = self.tok(j) {
            let r = rel_word(&n.norm);
            if r != Rel::None && n.kind == Kind::Arabic {
                rel = r;
                j += 1;
                strong = true;
            }
        }
        if ambiguous && !strong {
            // "May" the verb, "مارس" the verb: need a cue before.
            let prev = if start > 0 { self.tok(start - 1) } else { None };
            let cue = is(
                prev,
                &[
                    "in",
                    "since",
                    "from",
                    "until",
                    "by",
                    "of",
                    "early",
                    "late",
                    "mid",
                    "end",
                    "during",
                    "في",
                    "منذ",
                    "حتي",
                    "خلال",
                    "شهر",
                    "مطلع",
                    "منتصف",
                    "اواخر",
                    "اوائل",
                    "بدايه",
                    "نهايه",
                ],
            );
            if !cue {
                return None;
            }
        }
        let v = self.resolve(year, month, day, rel)?;
        Some((start, j, v))
    }

    /// A shared currency name at `j` with its demonym after it, in any
    /// inflection (ريالات سعودية، دنانير كويتية) → (code, end token).
    fn currency_demonym(&self, j: usize) -> Option<(&'static str, usize)> {
        let options = shared_currency(&self.toks[j].norm)?;
        let next = self.tok(j + 1).filter(|t| t.kind == Kind::Arabic)?;
        let w = next.norm.as_str();
        let cc = country_cue(w).or_else(|| country_cue(w.strip_suffix('ا')?))?;
        let code = options.iter().find(|(c, _)| *c == cc)?.1;
        Some((code, j + 2))
    }

    /// A bare shared currency name at `j` (ريال) → the code of the country the
    /// text names closest before it (else closest after); `None` when the text
    /// names none of the countries that use it.
    fn local_currency(&self, j: usize) -> Option<&'static str> {
        let options = shared_currency(&self.toks[j].norm)?;
        let code = |cc: &str| {
            options
                .iter()
                .find(|(c, _)| *c == cc)
                .map(|(_, code)| *code)
        };
        // Every country the text names or hints at, by token, found once.
        let places = self.country_cues.get_or_init(|| {
            let mut places: Vec<(usize, String)> = self.countries.clone();
            for (k, t) in self.toks.iter().enumerate() {
                let hit = match t.kind {
                    Kind::Arabic => arabic_readings(&t.norm)
                        .into_iter()
                        .find_map(|(_, w)| country_cue(w)),
                    Kind::Alpha => country_cue(&t.norm),
                    _ => None,
                };
                if let Some(cc) = hit {
                    places.push((k, cc.to_string()));
                }
            }
            places.sort_by_key(|(k, _)| *k);
            places
        });
        // The nearest before, else the nearest after; a bounded look keeps
        // this constant per figure on long documents.
        const LOOK: usize = 64;
        let at = places.partition_point(|(k, _)| *k < j);
        let before = places[..at]
            .iter()
            .rev()
            .take(LOOK)
            .find_map(|(_, cc)| code(cc));
        before.or_else(|| {
            places[at..]
                .iter()
                .filter(|(k, _)| *k > j)
                .take(LOOK)
                .find_map(|(_, cc)| code(cc))
        })
    }

    fn unit_after(&self, tabs: &Tables, j: usize) -> Option<(&'static str, usize)> {
        tabs.units.at(self.toks, j)
    }

    fn percent_after(&self, j: usize) -> Option<usize> {
        let t = self.tok(j)?;
        if t.norm == "%" {
            return Some(j + 1);
        }
        match t.norm.as_str() {
            "بالمئه" | "بالمائه" | "percent" | "pct" | "процента" | "процентов" | "процент" => {
                return Some(j + 1)
            }
            "في" | "per" | "por" if is(self.tok(j + 1), &["المئه", "المائه", "cent", "ciento"]) =>
            {
                return Some(j + 2);
            }
            _ => {}
        }
        None
    }

    /// Kind/unit of what follows a number ending at `j` (not counts).
    /// What follows a number at `j` makes it a figure: (kind, unit, end token,
    /// factor the number is multiplied by: −1 below zero, 0.01 for cents).
    fn classify(
        &self,
        tabs: &Tables,
        j: usize,
    ) -> Option<(&'static str, Option<String>, usize, f64)> {
        if let Some(e) = self.percent_after(j) {
            return Some(("percent", None, e, 1.0));
        }
        // A shared name the table lacks (كرونة) counts as money once the text
        // says whose it is.
        let shared = || {
            shared_currency(&self.tok(j)?.norm)?;
            self.currency_demonym(j)
                .or_else(|| self.local_currency(j).map(|c| (c, j + 1)))
        };
        if let Some((c, e)) = tabs.currencies.at(self.toks, j).or_else(shared) {
            let (c, e) = match self.currency_demonym(j) {
                Some(found) if e == j + 1 => found,
                _ if e == j + 1 => (self.local_currency(j).unwrap_or(c), e),
                _ => (c, e),
            };
            // "فرنك إفريقي" in Cameroon or Chad is the Central African franc.
            let c = if c == "XOF" && self.local_currency(j) == Some("XAF") {
                "XAF"
            } else {
                c
            };
            // "فرنك جيبوتي": the country in the name is also an entity; the
            // figure ends before it and keeps the code it gave.
            let e = (j + 1..e).find(|&k| self.used[k]).unwrap_or(e);
            // Subunits: "95 cents", "50 هللة" are hundredths of the currency.
            if let Some(c) = c.strip_suffix("/100") {
                return Some(("money", Some(c.to_string()), e, 0.01));
            }
            return Some(("money", Some(c.to_string()), e, 1.0));
        }
        if let Some((u, e)) = self.unit_after(tabs, j) {
            let (u, mut neg) = match u.strip_prefix('-') {
                Some(u) => (u, true),
                None => (u, false),
            };
            let mut e = e;
            if u == "C" && is(self.tok(e), &["تحت"]) && is(self.tok(e + 1), &["الصفر"]) {
                neg = true;
                e += 2;
            }
            if u == "C" && is(self.tok(e), &["below"]) && is(self.tok(e + 1), &["zero"]) {
                neg = true;
                e += 2;
            }
            let factor = if neg { -1.0 } else { 1.0 };
            return Some(("quantity", Some(u.to_string()), e, factor));
        }
        None
    }

    fn embedded_in_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.space_before || i == 0 {
            return false;
        }
        let p = &self.toks[i - 1];
        match p.kind {
            Kind::Alpha => {
                // "A321neo": a model code even after a currency letter.
                let code = self
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| n.kind == Kind::Alpha && !n.space_before);
                code || !matches!(
                    p.norm.as_str(),
                    "us" | "a" | "c" | "hk" | "s" | "r" | "rs" | "rp"
                )
            }
            Kind::Arabic => !matches!(
                p.norm.as_str(),
                "و" | "ب" | "ل" | "ك" | "ف" | "ال" | "وب" | "ول" | "بال" | "وال" | "لل"
            ),
            Kind::Punct => {
                matches!(p.norm.as_str(), "-" | "_" | "/" | "#" | "+" | ":")
                    && i >= 2
                    && !p.space_before
                    // "mid-2026" is a year, not part of a name.
                    && !matches!(self.toks[i - 2].norm.as_str(), "mid" | "early" | "late")
                    && matches!(
                        self.toks[i - 2].kind,
                        Kind::Alpha | Kind::Arabic | Kind::Number
                    )
            }
            _ => false,
        }
    }

    fn numbers(&mut self, tabs: &Tables) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.used[i] || self.toks[i].kind == Kind::Break {
                i += 1;
                continue;
            }
            // "أسرع بمرتين", "تضاعف مرتين": twice as much; "زار مرتين": twice.
            if self.toks[i].kind == Kind::Arabic {
                let twice = arabic_readings(&self.toks[i].norm)
                    .into_iter()
                    .find(|(_, r)| matches!(*r, "مرتين" | "مرتان"));
                if let Some((k, _)) = twice {
                    let times = (i > 0 && is_comparative(&self.toks[i - 1].norm))
                        || self.doubling_before(i);
                    self.lead = Some((i, k));
                    if times {
                        self.push(i, i + 1, "multiplier", FigureValue::Number(2.0), None);
                    } else {
                        self.push_dual(i, k);
                    }
                    i += 1;
                    continue;
                }
            }
            // An indefinite dual counts two: "خلال أسبوعين", "سجل هدفين".
            if self.toks[i].kind == Kind::Arabic {
                let w = self.toks[i].norm.as_str();
                // Listed duals, and feminine duals in تين (ماكينتين، بطاريتين): the
                // plural of such nouns ends in ات, so تين is the dual.
                let dual = arabic_readings(w).into_iter().find(|(_, r)| {
                    AR_DUAL_COUNTS.contains(r)
                        || ((r.ends_with("تين") || r.ends_with("تان"))
                            && r.chars().count() >= 6
                            && !r.starts_with("ال")
                            // بروتين، روتين، نيكوتين: loanwords, not duals.
                            && !r.ends_with("وتين")
                            // تركستان، أفغانستان: places, not duals.
                            && !r.ends_with("ستان")
                            && !r.ends_with("وتان"))
                });
                if let Some((k, _)) = dual {
                    let after_number = i > 0 && self.toks[i - 1].kind == Kind::Number;
                    if !after_number {
                        self.lead = Some((i, k));
                        self.push_dual(i, k);
                        i += 1;
                        continue;
                    }
                }
            }
            // "الأندية الـ18": after a definite plural, الـN counts them; after a
            // singular ("الدورة الـ39") it ranks.
            if self.toks[i].kind == Kind::Number
                && i >= 2
                && self.toks[i - 1].norm == "ال"
                && !self.used[i - 1]
                && !self.used[i - 2]
                && is_definite_plural(&self.toks[i - 2].norm)
            {
                if let Some(v) = crate::numbers::parse_digits(&self.toks[i].norm) {
                    let p = &self.toks[i - 2];
                    let unit: String = self.chars[p.start..p.end].iter().collect();
                    self.push(i - 2, i + 1, "count", FigureValue::Number(v), Some(unit));
                    i += 1;
                    continue;
                }
            }
            if self.toks[i].kind == Kind::Number && self.embedded_in_name(i) {
                // Attached Arabic article: "الـ39" is an ordinal.
                if i > 0 && self.toks[i - 1].norm == "ال" && !self.used[i - 1] {
                    if let Some(v) = crate::numbers::parse_digits(&self.toks[i].norm) {
                        self.push(i - 1, i + 1, "ordinal", FigureValue::Number(v), None);
                    }
                }
                i += 1;
                continue;
            }
            // "الـ 39"
            if self.toks[i].kind == Kind::Number
                && i > 0
                && self.toks[i - 1].norm == "ال"
                && !self.used[i - 1]
            {
                if let Some(v) = crate::numbers::parse_digits(&self.toks[i].norm) {
                    self.push(i - 1, i + 1, "ordinal", FigureValue::Number(v), None);
                    i += 1;
                    continue;
                }
            }
            // "الثانية عشرة": the ten belongs to the ordinal.
            if matches!(self.toks[i].norm.as_str(), "عشر" | "عشره")
                && i > 0
                && ordinal_ar(&self.toks[i - 1].norm).is_some()
            {
                i += 1;
                continue;
            }
            // Definite number words after a definite noun: "المفاعلات الأربعة".
            if let Some(v) = self.toks[i]
                .norm
                .strip_prefix("ال")
                .and_then(definite_number)
            {
                if i > 0
                    && !self.used[i - 1]
                    && self.toks[i - 1].kind == Kind::Arabic
                    && arabic_readings(&self.toks[i - 1].norm)
                        .iter()
                        .any(|(_, r)| r.starts_with("ال"))
                    && !self.used[i]
                {
                    let p = &self.toks[i - 1];
                    let unit: String = self.chars[p.start..p.end].iter().collect();
                    self.push(i - 1, i + 1, "count", FigureValue::Number(v), Some(unit));
                }
                i += 1;
                continue;
            }
            let Some(num) = parse_at(self.toks, i) else {
                i += 1;
                continue;
            };
            if !self.free(num.first, num.last) {
                i += 1;
                continue;
            }
            let next = self.handle_number(tabs, num);
            i = next.max(i + 1);
        }
    }

    /// Classify one number; returns the token index to continue from.
    fn handle_number(&mut self, tabs: &Tables, mut num: Num) -> usize {
        if self.dot_thousands && self.toks[num.first].kind == Kind::Number {
            let norm = &self.toks[num.first].norm;
            let parts: Vec<&str> = norm.split('.').collect();
            if parts.len() == 2 && parts[1].len() == 3 && !norm.contains(',') {
                if let Ok(v) = norm.replace('.', "").parse::<f64>() {
                    num.value = v * num.scale;
                    num.plain_int = false;
                }
            }
        }
        let i = num.first;
        let j = num.last;
        self.lead = Some((i, num.lead));
        // English digit ordinals: 1st, 39th.
        if self.toks[i].kind == Kind::Number && !num.scaled {
            if let Some(s) = self.tok(j) {
                if !s.space_before && matches!(s.norm.as_str(), "st" | "nd" | "rd" | "th") {
                    self.push(i, j + 1, "ordinal", FigureValue::Number(num.value), None);
                    return j + 1;
                }
            }
        }
        // "the world's No. 1": a rank.
        if i >= 2
            && !num.scaled
            && self.toks[i - 1].norm == "."
            && self.toks[i - 2].norm == "no"
            && self.toks[i - 2].cap
            && self.free(i - 2, i)
        {
            self.push(i - 2, j, "ordinal", FigureValue::Number(num.value), None);
            return j;
        }
        // Currency symbol before: $20 billion.
        if let Some((code, a)) = prefix_currency(self.toks, i) {
            // "US$5 billion" where "US" is already a place mention: the
            // amount still starts at the symbol.
            let a = if a + 1 < i && !self.free(a, i) {
                i - 1
            } else {
                a
            };
            if self.free(a, i) {
                self.push(
                    a,
                    j,
                    "money",
                    FigureValue::Number(num.value),
                    Some(code.to_string()),
                );
                return j;
            }
        }
        // ٪٩٧ (percent sign written first).
        if i > 0
            && self.toks[i - 1].norm == "%"
            && !self.used[i - 1]
            && (i < 2 || self.toks[i - 2].kind != Kind::Number)
            && self.percent_after(j).is_none()
        {
            self.push(i - 1, j, "percent", FigureValue::Number(num.value), None);
            return j;
        }
        // "a 42-kilometre tunnel", "a 295,000-euro study", "the 32-team event".
        let hyphen_word = self
            .tok(j)
            .is_some_and(|h| h.norm == "-" && !h.space_before)
            && self
                .tok(j + 1)
                .is_some_and(|w| w.kind == Kind::Alpha && !w.space_before && !w.cap);
        if hyphen_word && self.toks[i].kind == Kind::Number {
            if let Some((kind, unit, e, factor)) = self.classify(tabs, j + 1) {
                self.push(i, e, kind, FigureValue::Number(num.value * factor), unit);
                return e;
            }
            let noun = &self.toks[j + 1];
            if !EN_FUNCTION.contains(&noun.norm.as_str()) && noun.norm.len() > 2 {
                let unit: String = self.chars[noun.start..noun.end].iter().collect();
                self.push(
                    i,
                    j + 2,
                    "count",
                    FigureValue::Number(num.value),
                    Some(unit),
                );
                return j + 2;
            }
        }
        if let Some((kind, unit, e, factor)) = self.classify(tabs, j) {
            let mut v = num.value;
            if unit.as_deref() == Some("m3") && self.toks[j].norm == "bcm" {
                v *= 1e9;
            }
            v *= factor;
            if i > 0 && is(self.tok(i - 1), &["minus", "سالب"]) {
                v = -v;
            }
            self.push(i, e, kind, FigureValue::Number(v), unit);
            return e;
        }
        // Range: "بين 10 و15%", "10 to 15 GW", "1.5%-3.5%", "two to three years".
        if let Some(c) = self.tok(j) {
            if matches!(
                c.norm.as_str(),
                "و" | "-" | "–" | "الي" | "to" | "and" | "a" | "y" | "до" | "и"
            ) {
                // "خلال 2025 إلى 270 مليون يورو": a year is not the start of an amount.
                let year_start = num.plain_int
                    && self.year_value(i).is_some()
                    && parse_at(self.toks, j + 1)
                        .is_some_and(|y| !y.plain_int || self.year_value(y.first).is_none());
                if let Some(y) = parse_at(self.toks, j + 1).filter(|_| !year_start) {
                    if let Some((kind, unit, _, factor)) = self.classify(tabs, y.last) {
                        let mut v = num.value;
                        if !num.scaled && y.scaled {
                            v *= y.scale;
                        }
                        v *= factor;
                        self.push(i, j, kind, FigureValue::Number(v), unit);
                        return j;
                    }
                    // "ما بين 5 و7 آلاف فرصة": the scale and the counted noun are shared.
                    if y.scaled && !num.scaled && self.count_noun(y.last).is_some() {
                        self.push(
                            i,
                            j,
                            "count",
                            FigureValue::Number(num.value * y.scale),
                            None,
                        );
                        return j;
                    }
                }
            }
        }
        // Multipliers: "ثلاثة أضعاف", "three times as", "3-fold".
        if let Some(m) = self.tok(j) {
            // "تضاعف حجم البضائع ... ثلاث مرات", "أكبر بثلاث مرات": times a
            // quantity, not a number of occasions.
            if m.norm == "مرات" && (self.doubling_before(i) || self.comparative_before(i)) {
                self.push(i, j + 1, "multiplier", FigureValue::Number(num.value), None);
                return j + 1;
            }
            if matches!(m.norm.as_str(), "اضعاف" | "ضعفا") {
                self.push(i, j + 1, "multiplier", FigureValue::Number(num.value), None);
                return j + 1;
            }
            if m.norm == "times"
                && is(
                    self.tok(j + 1),
                    &[
                        "as", "more", "higher", "larger", "bigger", "greater", "the", "that",
                        "what", "over", "faster", "lower", "smaller", "their", "its", "his", "her",
                        "last", "this", "those", "our", "previous", "pre",
                    ],
                )
            {
                self.push(i, j + 1, "multiplier", FigureValue::Number(num.value), None);
                return j + 1;
            }
            if m.norm == "-" && is(self.tok(j + 1), &["fold"]) {
                self.push(i, j + 2, "multiplier", FigureValue::Number(num.value), None);
                return j + 2;
            }
        }
        // A year in words after عام: "عام ألفين واثنين وعشرين".
        if num.words
            && num.value.fract() == 0.0
            && (1900.0..=2100.0).contains(&num.value)
            && i > 0
            && is(self.tok(i - 1), &["عام", "العام", "لعام", "سنه", "عامي"])
        {
            let v = format!("{}", num.value as i32);
            self.push(i, j, "date", FigureValue::Text(v), None);
            return j;
        }
        // "المرتبة 18", "بالمركز 3": a rank written in digits.
        if num.plain_int
            && j == i + 1
            && (1.0..=1000.0).contains(&num.value)
            && i > 0
            && is(
                self.tok(i - 1),
                &[
                    "المرتبه",
                    "بالمرتبه",
                    "للمرتبه",
                    "المركز",
                    "بالمركز",
                    "للمركز",
                ],
            )
            && !self.used[i - 1]
        {
            self.push(i - 1, j, "ordinal", FigureValue::Number(num.value), None);
            return j;
        }
        // Years.
        if num.plain_int && self.year_value(i).is_some() && j == i + 1 {
            let prev = if i > 0 { self.tok(i - 1) } else { None };
            let year_cue = is(
                prev,
                &[
                    "في",
                    "منذ",
                    "بحلول",
                    "حتي",
                    "عام",
                    "العام",
                    "لعام",
                    "سنه",
                    "مطلع",
                    "منتصف",
                    "نهايه",
                    "بدايه",
                    "خلال",
                    "قبل",
                    "بعد",
                    "وفي",
                    "ومنذ",
                    "اواخر",
                    "اوائل",
                    // A season, budget or edition named by its year: "موسم 2025 متصدرا".
                    "موسم",
                    "الموسم",
                    "لموسم",
                    "ميزانيه",
                    "موازنه",
                    "دوره",
                    "نسخه",
                    "مونديال",
                    "season",
                    "fiscal",
                    "in",
                    "since",
                    "by",
                    "until",
                    "of",
                    "from",
                    "to",
                    "the",
                    "and",
                    "en",
                    "de",
                    "desde",
                    "в",
                    "году",
                    "года",
                    "с",
                    "до",
                ],
            );
            // "mid-2026", "early-2025".
            let year_cue = year_cue
                || (i >= 2
                    && self.toks[i - 1].norm == "-"
                    && !self.toks[i].space_before
                    && matches!(self.toks[i - 2].norm.as_str(), "mid" | "early" | "late"));
            // "بين عامي 1970 و1975": the second year of a pair.
            let pair = i >= 2
                && is(prev, &["و", "-", "الي", "and", "to"])
                && self.year_value(i - 2).is_some();
            // "1975 بقرض": a counted noun never carries a preposition.
            let prep_next = self.tok(j).is_some_and(|t| {
                t.kind == Kind::Arabic
                    && !t.norm.starts_with("ال")
                    && t.norm.chars().count() > 3
                    && matches!(t.norm.chars().next(), Some('ب' | 'ل' | 'ك'))
            });
            // "2026 سيكون": a verb in the future after a year.
            let future_next = self.tok(j).is_some_and(|t| {
                t.kind == Kind::Arabic
                    && ["سي", "ست", "سن"].iter().any(|p| t.norm.starts_with(p))
                    && t.norm.chars().count() >= 4
                    && !t.norm.ends_with("ات")
            });
            let noun_after = self.count_noun(j).is_some() && !prep_next && !future_next;
            let plural_en = self.tok(j).is_some_and(|t| {
                t.kind == Kind::Alpha
                    && t.norm.ends_with('s')
                    && !t.cap
                    && !EN_FUNCTION.contains(&t.norm.as_str())
            });
            let is_count = !year_cue
                && !pair
                && ((self.toks.get(j).is_some_and(|t| t.kind == Kind::Arabic) && noun_after)
                    || plural_en);
            if !is_count {
                let a = if i > 0 && is(prev, &["عام", "العام", "لعام"]) && !self.used[i - 1]
                {
                    i - 1
                } else {
                    i
                };
                let v = self.toks[i].norm.to_string();
                self.push(a, j, "date", FigureValue::Text(v), None);
                return j;
            }
        }
        // Counts: a counted noun after the number, or a number in words.
        if let Some(e) = self.count_noun(j) {
            let (s, en, _) = self.text(j, e);
            let unit: String = self.chars[s..en].iter().collect();
            self.push(i, e, "count", FigureValue::Number(num.value), Some(unit));
            return e;
        }
        // "64 of the 127 seats", "15 of the 27 member states": a part of a count.
        if self.toks[i].kind == Kind::Number
            && num.plain_int
            && is(self.tok(j), &["of"])
            && (self.tok(j + 1).is_some_and(|t| t.kind == Kind::Number)
                || is(self.tok(j + 1), &["the"])
                    && self.tok(j + 2).is_some_and(|t| t.kind == Kind::Number))
        {
            self.push(i, j, "count", FigureValue::Number(num.value), None);
            return j;
        }
        // "بـ28 مقعدا من أصل 33": the whole a part is counted out of.
        if self.toks[i].kind == Kind::Number
            && i >= 2
            && is(self.tok(i - 1), &["اصل"])
            && is(self.tok(i - 2), &["من"])
            && self.count_noun(j).is_none()
        {
            self.push(i, j, "count", FigureValue::Number(num.value), None);
            return j;
        }
        // "ارتفع إلى 45 ألفا و206": a scaled number with no unit counts things;
        // "26 million by 2030", "9 million Indians" in English.
        let english_next = self.tok(j).is_some_and(|t| {
            t.kind == Kind::Alpha
                && (t.cap
                    || matches!(
                        t.norm.as_str(),
                        "by" | "in"
                            | "from"
                            | "to"
                            | "and"
                            | "last"
                            | "this"
                            | "a"
                            | "each"
                            | "per"
                    ))
        });
        if num.scaled && !num.words && self.toks[i].kind == Kind::Number && english_next {
            self.push(i, j, "count", FigureValue::Number(num.value), None);
            return j;
        }
        if num.scaled && !num.words && self.toks[i].kind == Kind::Number {
            let arabic_next = self.tok(j).is_none_or(|t| t.kind != Kind::Alpha);
            if arabic_next
                && self.toks.get(j).is_none_or(|t| {
                    t.kind != Kind::Arabic || AR_FUNCTION.contains(&t.norm.as_str()) || t.art
                })
            {
                self.push(i, j, "count", FigureValue::Number(num.value), None);
                return j;
            }
        }
        if num.words && num.value >= 1.0 {
            // "هدف واحد": the noun comes first.
            if num.value <= 2.0 && i > 0 && self.toks[i].kind == Kind::Arabic {
                let p = &self.toks[i - 1];
                if p.kind == Kind::Arabic
                    && !self.used[i - 1]
                    && !AR_FUNCTION.contains(&p.norm.as_str())
                {
                    let unit: String = self.chars[p.start..p.end].iter().collect();
                    self.push(
                        i - 1,
                        j,
                        "count",
                        FigureValue::Number(num.value),
                        Some(unit),
                    );
                }
                return j;
            }
            if num.value == 1.0 && !num.scaled {
                return j;
            }
            self.push(i, j, "count", FigureValue::Number(num.value), None);
            return j;
        }
        j
    }

    /// The counted noun after a number ending at `j` → end token.
    fn count_noun(&self, j: usize) -> Option<usize> {
        let t = self.tok(j)?;
        if self.used[j] {
            return None;
        }
        match t.kind {
            Kind::Arabic => {
                let w = t.norm.as_str();
                // The article, not أل/آل folded to ال: "6 ألقاب", "20 آلية".
                if t.art || AR_FUNCTION.contains(&w) || w.chars().count() < 2 {
                    return None;
                }
                if months_ar(w).is_some() || crate::numbers::scale_word(w).is_some() {
                    return None;
                }
                // A nisba adjective right after the noun belongs to it: "12 ولاية سودانية".
                let mut e = j + 1;
                if let Some(a) = self.tok(e) {
                    if a.kind == Kind::Arabic
                        && !self.used[e]
                        && (a.norm.ends_with("يه") || a.norm.ends_with('ي'))
                        && !a.art
                        // بميزانية، لمدينة: a preposition + noun, not an adjective.
                        && !["بم", "لم", "بال", "لل", "كم"].iter().any(|p| a.norm.starts_with(p))
                        && !AR_FUNCTION.contains(&a.norm.as_str())
                        && a.norm.chars().count() > 3
                    {
                        e += 1;
                    }
                }
                Some(e)
            }
            Kind::Alpha => {
                let w = t.norm.as_str();
                if t.cap || !w.is_ascii() || EN_FUNCTION.contains(&w) || w.len() < 3 {
                    return None;
                }
                if w.ends_with("ly") || w.ends_with("ed") {
                    return None;
                }
                Some(j + 1)
            }
            _ => None,
        }
    }

    fn ordinals_and_multipliers(&mut self) {
        let n = self.toks.len();
        for i in 0..n {
            if self.used[i] {
                continue;
            }
            let t = &self.toks[i];
            match t.kind {
                Kind::Arabic => {
                    // "أي مرة ونصف مستواها": one and a half times.
                    if t.norm == "مره"
                        && is(self.tok(i + 1), &["ونصف"])
                        && i > 0
                        && (is(self.tok(i - 1), &["اي", "نحو", "حوالي", "قرابه"])
                            || is_comparative(&self.toks[i - 1].norm)
                            || self.doubling_before(i))
                    {
                        self.push(i, i + 2, "multiplier", FigureValue::Number(1.5), None);
                        continue;
                    }
                    let readings = arabic_readings(&t.norm);
                    let mut hit = None;
                    for (k, w) in readings {
                        if k > 1 {
                            break;
                        }
                        if k == 1 && !t.norm.starts_with('و') && !t.norm.starts_with('ف') {
                            continue;
                        }
                        if let Some(v) = ordinal_ar(w) {
                            hit = Some(('o', v as f64, w));
                            break;
                        }
                        if matches!(w, "ضعفي" | "ضعفين" | "ضعفان" | "مثلي" | "مثلين")
                        {
                            hit = Some(('m', 2.0, w));
                            break;
                        }
                        if matches!(w, "ضعف" | "الضعف") {
                            let prev = if i > 0 {
                                self.tok(i - 1).map(|p| p.norm.as_str())
                            } else {
                                None
                            };
                            let cue = matches!(
                                prev,
                                Some(
                                    "من" | "نحو"
                                        | "حوالي"
                                        | "قرابه"
                                        | "الي"
                                        | "يعادل"
                                        | "اي"
                                        | "علي"
                                        | "يزيد"
                                        | "تقريبا"
                                        | "بلغ"
                                        | "بلغت"
                                        | "تبلغ"
                                        | "يبلغ"
                                        | "يفوق"
                                        | "تفوق"
                                        | "يتجاوز"
                                        | "تتجاوز"
                                        | "الى"
                                )
                            );
                            // "ضعف مستواه", "ضعف العدد", "ضعف ما": twice a quantity;
                            // "ضعف الطلب" is weak demand.
                            let level = self.tok(i + 1).is_some_and(|n| {
                                let x = n.norm.strip_prefix("ال").unwrap_or(&n.norm);
                                n.norm == "ما"
                                    || [
                                        "مستو",
                                        "عدد",
                                        "حجم",
                                        "متوسط",
                                        "انتاج",
                                        "قدر",
                                        "قيم",
                                        "معدل",
                                        "كمي",
                                        "سعر",
                                        "رقم",
                                        "طاق",
                                    ]
                                    .iter()
                                    .any(|p| x.starts_with(p))
                            });
                            if cue || level || w == "الضعف" {
                                hit = Some(('m', 2.0, w));
                            }
                            break;
                        }
                    }
                    let Some((what, mut v, w)) = hit else {
                        continue;
                    };
                    let mut e = i + 1;
                    if what == 'o' {
                        // First-of: "أول ثلاث", "أول من".
                        if matches!(w, "اول" | "اولي") {
                            if let Some(nx) = self.tok(i + 1) {
                                if nx.kind == Kind::Number
                                    || parse_at(self.toks, i + 1).is_some()
                                    || matches!(nx.norm.as_str(), "من" | "امس")
                                {
                                    continue;
                                }
                            }
                        }
                        let tens = self
                            .tok(i + 1)
                            .and_then(|n| n.norm.strip_prefix('و').and_then(ordinal_tens));
                        // الحادي is 11th only with عشر; "الحادي والثلاثين" is 31st.
                        if v == 11.0 && !is(self.tok(i + 1), &["عشر", "عشره"]) {
                            if tens.is_none() {
                                continue;
                            }
                            v = 1.0;
                        }
                        if is(self.tok(i + 1), &["عشر", "عشره"]) {
                            v += if v == 11.0 { 0.0 } else { 10.0 };
                            e += 1;
                        } else if let Some(tens) = tens {
                            // "الخامسة والأربعين" = 45th.
                            v += tens;
                            e += 1;
                        }
                        // Include the ordered noun before: "المرتبة الأولى".
                        let mut a = i;
                        if i > 0 && !self.used[i - 1] {
                            let p = &self.toks[i - 1];
                            if p.kind == Kind::Arabic
                                && !AR_FUNCTION.contains(&p.norm.as_str())
                                && w.starts_with("ال") == p.norm.starts_with("ال")
                            {
                                a = i - 1;
                            }
                        }
                        self.push(a, e, "ordinal", FigureValue::Number(v), None);
                    } else {
                        self.push(i, e, "multiplier", FigureValue::Number(v), None);
                    }
                }
                Kind::Alpha => {
                    if let Some(v) = ordinal_en(&t.norm) {
                        let prev = if i > 0 { self.tok(i - 1) } else { None };
                        let det = is(
                            prev,
                            &[
                                "the", "a", "an", "its", "his", "her", "their", "our", "this", "s",
                                "my", "your", "fiscal",
                            ],
                        );
                        // "by a third", "a quarter of": fractions, not ranks.
                        let fraction = is(prev, &["a"])
                            && !self.tok(i + 1).is_some_and(|n| {
                                n.kind == Kind::Alpha && !EN_FUNCTION.contains(&n.norm.as_str())
                            });
                        // A place in a race or a ranking: "finished sixth", "came third".
                        let placed = is(
                            prev,
                            &[
                                "finished",
                                "finish",
                                "finishes",
                                "started",
                                "starts",
                                "came",
                                "comes",
                                "placed",
                                "ranked",
                                "ranks",
                                "qualified",
                            ],
                        );
                        // "third-quarter", "second-largest".
                        let compound = is(self.tok(i + 1), &["-"])
                            && self.tok(i + 1).is_some_and(|t| !t.space_before)
                            && is(
                                self.tok(i + 2),
                                &[
                                    "quarter", "largest", "biggest", "half", "round", "highest",
                                    "lowest",
                                ],
                            );
                        if (det || placed || compound) && !fraction {
                            self.push(i, i + 1, "ordinal", FigureValue::Number(v as f64), None);
                        }
                    } else if t.norm == "twice"
                        || (matches!(t.norm.as_str(), "double" | "doubling")
                            && (is(
                                self.tok(i + 1),
                                &[
                                    "the", "a", "an", "their", "its", "that", "those", "his",
                                    "her", "our", "what", "last",
                                ],
                            ) || is(
                                self.tok(i.wrapping_sub(1)),
                                &[
                                    "roughly", "nearly", "about", "almost", "around", "than",
                                    "least",
                                ],
                            )))
                        || t.norm == "doubled"
                    {
                        self.push(i, i + 1, "multiplier", FigureValue::Number(2.0), None);
                    } else if let Some(v) = match t.norm.as_str() {
                        "tripled" => Some(3.0),
                        "quadrupled" => Some(4.0),
                        "twofold" => Some(2.0),
                        "threefold" => Some(3.0),
                        "fourfold" => Some(4.0),
                        "fivefold" => Some(5.0),
                        "tenfold" => Some(10.0),
                        // "could triple", "to quadruple": the verb.
                        "triple" | "quadruple"
                            if is(
                                self.tok(i.wrapping_sub(1)),
                                &[
                                    "could", "will", "would", "to", "may", "might", "should", "can",
                                ],
                            ) =>
                        {
                            Some(if t.norm == "triple" { 3.0 } else { 4.0 })
                        }
                        _ => None,
                    } {
                        self.push(i, i + 1, "multiplier", FigureValue::Number(v), None);
                    }
                }
                _ => {}
            }
        }
    }

    /// Mask URLs and e-mail addresses: nothing in them is a figure.
    fn mask_urls(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = &self.toks[i];
            let url = matches!(t.norm.as_str(), "http" | "https" | "www") || t.norm == "@";
            if url {
                let mut a = i;
                while a > 0 && !self.toks[a].space_before && self.toks[a - 1].kind != Kind::Break {
                    a -= 1;
                }
                let mut b = i + 1;
                while b < n && !self.toks[b].space_before && self.toks[b].kind != Kind::Break {
                    b += 1;
                }
                for k in a..b {
                    self.used[k] = true;
                }
                i = b;
            } else {
                i += 1;
            }
        }
    }

    pub(crate) fn run(&mut self, tabs: &Tables) {
        self.mask_urls();
        self.dates();
        self.numbers(tabs);
        self.ordinals_and_multipliers();
        self.out.sort_by_key(|f| f.start);
    }
}
