import { z } from 'zod';

export const ZHealthResponse = z.object({
  /** `degraded`: the database or (with several instances) Redis is unreachable. */
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['up', 'down']),
  /**
   * Only with REDIS_URL. `down`: this instance still serves and stores its
   * own clients' edits, but doesn't see the other instances' until Redis is
   * back (HTTP 200: taking it out of a load balancer would not help).
   */
  redis: z.enum(['up', 'down']).optional(),
});
export type THealthResponse = z.infer<typeof ZHealthResponse>;
