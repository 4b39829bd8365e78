// The second thread of HclParsing: parses the files it is given with the same parseHclFile and sends back each
// body as JSON text, which crosses between threads faster than an object graph.
import { parentPort } from 'node:worker_threads';
import { preloadHclParser } from './parse-file.js';
import { parseForReply, type HclText, type WorkerReply } from './parse-pool.js';

// Loaded while the main thread reads the files.
preloadHclParser();

parentPort?.once('message', async (files: readonly (HclText & { readonly index: number })[]) => {
  const replies: WorkerReply[] = [];
  for (const file of files) replies.push(await parseForReply(file));
  parentPort?.postMessage(replies);
});
