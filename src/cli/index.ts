#!/usr/bin/env node
import { exitWhenFlushed } from './exit.js';
import { runCli } from './main.js';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
});
await exitWhenFlushed(exitCode);
