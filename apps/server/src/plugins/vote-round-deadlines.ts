import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.ts';
import { findDueVoteRounds } from '../services/voting/find-due-vote-rounds.ts';
import { publishVoteRound } from '../services/voting/publish-voting.ts';
import { revealVoteRound } from '../services/voting/reveal-vote-round.ts';

declare module 'fastify' {
  interface FastifyInstance {
    voteRoundDeadlines: {
      /** Reveals the round at its time limit (on this instance; the sweep covers the rest). */
      watch(round: { id: string; mapId: string; endsAt: string | null; now: string }): void;
    };
  }
}

/**
 * Rounds with a time limit end by themselves. The instance that started one
 * sets a timer for its `endsAt`; every instance also sweeps for running
 * rounds past their time (Postgres' clock) every `voteRoundSweepIntervalMs`
 * (2 s by default), so a restart, or an instance that died, loses no reveal.
 * Ending takes the round's row exclusively, so however many try, it is
 * revealed — and announced — once.
 */
export const voteRoundDeadlinesPlugin = fp(
  async (app) => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    let closing = false;

    const reveal = async (round: { id: string; mapId: string }) => {
      try {
        const revealed = await revealVoteRound(app.prisma, app.sync, round);
        await publishVoteRound(app.sync, app.mapEvents, revealed);
      } catch (error) {
        const done =
          error instanceof AppError &&
          (error.code === 'VOTE_ROUND_ENDED' || error.code === 'VOTE_ROUND_NOT_FOUND');
        if (!done && !closing) app.log.warn({ err: error, roundId: round.id }, 'reveal failed');
      }
    };

    let sweeping = false;
    const sweep = async () => {
      if (sweeping || closing) return;
      sweeping = true;
      try {
        for (const round of await findDueVoteRounds(app.prisma)) await reveal(round);
      } catch (error) {
        if (!closing) app.log.warn({ err: error }, 'vote round sweep failed');
      } finally {
        sweeping = false;
      }
    };

    app.decorate('voteRoundDeadlines', {
      watch: (round) => {
        if (!round.endsAt || closing) return;
        const delay = Math.max(0, Date.parse(round.endsAt) - Date.parse(round.now));
        const timer = setTimeout(() => {
          timers.delete(timer);
          void reveal(round);
        }, delay + 20);
        timer.unref();
        timers.add(timer);
      },
    });

    let interval: ReturnType<typeof setInterval> | undefined;
    const sweepIntervalMs = app.config.voteRoundSweepIntervalMs ?? 0;
    app.addHook('onReady', async () => {
      if (sweepIntervalMs <= 0) return;
      interval = setInterval(() => void sweep(), sweepIntervalMs);
      interval.unref();
    });
    app.addHook('preClose', async () => {
      closing = true;
      clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
    });
  },
  { name: 'vote-round-deadlines', dependencies: ['config', 'prisma', 'map-events'] },
);
