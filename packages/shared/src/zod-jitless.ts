/**
 * Zod compiles object parsers with `new Function` when it may, and probes
 * for that by calling `new Function('')` the first time it builds an object
 * schema. Our Content-Security-Policy (`script-src 'self'`, no
 * 'unsafe-eval') forbids it, so every page reported a CSP violation even
 * though zod swallowed the error. Jitless parsing skips the probe.
 *
 * Zod decides per schema, when the schema is built: this module must be
 * evaluated before any schema exists — it is the web app's first import
 * (apps/web/src/main.tsx). It lives here, beside the schemas, so it sets up
 * the same zod they use. The server has no CSP and keeps the faster compiled
 * parsers.
 */
import { z } from 'zod';

z.config({ jitless: true });
