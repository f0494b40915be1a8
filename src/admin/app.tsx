/**
 * The admin as a township editor meets it: Chinese first (English still selectable in the profile),
 * no guided tour, no release notifications, the stored enum codes shown by their Chinese names.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { ENUM_LABELS } from '../data/enum-labels';
import { DateInput, IntegerInput } from './inputs';
import { Pencil } from '@strapi/icons';
// Strapi's own zh-Hans leaves most of the content manager in English: the gaps, filled (scripts/admin-translations.js).
import strapiGaps from './translations/zh-Hans.json';

/** The admin's message ids for enum options are the codes themselves (the content manager asks for them so). */
const enumNames = Object.assign({}, ...Object.values(ENUM_LABELS)) as Record<string, string>;

/**
 * The app's own messages (src/admin/widgets), in both languages: the admin falls back to the English
 * messages, not to a message's default, when a locale lacks one.
 */
const APP_MESSAGES: Record<'zh-Hans' | 'en', Record<string, string>> = {
  'zh-Hans': {
    'gongkai.loading': '读取中',
    'gongkai.widget.drafts': '待发布的主动公开信息',
    'gongkai.widget.drafts.summary': '从未发布的草稿 {never} 条，发布后又修改未发布的 {modified} 条',
    'gongkai.widget.drafts.modified': '已发布，有修改',
    'gongkai.widget.drafts.never': '草稿',
    'gongkai.widget.drafts.open': '打开主动公开信息',
  },
  en: {
    'gongkai.loading': 'Loading',
    'gongkai.widget.drafts': 'Notices waiting to be published',
    'gongkai.widget.drafts.summary': '{never} drafts never published, {modified} published notices edited since',
    'gongkai.widget.drafts.modified': 'published, edited since',
    'gongkai.widget.drafts.never': 'draft',
    'gongkai.widget.drafts.open': 'Open the notices',
  },
};

const LANGUAGE_KEY = 'strapi-admin-language';
// Strapi keeps these in the browser; set once so a clerk is not walked through a developer's tour or
// told about Strapi's new media library. Skipping the tour or dismissing the banner does the same.
const TOUR_KEY = 'STRAPI_GUIDED_TOUR';
const MEDIA_BANNER_KEYS = ['STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false', 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_true'];

function setDefault(key: string, value: unknown) {
  if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, JSON.stringify(value));
}

/** A list cell showing an enum code by its name (the content manager's list prints the bare code). */
const EnumName = ({ code }: { code: unknown }) => {
  const { formatMessage } = useIntl();
  if (typeof code !== 'string' || !code) return <>-</>;
  return <>{formatMessage({ id: code, defaultMessage: code })}</>;
};

type Header = { name: string; attribute?: { type?: string }; cellFormatter?: unknown };

/** List cells: enum codes by name, dates as stored (YYYY-MM-DD), whole numbers without grouping. */
function cellFormatterFor(h: Header) {
  switch (h.attribute?.type) {
    case 'enumeration':
      return (row: Record<string, unknown>) => <EnumName code={row[h.name]} />;
    case 'date':
      return (row: Record<string, unknown>) => <>{typeof row[h.name] === 'string' ? String(row[h.name]).slice(0, 10) : '-'}</>;
    case 'integer':
      return (row: Record<string, unknown>) => <>{row[h.name] === null || row[h.name] === undefined ? '-' : String(row[h.name])}</>;
    default:
      return undefined;
  }
}

export default {
  config: {
    locales: ['zh-Hans'],
    translations: {
      en: APP_MESSAGES.en,
      'zh-Hans': {
        ...APP_MESSAGES['zh-Hans'],
        ...strapiGaps,
        ...enumNames,
        'Auth.form.welcome.title': '政府信息公开管理平台',
        'Auth.form.welcome.subtitle': '登录您的账户',
        'app.components.LeftMenu.navbrand.title': '政府信息公开',
        'app.components.LeftMenu.navbrand.workplace': '管理后台',
        // the content manager's menu looks content-type names up as message ids: the portal accounts' type
        User: '网站用户',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: { addFields: (field: { type: string; Component: React.ComponentType<any> }) => void; widgets?: { register: (w: unknown[]) => void } }) {
    app.addFields({ type: 'date', Component: DateInput });
    app.addFields({ type: 'integer', Component: IntegerInput });
    // Home: the notices waiting to be published, beside the disclosure plugin's deadlines and reports.
    app.widgets?.register([
      {
        id: 'drafts',
        icon: Pencil,
        title: { id: 'gongkai.widget.drafts', defaultMessage: '待发布的主动公开信息' },
        component: async () => (await import('./widgets/DraftsWidget')).DraftsWidget,
        permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::notice.notice' }],
      },
    ]);
  },
  bootstrap(app: { registerHook: (name: string, fn: (args: any) => any) => void }) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
      layout,
      displayedHeaders: displayedHeaders.map((h) => {
        const cellFormatter = h.cellFormatter ? undefined : cellFormatterFor(h);
        return cellFormatter ? { ...h, cellFormatter } : h;
      }),
    }));
    // No "create a relation" in relation pickers: a notice picks its category and organization from the
    // catalogue; creating one inline would bypass the catalogue's codes. The design system renders that
    // item as the one option outside the list's scroll area (the list's own options are inside it).
    const style = document.createElement('style');
    style.textContent = '[data-radix-popper-content-wrapper] > * > [role="option"] { display: none !important; }';
    document.head.appendChild(style);
    try {
      // First visit on this browser: Chinese. A language chosen later (profile page) is kept.
      if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
      setDefault(TOUR_KEY, { enabled: false, completedActions: [], hidden: false });
      // the banner's key is scoped by the project's id (false without telemetry), which the admin learns
      // from /admin/init; until then it reads the key scoped by "undefined"
      MEDIA_BANNER_KEYS.forEach((key) => setDefault(`${key}:undefined`, true));
      const backend = (window as any).strapi?.backendURL ?? '';
      fetch(`${backend}/admin/init`)
        .then((res) => res.json())
        .then(({ data }) => MEDIA_BANNER_KEYS.forEach((key) => setDefault(`${key}:${data?.uuid}`, true)))
        .catch(() => undefined);
    } catch {
      // storage unavailable (private mode): the admin falls back to its defaults
    }
  },
};
