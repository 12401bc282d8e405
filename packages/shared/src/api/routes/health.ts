import { ZHealthResponse } from '../health.ts';
import { defineRoute } from '../route.ts';

export const healthRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness, database and (with several instances) Redis reachability',
    public: true,
    responses: { 200: ZHealthResponse, 503: ZHealthResponse },
  }),
};
