import rule from "../../rules/sms-length.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";

runRuleExamples(rule);

const limit1 = { channels: { sms: { maxSegments: 1 } } };
const gsm160 = "Acme spring sale: 20% off every tent, sleeping bag and stove with code SPRING20 until March 31. Visit acme.example/spring or a store. Reply STOP to opt out now!";

runRuleTests(rule, {
  valid: [
    {
      title: "en: exactly 160 GSM characters fit one segment (the editor's final newline is not counted)",
      config: limit1,
      files: { "sms.txt": gsm160 + "\n" },
    },
    {
      title: "en: extension characters count twice but stay within the limit",
      config: limit1,
      files: { "sms.txt": "Save 20€ on [tents] and {stoves} | acme.example ~ Reply STOP to opt out" },
    },
    {
      title: "ru: Cyrillic is UCS-2 by nature, so its dashes and guillemets are not reported",
      files: { "campaign.json": '{"locale":"ru"}', "sms.txt": "Весенняя распродажа — «минус 20%» на все палатки… Код SPRING20 до 31 марта" },
    },
    {
      title: "ar: Arabic text gets no per-character findings, even with an emoji and a curly quote",
      files: { "campaign.json": '{"locale":"ar"}', "sms.txt": "تخفيضات الربيع 🎉 خصم ٢٠٪ على كل الخيام مع الرمز SPRING20 ’حتى 31 مارس’" },
    },
    {
      title: "pl: Polish with its diacritics is UCS-2 anyway: „” and – are not reported",
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "Wiosenna wyprzedaż – „20% taniej” na wszystkie namioty z kodem SPRING20 do 31 marca" },
    },
    {
      title: "id: a variable's sample value is not checked character by character",
      config: { variables: { nama: { sample: "Zoë", maxLength: 20 } } },
      files: { "campaign.json": '{"locale":"id"}', "sms.txt": "Halo {{nama}}, diskon 20% untuk semua tenda sampai 31 Maret dengan kode SPRING20" },
    },
    {
      title: "en: a URL is counted at linkLength, whatever it contains",
      config: { channels: { sms: { maxSegments: 1, linkLength: 23 } } },
      files: { "sms.txt": "Spring sale: https://acme.example/it’s-on/spring/collections/outdoor/tents-and-sleeping-bags?utm_source=sms&utm_medium=text&utm_campaign=spring-2026-outdoor-tents-and-bags" },
    },
    {
      title: "en: frontmatter sms.text is what the SMS says; curly quotes in the email body are not its business",
      files: { "message.md": '---\nchannels: [sms, email]\nsms: { text: "Acme: 20% off with SPRING20 until March 31" }\n---\nIt’s the “spring sale” at Acme – everything 20% off.\n' },
    },
    {
      title: "en: perCharacter false reports only the limit",
      options: { perCharacter: false },
      files: { "sms.txt": "It’s the “spring sale” at Acme – everything 20% off with code SPRING20 until March 31." },
    },
    {
      title: "en: the maxSegments option overrides the config",
      config: limit1,
      options: { maxSegments: 2 },
      files: { "sms.txt": gsm160 + " today" },
    },
    {
      title: "en: a unicode worst-case variable makes the SMS UCS-2 anyway, so the apostrophe alone is not reported",
      config: { variables: { city: { sample: "Paris", maxLength: 10, charset: "unicode" } } },
      files: { "sms.txt": "Acme’s {{city}} store: 20% off every tent with SPRING20" },
    },
  ],
  invalid: [
    {
      title: "en: a curly apostrophe in the first paragraph of message.md (body-derived SMS)",
      files: { "message.md": "---\nchannels: [sms]\n---\n# Spring sale\n\nIt’s spring at Acme: 20% off every tent with code SPRING20 until March 31.\n\n[Shop now](https://acme.example/spring)\n" },
      errors: [{ messageId: "forcesUcs2", line: 6, column: 3, endLine: 6, endColumn: 4, channels: ["sms"], message: "‘’’ forces UCS-2: this SMS goes from 1 to 2 segments; write ' instead" }],
      output: { "message.md": "---\nchannels: [sms]\n---\n# Spring sale\n\nIt's spring at Acme: 20% off every tent with code SPRING20 until March 31.\n\n[Shop now](https://acme.example/spring)\n" },
    },
    {
      title: "en: dash, quotes and ellipsis in a double-quoted frontmatter sms.text, fixed with YAML escapes",
      files: { "message.md": '---\nchannels: [sms]\nsms: { text: "Acme – “Spring” sale… 20% off every tent, stove and bag with SPRING20 until March 31" }\n---\nBody.\n' },
      errors: [
        { messageId: "forcesUcs2", line: 3, column: 20, message: "‘–’ forces UCS-2: this SMS goes from 1 to 2 segments; write - instead" },
        { messageId: "forcesUcs2", line: 3, column: 22, message: "write \" instead" },
        { messageId: "forcesUcs2", line: 3, column: 29 },
        { messageId: "forcesUcs2", line: 3, column: 35, message: "write ... instead" },
      ],
      output: { "message.md": '---\nchannels: [sms]\nsms: { text: "Acme - \\"Spring\\" sale... 20% off every tent, stove and bag with SPRING20 until March 31" }\n---\nBody.\n' },
    },
    {
      title: "en: an apostrophe in a single-quoted frontmatter string is doubled",
      files: { "message.md": "---\nchannels: [sms]\nsms: { text: 'It’s spring at Acme: 20% off every tent, stove and sleeping bag with SPRING20' }\n---\nBody.\n" },
      errors: [{ messageId: "forcesUcs2", line: 3, column: 17 }],
      output: { "message.md": "---\nchannels: [sms]\nsms: { text: 'It''s spring at Acme: 20% off every tent, stove and sleeping bag with SPRING20' }\n---\nBody.\n" },
    },
    {
      title: "en: no fix at the start of a plain YAML scalar (it would become a quoted string)",
      files: { "message.md": "---\nchannels: [sms]\nsms:\n  text: “Spring” is here at Acme’s, 20% off every tent, stove and sleeping bag with SPRING20\n---\nBody.\n" },
      errors: [
        { messageId: "forcesUcs2", line: 4, column: 9 },
        { messageId: "forcesUcs2", line: 4, column: 16 },
        { messageId: "forcesUcs2", line: 4, column: 33 },
      ],
      output: { "message.md": "---\nchannels: [sms]\nsms:\n  text: “Spring\" is here at Acme's, 20% off every tent, stove and sleeping bag with SPRING20\n---\nBody.\n" },
    },
    {
      title: "en: no fix that would turn a paragraph line into a list item",
      files: { "message.md": "---\nchannels: [sms]\n---\nSpring sale at Acme\n– 20% off every tent with code SPRING20 until March 31, online and in every store.\n" },
      errors: [{ messageId: "forcesUcs2", line: 5, column: 1, message: "write - instead" }],
    },
    {
      title: "en: no-break spaces and an ellipsis in sms.txt cost no segment yet: warnings, fixed",
      files: { "sms.txt": "Only 20\u00a0% off\u2026 at Acme\u202ftoday" },
      errors: [
        { messageId: "forcesUcs2Free", line: 1, column: 8, message: "no-break space (U+00A0) forces UCS-2 (70 characters per segment instead of 160), though the SMS still fits in 1 segment; write a normal space instead" },
        { messageId: "forcesUcs2Free", line: 1, column: 14, message: "write ... instead" },
        { messageId: "forcesUcs2Free", line: 1, column: 23, message: "narrow no-break space (U+202F)" },
      ],
      output: { "sms.txt": "Only 20 % off... at Acme today" },
    },
    {
      title: "en: an emoji is reported with a suggestion to remove it, never fixed",
      files: { "sms.txt": "Spring sale 🎉 20% off every tent with code SPRING20 until March 31. Shop at acme.example/spring today" },
      errors: [{ messageId: "forcesUcs2", line: 1, column: 13, endColumn: 15, message: "‘🎉’ forces UCS-2: this SMS goes from 1 to 2 segments; remove it to keep the SMS in GSM-7", suggestions: [{"desc":"Remove ‘🎉’","output":{"sms.txt":"Spring sale  20% off every tent with code SPRING20 until March 31. Shop at acme.example/spring today"}}] }],
    },
    {
      title: "en: a letter written with a combining accent is fixed to its GSM form",
      files: { "sms.txt": "Cafe\u0301 Acme: 20% off" },
      errors: [{ messageId: "forcesUcs2Free", line: 1, column: 4, endColumn: 6, message: "é written as a letter plus a combining accent forces UCS-2" }],
      output: { "sms.txt": "Café Acme: 20% off" },
    },
    {
      title: "en: CRLF line endings keep their positions and survive the fix",
      files: { "sms.txt": "Acme spring sale\r\nIt’s 20% off every tent with code SPRING20 until March 31 at acme.example\r\n" },
      errors: [{ messageId: "forcesUcs2", line: 2, column: 3, message: "goes from 1 to 2 segments" }],
      output: { "sms.txt": "Acme spring sale\r\nIt's 20% off every tent with code SPRING20 until March 31 at acme.example\r\n" },
    },
    {
      title: "en: the maxSegments option sets a limit the config does not have",
      options: { maxSegments: 1 },
      files: { "sms.txt": gsm160 + " today" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 154, message: "SMS is 2 segments (GSM-7, 166 units); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "en: a link counted at linkLength pushes the SMS over",
      config: { channels: { sms: { maxSegments: 1, linkLength: 40 } } },
      files: { "sms.txt": "Acme spring sale: 20% off every tent, sleeping bag and stove with code SPRING20 until March 31, online and in store. Shop: https://acme.example/s" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 124, message: "SMS is 2 segments (GSM-7, 163 units, counting the link as 40); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "en: without linkLength a link counts as written",
      config: limit1,
      files: { "sms.txt": "Spring sale: https://acme.example/spring/collections/outdoor/tents-and-sleeping-bags?utm_source=sms&utm_medium=text&utm_campaign=spring-2026-outdoor-tents&utm_content=hero" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 154, message: "SMS is 2 segments (GSM-7, 171 units); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "en: the cut falls inside a worst-case variable: the finding points at it",
      config: { ...limit1, variables: { firstName: { sample: "Ana", maxLength: 30 } } },
      files: { "sms.txt": "Acme spring sale: 20% off every tent, sleeping bag and stove with code SPRING20 until March 31. Visit acme.example/spring or any store. See you, {{firstName}}" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 146, endColumn: 159, message: "(GSM-7, 175 units, counting {{firstName}} as 30); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "en: a unicode worst-case variable makes the SMS UCS-2 and pushes it over",
      config: { ...limit1, variables: { city: { sample: "Paris", maxLength: 10, charset: "unicode" } } },
      files: { "sms.txt": "Acme’s {{city}} store: 20% off every tent, sleeping bag and stove with SPRING20" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 66, message: "SMS is 2 segments (UCS-2 because of ‘’’, {{city}} at its worst case, 81 units, counting {{city}} as 10); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "id: a worst-case name pushes the SMS over, and a dash forces UCS-2",
      config: { ...limit1, variables: { nama: { sample: "Budi", maxLength: 40 } } },
      files: { "campaign.json": '{"locale":"id"}', "sms.txt": "Halo {{nama}} – diskon 20% untuk semua tenda sampai 31 Maret dengan kode SPRING20. Belanja di acme.example sekarang!" },
      errors: [
        { messageId: "forcesUcs2", line: 1, column: 15, message: "‘–’ forces UCS-2: this SMS goes from 1 to 3 segments; write - instead" },
        { messageId: "tooManySegments", line: 1, column: 36, message: "SMS is 3 segments (UCS-2 because of ‘–’, 148 units, counting {{nama}} as 40); the limit is 1: segment 2 starts here" },
      ],
      output: { "sms.txt": "Halo {{nama}} - diskon 20% untuk semua tenda sampai 31 Maret dengan kode SPRING20. Belanja di acme.example sekarang!" },
    },
    {
      title: "ar: over the limit, reported where segment 2 starts, with no per-character findings",
      config: limit1,
      files: { "campaign.json": '{"locale":"ar"}', "sms.txt": "تخفيضات الربيع 🎉 خصم ٢٠٪ على كل الخيام وأكياس النوم والمواقد مع الرمز SPRING20 حتى 31 مارس" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 68, message: "SMS is 2 segments (UCS-2 because of ‘ت’, ‘خ’, ‘ف’ and 23 more, 91 units); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "ar: frontmatter sms.text over the limit, located in the YAML string",
      config: limit1,
      files: { "message.md": '---\nlocale: ar\nchannels: [sms]\nsms: { text: "تخفيضات الربيع: خصم ٢٠٪ على كل الخيام وأكياس النوم والمواقد مع الرمز SPRING20 حتى 31 مارس" }\n---\nمرحبا\n' },
      errors: [{ messageId: "tooManySegments", line: 4, column: 82, channels: ["sms"], message: "SMS is 2 segments (UCS-2 because of ‘ت’, ‘خ’, ‘ف’ and 22 more, 89 units); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "id: body-derived SMS with a worst-case name; the cut falls in the CTA link counted at linkLength",
      config: { channels: { sms: { maxSegments: 1, linkLength: 23 } }, variables: { nama: { sample: "Budi", maxLength: 40 } } },
      files: {
        "message.md": "---\nlocale: id\nchannels: [sms]\n---\nHalo {{nama}}, diskon 20% untuk semua tenda, kantong tidur dan kompor sampai 31 Maret dengan kode SPRING20.\n\n[Belanja](https://acme.example/promo)\n",
      },
      errors: [{ messageId: "tooManySegments", line: 7, column: 11, message: "SMS is 2 segments (GSM-7, 163 units, counting {{nama}} as 40, the link as 23); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "ru: body-derived SMS over the limit, the cut inside the paragraph",
      config: limit1,
      files: { "message.md": "---\nlocale: ru\nchannels: [sms]\n---\n# Распродажа\n\nСкидка 20% на все палатки, спальники и горелки до 31 марта по коду SPRING20. Успейте!\n" },
      errors: [{ messageId: "tooManySegments", line: 7, column: 68, channels: ["sms"], message: "segment 2 starts here" }],
    },
    {
      title: "ru: the cut falls in the opt-out from brand.config.json: reported at the start of the text",
      config: { channels: { sms: { maxSegments: 1, optOut: "Ответьте СТОП для отписки" } } },
      files: { "message.md": "---\nlocale: ru\nchannels: [sms]\n---\nСкидка 20% на все палатки до 31 марта по коду SPRING20. Успейте!\n" },
      errors: [{ messageId: "tooManySegments", line: 5, column: 1, message: "the limit is 1: segment 2 starts at ‘ветьте СТОП для отпи…’ (in text from brand.config.json)" }],
    },
    {
      title: "pl: Polish text without diacritics: „” and – force UCS-2 and are fixed",
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "Promocja „Wiosna” – 20% taniej na namioty z kodem SPRING20 do 31 marca. Sklep: acme.example/pl" },
      errors: [
        { messageId: "forcesUcs2", line: 1, column: 10, message: "‘„’ forces UCS-2: this SMS goes from 1 to 2 segments; write \" instead" },
        { messageId: "forcesUcs2", line: 1, column: 17 },
        { messageId: "forcesUcs2", line: 1, column: 19 },
      ],
      output: { "sms.txt": 'Promocja "Wiosna" - 20% taniej na namioty z kodem SPRING20 do 31 marca. Sklep: acme.example/pl' },
    },
    {
      title: "pl: Polish with diacritics over the limit: only the limit, naming the letters",
      config: limit1,
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "Wiosenna wyprzedaż w Acme – „20% taniej” na wszystkie namioty i śpiwory z kodem SPRING20 do 31 marca" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 68, message: "SMS is 2 segments (UCS-2 because of ‘ż’, ‘–’, ‘„’ and 2 more, 100 units); the limit is 1: segment 2 starts here" }],
    },
  ],
});

/** SMS encoding policy (channels.sms: smartEncoding, letters, shiftTables) and line breaks. */
const onePl = "Lumen: 30% taniej na namioty i plecaki z kodem JESIEN30. Ostatni dzień promocji: 31.10. Sklep: lumen.example/pl";
const tr = "Lumen: Ayşe, bugün tüm çadırlarda %20 indirim var! Kod: BAHAR20. Kaçırmayın, kampanya yarın bitiyor.";

runRuleTests(rule, {
  valid: [
    {
      title: "vi: a Vietnamese SMS full of diacritics is UCS-2 by the language's choice: no letter warning",
      files: { "campaign.json": '{"locale":"vi"}', "sms.txt": "Lumen: giảm 20% cho tất cả lều trại với mã SPRING20 đến hết ngày 31 tháng 3. Mua ngay tại lumen.example" },
    },
    {
      title: "pl: one ń that costs no segment gets no warning",
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "Lumen: ostatni dzień promocji!" },
    },
    {
      title: "tr: with the Turkish shift tables a Turkish SMS is GSM-7 and fits one segment",
      config: { channels: { sms: { maxSegments: 1, shiftTables: ["tr"] } } },
      files: { "campaign.json": '{"locale":"tr"}', "sms.txt": tr },
    },
    {
      title: "pt: Portuguese letters in the Portuguese tables are not reported",
      config: { channels: { sms: { shiftTables: ["pt"], letters: "strip" } } },
      files: { "campaign.json": '{"locale":"pt-BR"}', "sms.txt": "Lumen: promoção de outono, 30% de desconto em barracas e mochilas com o código OUTONO30 até sábado. Confira: lumen.example/br" },
    },
    {
      title: "ru: smart encoding cannot make Cyrillic GSM-7: nothing is replaced, nothing reported",
      config: { channels: { sms: { smartEncoding: true } } },
      files: { "campaign.json": '{"locale":"ru"}', "sms.txt": "Lumen: скидка 20% — «лето» до 30 июня" },
    },
  ],
  invalid: [
    {
      title: "pl: letters: keep (default) — one ń turns 1 segment into 2: a warning naming it and the count without it",
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": onePl },
      errors: [
        {
          messageId: "lettersCost",
          line: 1,
          column: 70,
          message: "‘ń’ alone makes this SMS UCS-2: 2 segments; without it (n) it is 1 in GSM-7. Polish keeps its letters (channels.sms.letters: keep)", suggestions: [{"desc":"Write n","output":{"sms.txt":"Lumen: 30% taniej na namioty i plecaki z kodem JESIEN30. Ostatni dzien promocji: 31.10. Sklep: lumen.example/pl"}}],
        },
      ],
    },
    {
      title: "cs: two Czech letters (ě, č) that alone cost two segments",
      files: { "campaign.json": '{"locale":"cs"}', "sms.txt": "Lumen: sleva 20% na stany, spacaky a batohy s kodem SPRING20 plati do 31. brezna. Prijdte do nasi prodejny v Brně nebo na lumen.example/cz a kupte si čaj" },
      errors: [{ messageId: "lettersCost", line: 1, column: 113, message: "‘ě’ and ‘č’ alone make this SMS UCS-2: 3 segments; without them (e, c) it is 1 in GSM-7. Czech keeps its letters" }],
    },
    {
      title: "tr: without shift tables a Turkish SMS is UCS-2, over the limit",
      config: limit1,
      files: { "campaign.json": '{"locale":"tr"}', "sms.txt": tr },
      errors: [{ messageId: "tooManySegments", line: 1, column: 68, message: "SMS is 2 segments (UCS-2 because of ‘ş’, ‘ç’, ‘ı’, 100 units); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "tr: with the Turkish tables the header costs room: 155 septets alone, 149 a segment once concatenated",
      config: { channels: { sms: { maxSegments: 1, shiftTables: ["tr"] } } },
      files: { "campaign.json": '{"locale":"tr"}', "sms.txt": tr + " Üye olun, fırsatları kaçırmayın: lumen.example/tr ve mağazalar" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 150, message: "SMS is 2 segments (GSM-7 with the Turkish locking shift table, 163 units); the limit is 1: segment 2 starts here" }],
    },
    {
      title: "pl: letters: strip for Polish — each letter is an error and --fix writes its base letter",
      config: { channels: { sms: { letters: { pl: "strip", default: "keep" } } } },
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "Lumen: 30% taniej na namioty z kodem JESIEN30. Ostatni dzień promocji, zapraszamy do sklepów: lumen.example/pl" },
      errors: [
        { messageId: "stripLetter", line: 1, column: 60, message: "‘ń’ makes this SMS UCS-2 (2 segments instead of 1), and channels.sms.letters strips letters for Polish: write n" },
        { messageId: "stripLetter", line: 1, column: 91, message: "write o" },
      ],
      output: { "sms.txt": "Lumen: 30% taniej na namioty z kodem JESIEN30. Ostatni dzien promocji, zapraszamy do sklepow: lumen.example/pl" },
    },
    {
      title: "tr: letters: strip without shift tables writes s, i and c in a Turkish SMS",
      config: { channels: { sms: { letters: "strip" } } },
      files: { "campaign.json": '{"locale":"tr"}', "sms.txt": "Lumen: Ayşe, çadırlarda %20 indirim!" },
      errors: [
        { messageId: "stripLetter", line: 1, column: 10, message: "‘ş’ makes this SMS UCS-2, and channels.sms.letters strips letters for Turkish: write s" },
        { messageId: "stripLetter", line: 1, column: 14 },
        { messageId: "stripLetter", line: 1, column: 17 },
      ],
      output: { "sms.txt": "Lumen: Ayse, cadirlarda %20 indirim!" },
    },
    {
      title: "es: letters: strip with the Spanish table keeps Ú, í, ó, á (they are in it) and strips the ê of a French name",
      config: { channels: { sms: { letters: "strip", shiftTables: ["es"] } } },
      files: { "campaign.json": '{"locale":"es"}', "sms.txt": "Lumen: ¡Última oportunidad! 20% en la Crêperie del campo, envío gratis. Código ONCE20, válido hasta el sábado" },
      errors: [{ messageId: "stripLetter", line: 1, column: 41, message: "‘ê’ makes this SMS UCS-2 (2 segments instead of 1), and channels.sms.letters strips letters for Spanish: write e" }],
      output: { "sms.txt": "Lumen: ¡Última oportunidad! 20% en la Creperie del campo, envío gratis. Código ONCE20, válido hasta el sábado" },
    },
    {
      title: "en: smartEncoding — the gateway turns ’ into ' and sends GSM-7: a warning, no error",
      config: { channels: { sms: { smartEncoding: true, maxSegments: 1 } } },
      files: { "sms.txt": "Lumen’s spring sale: 20% off every tent with code SPRING20 until March 31. Shop at lumen.example" },
      errors: [{ messageId: "smartEncoded", line: 1, column: 6, message: "your gateway turns ’ into ' — sent as GSM-7 (channels.sms.smartEncoding)", suggestions: [{"desc":"Write '","output":{"sms.txt":"Lumen's spring sale: 20% off every tent with code SPRING20 until March 31. Shop at lumen.example"}}] }],
    },
    {
      title: "de: smartEncoding with „ “ and – in a German SMS: each named, the count is GSM-7",
      config: { channels: { sms: { smartEncoding: true } } },
      files: { "campaign.json": '{"locale":"de"}', "sms.txt": "Lumen: „Frühling“ – 20% auf alle Zelte mit SPRING20" },
      errors: [
        { messageId: "smartEncoded", line: 1, column: 8, message: "your gateway turns „ into \" — sent as GSM-7", suggestions: [{"desc":"Write \"","output":{"sms.txt":"Lumen: \"Frühling“ – 20% auf alle Zelte mit SPRING20"}}] },
        { messageId: "smartEncoded", line: 1, column: 17, message: "your gateway turns “ into \"", suggestions: [{"desc":"Write \"","output":{"sms.txt":"Lumen: „Frühling\" – 20% auf alle Zelte mit SPRING20"}}] },
        { messageId: "smartEncoded", line: 1, column: 19, message: "your gateway turns – into -", suggestions: [{"desc":"Write -","output":{"sms.txt":"Lumen: „Frühling“ - 20% auf alle Zelte mit SPRING20"}}] },
      ],
    },
    {
      title: "id: smartEncoding fails all or nothing when an emoji stays: the dash forces UCS-2 as without it",
      config: { channels: { sms: { smartEncoding: true } } },
      files: { "campaign.json": '{"locale":"id"}', "sms.txt": "Lumen: diskon 20% – semua tenda sampai 30 April dengan kode GAJIAN10, belanja di lumen.example 🎉" },
      errors: [
        { messageId: "forcesUcs2", line: 1, column: 19 },
        { messageId: "forcesUcs2", line: 1, column: 96, suggestions: [{"desc":"Remove ‘🎉’","output":{"sms.txt":"Lumen: diskon 20% – semua tenda sampai 30 April dengan kode GAJIAN10, belanja di lumen.example "}}] },
      ],
      output: { "sms.txt": "Lumen: diskon 20% - semua tenda sampai 30 April dengan kode GAJIAN10, belanja di lumen.example 🎉" },
    },
    {
      title: "en: Windows line breaks (CR LF) push the SMS into a second segment: a hint at the first one",
      files: { "sms.txt": gsm160.slice(0, 79) + "\r\n" + gsm160.slice(79, 159) + "\r\n" },
      errors: [{ messageId: "crlf", line: 1, column: 80, message: "Windows line breaks (CR LF) cost 2 characters each: with plain line breaks (LF) this SMS is 1 segment instead of 2" }],
    },
  ],
});

/** One URL finder: a schemeless link counts at linkLength like any other. */
runRuleTests(rule, {
  valid: [
    {
      title: "en: a long schemeless link counts as the 23 characters of the shortened link",
      config: { channels: { sms: { maxSegments: 1, linkLength: 23 } } },
      files: { "sms.txt": "Lumen: 20% off tents with SPRING20 until March 31: lumen.example/spring/collections/outdoor/tents-and-sleeping-bags/family-size/four-person-and-more?utm_source=sms" },
    },
    {
      title: "pl: 163 characters as written, 146 with the schemeless link at 23: one segment",
      config: { channels: { sms: { maxSegments: 1, linkLength: 23 } } },
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "Lumen: 30% taniej na namioty, plecaki, spiwory i kuchenki turystyczne z kodem JESIEN30 do konca pazdziernika. Zapraszamy: lumen.example/pl/jesien/namioty-rodzinne!" },
    },
  ],
  invalid: [
    {
      title: "id: a short schemeless link counted at a longer linkLength pushes the SMS into a second segment, cut inside the link",
      config: { channels: { sms: { maxSegments: 1, linkLength: 40 } } },
      files: { "campaign.json": '{"locale":"id"}', "sms.txt": "Lumen: diskon 10% untuk semua tenda, ransel dan kompor dengan kode GAJIAN10 sampai 30 April. Belanja sekarang di toko online: lumen.example/id" },
      errors: [{ messageId: "tooManySegments", line: 1, column: 127, message: "SMS is 2 segments (GSM-7, 166 units, counting the link as 40); the limit is 1: segment 2 starts here" }],
    },
  ],
});
