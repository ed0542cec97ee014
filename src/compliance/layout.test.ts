import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The direction of imports the design notes fix, checked over the source (anyone can run it:
 * `npx vitest run src/compliance/layout.test.ts`): compliance is the rules' one home and imports
 * nothing of the NBA engine, and product code never imports the demo world.
 */
const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports (static, dynamic and re-exports), as paths from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
  return specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => relative(root, resolve(root, file, '..', specifier)));
}

const files = [...sourceFiles('src'), ...sourceFiles('tools')];

/** Who may build demo data: the demo itself, the CLI (omni init), the benchmarks, test support, tests and evals. */
const mayImportDemo = (file: string) => /^src\/(demo|cli|bench|testing)\//.test(file) || file.endsWith('.test.ts');

describe('the direction of imports', () => {
  it('finds imports (the check itself works)', () => {
    expect(importsOf('src/compliance/caller.ts')).toContain('src/compliance/access-policy.ts');
    expect(files.length).toBeGreaterThan(100);
  });

  it('src/compliance imports nothing from src/nba', () => {
    const offending = files.filter((file) => file.startsWith('src/compliance/')).flatMap((file) => importsOf(file).filter((target) => target.startsWith('src/nba/')).map((target) => `${file} -> ${target}`));
    expect(offending).toEqual([]);
  });

  it('product code never imports src/demo (only the demo, the CLI, benchmarks, test support and tests)', () => {
    const offending = files.filter((file) => !mayImportDemo(file)).flatMap((file) => importsOf(file).filter((target) => target.startsWith('src/demo/')).map((target) => `${file} -> ${target}`));
    expect(offending).toEqual([]);
  });
});
