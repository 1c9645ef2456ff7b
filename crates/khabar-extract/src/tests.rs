//! Data-driven tests of the whole extractor: one `check` helper per output kind.

use chrono::NaiveDate;

use crate::Extractor;

fn ex() -> &'static Extractor {
    use std::sync::OnceLock;
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("built-in data is valid"))
}

fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 11, 26)
}

/// `expected`: (kind, text, unit?, value rendered as JSON).
fn check_figures(input: &str, expected: &[(&str, &str, &str, &str)]) {
    let out = ex().extract(input, None, published());
    for (kind, text, unit, value) in expected {
        let hit = out
            .figures
            .iter()
            .find(|f| f.kind == *kind && f.text == *text);
        let f =
            hit.unwrap_or_else(|| panic!("{input:?}: no {kind} {text:?} in {:#?}", out.figures));
        assert_eq!(
            serde_json::to_value(&f.value).unwrap().to_string(),
            *value,
            "{input:?}: value of {text:?}"
        );
        assert_eq!(
            f.unit.as_deref().unwrap_or(""),
            *unit,
            "{input:?}: unit of {text:?}"
        );
    }
}

fn check_no_figures(input: &str) {
    let out = ex().extract(input, None, published());
    assert!(
        out.figures.is_empty(),
        "{input:?}: unexpected {:#?}",
        out.figures
    );
}

/// `expected`: (type, text, id or "" for any local id).
fn check_entities(input: &str, expected: &[(&str, &str, &str)]) {
    let out = ex().extract(input, None, published());
    for (kind, text, id) in expected {
        let hit = out
            .entities
            .iter()
            .find(|e| e.kind == *kind && e.text == *text);
        let e =
            hit.unwrap_or_else(|| panic!("{input:?}: no {kind} {text:?} in {:#?}", out.entities));
        if !id.is_empty() {
            assert_eq!(e.id, *id, "{input:?}: id of {text:?}");
        }
    }
}

fn check_not_entities(input: &str, texts: &[&str]) {
    let out = ex().extract(input, None, published());
    for t in texts {
        assert!(
            !out.entities.iter().any(|e| e.text == *t),
            "{input:?}: {t:?} should not be an entity: {:#?}",
            out.entities
        );
    }
}

fn same_id(input: &str, a: &str, b: &str) {
    let out = ex().extract(input, None, published());
    let id = |t: &str| {
        out.entities
            .iter()
            .find(|e| e.text == t)
            .map(|e| e.id.clone())
            .unwrap_or_else(|| panic!("{input:?}: no {t:?} in {:#?}", out.entities))
    };
    assert_eq!(
        id(a),
        id(b),
        "{input:?}: {a:?} and {b:?} should share an id"
    );
}

#[test]
fn percent() {
    check_figures(
        "ارتفعت التجارة بنسبة 13.6% في 2025",
        &[
            ("percent", "13.6%", "", "13.6"),
            ("date", "2025", "", "\"2025\""),
        ],
    );
    check_figures("بانخفاض ٧٫٥٪ مقارنة", &[("percent", "٧٫٥٪", "", "7.5")]);
    check_figures("نحو ٪٩٧ من المدفوعات", &[("percent", "٪٩٧", "", "97")]);
    check_figures("زادت 97 بالمئة", &[("percent", "97 بالمئة", "", "97")]);
    check_figures(
        "خصومات بين 10 و15% على الرسوم",
        &[("percent", "10", "", "10"), ("percent", "15%", "", "15")],
    );
    check_figures(
        "within the 1.5%-3.5% target band",
        &[
            ("percent", "1.5%", "", "1.5"),
            ("percent", "3.5%", "", "3.5"),
        ],
    );
}

#[test]
fn money() {
    check_figures(
        "بلغ 4.1 مليار دولار",
        &[("money", "4.1 مليار دولار", "USD", "4100000000")],
    );
    check_figures(
        "405 مليارات ريال سعودي",
        &[("money", "405 مليارات ريال سعودي", "SAR", "405000000000")],
    );
    check_figures(
        "٣٥٠ مليار جنيه مصري",
        &[("money", "٣٥٠ مليار جنيه مصري", "EGP", "350000000000")],
    );
    check_figures(
        "45 مليار ليرة تركية",
        &[("money", "45 مليار ليرة تركية", "TRY", "45000000000")],
    );
    check_figures(
        "1.7 تريليون روبل",
        &[("money", "1.7 تريليون روبل", "RUB", "1700000000000")],
    );
    check_figures(
        "courts $20 billion in new investment",
        &[("money", "$20 billion", "USD", "20000000000")],
    );
    check_figures(
        "150 trillion rupiah",
        &[("money", "150 trillion rupiah", "IDR", "150000000000000")],
    );
    check_figures(
        "62,000 crore rupees",
        &[("money", "62,000 crore rupees", "INR", "620000000000")],
    );
    check_figures("a €5bn deal", &[("money", "€5bn", "EUR", "5000000000")]);
    check_figures("95 ألف تينغي", &[("money", "95 ألف تينغي", "KZT", "95000")]);
}

#[test]
fn quantities() {
    check_figures(
        "2.2 مليون برميل يوميا",
        &[("quantity", "2.2 مليون برميل يوميا", "bbl/d", "2200000")],
    );
    check_figures(
        "9 ملايين برميل في اليوم",
        &[("quantity", "9 ملايين برميل في اليوم", "bbl/d", "9000000")],
    );
    check_figures(
        "21.75 مليار متر مكعب",
        &[("quantity", "21.75 مليار متر مكعب", "m3", "21750000000")],
    );
    check_figures(
        "ما بين 10 و15 مليار متر مكعب",
        &[("quantity", "10", "m3", "10000000000")],
    );
    check_figures(
        "بقدرة 1200 ميغاواط",
        &[("quantity", "1200 ميغاواط", "MW", "1200")],
    );
    check_figures(
        "40 درجة مئوية تحت الصفر",
        &[("quantity", "40 درجة مئوية تحت الصفر", "C", "-40")],
    );
    // "US" is a place mention of its own; the amount starts at the symbol.
    check_figures(
        "The US will invest US$5 billion in the port.",
        &[("money", "$5 billion", "USD", "5000000000")],
    );
    check_figures(
        "1.9 million tonnes of nickel",
        &[("quantity", "1.9 million tonnes", "t", "1900000")],
    );
    check_figures(
        "52,000 hectares of desert",
        &[("quantity", "52,000 hectares", "ha", "52000")],
    );
    check_figures(
        "بطول 454 كيلومترا",
        &[("quantity", "454 كيلومترا", "km", "454")],
    );
    check_figures("حصاد مليون طن", &[("quantity", "مليون طن", "t", "1000000")]);
}

#[test]
fn counts() {
    check_figures(
        "13 ألفا و213 سفينة",
        &[("count", "13 ألفا و213 سفينة", "سفينة", "13213")],
    );
    check_figures(
        "بناء تسع مدارس في قيرغيزستان",
        &[("count", "تسع مدارس", "مدارس", "9")],
    );
    check_figures(
        "ثلاثة آلاف حاوية يوميا",
        &[("count", "ثلاثة آلاف حاوية", "حاوية", "3000")],
    );
    check_figures(
        "إلى 1800 شركة في 2025",
        &[
            ("count", "1800 شركة", "شركة", "1800"),
            ("date", "2025", "", "\"2025\""),
        ],
    );
    check_figures(
        "بثلاثة أهداف مقابل هدف واحد",
        &[
            ("count", "ثلاثة أهداف", "أهداف", "3"),
            ("count", "هدف واحد", "هدف", "1"),
        ],
    );
    check_figures(
        "المفاعلات الأربعة",
        &[("count", "المفاعلات الأربعة", "المفاعلات", "4")],
    );
    check_figures(
        "within two to three years",
        &[
            ("count", "two", "", "2"),
            ("count", "three years", "years", "3"),
        ],
    );
    check_figures(
        "2.1 million households",
        &[("count", "2.1 million households", "households", "2100000")],
    );
    check_figures(
        "خمسة وعشرون لاعبا",
        &[("count", "خمسة وعشرون لاعبا", "لاعبا", "25")],
    );
}

#[test]
fn dates() {
    check_figures(
        "حتى 27 نوفمبر الجاري",
        &[("date", "27 نوفمبر الجاري", "", "\"2025-11-27\"")],
    );
    check_figures(
        "في ديسمبر المقبل",
        &[("date", "ديسمبر المقبل", "", "\"2025-12\"")],
    );
    check_figures(
        "بحلول سبتمبر 2027",
        &[("date", "سبتمبر 2027", "", "\"2027-09\"")],
    );
    check_figures(
        "منتصف كانون الثاني/يناير الماضي",
        &[("date", "كانون الثاني/يناير الماضي", "", "\"2025-01\"")],
    );
    check_figures(
        "اعتبارا من 1 فبراير/شباط 2025",
        &[("date", "1 فبراير/شباط 2025", "", "\"2025-02-01\"")],
    );
    check_figures(
        "في الأول من يونيو",
        &[("date", "الأول من يونيو", "", "\"2025-06-01\"")],
    );
    check_figures(
        "في يناير المقبل",
        &[("date", "يناير المقبل", "", "\"2026-01\"")],
    );
    check_figures(
        "في العام الماضي",
        &[("date", "العام الماضي", "", "\"2024\"")],
    );
    check_figures(
        "خلال الشهر المقبل",
        &[("date", "الشهر المقبل", "", "\"2025-12\"")],
    );
    check_figures(
        "said on Oct. 14 that",
        &[("date", "Oct. 14", "", "\"2025-10-14\"")],
    );
    check_figures(
        "by March 2026, and next year",
        &[
            ("date", "March 2026", "", "\"2026-03\""),
            ("date", "next year", "", "\"2026\""),
        ],
    );
    check_figures(
        "منذ مارس/آذار من العام الماضي",
        &[("date", "مارس/آذار من العام الماضي", "", "\"2024-03\"")],
    );
}

#[test]
fn numeric_dates() {
    check_figures(
        "بتاريخ 26/11/2025 أعلنت",
        &[("date", "26/11/2025", "", "\"2025-11-26\"")],
    );
    check_figures(
        "published 2025-03-04 in",
        &[("date", "2025-03-04", "", "\"2025-03-04\"")],
    );
}

#[test]
fn ambiguous_place_words() {
    check_not_entities("قدمت الحكومة دعم مالي كبير", &["مالي"]);
    check_entities("وصل الوزير إلى مالي أمس", &[("location", "مالي", "")]);
}

#[test]
fn dates_without_published() {
    let out = ex().extract("حتى 27 نوفمبر الجاري", Some("ar"), None);
    assert_eq!(
        out.figures[0].value,
        khabar_core::FigureValue::Text("--11-27".into())
    );
}

#[test]
fn ordinals_and_multipliers() {
    check_figures(
        "تحتل المرتبة الأولى",
        &[("ordinal", "المرتبة الأولى", "", "1")],
    );
    check_figures(
        "الاجتماع الوزاري الـ39 سيعقد",
        &[("ordinal", "الـ39", "", "39")],
    );
    check_figures(
        "القمة الثانية عشرة بين البلدين",
        &[("ordinal", "القمة الثانية عشرة", "", "12")],
    );
    check_figures("ثالث قمر إماراتي", &[("ordinal", "ثالث", "", "3")]);
    check_figures("نحو ثلاثة أضعاف", &[("multiplier", "ثلاثة أضعاف", "", "3")]);
    check_figures("أكثر من ضعف هذا المستوى", &[("multiplier", "ضعف", "", "2")]);
    check_figures(
        "nearly twice the 12.5 GW",
        &[
            ("multiplier", "twice", "", "2"),
            ("quantity", "12.5 GW", "GW", "12.5"),
        ],
    );
    check_figures(
        "earn three times as much",
        &[("multiplier", "three times", "", "3")],
    );
    check_figures(
        "the world's third-largest market",
        &[("ordinal", "third", "", "3")],
    );
}

