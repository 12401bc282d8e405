import type { RedisConfig } from '../../config/config.ts';
import type { MapEventBus, MapEventLogger } from './map-event-bus.ts';
import { InMemoryMapEventBus } from './in-memory-map-event-bus.ts';
import { RedisMapEventBus } from './redis-map-event-bus.ts';

/** In-process without Redis; across instances with it (connected before it is returned). */
export async function createMapEventBus(
  redis: RedisConfig | null | undefined,
  log: MapEventLogger,
): Promise<MapEventBus> {
  if (!redis) return new InMemoryMapEventBus();
  const bus = new RedisMapEventBus({ url: redis.url, keyPrefix: redis.keyPrefix, log });
  await bus.start();
  return bus;
}
