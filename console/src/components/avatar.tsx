/**
 * @module A user's picture: their Gravatar (seed 001), over their initials, which stay visible when
 * Gravatar can not be reached or the image fails.
 */
import { useState } from 'react';

export function Avatar({ url, name, size = 32 }: { url: string; name: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]?.toUpperCase()).join('');
  const src = `${url}${url.includes('?') ? '&' : '?'}s=${size * 2}`;
  return (
    <span className="avatar" style={{ width: size, height: size }} aria-hidden="true">
      <span className="avatar-initials">{initials}</span>
      {failed ? null : <img src={src} alt="" width={size} height={size} onError={() => setFailed(true)} />}
    </span>
  );
}
