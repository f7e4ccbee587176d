import type { Language } from './language';

/** Forms of a message that depends on a count (CLDR plural categories). */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | PluralForms;
export type Params = Record<string, string | number>;

const LOCALE: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };
const pluralRules = new Map<Language, Intl.PluralRules>();

/** The CLDR category of `count`: Russian has one/few/many (1 тикет, 2 тикета, 5 тикетов). */
export function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE[language]);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

function interpolate(template: string, params: Params, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number'
      ? new Intl.NumberFormat(LOCALE[language]).format(value)
      : value;
  });
}

/** A message with its `{param}`s filled in, in the plural form `params.count` asks for. */
export function format(message: Message, language: Language, params: Params = {}): string {
  if (typeof message === 'string') return interpolate(message, params, language);
  const count = typeof params['count'] === 'number' ? params['count'] : 0;
  const category = pluralCategory(language, count);
  const template =
    (category === 'one' || category === 'few' || category === 'many'
      ? message[category]
      : undefined) ?? message.other;
  return interpolate(template, params, language);
}
