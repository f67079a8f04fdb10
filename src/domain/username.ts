/**
 * @module Username rules. Usernames are unique without regard to case and never change once saved
 * (seeds 000, 002), so they are checked once, here, when a user is created.
 */

const USERNAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{1,62}[a-zA-Z0-9])?$/;

export const USERNAME_RULE =
  '3 to 64 characters: letters, digits, dot, underscore or hyphen, starting and ending with a letter or digit';

export function isValidUsername(username: string): boolean {
  return username.length >= 3 && USERNAME.test(username);
}

/** The case-folded form that uniqueness and search use. */
export const usernameKey = (username: string): string => username.toLowerCase();

export const emailKey = (email: string): string => email.trim().toLowerCase();
