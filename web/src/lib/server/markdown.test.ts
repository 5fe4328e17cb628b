import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('Some **bold** text\n\n- one\n- two');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<li>one</li>');
  });

  it('shows raw HTML as text instead of running it', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nHi <img src=x onerror="alert(2)"> there',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'javascript&#58;alert(1)',
    '&#x6A;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
  ])('refuses the link %j', (url) => {
    const html = renderMarkdown(`[click](${url})`);
    expect(html).not.toMatch(/href/i);
  });

  it('does not load images, which could be third-party trackers', () => {
    const html = renderMarkdown('![pic](https://tracker.example/p.png)');
    expect(html).not.toMatch(/<img/i);
  });

  it('marks links as user content and keeps them from the opener', () => {
    const html = renderMarkdown('See [the plan](https://example.org/plan) or https://example.com');
    expect(html).toContain(
      '<a href="https://example.org/plan" rel="nofollow noopener ugc">the plan</a>',
    );
    expect(html).toContain(
      '<a href="https://example.com" rel="nofollow noopener ugc">https://example.com</a>',
    );
  });

  it('moves headings below the page headings', () => {
    expect(renderMarkdown('# Top\n\n#### Deep\n\n###### Deepest')).toBe(
      '<h3>Top</h3>\n<h6>Deep</h6>\n<h6>Deepest</h6>\n',
    );
  });
});
