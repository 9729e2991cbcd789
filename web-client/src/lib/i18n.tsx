// Chinese first, English on request. The choice is kept in the browser and sent to the API so that
// problems come back in the same language.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useLanguageForApi } from './api';
import { messages, type MessageKey } from './messages';

export type Language = 'zh' | 'en';

interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('civicdesk.lang') : null;
  return stored === 'en' ? 'en' : 'zh';
}

export function translate(lang: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const entry = messages[key];
  let text: string = entry ? entry[lang] : key;
  if (vars) {
    for (const [name, value] of Object.entries(vars)) {
      text = text.replaceAll(`{${name}}`, String(value));
    }
  }
  return text;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const value = useMemo<I18n>(() => {
    useLanguageForApi(() => (lang === 'en' ? 'en' : 'zh-CN'));
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    return {
      lang,
      setLang: (next) => {
        localStorage.setItem('civicdesk.lang', next);
        setLangState(next);
      },
      t: (key, vars) => translate(lang, key, vars),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) {
    throw new Error('useI18n outside I18nProvider');
  }
  return context;
}
