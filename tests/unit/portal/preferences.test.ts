import { DEFAULT_PREFERENCES, loadPreferences, PREFERENCES_KEY, savePreferences } from '../../../portal/src/preferences';

describe('reading preferences', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };

  it('are remembered per browser, with medium type and no 关怀模式 by default', () => {
    expect(loadPreferences(storage)).toEqual(DEFAULT_PREFERENCES);
    savePreferences({ fontSize: 'large', care: true }, storage);
    expect(JSON.parse(store.get(PREFERENCES_KEY)!)).toEqual({ fontSize: 'large', care: true });
    expect(loadPreferences(storage)).toEqual({ fontSize: 'large', care: true });
  });

  it('fall back to the defaults on anything unexpected', () => {
    store.set(PREFERENCES_KEY, '{"fontSize":"huge","care":"yes"}');
    expect(loadPreferences(storage)).toEqual({ fontSize: 'medium', care: false });
    store.set(PREFERENCES_KEY, 'not json');
    expect(loadPreferences(storage)).toEqual(DEFAULT_PREFERENCES);
    expect(
      loadPreferences({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toEqual(DEFAULT_PREFERENCES);
    const full = {
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => savePreferences(DEFAULT_PREFERENCES, full)).not.toThrow();
  });
});
