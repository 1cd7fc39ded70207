/** workspace/executeCommand: one dispatcher, since the connection keeps a single handler. */
import type { TifaContext } from '../context';
import { SERVER_COMMANDS } from '../protocol';

export function registerCommands(ctx: TifaContext, handlers: { reloadGlossaries(): Promise<void>; addToGlossary(args: unknown[]): Promise<boolean | null>; addCandidate(args: unknown[]): Promise<boolean | null> }): void {
  ctx.connection.onExecuteCommand(async (params) => {
    if (params.command === SERVER_COMMANDS.reloadGlossaries) {
      await handlers.reloadGlossaries();
      return true;
    }
    if (params.command === SERVER_COMMANDS.addToGlossary) return handlers.addToGlossary(params.arguments ?? []);
    if (params.command === SERVER_COMMANDS.addCandidateToGlossary) return handlers.addCandidate(params.arguments ?? []);
    return null;
  });
}

export const EXECUTED_COMMANDS = Object.values(SERVER_COMMANDS);
