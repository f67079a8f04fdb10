/**
 * @module An email's text body as the recipient would read it, line breaks kept and every web
 * address a link. The text, not the HTML, is shown: the HTML carries inline styles, which the
 * console's Content Security Policy refuses, and would need sanitising besides.
 */
import type { ReactNode } from 'react';

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
/** Punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?)\]]+$/;

export function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<a key={start} href={url} target="_blank" rel="noreferrer">{url}</a>);
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export function MessageText({ text }: { text: string }) {
  return <div className="mail-text">{linkify(text)}</div>;
}
