import { errors } from '@strapi/utils';

/**
 * A 400 that names the field, in the shape Strapi's own validation errors use (the admin shows it next to the
 * field). The message leads with the Chinese sentence an editor acts on (naming fields by their Chinese
 * labels), the English one after it.
 */
export function fieldError(field: string, zh: string, en: string, extra: Record<string, unknown> = {}): errors.ValidationError {
  const message = `${zh} / ${en}`;
  return new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError', value: undefined }],
    ...extra,
  });
}
