import { MULTIPART_DIR } from '../src/middlewares/multipart-cleanup';
import { uploadOrigins } from '../src/utils/upload-storage';

const storeOrigins = uploadOrigins((name) => process.env[name]);

export default [
  'strapi::logger',
  'strapi::errors',
  // Client errors Strapi's own handlers let through as 500s answer 4xx (see the file).
  'global::client-errors',
  // The admin previews files from the S3-compatible store when one is configured.
  storeOrigins.length
    ? {
        name: 'strapi::security',
        config: {
          contentSecurityPolicy: {
            useDefaults: true,
            directives: { 'img-src': ["'self'", 'data:', 'blob:', ...storeOrigins], 'media-src': ["'self'", 'data:', 'blob:', ...storeOrigins] },
          },
        },
      }
    : 'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Numeric ids of Strapi's own admin routes are checked before they reach SQL (see the file).
  'global::integer-ids',
  // Before strapi::body: removes every uploaded temp file when the request ends, whatever its outcome.
  'global::multipart-cleanup',
  // Limits stated rather than inherited (README, "Limits"): JSON and form bodies 1 MB, an uploaded file 50 MB.
  {
    name: 'strapi::body',
    config: { jsonLimit: '1mb', formLimit: '1mb', textLimit: '1mb', formidable: { uploadDir: MULTIPART_DIR, maxFileSize: 50 * 1024 * 1024 } },
  },
  // NUL characters, over-deep bodies and a documentation-login crash answered 400 (see the file).
  'global::request-guard',
  'strapi::session',
  'strapi::favicon',
  // No call to Strapi's licence server for a trial this install does not have (see the file).
  'global::trial-licence',
  // The notice's category picker lists leaf categories only (see the file).
  'global::leaf-categories',
  // The admin's probe of Strapi AI answered "off" rather than 404 (see the file).
  'global::ai-off',
  // Uploaded files: inline only PDF and raster images, everything else a download under its name (see the file).
  'global::upload-headers',
  'global::portal-index',
  'strapi::public',
];
