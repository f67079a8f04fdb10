/**
 * @module Finds the web addresses in an email's text, so the Mailbox can make each one a link:
 * the text cut into plain pieces and addresses, in order. Sentence punctuation right after an
 * address ("… here: https://x/y.") is not part of it.
 */
export type TextPiece = { text: string } | { url: string };

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
const TRAILING = /[.,;:!?)\]]+$/;

export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    const start = match.index;
    if (start > last) pieces.push({ text: text.slice(last, start) });
    pieces.push({ url });
    last = start + url.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}
