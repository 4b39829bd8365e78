import { exitWhenFlushed } from '../cli/exit.js';
import { run } from './main.js';

await run();
await exitWhenFlushed(typeof process.exitCode === 'number' ? process.exitCode : 0);
