/**
 * The second line of defence against leaking credentials: sources drop values Terraform marks sensitive, but a
 * policy string, a tag or a message can still carry something that merely looks like a secret. Every renderer
 * passes its text through here. A mask is never longer than what it replaces, so masking cannot push a size-
 * budgeted comment over its limit.
 */

/** What a masked value is replaced with (or, where a recognisable prefix is kept, what follows it). */
export const SECRET_MASK = '****';

export interface SecretPattern {
  readonly pattern: RegExp;
  readonly replace: (match: string, ...groups: string[]) => string;
}

const PRIVATE_KEY_LABEL = '[private key masked]';

/** Keeps a short, harmless prefix so a reader can tell what kind of credential was there. */
function keepPrefix(length: number): (match: string) => string {
  return (match) => match.slice(0, length) + SECRET_MASK;
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  // A PEM private key, complete or cut off at the end of the text (a truncated key still leaks its body).
  {
    pattern:
      /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|[\s\S]*$)/g,
    replace: () => PRIVATE_KEY_LABEL,
  },
  // AWS access key ids: long-term (AKIA) and temporary (ASIA). No word boundaries: a key glued into an identifier
  // (`RoleAKIA...` as a logical id, `SidAKIA...`, a CDK hash suffix after it) is still the key.
  { pattern: /(?:AKIA|ASIA)[A-Z0-9]{16}/g, replace: keepPrefix(4) },
  // An AWS secret key (40 characters in practice) next to a name that says what it is; the name stays readable.
  {
    pattern:
      /((?:aws)?[_-]?secret[_-]?(?:access)?[_-]?key(?:[_-]?id)?["']?\s{0,4}[:=]>?\s{0,4}["']?)([A-Za-z0-9/+=]{16,128})(?![A-Za-z0-9/+=])/gi,
    replace: (_match, name = '') => name + SECRET_MASK,
  },
  // GitHub tokens: personal, OAuth, user-to-server, server-to-server, refresh, and fine-grained personal tokens.
  { pattern: /gh[pousr]_[A-Za-z0-9]{30,255}/g, replace: keepPrefix(4) },
  { pattern: /github_pat_[A-Za-z0-9_]{40,255}/g, replace: keepPrefix(11) },
  // Slack, Stripe and Google API keys: common enough in the same repositories to be worth catching.
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g, replace: keepPrefix(5) },
  { pattern: /\b[sr]k_live_[A-Za-z0-9]{20,250}\b/g, replace: keepPrefix(8) },
  { pattern: /\bAIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g, replace: keepPrefix(4) },
  // JSON Web Tokens (three base64url parts, the first two starting like a JSON object).
  {
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    replace: keepPrefix(3),
  },
  // Credentials spelled out as assignments (`password = "..."`, `client_secret: ...`).
  {
    pattern:
      /\b((?:password|passwd|client_secret|api_key|apikey|access_token|auth_token|secret_token)["']?\s{0,4}[:=]\s{0,4}["']?)([^\s"',;}]{6,})/gi,
    replace: (_match, name = '') => name + SECRET_MASK,
  },
];

/**
 * Text any pattern above can match has one of these in it (a superset, case aside): one test settles the text of
 * nearly every string, where the patterns would be tried one by one.
 */
export const MAY_HOLD_SECRET =
  /-----BEGIN|AKIA|ASIA|secret|gh[pousr]_|github_pat_|xox[abposr]-|k_live_|AIza|eyJ|passw(?:or)?d|api_?key|access_token|auth_token/i;

/** Replaces every substring that looks like a credential with a mask; text without one comes back unchanged. */
export function maskSecrets(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let masked = text;
  for (const { pattern, replace } of SECRET_PATTERNS) {
    masked = masked.replace(pattern, replace);
  }
  return masked;
}
