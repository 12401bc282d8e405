import type { RedisConfig } from '../../../config/config.ts';
import type { CommentEventBus, CommentEventLogger } from './comment-event-bus.ts';
import { InMemoryCommentEventBus } from './in-memory-comment-event-bus.ts';
import { RedisCommentEventBus } from './redis-comment-event-bus.ts';

/** In-process without Redis; across instances with it (connected before it is returned). */
export async function createCommentEventBus(
  redis: RedisConfig | null | undefined,
  log: CommentEventLogger,
): Promise<CommentEventBus> {
  if (!redis) return new InMemoryCommentEventBus();
  const bus = new RedisCommentEventBus({ url: redis.url, keyPrefix: redis.keyPrefix, log });
  await bus.start();
  return bus;
}
