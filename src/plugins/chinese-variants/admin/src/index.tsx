import { Globe } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { VariantsPanel } from './components/VariantsPanel';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

const TRANSLATIONS: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans };
/**
 * The names the content manager shows for this plugin's types are their display names, translated by id
 * (its menu looks each name up as a message id).
 */
const TYPE_NAMES: Record<string, Record<string, string>> = {
  'zh-Hans': { 'Glossary term (Chinese variants)': '简繁转换词表', 'Chinese variants sync record': '繁简转换同步记录' },
};

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Globe,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: en.menu },
      Component: () => import('./pages/VariantsPage'),
      permissions: [],
    });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data: {
        ...Object.fromEntries(Object.entries(TRANSLATIONS[locale] ?? {}).map(([key, text]) => [`${PLUGIN_ID}.${key}`, text])),
        ...TYPE_NAMES[locale],
      },
    }));
  },
  bootstrap(app: any) {
    // Every synced type's edit view: the Traditional versions' status, regenerate / keep, a preview.
    app.getPlugin('content-manager')?.apis?.addEditViewSidePanel?.([VariantsPanel]);
  },
};