#[test]
fn not_figures() {
    check_no_figures("قمة مجموعة العشرين");
    check_no_figures("جائحة كوفيد-19");
    check_no_figures("عبر مركز الاتصال 19019، على");
    check_no_figures("see https://example.com/2025/11/report-300");
    check_no_figures("آلاف المهندسين الأتراك");
    check_no_figures("ضعف الطلب على النفط");
}

#[test]
fn entities_known() {
    check_entities(
        "صرح الرئيس فلاديمير بوتين بأن روسيا تحتل المرتبة الأولى كشريك لقرغيزستان",
        &[
            ("person", "فلاديمير بوتين", "Q7747"),
            ("location", "روسيا", "iso:RU"),
            ("location", "قرغيزستان", "iso:KG"),
        ],
    );
    check_entities(
        "وأن موسكو وبيشكيك تجريان",
        &[("location", "موسكو", ""), ("location", "بيشكيك", "")],
    );
    check_entities(
        "في سان بطرسبرغ في ديسمبر",
        &[("location", "سان بطرسبرغ", "")],
    );
    check_entities(
        "قال واشنطن إن فرنسا",
        &[("location", "واشنطن", ""), ("location", "فرنسا", "")],
    );
    // A place after a preposition that looks definite (إلى → الي) is no
    // nisba adjective, and a currency before ل + place is no adjective.
    check_entities(
        "وصل الوفد إلى السعودية التي تستضيف القمة",
        &[("location", "السعودية", "iso:SA")],
    );
    check_entities(
        "تدفقات بلغت 35 مليار دولار لمصر من الإمارات",
        &[
            ("location", "مصر", "iso:EG"),
            ("location", "الإمارات", "iso:AE"),
        ],
    );
    check_entities(
        "The International Monetary Fund (IMF) said",
        &[
            ("organization", "International Monetary Fund", "org:imf"),
            ("organization", "IMF", "org:imf"),
        ],
    );
}

#[test]
fn entities_by_rule() {
    check_entities(
        "وقال وزير المالية الكويتي أنور العلي إن الحكومة",
        &[("person", "أنور العلي", "")],
    );
    check_entities(
        "وأضاف رئيس شركة ديرجاز إيفان بيتروف أن",
        &[
            ("organization", "ديرجاز", ""),
            ("person", "إيفان بيتروف", ""),
        ],
    );
    check_entities(
        "أعلن مركز خليفة بن زايد للأبحاث أن",
        &[("organization", "مركز خليفة بن زايد للأبحاث", "")],
    );
    check_entities(
        "المصدر: وكالة أنباء البحرين (بنا)",
        &[
            ("organization", "وكالة أنباء البحرين", ""),
            ("organization", "بنا", ""),
        ],
    );
    check_entities(
        "Finance Minister Jane Doeling said the plan",
        &[("person", "Jane Doeling", "")],
    );
    check_entities(
        "shares of Acme Holdings rose",
        &[("organization", "Acme Holdings", "")],
    );
    check_not_entities(
        "قال الرئيس الروسي إن البلاد",
        &["الرئيس", "الروسي", "الرئيس الروسي"],
    );
}

#[test]
fn entities_by_head_rules() {
    check_entities(
        "سيطرت القوات على بلدة كوراخوفو",
        &[("location", "كوراخوفو", "")],
    );
    check_entities(
        "وذكرت صحيفة \"إزفيستيا\" الروسية",
        &[("organization", "إزفيستيا", "")],
    );
    check_entities(
        "وقال الخبير في جامعة إسطنبول التقنية أحمد كايا لوكالة سبوتنيك إن",
        &[
            ("organization", "جامعة إسطنبول التقنية", ""),
            ("person", "أحمد كايا", ""),
            ("organization", "سبوتنيك", "org:sputnik"),
        ],
    );
    check_entities(
        "European Council President Antonio Costa said",
        &[("organization", "European Council", "")],
    );
    check_not_entities("وصل إلى مدينة كبيرة في ولاية جديدة", &["كبيرة", "جديدة"]);
    check_not_entities("The Kremlin said GDP rose", &["The", "GDP"]);
}

#[test]
fn spanish_and_russian_numbers() {
    let out = ex().extract("alcanzaron 593.000 millones de dólares", Some("es"), None);
    assert!(
        out.figures
            .iter()
            .any(|f| f.value == khabar_core::FigureValue::Number(593e9)),
        "{:#?}",
        out.figures
    );
    let out = ex().extract("экспорт нефти составил 240 млн тонн", Some("ru"), None);
    assert!(
        out.figures.iter().any(|f| f.unit.as_deref() == Some("t")),
        "{:#?}",
        out.figures
    );
}

#[test]
fn linking() {
    same_id(
        "قال وزير الطاقة سامر الخطيب إن ... وأضاف الخطيب أن",
        "سامر الخطيب",
        "الخطيب",
    );
    same_id(
        "بوتين: التبادل ... صرح الرئيس فلاديمير بوتين",
        "بوتين",
        "فلاديمير بوتين",
    );
    same_id(
        "رجب طيب أردوغان ... عن إردوغان قوله",
        "رجب طيب أردوغان",
        "إردوغان",
    );
    same_id(
        "Adani Green Energy plans ... Adani Green said",
        "Adani Green Energy",
        "Adani Green",
    );
}

#[test]
fn user_data_extends_builtins() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("extra.tsv"),
        "local:zorg\torganization\tZorg Corp\t\tزورغ|Zorgco\n",
    )
    .unwrap();
    let ex = Extractor::with_user_data(dir.path()).unwrap();
    let out = ex.extract("أعلنت زورغ عن أرباح", Some("ar"), None);
    assert!(out
        .entities
        .iter()
        .any(|e| e.text == "زورغ" && e.id == "local:zorg"));
}

#[test]
fn generated_town_spellings_need_a_place_cue() {
    // From places_translit.tsv: towns GeoNames names only in Latin or Cyrillic.
    check_entities(
        "قطع التيار يوميا في سوخوم وغاغرا وغوداوتا بسبب الجفاف",
        &[
            ("location", "سوخوم", "gn:611847"),
            ("location", "غاغرا", "gn:614622"),
            ("location", "غوداوتا", "gn:614409"),
        ],
    );
    check_entities(
        "بعد توقف مصفاة بانتشيفو عن العمل",
        &[("location", "بانتشيفو", "gn:787237")],
    );
    check_entities(
        "Serbia's sole refinery, at Pancevo near Belgrade, will stop",
        &[("location", "Pancevo", "gn:787237")],
    );
    check_entities(
        "fuel from Westinghouse for the Paks nuclear power plant",
        &[("location", "Paks", "gn:3046768")],
    );
    // First-level regions of ISO 3166-2, transliterated the same way.
    check_entities(
        "تطلق المصفاة في ولاية تاباسكو إنتاجها، وفي مقاطعة ماتابيليلاند الشمالية",
        &[
            ("location", "تاباسكو", "iso2:MX-TAB"),
            ("location", "ماتابيليلاند الشمالية", "iso2:ZW-MN"),
        ],
    );
    // No cue, or a cue that is as often for a person (ل), or inside a longer name.
    check_not_entities("قالت غوداوتا إن الحكومة", &["غوداوتا"]);
    check_not_entities("مقابل 30% لنصر الله و28% لمونكادا", &["مونكادا"]);
    check_not_entities("In the Sul de Minas region, a bag", &["Minas"]);
}

#[test]
fn parties_by_creed_and_acts_outside_names() {
    check_entities(
        "ومرشح الحزب الليبرالي سلفادور نصر الله",
        &[("organization", "الحزب الليبرالي", "")],
    );
    check_entities(
        "وحصل الحزب الديمقراطي المسيحي على المرتبة الثانية",
        &[("organization", "الحزب الديمقراطي المسيحي", "")],
    );
    check_entities(
        "فاز الحزب الجمهوري بالأغلبية",
        &[("organization", "الحزب الجمهوري", "org:gop")],
    );
    check_not_entities("قال الحزب الحاكم إن", &["الحزب الحاكم"]);
    check_entities(
        "إلى حل مجلس الأمة وتعليق العمل ببعض مواد الدستور",
        &[("organization", "مجلس الأمة", "")],
    );
    check_entities(
        "قالت وزارة التجارة الخارجية وترقية الصادرات إن",
        &[("organization", "وزارة التجارة الخارجية وترقية الصادرات", "")],
    );
}

#[test]
fn not_names_after_spokesmen_verbs_and_before_adverbs() {
    check_not_entities(
        "قال المتحدث باسم الرئاسة الروسية دميتري بيسكوف",
        &["باسم الرئاسة"],
    );
    check_not_entities("وهي مسافة آمنة تماما.", &["آمنة تماما"]);
    check_not_entities("أعلن دعمه لعصفورة، المنحدر من", &["دعمه لعصفورة"]);
    check_entities("وقال ميشيل بارنييه إن", &[("person", "ميشيل بارنييه", "")]);
}

#[test]
fn compound_places_regions_and_slavic_surnames() {
    check_entities(
        "وصلت السفينة إلى بتروبافلوفسك-كامتشاتسكي أمس",
        &[("location", "بتروبافلوفسك-كامتشاتسكي", "")],
    );
    check_entities(
        "the Metsamor plant in Armavir Province, 35 km west of Yerevan",
        &[("location", "Armavir Province", "")],
    );
    check_not_entities("in Basra province, officials said", &["Basra province"]);
    check_not_entities(
        "وقالت حكومة المقاطعة إن الإصلاحات ستنتهي",
        &["حكومة المقاطعة"],
    );
    check_entities(
        "أعلن رئيس جمهورية ساخا (ياقوتيا) أيسين نيكولاييف انطلاق الأعمال",
        &[("person", "أيسين نيكولاييف", "")],
    );
    check_not_entities(
        "أعلن حاكم مقاطعة خاركوف الأوكرانية أوليغ سينيغوبوف",
        &["مقاطعة خاركوف"],
    );
}

#[test]
fn banks_participles_currents_and_surnames_that_spell_towns() {
    check_not_entities("على الضفة اليمنى لنهر لينا", &["الضفة"]);
    check_not_entities("على الضفة الغربية لبحيرة بلخاش", &["الضفة الغربية"]);
    check_entities(
        "في الضفة الغربية المحتلة",
        &[("location", "الضفة الغربية", "loc:west-bank")],
    );
    check_not_entities("ارتفعت مبيعات السيارات المجمعة محليا", &["المجمعة"]);
    check_not_entities(
        "قطع التيار الكهربائي لمدة 4 ساعات",
        &["التيار الكهربائي لمدة", "التيار الكهربائي"],
    );
    let out = ex().extract(
        "أعلن رئيس ياقوتيا أيسين نيكولاييف أن المشروع بدأ. وقال نيكولاييف إن",
        Some("ar"),
        None,
    );
    let short = out.entities.iter().find(|e| e.text == "نيكولاييف").unwrap();
    let full = out
        .entities
        .iter()
        .find(|e| e.text == "أيسين نيكولاييف")
        .unwrap();
    assert_eq!((short.kind.as_str(), &short.id), ("person", &full.id));
}

#[test]
fn figures_counted_nouns_in_alif_lam_compound_ordinals_same_year_and_som() {
    // أل/آل that fold to ال are no article.
    check_figures(
        "ويرفع رصيده إلى 6 ألقاب ويضم الفريق 20 آلية",
        &[
            ("count", "6 ألقاب", "ألقاب", "6"),
            ("count", "20 آلية", "آلية", "20"),
        ],
    );
    check_figures(
        "ليحقق فوزه الحادي والثلاثين على التوالي",
        &[("ordinal", "الحادي والثلاثين", "", "31")],
    );
    check_figures(
        "أنهى ألكاراز موسم 2025 متصدرا للتصنيف",
        &[("date", "2025", "", "\"2025\"")],
    );
    check_figures(
        "دخلتها في فبراير 2022 قبل أن تنسحب منها في سبتمبر من العام نفسه",
        &[("date", "سبتمبر من العام نفسه", "", "\"2022-09\"")],
    );
    check_figures(
        "قالت حكومة أوزبكستان إنها أنفقت 1.5 تريليون سوم",
        &[("money", "1.5 تريليون سوم", "UZS", "1500000000000")],
    );
}

