/**
 * @module The one error type Roster raises on purpose, and the catalogue of its codes.
 * Every code has one HTTP status; the HTTP layer renders them as RFC 9457 problem details.
 */

export const ERROR_CODES = {
  'request.invalid': 400,
  'request.unknown_field': 400,
  'request.cursor_invalid': 400,
  'request.uri_too_long': 414,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.invalid_api_key': 401,
  'auth.forbidden': 403,
  'auth.action_required': 403,
  'auth.locked': 429,
  'auth.cross_origin': 403,
  'signup.disabled': 403,
  'user.not_found': 404,
  'user.username_taken': 409,
  'user.email_taken': 409,
  'user.username_immutable': 400,
  'user.username_invalid': 400,
  'user.password_invalid': 400,
  'user.shared_identity': 409,
  'user.password_set_by_user': 409,
  'user.current_password_invalid': 400,
  'password_reset.not_found': 404,
  'password_reset.used': 410,
  'password_reset.expired': 410,
  'organization.not_found': 404,
  'organization.inactive_membership': 403,
  'member.not_found': 404,
  'member.already_member': 409,
  'member.owner_cannot_be_removed': 409,
  'member.owner_cannot_be_deactivated': 409,
  'member.owner_cannot_be_demoted': 409,
  'member.owner_role_by_transfer_only': 409,
  'member.deletion_disabled': 409,
  'member.transfer_target_inactive': 409,
  'member.cannot_act_on_self': 409,
  'precondition.failed': 412,
  'role.not_found': 404,
  'role.key_taken': 409,
  'role.builtin_immutable': 409,
  'role.in_use': 409,
  'group.not_found': 404,
  'group.name_taken': 409,
  'permission.unknown': 400,
  'permission.not_held': 403,
  'permission.not_found': 404,
  'permission.key_taken': 409,
  'permission.role_not_allowed': 409,
  'module.not_found': 404,
  'module.name_taken': 409,
  'resource_type.not_found': 404,
  'resource_type.key_taken': 409,
  'resource.not_found': 404,
  'resource.exactly_one_required': 409,
  'template.not_found': 404,
  'invitation.not_found': 404,
  'invitation.expired': 410,
  'invitation.not_pending': 409,
  'invitation.already_pending': 409,
  'invitation.wrong_account': 403,
  'invitation.sign_in_required': 409,
  'invitation.resend_not_allowed': 409,
  'import.invalid_csv': 400,
  'import.not_found': 404,
  'import.rows_invalid': 422,
  'mailbox.smtp_configured': 409,
  'api_key.not_found': 404,
  'audit.not_found': 404,
  'session.not_found': 404,
  'terms.not_found': 404,
  'terms.not_current': 409,
  'terms.version_taken': 409,
  'route.not_found': 404,
  'method.not_allowed': 405,
  'payload.too_large': 413,
  'media_type.unsupported': 415,
  'rate.limited': 429,
  'internal': 500,
  'database.unavailable': 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class RosterError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    detail: string,
    /** The request field at fault, as a JSON pointer-ish path such as `body.email`. */
    readonly field?: string,
    /** Extra members of the problem details, e.g. every row's problem of a refused import. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'RosterError';
    this.status = ERROR_CODES[code];
  }
}
