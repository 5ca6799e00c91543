import fs from 'node:fs';
import path from 'node:path';
import { Journal } from '../../../src/core/journal.ts';
import { parseDuration } from '../../../src/shared/units/duration.ts';
import { parseTokens } from '../../../src/shared/units/tokens.ts';

export interface SeedTask {
  title: string;
  human: string;
  agent: string;
  tokens: string | null;
  leverage: string;
  workstream: string;
}

export interface SeedFixture {
  workDate: string;
  published: {
    taskCount: number;
    humanHours: number;
    agentMinutes: number;
    tokens: string;
    leverage: string;
    excludingLowest?: { count: number; factors: string[]; restAverage: string; minutes: number; hours: number };
    weeks: string;
    workstreams: number;
  };
  tasks: SeedTask[];
}

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/publishing');

function loadFixture(name: string): SeedFixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as SeedFixture;
}

/** The 12 tasks of the March 1, 2026 post. */
export function loadMarchFirst(): SeedFixture {
  return loadFixture('march-1-tasks.json');
}

/** The 18 tasks of the February 28, 2026 post. */
export function loadFebruary28(): SeedFixture {
  return loadFixture('february-28-tasks.json');
}

/** The seed's 12 tasks as task inputs for `workDate` (default: their own date). */
export function seedTaskInputs(fixture: SeedFixture, workDate = fixture.workDate) {
  return fixture.tasks.map((task) => ({
    workDate,
    title: task.title,
    workstream: task.workstream,
    humanSeconds: parseDuration(task.human, 'h'),
    agentSeconds: parseDuration(task.agent, 'm'),
    tokens: task.tokens === null ? null : parseTokens(task.tokens),
  }));
}

/** A fresh in-memory journal holding the March 1, 2026 seed day. */
export function openSeededJournal(): { journal: Journal; fixture: SeedFixture } {
  const journal = Journal.open(':memory:');
  const fixture = loadMarchFirst();
  journal.tasks.createMany(seedTaskInputs(fixture));
  return { journal, fixture };
}

/** Adds a day of `count` identical tasks (human hours, agent minutes each). */
export function addDay(journal: Journal, workDate: string, count: number, humanHours: number, agentMinutes: number): void {
  journal.tasks.createMany(
    Array.from({ length: count }, (_, index) => ({
      workDate,
      title: `Task ${index + 1} of ${workDate}`,
      workstream: 'Other',
      humanSeconds: humanHours * 3600,
      agentSeconds: agentMinutes * 60,
    })),
  );
}
