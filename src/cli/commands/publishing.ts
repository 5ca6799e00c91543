import { articleCommand } from './article.ts';
import type { CommandModule } from './context.ts';
import { factsCommand } from './facts.ts';
import { hookCommand } from './hook.ts';
import { publishCommand } from './publish.ts';
import { redactionCommand } from './redaction.ts';

/** The publishing commands: facts, article, publish, revision, redaction, hook. */
export const publishingCommands: CommandModule = (context) => {
  for (const register of [factsCommand, articleCommand, publishCommand, redactionCommand, hookCommand]) register(context);
};
