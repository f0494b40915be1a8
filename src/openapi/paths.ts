/**
 * OpenAPI paths of the disclosure plugin's public (content-API) routes, relative to the `/api` server. The
 * documentation plugin generates the content types' routes itself; custom plugin routes it cannot
 * describe, so they are declared here (chinese-variants registers its own).
 */
import { EXPORT_FORMATS, MAX_QUERY_LENGTH, MAX_SEARCH_PAGE_SIZE, REPORT_LOCALES, SEARCHED } from '../plugins/disclosure/server/src';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const json = (ref: string, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const binary = { type: 'string', format: 'binary' };
// The published notice or report a 有用 or 留言 route is about.
const target = [
  { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: Object.keys(SEARCHED) } },
  { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
];
// Public routes (auth: false): no credentials needed.
const anonymous: object[] = [];

export const paths: Record<string, object> = {
  '/disclosure/stats': {
    get: {
      tags: ['Disclosure'],
      operationId: 'get/disclosure/stats',
      summary: 'Published notices of an organization-year: per category (rolled up), per month, per document type',
      security: anonymous,
      parameters: [
        { name: 'organization', in: 'query', required: true, description: 'Organization code', schema: { type: 'string' }, example: '430381106' },
        { name: 'year', in: 'query', required: true, description: 'Four-digit year, 2008 to next year', schema: { type: 'integer', minimum: 2008 } },
        {
          name: 'includeSubOrganizations',
          in: 'query',
          required: false,
          description: 'Count the organization’s descendants too',
          schema: { type: 'boolean', default: false },
        },
      ],
      responses: {
        200: json('DisclosureStats'),
        400: error('organization missing, year invalid or includeSubOrganizations not true/false'),
        404: error('No organization has this code'),
      },
    },
  },
  '/disclosure/annual-reports/{documentId}/export': {
    get: {
      tags: ['Disclosure'],
      operationId: 'get/disclosure/annual-reports/{documentId}/export',
      summary: 'A published annual report in the national layout',
      security: anonymous,
      parameters: [
        { name: 'documentId', in: 'path', required: true, description: 'documentId of the annual report', schema: { type: 'string' } },
        { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: [...EXPORT_FORMATS], default: 'html' } },
        { name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: [...REPORT_LOCALES], default: 'zh-Hans' } },
        {
          name: 'layout',
          in: 'query',
          required: false,
          description: 'csv only: zip (one CSV per table, the default) or single (one CSV)',
          schema: { type: 'string', enum: ['zip', 'single'], default: 'zip' },
        },
      ],
      responses: {
        200: {
          description: 'The report; html and json inline, the other formats as an attachment (Content-Disposition names the file)',
          headers: { 'Content-Disposition': { schema: { type: 'string' } } },
          content: {
            'text/html': { schema: { type: 'string' } },
            'application/json': { schema: { $ref: '#/components/schemas/AnnualReportExport' } },
            'text/csv': { schema: { type: 'string' } },
            'application/zip': { schema: binary },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: binary },
            'application/pdf': { schema: binary },
          },
        },
        400: error('Unknown format, layout or locale'),
        404: error('No published annual report with this documentId'),
      },
    },
  },
  '/disclosure/search': {
    get: {
      tags: ['Disclosure'],
      operationId: 'get/disclosure/search',
      summary: 'Full-text search of published notices and annual reports, in either script',
      description:
        'Title, summary, body, 文号 and keywords of the published Simplified versions. Words are separated by spaces and must all occur; ' +
        'any run of two or more Chinese characters is found where the text contains it. A query in Traditional is also searched as ' +
        'converted. Ranked: hits with every word in the title or 文号 first, then the others, each newest first. Counted up to 1,000 ' +
        '(meta.pagination.totalCapped says there are more; pages end there).',
      security: anonymous,
      parameters: [
        { name: 'q', in: 'query', required: true, description: 'The words to find', schema: { type: 'string', maxLength: MAX_QUERY_LENGTH }, example: '低保' },
        { name: 'locale', in: 'query', required: false, description: 'Script of titles and excerpts', schema: { type: 'string', default: 'zh-Hans' } },
        { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 1 } },
        { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_PAGE_SIZE, default: 10 } },
        { name: 'kind', in: 'query', required: false, schema: { type: 'string', enum: Object.keys(SEARCHED) } },
        { name: 'organization', in: 'query', required: false, description: 'Organization code', schema: { type: 'string' } },
        { name: 'category', in: 'query', required: false, description: 'Catalogue category code (with the categories below it)', schema: { type: 'string' } },
        { name: 'year', in: 'query', required: false, description: 'Year of release', schema: { type: 'integer' } },
        { name: 'documentType', in: 'query', required: false, description: 'A notice documentType', schema: { type: 'string' } },
      ],
      responses: {
        200: json('DisclosureSearchResults'),
        400: error('q missing or too long, an unknown parameter, or a filter that names nothing'),
      },
    },
  },
  '/disclosure/helpful/{kind}/{documentId}': {
    get: {
      tags: ['Disclosure'],
      operationId: 'get/disclosure/helpful/{kind}/{documentId}',
      summary: '有用: how many browsers found a published notice or report useful',
      security: anonymous,
      parameters: [
        ...target,
        { name: 'voter', in: 'query', required: false, description: 'This browser’s token: answers whether it has voted', schema: { type: 'string' } },
      ],
      responses: { 200: json('DisclosureHelpfulCount'), 400: error('Unknown kind or malformed documentId'), 404: error('No published document') },
    },
    post: {
      tags: ['Disclosure'],
      operationId: 'post/disclosure/helpful/{kind}/{documentId}',
      summary: '有用: counts this browser once for the page',
      security: anonymous,
      parameters: [...target],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['voter'],
              properties: { voter: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$', description: 'A random token the browser keeps' } },
            },
          },
        },
      },
      responses: {
        200: json('DisclosureHelpfulVote', 'This browser had voted already'),
        201: json('DisclosureHelpfulVote', 'Counted'),
        400: error('voter missing or malformed, unknown kind'),
        404: error('No published document'),
        429: { ...error('Too many votes from this client (Retry-After)'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
      },
    },
  },
  '/disclosure/comments/{kind}/{documentId}': {
    get: {
      tags: ['Disclosure'],
      operationId: 'get/disclosure/comments/{kind}/{documentId}',
      summary: '留言: the approved comments of a published notice or report, with the office’s replies',
      security: anonymous,
      parameters: [
        ...target,
        { name: 'locale', in: 'query', required: false, description: 'Script of the texts', schema: { type: 'string', default: 'zh-Hans' } },
      ],
      responses: { 200: json('DisclosureComments'), 400: error('Unknown kind or locale, malformed documentId'), 404: error('No published document') },
    },
    post: {
      tags: ['Disclosure'],
      operationId: 'post/disclosure/comments/{kind}/{documentId}',
      summary: '留言: leaves a comment; it shows once an editor approves it',
      security: anonymous,
      parameters: [...target],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['nickname', 'text'],
              properties: {
                nickname: { type: 'string', maxLength: 20 },
                text: { type: 'string', maxLength: 500 },
                contact: { type: 'string', maxLength: 100, description: 'For the office only: never shown' },
                website: { type: 'string', description: 'Leave empty (a field people never see)' },
              },
            },
          },
        },
      },
      responses: {
        202: json('DisclosureCommentReceived', 'Received: waits for moderation'),
        400: error('A field missing, too long or not text'),
        404: error('No published document'),
        429: { ...error('Too many comments from this client (Retry-After)'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
      },
    },
  },
  '/disclosure/online-applications/form': {
    get: {
      tags: ['Online applications'],
      operationId: 'get/disclosure/online-applications/form',
      summary: '网上申请: the organizations taking applications online, the form’s choices (code and name) and its limits',
      security: anonymous,
      parameters: [{ name: 'locale', in: 'query', required: false, description: 'Script of the names', schema: { type: 'string', default: 'zh-Hans' } }],
      responses: { 200: json('OnlineApplicationForm'), 400: error('Unknown locale') },
    },
  },
  '/disclosure/online-applications': {
    post: {
      tags: ['Online applications'],
      operationId: 'post/disclosure/online-applications',
      summary: '网上申请 (条例 Art. 29): submits an application; answers its tracking number and query code (shown once)',
      description:
        'Stored with status "submitted" and no receipt date: the office confirms the receipt (签收) and that day is the day it is received (Art. 31(3)). ' +
        'JSON, or multipart/form-data with the same fields and one optional `file` (PDF, JPG, PNG or DOCX, at most 5 MB), stored privately.',
      security: anonymous,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/OnlineApplicationSubmission' } },
          'multipart/form-data': {
            schema: { allOf: [{ $ref: '#/components/schemas/OnlineApplicationSubmission' }, { type: 'object', properties: { file: binary } }] },
          },
        },
      },
      responses: {
        201: json('OnlineApplicationReceipt', 'Stored: the receipt'),
        400: error('Every field that is wrong, named (error.details.errors[].path), Chinese first'),
        429: {
          ...error('Too many submissions from this client or to this organization (Retry-After)'),
          headers: { 'Retry-After': { schema: { type: 'integer' } } },
        },
      },
    },
  },
  '/disclosure/online-applications/lookup': {
    post: {
      tags: ['Online applications'],
      operationId: 'post/disclosure/online-applications/lookup',
      summary: '网上申请: the progress of an application, by its tracking number and query code (never the applicant’s personal data)',
      security: anonymous,
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OnlineApplicationCredentials' } } } },
      responses: {
        200: json('OnlineApplicationStatus'),
        400: error('Tracking number or query code missing'),
        404: error('No application with this number and code (the same answer for either being wrong)'),
        429: { ...error('Too many lookups from this client or of this number (Retry-After)'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
      },
    },
  },
  '/disclosure/online-applications/correction': {
    post: {
      tags: ['Online applications'],
      operationId: 'post/disclosure/online-applications/correction',
      summary: '网上申请: answers the office’s correction request (补正); the application is received again and its clock restarts',
      security: anonymous,
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              allOf: [
                { $ref: '#/components/schemas/OnlineApplicationCredentials' },
                { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 2000 }, file: binary } },
              ],
            },
          },
        },
      },
      responses: {
        200: json('OnlineApplicationStatus'),
        400: error('Not awaiting a correction, text missing or too long, attachment refused'),
        404: error('No application with this number and code'),
        429: error('Too many requests (Retry-After)'),
      },
    },
  },
  '/disclosure/online-applications/file': {
    post: {
      tags: ['Online applications'],
      operationId: 'post/disclosure/online-applications/file',
      summary: '网上申请: downloads a reply document of the office',
      security: anonymous,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              allOf: [
                { $ref: '#/components/schemas/OnlineApplicationCredentials' },
                { type: 'object', required: ['fileId'], properties: { fileId: { type: 'integer' } } },
              ],
            },
          },
        },
      },
      responses: {
        200: { description: 'The file, as a download', content: { 'application/octet-stream': { schema: binary } } },
        404: error('No application with this number and code, or no such reply document'),
        429: error('Too many requests (Retry-After)'),
      },
    },
  },
  '/disclosure/health': {
    get: {
      tags: ['Disclosure'],
      operationId: 'get/disclosure/health',
      summary: 'Plugin health',
      security: anonymous,
      responses: { 200: json('PluginHealth') },
    },
  },
};

export const tags = [
  { name: 'Disclosure', description: 'Statistics and annual reports (disclosure plugin)' },
  { name: 'Online applications', description: '依申请公开 online: submit, follow, correct, download the answer (disclosure plugin)' },
];
