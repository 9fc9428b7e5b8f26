#!/usr/bin/env node
/**
 * The benchmark's synthetic template repository: campaigns in five languages (en, id,
 * ar, ru, pl), all channels, realistic copy and lengths, ~10% hand-written email.mjml,
 * some hand-written sms.txt / push.json, a few campaigns with findings, a
 * brand.config.json like the project's own, and tone lists of any size (with `*`
 * wildcards on some terms) plus the same lists as prh rules for textlint.
 *
 * Everything comes from a seeded PRNG: the same options give byte-identical files.
 *
 *   node bench/generate.js --out bench/.work/repo-1000 --campaigns 1000 [--seed 8]
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import YAML from "yaml";

/** Bumped whenever the output changes, so run.js regenerates cached repositories. */
export const GENERATOR_VERSION = 5;

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    /** k distinct elements of arr, in random order. */
    sample(arr, k) {
      const copy = [...arr];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, k);
    },
  };
}

export const LOCALES = ["en", "id", "ar", "ru", "pl"];

const MONTHS = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  ar: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
  ru: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
  pl: ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
};

/** "March 31", "31 Maret", "31 марта"... and the short forms an SMS uses. */
function dateText(locale, iso) {
  const [, m, d] = iso.split("-").map(Number);
  const month = MONTHS[locale][m - 1];
  return locale === "en" ? `${month} ${d}` : `${d} ${month}`;
}
function shortDate(locale, iso) {
  const [, m, d] = iso.split("-").map(Number);
  if (locale === "en") return `${MONTHS.en[m - 1].slice(0, 3)} ${d}`;
  if (locale === "ru" || locale === "pl") return `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}`;
  return `${d}/${m}`;
}

/**
 * Copy per language. `{discount}`, `{code}`, `{until}`, `{untilShort}` are filled in by
 * the generator; `{{firstName}}` / `{{link}}` are the templates' own variables.
 */
