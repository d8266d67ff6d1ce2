import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';

export function errorPage(status: 400 | 404 | 500, message: string): SafeHtml {
  const title = { 400: 'Bad request', 404: 'Not found', 500: 'Something went wrong' }[status];
  return page({ title }, html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the newest articles</a></p>`);
}
