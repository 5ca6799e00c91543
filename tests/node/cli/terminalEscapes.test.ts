import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { visible } from '../../../src/cli/terminalText.ts';
import { dropSession } from '../../../src/core/hook/inbox.ts';
import { jsonl } from '../agentLogs/corpus.ts';
import { tempFolder } from '../helpers/tempJournal.ts';
import { leverage } from './runCli.ts';

/** Each escape a hostile title, prompt or folder name could carry, and what it would do to the terminal. */
const ESCAPES: Record<string, string> = {
  'OSC retitle': '\u001b]0;pwned\u0007',
  'clear screen': '\u001b[2J\u001b[H',
  'full reset': '\u001bc',
  'cursor up and erase line': '\u001b[1A\u001b[2K',
  '8-bit CSI': '\u009b2J',
  'C1 OSC': '\u009d0;pwned\u009c',
  bell: '\u0007',
  backspace: 'abc\b\b\b',
  'carriage return': 'hidden\rshown',
  'line feed': 'one\ntwo',
  delete: 'x\u007f',
  'right-to-left override': '\u202egnp.exe',
  'isolate': '\u2066iso\u2069',
  'NUL': 'a\u0000b',
};

// eslint-disable-next-line no-control-regex -- the characters that must never reach the terminal
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function lines(output: string): string[] {
  return output.split('\n').filter((line) => line !== '');
}

describe('terminal escapes are shown, never sent', () => {
  test.each(Object.entries(ESCAPES))('%s in a task title and workstream: list and stats print it visibly', async (_name, escape) => {
    const db = path.join(tempFolder(), 'leverage.db');
    const title = `Title ${escape} end`;
    const added = await leverage(db, 'add', '--date', '2026-03-01', '--title', title, '--human', '2h', '--agent', '5m', '--workstream', `ws${escape}`);
    expect(added.code).toBe(0);
    expect(added.stdout).not.toMatch(RAW_CONTROL);
    const list = await leverage(db, 'list', '--date', '2026-03-01');
    expect(list.stdout).not.toMatch(RAW_CONTROL);
    expect(lines(list.stdout)).toHaveLength(1); // a line feed in the title does not start a new line
    expect(list.stdout).toContain(visible(title.trim()));
    const stats = await leverage(db, 'stats', '--date', '2026-03-01');
    expect(stats.stdout).not.toMatch(RAW_CONTROL);
    // --json stays exact data (JSON escapes C0 itself); the title comes back as typed.
    const json = await leverage(db, 'list', '--date', '2026-03-01', '--json');
    expect((JSON.parse(json.stdout) as { title: string }[])[0]?.title).toBe(title.trim());
  });

  test('every escape in a session prompt, cwd and branch: sessions prints them visibly', async () => {
    const root = tempFolder();
    const project = path.join(root, 'projects', '-tmp-hostile');
    fs.mkdirSync(project, { recursive: true });
    const all = Object.values(ESCAPES).join(' ');
    const sessionId = '9f9f9f9f-0001-4000-8000-000000000001';
    const base = { isSidechain: false, sessionId, cwd: `/tmp/${all}`, gitBranch: `b${ESCAPES['OSC retitle']}`, version: '2.0.14', userType: 'external' };
    fs.writeFileSync(
      path.join(project, `${sessionId}.jsonl`),
      jsonl(
        { ...base, parentUuid: null, type: 'user', message: { role: 'user', content: `Prompt ${all}` }, uuid: 'u1', timestamp: '2026-03-01T10:00:00.000Z' },
        {
          ...base,
          type: 'assistant',
          requestId: 'r1',
          message: { id: 'm1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'text', text: 'ok' }], usage: { input_tokens: 5, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 } },
          uuid: 'a1',
          timestamp: '2026-03-01T10:05:00.000Z',
        },
      ),
    );
    const db = path.join(tempFolder(), 'leverage.db');
    const run = await leverage(db, 'sessions', '--root', root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(sessionId);
    expect(run.stdout).toContain('␛]0;pwned␇');
    expect(run.stdout).not.toMatch(RAW_CONTROL);
  });

  test('every escape in a pending session id and cwd: hook pending prints them visibly', async () => {
    const inbox = path.join(tempFolder(), 'inbox');
    const all = Object.values(ESCAPES).join(' ');
    dropSession(inbox, { session_id: `id${ESCAPES['clear screen']}`, cwd: `/work/${all}` });
    const run = await leverage(path.join(path.dirname(inbox), 'leverage.db'), 'hook', 'pending', '--inbox', inbox);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('id␛[2J␛[H');
    expect(run.stdout).toContain('<U+202E>gnp.exe');
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(lines(run.stdout)).toHaveLength(1);
  });

  test('visible() maps each control to a printable form and leaves other text alone', () => {
    expect(visible('\u001b[31mred\u001b[0m')).toBe('␛[31mred␛[0m');
    expect(visible('a\u009bb\u202ec\u007f')).toBe('a<U+009B>b<U+202E>c␡');
    expect(visible('Ünïcödé 日本 🎉 tabs? no')).toBe('Ünïcödé 日本 🎉 tabs? no');
  });
});
