import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The renderer's styles live beside the components they style; the design tokens live in one file.
const RENDERER = resolve(import.meta.dirname, '../../../src/renderer/src');
const TOKENS = 'styles/tokens.css';

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [relative(RENDERER, path)] : [];
  });
}

function sourcesImporting(css: string): string[] {
  const name = css.split('/').pop() as string;
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && readFileSync(path, 'utf8').includes(`/${name}';`)) found.push(relative(RENDERER, path));
    }
  };
  walk(RENDERER);
  return found;
}

describe('renderer stylesheets', () => {
  const files = stylesheets(RENDERER);

  it('are split by feature, none over 600 lines', () => {
    expect(files.length).toBeGreaterThan(10);
    const long = files.map((file) => ({ file, lines: readFileSync(join(RENDERER, file), 'utf8').split('\n').length })).filter(({ lines }) => lines > 600);
    expect(long).toEqual([]);
  });

  it('take colours only from the design tokens', () => {
    const literal = /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i;
    const offenders = files
      .filter((file) => file !== TOKENS)
      .flatMap((file) =>
        readFileSync(join(RENDERER, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ file, line: index + 1, text: line.trim() }))
          .filter(({ text }) => literal.test(text.replace(/\/\*.*?\*\//g, ''))),
      );
    expect(offenders).toEqual([]);
  });

  it('declare custom properties only in the tokens file', () => {
    const declared = files.filter((file) => file !== TOKENS && /^\s*--[a-z-]+\s*:/m.test(readFileSync(join(RENDERER, file), 'utf8')));
    expect(declared).toEqual([]);
  });

  it('are each imported by a source file', () => {
    const orphans = files.filter((file) => sourcesImporting(file).length === 0);
    expect(orphans).toEqual([]);
  });
});
