/**
 * Reading preferences, remembered per browser: the type size (大/中/小) and 关怀模式 — larger type,
 * higher contrast, bigger click targets and a plainer layout, in the spirit of GB/T 37668-2019 and
 * 国办公开办函〔2021〕28号. Applied as attributes of <html>, which the stylesheet reads.
 */
export type FontSize = 'small' | 'medium' | 'large';
export const FONT_SIZES: readonly FontSize[] = ['large', 'medium', 'small'];

export interface Preferences {
  fontSize: FontSize;
  care: boolean;
}

export const PREFERENCES_KEY = 'gongkai.preferences';
export const DEFAULT_PREFERENCES: Preferences = { fontSize: 'medium', care: false };

const isFontSize = (v: unknown): v is FontSize => typeof v === 'string' && (FONT_SIZES as readonly string[]).includes(v);

export function loadPreferences(storage: Pick<Storage, 'getItem'> | null = safeStorage()): Preferences {
  try {
    const saved = JSON.parse(storage?.getItem(PREFERENCES_KEY) ?? 'null');
    return {
      fontSize: isFontSize(saved?.fontSize) ? saved.fontSize : DEFAULT_PREFERENCES.fontSize,
      care: saved?.care === true,
    };
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

export function savePreferences(prefs: Preferences, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(PREFERENCES_KEY, JSON.stringify(prefs));
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

/** Sets <html data-font-size> and the care-mode class, and the pressed state of the controls. */
export function applyPreferences(prefs: Preferences, root: HTMLElement = document.documentElement): void {
  root.dataset.fontSize = prefs.fontSize;
  root.classList.toggle('care-mode', prefs.care);
  root.querySelectorAll<HTMLButtonElement>('[data-font-size-option]').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.fontSizeOption === prefs.fontSize));
  });
  root.querySelectorAll<HTMLButtonElement>('[data-care-mode]').forEach((b) => b.setAttribute('aria-pressed', String(prefs.care)));
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
