import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializeAtRef } from '../../../src/sources/git.js';
import { InputError } from '../../../src/sources/input-error.js';

let repo: string;
let firstCommit: string;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: repo,
    },
  }).trim();
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'git-ref-test-'));
  git('init', '--quiet', '--initial-branch=main');
  await mkdir(join(repo, 'infra', 'modules', 'kb'), { recursive: true });
  await writeFile(join(repo, 'infra', 'main.tf'), 'resource "aws_s3_bucket" "docs" {\n  bucket = "old"\n}\n');
  await writeFile(join(repo, 'infra', 'modules', 'kb', 'main.tf'), 'variable "name" {}\n');
  await writeFile(join(repo, 'template.yaml'), 'Resources: {}\n');
  await writeFile(join(repo, 'removed.yaml'), 'Resources: {}\n');
  await writeFile(join(repo, 'elsewhere.tf'), '# outside the given paths\n');
  git('add', '.');
  git('commit', '--quiet', '-m', 'first');
  firstCommit = git('rev-parse', 'HEAD');
  await writeFile(join(repo, 'infra', 'main.tf'), 'resource "aws_s3_bucket" "docs" {\n  bucket = "new"\n}\n');
  await writeFile(join(repo, 'added.yaml'), 'Resources: {}\n');
  await rm(join(repo, 'removed.yaml'));
  git('add', '-A');
  git('commit', '--quiet', '-m', 'second');
});

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('materializeAtRef', () => {
  it('reads a directory and a file as they were at the ref, without touching the working tree', async () => {
    const atRef = await materializeAtRef('HEAD~1', ['infra', 'template.yaml'], repo);
    try {
      expect(await readFile(join(atRef.root, 'infra', 'main.tf'), 'utf8')).toContain('bucket = "old"');
      expect(existsSync(join(atRef.root, 'infra', 'modules', 'kb', 'main.tf'))).toBe(true);
      expect(await readFile(join(atRef.root, 'template.yaml'), 'utf8')).toBe('Resources: {}\n');
      expect(await readFile(join(repo, 'infra', 'main.tf'), 'utf8')).toContain('bucket = "new"');
      expect(atRef.exists('infra')).toBe(true);
      expect(atRef.exists('infra/main.tf')).toBe(true);
      expect(atRef.exists('template.yaml')).toBe(true);
    } finally {
      await atRef.cleanup();
    }
    expect(existsSync(atRef.root)).toBe(false);
  });

  it('says a path added since the ref is absent before, and a deleted one present', async () => {
    const atRef = await materializeAtRef(firstCommit, ['added.yaml', 'removed.yaml'], repo);
    try {
      expect(atRef.exists('added.yaml')).toBe(false);
      expect(existsSync(join(atRef.root, 'added.yaml'))).toBe(false);
      expect(atRef.exists('removed.yaml')).toBe(true);
    } finally {
      await atRef.cleanup();
    }
  });

  it('brings Terraform files from outside the given paths along, so local modules resolve', async () => {
    const atRef = await materializeAtRef('HEAD~1', ['infra'], repo);
    try {
      expect(existsSync(join(atRef.root, 'elsewhere.tf'))).toBe(true);
      expect(atRef.exists('elsewhere.tf')).toBe(false);
    } finally {
      await atRef.cleanup();
    }
  });

  it('resolves paths against a working directory below the repository root', async () => {
    const atRef = await materializeAtRef('HEAD~1', ['main.tf'], join(repo, 'infra'));
    try {
      expect(await readFile(join(atRef.root, 'main.tf'), 'utf8')).toContain('bucket = "old"');
      expect(atRef.exists('main.tf')).toBe(true);
    } finally {
      await atRef.cleanup();
    }
  });

  it('names the fetch-depth hint for an unknown ref', async () => {
    const error: unknown = await materializeAtRef('origin/does-not-exist', ['infra'], repo).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/unknown git ref "origin\/does-not-exist"/);
    expect((error as InputError).message).toMatch(/fetch-depth: 0/);
  });

  it('refuses a ref that git would read as an option', async () => {
    await expect(materializeAtRef('--output=/tmp/x', ['infra'], repo)).rejects.toThrow(/invalid git ref/);
  });

  it('says when the directory is not in a git repository', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'not-a-repo-'));
    try {
      const error: unknown = await materializeAtRef('HEAD', ['x'], outside).catch(
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/not inside a git repository/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
