import fp from 'fastify-plugin';
import { deleteExpiredCredentials } from '../services/maintenance/delete-expired-credentials.ts';

/**
 * Runs the periodic clean-up (services/maintenance/) every
 * `config.cleanupIntervalMs` (0: never) from the moment the server is ready,
 * first after one interval; stops on close. A failed round is logged and
 * retried at the next.
 */
export const cleanupPlugin = fp(
  async (app) => {
    const intervalMs = app.config.cleanupIntervalMs ?? 0;
    if (intervalMs <= 0) return;
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> | null = null;

    const round = async () => {
      try {
        const deleted = await deleteExpiredCredentials(app.prisma);
        if (deleted) app.log.info({ deleted }, 'deleted expired sessions, invitations and links');
      } catch (error) {
        app.log.warn({ err: error }, 'deleting expired credentials failed; retrying later');
      }
    };

    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        running ??= round().finally(() => (running = null));
      }, intervalMs);
      timer.unref();
    });
    // preClose: before Prisma disconnects in onClose.
    app.addHook('preClose', async () => {
      if (timer) clearInterval(timer);
      await running;
    });
  },
  { name: 'cleanup', dependencies: ['config', 'prisma'] },
);
