import { describe, expect, it } from 'vitest';
import { toAppError } from './to-error-response.ts';

/** A validation failure as fastify-type-provider-zod hands it to the error handler. */
function validationError(
  issues: { path: string[]; code: string; message: string; keys?: string[] }[],
) {
  const error = new Error('validation') as Error & Record<string, unknown>;
  error['validation'] = issues.map(({ path, code, message, ...rest }) => ({
    [Symbol.for('ZodFastifySchemaValidationError')]: true,
    keyword: code,
    instancePath: `/${path.join('/')}`,
    schemaPath: `#/${path.join('/')}/${code}`,
    message,
    params: rest,
  }));
  error['validationContext'] = 'body';
  return error;
}

describe('a validation failure told to a person', () => {
  it('keeps our own sentences whole, also those that start with their field', () => {
    const error = toAppError(
      validationError([
        {
          path: ['durationSeconds'],
          code: 'invalid_type',
          message: 'durationSeconds is a whole number of seconds.',
        },
      ]),
    );
    expect(error.message).toBe('durationSeconds is a whole number of seconds.');
  });

  it('says which field zod did not expect and what to do, never "Unrecognized key"', () => {
    const error = toAppError(
      validationError([
        {
          path: [],
          code: 'unrecognized_keys',
          message: 'Unrecognized key: "durationMs"',
          keys: ['durationMs'],
        },
      ]),
    );
    expect(error.message).toBe('This request does not take “durationMs”; remove it.');
  });

  it('names the field for zod’s own wording, with one full stop', () => {
    const error = toAppError(
      validationError([
        {
          path: ['title'],
          code: 'too_big',
          message: 'Too big: expected string to have <=120 characters.',
        },
      ]),
    );
    expect(error.message).toBe('Too big: expected string to have <=120 characters.');
    const plain = toAppError(
      validationError([
        { path: ['title'], code: 'invalid_type', message: 'expected string, received number' },
      ]),
    );
    expect(plain.message).toBe('Check “title”: expected string, received number.');
  });
});