#[test]
fn a_sector_and_nationality_describe_the_company_named_after_them() {
    check_entities(
        "استحواذ أدنوك على شركة الكيماويات الألمانية كوفيسترو بقيمة 14 مليار يورو",
        &[("organization", "كوفيسترو", "")],
    );
    check_not_entities("وقالت شركة النفط الروسية روسنفت إن", &["النفط الروسية"]);
    check_entities(
        "قالت شركة الاتصالات السعودية إن",
        &[("organization", "الاتصالات السعودية", "org:stc")],
    );
}

#[test]
fn towns_spelt_like_words_nationalities_or_family_names() {
    check_not_entities("أعلنت حالة القوة القاهرة في الحقل", &["القاهرة"]);
    check_not_entities("وصلت شحنة من الفيول أويل إلى المرفأ", &["أويل"]);
    check_not_entities(
        "شركاء بينهم ميتسوي اليابانية وأو إن جي سي فيديش الهندية.",
        &["الهندية"],
    );
    check_entities(
        "في مدينة الهندية بمحافظة كربلاء",
        &[("location", "الهندية", "")],
    );
    check_entities(
        "وقال مدير المشروع رشيد الوزاني إن الميناء جاهز",
        &[("person", "رشيد الوزاني", "")],
    );
    check_entities(
        "وصل الوزير إلى الإسكندرية أمس",
        &[("location", "الإسكندرية", "")],
    );
}

#[test]
fn features_plateaus_bridges_and_where_names_end() {
    check_entities(
        "احتياطيات هضبة أبو طرطور تقدر بنحو مليار طن",
        &[("location", "هضبة أبو طرطور", "")],
    );
    check_entities("أعمال جسر بنزرت الجديد", &[("location", "جسر بنزرت", "")]);
    check_not_entities(
        "بناء جسر جديد وتحويل القاعدة إلى مطار مدني",
        &["جسر جديد", "مطار مدني"],
    );
    check_entities(
        "ارتفاع منسوب سد أمير كبير",
        &[("location", "سد أمير كبير", "")],
    );
    check_entities(
        "وجه الأمير جلوي بن عبد العزيز بن مساعد بتسريع الأعمال",
        &[("person", "جلوي بن عبد العزيز بن مساعد", "")],
    );
}

#[test]
fn crossings_and_refineries_by_their_place() {
    check_entities("عبر منفذ الوديعة الحدودي", &[("location", "الوديعة", "")]);
    check_entities("توسعة مصفاة الزور", &[("location", "الزور", "")]);
}

#[test]
fn party_nationalities_latin_order_banks_and_names_in_two_pieces() {
    check_entities(
        "فاز الحزب الوطني البنغلاديشي بالانتخابات",
        &[("organization", "الحزب الوطني البنغلاديشي", "")],
    );
    check_entities(
        "بقرض من إكسيم بنك الأمريكي بقيمة مليار دولار",
        &[("organization", "إكسيم بنك", "")],
    );
    check_not_entities("ارتفع سهم بنك البحرين", &["سهم بنك"]);
    check_not_entities(
        "بإنشاء جسر فوق سكة حديدية",
        &["جسر فوق سكة حديدية", "جسر فوق"],
    );
    check_entities(
        "وقال الرئيس البرازيلي لويز إيناسيو لولا دا سيلفا إن",
        &[("person", "لويز إيناسيو لولا دا سيلفا", "person:lula")],
    );
    check_entities(
        "التقى بوتين شي جين بينغ في موسكو",
        &[
            ("person", "بوتين", "Q7747"),
            ("person", "شي جين بينغ", "Q15031"),
        ],
    );
    check_entities(
        "واستقبل عبد المجيد تبون وإيمانويل ماكرون الوفود",
        &[
            ("person", "عبد المجيد تبون", ""),
            ("person", "إيمانويل ماكرون", ""),
        ],
    );
}

#[test]
fn given_names_that_begin_like_fa_and_the_article() {
    check_entities(
        "وقال حاكم المنطقة فاليري ليمارينكو إن",
        &[("person", "فاليري ليمارينكو", "")],
    );
    check_entities(
        "قالت فالنتينا شيفتشينكو إن اللقب",
        &[("person", "فالنتينا شيفتشينكو", "")],
    );
    check_not_entities("فالحكومة قررت رفع الأسعار", &["فالحكومة"]);
}

#[test]
fn quantities_after_place_heads_and_hamza_after_a_proclitic() {
    check_not_entities("شهدت مدن عدة في الصين احتجاجات", &["عدة"]);
    check_not_entities("وأدان رئيس الحكومة الهجوم", &["وأدان"]);
    check_entities("وصل الوفد إلى وادان", &[("location", "وادان", "")]);
    check_entities(
        "في مناجم المتلوي وأم العرائس والرديف",
        &[("location", "أم العرائس", "")],
    );
}

#[test]
fn second_given_names_with_the_article_and_slavic_name_ends() {
    check_entities(
        "وقالت وزيرة الإسكان فاطمة الزهراء المنصوري أن",
        &[("person", "فاطمة الزهراء المنصوري", "")],
    );
    check_entities(
        "أبرم رجل الأعمال ميخائيل زايتسيف اتفاقا للتعاون",
        &[("person", "ميخائيل زايتسيف", "")],
    );
    // A feminine Slavic family name ends the name too.
    check_entities(
        "وقالت وزيرة المالية تيمينوجكا بيتكوفا بفرض غرامات",
        &[("person", "تيمينوجكا بيتكوفا", "")],
    );
    check_entities(
        "قال الرئيس فلاديمير فلاديميروفيتش بوتين إن",
        &[("person", "فلاديمير فلاديميروفيتش بوتين", "Q7747")],
    );
    check_entities(
        "وقال المتهم حمد سيف الشامسي إن",
        &[("person", "حمد سيف الشامسي", "")],
    );
}

#[test]
fn federations_ranks_levs_and_words_in_no_name() {
    check_entities(
        "قال الاتحاد الدولي للشطرنج إن البطولة",
        &[("organization", "الاتحاد الدولي للشطرنج", "")],
    );
    check_entities(
        "فاز الاتحاد على الهلال في الدوري",
        &[("organization", "الاتحاد", "org:ittihad")],
    );
    check_not_entities(
        "وأعرب عن فخره بهذا الإنجاز في ربيع العام المقبل",
        &["بهذا الإنجاز", "ربيع العام"],
    );
    check_entities(
        "تلقى أيمن فوزي مقابل عدم تحرير المخالفات",
        &[("person", "أيمن فوزي", "")],
    );
    check_figures(
        "وحلت في المرتبة 18 عالميا، وبلغت 200 ألف ليف",
        &[
            ("ordinal", "المرتبة 18", "", "18"),
            ("money", "200 ألف ليف", "BGN", "200000"),
        ],
    );
    check_figures(
        "بحلول 2026 سيكون المشروع جاهزا",
        &[("date", "2026", "", "\"2026\"")],
    );
}

#[test]
fn a_person_after_a_nationality() {
    check_entities(
        "وقال الروسي إيفان بيتروف فاز بالسباق",
        &[("person", "إيفان بيتروف", "")],
    );
    check_not_entities("الروسي إيفان بيتروف فاز بالسباق", &["إيفان بيتروف فاز"]);
    check_entities(
        "سجل الأرجنتيني أليكسيس ماك أليستر هدفا",
        &[("person", "أليكسيس ماك أليستر", "")],
    );
    check_entities(
        "قال رئيس UFC دانا وايت خلال المؤتمر وعميد البلدية حامد الخيالي",
        &[("person", "حامد الخيالي", "")],
    );
    check_not_entities(
        "وقعت الشركة الصينية تشاينا هاربور العقد",
        &["تشاينا هاربور"],
    );
}

#[test]
fn european_name_links_and_fighters() {
    check_entities(
        "وفاز المقاتل الروسي إسلام ماخاتشيف على الأسترالي جاك ديلا مادالينا",
        &[
            ("person", "إسلام ماخاتشيف", ""),
            ("person", "جاك ديلا مادالينا", ""),
        ],
    );
    check_entities(
        "وقالت المهندسة جوزيبينا دي فوجا إن",
        &[("person", "جوزيبينا دي فوجا", "")],
    );
    check_entities("وصل إلى بيروت ثم دا نانغ", &[("location", "دا نانغ", "")]);
}

#[test]
fn sons_named_after_a_known_father_traffic_rooms_and_cedis() {
    check_entities(
        "Sheikh Theyab bin Mohamed bin Zayed Al Nahyan attended",
        &[("person", "Theyab bin Mohamed bin Zayed Al Nahyan", "")],
    );
    check_entities(
        "حضر الشيخ ذياب بن محمد بن زايد آل نهيان",
        &[("person", "ذياب بن محمد بن زايد آل نهيان", "")],
    );
    check_entities(
        "التقى محمد بن زايد بوتين",
        &[("person", "محمد بن زايد", "person:mohammed-bin-zayed")],
    );
    check_not_entities(
        "وتوقفت حركة الترام لساعات وقالت غرفة العمليات المركزية",
        &["حركة الترام لساعات", "غرفة العمليات المركزية"],
    );
    check_figures(
        "بلغت الإيرادات 5 مليارات سيدي",
        &[("money", "5 مليارات سيدي", "GHS", "5000000000")],
    );
}

#[test]
fn the_company_described_by_adjectives_then_named() {
    check_entities(
        "نقلت الحصة إلى الشركة الوطنية سوبامين.",
        &[("organization", "سوبامين", "")],
    );
    check_not_entities(
        "أعلنت الشركة الحكومية الصينية سينوبك أن",
        &["الشركة الحكومية الصينية"],
    );
    check_not_entities("العقد يمنح الشركة الروسية امتيازات كبيرة", &["امتيازات"]);
}

#[test]
fn a_town_named_given_name_after_a_nationality() {
    check_entities(
        "ونظيره الباراغواياني سانتياغو بينيا والإكوادوري دانيال نوبوا",
        &[("person", "سانتياغو بينيا", "")],
    );
    check_entities(
        "وقال محافظ حمص عبد الرحمن الأعمى إن",
        &[("location", "حمص", ""), ("person", "عبد الرحمن الأعمى", "")],
    );
}

#[test]
fn names_not_split_into_proclitic_and_town() {
    check_entities(
        "وأكدت وزيرة الصناعة فاطمة ثابت شيبوب أن",
        &[("person", "فاطمة ثابت شيبوب", "")],
    );
    check_entities(
        "وقال رئيس المجلس كليمان أتانغانا إن",
        &[("person", "كليمان أتانغانا", "")],
    );
    check_entities(
        "وقالت ريم الحمادي، كبيرة الاقتصاديين",
        &[("person", "ريم الحمادي", "")],
    );
    check_not_entities("قبل الدخول في معسكر تحضيري يدوم عشرة أيام", &["معسكر"]);
    check_entities("في مدينة معسكر غرب الجزائر", &[("location", "معسكر", "")]);
    check_entities(
        "وقعت الدول في بيشكيك اتفاقية لتأسيس شركة",
        &[("location", "بيشكيك", "")],
    );
    check_not_entities("وصف ديربي بغداد بأنه الأهم", &["ديربي"]);
}

