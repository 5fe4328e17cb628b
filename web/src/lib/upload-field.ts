import type { t as translate } from './i18n.ts';

/**
 * What `static/upload-field.js` needs on a file input to upload it directly (intent → PUT →
 * complete) and post only the id in the hidden input `target`. Literal values rather than imports
 * from shared/contracts/uploads.ts, which would bring zod into the browser bundle;
 * upload-field.test.ts checks they match.
 */
export const directUploadMaxBytes = 10 * 1024 * 1024;
export const directUploadTypes = {
  project_image: ['image/jpeg', 'image/png', 'image/webp'],
  council_proof: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
} as const;

/** `t` is the page's translator (passed in, so this module stays importable outside SvelteKit). */
export function directUploadAttributes(
  t: typeof translate,
  kind: keyof typeof directUploadTypes,
  target: string,
): Record<string, string> {
  return {
    'data-direct-upload': kind,
    'data-upload-target': target,
    'data-upload-types': directUploadTypes[kind].join(','),
    'data-upload-max': String(directUploadMaxBytes),
    // Templates with their placeholders left in, for the script to fill.
    'data-upload-messages': JSON.stringify({
      progress: t('upload.progress', { name: '{name}', percent: '{percent}' }),
      done: t('upload.done', { name: '{name}' }),
      failed: t('upload.failed'),
      wait: t('upload.wait'),
      type: t('validation.fileType'),
      tooLarge: t('validation.fileTooLarge', { max: directUploadMaxBytes / 1024 / 1024 }),
    }),
  };
}
