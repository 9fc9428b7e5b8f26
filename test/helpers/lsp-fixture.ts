/** The project the language server tests (protocol and Neovim) lint. */
export const LSP_CONFIG = {
  brand: { name: "Lumen", sender: "Lumen", address: "Lumen Ltd., 1 Harbour Row, Bristol", domains: ["lumen.example"], unsubscribeUrl: "https://lumen.example/u" },
  colors: { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" },
  tone: {
    banned: [{ term: "cheap*", suggest: "affordable", message: "Lumen never calls its gear cheap" }],
    terms: [{ use: "email", instead: ["e-mail"] }],
    locales: { pl: { banned: [{ term: "tani*", suggest: "przystępny" }] } },
  },
  channels: { sms: { maxSegments: 2, requireOptOut: true, optOut: { default: "Reply STOP to opt out" } } },
  variables: { firstName: { sample: "Ana", maxLength: 20, charset: "unicode", fallback: "there" } },
  fatigue: { maxPerDay: 2 },
};

export const front = (campaign: string, extra: string[] = []) => ["---", `campaign: ${campaign}`, "locale: en", "channels: [email, sms]", "audience: newsletter", "send: 2026-03-20", 'subject: "Hello {{firstName}}"', ...extra, "---"];
// Line 11 (0-based 10), "cheap" at characters 4–9.
export const SPRING = [...front("spring"), "# Spring, {{firstName}}", "", "Our cheap tents are here, {{firstName}}. Sign up by e-mail.", ""].join("\n");
export const CLEAN = SPRING.replace("cheap ", "");
