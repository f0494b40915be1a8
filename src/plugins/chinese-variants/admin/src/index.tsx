import { Globe } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { VariantsPanel } from './components/VariantsPanel';

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Globe,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: '繁简转换' },
      Component: () => import('./pages/VariantsPage'),
      permissions: [],
    });
  },
  bootstrap(app: any) {
    // Every synced type's edit view: the Traditional versions' status, regenerate / keep, a preview.
    app.getPlugin('content-manager')?.apis?.addEditViewSidePanel?.([VariantsPanel]);
  },
};
