import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../model/report.js';
import { parseReport } from './report-schema.js';

/** The report inside the analysis artifact. */
export const ARTIFACT_REPORT_FILE = 'report.json';

/** What the report belongs to, beside it in the artifact. */
export const ARTIFACT_METADATA_FILE = 'metadata.json';

/** Artifacts larger than this are refused: a real report is far smaller, and the file comes from untrusted code. */
export const ARTIFACT_MAX_BYTES = 50 * 1024 * 1024;

/** The metadata the analysis half writes and the publish half checks. */
export interface ArtifactMetadata {
  readonly schemaVersion: 1;
  /** The pull request analysed; null outside pull-request events. */
  readonly pullNumber: number | null;
  /** The commit analysed: the publish half requires the triggering run's head commit to be this one. */
  readonly headSha: string;
  /** sha256 of report.json, hex: a report swapped or cut in transit is refused. */
  readonly reportSha256: string;
}

/** An artifact the publish half will not use; the message says what is wrong. */
export class ArtifactError extends Error {
  override readonly name = 'ArtifactError';
}

/** Hex sha256 of a text as UTF-8. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Writes report.json and metadata.json into `dir` for actions/upload-artifact. */
export async function writeArtifact(
  dir: string,
  reportJson: string,
  target: { pullNumber: number | null; headSha: string },
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const metadata: ArtifactMetadata = {
    schemaVersion: 1,
    pullNumber: target.pullNumber,
    headSha: target.headSha,
    reportSha256: hashText(reportJson),
  };
  await writeFile(join(dir, ARTIFACT_REPORT_FILE), reportJson);
  await writeFile(join(dir, ARTIFACT_METADATA_FILE), `${JSON.stringify(metadata, null, 2)}\n`);
}

async function readBounded(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  try {
    // The size is checked before reading: the file comes from untrusted code and could be large enough to
    // exhaust the runner's memory on its own.
    const { size } = await stat(path);
    if (size > ARTIFACT_MAX_BYTES) {
      throw new ArtifactError(`The artifact's ${name} is larger than ${ARTIFACT_MAX_BYTES} bytes; refused.`);
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ArtifactError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ArtifactError(
      `The analysis artifact has no readable ${name} in '${dir}' (${code}); download it there first.`,
    );
  }
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ArtifactError(`The artifact's ${name} is not valid JSON.`);
  }
}

function parseMetadata(value: unknown): ArtifactMetadata {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { schemaVersion, pullNumber, headSha, reportSha256 } = record;
  const validPull = pullNumber === null || (Number.isSafeInteger(pullNumber) && (pullNumber as number) > 0);
  if (
    schemaVersion !== 1 ||
    !validPull ||
    typeof headSha !== 'string' ||
    !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(headSha) ||
    typeof reportSha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(reportSha256)
  ) {
    throw new ArtifactError(
      `The artifact's ${ARTIFACT_METADATA_FILE} is not in the expected form (schemaVersion, pullNumber, headSha, reportSha256).`,
    );
  }
  return { schemaVersion, pullNumber: pullNumber as number | null, headSha, reportSha256 };
}

/**
 * Reads an analysis artifact back and checks it: the commit must be the triggering run's head commit, the report's
 * hash must match, and the report must have the report's shape. Throws ArtifactError otherwise.
 */
export async function readArtifact(
  dir: string,
  expectedHeadSha: string,
): Promise<{ report: Report; metadata: ArtifactMetadata }> {
  const metadata = parseMetadata(
    parseJson(await readBounded(dir, ARTIFACT_METADATA_FILE), ARTIFACT_METADATA_FILE),
  );
  if (metadata.headSha !== expectedHeadSha) {
    throw new ArtifactError(
      `The artifact was made for commit ${metadata.headSha}, but the triggering run is for ${expectedHeadSha}; refused.`,
    );
  }
  const reportText = await readBounded(dir, ARTIFACT_REPORT_FILE);
  if (hashText(reportText) !== metadata.reportSha256) {
    throw new ArtifactError(
      `The artifact's ${ARTIFACT_REPORT_FILE} does not match the hash in its metadata; refused.`,
    );
  }
  const parsed = parseReport(parseJson(reportText, ARTIFACT_REPORT_FILE));
  if ('problem' in parsed) {
    throw new ArtifactError(`The artifact's ${ARTIFACT_REPORT_FILE} is not a report: ${parsed.problem}.`);
  }
  return { report: parsed.report, metadata };
}
