import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API and sync socket live on the Fastify server (port
// 3001 under `pnpm dev`); Vite proxies them so the browser sees one origin.
const apiTarget = process.env.JOURNEYBOARD_API_URL ?? 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 3000,
    proxy: {
      '/api': apiTarget,
      '/sync': { target: apiTarget, ws: true },
    },
  },
  build: { outDir: 'dist', sourcemap: true },
});
