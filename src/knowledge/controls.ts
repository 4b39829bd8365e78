import type { RuleId } from '../analysis/finding.js';

/*
 * What each rule concerns in published control catalogues. Only ids the source documents define are used, each
 * from the source named here:
 * - OWASP Top 10 Non-Human Identities Risks 2025: the OWASP project table (owasp.org/www-project-non-human-identities
 *   -top-10/2025/top-10-2025) lists NHI1 Improper Offboarding to NHI4 Insecure Authentication; NHI5 Overprivileged NHI,
 *   NHI7 Long-Lived Secrets and the full list NHI1-NHI10 were confirmed in summaries of the same list.
 * - OWASP Top 10 for Agentic Applications 2026: ASI01-ASI10, with ASI02 Tool Misuse and Exploitation and ASI03
 *   Identity and Privilege Abuse (the OWASP GenAI Security Project release, December 2025, as listed in tool docs).
 * - OWASP Agentic AI - Threats and Mitigations: T3 Privilege Compromise, T8 Repudiation & Untraceability, T9 Identity
 *   Spoofing & Impersonation (the T1-T15 taxonomy as summaries of the guide list it).
 * - NIST CSF 2.0: PR.AA-01, PR.AA-03, PR.AA-05 (PR.AA category listing), PR.PS-04 "Log records are generated and
 *   made available for continuous monitoring", DE.CM-03 and DE.CM-09 (csf.tools subcategory pages).
 * - NIST SP 800-207: the seven zero trust tenets of section 2.1; tenets 3 (per-session access, least privilege),
 *   6 (authentication and authorization dynamic and strictly enforced) and 7 (collect as much information as
 *   possible about the current state of assets) are used.
 * - CSA MAESTRO (February 2025): the seven layers; L5 Evaluation and Observability and L6 Security and Compliance
 *   are used.
 * Not used because they could not be confirmed: any PR.DS subcategory for secrets, MAESTRO threat ids below the
 * layer level, and a numbered Agentic threat for logging other than T8.
 */

/** A control catalogue this tool maps its rules to. */
export interface ControlFramework {
  /** The prefix of the framework's tags (`NIST-CSF-2.0`). */
  readonly tag: string;
  readonly name: string;
  /** Where the framework defines its ids. */
  readonly source: string;
}

/** The catalogues, by key. */
export const CONTROL_FRAMEWORKS = {
  nhi: {
    tag: 'OWASP-NHI-2025',
    name: 'OWASP Top 10 Non-Human Identities Risks 2025',
    source: 'https://owasp.org/www-project-non-human-identities-top-10/2025/top-10-2025/',
  },
  agentic: {
    tag: 'OWASP-Agentic-2026',
    name: 'OWASP Top 10 for Agentic Applications 2026',
    source: 'https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/',
  },
  agenticThreats: {
    tag: 'OWASP-Agentic-Threats',
    name: 'OWASP Agentic AI - Threats and Mitigations',
    source: 'https://genai.owasp.org/resource/agentic-ai-threats-and-mitigations/',
  },
  csf: {
    tag: 'NIST-CSF-2.0',
    name: 'NIST Cybersecurity Framework 2.0',
    source: 'https://www.nist.gov/cyberframework',
  },
  zeroTrust: {
    tag: 'NIST-SP-800-207',
    name: 'NIST SP 800-207 Zero Trust Architecture',
    source: 'https://csrc.nist.gov/pubs/sp/800/207/final',
  },
  maestro: {
    tag: 'CSA-MAESTRO',
    name: 'CSA MAESTRO agentic AI threat modeling framework',
    source: 'https://cloudsecurityalliance.org/blog/2025/02/06/agentic-ai-threat-modeling-framework-maestro',
  },
} as const satisfies Record<string, ControlFramework>;

/** The key of a catalogue. */
export type ControlFrameworkKey = keyof typeof CONTROL_FRAMEWORKS;

/** One control of one catalogue. */
export interface Control {
  readonly framework: ControlFrameworkKey;
  /** The id as the catalogue writes it (`NHI5`, `PR.PS-04`, `tenet-7`, `L5`). */
  readonly id: string;
  readonly title: string;
  /** The page that defines it. */
  readonly source: string;
}

function control(framework: ControlFrameworkKey, id: string, title: string, source?: string): Control {
  return { framework, id, title, source: source ?? CONTROL_FRAMEWORKS[framework].source };
}

const CSF_PAGE = 'https://csf.tools/reference/nist-cybersecurity-framework/v2-0/';

