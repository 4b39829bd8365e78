import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../input-error.js';
import { scanSource, type ScannedSource } from './block-lines.js';
import { parseHclFile, preloadHclParser, type ParsedBody } from './parse-file.js';

/** One `.tf` file to parse: its text and its path as shown to people. */
export interface HclText {
  readonly text: string;
  readonly shownPath: string;
}

/**
 * A file's parse: its body and where its blocks are written, or the InputError it gave. The scan for blocks is done
 * with the parse so that it is shared between the threads too.
 */
export type HclParse =
  { readonly body: ParsedBody; readonly source: ScannedSource } | { readonly error: InputError };

/** A scan as it crosses between threads: the text stays where it was read. */
type ScanReply = Omit<ScannedSource, 'text'>;

/** What the parse worker sends back for each file it parsed, by index. */
export type WorkerReply =
  | { readonly index: number; readonly json: string; readonly scan: ScanReply }
  | { readonly index: number; readonly error: { readonly message: string; readonly line?: number } };

/** A file with its place in the list, as the worker is given it. */
export type IndexedHclText = HclText & { readonly index: number };

/**
 * The part of a worker the pool uses; tests hand in their own. `claims` holds one flag per file of the list, shared
 * between the threads: the worker parses from the last file down for as long as it can claim them
 * (`parseFromBack`), while this thread claims from the first file up.
 */
export interface ParseWorker {
  parse(files: readonly IndexedHclText[], claims: Int32Array): Promise<readonly WorkerReply[]>;
  close(): Promise<void>;
}

const UNCLAIMED = 0;
const CLAIMED_HERE = 1;
const CLAIMED_BY_WORKER = 2;

/** Claims a file for one thread; false when the other thread has it already. */
function claim(claims: Int32Array, index: number, by: number): boolean {
  return Atomics.compareExchange(claims, index, UNCLAIMED, by) === UNCLAIMED;
}

/**
 * The worker's side of the sharing: parses the files from the last one down and stops at the first that this
 * thread has claimed, since this thread claims in order from the front and so has every file before that one too.
 */
export async function parseFromBack(
  files: readonly IndexedHclText[],
  claims: Int32Array,
  parseOne: (file: IndexedHclText) => Promise<WorkerReply>,
): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  for (let position = files.length - 1; position >= 0; position -= 1) {
    const file = files[position]!;
    if (!claim(claims, file.index, CLAIMED_BY_WORKER)) break;
    replies.push(await parseOne(file));
  }
  return replies;
}

/** From this many files on, a second thread is started while they are read, in case their text is large enough. */
export const PARALLEL_PARSE_FILES = 64;

/**
 * Below this much text a second thread costs more than it saves: it must load hcl2json's WebAssembly (about 0.15 s)
 * before its first parse, and hcl2json parses about 1.5 MB a second.
 */
export const PARALLEL_PARSE_BYTES = 512 * 1024;

// Set by the build to the parse worker's path beside each bundle; absent when running from source.
declare const __AAD_HCL_WORKER__: string | undefined;

/** Starts the bundled parse worker, when there is one and a second core to run it. */
function startBundledWorker(): ParseWorker | undefined {
  if (typeof __AAD_HCL_WORKER__ !== 'string' || availableParallelism() < 2) return undefined;
  const worker = new Worker(new URL(__AAD_HCL_WORKER__, import.meta.url));
  return {
    parse: (files, claims) =>
      new Promise((resolve, reject) => {
        worker.once('message', (replies: readonly WorkerReply[]) => resolve(replies));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the parse worker stopped (exit code ${code})`)));
        worker.postMessage({ files, claims });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/** Parses one file and scans it for its blocks; a syntax error is thrown as an InputError. */
async function parseAndScan(file: HclText): Promise<{ body: ParsedBody; source: ScannedSource }> {
  return { body: await parseHclFile(file.text, file.shownPath), source: scanSource(file.text) };
}

/** Parses one file as the worker does: the body as JSON text, or the InputError's message and line. */
export async function parseForReply(file: IndexedHclText): Promise<WorkerReply> {
  try {
    const { body, source } = await parseAndScan(file);
    const { code, starts, blocks } = source;
    return { index: file.index, json: JSON.stringify(body), scan: { code, starts, blocks } };
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
    return await parseAndScan(file);
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  }
}

function fromReply(reply: WorkerReply, file: HclText): HclParse {
  if ('json' in reply) {
    return { body: JSON.parse(reply.json) as ParsedBody, source: { text: file.text, ...reply.scan } };
  }
  return { error: new InputError(file.shownPath, reply.error.message, reply.error.line, 'terraform-hcl') };
}

/**
 * Parses files with hcl2json, in a second thread as well as this one when there is enough text: hcl2json's parse
 * is most of the time of reading a large directory, and each file parses on its own. Made before the files are read,
 * so that both threads load hcl2json meanwhile. This thread parses from the first file up and the worker from the
 * last file down, each claiming a file before it parses it, until they meet: neither waits for the other longer than
 * one file takes, however their speeds differ. The outcome is the same as parsing one by one, in order, and if the
 * worker fails, the files it claimed are parsed here.
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
    const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * files.length));
    // The worker gets every file, since how far it gets depends on both threads' speed; the copy is a few ms.
    const replies = worker?.parse(
      files.map((file, index) => ({ ...file, index })),
      claims,
    );
    // Settled at once so that a failing worker is not an unhandled rejection while this thread parses.
    const settled = replies?.then(
      (value) => ({ value }),
      () => undefined,
    );
    const results: HclParse[] = [];
    try {
      for (const [index, file] of files.entries()) {
        if (!claim(claims, index, CLAIMED_HERE)) break;
        results.push(await parseHere(file));
      }
      const received = await settled;
      const byIndex = new Map((received?.value ?? []).map((reply) => [reply.index, reply]));
      for (let index = results.length; index < files.length; index += 1) {
        const file = files[index]!;
        const reply = byIndex.get(index);
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
