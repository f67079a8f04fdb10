/**
 * @module How the console shows a moment: in full (date and time, the browser's locale and zone),
 * and briefly in lists, as mail clients do (the time today, the day this year, else the date).
 */
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const shortDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });

export const formatTime = (iso: string): string => full.format(new Date(iso));

export function formatListTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) return clock.format(date);
  return date.getFullYear() === now.getFullYear() ? day.format(date) : shortDate.format(date);
}
