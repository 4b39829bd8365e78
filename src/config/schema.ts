import { z } from 'zod';
import { RULE_IDS } from '../analysis/finding.js';
import { SEVERITIES } from '../model/report.js';
import { SELECTOR_OPERATORS } from '../model/sink.js';

const severity = z.enum(SEVERITIES);
const ruleId = z.enum(RULE_IDS);

/** A date written as `YYYY-MM-DD`; YAML may hand it over as a Date, so both are accepted. */
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date(),
);

const fieldSelector = z
  .object({
    Field: z
      .string()
      .min(1)
      .describe('eventCategory, resources.type, resources.ARN, readOnly, eventName, ...'),
    ...Object.fromEntries(
      SELECTOR_OPERATORS.map((operator) => [operator, z.array(z.string().min(1)).min(1).optional()]),
    ),
  })
  .strict();

const advancedSelector = z
  .object({
    Name: z.string().optional(),
    FieldSelectors: z.array(fieldSelector).min(1),
  })
  .strict();

/** A sink kept outside the analysed code (an organisation trail in another repository, for example). */
const externalSink = z
  .object({
    name: z.string().min(1).describe('Shown in the report as external:<name>.'),
    kind: z.enum(['trail', 'event-data-store']).default('trail'),
    logging: z.boolean().default(true),
    multiRegion: z.boolean().default(true),
    homeRegion: z.string().optional(),
    organization: z.boolean().default(false),
    account: z.string().optional().describe('The account the sink lives in; omit for the analysed account.'),
    AdvancedEventSelectors: z
      .array(advancedSelector)
      .min(1)
      .describe('Written exactly like CloudFormation AdvancedEventSelectors.'),
  })
  .strict();

const ignoreEntry = z
  .object({
    rule: z.union([ruleId, z.literal('*')]),
    resource: z
      .string()
      .min(1)
      .describe('A glob on the resource id; * matches within a path segment, ** across.'),
    reason: z.string().min(1),
    expires: isoDate
      .optional()
      .describe('After this date (YYYY-MM-DD) the ignore stops working and says so.'),
  })
  .strict();

/** The schema of `.github/ai-access-diff.yml`. */
export const configSchema = z
  .object({
    failOn: z.enum([...SEVERITIES, 'never']).default('high'),
    severity: z
      .partialRecord(ruleId, z.union([severity, z.literal('off')]))
      .default({})
      .describe('Per-rule severity, or off to drop the rule.'),
    ignore: z.array(ignoreEntry).default([]),
    externalSinks: z.array(externalSink).default([]),
    reportExisting: z
      .boolean()
      .default(false)
      .describe('Also list standing gaps as findings; they never fail the verdict.'),
    aiRoles: z
      .object({
        include: z.array(z.string().min(1)).default([]),
        exclude: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ include: [], exclude: [] }),
    cloudFormation: z
      .object({
        pseudoParameters: z.record(z.string(), z.string()).default({}),
      })
      .strict()
      .default({ pseudoParameters: {} }),
  })
  .strict();

/** The config after defaults are applied. */
export type Config = z.output<typeof configSchema>;

/** One external sink as the config declares it. */
export type ExternalSinkConfig = Config['externalSinks'][number];

/** One ignore entry. */
export type IgnoreEntry = Config['ignore'][number];

/** The config a run uses when there is no file. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}
