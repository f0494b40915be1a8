/**
 * The OpenAPI description of the plugin's public routes, registered with @strapi/plugin-documentation
 * when a host app uses it (paths relative to the `/api` server). Nothing happens without that plugin.
 */
import type { Core } from '@strapi/strapi';
import { FORMATS } from './engine';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const json = (ref: string, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
// Public routes (auth: false): no credentials needed.
const anonymous: object[] = [];

const paths: Record<string, object> = {
  '/chinese-variants/convert': {
    post: {
      tags: ['Chinese variants'],
      operationId: 'post/chinese-variants/convert',
      summary: 'Convert Simplified ↔ Traditional Chinese',
      description:
        'Uses the configured conversion of the locale pair and the glossary. html, markdown and blocks keep their markup. Bodies over 1 MB answer 413.',
      security: anonymous,
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ConvertRequest' } } } },
      responses: {
        200: json('ConvertResponse', 'The converted content'),
        400: error('Not a JSON object, an unknown locale pair or format, or content of the wrong kind for the format'),
        413: error('Request body over 1 MB'),
      },
    },
  },
  '/chinese-variants/freshness': {
    get: {
      tags: ['Chinese variants'],
      operationId: 'get/chinese-variants/freshness',
      summary: 'Whether a published Traditional version is older than its Simplified source',
      description:
        'status stale: the Traditional version was edited by hand and its source changed afterwards. Only documents the public may read, with a published version in the locale.',
      security: anonymous,
      parameters: [
        { name: 'uid', in: 'query', required: true, schema: { type: 'string' }, example: 'api::notice.notice' },
        { name: 'documentId', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'locale', in: 'query', required: true, schema: { type: 'string' }, example: 'zh-Hant' },
      ],
      responses: {
        200: json('ChineseVariantsFreshness'),
        400: error('uid, documentId or a target locale missing'),
        404: error('No published version of this document in this locale'),
      },
    },
  },
  '/chinese-variants/health': {
    get: {
      tags: ['Chinese variants'],
      operationId: 'get/chinese-variants/health',
      summary: 'Plugin health',
      security: anonymous,
      responses: { 200: json('ChineseVariantsHealth') },
    },
  },
};

const schemas: Record<string, object> = {
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
  ChineseVariantsFreshness: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        required: ['locale', 'sourceLocale', 'status'],
        properties: {
          locale: { type: 'string' },
          sourceLocale: { type: 'string' },
          status: { type: 'string', enum: ['generated', 'edited', 'stale', 'missing'] },
        },
      },
    },
    example: { data: { locale: 'zh-Hant', sourceLocale: 'zh-Hans', status: 'stale' } },
  },
  ChineseVariantsHealth: {
    type: 'object',
    required: ['plugin', 'status'],
    properties: { plugin: { type: 'string' }, status: { type: 'string', enum: ['ok'] }, version: { type: 'string' } },
  },
};

const tags = [{ name: 'Chinese variants', description: 'Traditional Chinese versions generated from Simplified (chinese-variants plugin)' }];

/** Called from the plugin's register, before the documentation plugin generates the document. */
export function registerOpenApi(strapi: Core.Strapi): void {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  documentation.service('override').registerOverride({ tags, paths, components: { schemas } });
}
