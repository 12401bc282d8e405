// Writes the map file's JSON Schema where the web app publishes it
// (/schemas/journeyboard-map.v1.json). `map-schema.test.ts` fails when it is stale.
import { writeFileSync } from 'node:fs';
import { mapFileJsonSchema } from '@journeyboard/shared/board';

const target = new URL('../public/schemas/journeyboard-map.v1.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(mapFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