#[test]
fn english_regions_and_ministries_by_their_whole_names() {
    check_entities(
        "Local officials in Al Wusta Governorate said a new hospital",
        &[("location", "Al Wusta Governorate", "")],
    );
    check_entities(
        "mines in the North-Western Province of Zambia",
        &[("location", "North-Western Province", "")],
    );
    check_entities(
        "Oman's Ministry of Agriculture, Fisheries and Water Resources said",
        &[(
            "organization",
            "Ministry of Agriculture, Fisheries and Water Resources",
            "",
        )],
    );
    check_entities(
        "the Ministry of Finance and Reuters said",
        &[
            ("organization", "Ministry of Finance", ""),
            ("organization", "Reuters", "org:reuters"),
        ],
    );
}

#[test]
fn english_family_names_that_spell_towns() {
    check_entities(
        "Chief Executive Tomaso Rodriguez said the board would",
        &[("person", "Tomaso Rodriguez", "")],
    );
    check_entities(
        "chief economist Álvaro Santos Pereira told reporters",
        &[("person", "Álvaro Santos Pereira", "")],
    );
    check_entities(
        "Chief Executive Abdullah Al-Badr said the company",
        &[("person", "Abdullah Al-Badr", "")],
    );
    check_entities(
        "President Putin visited Paris on Monday",
        &[("location", "Paris", "")],
    );
}

#[test]
fn seoul_only_in_a_text_about_korea() {
    check_not_entities("مصرع 14 شخصا في سيول جنوب شرق المغرب", &["سيول"]);
    check_entities(
        "وصل الرئيس الكوري الجنوبي إلى سيول",
        &[("location", "سيول", "gn:1835848")],
    );
}

#[test]
fn makers_of_a_line_of_business_are_no_company() {
    check_not_entities("بوصفها أكبر منتج للسيارات في روسيا", &["منتج للسيارات"]);
    check_not_entities("أصبحت ثاني مشغل للاتصالات", &["مشغل للاتصالات"]);
    check_entities(
        "أعلنت لولو للتجزئة عن أرباحها",
        &[("organization", "لولو للتجزئة", "")],
    );
}

#[test]
fn user_entries_may_need_a_place_cue() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("towns.tsv"),
        "local:zorgville\tlocation\tZorgville\t@cue\tزورغفيل\n",
    )
    .unwrap();
    let ex = Extractor::with_user_data(dir.path()).unwrap();
    let found = |text: &str| {
        ex.extract(text, Some("ar"), None)
            .entities
            .iter()
            .any(|e| e.text == "زورغفيل" && e.id == "local:zorgville")
    };
    assert!(found("وصل الوفد إلى زورغفيل أمس"));
    assert!(found("اجتمعوا بزورغفيل أمس"));
    assert!(!found("قال زورغفيل إن"));
}

#[test]
fn bad_user_data_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.tsv"), "only\ttwo\n").unwrap();
    let err = Extractor::with_user_data(dir.path())
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 1"), "{err}");
}

#[test]
fn detects_language() {
    for (text, lang) in [
        ("قال الرئيس", "ar"),
        ("The president said", "en"),
        ("Президент заявил", "ru"),
        ("El presidente dijo que la economía", "es"),
    ] {
        assert_eq!(crate::detect_lang(text), lang, "{text:?}");
    }
}

#[test]
fn russian_and_spanish_places() {
    let out = ex().extract("Президент России встретился в Москве", Some("ru"), None);
    assert!(
        out.entities
            .iter()
            .any(|e| e.id == "iso:RU" || e.id == "gn:524901"),
        "{:#?}",
        out.entities
    );
    let out = ex().extract("La OPEP se reunió en Viena con Rusia", Some("es"), None);
    assert!(
        out.entities.iter().any(|e| e.text == "Viena"),
        "{:#?}",
        out.entities
    );
    assert!(
        out.entities.iter().any(|e| e.text == "OPEP"),
        "{:#?}",
        out.entities
    );
}

#[test]
fn lam_article_contractions() {
    // ل + ال writes one lam: the contracted word is the only slice that spells the name.
    check_entities(
        "وقدمت روسيا طلبا للأمم المتحدة، ووجهت رسالة لليابان وللصين.",
        &[
            ("organization", "للأمم المتحدة", "org:un"),
            ("location", "لليابان", "iso:JP"),
            ("location", "للصين", "iso:CN"),
        ],
    );
    // A plain mention of the same entity lists it; the contracted one adds nothing.
    let text = "فاز النصر على الهلال في الدوري السعودي، وافتتح رونالدو التسجيل للنصر.";
    let out = ex().extract(text, None, published());
    let texts: Vec<&str> = out.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(texts.contains(&"النصر"), "{texts:?}");
    assert!(!texts.contains(&"للنصر"), "{texts:?}");
}

#[test]
fn hijri_dates() {
    check_figures(
        "تبدأ الهدنة يوم 15 رمضان 1447 هـ، ويحل عيد الأضحى في 10 ذو الحجة.",
        &[
            ("date", "15 رمضان 1447 هـ", "", "\"2026-03-04\""),
            // Year-less: the Hijri year of `published` (2025-11-26 is in 1447).
            ("date", "10 ذو الحجة", "", "\"2026-05-27\""),
        ],
    );
    // Month names that are also given names need a day before them.
    check_not_entities("وقال رجب طيب أردوغان إن رمضان قديروف وصل", &["رجب"]);
    let out = ex().extract("وصل رمضان قديروف إلى موسكو", None, published());
    assert!(out.figures.is_empty(), "{:#?}", out.figures);
    // Without `published` a year-less Hijri date has no Gregorian reading: no
    // figure, and never a count of "رمضان".
    let out = ex().extract("في 15 رمضان", Some("ar"), None);
    assert!(out.figures.is_empty(), "{:#?}", out.figures);
}

#[test]
fn shared_currency_names_follow_the_country() {
    check_figures(
        "خصصت الحكومة الإيرانية 1.04 مليون ريال. وفي العراق بلغت الإيرادات 500 مليون دينار. وفي مصر بلغ السعر 40 جنيها.",
        &[
            ("money", "1.04 مليون ريال", "IRR", "1040000"),
            ("money", "500 مليون دينار", "IQD", "500000000"),
            ("money", "40 جنيها", "EGP", "40"),
        ],
    );
    // No country named: the most common reading.
    check_figures("سعر الكيلو 20 ريالا", &[("money", "20 ريالا", "SAR", "20")]);
    // A country written into the currency name wins over the text's country.
    check_figures(
        "قالت طهران إن السعر بلغ 5 ريالات سعودية و3 دنانير كويتية",
        &[
            ("money", "5 ريالات سعودية", "SAR", "5"),
            ("money", "3 دنانير كويتية", "KWD", "3"),
        ],
    );
}

#[test]
fn unnamed_sources_are_not_persons() {
    for text in [
        "وقال مسؤول إيراني كبير إن المفاوضات مستمرة",
        "وأكد مصدر دبلوماسي روسي أن الاتفاق قريب",
        "وقال سفير روسي سابق إن العلاقات متوترة",
        "وذكر بيان صادر عن الوزارة أن العمل مستمر",
        "وقالت مصادر مطلعة إن الاجتماع تأجل",
    ] {
        let out = ex().extract(text, None, published());
        let persons: Vec<&str> = out
            .entities
            .iter()
            .filter(|e| e.kind == "person")
            .map(|e| e.text.as_str())
            .collect();
        assert!(persons.is_empty(), "{text}: {persons:?}");
    }
    // A role whose person is already named does not take the next words.
    check_not_entities(
        "وقالت إدارة الرئيس دونالد ترامب تدرس فرض رسوم جمركية",
        &["تدرس فرض رسوم جمركية"],
    );
    // Named people after the same cues are still found.
    check_entities(
        "وقال علي لاريجاني إن الوفد وصل. وقال سفير فلسطين لدى موسكو عبد الحفيظ نوفل إن الموقف ثابت.",
        &[
            ("person", "علي لاريجاني", ""),
            ("person", "عبد الحفيظ نوفل", ""),
        ],
    );
}

#[test]
fn quoted_names_may_hold_a_place() {
    check_entities(
        "وأوضح المدير التنفيذي لشركة \"نفط الكويت\" أحمد العيدان أن الإنتاج ارتفع",
        &[
            ("organization", "نفط الكويت", ""),
            ("person", "أحمد العيدان", ""),
        ],
    );
    check_not_entities("لشركة \"نفط الكويت\"", &["الكويت"]);
}

#[test]
fn currency_subunits() {
    check_figures(
        "Futures gained 95 cents. وارتفع السعر 40 سنتا للبرميل.",
        &[
            ("money", "95 cents", "USD", "0.95"),
            ("money", "40 سنتا", "USD", "0.4"),
        ],
    );
}

#[test]
fn day_ranges_and_cold() {
    check_figures(
        "تعقد القمة في 12 و13 ديسمبر/كانون الأول المقبل، وقد تنخفض الحرارة إلى 5 درجات تحت الصفر.",
        &[
            ("date", "12", "", "\"2025-12-12\""),
            ("date", "13 ديسمبر/كانون الأول المقبل", "", "\"2025-12-13\""),
            ("quantity", "5 درجات تحت الصفر", "C", "-5"),
        ],
    );
}

#[test]
fn arabic_organisation_and_place_rules() {
    check_entities(
        "حل ائتلاف دولة القانون بزعامة نوري المالكي ثانيا، وقاطع التيار الصدري بزعامة مقتدى الصدر الانتخابات.",
        &[
            ("organization", "ائتلاف دولة القانون", ""),
            ("person", "نوري المالكي", ""),
            ("organization", "التيار الصدري", ""),
            ("person", "مقتدى الصدر", ""),
        ],
    );
    check_entities(
        "أعلنت المفوضية العليا المستقلة للانتخابات النتائج، ورحبت بعثة الأمم المتحدة لمساعدة العراق بذلك.",
        &[
            ("organization", "المفوضية العليا المستقلة للانتخابات", ""),
            ("organization", "بعثة الأمم المتحدة لمساعدة العراق", ""),
        ],
    );
    check_entities(
        "فر آلاف من مخيم زمزم إلى معبر أدري، وأقلعت الطائرة من مطار الملك خالد الدولي، وتكبدت شركة طيران الهند خسائر، وتراجعت بورصة باكستان.",
        &[
            // A camp by its name, as most gold sets annotate it (3 to 1).
            ("location", "زمزم", ""),
            ("location", "أدري", ""),
            ("location", "مطار الملك خالد الدولي", ""),
            ("organization", "طيران الهند", ""),
            ("organization", "بورصة باكستان", ""),
        ],
    );
    check_not_entities("عقد منتدى للطاقة في المدينة", &["منتدى للطاقة"]);
}

#[test]
fn years_are_not_amounts_or_counts() {
    check_figures(
        "ارتفعت المساهمة خلال 2025 إلى 270 مليون يورو، وشيد الخط بين عامي 1970 و1975 بقرض صيني.",
        &[
            ("date", "2025", "", "\"2025\""),
            ("money", "270 مليون يورو", "EUR", "270000000"),
            ("date", "1975", "", "\"1975\""),
        ],
    );
    check_figures(
        "بلغ سعر الدولار في كراتشي 282 روبية",
        &[("money", "282 روبية", "PKR", "282")],
    );
}

#[test]
fn english_ranks_verbs_and_datelines() {
    check_figures(
        "SEOUL, Oct 30 (Reuters) - Profits could triple. The world's No. 1 chipmaker finished sixth; sales doubled.",
        &[
            ("date", "Oct 30", "", "\"2025-10-30\""),
            ("multiplier", "triple", "", "3"),
            ("ordinal", "No. 1", "", "1"),
            ("ordinal", "sixth", "", "6"),
            ("multiplier", "doubled", "", "2"),
        ],
    );
}

