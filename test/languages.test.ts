/**
 * One table per built-in language (lang/<tag>.json), through the real rules:
 * offer-consistency (a discount in the language's usual form, a tax and a product-fact
 * percentage that are not discounts, a promo code on the side of its cue where the
 * language writes it) and tone-words (a banned term in running text, a longer word it
 * must not match, a capitalised or otherwise folded form). Adding a language is adding
 * its data file and a row here.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import offerRule from "../rules/offer-consistency.js";
import { builtInLanguages } from "../src/config/languages.js";
import { compileCues, findDiscounts } from "../src/text/discounts.js";
import toneRule from "../rules/tone-words.js";
import { runRuleTests } from "./helpers/rule-tester.js";

interface Row {
  /** The offer stated with 25% (the offer is SPRING20 = 20%); `wrong` is the statement as written. */
  wrong: [text: string, found: string];
  /** 20% off with SPRING20, plus a tax and a product-fact percentage that are not discounts. */
  facts: string;
  /** The cue introducing the unknown code SAVEBIG, before or after it as the language writes it. */
  code: string;
  tone: { term: string; running: [text: string, found: string]; longer: string; folded: [text: string, found: string] };
}

const ROWS: Record<string, Row> = {
  en: { wrong: ["Take 25% off everything with SPRING20", "25%"], facts: "Take 20% off with SPRING20. Prices include 23% VAT, shirts are 95% cotton.", code: "Use code SAVEBIG today", tone: { term: "cheap", running: ["Our cheap tents are here", "cheap"], longer: "Our cheapest tents", folded: ["CHEAP TENTS", "CHEAP"] } },
  id: { wrong: ["Diskon 25% pakai kode SPRING20", "25%"], facts: "Diskon 20% pakai kode SPRING20. Harga termasuk PPN 11%, kaos 95% katun.", code: "Pakai kode SAVEBIG sekarang", tone: { term: "murahan", running: ["Ini bukan produk murahan", "murahan"], longer: "Kemurahan hatinya", folded: ["MURAHAN!", "MURAHAN"] } },
  ms: { wrong: ["Diskaun 25% dengan kod SPRING20", "25%"], facts: "Diskaun 20% dengan kod SPRING20. Harga termasuk SST 8%, baju 95% kapas.", code: "Guna kod SAVEBIG hari ini", tone: { term: "murah", running: ["Harga murah hari ini", "murah"], longer: "Murahnya harga", folded: ["MURAH SEKALI", "MURAH"] } },
  ar: { wrong: ["خصم ٢٥٪ مع كود SPRING20", "٢٥٪"], facts: "خصم ٢٠٪ مع كود SPRING20. الأسعار تشمل ضريبة ١٥٪، قميص ٩٥٪ قطن.", code: "استخدم كود SAVEBIG اليوم", tone: { term: "رخيص", running: ["منتج رخيص جدا", "رخيص"], longer: "منتجات رخيصة جدا", folded: ["منتج رخـيـص جدا", "رخـيـص"] } },
  he: { wrong: ["הנחה של 25% עם קוד SPRING20", "25%"], facts: "20% בהנחה עם קוד SPRING20. המחיר כולל 17% מע״מ, חולצה 95% כותנה.", code: "השתמשו בקוד SAVEBIG היום", tone: { term: "זול", running: ["מוצר זול היום", "זול"], longer: "מוצרים זולים היום", folded: ["מוצר זוֹל היום", "זוֹל"] } },
  fa: { wrong: ["۲۵٪ تخفیف با کد SPRING20", "۲۵٪"], facts: "۲۰٪ تخفیف با کد SPRING20. قیمت با ۹٪ مالیات، پیراهن ۹۵٪ پنبه.", code: "از کد SAVEBIG استفاده کنید", tone: { term: "ارزان", running: ["کفش ارزان امروز", "ارزان"], longer: "کفش ارزانتر امروز", folded: ["کفش ارزان\u200c امروز", "ارزان\u200c"] } },
  ru: { wrong: ["Скидка 25% по промокоду SPRING20", "25%"], facts: "Скидка 20% по промокоду SPRING20. Цены с НДС 18%, футболки 95% хлопок.", code: "Введите промокод SAVEBIG сегодня", tone: { term: "халява", running: ["Это не халява, а скидка", "халява"], longer: "Для халявщиков", folded: ["ХАЛЯВА!", "ХАЛЯВА"] } },
  uk: { wrong: ["Знижка 25% за промокодом SPRING20", "25%"], facts: "Знижка 20% за промокодом SPRING20. Ціни з ПДВ 18%, футболки 95% бавовна.", code: "Введіть промокод SAVEBIG сьогодні", tone: { term: "халява", running: ["Це не халява", "халява"], longer: "Для халявників", folded: ["ХАЛЯВА!", "ХАЛЯВА"] } },
  pl: { wrong: ["Rabat 25% z kodem SPRING20", "25%"], facts: "Rabat 20% z kodem SPRING20. Ceny zawierają 23% VAT, koszulki 95% bawełny.", code: "Użyj kodu SAVEBIG już dziś", tone: { term: "tani*", running: ["Te buty są tanie", "tanie"], longer: "Lekcje tańca: taniec towarzyski", folded: ["TANIE BUTY", "TANIE"] } },
  cs: { wrong: ["Sleva 25% s kódem SPRING20", "25%"], facts: "Sleva 20% s kódem SPRING20. Ceny včetně 21% DPH, trička 95% bavlna.", code: "Zadejte kód SAVEBIG ještě dnes", tone: { term: "levně", running: ["Nakupte levně dnes", "levně"], longer: "Nakupte levněji dnes", folded: ["LEVNĚ!", "LEVNĚ"] } },
  de: { wrong: ["Jetzt 25 Prozent Rabatt mit SPRING20", "25 Prozent"], facts: "Jetzt 20% Rabatt mit SPRING20. Preise inkl. 19% MwSt., Shirts aus 95% Baumwolle.", code: "Mit dem Gutscheincode SAVEBIG sparen", tone: { term: "billig", running: ["Heute billig einkaufen", "billig"], longer: "Heute billiger einkaufen", folded: ["BILLIG EINKAUFEN", "BILLIG"] } },
  fr: { wrong: ["25% de remise avec SPRING20", "25%"], facts: "20% de remise avec SPRING20. Prix avec 5,5 % de TVA, t-shirts 95% coton.", code: "Avec le code promo SAVEBIG aujourd’hui", tone: { term: "bradé", running: ["Tout est bradé ce soir", "bradé"], longer: "Articles bradés ce soir", folded: ["TOUT EST BRADÉ", "BRADÉ"] } },
  es: { wrong: ["25% de descuento con SPRING20", "25%"], facts: "20% de descuento con SPRING20. Precio con 21% IVA, camisetas 95% algodón.", code: "Usa el código SAVEBIG hoy", tone: { term: "barato", running: ["Es muy barato hoy", "barato"], longer: "Es baratísimo hoy", folded: ["¡BARATO!", "BARATO"] } },
  pt: { wrong: ["25% de desconto com o cupom SPRING20", "25%"], facts: "20% de desconto com o cupom SPRING20. Preço com 23% IVA, camisetas 95% algodão.", code: "Use o cupom SAVEBIG hoje", tone: { term: "barato", running: ["Está barato hoje", "barato"], longer: "Está baratinho hoje", folded: ["BARATO HOJE", "BARATO"] } },
  it: { wrong: ["Sconto del 25% con SPRING20", "25%"], facts: "Sconto del 20% con SPRING20. Prezzi con IVA 22%, magliette 95% cotone.", code: "Usa il codice SAVEBIG oggi", tone: { term: "scontato", running: ["Tutto scontato oggi", "scontato"], longer: "Tutto scontatissimo oggi", folded: ["TUTTO SCONTATO", "SCONTATO"] } },
  nl: { wrong: ["25% korting met SPRING20", "25%"], facts: "20% korting met SPRING20. Prijzen incl. 21% btw, shirts van 95% katoen.", code: "Gebruik kortingscode SAVEBIG vandaag", tone: { term: "goedkoop", running: ["Nu goedkoop shoppen", "goedkoop"], longer: "De goedkoopste jas", folded: ["GOEDKOOP!", "GOEDKOOP"] } },
  tr: { wrong: ["SPRING20 koduyla %25 indirim", "%25"], facts: "SPRING20 koduyla %20 indirim. Fiyatlara %18 KDV dahil, tişörtler %95 pamuk.", code: "SAVEBIG koduyla MONT ceketlerde indirim", tone: { term: "indirim", running: ["Büyük indirim başladı", "indirim"], longer: "İndirimli ürünler", folded: ["BÜYÜK İNDİRİM", "İNDİRİM"] } },
  vi: { wrong: ["Giảm 25% với mã SPRING20", "25%"], facts: "Giảm 20% với mã SPRING20. Giá đã gồm 10% VAT, áo 95% cotton.", code: "Nhập mã SAVEBIG ngay hôm nay", tone: { term: "rẻ", running: ["Hàng rẻ hôm nay", "rẻ"], longer: "Hàng rẻo hôm nay", folded: ["HÀNG RẺ", "RẺ"] } },
  th: { wrong: ["ลด 25% ใช้โค้ดSPRING20", "25%"], facts: "ลด 20% ใช้โค้ดSPRING20 ราคารวมภาษี 7% แล้ว", code: "ใช้โค้ด SAVEBIG วันนี้", tone: { term: "ถูก", running: ["สินค้าราคาถูก", "ถูก"], longer: "ข้อมูลถูกต้อง", folded: ["ของถูกมาก", "ถูก"] } },
  ja: { wrong: ["全品25％オフ、コードSPRING20", "25％"], facts: "全品20％オフ、コードSPRING20。税込10％、綿95％のシャツ。", code: "クーポンコードSAVEBIGをご利用", tone: { term: "セール", running: ["本日セール開催", "セール"], longer: "セールスマンが来た", folded: ["本日ｾｰﾙ開催", "ｾｰﾙ"] } },
  zh: { wrong: ["全场优惠25%，优惠码SPRING20", "25%"], facts: "全场优惠20%，优惠码SPRING20。含13%增值税，95%纯棉。", code: "输入优惠码SAVEBIG即可", tone: { term: "便宜", running: ["这件衣服很便宜", "便宜"], longer: "便宜行事", folded: ["很便宜！", "便宜"] } },
  ko: { wrong: ["쿠폰코드 SPRING20 입력 시 25% 할인", "25%"], facts: "쿠폰코드 SPRING20 입력 시 20% 할인. 부가세 10% 포함, 면 95%.", code: "쿠폰코드 SAVEBIG 입력", tone: { term: "세일", running: ["오늘 세일 시작", "세일"], longer: "세일즈 팀", folded: ["오늘 세일!", "세일"] } },
  el: { wrong: ["Έκπτωση 25% σε όλα τα προϊόντα με κωδικό SPRING20", "25%"], facts: "Έκπτωση 20% με κωδικό SPRING20 και 24% ΦΠΑ, μπλούζες 95% βαμβάκι.", code: "Με τον κωδικό SAVEBIG σήμερα", tone: { term: "φθηνό", running: ["Ένα φθηνό δώρο", "φθηνό"], longer: "Ένα φθηνότερο δώρο", folded: ["ΦΘΗΝΟ ΔΩΡΟ", "ΦΘΗΝΟ"] } },
  hi: { wrong: ["कोड SPRING20 से 25% की छूट", "25%"], facts: "कोड SPRING20 से 20% की छूट। 18% जीएसटी लागू, 95% कॉटन।", code: "कोड SAVEBIG का उपयोग करें", tone: { term: "सस्ता", running: ["सस्ता सामान आज", "सस्ता"], longer: "सस्तापन नहीं", folded: ["आज सस्ता!", "सस्ता"] } },
};

