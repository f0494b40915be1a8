import { PLUGIN_ID } from '../../pluginId';

/** The custom field's name: in the content-type builder, and the edit view's label unless one is configured. */
export const TABLES_FIELD_LABEL = { id: `${PLUGIN_ID}.report-tables.label`, defaultMessage: '统计表' };
export const TABLES_FIELD_DESCRIPTION = { id: `${PLUGIN_ID}.report-tables.description`, defaultMessage: '全国统一格式的表二至表四' };
