/**
 * Dashboard build: root is dashboard/, output dashboard/dist with relative asset paths (served at
 * any prefix). The data is never bundled: the page fetches data/… at run time, which `vite dev`
 * and `vite preview` serve from the warehouse's current snapshot (WAREHOUSE_DIR, default ../warehouse).
 */
import { defineConfig, type Connect } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import sirv from 'sirv';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const root = fileURLToPath(new URL('.', import.meta.url));
const warehouse = resolve(process.env.WAREHOUSE_DIR ?? join(root, '../warehouse'));

function serveWarehouse() {
  const data = sirv(join(warehouse, 'current'), { dev: true, dotfiles: false }) as Connect.NextHandleFunction;
  return {
    name: 'serve-warehouse',
    configureServer: (server: { middlewares: Connect.Server }) => { server.middlewares.use('/data', data); },
    configurePreviewServer: (server: { middlewares: Connect.Server }) => { server.middlewares.use('/data', data); },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [svelte(), serveWarehouse()],
  build: {
    outDir: 'dist', emptyOutDir: true, target: 'es2022',
    // The login and platform pages are pages of their own: the dashboard's code loads only after sign-in.
    rollupOptions: { input: { index: join(root, 'index.html'), login: join(root, 'login.html'), platform: join(root, 'platform.html') } },
  },
});
