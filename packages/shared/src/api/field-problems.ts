import type { z } from 'zod';

/** A request schema a form can check itself against before sending. */
export type FormSchema = z.ZodType;

/**
 * The first message a request schema has for each top-level field, keyed by
 * field name ({} when the values pass). Forms use it to say what is wrong
 * beside the field, with the same sentence the server would answer with.
 */
export function fieldProblems(schema: FormSchema, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    problems[field] ??= issue.message;
  }
  return problems;
}
