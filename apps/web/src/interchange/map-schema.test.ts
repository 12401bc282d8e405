// @vitest-environment node
import { readFileSync } from 'node:fs';
import { mapFileJsonSchema } from '@journeyboard/shared/board';
import { expect, it } from 'vitest';

it('publishes the JSON Schema generated from the current map file schema', () => {
  const published: unknown = JSON.parse(
    readFileSync(new URL('../../public/schemas/journeyboard-map.v1.json', import.meta.url), 'utf8'),
  );
  // Stale? Run `pnpm --filter @journeyboard/web schemas:generate`.
  expect(published).toEqual(mapFileJsonSchema());
});
