// Stable error codes of the registry core. One small catalogue per aggregate (STYLE.md: no
// ever-growing global enum); the union type is derived from the catalogue so that a code and
// its meaning can never drift apart, and the README table is generated from the same data.

const commonCodes = {
  NOT_AUTHORIZED: "The actor lacks the permission or the object is outside its portfolio.",
  NOT_FOUND: "The named object does not exist (or is not visible to the actor).",
  VALIDATION_FAILED: "The input is malformed; details name the offending fields.",
  INSUFFICIENT_FUNDS: "The prepaid balance does not cover an operation that must not overdraw.",
  RATE_LIMITED: "Too many attempts in the current window; retry later.",
  CONFLICT: "The object changed concurrently or the operation was already done.",
  CONFIRMATION_REQUIRED: "The operation has a side effect the caller must confirm explicitly.",
  SANDBOX_ONLY: "The control exists only in the sandbox registry (REGISTRY_ENVIRONMENT=sandbox).",
} as const;

const domainCodes = {
  INVALID_DOMAIN_NAME: "The name is not a valid .dk domain name (R-REG-4); the message says why.",
  DOMAIN_NOT_AVAILABLE: "The name is registered, held, in redemption, offered or blocked.",
  DOMAIN_NOT_RENEWABLE: "The domain cannot be renewed now (state, window, payer, open invoice).",
  DOMAIN_NOT_RESTORABLE:
    "The domain is not in redemption, or its renewal invoice is open, so it cannot be restored.",
  DOMAIN_NOT_CANCELLABLE: "The domain cannot be cancelled (state, or hosts under it in use).",
  DOMAIN_STATE_TRANSITION_INVALID: "The lifecycle does not allow this event in the current state.",
  EXPIRY_DATE_MISMATCH: "The given current expiry date differs from the domain's exDate.",
  RENEWAL_PERIOD_EXCEEDS_CAP: "The new expiry date would lie beyond the lifespan cap from today.",
  PERIOD_NOT_ALLOWED: "The registration or renewal period is not allowed by the policy.",
  MANAGEMENT_MODEL_NOT_ALLOWED: "The policy does not allow this management model for new domains.",
  MANAGEMENT_MODEL_MISMATCH: "The registrant handle is under another management model (R-REG-3).",
  TERMS_ACCEPTANCE_INVALID: "The stated terms-acceptance time is in the future or too old.",
  CONTACT_NOT_ALLOWED: "Proxy or payer handle given for a registrar-managed domain.",
  REGISTRANT_CHANGE_NOT_ALLOWED:
    "The domain or the new registrant does not allow a change (R-CHG-1; a rejected registrant, R-CHG-2).",
  RENEWAL_POLICY_NOT_CHANGEABLE:
    "The renewal policy can be changed only on an active domain before its expiry (R-REN-3).",
  DOMAIN_NOT_TRANSFERABLE:
    "The domain cannot be transferred or redelegated now (not active, or already the receiver's).",
  REGISTRANT_CHANGE_NOT_PENDING:
    "The change-of-registrant request is not awaiting this step (decided, expired or cancelled).",
  WAITING_LIST_NAME_AVAILABLE: "The name is free to register; there is no waiting list to join.",
  DOMAIN_NOT_ADMINISTRABLE:
    "A registrant-managed domain is administered only when its proxy contact is a handle linked to the account.",
} as const;

const billingCodes = {
  PAYMENT_DECLINED: "The card payment was declined by the payment provider; nothing was credited.",
  INVOICE_NOT_OPEN:
    "The invoice is already paid or cancelled, or void because its domain's redemption ended.",
} as const;

const tokenCodes = {
  TOKEN_INVALID: "The token is malformed, unknown, retracted or for another object.",
  TOKEN_EXPIRED: "The token's lifetime has passed.",
  TOKEN_ALREADY_USED: "The token was already used once.",
  ORDER_CONFIRMATION_INVALID:
    "The order-confirmation token is malformed, too old or too far ahead.",
  ORDER_CONFIRMATION_REQUIRED: "The policy requires an order-confirmation token for this change.",
} as const;

const nameServerCodes = {
  INVALID_HOST_NAME: "The name-server host name is not a valid host name.",
  NAMESERVER_COUNT_INVALID: "A domain needs 2 to 7 name servers (R-NS-4).",
  NAMESERVER_DUPLICATE: "The same host is listed twice (after normalisation).",
  NAMESERVER_IN_USE: "The name server is delegated to by a domain and cannot be deleted.",
  NAMESERVER_MARKED_FOR_DELETION: "The host's superordinate domain is deleted; it is read-only.",
  GLUE_NOT_ALLOWED: "Glue addresses are only allowed for hosts under .dk (R-NS-1).",
  INVALID_IP_ADDRESS: "A glue address is not a valid, publicly routable IPv4/IPv6 address.",
} as const;

