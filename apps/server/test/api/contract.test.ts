// The REST contract (packages/shared/src/api/routes) is the only place a
// route is written: the server must register every one of them, and nothing
// else, and OpenAPI must describe each with its schemas.
import { allRoutes, notFoundCodeOf, type RouteDefinition } from '@journeyboard/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUserFixture, type SignedIn } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const registered = new Set<string>();
const app = useTestApp(testConfig(), {
  onRoute: (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registered.add(`${method} ${route.url}`);
    }
  },
});

/** Fastify's `/api/maps/:id` is OpenAPI's `/api/maps/{id}`. */
const openapiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const key = (route: RouteDefinition) => `${route.method} ${route.path}`;

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        summary: string;
        parameters?: { name: string }[];
        requestBody?: { content: Record<string, { schema: unknown }> };
        responses: Record<string, unknown>;
      }
    >
  >;
}

let user: SignedIn;
beforeAll(async () => {
  user = await createUserFixture(app());
});

describe('the REST contract', () => {
  it('is what the server registers: every contract route, and no other API route', () => {
    const contract = new Set(allRoutes.map(key));
    expect(contract.size).toBe(allRoutes.length);
    for (const route of contract) expect(registered).toContain(route);
    const outside = [...registered].filter(
      (route) => route.includes(' /api/') && !contract.has(route),
    );
    // The OpenAPI document itself describes the contract; it is not part of it.
    expect(outside).toEqual(['GET /api/openapi.json']);
  });

  it('is described in OpenAPI with its summary, parameters, body and responses', async () => {
    const spec = (await app().inject({ url: '/api/openapi.json' })).json<OpenApi>();
    for (const route of allRoutes) {
      const operation = spec.paths[openapiPath(route.path)]?.[route.method.toLowerCase()];
      if (!operation) throw new Error(`${key(route)} is not in OpenAPI`);
      expect(operation.summary).toBe(route.summary);
      const names = (operation.parameters ?? []).map((p) => p.name);
      for (const param of route.path.match(/(?<=:)\w+/g) ?? []) expect(names).toContain(param);
      if (route.body) {
        expect(
          operation.requestBody?.content['application/json']?.schema,
          key(route),
        ).toBeDefined();
      }
      expect(Object.keys(operation.responses).sort()).toEqual(Object.keys(route.responses).sort());
    }
  });

  it('answers a malformed id with the 404 of what it names, never 400', async () => {
    const withParams = allRoutes.filter((route) => route.params);
    expect(withParams.length).toBeGreaterThan(10);
    for (const route of withParams) {
      const names = route.path.match(/(?<=:)\w+/g) ?? [];
      const url = route.path.replace(/:\w+/g, 'not-a-uuid');
      const response = await user.inject({
        method: route.method,
        url,
        ...(route.body ? { payload: {} } : {}),
      });
      // The first path parameter names the outermost thing (a workspace before its member).
      const malformed = Object.fromEntries(names.map((name: string) => [name, 'not-a-uuid']));
      const issue = route.params?.safeParse(malformed).error?.issues[0];
      expect({ url, status: response.statusCode, code: response.json().error.code }).toEqual({
        url,
        status: 404,
        code: notFoundCodeOf(issue && 'params' in issue ? issue.params : undefined),
      });
    }
  });

  it('lower-cases ids once, at the route', async () => {
    const created = await user.inject({
      method: 'POST',
      url: '/api/maps',
      payload: { title: 'Shouting ids' },
    });
    const { id } = created.json<{ id: string }>();
    const read = await user.inject({ url: `/api/maps/${id.toUpperCase()}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().id).toBe(id);
    const patched = await user.inject({
      method: 'PATCH',
      url: `/api/maps/${id.toUpperCase()}`,
      payload: { title: 'Still found' },
    });
    expect(patched.json().title).toBe('Still found');
  });
});
