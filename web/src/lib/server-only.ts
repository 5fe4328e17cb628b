/**
 * Page data that only the server render reads. SvelteKit serialises every page's server data
 * (devalue) even when the page sets `csr = false` and never ships it; for the project page that
 * was ~16% of the render's CPU. Wrapped in this, the `transport` hook (src/hooks.ts) encodes it
 * as a token instead. Only for `csr = false` pages: a hydrating page would receive `undefined`.
 */
export class ServerOnly<T> {
  constructor(readonly value: T) {}
}
