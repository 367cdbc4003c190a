import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Both entries are plain scripts: the backend renders the HTML that loads them (from the manifest),
// so the same build works under any base path such as /fsay/.
export default defineConfig({
  plugins: [vue()],
  base: './',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    manifest: true,
    target: 'es2019',
    // hls.js (about 590 kB) is its own chunk, fetched only when someone first plays a video without native HLS.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        site: 'src/site/main.ts',
        console: 'src/console/main.ts',
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
})
