import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { defaultLanguage, isLanguage, type Language } from './language';
import { en, type MessageKey } from './messages';
import { ru } from './messages.ru';
import { format, type Params } from './translate';
import { resolveTimeZone, type Zone } from '../lib/format';

const LANGUAGE_KEY = 'itsm.language';
const DICTIONARIES = { en, ru } as const;

export type Translate = (key: MessageKey, params?: Params) => string;

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** The reader's language and time zone, for dates. */
  zone: Zone;
  setPreferredTimeZone(timeZone: string | null): void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return isLanguage(stored) ? stored : defaultLanguage(navigator.language);
}

const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [preferredTimeZone, setPreferredTimeZone] = useState<string | null>(null);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[language];
    return {
      language,
      setLanguage,
      t: (key, params) => format(dictionary[key], language, params),
      zone: { language, timeZone: resolveTimeZone(preferredTimeZone, BROWSER_TIME_ZONE) },
      setPreferredTimeZone,
    };
  }, [language, preferredTimeZone, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