const dnssecCodes = {
  DS_RECORD_INVALID: "A DS record field is out of range (R-DS-1); the message names it.",
  DS_RECORD_DUPLICATE: "The domain already has this DS record.",
  DS_RECORD_LIMIT_REACHED: "The domain would have more than 8 DS records.",
} as const;

const accountCodes = {
  LAST_ADMINISTRATOR: "The last active Administrator cannot be removed, disabled or demoted.",
  EMAIL_IN_USE: "Another user already has this email address.",
  HANDLE_NOT_LINKABLE: "The handle's name, address, email or CVR/VAT differ from the account's.",
  ALLOWLIST_CANNOT_BE_EMPTY: "The registrar cannot remove the last IP allowlist entry.",
  REAUTHENTICATION_REQUIRED: "A risky action needs a fresh TOTP code.",
  SERVICE_USER_ADMINISTRATOR: "A service user cannot hold the Administrator meta-role (R-ACC-3).",
  TOTP_CODE_INVALID: "The authentication code does not match the secret being enrolled.",
  HANDLE_NOT_UNLINKABLE: "The registrar's own handle is always linked to its account (R-ACC-5).",
  HANDLES_NOT_MERGEABLE:
    "The handles differ in name, organisation, type, CVR/EAN or management model (R-CON-2).",
  PASSWORD_TOO_WEAK: "The new password is too easy to guess (a common password, a pattern, the user's own name).",
  PASSWORD_INCORRECT: "The current password given to change it is not correct.",
} as const;

const contactCodes = {
  CONTACT_READ_ONLY:
    "A registrant-managed handle belongs to its registrant, and the registrar handle follows the account: neither is edited as a contact (R-CON-1).",
} as const;

export const errorCatalogue = {
  common: commonCodes,
  domain: domainCodes,
  token: tokenCodes,
  nameserver: nameServerCodes,
  dnssec: dnssecCodes,
  account: accountCodes,
  billing: billingCodes,
  contact: contactCodes,
} as const;

export type ErrorAggregate = keyof typeof errorCatalogue;
export type CommonErrorCode = keyof typeof commonCodes;
export type DomainErrorCode = keyof typeof domainCodes;
export type TokenErrorCode = keyof typeof tokenCodes;
export type NameServerErrorCode = keyof typeof nameServerCodes;
export type DnssecErrorCode = keyof typeof dnssecCodes;
export type AccountErrorCode = keyof typeof accountCodes;
export type BillingErrorCode = keyof typeof billingCodes;
export type ContactErrorCode = keyof typeof contactCodes;
export type RegistryErrorCode =
  | CommonErrorCode
  | DomainErrorCode
  | TokenErrorCode
  | NameServerErrorCode
  | DnssecErrorCode
  | AccountErrorCode
  | BillingErrorCode
  | ContactErrorCode;

export type ErrorCodeInfo = { code: RegistryErrorCode; aggregate: ErrorAggregate; meaning: string };

/** Every code with its aggregate and one-line meaning, in catalogue order (for the README). */
export const errorCodeList: readonly ErrorCodeInfo[] = (
  Object.entries(errorCatalogue) as [ErrorAggregate, Record<string, string>][]
).flatMap(([aggregate, codes]) =>
  Object.entries(codes).map(([code, meaning]) => ({
    code: code as RegistryErrorCode,
    aggregate,
    meaning,
  })),
);

/** Machine-readable context: field errors, the reason key, the earliest allowed date, … */
export type RegistryErrorDetails = Readonly<Record<string, unknown>>;

/**
 * The only error the core throws on purpose. `message` is meant for people and names the object
 * and the reason ("Domain eksempel.dk cannot be renewed before 2026-03-20"); `code` is the stable
 * contract for actions and tests; `details.reason` (when present) distinguishes sub-cases of one
 * code without multiplying codes.
 */
export class RegistryError extends Error {
  override readonly name = "RegistryError";
  readonly code: RegistryErrorCode;
  readonly details?: RegistryErrorDetails;

  constructor(code: RegistryErrorCode, message: string, details?: RegistryErrorDetails) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isRegistryError(value: unknown, code?: RegistryErrorCode): value is RegistryError {
  return value instanceof RegistryError && (code === undefined || value.code === code);
}
