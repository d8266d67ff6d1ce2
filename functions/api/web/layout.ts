import { createHash } from 'node:crypto';
import { html, SafeHtml } from './html.ts';

/**
 * The page shell shared by every page: landmarks, a skip link, the search form, and a small inline style
 * sheet (readable on a phone, AA contrast, highlights that do not rely on colour alone).
 */
const STYLE = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--line:#d0d0d0;--accent:#0b57a4;--direct:#fff0a8;--reported:#dcecff}
*{box-sizing:border-box}
body{margin:0;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #e07000;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
header{border-bottom:1px solid var(--line);padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center}
header nav{display:flex;gap:1rem;align-items:baseline}.brand{font-weight:700;font-size:1.2rem;text-decoration:none;color:var(--ink)}
[aria-current=page]{font-weight:700}
form[role=search]{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
input[type=search]{font:inherit;padding:.3rem .5rem;border:1px solid #767676;border-radius:4px;min-width:12rem}
button{font:inherit;padding:.3rem .8rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.4rem 0 .8rem}h2{font-size:1.25rem;margin:1.6rem 0 .6rem}
ul.items{list-style:none;padding:0;margin:0}ul.items>li{border-bottom:1px solid var(--line);padding:.7rem 0}.items h2,.items h3{font-size:1.1rem;margin:0 0 .2rem}
.meta{color:var(--muted);font-size:.92rem;margin:.2rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.text p{margin:0 0 1rem}
mark{color:var(--ink);padding:0 .1rem;border-radius:2px}
mark.direct{background:var(--direct);border-bottom:2px solid #8a6d00}
mark.indirect{background:var(--reported);border-bottom:2px dashed #0b57a4}
mark:target{outline:3px solid #e07000}
.who{font-size:.85rem;white-space:nowrap;color:var(--muted)}.who a{font-weight:600}
.kind{display:inline-block;font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;border:1px solid currentColor;border-radius:3px;padding:0 .25rem;margin-left:.25rem}
blockquote{margin:.3rem 0;padding-left:.8rem;border-left:4px solid var(--line)}
.legend{font-size:.9rem;color:var(--muted)}
.notice{border:1px solid #b26a00;background:#fff6e5;padding:.6rem .8rem;border-radius:4px}
.status-rejected{color:#a00000;font-weight:600}.status-accepted{color:#1d6b1d;font-weight:600}
nav.pager{display:flex;gap:1.5rem;margin:1.2rem 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
figure.chart{margin:.6rem 0 1rem}.chart svg{display:block;width:100%;height:auto;max-height:14rem}.chart rect{fill:var(--accent)}.chart rect:hover{fill:#e07000}
.chart line{stroke:#767676}.chart text{fill:var(--muted);font-size:13px}.chart figcaption{color:var(--muted);font-size:.92rem}.chart summary{cursor:pointer;font-size:.92rem}
.busiest{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:0 1.5rem;margin-bottom:1rem}.busiest>h2,.busiest>p{grid-column:1/-1}
.ranked h3{font-size:1.05rem;margin:.4rem 0}.ranked ol{list-style:none;padding:0;margin:0}.ranked li{padding:.2rem 0}
.ranked .count{color:var(--muted);font-size:.92rem;white-space:nowrap}.ranked svg{display:block;width:100%;height:.35rem}.ranked rect{fill:var(--accent)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
footer{max-width:46rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.85rem}
`;

/** Our own constant, the only markup that does not go through escaping. */
const TRUSTED_STYLE = new SafeHtml(STYLE);

/** No scripts, no plugins, no framing; only this exact inline style sheet and same-origin forms. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type Section = 'home' | 'ingestions' | 'other';

export interface PageOptions {
  title: string;
  section?: Section;
  /** The search box keeps what was searched for. */
  query?: string;
}

export function page({ title, section = 'other', query = '' }: PageOptions, content: SafeHtml): SafeHtml {
  const current = (name: Section) => (section === name ? html` aria-current="page"` : null);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title} · onrecord</title>
<style>${TRUSTED_STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<nav aria-label="Site">
<a class="brand" href="/"${current('home')}>onrecord</a>
<a href="/view/ingestions"${current('ingestions')}>Ingestions</a>
</nav>
<form role="search" action="/search" method="get">
<label for="q">Search speakers and entities</label>
<input id="q" name="q" type="search" value="${query}" maxlength="100" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
<main id="main">
${content}
</main>
<footer>onrecord: who said what, when. Article text is shown as written by its source.</footer>
</body>
</html>
`;
}