/** Every control a rule maps to, by a short name used in the table below. */
export const CONTROLS = {
  nhi2: control('nhi', 'NHI2', 'Secret Leakage'),
  nhi5: control('nhi', 'NHI5', 'Overprivileged NHI'),
  nhi7: control('nhi', 'NHI7', 'Long-Lived Secrets'),
  asi02: control('agentic', 'ASI02', 'Tool Misuse and Exploitation'),
  asi03: control('agentic', 'ASI03', 'Identity and Privilege Abuse'),
  t3: control('agenticThreats', 'T3', 'Privilege Compromise'),
  t8: control('agenticThreats', 'T8', 'Repudiation & Untraceability'),
  t9: control('agenticThreats', 'T9', 'Identity Spoofing & Impersonation'),
  prAa01: control(
    'csf',
    'PR.AA-01',
    'Identities and credentials for authorized users, services, and hardware are managed',
    `${CSF_PAGE}pr/pr-aa/`,
  ),
  prAa03: control(
    'csf',
    'PR.AA-03',
    'Users, services, and hardware are authenticated',
    `${CSF_PAGE}pr/pr-aa/`,
  ),
  prAa05: control(
    'csf',
    'PR.AA-05',
    'Access permissions, entitlements, and authorizations incorporate least privilege and separation of duties',
    `${CSF_PAGE}pr/pr-aa/pr-aa-05/`,
  ),
  prPs04: control(
    'csf',
    'PR.PS-04',
    'Log records are generated and made available for continuous monitoring',
    `${CSF_PAGE}pr/pr-ps/pr-ps-04/`,
  ),
  deCm03: control(
    'csf',
    'DE.CM-03',
    'Personnel activity and technology usage are monitored to find potentially adverse events',
    `${CSF_PAGE}de/de-cm/de-cm-03/`,
  ),
  deCm09: control(
    'csf',
    'DE.CM-09',
    'Computing hardware and software, runtime environments, and their data are monitored',
    `${CSF_PAGE}de/de-cm/de-cm-09/`,
  ),
  tenet3: control(
    'zeroTrust',
    'tenet-3',
    'Access to individual resources is granted per session, least privilege',
  ),
  tenet6: control(
    'zeroTrust',
    'tenet-6',
    'Authentication and authorization are dynamic and strictly enforced',
  ),
  tenet7: control(
    'zeroTrust',
    'tenet-7',
    'Collect as much information as possible about the state of assets',
  ),
  l5: control('maestro', 'L5', 'Evaluation and Observability'),
  l6: control('maestro', 'L6', 'Security and Compliance'),
} as const satisfies Record<string, Control>;

const C = CONTROLS;
const LOGGING = [C.prPs04, C.deCm09, C.deCm03, C.tenet7, C.t8, C.l5];
const LEAST_PRIVILEGE = [C.nhi5, C.prAa05, C.tenet3, C.asi03, C.t3, C.l6];

/** The controls each rule concerns; `input-error` concerns none. */
export const RULE_CONTROLS: Readonly<Record<RuleId, readonly Control[]>> = {
  'coverage-lost': LOGGING,
  'unlogged-ai-resource': LOGGING,
  'partially-logged-ai-resource': LOGGING,
  'sink-disabled': LOGGING,
  'management-events-excluded': LOGGING,
  'coverage-gained': LOGGING,
  'blind-spot': [...LOGGING, C.nhi5, C.asi03],
  'admin-access': LEAST_PRIVILEGE,
  'privilege-escalation': LEAST_PRIVILEGE,
  'wildcard-action': [...LEAST_PRIVILEGE, C.asi02],
  'wildcard-resource': LEAST_PRIVILEGE,
  'boundary-removed': LEAST_PRIVILEGE,
  'permissions-reduced': LEAST_PRIVILEGE,
  'audit-tampering': [C.prPs04, C.deCm09, C.tenet7, C.asi03, C.t8, C.l5, C.l6],
  'secret-access': [C.nhi2, C.nhi5, C.prAa05, C.tenet3, C.asi03, C.t3, C.l6],
  'trust-widened': [C.nhi5, C.prAa01, C.prAa05, C.tenet6, C.asi03, C.t9, C.l6],
  'confused-deputy': [C.prAa05, C.tenet6, C.asi03, C.t9, C.l6],
  'static-credentials': [C.nhi7, C.nhi2, C.prAa01, C.prAa03, C.tenet6, C.asi03, C.l6],
  'input-error': [],
};

/** The tag a control has in SARIF and in the comment: `NIST-CSF-2.0/PR.PS-04`. */
export function controlTag(item: Control): string {
  return `${CONTROL_FRAMEWORKS[item.framework].tag}/${item.id}`;
}

/** The controls a rule id concerns; none for an id this tool does not know. */
export function controlsOf(ruleId: string): readonly Control[] {
  return Object.hasOwn(RULE_CONTROLS, ruleId) ? RULE_CONTROLS[ruleId as RuleId] : [];
}
