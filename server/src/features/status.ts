/**
 * The glossary status the client shows in its language status item: what is loaded, how many
 * concepts, and any problems. Sent as a notification after every (re)load, and on request.
 */
import type { TifaContext } from '../context';
import { STATUS_NOTIFICATION, STATUS_REQUEST, type TifaStatus } from '../protocol';

export function currentStatus(ctx: TifaContext): TifaStatus {
  const loaded = ctx.glossaries.loaded();
  const glossaries = loaded.map((g) => {
    const errors = g.problems.filter((p) => p.severity === 'error');
    const first = errors[0] ?? g.problems[0];
    return {
      label: g.label,
      concepts: g.glossary.concepts.length,
      errors: errors.length,
      warnings: g.problems.length - errors.length,
      firstProblem: first ? `${g.label}:${first.line}:${first.column}: ${first.message}` : undefined,
      ...(g.stale ? { stale: true } : {}),
    };
  });
  return {
    concepts: ctx.glossaries.conceptCount(),
    glossaries,
    errors: glossaries.reduce((n, g) => n + g.errors, 0),
    stale: loaded.filter((g) => g.stale).map((g) => g.label),
    tooLarge: [...ctx.tooLarge],
    ...(ctx.memory ? { memory: ctx.memory.summary() } : {}),
  };
}

export function registerStatus(ctx: TifaContext): { send(): void } {
  ctx.connection.onRequest(STATUS_REQUEST, () => currentStatus(ctx));
  return {
    send() {
      void ctx.connection.sendNotification(STATUS_NOTIFICATION, currentStatus(ctx));
    },
  };
}
