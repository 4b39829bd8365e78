// The second thread of HclParsing: parses the files it is given with the same parseHclFile and sends back each
// body as JSON text, which crosses between threads faster than an object graph.
import { parentPort } from 'node:worker_threads';
import { preloadHclParser } from './parse-file.js';
import { parseForReply, parseFromBack, type IndexedHclText } from './parse-pool.js';

// Loaded while the main thread reads the files.
preloadHclParser();

parentPort?.once(
  'message',
  async ({ files, claims }: { files: readonly IndexedHclText[]; claims: Int32Array }) => {
    parentPort?.postMessage(await parseFromBack(files, claims, parseForReply));
  },
);
