/**
 * The chosen script: remembered in localStorage, reflected in <html lang>.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from './i18n';

export const STORAGE_KEY = 'gongkai.locale';

export function loadLocale(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Locale {
  try {
    const saved = storage?.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function saveLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, locale);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
