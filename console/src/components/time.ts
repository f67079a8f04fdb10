/**
 * @module How the console shows a moment, in the browser's locale and time zone: in full to the
 * minute, to the second where events follow each other closely (the audit log), and briefly in
 * lists, as mail clients do (the time today, the day this year, else the date).
 */
const MINUTE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const SECOND = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const CLOCK = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const DAY = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const SHORT_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });

export const formatTime = (iso: string): string => MINUTE.format(new Date(iso));
export const formatTimeExact = (iso: string): string => SECOND.format(new Date(iso));

export function formatListTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return CLOCK.format(date);
  return date.getFullYear() === now.getFullYear() ? DAY.format(date) : SHORT_DATE.format(date);
}