#[test]
fn arabic_duals_count_two() {
    check_figures(
        "سجل مبابي هدفين خلال أسبوعين",
        &[
            ("count", "هدفين", "هدفين", "2"),
            ("count", "أسبوعين", "أسبوعين", "2"),
        ],
    );
}

#[test]
fn compound_amounts_and_long_roles() {
    check_figures(
        "عاد مليون و400 ألف نازح، ويعمل ألفا عامل، وبلغ السعر 6 مليارات أوقية.",
        &[
            ("count", "مليون و400 ألف نازح", "نازح", "1400000"),
            ("count", "ألفا عامل", "عامل", "2000"),
            ("money", "6 مليارات أوقية", "MRU", "6000000000"),
        ],
    );
    check_entities(
        "قال وزير البيئة والمياه والزراعة السعودي عبد الرحمن الفضلي إن الإنتاج ارتفع، وقال نائب محافظ الهيئة لقطاع المشتريات عبد الله الصقري إن السعر انخفض.",
        &[
            ("person", "عبد الرحمن الفضلي", ""),
            ("person", "عبد الله الصقري", ""),
        ],
    );
    check_not_entities(
        "وقال نائب محافظ الهيئة لقطاع المشتريات عبد الله الصقري",
        &["لقطاع المشتريات"],
    );
}

#[test]
fn english_apposition() {
    check_entities(
        "Shares rose. Katrin Lehmann, an analyst at Bankhaus Metzler, said so. Conab, the national crop agency, agreed.",
        &[
            ("person", "Katrin Lehmann", ""),
            ("organization", "Bankhaus Metzler", ""),
            ("organization", "Conab", ""),
        ],
    );
}

#[test]
fn ali_and_feminine_family_names() {
    check_entities(
        "وقال الرئيس التنفيذي للشركة علي البقالي إن الأرباح ارتفعت. وأوضح مدير الهيئة سفيان البطاينة أن العمل بدأ.",
        &[("person", "علي البقالي", ""), ("person", "سفيان البطاينة", "")],
    );
    // The preposition على is not the name Ali.
    check_not_entities("وافق المجلس على المشروع الجديد", &["على المشروع"]);
    // A given name and family name after a role are not a construct.
    check_entities(
        "قال وزير الطوارئ وإدارة الكوارث رائد الصالح إن الحكومة أطلقت برنامجا.",
        &[("person", "رائد الصالح", "")],
    );
}

#[test]
fn places_after_heads_and_associations() {
    check_entities(
        "عبر معبر كرم أبو سالم، واستهدفت جرافة في بلدة المصيلح. وقالت جمعية المصارف في لبنان إن الخسائر كبيرة.",
        &[
            ("location", "كرم أبو سالم", ""),
            ("location", "المصيلح", ""),
            ("organization", "جمعية المصارف في لبنان", ""),
        ],
    );
    check_figures(
        "ارتفع سعر السكر إلى 12 شيكلا، ويفوق سعر الطحين مثلي مستواه.",
        &[
            ("money", "12 شيكلا", "ILS", "12"),
            ("multiplier", "مثلي", "", "2"),
        ],
    );
}

#[test]
fn duals_compounds_and_joined_constructs() {
    check_figures(
        "بعد تركيب ماكينتين توفر ثلاثة آلاف وخمسمئة وظيفة بقيمة 85 مليار فرنك أفريقي، وتناول بروتين.",
        &[
            ("count", "ماكينتين", "ماكينتين", "2"),
            ("count", "ثلاثة آلاف وخمسمئة وظيفة", "وظيفة", "3500"),
            ("money", "85 مليار فرنك أفريقي", "XOF", "85000000000"),
        ],
    );
    let out = ex().extract("وتناول بروتين", None, published());
    assert!(out.figures.is_empty(), "{:#?}", out.figures);
    check_entities(
        "أعلنت الشركة المصرية لإدارة وتشغيل المترو ذلك، وقالت وزارة التجارة الخارجية وترقية الصادرات إن القرار نهائي.",
        &[
            ("organization", "الشركة المصرية لإدارة وتشغيل المترو", ""),
            ("organization", "وزارة التجارة الخارجية وترقية الصادرات", ""),
        ],
    );
}

#[test]
fn maghrebi_names_and_complements_in_roles() {
    check_entities(
        "حذر رئيس الجمعية الوطنية للتجار الحاج الطاهر بولنوار من ندرة. وأعلن الناطق الرسمي باسم الحكومة مصطفى بايتاس تخصيص مليار درهم. وقالت الوزيرة المكلفة بالذكاء الاصطناعي كلارا شاباز إن العمل بدأ.",
        &[
            ("person", "الطاهر بولنوار", ""),
            ("person", "مصطفى بايتاس", ""),
            ("person", "كلارا شاباز", ""),
        ],
    );
    check_entities(
        "أنجزت شركة المقاولون العرب الحفر.",
        &[("organization", "المقاولون العرب", "")],
    );
}

#[test]
fn long_arabic_names() {
    check_entities(
        "وقال وزير الطاقة أحمد علي الإبراهيم إن العمل بدأ. وقال رئيس الوزراء الشيخ محمد بن عبد العزيز الخليفي إن الاتفاق قريب.",
        &[
            ("person", "أحمد علي الإبراهيم", ""),
            ("person", "محمد بن عبد العزيز الخليفي", ""),
        ],
    );
    check_not_entities(
        "وقال الخبير فينيامين كوندراتييف حالة الطوارئ قائمة",
        &["فينيامين كوندراتييف حالة"],
    );
}

#[test]
fn names_stop_before_phrases_and_more_heads() {
    check_entities(
        "فاز أندريه روبليف بلقب البطولة. ورحبت بعثة الأمم المتحدة للدعم في ليبيا بالقرار. وشارك الجيش الوطني الشعبي في الإطفاء.",
        &[
            ("person", "أندريه روبليف", ""),
            ("organization", "بعثة الأمم المتحدة للدعم في ليبيا", ""),
            ("organization", "الجيش الوطني الشعبي", ""),
        ],
    );
    check_not_entities("فاز أندريه روبليف بلقب البطولة", &["أندريه روبليف بلقب"]);
    check_figures(
        "التبادل السادس والستون بين البلدين شمل دفع 100 ألف هريفنيا",
        &[
            ("ordinal", "التبادل السادس والستون", "", "66"),
            ("money", "100 ألف هريفنيا", "UAH", "100000"),
        ],
    );
}

#[test]
fn armies_banks_and_boards() {
    check_entities(
        "وقال الجيش اللبناني إن الهدوء عاد. وقدم مصرف الرافدين قروضا. وقال رئيس مجلس إدارة الهيئة العامة للترفيه إن الموسم بدأ.",
        &[
            ("organization", "الجيش اللبناني", ""),
            ("organization", "مصرف الرافدين", ""),
            ("organization", "الهيئة العامة للترفيه", ""),
        ],
    );
    check_not_entities(
        "رئيس مجلس إدارة الهيئة العامة للترفيه",
        &["مجلس إدارة الهيئة العامة للترفيه"],
    );
    check_not_entities(
        "Al Ahly finished third in Group A of the Club World Cup.",
        &["Group A", "Club World Cup"],
    );
}

#[test]
fn english_hyphenated_amounts() {
    check_figures(
        "a 42-kilometre tunnel, a 295,000-euro study and the 32-team event",
        &[
            ("quantity", "42-kilometre", "km", "42"),
            ("money", "295,000-euro", "EUR", "295000"),
            ("count", "32-team", "team", "32"),
        ],
    );
}

#[test]
fn towns_and_villages_from_geonames() {
    check_entities(
        "وصلت القافلة إلى راوة ثم إلى عين يبرود قبل أن تعبر قراوة بني زيد.",
        &[
            ("location", "راوة", ""),
            ("location", "عين يبرود", ""),
            ("location", "قراوة بني زيد", ""),
        ],
    );
    // Village names that are also common words or surnames stay out.
    check_not_entities(
        "أعلنت الشركة خطة جديدة، وتولى 39 ملكا الحكم، وقال يوري غاغارين إن المنطقة المطلة على البحر جميلة.",
        &["جديدة", "ملكا", "المطلة", "غاغارين"],
    );
}

#[test]
fn feminine_definite_counts() {
    check_figures(
        "وقعت الدول الخمس الاتفاق، وتشمل الخطة المراحل الثلاث.",
        &[
            ("count", "الدول الخمس", "الدول", "5"),
            ("count", "المراحل الثلاث", "المراحل", "3"),
        ],
    );
}

#[test]
fn compound_number_words() {
    check_figures(
        "بلغت حصة الشركة واحدا وخمسين بالمئة منذ عام ألفين واثنين وعشرين، وعرض المهرجان مئتين وستة عشر فيلما بميزانية ثلاثة ملايين ونصف المليون دينار تونسي.",
        &[
            ("percent", "واحدا وخمسين بالمئة", "", "51"),
            ("date", "ألفين واثنين وعشرين", "", "\"2022\""),
            ("count", "مئتين وستة عشر فيلما", "فيلما", "216"),
            ("money", "ثلاثة ملايين ونصف المليون دينار تونسي", "TND", "3500000"),
        ],
    );
    check_figures(
        "أنتجت ستة ملايين وثمانمئة ألف طن ويعمل فيها أحد عشر ألف عامل باستثمار مليار ومئتي مليون دولار",
        &[
            ("quantity", "ستة ملايين وثمانمئة ألف طن", "t", "6800000"),
            ("count", "أحد عشر ألف عامل", "عامل", "11000"),
            ("money", "مليار ومئتي مليون دولار", "USD", "1200000000"),
        ],
    );
    // "أحد" and "إحدى" alone are "one of", not numbers.
    check_no_figures("قال أحد المسؤولين إن إحدى الوحدات توقفت");
}

#[test]
fn currencies_from_cldr_and_shared_names() {
    check_figures(
        "بلغت الكلفة 1.6 مليار لاري، وقال وزير جيبوتي إن الإيرادات بلغت 48 مليار فرنك جيبوتي.",
        &[
            ("money", "1.6 مليار لاري", "GEL", "1600000000"),
            ("money", "48 مليار فرنك", "DJF", "48000000000"),
        ],
    );
    // A shared name takes the currency of the country the text names.
    check_figures(
        "وعد الحزب في براغ بدفع ألف كرونة لكل متقاعد",
        &[("money", "ألف كرونة", "CZK", "1000")],
    );
    check_figures(
        "Chile's peso slid to 931 pesos per dollar; the airport will cost 120 billion birr.",
        &[
            ("money", "931 pesos", "CLP", "931"),
            ("money", "120 billion birr", "ETB", "120000000000"),
        ],
    );
}

#[test]
fn person_spans_drop_swept_in_words() {
    check_entities(
        "وقالت المتحدثة باسمها أندريا تيننتي إن القوة رصدت الخروقات. وقال الرئيس التنفيذي لشركة جيرا يوكيو كاني إن الاتفاق مهم.",
        &[("person", "أندريا تيننتي", "")],
    );
    check_not_entities(
        "وقالت المتحدثة باسمها أندريا تيننتي إن القوة رصدت الخروقات",
        &["باسمها أندريا تيننتي"],
    );
    check_entities(
        "الرئيس غزالي عثماني يحصد الأغلبية. وقال عبد الحفيظ نوفل إن الموقف ثابت.",
        &[
            ("person", "غزالي عثماني", ""),
            ("person", "عبد الحفيظ نوفل", ""),
        ],
    );
}

#[test]
fn maghrebi_months_day_ranges_and_indefinite_ordinals() {
    check_figures(
        "صدر الحكم ليلة 13 ماي، بعد توقيف في غشت 2024 وتحقيق بدأ في يوليوز 2023",
        &[
            ("date", "13 ماي", "", "\"2025-05-13\""),
            ("date", "غشت 2024", "", "\"2024-08\""),
            ("date", "يوليوز 2023", "", "\"2023-07\""),
        ],
    );
    check_figures(
        "تتواصل العروض من 13 إلى 20 كانون الأول/ديسمبر",
        &[
            ("date", "13", "", "\"2025-12-13\""),
            ("date", "20 كانون الأول/ديسمبر", "", "\"2025-12-20\""),
        ],
    );
    check_figures(
        "فاز الرئيس بولاية رابعة",
        &[("ordinal", "بولاية رابعة", "", "4")],
    );
    check_not_entities("فاز الرئيس بولاية رابعة", &["رابعة"]);
}

