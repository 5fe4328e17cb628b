/**
 * Returns `value` if it is a path on this site, else null. Guards every redirect that takes its
 * target from the request (`redirectTo`), so a crafted link cannot bounce a user to another site.
 * `//host` and `/\host` are protocol-relative to browsers, so both are refused.
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  // Control characters (tab, newline) are stripped by URL parsers and can smuggle `//`.
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}