const COPY = {
  en: {
    headings: ["Spring savings, {{firstName}}", "Ready for the trail, {{firstName}}?", "New season, new routes", "Your weekend starts here", "Gear up for the mountains", "Fresh picks for {{firstName}}", "Sleep warm under the stars", "Rain or shine, we have you covered"],
    offer: ["Take **{discount} off** everything with code **{code}** until {until}.", "Use code **{code}** for {discount} off tents, packs and boots until {until}.", "Save {discount} on your next adventure with code **{code}**, valid until {until}."],
    intro: ["Here is what our team packed for the first warm weekend of the year.", "Longer days are back, and so are the routes we have been waiting for all winter.", "We asked a hundred walkers what they never leave at home. Here is the list."],
    sentences: [
      "Trail shoes, rain shells and tents are ready for the first warm weekend.",
      "Our lightweight down jackets pack into their own pocket and weigh less than a bottle of water.",
      "Every tent in the range is tested in wind and rain on the hills above Bristol.",
      "If you are planning a longer route, our guides share the kit list they actually carry.",
      "Free returns within 60 days, even if you have already taken it outside.",
      "The new merino base layers stay fresh for days, so you can pack less.",
      "Families can now rent a complete camping set for a weekend and buy it later at a discount.",
      "Our repair service fixes zips, seams and broken poles, usually within a week.",
      "Members collect points on every order and get early access to new collections.",
      "Need help choosing a sleeping bag? Our team answers every question within a day.",
      "The forecast looks good, and the long evenings are perfect for a first night outside.",
      "We source our down responsibly and publish the audit of every supplier.",
      "Delivery is free on orders over £50, and most parcels arrive the next working day.",
      "Small packs, big days: our new 18-litre daypack fits everything you need for a summit.",
      "Waterproof boots are back in every size, including the wide fit you asked for.",
      "The stove set boils half a litre of water in under three minutes.",
      "Kids' jackets come with reflective details and room to grow.",
      "Try the gear in any of our twelve stores, or book a video call with an expert.",
      "Every purchase supports the trail maintenance projects we fund each year.",
    ],
    linkSentences: ["Read [our guide to quiet campsites]({url}) before you book.", "See [how we test every tent]({url}) in wind and rain.", "Our [repair service]({url}) keeps your gear going for years."],
    items: ["Two-person tents from the Ridge range", "Merino base layers for cold mornings", "Trail running shoes with a grippy sole", "Insulated bottles that keep tea hot for 12 hours", "Compact stoves and cook sets", "Rain shells with taped seams", "Sleeping mats that pack down small", "Headlamps with a red night mode"],
    ctas: ["Shop the sale", "See the collection", "Find your tent", "Plan your trip", "Explore new arrivals"],
    alts: ["A tent pitched above a lake at dusk", "Two walkers on a ridge in the morning", "Boots drying by a campfire"],
    subjects: ["{{firstName}}, spring savings start now", "{discount} off your next adventure", "New gear for longer days", "{{firstName}}, your weekend kit list"],
    preheaders: ["{discount} off everything until {until}", "Tents, packs and boots for the season ahead", "Free delivery on orders over £50"],
    pushTitles: ["Sale: {discount} off", "New arrivals are in", "Your weekend kit list", "Ready for the trail?"],
    sms: ["Lumen: {discount} off with {code} till {untilShort} {{link}}"],
    smsPlain: ["Lumen: new season gear is here {{link}}"],
    flaws: ["Our cheapest tents are back in stock.", "Act now, the best sizes go first.", "Check your e-mail for the tracking number.", "Login to see your points."],
    unsubscribe: "Unsubscribe",
  },
  id: {
    headings: ["Promo gajian, {{firstName}}!", "Siap mendaki akhir pekan ini?", "Koleksi baru untuk musim hujan", "Petualangan dimulai di sini", "Pilihan terbaik untuk {{firstName}}", "Tidur nyenyak di alam terbuka"],
    offer: ["Nikmati **diskon {discount}** untuk semua perlengkapan hiking dengan kode **{code}** sampai {until}.", "Pakai kode **{code}** dan hemat {discount} untuk tenda, tas, dan sepatu sampai {until}.", "Hemat {discount} untuk petualangan berikutnya dengan kode **{code}**, berlaku sampai {until}."],
    intro: ["Ini perlengkapan yang dibawa tim kami untuk akhir pekan pertama musim kemarau.", "Hari makin panjang, dan jalur favorit kami sudah dibuka kembali.", "Kami bertanya kepada seratus pendaki apa yang selalu mereka bawa. Ini daftarnya."],
    sentences: [
      "Sepatu gunung, jas hujan, dan tenda sudah siap untuk akhir pekan yang cerah.",
      "Jaket bulu angsa kami ringan dan bisa dilipat ke dalam sakunya sendiri.",
      "Setiap tenda kami uji di bawah hujan dan angin kencang sebelum dijual.",
      "Kalau kamu merencanakan rute panjang, pemandu kami berbagi daftar perlengkapan yang mereka bawa.",
      "Pengembalian gratis dalam 60 hari, bahkan jika barang sudah kamu pakai di luar.",
      "Kaus merino terbaru tetap segar berhari-hari, jadi kamu bisa membawa lebih sedikit.",
      "Keluarga kini bisa menyewa satu set perlengkapan kemah untuk akhir pekan.",
      "Layanan perbaikan kami memperbaiki ritsleting, jahitan, dan tiang tenda dalam seminggu.",
      "Anggota mengumpulkan poin di setiap pesanan dan mendapat akses lebih awal ke koleksi baru.",
      "Bingung memilih kantong tidur? Tim kami menjawab setiap pertanyaan dalam satu hari.",
      "Pengiriman gratis untuk pesanan di atas Rp500.000, dan sebagian besar paket tiba keesokan harinya.",
      "Tas kecil untuk hari yang panjang: tas harian 18 liter kami muat semua kebutuhan pendakian.",
      "Sepatu tahan air kembali tersedia di semua ukuran.",
      "Kompor lipat kami mendidihkan setengah liter air dalam waktu kurang dari tiga menit.",
      "Coba perlengkapan di salah satu dari dua belas toko kami, atau jadwalkan panggilan video dengan ahli.",
    ],
    linkSentences: ["Baca [panduan tempat kemah yang tenang]({url}) sebelum memesan.", "Lihat [cara kami menguji setiap tenda]({url}) di bawah hujan.", "[Layanan perbaikan]({url}) kami membuat perlengkapanmu awet bertahun-tahun."],
    items: ["Tenda dua orang dari seri Ridge", "Kaus merino untuk pagi yang dingin", "Sepatu lari trail dengan sol yang kuat", "Botol termos yang menjaga teh tetap panas", "Kompor dan alat masak ringkas", "Jas hujan dengan jahitan rapat", "Matras tidur yang ringkas", "Senter kepala dengan mode malam"],
    ctas: ["Belanja sekarang", "Lihat koleksi", "Pilih tenda", "Rencanakan perjalanan"],
    alts: ["Tenda di tepi danau saat senja", "Dua pendaki di punggung bukit", "Sepatu dikeringkan di dekat api unggun"],
    subjects: ["{{firstName}}, promo gajian dari Lumen", "Diskon {discount} untuk petualanganmu", "Perlengkapan baru untuk musim ini", "Daftar perlengkapan akhir pekan"],
    preheaders: ["Diskon {discount} untuk semua perlengkapan hiking", "Tenda, tas, dan sepatu untuk musim depan", "Gratis ongkir untuk pesanan tertentu"],
    pushTitles: ["Diskon {discount} sekarang", "Koleksi baru sudah tiba", "Siap mendaki?"],
    sms: ["Lumen: diskon {discount} pakai kode {code} s.d. {untilShort}. {{link}}"],
    smsPlain: ["Lumen: koleksi baru sudah tiba {{link}}"],
    flaws: ["Jangan pilih perlengkapan murahan untuk pendakian panjang."],
    unsubscribe: "Berhenti berlangganan",
  },
  ar: {
    headings: ["عروض رمضان من Lumen", "هل أنت مستعد للرحلة يا {{firstName}}؟", "موسم جديد ومسارات جديدة", "عطلتك تبدأ هنا", "معدات للجبال", "نوم دافئ تحت النجوم"],
    offer: ["احصل على **خصم {discount}** على كل معدات الرحلات مع الرمز **{code}** حتى {until}.", "استخدم الرمز **{code}** ووفّر {discount} على الخيام والحقائب والأحذية حتى {until}.", "وفّر {discount} على رحلتك القادمة مع الرمز **{code}**، والعرض ساري حتى {until}."],
    intro: ["هذه المعدات التي حملها فريقنا في أول عطلة دافئة هذا العام.", "عادت الأيام الطويلة، وعادت معها المسارات التي انتظرناها طوال الشتاء.", "سألنا مئة متنزه عمّا لا يتركونه في البيت أبدًا، وهذه هي القائمة."],
    sentences: [
      "أحذية المشي ومعاطف المطر والخيام جاهزة لأول عطلة دافئة.",
      "سترات الريش لدينا أخف من زجاجة ماء وتُطوى داخل جيبها.",
      "نختبر كل خيمة تحت المطر والرياح القوية قبل طرحها للبيع.",
      "إذا كنت تخطط لمسار طويل، يشاركك مرشدونا قائمة المعدات التي يحملونها بأنفسهم.",
      "الإرجاع مجاني خلال 60 يومًا، حتى لو استخدمت المنتج في الخارج.",
      "ملابس الصوف الجديدة تبقى منعشة لأيام، فتحمل أقل.",
      "يمكن للعائلات الآن استئجار طقم تخييم كامل لعطلة نهاية الأسبوع.",
      "خدمة الإصلاح لدينا تصلح السحابات والدرزات والأعمدة المكسورة خلال أسبوع عادةً.",
      "يجمع الأعضاء النقاط مع كل طلب ويحصلون على وصول مبكر إلى المجموعات الجديدة.",
      "هل تحتار في اختيار كيس النوم؟ يجيب فريقنا عن كل سؤال خلال يوم واحد.",
      "التوصيل مجاني للطلبات التي تزيد على 200 ريال، وتصل معظم الطرود في اليوم التالي.",
      "حقيبة صغيرة ليوم طويل: تتسع حقيبتنا الجديدة بسعة 18 لترًا لكل ما تحتاجه.",
      "الأحذية المقاومة للماء متوفرة من جديد بكل المقاسات.",
      "يغلي الموقد نصف لتر من الماء في أقل من ثلاث دقائق.",
      "جرّب المعدات في أي من متاجرنا الاثني عشر، أو احجز مكالمة فيديو مع خبير.",
    ],
    linkSentences: ["اقرأ [دليلنا لأهدأ أماكن التخييم]({url}) قبل الحجز.", "شاهد [كيف نختبر كل خيمة]({url}) تحت المطر.", "تحافظ [خدمة الإصلاح]({url}) على معداتك لسنوات."],
    items: ["خيام لشخصين من مجموعة Ridge", "ملابس صوف للصباح البارد", "أحذية جري للمسارات الوعرة", "قوارير تحافظ على حرارة الشاي", "مواقد وأدوات طبخ صغيرة", "معاطف مطر بدرزات محكمة", "فرش نوم صغيرة الحجم", "مصابيح رأس بضوء أحمر"],
    ctas: ["تسوّق الآن", "اكتشف المجموعة", "اختر خيمتك", "خطط لرحلتك"],
    alts: ["خيمة فوق بحيرة عند الغروب", "متنزهان على قمة تل في الصباح", "أحذية تجف قرب نار المخيم"],
    subjects: ["رمضان كريم يا {{firstName}}", "خصم {discount} على رحلتك القادمة", "معدات جديدة لأيام أطول", "قائمة معدات عطلتك"],
    preheaders: ["خصم {discount} على معدات الرحلات حتى {until}", "خيام وحقائب وأحذية للموسم الجديد", "توصيل مجاني للطلبات الكبيرة"],
    pushTitles: ["خصم {discount} على كل شيء", "وصلت المجموعة الجديدة", "مستعد للرحلة؟"],
    sms: ["Lumen: خصم {discount} مع الرمز {code} حتى {untilShort} {{link}}"],
    smsPlain: ["Lumen: وصلت المجموعة الجديدة {{link}}"],
    flaws: ["لا تشترِ خيمة رخيصة لرحلة طويلة."],
    unsubscribe: "إلغاء الاشتراك",
  },
  ru: {
    headings: ["Лето с Lumen", "{{firstName}}, готовы к походу?", "Новый сезон, новые маршруты", "Выходные начинаются здесь", "Снаряжение для гор", "Тёплый сон под звёздами"],
    offer: ["Скидка **{discount}** на палатки, рюкзаки и спальники по коду **{code}** до {until}.", "Используйте код **{code}** и получите скидку {discount} на всё снаряжение до {until}.", "Экономьте {discount} на следующем путешествии с кодом **{code}**, он действует до {until}."],
    intro: ["Вот что наша команда взяла с собой на первые тёплые выходные года.", "Дни стали длиннее, и маршруты, которых мы ждали всю зиму, снова открыты.", "Мы спросили сотню туристов, без чего они не выходят из дома. Вот список."],
    sentences: [
      "Треккинговые ботинки, дождевики и палатки уже ждут первых тёплых выходных.",
      "Наши пуховки весят меньше бутылки воды и складываются в собственный карман.",
      "Каждую палатку мы испытываем под дождём и сильным ветром.",
      "Если вы планируете длинный маршрут, наши гиды делятся списком снаряжения, которое берут сами.",
      "Бесплатный возврат в течение 60 дней, даже если вы уже были в походе.",
      "Новое термобельё из мериноса остаётся свежим несколько дней подряд.",
      "Семьи теперь могут взять в аренду полный набор для кемпинга на выходные.",
      "Наша мастерская чинит молнии, швы и сломанные дуги, обычно за неделю.",
      "Участники программы получают баллы за каждый заказ и ранний доступ к новым коллекциям.",
      "Не знаете, какой спальник выбрать? Наша команда ответит на любой вопрос в течение дня.",
      "Доставка бесплатна при заказе от 5000 рублей, и большинство посылок приходит на следующий день.",
      "Маленький рюкзак для большого дня: в наш новый рюкзак на 18 литров помещается всё необходимое.",
      "Непромокаемые ботинки снова в наличии во всех размерах.",
      "Горелка кипятит пол-литра воды меньше чем за три минуты.",
      "Примерьте снаряжение в любом из наших двенадцати магазинов или закажите видеоконсультацию.",
    ],
    linkSentences: ["Прочитайте [наш гид по тихим кемпингам]({url}), прежде чем бронировать место.", "Узнайте, [как мы испытываем палатки]({url}) под дождём.", "[Наша мастерская]({url}) продлит жизнь вашему снаряжению."],
    items: ["Палатки для всей семьи", "Лёгкие рюкзаки для долгих маршрутов", "Термобельё из мериноса", "Кроссовки для трейлраннинга", "Компактные горелки и котелки", "Дождевики с проклеенными швами", "Коврики, которые занимают мало места", "Налобные фонари с красным светом"],
    ctas: ["Выбрать снаряжение", "Смотреть коллекцию", "Выбрать палатку", "Спланировать поездку"],
    alts: ["Палатка над озером на закате", "Двое туристов на гребне утром", "Ботинки сохнут у костра"],
    subjects: ["{{firstName}}, летняя распродажа Lumen", "Скидка {discount} на снаряжение", "Новинки для длинных дней", "Список вещей на выходные"],
    preheaders: ["Скидка {discount} на палатки и рюкзаки до {until}", "Палатки, рюкзаки и ботинки для нового сезона", "Бесплатная доставка от 5000 рублей"],
    pushTitles: ["Скидка {discount} на всё", "Новинки уже здесь", "Готовы к походу?"],
    sms: ["Lumen: скидка {discount} по коду {code} до {untilShort} {{link}}"],
    smsPlain: ["Lumen: новая коллекция уже в продаже {{link}}"],
    flaws: ["Дешёвые палатки не выдержат горного ветра."],
    unsubscribe: "Отписаться",
  },
  pl: {
    headings: ["Jesień z Lumen, {{firstName}}", "Gotowi na szlak?", "Nowy sezon, nowe trasy", "Weekend zaczyna się tutaj", "Sprzęt w góry", "Ciepły sen pod gwiazdami"],
    offer: ["Rabat **{discount}** na kurtki, śpiwory i buty trekkingowe z kodem **{code}** do {until}.", "Użyj kodu **{code}** i zaoszczędź {discount} na namiotach, plecakach i butach do {until}.", "Oszczędź {discount} na kolejnej wyprawie z kodem **{code}**, ważnym do {until}."],
    intro: ["Oto sprzęt, który nasz zespół zabrał na pierwszy ciepły weekend roku.", "Dni są dłuższe, a trasy, na które czekaliśmy całą zimę, znów są otwarte.", "Zapytaliśmy stu turystów, czego nigdy nie zostawiają w domu. Oto lista."],
    sentences: [
      "Buty trekkingowe, kurtki przeciwdeszczowe i namioty czekają na pierwszy ciepły weekend.",
      "Nasze kurtki puchowe ważą mniej niż butelka wody i mieszczą się we własnej kieszeni.",
      "Każdy namiot testujemy w deszczu i silnym wietrze, zanim trafi do sprzedaży.",
      "Jeśli planujesz dłuższą trasę, nasi przewodnicy dzielą się listą sprzętu, który sami zabierają.",
      "Darmowy zwrot w ciągu 60 dni, nawet jeśli sprzęt był już na szlaku.",
      "Nowa bielizna z merynosa pozostaje świeża przez kilka dni, więc spakujesz mniej.",
      "Rodziny mogą teraz wypożyczyć komplet sprzętu kempingowego na weekend.",
      "Nasz serwis naprawia zamki, szwy i złamane pałąki, zwykle w ciągu tygodnia.",
      "Członkowie klubu zbierają punkty za każde zamówienie i mają wcześniejszy dostęp do nowych kolekcji.",
      "Nie wiesz, jaki śpiwór wybrać? Nasz zespół odpowiada na każde pytanie w ciągu jednego dnia.",
      "Dostawa jest bezpłatna przy zamówieniach powyżej 200 zł, a większość paczek dociera następnego dnia.",
      "Mały plecak na wielki dzień: nasz nowy plecak 18 l zmieści wszystko, czego potrzebujesz na szczyt.",
      "Wodoodporne buty znów są dostępne we wszystkich rozmiarach.",
      "Kuchenka zagotuje pół litra wody w mniej niż trzy minuty.",
      "Przymierz sprzęt w jednym z naszych dwunastu sklepów albo umów się na rozmowę wideo z ekspertem.",
    ],
    linkSentences: ["Zanim zarezerwujesz nocleg, przeczytaj [nasz przewodnik po cichych kempingach]({url}).", "Zobacz, [jak testujemy namioty]({url}) w deszczu.", "[Nasz serwis]({url}) przedłuży życie Twojego sprzętu."],
    items: ["Namioty dla całej rodziny", "Lekkie plecaki na długie trasy", "Bielizna z wełny merino", "Buty do biegania w terenie", "Kompaktowe kuchenki i menażki", "Kurtki z podklejanymi szwami", "Karimaty, które zajmują mało miejsca", "Czołówki z czerwonym światłem"],
    ctas: ["Zobacz ofertę", "Zobacz kolekcję", "Wybierz namiot", "Zaplanuj wyjazd"],
    alts: ["Namiot nad jeziorem o zmierzchu", "Dwoje turystów na grani o poranku", "Buty schnące przy ognisku"],
    subjects: ["{{firstName}}, jesienna wyprzedaż Lumen", "Rabat {discount} na Twoją wyprawę", "Nowości na dłuższe dni", "Lista rzeczy na weekend"],
    preheaders: ["Rabat {discount} na kurtki i śpiwory z kodem {code}", "Namioty, plecaki i buty na nowy sezon", "Darmowa dostawa od 200 zł"],
    pushTitles: ["Rabat {discount} na wszystko", "Nowości już są", "Gotowi na szlak?"],
    sms: ["Lumen: rabat {discount} z kodem {code} do {untilShort} {{link}}"],
    smsPlain: ["Lumen: nowa kolekcja już w sklepie {{link}}"],
    flaws: ["Tanie namioty nie wytrzymają górskiego wiatru."],
    unsubscribe: "Wypisz się",
  },
};

