import type { Transport } from '@sveltejs/kit/hooks';
import { ServerOnly } from '#lib/server-only.ts';

export const transport: Transport = {
  ServerOnly: {
    // Any truthy token: the value itself never leaves the server (see lib/server-only.ts).
    encode: (value: unknown) => value instanceof ServerOnly && 1,
    decode: () => undefined,
  },
};
