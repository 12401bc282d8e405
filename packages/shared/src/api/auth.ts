import { z } from 'zod';
import { ZWorkspaceCapabilities } from '../capabilities/actions.ts';
import { ZWorkspaceRole } from './roles.ts';
import { ZLine, ZText } from './text.ts';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 80;

export const ZEmail = ZLine('Email')
  .toLowerCase()
  .pipe(z.email('Enter an email address like name@example.com.').max(254));

export const ZDisplayName = ZLine('Name')
  .min(1, 'Tell us your name.')
  .max(NAME_MAX, `Keep the name to ${NAME_MAX} characters or fewer.`);

export const ZSignupRequest = z.strictObject({
  email: ZEmail,
  password: ZText('Password', { trim: false })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for the password.`)
    .max(PASSWORD_MAX, `Keep the password to ${PASSWORD_MAX} characters or fewer.`),
  name: ZDisplayName,
  /** From a workspace invitation link: joins that workspace on sign-up. */
  inviteToken: ZLine('The invitation token').min(1).max(200).optional(),
});
export type TSignupRequest = z.input<typeof ZSignupRequest>;

export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  password: ZText('Password', { trim: false }).min(1, 'Enter your password.').max(PASSWORD_MAX),
});
export type TLoginRequest = z.input<typeof ZLoginRequest>;

export const ZUser = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type TUser = z.infer<typeof ZUser>;

export const ZWorkspaceSummary = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean(),
  /** Your role, to show; what it lets you do is `capabilities`. */
  role: ZWorkspaceRole,
  /** What you may do in this workspace (packages/shared/src/capabilities). */
  capabilities: ZWorkspaceCapabilities.optional(),
  /**
   * The name of who added you, until you have said you saw it
   * (`routes.workspaces.acknowledgeAdded`); absent when you joined by yourself.
   */
  addedBy: z.string().optional(),
});
export type TWorkspaceSummary = z.infer<typeof ZWorkspaceSummary>;

/** GET /api/me: an account, or a workshop participant (a display name on one map). */
export const ZMeResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), user: ZUser, workspaces: z.array(ZWorkspaceSummary) }),
  z.object({
    kind: z.literal('guest'),
    guest: z.object({ id: z.string(), name: z.string(), mapId: z.string() }),
  }),
]);
export type TMeResponse = z.infer<typeof ZMeResponse>;

/** A workshop guest as a person on the map (presence id, edit author id): `guest:<session id>`. */
export const guestPersonKey = (sessionId: string): string => `guest:${sessionId}`;

/** Who `me` is as edit authors and presence name people: an account's user id, or a guest's key. */
export const personKeyOf = (me: TMeResponse): string =>
  me.kind === 'user' ? me.user.id : guestPersonKey(me.guest.id);

export const ZAuthResponse = z.object({ user: ZUser });
export type TAuthResponse = z.infer<typeof ZAuthResponse>;

export const ZSignupResponse = ZAuthResponse.extend({
  /** The workspace an invitation joined (the app opens it), else null. */
  joinedWorkspaceId: z.string().nullable(),
});
export type TSignupResponse = z.infer<typeof ZSignupResponse>;
