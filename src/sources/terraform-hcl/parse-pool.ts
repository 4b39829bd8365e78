import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../input-error.js';
import { parseHclFile, preloadHclParser, type ParsedBody } from './parse-file.js';

/** One `.tf` file to parse: its text and its path as shown to people. */
export interface HclText {
  readonly text: string;
  readonly shownPath: string;
}

/** A file's parse: its body, or the InputError it gave. */
export type HclParse = { readonly body: ParsedBody } | { readonly error: InputError };

/** What the parse worker sends back for each file it was given, by index. */
export type WorkerReply =
  | { readonly index: number; readonly json: string }
  | { readonly index: number; readonly error: { readonly message: string; readonly line?: number } };

/** The part of a worker the pool uses; tests hand in their own. */
export interface ParseWorker {
  parse(files: readonly (HclText & { readonly index: number })[]): Promise<readonly WorkerReply[]>;
  close(): Promise<void>;
}

/** From this many files on, a second thread is started while they are read, in case their text is large enough. */
export const PARALLEL_PARSE_FILES = 64;

/**
 * Below this much text a second thread costs more than it saves: it must load hcl2json's WebAssembly (about 0.15 s)
 * before its first parse, and hcl2json parses about 1.5 MB a second.
 */
export const PARALLEL_PARSE_BYTES = 512 * 1024;

/**
 * The share of the text given to the worker. Half, although the worker starts later: it loads hcl2json while this
 * thread reads the files, and this thread has the JSON of the worker's parses to read afterwards.
 */
const WORKER_SHARE = 0.5;

// Set by the build to the parse worker's path beside each bundle; absent when running from source.
declare const __AAD_HCL_WORKER__: string | undefined;

/** Starts the bundled parse worker, when there is one and a second core to run it. */
function startBundledWorker(): ParseWorker | undefined {
  if (typeof __AAD_HCL_WORKER__ !== 'string' || availableParallelism() < 2) return undefined;
  const worker = new Worker(new URL(__AAD_HCL_WORKER__, import.meta.url));
  return {
    parse: (files) =>
      new Promise((resolve, reject) => {
        worker.once('message', (replies: readonly WorkerReply[]) => resolve(replies));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the parse worker stopped (exit code ${code})`)));
        worker.postMessage(files);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/** Parses one file as the worker does: the body as JSON text, or the InputError's message and line. */
export async function parseForReply(file: HclText & { readonly index: number }): Promise<WorkerReply> {
  try {
    return { index: file.index, json: JSON.stringify(await parseHclFile(file.text, file.shownPath)) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return {
      index: file.index,
      error: { message: error.message, ...(error.line === undefined ? {} : { line: error.line }) },
    };
  }
}

async function parseHere(file: HclText): Promise<HclParse> {
  try {
    return { body: await parseHclFile(file.text, file.shownPath) };
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  }
}

function fromReply(reply: WorkerReply, file: HclText): HclParse {
  if ('json' in reply) return { body: JSON.parse(reply.json) as ParsedBody };
  return { error: new InputError(file.shownPath, reply.error.message, reply.error.line, 'terraform-hcl') };
}

/**
 * Parses files with hcl2json, in a second thread as well as this one when there is enough text: hcl2json's parse
 * is most of the time of reading a large directory, and each file parses on its own. Made before the files are read,
 * so that both threads load hcl2json meanwhile. The worker takes the last files, this thread the first; the outcome
 * is the same as parsing one by one, in order, and if the worker fails its files are parsed here.
 */
export class HclParsing {
  private readonly worker: ParseWorker | undefined;

  constructor(fileCount: number, startWorker: () => ParseWorker | undefined = startBundledWorker) {
    preloadHclParser();
    this.worker = fileCount >= PARALLEL_PARSE_FILES ? startWorker() : undefined;
  }

  /** Parses the files, in order of the list; may be called once. */
  async parse(files: readonly HclText[]): Promise<HclParse[]> {
    const total = files.reduce((sum, file) => sum + file.text.length, 0);
    const worker = total >= PARALLEL_PARSE_BYTES ? this.worker : undefined;
    let split = files.length;
    if (worker !== undefined) {
      let given = 0;
      while (split > 1 && given + (files[split - 1]?.text.length ?? 0) <= total * WORKER_SHARE) {
        split -= 1;
        given += files[split]?.text.length ?? 0;
      }
    }
    const theirs = files.slice(split).map((file, offset) => ({ ...file, index: split + offset }));
    const replies = worker === undefined || theirs.length === 0 ? undefined : worker.parse(theirs);
    // Settled at once so that a failing worker is not an unhandled rejection while this thread parses.
    const settled = replies?.then(
      (value) => ({ value }),
      () => undefined,
    );
    const results: HclParse[] = [];
    try {
      for (const file of files.slice(0, split)) results.push(await parseHere(file));
      const received = await settled;
      const byIndex = new Map((received?.value ?? []).map((reply) => [reply.index, reply]));
      for (const [offset, file] of files.slice(split).entries()) {
        const reply = byIndex.get(split + offset);
        results.push(reply === undefined ? await parseHere(file) : fromReply(reply, file));
      }
    } finally {
      await this.close();
    }
    return results;
  }

  /** Stops the second thread, if there is one. */
  async close(): Promise<void> {
    await this.worker?.close();
  }
}
