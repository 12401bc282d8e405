import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { NAVIGATION_FALLBACK_DENYLIST } from './src/offline/navigation-fallback.ts';

// In development the API and sync socket live on the Fastify server (port
// 3001 under `pnpm dev`); Vite proxies them so the browser sees one origin.
const apiTarget = process.env.JOURNEYBOARD_API_URL ?? 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [
    react(),
    // The app shell for a reload with no network (docs/architecture.md, "Offline").
    // Build only: without devOptions `vite dev` registers nothing.
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the person chooses to reload (src/offline/app-update.ts):
      // 'autoUpdate' reloads every open tab, which would drop a card being typed.
      registerType: 'prompt',
      // Registered from src/offline/register-service-worker.ts, not by an injected script.
      injectRegister: false,
      // Installing the app is not a feature yet; a manifest would offer it.
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,ico,woff,woff2}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [...NAVIGATION_FALLBACK_DENYLIST],
        // No API responses are cached by the service worker: what a board needs offline is
        // remembered by the app per account (src/offline/last-known.ts).
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once, so even it survives a reload offline.
        // Updates still wait: skipWaiting only on the person's "Reload" (SKIP_WAITING message).
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  server: {
    port: 3000,
    proxy: {
      '/api': apiTarget,
      '/sync': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // zod and its jitless setting (packages/shared/src/zod-jitless.ts) in one
    // chunk of their own: every chunk that builds schemas imports it, so the
    // setting is in place before the first schema is built. (Left to itself,
    // the bundler put zod with the schemas and the setting in the entry,
    // which runs after the chunks it imports.)
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|zod-jitless\.ts$/ }],
        },
      },
    },
  },
});
