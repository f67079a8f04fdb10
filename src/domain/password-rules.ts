/**
 * @module The baseline password rules every organization starts from (NIST SP 800-63B: length
 * matters, composition rules do not; very long passphrases are always allowed).
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Every unmet rule, so the user can fix them all at once. */
export function passwordProblems(password: string, personal: readonly string[]): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  for (const word of personal) {
    if (word.length >= 3 && lower.includes(word.toLowerCase())) {
      problems.push('must not contain your username, email or name');
      break;
    }
  }
  return problems;
}