#[test]
fn english_organisation_heads_and_of_the() {
    check_entities(
        "SLAC National Accelerator Laboratory built the camera. The National Electoral Chamber said the Central Bank of the Argentine Republic agreed, analysts at Benchmark Mineral Intelligence said, and WuXi Vaccines will make it.",
        &[
            ("organization", "SLAC National Accelerator Laboratory", ""),
            ("organization", "National Electoral Chamber", ""),
            ("organization", "Central Bank of the Argentine Republic", ""),
            ("organization", "Benchmark Mineral Intelligence", ""),
            ("organization", "WuXi Vaccines", ""),
        ],
    );
}

#[test]
fn arabic_organisation_name_grammar() {
    check_entities(
        "رفعت الشركة دعوى أمام المركز الدولي لتسوية منازعات الاستثمار التابع للبنك الدولي. وقالت الوكالة الدولية لأبحاث السرطان التابعة لمنظمة الصحة العالمية إن الخطر قائم.",
        &[
            ("organization", "المركز الدولي لتسوية منازعات الاستثمار", ""),
            ("organization", "الوكالة الدولية لأبحاث السرطان", ""),
        ],
    );
    check_entities(
        "وتنظر الهيئة القضائية للانتخابات للبت في الطعون، وأعلنت اللجنة الوطنية المستقلة للانتخابات النتائج، وأوقفت الفرقة الوطنية للشرطة القضائية المتهمين.",
        &[
            ("organization", "الهيئة القضائية للانتخابات", ""),
            ("organization", "اللجنة الوطنية المستقلة للانتخابات", ""),
            ("organization", "الفرقة الوطنية للشرطة القضائية", ""),
        ],
    );
    check_entities(
        "وقالت الجامعة الأردنية إن المحكمة العليا قضت بذلك",
        &[
            ("organization", "الجامعة الأردنية", ""),
            ("organization", "المحكمة العليا", ""),
        ],
    );
}

#[test]
fn a_place_behind_a_preposition_is_not_in_the_name() {
    check_entities(
        "وأصدرت محكمة الاستئناف بالدار البيضاء أحكاما",
        &[
            ("organization", "محكمة الاستئناف", ""),
            ("location", "الدار البيضاء", ""),
        ],
    );
}

#[test]
fn a_longer_name_inside_a_match_wins() {
    check_entities(
        "ولعب مع نادي باريس سان جيرمان الفرنسي قبل أن يفاوض نادي باريس للدائنين",
        &[
            ("organization", "باريس سان جيرمان", "org:psg"),
            ("organization", "نادي باريس", ""),
        ],
    );
}

#[test]
fn english_subdivisions_from_iso_codes() {
    check_entities(
        "Coffee farms in Minas Gerais and Espírito Santo were hit by frost.",
        &[("location", "Minas Gerais", "iso2:BR-MG")],
    );
}

#[test]
fn multipliers_and_occasions() {
    check_figures(
        "تضاعف حجم البضائع عبر الشبكة ثلاث مرات، والطريق أسرع بمرتين، والدين أي مرة ونصف مستواه، والصادرات ضعف المستوى الحالي",
        &[
            ("multiplier", "ثلاث مرات", "", "3"),
            ("multiplier", "مرتين", "", "2"),
            ("multiplier", "مرة ونصف", "", "1.5"),
            ("multiplier", "ضعف", "", "2"),
        ],
    );
    // Occasions are counts; weakness is not a multiplier.
    check_figures(
        "زارت الجزائر ثلاث مرات وزار موسكو مرتين",
        &[
            ("count", "ثلاث مرات", "مرات", "3"),
            ("count", "مرتين", "مرتين", "2"),
        ],
    );
    check_no_figures("تراجعت الأسعار بسبب ضعف الطلب");
    check_figures(
        "shipping three times last year's volume, roughly double a 2007 estimate, more than doubling its bloc, as cases rose fourfold",
        &[
            ("multiplier", "three times", "", "3"),
            ("multiplier", "double", "", "2"),
            ("multiplier", "doubling", "", "2"),
            ("multiplier", "fourfold", "", "4"),
        ],
    );
}

#[test]
fn general_titles_and_compound_given_names() {
    check_entities(
        "وقال المدير العام للأمن الوطني عبد اللطيف حموشي إن العملية نجحت. وقال الأمين العام للحكومة نور الفتح غزالي إن الاقتراع جرى. وقال المدير العام لهيدروم عبد العزيز الشيذاني إن المشروع بدأ.",
        &[
            ("person", "عبد اللطيف حموشي", ""),
            ("person", "نور الفتح غزالي", ""),
            ("person", "عبد العزيز الشيذاني", ""),
        ],
    );
    check_entities(
        "وكانت المديرية العامة للأمن الوطني، التي يرأسها عبد اللطيف حموشي، قد أعلنت",
        &[("person", "عبد اللطيف حموشي", "")],
    );
}

#[test]
fn squares_and_features_end_before_a_joined_word() {
    check_entities(
        "احتشد المتظاهرون في ميدان التحرير وميدان رمسيس وسط القاهرة، وانسحبت القوات جنوب نهر الليطاني وسلمتها للجيش",
        &[
            ("location", "ميدان التحرير", ""),
            ("location", "ميدان رمسيس", ""),
            ("location", "نهر الليطاني", ""),
        ],
    );
}

#[test]
fn museums_are_places() {
    check_entities(
        "افتتح المتحف المصري الكبير بعد نقل القطع من متحف اللوفر",
        &[
            ("location", "المتحف المصري الكبير", ""),
            ("location", "متحف اللوفر", ""),
        ],
    );
}

#[test]
fn ho14_classes_prosecutors_councils_and_ordinal_days() {
    check_entities(
        "قالت النيابة العامة إن المجلس الدستوري أعلن النتائج، وقالت الإدارة العامة لمباحث الأموال العامة إن التحقيق مستمر.",
        &[
            ("organization", "النيابة العامة", ""),
            ("organization", "المجلس الدستوري", ""),
            ("organization", "الإدارة العامة لمباحث الأموال العامة", ""),
        ],
    );
    check_not_entities("وقال المجلس المحلي إن المياه عادت", &["المجلس المحلي"]);
    check_entities(
        "حل عيسى تشيروما بكاري ثانيا. The Gates Foundation and Saudi Arabia pledged funds.",
        &[
            ("person", "عيسى تشيروما بكاري", ""),
            ("organization", "Gates Foundation", ""),
            ("location", "Saudi Arabia", ""),
        ],
    );
    check_figures(
        "جرت انتخابات الثاني عشر من أكتوبر في الكاميرون بكلفة 47 مليار فرنك إفريقي، وبلغت الأضرار في فيتنام 3.2 تريليون دونغ",
        &[
            ("date", "الثاني عشر من أكتوبر", "", "\"2025-10-12\""),
            ("money", "47 مليار فرنك إفريقي", "XAF", "47000000000"),
            ("money", "3.2 تريليون دونغ", "VND", "3200000000000"),
        ],
    );
}

#[test]
fn family_words_and_compound_given_names() {
    check_entities(
        "وقال رئيس الهيئة تركي آل الشيخ إن الموسم بدأ. وأضاف آل الشيخ أن الزوار كثر. وقال والي البنك عبد اللطيف الجواهري إن التضخم تراجع. وقال وزير المالية عبد القادر الحصرية إن العملة مستقرة. وقال رئيس الغرفة خليل الحاج توفيق إن التجارة نمت.",
        &[
            ("person", "آل الشيخ", ""),
            ("person", "عبد اللطيف الجواهري", ""),
            ("person", "عبد القادر الحصرية", ""),
            ("person", "خليل الحاج توفيق", ""),
        ],
    );
    // "وإلى" (and to) folds like the title والي but is none.
    check_not_entities("وعاد وإلى جانبه خالد", &["جانبه خالد"]);
    same_id(
        "وقال رئيس الهيئة تركي آل الشيخ إن الموسم بدأ. وأضاف آل الشيخ أن الزوار كثر.",
        "تركي آل الشيخ",
        "آل الشيخ",
    );
}

#[test]
fn foreign_given_names_find_unlisted_persons() {
    check_entities(
        "وقال رئيس جمهورية تتارستان رستم مينيخانوف إن الاستثمارات زادت، وفاز جاك درابر بمجموعتين.",
        &[
            ("person", "رستم مينيخانوف", ""),
            ("person", "جاك درابر", ""),
        ],
    );
    check_not_entities("وقعت شركة إنجي الفرنسية الاتفاق", &["إنجي الفرنسية"]);
}

#[test]
fn generic_forces_boards_and_complexes_are_not_entities() {
    check_not_entities(
        "وقالت القوات الأوكرانية إن الهجوم صد، ووافق مجلس الإدارة على التوزيعات، وأقيمت المباراة في مجمع خليفة الدولي",
        &["القوات الأوكرانية", "مجلس الإدارة", "خليفة الدولي", "مجمع خليفة الدولي"],
    );
    check_entities(
        "وقال الجيش اللبناني إن حزب القوات اللبنانية رحب",
        &[("organization", "الجيش اللبناني", "")],
    );
}

#[test]
fn cooperation_is_not_a_club() {
    check_entities(
        "قال الأمين العام لمجلس التعاون إن الدوري الخليجي والمباراة المقبلة مهمان",
        &[("organization", "مجلس التعاون", "org:gcc")],
    );
    check_not_entities(
        "أطلق البنك المدفوعات الرقمية بالتعاون مع شركة فيزا قبل المباراة في الدوري",
        &["التعاون", "بالتعاون"],
    );
}

#[test]
fn more_curated_persons() {
    check_entities(
        "وقال وزير النقل كامل الوزير إن الخط جاهز، والتقى طحنون بن زايد بالوفد.",
        &[
            ("person", "كامل الوزير", "person:kamel-al-wazir"),
            ("person", "طحنون بن زايد", "person:tahnoun-bin-zayed"),
        ],
    );
}

#[test]
fn universities_named_after_people_and_place_name_limits() {
    check_entities(
        "وتصدرت جامعة الملك فهد للبترول الترتيب، تلتها جامعة الملك سعود ثم جامعة خليفة، وجامعة محمد بن زايد للذكاء الاصطناعي.",
        &[
            ("organization", "جامعة الملك سعود", ""),
            ("organization", "جامعة خليفة", ""),
            ("organization", "جامعة محمد بن زايد للذكاء الاصطناعي", ""),
        ],
    );
    check_entities(
        "وقال حاكم مقاطعة لينينغراد ألكسندر دروزدينكو إن الميناء جاهز، وقال رئيسها فضلو خوري إن الجامعة تقدمت، وهاجم مستوطنون بلدة بيتا جنوب نابلس.",
        &[
            ("location", "لينينغراد", ""),
            ("person", "ألكسندر دروزدينكو", ""),
            ("person", "فضلو خوري", ""),
            ("location", "بيتا", ""),
        ],
    );
    check_not_entities("لم تجر الانتخابات في مدن بشرق البلاد", &["بشرق"]);
}

#[test]
fn english_facilities_are_places() {
    check_entities(
        "Brussels Airport asked airlines to cancel flights at Berlin Brandenburg Airport. Rice grows in the Mekong Delta, and the final was at MetLife Stadium near the Kara Sea.",
        &[
            ("location", "Brussels Airport", ""),
            ("location", "Berlin Brandenburg Airport", ""),
            ("location", "Mekong Delta", ""),
            ("location", "MetLife Stadium", ""),
            ("location", "Kara Sea", ""),
        ],
    );
}

