import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
const work = mkdtempSync(path.join(os.tmpdir(), 'lambda-harness-packed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });

describe('the packed package, installed as a user would', () => {
  it('installs from the tarball and every entry point imports', () => {
    const tarball = npm(['pack', '--silent', '--pack-destination', work], repo).trim().split('\n').pop()!;
    const project = path.join(work, 'project');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', type: 'module', private: true }));
    npm(['install', '--prefer-offline', '--no-save', path.join(work, tarball), 'fast-check@4', 'msw@2', 'vitest@4', '@types/node@20'], project);

    const entries = Object.keys(pkg.exports).filter((k) => k !== './package.json');
    const script = `
      const entries = ${JSON.stringify(entries)};
      const loaded = {};
      for (const e of entries) {
        const spec = e === '.' ? 'lambda-harness' : 'lambda-harness/' + e.slice(2);
        const m = await import(spec);
        loaded[spec] = Object.keys(m).sort();
      }
      const { createFunction } = await import('lambda-harness');
      const fn = createFunction({ handler: async (e) => ({ twice: e.n * 2 }) });
      const r = await fn.invoke({ n: 21 });
      await fn.dispose();
      console.log(JSON.stringify({ loaded, payload: r.payload }));
    `;
    writeFileSync(path.join(project, 'check.mjs'), script);
    const out = JSON.parse(execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' })) as {
      loaded: Record<string, string[]>;
      payload: unknown;
    };
    expect(out.payload).toEqual({ twice: 42 });
    expect(out.loaded['lambda-harness']).toEqual(expect.arrayContaining(['createFunction', 'createClock', 'createContext', 'events', 'createQueue', 'createKinesisStream', 'createDynamoDbTable', 'createEventSourceMapping']));
    for (const names of Object.values(out.loaded)) expect(names.length).toBeGreaterThan(0);

    const help = execFileSync(path.join(project, 'node_modules/.bin/lambda-harness'), ['--help'], { encoding: 'utf8' });
    expect(help).toContain('invoke <path/file.export>');

    // Typings resolve for a TypeScript user too.
    writeFileSync(
      path.join(project, 'check.ts'),
      `import { createFunction, type InvocationResult } from 'lambda-harness';\nconst fn = createFunction({ handler: async (e: { n: number }) => e.n });\nexport const r: Promise<InvocationResult<number>> = fn.invoke({ n: 1 });\n`,
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['check.ts'] }),
    );
    try {
      execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(String((error as { stdout?: string }).stdout ?? error));
    }
  }, 180_000);
});
