import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { InputError } from './input-error.js';

/** The files of some paths as they were at a git ref, extracted to a temporary directory. */
export interface MaterializedRef {
  /** Stands for the working directory: `join(root, path)` is where `path` (relative to it) was extracted. */
  readonly root: string;
  /** True when the path (relative to the working directory) is a file, or a directory with files, at the ref. */
  exists(path: string): boolean;
  /** Removes the temporary directory. */
  cleanup(): Promise<void>;
}

/** Where the before side of a change usually lives, for the hint in an unknown-ref error. */
const FETCH_HINT =
  'the base commit is not in this clone: check out with `fetch-depth: 0` (actions/checkout) or fetch the base ' +
  'branch first (for example `git fetch origin main`)';

/** Terraform files are read from the whole tree, so that local modules outside the given paths resolve at the ref. */
const TERRAFORM_FILE = /\.(tf|tfvars|tfvars\.json|tf\.json)$/;

/** Git file modes of regular files; symbolic links and submodules are not extracted. */
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;

class GitFailure extends Error {
  constructor(
    message: string,
    readonly missing: boolean,
  ) {
    super(message);
  }
}

function runGit(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: MAX_GIT_OUTPUT,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(new GitFailure(stderr.toString('utf8').trim() || error.message, missing));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

async function findRepository(cwd: string, shown: string): Promise<{ top: string; prefix: string }> {
  try {
    const output = await runGit(['rev-parse', '--show-toplevel', '--show-prefix'], cwd);
    const [top = '', prefix = ''] = output.toString('utf8').split('\n');
    return { top, prefix };
  } catch (error) {
    if (error instanceof GitFailure && error.missing) {
      throw new InputError(shown, 'cannot read the base ref: git is not installed');
    }
    throw new InputError(
      shown,
      'cannot read the base ref: the working directory is not inside a git repository',
    );
  }
}

async function resolveCommit(ref: string, top: string, shown: string): Promise<string> {
  // A ref that looks like an option would be read as one by git.
  if (ref === '' || ref.startsWith('-')) throw new InputError(shown, `invalid git ref "${ref}"`);
  try {
    const output = await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
    return output.toString('utf8').trim();
  } catch {
    throw new InputError(shown, `unknown git ref "${ref}": ${FETCH_HINT}`);
  }
}

interface TreeEntry {
  readonly object: string;
  /** The path relative to the repository root, with `/` separators. */
  readonly path: string;
}

async function listTree(commit: string, top: string): Promise<TreeEntry[]> {
  const output = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit], top);
  const entries: TreeEntry[] = [];
  for (const record of output.toString('utf8').split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(record);
    if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) continue;
    if (REGULAR_FILE_MODES.has(match[1])) entries.push({ object: match[2], path: match[3] });
  }
  return entries;
}

/** Reads many blobs with one `git cat-file --batch` process. */
async function readBlobs(objects: readonly string[], top: string): Promise<Buffer[]> {
  if (objects.length === 0) return [];
  const output = await runGit(['cat-file', '--batch'], top, `${objects.join('\n')}\n`);
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const object of objects) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
    if (headerEnd < 0 || !Number.isFinite(size)) throw new Error(`git cat-file gave no blob for ${object}`);
    blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return blobs;
}

function isWithin(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
}

/**
 * Extracts the given paths (relative to `cwd`, files or directories) as they are at `ref`, without a checkout and
 * without network, into a temporary directory. A path absent at the ref simply does not exist there. Throws
 * InputError when `cwd` is not in a git repository or the ref is unknown.
 */
export async function materializeAtRef(
  ref: string,
  paths: readonly string[],
  cwd: string,
): Promise<MaterializedRef> {
  const shown = paths[0] ?? '.';
  const { top, prefix } = await findRepository(cwd, shown);
  const commit = await resolveCommit(ref, top, shown);
  const wanted = paths.map((path) =>
    posix.normalize(posix.join(prefix, path.split('\\').join('/'))).replace(/\/$/, ''),
  );
  const entries = await listTree(commit, top);
  const requested = entries.filter((entry) =>
    wanted.some((folder) => isWithin(entry.path, folder === '.' ? '' : folder)),
  );
  const extras = requested.some((entry) => TERRAFORM_FILE.test(entry.path))
    ? entries.filter((entry) => TERRAFORM_FILE.test(entry.path) && !requested.includes(entry))
    : [];
  const chosen = [...requested, ...extras];

  const base = await mkdtemp(join(tmpdir(), 'ai-access-diff-ref-'));
  try {
    const blobs = await readBlobs(
      chosen.map((entry) => entry.object),
      top,
    );
    for (const [index, entry] of chosen.entries()) {
      const target = join(base, ...entry.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, blobs[index] ?? Buffer.alloc(0));
    }
  } catch (error) {
    await rm(base, { recursive: true, force: true });
    throw error instanceof InputError
      ? error
      : new InputError(shown, `cannot read ${ref} from git: ${String(error)}`);
  }

  const present = requested.map((entry) => entry.path);
  return {
    root: join(base, ...prefix.split('/').filter((part) => part !== '')),
    exists(path: string): boolean {
      const folder = posix.normalize(posix.join(prefix, path.split('\\').join('/'))).replace(/\/$/, '');
      return present.some((file) => isWithin(file, folder === '.' ? '' : folder));
    },
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}
