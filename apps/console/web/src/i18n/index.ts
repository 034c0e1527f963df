import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { FieldProblem } from '../api/problem';
import { assessorArea } from './assessor';
import { boards } from './boards';
import { en } from './en';
import { fieldMessage } from './field-message';
import type { Language } from './format';
import { fields } from './fields';
import { id } from './id';
import { results } from './results';
import { secretariat } from './secretariat';

/**
 * The copy of one area of the console (a role's pages), under its own top-level key, in both
 * languages; each area keeps its strings in its own file beside this one and is listed here.
 */
export interface Area<T extends Record<string, unknown> = Record<string, unknown>> {
  key: string;
  id: T;
  en: T;
}
const AREAS: Area[] = [secretariat, boards, results, assessorArea, fields];

const withAreas = (base: object, language: 'id' | 'en') => ({
  ...base,
  ...Object.fromEntries(AREAS.map((area) => [area.key, area[language]])),
});

const STORAGE_KEY = 'paritrana.language';

export function storedLanguage(): Language {
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
}

/** Bahasa Indonesia by default; English when the person chose it (remembered in this browser). */
export async function initI18n(): Promise<void> {
  const language = storedLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources: { id: { translation: withAreas(id, 'id') }, en: { translation: withAreas(en, 'en') } },
    lng: language,
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function switchLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

/** `t` plus the current language, for the formatters, and `field` to say a service's field problem in that language. */
export function useI18n() {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'en' ? 'en' : 'id') as Language;
  return { t, language, field: (problem: FieldProblem) => fieldMessage(problem, t, language) };
}
