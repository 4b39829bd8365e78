import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_CONFIG_PATH } from './default-path.js';
import { configSchema, defaultConfig, type Config } from './schema.js';

/** A config file that exists but is wrong. The message names the file, the key path and what was expected. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
  return `${path}: ${issue.message}`;
}

/**
 * Reads and validates the config. A missing file at the default path gives the defaults; a missing file that was
 * named explicitly is an error, because the user expects it to be used.
 */
export async function loadConfig(path: string | null, cwd: string): Promise<Config> {
  const explicit = path !== null && path !== '';
  const configPath = explicit ? path : DEFAULT_CONFIG_PATH;
  const absolute = isAbsolute(configPath) ? configPath : join(cwd, configPath);
  const shown = isAbsolute(configPath) ? relative(cwd, configPath) || configPath : configPath;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return defaultConfig();
    if (code === 'ENOENT') throw new ConfigError(`${shown}: config file not found`);
    if (code === 'EISDIR') throw new ConfigError(`${shown}: is a directory, expected a YAML file`);
    throw new ConfigError(`${shown}: cannot be read (${code ?? 'unknown error'})`);
  }
  return parseConfig(text, shown);
}

/** Parses config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new ConfigError(`${file}${line === undefined ? '' : `:${line}`}: not valid YAML (${first.code})`);
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(`${file}: ${(error as Error).message}`);
  }
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) {
    const details = result.error.issues.slice(0, 5).map(describeIssue).join('; ');
    throw new ConfigError(`${file}: ${details}`);
  }
  return result.data;
}
