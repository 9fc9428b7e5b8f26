/** Locale tags and the lists that apply to them. */

/** Do lists under `tag` apply to a campaign in `locale`? (`pt` covers `pt-BR`, `pt-BR` does not cover `pt`.) */
export function localeApplies(tag: string, locale: string): boolean {
  const t = tag.toLowerCase();
  const l = locale.toLowerCase();
  return t === l || l.startsWith(t + "-");
}
