import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The public entry points: every name they export is API and must be documented. */
const ENTRIES = ['src/index.ts', 'src/vitest/index.ts', 'src/msw/index.ts', 'src/fast-check/index.ts'];

function undocumentedExports(): { entry: string; missing: string[] }[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(repo, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(
    ENTRIES.map((e) => path.join(repo, e)),
    { ...config!.options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  return ENTRIES.map((entry) => {
    const source = program.getSourceFile(path.join(repo, entry))!;
    const moduleSymbol = checker.getSymbolAtLocation(source)!;
    const missing: string[] = [];
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      let description = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      let hasExample = symbol.getJsDocTags(checker).some((tag) => tag.name === 'example');
      if (symbol.flags & ts.SymbolFlags.ValueModule) {
        // A namespace re-export (`export type * as X from`) is documented on its export statement.
        const statement = exported.declarations?.[0]?.parent;
        const docs = statement ? ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc) : [];
        description = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('').trim();
        hasExample = docs.some((d) => (d.tags ?? []).some((t) => t.tagName.text === 'example'));
      }
      const gaps = [description === '' ? 'description' : '', hasExample ? '' : '@example'].filter(Boolean);
      if (gaps.length > 0) missing.push(`${exported.name} (${gaps.join(', ')})`);
    }
    return { entry, missing };
  });
}

describe('the API reference', () => {
  it('has a description and an @example for every export of every entry point', () => {
    const report = undocumentedExports();
    for (const { entry, missing } of report) expect(missing, `exports of ${entry} without JSDoc`).toEqual([]);
  }, 60_000);
});
