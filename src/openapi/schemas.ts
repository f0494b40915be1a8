/**
 * OpenAPI component schemas of the plugins' public routes. They mirror the controllers' answers:
 * chinese-variants `controllers/convert.ts`, disclosure `modules/stats` (NoticeCounts) and the JSON
 * export of `report/export/json.ts`.
 */
import { FORMATS } from '../plugins/chinese-variants/server/src';

const count = { type: 'integer', minimum: 0 };
const tableCells = {
  type: 'object',
  description: 'row code → column code → number (null = no usable value)',
  additionalProperties: { type: 'object', additionalProperties: { type: 'number', nullable: true } },
};

export const schemas: Record<string, object> = {
  ConvertRequest: {
    type: 'object',
    required: ['from', 'to', 'format', 'content'],
    properties: {
      from: { type: 'string', example: 'zh-Hans', description: 'Locale of the content (the source locale or a target locale)' },
      to: { type: 'string', example: 'zh-Hant', description: 'Locale to convert to' },
      format: { type: 'string', enum: [...FORMATS] },
      content: {
        description: 'A string for text, html and markdown; a Strapi blocks array for blocks',
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
      },
    },
    example: { from: 'zh-Hans', to: 'zh-Hant', format: 'text', content: '政府信息公开' },
  },
  ConvertResponse: {
    type: 'object',
    required: ['content'],
    properties: {
      content: {
        description: 'The converted content, of the same kind as the request’s',
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object', additionalProperties: true } }],
      },
    },
    example: { content: '政府資訊公開' },
  },
  PluginHealth: {
    type: 'object',
    required: ['plugin', 'status'],
    properties: { plugin: { type: 'string' }, status: { type: 'string', enum: ['ok'] }, version: { type: 'string' } },
  },
  DisclosureCategoryCount: {
    type: 'object',
    required: ['code', 'name', 'parent', 'count', 'total'],
    properties: {
      code: { type: 'string', example: 'FDZD.16' },
      name: { type: 'string' },
      parent: { type: 'string', nullable: true, description: 'Code of the parent category' },
      count: { ...count, description: 'Published notices filed directly under this category' },
      total: { ...count, description: 'With everything filed under its descendants' },
    },
  },
  DisclosureNoticeCounts: {
    type: 'object',
    required: ['total', 'byCategory', 'uncategorised', 'byMonth', 'byDocumentType'],
    properties: {
      total: count,
      byCategory: { type: 'array', items: { $ref: '#/components/schemas/DisclosureCategoryCount' } },
      uncategorised: count,
      byMonth: { type: 'array', items: count, minItems: 12, maxItems: 12, description: 'Index 0 = January (by release date)' },
      byDocumentType: { type: 'object', additionalProperties: count, description: 'documentType → count' },
    },
  },
  DisclosureStats: {
    type: 'object',
    required: ['organization', 'year', 'includeSubOrganizations', 'notices'],
    properties: {
      organization: {
        type: 'object',
        required: ['code', 'name', 'documentId'],
        properties: { code: { type: 'string' }, name: { type: 'string' }, documentId: { type: 'string' } },
      },
      year: { type: 'integer' },
      includeSubOrganizations: { type: 'boolean' },
      notices: { $ref: '#/components/schemas/DisclosureNoticeCounts' },
    },
  },
  AnnualReportExport: {
    type: 'object',
    description: 'The JSON export: the report’s numbers by code, in the national format’s order',
    required: ['format', 'formatVersion', 'organization', 'year', 'tables'],
    properties: {
      format: { type: 'string', example: '国办公开办函〔2021〕30号' },
      formatVersion: { type: 'string', enum: ['2019', '2021'] },
      organization: { type: 'string' },
      year: { type: 'integer' },
      tables: {
        type: 'object',
        required: ['proactive', 'applications', 'reviewsAndLawsuits'],
        properties: { proactive: tableCells, applications: tableCells, reviewsAndLawsuits: tableCells },
      },
    },
  },
};
