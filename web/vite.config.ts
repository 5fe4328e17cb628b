import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit({
      // build/handler.js exports `handler`, which the platform's Node server mounts.
      adapter: adapter({ out: 'build' }),
    }),
  ],
});
