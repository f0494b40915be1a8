/**
 * OpenAPI component schemas of the disclosure plugin's public routes. They mirror the controllers'
 * answers: `modules/stats` (NoticeCounts) and the JSON export of `core/annual-report/export/json.ts`.
 */

const count = { type: 'integer', minimum: 0 };
const tableCells = {
  type: 'object',
  description: 'row code → column code → number (null = no usable value)',
  additionalProperties: { type: 'object', additionalProperties: { type: 'number', nullable: true } },
};

export const schemas: Record<string, object> = {
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
  DisclosureSearchHit: {
    type: 'object',
    required: ['kind', 'documentId', 'title', 'titleHtml', 'documentNumber', 'releaseDate', 'excerptHtml'],
    properties: {
      kind: { type: 'string', enum: ['notice', 'report'] },
      documentId: { type: 'string' },
      title: { type: 'string', description: 'In the asked locale' },
      titleHtml: { type: 'string', description: 'The title as HTML: the query’s words in <mark>, everything else escaped' },
      documentNumber: { type: 'string', nullable: true, description: '文号, in the asked script' },
      releaseDate: { type: 'string', format: 'date', nullable: true },
      excerptHtml: { type: 'string', description: 'About 120 characters around the first hit, marked and escaped as titleHtml' },
    },
  },
  DisclosureSearchResults: {
    type: 'object',
    required: ['data', 'meta'],
    properties: {
      data: { type: 'array', items: { $ref: '#/components/schemas/DisclosureSearchHit' } },
      meta: {
        type: 'object',
        required: ['terms', 'searchedAs', 'pagination'],
        properties: {
          terms: { type: 'array', items: { type: 'string' }, description: 'The words searched for' },
          searchedAs: { type: 'array', items: { type: 'string' }, description: 'Words also searched as converted into Simplified' },
          pagination: {
            type: 'object',
            required: ['page', 'pageSize', 'pageCount', 'total', 'totalCapped'],
            properties: {
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
              pageCount: { type: 'integer' },
              total: { type: 'integer', maximum: 1000, description: 'Hits counted, at most 1,000' },
              totalCapped: { type: 'boolean', description: 'There are more than 1,000 hits: counting and the pages stop at 1,000' },
            },
          },
        },
      },
    },
  },
  DisclosureHelpfulCount: {
    type: 'object',
    required: ['data'],
    properties: {
      data: { type: 'object', required: ['count', 'voted'], properties: { count: { type: 'integer' }, voted: { type: 'boolean' } } },
    },
  },
  DisclosureHelpfulVote: {
    type: 'object',
    required: ['data'],
    properties: {
      data: { type: 'object', required: ['count', 'counted'], properties: { count: { type: 'integer' }, counted: { type: 'boolean' } } },
    },
  },
  DisclosureComments: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'array',
        items: {
          type: 'object',
          required: ['documentId', 'nickname', 'text', 'reply', 'createdAt', 'repliedAt'],
          properties: {
            documentId: { type: 'string' },
            nickname: { type: 'string' },
            text: { type: 'string' },
            reply: { type: 'string', nullable: true },
            createdAt: { type: 'string', format: 'date-time' },
            repliedAt: { type: 'string', format: 'date-time', nullable: true },
          },
        },
      },
    },
  },
  DisclosureCommentReceived: {
    type: 'object',
    required: ['data'],
    properties: { data: { type: 'object', required: ['moderation'], properties: { moderation: { type: 'string', enum: ['submitted'] } } } },
  },
  AnnualReportExport: {
    type: 'object',
    description: 'The JSON export: the report’s numbers by code, in the national format’s order',
    required: ['format', 'formatVersion', 'organization', 'year', 'tables', 'processingFeeYuan'],
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
      processingFeeYuan: { type: 'number', nullable: true, description: '信息处理费 collected (paid) in the year, in 元' },
    },
  },
  OnlineApplicationForm: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        properties: {
          organizations: {
            type: 'array',
            items: { type: 'object', properties: { documentId: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' } } },
          },
          choices: {
            type: 'object',
            description: 'For applicantType, idType, deliveryMethod and medium: the codes the submission takes, with their names',
            additionalProperties: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } } },
          },
          limits: { type: 'object', additionalProperties: { oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'string' } }] } },
        },
      },
    },
  },
  OnlineApplicationSubmission: {
    type: 'object',
    required: ['organization', 'applicantType', 'applicantName', 'idType', 'idNumber', 'requestedContent', 'deliveryMethod', 'medium', 'consent'],
    properties: {
      organization: { type: 'string', description: 'documentId of an organization from the form route' },
      applicantType: { type: 'string', description: 'One of the six Table 3 columns' },
      applicantName: { type: 'string', maxLength: 100, description: 'Name of the person or the organization' },
      idType: { type: 'string', description: '"uscc" (统一社会信用代码) for organizations, a personal document otherwise' },
      idNumber: { type: 'string', maxLength: 30, description: 'Checked: the resident ID’s and the credit code’s check characters' },
      phone: { type: 'string', maxLength: 30, description: 'Phone or email, at least one' },
      email: { type: 'string', maxLength: 100 },
      address: { type: 'string', maxLength: 200, description: 'Required for delivery by post' },
      postcode: { type: 'string', pattern: '^\\d{6}$' },
      requestedContent: { type: 'string', minLength: 5, maxLength: 2000 },
      requestedTitle: { type: 'string', maxLength: 200 },
      requestedDocumentNumber: { type: 'string', maxLength: 100 },
      deliveryMethod: { type: 'string', enum: ['email', 'postal-mail', 'pickup', 'online-view'] },
      medium: { type: 'string', enum: ['paper', 'electronic'] },
      consent: { type: 'boolean', description: 'The applicant read how the personal data will be used' },
      website: { type: 'string', description: 'Leave empty (a field people never see)' },
    },
  },
  OnlineApplicationReceipt: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        properties: {
          trackingNumber: { type: 'string', example: '430381106-YSQ-2026-00031' },
          queryCode: { type: 'string', description: 'Shown this once: only its hash is stored', example: 'K7M2XQ9RTW4P' },
          submittedAt: { type: 'string', format: 'date-time' },
          organization: { type: 'string' },
          status: { type: 'string', enum: ['submitted'] },
        },
      },
    },
  },
  OnlineApplicationCredentials: {
    type: 'object',
    required: ['trackingNumber', 'queryCode'],
    properties: {
      trackingNumber: { type: 'string' },
      queryCode: { type: 'string' },
      locale: { type: 'string', default: 'zh-Hans', description: 'Script of the texts' },
    },
  },
  OnlineApplicationStatus: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        description: 'The progress and the office’s words; never the applicant’s personal data',
        properties: {
          trackingNumber: { type: 'string' },
          organization: { type: 'string' },
          status: { type: 'string', enum: ['submitted', 'received', 'awaiting-correction', 'consulting', 'extended', 'answered', 'closed', 'dismissed'] },
          statusLabel: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
          submittedAt: { type: 'string', format: 'date-time', nullable: true },
          receivedDate: { type: 'string', format: 'date', nullable: true },
          dueDate: { type: 'string', format: 'date', nullable: true },
          dueDateProvisional: { type: 'boolean' },
          dueDateExplanation: { type: 'array', items: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } },
          correction: { type: 'object', nullable: true },
          extension: { type: 'object', nullable: true },
          answer: { type: 'object', nullable: true },
          dismissal: { type: 'object', nullable: true },
          attachments: { type: 'array', items: { type: 'object' } },
          history: { type: 'array', items: { type: 'object' } },
        },
      },
    },
  },
};
