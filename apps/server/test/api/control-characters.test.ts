/**
 * Control characters in text (packages/shared/src/api/text.ts): a NUL used to
 * reach PostgreSQL, which refuses it, and came back as a 500. The cases are
 * generated from the OpenAPI document — every text field of every request
 * body, every path parameter and every text query parameter — so a new route
 * or field is covered without touching this file.
 */
import type { HTTPMethods } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMapFixture } from '../factories/map-factory.ts';
import { createUserFixture } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();
const NUL_TEXT = 'a\u0000b';
const CONTROL_MESSAGE = /must not contain control characters/;

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

interface Operation {
  parameters?: { in: 'path' | 'query'; name: string; schema: JsonSchema }[];
  requestBody?: { content: { 'application/json'?: { schema: JsonSchema } } };
}

interface Case {
  readonly name: string;
  readonly method: HTTPMethods;
  readonly url: string;
  readonly payload?: unknown;
  /** The issue path the 400 must name. */
  readonly field: string;
}

/** Free text, as opposed to ids with a format (uuid), dates and enums. */
const isText = (schema: JsonSchema): boolean =>
  schema.type === 'string' && !schema.format && !schema.enum;

/**
 * One body per text leaf: the leaf holds the NUL; the discriminators on the
 * way to it (enums) hold their first value so the union reaches the leaf.
 */
function textLeaves(schema: JsonSchema, path: string[] = []): { path: string[]; body: unknown }[] {
  if (isText(schema)) return [{ path, body: NUL_TEXT }];
  if (schema.items) {
    return textLeaves(schema.items, [...path, '0']).map((leaf) => ({ ...leaf, body: [leaf.body] }));
  }
  for (const alternatives of [schema.oneOf, schema.anyOf]) {
    if (alternatives) return alternatives.flatMap((alternative) => textLeaves(alternative, path));
  }
  const properties = Object.entries(schema.properties ?? {});
  const discriminators = Object.fromEntries(
    properties.flatMap(([key, property]) => (property.enum ? [[key, property.enum[0]]] : [])),
  );
  return properties.flatMap(([key, property]) =>
    textLeaves(property, [...path, key]).map((leaf) => ({
      path: leaf.path,
      body: { ...discriminators, [key]: leaf.body },
    })),
  );
}

function casesFrom(openapi: { paths: Record<string, Record<string, Operation>> }): Case[] {
  const cases: Case[] = [];
  for (const [template, operations] of Object.entries(openapi.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const pathParams = parameters.filter((parameter) => parameter.in === 'path');
      const url = (nulIn?: string) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === nulIn ? encodeURIComponent(NUL_TEXT) : '00000000-0000-4000-8000-000000000000',
        );
      const verb = method.toUpperCase();
      const body = operation.requestBody?.content['application/json']?.schema;
      for (const leaf of body ? textLeaves(body) : []) {
        const field = leaf.path.join('.');
        cases.push({
          name: `${verb} ${template} body.${field}`,
          method: verb,
          url: url(),
          payload: leaf.body,
          field,
        });
      }
      for (const parameter of pathParams) {
        cases.push({
          name: `${verb} ${template} path ${parameter.name}`,
          method: verb,
          url: url(parameter.name),
          field: parameter.name,
        });
      }
      for (const parameter of parameters.filter((p) => p.in === 'query' && isText(p.schema))) {
        const query = `${parameter.name}=${encodeURIComponent(NUL_TEXT)}`;
        cases.push({
          name: `${verb} ${template} query ${parameter.name}`,
          method: verb,
          url: `${url()}?${query}`,
          field: parameter.name,
        });
      }
    }
  }
  return cases;
}

describe('control characters in text', () => {
  let cases: Case[] = [];
  beforeAll(async () => {
    const response = await app().inject({ method: 'GET', url: '/api/openapi.json' });
    cases = casesFrom(response.json());
  });

  it('are refused with a 400 naming the field, on every route, field and parameter', async () => {
    // Sign-up and workshop join need no account. The rest refuse a caller without
    // credentials first (401), then validate before they authorise: asked as an
    // account that may do none of it, each must still say what is wrong with the text.
    const account = await createUserFixture(app());
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/signup body.name',
        'POST /api/workshop-links/join body.name',
        'POST /api/maps body.title',
        'POST /api/maps/{id}/comments body.anchor.id',
        'POST /api/workspaces/{id}/personas body.goals.0',
      ]),
    );
    expect(cases.length).toBeGreaterThanOrEqual(29);
    const wrong: string[] = [];
    for (const testCase of cases) {
      const response = await account.inject({
        method: testCase.method,
        url: testCase.url,
        ...(testCase.payload === undefined ? {} : { payload: testCase.payload as object }),
      });
      const issues: { path: string; message: string }[] = response.json().error?.issues ?? [];
      const named = issues.some(
        (issue) => issue.path === testCase.field && CONTROL_MESSAGE.test(issue.message),
      );
      if (response.statusCode !== 400 || !named) {
        wrong.push(`${testCase.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says which field in words, and keeps line breaks where text may span lines', async () => {
    const map = await createMapFixture(app());
    const titled = await map.owner.inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}`,
      payload: { title: 'a\u0000b' },
    });
    expect(titled.statusCode).toBe(400);
    expect(titled.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Title must not contain control characters (such as NUL).',
    });

    const multiLine = 'First line\nsecond\tline\r\nthird';
    const described = await map.owner.inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}`,
      payload: { description: multiLine },
    });
    expect(described.statusCode).toBe(200);
    expect(described.json().description).toBe(multiLine);

    const bell = await map.owner.inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}`,
      payload: { description: 'ring \u0007' },
    });
    expect(bell.statusCode).toBe(400);
  });
});
