import path from 'node:path';
import { expect, test } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import { SyncEngine } from '../../../src/core/sync/syncEngine.ts';
import { createBackgroundSync } from '../../../src/main/sync/backgroundSync.ts';
import { buildTrayMenuTemplate, trayTooltip } from '../../../src/main/tray/trayMenu.ts';
import { tempFolder } from '../helpers/tempJournal.ts';

test("the app's background sync: nothing with sync off; after a write it syncs (debounced) and a peer's change reaches the windows", async () => {
  const root = tempFolder();
  const app = Journal.open(path.join(root, 'app.db'));
  const laptop = Journal.open(path.join(root, 'laptop.db'));
  const problems: (string | null)[] = [];
  let applied = 0;
  const background = createBackgroundSync({ journal: () => app, onApplied: () => (applied += 1), onProblem: (problem) => problems.push(problem), writeDebounceMs: 10, pollMs: 60_000 });
  background.start();
  background.afterWrite();
  await background.idle();
  expect(problems).toEqual([]);

  await new SyncEngine(app.db).init({ folder: path.join(root, 'sync'), deviceName: 'desktop' });
  const laptopEngine = new SyncEngine(laptop.db);
  await laptopEngine.init({ folder: path.join(root, 'sync'), deviceName: 'laptop' });
  background.restart();
  app.tasks.create({ workDate: '2026-04-01', title: 'Typed in the app', humanSeconds: 3600, agentSeconds: 60 });
  background.afterWrite();
  await background.idle();
  await laptopEngine.syncNow();
  expect(laptop.tasks.listByDate('2026-04-01').map((task) => task.title)).toEqual(['Typed in the app']);

  laptop.tasks.create({ workDate: '2026-04-01', title: 'Typed on the laptop', humanSeconds: 3600, agentSeconds: 60 });
  await laptopEngine.syncNow();
  background.afterWrite();
  await background.idle();
  expect(app.tasks.listByDate('2026-04-01').map((task) => task.title).sort()).toEqual(['Typed in the app', 'Typed on the laptop']);
  expect(applied).toBeGreaterThan(0);
  expect(problems.at(-1)).toBeNull();
  background.stop();
  app.close();
  laptop.close();
});

test('the tray shows a sync problem and leads to Settings', () => {
  const opened: string[] = [];
  const actions = { quickAdd: () => {}, openMain: () => opened.push('main'), openSettings: () => opened.push('settings'), exportTodaysPost: () => {}, quit: () => {} };
  const calm = buildTrayMenuTemplate({ taskCount: 2, leverage: '12x', syncProblem: null }, actions);
  expect(calm.some((item) => item.id === 'sync-problem')).toBe(false);
  const troubled = { taskCount: 2, leverage: '12x', syncProblem: 'The sync folder /mnt/nas/leverage is missing (is its drive mounted?).' };
  const item = buildTrayMenuTemplate(troubled, actions).find((entry) => entry.id === 'sync-problem');
  expect(item?.label).toMatch(/^⚠ Sync problem: The sync folder/);
  (item?.click as () => void)();
  expect(opened).toEqual(['settings']);
  expect(trayTooltip(troubled)).toMatch(/sync problem$/);
});
