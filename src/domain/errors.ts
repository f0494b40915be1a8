import { errors } from '@strapi/utils';

/** A 400 answer that names the offending field, in the shape Strapi's own validation uses. */
export function fieldError(field: string, message: string): errors.ValidationError {
  return new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError', value: undefined }],
  });
}