const OPT_OUT = {
  default: "Reply STOP to opt out",
  id: "Balas STOP untuk berhenti",
  ar: "أرسل STOP لإلغاء الاشتراك",
  ru: "Ответьте STOP для отписки",
  pl: "Odpowiedz STOP, aby zrezygnować",
};

const ADDRESS = "Lumen Outdoor Ltd., 12 Harbour Row, Bristol BS1 5TY, United Kingdom";
const SEGMENTS = ["newsletter", "members", "lapsed", "new-customers", "families", "runners", "campers", "climbers"];
const REGIONS = { en: ["uk", "us", "au"], id: ["jakarta", "surabaya", "bandung"], ar: ["sa", "ae", "eg"], ru: ["msk", "spb", "ekb"], pl: ["waw", "krk", "gda"] };
const SLUGS = ["spring", "summer", "autumn", "winter", "tents", "packs", "boots", "sleep", "kids", "repair", "guides", "new"];
const PALETTE = { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF", moss: "#2E7D32", sand: "#F4EDE4" };

/** Offers spread over 2026: one per month per code family, each with a 2-4 week window. */
export function makeOffers() {
  const families = ["SPRING", "SUMMER", "GAJIAN", "LETO", "JESIEN", "RAMADAN", "WEEKEND", "TRAIL"];
  const discounts = ["10%", "15%", "20%", "25%", "30%"];
  const offers = [];
  let k = 0;
  for (let month = 1; month <= 12; month++)
    for (let j = 0; j < 2; j++, k++) {
      const discount = discounts[k % discounts.length];
      const starts = `2026-${String(month).padStart(2, "0")}-${j === 0 ? "01" : "10"}`;
      const ends = `2026-${String(month).padStart(2, "0")}-${j === 0 ? "21" : "28"}`;
      offers.push({ code: `${families[k % families.length]}${discount.slice(0, -1)}${month}`, discount, starts, ends });
    }
  return offers;
}

const fill = (s, vars) => s.replace(/\{(discount|code|until|untilShort|url)\}/g, (_, k) => vars[k]);
const plain = (s) => s.replace(/\*\*/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
const yamlString = (s) => JSON.stringify(s);
const xml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Markdown inline (bold, links) → MJML/HTML inline. */
const inlineHtml = (s) =>
  xml(s)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '<a href="$2">$1</a>');

function isoAddDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** One campaign's content (not yet written). */
function makeCampaign(rnd, index, offers) {
  const locale = LOCALES[index % LOCALES.length];
  const c = COPY[locale];
  const offer = rnd.chance(0.8) ? rnd.pick(offers) : undefined;
  const slug = rnd.pick(SLUGS);
  const id = `c${String(index + 1).padStart(5, "0")}-${slug}-${locale}`;
  const send = offer ? isoAddDays(offer.starts, rnd.int(0, 9)) : isoAddDays("2026-01-01", rnd.int(0, 360));
  const vars = offer
    ? { discount: offer.discount, code: offer.code, until: dateText(locale, offer.ends), untilShort: shortDate(locale, offer.ends) }
    : { discount: "", code: "", until: "", untilShort: "" };
  const url = (p) => `https://lumen.example/${locale}/${p}`;
  const cta = { text: rnd.pick(c.ctas), url: url(`${slug}?c=${index + 1}`) };
  const flaw = rnd.chance(0.05) ? rnd.pick(["tone", "sms-discount", "color"]) : undefined;

  const paragraphs = [fill(rnd.pick(offer ? c.offer : c.intro), vars)];
  const n = rnd.int(2, 6);
  const pool = rnd.sample(c.sentences, c.sentences.length);
  let used = 0;
  for (let i = 1; i < n; i++) {
    const k = rnd.int(1, 3);
    const sentences = pool.slice(used, used + k);
    used += k;
    if (used > pool.length - 3) used = 0;
    if (rnd.chance(0.25)) sentences.push(fill(rnd.pick(c.linkSentences), { url: url(`guides/${rnd.pick(SLUGS)}`) }));
    paragraphs.push(sentences.join(" "));
  }
  // Paragraphs within ~650 characters, so the WhatsApp variant (list and link included) mostly fits its limit.
  const length = () => paragraphs.reduce((n, p) => n + plain(p).length + 2, 0);
  while (paragraphs.length > 2 && length() > 650) paragraphs.pop();
  if (flaw === "tone") paragraphs.splice(rnd.int(1, paragraphs.length - 1), 0, rnd.pick(c.flaws));
  const list = rnd.chance(0.5) ? rnd.sample(c.items, rnd.int(3, 5)) : undefined;
  const image = rnd.chance(0.3) ? { alt: rnd.pick(c.alts), src: `https://cdn.lumen.example/img/${slug}-${rnd.int(1, 40)}.jpg` } : undefined;
  const subjectPool = offer ? c.subjects : c.subjects.filter((s) => !s.includes("{discount}"));
  const preheaderPool = offer ? c.preheaders : c.preheaders.filter((s) => !s.includes("{discount}"));
  return {
    id,
    locale,
    offer,
    send,
    vars,
    audience: `${rnd.pick(SEGMENTS)}-${locale}-${rnd.pick(REGIONS[locale])}`,
    channels: rnd.chance(0.7) ? ["email", "sms", "push", "whatsapp", "social"] : rnd.sample(["email", "sms", "push", "whatsapp", "social"], rnd.int(2, 4)).sort(),
    heading: rnd.pick(c.headings),
    subject: fill(rnd.pick(subjectPool), vars),
    preheader: fill(rnd.pick(preheaderPool), vars),
    pushTitle: rnd.chance(0.6) ? fill(rnd.pick(offer ? c.pushTitles : c.pushTitles.filter((s) => !s.includes("{discount}"))), vars) : undefined,
    smsText: rnd.chance(0.7) || locale === "ar" || locale === "ru" ? fill(rnd.pick(offer ? c.sms : c.smsPlain), flaw === "sms-discount" && offer ? { ...vars, discount: offer.discount === "10%" ? "15%" : "10%" } : vars) : undefined,
    paragraphs,
    list,
    image,
    cta,
    flaw,
    // Hand-written channel files.
    noMessage: rnd.chance(0.02),
    mjml: rnd.chance(0.1),
    smsFile: rnd.chance(0.08),
    pushFile: rnd.chance(0.08),
  };
}

function messageMd(k) {
  const fm = [
    "---",
    `campaign: ${k.id}`,
    `locale: ${k.locale}`,
    ...(k.offer ? [`offer: ${k.offer.code}`] : []),
    `channels: [${k.channels.join(", ")}]`,
    `audience: ${k.audience}`,
    `send: ${k.send}`,
    `subject: ${yamlString(k.subject)}`,
    `preheader: ${yamlString(k.preheader)}`,
    ...(k.pushTitle ? [`push: { title: ${yamlString(k.pushTitle)} }`] : []),
    ...(k.smsText ? [`sms: { text: ${yamlString(k.smsText)} }`] : []),
    "---",
  ];
  const body = [`# ${k.heading}`, "", k.paragraphs[0], ""];
  for (let i = 1; i < k.paragraphs.length; i++) {
    body.push(k.paragraphs[i], "");
    if (i === 1 && k.list) body.push(...k.list.map((x) => `- ${x}`), "");
    if (i === 1 && k.image) body.push(`![${k.image.alt}](${k.image.src})`, "");
  }
  body.push(`[${k.cta.text}](${k.cta.url})`, "");
  return fm.join("\n") + "\n" + body.join("\n");
}

function emailMjml(k) {
  const c = COPY[k.locale];
  const rtl = k.locale === "ar";
  const buttonColor = k.flaw === "color" ? "#0A5DFF" : PALETTE.primary;
  const texts = k.paragraphs.map((p) => `        <mj-text>${inlineHtml(p)}</mj-text>`);
  if (k.list) texts.splice(2, 0, `        <mj-text><ul>${k.list.map((x) => `<li>${xml(x)}</li>`).join("")}</ul></mj-text>`);
  return `<mjml lang="${k.locale}"${rtl ? ' dir="rtl"' : ""}>
  <mj-head>
    <mj-title>${xml(k.subject)}</mj-title>
    <mj-preview>${xml(k.preheader)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Inter, Helvetica, Arial, sans-serif" />
      <mj-text color="${PALETTE.ink}" font-size="16px" line-height="24px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="${PALETTE.sand}">
    <mj-section background-color="${PALETTE.paper}" padding="24px">
      <mj-column>
${k.image ? `        <mj-image src="${k.image.src}" alt="${xml(k.image.alt)}" />\n` : ""}        <mj-text font-size="28px" font-weight="700">${xml(k.heading)}</mj-text>
${texts.join("\n")}
        <mj-button background-color="${buttonColor}" color="${PALETTE.paper}" href="${k.cta.url}">${xml(k.cta.text)}</mj-button>
      </mj-column>
    </mj-section>
    <mj-section>
      <mj-column>
        <mj-text font-size="12px" color="${PALETTE.ink}">${xml(ADDRESS)}. <a href="https://lumen.example/unsubscribe/{{userId}}">${xml(c.unsubscribe)}</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
}

function smsTxt(k) {
  const text = plain(k.smsText ?? fill(COPY[k.locale].sms[0], k.vars)).replace("{{link}}", k.cta.url);
  return `${text} ${OPT_OUT[k.locale] ?? OPT_OUT.default}\n`;
}

function pushJson(k) {
  const body = plain(k.paragraphs[0]);
  return JSON.stringify({ title: k.pushTitle ?? plain(k.heading).replace(/,? ?\{\{firstName\}\}[!?]?/, ""), body: body.length > 110 ? body.slice(0, 107).trimEnd() + "..." : body, url: k.cta.url }, null, 2) + "\n";
}

/** Writes templates/<campaign>/… for `count` campaigns. Returns a summary. */
export function writeCampaigns(dir, count, seed) {
  const rnd = prng(seed);
  const offers = makeOffers();
  const stats = { campaigns: 0, messageMd: 0, emailMjml: 0, smsTxt: 0, pushJson: 0, campaignJson: 0, flawed: 0, bytes: 0 };
  for (let i = 0; i < count; i++) {
    const k = makeCampaign(rnd, i, offers);
    const folder = path.join(dir, "templates", k.id);
    mkdirSync(folder, { recursive: true });
    const write = (name, text) => {
      writeFileSync(path.join(folder, name), text);
      stats.bytes += Buffer.byteLength(text);
    };
    if (k.noMessage) {
      write("campaign.json", JSON.stringify({ campaign: k.id, locale: k.locale, ...(k.offer ? { offer: k.offer.code } : {}), audience: k.audience, send: k.send }, null, 2) + "\n");
      write("email.mjml", emailMjml(k));
      write("sms.txt", smsTxt(k));
      write("push.json", pushJson(k));
      stats.campaignJson++;
      stats.emailMjml++;
      stats.smsTxt++;
      stats.pushJson++;
    } else {
      write("message.md", messageMd(k));
      stats.messageMd++;
      if (k.mjml && k.channels.includes("email")) {
        write("email.mjml", emailMjml(k));
        stats.emailMjml++;
      }
      if (k.smsFile && k.channels.includes("sms")) {
        write("sms.txt", smsTxt(k));
        stats.smsTxt++;
      }
      if (k.pushFile && k.channels.includes("push")) {
        write("push.json", pushJson(k));
        stats.pushJson++;
      }
    }
    if (k.flaw) stats.flawed++;
    stats.campaigns++;
  }
  return stats;
}

// ---------------------------------------------------------------------------
// Tone lists

/** The project's own tone terms: ten patterns that real copy sometimes hits. */
const BASE_BANNED = [
  { term: "cheap*", suggest: "affordable", message: "Lumen never calls its gear cheap" },
  { term: "act now", suggest: "take a look", message: "we invite, we don't pressure" },
  { term: "limited time only", suggest: "until {date}", message: "say when the offer ends instead" },
  { term: "дешёв*", suggest: "доступный" },
  { term: "murahan", suggest: "terjangkau" },
  { term: "tani*", suggest: "przystępny" },
  { term: "رخيص*", suggest: "بسعر مناسب" },
];
const BASE_TERMS = [
  { use: "email", instead: ["e-mail"] },
  { use: "sign in", instead: ["login", "log-in"] },
];

const SYLLABLES = {
  latin: ["ka", "lo", "mi", "re", "tu", "sa", "vo", "ne", "pi", "da", "gu", "ze", "bro", "tal", "wen", "dor", "fy", "jak", "ho", "qi"],
  polish: ["ża", "łó", "ście", "rzy", "ką", "gę", "ńo", "dź", "szu", "cza", "wy", "mło", "pra", "zie"],
  cyrillic: ["ка", "ло", "ми", "ре", "ту", "са", "во", "не", "пи", "да", "гу", "зе", "бро", "тал", "вен", "дор", "жу", "щи", "ёф", "ыш"],
  arabic: ["كا", "لو", "مي", "ري", "تو", "سا", "فو", "ني", "بي", "دا", "غو", "زي", "بر", "تل", "ون", "در", "ظا", "خو"],
};
const SCRIPT_OF = { en: "latin", id: "latin", pl: "polish", ru: "cyrillic", ar: "arabic" };

function pseudoWord(rnd, locale) {
  const syl = SYLLABLES[SCRIPT_OF[locale]];
  const latin = SYLLABLES.latin;
  let w = "";
  const n = rnd.int(3, 4);
  for (let i = 0; i < n; i++) w += locale === "pl" && rnd.chance(0.5) ? rnd.pick(latin) : rnd.pick(syl);
  return w;
}

/**
 * A tone list of exactly `size` term patterns (each banned term and each `instead`
 * spelling counts as one): the ten base terms, then generated words and 2-3 word
 * phrases in the five languages — 80% banned (10% with a trailing `*`, 3% a leading
 * `*`, 1% both), 20% preferred spellings. All top-level, so every term applies to
 * every campaign (as every prh rule applies to every file).
 */
export function toneList(size, seed) {
  const rnd = prng(seed);
  const banned = [];
  const terms = [];
  let count = 0;
  for (const b of BASE_BANNED) {
    if (count === size) break;
    banned.push(b);
    count++;
  }
  for (const t of BASE_TERMS) {
    const instead = t.instead.slice(0, Math.max(0, size - count));
    if (!instead.length) break;
    terms.push({ ...t, instead });
    count += instead.length;
  }
  const seen = new Set([...banned.map((b) => b.term), ...terms.flatMap((t) => t.instead)]);
  while (count < size) {
    const locale = rnd.pick(LOCALES);
    const words = rnd.int(1, 10) <= 7 ? 1 : rnd.int(2, 3);
    const phrase = Array.from({ length: words }, () => pseudoWord(rnd, locale)).join(" ");
    const r = rnd.next();
    if (r < 0.8) {
      const w = rnd.next();
      const term = w < 0.1 ? `${phrase}*` : w < 0.13 ? `*${phrase}` : w < 0.14 && words === 1 ? `*${phrase}*` : phrase;
      if (seen.has(term)) continue;
      seen.add(term);
      banned.push({ term, suggest: pseudoWord(rnd, locale) });
    } else {
      if (seen.has(phrase)) continue;
      seen.add(phrase);
      terms.push({ use: pseudoWord(rnd, locale), instead: [phrase] });
    }
    count++;
  }
  return { banned, terms };
}

// ---------------------------------------------------------------------------
// prh (textlint-rule-prh) equivalent of a tone list

const WORD_CHAR = "[\\p{L}\\p{M}\\p{N}]";
const escapeRe = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/**
 * The regular expression prh needs to match a tone term the way brandlint does:
 * case-insensitive, whole words in every script (lookarounds on Unicode letters, since
 * `\b` is ASCII-only), any whitespace between words, `*` at either end.
 */
export function prhPattern(term) {
  const prefix = term.endsWith("*");
  const suffix = term.startsWith("*");
  const core = term.replace(/^\*+|\*+$/g, "").trim().split(/\s+/).map(escapeRe).join("\\s+");
  const before = suffix ? "" : `(?<!${WORD_CHAR})`;
  const after = prefix ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`;
  return `/${before}${core}${after}/i`;
}

/** prh.yml for a tone list: one rule per banned term or preferred spelling. */
export function prhYaml(list) {
  const rules = [
    ...list.banned.map((b) => ({ expected: b.suggest ?? b.term.replace(/\*/g, ""), patterns: [prhPattern(b.term)] })),
    ...list.terms.map((t) => ({ expected: t.use, patterns: t.instead.map(prhPattern) })),
  ];
  return YAML.stringify({ version: 1, rules });
}

// ---------------------------------------------------------------------------
// Configs

/** brand.config.json like the project's own, with a given tone list and rule settings. */
export function brandConfig(list, rules) {
  return {
    brand: { name: "Lumen", sender: "Lumen", address: ADDRESS, domains: ["lumen.example"], unsubscribeUrl: "https://lumen.example/unsubscribe/{{userId}}" },
    colors: PALETTE,
    fonts: ["Inter", "Helvetica", "Arial", "sans-serif"],
    tone: list,
    offers: makeOffers(),
    channels: {
      sms: { maxSegments: 2, requireOptOut: true, optOut: OPT_OUT, linkLength: 23 },
      push: { titleMax: 40, bodyMax: 120 },
      email: { subjectMax: 60, preheaderMax: 110, requireUnsubscribe: true },
      whatsapp: { bodyMax: 1024 },
      social: { max: 280 },
    },
    variables: {
      firstName: { sample: "Ana", maxLength: 20, charset: "unicode", fallback: "there" },
      userId: { sample: "u-12345", maxLength: 12 },
    },
    links: { requireHttps: true },
    assets: { hosts: ["cdn.lumen.example"], retired: [{ url: "/img/logo-2019.png", replacement: "https://cdn.lumen.example/img/logo-2026.png", message: "the pre-2026 logo" }] },
    fatigue: { maxPerDay: 4, maxPerWeek: 8 },
    ...(rules ? { rules } : {}),
  };
}

/** `rules` settings with every rule but tone-words off. */
export function toneOnlyRules(ruleIds) {
  return Object.fromEntries(ruleIds.map((id) => [id, id === "tone-words" ? "error" : "off"]));
}

export const TONE_SIZES = [10, 1000, 10000, 100000];

/**
 * The whole repository:
 *   brand.config.json           all rules, the 1,000-term tone list
 *   brand.tone-<n>.json         only tone-words on, the n-term list (n = 10, 1000, 10000)
 *   prh-1000.yml, .textlintrc.json   the 1,000-term list for textlint-rule-prh
 *   templates/…                 `campaigns` campaigns
 */
export function generateRepo(dir, { campaigns, seed = 8, ruleIds }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const lists = Object.fromEntries(TONE_SIZES.map((n) => [n, toneList(n, seed * 1000 + n)]));
  const json = (o) => JSON.stringify(o, null, 2) + "\n";
  writeFileSync(path.join(dir, "brand.config.json"), json(brandConfig(lists[1000])));
  for (const n of TONE_SIZES) writeFileSync(path.join(dir, `brand.tone-${n}.json`), json(brandConfig(lists[n], toneOnlyRules(ruleIds))));
  writeFileSync(path.join(dir, "prh-1000.yml"), prhYaml(lists[1000]));
  writeFileSync(path.join(dir, ".textlintrc.json"), json({ rules: { prh: { rulePaths: ["./prh-1000.yml"] } } }));
  return writeCampaigns(dir, campaigns, seed);
}

/**
 * A repository for the pathological-terms check (issue 9, SECURITY.md): one campaign
 * whose message is `chars` characters of "a" (shape "words": "a a a …", shape "word":
 * one long word "aaaa…"), linted with only tone-words on and a term list built to make
 * a naive matcher backtrack: `a a a a a a a b`, `*aaaa`, `aaaa*`, `*aaaa*` at many lengths.
 * The text is a hand-written sms.txt: as one Markdown paragraph it would pass the
 * 10,000-character paragraph and 50,000-character line limits (issue 17), and the
 * matcher would never see it.
 */
export function generatePathological(dir, { chars, shape, ruleIds }) {
  rmSync(dir, { recursive: true, force: true });
  const folder = path.join(dir, "templates", "pathological");
  mkdirSync(folder, { recursive: true });
  const banned = [];
  // From two characters up: no term matches a lone "a", so the run measures matching, not thousands of findings.
  for (let k = 2; k <= 40; k++) {
    banned.push({ term: `${"a ".repeat(k)}b`, suggest: "x" });
    banned.push({ term: `*${"a".repeat(k)}`, suggest: "x" });
    banned.push({ term: `${"a".repeat(k)}*`, suggest: "x" });
    banned.push({ term: `*${"a".repeat(k)}*`, suggest: "x" });
    banned.push({ term: `${"a".repeat(k)}b*`, suggest: "x" });
  }
  const cfg = { brand: { name: "Lumen" }, tone: { banned }, rules: toneOnlyRules(ruleIds) };
  writeFileSync(path.join(dir, "brand.config.json"), JSON.stringify(cfg, null, 2) + "\n");
  const text = shape === "word" ? "a".repeat(chars) : "a ".repeat(Math.floor(chars / 2)).trimEnd();
  writeFileSync(path.join(folder, "sms.txt"), `${text}\n`);
}

/** Rule ids, from `brandlint rules --format json` (so new rules are turned off too). */
export function listRuleIds(root) {
  const r = spawnSync(process.execPath, [path.join(root, "bin", "brandlint.js"), "rules", "--format", "json"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`brandlint rules failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout).map((x) => x.id);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { out: { type: "string" }, campaigns: { type: "string", default: "1000" }, seed: { type: "string", default: "8" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help || !values.out) {
    console.log("Usage: node bench/generate.js --out <dir> [--campaigns 1000] [--seed 8]");
    process.exit(values.help ? 0 : 2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const stats = generateRepo(path.resolve(values.out), { campaigns: Number(values.campaigns), seed: Number(values.seed), ruleIds: listRuleIds(root) });
  console.log(JSON.stringify(stats));
}
