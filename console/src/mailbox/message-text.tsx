/**
 * @module An email's text body as the recipient would read it, line breaks kept and every web
 * address a link. The text, not the HTML, is shown: the HTML carries inline styles, which the
 * console's Content Security Policy refuses, and would need sanitising besides.
 */
import { splitLinks } from './links';

export function MessageText({ text }: { text: string }) {
  return (
    <div className="mail-text">
      {splitLinks(text).map((piece, i) => ('url' in piece
        ? <a key={i} href={piece.url} target="_blank" rel="noreferrer">{piece.url}</a>
        : piece.text))}
    </div>
  );
}
