import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  // Relative asset paths: Electron loads the renderer from file://.
  base: './',
  plugins: [react()],
  // MOTIF_RENDERER_PROFILE=1 builds React's profiling renderer, so a bench can time each component's renders.
  resolve: process.env.MOTIF_RENDERER_PROFILE === '1' ? { alias: { 'react-dom/client': 'react-dom/profiling' } } : {},
  // The renderer imports ../src-shared at run time: let the dev server serve the repository, not only src-renderer.
  server: { fs: { allow: ['..'] } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // MOTIF_RENDERER_MINIFY=0 keeps function names, for reading a CPU profile of the page.
    minify: process.env.MOTIF_RENDERER_MINIFY !== '0',
    // The dashboard's chunk (React, Mantine, the store) is about 760 kB, read from disk or
    // loopback, never over a slow network: splitting it would not make the window open faster.
    // The other views load when first opened. Set above it so `npm start` prints no warning,
    // yet close enough that one means the chunk grew by some 140 kB: look at what was added.
    chunkSizeWarningLimit: 900,
  },
});
