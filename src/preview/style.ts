/** The preview's style sheet (inline in every page: the site works offline from file://). */
export const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
html { color-scheme: light; }
body { margin: 0; font: 15px/1.5 var(--bl-font); color: var(--bl-ink); background: var(--bl-surface); }
a { color: var(--bl-accent-text); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.top { background: var(--bl-accent); color: var(--bl-on-accent); padding: 12px 24px; display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
.top a { color: inherit; }
.top a.brand { text-decoration: none; }
.top .brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 18px; }
.top .tool { opacity: 0.92; font-weight: 400; }
.top nav { margin-inline-start: auto; }
.logo { display: inline-grid; place-items: center; width: 32px; height: 32px; border-radius: 8px; background: var(--bl-paper); color: var(--bl-accent-text); font-weight: 800; }
main { padding: 24px; max-width: 1680px; margin: 0 auto; }
h1 { margin: 0 0 8px; font-size: 28px; line-height: 1.2; }
h2 { margin: 0; font-size: 19px; }
h3 { margin: 0 0 8px; font-size: 15px; }
.card { background: var(--bl-paper); border: 1px solid var(--bl-line); border-radius: 14px; padding: 18px 20px; margin-bottom: 20px; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 8px 0 0; }
.facts div { min-width: 0; }
.facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--bl-muted); }
.facts dd { margin: 0; font-weight: 600; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 13px; font-weight: 600; border: 1px solid var(--bl-line); background: var(--bl-paper); color: var(--bl-ink); }
.pill.sev-error, .badge.sev-error { background: #b3261e; border-color: #b3261e; color: #fff; }
.pill.sev-warning, .badge.sev-warning { background: #8a5a00; border-color: #8a5a00; color: #fff; }
.pill.clean { background: #1e6b34; border-color: #1e6b34; color: #fff; }
table.campaigns { width: 100%; border-collapse: collapse; background: var(--bl-paper); }
table.campaigns caption { text-align: start; font-weight: 700; font-size: 19px; padding-bottom: 10px; }
table.campaigns th, table.campaigns td { text-align: start; padding: 10px 12px; border-bottom: 1px solid var(--bl-line); vertical-align: top; }
table.campaigns thead th { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--bl-muted); }
table.campaigns td.num { font-variant-numeric: tabular-nums; }
.variants { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(460px, 100%), 1fr)); gap: 20px; align-items: start; margin-bottom: 20px; }
.variant { background: var(--bl-paper); border: 1px solid var(--bl-line); border-radius: 14px; padding: 16px 18px; min-width: 0; }
.variant-email { grid-column: 1 / -1; }
.variant-head { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; margin-bottom: 12px; }
.variant-head .origin { margin: 0; color: var(--bl-muted); font-size: 13px; }
.variant-head .pill { margin-inline-start: auto; }
.variant-body { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
.preview { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; gap: 12px; }
.findings { flex: 1 1 260px; max-width: 100%; min-width: 240px; }
.variant-email .findings { flex-basis: 300px; }
.findings ol { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(340px, 100%), 1fr)); gap: 10px 24px; }
.finding { border-inline-start: 4px solid #8a5a00; padding-block: 4px; padding-inline: 10px 0; }
.finding.sev-error { border-inline-start-color: #b3261e; }
.finding .msg { display: block; margin: 4px 0 2px; }
.finding .where { font-size: 13px; color: var(--bl-muted); }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; }
.none { color: var(--bl-muted); margin: 0; }
.note { font-size: 13px; color: var(--bl-muted); margin: 0; }
mark { color: inherit; border-radius: 3px; padding: 0 1px; }
mark.sev-error { background: #ffd6d1; box-shadow: 0 0 0 2px #b3261e; }
mark.sev-warning { background: #fff1b8; box-shadow: 0 0 0 2px #8a5a00; }
mark:target { outline: 3px solid var(--bl-accent); outline-offset: 2px; }
.url { text-decoration: underline; overflow-wrap: anywhere; }
.counter { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 0; font-size: 14px; }
.counter dt { font-size: 12px; color: var(--bl-muted); }
.counter dd { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; }
.counter .over dd { color: #b3261e; }
.worst { border-top: 1px dashed var(--bl-line); padding-top: 10px; display: flex; flex-direction: column; gap: 8px; }
.worst p { margin: 0; font-size: 14px; }
details summary { cursor: pointer; font-size: 14px; }
/* Email */
.inbox { border: 1px solid var(--bl-line); border-radius: 10px; padding: 10px 14px; display: grid; gap: 4px; }
.inbox p { margin: 0; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.inbox .label { width: 84px; flex: none; color: var(--bl-muted); font-size: 13px; }
.inbox .subject { font-weight: 700; }
.inbox .len { margin-inline-start: auto; font-size: 13px; color: var(--bl-muted); font-variant-numeric: tabular-nums; }
.inbox .len.over { color: #b3261e; font-weight: 700; }
.frames { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; max-width: 100%; overflow-x: auto; }
.frames figure { margin: 0; }
.frames figcaption, .devices figcaption { font-size: 13px; color: var(--bl-muted); margin-bottom: 4px; }
.frames iframe { display: block; border: 1px solid var(--bl-line); border-radius: 8px; background: #fff; height: 640px; }
.frames .desktop iframe { width: 640px; }
.frames .mobile iframe { width: 375px; }
/* SMS */
.phone { width: 340px; max-width: 100%; border: 10px solid #1f1f1f; border-radius: 34px; background: #fff; color: #111; overflow: hidden; }
.phone-top { text-align: center; padding: 10px 8px 8px; border-bottom: 1px solid #ddd; background: #f6f6f6; }
.phone-top .sender { display: block; font-weight: 700; font-size: 14px; }
.phone-top .kind { font-size: 12px; color: #555; }
.thread { padding: 14px 12px 22px; display: flex; flex-direction: column; align-items: flex-start; min-height: 120px; }
.bubble { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 88%; padding: 8px 12px; border-radius: 18px; }
.bubble.sms { background: #e9e9eb; color: #111; border-end-start-radius: 4px; }
.seg-break { display: block; margin: 6px -4px; border-top: 1px dashed #767676; font-size: 11px; color: #444; text-align: center; line-height: 1; padding-top: 2px; white-space: normal; }
/* Push */
.devices { display: flex; flex-direction: column; gap: 14px; }
.devices figure { margin: 0; }
.wallpaper { background: linear-gradient(160deg, var(--bl-accent), #1b1b2f); border-radius: 18px; padding: 14px 8px; }
.push { margin: 0 auto; color: #111; background: #f7f7f7; }
.push.ios { width: 359px; max-width: 100%; border-radius: 20px; padding: 10px 14px 12px; }
.push.android { width: 396px; max-width: 100%; border-radius: 16px; padding: 12px 16px; background: #fff; }
.push-app { display: flex; align-items: center; gap: 8px; font-size: 12px; color: #444; }
.push-app .time { margin-inline-start: auto; }
.app-icon { display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 6px; background: var(--bl-accent); color: var(--bl-on-accent); font-weight: 800; font-size: 13px; }
.push.android .app-icon { border-radius: 50%; width: 18px; height: 18px; font-size: 11px; }
.push-title { margin: 4px 0 0; font-weight: 700; overflow-wrap: anywhere; }
.push-body { margin: 2px 0 0; overflow-wrap: anywhere; }
.cut { color: #b3261e; font-weight: 700; }
/* WhatsApp */
.chat { width: 360px; max-width: 100%; border-radius: 14px; overflow: hidden; border: 1px solid #d1d7db; }
.chat-head { background: #075e54; color: #fff; padding: 10px 12px; display: flex; align-items: center; gap: 10px; font-weight: 700; }
.chat-head .app-icon { border-radius: 50%; width: 30px; height: 30px; }
.chat-body { background: #efeae2; padding: 14px 10px 18px; display: flex; flex-direction: column; align-items: flex-start; }
.bubble.wa { background: #fff; color: #111; border-radius: 10px; border-start-start-radius: 0; box-shadow: 0 1px 0.5px rgba(0,0,0,0.13); }
.bubble.wa code { background: #f0f0f0; border-radius: 3px; padding: 0 2px; }
.wa-time { display: block; text-align: end; font-size: 11px; color: #555; margin-top: 2px; }
/* Social */
.post { width: 420px; max-width: 100%; border: 1px solid #cfd9de; border-radius: 16px; padding: 12px 16px; background: #fff; color: #0f1419; }
.post-head { display: flex; align-items: center; gap: 10px; }
.avatar { display: inline-grid; place-items: center; width: 40px; height: 40px; border-radius: 50%; background: var(--bl-accent); color: var(--bl-on-accent); font-weight: 800; }
.post-name { font-weight: 700; }
.post-meta { color: #536471; font-size: 14px; }
.post-text { margin: 8px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.post .url { color: #1a5c99; }
/* Brand */
.brand-grid { display: flex; flex-wrap: wrap; gap: 24px 48px; }
.swatches, .fonts { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 14px; }
.swatch { display: flex; flex-direction: column; gap: 2px; width: 112px; font-size: 13px; }
.chip { display: block; height: 56px; border-radius: 10px; border: 1px solid var(--bl-line); }
.chip-invalid { background: repeating-linear-gradient(45deg, #eee 0 6px, #fff 6px 12px); }
.swatch-name { font-weight: 700; }
.fonts { flex-direction: column; gap: 6px; }
.font-sample { font-size: 22px; display: inline-block; min-width: 260px; }
.font-name { color: var(--bl-muted); font-size: 13px; }
.live { position: fixed; inset-block-end: 12px; inset-inline-end: 12px; background: #1f1f1f; color: #fff; padding: 6px 12px; border-radius: 8px; font-size: 13px; }
.live[hidden] { display: none; }
`;
