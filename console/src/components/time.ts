/**
 * @module Times as people read them: the browser's locale and time zone, to the minute (seconds
 * where events follow each other closely, as in the audit log).
 */
const MINUTE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const SECOND = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const formatTime = (iso: string) => MINUTE.format(new Date(iso));
export const formatTimeExact = (iso: string) => SECOND.format(new Date(iso));
