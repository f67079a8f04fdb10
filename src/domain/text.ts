/**
 * @module What Roster accepts as text: Unicode without NUL characters or unpaired surrogates.
 * PostgreSQL can not store NUL in text, and an unpaired surrogate has no UTF-8 form, so either would
 * fail or be silently replaced on its way into the database.
 */

// Without the `u` flag the pattern sees UTF-16 code units, which is what finding a lone surrogate needs.
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (value: string): boolean => !NOT_TEXT.test(value);