#[test]
fn plural_counts_with_the_article_and_the_saudi_riyal() {
    check_figures(
        "أنفقت الأندية الـ18 نحو 300 مليون ريال على لاعبين برازيليين، وفي الدورة الـ39",
        &[
            ("count", "الأندية الـ18", "الأندية", "18"),
            ("money", "300 مليون ريال", "SAR", "300000000"),
            ("ordinal", "الـ39", "", "39"),
        ],
    );
}

#[test]
fn regnal_numbers_special_zones_and_counted_heads() {
    check_entities(
        "يمر القطار قرب مطار محمد الخامس الدولي، وقالت سلطة منطقة العقبة الاقتصادية الخاصة إن الموسم جيد، وسجل أليكسيس ماك أليستر هدف الفوز.",
        &[
            ("location", "مطار محمد الخامس الدولي", ""),
            ("organization", "سلطة منطقة العقبة الاقتصادية الخاصة", ""),
            ("person", "أليكسيس ماك أليستر", ""),
        ],
    );
    // The regnal number is part of the name, not an ordinal figure.
    check_no_figures("وقال الملك محمد السادس إن المشروع مهم");
    check_not_entities(
        "تضم المنطقة 150 صرافة لكبح السوق الموازية",
        &["صرافة لكبح السوق الموازية"],
    );
    check_entities(
        "اشتدت المعارك في ريف اللاذقية",
        &[("location", "اللاذقية", "")],
    );
}

#[test]
fn english_and_does_not_join_two_complete_names() {
    check_entities(
        "Money moved through Lulu Exchange and Al Ansari Exchange, the Ministry of Trade and Industry said.",
        &[
            ("organization", "Lulu Exchange", ""),
            ("organization", "Al Ansari Exchange", ""),
            ("organization", "Ministry of Trade and Industry", ""),
        ],
    );
}

#[test]
fn chambers_of_commerce_and_unifil() {
    check_entities(
        "وقال رئيس غرفة تجارة وصناعة الكويت إن التجارة نمت، وقال رئيس غرفة تجارة عمّان إن الطريق مهم، وقالت قوة الأمم المتحدة المؤقتة في لبنان إن الهدوء عاد.",
        &[
            ("organization", "غرفة تجارة وصناعة الكويت", ""),
            ("organization", "غرفة تجارة عمّان", ""),
            ("organization", "قوة الأمم المتحدة المؤقتة في لبنان", "org:unifil"),
        ],
    );
}

#[test]
fn bare_counts_out_of_a_whole_and_english_millions() {
    check_figures(
        "فاز الحزب بـ28 مقعدا من أصل 33 في البرلمان، وقضى 11 سنة في المنصب",
        &[
            ("count", "28 مقعدا", "مقعدا", "28"),
            ("count", "33", "", "33"),
            ("count", "11 سنة", "سنة", "11"),
        ],
    );
    check_figures(
        "The party won 64 of the 127 seats; arrivals should reach 26 million by 2030, and 9 million Indians live in the Gulf.",
        &[
            ("count", "64", "", "64"),
            ("count", "26 million", "", "26000000"),
            ("count", "9 million", "", "9000000"),
        ],
    );
}

#[test]
fn duals_of_nouns_with_broken_plurals() {
    check_figures(
        "أصيب طفلان وفرضت عقوبات على مصرفين، وقد يجري البنك خفضين إضافيين",
        &[
            ("count", "طفلان", "طفلان", "2"),
            ("count", "مصرفين", "مصرفين", "2"),
            ("count", "خفضين", "خفضين", "2"),
        ],
    );
}

#[test]
fn curated_towns_fields_and_regions() {
    check_entities(
        "قصفت الطائرات بلدتي كفركلا وعيترون، وتوقف الإنتاج في رأس لانوف والسدرة، وقال حاكم الشرق الأقصى إن المنطقة نمت.",
        &[
            ("location", "كفركلا", ""),
            ("location", "رأس لانوف", ""),
            ("location", "الشرق الأقصى", ""),
        ],
    );
    check_entities("سقطت مسيرة في ضواحي موسكو", &[("location", "موسكو", "")]);
}

#[test]
fn more_curated_organisations() {
    check_entities(
        "أعلنت سنيم زيادة الإنتاج، وقال الاتحاد العراقي لكرة القدم إن الدوري يستأنف، وأعلنت نفطال أسعارا جديدة.",
        &[
            ("organization", "سنيم", "org:snim"),
            ("organization", "الاتحاد العراقي لكرة القدم", ""),
            ("organization", "نفطال", "org:naftal"),
        ],
    );
    // Governments by nationality and leagues are not organisations here.
    check_not_entities(
        "قالت الحكومة العراقية إن دوري نجوم العراق يستأنف",
        &["الحكومة العراقية", "دوري نجوم العراق"],
    );
}

#[test]
fn a_proclitic_reading_wins_with_a_longer_name() {
    check_entities("التقى الوفد برام الله أمس", &[("location", "رام الله", "")]);
    check_not_entities(
        "خرج المتظاهرون إلى ساحة رياض الصلح",
        &["خرج", "رياض", "برام"],
    );
}

#[test]
fn international_airports_keep_their_full_name() {
    check_entities(
        "هبطت الطائرة في مطار صنعاء الدولي ثم مطار تونس قرطاج الدولي ومطار عبد الرحمن صالح، وأقلعت من مطار باماكو",
        &[
            ("location", "مطار صنعاء الدولي", ""),
            ("location", "مطار تونس قرطاج الدولي", ""),
            ("location", "مطار عبد الرحمن صالح", ""),
            ("location", "باماكو", ""),
        ],
    );
}

#[test]
fn short_forms_keep_link_words_and_agencies_their_names() {
    check_entities(
        "وقال رئيس الوزراء سالم بن بريك إن الحكومة مستعدة. وأضاف بن بريك أن الرواتب ستصرف، حسبما ذكرت وكالة سبأ.",
        &[
            ("person", "بن بريك", ""),
            ("organization", "سبأ", "org:saba"),
        ],
    );
    same_id(
        "وقال الوزير محمد ولد امعييف إن القطاع ينمو. وأكد ولد امعييف أن الصيد متوقف.",
        "محمد ولد امعييف",
        "ولد امعييف",
    );
}

#[test]
fn parties_by_their_names_and_english_non_names() {
    check_entities(
        "فاز حزب روسيا الموحدة بالأغلبية، وصوت نواب حزب التجمع الوطني للأحرار مع القانون",
        &[
            ("organization", "روسيا الموحدة", ""),
            ("organization", "التجمع الوطني للأحرار", ""),
        ],
    );
    check_not_entities(
        "Elsewhere, the Bank of Japan held rates. Markets priced a cut. EBIT rose and TEU volumes fell.",
        &["Elsewhere", "Markets", "EBIT", "TEU"],
    );
}

#[test]
fn linked_names_take_their_family_name() {
    check_entities(
        "وقال الوزير جاسم عبد العزيز الجاسم إن الملاعب جاهزة، وقال قيس بن محمد اليوسف إن التجارة نمت، وقال الأمين العام نور الدين الطبوبي إن الأجور زادت، وقال المدرب جولين لوبيتيغي سيقود الفريق.",
        &[
            ("person", "جاسم عبد العزيز الجاسم", ""),
            ("person", "قيس بن محمد اليوسف", ""),
            ("person", "نور الدين الطبوبي", ""),
            ("person", "جولين لوبيتيغي", ""),
        ],
    );
    check_entities(
        "وقال رئيس الاتحاد أندريه سيزوف إن",
        &[("person", "أندريه سيزوف", "")],
    );
    check_not_entities(
        "وتعادل فريق إبراهيم بن حمودة التعادل الثالث",
        &["إبراهيم بن حمودة التعادل"],
    );
}

#[test]
fn verbal_nouns_in_organisation_names_and_the_gendarmerie() {
    check_entities(
        "وقالت سلطة تنظيم الخدمات المالية إن الترخيص صدر، وأوقف الدرك الوطني المتهمين",
        &[
            ("organization", "سلطة تنظيم الخدمات المالية", ""),
            ("organization", "الدرك الوطني", ""),
        ],
    );
}

#[test]
fn iso_codes_before_amounts_and_model_codes() {
    check_figures(
        "flydubai ordered 150 A321neos worth AED 2.7 billion",
        &[("money", "AED 2.7 billion", "AED", "2700000000")],
    );
    let out = ex().extract(
        "flydubai ordered A321neos and 737 MAX jets",
        None,
        published(),
    );
    assert!(
        out.figures.iter().all(|f| f.text != "321neos"),
        "{:#?}",
        out.figures
    );
    check_not_entities("worth AED 2.7 billion for 737 MAX jets", &["AED", "MAX"]);
}

#[test]
fn words_that_no_name_contains() {
    // Number words, adverbs in -ًا and nouns with a possessive pronoun.
    check_not_entities(
        "مشيرا إلى أن الفريق خاض ثلاث مباريات في ثمانية أيام.",
        &["خاض ثلاث مباريات"],
    );
    check_not_entities(
        "محكمة مغربية تدين رئيس جماعة سابقا بثماني سنوات سجنا",
        &["جماعة سابقا بثماني سنوات"],
    );
    check_not_entities(
        "وهو ما وعد محافظ إربد بدراسته ضمن المرحلة الثانية",
        &["بدراسته ضمن"],
    );
    // A group after a speech verb; "ruling" after a party.
    check_not_entities(
        "وقال دفاع المتهمين، المحامي يونس بنعلي، إن الحكم قاس",
        &["دفاع المتهمين"],
    );
    check_not_entities(
        "حزب الإنصاف الحاكم في موريتانيا يختتم مؤتمره الثاني",
        &["يختتم مؤتمره الثاني"],
    );
    check_not_entities("وعلى صعيد آخر قال الوزير إن", &["على صعيد آخر"]);
}

#[test]
fn mauritanian_and_proclitic_names() {
    check_entities(
        "وقال رئيسه حمادي ولد سيدي المختار إن الحوار مستمر",
        &[("person", "حمادي ولد سيدي المختار", "")],
    );
    check_entities(
        "انتخب رئيسا للحزب خلفا لمحمد ماء العينين ولد أييه.",
        &[("person", "محمد ماء العينين ولد أييه", "")],
    );
    check_entities(
        "قال مدير عام شركة نفط البصرة باسم عبد الكريم إن المشروع",
        &[("person", "باسم عبد الكريم", "")],
    );
}

#[test]
fn places_in_a_list_with_known_places() {
    check_entities(
        "تعبيد الطرق في حوارة وبشرى وكفر جايز، إضافة إلى جسور",
        &[("location", "بشرى", ""), ("location", "كفر جايز", "")],
    );
    // A definite name needs two known places in the list.
    check_entities(
        "فروع الجامعة في طرابلس وصيدا وزحلة والنبطية، فيما",
        &[("location", "النبطية", "")],
    );
    // Not a construct, a verb with its complement or a noun after a comma.
    check_not_entities(
        "بعد موسكو ومقاطعة تيومين. استهدف بلدة شيبيكينو وأسفر عن إصابة. لقائه في طرابلس وفدا من شركة. وفي طرابلس، رحب وزير الخارجية",
        &["مقاطعة", "أسفر", "فدا", "رحب"],
    );
}

