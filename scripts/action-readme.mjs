// Writes the README's table of action inputs and outputs from action.yml, between the markers
// <!-- action-inputs:start --> and <!-- action-inputs:end -->. With --check, changes nothing and exits 1 when the
// README is out of date. Usage: node scripts/action-readme.mjs [--check] [--readme FILE] [--action FILE]
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const START = '<!-- action-inputs:start -->';
const END = '<!-- action-inputs:end -->';
const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Paths in messages are shown relative to where the script was run. */
function shown(path) {
  return relative(process.cwd(), path) || path;
}

function readOptions(args) {
  const options = { check: false, readme: join(root, 'README.md'), action: join(root, 'action.yml') };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--check') options.check = true;
    else if (arg === '--readme' || arg === '--action') {
      const value = args[index + 1];
      if (value === undefined) fail(`${arg} needs a file`);
      options[arg.slice(2)] = value;
      index += 1;
    } else fail(`unknown argument '${arg}'; use [--check] [--readme FILE] [--action FILE]`);
  }
  return options;
}

function fail(message, code = 2) {
  process.stderr.write(`action-readme: ${message}\n`);
  process.exit(code);
}

/** Table cells are one line, and a pipe would end the cell. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
}

function code(text) {
  const value = String(text);
  if (value === '') return '_(empty)_';
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value.replace(/\|/g, '\\|')}${fence}`;
}

function renderTable(action) {
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});
  const lines = ['#### Inputs', '', '| input | default | description |', '|---|---|---|'];
  for (const [name, input] of inputs) {
    lines.push(`| \`${name}\` | ${code(input.default ?? '')} | ${cell(input.description)} |`);
  }
  lines.push('', '#### Outputs', '', '| output | description |', '|---|---|');
  for (const [name, output] of outputs) lines.push(`| \`${name}\` | ${cell(output.description)} |`);
  return lines.join('\n');
}

const options = readOptions(process.argv.slice(2));
const action = parse(await readFile(options.action, 'utf8'));
const readme = await readFile(options.readme, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < 0 || end < start) {
  fail(`${shown(options.readme)} must contain the markers ${START} and ${END}, in that order`);
}
const updated = `${readme.slice(0, start + START.length)}\n${renderTable(action)}\n${readme.slice(end)}`;
if (options.check) {
  if (updated !== readme) {
    fail(
      `${shown(options.readme)} is out of date with ${shown(options.action)}: run 'node scripts/action-readme.mjs'`,
      1,
    );
  }
  process.stdout.write('action-readme: the README matches action.yml\n');
} else if (updated !== readme) {
  await writeFile(options.readme, updated);
  process.stdout.write(`action-readme: updated ${shown(options.readme)}\n`);
}
