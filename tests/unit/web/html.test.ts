import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../functions/api/web/html.ts';

describe('html template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'&`;
    const out = html`<p title="${hostile}">${hostile}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;">' +
        '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;</p>',
    );
  });

  it('keeps markup built by the template itself, without escaping it twice', () => {
    const inner = html`<b>${'a & b'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>a &amp; b</b></p>');
  });

  it('joins arrays and renders null, undefined and false as nothing', () => {
    const items = ['<x>', html`<i>y</i>`, null, undefined, false, 3];
    expect(html`${items}`.value).toBe('&lt;x&gt;<i>y</i>3');
  });

  it('escapes an already escaped string again, so entities show as written', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
