import type { RouteDefinition } from '@journeyboard/shared';
import type { ContextConfigDefault, FastifyContextConfig, RouteHandlerMethod } from 'fastify';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { anonymousRefusal, isAnonymous } from '../policy/actor.ts';
import { credentialsFrom } from '../policy/credentials.ts';
import type { RawReplyDefaultExpression, RawRequestDefaultExpression } from 'fastify';
import type { RawServerDefault, RouteGenericInterface } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/** A contract route in the shape Fastify's zod type provider reads. */
interface FastifySchemaOf<R extends RouteDefinition> {
  summary: string;
  params: R extends { params: infer S } ? S : undefined;
  querystring: R extends { query: infer S } ? S : undefined;
  body: R extends { body: infer S } ? S : undefined;
  response: R['responses'];
}

export type ContractHandler<R extends RouteDefinition> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  FastifySchemaOf<R>,
  ZodTypeProvider
>;

/**
 * Registers a route of the shared contract (`routes.maps.get`, …): method,
 * path and schemas come from it, so the server validates (and normalises,
 * e.g. ids) exactly what the web's client sends, and OpenAPI lists it. The
 * handler receives the validated values, typed. A route that isn't `public`
 * refuses a caller without credentials first (its handler still decides who
 * of the rest may do what).
 */
export function registerRoute<R extends RouteDefinition>(
  app: ZodApp,
  route: R,
  handler: ContractHandler<R>,
  options: { config?: FastifyContextConfig; bodyLimit?: number } = {},
): void {
  const schema = {
    summary: route.summary,
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { querystring: route.query } : {}),
    ...(route.body ? { body: route.body } : {}),
    response: route.responses,
  };
  app.route({
    method: route.method,
    url: route.path,
    schema,
    // Before the body is parsed or validated: a caller without credentials
    // hears 401, not what a valid request would look like.
    ...(route.public ? {} : { onRequest: refuseWithoutCredentials }),
    handler: handler as RouteHandlerMethod,
    ...options,
  });
}

/**
 * A workshop guest's token that no longer lets anyone in (the link was closed
 * or ran out) gets its own code: the page tells the guest to ask the
 * facilitator, not to sign in to an account they never had; so does a share
 * link whose password this device has not typed.
 */
async function refuseWithoutCredentials(request: FastifyRequest): Promise<void> {
  const actor = await request.getActor();
  if (!isAnonymous(actor)) return;
  throw new AppError(
    credentialsFrom(request).guestToken ? 'WORKSHOP_ACCESS_ENDED' : anonymousRefusal(actor),
  );
}
