import { ZMapParams } from '../ids.ts';
import { ZMapEvent } from '../map-events.ts';
import { defineRoute, errors } from '../route.ts';

/**
 * The map's ONE live event stream, per caller: comments, the workshop timer,
 * dot voting (`ZMapEvent`; docs/architecture.md, "How live state reaches people").
 */
export const mapEventRoutes = {
  events: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/events',
    summary: "The map's live events, filtered for the caller (text/event-stream; see TMapEvent)",
    params: ZMapParams,
    responses: { 200: ZMapEvent, ...errors(401, 403, 404) },
    stream: true,
  }),
};