#[test]
fn local_institutions_and_tribes() {
    for (text, org) in [
        ("أصدرت محكمة جنايات الرصافة حكما", "محكمة جنايات الرصافة"),
        ("أمام مبنى مديرية تربية ذي قار، إن", "مديرية تربية ذي قار"),
        (
            "الصادرة عن دائرة التسجيل العقاري، ودفع",
            "دائرة التسجيل العقاري",
        ),
        ("لمدير سابق في أمانة بغداد بتهمة", "أمانة بغداد"),
        ("وقالت قيادة شرطة الأنبار إن", "قيادة شرطة الأنبار"),
        ("افتتح مستشفى النجاح في نابلس", "مستشفى النجاح"),
        (
            "أعلنت الخطوط الجوية السعودية أنها",
            "الخطوط الجوية السعودية",
        ),
        (
            "وقالت الكونفدرالية الديمقراطية للشغل إن",
            "الكونفدرالية الديمقراطية للشغل",
        ),
        // Public, not the year.
        (
            "وقالت الجمعية المغربية لحماية المال العام إن",
            "الجمعية المغربية لحماية المال العام",
        ),
        ("وقعت عشيرتا البو فهد والبو علوان", "البو علوان"),
    ] {
        check_entities(text, &[("organization", org, "")]);
    }
    // Two ministries, not one.
    check_entities(
        "بين وزارة التربية ووزارة المالية بشأن",
        &[
            ("organization", "وزارة التربية", ""),
            ("organization", "وزارة المالية", ""),
        ],
    );
    check_not_entities(
        "فاز الفريق بقيادة مدربها الفرنسي",
        &["قيادة مدربها", "مدربها الفرنسي"],
    );
}

#[test]
fn kwacha_and_shilling_by_country() {
    check_figures(
        "Zambia paid 1.4 billion kwacha.",
        &[("money", "1.4 billion kwacha", "ZMW", "1400000000")],
    );
    check_figures(
        "Kenya raised 2 billion shillings.",
        &[("money", "2 billion shillings", "KES", "2000000000")],
    );
}

#[test]
fn foreign_family_names_and_the_gulf() {
    // A family name that reads like ك + article.
    check_entities(
        "وفق ما أعلنته رئيسة الشركة كارلا كالديرون.",
        &[("person", "كارلا كالديرون", "")],
    );
    // The Gulf as a region, without a head word.
    check_entities(
        "وتوسعت الشركة في دول الخليج والشرق الأوسط",
        &[("location", "الخليج", ""), ("location", "الشرق الأوسط", "")],
    );
    check_not_entities("في منطقة الشرق الأوسط", &["منطقة الشرق الأوسط"]);
}

#[test]
fn companies_by_line_of_business() {
    check_entities(
        "وقالت لولو للتجزئة إن أرباح الجميح للسيارات ارتفعت، وكذلك راية القابضة",
        &[
            ("organization", "لولو للتجزئة", ""),
            ("organization", "الجميح للسيارات", ""),
            ("organization", "راية القابضة", ""),
        ],
    );
    // A plan, a plant or a bank for a purpose is no company.
    check_not_entities(
        "ضمن خطة للاستثمار وبناء محطة للطاقة الشمسية وتأسيس بنكا للتجزئة",
        &["خطة للاستثمار", "محطة للطاقة الشمسية", "بنكا للتجزئة"],
    );
}

#[test]
fn names_from_links_titles_and_ambiguous_countries() {
    check_entities(
        "منذ تولي تبون الحكم، بعد عبد العزيز جراد وأيمن بن عبد الرحمن، وعبد الكريم بوالزرد وزيرا للمالية",
        &[
            ("person", "عبد العزيز جراد", ""),
            ("person", "عبد الكريم بوالزرد", ""),
        ],
    );
    check_entities(
        "وقال محامي الدفاع محمد ولد إشدو للصحفيين",
        &[("person", "محمد ولد إشدو", "")],
    );
    check_not_entities(
        "وقال محامي الدفاع محمد ولد إشدو. وتوفي عن عمر ناهز 89 عاما",
        &["محامي الدفاع", "عمر ناهز"],
    );
    check_entities(
        "وزير خارجية مالي عبد الله ديوب، ودول بوركينا فاسو ومالي والنيجر",
        &[("location", "مالي", "iso:ML")],
    );
    check_not_entities("قدمت دعما سياسيا ومالي", &["مالي"]);
    for country in ["الأوروغواي", "المجر", "ميانمار", "البوسنة"] {
        check_entities(&format!("زار {country} أمس"), &[("location", country, "")]);
    }
}

#[test]
fn mauritanian_family_names_with_a_compound() {
    check_entities(
        "الرئيس السابق محمد ولد عبد العزيز. وقال ولد عبد العزيز إن الحكم سياسي",
        &[("person", "ولد عبد العزيز", "")],
    );
    check_not_entities(
        "الرئيس السابق محمد ولد عبد العزيز. وقال ولد عبد العزيز إن الحكم سياسي",
        &["العزيز"],
    );
    // "الحكم" (the verdict) is no family name.
    check_entities(
        "وأعلن رئيس الحزب إيمانويل رامازاني شاداري الحكم",
        &[("person", "إيمانويل رامازاني شاداري", "")],
    );
}

#[test]
fn english_appositions_and_legal_forms() {
    check_entities(
        "Akash Ambani, chairman of the operator, said. He was replaced by Philipp Navratil, who ran the unit.",
        &[
            ("person", "Akash Ambani", ""),
            ("person", "Philipp Navratil", ""),
        ],
    );
    check_entities(
        "Shares of Contemporary Amperex Technology Co. Limited rose.",
        &[(
            "organization",
            "Contemporary Amperex Technology Co. Limited",
            "",
        )],
    );
}

#[test]
fn spelt_out_initials_are_organisations() {
    check_entities(
        "قال الرئيس التنفيذي لشركة واي بي إف الأرجنتينية هوراسيو مارين إن. وأعلنت إم تي إن نيجيريا وبي ثري",
        &[
            ("organization", "واي بي إف", ""),
            ("person", "هوراسيو مارين", ""),
            ("organization", "إم تي إن", "org:mtn"),
            ("organization", "بي ثري", ""),
        ],
    );
    check_not_entities(
        "أطلقت المركبة سويوز إم إس-27 في أي وقت",
        &["إم إس", "في أي"],
    );
}

#[test]
fn places_without_heads_or_competitions() {
    check_entities(
        "في ولاية بسكرة وقضاء الحويجة",
        &[("location", "بسكرة", ""), ("location", "الحويجة", "")],
    );
    check_not_entities(
        "فاز في دوري أبطال إفريقيا وكأس أمم إفريقيا. Before the Africa Cup of Nations.",
        &["إفريقيا", "Africa", "ولاية بسكرة"],
    );
}

#[test]
fn english_names_with_al() {
    check_entities(
        "Transport Minister Razzaq Muhaibis al-Saadawi said the line would open. Economy Minister Mohammed Nidal al-Bashir said. In Damascus, al-Bashir told reporters.",
        &[
            ("person", "Razzaq Muhaibis al-Saadawi", ""),
            ("person", "Mohammed Nidal al-Bashir", ""),
        ],
    );
    same_id(
        "Economy Minister Mohammed Nidal al-Bashir said. In Damascus, al-Bashir told reporters.",
        "Mohammed Nidal al-Bashir",
        "al-Bashir",
    );
}

#[test]
fn stadiums_airports_and_known_initials() {
    check_entities(
        "وصل إلى مطار الملك عبد العزيز الدولي في جدة، ولعب على ملعب حمادي العقربي وفي ملعب المملكة أرينا",
        &[
            ("location", "مطار الملك عبد العزيز الدولي", ""),
            ("location", "ملعب حمادي العقربي", ""),
            ("location", "المملكة أرينا", ""),
        ],
    );
    // Initials behind a proclitic are still the known company.
    check_entities(
        "تنافس تسلا وبي واي دي في السوق",
        &[("organization", "بي واي دي", "org:byd")],
    );
}

#[test]
fn common_words_are_not_places() {
    // كيف (how), خفي (hidden), مدان (condemned), بحري (maritime).
    check_not_entities(
        "قال كيف يمكن ذلك وهو خفي ومدان، وقال إن النقل البحري بحري",
        &["كيف", "خفي", "مدان", "بحري"],
    );
    check_entities(
        "وصل إلى كييف ومونتيفيديو وشمال كيفو",
        &[
            ("location", "كييف", "gn:703448"),
            ("location", "مونتيفيديو", ""),
            ("location", "شمال كيفو", ""),
        ],
    );
}

#[test]
fn bases_camps_and_crossings_by_their_name() {
    check_entities(
        "في قاعدة حميميم ومخيم نور شمس ومعبر رفح",
        &[
            ("location", "حميميم", ""),
            ("location", "نور شمس", ""),
            ("location", "رفح", ""),
        ],
    );
    // The head stays where the bare name is something else.
    check_entities(
        "في حقل الشمال ومقاطعة موسكو",
        &[
            ("location", "حقل الشمال", ""),
            ("location", "مقاطعة موسكو", ""),
        ],
    );
}

#[test]
fn surnames_towns_and_clauses() {
    // A surname said alone is the person, not the town it spells.
    same_id(
        "أعلن وزير الداخلية أحمد الحجار أن. وقال الحجار إن",
        "أحمد الحجار",
        "الحجار",
    );
    check_entities(
        "وقال محافظ طولكرم عبد الله كميل لمراسل RT إن",
        &[("person", "عبد الله كميل", "")],
    );
    // Not places: a new clause, a time word, a common noun.
    check_not_entities(
        "السيطرة على ثلاث بلدات وإسقاط 98 مسيرة في 13 محافظة أواخر نوفمبر، مع خفض تصنيف المنشأة",
        &["وإسقاط", "إسقاط", "أواخر", "المنشأة"],
    );
}

#[test]
fn short_first_words_behind_a_proclitic_and_new_places() {
    check_entities(
        "تلتها نينوى وصلاح الدين وذي قار، وفي رأس الحكمة على الساحل الشمالي",
        &[
            ("location", "ذي قار", "iso2:IQ-DQ"),
            ("location", "رأس الحكمة", ""),
            ("location", "الساحل الشمالي", ""),
        ],
    );
}

#[test]
fn an_organisation_as_the_object_of_a_purpose() {
    check_entities(
        "وأعلن التحالف الدولي لهزيمة داعش أن العمليات مستمرة",
        &[("organization", "التحالف الدولي لهزيمة داعش", "")],
    );
}

#[test]
fn foreign_given_names_start_names() {
    check_entities(
        "وعينت ساتسوكي كاتاياما وزيرة للمالية، وتولى مينورو كيهارا منصبه",
        &[
            ("person", "ساتسوكي كاتاياما", ""),
            ("person", "مينورو كيهارا", ""),
        ],
    );
    check_entities(
        "The runoff pits Jeannette Jara against José Antonio Kast next month.",
        &[
            ("person", "Jeannette Jara", ""),
            ("person", "José Antonio Kast", ""),
        ],
    );
}

#[test]
fn name_ends_and_facility_names() {
    check_entities(
        "وقال رئيس المحكمة جون روبرتس مخاطبا المحامين، وسألت القاضية إيمي كوني باريت عما إذا كان",
        &[
            ("person", "جون روبرتس", ""),
            ("person", "إيمي كوني باريت", ""),
        ],
    );
    check_not_entities("وصوت البرلمان لصالح القانون", &["صالح القانون"]);
    check_entities(
        "ووصل إلى مطار آل مكتوم الدولي ثم إلى استاد الدفاع الجوي",
        &[
            ("location", "مطار آل مكتوم الدولي", ""),
            ("location", "استاد الدفاع الجوي", ""),
        ],
    );
}

#[test]
fn towns_that_spell_common_words_need_a_cue() {
    check_not_entities(
        "نقل الخبر عن العين الساهرة، ولعب دورا كبيرا دوما، وكانت سعيدة بانتشار كورونا",
        &["الخبر", "العين", "دورا", "دوما", "سعيدة", "كورونا"],
    );
    check_entities(
        "وصل الوفد إلى الخبر أمس، وفي العين عقد الاجتماع",
        &[("location", "الخبر", ""), ("location", "العين", "")],
    );
}
