export const PLUGIN_ID = 'chinese-variants';
