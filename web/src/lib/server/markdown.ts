import MarkdownIt, { type RendererRule } from 'markdown-it';

/**
 * Renders a council's story (Markdown) to HTML on the server. Councils are not trusted authors:
 * - `html: false` turns raw HTML (`<script>`, `<img onerror>`) into visible text;
 * - markdown-it's own link check drops `javascript:`, `vbscript:`, `file:` and `data:` URLs;
 * - images are switched off: a story may not make readers' phones fetch third-party files;
 * - links get rel="nofollow noopener ugc" (user content, no search-engine credit, no opener);
 * - headings are moved two levels down, so a story's `#` sits under the page's h1 and h2.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.disable(['image']);

const renderToken: RendererRule = (tokens, index, options, _env, self) =>
  self.renderToken(tokens, index, options);

const linkOpen = md.renderer.rules.link_open ?? renderToken;
md.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]?.attrSet('rel', 'nofollow noopener ugc');
  return linkOpen(tokens, index, options, env, self);
};

const shiftHeading = (tag: string) => `h${Math.min(Number(tag.slice(1)) + 2, 6)}`;
for (const rule of ['heading_open', 'heading_close'] as const) {
  const original = md.renderer.rules[rule] ?? renderToken;
  md.renderer.rules[rule] = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (token) token.tag = shiftHeading(token.tag);
    return original(tokens, index, options, env, self);
  };
}

/** Stories change rarely and are read often: the last few hundred renderings are kept. */
const rendered = new Map<string, string>();
const maxRendered = 500;

export function renderMarkdown(source: string): string {
  let html = rendered.get(source);
  if (html === undefined) {
    html = md.render(source);
    if (rendered.size >= maxRendered) rendered.delete(rendered.keys().next().value as string);
    rendered.set(source, html);
  }
  return html;
}
