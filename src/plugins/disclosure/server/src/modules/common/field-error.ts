import { errors } from '@strapi/utils';

/** A 400 that names the field, in the shape Strapi's own validation errors use (the admin shows it next to the field). */
export function fieldError(field: string, message: string, extra: Record<string, unknown> = {}): errors.ValidationError {
  return new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError', value: undefined }],
    ...extra,
  });
}