const OFFER = { offers: [{ code: "SPRING20", discount: "20%" }] };
const col = (text: string, needle: string) => text.indexOf(needle) + 1;
const campaign = (locale: string) => JSON.stringify({ offer: "SPRING20", locale });

it("every built-in language has a data file and a row here", () => {
  const files = readdirSync(path.join(import.meta.dirname, "..", "lang")).map((f) => f.replace(/\.json$/u, ""));
  expect(Object.keys(ROWS).sort()).toEqual(files.sort());
});

for (const [locale, row] of Object.entries(ROWS)) {
  describe(locale, () => {
    it(`${locale}: the tax and product-fact percentages are told apart by the language's words`, () => {
      const found = findDiscounts(row.facts, locale, compileCues(locale, builtInLanguages()), { cueDistance: 3, codes: ["SPRING20"] });
      const others = found.filter((p) => p.value !== 20);
      expect(others.length).toBeGreaterThan(0);
      expect(others.map((p) => p.reason)).toEqual(others.map(() => "not-discount-cue"));
    });
    runRuleTests(offerRule, {
      valid: [{ title: `${locale}: the offer, with a tax and a product-fact percentage`, config: OFFER, files: { "campaign.json": campaign(locale), "sms.txt": row.facts } }],
      invalid: [
        {
          title: `${locale}: a discount in the language's usual form`,
          config: OFFER,
          files: { "campaign.json": campaign(locale), "sms.txt": row.wrong[0] },
          // The suggestion writes the offer's discount in the notation found (checked by the offer-consistency tables).
          errors: [{ messageId: "wrongDiscount", line: 1, column: col(row.wrong[0], row.wrong[1]), endColumn: col(row.wrong[0], row.wrong[1]) + row.wrong[1].length, suggestions: [{ desc: "(offer SPRING20)", output: {} }] }],
        },
        {
          title: `${locale}: a code introduced by its cue`,
          config: OFFER,
          files: { "campaign.json": campaign(locale), "sms.txt": row.code },
          errors: [{ messageId: "unknownCode", line: 1, column: col(row.code, "SAVEBIG"), endColumn: col(row.code, "SAVEBIG") + 7, suggestions: [{ desc: "Write ‘SPRING20’", output: { "sms.txt": row.code.replace("SAVEBIG", "SPRING20") } }] }],
        },
      ],
    });
    const tone = { tone: { banned: [{ term: row.tone.term, ...(locale === "pl" ? { except: ["taniec*"] } : {}) }] } };
    const files = (text: string) => ({ "campaign.json": JSON.stringify({ locale }), "sms.txt": text });
    const at = ([text, found]: [string, string]) => ({ messageId: "banned", line: 1, column: col(text, found), endColumn: col(text, found) + found.length });
    runRuleTests(toneRule, {
      valid: [{ title: `${locale}: a longer word does not match`, config: tone, files: files(row.tone.longer) }],
      invalid: [
        { title: `${locale}: a banned term in running text`, config: tone, files: files(row.tone.running[0]), errors: [at(row.tone.running)] },
        { title: `${locale}: a capitalised or folded form`, config: tone, files: files(row.tone.folded[0]), errors: [at(row.tone.folded)] },
      ],
    });
  });
}
